"""JSON Schemas generated from the models accept what rolefit accepts."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from rolefit.catalogue.load import builtin_dir
from rolefit.cli import app
from rolefit.files.answers import template
from rolefit.model.catalogue import Catalogue

from helpers import EXAMPLES

runner = CliRunner()


def schema(kind: str) -> dict[str, object]:
    result = runner.invoke(app, ["schema", kind])
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(data)
    return data


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_example_answers_validate(path: Path) -> None:
    jsonschema.validate(yaml.safe_load(path.read_text()), schema("answers"))


def test_template_validates_and_points_at_the_schema(catalogue: Catalogue) -> None:
    text = template(catalogue)
    assert text.splitlines()[0] == "# yaml-language-server: $schema=rolefit-answers.schema.json"
    jsonschema.validate(yaml.safe_load(text), schema("answers"))


@pytest.mark.parametrize(("kind", "name"), [("tasks", "tasks.yaml"), ("roles", "roles.yaml")])
def test_builtin_catalogue_validates(kind: str, name: str) -> None:
    data = yaml.safe_load((builtin_dir() / name).read_text())
    jsonschema.validate(data, schema(kind))
    jsonschema.validate(data, schema("catalogue"))


@pytest.mark.parametrize(
    "doc",
    [
        {"format": 1, "answers": {"build-models": {"skill": 5}}},
        {"format": 2},
        {"format": 1, "answers": {"build-models": {"skil": 1}}},
        {"answers": {}},
    ],
)
def test_schema_rejects_what_rolefit_rejects(doc: dict[str, object]) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, schema("answers"))


def test_schema_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "s.json"
    assert runner.invoke(app, ["schema", "answers", "-o", str(target)]).exit_code == 0
    assert json.loads(target.read_text()) == schema("answers")
    again = runner.invoke(app, ["schema", "answers", "-o", str(target)])
    assert again.exit_code == 2
    assert "--force" in again.stderr


def test_unknown_schema_kind() -> None:
    result = runner.invoke(app, ["schema", "moon"])
    assert result.exit_code == 2
