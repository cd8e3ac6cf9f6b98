"""Scoring a cohort: finding the files, scoring each, summarising, and rendering."""

from __future__ import annotations

import csv
import io
import json
import shutil
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

from rolefit import cohort as cohort_module
from rolefit.catalogue.load import load_catalogue
from rolefit.cohort import LEARN_NEXT_LIMIT, Cohort, Row, expand, score_files, summarise
from rolefit.errors import AnswersError
from rolefit.files.answers import dump_answers, load_answers
from rolefit.model.answers import Answers, complete
from rolefit.model.catalogue import Catalogue
from rolefit.report.cohort import failure_lines, to_csv, to_json, to_markdown
from rolefit.report.cohort_terminal import render
from rolefit.scoring.fit import FitResult, score

from helpers import EXAMPLES, persona, uniform

CAT = load_catalogue()
BAD = "format: 1\nanswers:\n  build-models: {skill: 7, interest: 2}\n"


def expected(path: Path, catalogue: Catalogue) -> FitResult:
    """What scoring one file on its own gives."""
    return score(catalogue, complete(load_answers(path, catalogue), catalogue))


def load_error(path: Path, catalogue: Catalogue) -> AnswersError:
    with pytest.raises(AnswersError) as info:
        load_answers(path, catalogue)
    return info.value


def touch(folder: Path, *names: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text("format: 1\n")


# --- expand ------------------------------------------------------------------------------------


def test_folder_gives_its_answers_files_sorted(tmp_path: Path) -> None:
    """A folder stands for the *.yaml, *.yml and *.json files directly in it, sorted; not hidden or other files."""
    touch(tmp_path, "c.json", "a.yaml", "b.yml", "notes.txt", ".hidden.yaml")
    touch(tmp_path / "sub", "d.yaml")
    assert expand([str(tmp_path)]) == [tmp_path / n for n in ("a.yaml", "b.yml", "c.json")]


def test_glob_folder_and_file_keep_argument_order_without_duplicates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Arguments keep their order; a file named twice (even by another spelling) appears once, first time."""
    touch(tmp_path / "team", "a.yaml", "b.yaml", "c.json")
    touch(tmp_path / "more", "z.yaml")
    monkeypatch.chdir(tmp_path)
    got = expand(["team/c.json", "more", "team/*.yaml", str(tmp_path / "team"), "./team/a.yaml"])
    assert got == [Path("team/c.json"), Path("more/z.yaml"), Path("team/a.yaml"), Path("team/b.yaml")]


def test_glob_matching_a_folder_reads_that_folder(tmp_path: Path) -> None:
    """A pattern's matches count as if each had been given: a matching folder gives its files."""
    touch(tmp_path / "cohort-1", "a.yaml")
    touch(tmp_path / "cohort-2", "b.yaml")
    assert expand([str(tmp_path / "cohort-*")]) == [tmp_path / "cohort-1" / "a.yaml", tmp_path / "cohort-2" / "b.yaml"]


def test_what_matches_nothing_is_kept_in_place(tmp_path: Path) -> None:
    """A missing file, a pattern matching nothing and an empty folder are kept (to be reported), not raised."""
    touch(tmp_path, "a.yaml")
    (tmp_path / "empty").mkdir()
    args = [str(tmp_path / "gone.yaml"), str(tmp_path / "*.json"), str(tmp_path / "a.yaml"), str(tmp_path / "empty")]
    assert expand(args) == [Path(a) for a in args]


# --- score_files -------------------------------------------------------------------------------


def test_each_example_is_scored_as_on_its_own() -> None:
    """Every row is what score() gives for that file completed with defaults; name is the stem."""
    files = expand([str(EXAMPLES)])
    cohort = score_files(CAT, files)
    assert not cohort.failures
    assert [r.path for r in cohort.rows] == files
    for row in cohort.rows:
        assert row.name == row.path.stem
        assert row.result == expected(row.path, CAT)


def test_bad_and_missing_files_are_reported_by_name_and_the_rest_scored(tmp_path: Path) -> None:
    """An invalid file, a missing file, a pattern and an empty folder become failures with their messages."""
    shutil.copytree(EXAMPLES, tmp_path / "cohort")
    bad = tmp_path / "cohort" / "bad.yaml"
    bad.write_text(BAD)
    (tmp_path / "empty").mkdir()
    missing, pattern, empty = tmp_path / "nobody.yaml", tmp_path / "*.json", tmp_path / "empty"
    cohort = score_files(CAT, expand([str(tmp_path / "cohort"), str(missing), str(pattern), str(empty)]))

    assert [r.name for r in cohort.rows] == ["analyst", "builder", "researcher"]
    for row in cohort.rows:
        assert row.result == expected(row.path, CAT)
    failures = {f.path: f for f in cohort.failures}
    assert list(failures) == [bad, missing, pattern, empty]
    for path in (bad, missing):
        error = load_error(path, CAT)
        assert failures[path].message.endswith(error.message)
        assert failures[path].line == error.line
        assert f"{failures[path].where}: {failures[path].message}" == str(error)
    assert "no files match" in failures[pattern].message
    assert "no answers files" in failures[empty].message
    assert cohort.summary.people == 3


def test_partial_answers_count_as_neutral(tmp_path: Path) -> None:
    """Missing answers are filled as complete() fills them, including context."""
    path = tmp_path / "partial.yaml"
    path.write_text("format: 1\nanswers:\n  build-models: {skill: 4}\n")
    (row,) = score_files(CAT, [path]).rows
    assert row.result == score(CAT, complete(load_answers(path, CAT), CAT))


# --- summary -----------------------------------------------------------------------------------


def rows_of(*answers: Answers) -> list[Row]:
    return [Row(Path(f"p{k}.yaml"), f"p{k}", score(CAT, complete(a, CAT))) for k, a in enumerate(answers)]


def check_summary(rows: list[Row], catalogue: Catalogue) -> None:
    summary = summarise(rows, catalogue)
    order = {r.id: k for k, r in enumerate(catalogue.roles)}

    def leaning(row: Row) -> tuple[str, ...]:  # "R&D / product" and "product / R&D" are one leaning
        close = row.result.tied or row.result.hybrid
        return tuple(sorted((f.role.id for f in close), key=order.__getitem__)) if close else (row.result.top.role.id,)

    rows = [r for r in rows if not {"template", "empty"} & set(r.flags)]  # (no one: listed, not counted)
    assert {x.roles: x.count for x in summary.leanings} == Counter(leaning(r) for r in rows)
    for x in summary.leanings:
        if len(x.roles) <= 4:
            names = [catalogue.role_by_id[r].short for r in x.roles]
            assert x.label.removesuffix(" (tied)") == " / ".join(names)
    assert sum(x.count for x in summary.leanings) == summary.people == len(rows)
    assert summary.hybrids == sum(1 for r in rows if r.result.hybrid)
    assert summary.hybrids == sum(x.count for x in summary.leanings if x.hybrid)
    rank = {r.id: k for k, r in enumerate(catalogue.roles)}
    keys = [(-x.count, *(rank[i] for i in x.roles), -1)[:3] for x in summary.leanings]
    assert keys == sorted(keys)


def test_summary_counts_each_label_including_hybrids() -> None:
    """Counts agree with the rows' labels, a hybrid is its own bucket, and they sum to the row count."""
    rows = rows_of(
        persona(CAT, "rnd"), persona(CAT, "rnd"), persona(CAT, "product"), uniform(CAT, 2, 2), uniform(CAT, 2, 2)
    )
    assert any(r.result.hybrid or r.result.tied for r in rows)
    check_summary(rows, CAT)
    summary = summarise(rows, CAT)
    assert summary.leanings[0].count == 2


def test_summary_learn_next_is_the_top_roles_most_common() -> None:
    """learn_next counts the top role's 'learn next' tasks, most common first, ties in catalogue order."""
    ids = [t.id for t in CAT.tasks]
    keen = Answers(skill=dict.fromkeys(ids, 0), interest=dict.fromkeys(ids, 4))
    rows = rows_of(keen, keen, persona(CAT, "product"), uniform(CAT, 0, 3))
    counts = Counter(t for r in rows for t in r.result.top.learn_next)
    order = {t.id: k for k, t in enumerate(CAT.tasks_in_order())}
    want = sorted(counts.items(), key=lambda item: (-item[1], order[item[0]]))[:LEARN_NEXT_LIMIT]
    assert summarise(rows, CAT).learn_next == tuple(want)
    assert want


def test_empty_cohort() -> None:
    """No files: no rows, a zero summary, and renderings that still work."""
    cohort = score_files(CAT, [])
    assert cohort.summary.people == 0
    assert to_csv(cohort, CAT).count("\n") == 1
    assert json.loads(to_json(cohort, CAT))["people"] == []


# --- rendering ---------------------------------------------------------------------------------


@pytest.fixture
def cohort(tmp_path: Path) -> Cohort:
    """The three examples, a hybrid, and one bad file."""
    shutil.copytree(EXAMPLES, tmp_path / "cohort")
    (tmp_path / "cohort" / "zz-bad.yaml").write_text(BAD)
    (tmp_path / "cohort" / "middle.yaml").write_text(dump_answers(uniform(CAT, 2, 2), CAT))
    return score_files(CAT, expand([str(tmp_path / "cohort")]))


def test_csv_parses_back_to_the_same_numbers(cohort: Cohort) -> None:
    """The CSV has the documented header, one line per person, and the fits to one decimal."""
    text = to_csv(cohort, CAT)
    assert "\r" not in text
    lines = list(csv.reader(io.StringIO(text)))
    role_ids = [r.id for r in CAT.roles]
    assert lines[0] == ["person", "file", *role_ids, "top", "hybrid", "tied", "answered", "questions", "flags"]
    assert len(lines) == len(cohort.rows) + 1
    for line, row in zip(lines[1:], cohort.rows, strict=True):
        record = dict(zip(lines[0], line, strict=True))
        assert record["person"] == row.name
        assert Path(record["file"]) == row.path
        for fit in row.result.fits:
            assert record[fit.role.id] == f"{fit.score:.1f}"
            assert float(record[fit.role.id]) == pytest.approx(fit.score, abs=0.05)
        assert record["top"] == ("" if row.result.tied else row.result.top.role.id)  # a tie has no top
        pair = row.result.hybrid
        assert record["hybrid"] == (f"{pair[0].role.id} / {pair[1].role.id}" if pair else "")


def test_json_is_in_documented_order(cohort: Cohort, tmp_path: Path) -> None:
    """People in file order, fits in catalogue order (bytes across hash seeds: tests/test_hashseed.py)."""
    text = to_json(cohort, CAT)
    assert text.endswith("}\n")
    data = json.loads(text)
    assert list(data) == ["people", "summary", "failures"]
    assert [p["file"] for p in data["people"]] == [str(r.path) for r in cohort.rows]
    for person, row in zip(data["people"], cohort.rows, strict=True):
        assert list(person) == [
            "person",
            "file",
            "fits",
            "top",
            "label",
            "hybrid",
            "tied",
            "answered",
            "questions",
            "flags",
        ]
        assert list(person["fits"]) == [r.id for r in CAT.roles]
        for fit in row.result.fits:
            assert person["fits"][fit.role.id] == pytest.approx(fit.score, abs=0.05)
        assert person["top"] == (None if row.result.tied else row.result.top.role.id)
        assert person["label"] == row.result.label
        assert (person["hybrid"] is not None) == (row.result.hybrid is not None)
    counts = [x["count"] for x in data["summary"]["leanings"]]
    assert counts == sorted(counts, reverse=True)
    templates = [row for row in cohort.rows if "template" in row.flags]
    assert data["summary"]["templates"] == len(templates)  # no one: not counted
    assert sum(counts) == data["summary"]["people"] == len(cohort.rows) - len(templates)
    (failure,) = data["failures"]
    assert failure["file"].endswith("zz-bad.yaml")
    assert failure["message"] == cohort.failures[0].message


def test_table_shows_people_summary_and_failures(cohort: Cohort) -> None:
    """The table lists each person and top role, then the summary; the failures read 'could not score FILE: message'."""
    console = Console(width=160, file=io.StringIO(), color_system=None, force_terminal=False)
    render(cohort, CAT, console)
    out = console.file.getvalue() + "\n".join(failure_lines(cohort))  # type: ignore[attr-defined]
    for role in CAT.roles:
        assert role.short in out
    for row in cohort.rows:
        assert row.name in out
        assert row.result.label in out
    assert f"{len(cohort.rows)} people: " in out
    assert "Most common to learn next:" in out
    failure = cohort.failures[0]
    assert f"could not score {failure.where}: {failure.message}" in out
    assert out.index("people: ") < out.index("could not score")


def test_the_markdown_names_the_files_it_could_not_score(cohort: Cohort) -> None:
    """A coach shares the .md: it lists who was left out, as the terminal, HTML and JSON do."""
    text = to_markdown(cohort, CAT)
    failure = cohort.failures[0]
    assert "Not scored:" in text
    assert f"zz-bad.yaml:3: {failure.message}" in text
    assert text.index("people: ") < text.index("Not scored:")


# --- properties --------------------------------------------------------------------------------

levels = st.one_of(st.none(), st.integers(min_value=0, max_value=4))


@st.composite
def answer_docs(draw: st.DrawFn) -> Answers:
    """Answers to some or all of the questions (missing ones are filled with defaults)."""
    skill = {t.id: v for t in CAT.tasks if (v := draw(levels)) is not None}
    interest = {t.id: v for t in CAT.tasks if (v := draw(levels)) is not None}
    context = {
        q.id: c for q in CAT.context if (c := draw(st.one_of(st.none(), st.sampled_from([c.id for c in q.choices]))))
    }
    return Answers(skill=skill, interest=interest, context=context)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(answer_docs(), min_size=1, max_size=6))
def test_any_cohort_scores_like_score(docs: list[Answers]) -> None:
    """For any answers files, each row's top is score()'s top and the summary counts sum to the rows."""
    with tempfile.TemporaryDirectory() as folder:
        for k, answers in enumerate(docs):
            (Path(folder) / f"person-{k}.yaml").write_text(dump_answers(answers, CAT))
        cohort = score_files(CAT, expand([folder]))
    assert not cohort.failures
    assert len(cohort.rows) == len(docs)
    for row, answers in zip(cohort.rows, docs, strict=True):
        want = score(CAT, complete(answers, CAT))
        assert row.result.top.role.id == want.top.role.id
        assert row.result.label == want.label
        assert row.result == want
    check_summary(list(cohort.rows), CAT)


def test_reading_in_parallel_gives_the_same_cohort(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Many files are read in worker processes; the rows, failures and their order are as read one by one."""
    cat = load_catalogue()
    for k, source in enumerate(sorted(EXAMPLES.glob("*.yaml")) * 4):
        (tmp_path / f"p{k:02d}.yaml").write_text(source.read_text())
    (tmp_path / "p99.yaml").write_text("format: 1\nanswers:\n  build-models: {skill: 9}\n")
    paths = expand([str(tmp_path)])
    monkeypatch.setattr(cohort_module, "PARALLEL_FROM", 10**9)
    one_by_one = cohort_module.score_files(cat, paths)
    monkeypatch.setattr(cohort_module, "PARALLEL_FROM", 2)
    parallel = cohort_module.score_files(cat, paths)
    assert parallel == one_by_one
    assert len(parallel.failures) == 1
    assert to_json(parallel, cat) == to_json(one_by_one, cat)


def test_a_tie_in_the_summary_is_said_as_no_clear_lead_not_as_a_leaning(tmp_path: Path) -> None:
    from rolefit.report.cohort import summary_lines

    cat = load_catalogue()
    flat = complete(Answers(), cat).with_answer(f"interest:{cat.tasks[0].id}", 3)  # not the template: one answer moved
    (tmp_path / "flat.yaml").write_text(dump_answers(flat, cat), encoding="utf-8")
    shutil.copy(EXAMPLES / "researcher.yaml", tmp_path / "researcher.yaml")
    found = score_files(cat, expand([str(tmp_path)]))
    assert any(row.result.tied and not row.flags for row in found.rows)
    line = summary_lines(found.summary, cat)[0]
    assert "1 has no clear lead between" in line and "(tied)" not in line and "lean to" not in line
    assert "1 leans to R&D data scientist" in line or "1 to R&D data scientist" in line


def test_an_untouched_template_is_listed_but_counted_as_no_one(tmp_path: Path) -> None:
    from rolefit.files.answers import template
    from rolefit.report.cohort import summary_lines

    cat = load_catalogue()
    (tmp_path / "blank.yaml").write_text(template(cat), encoding="utf-8")
    shutil.copy(EXAMPLES / "researcher.yaml", tmp_path / "researcher.yaml")
    found = score_files(cat, expand([str(tmp_path)]))
    assert [row.flags for row in found.rows] == [("template",), ()]
    assert found.summary.people == 1 and found.summary.templates == 1 and found.summary.ties == 0
    line = summary_lines(found.summary, cat)[0]
    assert line.startswith("1 person: 1 leans to R&D data scientist.")
    assert "1 file is the untouched template" in line and "no clear lead" not in line
    alone = score_files(cat, [tmp_path / "blank.yaml"])
    assert summary_lines(alone.summary, cat)[0].startswith("No one was scored. 1 file is the untouched template")


@pytest.mark.parametrize("answers", ["{}", "{build-models: {}}", "{build-models: {skill: null, interest: null}}"])
def test_a_file_that_answers_no_question_is_listed_but_counted_as_no_one(tmp_path: Path, answers: str) -> None:
    """`answers: {build-models: {}}` says nothing about anyone: flagged "empty", not among the people,
    nor their leanings, and said so in the summary and the JSON."""
    from rolefit.report.cohort import summary_lines, to_json

    cat = load_catalogue()
    (tmp_path / "nothing.yaml").write_text(f"format: 1\nanswers: {answers}\n", encoding="utf-8")
    shutil.copy(EXAMPLES / "researcher.yaml", tmp_path / "researcher.yaml")
    found = score_files(cat, expand([str(tmp_path)]))
    assert [row.flags for row in found.rows] == [("partial", "empty"), ()]
    assert found.summary.people == 1 and found.summary.empty == 1 and found.summary.partial == 0
    assert sum(x.count for x in found.summary.leanings) == 1
    line = summary_lines(found.summary, cat)[0]
    assert line.startswith("1 person: 1 leans to R&D data scientist.") and "1 file answers no question at all" in line
    assert json.loads(to_json(found, cat))["summary"]["empty"] == 1
    alone = score_files(cat, [tmp_path / "nothing.yaml"])
    assert summary_lines(alone.summary, cat)[0] == "No one was scored. 1 file answers no question at all, not counted."


def test_two_files_of_the_same_name_are_two_people_told_apart_by_their_folder(tmp_path: Path) -> None:
    from rolefit.cohort import person_names

    (tmp_path / "sub").mkdir()
    shutil.copy(EXAMPLES / "analyst.yaml", tmp_path / "analyst.yaml")
    shutil.copy(EXAMPLES / "researcher.yaml", tmp_path / "sub" / "analyst.yaml")
    shutil.copy(EXAMPLES / "builder.yaml", tmp_path / "builder.yaml")
    found = score_files(load_catalogue(), expand([str(tmp_path / "**" / "*.yaml")]))
    names = sorted(row.name for row in found.rows)
    assert names == sorted([f"{tmp_path.name}/analyst", "sub/analyst", "builder"])
    a, b = Path("x/a/p.yaml"), Path("y/a/p.yaml")
    assert person_names([a, b]) == {a: "x/a/p", b: "y/a/p"}  # the folder's name is shared too: the whole path


def test_the_cohort_page_counts_no_template_and_lists_none_as_close(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from rolefit.cli import app

    runner = CliRunner()
    folder = tmp_path / "cohort"
    folder.mkdir()
    for name in ("analyst.yaml", "researcher.yaml"):
        (folder / name).write_text((EXAMPLES / name).read_text(encoding="utf-8"), encoding="utf-8")
    assert runner.invoke(app, ["template", "-o", str(folder / "blank.yaml")]).exit_code == 0
    page = tmp_path / "cohort.html"
    assert runner.invoke(app, ["score", str(folder), "-o", str(page)]).exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert "A cohort of 2" in html
    close = html.split('id="close-h"')[1].split("</section>")[0]
    assert "blank" not in close
