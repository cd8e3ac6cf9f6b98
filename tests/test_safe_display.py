"""Control text from a catalogue or a file name is shown as visible escapes, on the terminal and on a page; CSV
cells never run.

A custom catalogue whose names hold an OSC title sequence, a C1 CSI and a bidi override, and
a cohort whose file names start like spreadsheet formulas (or hold an escape sequence).
"""

from __future__ import annotations

import csv
import dataclasses
import html
import io
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from typer.testing import CliRunner

from rolefit.catalogue.load import load_catalogue
from rolefit.cli import app
from rolefit.model.catalogue import Catalogue
from rolefit.report import fit, roles, terminal
from rolefit.report.text import csv_text, md_text
from rolefit.text import terminal_safe

from helpers import EXAMPLES, edited_catalogue, fuzz_examples, uniform

runner = CliRunner()

OSC, CSI, RLO = "\x1b]0;pwned\x07", "\x9b31m", "\u202e"
#: What each of them looks like on screen instead.
SHOWN = {OSC: "\\x1b]0;pwned\\x07", CSI: "\\x9b31m", RLO: "\\u202e"}
HOSTILE = f"{OSC}{CSI}{RLO}"


def _mark(text: str) -> str:
    return f"{text} {HOSTILE}"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built-in catalogue with the hostile text in every name and text the reports show.
    Made once for the module: its tests only read it."""

    def roles(data: dict[str, Any]) -> None:
        for role in data["roles"]:
            role["name"], role["short"] = _mark(role["name"]), _mark(role["short"])
            for org in role["organisations"]:
                org["description"] = _mark(org["description"])
            for phase in role.get("evolution", []):
                phase["when"], phase["description"] = _mark(phase["when"]), _mark(phase["description"])
        for question in data.get("context", []):
            question["title"] = _mark(question["title"])
            for choice in question["choices"]:
                choice["label"] = _mark(choice["label"])

    def tasks(data: dict[str, Any]) -> None:
        for task in data["tasks"]:
            task["title"], task["description"] = _mark(task["title"]), _mark(task["description"])
        for group in data["groups"]:
            group["title"], group["short"] = _mark(group["title"]), _mark(group["short"])

    return edited_catalogue(tmp_path_factory.mktemp("hostile"), roles, tasks)


#: ``/`` cannot be in a file name, so the classic payload uses ``\\`` instead.
DANGEROUS = ["=cmd|' \\C calc'!A0", "+1", "-x", "@sum"]
ESCAPED_NAME = "\x1b[31mred"
ORDINARY = "alice"


@pytest.fixture
def cohort(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A folder of answers files with hostile names, as the current directory; its glob."""
    folder = tmp_path / "cohort"
    folder.mkdir()
    for stem in [*DANGEROUS, ESCAPED_NAME, ORDINARY]:
        shutil.copy(EXAMPLES / "researcher.yaml", folder / f"{stem}.yaml")
    monkeypatch.chdir(folder)
    return "*.yaml"


def _invoke(args: list[str]) -> str:
    result = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.stdout


def _assert_no_raw(text: str) -> None:
    assert "\x1b" not in text
    assert not any("\x80" <= c <= "\x9f" for c in text)
    assert RLO not in text


COMMANDS = {
    "quiz": ["quiz", "--answers", str(EXAMPLES / "researcher.yaml")],
    "explain": ["explain", "rnd"],
    "versus": ["explain", "rnd", "--vs", "product"],
    "roles": ["roles"],
    "compare": ["compare", str(EXAMPLES / "analyst.yaml"), str(EXAMPLES / "researcher.yaml")],
    "score": ["score", str(EXAMPLES)],
}


@pytest.mark.parametrize("command", list(COMMANDS))
def test_catalogue_controls_are_shown_as_escapes(hostile: Path, command: str) -> None:
    out = _invoke([*COMMANDS[command], "--catalogue", str(hostile)])
    _assert_no_raw(out)
    for raw, visible in SHOWN.items():
        assert visible in out, (command, raw)


@pytest.mark.parametrize("command", ["explain", "roles", "quiz"])
def test_markdown_shows_the_escapes_too(hostile: Path, command: str) -> None:
    out = _invoke([*COMMANDS[command], "--catalogue", str(hostile), "--format", "md"])
    _assert_no_raw(out)
    assert "\\\\x1b\\]0;pwned\\\\x07" in out  # the backslash and bracket are escaped for Markdown


def test_cohort_table_shows_file_names_safely(cohort: str) -> None:
    out = _invoke(["score", cohort])
    _assert_no_raw(out)
    assert "\\x1b[31mred" in out
    for stem in [*DANGEROUS, ORDINARY]:
        assert stem in out


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_cohort_csv_quotes_formula_cells(cohort: str) -> None:
    rows = _rows(_invoke(["score", cohort, "--format", "csv"]))
    header, body = rows[0], rows[1:]
    assert header[:2] == ["person", "file"]
    people = {row[0] for row in body}
    assert people == {"'" + s for s in DANGEROUS} | {ESCAPED_NAME, ORDINARY}
    for row in body:
        assert not row[0].startswith(("=", "+", "-", "@"))
        assert not row[1].startswith(("=", "+", "-", "@"))
        fits = row[2 : len(header) - 6]
        assert all(float(v) >= 0 for v in fits)  # the fits stay plain numbers
    files = {row[1] for row in body}
    assert files == {"'" + s + ".yaml" for s in DANGEROUS} | {f"{ESCAPED_NAME}.yaml", f"{ORDINARY}.yaml"}


def test_audit_table_and_csv(tmp_path: Path, cohort: str) -> None:
    out = _invoke(["audit", cohort])
    _assert_no_raw(out)
    assert "\\x1b[31mred" in out
    target = tmp_path / "audit.csv"
    _invoke(["audit", cohort, "-o", str(target)])
    rows = _rows(target.read_text(encoding="utf-8"))
    files = [row[0] for row in rows[1:]]
    assert len(files) == len(DANGEROUS) + 2
    assert set(files) == {"'" + s + ".yaml" for s in DANGEROUS} | {f"{ESCAPED_NAME}.yaml", f"{ORDINARY}.yaml"}
    for row in rows[1:]:
        assert not row[0].startswith(("=", "+", "-", "@"))
        assert all(cell.isdigit() for cell in row[2::3])  # the counts asked stay numbers


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@A1", "\tx", "\rx"])
def test_csv_text_quotes_formula_starts(text: str) -> None:
    assert csv_text(text) == "'" + text


@given(st.text(max_size=30))
def test_csv_text_only_adds_a_quote(text: str) -> None:
    out = csv_text(text)
    assert out in (text, "'" + text)
    assert not out.startswith(("=", "+", "-", "@", "\t", "\r"))


ORDINARY_NAMES = st.text(st.characters(categories=["L", "N", "P", "Zs", "S"], exclude_characters="\u2028\u2029"))


@given(ORDINARY_NAMES)
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert terminal_safe(text) == text
    if "\\" not in text:  # Markdown escapes its own characters, but adds no terminal escape
        assert "\\x" not in md_text(text) and "\\u" not in md_text(text)


def _render(catalogue: Catalogue) -> str:
    console = Console(file=io.StringIO(), width=200, markup=False, highlight=False, color_system=None)
    roles.render_roles(catalogue, console)
    roles.render_role(catalogue.roles[0], catalogue, console)
    roles.render_versus(catalogue.roles[0], catalogue.roles[1], catalogue, console)
    terminal.render_fit_report(fit.build(catalogue, uniform(catalogue, 3, 3)), console)
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(out, str)
    return out


BUILTIN = load_catalogue()


@settings(max_examples=fuzz_examples(25), deadline=None)
@given(name=st.text(min_size=1, max_size=20), title=st.text(min_size=1, max_size=20))
def test_no_raw_control_for_any_name(name: str, title: str) -> None:
    role = dataclasses.replace(BUILTIN.roles[0], name=name, short=name)
    tasks = tuple(dataclasses.replace(t, title=title, description=title) for t in BUILTIN.tasks)
    catalogue = dataclasses.replace(BUILTIN, roles=(role, *BUILTIN.roles[1:]), tasks=tasks)
    out = _render(catalogue)
    assert not any(c != "\n" and (c < " " or "\x7f" <= c <= "\x9f") for c in out)
    assert not any(c in out for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


HTML_COMMANDS = {
    **{name: args for name, args in COMMANDS.items() if name != "roles"},  # (roles makes no page)
    "jobs": ["jobs", str(Path(__file__).parent / "postings" / "rnd-01-speech-lab.md")],
}


@pytest.mark.parametrize("command", list(HTML_COMMANDS))
def test_every_page_shows_catalogue_controls_as_the_terminal_does(hostile: Path, tmp_path: Path, command: str) -> None:
    for suffix in (".html", ".svg"):
        target = tmp_path / f"page{suffix}"
        _invoke([*HTML_COMMANDS[command], "--catalogue", str(hostile), "-o", str(target)])
        page = target.read_text(encoding="utf-8")
        _assert_no_raw(page)
        assert not any(c < " " and c not in "\t\n\r" for c in page), command
        for visible in SHOWN.values():
            assert html.escape(visible) in page, (command, suffix, visible)
