"""The questionnaire in-process: questionary prompts fed from a prompt_toolkit pipe.

Keys go into a pipe input that is closed once they are sent, so a prompt the test did
not expect fails with ``InputRequiredError`` (end of input) instead of waiting forever.
A digit answers a prompt at once; Enter on a prompt nobody touched does nothing.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import pytest
import questionary
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from rich.console import Console

from rolefit.catalogue.load import load_catalogue
from rolefit.errors import INTERRUPTED, InputRequiredError, QuizInterrupted
from rolefit.files.answers import load_answers
from rolefit.model.answers import Answers, question_ids
from rolefit.model.catalogue import Catalogue
from rolefit.quiz.order import Plan
from rolefit.quiz.prompts import Quiz

from helpers import EXAMPLES, everything

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


def digit_of(cat: Catalogue, question: str, choice: str) -> str:
    """The digit that answers a context question with ``choice`` (1 for its first choice)."""
    q = cat.context_by_id[question.partition(":")[2]]
    return str([c.id for c in q.choices].index(choice) + 1)


def keys_for(cat: Catalogue, question: str, value: int | str) -> str:
    return digit_of(cat, question, str(value)) if question.startswith("context:") else str(value)


def test_a_digit_answers_each_prompt_at_once(cat: Catalogue) -> None:
    """One digit per prompt and no Enter: skill and interest take 0-4, a context question 1..n
    (its n-th choice); one Enter accepts the review. (The context questions and six tasks: every digit
    for both kinds; the whole quiz by digits is tests/test_pty.py's.)"""
    questions = question_ids(cat)[: len(cat.context) + 12]
    wanted: dict[str, int | str] = {}
    for i, q in enumerate(questions):
        kind, _, key = q.partition(":")
        choices = cat.context_by_id[key].choices if kind == "context" else []
        wanted[q] = choices[i % len(choices)].id if choices else i % 5
    answers = run_quiz(cat, questions, "".join(keys_for(cat, q, wanted[q]) for q in questions) + ENTER)
    assert {q: answers.value(q) for q in questions} == wanted


def test_the_prompts_share_one_set_of_default_key_bindings(cat: Catalogue, monkeypatch: pytest.MonkeyPatch) -> None:
    """prompt_toolkit's default bindings (thousands of them) are built once, not for each of the three
    applications a prompt is made of (most of the time a prompt took to appear); the keys typed in every
    other test here, and in the pseudo-terminal tests, show that they still work."""
    seen: list[object] = []
    original = Quiz.prompt

    def spy(self: Quiz, *args: Any, **kwargs: Any) -> Any:
        made = original(self, *args, **kwargs)
        seen.append(made[0].application._default_bindings)
        return made

    monkeypatch.setattr(Quiz, "prompt", spy)
    questions = question_ids(cat)[: len(cat.context) + 2]
    wanted = {
        q: (cat.context_by_id[q.partition(":")[2]].choices[0].id if q.startswith("context:") else 3) for q in questions
    }
    answers = run_quiz(cat, questions, "".join(keys_for(cat, q, wanted[q]) for q in questions) + ENTER)
    assert {q: answers.value(q) for q in questions} == wanted
    assert len(seen) == len(questions)
    assert all(bindings is seen[0] for bindings in seen)


@pytest.mark.parametrize("aspect", ["skill", "interest"])
def test_enter_on_an_untouched_prompt_does_nothing(cat: Catalogue, aspect: str) -> None:
    """Nothing is pre-selected: Enter before any choice credits no level (the quiz then meets end of
    input, still asking); after a digit the answer is that digit."""
    question = f"{aspect}:{first_task(cat)}"
    with pytest.raises(InputRequiredError):
        run_quiz(cat, [question], ENTER * 3)
    answers = run_quiz(cat, [question], ENTER * 2 + "3" + ENTER)
    assert answers.value(question) == 3


@pytest.mark.parametrize(("keys", "expected"), [(DOWN, 0), (UP, 4), (DOWN * 3, 2), (UP * 2, 3)])
def test_arrows_choose_from_nothing_then_enter_answers(cat: Catalogue, keys: str, expected: int) -> None:
    """The first Down points at 0 and the first Up at 4 (no middle is suggested); then arrows move, Enter answers."""
    question = f"skill:{first_task(cat)}"
    answers = run_quiz(cat, [question], keys + ENTER + ENTER)
    assert answers.value(question) == expected


def test_a_context_prompt_takes_its_choice_number(cat: Catalogue) -> None:
    question = f"context:{cat.context[0].id}"
    last = cat.context[0].choices[-1].id
    answers = run_quiz(cat, [question], digit_of(cat, question, last) + ENTER)
    assert answers.value(question) == last


def test_the_prompt_says_what_the_numbers_mean(cat: Catalogue) -> None:
    """The question line gives both ends of the scale, and each choice its digit."""
    quiz = Quiz(cat, Answers())
    _, digits, chosen = quiz.prompt(f"skill:{first_task(cat)}", "Question 3 of 62")
    assert digits == {str(v): v for v in range(5)}
    assert not chosen
    text = quiz.message(f"skill:{first_task(cat)}", "Question 3 of 62")
    assert text.startswith("Question 3 of 62  ")
    assert "0 = never done it" in text
    assert "4 = expert: could teach it" in text


def test_only_the_questions_passed_are_asked_and_prefilled_answers_are_chosen(cat: Catalogue) -> None:
    """Only the questions passed are asked; a prefilled answer is chosen already (Enter keeps it),
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
    # Enter, Enter, a digit and the review's Enter: an extra prompt would meet end of input.
    answers = run_quiz(cat, asked, ENTER + ENTER + "1" + ENTER, prefilled)
    assert answers.value(f"context:{ctx.id}") == other
    assert answers.value(f"skill:{tasks[0]}") == 4
    assert answers.value(f"interest:{tasks[1]}") == 1
    assert answers.value(f"interest:{tasks[-1]}") == 0
    assert answers.count == 4
    assert answers.value(f"interest:{tasks[0]}") is None


def test_an_extra_prompt_meets_end_of_input(cat: Catalogue) -> None:
    """Fewer keys than prompts ends the quiz with InputRequiredError (so the key counts above are exact)."""
    questions = question_ids(cat)[len(cat.context) : len(cat.context) + 3]
    with pytest.raises(InputRequiredError):
        run_quiz(cat, questions, "12")


def test_without_review_the_quiz_ends_after_the_last_question(cat: Catalogue) -> None:
    questions = question_ids(cat)[len(cat.context) : len(cat.context) + 4]
    answers = run_quiz(cat, questions, "0123", review=False)
    assert [answers.value(q) for q in questions] == [0, 1, 2, 3]


def test_b_goes_back_and_takes_the_answer_back(cat: Catalogue) -> None:
    """'b' returns to the previous question with its answer chosen; a new digit replaces it."""
    questions = question_ids(cat)[len(cat.context) : len(cat.context) + 2]
    saved: list[Answers] = []
    with create_pipe_input() as inp:
        inp.send_text("4b" + "1" + "3" + ENTER)
        inp.close()
        quiz = make_quiz(cat, Answers(), inp)
        quiz.on_answer = saved.append
        answers = quiz.ask(questions)
    assert [answers.value(q) for q in questions] == [1, 3]
    assert [a.value(questions[0]) for a in saved] == [4, None, 1, 1]  # taken back, then given anew


def test_review_change_an_answer_changes_that_answer_only(cat: Catalogue) -> None:
    """In the review, 'Change an answer' lets one answer be picked and given anew; the review is then
    shown again, and accepting it returns the changed answers."""
    task = first_task(cat)
    questions = [f"skill:{task}", f"interest:{task}"]
    keys = (
        "13"  # the questions
        + DOWN
        + ENTER  # review: "Change an answer"
        + DOWN
        + ENTER  # which answer: the interest
        + "4"  # the new value
        + ENTER  # review again: "Yes, show my report"
    )
    out = io.StringIO()
    answers = run_quiz(cat, questions, keys, out=out)
    assert (answers.value(f"skill:{task}"), answers.value(f"interest:{task}")) == (1, 4)
    assert answers.count == len(questions)
    assert out.getvalue().count("Your answers") == 2


def test_review_lists_the_answers_given(cat: Catalogue) -> None:
    """The review table shows each task's title and the labels of the levels given."""
    task = cat.tasks_in_order()[0]
    out = io.StringIO()
    run_quiz(cat, [f"skill:{task.id}", f"interest:{task.id}"], f"04{ENTER}", out=out)
    shown = out.getvalue()
    assert task.title in shown
    quiz = Quiz(cat, Answers().with_answer(f"skill:{task.id}", 0).with_answer(f"interest:{task.id}", 4))
    assert quiz.label(f"skill:{task.id}")[1] in shown
    assert quiz.label(f"interest:{task.id}")[1] in shown


def adaptive_keys(cat: Catalogue, full: Answers, mode: str = "adaptive") -> tuple[str, list[str]]:
    """The digits answering, in ``mode``'s order, the questions the quiz asks of ``full``."""
    plan = Plan(cat, mode, Answers())
    keys = ""
    while (q := plan.next()) is not None:
        value = full.value(q)
        assert value is not None
        keys += keys_for(cat, q, value)
        plan.answer(q, value)
    return keys, plan.asked


def test_the_adaptive_quiz_stops_when_settled_and_says_so(cat: Catalogue) -> None:
    """Answered from a complete file, the adaptive quiz asks fewer than every question, says it is
    settled (with the count and the top role), and the top role is the full answers' top role."""
    from rolefit.scoring.fit import score

    full = load_answers(EXAMPLES / "researcher.yaml", cat)
    keys, asked = adaptive_keys(cat, full)
    total = len(question_ids(cat))
    assert len(asked) < total
    out = io.StringIO()
    with create_pipe_input() as inp:
        inp.send_text(keys + ENTER)
        inp.close()
        quiz = make_quiz(cat, Answers(), inp, out)
        plan = Plan(cat, "adaptive", Answers())
        answers = quiz.run(plan)
    assert answers.count == len(asked)
    top = score(cat, full).top.role.name
    said = " ".join(out.getvalue().split())
    assert (
        f"Settled after {len(asked)} of {total} questions: whatever you answer to the other "
        f"{total - len(asked)}, {top} stays your top role." in said
    )


def test_going_on_after_the_stop_asks_more(cat: Catalogue) -> None:
    """'Go on' at the review asks the open questions (the top role's tasks first); 's' stops again."""
    full = load_answers(EXAMPLES / "researcher.yaml", cat)
    keys, asked = adaptive_keys(cat, full)
    plan = Plan(cat, "adaptive", Answers())
    with create_pipe_input() as inp:
        inp.send_text(keys + DOWN + ENTER + "3" + "4" + "s" + ENTER)
        inp.close()
        answers = make_quiz(cat, Answers(), inp).run(plan)
    assert answers.count == len(asked) + 2
    extra = plan.asked[-2:]
    core = {rt.task for rt in cat.role_by_id[plan.race.leader].tasks}
    assert all(q.partition(":")[2] in core for q in extra)
    assert [answers.value(q) for q in extra] == [3, 4]


@pytest.mark.parametrize("mode", ["adaptive", "quick", "full"])
def test_progress_says_how_far_and_whether_it_may_finish_early(cat: Catalogue, mode: str) -> None:
    plan = Plan(cat, mode, Answers())
    total = len(question_ids(cat))
    expected = "Question 1 of 62" if mode == "full" else "Question 1 · at most 62 · may finish early"
    assert plan.progress() == expected.replace("62", str(total))
    q = plan.next()
    assert q is not None
    plan.answer(q, cat.context[0].choices[0].id)
    assert plan.progress().startswith("Question 2 ")


def test_ctrl_c_raises_quiz_interrupted_holding_the_answers_given(cat: Catalogue) -> None:
    """Ctrl-C at a prompt raises QuizInterrupted (exit code 130) whose answers are those given
    before it, prefilled ones included."""
    questions = question_ids(cat)
    n = len(cat.context)
    prefilled = Answers().with_answer(questions[-1], 1)
    keys = "1" * n + "".join(f"{i % 5}" for i in range(3)) + CTRL_C
    with pytest.raises(QuizInterrupted) as caught:
        run_quiz(cat, questions[:-1], keys, prefilled)
    assert caught.value.exit_code == INTERRUPTED
    expected = prefilled
    for q in questions[:n]:
        expected = expected.with_answer(q, cat.context_by_id[q.partition(":")[2]].choices[0].id)
    for i, q in enumerate(questions[n : n + 3]):
        expected = expected.with_answer(q, i % 5)
    assert caught.value.answers == expected


def test_ctrl_c_at_the_review_keeps_every_answer(cat: Catalogue) -> None:
    task = first_task(cat)
    questions = question_ids(cat, [task], context=False)
    with pytest.raises(QuizInterrupted) as caught:
        run_quiz(cat, questions, f"31{CTRL_C}")
    got = caught.value.answers
    assert isinstance(got, Answers)
    assert (got.value(f"skill:{task}"), got.value(f"interest:{task}")) == (3, 1)


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


def test_a_task_is_described_with_its_first_question_whichever_it_is() -> None:
    """The adaptive order often asks the interest first: it then says what the task is; the task's
    other question, next, gives only the title. A resumed quiz (a new run) describes it again."""
    from rolefit.catalogue.load import load_catalogue
    from rolefit.model.answers import Answers
    from rolefit.quiz.prompts import Quiz

    cat = load_catalogue()
    task = cat.tasks[0]
    word = task.description.split()[0]
    fresh = Quiz(cat, Answers())
    assert word in fresh.message(f"interest:{task.id}", "Question 3")
    assert word not in fresh.message(f"skill:{task.id}", "Question 4").split("\n", 1)[1]
    assert word in fresh.message(f"interest:{task.id}", "Question 3")  # shown again (after Esc, going back)
    resumed = Quiz(cat, Answers().with_answer(f"skill:{task.id}", 2))
    assert word in resumed.message(f"interest:{task.id}", "Question 4")


def test_the_resume_offer_of_a_quiz_that_had_stopped_calls_the_rest_optional() -> None:
    from rolefit.quiz.prompts import resume_question

    going = resume_question(7, left=55, total=62, mode="quick")
    assert "at most 55 of 62 questions to go" in going
    stopped = resume_question(7, left=55, total=62, mode="quick", stopped=True)
    assert "it had stopped; the other 55 are optional" in stopped and "to go" not in stopped


def test_on_a_narrow_terminal_the_key_hint_starts_its_own_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """prompt_toolkit wraps a hint that does not fit mid-word ("b bac / k"): the message then
    ends its last line, so the hint starts a line of its own; on a wide terminal it follows."""
    from rolefit.catalogue.load import load_catalogue
    from rolefit.model.answers import Answers
    from rolefit.quiz.prompts import TASK_HINT, Quiz

    cat = load_catalogue()
    question = f"skill:{cat.tasks[0].id}"
    monkeypatch.setenv("COLUMNS", "40")
    narrow = Quiz(cat, Answers()).message(question, "Question 3", reserve=len(TASK_HINT) + 2)
    assert narrow.endswith("\n") and all(len(line) <= 40 for line in narrow.splitlines())
    monkeypatch.setenv("COLUMNS", "200")
    assert not Quiz(cat, Answers()).message(question, "Question 3", reserve=len(TASK_HINT) + 2).endswith("\n")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_the_settled_message_agrees_with_the_report_s_headline(cat: Catalogue, data: st.DataObject) -> None:
    """When the stop comes with the top role only a few points ahead, the message says so and names
    the roles the report's headline will name; a clear lead is "your top role". The same for the
    quick form's provisional stop."""
    from rolefit.scoring.fit import score
    from rolefit.scoring.settle import replay

    mode = data.draw(st.sampled_from(["adaptive", "quick"]))
    values = everything(cat, data)
    run = replay(cat, values, mode)
    given = Answers()
    for q in run.asked:
        given = given.with_answer(q, values[q])
    plan = Plan(cat, mode, given, run.asked)
    if not plan.race.open:
        return  # every question was asked: nothing was cut short
    said, result = plan.verdict(), score(cat, given)
    close = result.tied or result.hybrid
    if plan.race.settled:
        assert ("stays your top role." in said) == (not close), said
    else:
        assert said.startswith("Provisional after") and ("within 5 points" in said) == bool(close), said
    for fit in close or ():
        assert (fit.role.name if fit is result.top else fit.role.short) in said, said


def test_the_last_question_does_not_say_it_may_finish_early(cat: Catalogue) -> None:
    full = load_answers(EXAMPLES / "researcher.yaml", cat)
    questions = question_ids(cat)
    given = Answers()
    for q in questions[:-1]:
        given = given.with_answer(q, full.value(q))  # type: ignore[arg-type]
    assert Plan(cat, "adaptive", given).progress() == f"Question {len(questions)} of {len(questions)}"
    assert Plan(cat, "adaptive", Answers()).progress() == f"Question 1 · at most {len(questions)} · may finish early"


def test_a_change_at_the_review_that_reopens_the_result_says_so(cat: Catalogue) -> None:
    """Changing, at the review, an answer so that the result is no longer settled: the quiz asks
    again, and says why first."""
    from rolefit.quiz.prompts import REOPENED

    full = load_answers(EXAMPLES / "researcher.yaml", cat)
    keys, asked = adaptive_keys(cat, full)
    given = Answers()
    for q in asked:
        given = given.with_answer(q, full.value(q))  # type: ignore[arg-type]
    listed = [q for q in question_ids(cat) if given.value(q) is not None]  # the review's order
    change = next(
        (k, q, v)
        for k, q in enumerate(listed)
        if not q.startswith("context:")
        for v in range(5)
        if not Plan(cat, "adaptive", given.with_answer(q, v)).stopped
    )
    k, _, value = change
    typed = keys + DOWN + DOWN + ENTER + DOWN * k + ENTER + str(value)
    out = io.StringIO()
    with create_pipe_input() as inp:
        inp.send_text(typed)
        inp.close()
        quiz = make_quiz(cat, Answers(), inp, out)
        with pytest.raises(InputRequiredError):  # (the keys run out while it asks again)
            quiz.run(Plan(cat, "adaptive", Answers()))
    said = " ".join(out.getvalue().split())
    assert said.count(REOPENED) == 1 and said.index("Settled after") < said.index(REOPENED)
