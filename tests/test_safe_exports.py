"""Names and titles from a catalogue are escaped in every export; no export loads a remote resource."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from rolefit.cli import app

from helpers import EXAMPLES, edited_catalogue

runner = CliRunner()

HOSTILE = {
    "rnd": ("R&D {research} scientist", "R&D {x}"),
    "product": ("a|b", "a|b short"),
    "data-person": ("<script>alert(1)</script>", "*x*"),
}
TASK_TITLE = "*bold* [link](u) `tick`"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built-in catalogue with role names and a task title that Markdown and HTML would misread.
    Made once for the module: its tests only read it."""

    def roles(data: dict[str, Any]) -> None:
        for role in data["roles"]:
            role["name"], role["short"] = HOSTILE[role["id"]]

    def tasks(data: dict[str, Any]) -> None:
        next(t for t in data["tasks"] if t["id"] == "implement-papers")["title"] = TASK_TITLE

    return edited_catalogue(tmp_path_factory.mktemp("hostile"), roles, tasks)


COMMANDS = {
    "explain": ["explain", "rnd"],
    "versus": ["explain", "rnd", "--vs", "product"],
    "quiz": ["quiz", "--answers", str(EXAMPLES / "researcher.yaml")],
    "compare": ["compare", str(EXAMPLES / "analyst.yaml"), str(EXAMPLES / "researcher.yaml")],
}


def _export(hostile: Path, tmp_path: Path, command: str, suffix: str) -> str:
    target = tmp_path / f"out{suffix}"
    result = runner.invoke(app, [*COMMANDS[command], "--catalogue", str(hostile), "-o", str(target)])
    assert result.exit_code == 0, result.output
    return target.read_text(encoding="utf-8")


#: What each command shows of the hostile catalogue, as written there.
SHOWS = {
    "explain": ["R&D {research} scientist", TASK_TITLE],
    "versus": ["R&D {research} scientist", "a|b", "a|b short", TASK_TITLE],
    "quiz": ["R&D {research} scientist", "a|b", "<script>alert(1)</script>", "*x*", TASK_TITLE],
    "compare": ["R&D {research} scientist", "a|b", "<script>alert(1)</script>"],
}
ESCAPED = {
    "R&D {research} scientist": "R&D {research} scientist",
    "*x*": "\\*x\\*",
    "a|b short": "a\\|b short",
    "a|b": "a\\|b",
    "<script>alert(1)</script>": "&lt;script&gt;alert(1)&lt;/script&gt;",
    TASK_TITLE: "\\*bold\\* \\[link\\](u) \\`tick\\`",
}


@pytest.mark.parametrize("command", list(COMMANDS))
def test_markdown_escapes_catalogue_text(hostile: Path, tmp_path: Path, command: str) -> None:
    md = _export(hostile, tmp_path, command, ".md")
    assert "<script" not in md
    for raw in SHOWS[command]:
        assert ESCAPED[raw] in md, raw
        if raw != ESCAPED[raw]:
            assert raw not in md.replace(ESCAPED[raw], ""), raw
    for table in re.findall(r"(?:^\|.*\n)+", md, flags=re.M):  # every row has as many cells as the header
        counts = {len(re.findall(r"(?<!\\)\|", row)) for row in table.splitlines()}
        assert len(counts) == 1, table


@pytest.mark.parametrize("command", list(COMMANDS))
def test_html_is_escaped_and_whole(hostile: Path, tmp_path: Path, command: str) -> None:
    page = _export(hostile, tmp_path, command, ".html")
    assert "<script" not in page
    text = html.unescape(page).replace("\u00a0", " ")
    for raw in SHOWS[command]:
        assert raw in text, raw
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "http" not in page


@pytest.mark.parametrize("command", list(COMMANDS))
def test_svg_is_valid_escaped_and_loads_nothing(hostile: Path, tmp_path: Path, command: str) -> None:
    svg = _export(hostile, tmp_path, command, ".svg")
    root = ET.fromstring(svg)  # well-formed XML
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert "<script" not in svg
    assert re.findall(r"https?://[^\s\"')]+", svg) == ["http://www.w3.org/2000/svg"]
    assert "url(" not in svg.replace("url(#rolefit-", "")
    assert "@font-face" not in svg
    text = "".join(root.itertext()).replace("\u00a0", " ")
    for raw in SHOWS[command]:
        assert raw.split()[0] in text, raw


def test_the_builtin_svg_loads_no_font_from_the_network(tmp_path: Path) -> None:
    target = tmp_path / "r.svg"
    result = runner.invoke(app, ["quiz", "--answers", str(EXAMPLES / "builder.yaml"), "-o", str(target)])
    assert result.exit_code == 0, result.output
    svg = target.read_text(encoding="utf-8")
    assert "url(" not in re.sub(r"url\(#rolefit-[\w-]+\)", "", svg)
    assert "cdn" not in svg and "woff" not in svg
