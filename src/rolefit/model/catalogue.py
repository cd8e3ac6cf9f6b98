"""The data model rolefit works with: plain, frozen dataclasses.

Files are validated by the pydantic models in :mod:`rolefit.files.schemas` (with
located errors and a JSON Schema); what passes is turned into these, which
are cheap to build again from the catalogue cache, and carry no file format with them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from rolefit.errors import UnknownRoleError, did_you_mean

#: Named task weights. A role's weight for a task is a number from
#: ``MIN_WEIGHT`` to ``MAX_WEIGHT``; these names stand for the usual levels.
WEIGHT_LEVELS: dict[str, float] = {"core": 3.0, "regular": 2.0, "occasional": 1.0}
MIN_WEIGHT = 0.5
MAX_WEIGHT = 3.0
#: Stable identifiers: lower-case words joined by hyphens ("build-models").
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


def weight_level(weight: float) -> str:
    """The name of the level a numeric weight is closest to from below."""
    if weight >= WEIGHT_LEVELS["core"]:
        return "core"
    if weight >= WEIGHT_LEVELS["regular"]:
        return "regular"
    return "occasional"


def weight_shown(weight: float) -> str:
    """The weight as a reader is told it: its level's name, and the number too when it is not the
    level's own ("occasional (1.5)": a catalogue of your own may weigh between the levels)."""
    level = weight_level(weight)
    return level if weight == WEIGHT_LEVELS[level] else f"{level} ({weight:g})"


@dataclass(frozen=True)
class Stage:
    """A step of the ML lifecycle / the hierarchy of data needs, bottom first."""

    id: str
    title: str
    description: str


@dataclass(frozen=True)
class Group:
    """One of the article's task groups (plus the data-engineering foundations)."""

    id: str
    title: str
    short: str


@dataclass(frozen=True)
class Task:
    """A concrete piece of work a data scientist may end up doing."""

    id: str
    title: str
    group: str
    description: str
    stage: str
    lexicon: tuple[str, ...] = ()


@dataclass(frozen=True)
class RoleTask:
    """A task a role involves, how much (``weight``), and on whose word (``source``)."""

    task: str
    weight: float
    source: str
    note: str = ""

    @property
    def level(self) -> str:
        return weight_level(self.weight)


@dataclass(frozen=True)
class Organisation:
    kind: str
    description: str


@dataclass(frozen=True)
class Phase:
    """A stage in how a role changes over time."""

    when: str
    description: str
    tasks: tuple[str, ...] = ()


@dataclass(frozen=True)
class Role:
    """A role archetype."""

    id: str
    name: str
    short: str
    summary: str
    tasks: tuple[RoleTask, ...]
    organisations: tuple[Organisation, ...]
    evolution: tuple[Phase, ...] = ()


@dataclass(frozen=True)
class Choice:
    """One answer to a context question, and how well it suits each role (0-1)."""

    id: str
    label: str
    roles: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class ContextQuestion:
    """A question about the user's situation rather than about a task."""

    id: str
    title: str
    choices: tuple[Choice, ...]
    default: str


def question_from(data: dict[str, Any]) -> ContextQuestion:
    return ContextQuestion(
        id=data["id"],
        title=data["title"],
        choices=tuple(Choice(c["id"], c["label"], dict(c["roles"])) for c in data["choices"]),
        default=data["default"],
    )


@dataclass(frozen=True)
class Catalogue:
    """Tasks, roles and context questions, cross-checked."""

    version: str
    stages: tuple[Stage, ...]
    groups: tuple[Group, ...]
    tasks: tuple[Task, ...]
    roles: tuple[Role, ...]
    context: tuple[ContextQuestion, ...]
    source: str = field(default="", compare=False)
    digest: str = field(default="", compare=False)

    @cached_property
    def task_by_id(self) -> dict[str, Task]:
        return {t.id: t for t in self.tasks}

    @cached_property
    def task_hashes(self) -> dict[str, str]:
        """A short fingerprint of each task's wording, to tell which tasks changed between versions."""
        return {
            t.id: hashlib.sha256(f"{t.group}\0{t.title}\0{t.description}".encode()).hexdigest()[:8] for t in self.tasks
        }

    @cached_property
    def group_by_id(self) -> dict[str, Group]:
        return {g.id: g for g in self.groups}

    @cached_property
    def stage_by_id(self) -> dict[str, Stage]:
        return {s.id: s for s in self.stages}

    @cached_property
    def role_by_id(self) -> dict[str, Role]:
        return {r.id: r for r in self.roles}

    @cached_property
    def context_by_id(self) -> dict[str, ContextQuestion]:
        return {q.id: q for q in self.context}

    @cached_property
    def task_rank(self) -> dict[str, int]:
        """Each task's place in :meth:`tasks_in_order`."""
        return {t.id: k for k, t in enumerate(self._ordered)}

    @cached_property
    def _ordered(self) -> tuple[Task, ...]:
        rank = {g.id: i for i, g in enumerate(self.groups)}
        return tuple(sorted(self.tasks, key=lambda t: rank[t.group]))

    def tasks_in_order(self) -> list[Task]:
        """Tasks grouped by group (in the groups' order), file order within a group."""
        return list(self._ordered)

    def role_named(self, name: str) -> Role | None:
        """The role whose id or whole name (or short name) is ``name``, any case; None if none is."""
        wanted = " ".join(name.lower().split())
        return next((r for r in self.roles if wanted in (r.id, r.name.lower(), r.short.lower())), None)

    def find_role(self, name: str) -> Role:
        """A role by id, name or unambiguous prefix of either, case-insensitive."""
        wanted = " ".join(name.lower().split())
        if not wanted:
            raise UnknownRoleError(f"expected a role name; valid roles: {self._role_list()}")
        exact = self.role_named(wanted)
        if exact is not None:
            return exact
        matches = [r for r in self.roles if any(k.startswith(wanted) for k in (r.id, r.name.lower(), r.short.lower()))]
        if len(matches) == 1:
            return matches[0]
        if matches:
            names = ", ".join(r.id for r in matches)
            raise UnknownRoleError(f"'{name}' matches several roles ({names}); type more of the name")
        keys = {k: r.id for r in self.roles for k in (r.id, r.name.lower(), r.short.lower())}
        hint = did_you_mean(wanted, keys)
        if hint:  # name the role by its id, whichever of its names was close
            close = hint.split("'")[1]
            hint = f"did you mean '{keys[close]}'? "
        raise UnknownRoleError(f"no role called '{name}'; {hint}valid roles: {self._role_list()}")

    def _role_list(self, limit: int = 10) -> str:
        listed = ", ".join(f"{r.id} ({r.name})" for r in self.roles[:limit])
        more = len(self.roles) - limit
        return listed + (f" and {more} more (rolefit roles lists them)" if more > 0 else "")
