"""The real ``rolefit quiz`` in a pseudo-terminal, driven with pexpect.

Each prompt is waited for by its instruction line, which questionary prints only while the
prompt is active; the text printed since the previous prompt then holds the prompt's heading
("Question 3 · at most 62 · may finish early  Serve a model behind an API"). The answers typed
are an example's (``examples/answers``), one digit per prompt, so the test knows what the
quiz should do next from the library (:class:`rolefit.quiz.order.Plan`).

Keys are sent as soon as a prompt is active (it is then reading the terminal), and a wait for
output gives up after TIMEOUT seconds, so that a hang fails quickly.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

import pytest

from rolefit.catalogue.load import load_catalogue
from rolefit.errors import INTERRUPTED, USER_ERROR
from rolefit.files.answers import load_answers, load_answers_and_mode
from rolefit.model.answers import Answers, question_ids
from rolefit.model.catalogue import Catalogue
from rolefit.quiz.order import Plan
from rolefit.quiz.prompts import CHOICE_HINT, PAUSE_NOTE, TASK_HINT
from rolefit.quiz.session import load_session, session_path
from rolefit.quiz.take import AUTOSAVE_NAME

from helpers import EXAMPLES, persona, small_catalogue

pexpect = pytest.importorskip("pexpect")

pytestmark = [
    pytest.mark.pty,
    pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals need a POSIX system"),
]

#: Seconds to wait for the next output: startup and one prompt each take well under one.
TIMEOUT = 20  # generous: a loaded machine is slow, not wrong


class Key(str, Enum):
    ENTER = "\r"
    UP = "\x1b[A"
    DOWN = "\x1b[B"
    ESC = "\x1b"
    CTRL_C = "\x03"


#: questionary shows the instruction only while a prompt waits for a key.
ACTIVE = re.compile(f"{re.escape(TASK_HINT)}|{re.escape(CHOICE_HINT)}")
REVIEW = re.compile(re.escape("Review: is this right?"))
HEADLINE = re.compile(r"Your (?:best )?fit: ")
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
HEAD = re.compile(r"\? (Question \d+[^\r\n]*)")
SETTLED = re.compile(r"Settled after (\d+) of (\d+) questions: whatever you answer to the other (\d+), (.+?) stays")


@pytest.fixture(scope="module")
def cat() -> Catalogue:
    return load_catalogue()


@pytest.fixture(scope="module")
def researcher(cat: Catalogue) -> Answers:
    return load_answers(EXAMPLES / "researcher.yaml", cat)


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
    child.delaybeforesend = None
    return child


def finish(child: Any) -> tuple[int, str]:
    """Wait for the end; the exit status and what was printed last."""
    child.expect(pexpect.EOF)
    tail = ANSI.sub("", child.before)
    child.wait()
    child.ptyproc.delayafterclose = 0
    child.close()
    return child.exitstatus, tail


@dataclass(frozen=True)
class Shown:
    """A prompt on screen: its heading and the question it asks; or the review (``question`` None),
    with the text printed before it."""

    head: str
    question: str | None
    text: str = ""


def next_prompt(child: Any, cat: Catalogue, *, review_too: bool = True) -> Shown:
    """Wait for the next prompt and tell which question it asks (by its title); ``review_too``:
    the review counts (not while the review's own answer is still being echoed)."""
    review = child.expect([REVIEW, ACTIVE] if review_too else [ACTIVE]) == 0 and review_too
    text = ANSI.sub("", child.before)
    if review:
        return Shown("", None, " ".join(text.split()))
    heads = HEAD.findall(text)
    assert heads, text
    head = heads[-1].strip()
    flat = " ".join(text.split())
    if child.after == CHOICE_HINT:
        found = [f"context:{q.id}" for q in cat.context if " ".join(q.title.split()[:4]) in flat]
        return Shown(head, found[-1] if found else None, flat)
    aspect = re.findall(r"Your (skill|interest)", text)[-1]
    task = next(t.id for t in cat.tasks if head.endswith(f"  {t.title}"))
    return Shown(head, f"{aspect}:{task}", flat)


def key_for(cat: Catalogue, question: str, value: int | str) -> str:
    """The digit answering ``question`` with ``value`` (a context choice by its number)."""
    if question.startswith("context:"):
        q = cat.context_by_id[question.partition(":")[2]]
        return str([c.id for c in q.choices].index(str(value)) + 1)
    return str(value)


def answer_to_review(
    child: Any, cat: Catalogue, answers: Answers, plan: Plan | None = None
) -> tuple[list[Shown], Shown]:
    """Answer each prompt from ``answers`` up to the review (checking each is ``plan``'s next
    question, if given); the prompts shown, and the review."""
    shown: list[Shown] = []
    while (prompt := next_prompt(child, cat)).question is not None:
        question = prompt.question
        if plan is not None:
            assert question == plan.next(), (prompt, plan.next())
            plan.answer(question, answers.value(question))  # type: ignore[arg-type]
        shown.append(prompt)
        child.send(key_for(cat, question, answers.value(question)))  # type: ignore[arg-type]
    return shown, prompt


def expect_report(child: Any, top: str, saved: str) -> None:
    """Accept the review; the answers are saved in ``saved``, then the headline names ``top``."""
    child.send(Key.ENTER.value)
    child.expect_exact(f"Answers saved in {saved}; replay with: rolefit quiz --answers {saved}")
    child.expect(HEADLINE)
    child.expect(r"([^\r\n]*)\r?\n")
    headline = ANSI.sub("", str(child.match.group(1))).strip()
    assert headline.startswith(top), headline


def test_the_adaptive_quiz_stops_when_settled_and_the_report_agrees(
    cat: Catalogue, researcher: Answers, tmp_path: Path
) -> None:
    """'rolefit quiz' asks in the race's order, one digit per prompt, until no answer to the rest
    can change the top role; it says so ('Settled after N of 62 ...'), the report's top role is the
    settled one, and the --save file holds just the N answers given, with the mode."""
    child = spawn(tmp_path, "--save", "me.yaml")
    plan = Plan(cat, "adaptive", Answers())
    shown, review = answer_to_review(child, cat, researcher, plan)
    total = len(question_ids(cat))
    n = len(shown)
    assert n < total
    assert [s.head.partition("  ")[0] for s in shown] == [
        f"Question {i} · at most {total} · may finish early" for i in range(1, n + 1)
    ]
    match = SETTLED.search(review.text)
    assert match, review.text
    assert (int(match[1]), int(match[2]), int(match[3])) == (n, total, total - n)
    top = match[4]
    assert top == cat.role_by_id[plan.race.leader].name
    expect_report(child, top, "me.yaml")
    status, tail = finish(child)
    assert status == 0
    assert "Settled after" in " ".join(tail.split())

    saved, mode = load_answers_and_mode(tmp_path / "me.yaml", cat)
    assert mode == "adaptive"
    assert saved.count == n
    assert all(saved.value(q) == researcher.value(q) for q in plan.asked)
    run = run_without_terminal(tmp_path, "quiz", "--answers", "me.yaml", "--format", "json")
    assert run.returncode == 0, run.stderr  # the unasked questions are not missing answers
    assert f'"{plan.race.leader}"' in run.stdout


def test_going_on_after_the_stop_asks_more_until_s(cat: Catalogue, researcher: Answers, tmp_path: Path) -> None:
    """At the stop, 'Go on' asks the open questions (offering 's' to stop); 's' returns to the review."""
    child = spawn(tmp_path)
    shown, _ = answer_to_review(child, cat, researcher)
    child.send(Key.DOWN.value + Key.ENTER.value)  # Go on
    more: list[str] = []
    for _ in range(3):
        prompt = next_prompt(child, cat, review_too=bool(more))
        assert prompt.question is not None
        child.expect_exact("s stop here)")  # the rest of the instruction line
        assert prompt.head.startswith(f"Question {len(shown) + len(more) + 1} of ")
        more.append(prompt.question)
        child.send(key_for(cat, prompt.question, researcher.value(prompt.question)))  # type: ignore[arg-type]
    assert next_prompt(child, cat).question is not None
    child.send("s")
    review = next_prompt(child, cat)
    assert review.question is None
    assert set(more).isdisjoint(s.question for s in shown)
    child.send(Key.ENTER.value)
    status, _ = finish(child)
    assert status == 0
    saved, _ = load_answers_and_mode(tmp_path / AUTOSAVE_NAME, cat)
    assert saved.count == len(shown) + 3


def test_esc_at_the_review_then_going_on_going_back_and_resuming_keep_going_on(
    cat: Catalogue, researcher: Answers, tmp_path: Path
) -> None:
    """Esc at the review explains how to pause and asks again, without printing the answers again;
    Esc in 'Which answer?' (once a crash) does the same there. After 'Go on', 'b' takes the last
    answer back but the person is still going on (the count reads 'of 62', 's' is offered, no
    review comes back); Ctrl-C, then '--resume', goes on too. (One quiz, to spare a second run
    to the review.)"""
    child = spawn(tmp_path)
    shown, _ = answer_to_review(child, cat, researcher)
    child.send(Key.ESC.value)
    child.expect_exact(PAUSE_NOTE)
    child.expect(REVIEW)
    assert "Your answers" not in ANSI.sub("", child.before)
    child.send(Key.DOWN.value + Key.DOWN.value + Key.ENTER.value)  # Change an answer
    child.expect_exact("Which answer?")
    child.send(Key.ESC.value)
    child.expect_exact(PAUSE_NOTE)
    child.expect_exact("Which answer?")
    child.send("b")
    child.expect(REVIEW)
    total = len(question_ids(cat))
    child.send(Key.DOWN.value + Key.ENTER.value)  # Go on
    first = next_prompt(child, cat, review_too=False)
    assert first.question is not None
    child.send(key_for(cat, first.question, researcher.value(first.question)))  # type: ignore[arg-type]
    second = next_prompt(child, cat)
    assert second.question is not None and second.head.startswith(f"Question {len(shown) + 2} of {total}")
    child.send("b")
    again = next_prompt(child, cat)
    assert again.question == first.question
    assert again.head.startswith(f"Question {len(shown) + 1} of {total}")
    child.expect_exact("s stop here)")
    child.send(key_for(cat, first.question, researcher.value(first.question)))  # type: ignore[arg-type]
    after = next_prompt(child, cat)
    assert after.question is not None  # still going on: a question, not the review
    child.send(Key.CTRL_C.value)
    status, tail = finish(child)
    assert status == INTERRUPTED
    assert "Traceback" not in tail

    child = spawn(tmp_path, "--resume")
    resumed = next_prompt(child, cat)
    assert resumed.question is not None and resumed.head.startswith(f"Question {len(shown) + 2} of {total}")
    # 's' stops there again, and so does the quiz resumed after it: at the review, not a question
    child.send("s")
    assert next_prompt(child, cat).question is None
    child.send(Key.CTRL_C.value)
    status, _ = finish(child)
    assert status == INTERRUPTED
    child = spawn(tmp_path, "--resume")
    assert next_prompt(child, cat).question is None
    child.send(Key.CTRL_C.value)
    status, _ = finish(child)
    assert status == INTERRUPTED


def test_back_takes_the_answer_back_and_the_stop_is_worked_out_again(
    cat: Catalogue, researcher: Answers, tmp_path: Path
) -> None:
    """'b' at the review shows the last question again; answered otherwise, the quiz goes on from
    there in the race's order and stops where the library says, announcing the new count."""
    plan = Plan(cat, "adaptive", Answers())
    while (q := plan.next()) is not None:
        plan.answer(q, researcher.value(q))  # type: ignore[arg-type]
    first_stop = plan.count
    last = plan.back()
    assert last is not None
    kind = last.partition(":")[0]
    assert kind != "context"
    # the other answer that moves the stop the most
    outcomes = {}
    for value in range(5):
        trial = Plan(cat, "adaptive", plan.answers, plan.asked)
        trial.answer(last, value)
        while (q := trial.next()) is not None:
            trial.answer(q, researcher.value(q))  # type: ignore[arg-type]
        outcomes[value] = trial
    other = max(range(5), key=lambda v: (outcomes[v].count, v != researcher.value(last)))

    child = spawn(tmp_path)
    shown, review = answer_to_review(child, cat, researcher)
    assert len(shown) == first_stop
    child.send("b")
    again = next_prompt(child, cat)
    assert again.question == last
    child.send(str(other))
    rest, review = answer_to_review(child, cat, researcher)
    expected = outcomes[other]
    match = SETTLED.search(review.text)
    assert match, review.text
    assert int(match[1]) == expected.count
    assert [s.question for s in rest] == expected.asked[first_stop:]
    child.send(Key.CTRL_C.value)
    status, _ = finish(child)
    assert status == INTERRUPTED


def test_esc_says_how_to_pause(cat: Catalogue, tmp_path: Path) -> None:
    child = spawn(tmp_path)
    first = next_prompt(child, cat)
    child.send(Key.ESC.value)
    again = next_prompt(child, cat)
    assert again.question == first.question
    assert PAUSE_NOTE in again.text
    child.send(Key.ESC.value)  # again, on the same question: the note is already on screen
    third = next_prompt(child, cat)
    assert third.question == first.question and PAUSE_NOTE not in third.text
    child.send(Key.CTRL_C.value)
    status, _ = finish(child)
    assert status == INTERRUPTED


def test_enter_on_an_untouched_prompt_does_nothing(cat: Catalogue, tmp_path: Path) -> None:
    """Nothing is pointed at, and Enter before any choice does not answer: the same question waits;
    a digit answers it. (Had Enter answered the first question, the digit would answer the second,
    and the third would be asked next.)"""
    order = question_ids(cat)
    child = spawn(tmp_path, "--full")
    first = next_prompt(child, cat)
    assert first.question == order[0]
    assert "»" not in first.text  # no choice is pointed at
    child.send(Key.ENTER.value)
    child.send("1")
    second = next_prompt(child, cat)
    assert second.question == order[1], second
    assert "»" not in second.text  # not after Enter either
    child.send(Key.CTRL_C.value)
    status, _ = finish(child)
    assert status == INTERRUPTED
    saved = load_session(cat)
    assert saved is not None
    assert saved.answers.count == 1
    assert key_for(cat, order[0], saved.answers.value(order[0])) == "1"  # type: ignore[arg-type]


def test_full_quiz_asks_every_question_in_order(tmp_path: Path) -> None:
    """--full asks every question in catalogue order ('Question 3 of 10'), then the review offers
    no more. (A catalogue of five tasks: the order is under test, not the length; the built-in
    one's 62 prompts cost four seconds.)"""
    folder = tmp_path / "catalogue"
    small = small_catalogue(folder, list("abcde"), {"x": {"a": 3, "b": 2, "c": 1}, "y": {"c": 3, "d": 3, "e": 1}})
    answers = persona(small, "x")
    everything = question_ids(small)
    child = spawn(tmp_path, "--full", "--save", "me.yaml", "--catalogue", str(folder))
    shown, review = answer_to_review(child, small, answers)
    assert [s.question for s in shown] == everything
    assert shown[2].head.startswith(f"Question 3 of {len(everything)}  ")
    assert "Settled" not in review.text
    expect_report(child, "", "me.yaml")
    status, _ = finish(child)
    assert status == 0
    saved, mode = load_answers_and_mode(tmp_path / "me.yaml", small)
    assert (saved, mode) == (answers, "full")


def test_quick_quiz_is_provisional(cat: Catalogue, researcher: Answers, tmp_path: Path) -> None:
    """--quick stops once a change is unlikely, fewer questions than the adaptive quiz needs to
    prove it, and the report says the result is provisional and how many were skipped."""
    plan = Plan(cat, "quick", Answers())
    child = spawn(tmp_path, "--quick")
    shown, review = answer_to_review(child, cat, researcher, plan)
    total = len(question_ids(cat))
    assert f"Provisional after {len(shown)} of {total} questions" in review.text
    child.send(Key.ENTER.value)
    status, tail = finish(child)
    assert status == 0
    flat = " ".join(tail.split())
    assert f"{total - len(shown)} questions were skipped" in flat


def test_ctrl_c_then_resume_goes_on_in_the_adaptive_order(cat: Catalogue, researcher: Answers, tmp_path: Path) -> None:
    """Ctrl-C after five answers exits 130 with every answer in the session (mode and order
    included); 'quiz --resume' goes on with the question the race picks next, to the same stop."""
    plan = Plan(cat, "adaptive", Answers())
    child = spawn(tmp_path)
    for _ in range(5):
        prompt = next_prompt(child, cat)
        assert prompt.question == plan.next()
        plan.answer(prompt.question, researcher.value(prompt.question))  # type: ignore[arg-type]
        child.send(key_for(cat, prompt.question, researcher.value(prompt.question)))  # type: ignore[arg-type]
    next_prompt(child, cat)
    child.send(Key.CTRL_C.value)
    status, tail = finish(child)
    assert status == INTERRUPTED
    assert "5 answers are saved" in tail
    session = load_session(cat)
    assert session is not None
    assert (session.mode, session.asked, session.answers) == ("adaptive", tuple(plan.asked), plan.answers)

    child = spawn(tmp_path, "--resume")
    shown, review = answer_to_review(child, cat, researcher, plan)
    assert shown[0].head.startswith("Question 6 · ")
    assert SETTLED.search(review.text)
    child.send(Key.ENTER.value)
    status, _ = finish(child)
    assert status == 0
    assert not session_path().exists()


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


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "r.csv"], "rolefit: r.csv: this command cannot write csv; it writes: text, json, md, html, svg"),
        (["--format", "csv"], "rolefit: --format: this command cannot write csv; it writes: text, json, md, html, svg"),
        (["--format", "json", "-o", "r.md"], "rolefit: r.md: --format json does not match the file's suffix"),
        (["--save", "s.html"], "rolefit: s.html: --save writes the answers, to replay with --answers: expected a name"),
    ],
)
def test_what_cannot_be_written_is_refused_before_the_first_question(
    tmp_path: Path, args: list[str], message: str
) -> None:
    """A report format the quiz cannot write (from the -o suffix or --format, or the two at odds),
    or a --save file named as something else than answers, ends the quiz (exit 2, one line) before
    it asks anything; nothing is written, and no session is started."""
    child = spawn(tmp_path, "--quick", *args)
    asked = child.expect([ACTIVE, pexpect.EOF]) == 0
    shown = child.before
    if asked:
        child.send(Key.CTRL_C.value)
    status, rest = finish(child)
    said = " ".join(ANSI.sub("", shown + rest).split())
    assert not asked, said
    assert status == USER_ERROR
    assert said.startswith(message), said
    assert "Traceback" not in said
    assert list(tmp_path.iterdir()) == []
    assert not session_path().exists()


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


@pytest.mark.parametrize("how", ["kill", "hangup"])
def test_a_killed_quiz_keeps_every_answer_given(cat: Catalogue, researcher: Answers, tmp_path: Path, how: str) -> None:
    """Killed outright (SIGKILL) or with its terminal closed (SIGHUP) mid-quiz, the answers given
    so far are on disk."""
    child = spawn(tmp_path, "--quick")
    given = Answers()
    for _ in range(4):
        prompt = next_prompt(child, cat)
        assert prompt.question is not None
        value = researcher.value(prompt.question)
        child.send(key_for(cat, prompt.question, value))  # type: ignore[arg-type]
        given = given.with_answer(prompt.question, value)  # type: ignore[arg-type]
    next_prompt(child, cat)
    child.kill(signal.SIGKILL if how == "kill" else signal.SIGHUP)
    child.expect(pexpect.EOF)
    child.close()
    saved = load_session(cat)
    assert saved is not None
    assert saved.answers == given
    assert saved.quiz_mode == "quick"


@pytest.mark.parametrize("choice", ["resume", "start over"])
def test_plain_quiz_offers_to_resume_an_unfinished_one(cat: Catalogue, tmp_path: Path, choice: str) -> None:
    """With a session on disk, `rolefit quiz` asks whether to resume it or start over, and does so."""
    from rolefit.quiz.session import Session, save_session

    order = question_ids(cat)
    given = Answers()
    for question in order[:4]:
        kind, _, key = question.partition(":")
        given = given.with_answer(question, cat.context_by_id[key].choices[0].id if kind == "context" else 3)
    save_session(Session(given, quick=False, mode="full", asked=tuple(order[:4])), cat)
    child = spawn(tmp_path)
    child.expect("unfinished full quiz \\(4 answers given\\)")
    child.send(Key.ENTER.value if choice == "resume" else Key.DOWN.value + Key.ENTER.value)
    first = next_prompt(child, cat)
    assert first.question == (order[4] if choice == "resume" else order[0])
    child.send(Key.CTRL_C.value)
    status, _ = finish(child)
    assert status == INTERRUPTED
    saved = load_session(cat)
    if choice == "resume":
        assert saved is not None and saved.answers == given
    else:  # started over, and stopped before any answer: nothing is left to resume
        assert saved is None


def test_starting_over_sets_the_unfinished_answers_aside_and_says_where(cat: Catalogue, tmp_path: Path) -> None:
    """Ctrl-C after 3 answers, then 'rolefit quiz' and "Start over": the offer says the answers are
    set aside; they are, in an answers file in the state folder, named on screen with the command
    that continues it, before the first question of the new quiz; the new quiz has the session."""
    child = spawn(tmp_path)
    given = Answers()
    for _ in range(3):
        prompt = next_prompt(child, cat)
        assert prompt.question is not None
        kind, _, key = prompt.question.partition(":")
        value: int | str = cat.context_by_id[key].choices[-1].id if kind == "context" else 3
        child.send(key_for(cat, prompt.question, value))
        given = given.with_answer(prompt.question, value)
    next_prompt(child, cat)
    child.send(Key.CTRL_C.value)
    status, tail = finish(child)
    assert status == INTERRUPTED and "3 answers are saved" in tail

    child = spawn(tmp_path)
    child.expect_exact("unfinished adaptive quiz (3 answers given)")
    child.expect_exact("Start over (the unfinished answers are set aside in a file)")
    child.send(Key.DOWN.value + Key.ENTER.value)
    first = next_prompt(child, cat)
    said = " ".join(first.text.split())
    match = re.search(r"an unfinished quiz \(3 answers\) was set aside in (\S+unfinished-[\d-]+\.yaml); continue", said)
    assert match, said
    aside = Path(match[1])
    assert f"continue it later with: rolefit quiz --answers {aside}" in said
    assert first.head.startswith("Question 1 · ")  # (started over)
    child.send("1")
    next_prompt(child, cat)
    child.send(Key.CTRL_C.value)
    status, tail = finish(child)
    assert status == INTERRUPTED and "1 answer is saved" in " ".join(tail.split())
    assert aside.parent == session_path().parent
    assert load_answers_and_mode(aside, cat) == (given, "adaptive")
    saved = load_session(cat)  # the new quiz's own session, its one answer
    assert saved is not None and saved.answers.count == 1
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_before_any_answer_leaves_nothing_and_after_one_says_one(cat: Catalogue, tmp_path: Path) -> None:
    child = spawn(tmp_path)
    next_prompt(child, cat)
    child.send(Key.CTRL_C.value)
    status, tail = finish(child)
    assert status == INTERRUPTED
    assert "quiz interrupted before any answer; nothing to resume" in " ".join(tail.split())
    assert not session_path().exists()
    child = spawn(tmp_path)  # one answer, then Ctrl-C: "1 answer is saved" (not "1 answers are")
    first = next_prompt(child, cat)
    assert first.question is not None and first.question.startswith("context:")
    child.send("1")
    next_prompt(child, cat)
    child.send(Key.CTRL_C.value)
    status, tail = finish(child)
    assert status == INTERRUPTED and "quiz interrupted; 1 answer is saved in" in " ".join(tail.split())


def test_csv_to_a_terminal_shows_an_escape_in_a_file_name_and_never_sends_it(tmp_path: Path) -> None:
    """A file name with an escape sequence reaches a CSV cell as it is (for a file); on a
    terminal the cell shows it as ``\\x1b``."""
    shutil.copy(EXAMPLES / "analyst.yaml", tmp_path / "a\x1b[31mred.yaml")
    child = pexpect.spawn(
        sys.executable,
        ["-m", "rolefit", "score", str(tmp_path), "--format", "csv"],
        env=env(),
        dimensions=(24, 200),
        encoding="utf-8",
        timeout=TIMEOUT,
    )
    code, _ = finish(child)
    seen = child.before if isinstance(child.before, str) else ""
    assert code == 0
    assert "\x1b[31m" not in seen and "a\\x1b[31mred" in seen


@pytest.mark.parametrize(
    ("args", "what"),
    [(["jobs", "-"], "a job posting"), (["score", "-", "--format", "csv"], "answers (YAML or JSON)")],
)
def test_reading_standard_input_from_a_terminal_says_how_to_end_it(tmp_path: Path, args: list[str], what: str) -> None:
    """``-`` on a terminal does not wait in silence: it says what to type and how to end it."""
    child = pexpect.spawn(
        sys.executable, ["-m", "rolefit", *args], cwd=str(tmp_path), env=env(), encoding="utf-8", timeout=TIMEOUT
    )
    child.delaybeforesend = None
    child.expect(re.escape(f"reading {what} from the terminal"))
    child.expect("Ctrl-D on an empty line")
    text = "Data Scientist\n\nYou will run A/B tests and analyse user behaviour for our product team.\n"
    if args[0] == "score":
        text = (EXAMPLES / "analyst.yaml").read_text(encoding="utf-8")
    for line in text.splitlines():
        child.sendline(line)
    child.sendeof()
    code, tail = finish(child)
    assert code == 0, tail
    assert ("product data scientist" in tail) if args[0] == "jobs" else ("product" in tail)


def test_standard_input_from_a_pipe_needs_no_hint(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "rolefit", "jobs", "-"],
        input="Data Scientist\n\nYou will run A/B tests for our product team.\n",
        cwd=tmp_path,
        env=env(),
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "from the terminal" not in result.stderr
