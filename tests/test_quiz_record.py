"""What a quiz records: only the answers given, how they were asked (the ``quiz`` key), and, in the
session, the order asked, so that a file or a resumed quiz goes on as it was. Through CliRunner,
with the terminal's prompts replaced by a user who answers like an example file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError
from typer.testing import CliRunner

from rolefit.cli import app
from rolefit.files.answers import QUIZ_MODES, dump_answers, load_answers, load_answers_and_mode
from rolefit.files.schemas import AnswersModel
from rolefit.model.answers import Answers, complete, question_ids
from rolefit.model.catalogue import Catalogue
from rolefit.quiz import gather as flow
from rolefit.quiz.order import Plan
from rolefit.quiz.session import Session, SessionUnusable, load_session, save_session, session_path
from rolefit.report.data import report_json
from rolefit.scoring.settle import MODES

from helpers import EXAMPLES

runner = CliRunner()


@pytest.fixture
def researcher(catalogue: Catalogue) -> Answers:
    return load_answers(EXAMPLES / "researcher.yaml", catalogue)


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch, researcher: Answers, tmp_path: Path) -> dict[str, Any]:
    """A terminal whose user answers each question the quiz asks as the researcher example does
    (in the test's own folder, where answers without --save go)."""
    monkeypatch.chdir(tmp_path)
    seen: dict[str, Any] = {}

    def ask(cat: Catalogue, plan: Plan, *args: Any, **kwargs: Any) -> Answers:
        seen["mode"], seen["asked"] = plan.mode, []
        while (q := plan.next()) is not None:
            plan.answer(q, researcher.value(q))  # type: ignore[arg-type]
            seen["asked"].append(q)
        return plan.answers

    monkeypatch.setattr(flow, "ask", ask)
    monkeypatch.setattr("rolefit.quiz.take.interactive", lambda: True)
    return seen


def test_the_modes_are_the_same_everywhere() -> None:
    assert QUIZ_MODES == MODES


def test_the_session_keeps_the_mode_and_the_order_asked(catalogue: Catalogue, researcher: Answers) -> None:
    order = ["context:" + catalogue.context[1].id, "interest:build-models", "context:" + catalogue.context[0].id]
    given = Answers()
    for q in order:
        given = given.with_answer(q, researcher.value(q))  # type: ignore[arg-type]
    save_session(Session(given, mode="adaptive", asked=tuple(order)), catalogue)
    loaded = load_session(catalogue)
    assert loaded is not None
    assert (loaded.answers, loaded.mode, loaded.asked, loaded.quiz_mode) == (
        given,
        "adaptive",
        tuple(order),
        "adaptive",
    )


def test_a_session_with_a_broken_order_is_moved_aside(catalogue: Catalogue) -> None:
    text = dump_answers(Answers(), catalogue).replace("\nformat: 1\n", "\nformat: 1\nasked: 3\n", 1)
    session_path().parent.mkdir(parents=True, exist_ok=True)
    session_path().write_text(text, encoding="utf-8")
    with pytest.raises(SessionUnusable, match="'asked' should be a list"):
        load_session(catalogue)


@pytest.mark.parametrize(("flag", "name"), [([], "me.yaml"), (["--quick"], "me.json"), (["--full"], "ME.JSON")])
def test_the_saved_file_holds_only_the_answers_given_and_the_mode(
    catalogue: Catalogue, tmp_path: Path, terminal: dict[str, Any], researcher: Answers, flag: list[str], name: str
) -> None:
    """A quiz on the terminal saves just what was asked (fewer than every question unless --full), and
    says how, as JSON in a file named .json (which is read as JSON); replayed with no terminal, the file
    needs no --defaults and gives the same report."""
    saved = tmp_path / name
    result = runner.invoke(app, ["quiz", *flag, "--save", str(saved), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    mode = flag[0][2:] if flag else "adaptive"
    assert terminal["mode"] == mode
    answers, recorded = load_answers_and_mode(saved, catalogue)
    assert recorded == mode
    assert answers.count == len(terminal["asked"])
    assert (answers.count == len(question_ids(catalogue))) == (mode == "full")
    assert all(answers.value(q) == researcher.value(q) for q in terminal["asked"])
    assert "not asked" not in saved.read_text(encoding="utf-8")
    if name.lower().endswith(".json"):
        assert json.loads(saved.read_text(encoding="utf-8"))["quiz"] == mode
    report = json.loads(result.stdout)
    not_asked = len(question_ids(catalogue)) - answers.count
    expected = report_json(catalogue, complete(answers, catalogue), given=answers, not_asked=not_asked)
    assert report == json.loads(expected)

    monkeypatch_free = runner.invoke(app, ["quiz", "--answers", str(saved), "--format", "json", "--no-input"])
    assert monkeypatch_free.exit_code == 0, monkeypatch_free.stderr
    assert json.loads(monkeypatch_free.stdout) == report


def test_the_report_says_the_quiz_settled(catalogue: Catalogue, tmp_path: Path, terminal: dict[str, Any]) -> None:
    result = runner.invoke(app, ["quiz", "--save", str(tmp_path / "me.yaml"), "--format", "md"])
    assert result.exit_code == 0, result.stderr
    n, total = len(terminal["asked"]), len(question_ids(catalogue))
    assert f"Settled after {n} of {total} questions" in " ".join(result.stdout.split())


def test_the_quick_report_is_provisional(catalogue: Catalogue, tmp_path: Path, terminal: dict[str, Any]) -> None:
    result = runner.invoke(app, ["quiz", "--quick", "--save", str(tmp_path / "me.yaml"), "--format", "md"])
    assert result.exit_code == 0, result.stderr
    n, total = len(terminal["asked"]), len(question_ids(catalogue))
    said = " ".join(result.stdout.split())
    assert f"Provisional after {n} of {total} questions" in said
    assert f"{total - n} questions were skipped" in said


def test_a_partial_file_on_a_terminal_goes_on_in_the_adaptive_order(
    catalogue: Catalogue, tmp_path: Path, terminal: dict[str, Any], researcher: Answers
) -> None:
    """A partial file without a mode: on a terminal, the quiz asks in the adaptive order until settled."""
    part = Answers()
    for q in question_ids(catalogue)[:6]:
        part = part.with_answer(q, researcher.value(q))  # type: ignore[arg-type]
    (tmp_path / "part.yaml").write_text(dump_answers(part, catalogue), encoding="utf-8")
    result = runner.invoke(app, ["quiz", "--answers", str(tmp_path / "part.yaml"), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    expected = Plan(catalogue, "adaptive", part)
    while (nxt := expected.next()) is not None:
        expected.answer(nxt, researcher.value(nxt))  # type: ignore[arg-type]
    assert terminal["mode"] == "adaptive"
    assert terminal["asked"] == expected.asked
    assert 0 < len(terminal["asked"]) < len(question_ids(catalogue)) - 6


def test_a_partial_file_that_already_settles_goes_to_the_review_on_a_terminal(
    catalogue: Catalogue, tmp_path: Path, terminal: dict[str, Any], researcher: Answers
) -> None:
    """A hand-written file (no mode) whose answers already settle the top role: on a terminal the
    quiz has nothing to ask before its review, and goes there (it used to say "no terminal")."""
    from rolefit.scoring.settle import replay

    values = {q: researcher.value(q) for q in question_ids(catalogue)}
    run = replay(catalogue, values, "adaptive")  # type: ignore[arg-type]
    part = Answers()
    for q in run.asked:
        part = part.with_answer(q, values[q])  # type: ignore[arg-type]
    text = "".join(line for line in dump_answers(part, catalogue).splitlines(True) if not line.startswith("quiz:"))
    (tmp_path / "hand.yaml").write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["quiz", "--answers", str(tmp_path / "hand.yaml")])
    assert result.exit_code == 0, result.stderr
    assert terminal["asked"] == []  # settled: the review, and nothing asked before it
    assert f"Settled after {len(run.asked)} of" in " ".join(result.stdout.split())


def test_a_partial_file_without_a_mode_still_needs_a_terminal_or_defaults(catalogue: Catalogue, tmp_path: Path) -> None:
    part = tmp_path / "part.yaml"
    part.write_text("format: 1\nanswers:\n  build-models: {skill: 3, interest: 4}\n", encoding="utf-8")
    result = runner.invoke(app, ["quiz", "--answers", str(part)])
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "--defaults" in result.stderr
    assert runner.invoke(app, ["quiz", "--answers", str(part), "--defaults", "--format", "json"]).exit_code == 0


def test_an_unknown_mode_is_one_line_and_the_schema_agrees(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nquiz: fast\nanswers: {}\n", encoding="utf-8")
    result = runner.invoke(app, ["quiz", "--answers", str(bad)])
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "quiz" in result.stderr and "adaptive, quick, full" in result.stderr
    with pytest.raises(ValidationError):
        AnswersModel.model_validate({"format": 1, "quiz": "fast"})
    assert AnswersModel.model_validate({"format": 1, "quiz": "quick"}).quiz == "quick"


def test_quick_and_full_exclude_each_other() -> None:
    result = runner.invoke(app, ["quiz", "--quick", "--full"])
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0
    assert "--quick and --full exclude each other" in result.stderr
