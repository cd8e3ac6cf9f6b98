"""One delivery path: every command that prints a result takes -o FILE and --format, the same way.

The suffix picks the format unless --format is given; ``-o -`` is standard output; a format a
command cannot write is one line listing those it can; nothing is written in another format than
the one named; no file is replaced without --force. And help that reads like a polished CLI.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rolefit.cli import app
from rolefit.cli.delivery import SUFFIXES

from helpers import EXAMPLES, ROOT

runner = CliRunner()
RESEARCHER = str(EXAMPLES / "researcher.yaml")
ANALYST = str(EXAMPLES / "analyst.yaml")
POSTING = str(ROOT / "tests" / "postings" / "rnd-01-speech-lab.md")

#: Each command that prints a result, its arguments, and the formats it writes.
COMMANDS: dict[str, tuple[list[str], set[str]]] = {
    "quiz": (["quiz", "--answers", RESEARCHER], {"text", "json", "md", "html", "svg"}),
    "explain": (["explain", "rnd"], {"text", "json", "md", "html", "svg"}),
    "roles": (["roles"], {"text", "json", "md", "html", "svg"}),
    "compare": (["compare", RESEARCHER, ANALYST], {"text", "json", "md", "html", "svg"}),
    "score": (["score", RESEARCHER, ANALYST], {"text", "csv", "json", "md", "html", "svg"}),
    "jobs": (["jobs", POSTING], {"text", "json", "md", "html", "svg"}),
    "template": (["template"], {"yaml"}),
    "schema": (["schema", "answers"], {"json"}),
}
ALL_FORMATS = {"text", "json", "md", "html", "svg", "csv", "yaml"}
SUFFIX_OF = {kind: f".{kind}" for kind in ALL_FORMATS} | {"text": ".txt"}


def _looks_like(kind: str, text: str) -> bool:
    """Whether ``text`` is plausibly in format ``kind`` (and not, say, the terminal table)."""
    if kind == "json":
        json.loads(text)
        return True
    if kind == "csv":
        rows = list(csv.reader(io.StringIO(text)))
        return len(rows) >= 2 and len({len(r) for r in rows}) == 1 and len(rows[0]) > 2
    if kind == "html":
        return text.lstrip().lower().startswith("<!doctype html")
    if kind == "svg":
        return "<svg" in text[:500]
    if kind == "md":
        return text.startswith(("#", "|"))
    if kind == "yaml":
        return "format: 1" in text
    return not text.lstrip().startswith(("{", "<", "|", "#"))


CASES = [(name, kind) for name, (_, kinds) in COMMANDS.items() for kind in sorted(kinds)]


@pytest.mark.parametrize(("name", "kind"), CASES)
def test_the_suffix_picks_the_format(name: str, kind: str, tmp_path: Path) -> None:
    args, _ = COMMANDS[name]
    target = tmp_path / f"out{SUFFIX_OF[kind]}"
    result = runner.invoke(app, [*args, "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert _looks_like(kind, target.read_text(encoding="utf-8")), target.read_text(encoding="utf-8")[:300]
    assert f"Wrote {target}" in result.stderr


@pytest.mark.parametrize(("name", "kind"), CASES)
def test_format_wins_over_the_suffix_and_dash_is_stdout(name: str, kind: str, tmp_path: Path) -> None:
    args, _ = COMMANDS[name]
    result = runner.invoke(app, [*args, "--format", kind, "-o", "-"])
    assert result.exit_code == 0, result.output
    assert _looks_like(kind, result.stdout), result.stdout[:300]
    assert not (tmp_path / "-").exists() and not Path("-").exists()


def test_a_format_that_contradicts_the_file_s_suffix_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    result = runner.invoke(app, ["explain", "rnd", "--format", "json", "-o", str(target)])
    assert result.exit_code == 2 and not target.exists()
    assert f"{target}: --format json does not match the file's suffix, which names md" in result.stderr
    same = runner.invoke(app, ["explain", "rnd", "--format", "json", "-o", str(tmp_path / "report.json")])
    assert same.exit_code == 0, same.output


@pytest.mark.parametrize("name", COMMANDS)
def test_a_format_a_command_cannot_write_is_one_line_listing_those_it_can(name: str, tmp_path: Path) -> None:
    args, kinds = COMMANDS[name]
    other = sorted(ALL_FORMATS - kinds)[0]
    for attempt in ([*args, "--format", other], [*args, "-o", str(tmp_path / f"x{SUFFIX_OF[other]}")]):
        result = runner.invoke(app, attempt)
        assert result.exit_code == 2, result.output
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("rolefit:"), result.stderr
        assert all(k in lines[0] for k in kinds), lines[0]
    assert not list(tmp_path.iterdir())


def test_an_unknown_format_or_suffix_is_named_with_a_suggestion(tmp_path: Path) -> None:
    result = runner.invoke(app, ["quiz", "--answers", RESEARCHER, "--format", "jsn"])
    assert result.exit_code == 2
    assert "did you mean 'json'?" in result.stderr
    result = runner.invoke(app, ["explain", "rnd", "-o", str(tmp_path / "page.docx")])
    assert result.exit_code == 2
    assert "'.docx'" in result.stderr and "--format" in result.stderr


@pytest.mark.parametrize("name", ["quiz", "score", "jobs", "template"])
def test_nothing_is_overwritten_without_force(name: str, tmp_path: Path) -> None:
    args, kinds = COMMANDS[name]
    target = tmp_path / f"out{SUFFIX_OF[sorted(kinds)[0]]}"
    target.write_text("keep me\n", encoding="utf-8")
    result = runner.invoke(app, [*args, "-o", str(target)])
    assert result.exit_code == 2 and "--force" in result.stderr
    assert target.read_text(encoding="utf-8") == "keep me\n"
    result = runner.invoke(app, [*args, "-o", str(target), "--force"])
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8") != "keep me\n"


def test_an_output_that_is_also_an_input_is_refused(tmp_path: Path) -> None:
    answers = tmp_path / "me.yaml"
    answers.write_text(Path(RESEARCHER).read_text(encoding="utf-8"), encoding="utf-8")
    before = answers.read_bytes()
    for args in (
        ["quiz", "--answers", str(answers), "--format", "json", "-o", str(answers), "--force"],
        ["compare", str(answers), ANALYST, "--format", "json", "-o", str(answers), "--force"],
        ["score", str(answers), "--format", "json", "-o", str(answers), "--force"],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (args, result.output)
        assert "input" in result.stderr
    assert answers.read_bytes() == before


def test_every_suffix_names_a_format() -> None:
    assert {kind.value for kind in SUFFIXES.values()} == ALL_FORMATS


# -- exit codes and messages -------------------------------------------------------------------


def test_rolefit_alone_prints_its_help_and_succeeds() -> None:
    result = runner.invoke(app, [])
    assert result.exit_code == 0
    assert "Usage" in result.stdout and "quiz" in result.stdout
    assert result.stdout.count("Usage:") == 1  # once, not twice
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["schema"], "KIND"),
        (["compare", RESEARCHER], "B"),
        (["score"], "FILE..."),
        (["quiz", "--top", "0"], "--top"),
        (["quiz", "--no-such-option"], "--no-such-option"),
        (["cohort", "x"], "Did you mean 'score'?"),
        (["qiz"], "Did you mean 'quiz'?"),
    ],
)
def test_a_usage_mistake_is_one_line(args: list[str], needle: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("rolefit:") and needle in lines[0], lines[0]


@pytest.mark.parametrize(
    ("args", "suggestion"),
    [
        (["explain", "rdn"], "did you mean 'rnd'?"),
        (["explain", "rnd", "--vs", "prodcut"], "did you mean 'product'?"),
        (["schema", "answrs"], "did you mean 'answers'?"),
        (["roles", "--format", "mdd"], "did you mean 'md'?"),
    ],
)
def test_unknown_ids_get_did_you_mean(args: list[str], suggestion: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert suggestion in result.stderr, result.stderr


# -- help ----------------------------------------------------------------------------------------

HELP_COMMANDS = ["", "quiz", "roles", "explain", "template", "score", "jobs", "compare", "schema", "check"]


@pytest.mark.parametrize("command", HELP_COMMANDS)
def test_help_reads_like_a_polished_cli(command: str) -> None:
    result = runner.invoke(app, [*command.split(), "-h"], env={"COLUMNS": "100"})
    assert result.exit_code == 0
    out = result.stdout
    for raw in ("<bool>", "<str>", "<list", "{FILE", "{ROLE", "{KIND", "...}..."):
        assert raw not in out, (raw, out)
    examples = [line.strip(" │") for line in out.splitlines() if line.strip(" │").startswith("$ rolefit")]
    if command:
        assert examples, out
    for line in examples:
        assert line.count("rolefit ") == 1 or "#" in line, line  # one example a line


@pytest.mark.parametrize("command", [c for c in HELP_COMMANDS if c])
def test_help_paragraphs_have_no_hard_line_breaks(command: str) -> None:
    """Each paragraph of a command's help is one line of source text, wrapped by the terminal alone."""
    from typer.main import get_command

    group = get_command(app)
    text = group.commands[command].help or ""  # type: ignore[attr-defined]
    for paragraph in text.split("\n\n"):
        if "$[/]" not in paragraph:
            assert "\n" not in paragraph, paragraph


LIGHT = [
    ["quiz", "--answers", RESEARCHER, "--format", "json"],
    ["compare", RESEARCHER, ANALYST, "--format", "json"],
    ["score", RESEARCHER, ANALYST, "--format", "csv"],
]


def test_only_the_chosen_format_s_renderer_is_loaded() -> None:
    """A document names a renderer per format; JSON or CSV loads no terminal tables, pages or charts
    (each command in a fresh interpreter, one after the other, in one process each)."""
    import subprocess
    import sys

    for args in LIGHT:
        script = (
            "import sys, io, contextlib\n"
            "from rolefit.cli import app\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    app({args!r}, standalone_mode=False)\n"
            "heavy = ['rich.table', 'jinja2', 'rolefit.report.terminal', 'rolefit.report.html']\n"
            "print(' '.join(m for m in heavy if m in sys.modules))\n"
        )
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == "", (args, done.stdout)
