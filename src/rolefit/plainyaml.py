"""A reader for the plain subset of YAML that answers files are written in, without PyYAML.

Importing PyYAML costs more than everything else a scripted report does, and the files
rolefit writes (``dump_answers``, ``template``, the session) use only a little of YAML:
block mappings indented with spaces, comments, one-line ``{key: value}`` flow mappings,
whole numbers, ``"quoted"`` and ``'quoted'`` text and plain words. :func:`load` reads
exactly that and returns :data:`NOT_PLAIN` for anything else (a list, a tab, an anchor, a
tag, a value YAML would read as a date or a boolean, a duplicate key, ...), and the caller
then parses the text with PyYAML, which also gives the located error messages.

What :func:`load` returns is what PyYAML's safe loader returns for the same text; a
property test compares the two on generated documents.
"""

from __future__ import annotations

import re
from typing import Any, Final

#: Returned when the text uses more of YAML than this reader knows.
NOT_PLAIN: Final = object()

# Characters YAML does not allow in a stream (as PyYAML's reader), and line breaks other than \n.
_UNREADABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ODD_BREAKS = ("\r", "\x85", "\u2028", "\u2029", "\ufeff", "\t")

# A word that YAML reads as text: starts with a letter, no spaces or flow indicators.
_WORD = r"[A-Za-z_][A-Za-z0-9_.\-]{0,127}"
# ... except these, which YAML 1.1 (PyYAML) reads as booleans or null.
_NOT_TEXT = frozenset({"yes", "no", "true", "false", "on", "off", "null", "y", "n"})
_INT = r"-?(?:0|[1-9][0-9]{0,17})"
_QUOTED = r"\"[^\"\\]*\"|'[^']*'"
_SCALAR = rf"(?P<int>{_INT})|(?P<word>{_WORD})|(?P<quoted>{_QUOTED})"
_SCALAR_RE = re.compile(rf"(?:{_SCALAR})\Z")
_PAIR = rf"{_WORD}: +(?:{_INT}|{_WORD}|{_QUOTED})"
_FLOW = rf"\{{ *(?:{_PAIR} *(?:, *{_PAIR} *)*)?\}}"
_FLOW_PAIR = re.compile(rf" *(?P<key>{_WORD}): +(?P<value>{_INT}|{_WORD}|{_QUOTED}) *")
# One line: indent, key, and either nothing (a block follows, or null), a scalar or a flow mapping;
# then an optional comment, which needs a space before its '#'.
_LINE = re.compile(
    rf"(?P<indent> *)(?P<key>{_WORD}):(?: +(?P<value>{_FLOW}|{_INT}|{_WORD}|{_QUOTED}))?(?: *| +#.*)\Z"
)
_BLANK = re.compile(r" *(?:#.*)?\Z")

_Line = tuple[int, str, Any]  # indent, key, value (``_BLOCK`` when a nested block may follow)
_BLOCK: Final = object()


class _NotPlain(Exception):
    pass


def load(text: str) -> Any:
    """The document in ``text`` as PyYAML's safe loader reads it, or :data:`NOT_PLAIN`."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
    if any(c in text for c in _ODD_BREAKS) or _UNREADABLE.search(text):
        return NOT_PLAIN
    try:
        lines = [_line(raw) for raw in text.split("\n") if not _BLANK.match(raw)]
        if not lines or lines[0][0] != 0:
            return NOT_PLAIN
        document, end = _mapping(lines, 0, 0)
    except _NotPlain:
        return NOT_PLAIN
    return document if end == len(lines) else NOT_PLAIN


def _line(raw: str) -> _Line:
    match = _LINE.match(raw)
    if match is None:
        raise _NotPlain
    indent, key, value = match.group("indent", "key", "value")
    _text(key)
    if value is None:
        return len(indent), key, _BLOCK
    if value.startswith("{"):
        pairs = value[1:-1].strip()
        found: dict[str, Any] = {}
        for part in pairs.split(",") if pairs else ():
            pair = _FLOW_PAIR.match(part)
            if pair is None or pair.end() != len(part):
                raise _NotPlain  # e.g. a comma inside quotes: leave it to PyYAML
            name = _text(pair["key"])
            if name in found:
                raise _NotPlain
            found[name] = _scalar(pair["value"])
        return len(indent), key, found
    return len(indent), key, _scalar(value)


def _text(word: str) -> str:
    if word.lower() in _NOT_TEXT:
        raise _NotPlain
    return word


def _scalar(value: str) -> Any:
    match = _SCALAR_RE.match(value)
    if match is None:  # pragma: no cover - the line's pattern already matched it
        raise _NotPlain
    if match["int"] is not None:
        return int(value)
    if match["word"] is not None:
        return _text(value)
    return value[1:-1]


def _mapping(lines: list[_Line], start: int, indent: int) -> tuple[dict[str, Any], int]:
    """The block mapping whose keys are at ``indent``, from ``lines[start]``; and where it ends."""
    result: dict[str, Any] = {}
    i = start
    while i < len(lines):
        at, key, value = lines[i]
        if at < indent:
            break
        if at > indent or key in result:
            raise _NotPlain
        i += 1
        if value is _BLOCK:
            if i < len(lines) and lines[i][0] > indent:
                value, i = _mapping(lines, i, lines[i][0])
            else:
                value = None
        result[key] = value
    return result, i
