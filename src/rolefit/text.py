"""Text that came from a file or a name, made safe to show on a terminal; pure functions.

A catalogue, an answers file, a posting or a file name can hold characters that a terminal
acts on instead of showing: escape sequences (ESC, and CSI ``U+009B``, which some terminals
take alone), carriage returns and backspaces that overwrite what was printed, bidi overrides
that show text in another order than it is stored. :func:`terminal_safe` shows each of them
as a visible escape (``\\x1b``, ``\\u202e``); everything else is kept as it is. :func:`html_safe`
does the same for an HTML page, where tabs and line breaks are white space and stay.

Which characters are escaped:

- every C0 control (``U+0000``-``U+001F``), newline and tab included: the values shown are one
  line each; and DEL (``U+007F``);
- every C1 control (``U+0080``-``U+009F``);
- every format character (Unicode category Cf): the bidi embeddings, overrides and isolates
  (``U+202A``-``U+202E``, ``U+2066``-``U+2069``), the bidi marks, zero-width spaces, the soft
  hyphen, the byte-order mark and the tag characters, all of which can hide or reorder text.
  The zero-width joiner and non-joiner (``U+200D``, ``U+200C``) are kept: emoji sequences and
  several scripts need them, and they hide nothing;
- the line and paragraph separators (``U+2028``, ``U+2029``), which some terminals break lines at;
- lone surrogates (from file names that are not valid UTF-8), which no encoder can write.

:func:`cut` shortens a value to a readable length, saying how long it was.
"""

from __future__ import annotations

import codecs
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

#: How long a value quoted in a message may be (a name, an id, a key).
VALUE_LIMIT = 80

_KEPT_FORMAT = frozenset("\u200c\u200d")
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


@lru_cache(maxsize=4096)
def is_unsafe(char: str) -> bool:
    """Whether a terminal could act on ``char`` (or hide text with it) instead of showing it."""
    return unicodedata.category(char) in _UNSAFE_CATEGORIES and char not in _KEPT_FORMAT


def escape(char: str) -> str:
    """``char`` as a visible escape: ``\\x1b``, ``\\u202e``, ``\\U000e0041``."""
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _plain(text: str) -> bool:
    """A quick yes for most text: printable ASCII has nothing to escape."""
    return text.isascii() and text.isprintable()


def terminal_safe(text: str) -> str:
    """``text`` with every character a terminal could act on shown as a visible escape."""
    if _plain(text):
        return text
    return "".join(escape(c) if is_unsafe(c) else c for c in text)


#: What a page may hold as it is that a terminal may not: the white space HTML folds.
_HTML_SPACE = frozenset("\t\n\r")


def _noncharacter(code: int) -> bool:
    """The code points Unicode keeps out of text (U+FDD0-U+FDEF, and the last two of each plane),
    which an HTML page may not hold either."""
    return 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE


def html_safe(text: str) -> str:
    """``text`` for an HTML page, before its markup is escaped: each character :func:`terminal_safe`
    escapes, and each noncharacter, shown as the same visible escape, but tabs and line breaks
    (white space to HTML, and the lines of a text) kept."""
    if _plain(text):
        return text
    return "".join(escape(c) if (is_unsafe(c) and c not in _HTML_SPACE) or _noncharacter(ord(c)) else c for c in text)


def first_of(items: Sequence[str], limit: int, sep: str = ", ", last: str = " and ") -> str:
    """The first ``limit`` items, and how many more: "a, b, c and 9 more" (with ``sep="; "`` and
    ``last="; and "``: "a; b; and 9 more")."""
    more = len(items) - limit
    return sep.join(items[:limit]) + (f"{last}{more} more" if more > 0 else "")


def _length_note(length: int) -> str:
    return f"\u2026 ({length:,} characters)"


def cut(text: str, limit: int = VALUE_LIMIT) -> str:
    """``text`` if it has at most ``limit`` characters, else its start, an ellipsis and its length:
    ``"aaaa… (6,000,000 characters)"``. The result never has more than ``limit`` characters
    (unless ``limit`` is too small to hold the note itself)."""
    if len(text) <= limit:
        return text
    note = _length_note(len(text))
    return text[: max(limit - len(note), 0)] + note


def excerpt(text: str, limit: int = VALUE_LIMIT) -> str:
    """:func:`terminal_safe` and :func:`cut` in one: at most ``limit`` characters of safe text,
    however long ``text`` is (only its start is looked at), and no escape is split."""
    if len(text) <= limit and _plain(text):
        return text
    note = _length_note(len(text))
    room = max(limit - len(note), 0)  # what is left of the limit once the note is added
    pieces: list[str] = []
    used = 0
    fits_in_room = 0  # how many pieces fit before the note would
    for char in text:
        piece = escape(char) if is_unsafe(char) else char
        if used + len(piece) > limit:
            return "".join(pieces[:fits_in_room]) + note
        pieces.append(piece)
        used += len(piece)
        if used <= room:
            fits_in_room = len(pieces)
    return "".join(pieces)


#: ASCII stand-ins for the characters rolefit's own output uses (bars, bullets, dashes, boxes),
#: for a stream whose encoding cannot write them. Each is one character, so columns stay aligned.
LOOKALIKES: dict[str, str] = {
    **dict.fromkeys("\u2588\u2593\u2592", "#"),
    **dict.fromkeys("\u258f\u258e\u258d\u258c\u258b\u258a\u2589\u2591", "+"),
    **dict.fromkeys("\u2022\u25cf\u25aa\u2023", "*"),
    **dict.fromkeys("\u00b7\u2219", "."),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2500\u2501\u2504\u2508\u254c", "-"),
    **dict.fromkeys("\u2502\u2503\u2506\u250a\u254e", "|"),
    **dict.fromkeys("\u2550", "="),
    **dict.fromkeys("\u250c\u2510\u2514\u2518\u251c\u2524\u252c\u2534\u253c\u256d\u256e\u256f\u2570", "+"),
    **dict.fromkeys("\u2018\u2019\u201a\u2032", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u2033", '"'),
    "\u2192": ">",
    "\u2190": "<",
    "\u2191": "^",
    "\u2193": "v",
    "\u2713": "v",
    "\u2714": "v",
    "\u2717": "x",
    "\u2718": "x",
    "\u00d7": "x",
    "\u2026": "...",
    "\u00a0": " ",
}


def ascii_lookalike(char: str) -> str:
    """An ASCII stand-in for ``char``: a lookalike, its letters without accents, or ``?``."""
    if char in LOOKALIKES:
        return LOOKALIKES[char]
    if not is_unsafe(char):
        stripped = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")
        if stripped.isprintable() and stripped:
            return stripped
    return "?"


def _lookalike_errors(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    chunk = error.object[error.start : error.end]
    return "".join(ascii_lookalike(c) for c in chunk), error.end


#: The name of a codec error handler that writes what an encoding cannot as :func:`ascii_lookalike`
#: does: ``stream.reconfigure(errors=LOOKALIKE_ERRORS)``.
LOOKALIKE_ERRORS = "rolefit-lookalike"
codecs.register_error(LOOKALIKE_ERRORS, _lookalike_errors)


def encodable(text: str, encoding: str) -> str:
    """``text`` as ``encoding`` can write it: unchanged if it can, else with ASCII stand-ins."""
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return text.encode(encoding, LOOKALIKE_ERRORS).decode(encoding)
    except LookupError:  # an encoding Python does not know: ASCII is safe everywhere
        return text.encode("ascii", LOOKALIKE_ERRORS).decode("ascii")
    return text
