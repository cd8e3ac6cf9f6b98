"""The interactive questionnaire (questionary). Imported only when a prompt is shown.

:func:`ask` asks the given questions in order, then offers a review step where
any answer can be changed. Prompt failures are translated: a missing terminal
(``EOFError``) becomes :class:`InputRequiredError`, Ctrl-C becomes
:class:`QuizInterrupted`, which carries every answer given so far.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import questionary
from rich.console import Console, Group
from rich.table import Table

from rolefit.answers import INTEREST_LEVELS, SKILL_LEVELS, Answers, default_value
from rolefit.catalogue import Catalogue
from rolefit.errors import InputRequiredError, QuizInterrupted

DONE = "done"
CHANGE = "change"


def _pick(choices: list[questionary.Choice], value: object) -> questionary.Choice:
    """The choice holding ``value`` (questionary's default is matched by value or object)."""
    return next((c for c in choices if c.value == value), choices[0])


class Quiz:
    """One run of the questionnaire; ``answers`` holds what was given so far."""

    def __init__(
        self,
        catalogue: Catalogue,
        answers: Answers,
        *,
        console: Console | None = None,
        **prompt_kwargs: Any,
    ) -> None:
        self.catalogue = catalogue
        self.answers = answers
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
        return (
            f"Task {tasks.index(key) + 1}/{len(tasks)} · "
            f"{group.short} {in_group.index(key) + 1}/{len(in_group)}"
        )

    def prompt(self, question: str, asked: Sequence[str]) -> questionary.Question:
        kind, _, key = question.partition(":")
        current = self.answers.value(question)
        default = current if current is not None else default_value(self.catalogue, question)
        head = self.progress(question, asked)
        if kind == "context":
            q = self.catalogue.context_by_id[key]
            choices = [questionary.Choice(title=c.label, value=c.id) for c in q.choices]
            message = f"{head}  {q.title}"
            return questionary.select(
                message, choices=choices, default=_pick(choices, default), **self.prompt_kwargs
            )
        task = self.catalogue.task_by_id[key]
        levels = SKILL_LEVELS if kind == "skill" else INTEREST_LEVELS
        ask = "Your skill at it?" if kind == "skill" else "Your interest in doing it?"
        choices = [
            questionary.Choice(title=label, value=v, shortcut_key=str(v)) for v, label in enumerate(levels)
        ]
        about = f"\n  {task.description}" if kind == "skill" else ""
        message = f"{head}  {task.title}{about}\n  {ask}"
        return questionary.select(
            message,
            choices=choices,
            default=_pick(choices, default),
            use_shortcuts=True,
            instruction="(0-4 or arrows, Enter to accept)",
            **self.prompt_kwargs,
        )

    # -- asking ---------------------------------------------------------------

    def _ask(self, prompt: questionary.Question) -> Any:
        try:
            value = prompt.unsafe_ask()
        except KeyboardInterrupt:
            raise QuizInterrupted("quiz interrupted", answers=self.answers) from None
        except EOFError:
            raise InputRequiredError(
                "the quiz needs a terminal; to score answers from a file use "
                "'rolefit quiz --answers FILE' (see 'rolefit template')"
            ) from None
        if value is None:  # pragma: no cover - questionary returns None only when cancelled
            raise QuizInterrupted("quiz interrupted", answers=self.answers)
        return value

    def ask(self, questions: Sequence[str], *, review: bool = True) -> Answers:
        """Ask ``questions`` in order, then the review step; return all answers."""
        for question in questions:
            value = self._ask(self.prompt(question, questions))
            self.answers = self.answers.with_answer(question, value)
        if review:
            self.review(questions)
        return self.answers

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
        """Show the answers; let the user change any before scoring."""
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
                    **self.prompt_kwargs,
                )
            )
            if what == DONE:
                return
            pick = self._ask(
                questionary.select(
                    "Which answer?",
                    choices=[
                        questionary.Choice(f"{t}: {a}", value=q)
                        for q in questions
                        for t, a in [self.label(q)]
                    ],
                    **self.prompt_kwargs,
                )
            )
            value = self._ask(self.prompt(pick, questions))
            self.answers = self.answers.with_answer(pick, value)
