"""Generated bad input never produces a traceback: exit 0 or 2, and a message on 2."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from rolefit.catalogue.load import load_catalogue
from rolefit.cli import app

runner = CliRunner()
CAT = load_catalogue()
TASKS = [t.id for t in CAT.tasks]

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10, 10), st.floats(allow_nan=True), st.text(max_size=8))
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
entries = st.dictionaries(
    st.sampled_from(["skill", "interest", "skil"]), st.one_of(st.integers(-2, 6), values), max_size=3
)
documents = st.fixed_dictionaries(
    {},
    optional={
        "format": st.one_of(st.just(1), values),
        "answers": st.one_of(
            st.dictionaries(st.one_of(st.sampled_from(TASKS), st.text(max_size=10)), entries, max_size=4),
            values,
        ),
        "context": st.one_of(
            st.dictionaries(st.sampled_from(["organisation", "appetite", "x"]), values, max_size=2), values
        ),
        "catalogue": values,
    },
)

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def check(path: Path) -> None:
    result = runner.invoke(app, ["quiz", "--answers", str(path), "--defaults", "--format", "json"])
    assert result.exit_code in (0, 2), (result.exit_code, result.output, result.exception)
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        assert result.stderr.strip().startswith("rolefit:")
        assert str(path) in result.stderr


@SETTINGS
@given(doc=documents)
def test_generated_answers_documents(tmp_path: Path, doc: dict[str, object]) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True))
    check(path)


@SETTINGS
@given(data=st.binary(max_size=300))
def test_arbitrary_bytes(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "answers.yaml"
    path.write_bytes(data)
    check(path)


@SETTINGS
@given(text=st.text(max_size=200))
def test_arbitrary_text(tmp_path: Path, text: str) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(text, encoding="utf-8")
    check(path)
