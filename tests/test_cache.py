"""The catalogue cache and the fast answers check: same results, never trusted blindly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from rolefit.catalogue.load import load_catalogue
from rolefit.cli import app
from rolefit.errors import AnswersError
from rolefit.files.answers import check_document
from rolefit.files.schemas import AnswersModel

from helpers import EXAMPLES

runner = CliRunner()


def report(*extra: str) -> str:
    result = runner.invoke(app, ["quiz", "--answers", str(EXAMPLES / "analyst.yaml"), "--format", "json", *extra])
    assert result.exit_code == 0, result.output
    return result.stdout


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("catalogue-*.json"))


def test_cached_and_uncached_reports_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROLEFIT_CACHE_DIR", "off")
    uncached = report()
    monkeypatch.setenv("ROLEFIT_CACHE_DIR", str(tmp_path))
    first = report()  # fills the cache
    assert len(entries(tmp_path)) == 1
    second = report()  # reads it
    assert uncached == first == second


def test_cache_is_json_not_pickle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROLEFIT_CACHE_DIR", str(tmp_path))
    load_catalogue()
    (entry,) = entries(tmp_path)
    data = json.loads(entry.read_text())
    assert data["catalogue"]["version"] == load_catalogue().version


def test_a_changed_catalogue_file_is_not_served_from_the_cache(
    tmp_path: Path, catalogue_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ROLEFIT_CACHE_DIR", str(tmp_path / "cache"))
    before = load_catalogue(catalogue_dir)
    tasks = catalogue_dir / "tasks.yaml"
    tasks.write_text(tasks.read_text().replace("title: Build and tune models", "title: Train models"))
    after = load_catalogue(catalogue_dir)
    assert after.task_by_id["build-models"].title == "Train models"
    assert before.task_by_id["build-models"].title != "Train models"
    assert len(entries(tmp_path / "cache")) == 2


def test_a_broken_change_is_reported_even_after_a_good_version_was_cached(
    tmp_path: Path, catalogue_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ROLEFIT_CACHE_DIR", str(tmp_path / "cache"))
    load_catalogue(catalogue_dir)
    roles = catalogue_dir / "roles.yaml"
    roles.write_text(roles.read_text().replace("{task: etl-pipelines, weight: core", "{task: etl-pipelines, weight: 9"))
    result = runner.invoke(app, ["roles", "--catalogue", str(catalogue_dir)])
    assert result.exit_code == 2
    assert "weight" in result.stderr


@pytest.mark.parametrize("junk", ["", "{", "[]", '{"format": 1, "key": "x", "catalogue": {}}', "\x00\xff"])
def test_a_corrupt_cache_entry_is_ignored_and_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, junk: str
) -> None:
    monkeypatch.setenv("ROLEFIT_CACHE_DIR", str(tmp_path))
    good = load_catalogue()
    (entry,) = entries(tmp_path)
    entry.write_text(junk, encoding="latin-1")
    again = load_catalogue()
    assert again == good
    assert json.loads(entry.read_text())["catalogue"]["version"] == good.version  # rewritten


def test_a_tampered_cache_entry_with_the_right_key_is_still_checked_for_shape(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An entry whose content was edited so that it no longer builds is ignored, not trusted."""
    monkeypatch.setenv("ROLEFIT_CACHE_DIR", str(tmp_path))
    good = load_catalogue()
    (entry,) = entries(tmp_path)
    data = json.loads(entry.read_text())
    data["catalogue"]["roles"][0] = data["catalogue"]["roles"][0][:3]  # a truncated role
    entry.write_text(json.dumps(data))
    assert load_catalogue() == good


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("roles", 0, 4, 0, 1), float("nan")),
        (("roles", 0, 4, 0, 1), float("inf")),
        (("roles", 0, 4, 0, 1), 99.0),
        (("roles", 0, 4, 0, 1), "3"),
        (("roles", 0, 4, 0, 2), 7),
        (("tasks", 0, 1), 12),
        (("tasks", 0, 2), "no-such-group"),
        (("tasks", 0, 5), [1]),
    ],
)
def test_a_cache_entry_with_a_bad_value_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: tuple[object, ...], value: object
) -> None:
    """A weight that is NaN, infinite, out of range or text, a title that is a number, a task in an
    unknown group: the entry is not trusted, and the files are read again."""
    monkeypatch.setenv("ROLEFIT_CACHE_DIR", str(tmp_path))
    good = load_catalogue()
    (entry,) = entries(tmp_path)
    data = json.loads(entry.read_text())
    spot = data["catalogue"]
    for step in where[:-1]:
        spot = spot[step]
    spot[where[-1]] = value
    entry.write_text(json.dumps(data))
    assert load_catalogue() == good


def test_an_unwritable_cache_folder_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("ROLEFIT_CACHE_DIR", str(blocker / "cache"))
    assert load_catalogue().roles


# -- the hand-written answers check agrees with the pydantic model -----------------------------------

scalars = st.one_of(st.none(), st.booleans(), st.integers(-3, 7), st.floats(allow_nan=False), st.text(max_size=5))
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)
entry = st.dictionaries(
    st.sampled_from(["skill", "interest", "other"]), st.one_of(st.integers(-1, 5), values), max_size=3
)
stamp = st.one_of(
    st.none(),
    st.text(max_size=5),
    st.fixed_dictionaries(
        {"version": st.one_of(st.text(max_size=5), values)},
        optional={"digest": st.one_of(st.none(), st.text(max_size=5), values), "tasks": values, "x": values},
    ),
    values,
)
documents = st.fixed_dictionaries(
    {},
    optional={
        "format": st.one_of(st.just(1), st.just(2), st.booleans(), values),
        "answers": st.one_of(st.dictionaries(st.one_of(st.text(max_size=8), st.integers()), entry, max_size=3), values),
        "context": st.one_of(
            st.dictionaries(st.one_of(st.text(max_size=6), st.integers()), values, max_size=2), values
        ),
        "catalogue": stamp,
        "extra": values,
    },
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=documents)
def test_hand_check_and_schema_model_agree(doc: dict[str, object]) -> None:
    """The fast hand-written check accepts exactly the documents the pydantic model accepts."""
    text = yaml.safe_dump(doc)
    try:
        check_document(doc, text, "a.yaml")
        hand = True
    except AnswersError:
        hand = False
    try:
        AnswersModel.model_validate(doc)
        model = True
    except Exception:
        model = False
    assert hand == model, doc
