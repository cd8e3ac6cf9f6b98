"""What would change the result: the fewest answer changes that would put another role first.

A result is only as firm as the answers behind it. :func:`flip` finds a small
set of single-answer changes (each question changed at most once, to any value
it allows) after which a chosen role, by default the runner-up, scores strictly
above every other role; :func:`describe` says it in one line.

Every answer enters every fit linearly (see :mod:`rolefit.scoring`), so changing
one answer moves each role's fit by a known amount: the answer's coefficient for
that role times the change in value, or for a context answer the weighted
difference between the two choices' affinities. The search works with those
amounts only, never re-scoring per candidate, and checks the changes it settles
on with :func:`~rolefit.scoring.score`.

The search. The target's *lead* over each other role is its fit minus that
role's; the target is top when the smallest lead is positive. A greedy pass
repeatedly takes the change that most raises the smallest lead (then the next
smallest, and so on), so a change that would lift a third role above the target
is judged by that; when no single change helps, it looks for a helpful pair.
Weighted passes rank each question's best change by a fixed mix of the leads and
take the fewest that suffice. The shortest outcome is then trimmed (a change
that is no longer needed is dropped, two changes are replaced by one where that
is enough) and its values tuned for the largest final lead. Ties go to the
earlier question (in the order the quiz asks them) and the lower value.

Against a single rival (two roles, or a third that never comes within reach)
the greedy pass alone is exact. With several rivals in play the search is a
heuristic, but an exhaustive check of pairs makes it exact whenever one or two
changes suffice; on the built-in catalogue an exhaustive search found no case
it could shorten. ``None`` means no change the search could find puts the
target first; for a role that can never come first (for example one whose
profile is the average of two others'), that is always the answer.

Cost: the greedy pass is linear in (questions x values x roles) per change
taken, and so are trimming and tuning; well under 50 ms for the built-in
catalogue.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations, groupby

from rolefit.model.answers import INTEREST_LEVELS, SKILL_LEVELS, Answers, complete, question_ids
from rolefit.model.catalogue import Catalogue
from rolefit.scoring.fit import CONTEXT_WEIGHT, INTEREST_WEIGHT, READINESS_WEIGHT, FitResult, profile, score

#: More changes than this and :func:`describe` just says the result is firm.
FIRM_CHANGES = 5
#: Decimal places that count: :func:`~rolefit.scoring.score` ranks fits rounded to these.
_PLACES = 9
#: The lead the target needs to count as strictly first (score() then ranks it first).
_TOLERANCE = 10.0**-_PLACES
#: Weighted passes mix two rivals' leads in these proportions (0 and 1 are each rival alone).
_MIXES = (0.0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1.0)
#: When no single change helps, pairs are sought among this many best changes against each rival.
_PAIR_POOL = 8
#: Trying to replace two changes by one is quadratic in the changes; beyond this many, skip it.
_SWAP_LIMIT = 10
#: How many of the shortest sets found are trimmed and tuned.
_REFINE = 3


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
class _Option:
    """A candidate change and what it does to the target's lead over each rival."""

    index: int  # the question's position in question_ids order
    question: str
    old: int | str
    new: int | str
    gain: tuple[float, ...]


Leads = tuple[float, ...]


def flip(catalogue: Catalogue, answers: Answers, target: str | None = None, *, tasks_only: bool = False) -> Flip | None:
    """The fewest answer changes after which ``target`` scores strictly above every other role.

    ``target`` is a role id (or name, as :meth:`Catalogue.find_role` reads it;
    an unknown one raises :class:`~rolefit.errors.UnknownRoleError`); by default
    the current runner-up. Missing answers count as their defaults, as in
    :func:`~rolefit.scoring.score`. If the target is already strictly top, the
    result has no changes (it is not an error). ``None`` when the catalogue has
    a single role, or when no set of changes puts the target first.
    ``tasks_only`` leaves the context answers as they are: only skill and
    interest answers may change.
    """
    if len(catalogue.roles) < 2:
        return None
    answers = complete(answers, catalogue)
    before = score(catalogue, answers)
    target_id = before.fits[1].role.id if target is None else catalogue.find_role(target).id
    lead = _leads(catalogue, before, target_id)
    start = min(lead)
    if _wins(lead):
        return Flip(target_id, (), start, start)
    options = _options(catalogue, answers, target_id)
    if tasks_only:
        options = [o for o in options if not o.question.startswith("context:")]
    best = _search(lead, options)
    if best is None:
        return None
    chosen = list(best)
    while True:  # the arithmetic is exact, so this passes first time; score() has the last word
        after = score(catalogue, _apply(answers, chosen))
        if after.top.role.id == target_id and after.margin > 0:
            break
        more = _greedy(_leads(catalogue, after, target_id), options, {o.index for o in chosen})
        if not more:
            return None
        chosen += more
    changes = _in_order(lead, chosen)
    return Flip(target_id, changes, start, after.margin)


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


# -- the arithmetic ------------------------------------------------------------------------------


def _leads(catalogue: Catalogue, result: FitResult, target: str) -> Leads:
    """The target's fit minus each other role's, the others in catalogue order."""
    fits = {f.role.id: f.score for f in result.fits}
    return tuple(fits[target] - fits[r.id] for r in catalogue.roles if r.id != target)


def _options(catalogue: Catalogue, answers: Answers, target: str) -> list[_Option]:
    """Every single-answer change, in question order then value order, with its effect on the leads."""
    roles = catalogue.roles
    t = next(k for k, r in enumerate(roles) if r.id == target)
    n = len(catalogue.tasks)
    profiles = [profile(r) for r in roles]
    out: list[_Option] = []
    for index, question in enumerate(question_ids(catalogue)):
        kind, _, key = question.partition(":")
        old = answers.value(question)
        assert old is not None  # the answers are complete
        if kind == "context":
            q = catalogue.context_by_id[key]
            scale = CONTEXT_WEIGHT * 100 / len(catalogue.context)
            affinity = {c.id: [c.roles.get(r.id, 0.5) for r in roles] for c in q.choices}
            for choice in q.choices:
                if choice.id != old:
                    delta = [scale * (a - b) for a, b in zip(affinity[choice.id], affinity[str(old)], strict=True)]
                    out.append(_Option(index, question, old, choice.id, _relative(delta, t)))
            continue
        if kind == "skill":
            coef = [READINESS_WEIGHT * 100 / 4 * p.get(key, 0.0) for p in profiles]
            levels = range(len(SKILL_LEVELS))
        else:
            coef = [INTEREST_WEIGHT * 100 / 16 * (3 * p.get(key, 0.0) - 1 / n) for p in profiles]
            levels = range(len(INTEREST_LEVELS))
        for value in levels:
            if value != old:
                step = value - int(old)
                out.append(_Option(index, question, old, value, _relative([c * step for c in coef], t)))
    return out


def _relative(delta: Sequence[float], t: int) -> tuple[float, ...]:
    """A change to each role's fit as a change to the target's lead over each other role."""
    return tuple(delta[t] - d for k, d in enumerate(delta) if k != t)


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
    if len(lead) == 2:  # three roles, as the built-in catalogue has: no list, no sort
        a, b = lead[0] + gain[0], lead[1] + gain[1]
        return (a, b) if a <= b else (b, a)
    return tuple(sorted([a + b for a, b in zip(lead, gain, strict=True)]))


def _apply(answers: Answers, options: Iterable[_Option]) -> Answers:
    for o in options:
        answers = answers.with_answer(o.question, o.new)
    return answers


# -- the search ----------------------------------------------------------------------------------


def _search(lead: Leads, options: list[_Option]) -> list[_Option] | None:
    """The shortest set of changes any pass finds, trimmed and tuned; None if none wins."""
    options = _useful(options)
    found: list[list[_Option]] = []
    for f in [_greedy(lead, options, set())] + [_weighted(lead, options, w) for w in _weightings(len(lead))]:
        if f is not None:
            f = _drop_unneeded(lead, sorted(f, key=lambda o: o.index))
            if f not in found:
                found.append(f)
    if not found:
        return None
    found.sort(key=lambda f: (len(f), _negated(_key(_plus(lead, *f)))))
    results = [_tune(lead, _trim(lead, f, options), options) for f in found[:_REFINE]]
    best = min(results, key=lambda r: (len(r), _negated(_key(_plus(lead, *r)))))
    if len(best) > 2:  # make sure: is there a winning pair after all?
        pair = _winning_pair(lead, options)
        if pair:
            best = _tune(lead, list(pair), options)
    return best


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


def _negated(key: tuple[float, ...]) -> tuple[float, ...]:
    return tuple(-x for x in key)


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
    different rival); empty if none among the best few against each rival."""
    free = [o for o in options if o.index not in used]
    pool: list[_Option] = []
    for j in range(len(lead)):
        ranked = sorted(free, key=lambda o: (-round(o.gain[j], _PLACES), o.index))
        pool += [o for o in ranked[:_PAIR_POOL] if o not in pool]
    pool.sort(key=lambda o: (o.index, options.index(o)))
    best_key = _key(lead)
    best: tuple[_Option, ...] = ()
    for a, b in combinations(pool, 2):
        if a.index != b.index:
            key = _key(_plus(lead, a, b))
            if key > best_key:
                best, best_key = (a, b), key
    return best


def _weightings(rivals: int) -> list[tuple[float, ...]]:
    """Mixes of the rivals' leads: each pair of rivals in several proportions, and all equally."""
    if rivals == 1:
        return [(1.0,)]
    out: list[tuple[float, ...]] = []
    for i, j in combinations(range(rivals), 2):
        for m in _MIXES:
            w = [0.0] * rivals
            w[i], w[j] = 1 - m, m
            if tuple(w) not in out:
                out.append(tuple(w))
    equal = tuple([1 / rivals] * rivals)
    if equal not in out:
        out.append(equal)
    return out


def _weighted(lead: Leads, options: list[_Option], weights: tuple[float, ...]) -> list[_Option] | None:
    """Each question's best change for a fixed mix of the leads, best first, as few as win; None if
    they never do."""
    best: dict[int, tuple[float, _Option]] = {}
    for o in options:
        value = round(sum(w * g for w, g in zip(weights, o.gain, strict=True)), _PLACES)
        if value > 0 and (o.index not in best or value > best[o.index][0]):
            best[o.index] = (value, o)
    ranked = sorted(best.values(), key=lambda vo: (-vo[0], vo[1].index))
    chosen: list[_Option] = []
    current = lead
    for _, o in ranked:
        chosen.append(o)
        current = _plus(current, o)
        if _wins(current):
            return chosen
    return None


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


def _in_order(lead: Leads, chosen: list[_Option]) -> tuple[Change, ...]:
    """The changes, each time the one that then raises the target's smallest lead most, with that gain."""
    left = sorted(chosen, key=lambda o: o.index)
    current = lead
    out: list[Change] = []
    while left:
        o = max(left, key=lambda c: (_key_with(current, c), -c.index))
        left.remove(o)
        after = _plus(current, o)
        out.append(Change(o.question, o.old, o.new, min(after) - min(current)))
        current = after
    return tuple(out)


__all__ = ["FIRM_CHANGES", "Change", "Flip", "describe", "flip"]


#: "How firm" searches every answer change against every role; past this many (tasks x roles)
#: the search would take longer than the rest of the report, and the line is left out.
FIRMNESS_LIMIT = 100_000


def firmness_applies(catalogue: Catalogue) -> bool:
    return len(catalogue.roles) > 1 and len(catalogue.tasks) * len(catalogue.roles) <= FIRMNESS_LIMIT
