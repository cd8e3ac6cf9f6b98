"""The real ``rolefit quiz`` in a pseudo-terminal, driven with pexpect.

Each prompt is waited for by its instruction line, which questionary prints only while the
prompt is active; the text printed since the previous prompt then holds the prompt's heading
("Task 3/5 · ML ops 1/2  Serve a model behind an API"), checked against the library.

Every prompt costs the CLI a fifth of a second or so, and these tests are the slowest of the
suite: each walks as few prompts as what it checks needs, and the full quiz is walked once.
Keys are sent as soon as a prompt is active (it is then reading the terminal), and a wait for
output gives up after TIMEOUT seconds, so that a hang fails quickly.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

import pytest

from rolefit.catalogue.load import load_catalogue
from rolefit.errors import INTERRUPTED, USER_ERROR
from rolefit.files.answers import dump_answers, load_answers
from rolefit.model.answers import Answers, complete, default_value, question_ids
from rolefit.model.catalogue import Catalogue
from rolefit.quiz import gather as flow
from rolefit.quiz.gather import QUICK_PROMPTS
from rolefit.quiz.prompts import CHOICE_HINT, TASK_HINT, Quiz
from rolefit.quiz.session import load_session, session_path
from rolefit.quiz.take import AUTOSAVE_NAME
from rolefit.report.data import report_json
from rolefit.scoring.fit import discriminating_tasks, score

pexpect = pytest.importorskip("pexpect")

pytestmark = [
    pytest.mark.pty,
    pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals need a POSIX system"),
]

#: Seconds to wait for the next output: startup and one prompt each take well under one.
TIMEOUT = 6


class Key(str, Enum):
    ENTER = "\r"
    UP = "\x1b[A"
    DOWN = "\x1b[B"
    CTRL_C = "\x03"


#: questionary shows the instruction only while a prompt waits for a key.
ACTIVE = re.compile(f"{re.escape(TASK_HINT)}|{re.escape(CHOICE_HINT)}")
REVIEW = re.compile(re.escape("Review: is this right?"))
HEADLINE = re.compile(r"Your (?:best )?fit: ")
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
HEAD = re.compile(r"\? ((?:Context|Task) \d+/\d+[^\r\n]*)")


@pytest.fixture(scope="module")
def cat() -> Catalogue:
    return load_catalogue()


def env() -> dict[str, str]:
    """The test's environment, with no catalogue override and the pty's size as the width."""
    out = dict(os.environ, PROMPT_TOOLKIT_NO_CPR="1", TERM="xterm", NO_COLOR="1")
    for name in ("ROLEFIT_CATALOGUE", "COLUMNS", "LINES"):
        out.pop(name, None)
    return out


def run_without_terminal(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The real CLI with no terminal (stdin from /dev/null), output captured."""
    return subprocess.run(
        [sys.executable, "-m", "rolefit", *args],
        cwd=cwd,
        env=env(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


def spawn(cwd: Path, *args: str) -> Any:
    child = pexpect.spawn(
        sys.executable,
        ["-m", "rolefit", "quiz", *args],
        cwd=str(cwd),
        env=env(),
        dimensions=(40, 120),
        encoding="utf-8",
        timeout=TIMEOUT,
    )
    # A key is sent only once its prompt shows it is active (reading the terminal), so pexpect's
    # pause before each send (50 ms, for programs that print a prompt before reading) is not needed.
    child.delaybeforesend = None
    return child


def finish(child: Any) -> tuple[int, str]:
    """Wait for the end; the exit status and what was printed last."""
    child.expect(pexpect.EOF)
    tail = ANSI.sub("", child.before)
    child.wait()  # the process has ended: close() need not wait for it
    child.ptyproc.delayafterclose = 0
    child.close()
    return child.exitstatus, tail


@dataclass(frozen=True)
class Shown:
    """A prompt on screen: its heading, and for a task which aspect it asks."""

    head: str
    aspect: str | None


def next_prompt(child: Any) -> Shown | None:
    """Wait for the next prompt; None when it is the review step."""
    if child.expect([REVIEW, ACTIVE]) == 0:
        return None
    text = ANSI.sub("", child.before)
    heads = HEAD.findall(text)
    assert heads, text
    head = heads[-1].strip()
    aspects = re.findall(r"Your (skill|interest)", text)
    return Shown(head, aspects[-1] if head.startswith("Task") else None)


def expected_head(cat: Catalogue, question: str, asked: Sequence[str]) -> Shown:
    kind, _, key = question.partition(":")
    progress = Quiz(cat, Answers()).progress(question, asked)
    if kind == "context":
        return Shown(f"{progress}  {cat.context_by_id[key].title}", None)
    return Shown(f"{progress}  {cat.task_by_id[key].title}", kind)


def typed_answer(cat: Catalogue, question: str, i: int) -> tuple[str, int | str]:
    """Keys answering ``question`` (the i-th asked) and the answer they give: context prompts
    move one row off the default with an arrow; task prompts take the default with Enter every
    fourth time, else a digit shortcut."""
    kind, _, key = question.partition(":")
    if kind != "context" and i % 4 == 0:
        return Key.ENTER.value, default_value(cat, question)
    if kind == "context":
        q = cat.context_by_id[key]
        ids = [c.id for c in q.choices]
        at = ids.index(q.default)
        if at + 1 < len(ids):
            return Key.DOWN.value + Key.ENTER.value, ids[at + 1]
        return Key.UP.value + Key.ENTER.value, ids[at - 1]
    level = (i * 3 + 1) % 5
    return f"{level}{Key.ENTER.value}", level


def question_of(cat: Catalogue, shown: Shown) -> str:
    """The question id whose title the heading shows."""
    if shown.aspect is None:
        return next(f"context:{q.id}" for q in cat.context if shown.head.endswith(f"  {q.title}"))
    return next(f"{shown.aspect}:{t.id}" for t in cat.tasks if shown.head.endswith(f"  {t.title}"))


def enter_through(child: Any) -> list[Shown]:
    """Press Enter on every prompt up to the review; the prompts shown."""
    shown: list[Shown] = []
    while (prompt := next_prompt(child)) is not None:
        shown.append(prompt)
        child.send(Key.ENTER.value)
    return shown


def expect_report(child: Any, cat: Catalogue, answers: Answers, saved: str) -> None:
    """Accept the review; the answers are saved in ``saved``, then the report's headline names
    the fit the library computes."""
    child.send(Key.ENTER.value)
    child.expect_exact(f"Answers saved in {saved}; replay with: rolefit quiz --answers {saved}")
    child.expect(HEADLINE)
    child.expect(r"([^\r\n]*)\r?\n")
    result = score(cat, answers)
    headline = ANSI.sub("", str(child.match.group(1))).strip()
    if result.hybrid:
        assert headline.startswith(f"{result.title} (a hybrid"), headline
    else:
        assert headline == result.title


def test_quick_quiz_from_first_prompt_to_report(cat: Catalogue, tmp_path: Path) -> None:
    """The quick quiz asks the context questions, then skill and interest for the few tasks that
    best tell the roles apart; answers given with Enter, arrows and digit shortcuts end in the
    report and in the --save file, which 'quiz --answers FILE --format json' scores as the
    library does."""
    child = spawn(tmp_path, "--quick", "--save", "me.yaml")
    given = Answers()
    shown: list[Shown] = []
    while (prompt := next_prompt(child)) is not None:
        shown.append(prompt)
        question = question_of(cat, prompt)
        keys, value = typed_answer(cat, question, len(shown))
        child.send(keys)
        given = given.with_answer(question, value)
    expect_report(child, cat, complete(given, cat), "me.yaml")
    status, _ = finish(child)
    assert status == 0

    asked = [question_of(cat, s) for s in shown]
    assert len(asked) <= QUICK_PROMPTS
    tasks = list(dict.fromkeys(q.partition(":")[2] for q in asked[len(cat.context) :]))
    assert set(tasks) == set(discriminating_tasks(cat, len(tasks)))
    assert asked == question_ids(cat, tasks)
    assert shown == [expected_head(cat, q, asked) for q in asked]

    saved = tmp_path / "me.yaml"
    assert saved.is_file()
    assert not (tmp_path / AUTOSAVE_NAME).exists()
    from_file = load_answers(saved, cat)
    assert from_file == complete(given, cat)
    assert from_file != complete(Answers(), cat)  # some typed answers differ from the defaults

    run = run_without_terminal(tmp_path, "quiz", "--answers", str(saved), "--format", "json")
    assert run.returncode == 0, run.stderr
    assert run.stdout == report_json(cat, from_file)


def test_full_quiz_ctrl_c_keeps_the_answers_and_resume_asks_the_rest(cat: Catalogue, tmp_path: Path) -> None:
    """The full quiz asks every question in catalogue order (the first half here, the rest on
    resuming). Ctrl-C at a middle prompt exits 130 and says how to continue; the session file holds
    exactly the answers given; 'quiz --resume' asks only the remaining questions, where Enter takes
    the defaults; then the report, and without --save the answers land in rolefit-answers.yaml in
    the current folder, and the session is cleared."""
    everything = question_ids(cat)
    given_count = len(everything) // 2
    child = spawn(tmp_path)
    given = Answers()
    for i, question in enumerate(everything[:given_count]):
        assert next_prompt(child) == expected_head(cat, question, everything)
        keys, value = typed_answer(cat, question, i)
        child.send(keys)
        given = given.with_answer(question, value)
    assert next_prompt(child) == expected_head(cat, everything[given_count], everything)
    child.send(Key.CTRL_C.value)
    status, tail = finish(child)
    assert status == INTERRUPTED
    assert f"{given_count} answers are saved" in tail
    assert "rolefit quiz --resume" in tail
    assert "Traceback" not in tail
    assert not (tmp_path / AUTOSAVE_NAME).exists()
    saved = load_session(cat)
    assert saved is not None
    assert saved.answers == given

    child = spawn(tmp_path, "--resume")
    shown = enter_through(child)
    remaining = everything[given_count:]
    assert len(shown) == len(remaining)
    assert shown == [expected_head(cat, q, everything) for q in remaining]
    expect_report(child, cat, complete(given, cat), AUTOSAVE_NAME)
    status, _ = finish(child)
    assert status == 0
    saved_answers = load_answers(tmp_path / AUTOSAVE_NAME, cat)
    assert saved_answers == complete(given, cat)
    assert all(saved_answers.value(q) == default_value(cat, q) for q in remaining)
    assert not session_path().exists()


def test_a_partial_answers_file_on_a_terminal_asks_only_what_is_missing(cat: Catalogue, tmp_path: Path) -> None:
    """--answers with some answers missing (the first question, the last, and a few between) asks
    just those, in order, then the report."""
    everything = question_ids(cat)
    remaining = [*everything[:-1:9], everything[-1]]
    given = Answers()
    for i, question in enumerate(q for q in everything if q not in remaining):
        given = given.with_answer(question, typed_answer(cat, question, i + 1)[1])
    (tmp_path / "part.yaml").write_text(dump_answers(given, cat), encoding="utf-8")
    child = spawn(tmp_path, "--answers", "part.yaml")
    shown = enter_through(child)
    assert shown == [expected_head(cat, q, remaining) for q in remaining]
    expect_report(child, cat, complete(given, cat), AUTOSAVE_NAME)
    status, _ = finish(child)
    assert status == 0


def test_save_to_an_existing_file_fails_before_any_prompt(tmp_path: Path) -> None:
    """--save to an existing file without --force exits 2 at once, asks nothing, and leaves the
    file as it was."""
    existing = tmp_path / "me.yaml"
    existing.write_text("mine\n", encoding="utf-8")
    child = spawn(tmp_path, "--save", "me.yaml")
    status, output = finish(child)
    assert status == USER_ERROR
    assert "already exists" in output
    assert "--force" in output
    assert not ACTIVE.search(output)
    assert existing.read_text(encoding="utf-8") == "mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["me.yaml"]


def test_quiz_without_a_terminal_points_to_answers(tmp_path: Path) -> None:
    """With no terminal the quiz exits 2 with one message suggesting --answers, no traceback."""
    run = run_without_terminal(tmp_path, "quiz")
    assert run.returncode == USER_ERROR
    assert "--answers" in run.stderr
    assert "Traceback" not in run.stderr + run.stdout
    assert run.stdout == ""
    assert list(tmp_path.iterdir()) == []


def test_an_error_names_a_file_with_brackets_as_given(tmp_path: Path) -> None:
    """The error for an existing --save file names that file exactly, brackets included."""
    (tmp_path / "me[red].yaml").write_text("mine\n", encoding="utf-8")
    run = run_without_terminal(tmp_path, "quiz", "--save", "me[red].yaml")
    assert run.returncode == USER_ERROR
    assert "me[red].yaml: already exists" in run.stderr
    broken = run_without_terminal(tmp_path, "quiz", "--answers", "a[/b]")
    assert broken.returncode == USER_ERROR
    assert "a[/b]: no such file" in broken.stderr
    assert "Traceback" not in broken.stderr


def printed_json(child: Any) -> dict[str, Any]:
    """Accept the review, wait for the end, and parse the JSON report printed last."""
    child.send(Key.ENTER.value)
    status, tail = finish(child)
    assert status == 0, tail
    text = tail.replace("\r\n", "\n")
    start = re.search(r"^\{$", text, flags=re.M)
    assert start, text
    data: dict[str, Any] = json.loads(text[start.start() :])
    return data


def answer_until(child: Any, cat: Catalogue, order: list[str], stop: int | None) -> None:
    """Answer the prompts shown (each by its place in ``order``, so the keys are the same in every
    run) until the ``stop``-th prompt of this run, where Ctrl-C is pressed; None: up to the review."""
    seen = 0
    while True:
        prompt = next_prompt(child)
        if stop is not None and seen == stop:
            child.send(Key.CTRL_C.value)
            return
        if prompt is None:
            return
        question = question_of(cat, prompt)
        child.send(typed_answer(cat, question, order.index(question) + 1)[0])
        seen += 1


def typed_answers(cat: Catalogue, order: list[str]) -> Answers:
    """The answers answer_until's keys give to the questions in ``order``."""
    given = Answers()
    for question in order:
        given = given.with_answer(question, typed_answer(cat, question, order.index(question) + 1)[1])
    return given


@pytest.mark.parametrize("where", ["nowhere", "first", "middle", "last", "review"])
def test_interrupt_anywhere_then_resume_gives_the_same_report(cat: Catalogue, tmp_path: Path, where: str) -> None:
    """Uninterrupted, or interrupted at the first, a middle or the last prompt, or at the review
    (then resumed with 'quiz --resume'), the quick quiz ends with the same JSON report: the one the
    library makes of the answers the keys give."""
    order = flow.quick_questions(cat)
    not_asked = 2 * len(cat.tasks) + len(cat.context) - len(order)
    expected = json.loads(report_json(cat, complete(typed_answers(cat, order), cat), not_asked=not_asked))
    if where != "nowhere":
        stop = {"first": 0, "middle": len(order) // 2, "last": len(order) - 1, "review": len(order)}[where]
        child = spawn(tmp_path, "--quick", "--format", "json")
        answer_until(child, cat, order, stop)
        status, tail = finish(child)
        assert status == INTERRUPTED, tail
        assert "rolefit quiz --resume" in tail
        assert session_path().exists()
    child = spawn(tmp_path, *(["--resume"] if where != "nowhere" else ["--quick"]), "--format", "json")
    answer_until(child, cat, order, None)
    assert printed_json(child) == expected
    assert not session_path().exists()


def test_back_key_returns_to_the_previous_question(cat: Catalogue, tmp_path: Path) -> None:
    """'b' on a prompt shows the previous question again, with the answer given as its default:
    Enter there keeps it, and the quiz goes on with the question after it."""
    order = flow.quick_questions(cat)
    child = spawn(tmp_path, "--quick")
    first, second = order[0], order[1]
    assert next_prompt(child) == expected_head(cat, first, order)
    keys, value = typed_answer(cat, first, 1)
    assert value != default_value(cat, first)
    child.send(keys)
    assert next_prompt(child) == expected_head(cat, second, order)
    child.send("b")
    assert next_prompt(child) == expected_head(cat, first, order)
    child.send(Key.ENTER.value)  # keeps the answer given before going back
    assert next_prompt(child) == expected_head(cat, second, order)
    child.send(Key.CTRL_C.value)
    status, _ = finish(child)
    assert status == INTERRUPTED
    saved = load_session(cat)
    assert saved is not None
    assert saved.answers.value(first) == value
    assert saved.answers.value(second) is None


@pytest.mark.parametrize("how", ["kill", "hangup"])
def test_a_killed_quiz_keeps_every_answer_given(cat: Catalogue, tmp_path: Path, how: str) -> None:
    """Killed outright (SIGKILL) or with its terminal closed (SIGHUP) mid-quiz, the answers given
    so far are on disk, and --resume asks only the rest."""
    order = flow.quick_questions(cat)
    child = spawn(tmp_path, "--quick")
    given = Answers()
    for i, question in enumerate(order[:5]):
        assert next_prompt(child) == expected_head(cat, question, order)
        keys, value = typed_answer(cat, question, i + 1)
        child.send(keys)
        given = given.with_answer(question, value)
    assert next_prompt(child) is not None  # the sixth prompt is up: five answers are given
    child.kill(signal.SIGKILL if how == "kill" else signal.SIGHUP)
    child.expect(pexpect.EOF)
    child.close()
    saved = load_session(cat)
    assert saved is not None
    assert saved.answers == given
    assert saved.quick

    child = spawn(tmp_path, "--resume")
    shown = enter_through(child)
    assert [question_of(cat, s) for s in shown] == order[5:]
    expect_report(child, cat, complete(given, cat), AUTOSAVE_NAME)
    status, _ = finish(child)
    assert status == 0


@pytest.mark.parametrize("choice", ["resume", "start over"])
def test_plain_quiz_offers_to_resume_an_unfinished_one(cat: Catalogue, tmp_path: Path, choice: str) -> None:
    """With a session on disk, `rolefit quiz` asks whether to resume it or start over, and does so."""
    from rolefit.quiz.session import Session, save_session

    order = question_ids(cat)
    given = Answers()
    for i, question in enumerate(order[:4]):
        given = given.with_answer(question, typed_answer(cat, question, i + 1)[1])
    save_session(Session(given, quick=False), cat)
    child = spawn(tmp_path)
    child.expect("unfinished quiz \\(4 answers given\\)")
    child.send(Key.ENTER.value if choice == "resume" else Key.DOWN.value + Key.ENTER.value)
    first = next_prompt(child)
    expected = order[4] if choice == "resume" else order[0]
    assert first == expected_head(cat, expected, order)
    child.send(Key.CTRL_C.value)
    status, _ = finish(child)
    assert status == INTERRUPTED
    saved = load_session(cat)
    assert saved is not None
    assert saved.answers == (given if choice == "resume" else Answers())
