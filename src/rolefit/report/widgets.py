"""Small rich building blocks shared by the report and the role pages.

Every name or text that came from a catalogue, an answers file or a file name goes on screen
through :func:`safe` (or a block here that uses it): a control character, an escape sequence
or a bidi override in it is shown as a visible escape (``\\x1b``, ``\\u202e``) instead of being
acted on by the terminal. Ordinary text is shown as it is. A :class:`~rich.text.Text` is never
read as markup or emoji codes, whatever the console's settings.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from rolefit.text import terminal_safe

__all__ = ["bullets", "heading", "safe", "terminal_safe", "titled"]


def safe(text: str, style: str = "") -> Text:
    """``text`` from a file, as a terminal can show it without acting on it."""
    return Text(terminal_safe(text), style=style)


def heading(title: str) -> Text:
    """A section title, with a blank line before it."""
    return Text(f"\n{terminal_safe(title)}", style="bold")


def bullets(items: Iterable[RenderableType], marker: str = "•") -> Table:
    """A bulleted list whose lines wrap under the text, not under the bullet; a plain string
    item is shown as :func:`safe` shows it."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=len(marker) + 2, justify="right", no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")  # (rich cuts a line with a wide character short, with "…", else)
    for item in items:
        grid.add_row(marker, safe(item) if isinstance(item, str) else item)
    return grid


def titled(title: str, description: str) -> Text:
    """'Title: description' with the title in bold."""
    return Text.assemble((terminal_safe(title), "bold"), f": {terminal_safe(description)}")
