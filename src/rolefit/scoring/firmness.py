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
smallest lead (then the next smallest, and so on), so a change that would lift
a third role above the target is judged by that; when no single change helps,
it looks for a helpful pair among the best changes against the closest rivals.
The outcome is trimmed (a change that is no longer needed is dropped, two
changes are replaced by one where that is enough), an exhaustive check of pairs
replaces it by two changes where two suffice, and its values are tuned for the
largest final lead. Ties go to the earlier question (in the order the quiz asks
them) and the lower value.

Exactness. Against a single rival (two roles, or others that never come within
reach) the greedy pass alone is exact, and the search is exact whenever one or
two changes suffice (the greedy pass finds a single change if there is one; the
pair check finds two). Beyond that it is a heuristic: on 3,100 answer sets for
the built-in catalogue it gave the same count as a much slower search (weighted
passes over every pair of rivals) on all but three. ``None`` means no change the
search could find puts the target first; for a role that can never come first
(for example one whose profile is the average of two others'), that is always
the answer.

Cost: linear in (questions x values x followed rivals) per change taken, plus
one pass over every role to set up the coefficients and one to check the changes
found; ``result``, when the caller has already scored the answers, saves the
first :func:`~rolefit.scoring.fit.score`. A 48-role catalogue costs about as
much as a 3-role one with the same tasks (benchmarks/run.py, part 6).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations, groupby

from rolefit.model.answers import INTEREST_LEVELS, SKILL_LEVELS, Answers, complete, question_ids
from rolefit.model.catalogue import Catalogue
from rolefit.scoring.fit import CONTEXT_WEIGHT, INTEREST_WEIGHT, READINESS_WEIGHT, FitResult, profile, score

#: More changes than this and :func:`describe` just says the result is firm.
FIRM_CHANGES = 5
#: Decimal places that count: :func:`~rolefit.scoring.fit.score` ranks fits rounded to these.
_PLACES = 9
#: The lead the target needs to count as strictly first (score() then ranks it first).
_TOLERANCE = 10.0**-_PLACES
#: Roles the arithmetic leaves closer than this (in points) behind the target are re-scored.
_RECHECK = 1.0
#: When no single change helps, pairs are sought among this many best changes against each of
#: the _PAIR_RIVALS closest rivals.
_PAIR_POOL = 8
_PAIR_RIVALS = 4
#: Trying to replace two changes by one is quadratic in the changes; beyond this many, skip it.
_SWAP_LIMIT = 10


@dataclass(frozen=True)
class Change:
    """One answer changed: ``question`` as in :func:`~rolefit.answers.question_ids`
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


@dataclass(frozen=True)
class _Question:
    """One question that may change: its current answer, the other values it allows, and what a
    change does to each role's fit (in catalogue order)."""

    index: int  # the question's position in question_ids order
    question: str
    old: int | str
    values: tuple[int | str, ...]
    coef: tuple[float, ...] = ()  # skill, interest: points per step of the answer
    affinity: dict[str, tuple[float, ...]] = field(default_factory=dict)  # context: points per choice

    def deltas(self, value: int | str, roles: Iterable[int]) -> list[float]:
        """How changing the answer to ``value`` moves each of ``roles``' fits."""
        if self.affinity:
            new, old = self.affinity[str(value)], self.affinity[str(self.old)]
            return [new[r] - old[r] for r in roles]
        step = int(value) - int(self.old)
        return [self.coef[r] * step for r in roles]


@dataclass(frozen=True)
class _Option:
    """A candidate change and what it does to the target's lead over each followed rival."""

    index: int
    question: str
    old: int | str
    new: int | str
    gain: tuple[float, ...]


Leads = tuple[float, ...]


def flip(
    catalogue: Catalogue,
    answers: Answers,
    target: str | None = None,
    *,
    tasks_only: bool = False,
    result: FitResult | None = None,
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
    caller has it already.
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
    if _wins(lead):
        return Flip(target_id, (), start, start)
    questions = _questions(catalogue, answers, tasks_only)
    found = _search_all(lead, questions, t, rivals)
    if found is None:
        return None
    chosen, followed = found
    for _ in range(len(questions) + 1):  # the arithmetic is exact, so this passes first time
        after = _plus_all(lead, chosen, questions, t, rivals)
        near = min(range(len(rivals)), key=after.__getitem__)
        check = [roles[t]] + [roles[rivals[k]] for k in range(len(rivals)) if k == near or after[k] < _RECHECK]
        checked = score(catalogue, _apply(answers, chosen), check)
        if checked.top.role.id == target_id and checked.margin > 0:
            return Flip(target_id, _in_order(lead, chosen, questions, t, rivals, followed), start, checked.margin)
        everyone = list(range(len(rivals)))
        more = _greedy(after, _options(questions, t, rivals, everyone), {o.index for o in chosen})
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
    noun = "answer" if count == 1 else "answers"
    parts = ", ".join(_change_text(c, catalogue) for c in flip.changes)
    return f"{count} {noun} would make {role} your top role: {parts}."


def _change_text(change: Change, catalogue: Catalogue) -> str:
    kind, _, key = change.question.partition(":")
    if kind == "context":
        question = catalogue.context_by_id[key]
        labels = {c.id: c.label for c in question.choices}
        return f"'{question.title}' '{labels[str(change.old)]}' → '{labels[str(change.new)]}'"
    return f"{kind} in '{catalogue.task_by_id[key].title}' {change.old} → {change.new}"


#: "How firm" searches every answer change against every role; past this many (tasks x roles)
#: the search would take longer than the rest of the report, and the line is left out.
FIRMNESS_LIMIT = 100_000


def firmness_applies(catalogue: Catalogue) -> bool:
    """Whether reports say how firm a result is: the catalogue has two roles or more, and is not
    so large that the search would take longer than the rest of the report."""
    return len(catalogue.roles) > 1 and len(catalogue.tasks) * len(catalogue.roles) <= FIRMNESS_LIMIT


# -- the arithmetic ------------------------------------------------------------------------------


def _questions(catalogue: Catalogue, answers: Answers, tasks_only: bool) -> list[_Question]:
    """Every question that may change, in question order, with its effect on each role's fit."""
    roles = catalogue.roles
    n = len(catalogue.tasks)
    profiles = [profile(r) for r in roles]
    out: list[_Question] = []
    for index, question in enumerate(question_ids(catalogue)):
        kind, _, key = question.partition(":")
        old = answers.value(question)
        assert old is not None  # the answers are complete
        if kind == "context":
            if tasks_only:
                continue
            q = catalogue.context_by_id[key]
            scale = CONTEXT_WEIGHT * 100 / len(catalogue.context)
            affinity = {c.id: tuple(scale * c.roles.get(r.id, 0.5) for r in roles) for c in q.choices}
            values: tuple[int | str, ...] = tuple(c.id for c in q.choices if c.id != old)
            out.append(_Question(index, question, old, values, affinity=affinity))
            continue
        if kind == "skill":
            coef = tuple(READINESS_WEIGHT * 100 / 4 * p.get(key, 0.0) for p in profiles)
            levels = range(len(SKILL_LEVELS))
        else:
            coef = tuple(INTEREST_WEIGHT * 100 / 16 * (3 * p.get(key, 0.0) - 1 / n) for p in profiles)
            levels = range(len(INTEREST_LEVELS))
        out.append(_Question(index, question, old, tuple(v for v in levels if v != old), coef=coef))
    return out


def _options(questions: list[_Question], t: int, rivals: Sequence[int], followed: Sequence[int]) -> list[_Option]:
    """Every single-answer change, in question order then value order, with its effect on the
    target's lead over each followed rival (positions in ``rivals``)."""
    who = [t] + [rivals[k] for k in followed]
    out: list[_Option] = []
    for q in questions:
        for value in q.values:
            d = q.deltas(value, who)
            out.append(_Option(q.index, q.question, q.old, value, tuple(d[0] - x for x in d[1:])))
    return out


def _plus_all(
    lead: Leads, chosen: Iterable[_Option], questions: list[_Question], t: int, rivals: Sequence[int]
) -> Leads:
    """The target's lead over every rival after the changes."""
    by_index = {q.index: q for q in questions}
    out = list(lead)
    for o in chosen:
        d = by_index[o.index].deltas(o.new, [t, *rivals])
        out = [x + d[0] - y for x, y in zip(out, d[1:], strict=True)]
    return tuple(out)


def _plus(lead: Leads, *options: _Option) -> Leads:
    for o in options:
        lead = tuple([a + b for a, b in zip(lead, o.gain, strict=True)])
    return lead


def _minus(lead: Leads, *options: _Option) -> Leads:
    for o in options:
        lead = tuple([a - b for a, b in zip(lead, o.gain, strict=True)])
    return lead


def _wins(lead: Leads) -> bool:
    return min(lead) > _TOLERANCE


def _key(lead: Leads) -> tuple[float, ...]:
    """Leximin: the smallest lead first, then the next, so ties at the bottom are still told apart."""
    return tuple(sorted(lead))


def _key_with(lead: Leads, option: _Option) -> tuple[float, ...]:
    """``_key(_plus(lead, option))``, the hot path of every search."""
    gain = option.gain
    if len(lead) == 1:
        return (lead[0] + gain[0],)
    if len(lead) == 2:  # no list, no sort
        a, b = lead[0] + gain[0], lead[1] + gain[1]
        return (a, b) if a <= b else (b, a)
    return tuple(sorted([a + b for a, b in zip(lead, gain, strict=True)]))


def _apply(answers: Answers, options: Iterable[_Option]) -> Answers:
    for o in options:
        answers = answers.with_answer(o.question, o.new)
    return answers


# -- the search ----------------------------------------------------------------------------------


def _search_all(
    lead: Leads, questions: list[_Question], t: int, rivals: Sequence[int]
) -> tuple[list[_Option], list[int]] | None:
    """Changes that put the target above every rival, and the rivals followed to find them: the
    search runs against the rivals at or above the target, then again with any that the changes
    found would let overtake, until none would."""
    followed = [k for k, x in enumerate(lead) if x <= _TOLERANCE]
    while True:
        options = _options(questions, t, rivals, followed)
        chosen = _search(tuple(lead[k] for k in followed), options)
        if chosen is None:
            return None
        after = _plus_all(lead, chosen, questions, t, rivals)
        taken = set(followed)
        overtaking = [k for k, x in enumerate(after) if x <= _TOLERANCE and k not in taken]
        if not overtaking:
            return chosen, followed
        followed = sorted(followed + overtaking)


def _search(lead: Leads, options: list[_Option]) -> list[_Option] | None:
    """The greedy pass's changes, trimmed, replaced by a winning pair if there is one, and tuned;
    None if the greedy pass finds none."""
    options = _useful(options)
    found = _greedy(lead, options, set())
    if found is None:
        return None
    found = _trim(lead, sorted(found, key=lambda o: o.index), options)
    if len(found) > 2:  # make sure: is there a winning pair after all?
        pair = _winning_pair(lead, options)
        if pair:
            found = list(pair)
    return _tune(lead, found, options)


def _winning_pair(lead: Leads, options: list[_Option]) -> tuple[_Option, ...]:
    """The two changes (of different questions) leaving the widest winning lead; empty if none wins.

    Partners are tried best first against the rival furthest ahead, stopping where they can no
    longer close the gap to it, so this is quick when (as is usual) few pairs come near."""
    r = lead.index(min(lead))
    position = {id(o): k for k, o in enumerate(options)}
    partners = sorted(options, key=lambda o: -o.gain[r])
    best: tuple[_Option, ...] = ()
    best_rank: tuple[tuple[float, ...], int, int] = ((), 0, 0)
    for a in options:
        partial = _plus(lead, a)
        for b in partners:
            if partial[r] + b.gain[r] <= _TOLERANCE:
                break
            if b.index == a.index or not all(x + g > _TOLERANCE for x, g in zip(partial, b.gain, strict=True)):
                continue
            first, second = sorted((position[id(a)], position[id(b)]))
            rank = (_key_with(partial, b), -first, -second)
            if not best or rank > best_rank:
                best, best_rank = (options[first], options[second]), rank
    return best


def _useful(options: list[_Option]) -> list[_Option]:
    """The options worth considering, in order: each helps against some rival, and no other change
    of the same question does at least as well against every rival (of equals, the first is kept)."""
    out: list[_Option] = []
    for _, group in groupby(options, key=lambda o: o.index):
        same = list(group)
        for k, o in enumerate(same):
            if not any(round(g, _PLACES) > 0 for g in o.gain):
                continue
            if any(
                m != k and _dominates(p.gain, o.gain) and (m < k or not _dominates(o.gain, p.gain))
                for m, p in enumerate(same)
            ):
                continue
            out.append(o)
    return out


def _dominates(a: Leads, b: Leads) -> bool:
    return all(round(x - y, _PLACES) >= 0 for x, y in zip(a, b, strict=True))


def _greedy(lead: Leads, options: list[_Option], used: set[int]) -> list[_Option] | None:
    """Take the change that most raises the leads (leximin) until the target wins; None if stuck."""
    chosen: list[_Option] = []
    used = set(used)
    current = lead
    while not _wins(current):
        best_key = _key(current)
        step: tuple[_Option, ...] = ()
        for o in options:
            if o.index not in used:
                key = _key_with(current, o)
                if key > best_key:
                    step, best_key = (o,), key
        if not step:
            step = _pair(current, options, used)
            if not step:
                return None
        for o in step:
            chosen.append(o)
            used.add(o.index)
        current = _plus(current, *step)
    return chosen


def _pair(lead: Leads, options: list[_Option], used: set[int]) -> tuple[_Option, ...]:
    """Two changes that together raise the leads when no single one does (each helps against a
    different rival); empty if none among the best few against each of the closest rivals."""
    free = [o for o in options if o.index not in used]
    pool: list[_Option] = []
    for j in sorted(range(len(lead)), key=lambda j: (lead[j], j))[:_PAIR_RIVALS]:
        ranked = sorted(free, key=lambda o: (-round(o.gain[j], _PLACES), o.index))
        pool += [o for o in ranked[:_PAIR_POOL] if o not in pool]
    position = {id(o): k for k, o in enumerate(options)}
    pool.sort(key=lambda o: position[id(o)])
    best_key = _key(lead)
    best: tuple[_Option, ...] = ()
    for a, b in combinations(pool, 2):
        if a.index != b.index:
            key = _key(_plus(lead, a, b))
            if key > best_key:
                best, best_key = (a, b), key
    return best


def _drop_unneeded(lead: Leads, chosen: list[_Option]) -> list[_Option]:
    """Drop, one at a time, the change whose removal leaves the largest winning lead, while any can go."""
    chosen = list(chosen)
    while True:
        total = _plus(lead, *chosen)
        drops = [(k, rest) for k, o in enumerate(chosen) if _wins(rest := _minus(total, o))]
        if not drops:
            return chosen
        k, _ = max(drops, key=lambda d: (_key(d[1]), -d[0]))
        del chosen[k]


def _trim(lead: Leads, chosen: list[_Option], options: list[_Option]) -> list[_Option]:
    """Fewer changes where possible: drop one no longer needed, or replace two by one."""
    chosen = _drop_unneeded(lead, chosen)
    while len(chosen) <= _SWAP_LIMIT:
        swap = _two_for_one(_plus(lead, *chosen), chosen, options)
        if swap is None:
            break
        i, j, new = swap
        chosen = _drop_unneeded(
            lead, sorted([o for k, o in enumerate(chosen) if k not in (i, j)] + [new], key=lambda o: o.index)
        )
    return chosen


def _two_for_one(total: Leads, chosen: list[_Option], options: list[_Option]) -> tuple[int, int, _Option] | None:
    """Two of the changes and one change to make instead, leaving the widest winning lead; None if none."""
    cap = [max((o.gain[r] for o in options), default=0.0) for r in range(len(total))]
    best: tuple[int, int, _Option] | None = None
    best_key: tuple[float, ...] = ()
    for i, j in combinations(range(len(chosen)), 2):
        rest = _minus(total, chosen[i], chosen[j])
        if any(x + c <= _TOLERANCE for x, c in zip(rest, cap, strict=True)):
            continue  # no single change could make up the difference
        taken = {o.index for k, o in enumerate(chosen) if k not in (i, j)}
        for o in options:
            if o.index in taken:
                continue
            if not all(a + b > _TOLERANCE for a, b in zip(rest, o.gain, strict=True)):
                continue
            key = _key_with(rest, o)
            if best is None or key > best_key:
                best, best_key = (i, j, o), key
    return best


def _tune(lead: Leads, chosen: list[_Option], options: list[_Option]) -> list[_Option]:
    """The same number of changes, each swapped for another (on a free question) while that widens
    the final lead."""
    chosen = list(chosen)
    for _ in range(3):
        improved = False
        for k in range(len(chosen)):
            rest = _minus(_plus(lead, *chosen), chosen[k])
            taken = {o.index for i, o in enumerate(chosen) if i != k}
            best, best_key = chosen[k], _key_with(rest, chosen[k])
            for o in options:
                if o.index not in taken:
                    key = _key_with(rest, o)
                    if key > best_key:
                        best, best_key = o, key
            if best is not chosen[k]:
                chosen[k] = best
                improved = True
        if not improved:
            break
    return chosen


def _in_order(
    lead: Leads,
    chosen: list[_Option],
    questions: list[_Question],
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
        o = max(left, key=lambda c: (_key_with(current, c), -c.index))
        left.remove(o)
        current = _plus(current, o)
        after = _plus_all(full, [o], questions, t, rivals)
        out.append(Change(o.question, o.old, o.new, min(after) - min(full)))
        full = after
    return tuple(out)


__all__ = ["FIRMNESS_LIMIT", "FIRM_CHANGES", "Change", "Flip", "describe", "firmness_applies", "flip"]
