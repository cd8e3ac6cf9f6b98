"""Standard input is read once: '-' for two inputs of one command is one clear error, before reading."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from rolefit.cli import app

from helpers import EXAMPLES, ROOT

runner = CliRunner()
ANSWERS = (EXAMPLES / "analyst.yaml").read_text(encoding="utf-8")
AD = str(ROOT / "tests" / "postings" / "prod-02-marketplace.txt")
TWICE = "'-' is given twice (as {}); standard input is read once: save one of them to a file and give its name"


def _one_error(args: list[str], said: str) -> None:
    result = runner.invoke(app, args, input=ANSWERS)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"rolefit: <stdin>: {said}"]


def _read(args: list[str]) -> None:
    """Standard input for one input alone is read as before."""
    result = runner.invoke(app, args, input=ANSWERS)
    assert result.exit_code == 0, result.output
    assert "given twice" not in result.stderr


def test_jobs_with_stdin_as_a_posting_and_as_the_answers_says_so() -> None:
    _one_error(["jobs", "-", "--answers", "-"], TWICE.format("POSTING and as --answers"))
    _read(["jobs", AD, "--answers", "-"])


def test_compare_with_stdin_for_both_profiles_says_so() -> None:
    _one_error(["compare", "-", "-"], TWICE.format("A and as B"))
    _read(["compare", "-", str(EXAMPLES / "analyst.yaml")])


@given(
    before=st.lists(st.sampled_from([AD, str(EXAMPLES)]), max_size=2),
    after=st.lists(st.sampled_from([AD]), max_size=2),
    short=st.booleans(),
    fmt=st.sampled_from([[], ["--format", "json"], ["--format", "md"]]),
)
def test_stdin_among_other_postings_and_as_the_answers_is_the_same_one_error(
    before: list[str], after: list[str], short: bool, fmt: list[str]
) -> None:
    args = ["jobs", *before, "-", *after, "-a" if short else "--answers", "-", *fmt]
    _one_error(args, TWICE.format("POSTING and as --answers"))


@given(
    before=st.lists(st.sampled_from([AD, str(EXAMPLES)]), max_size=2),
    between=st.lists(st.sampled_from([AD]), max_size=2),
    fmt=st.sampled_from([[], ["--format", "json"], ["--format", "md"]]),
)
def test_stdin_twice_as_postings_is_one_error_before_reading(
    before: list[str], between: list[str], fmt: list[str]
) -> None:
    _one_error(["jobs", *before, "-", *between, "-", *fmt], TWICE.format("POSTING twice"))


def test_stdin_twice_for_score_and_audit_is_one_error() -> None:
    _one_error(["score", "-", "-"], TWICE.format("FILE twice"))
    _one_error(["audit", str(EXAMPLES), "-", "-"], TWICE.format("FILE twice"))
    thrice = TWICE.replace("twice", "3 times", 1).format("POSTING twice and as --answers")
    _one_error(["jobs", "-", "-", "--answers", "-"], thrice)


def test_the_library_refuses_stdin_twice_before_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    from rolefit.postings.read import PostingError, read_postings

    monkeypatch.setattr("sys.stdin", None)  # reading it would fail otherwise than by this error
    with pytest.raises(PostingError, match="given twice"):
        read_postings(["-", AD, "-"])


def test_answers_from_standard_input_are_called_stdin_as_a_posting_from_it_is() -> None:
    """`rolefit compare - b.yaml` and `rolefit score -`: the person is "stdin", not "-"."""
    text = (EXAMPLES / "researcher.yaml").read_text(encoding="utf-8")
    runner = CliRunner()
    compared = runner.invoke(app, ["compare", "-", str(EXAMPLES / "analyst.yaml"), "--format", "json"], input=text)
    assert compared.exit_code == 0 and json.loads(compared.stdout)["profiles"] == ["stdin", "analyst"]
    scored = runner.invoke(app, ["score", "-", "--format", "json"], input=text)
    assert scored.exit_code == 0 and [p["person"] for p in json.loads(scored.stdout)["people"]] == ["stdin"]
