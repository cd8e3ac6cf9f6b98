"""Loading the catalogue: faithful content, and errors that say where."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from rolefit.catalogue.load import ROLES_FILE, TASKS_FILE, load_catalogue, load_roles, load_tasks
from rolefit.errors import CatalogueError, UnknownRoleError
from rolefit.model.catalogue import Catalogue


def edit(folder: Path, name: str, change: str, to: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert change in text, f"{change!r} not in {name}"
    path.write_text(text.replace(change, to, 1), encoding="utf-8")


# -- the built-in catalogue -----------------------------------------------------------------


def test_builtin_catalogue_has_the_article_s_groups(catalogue: Catalogue) -> None:
    """The five groups of the article's task list, plus the data-engineering foundations."""
    titles = [g.title.lower() for g in catalogue.groups]
    for words in (
        "product features",
        "machine learning ops",
        "software engineering",
        "product data science",
        "miscellaneous",
        "foundations",
    ):
        assert any(words in t for t in titles), words


def test_every_group_has_tasks_and_every_task_a_known_stage(catalogue: Catalogue) -> None:
    for group in catalogue.groups:
        assert any(t.group == group.id for t in catalogue.tasks), group.id
    for task in catalogue.tasks:
        assert task.stage in catalogue.stage_by_id
        assert task.description and task.title


def test_three_archetypes_with_organisations_and_evolution(catalogue: Catalogue) -> None:
    assert [r.id for r in catalogue.roles] == ["data-person", "rnd", "product"]
    for role in catalogue.roles:
        assert role.organisations
        assert role.evolution
        assert {rt.source for rt in role.tasks} <= {"article", "inferred"}
        assert any(rt.source == "article" for rt in role.tasks)


def test_data_person_starts_with_infrastructure_and_bi(catalogue: Catalogue) -> None:
    """The article: the first year looks like data engineering and BI."""
    person = catalogue.role_by_id["data-person"]
    first = person.evolution[0]
    assert {"data-warehouse", "etl-pipelines", "bi-dashboards"} <= set(first.tasks)
    core = {rt.task for rt in person.tasks if rt.level == "core"}
    assert {"data-warehouse", "etl-pipelines", "bi-dashboards", "quick-win-analysis"} <= core


def test_article_exclusions_hold(catalogue: Catalogue) -> None:
    """R&D does little pipeline/database work; product DS ships few user features."""
    rnd = {rt.task for rt in catalogue.role_by_id["rnd"].tasks}
    product = {rt.task for rt in catalogue.role_by_id["product"].tasks}
    assert not {"etl-pipelines", "data-warehouse"} & rnd
    assert "deploy-models" not in product


def test_api_helpers_return_the_same_content(catalogue: Catalogue) -> None:
    assert load_roles() == list(catalogue.roles)
    assert load_tasks() == list(catalogue.tasks)


# -- finding roles --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("rnd", "rnd"),
        ("RND", "rnd"),
        ("R&D data scientist", "rnd"),
        ("r&d", "rnd"),
        ("product", "product"),
        ("Product Data", "product"),
        ("data-person", "data-person"),
        ("data person", "data-person"),
        ("DATA", "data-person"),
    ],
)
def test_find_role_by_id_name_or_prefix(catalogue: Catalogue, name: str, expected: str) -> None:
    assert catalogue.find_role(name).id == expected


@pytest.mark.parametrize("name", ["", "astronaut", "zzz"])
def test_unknown_role_lists_the_valid_ones(catalogue: Catalogue, name: str) -> None:
    with pytest.raises(UnknownRoleError) as err:
        catalogue.find_role(name)
    for role in catalogue.roles:
        assert role.id in str(err.value)


# -- errors that name the file, the entry and the field -------------------------------------


def test_unknown_task_id_in_a_role(catalogue_dir: Path) -> None:
    edit(catalogue_dir, ROLES_FILE, "{task: etl-pipelines,", "{task: etl-pipelinez,")
    with pytest.raises(CatalogueError) as err:
        load_catalogue(catalogue_dir)
    msg = str(err.value)
    assert ROLES_FILE in msg and "roles[data-person].tasks[etl-pipelinez]" in msg
    assert "unknown task id" in msg


def test_duplicate_task_id(catalogue_dir: Path) -> None:
    edit(catalogue_dir, TASKS_FILE, "id: label-datasets", "id: clean-data")
    with pytest.raises(CatalogueError) as err:
        load_catalogue(catalogue_dir)
    assert TASKS_FILE in str(err.value)
    assert "tasks[clean-data]" in str(err.value)
    assert "duplicate" in str(err.value)


def test_weight_out_of_range_names_the_line(catalogue_dir: Path) -> None:
    edit(catalogue_dir, ROLES_FILE, "{task: etl-pipelines, weight: core,", "{task: etl-pipelines, weight: 7,")
    text = (catalogue_dir / ROLES_FILE).read_text()
    line = 1 + text[: text.index("weight: 7")].count("\n")
    with pytest.raises(CatalogueError) as err:
        load_catalogue(catalogue_dir)
    msg = str(err.value)
    assert f"{ROLES_FILE}:{line}" in msg
    assert "roles[data-person].tasks[etl-pipelines].weight" in msg
    assert "core, regular, occasional or a number from 0.5 to 3" in msg


def test_unknown_weight_name(catalogue_dir: Path) -> None:
    edit(
        catalogue_dir,
        ROLES_FILE,
        "{task: etl-pipelines, weight: core,",
        "{task: etl-pipelines, weight: often,",
    )
    with pytest.raises(CatalogueError, match=r"tasks\[etl-pipelines\]\.weight"):
        load_catalogue(catalogue_dir)


def test_missing_field(catalogue_dir: Path) -> None:
    data = yaml.safe_load((catalogue_dir / TASKS_FILE).read_text())
    del data["tasks"][3]["description"]
    (catalogue_dir / TASKS_FILE).write_text(yaml.safe_dump(data, sort_keys=False))
    task_id = data["tasks"][3]["id"]
    with pytest.raises(CatalogueError) as err:
        load_catalogue(catalogue_dir)
    assert f"tasks[{task_id}].description" in str(err.value)
    assert "required" in str(err.value)


def test_unknown_field_is_rejected(catalogue_dir: Path) -> None:
    edit(catalogue_dir, TASKS_FILE, "format: 1", "format: 1\ncolour: blue")
    with pytest.raises(CatalogueError, match="colour: unknown field"):
        load_catalogue(catalogue_dir)


def test_unknown_group_of_a_task(catalogue_dir: Path) -> None:
    edit(catalogue_dir, TASKS_FILE, "group: ml-ops", "group: ml-opz")
    with pytest.raises(CatalogueError, match=r"\.group: unknown group 'ml-opz'"):
        load_catalogue(catalogue_dir)


def test_context_choice_naming_an_unknown_role(catalogue_dir: Path) -> None:
    edit(catalogue_dir, ROLES_FILE, "data-person: 1.0", "astronaut: 1.0")
    with pytest.raises(CatalogueError, match="unknown role id 'astronaut'"):
        load_catalogue(catalogue_dir)


def test_invalid_yaml_names_the_line(catalogue_dir: Path) -> None:
    (catalogue_dir / TASKS_FILE).write_text("format: 1\ntasks: [\n  - oops: {\n")
    with pytest.raises(CatalogueError, match=rf"{TASKS_FILE}:\d+: not valid YAML"):
        load_catalogue(catalogue_dir)


def test_missing_file_and_missing_folder(tmp_path: Path, catalogue_dir: Path) -> None:
    with pytest.raises(CatalogueError, match="expected a folder"):
        load_catalogue(tmp_path / "nowhere")
    (catalogue_dir / ROLES_FILE).unlink()
    with pytest.raises(CatalogueError, match=f"{ROLES_FILE}: no such file"):
        load_catalogue(catalogue_dir)


def test_top_level_must_be_a_mapping(catalogue_dir: Path) -> None:
    (catalogue_dir / TASKS_FILE).write_text("- just\n- a list\n")
    with pytest.raises(CatalogueError, match="expected a mapping"):
        load_catalogue(catalogue_dir)


def test_tasks_read_back_are_the_dataclasses_their_fields_say() -> None:
    """The catalogue builds its tasks, roles and their parts without calling __init__ (for speed): they
    must equal, hash and print as the same dataclasses made the usual way, and stay frozen."""
    import dataclasses

    from rolefit.model.catalogue import Organisation, Phase, Role, RoleTask, Task

    cat = load_catalogue()
    made: list[Task | RoleTask | Role | Organisation | Phase] = [*cat.tasks, *cat.roles]
    for role in cat.roles:
        made += [*role.tasks, *role.organisations, *role.evolution]
    assert {type(obj) for obj in made} == {Task, RoleTask, Role, Organisation, Phase}
    for obj in made:
        fields = dataclasses.fields(obj)
        again = type(obj)(**{f.name: getattr(obj, f.name) for f in fields})
        assert obj == again and hash(obj) == hash(again) and repr(obj) == repr(again)
        assert vars(obj) == vars(again)
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(obj, fields[0].name, "changed")
