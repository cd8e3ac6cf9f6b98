"""What would change the result: the fewest answer changes that would put another role first.

A result is only as firm as the answers behind it. :func:`flip` finds a small
set of single-answer changes (each question changed at most once, to any value
it allows) after which a chosen role, by default the runner-up, scores strictly
above every other role; :func:`describe` says it in one line.

Every answer enters every fit linearly (see :mod:`rolefit.scoring.fit`), and no
fit's parts can reach the 0-100 clamps, so changing one answer moves each role's
fit by a known amount: the answer's coefficient for that role times the change
in value, or for a context answer the weighted difference between the two
choices' affinities. The search works with those amounts only, never re-scoring
per candidate, and checks the changes it settles on with
:func:`~rolefit.scoring.fit.score`: the target and every role the arithmetic
leaves within :data:`_RECHECK` points of it are re-scored (the rest are further
behind, exactly, and re-scoring them could not change the outcome).

The search. The target's *lead* over each other role is its fit minus that
role's; the target is top when the smallest lead is positive. Only the rivals
that matter are followed: at first those at or above the target; when the
changes found would let another rival overtake, it joins them and the search
runs again. A greedy pass repeatedly takes the change that most raises the
smallest lead (then the next smallest, and so on), so a change that would lift a
third role above the target is judged by that; when no single change helps, it
looks for a helpful pair among the best changes against the closest rivals. The
outcome is trimmed (a change that is no longer needed is dropped, two changes
are replaced by one where that is enough), an exhaustive check of pairs replaces
it by two changes where two suffice (also when the greedy pass gets stuck: its
first step may leave no way on where two other changes win), and its values are
tuned for the largest final lead. Ties go to the earlier question (in the order
the quiz asks them) and the lower value.

Exactness. Against a single rival (two roles, or others that never come within
reach) the greedy pass alone is exact, and the search is exact whenever one or
two changes suffice (the greedy pass finds a single change if there is one; the
pair check, run whenever the greedy pass ends with more than two changes or
none, finds two; each pass is exact for the rivals it follows, and the next
follows any that the changes found would let overtake). Beyond that it is a
heuristic: on 1,800 random answer sets for the built-in catalogue (each flipped
with and without its context answers) it gave the same count as the earlier,
much slower search (weighted passes over every pair of rivals) every time.
``None`` means no change the search could find puts the target first; for a role
that can never come first (for example one whose profile is the average of two
others'), that is always the answer.

Cost: the candidate changes are only those on the tasks of the target and the
rivals followed (a change to a task none of them involves moves all their fits
alike, by the shared interest term or not at all), so a pass is linear in
(those roles' tasks x values x followed rivals), not in the catalogue's size.
Every pass spends work units from a budget (:data:`WORK_BUDGET`) before it runs;
when the budget is spent, :func:`flip` raises :class:`TooLarge` and the report
says the question was not worked out (:func:`describe_too_large`). Beyond the
budget there is one pass over every role's task shares and one
:func:`~rolefit.scoring.fit.score` of the roles close to the target, both linear
in the catalogue, as scoring is. ``result``, when the caller has already scored
the answers, saves the first :func:`~rolefit.scoring.fit.score`
(benchmarks/run.py, parts 6 and 7).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from rolefit.model.answers import Answers, complete
from rolefit.model.catalogue import Catalogue
from rolefit.scoring.fit import FitResult, score
from rolefit.scoring.flipeffects import Budget, Effects, Leads, Option, OverBudget, options_for, plus_all
from rolefit.scoring.flipsearch import greedy, key_with, plus, search_all, wins

#: More changes than this and :func:`describe` just says the result is firm.
FIRM_CHANGES = 5
#: Roles the arithmetic leaves closer than this (in points) behind the target are re-scored.
_RECHECK = 1.0
#: The work units (candidate changes weighed against one rival each) one search may spend: about
#: 16 times what the hardest of 3,600 searches for the built-in catalogue needed (18,500), and a
#: few tens of milliseconds of work (benchmarks/run.py, part 7).
WORK_BUDGET = 300_000


@dataclass(frozen=True)
class Change:
    """One answer changed: ``question`` as in :func:`~rolefit.model.answers.question_ids`
    ("skill:<task>", "interest:<task>", "context:<question>").

    ``gain`` is how many points the change adds to the target's lead over the
    best other role, applying the changes in the order listed; the gains add up
    to ``margin_after - margin_before``.
    """

    question: str
    old: int | str
    new: int | str
    gain: float


@dataclass(frozen=True)
class Flip:
    """The changes that would put ``target`` (a role id) first.

    ``margin_before`` is the target's fit minus the best other role's now
    (negative, or zero on a tie); ``margin_after`` the same after the changes
    (positive). When the target is already strictly top, ``changes`` is empty
    and both margins are its current lead.
    """

    target: str
    changes: tuple[Change, ...]
    margin_before: float
    margin_after: float

    @property
    def count(self) -> int:
        return len(self.changes)

    def apply(self, answers: Answers) -> Answers:
        """The answers with these changes made."""
        for change in self.changes:
            answers = answers.with_answer(change.question, change.new)
        return answers


class TooLarge(Exception):
    """The search for the fewest changes spent its budget of work before it settled (only a
    catalogue far larger than the built-in one gets there): the question is left unanswered."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.tasks = len(catalogue.tasks)
        self.roles = len(catalogue.roles)
        super().__init__(f"not worked out for a catalogue this large ({self.tasks:,} tasks, {self.roles:,} roles)")


def flip(
    catalogue: Catalogue,
    answers: Answers,
    target: str | None = None,
    *,
    tasks_only: bool = False,
    result: FitResult | None = None,
    budget: int | None = WORK_BUDGET,
    questions: Collection[str] | None = None,
) -> Flip | None:
    """The fewest answer changes after which ``target`` scores strictly above every other role.

    ``target`` is a role id (or name, as :meth:`Catalogue.find_role` reads it;
    an unknown one raises :class:`~rolefit.errors.UnknownRoleError`); by default
    the current runner-up. Missing answers count as their defaults, as in
    :func:`~rolefit.scoring.fit.score`. If the target is already strictly top, the
    result has no changes (it is not an error). ``None`` when the catalogue has
    a single role, or when no set of changes puts the target first.
    ``tasks_only`` leaves the context answers as they are: only skill and
    interest answers may change. ``result``: ``score(catalogue, answers)``, if the
    caller has it already. ``budget``: the work units (:class:`~rolefit.scoring.flipeffects.Budget`)
    the search may spend, ``None`` for no limit; past it, :class:`TooLarge` is raised.
    ``questions``: only these may change (ids as in :func:`~rolefit.model.answers.question_ids`,
    for example the questions the user was asked); ``None``: any.
    """
    if len(catalogue.roles) < 2:
        return None
    answers = complete(answers, catalogue)
    before = score(catalogue, answers) if result is None else result
    target_id = before.fits[1].role.id if target is None else catalogue.find_role(target).id
    roles = catalogue.roles
    t = next(k for k, r in enumerate(roles) if r.id == target_id)
    rivals = [k for k in range(len(roles)) if k != t]
    fits = {f.role.id: f.score for f in before.fits}
    lead = tuple(fits[target_id] - fits[roles[k].id] for k in rivals)
    start = min(lead)
    if wins(lead):
        return Flip(target_id, (), start, start)
    try:
        work = Budget(budget or 0, unlimited=budget is None)
        allowed = None if questions is None else frozenset(questions)
        return _search(catalogue, answers, target_id, lead, work, Effects(catalogue, answers, tasks_only, allowed))
    except OverBudget:
        raise TooLarge(catalogue) from None


def _search(
    catalogue: Catalogue, answers: Answers, target_id: str, lead: Leads, budget: Budget, effects: Effects
) -> Flip | None:
    roles = catalogue.roles
    t = next(k for k, r in enumerate(roles) if r.id == target_id)
    rivals = [k for k in range(len(roles)) if k != t]
    found = search_all(lead, effects, t, rivals, budget)
    if found is None:
        return None
    chosen, followed = found
    for _ in range(len(rivals) + 1):  # the arithmetic is exact, so this passes first time
        after = plus_all(lead, chosen, t, rivals)
        near = min(range(len(rivals)), key=after.__getitem__)
        check = [roles[t]] + [roles[rivals[k]] for k in range(len(rivals)) if k == near or after[k] < _RECHECK]
        checked = score(catalogue, _apply(answers, chosen), check)
        if checked.top.role.id == target_id and checked.margin > 0:
            return Flip(target_id, _in_order(lead, chosen, t, rivals, followed), min(lead), checked.margin)
        everyone = list(range(len(rivals)))
        more = greedy(after, options_for(effects, t, rivals, everyone, budget), {o.index for o in chosen}, budget)
        if not more:
            return None
        chosen, followed = chosen + more, everyone
    return None


def describe(flip: Flip, catalogue: Catalogue) -> str:
    """One line saying what would put the flip's role first, or that the result is firm."""
    role = catalogue.role_by_id[flip.target].name
    count = flip.count
    if count == 0:
        return f"{role} is already your top role, by {flip.margin_after:.1f} points."
    if count > FIRM_CHANGES:
        return f"Your result is firm: it would take {count} changed answers to put {role} first."
    parts = ", ".join(_change_text(c, catalogue) for c in flip.changes)
    # ("of the answers you gave": not the questions a shorter quiz left, which cannot change a settled top role)
    return f"Changing {count} of the answers you gave would make {role} your top role: {parts}."


def _change_text(change: Change, catalogue: Catalogue) -> str:
    kind, _, key = change.question.partition(":")
    if kind == "context":
        question = catalogue.context_by_id[key]
        labels = {c.id: c.label for c in question.choices}
        return f"'{question.title}' '{labels[str(change.old)]}' → '{labels[str(change.new)]}'"
    return f"{kind} in '{catalogue.task_by_id[key].title}' {change.old} → {change.new}"


def firmness_applies(catalogue: Catalogue) -> bool:
    """Whether reports say how firm a result is: the catalogue has two roles or more. (However
    large it is, the search stops within its budget, and the report then says it was not worked out.)"""
    return len(catalogue.roles) > 1


def describe_too_large(error: TooLarge) -> str:
    """The line a report shows when the search was stopped at its budget."""
    return f"Not worked out for a catalogue this large ({error.tasks:,} tasks, {error.roles:,} roles)."


def _apply(answers: Answers, options: Iterable[Option]) -> Answers:
    for o in options:
        answers = answers.with_answer(o.question, o.new)
    return answers


def _in_order(
    lead: Leads,
    chosen: list[Option],
    t: int,
    rivals: Sequence[int],
    followed: Sequence[int],
) -> tuple[Change, ...]:
    """The changes, each time the one that then raises the followed rivals' smallest lead most,
    with what it adds to the target's lead over the best other role."""
    left = sorted(chosen, key=lambda o: o.index)
    current = tuple(lead[k] for k in followed)
    full = lead
    out: list[Change] = []
    while left:
        o = max(left, key=lambda c: (key_with(current, c), -c.index))
        left.remove(o)
        current = plus(current, o)
        after = plus_all(full, [o], t, rivals)
        out.append(Change(o.question, o.old, o.new, min(after) - min(full)))
        full = after
    return tuple(out)


__all__ = [
    "FIRM_CHANGES",
    "WORK_BUDGET",
    "Change",
    "Flip",
    "TooLarge",
    "describe",
    "describe_too_large",
    "firmness_applies",
    "flip",
]
