"""Answers as data: skill and interest (0-4) per task, and context choices; the scales."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

from rolefit.model.catalogue import Catalogue
from rolefit.text import first_of

SKILL_LEVELS: tuple[str, ...] = (
    "never done it",
    "tried it once or twice",
    "done it in real work",
    "do it confidently",
    "expert: could teach it",
)


INTEREST_LEVELS: tuple[str, ...] = (
    "would avoid it",
    "would rather not",
    "don't mind either way",
    "would enjoy it",
    "love it",
)


#: One or two words per level, for compact tables.
SKILL_SHORT: tuple[str, ...] = ("never", "tried", "done it", "confident", "expert")


INTEREST_SHORT: tuple[str, ...] = ("avoid", "rather not", "neutral", "enjoy", "love")


#: The answer assumed for a question nobody answered: the middle of the scale,
#: which moves no score up or down.
DEFAULT_LEVEL = 2


ASPECTS: tuple[Literal["skill", "interest"], ...] = ("skill", "interest")


@dataclass(frozen=True)
class Stamp:
    """The catalogue version and fingerprints that answers were given for."""

    version: str
    digest: str | None = None
    tasks: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, catalogue: Catalogue) -> Stamp:
        return cls(catalogue.version, catalogue.digest, dict(catalogue.task_hashes))

    def changed(self, catalogue: Catalogue) -> list[str] | None:
        """Tasks (in catalogue order) new or reworded since; None if that cannot be told."""
        if self.digest == catalogue.digest:
            return []
        if not self.tasks:
            return None if self.version != catalogue.version else []
        now = catalogue.task_hashes
        return [t.id for t in catalogue.tasks_in_order() if self.tasks.get(t.id) != now[t.id]]


@dataclass(frozen=True)
class Answers:
    """Answers by task id (skill and interest, 0-4) and by context question id.

    ``stamp`` says which catalogue they were given for (None if unknown);
    ``dropped`` lists answers (task ids, ``context.<id>``) that this catalogue has no question for,
    in a file made for another catalogue.
    """

    skill: Mapping[str, int] = field(default_factory=dict)
    interest: Mapping[str, int] = field(default_factory=dict)
    context: Mapping[str, str] = field(default_factory=dict)
    stamp: Stamp | None = field(default=None, compare=False)
    dropped: tuple[str, ...] = field(default=(), compare=False)

    def get(self, aspect: str, task: str) -> int | None:
        return (self.skill if aspect == "skill" else self.interest).get(task)

    def with_answer(self, question: str, value: int | str) -> Answers:
        """A copy with one more answer; ``question`` as in :func:`question_ids`."""
        kind, _, key = question.partition(":")
        if kind == "context":
            return replace(self, context={**self.context, key: str(value)})
        if kind == "skill":
            return replace(self, skill={**self.skill, key: int(value)})
        return replace(self, interest={**self.interest, key: int(value)})

    def value(self, question: str) -> int | str | None:
        kind, _, key = question.partition(":")
        if kind == "context":
            return self.context.get(key)
        return self.get(kind, key)

    @property
    def count(self) -> int:
        return len(self.skill) + len(self.interest) + len(self.context)


def question_ids(catalogue: Catalogue, tasks: Iterable[str] | None = None, *, context: bool = True) -> list[str]:
    """Every question (of ``tasks`` only, if given), in the order asked: the context questions
    first (unless ``context`` is false), then skill and interest per task."""
    chosen = set(tasks) if tasks is not None else None
    ids = [f"context:{q.id}" for q in catalogue.context] if context else []
    for task in catalogue.tasks_in_order():
        if chosen is None or task.id in chosen:
            ids += [f"skill:{task.id}", f"interest:{task.id}"]
    return ids


def default_value(catalogue: Catalogue, question: str) -> int | str:
    kind, _, key = question.partition(":")
    if kind == "context":
        return catalogue.context_by_id[key].default
    return DEFAULT_LEVEL


def missing(answers: Answers, catalogue: Catalogue, tasks: Iterable[str] | None = None) -> list[str]:
    """The questions (of ``tasks``, or all) that have no answer yet, in the order asked."""
    chosen = set(tasks) if tasks is not None else None
    out = [f"context:{q.id}" for q in catalogue.context if answers.context.get(q.id) is None]
    skill, interest = answers.skill, answers.interest
    for task in catalogue.tasks_in_order():
        tid = task.id
        if chosen is None or tid in chosen:
            if skill.get(tid) is None:
                out.append(f"skill:{tid}")
            if interest.get(tid) is None:
                out.append(f"interest:{tid}")
    return out


def complete(answers: Answers, catalogue: Catalogue) -> Answers:
    """The answers with every missing one set to its default (tasks in catalogue order)."""
    ids = catalogue.task_by_id
    skill = dict.fromkeys(ids, DEFAULT_LEVEL)
    skill.update({k: v for k, v in answers.skill.items() if k in ids})
    interest = dict.fromkeys(ids, DEFAULT_LEVEL)
    interest.update({k: v for k, v in answers.interest.items() if k in ids})
    context = {q.id: answers.context.get(q.id, q.default) for q in catalogue.context}
    return replace(answers, skill=skill, interest=interest, context=context)


def untouched(given: Answers, catalogue: Catalogue) -> bool:
    """Every question answered, each with the value ``rolefit template`` starts it with: the
    template as written, which says nothing about anyone."""
    if missing(given, catalogue):
        return False
    return (
        all(v == DEFAULT_LEVEL for v in given.skill.values())
        and all(v == DEFAULT_LEVEL for v in given.interest.values())
        and all(
            catalogue.context_by_id[k].default == v for k, v in given.context.items() if k in catalogue.context_by_id
        )
    )


@dataclass(frozen=True)
class Coverage:
    """How many of a catalogue's questions an answers file (``file``, as named) answers: what a report
    ranked by it says of it. ``partial`` (fewer than all) is flagged as ``rolefit score`` flags a row."""

    file: str
    answered: int
    questions: int

    @property
    def partial(self) -> bool:
        return self.answered < self.questions

    @property
    def flags(self) -> tuple[str, ...]:
        return ("partial",) if self.partial else ()

    @classmethod
    def of(cls, file: str, given: Answers, catalogue: Catalogue) -> Coverage:
        questions = len(question_ids(catalogue))
        return cls(file, questions - len(missing(given, catalogue)), questions)


#: How many of the answers a catalogue has no question for its warning names (the rest are counted).
IGNORED_NAMED = 8


def ignored_line(name: str, given: Answers) -> str | None:
    """What a command says of the answers in ``name`` that its catalogue has no question for (made
    for another catalogue, or an older one), or None when there are none: every command says it so."""
    if not given.dropped:
        return None
    return f"{name}: ignoring answers this catalogue has no question for: {first_of(given.dropped, IGNORED_NAMED)}"
