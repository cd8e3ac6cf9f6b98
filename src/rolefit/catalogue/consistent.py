"""Is a catalogue read back from the cache whole? Its types, ids and references, checked without pydantic.

A cache entry is keyed by the files' bytes, but the entry is a file in the user's cache folder like
any other: it may have been edited, truncated in a way that still parses, or written by a broken
build. :func:`consistent` says whether it holds what validated files always give, so that an entry
that does not is ignored and the files are validated again.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rolefit.model.catalogue import MAX_WEIGHT, MIN_WEIGHT, Catalogue


def _texts(*values: Any) -> bool:
    return all(type(v) is str for v in values)


def _unique(ids: Iterable[str]) -> set[str] | None:
    """The ids as a set, or None when one is repeated."""
    listed = list(ids)
    found = set(listed)
    return found if len(found) == len(listed) else None


def _tasks_ok(cat: Catalogue) -> set[str] | None:
    stages = _unique(s.id for s in cat.stages)
    groups = _unique(g.id for g in cat.groups)
    tasks = _unique(t.id for t in cat.tasks)
    if stages is None or groups is None or tasks is None or not _texts(cat.version):
        return None
    if not all(_texts(*vars(s).values()) for s in cat.stages) or not all(_texts(*vars(g).values()) for g in cat.groups):
        return None
    # (one pass of set building rather than a call per task: a cached catalogue of 20,000 tasks is
    # checked on every run)
    kinds = {type(v) for t in cat.tasks for v in (t.id, t.title, t.group, t.description, t.stage)}
    kinds |= {type(v) for t in cat.tasks for v in t.lexicon}
    if not kinds <= {str}:
        return None
    if not {t.group for t in cat.tasks} <= groups or not {t.stage for t in cat.tasks} <= stages:
        return None
    return tasks


def _roles_ok(cat: Catalogue, tasks: set[str]) -> set[str] | None:
    roles = _unique(r.id for r in cat.roles)
    if roles is None or not roles:
        return None
    for r in cat.roles:
        if not _texts(r.id, r.name, r.short, r.summary):
            return None
        listed = _unique(rt.task for rt in r.tasks)
        if listed is None or not listed <= tasks:
            return None
        if not {type(v) for rt in r.tasks for v in (rt.source, rt.note)} <= {str}:
            return None
        weights = [rt.weight for rt in r.tasks]
        # (a NaN fails both comparisons, an infinity the range)
        if not {type(w) for w in weights} <= {float} or not all(MIN_WEIGHT <= w <= MAX_WEIGHT for w in weights):
            return None
        if not all(_texts(o.kind, o.description) for o in r.organisations):
            return None
        for phase in r.evolution:
            if not _texts(phase.when, phase.description, *phase.tasks) or not set(phase.tasks) <= tasks:
                return None
    return roles


def _context_ok(cat: Catalogue, roles: set[str]) -> bool:
    if _unique(q.id for q in cat.context) is None:
        return False
    for q in cat.context:
        choices = _unique(c.id for c in q.choices)
        if choices is None or not _texts(q.id, q.title, q.default) or q.default not in choices:
            return False
        for c in q.choices:
            if not _texts(c.id, c.label) or not set(c.roles) <= roles:
                return False
            if not all(type(v) in (int, float) and 0 <= v <= 1 for v in c.roles.values()):
                return False
    return True


def consistent(cat: Catalogue) -> bool:
    """Whether every id is unique and text, every reference known, every weight in range."""
    try:
        tasks = _tasks_ok(cat)
        roles = _roles_ok(cat, tasks) if tasks is not None else None
        return roles is not None and _context_ok(cat, roles)
    except (TypeError, AttributeError):  # a field of the wrong kind altogether (a number for a list)
        return False
