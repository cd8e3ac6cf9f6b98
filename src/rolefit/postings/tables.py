"""A table drawn in text, as lines a posting is read from: a row a line.

Ads pasted from a page or a PDF keep their tables as text: a Markdown table (``| Task | Time |``)
or a grid drawn with ``+----+`` rules, whose cells break over several lines. Each row becomes one
line, its cells apart by "—" and a cell's broken lines joined, so that a duty split over three
lines of a cell is one sentence again.
"""

from __future__ import annotations

import re

_GRID_RULE = re.compile(r"^\s*\+[-=+]+\+?\s*$")
_PIPE_RULE = re.compile(r"^\s*\|?[\s:|-]*-{3,}[\s:|-]*\|?\s*$")


def _row(cells: list[list[str]]) -> str:
    """A table row as a line: its cells' text, each cell's pieces joined, the cells apart by "—"."""
    texts = [" ".join(piece for piece in cell if piece) for cell in cells]
    return " — ".join(text for text in texts if text)


def _grid(lines: list[str]) -> list[str]:
    """The lines, a table drawn in text made one line per row: a Markdown table's rows as they are
    (without their pipes), a grid table's rows (between "+----+" rules) with each cell's lines
    joined, so that a cell broken over three lines is one sentence again."""
    out: list[str] = []
    cells: list[list[str]] = []  # the grid row being read: each column's pieces
    for line in lines:
        stripped = line.strip()
        if _GRID_RULE.match(stripped) or (stripped.startswith("|") and _PIPE_RULE.match(stripped)):
            if cells:
                out.append(_row(cells))
                cells = []
            continue
        if not (stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1):
            if cells:
                out.append(_row(cells))
                cells = []
            out.append(line)
            continue
        row = [c.strip() for c in stripped[1:-1].split("|")]
        cells = cells or [[] for _ in row]
        if len(row) != len(cells):
            out.append(_row(cells))
            cells = [[] for _ in row]
        for cell, text in zip(cells, row, strict=True):
            cell.append(text)
    if cells:
        out.append(_row(cells))
    return out


def table_rows(lines: list[str]) -> list[str]:
    """The lines, each row of a Markdown table (no "+----+" rules between its rows) on its own."""
    if not any(_GRID_RULE.match(line.strip()) for line in lines):
        return [
            _row([[c.strip()] for c in line.strip()[1:-1].split("|")])
            if line.strip().startswith("|")
            and line.strip().endswith("|")
            and len(line.strip()) > 1
            and not _PIPE_RULE.match(line.strip())
            else line
            for line in lines
            if not (line.strip().startswith("|") and _PIPE_RULE.match(line.strip()))
        ]
    return _grid(lines)
