"""JSON Schemas for rolefit's files, generated from the models that validate them."""

from __future__ import annotations

import json
from typing import Any

from rolefit.models import AnswersModel, RoleFile, TaskFile

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
