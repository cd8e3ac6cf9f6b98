"""`rolefit score` says how complete each file is, and flags partial, quick-quiz and untouched-template files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rolefit.catalogue.load import load_catalogue
from rolefit.cli import app
from rolefit.cohort import score_files

CAT = load_catalogue()
QUESTIONS = 2 * len(CAT.tasks) + len(CAT.context)
runner = CliRunner()
PARTIAL = "format: 1\nanswers:\n  build-models: {skill: 4, interest: 4}\n"
QUICK = "format: 1\nquiz: quick\nanswers:\n  build-models: {skill: 3, interest: 1}\n  ab-experiments: {skill: 4}\n"


def full_file(value: int) -> str:
    lines = ["format: 1", "answers:"] + [f"  {t.id}: {{skill: {value}, interest: {value}}}" for t in CAT.tasks]
    lines += ["context:"] + [f"  {q.id}: {q.default}" for q in CAT.context]
    return "\n".join(lines) + "\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "a-full.yaml").write_text(full_file(3))
    (tmp_path / "b-partial.yaml").write_text(PARTIAL)
    (tmp_path / "c-quick.yaml").write_text(QUICK)
    assert runner.invoke(app, ["template", "-o", str(tmp_path / "d-template.yaml")]).exit_code == 0
    return tmp_path


def test_rows_keep_the_answers_as_given_and_flag_them(folder: Path) -> None:
    cohort = score_files(CAT, sorted(folder.glob("*.yaml")))
    rows = {r.name: r for r in cohort.rows}
    assert {n: (r.answered, r.flags) for n, r in rows.items()} == {
        "a-full": (QUESTIONS, ()),
        "b-partial": (2, ("partial",)),
        "c-quick": (3, ("partial", "quick")),
        "d-template": (QUESTIONS, ("template",)),
    }
    assert rows["b-partial"].given.skill == {"build-models": 4}
    assert all(r.questions == QUESTIONS for r in rows.values())
    assert cohort.summary.partial == 2
    # a file full of answers all 2 but for one is not the untouched template
    (folder / "e-almost.yaml").write_text(full_file(2).replace("{skill: 2, interest: 2}", "{skill: 3, interest: 2}", 1))
    (almost,) = score_files(CAT, [folder / "e-almost.yaml"]).rows
    assert almost.flags == ()


def test_the_table_shows_completeness_flags_and_how_many_were_partial(folder: Path) -> None:
    result = runner.invoke(app, ["score", str(folder)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert f"2/{QUESTIONS}" in out and f"3/{QUESTIONS}" in out and f"{QUESTIONS}/{QUESTIONS}" in out
    assert "partial, quick" in out and "template" in out
    assert "2 files were partial" in " ".join(out.split())


def test_csv_and_json_carry_answered_questions_and_flags(folder: Path) -> None:
    result = runner.invoke(app, ["score", str(folder), "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    records = {r["person"]: r for r in csv.DictReader(io.StringIO(result.stdout))}
    assert records["c-quick"]["answered"] == "3" and records["c-quick"]["questions"] == str(QUESTIONS)
    assert records["c-quick"]["flags"] == "partial quick"
    assert records["a-full"]["flags"] == "" and records["d-template"]["flags"] == "template"
    assert records["d-template"]["tied"] != "" and records["d-template"]["hybrid"] == ""
    result = runner.invoke(app, ["score", str(folder), "--format", "json"])
    data = json.loads(result.stdout)
    people = {p["person"]: p for p in data["people"]}
    assert people["b-partial"]["answered"] == 2 and people["b-partial"]["flags"] == ["partial"]
    assert people["d-template"]["tied"] is not None and people["d-template"]["hybrid"] is None
    assert data["summary"]["partial"] == 2
    people_tied = [p for p in data["people"] if p["tied"] and "template" not in p["flags"]]
    assert data["summary"]["ties"] == len(people_tied)  # the template is no one, tied or not
    assert data["summary"]["templates"] == 1 and people["d-template"]["top"] is None
    tied = [x for x in data["summary"]["leanings"] if len(x["roles"]) > 2]
    assert len(tied) == (1 if people_tied else 0) and all(x["label"].endswith("(tied)") for x in tied)


def test_the_html_page_shows_completeness_and_flags(folder: Path, tmp_path: Path) -> None:
    page = tmp_path / "cohort.html"
    result = runner.invoke(app, ["score", str(folder), "-o", str(page)])
    assert result.exit_code == 0, result.stderr
    html = page.read_text()
    assert f">2/{QUESTIONS}<" in html and ">partial, quick<" in html and ">template<" in html
    assert "files were partial" in html


def test_no_partial_files_no_partial_words(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(full_file(3))
    result = runner.invoke(app, ["score", str(tmp_path)])
    assert result.exit_code == 0
    assert "partial" not in result.stdout
