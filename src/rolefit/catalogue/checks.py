"""Checks a catalogue's schema cannot make: unique ids, known references, across both files."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rolefit.errors import CatalogueError, did_you_mean

if TYPE_CHECKING:
    from rolefit.files.schemas import RoleFile, TaskFile


def _duplicates(ids: Iterable[str]) -> list[str]:
    return sorted(i for i, n in Counter(ids).items() if n > 1)


def check_tasks(tasks: TaskFile, tasks_name: str) -> list[CatalogueError]:
    """Problems in tasks.yaml that its schema cannot see: duplicate ids, unknown groups and stages."""
    out: list[CatalogueError] = []
    for what, ids in (
        ("stages", [s.id for s in tasks.stages]),
        ("groups", [g.id for g in tasks.groups]),
        ("tasks", [t.id for t in tasks.tasks]),
    ):
        for dup in _duplicates(ids):
            out.append(CatalogueError("duplicate id; ids must be unique", file=tasks_name, key=f"{what}[{dup}]"))
    stage_ids = {s.id for s in tasks.stages}
    group_ids = {g.id for g in tasks.groups}
    for t in tasks.tasks:
        if t.group not in group_ids:
            out.append(
                CatalogueError(
                    f"unknown group '{t.group}'; {did_you_mean(t.group, group_ids)}"
                    f"expected one of: {', '.join(sorted(group_ids))}",
                    file=tasks_name,
                    key=f"tasks[{t.id}].group",
                )
            )
        if t.stage not in stage_ids:
            out.append(
                CatalogueError(
                    f"unknown stage '{t.stage}'; {did_you_mean(t.stage, stage_ids)}"
                    f"expected one of: {', '.join(sorted(stage_ids))}",
                    file=tasks_name,
                    key=f"tasks[{t.id}].stage",
                )
            )
    return out


def check_roles(tasks: TaskFile, roles: RoleFile, tasks_name: str, roles_name: str) -> list[CatalogueError]:
    """Problems within roles.yaml and between it and tasks.yaml, in file order."""
    out: list[CatalogueError] = []
    task_ids = {t.id for t in tasks.tasks}
    for dup in _duplicates(r.id for r in roles.roles):
        out.append(CatalogueError("duplicate id; ids must be unique", file=roles_name, key=f"roles[{dup}]"))
    role_ids = {r.id for r in roles.roles}
    for r in roles.roles:
        for dup in _duplicates(rt.task for rt in r.tasks):
            out.append(CatalogueError("task listed twice", file=roles_name, key=f"roles[{r.id}].tasks[{dup}]"))
        for rt in r.tasks:
            if rt.task not in task_ids:
                out.append(
                    CatalogueError(
                        f"unknown task id '{rt.task}'; {did_you_mean(rt.task, task_ids)}"
                        f"expected an id from {tasks_name}",
                        file=roles_name,
                        key=f"roles[{r.id}].tasks[{rt.task}]",
                    )
                )
        for i, phase in enumerate(r.evolution):
            for tid in phase.tasks:
                if tid not in task_ids:
                    out.append(
                        CatalogueError(
                            f"unknown task id '{tid}'; {did_you_mean(tid, task_ids)}expected an id from {tasks_name}",
                            file=roles_name,
                            key=f"roles[{r.id}].evolution[{i + 1}].tasks",
                        )
                    )
    for dup in _duplicates(q.id for q in roles.context):
        out.append(CatalogueError("duplicate id; ids must be unique", file=roles_name, key=f"context[{dup}]"))
    for q in roles.context:
        for dup in _duplicates(c.id for c in q.choices):
            out.append(CatalogueError("duplicate choice id", file=roles_name, key=f"context[{q.id}].choices[{dup}]"))
        for c in q.choices:
            for rid in c.roles:
                if rid not in role_ids:
                    out.append(
                        CatalogueError(
                            f"unknown role id '{rid}'; {did_you_mean(rid, role_ids)}"
                            f"expected one of: {', '.join(sorted(role_ids))}",
                            file=roles_name,
                            key=f"context[{q.id}].choices[{c.id}].roles",
                        )
                    )
    return out
