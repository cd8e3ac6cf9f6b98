"""Small rich building blocks shared by the report and the role pages."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text


def heading(title: str) -> Text:
    """A section title, with a blank line before it."""
    return Text(f"\n{title}", style="bold")


def bullets(items: Iterable[RenderableType], marker: str = "•") -> Table:
    """A bulleted list whose lines wrap under the text, not under the bullet."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=len(marker) + 2, justify="right", no_wrap=True)
    grid.add_column(ratio=1)
    for item in items:
        grid.add_row(marker, item)
    return grid


def titled(title: str, description: str) -> Text:
    """'Title: description' with the title in bold."""
    return Text.assemble((title, "bold"), f": {description}")
