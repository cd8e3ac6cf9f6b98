"""The scorer: pure functions from answers and a catalogue to ranked role fits.

For a role *r*, let ``p[t] = w[r,t] / sum(w[r])`` be its task shares (its
weights scaled to sum to 1; a task it does not involve has ``p = 0``), *n* the
number of tasks in the catalogue, and ``i[t]``, ``s[t]`` the user's interest
and skill (0-4) in task *t*. Answers are measured from the neutral middle, 2.

* **Interest fit** (shape and level of what you like)::

      interest = 50 + 100/16 * sum_t (3 p[t] - 1/n) * (i[t] - 2)

  Equivalently, the average of *liking* (the role-weighted mean interest, out
  of 4) and *preference* (how much more than your own average interest you like
  the role's tasks). Loving a task the role does not involve counts slightly
  against it: your interests point elsewhere. The result lies in 0..100.

* **Readiness** (how well your skills cover the role's weighted tasks)::

      readiness = 50 + 100/4 * sum_t p[t] * (s[t] - 2)

  i.e. the role-weighted mean skill, out of 4, as a percentage.

* **Context** (the kind of organisation, the work you have an appetite for):
  each context answer suits each role by an affinity ``a`` from 0 to 1, set in
  the catalogue::

      context = 50 + 100/Q * sum_q (a[q, r] - 0.5)

* **Fit** = 0.55 interest + 0.30 readiness + 0.15 context, in 0..100.

Every term is linear in one answer, so a fit is 50 plus a sum of per-task
contributions for the role's tasks (:class:`Contribution`), one term for your
interest in all the tasks it does not involve, and a context contribution.
When the top two fits are within :data:`HYBRID_MARGIN` points the result is a
hybrid of the two; when three or more are, it is a tie of them (no clear lead).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

from rolefit.model.answers import DEFAULT_LEVEL, Answers, default_value
from rolefit.model.catalogue import MAX_WEIGHT, WEIGHT_LEVELS, Catalogue, Role

INTEREST_WEIGHT = 0.55
READINESS_WEIGHT = 0.30
CONTEXT_WEIGHT = 0.15
#: Fits closer than this (in points) are reported as a hybrid of the two roles (three or more: a tie).
HYBRID_MARGIN = 5.0
#: A label names at most this many tied roles, then says how many more there are.
TIED_NAMED = 4
NEUTRAL = 50.0
_MID = DEFAULT_LEVEL
#: A core task is "learn next" when you would enjoy it (interest >= 3) but have at most tried it
#: (skill <= 1); it is "friction" when you would rather avoid it (interest <= 1).
LEARN_MIN_INTEREST = 3
LEARN_MAX_SKILL = 1
FRICTION_MAX_INTEREST = 1


@dataclass(slots=True)
class Contribution:
    """How one task's answers moved one role's fit, in points."""

    task: str
    weight: float
    skill: int
    interest: int
    interest_points: float
    readiness_points: float

    @property
    def points(self) -> float:
        """Points this task adds to (or, if negative, takes from) the overall fit."""
        return INTEREST_WEIGHT * self.interest_points + READINESS_WEIGHT * self.readiness_points


#: One role's per-task figures, column by column: task ids, weights, skills, interests, interest
#: points, readiness points (see :class:`Contribution`).
Columns = tuple[
    tuple[str, ...], tuple[float, ...], tuple[int, ...], tuple[int, ...], tuple[float, ...], tuple[float, ...]
]


@dataclass(frozen=True)
class RoleFit:
    """One role's fit to one set of answers, with its explanation.

    ``contributions`` are made when first asked for: a large catalogue's report ranks 1,000
    roles and explains a few.
    """

    role: Role
    score: float
    interest: float
    readiness: float
    context: float
    outside_interest_points: float
    learn_next: tuple[str, ...]
    friction: tuple[str, ...]
    columns: Columns = field(repr=False)

    @cached_property
    def contributions(self) -> tuple[Contribution, ...]:
        """How each of the role's tasks moved its fit, in catalogue order."""
        return tuple(map(Contribution, *self.columns))

    @property
    def context_points(self) -> float:
        return CONTEXT_WEIGHT * (self.context - NEUTRAL)

    @property
    def outside_points(self) -> float:
        """Points from interest in the tasks this role does not involve (liking them counts against it)."""
        return INTEREST_WEIGHT * self.outside_interest_points

    def raised(self, limit: int = 5) -> list[Contribution]:
        """The tasks that raised the fit most, largest first."""
        up = [c for c in self.contributions if c.points > 0.005]
        return sorted(up, key=lambda c: -c.points)[:limit]

    def lowered(self, limit: int = 5) -> list[Contribution]:
        """The tasks that lowered the fit most, largest first."""
        down = [c for c in self.contributions if c.points < -0.005]
        return sorted(down, key=lambda c: c.points)[:limit]


@dataclass(frozen=True)
class FitResult:
    """Role fits, best first; ``hybrid`` when the top two are too close to split, ``tied`` when
    three or more are."""

    fits: tuple[RoleFit, ...]
    margin: float

    @property
    def top(self) -> RoleFit:
        return self.fits[0]

    @cached_property
    def tied(self) -> tuple[RoleFit, ...] | None:
        """Every role within :data:`HYBRID_MARGIN` of the best, best first, when there are three or more."""
        best = self.fits[0].score
        close: list[RoleFit] = []
        for f in self.fits:
            if best - f.score >= HYBRID_MARGIN:
                break
            close.append(f)
        return tuple(close) if len(close) >= 3 else None

    @property
    def hybrid(self) -> tuple[RoleFit, RoleFit] | None:
        if len(self.fits) > 1 and self.margin < HYBRID_MARGIN and self.tied is None:
            return self.fits[0], self.fits[1]
        return None

    @property
    def _names(self) -> str:
        tied = self.tied or ()
        names = [f.role.short for f in tied[:TIED_NAMED]]
        if len(tied) > TIED_NAMED:
            names[-1:] = [f"{len(tied) - TIED_NAMED + 1} more"]
        return " / ".join(names)

    @property
    def label(self) -> str:
        """'R&D data scientist', 'data person / product data scientist' for a hybrid, or
        'a / b / c (tied)' for a tie."""
        if self.tied:
            return f"{self._names} (tied)"
        pair = self.hybrid
        if pair:
            return f"{pair[0].role.short} / {pair[1].role.short}"
        return self.top.role.short

    @property
    def title(self) -> str:
        """The label as a headline: the role's full name, the hybrid capitalised, or 'No clear lead: a / b / c'."""
        if self.tied:
            return f"No clear lead: {self._names}"
        if self.hybrid:
            return self.label[0].upper() + self.label[1:]
        return self.top.role.name

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.fits)

    def __len__(self) -> int:
        return len(self.fits)

    def __getitem__(self, index: int | str) -> RoleFit:
        """A fit by rank (0: the top) or by role id (``result["rnd"]``)."""
        if isinstance(index, str):
            found = next((f for f in self.fits if f.role.id == index), None)
            if found is None:
                from rolefit.errors import UnknownRoleError

                known = ", ".join(f.role.id for f in self.fits)
                raise UnknownRoleError(f"no fit for role {index!r}; expected one of: {known}", key="role")
            return found
        return self.fits[index]


def given_task(given: Answers, task: str) -> bool:
    """Whether both the skill and the interest in ``task`` were given (not filled by default)."""
    return given.skill.get(task) is not None and given.interest.get(task) is not None


def unasked_core(fit: RoleFit, given: Answers) -> tuple[str, ...]:
    """The role's core tasks whose skill or interest was not given, in catalogue order."""
    tasks, weights = fit.columns[0], fit.columns[1]
    return tuple(
        t for t, w in zip(tasks, weights, strict=True) if w >= WEIGHT_LEVELS["core"] and not given_task(given, t)
    )


def asked_only(result: FitResult, given: Answers) -> FitResult:
    """The result with each role's learn-next and friction tasks limited to those whose answers
    were given: a neutral stand-in for a question not asked says nothing about either."""

    def keep(fit: RoleFit) -> RoleFit:
        learn = tuple(t for t in fit.learn_next if given_task(given, t))
        friction = tuple(t for t in fit.friction if given.interest.get(t) is not None)
        if learn == fit.learn_next and friction == fit.friction:
            return fit
        return replace(fit, learn_next=learn, friction=friction)

    return FitResult(fits=tuple(keep(f) for f in result.fits), margin=result.margin)


def task_shares(role: Role) -> dict[str, float]:
    """The role's weights scaled to sum to 1."""
    total = sum(rt.weight for rt in role.tasks)
    return {rt.task: rt.weight / total for rt in role.tasks}


def _clamp(x: float) -> float:
    return min(100.0, max(0.0, x))


def fit_role(role: Role, catalogue: Catalogue, answers: Answers, *, interest_total: float | None = None) -> RoleFit:
    """The fit of one role: pure arithmetic over the answers (missing ones neutral).

    It costs time in proportion to the role's tasks, not the catalogue's: the tasks the role
    does not involve enter only through ``interest_total``, the sum of ``interest - 2`` over all
    answered tasks (computed once per set of answers by :func:`score`).
    """
    if interest_total is None:
        interest_total = _interest_total(answers)
    weights = {rt.task: rt.weight for rt in role.tasks}
    total = sum(weights.values())
    n = len(catalogue.tasks)
    rank = catalogue.task_rank
    skill_of, interest_of = answers.skill.get, answers.interest.get
    tasks = sorted(weights, key=rank.__getitem__)
    task_weights = [weights[task] for task in tasks]
    skills = [skill_of(task, _MID) for task in tasks]
    interests = [interest_of(task, _MID) for task in tasks]
    interest_parts = [
        100 / 16 * (3 * (weight / total) - 1 / n) * (i - _MID)
        for weight, i in zip(task_weights, interests, strict=True)
    ]
    readiness_parts = [100 / 4 * (weight / total) * (s - _MID) for weight, s in zip(task_weights, skills, strict=True)]
    inside = float(sum(interests)) - _MID * len(tasks)
    outside = -100 / 16 / n * (interest_total - inside)
    interest = _clamp(NEUTRAL + math.fsum(interest_parts) + outside)
    readiness = _clamp(NEUTRAL + math.fsum(readiness_parts))
    context = _clamp(NEUTRAL + context_points(role, catalogue, answers))
    score = _clamp(INTEREST_WEIGHT * interest + READINESS_WEIGHT * readiness + CONTEXT_WEIGHT * context)
    core = [k for k, weight in enumerate(task_weights) if weight >= WEIGHT_LEVELS["core"]]
    learn = sorted(
        (k for k in core if interests[k] >= LEARN_MIN_INTEREST and skills[k] <= LEARN_MAX_SKILL),
        key=lambda k: (-(interests[k] - skills[k]), -task_weights[k]),
    )
    friction = [tasks[k] for k in core if interests[k] <= FRICTION_MAX_INTEREST]
    return RoleFit(
        role=role,
        score=score,
        interest=interest,
        readiness=readiness,
        context=context,
        outside_interest_points=outside,
        learn_next=tuple(tasks[k] for k in learn),
        friction=tuple(friction),
        columns=(
            tuple(tasks),
            tuple(task_weights),
            tuple(skills),
            tuple(interests),
            tuple(interest_parts),
            tuple(readiness_parts),
        ),
    )


def _interest_total(answers: Answers) -> float:
    return float(sum(i - _MID for i in answers.interest.values()))


def context_points(role: Role, catalogue: Catalogue, answers: Answers) -> float:
    """The context score's distance from neutral, before weighting."""
    if not catalogue.context:
        return 0.0
    total = 0.0
    for q in catalogue.context:
        choice_id = answers.context.get(q.id) or str(default_value(catalogue, f"context:{q.id}"))
        choice = next(c for c in q.choices if c.id == choice_id)
        total += choice.roles.get(role.id, 0.5) - 0.5
    return 100 / len(catalogue.context) * total


def score(catalogue: Catalogue, answers: Answers, roles: Sequence[Role] | None = None) -> FitResult:
    """Every role's fit, best first (ties broken by catalogue order)."""
    chosen = list(catalogue.roles if roles is None else roles)
    total = _interest_total(answers)
    fits = [fit_role(r, catalogue, answers, interest_total=total) for r in chosen]
    order = {r.id: k for k, r in enumerate(chosen)}
    fits.sort(key=lambda f: (-round(f.score, 9), order[f.role.id]))
    margin = fits[0].score - fits[1].score if len(fits) > 1 else 100.0
    return FitResult(fits=tuple(fits), margin=margin)


def discriminating_tasks(catalogue: Catalogue, count: int) -> list[str]:
    """Up to ``count`` tasks that best tell the roles apart (for ``quiz --quick``).

    A task's power to separate roles is the spread (standard deviation) of the
    roles' weights for it, each out of the largest weight. Each task is filed
    under the role that weights it most, and the picks go round the roles in
    turn, best first, so that every role gets its telling questions. Ties keep
    catalogue order; the result is in catalogue order.
    """
    order = catalogue.tasks_in_order()
    levels = [{rt.task: rt.weight / MAX_WEIGHT for rt in role.tasks} for role in catalogue.roles]

    def spread(task_id: str) -> float:
        values = [lv.get(task_id, 0.0) for lv in levels]
        mean = sum(values) / len(values)
        return math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))

    buckets: list[list[int]] = [[] for _ in catalogue.roles]
    for k, task in enumerate(order):
        if spread(task.id) > 0:
            values = [lv.get(task.id, 0.0) for lv in levels]
            buckets[values.index(max(values))].append(k)
    for bucket in buckets:
        bucket.sort(key=lambda k: (-spread(order[k].id), k))
    picked: list[int] = []
    while len(picked) < count and any(buckets):
        for bucket in buckets:
            if bucket and len(picked) < count:
                picked.append(bucket.pop(0))
    return [order[k].id for k in sorted(picked)]


def group_points(fit: RoleFit, catalogue: Catalogue) -> dict[str, float]:
    """The points each task group adds to (or takes from) a role's fit, in group order."""
    out = {g.id: 0.0 for g in catalogue.groups}
    for c in fit.contributions:
        out[catalogue.task_by_id[c.task].group] += c.points
    return out
