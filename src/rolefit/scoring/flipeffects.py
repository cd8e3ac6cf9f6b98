"""The arithmetic of answer changes for "how firm": what a change does to each role's fit, the
candidate changes against the rivals followed, and the budget of work the search may spend.

Described in :mod:`rolefit.scoring.firmness`; :mod:`rolefit.scoring.flipsearch` searches over these.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rolefit.model.answers import INTEREST_LEVELS, SKILL_LEVELS, Answers
from rolefit.model.catalogue import Catalogue
from rolefit.scoring.fit import CONTEXT_WEIGHT, INTEREST_WEIGHT, READINESS_WEIGHT, task_shares


class OverBudget(Exception):
    """The search has spent its budget of work (see :class:`Budget`)."""


@dataclass
class Budget:
    """Work units left: one unit is one candidate change weighed against one rival (a gain worked
    out, or a candidate's lead compared). Every pass spends before it works, so the search stops
    within one pass's work of the budget, whatever the catalogue's size. ``unlimited``: never stop."""

    left: int
    unlimited: bool = False

    def spend(self, units: int) -> None:
        self.left -= units
        if self.left < 0 and not self.unlimited:
            raise OverBudget


@dataclass(frozen=True)
class Question:
    """One question that may change: its current answer, the other values it allows, and what a
    change does to a role's fit (role positions in catalogue order)."""

    index: int  # the question's position in question_ids order
    question: str
    old: int | str
    values: tuple[int | str, ...]
    #: skill, interest: a role's points per step of the answer are scale * (mult * share - offset)
    key: str = ""
    scale: float = 0.0
    mult: float = 0.0
    offset: float = 0.0
    shares: Sequence[dict[str, float]] = field(default=(), repr=False, compare=False)
    affinity: dict[str, tuple[float, ...]] = field(default_factory=dict)  # context: points per choice

    def deltas(self, value: int | str, roles: Iterable[int]) -> list[float]:
        """How changing the answer to ``value`` moves each of ``roles``' fits."""
        if self.affinity:
            new, old = self.affinity[str(value)], self.affinity[str(self.old)]
            return [new[r] - old[r] for r in roles]
        step = int(value) - int(self.old)
        key, shares = self.key, self.shares
        return [self.scale * (self.mult * shares[r].get(key, 0.0) - self.offset) * step for r in roles]


@dataclass(frozen=True)
class Option:
    """A candidate change and what it does to the target's lead over each followed rival."""

    index: int
    question: str
    old: int | str
    new: int | str
    gain: tuple[float, ...]
    source: Question = field(repr=False, compare=False)


Leads = tuple[float, ...]


@dataclass
class Effects:
    """The questions that may change, made when first asked for: those on the tasks of the roles
    followed, and the context questions. A question on a task that none of the target and the
    followed rivals involves moves all their fits alike (by the shared interest term, or not at
    all), so it can never raise a lead over them; it is never made."""

    catalogue: Catalogue
    answers: Answers
    tasks_only: bool
    #: Only these questions may change (None: any), e.g. those the user was asked.
    allowed: frozenset[str] | None = None
    shares: list[dict[str, float]] = field(init=False)
    _made: dict[str, tuple[Question, Question]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.shares = [task_shares(r) for r in self.catalogue.roles]

    def context(self) -> list[Question]:
        if self.tasks_only or not self.catalogue.context:
            return []
        cat, out = self.catalogue, []
        scale = CONTEXT_WEIGHT * 100 / len(cat.context)
        for index, q in enumerate(cat.context):
            old = self.answers.value(f"context:{q.id}")
            assert old is not None  # the answers are complete
            affinity = {c.id: tuple(scale * c.roles.get(r.id, 0.5) for r in cat.roles) for c in q.choices}
            values: tuple[int | str, ...] = tuple(c.id for c in q.choices if c.id != old)
            out.append(Question(index, f"context:{q.id}", old, values, affinity=affinity))
        return out

    def task(self, key: str) -> tuple[Question, Question]:
        """The skill and interest questions on one task."""
        if key not in self._made:
            cat = self.catalogue
            base = len(cat.context) + 2 * cat.task_rank[key]
            pair = []
            for k, (kind, scale, mult, offset, levels) in enumerate(
                [
                    ("skill", READINESS_WEIGHT * 100 / 4, 1.0, 0.0, len(SKILL_LEVELS)),
                    ("interest", INTEREST_WEIGHT * 100 / 16, 3.0, 1 / len(cat.tasks), len(INTEREST_LEVELS)),
                ]
            ):
                old = self.answers.value(f"{kind}:{key}")
                assert isinstance(old, int)  # the answers are complete
                values = tuple(v for v in range(levels) if v != old)
                pair.append(Question(base + k, f"{kind}:{key}", old, values, key, scale, mult, offset, self.shares))
            self._made[key] = (pair[0], pair[1])
        return self._made[key]

    def involved(self, roles: Iterable[int]) -> set[str]:
        """The tasks any of ``roles`` involves."""
        return {rt.task for r in roles for rt in self.catalogue.roles[r].tasks}

    def questions(self, keys: set[str]) -> list[Question]:
        """The context questions and those on the tasks ``keys``, in question order."""
        rank = self.catalogue.task_rank
        out = self.context() + [q for key in sorted(keys, key=rank.__getitem__) for q in self.task(key)]
        allowed = self.allowed
        return out if allowed is None else [q for q in out if q.question in allowed]


#: Making one candidate change costs about as much as weighing this many against one rival each.
OPTION_UNITS = 8


def options_for(
    effects: Effects, t: int, rivals: Sequence[int], followed: Sequence[int], budget: Budget
) -> list[Option]:
    """Every single-answer change that could matter, in question order then value order, with its
    effect on the target's lead over each followed rival (positions in ``rivals``)."""
    who = [t] + [rivals[k] for k in followed]
    keys = effects.involved(who)
    values = len(SKILL_LEVELS) - 1 + len(INTEREST_LEVELS) - 1
    budget.spend((len(keys) * values + len(effects.catalogue.context) * 4) * (len(who) + OPTION_UNITS))
    out: list[Option] = []
    for q in effects.questions(keys):
        for value in q.values:
            d = q.deltas(value, who)
            out.append(Option(q.index, q.question, q.old, value, tuple(d[0] - x for x in d[1:]), q))
    return out


def plus_all(lead: Leads, chosen: Iterable[Option], t: int, rivals: Sequence[int]) -> Leads:
    """The target's lead over every rival after the changes."""
    out = list(lead)
    for o in chosen:
        d = o.source.deltas(o.new, [t, *rivals])
        out = [x + d[0] - y for x, y in zip(out, d[1:], strict=True)]
    return tuple(out)
