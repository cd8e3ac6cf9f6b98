"""The interactive questionnaire (questionary). Imported only when a prompt is shown.

:meth:`Quiz.ask` asks the given questions in order (``b`` or the left arrow
goes back one), then offers a review step where any answer can be changed.
``on_answer`` is called with all the answers after each one, so they can be
saved at once. Prompt failures are translated: a missing terminal
(``EOFError``) becomes :class:`InputRequiredError`, Ctrl-C (or SIGINT) becomes
:class:`QuizInterrupted`, which carries every answer given so far.
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable, Sequence
from typing import Any

import questionary
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent, merge_key_bindings
from prompt_toolkit.keys import Keys
from rich.console import Console, Group
from rich.table import Table

from rolefit.errors import InputRequiredError, QuizInterrupted
from rolefit.model.answers import INTEREST_LEVELS, SKILL_LEVELS, Answers, default_value
from rolefit.model.catalogue import Catalogue

DONE = "done"
CHANGE = "change"
#: What a prompt returns when the user asks to go back.
BACK = "<back>"
BACK_KEYS = ("b", "left")
TASK_HINT = "(0-4 or arrows, Enter; b: back)"
CHOICE_HINT = "(arrows, Enter; b: back)"


def _keys(back: bool) -> KeyBindings:
    keys = KeyBindings()

    @keys.add(Keys.SIGINT)
    def _interrupt(event: KeyPressEvent) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    if back:
        for key in BACK_KEYS:

            @keys.add(key)
            def _back(event: KeyPressEvent) -> None:
                event.app.erase_when_done = True
                event.app.exit(result=BACK)

    return keys


def _wrap(text: str, indent: str = "", reserve: int = 0) -> str:
    """Wrap a prompt's text to the terminal (prompt_toolkit cuts long lines off instead),
    keeping ``reserve`` columns free for what follows on the last line."""
    width = max(30, shutil.get_terminal_size().columns - 4 - reserve)
    return textwrap.fill(text, width, initial_indent=indent, subsequent_indent=indent or "  ")


def _pick(choices: list[questionary.Choice], value: object) -> questionary.Choice:
    """The choice holding ``value`` (questionary's default is matched by value or object)."""
    return next((c for c in choices if c.value == value), choices[0])


def run_prompt(prompt: questionary.Question, *, back: bool, answers: Answers | None = None) -> Any:
    """Ask one prompt; translate Ctrl-C and a missing terminal into rolefit's errors."""
    app = prompt.application
    app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), _keys(back)])
    try:
        value = prompt.unsafe_ask()
    except KeyboardInterrupt:
        raise QuizInterrupted("quiz interrupted", answers=answers) from None
    except EOFError:
        raise InputRequiredError(
            "the quiz needs a terminal; to score answers from a file use "
            "'rolefit quiz --answers FILE' (see 'rolefit template')"
        ) from None
    if value is None:  # pragma: no cover - questionary returns None only when cancelled
        raise QuizInterrupted("quiz interrupted", answers=answers)
    return value


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
        # input= / output= for tests (prompt_toolkit pipe input, DummyOutput).
        self.prompt_kwargs = prompt_kwargs

    # -- building the prompts -------------------------------------------------

    def progress(self, question: str, asked: Sequence[str]) -> str:
        """'Task 7/30 · ML ops 2/6' for a task question, 'Context 1/2' for the rest."""
        kind, _, key = question.partition(":")
        if kind == "context":
            ctx = [q for q in asked if q.startswith("context:")]
            return f"Context {ctx.index(question) + 1}/{len(ctx)}" if question in ctx else "Context"
        tasks = list(dict.fromkeys(q.partition(":")[2] for q in asked if not q.startswith("context:")))
        if key not in tasks:
            tasks = [key]
        task = self.catalogue.task_by_id[key]
        in_group = [t for t in tasks if self.catalogue.task_by_id[t].group == task.group]
        group = self.catalogue.group_by_id[task.group]
        return f"Task {tasks.index(key) + 1}/{len(tasks)} · {group.short} {in_group.index(key) + 1}/{len(in_group)}"

    def prompt(self, question: str, asked: Sequence[str]) -> questionary.Question:
        kind, _, key = question.partition(":")
        current = self.answers.value(question)
        default = current if current is not None else default_value(self.catalogue, question)
        head = self.progress(question, asked)
        if kind == "context":
            q = self.catalogue.context_by_id[key]
            choices = [questionary.Choice(title=c.label, value=c.id) for c in q.choices]
            message = _wrap(f"{head}  {q.title}", reserve=len(CHOICE_HINT))
            return questionary.select(
                message,
                choices=choices,
                default=_pick(choices, default),
                instruction=CHOICE_HINT,
                **self.prompt_kwargs,
            )
        task = self.catalogue.task_by_id[key]
        levels = SKILL_LEVELS if kind == "skill" else INTEREST_LEVELS
        ask = "Your skill at it?" if kind == "skill" else "Your interest in doing it?"
        choices = [questionary.Choice(title=label, value=v, shortcut_key=str(v)) for v, label in enumerate(levels)]
        about = "\n" + _wrap(task.description, indent="  ") if kind == "skill" else ""
        message = f"{_wrap(f'{head}  {task.title}')}{about}\n  {ask}"
        return questionary.select(
            message,
            choices=choices,
            default=_pick(choices, default),
            use_shortcuts=True,
            instruction=TASK_HINT,
            **self.prompt_kwargs,
        )

    # -- asking ---------------------------------------------------------------

    def _ask(self, prompt: questionary.Question, *, back: bool = False) -> Any:
        return run_prompt(prompt, back=back, answers=self.answers)

    def ask(
        self,
        questions: Sequence[str],
        *,
        review: bool = True,
        review_questions: Sequence[str] | None = None,
    ) -> Answers:
        """Ask ``questions`` in order, then review them; return all answers.

        ``review_questions`` (a superset, e.g. the whole quiz when resuming) is what
        the progress line counts and the review lists, if given.
        """
        basis = questions if review_questions is None else review_questions
        index = 0
        while index < len(questions):
            question = questions[index]
            value = self._ask(self.prompt(question, basis), back=True)
            if value == BACK:
                index = max(0, index - 1)
                continue
            self.record(question, value)
            index += 1
        if review:
            self.review(questions if review_questions is None else review_questions)
        return self.answers

    def record(self, question: str, value: int | str) -> None:
        """Keep one answer, and hand all of them to ``on_answer`` (to be saved)."""
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

    def review(self, questions: Sequence[str]) -> None:
        """Show the answers; let the user change any before scoring. Back re-asks the last question."""
        while True:
            self.console.print(self.summary(questions))
            what = self._ask(
                questionary.select(
                    "Review: is this right?",
                    choices=[
                        questionary.Choice("Yes, show my report", value=DONE),
                        questionary.Choice("Change an answer", value=CHANGE),
                    ],
                    default=DONE,
                    instruction=CHOICE_HINT,
                    **self.prompt_kwargs,
                ),
                back=bool(questions),
            )
            if what == DONE:
                return
            if what == BACK:
                pick = questions[-1]
            else:
                pick = self._ask(
                    questionary.select(
                        "Which answer?",
                        choices=[
                            questionary.Choice(f"{t}: {a}", value=q) for q in questions for t, a in [self.label(q)]
                        ],
                        instruction=CHOICE_HINT,
                        **self.prompt_kwargs,
                    ),
                    back=True,
                )
                if pick == BACK:
                    continue
            value = self._ask(self.prompt(pick, questions), back=True)
            if value != BACK:
                self.record(pick, value)


def resume_question(
    count: int, *, left: int | None = None, total: int | None = None, quick: bool = False, save: object = None
) -> str:
    """'You have an unfinished quick quiz (7 answers given): 5 of 12 questions to go, saving to
    me.yaml. Resume it?'"""
    kind = "quick quiz" if quick else "quiz"
    parts = [f"{left} of {total} questions to go"] if left is not None and total is not None else []
    if save is not None:
        parts.append(f"saving to {save}")
    detail = f": {', '.join(parts)}" if parts else ""
    return f"You have an unfinished {kind} ({count} answers given){detail}. Resume it?"


def ask_resume(
    count: int,
    *,
    left: int | None = None,
    total: int | None = None,
    quick: bool = False,
    save: object = None,
    **prompt_kwargs: Any,
) -> bool:
    """Offer to resume an unfinished quiz (True) or start over (False): which kind of quiz it is,
    how far it got, and where its answers will go."""
    prompt = questionary.select(
        _wrap(resume_question(count, left=left, total=total, quick=quick, save=save), reserve=24),
        choices=[
            questionary.Choice("Resume where I stopped", value=True),
            questionary.Choice("Start over (the unfinished answers are discarded)", value=False),
        ],
        instruction="(arrows, Enter accepts)",
        **prompt_kwargs,
    )
    return bool(run_prompt(prompt, back=False))
