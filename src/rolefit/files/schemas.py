"""The schemas of rolefit's files: the catalogue (tasks.yaml, roles.yaml) and answers files.

Pydantic models, frozen and strict about unknown keys, so that a mistake in a
catalogue file is reported with the exact place it was made, and so that
``rolefit schema`` can print JSON Schemas. Cross-references (a role naming a
task, a context choice naming a role) are checked in :mod:`rolefit.catalogue.checks`,
which sees both files. What validates becomes :mod:`rolefit.model.catalogue` objects.
Answers files are checked by hand in :mod:`rolefit.files.answers` (each problem in
rolefit's own words, with its line); a test keeps that check and :class:`AnswersModel` agreeing.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, WithJsonSchema, field_validator

from rolefit.model.catalogue import ID_PATTERN, MAX_WEIGHT, MIN_WEIGHT, WEIGHT_LEVELS, weight_level

Id = Annotated[str, Field(pattern=ID_PATTERN, min_length=1, max_length=64)]
Text = Annotated[str, Field(min_length=1)]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Stage(_Model):
    """A step of the ML lifecycle / the hierarchy of data needs, bottom first."""

    id: Id
    title: Text
    description: Text


class Group(_Model):
    """One of the article's task groups (plus the data-engineering foundations)."""

    id: Id
    title: Text
    short: Text = Field(description="A short label for progress lines, e.g. 'ML ops'.")


class Task(_Model):
    """A concrete piece of work a data scientist may end up doing."""

    id: Id
    title: Text
    group: Id
    description: Text
    stage: Id
    lexicon: list[Text] = Field(
        default_factory=list,
        description="Phrases, synonyms and tools that show this task in a job posting (matched as whole words, "
        "any case).",
    )


class TaskFile(_Model):
    """The contents of ``tasks.yaml``."""

    format: Literal[1]
    version: Text
    stages: list[Stage] = Field(min_length=1)
    groups: list[Group] = Field(min_length=1)
    tasks: list[Task] = Field(min_length=1)


class RoleTask(_Model):
    """A task a role involves, how much, and on whose word."""

    task: Id
    weight: Annotated[
        float,
        Field(ge=MIN_WEIGHT, le=MAX_WEIGHT),
        WithJsonSchema(
            {
                "anyOf": [
                    {"type": "number", "minimum": MIN_WEIGHT, "maximum": MAX_WEIGHT},
                    {"enum": list(WEIGHT_LEVELS)},
                ],
                "description": "core (3), regular (2), occasional (1), or a number from 0.5 to 3",
            }
        ),
    ]
    source: Literal["article", "inferred"]
    note: str = ""

    @field_validator("weight", mode="before")
    @classmethod
    def _named_weight(cls, value: object) -> object:
        if isinstance(value, str) and value.strip().lower() in WEIGHT_LEVELS:
            return WEIGHT_LEVELS[value.strip().lower()]
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if not number or not MIN_WEIGHT <= value <= MAX_WEIGHT:  # type: ignore[operator]
            raise ValueError(f"expected core, regular, occasional or a number from {MIN_WEIGHT:g} to {MAX_WEIGHT:g}")
        return value

    @property
    def level(self) -> str:
        return weight_level(self.weight)


class Organisation(_Model):
    """A kind of organisation that hires for a role."""

    kind: Id
    description: Text


class Phase(_Model):
    """A stage in how a role changes over time."""

    when: Text
    description: Text
    tasks: list[Id] = Field(default_factory=list)


class Role(_Model):
    """A role archetype."""

    id: Id
    name: Text
    short: Text = Field(description="A short name for tables and hybrids.")
    summary: Text
    tasks: list[RoleTask] = Field(min_length=1)
    organisations: list[Organisation] = Field(min_length=1)
    evolution: list[Phase] = Field(default_factory=list)


class Choice(_Model):
    """One answer to a context question, and how well it suits each role (0-1)."""

    id: Id
    label: Text
    roles: dict[str, Annotated[float, Field(ge=0.0, le=1.0)]] = Field(default_factory=dict)


class ContextQuestion(_Model):
    """A question about the user's situation rather than about a task."""

    id: Id
    title: Text
    choices: list[Choice] = Field(min_length=2)
    #: (one of the choices' ids: checked with the other problems, by :mod:`rolefit.catalogue.checks`)
    default: Id


class RoleFile(_Model):
    """The contents of ``roles.yaml``."""

    format: Literal[1]
    roles: list[Role] = Field(min_length=1)
    context: list[ContextQuestion] = Field(default_factory=list)


Level = Annotated[StrictInt, Field(ge=0, le=4)]


class TaskAnswerModel(_Model):
    skill: Level | None = None
    interest: Level | None = None


class StampModel(_Model):
    """Which catalogue a set of answers was given for."""

    version: str
    digest: str | None = None
    tasks: dict[str, str] = Field(default_factory=dict, description="Fingerprint of each task's wording.")


class AnswersModel(_Model):
    """The schema of an answers file."""

    format: Literal[1]

    @field_validator("format", mode="before")
    @classmethod
    def _format_is_a_number(cls, value: object) -> object:
        if type(value) is not int:  # not True, not 1.0
            raise ValueError(f"expected 1 (got {value!r})")
        return value

    catalogue: StampModel | str | None = Field(
        default=None, description="The catalogue the answers were given for (written by rolefit)."
    )
    answers: dict[str, TaskAnswerModel] = Field(default_factory=dict)
    context: dict[str, str] = Field(default_factory=dict)
    quiz: Literal["adaptive", "quick", "full"] | None = Field(
        default=None, description="How the answers were asked: the adaptive quiz, the quick one, or every question."
    )


SCHEMA_FILE = "rolefit-answers.schema.json"


_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _schema(model: Any, title: str, description: str) -> dict[str, Any]:
    schema: dict[str, Any] = {"$schema": _DIALECT, **model.model_json_schema()}
    schema["title"] = title
    schema["description"] = description
    return schema


def json_schema(kind: str) -> str:
    """The schema of ``answers``, ``tasks`` or ``roles`` files, or ``catalogue`` (either catalogue file)."""
    if kind == "answers":
        data = _schema(AnswersModel, "rolefit answers file", "Skill and interest (0-4) per task, and context answers.")
    elif kind == "tasks":
        data = _schema(TaskFile, "rolefit tasks.yaml", "The tasks, their groups and lifecycle stages.")
    elif kind == "roles":
        data = _schema(RoleFile, "rolefit roles.yaml", "The role archetypes and the context questions.")
    elif kind == "catalogue":
        tasks = TaskFile.model_json_schema(ref_template="#/$defs/tasks/$defs/{model}")
        roles = RoleFile.model_json_schema(ref_template="#/$defs/roles/$defs/{model}")
        data = {
            "$schema": _DIALECT,
            "title": "rolefit catalogue file",
            "description": "Either file of a catalogue: tasks.yaml or roles.yaml.",
            "$defs": {"tasks": tasks, "roles": roles},
            "oneOf": [{"$ref": "#/$defs/tasks"}, {"$ref": "#/$defs/roles"}],
        }
    else:
        raise ValueError(kind)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
