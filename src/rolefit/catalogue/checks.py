"""Checks a catalogue's schema cannot make: unique ids, known references, across both files.

They read the parsed files, not the validated ones, so that they still run when the schema
found problems too: every entry well-formed enough to be named (a mapping whose id is an id)
is checked, and every problem is given with the path to its place in the file. A reference into
a list that is not there at all (a file that did not parse, ``tasks:`` that is not a list) is
not checked: that list's own problem is the one to report.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from rolefit.errors import did_you_mean
from rolefit.model.catalogue import ID_PATTERN

Loc = tuple[int | str, ...]

_ID = re.compile(ID_PATTERN)


class Found(NamedTuple):
    """A problem at ``loc`` (keys and list indexes), said as ``key: message``."""

    loc: Loc
    key: str
    message: str


def _id(value: object) -> str | None:
    """``value`` as an id, as the schema reads it (stripped), or None when it is not one."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value if len(value) <= 64 and _ID.match(value) else None


def _label(entry: dict[Any, Any], index: int, field: str = "id") -> str:
    name = entry.get(field)
    return name.strip() if isinstance(name, str) else f"#{index + 1}"


def _entries(data: object, field: str) -> list[tuple[int, dict[Any, Any]]] | None:
    """The mappings in the list ``data[field]``, with their indexes; None when there is no such list."""
    items = data.get(field) if isinstance(data, dict) else None
    if not isinstance(items, list):
        return None
    return [(i, x) for i, x in enumerate(items) if isinstance(x, dict)]


def _ids(entries: list[tuple[int, dict[Any, Any]]] | None, field: str = "id") -> set[str] | None:
    if entries is None:
        return None
    return {i for i in (_id(x.get(field)) for _, x in entries) if i is not None}


def _meant(entries: list[tuple[int, dict[Any, Any]]] | None) -> set[str]:
    """The ids that entries whose id is no id ("ML_Scientist", which the schema names) were meant to
    have ("ml-scientist"): a reference to one is not also said to be unknown, once for each."""
    raw = [x.get("id") for _, x in entries or ()]
    return {re.sub(r"[\s_]+", "-", r.strip().lower()) for r in raw if isinstance(r, str) and _id(r) is None}


def _repeats(
    entries: list[tuple[int, dict[Any, Any]]], prefix: Loc, what: str, message: str, field: str = "id"
) -> Iterator[Found]:
    """Each entry whose id an earlier entry already has."""
    seen: set[str] = set()
    for i, x in entries:
        ident = _id(x.get(field))
        if ident is None:
            continue
        if ident in seen:
            yield Found((*prefix, i), f"{what}[{ident}]", message)
        seen.add(ident)


class _Unknown:
    """Messages for a reference to an id not in ``known``, each suggestion worked out once.

    Finding the closest id compares against every known one (a second per word in a catalogue
    of 20,000 tasks), and a renamed id is usually referred to from many places.
    """

    def __init__(self, kind: str, known: set[str], expected: str | None = None) -> None:
        self.kind, self.known = kind, known
        self.expected = expected or f"expected one of: {', '.join(sorted(known))}"
        self.said: dict[str, str] = {}

    def __call__(self, value: str) -> str:
        if value not in self.said:
            close = did_you_mean(value, self.known)
            self.said[value] = f"unknown {self.kind} '{value}'; {close}{self.expected}"
        return self.said[value]


def check_tasks(tasks: object) -> list[Found]:
    """Problems in tasks.yaml that its schema cannot see: duplicate ids, unknown groups and stages."""
    out: list[Found] = []
    stages, groups, entries = _entries(tasks, "stages"), _entries(tasks, "groups"), _entries(tasks, "tasks")
    for what, found in (("stages", stages), ("groups", groups), ("tasks", entries)):
        if found is not None:
            out += _repeats(found, (what,), what, "duplicate id; ids must be unique")
    stage_ids, group_ids = _ids(stages), _ids(groups)
    unknown_group, unknown_stage = _Unknown("group", group_ids or set()), _Unknown("stage", stage_ids or set())
    for i, t in entries or ():
        label = _label(t, i)
        for field, known, unknown in (("group", group_ids, unknown_group), ("stage", stage_ids, unknown_stage)):
            value = _id(t.get(field))
            if known is not None and value is not None and value not in known:
                out.append(Found(("tasks", i, field), f"tasks[{label}].{field}", unknown(value)))
    return out


def check_roles(tasks: object, roles: object, tasks_name: str) -> list[Found]:
    """Problems within roles.yaml and between it and tasks.yaml (``tasks`` is None if it did not parse)."""
    out: list[Found] = []
    task_ids = _ids(_entries(tasks, "tasks"))
    unknown_task = _Unknown("task id", task_ids or set(), f"expected an id from {tasks_name}")
    if task_ids is not None:  # (a reference to a task whose id is no id is not also unknown)
        task_ids = task_ids | _meant(_entries(tasks, "tasks"))
    role_entries = _entries(roles, "roles")
    if role_entries is not None:
        out += _repeats(role_entries, ("roles",), "roles", "duplicate id; ids must be unique")
    role_ids = _ids(role_entries)
    unknown_role = _Unknown("role id", role_ids or set())
    meant_roles = _meant(role_entries)
    for i, r in role_entries or ():
        name = _label(r, i)
        listed = _entries(r, "tasks") or []
        out += _repeats(listed, ("roles", i, "tasks"), f"roles[{name}].tasks", "task listed twice", field="task")
        for j, rt in listed:
            tid = _id(rt.get("task"))
            if task_ids is not None and tid is not None and tid not in task_ids:
                message = unknown_task(tid)
                out.append(Found(("roles", i, "tasks", j, "task"), f"roles[{name}].tasks[{tid}]", message))
        for k, phase in _entries(r, "evolution") or ():
            named = phase.get("tasks")
            for m, value in enumerate(named if isinstance(named, list) else ()):
                tid = _id(value)
                if task_ids is not None and tid is not None and tid not in task_ids:
                    message = unknown_task(tid)
                    key = f"roles[{name}].evolution[{k + 1}].tasks"
                    out.append(Found(("roles", i, "evolution", k, "tasks", m), key, message))
    questions = _entries(roles, "context")
    if questions is not None:
        out += _repeats(questions, ("context",), "context", "duplicate id; ids must be unique")
    for q, question in questions or ():
        qname = _label(question, q)
        choices = _entries(question, "choices") or []
        out += _repeats(choices, ("context", q, "choices"), f"context[{qname}].choices", "duplicate choice id")
        for c, choice in choices:
            suits = choice.get("roles")
            for rid in suits if isinstance(suits, dict) else ():
                known = role_ids is None or not isinstance(rid, str) or rid.strip() in role_ids | meant_roles
                if not known:
                    message = unknown_role(rid.strip())
                    key = f"context[{qname}].choices[{_label(choice, c)}].roles"
                    out.append(Found(("context", q, "choices", c, "roles", rid), key, message))
        # (here, not in the schema: said with the other problems of the question, whatever they are)
        ids = [_id(choice.get("id")) for _, choice in choices]
        default = _id(question.get("default"))
        if ids and None not in ids and default is not None and default not in ids:
            message = f"expected one of the choices: {', '.join(i for i in ids if i)} (got '{default}')"
            out.append(Found(("context", q, "default"), f"context[{qname}].default", message))
    return out
