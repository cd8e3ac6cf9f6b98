"""`rolefit check`: every problem of both files in one run, each with its line, and never from the cache."""

from __future__ import annotations

import hashlib
import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from rolefit import __version__
from rolefit.catalogue import cache, load
from rolefit.catalogue.load import ROLES_FILE, TASKS_FILE, check_catalogue, load_catalogue
from rolefit.cli import app
from rolefit.errors import CatalogueError
from rolefit.files import strictyaml

runner = CliRunner()


def check(folder: Path) -> tuple[int, list[str]]:
    result = runner.invoke(app, ["check", "--catalogue", str(folder)])
    assert "Traceback" not in result.output
    return result.exit_code, result.stderr.splitlines()


# -- a generated catalogue with problems planted in it, each where it can be found again ------------


@dataclass
class Planted:
    """A catalogue's two files and the problems planted in them: (file, marker on the line, key, words)."""

    tasks: dict[str, Any]
    roles: dict[str, Any]
    problems: list[tuple[str, str, str, str]] = field(default_factory=list)


@st.composite
def planted_catalogues(draw: st.DrawFn) -> Planted:
    n_tasks, n_roles = draw(st.integers(3, 25)), draw(st.integers(1, 6))
    task_ids = [f"task-{k}" for k in range(n_tasks)]
    tasks = [
        {"id": t, "title": f"Task {k}", "group": "g", "description": "Work.", "stage": "s"}
        for k, t in enumerate(task_ids)
    ]
    roles: list[dict[str, Any]] = []
    for r in range(n_roles):
        chosen = draw(st.lists(st.sampled_from(task_ids), min_size=1, max_size=n_tasks, unique=True))
        listed = [{"task": t, "weight": "core", "source": "inferred"} for t in chosen]
        roles.append(
            {
                "id": f"role-{r}",
                "name": f"Role {r}",
                "short": f"r{r}",
                "summary": "A role.",
                "tasks": listed,
                "organisations": [{"kind": "employer", "description": "Hires."}],
            }
        )
    context: dict[str, Any] = {
        "id": "size",
        "title": "How big?",
        "choices": [{"id": "small", "label": "Small", "roles": {}}, {"id": "big", "label": "Big", "roles": {}}],
        "default": "small",
    }
    plant = Planted({"format": 1, "version": "v", "stages": [], "groups": [], "tasks": tasks}, {"format": 1})
    plant.tasks["stages"] = [{"id": "s", "title": "S", "description": "A stage."}]
    plant.tasks["groups"] = [{"id": "g", "title": "G", "short": "g"}]
    plant.roles.update(roles=roles, context=[context])
    marks = iter(range(10**6))
    for task in draw(st.lists(st.sampled_from(tasks), unique_by=id, max_size=n_tasks)):
        kind = draw(st.sampled_from(["group", "stage", "missing"]))
        if kind == "missing":  # a schema problem in tasks.yaml: cross-checks must still run
            del task["description"]
            plant.problems.append((TASKS_FILE, f"- id: {task['id']}", f"tasks[{task['id']}].description", "required"))
        else:
            task[kind] = f"no-{kind}-{next(marks)}"
            plant.problems.append((TASKS_FILE, f"{kind}: {task[kind]}", f"tasks[{task['id']}].{kind}", "unknown"))
    entries = [(role, rt) for role in roles for rt in role["tasks"]]
    for role, rt in draw(st.lists(st.sampled_from(entries), unique_by=lambda e: id(e[1]), max_size=len(entries))):
        key = f"roles[{role['id']}].tasks"
        if draw(st.booleans()):
            rt["weight"] = 100 + next(marks)
            plant.problems.append(
                (ROLES_FILE, f"weight: {rt['weight']}", f"{key}[{rt['task']}].weight", "from 0.5 to 3")
            )
        else:
            rt["task"] = f"missing-task-{next(marks)}"
            plant.problems.append((ROLES_FILE, f"task: {rt['task']}", f"{key}[{rt['task']}]", "unknown task id"))
    for choice in context["choices"]:
        for _ in range(draw(st.integers(0, 2))):
            ghost = f"ghost-{next(marks)}"
            choice["roles"][ghost] = 1.0
            plant.problems.append((ROLES_FILE, f"{ghost}: 1.0", f"context[size].choices[{choice['id']}].roles", "role"))
    if draw(st.booleans()):  # a schema problem in the question: its default is still checked
        context["choices"][0]["roles"]["role-0"] = 1.5
        key = "context[size].choices[small].roles.role-0"
        plant.problems.append((ROLES_FILE, "role-0: 1.5", key, "expected at most 1.0"))
    if draw(st.booleans()):
        context["default"] = f"nowhere-{next(marks)}"
        words = "expected one of the choices: small, big"
        plant.problems.append((ROLES_FILE, f"default: {context['default']}", "context[size].default", words))
    return plant


def write(folder: Path, plant: Planted, style: bool | None) -> dict[str, list[str]]:
    """The files, in block or flow style; their lines, to find each marker in."""
    texts = {TASKS_FILE: plant.tasks, ROLES_FILE: plant.roles}
    out = {}
    for name, data in texts.items():
        text = yaml.safe_dump(data, sort_keys=False, default_flow_style=style, width=10_000)
        (folder / name).write_text(text, encoding="utf-8")
        out[name] = text.splitlines()
    return out


def line_with(lines: list[str], marker: str) -> int:
    (found,) = [n for n, line in enumerate(lines, 1) if line.endswith(marker)]
    return found


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plant=planted_catalogues())
def test_every_planted_problem_is_listed_once_at_its_line(plant: Planted) -> None:
    """Schema and cross-file problems of both files together, in file order, each at its line and key."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        lines = write(folder, plant, style=False)
        code, err = check(folder)
    if not plant.problems:
        assert code == 0 and err == []
        return
    assert code == 2
    *listed, summary = err
    count = len(plant.problems)
    assert summary == f"rolefit: {count} problem{'s' if count != 1 else ''} in {folder}"
    expected = sorted(
        (0 if name == TASKS_FILE else 1, line_with(lines[name], marker), f"{folder / name}", key, words)
        for name, marker, key, words in plant.problems
    )
    assert len(listed) == len(expected), (listed, expected)
    places = [message.split(": ", 3) for message in listed]
    order = [(ROLES_FILE in where, int(where.rsplit(":", 1)[1])) for _, where, _, _ in places]
    assert order == sorted(order), "not in file order"
    assert sorted(f"{where}: {key}" for _, where, key, _ in places) == sorted(
        f"{path}:{line}: {key}" for _, line, path, key, _ in expected
    )
    for _, line, path, key, words in expected:
        assert any(m.startswith(f"rolefit: {path}:{line}: {key}: ") and words in m for m in listed), (key, listed)


@pytest.mark.parametrize("style", [False, True, None], ids=["block", "flow", "mixed"])
@pytest.mark.parametrize("bad", [0, 1, 40])
def test_bad_weights_and_unknown_tasks_are_counted_exactly(tmp_path: Path, style: bool | None, bad: int) -> None:
    """``bad`` weights out of range and three unknown task ids in one file of 60 roles: all listed, one each."""
    task_ids = [f"t-{k}" for k in range(50)]
    tasks = [{"id": t, "title": t, "group": "g", "description": "d", "stage": "s"} for t in task_ids]
    roles: list[dict[str, Any]] = [
        {
            "id": f"r-{r}",
            "name": f"R {r}",
            "short": "r",
            "summary": "s",
            "tasks": [{"task": task_ids[(r + j) % 50], "weight": "regular", "source": "article"} for j in range(5)],
            "organisations": [{"kind": "k", "description": "d"}],
        }
        for r in range(60)
    ]
    entries = [rt for role in roles for rt in role["tasks"]]
    for k, rt in enumerate(entries[: bad * 7 : 7]):
        rt["weight"] = 10 + k
    for k, rt in enumerate(entries[1::97][:3]):
        rt["task"] = f"nowhere-{k}"
    plant = Planted({"format": 1, "version": "v", "tasks": tasks}, {"format": 1, "roles": roles})
    plant.tasks["stages"] = [{"id": "s", "title": "S", "description": "d"}]
    plant.tasks["groups"] = [{"id": "g", "title": "G", "short": "g"}]
    write(tmp_path, plant, style)
    code, err = check(tmp_path)
    assert code == 2
    assert err[-1] == f"rolefit: {bad + 3} problems in {tmp_path}"
    assert sum("a number from 0.5 to 3 (got" in line for line in err) == bad
    assert sum("unknown task id 'nowhere-" in line for line in err) == 3


def test_each_file_is_parsed_once_however_many_problems(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Locating 300 problems composes neither file again: two parses in all."""
    task_ids = [f"t-{k}" for k in range(30)]
    tasks = {
        "format": 1,
        "version": "v",
        "stages": [{"id": "s", "title": "S", "description": "d"}],
        "groups": [{"id": "g", "title": "G", "short": "g"}],
        "tasks": [{"id": t, "title": t, "group": "g", "description": "d", "stage": "s"} for t in task_ids],
    }
    roles = {
        "format": 1,
        "roles": [
            {
                "id": f"r-{r}",
                "name": "R",
                "short": "r",
                "summary": "s",
                "tasks": [{"task": t, "weight": 7, "source": "article"} for t in task_ids[:10]],
                "organisations": [{"kind": "k", "description": "d"}],
            }
            for r in range(30)
        ],
    }
    (tmp_path / TASKS_FILE).write_text(yaml.safe_dump(tasks))
    (tmp_path / ROLES_FILE).write_text(yaml.safe_dump(roles))
    parses = []
    real = strictyaml.StrictLoader.get_single_node

    def counted(self: Any) -> Any:
        parses.append(self)
        return real(self)

    def composed(*args: object, **kwargs: object) -> None:
        raise AssertionError("the document was composed again")

    monkeypatch.setattr(strictyaml.StrictLoader, "get_single_node", counted)
    monkeypatch.setattr(yaml, "compose", composed)
    problems, catalogue = check_catalogue(tmp_path)
    assert catalogue is None
    assert len(problems) == 300
    assert len(parses) == 2
    assert all(p.line is not None for p in problems)


# -- check and load agree; check never reads the cache -------------------------------------------------


def test_load_raises_the_first_problem_check_lists(catalogue_dir: Path) -> None:
    roles = catalogue_dir / ROLES_FILE
    text = roles.read_text().replace("{task: etl-pipelines, weight: core,", "{task: etl-pipelines, weight: 9,", 1)
    roles.write_text(text.replace("{task: bi-dashboards,", "{task: bi-dashboardz,", 1))
    tasks = catalogue_dir / TASKS_FILE
    tasks.write_text(tasks.read_text().replace("group: ml-ops", "group: ml-opz", 1))
    problems, _ = check_catalogue(catalogue_dir)
    assert [p.file for p in problems] == [str(tasks), str(roles), str(roles)]
    with pytest.raises(CatalogueError) as err:
        load_catalogue(catalogue_dir)
    assert str(err.value) == str(problems[0])


@pytest.mark.parametrize("weight", ["centre", "Core-ish", "9", "0.1", "true", "-1", ".nan", "[3]"])
def test_a_bad_weight_names_the_words_a_weight_may_be_as_well_as_the_numbers(catalogue_dir: Path, weight: str) -> None:
    roles = catalogue_dir / ROLES_FILE
    text = roles.read_text()
    assert "{task: etl-pipelines, weight: core," in text
    roles.write_text(
        text.replace("{task: etl-pipelines, weight: core,", f"{{task: etl-pipelines, weight: {weight},", 1)
    )
    code, err = check(catalogue_dir)
    assert code == 2
    assert len(err) == 2 and str(roles) in err[0] and ".weight:" in err[0]
    assert "expected core, regular, occasional or a number from 0.5 to 3" in err[0]


@pytest.mark.parametrize("weight", ["core", "Regular", "occasional", "0.5", "3", "2.25"])
def test_every_weight_the_message_names_is_accepted(catalogue_dir: Path, weight: str) -> None:
    roles = catalogue_dir / ROLES_FILE
    roles.write_text(
        roles.read_text().replace("{task: etl-pipelines, weight: core,", f"{{task: etl-pipelines, weight: {weight},", 1)
    )
    assert check(catalogue_dir)[0] == 0


def _key(folder: Path) -> str:
    tasks, roles = (folder / TASKS_FILE).read_bytes(), (folder / ROLES_FILE).read_bytes()
    digest = hashlib.sha256(tasks + b"\0" + roles).hexdigest()
    return hashlib.sha256(f"{__version__}\0{cache.CACHE_FORMAT}\0{digest}".encode()).hexdigest()[:32]


def test_check_reports_a_problem_even_with_a_cache_entry_for_the_same_bytes(
    tmp_path: Path, catalogue_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache entry said to be for the broken files (as a stale or forged one would be): `roles` trusts
    it, `check` reads the files themselves and reports the problem."""
    store = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_ENV, str(store))
    load_catalogue(catalogue_dir)  # caches the good files
    (good,) = store.glob("catalogue-*.json")
    entry = json.loads(good.read_text())
    roles = catalogue_dir / ROLES_FILE
    roles.write_text(roles.read_text().replace("{task: etl-pipelines,", "{task: etl-pipelinez,", 1))
    key = _key(catalogue_dir)
    (store / f"catalogue-{key}.json").write_text(json.dumps({**entry, "key": key}))
    assert runner.invoke(app, ["roles", "--catalogue", str(catalogue_dir)]).exit_code == 0  # served from the cache
    code, err = check(catalogue_dir)
    assert code == 2
    assert "unknown task id 'etl-pipelinez'" in err[0]
    assert err[-1] == f"rolefit: 1 problem in {catalogue_dir}"


def test_check_never_reads_or_writes_the_cache(
    tmp_path: Path, catalogue_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*args: object) -> None:
        raise AssertionError("check used the cache")

    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(load, "_from_cache", refused)
    monkeypatch.setattr(load, "_to_cache", refused)
    code, err = check(catalogue_dir)
    assert (code, err) == (0, [])
    (catalogue_dir / TASKS_FILE).write_text("format: 2\n")
    code, err = check(catalogue_dir)
    assert code == 2 and len(err) > 1


@pytest.mark.parametrize("gone", [TASKS_FILE, ROLES_FILE])
def test_a_missing_file_does_not_hide_the_problems_of_the_other(catalogue_dir: Path, gone: str) -> None:
    """Every problem in one run: with one file missing, the other is still checked on its own."""
    other = ROLES_FILE if gone == TASKS_FILE else TASKS_FILE
    path = catalogue_dir / other
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("    title:") or line.startswith("    name:"))
    lines.insert(at + 1, lines[at])  # the same key twice
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (catalogue_dir / gone).unlink()
    code, err = check(catalogue_dir)
    assert code == 2
    assert err[0] == f"rolefit: {catalogue_dir / gone}: no such file; " + err[0].split("no such file; ", 1)[1]
    assert err[1].startswith(f"rolefit: {path}:{at + 2}: duplicate key")
    assert err[-1] == f"rolefit: 2 problems in {catalogue_dir}"


def test_check_counts_in_words_that_agree_with_the_numbers(catalogue_dir: Path) -> None:
    roles = catalogue_dir / "roles.yaml"
    text = roles.read_text(encoding="utf-8")
    roles.write_text(text[: text.index("  - id: appetite")], encoding="utf-8")  # (one context question left)
    result = CliRunner().invoke(app, ["check", "--catalogue", str(catalogue_dir)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().endswith("OK, 30 tasks in 6 groups, 3 roles, 1 context question (version 1.0.0)")


@pytest.mark.parametrize(
    ("name", "line", "bad"),
    [(ROLES_FILE, "  - id: rnd\n", "  - id: RND\n"), (TASKS_FILE, "  - id: build-models\n", "  - id: Build_Models\n")],
)
def test_an_id_that_is_no_id_is_one_problem_not_one_per_reference(
    catalogue_dir: Path, name: str, line: str, bad: str
) -> None:
    """ "RND" for "rnd": said once, at the id; its references are not each said to be unknown. An
    unknown reference of another id is still said, with suggestions of real ids only."""
    path = catalogue_dir / name
    path.write_text(path.read_text(encoding="utf-8").replace(line, bad, 1), encoding="utf-8")
    problems, _ = check_catalogue(catalogue_dir)
    assert [p.key for p in problems] == [
        f"{'roles' if name == ROLES_FILE else 'tasks'}[{bad.split(': ')[1].strip()}].id"
    ]
    roles = catalogue_dir / ROLES_FILE
    roles.write_text(roles.read_text(encoding="utf-8").replace("product: 0.2}", "prodcut: 0.2}", 1), encoding="utf-8")
    problems, _ = check_catalogue(catalogue_dir)
    assert len(problems) == 2 and "unknown role id 'prodcut'; did you mean 'product'?" in problems[-1].message
    assert "'rnd'" not in problems[-1].message.split("expected one of:")[0]
