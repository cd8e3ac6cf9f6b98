"""Resuming a quiz goes on as it was started: its mode, its order and its --save file are in the session.

The prompts are replaced (``gather.ask``, ``prompts.ask_resume``, ``Quiz.run``) so the command
runs in-process through CliRunner; the real terminal is in ``test_pty_resume.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from rolefit.cli import app
from rolefit.errors import INTERRUPTED, QuizInterrupted
from rolefit.files.answers import dump_answers, load_answers, load_answers_and_mode
from rolefit.model.answers import Answers, question_ids
from rolefit.model.catalogue import Catalogue
from rolefit.quiz import gather as flow
from rolefit.quiz.order import Plan
from rolefit.quiz.prompts import Quiz, resume_question
from rolefit.quiz.session import Session, load_session, save_session, session_path
from rolefit.quiz.take import AUTOSAVE_NAME

runner = CliRunner()


def some_answers(catalogue: Catalogue, questions: list[str]) -> Answers:
    answers = Answers()
    for i, q in enumerate(questions):
        value = catalogue.context_by_id[q.split(":")[1]].choices[-1].id if q.startswith("context:") else (i + 1) % 5
        answers = answers.with_answer(q, value)
    return answers


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The quiz is resumed from another folder than the one it was started in."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


@pytest.fixture
def answering(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """A terminal whose user answers every question asked with the answers in ``seen["answers"]``,
    and says yes when offered to resume; what the prompts were given is kept in the dict."""
    seen: dict[str, Any] = {}

    def ask(cat: Catalogue, plan: Plan, *args: Any, **kwargs: Any) -> Answers:
        seen["todo"], seen["mode"] = [], plan.mode
        while (q := plan.next()) is not None:
            plan.answer(q, seen["answers"].value(q))
            seen["todo"].append(q)
        return plan.answers

    def ask_resume(count: int, **kwargs: Any) -> bool:
        seen["offer"] = {"count": count, **kwargs}
        return bool(seen.get("resume", True))

    monkeypatch.setattr(flow, "ask", ask)
    monkeypatch.setattr("rolefit.quiz.prompts.ask_resume", ask_resume)
    monkeypatch.setattr("rolefit.quiz.take.interactive", lambda: True)
    return seen


def test_the_session_records_the_save_file_as_an_absolute_path(
    catalogue: Catalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    save_session(Session(Answers(), quick=True, save=Path("me.yaml"), force=True), catalogue)
    loaded = load_session(catalogue)
    assert loaded is not None
    assert loaded.save == tmp_path / "me.yaml"
    assert loaded.save.is_absolute()
    assert (loaded.quick, loaded.force) == (True, True)


@pytest.mark.parametrize("name", ['my "answers" #1.yaml', "back\\slash: 2.yaml", "réponses 😀.yaml", "a\tb.yaml"])
def test_any_file_name_survives_the_session(catalogue: Catalogue, tmp_path: Path, name: str) -> None:
    save_session(Session(Answers(), quick=False, save=tmp_path / name), catalogue)
    loaded = load_session(catalogue)
    assert loaded is not None
    assert loaded.save == tmp_path / name


def test_an_old_session_without_a_save_file_still_loads_and_resumes(
    catalogue: Catalogue, elsewhere: Path, answering: dict[str, Any]
) -> None:
    """A session written before the save file was recorded: resumed, answers in rolefit-answers.yaml."""
    everything = question_ids(catalogue)
    answering["answers"] = some_answers(catalogue, everything)
    given = some_answers(catalogue, everything[:5])
    old = dump_answers(given, catalogue).replace("\nformat: 1\n", "\nformat: 1\nquick: false\n", 1)
    session_path().parent.mkdir(parents=True, exist_ok=True)
    session_path().write_text(old, encoding="utf-8")
    loaded = load_session(catalogue)
    assert loaded is not None
    assert (loaded.answers, loaded.quick, loaded.save, loaded.force) == (given, False, None, False)

    result = runner.invoke(app, ["quiz", "--resume", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert load_answers(elsewhere / AUTOSAVE_NAME, catalogue) == answering["answers"]
    assert not session_path().exists()


def test_resume_saves_where_the_quiz_was_started_to_save(
    catalogue: Catalogue, tmp_path: Path, elsewhere: Path, answering: dict[str, Any]
) -> None:
    """'quiz --quick --save me.yaml', interrupted, then 'quiz --resume' from another folder: me.yaml,
    still in the quick order, with only the answers given."""
    everything = question_ids(catalogue)
    answering["answers"] = some_answers(catalogue, everything)
    started = Plan(catalogue, "quick", Answers())
    for _ in range(7):
        q = started.next()
        assert q is not None
        started.answer(q, answering["answers"].value(q))
    session = Session(started.answers, quick=True, save=tmp_path / "me.yaml", mode="quick", asked=tuple(started.asked))
    save_session(session, catalogue)
    expected = Plan(catalogue, "quick", started.answers, started.asked)
    while (q := expected.next()) is not None:
        expected.answer(q, answering["answers"].value(q))
    result = runner.invoke(app, ["quiz", "--resume", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert answering["mode"] == "quick"
    assert answering["todo"] == expected.asked[7:]  # still the quick quiz
    assert 0 < len(answering["todo"]) < len(everything) - 7
    assert load_answers(tmp_path / "me.yaml", catalogue) == expected.answers
    assert f"Answers saved in {tmp_path / 'me.yaml'}" in result.stderr
    assert list(elsewhere.iterdir()) == []
    assert not session_path().exists()


def test_save_on_resume_wins_over_the_recorded_one(
    catalogue: Catalogue, tmp_path: Path, elsewhere: Path, answering: dict[str, Any]
) -> None:
    everything = question_ids(catalogue)
    answering["answers"] = some_answers(catalogue, everything)
    save_session(Session(some_answers(catalogue, everything[:3]), quick=False, save=tmp_path / "me.yaml"), catalogue)
    result = runner.invoke(app, ["quiz", "--resume", "--save", "other.yaml", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert load_answers(elsewhere / "other.yaml", catalogue) == answering["answers"]
    assert not (tmp_path / "me.yaml").exists()


def test_a_recorded_save_file_that_now_exists_stops_before_asking(
    catalogue: Catalogue, tmp_path: Path, elsewhere: Path, answering: dict[str, Any]
) -> None:
    """Never overwritten without --force: exit 2 before any prompt, the session kept, the way on named."""
    (tmp_path / "me.yaml").write_text("mine\n", encoding="utf-8")
    save_session(
        Session(some_answers(catalogue, question_ids(catalogue)[:3]), quick=False, save=tmp_path / "me.yaml"), catalogue
    )
    result = runner.invoke(app, ["quiz", "--resume"])
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "already exists" in result.stderr
    assert "--resume --save OTHER_FILE" in result.stderr
    assert "todo" not in answering
    assert (tmp_path / "me.yaml").read_text(encoding="utf-8") == "mine\n"
    assert session_path().exists()


def test_a_recorded_save_file_named_as_a_report_stops_before_asking(
    catalogue: Catalogue, tmp_path: Path, elsewhere: Path, answering: dict[str, Any]
) -> None:
    """A session started by an older rolefit with '--save me.html' is not resumed into me.html: exit
    2 before any prompt, the session kept, the way on named."""
    given = some_answers(catalogue, question_ids(catalogue)[:3])
    save_session(Session(given, quick=False, save=tmp_path / "me.html"), catalogue)
    result = runner.invoke(app, ["quiz", "--resume"])
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "me.html: --save writes the answers" in result.stderr
    assert "--resume --save OTHER_FILE" in result.stderr
    assert "todo" not in answering
    assert not (tmp_path / "me.html").exists()
    kept = load_session(catalogue)
    assert kept is not None and kept.answers == given


def test_a_recorded_force_lets_the_resumed_quiz_replace_its_save_file(
    catalogue: Catalogue, tmp_path: Path, elsewhere: Path, answering: dict[str, Any]
) -> None:
    """'quiz --save me.yaml --force' meant to replace me.yaml; resuming it still does."""
    everything = question_ids(catalogue)
    answering["answers"] = some_answers(catalogue, everything)
    (tmp_path / "me.yaml").write_text("old\n", encoding="utf-8")
    session = Session(some_answers(catalogue, everything[:3]), quick=False, save=tmp_path / "me.yaml", force=True)
    save_session(session, catalogue)
    result = runner.invoke(app, ["quiz", "--resume", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert load_answers(tmp_path / "me.yaml", catalogue) == answering["answers"]


@pytest.mark.parametrize("resume", [True, False])
def test_the_resume_offer_names_the_kind_of_quiz_and_its_file(
    catalogue: Catalogue, tmp_path: Path, answering: dict[str, Any], monkeypatch: pytest.MonkeyPatch, resume: bool
) -> None:
    """A plain 'rolefit quiz' offers the unfinished quick quiz, saying how far it got and where it saves;
    resumed, its answers go to its file; started over, to rolefit-answers.yaml."""
    monkeypatch.chdir(tmp_path)
    everything = question_ids(catalogue)
    answering["answers"] = some_answers(catalogue, everything)
    answering["resume"] = resume
    seven = some_answers(catalogue, everything[:7])
    save_session(Session(seven, quick=True, save=Path("me.yaml"), mode="quick"), catalogue)
    result = runner.invoke(app, ["quiz", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    offer = answering["offer"]
    total = len(everything)
    assert (offer["count"], offer["left"], offer["total"], offer["mode"]) == (7, total - 7, total, "quick")
    assert str(offer["save"]) == "me.yaml"
    if resume:
        assert answering["mode"] == "quick"
        assert set(answering["todo"]).isdisjoint(everything[:7])
        saved = load_answers(tmp_path / "me.yaml", catalogue)
        assert saved.count == 7 + len(answering["todo"])
        assert not (tmp_path / AUTOSAVE_NAME).exists()
    else:
        assert answering["mode"] == "adaptive"  # a new quiz, with the options given now
        assert answering["todo"][: len(catalogue.context)] == everything[: len(catalogue.context)]
        assert load_answers(tmp_path / AUTOSAVE_NAME, catalogue).count == len(answering["todo"])
        assert not (tmp_path / "me.yaml").exists()
        # the seven answers of the quiz started over are not lost: set aside, and said where
        aside = list(session_path().parent.glob("unfinished-*.yaml"))
        assert len(aside) == 1
        assert load_answers_and_mode(aside[0], catalogue) == (seven, "quick")
        assert f"an unfinished quiz (7 answers) was set aside in {aside[0]}; continue it later with" in result.stderr


def test_the_resume_question_reads_as_it_should() -> None:
    assert (
        resume_question(7, left=55, total=62, mode="quick", save="me.yaml")
        == "You have an unfinished quick quiz (7 answers given): at most 55 of 62 questions to go, saving to "
        "me.yaml. Resume it?"
    )
    assert resume_question(4, left=58, total=62) == (
        "You have an unfinished adaptive quiz (4 answers given): at most 58 of 62 questions to go. Resume it?"
    )
    assert resume_question(4, left=58, total=62, mode="full") == (
        "You have an unfinished full quiz (4 answers given): 58 of 62 questions to go. Resume it?"
    )
    assert resume_question(1, left=61, total=62).startswith("You have an unfinished adaptive quiz (1 answer given):")


@pytest.mark.parametrize("save", [["--save", "me.yaml"], []])
def test_ctrl_c_says_where_the_answers_will_go(
    catalogue: Catalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, save: list[str]
) -> None:
    """Interrupted after two answers: exit 130, one line naming the session, --resume and the answers' file;
    the session records the --save file."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("rolefit.quiz.take.interactive", lambda: True)
    two = some_answers(catalogue, question_ids(catalogue)[:2])

    def interrupted(self: Quiz, plan: Plan, **kwargs: Any) -> Answers:
        for q in question_ids(catalogue)[:2]:
            self.record(q, two.value(q), plan)  # type: ignore[arg-type]
        raise QuizInterrupted("quiz interrupted", answers=self.answers)

    monkeypatch.setattr(Quiz, "run", interrupted)
    result = runner.invoke(app, ["quiz", "--quick", *save])
    assert result.exit_code == INTERRUPTED
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert "2 answers are saved" in lines[0]
    assert "rolefit quiz --resume" in lines[0]
    where = "me.yaml" if save else "rolefit-answers.yaml in the folder you finish it in"
    assert lines[0].endswith(f"(the answers then go to {where})")
    session = load_session(catalogue)
    assert session is not None
    assert session.answers == two
    assert session.quiz_mode == "quick"
    assert session.asked == tuple(question_ids(catalogue)[:2])
    assert session.save == (tmp_path / "me.yaml" if save else None)
    assert not list(tmp_path.iterdir())


def test_resuming_in_another_mode_says_so(catalogue: Catalogue, elsewhere: Path, answering: dict[str, Any]) -> None:
    """--full on an unfinished adaptive quiz: the offer asks to resume it as a full quiz, and
    --resume --full says that it does."""
    everything = question_ids(catalogue)
    answering["answers"] = some_answers(catalogue, everything)
    given = some_answers(catalogue, everything[:3])
    save_session(Session(given, mode="adaptive", asked=tuple(everything[:3])), catalogue)
    offered = runner.invoke(app, ["quiz", "--full", "--format", "json"])
    assert offered.exit_code == 0, offered.stderr
    assert answering["offer"]["as_mode"] == "full" and answering["mode"] == "full"
    save_session(Session(given, mode="adaptive", asked=tuple(everything[:3])), catalogue)
    resumed = runner.invoke(app, ["quiz", "--resume", "--full", "--format", "json"])
    assert resumed.exit_code == 0, resumed.stderr
    assert "resuming the unfinished adaptive quiz as a full quiz (--full)" in resumed.stderr
    assert resume_question(3, left=59, total=62, mode="adaptive", as_mode="quick").endswith(
        "Resume it as a quick quiz?"
    )
    assert resume_question(3, left=59, total=62, mode="quick", as_mode="quick").endswith(". Resume it?")


def test_a_quiz_on_an_answers_file_sets_an_unfinished_one_aside_as_a_file_to_replay(
    catalogue: Catalogue, elsewhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``quiz --answers F`` on a terminal does not resume the saved quiz: its answers are kept in an
    answers file of their own, named with the command that continues it, and the session is gone."""
    everything = question_ids(catalogue)
    unfinished = some_answers(catalogue, everything[:4])
    save_session(Session(unfinished, mode="adaptive", asked=tuple(everything[:4])), catalogue)
    (elsewhere / "partial.yaml").write_text(
        dump_answers(some_answers(catalogue, everything[:6]), catalogue, mode="full"), encoding="utf-8"
    )
    monkeypatch.setattr("rolefit.quiz.take.interactive", lambda: True)

    def answer_the_rest(self: Quiz, plan: Plan, **kwargs: Any) -> Answers:
        while (q := plan.next()) is not None:
            plan.answer(q, 1 if not q.startswith("context:") else catalogue.context_by_id[q[8:]].choices[0].id)
        return plan.answers

    monkeypatch.setattr(Quiz, "run", answer_the_rest)
    result = runner.invoke(app, ["quiz", "--answers", "partial.yaml", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if "unfinished quiz" in line]
    assert len(said) == 1, result.stderr
    assert "(4 answers) was set aside in " in said[0]
    kept = Path(said[0].split("set aside in ")[1].split(";")[0])
    assert said[0].endswith(f"continue it later with: rolefit quiz --answers {kept}")
    assert load_answers(kept, catalogue) == unfinished
    assert "quiz: adaptive" in kept.read_text(encoding="utf-8")
    assert not session_path().exists() or load_session(catalogue) is None
    again = runner.invoke(app, ["quiz", "--answers", str(kept), "--defaults", "--format", "json"])
    assert again.exit_code == 0, again.stderr
