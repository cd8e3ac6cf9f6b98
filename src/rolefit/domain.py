"""The data model rolefit works with: plain, frozen dataclasses.

Files are validated by the pydantic models in :mod:`rolefit.models` (with
located errors and a JSON Schema); what passes is turned into these, which
are cheap to build again from the catalogue cache without importing pydantic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

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
