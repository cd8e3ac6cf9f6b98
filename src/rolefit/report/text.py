"""Numbers and text as every report format shows them: rounded once, escaped once.

Only the standard library (and :mod:`rolefit.text`): the Markdown, CSV and JSON reports import
this and no rich.
"""

from __future__ import annotations

import re

from rolefit.text import terminal_safe


def shown(x: float, digits: int = 1) -> float:
    """``x`` rounded to ``digits`` as a report shows it; never -0.0."""
    return round(x, digits) + 0.0  # + 0.0 turns -0.0 into 0.0


def signed(x: float, digits: int = 1) -> str:
    """'+1.2', '-0.3', '+0.0' (never '-0.0')."""
    return f"{shown(x, digits):+.{digits}f}"


def change_text(value: float) -> str:
    """A change to one decimal, signed unless it is none ("+2.5", "-0.4", "0.0")."""
    return f"{value:+.1f}" if value else "0.0"


#: Characters that mean something inline in Markdown (tables, emphasis, code, links, escapes).
_MD_SPECIAL = re.compile(r"([\\|*_`\[\]])")


def md_text(text: str) -> str:
    """``text`` from a catalogue or answers file, safe anywhere in a Markdown line or table cell.

    Line breaks become spaces (a table row is one line); any other control character, escape
    sequence or bidi override is shown as a visible escape (``\\x1b``, ``\\u202e``), as on the
    terminal, so a pasted report cannot hide or reorder text. Then Markdown's inline characters
    are backslash-escaped, ``<`` and ``>`` become entities (no HTML passes through), and a
    leading ``#`` cannot start a heading.
    """
    flat = terminal_safe(" ".join(text.split()) if ("\n" in text or "\r" in text) else text)
    out = _MD_SPECIAL.sub(r"\\\1", flat).replace("<", "&lt;").replace(">", "&gt;")
    if out.startswith("#"):
        out = "\\" + out
    return out


def md_code(text: str) -> str:
    """An id as inline code; one holding a backtick is escaped as text instead."""
    return md_text(text) if "`" in text or "\n" in text else f"`{terminal_safe(text)}`"


#: What a spreadsheet reads as the start of a formula (OWASP's list for CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_text(text: str) -> str:
    """A text cell for CSV that no spreadsheet runs as a formula: one starting with ``=``, ``+``,
    ``-``, ``@``, a tab or a carriage return gets a single quote in front (``'=1+1``).
    Only for text: a number's cell is written as it is."""
    return "'" + text if text.startswith(_FORMULA_START) else text
