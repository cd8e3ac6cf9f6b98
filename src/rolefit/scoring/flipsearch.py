"""The search behind "how firm": the arithmetic of answer changes, and the greedy search over them.

Leads, options and the passes of the search are described in :mod:`rolefit.scoring.firmness`.
Every function here is pure; leads and gains are tuples over the rivals followed, in catalogue
order.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations, groupby

from rolefit.scoring.flipeffects import Budget, Effects, Leads, Option, options_for, plus_all

#: Decimal places that count: :func:`~rolefit.scoring.fit.score` ranks fits rounded to these.
_PLACES = 9
#: The lead the target needs to count as strictly first (score() then ranks it first).
TOLERANCE = 10.0**-_PLACES
#: When no single change helps, pairs are sought among this many best changes against each of
#: the _PAIR_RIVALS closest rivals.
_PAIR_POOL = 8
_PAIR_RIVALS = 4
#: Trying to replace two changes by one is quadratic in the changes; beyond this many, skip it.
_SWAP_LIMIT = 10


def plus(lead: Leads, *options: Option) -> Leads:
    for o in options:
        lead = tuple([a + b for a, b in zip(lead, o.gain, strict=True)])
    return lead


def _minus(lead: Leads, *options: Option) -> Leads:
    for o in options:
        lead = tuple([a - b for a, b in zip(lead, o.gain, strict=True)])
    return lead


def wins(lead: Leads) -> bool:
    return min(lead) > TOLERANCE


def _key(lead: Leads) -> tuple[float, ...]:
    """Leximin: the smallest lead first, then the next, so ties at the bottom are still told apart."""
    return tuple(sorted(lead))


def key_with(lead: Leads, option: Option) -> tuple[float, ...]:
    """``_key(plus(lead, option))``, the hot path of every search."""
    gain = option.gain
    if len(lead) == 1:
        return (lead[0] + gain[0],)
    if len(lead) == 2:  # no list, no sort
        a, b = lead[0] + gain[0], lead[1] + gain[1]
        return (a, b) if a <= b else (b, a)
    return tuple(sorted([a + b for a, b in zip(lead, gain, strict=True)]))


# -- the search ----------------------------------------------------------------------------------


def search_all(
    lead: Leads, effects: Effects, t: int, rivals: Sequence[int], budget: Budget
) -> tuple[list[Option], list[int]] | None:
    """Changes that put the target above every rival, and the rivals followed to find them: the
    search runs against the rivals at or above the target, then again with any that the changes
    found would let overtake, until none would."""
    followed = [k for k, x in enumerate(lead) if x <= TOLERANCE]
    while True:
        options = options_for(effects, t, rivals, followed, budget)
        chosen = _search(tuple(lead[k] for k in followed), options, budget)
        if chosen is None:
            return None
        budget.spend(len(chosen) * len(rivals))
        after = plus_all(lead, chosen, t, rivals)
        taken = set(followed)
        overtaking = [k for k, x in enumerate(after) if x <= TOLERANCE and k not in taken]
        if not overtaking:
            return chosen, followed
        followed = sorted(followed + overtaking)


def _search(lead: Leads, options: list[Option], budget: Budget) -> list[Option] | None:
    """The greedy pass's changes, trimmed, replaced by a winning pair if there is one, and tuned;
    None if neither the greedy pass nor the pair check finds any.

    The pair check runs whenever the greedy pass ends with more than two changes or none: it can
    get stuck (its first step, the best single change, may leave no way on) where a pair of
    changes, neither the best alone, wins."""
    budget.spend(len(options) * 4 * len(lead))  # each against the other values of its question
    options = _useful(options)
    found = greedy(lead, options, set(), budget)
    if found is not None:
        found = _trim(lead, sorted(found, key=lambda o: o.index), options, budget)
    if found is None or len(found) > 2:  # make sure: is there a winning pair after all?
        pair = _winning_pair(lead, options, budget)
        if pair:
            found = list(pair)
    if found is None:
        return None
    return _tune(lead, found, options, budget)


def _winning_pair(lead: Leads, options: list[Option], budget: Budget) -> tuple[Option, ...]:
    """The two changes (of different questions) leaving the widest winning lead; empty if none wins.

    Partners are tried best first against the rival furthest ahead, stopping where they can no
    longer close the gap to it, so this is quick when (as is usual) few pairs come near."""
    r = lead.index(min(lead))
    position = {id(o): k for k, o in enumerate(options)}
    partners = sorted(options, key=lambda o: -o.gain[r])
    best: tuple[Option, ...] = ()
    best_rank: tuple[tuple[float, ...], int, int] = ((), 0, 0)
    for a in options:
        partial = plus(lead, a)
        tried = 0
        for b in partners:
            tried += 1
            if partial[r] + b.gain[r] <= TOLERANCE:
                break
            if b.index == a.index or not all(x + g > TOLERANCE for x, g in zip(partial, b.gain, strict=True)):
                continue
            first, second = sorted((position[id(a)], position[id(b)]))
            rank = (key_with(partial, b), -first, -second)
            if not best or rank > best_rank:
                best, best_rank = (options[first], options[second]), rank
        budget.spend(tried * len(lead))
    return best


def _useful(options: list[Option]) -> list[Option]:
    """The options worth considering, in order: each helps against some rival, and no other change
    of the same question does at least as well against every rival (of equals, the first is kept)."""
    out: list[Option] = []
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


def greedy(lead: Leads, options: list[Option], used: set[int], budget: Budget) -> list[Option] | None:
    """Take the change that most raises the leads (leximin) until the target wins; None if stuck."""
    chosen: list[Option] = []
    used = set(used)
    current = lead
    while not wins(current):
        budget.spend(len(options) * len(lead))
        best_key = _key(current)
        step: tuple[Option, ...] = ()
        for o in options:
            if o.index not in used:
                key = key_with(current, o)
                if key > best_key:
                    step, best_key = (o,), key
        if not step:
            step = _pair(current, options, used, budget)
            if not step:
                return None
        for o in step:
            chosen.append(o)
            used.add(o.index)
        current = plus(current, *step)
    return chosen


def _pair(lead: Leads, options: list[Option], used: set[int], budget: Budget) -> tuple[Option, ...]:
    """Two changes that together raise the leads when no single one does (each helps against a
    different rival); empty if none among the best few against each of the closest rivals."""
    free = [o for o in options if o.index not in used]
    budget.spend(len(free) * min(len(lead), _PAIR_RIVALS) * 8 + (_PAIR_POOL * _PAIR_RIVALS) ** 2 * len(lead))
    pool: list[Option] = []
    for j in sorted(range(len(lead)), key=lambda j: (lead[j], j))[:_PAIR_RIVALS]:
        ranked = sorted(free, key=lambda o: (-round(o.gain[j], _PLACES), o.index))
        pool += [o for o in ranked[:_PAIR_POOL] if o not in pool]
    position = {id(o): k for k, o in enumerate(options)}
    pool.sort(key=lambda o: position[id(o)])
    best_key = _key(lead)
    best: tuple[Option, ...] = ()
    for a, b in combinations(pool, 2):
        if a.index != b.index:
            key = _key(plus(lead, a, b))
            if key > best_key:
                best, best_key = (a, b), key
    return best


def _drop_unneeded(lead: Leads, chosen: list[Option]) -> list[Option]:
    """Drop, one at a time, the change whose removal leaves the largest winning lead, while any can go."""
    chosen = list(chosen)
    while True:
        total = plus(lead, *chosen)
        drops = [(k, rest) for k, o in enumerate(chosen) if wins(rest := _minus(total, o))]
        if not drops:
            return chosen
        k, _ = max(drops, key=lambda d: (_key(d[1]), -d[0]))
        del chosen[k]


def _trim(lead: Leads, chosen: list[Option], options: list[Option], budget: Budget) -> list[Option]:
    """Fewer changes where possible: drop one no longer needed, or replace two by one."""
    budget.spend(len(chosen) ** 3 * len(lead))
    chosen = _drop_unneeded(lead, chosen)
    while len(chosen) <= _SWAP_LIMIT:
        budget.spend((len(chosen) ** 2 // 2 + 1) * len(options) * len(lead))
        swap = _two_for_one(plus(lead, *chosen), chosen, options)
        if swap is None:
            break
        i, j, new = swap
        chosen = _drop_unneeded(
            lead, sorted([o for k, o in enumerate(chosen) if k not in (i, j)] + [new], key=lambda o: o.index)
        )
    return chosen


def _two_for_one(total: Leads, chosen: list[Option], options: list[Option]) -> tuple[int, int, Option] | None:
    """Two of the changes and one change to make instead, leaving the widest winning lead; None if none."""
    cap = [max((o.gain[r] for o in options), default=0.0) for r in range(len(total))]
    best: tuple[int, int, Option] | None = None
    best_key: tuple[float, ...] = ()
    for i, j in combinations(range(len(chosen)), 2):
        rest = _minus(total, chosen[i], chosen[j])
        if any(x + c <= TOLERANCE for x, c in zip(rest, cap, strict=True)):
            continue  # no single change could make up the difference
        taken = {o.index for k, o in enumerate(chosen) if k not in (i, j)}
        for o in options:
            if o.index in taken:
                continue
            if not all(a + b > TOLERANCE for a, b in zip(rest, o.gain, strict=True)):
                continue
            key = key_with(rest, o)
            if best is None or key > best_key:
                best, best_key = (i, j, o), key
    return best


def _tune(lead: Leads, chosen: list[Option], options: list[Option], budget: Budget) -> list[Option]:
    """The same number of changes, each swapped for another (on a free question) while that widens
    the final lead."""
    chosen = list(chosen)
    for _ in range(3):
        improved = False
        budget.spend(len(chosen) * len(options) * len(lead))
        for k in range(len(chosen)):
            rest = _minus(plus(lead, *chosen), chosen[k])
            taken = {o.index for i, o in enumerate(chosen) if i != k}
            best, best_key = chosen[k], key_with(rest, chosen[k])
            for o in options:
                if o.index not in taken:
                    key = key_with(rest, o)
                    if key > best_key:
                        best, best_key = o, key
            if best is not chosen[k]:
                chosen[k] = best
                improved = True
        if not improved:
            break
    return chosen
