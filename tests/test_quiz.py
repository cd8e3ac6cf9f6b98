"""The questionnaire in-process: questionary prompts fed from a prompt_toolkit pipe.

Keys go into a pipe input that is closed once they are sent, so a prompt the test did
not expect fails with ``InputRequiredError`` (end of input) instead of waiting forever.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import pytest
import questionary
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from rich.console import Console

from rolefit.catalogue.load import load_catalogue
from rolefit.errors import INTERRUPTED, InputRequiredError, QuizInterrupted
from rolefit.model.answers import DEFAULT_LEVEL, Answers, default_value, question_ids
from rolefit.model.catalogue import Catalogue
from rolefit.quiz.prompts import Quiz

ENTER = "\r"
UP = "\x1b[A"
DOWN = "\x1b[B"
CTRL_C = "\x03"


@pytest.fixture(scope="module")
def cat() -> Catalogue:
    return load_catalogue()


def make_quiz(cat: Catalogue, answers: Answers, inp: Any, out: io.StringIO | None = None) -> Quiz:
    console = Console(file=out if out is not None else io.StringIO(), width=100)
    return Quiz(cat, answers, console=console, input=inp, output=DummyOutput())


def run_quiz(
    cat: Catalogue,
    questions: Sequence[str],
    keys: str,
    answers: Answers | None = None,
    *,
    review: bool = True,
    out: io.StringIO | None = None,
) -> Answers:
    """Ask ``questions`` with ``keys`` typed, then end of input."""
    with create_pipe_input() as inp:
        inp.send_text(keys)
        inp.close()
        quiz = make_quiz(cat, answers if answers is not None else Answers(), inp, out)
        return quiz.ask(questions, review=review)


def first_task(cat: Catalogue) -> str:
    return cat.tasks_in_order()[0].id


def neighbour(cat: Catalogue, question: str) -> tuple[str, str]:
    """Keys that move a context prompt off its default by one row, and the choice they land on."""
    q = cat.context_by_id[question.partition(":")[2]]
    ids = [c.id for c in q.choices]
    at = ids.index(q.default)
    if at + 1 < len(ids):
        return DOWN, ids[at + 1]
    return UP, ids[at - 1]


def test_enter_on_every_prompt_accepts_the_defaults(cat: Catalogue) -> None:
    """Pressing Enter on every prompt (and on the review) gives 2 for skill and interest and each
    context question's default."""
    questions = question_ids(cat)
    answers = run_quiz(cat, questions, ENTER * (len(questions) + 1))
    assert answers.count == len(questions)
    for q in questions:
        kind, _, key = q.partition(":")
        expected = cat.context_by_id[key].default if kind == "context" else DEFAULT_LEVEL
        assert answers.value(q) == expected, q


@pytest.mark.parametrize("aspect", ["skill", "interest"])
@pytest.mark.parametrize("level", range(5))
def test_digit_shortcut_then_enter_records_that_level(cat: Catalogue, aspect: str, level: int) -> None:
    """Typing a level's digit moves to that level; Enter records it."""
    question = f"{aspect}:{first_task(cat)}"
    answers = run_quiz(cat, [question], f"{level}{ENTER}{ENTER}")
    assert answers.value(question) == level


@pytest.mark.parametrize(("keys", "expected"), [(DOWN, DEFAULT_LEVEL + 1), (UP, DEFAULT_LEVEL - 1)], ids=["down", "up"])
def test_arrow_keys_move_the_choice_of_a_task_prompt(cat: Catalogue, keys: str, expected: int) -> None:
    """Down moves a skill prompt from the default to the next level, up to the previous one."""
    question = f"skill:{first_task(cat)}"
    answers = run_quiz(cat, [question], keys + ENTER + ENTER)
    assert answers.value(question) == expected


def test_arrow_keys_move_the_choice_of_a_context_prompt(cat: Catalogue) -> None:
    """An arrow key on a context prompt selects the choice next to the default."""
    question = f"context:{cat.context[0].id}"
    keys, expected = neighbour(cat, question)
    answers = run_quiz(cat, [question], keys + ENTER + ENTER)
    assert answers.value(question) == expected


def test_only_the_questions_passed_are_asked_and_prefilled_answers_are_defaults(cat: Catalogue) -> None:
    """Only the questions passed are asked; a prefilled answer is the prompt's default (Enter keeps it)
    and prefilled answers to questions not asked are kept."""
    tasks = [t.id for t in cat.tasks_in_order()]
    ctx = cat.context[0]
    other = next(c.id for c in ctx.choices if c.id != ctx.default)
    prefilled = (
        Answers()
        .with_answer(f"context:{ctx.id}", other)
        .with_answer(f"skill:{tasks[0]}", 4)
        .with_answer(f"interest:{tasks[-1]}", 0)
    )
    asked = [f"context:{ctx.id}", f"skill:{tasks[0]}", f"interest:{tasks[1]}"]
    # One Enter per question and one for the review: an extra prompt would meet end of input.
    answers = run_quiz(cat, asked, ENTER * (len(asked) + 1), prefilled)
    assert answers.value(f"context:{ctx.id}") == other
    assert answers.value(f"skill:{tasks[0]}") == 4
    assert answers.value(f"interest:{tasks[1]}") == default_value(cat, f"interest:{tasks[1]}")
    assert answers.value(f"interest:{tasks[-1]}") == 0
    assert answers.count == 4
    assert answers.value(f"interest:{tasks[0]}") is None


def test_an_extra_prompt_meets_end_of_input(cat: Catalogue) -> None:
    """Fewer keys than prompts ends the quiz with InputRequiredError (so the Enter counts above are exact)."""
    questions = question_ids(cat)[:3]
    with pytest.raises(InputRequiredError):
        run_quiz(cat, questions, ENTER * len(questions))


def test_without_review_the_quiz_ends_after_the_last_question(cat: Catalogue) -> None:
    """With review=False no review prompt follows the last question."""
    questions = question_ids(cat)[:4]
    answers = run_quiz(cat, questions, ENTER * len(questions), review=False)
    assert answers.count == len(questions)


def test_review_change_an_answer_changes_that_answer_only(cat: Catalogue) -> None:
    """In the review, 'Change an answer' lets one answer be picked and given anew; the review is then
    shown again, and accepting it returns the changed answers."""
    task = first_task(cat)
    questions = [f"context:{cat.context[0].id}", f"skill:{task}", f"interest:{task}"]
    target = questions.index(f"interest:{task}")
    keys = (
        ENTER * len(questions)  # the questions, defaults
        + DOWN
        + ENTER  # review: "Change an answer"
        + DOWN * target
        + ENTER  # which answer: the interest
        + "4"
        + ENTER  # the new value
        + ENTER  # review again: "Yes, show my report"
    )
    out = io.StringIO()
    answers = run_quiz(cat, questions, keys, out=out)
    assert answers.value(f"interest:{task}") == 4
    assert answers.value(f"skill:{task}") == DEFAULT_LEVEL
    assert answers.value(questions[0]) == cat.context[0].default
    assert answers.count == len(questions)
    assert out.getvalue().count("Your answers") == 2


def test_review_lists_the_answers_given(cat: Catalogue) -> None:
    """The review table shows each task's title and the labels of the levels given."""
    task = cat.tasks_in_order()[0]
    out = io.StringIO()
    run_quiz(cat, [f"skill:{task.id}", f"interest:{task.id}"], f"0{ENTER}4{ENTER}{ENTER}", out=out)
    shown = out.getvalue()
    assert task.title in shown
    quiz = Quiz(cat, Answers().with_answer(f"skill:{task.id}", 0).with_answer(f"interest:{task.id}", 4))
    assert quiz.label(f"skill:{task.id}")[1] in shown
    assert quiz.label(f"interest:{task.id}")[1] in shown


def expected_progress(cat: Catalogue, asked: Sequence[str]) -> dict[str, str]:
    """'Context i/n' and 'Task i/n · <group short> j/m', counted over the questions asked."""
    context = [q for q in asked if q.startswith("context:")]
    tasks: list[str] = []
    for q in asked:
        key = q.partition(":")[2]
        if not q.startswith("context:") and key not in tasks:
            tasks.append(key)
    out = {q: f"Context {i}/{len(context)}" for i, q in enumerate(context, 1)}
    for i, key in enumerate(tasks, 1):
        group = cat.task_by_id[key].group
        same = [t for t in tasks if cat.task_by_id[t].group == group]
        text = f"Task {i}/{len(tasks)} · {cat.group_by_id[group].short} {same.index(key) + 1}/{len(same)}"
        out[f"skill:{key}"] = out[f"interest:{key}"] = text
    return out


def one_per_group(cat: Catalogue) -> list[str]:
    """Two tasks of the first group and the first of each other group."""
    chosen: list[str] = []
    for group in cat.groups:
        ids = [t.id for t in cat.tasks_in_order() if t.group == group.id]
        chosen += ids[:2] if not chosen else ids[:1]
    return chosen


@pytest.mark.parametrize("subset", [False, True], ids=["every-question", "some-tasks"])
def test_progress_counts_tasks_and_group_positions_among_the_questions_asked(cat: Catalogue, subset: bool) -> None:
    """Progress reads 'Context i/n' for context questions and 'Task i/n · <group short> j/m' for a
    task's skill and interest, counted over the questions being asked."""
    asked = question_ids(cat, one_per_group(cat) if subset else None)
    quiz = Quiz(cat, Answers())
    expected = expected_progress(cat, asked)
    assert {q: quiz.progress(q, asked) for q in asked} == expected
    first = cat.tasks_in_order()[0]
    n_tasks = (len(asked) - len(cat.context)) // 2
    n_group = sum(1 for t in cat.tasks if t.group == first.group) if not subset else 2
    short = cat.group_by_id[first.group].short
    assert quiz.progress(f"skill:{first.id}", asked) == f"Task 1/{n_tasks} · {short} 1/{n_group}"
    assert quiz.progress(f"context:{cat.context[0].id}", asked) == f"Context 1/{len(cat.context)}"


def test_ctrl_c_raises_quiz_interrupted_holding_the_answers_given(cat: Catalogue) -> None:
    """Ctrl-C at a prompt raises QuizInterrupted (exit code 130) whose answers are those given
    before it, prefilled ones included."""
    questions = question_ids(cat)
    before = len(cat.context) + 3  # the context questions, a whole task and a skill
    prefilled = Answers().with_answer(questions[-1], 1)
    keys = ENTER * len(cat.context) + "".join(f"{i % 5}{ENTER}" for i in range(3)) + CTRL_C
    with pytest.raises(QuizInterrupted) as caught:
        run_quiz(cat, questions[:-1], keys, prefilled)
    assert caught.value.exit_code == INTERRUPTED
    expected = prefilled
    for q in questions[: len(cat.context)]:
        expected = expected.with_answer(q, default_value(cat, q))
    for i, q in enumerate(questions[len(cat.context) : before]):
        expected = expected.with_answer(q, i % 5)
    assert caught.value.answers == expected


def test_ctrl_c_at_the_review_keeps_every_answer(cat: Catalogue) -> None:
    """Ctrl-C at the review step raises QuizInterrupted holding all the answers."""
    task = first_task(cat)
    questions = question_ids(cat, [task])
    with pytest.raises(QuizInterrupted) as caught:
        run_quiz(cat, questions, f"{ENTER * len(cat.context)}3{ENTER}1{ENTER}{CTRL_C}")
    got = caught.value.answers
    assert isinstance(got, Answers)
    assert (got.value(f"skill:{task}"), got.value(f"interest:{task}")) == (3, 1)
    assert got.count == len(questions)


def test_closed_input_raises_input_required_error(cat: Catalogue) -> None:
    """End of input (no terminal) at a prompt raises InputRequiredError pointing to --answers."""
    with pytest.raises(InputRequiredError, match="--answers"):
        run_quiz(cat, question_ids(cat)[:2], "")


def test_eof_from_a_prompt_becomes_input_required_error(cat: Catalogue, monkeypatch: pytest.MonkeyPatch) -> None:
    """An EOFError raised by questionary itself is translated, not leaked."""

    def eof(self: questionary.Question, *args: object, **kwargs: object) -> object:
        raise EOFError

    monkeypatch.setattr(questionary.Question, "unsafe_ask", eof)
    with pytest.raises(InputRequiredError, match="--answers"):
        Quiz(cat, Answers()).ask(question_ids(cat)[:1])
