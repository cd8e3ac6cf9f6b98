"""The interactive questionnaire (questionary). Imported only when a prompt is shown.

:meth:`Quiz.run` asks the questions of a :class:`rolefit.quiz.order.Plan` in its order until it
stops (in the adaptive quiz: once no answer to the rest could change the top role, which it then
says), then offers a review step where any answer can be changed, or the quiz gone on with.
A digit answers a prompt at once; ``b`` or the left arrow goes back one (taking that answer
back, so where the quiz stops is worked out again); Esc says how to pause. ``on_answer`` is
called with all the answers after each change, so they can be saved at once. Prompt failures
are translated (:func:`rolefit.quiz.keys.run_prompt`).
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable, Sequence
from typing import Any

import questionary
from rich.console import Console, Group
from rich.table import Table

from rolefit.model.answers import INTEREST_LEVELS, SKILL_LEVELS, Answers
from rolefit.model.catalogue import Catalogue
from rolefit.quiz.keys import BACK, BACK_KEYS, PAUSE, STOP, run_prompt
from rolefit.quiz.order import MODE_NAMES, Plan

__all__ = ["BACK", "BACK_KEYS", "CHOICE_HINT", "TASK_HINT", "Quiz", "ask_resume", "resume_question", "run_prompt"]

DONE = "done"
CHANGE = "change"
GO_ON = "go on"
TASK_HINT = "press 0-4 · b back · Esc pause"
CHOICE_HINT = "press its number · b back · Esc pause"
STOP_HINT = " · s stop here"
REVIEW_HINT = "(arrows, Enter; b: back)"
#: 'b' in the review's list of answers: the review's own question again.
BACK_TO_REVIEW = "<back to the review>"
#: Said when the quiz, which had stopped, asks again: a changed answer made the result open again.
REOPENED = "Your changed answers have reopened the result, so the quiz goes on until it stops again."
PAUSE_NOTE = "To pause, press Ctrl-C: every answer is already saved. Continue later with: rolefit quiz --resume"


def _room(text: str, reserve: int) -> str:
    """``text``, with a line break at its end when what follows it on screen (``reserve`` columns:
    the key hint) would not fit on its last line; else the hint wraps mid-word ("b bac / k")."""
    columns = shutil.get_terminal_size().columns
    last = text.rsplit("\n", 1)[-1]
    return text + "\n" if reserve and len(last) + 3 + reserve > columns else text


def _wrap(text: str, indent: str = "", reserve: int = 0) -> str:
    """Wrap a prompt's text to the terminal (prompt_toolkit cuts long lines off instead),
    keeping ``reserve`` columns free for what follows on the last line."""
    width = max(30, shutil.get_terminal_size().columns - 4 - reserve)
    return textwrap.fill(text, width, initial_indent=indent, subsequent_indent=indent or "  ")


def _pick(choices: list[questionary.Choice], value: object) -> questionary.Choice | None:
    """The choice holding ``value`` (questionary's default is matched by value or object)."""
    return next((c for c in choices if c.value == value), None)


class Quiz:
    """One run of the questionnaire; ``answers`` holds what was given so far."""

    def __init__(
        self,
        catalogue: Catalogue,
        answers: Answers,
        *,
        console: Console | None = None,
        on_answer: Callable[[Answers], None] | None = None,
        **prompt_kwargs: Any,
    ) -> None:
        self.catalogue = catalogue
        self.answers = answers
        self.on_answer = on_answer
        self.console = console or Console(highlight=False, markup=False)
        #: Answers taken back by going back: shown chosen when the question comes again.
        self.memory: dict[str, int | str] = {}
        #: Each task's first question shown in this run: the one that says what the task is.
        self.described: dict[str, str] = {}
        # input= / output= for tests (prompt_toolkit pipe input, DummyOutput).
        self.prompt_kwargs = prompt_kwargs

    # -- building the prompts -------------------------------------------------

    def choices(self, question: str) -> list[questionary.Choice]:
        """The choices, each with the digit that answers with it (1..n for a context question)."""
        kind, _, key = question.partition(":")
        if kind == "context":
            q = self.catalogue.context_by_id[key]
            return [questionary.Choice(c.label, value=c.id, shortcut_key=str(i + 1)) for i, c in enumerate(q.choices)]
        levels = SKILL_LEVELS if kind == "skill" else INTEREST_LEVELS
        return [questionary.Choice(label, value=v, shortcut_key=str(v)) for v, label in enumerate(levels)]

    def message(self, question: str, progress: str, reserve: int = 0) -> str:
        """The prompt's text: where the quiz is, the question, and what the numbers mean."""
        kind, _, key = question.partition(":")
        if kind == "context":
            # the hint, then the chosen answer (a long one), on a line of their own: never squeezed or cut mid-word
            return _wrap(f"{progress}  {self.catalogue.context_by_id[key].title}") + "\n"
        task = self.catalogue.task_by_id[key]
        levels = SKILL_LEVELS if kind == "skill" else INTEREST_LEVELS
        ask = "Your skill at it?" if kind == "skill" else "Your interest in doing it?"
        # what the task is: with its first question in this run, whichever comes first in the adaptive
        # order (and again after a resume, when the other question was asked in an earlier run)
        first = self.described.setdefault(key, question) == question  # (asked again: described again)
        about = "\n" + _wrap(task.description, indent="  ") if first else ""
        scale = _wrap(f"{ask} (0 = {levels[0]} … 4 = {levels[-1]})", indent="  ")
        return _room(f"{_wrap(f'{progress}  {task.title}')}{about}\n{scale}", reserve)

    def prompt(
        self, question: str, progress: str, *, stop: bool = False
    ) -> tuple[questionary.Question, dict[str, int], bool]:
        """The prompt for ``question``, the digits that answer it (to their choice's index), and
        whether it already points at an answer (one given before)."""
        current = self.answers.value(question)
        if current is None:
            current = self.memory.get(question)
        base = CHOICE_HINT if question.startswith("context:") else TASK_HINT
        hint = f"({base}{STOP_HINT if stop else ''})"
        choices = self.choices(question)
        picked = _pick(choices, current)
        digits = {c.shortcut_key: i for i, c in enumerate(choices) if isinstance(c.shortcut_key, str)}
        prompt = questionary.select(
            self.message(question, progress, reserve=len(hint)),
            choices=choices,
            default=picked,
            use_shortcuts=True,
            use_jk_keys=False,
            instruction=hint,
            **self.prompt_kwargs,
        )
        return prompt, digits, picked is not None

    # -- asking ---------------------------------------------------------------

    def _ask(self, prompt: questionary.Question, *, back: bool = False, **keys: Any) -> Any:
        return run_prompt(prompt, back=back, answers=self.answers, **keys)

    def ask(
        self,
        questions: Sequence[str],
        *,
        review: bool = True,
        review_questions: Sequence[str] | None = None,
    ) -> Answers:
        """Ask ``questions`` in order (each once, unless gone back to), then review; all answers."""
        del review_questions  # the review lists every answer given
        return self.run(Plan(self.catalogue, "full", self.answers, only=questions), review=review)

    def run(self, plan: Plan, *, review: bool = True) -> Answers:
        """Ask ``plan``'s questions until it stops, say why, review; return all answers."""
        self.answers = plan.answers
        again: str | None = None
        stopped_before = False  # the quiz had stopped (the review, or "s"): if it asks again, say why
        paused: str | None = None  # the question Esc was last pressed on
        while True:
            question = again if again is not None else plan.next()
            if stopped_before and again is None and question is not None and not plan.going_on:
                self.console.print(REOPENED)
            stopped_before = False
            again = None
            if question is None:
                if plan.may_stop_early and plan.race.open:
                    self.console.print(plan.verdict())
                if not review:
                    return self.answers
                what = self.review(plan)
                if what == DONE:
                    return self.answers
                if what == BACK:
                    again = self._back(plan)
                elif what == GO_ON:
                    plan.going_on = True
                    self._kept()  # (a resumed quiz goes on, too)
                else:
                    stopped_before = True  # an answer was changed there
                continue
            prompt, digits, chosen = self.prompt(question, plan.progress(), stop=plan.going_on)
            value = self._ask(prompt, back=True, stop=plan.going_on, digits=digits, chosen=chosen)
            if value == PAUSE:
                if paused != question:  # (Esc again on the same question: the note is still there)
                    self.console.print(PAUSE_NOTE)
                paused = again = question
            elif value == STOP:
                plan.going_on = False
                stopped_before = True
                self._kept()  # (a resumed quiz stops here, too)
            elif value == BACK:
                again = self._back(plan) or question
            else:
                self.record(question, value, plan)

    def _kept(self) -> None:
        """Hand the answers to ``on_answer`` again (to be saved with the quiz's state)."""
        if self.on_answer is not None:
            self.on_answer(self.answers)

    def _back(self, plan: Plan) -> str | None:
        value_before = dict(plan.race.given)
        question = plan.back()
        if question is not None:
            self.memory[question] = value_before[question]
            self.answers = plan.answers
            if self.on_answer is not None:
                self.on_answer(self.answers)
        return question

    def record(self, question: str, value: int | str, plan: Plan | None = None) -> None:
        """Keep one answer, and hand all of them to ``on_answer`` (to be saved)."""
        if plan is not None:
            plan.answer(question, value)
            self.answers = plan.answers
        else:
            self.answers = self.answers.with_answer(question, value)
        if self.on_answer is not None:
            self.on_answer(self.answers)

    def label(self, question: str) -> tuple[str, str]:
        kind, _, key = question.partition(":")
        value = self.answers.value(question)
        if kind == "context":
            q = self.catalogue.context_by_id[key]
            shown = next((c.label for c in q.choices if c.id == value), "-")
            return q.title, shown
        levels = SKILL_LEVELS if kind == "skill" else INTEREST_LEVELS
        title = f"{self.catalogue.task_by_id[key].title} · {kind}"
        return title, ("-" if value is None else f"{value} {levels[int(value)]}")

    def summary(self, questions: Sequence[str]) -> Group:
        """The answers so far: context answers, then one row per task."""
        context = Table(title="Your answers", box=None, pad_edge=False, show_header=False)
        context.add_column("Question")
        context.add_column("Answer")
        tasks = Table(box=None, pad_edge=False, header_style="bold")
        tasks.add_column("Task")
        tasks.add_column("Skill")
        tasks.add_column("Interest")
        seen: list[str] = []
        for q in questions:
            kind, _, key = q.partition(":")
            if kind == "context":
                context.add_row(*self.label(q))
            elif key not in seen:
                seen.append(key)
                tasks.add_row(
                    self.catalogue.task_by_id[key].title,
                    self.label(f"skill:{key}")[1],
                    self.label(f"interest:{key}")[1],
                )
        return Group(context, tasks) if seen else Group(context)

    def review(self, plan: Plan) -> str:
        """Show the answers; DONE, GO_ON, BACK, or CHANGE once an answer has been changed (Esc
        explains how to pause, and asks again without showing the answers again)."""
        questions = [q for q in plan.race.order if self.answers.value(q) is not None]
        self.console.print(self.summary(questions))
        while True:
            what = self._review_once(plan, questions)
            if what == PAUSE:
                self.console.print(PAUSE_NOTE)
            elif what != BACK_TO_REVIEW:
                return what

    def _review_once(self, plan: Plan, questions: list[str]) -> str:
        choices = [questionary.Choice("Yes, show my report", value=DONE)]
        if plan.race.open and plan.only is None:
            choices.append(
                questionary.Choice(
                    f"Go on ({plan.left} more): sharper learn-next, friction and runner-up",
                    value=GO_ON,
                )
            )
        if questions:
            choices.append(questionary.Choice("Change an answer", value=CHANGE))
        what = self._ask(
            questionary.select(
                "Review: is this right?\n",  # (the choice made is echoed after it: a line of its own)
                choices=choices,
                default=choices[0],
                instruction=REVIEW_HINT,
                **self.prompt_kwargs,
            ),
            back=bool(plan.asked),
        )
        if what != CHANGE:
            return str(what)
        while True:
            pick = self._ask(
                questionary.select(
                    "Which answer?\n",
                    choices=[questionary.Choice(f"{t}: {a}", value=q) for q in questions for t, a in [self.label(q)]],
                    instruction=REVIEW_HINT,
                    **self.prompt_kwargs,
                ),
                back=True,
            )
            if pick == BACK:
                return BACK_TO_REVIEW
            if pick != PAUSE:
                break
            self.console.print(PAUSE_NOTE)
        prompt, digits, chosen = self.prompt(pick, f"Changing an answer ({plan.count} given)")
        value = self._ask(prompt, back=True, digits=digits, chosen=chosen)
        if value == PAUSE:
            self.console.print(PAUSE_NOTE)
        elif value not in (BACK, STOP):
            self.record(pick, value, plan)
        return CHANGE


def resume_question(
    count: int,
    *,
    left: int | None = None,
    total: int | None = None,
    mode: str = "adaptive",
    save: object = None,
    stopped: bool = False,
    as_mode: str | None = None,
) -> str:
    """'You have an unfinished quick quiz (7 answers given): at most 55 of 62 questions to go,
    saving to me.yaml. Resume it?' (``stopped``: it had stopped, and the rest are optional)."""
    kind = {"quick": "quick quiz", "full": "full quiz", "adaptive": "adaptive quiz"}.get(mode, "quiz")
    most = "" if mode == "full" else "at most "
    parts = []
    if left is not None and total is not None:
        parts.append(
            f"it had stopped; the other {left} are optional" if stopped else f"{most}{left} of {total} questions to go"
        )
    if save is not None:
        parts.append(f"saving to {save}")
    detail = f": {', '.join(parts)}" if parts else ""
    given = f"{count} {'answer' if count == 1 else 'answers'} given"
    question = "Resume it?"
    if as_mode is not None and as_mode != mode:  # (--quick on an unfinished full quiz, say)
        question = f"Resume it as {MODE_NAMES.get(as_mode, 'a quiz')}?"
    return f"You have an unfinished {kind} ({given}){detail}. {question}"


def ask_resume(
    count: int,
    *,
    left: int | None = None,
    total: int | None = None,
    mode: str = "adaptive",
    save: object = None,
    stopped: bool = False,
    as_mode: str | None = None,
    **prompt_kwargs: Any,
) -> bool:
    """Offer to resume an unfinished quiz (True) or start over (False, and its answers are set aside:
    :func:`rolefit.quiz.session.set_aside`): which kind of quiz it is, how far it got, and where its
    answers will go."""
    prompt = questionary.select(
        _wrap(
            resume_question(count, left=left, total=total, mode=mode, save=save, stopped=stopped, as_mode=as_mode),
            reserve=24,
        ),
        choices=[
            questionary.Choice("Resume where I stopped", value=True),
            questionary.Choice("Start over (the unfinished answers are set aside in a file)", value=False),
        ],
        instruction="(arrows, Enter accepts)",
        **prompt_kwargs,
    )
    while True:  # (Esc is no answer here: it does not resume by default)
        value = run_prompt(prompt, back=False)
        if isinstance(value, bool):
            return value
