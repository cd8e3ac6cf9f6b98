"""The autosaved quiz session and answers made for another catalogue version."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from rolefit.catalogue.load import load_catalogue
from rolefit.cli import app
from rolefit.errors import AnswersError, OutputError, RolefitError
from rolefit.files.answers import dump_answers, load_answers
from rolefit.model.answers import Answers, question_ids
from rolefit.model.catalogue import Catalogue
from rolefit.quiz import gather as flow
from rolefit.quiz.session import Session, SessionUnusable, clear_session, load_session, save_session, session_path

from helpers import EXAMPLES, answer_sets

runner = CliRunner()


def some_answers(catalogue: Catalogue, n: int) -> Answers:
    answers = Answers()
    for i, q in enumerate(question_ids(catalogue)[:n]):
        value = catalogue.context_by_id[q.split(":")[1]].choices[0].id if q.startswith("context:") else i % 5
        answers = answers.with_answer(q, value)
    return answers


# -- the session file --------------------------------------------------------------------------


def test_session_round_trip(catalogue: Catalogue) -> None:
    """What is saved is what is loaded, quick flag included."""
    answers = some_answers(catalogue, 9)
    save_session(Session(answers, quick=True), catalogue)
    loaded = load_session(catalogue)
    assert loaded is not None
    assert loaded.answers == answers
    assert loaded.quick is True
    clear_session()
    assert load_session(catalogue) is None


@pytest.mark.parametrize("going_on", [True, False, None])
def test_whether_the_person_was_going_on_is_kept(catalogue: Catalogue, going_on: bool | None) -> None:
    """A quiz stopped with 's' after going on resumes stopped; one from before this was kept (None)
    works it out from the order asked."""
    save_session(Session(some_answers(catalogue, 9), mode="adaptive", going_on=going_on), catalogue)
    loaded = load_session(catalogue)
    assert loaded is not None and loaded.going_on is going_on
    text = session_path().read_text(encoding="utf-8")
    text = text.replace("going_on: false", "going_on: 3").replace("going_on: true", "going_on: 3")
    session_path().write_text(text, encoding="utf-8")
    if going_on is not None:
        with pytest.raises(SessionUnusable, match="'going_on' should be true or false"):
            load_session(catalogue)


def test_session_lives_in_the_state_folder(catalogue: Catalogue, state_dir: Path) -> None:
    save_session(Session(Answers(), quick=False), catalogue)
    assert session_path() == state_dir / "session.yaml"
    assert session_path().is_file()


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("format: 1\nanswers: [\n", "not valid YAML"),
        ("format: 3\nanswers: {}\n", "newer rolefit"),
        ("\xff\xfe garbage", "UTF-8"),
        ("format: 1\nanswers:\n  build-models: {skill: 9}\n", "expected at most 4"),
    ],
)
def test_unusable_session_is_moved_aside_not_used(catalogue: Catalogue, text: str, reason: str) -> None:
    """A corrupt or newer session is never used silently: it is moved aside, with a message."""
    path = session_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("latin-1"))
    with pytest.raises(SessionUnusable) as err:
        load_session(catalogue)
    message = str(err.value)
    assert reason in message
    assert not path.exists()
    aside = [p for p in path.parent.iterdir() if p.name.startswith("session-unusable-")]
    assert len(aside) == 1
    assert str(aside[0]) in message
    assert aside[0].read_bytes() == text.encode("latin-1")


def test_session_from_another_catalogue_is_moved_aside(catalogue: Catalogue, catalogue_dir: Path) -> None:
    """A session started with another version of the catalogue is not resumed silently."""
    roles = catalogue_dir / "tasks.yaml"
    roles.write_text(roles.read_text().replace("title: Build and tune models", "title: Train models"))
    other = load_catalogue(catalogue_dir)
    save_session(Session(some_answers(other, 6), quick=False), other)
    with pytest.raises(SessionUnusable, match="another version of the catalogue"):
        load_session(catalogue)
    assert not session_path().exists()


# -- resuming through the command line ---------------------------------------------------------


def test_resume_without_a_session_is_a_user_error() -> None:
    result = runner.invoke(app, ["quiz", "--resume"])
    assert result.exit_code == 2
    assert "no unfinished quiz" in result.stderr


def test_resume_with_answers_is_refused() -> None:
    result = runner.invoke(app, ["quiz", "--resume", "--answers", str(EXAMPLES / "analyst.yaml")])
    assert result.exit_code == 2
    assert "--resume" in result.stderr


def test_resume_without_a_terminal_says_so(catalogue: Catalogue) -> None:
    """A session exists, but there is no terminal to finish it on: exit 2, and the session stays."""
    save_session(Session(some_answers(catalogue, 4), quick=False), catalogue)
    result = runner.invoke(app, ["quiz", "--resume"])
    assert result.exit_code == 2
    assert "terminal" in result.stderr
    assert session_path().exists()


def test_resume_with_defaults_finishes_and_clears_nothing_it_did_not_ask(catalogue: Catalogue) -> None:
    """--resume --defaults scores the session's answers with defaults for the rest."""
    answers = some_answers(catalogue, 10)
    save_session(Session(answers, quick=False), catalogue)
    result = runner.invoke(app, ["quiz", "--resume", "--defaults", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    from rolefit.model.answers import complete
    from rolefit.report.data import report_json

    not_asked = 2 * len(catalogue.tasks) + len(catalogue.context) - answers.count
    assert result.stdout == report_json(catalogue, complete(answers, catalogue), given=answers, not_asked=not_asked)


def test_a_failed_save_keeps_the_session(catalogue: Catalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When the answers cannot be written after a quiz, the session is kept and the message says how to go on."""
    answers = some_answers(catalogue, len(question_ids(catalogue)))

    def asked(*args: object, **kwargs: object) -> Answers:
        return answers

    monkeypatch.setattr(flow, "ask", asked)
    monkeypatch.setattr("rolefit.quiz.take.interactive", lambda: True)
    save_session(Session(answers, quick=False), catalogue)

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OutputError("cannot write it: No space left on device", file=tmp_path / "me.yaml")

    monkeypatch.setattr("rolefit.quiz.take.write_text", full_disk)
    result = runner.invoke(app, ["quiz", "--resume", "--save", str(tmp_path / "me.yaml")])
    assert result.exit_code == 2
    assert "No space left" in result.stderr
    assert "rolefit quiz --resume" in result.stderr
    assert session_path().exists()


# -- answers made for another catalogue --------------------------------------------------------


def _reworded(catalogue_dir: Path) -> Catalogue:
    tasks = catalogue_dir / "tasks.yaml"
    text = tasks.read_text()
    text = text.replace("title: Build and tune models", "title: Train and tune models")
    tasks.write_text(text)
    return load_catalogue(catalogue_dir)


def test_saved_answers_carry_the_catalogue_stamp(catalogue: Catalogue, tmp_path: Path) -> None:
    path = tmp_path / "me.yaml"
    path.write_text(dump_answers(some_answers(catalogue, 5), catalogue))
    stamp = load_answers(path, catalogue).stamp
    assert stamp is not None
    assert stamp.version == catalogue.version
    assert stamp.digest == catalogue.digest
    assert stamp.changed(catalogue) == []


def test_answers_for_another_version_warn_and_name_the_changed_tasks(catalogue: Catalogue, catalogue_dir: Path) -> None:
    newer = _reworded(catalogue_dir)
    result = runner.invoke(
        app,
        ["quiz", "--answers", str(EXAMPLES / "researcher.yaml"), "--catalogue", str(catalogue_dir), "--format", "json"],
    )
    assert result.exit_code == 0, result.stderr
    assert "warning" in result.stderr
    assert "build-models" in result.stderr
    assert "--ask-changed" in result.stderr
    # (a reworded task, the version kept: not "answered for catalogue 1.0.0, this is 1.0.0")
    said = " ".join(result.stderr.split())
    assert (
        f"was answered for another state of catalogue {newer.version} (its tasks differ, its version does not)" in said
    )
    assert f"catalogue {newer.version}, this is {newer.version}" not in said
    stamp = load_answers(EXAMPLES / "researcher.yaml", newer).stamp
    assert stamp is not None
    assert stamp.changed(newer) == ["build-models"]


def test_ask_changed_asks_only_the_changed_tasks(catalogue: Catalogue, catalogue_dir: Path) -> None:
    """--ask-changed without a terminal names exactly the changed task's questions as missing."""
    _reworded(catalogue_dir)
    result = runner.invoke(
        app,
        ["quiz", "--answers", str(EXAMPLES / "researcher.yaml"), "--catalogue", str(catalogue_dir), "--ask-changed"],
    )
    assert result.exit_code == 2
    assert "2 answers to ask again (new or changed tasks) and no terminal to ask them on" in result.stderr
    assert "build-models (skill)" in result.stderr
    assert "build-models (interest)" in result.stderr


def test_ask_changed_asks_just_the_changed_tasks_not_what_a_quiz_did_not_ask(
    catalogue: Catalogue, catalogue_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a terminal, --ask-changed on a quick quiz's file asks nothing when no task changed (and
    says so), and after a rewording exactly the reworded task's two questions; the questions the
    quick quiz left out stay unasked."""
    everyone = some_answers(catalogue, len(question_ids(catalogue)))
    path = tmp_path / "quick.yaml"
    path.write_text(dump_answers(some_answers(catalogue, 8), catalogue, mode="quick"))
    asked: list[str] = []

    def ask(cat: Catalogue, plan: object, *args: object, **kwargs: object) -> Answers:
        while (q := plan.next()) is not None:  # type: ignore[attr-defined]
            asked.append(q)
            plan.answer(q, everyone.value(q))  # type: ignore[attr-defined]
        return plan.answers  # type: ignore[attr-defined, no-any-return]

    monkeypatch.setattr(flow, "ask", ask)
    said: list[str] = []
    request = flow.Request(str(path), ask_changed=True)
    flow.collect(catalogue, request, interactive=True, notify=said.append)
    assert asked == []
    assert said == [
        f"rolefit: {path}: no task is new or changed since it was answered; --ask-changed has nothing to ask again"
    ]
    newer = _reworded(catalogue_dir)
    flow.collect(newer, request, interactive=True, notify=said.append)
    assert asked == ["skill:build-models", "interest:build-models"]


def test_ask_changed_needs_an_answers_file() -> None:
    result = runner.invoke(app, ["quiz", "--ask-changed"])
    assert result.exit_code == 2
    assert "--ask-changed asks again the changed tasks of an answers file; give it --answers FILE" in result.stderr


def test_answers_to_a_removed_task_are_dropped_with_a_warning(catalogue: Catalogue, catalogue_dir: Path) -> None:
    """A task the new catalogue no longer has is ignored (with a warning), not an error."""
    tasks = yaml.safe_load((catalogue_dir / "tasks.yaml").read_text())
    tasks["tasks"] = [t for t in tasks["tasks"] if t["id"] != "demo-apps"]
    (catalogue_dir / "tasks.yaml").write_text(yaml.safe_dump(tasks, sort_keys=False))
    roles = yaml.safe_load((catalogue_dir / "roles.yaml").read_text())
    for role in roles["roles"]:
        role["tasks"] = [t for t in role["tasks"] if t["task"] != "demo-apps"]
        for phase in role.get("evolution", []):
            phase["tasks"] = [t for t in phase.get("tasks", []) if t != "demo-apps"]
    (catalogue_dir / "roles.yaml").write_text(yaml.safe_dump(roles, sort_keys=False))
    result = runner.invoke(
        app,
        ["quiz", "--answers", str(EXAMPLES / "builder.yaml"), "--catalogue", str(catalogue_dir), "--format", "json"],
    )
    assert result.exit_code == 0, result.stderr
    assert "no question for: demo-apps" in result.stderr


def test_unknown_task_without_a_stamp_is_still_an_error(catalogue: Catalogue, tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("format: 1\nanswers:\n  demo-app: {skill: 1}\n")
    with pytest.raises(AnswersError, match="did you mean 'demo-apps'"):
        load_answers(path, catalogue)


def test_flow_rejects_conflicting_flags(catalogue: Catalogue) -> None:
    with pytest.raises(RolefitError, match="exclude each other"):
        flow.collect(catalogue, flow.Request(no_input=True, defaults=True), interactive=False, notify=print)


@settings(max_examples=60, deadline=None)
@given(answer_sets(), st.data())
def test_the_count_of_defaults_is_the_list_of_them(answers: Answers, data: st.DataObject) -> None:
    """The report's "N questions were not asked" counts exactly the questions filled by default."""
    from rolefit.model.answers import missing
    from rolefit.quiz.gather import Outcome

    cat = load_catalogue()
    keep = data.draw(st.sets(st.sampled_from([t.id for t in cat.tasks])))
    partial = Answers(
        skill={k: v for k, v in answers.skill.items() if k in keep},
        interest={k: v for k, v in answers.interest.items() if k not in keep},
        context=dict(list(answers.context.items())[: data.draw(st.integers(0, len(cat.context)))]),
    )
    outcome = Outcome(answers=answers, given=partial, catalogue=cat)
    assert outcome.defaulted == missing(partial, cat)
    assert outcome.not_asked == len(outcome.defaulted) == 2 * len(cat.tasks) + len(cat.context) - partial.count
