"""What `rolefit jobs` says of the whole: when nothing could be read, and of the answers it ranks by."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rolefit.cli import app

from helpers import ROOT

runner = CliRunner()
AD = ROOT / "tests" / "postings" / "prod-02-marketplace.txt"


def _unreadable(folder: Path) -> Path:
    (folder / "sub").mkdir(parents=True)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "bin.txt").write_bytes(b"\x00\x01binary")
    (folder / "ad.pdf").write_bytes(b"%PDF-1.4 nothing")
    return folder


@pytest.mark.parametrize("output", [None, "n.json", "n.md"])
def test_nothing_readable_ends_with_one_line_saying_no_report_was_written(tmp_path: Path, output: str | None) -> None:
    folder = _unreadable(tmp_path / "nothing")
    target = tmp_path / output if output else None
    result = runner.invoke(app, ["jobs", str(folder), *(["-o", str(target)] if target else [])])
    assert result.exit_code == 2 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert sum("could not read" in line for line in lines) == 2
    where = f" to {target}" if target else ""
    assert lines[-1] == f"rolefit: no posting could be read, so no report was written{where}"
    assert target is None or not target.exists()


def test_a_posting_read_beside_unreadable_files_gets_its_report_and_no_such_line(tmp_path: Path) -> None:
    folder = _unreadable(tmp_path / "nothing")
    result = runner.invoke(app, ["jobs", str(folder), str(AD)])
    assert result.exit_code == 2 and "prod-02-marketplace" in result.stdout
    assert "no posting could be read" not in result.stderr


SHORT = "format: 1\nanswers:\n  build-models: {skill: 3, interest: 4}\n  bi-dashboards: {skill: 1, interest: 0}\n"
ORBIT = ROOT / "examples" / "catalogues" / "orbit-analytics"
ANALYST = ROOT / "examples" / "answers" / "analyst.yaml"
DROPPED = f"warning: {ANALYST}: ignoring answers this catalogue has no question for: "


@pytest.mark.parametrize("suffix", ["json", "md", "html", "txt"])
def test_a_saved_report_ranked_by_partial_answers_says_so(tmp_path: Path, suffix: str) -> None:
    short = tmp_path / "short.yaml"
    short.write_text(SHORT, encoding="utf-8")
    out = tmp_path / f"jobs.{suffix}"
    result = runner.invoke(app, ["jobs", str(AD), "--answers", str(short), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    if suffix == "json":
        answers = json.loads(text)["answers"]
        assert answers == {"file": str(short), "answered": 4, "questions": answers["questions"], "flags": ["partial"]}
        assert answers["questions"] > 4
    else:
        said = " ".join(text.split())
        assert "Ranked by " in said and "short.yaml, which answers 4 of " in said  # (Markdown escapes a path's _)
        assert "partial (questions not asked count as neutral), so the fits are rough." in said


def test_complete_answers_are_not_flagged_and_no_answers_add_no_key(tmp_path: Path) -> None:
    full = tmp_path / "full.yaml"
    assert runner.invoke(app, ["template", "-o", str(full)]).exit_code == 0
    full.write_text(full.read_text(encoding="utf-8").replace("{skill: 2, interest: 2}", "{skill: 3, interest: 1}", 1))
    ranked = runner.invoke(app, ["jobs", str(AD), "--answers", str(full), "--format", "json"])
    assert ranked.exit_code == 0, ranked.output
    data = json.loads(ranked.stdout)["answers"]
    assert data["flags"] == [] and data["answered"] == data["questions"]
    md = runner.invoke(app, ["jobs", str(AD), "--answers", str(full), "--format", "md"])
    assert "Ranked by" not in md.stdout
    assert "answers" not in json.loads(runner.invoke(app, ["jobs", str(AD), "--format", "json"]).stdout)


def test_jobs_and_score_warn_of_answers_the_catalogue_does_not_ask_as_quiz_does() -> None:
    quiz = runner.invoke(app, ["quiz", "--catalogue", str(ORBIT), "--answers", str(ANALYST), "--defaults"])
    warned = [line for line in quiz.stderr.splitlines() if line.startswith(DROPPED)]
    assert len(warned) == 1 and "context.organisation" in warned[0]
    for args in (["jobs", str(AD), "--answers", str(ANALYST)], ["score", str(ANALYST)]):
        result = runner.invoke(app, [*args, "--catalogue", str(ORBIT)])
        assert result.exit_code == 0, result.output
        assert [line for line in result.stderr.splitlines() if line.startswith(DROPPED)] == warned
    plain = runner.invoke(app, ["jobs", str(AD), "--answers", str(ANALYST)])
    assert "ignoring answers" not in plain.stderr


def test_the_api_does_not_tell_a_caller_who_passed_a_catalogue_to_pass_one() -> None:
    from rolefit import Profile, load_catalogue

    with pytest.warns(UserWarning, match="ignoring answers") as caught:
        Profile.from_file(ANALYST, catalogue=load_catalogue(ORBIT))
    said = [str(w.message) for w in caught]
    assert len(said) == 1 and "ignoring answers this catalogue has no question for: hiring" in said[0]
    assert "pass catalogue=" not in said[0]


def test_the_ignored_answers_are_named_up_to_eight_and_the_rest_counted() -> None:
    from rolefit.model.answers import IGNORED_NAMED, Answers, ignored_line

    dropped = tuple(f"task-{k}" for k in range(32))
    line = ignored_line("me.yaml", Answers(dropped=dropped))
    assert line == (
        "me.yaml: ignoring answers this catalogue has no question for: "
        + ", ".join(dropped[:IGNORED_NAMED])
        + f" and {32 - IGNORED_NAMED} more"
    )
    assert ignored_line("me.yaml", Answers(dropped=("a", "b"))) == (
        "me.yaml: ignoring answers this catalogue has no question for: a, b"
    )
