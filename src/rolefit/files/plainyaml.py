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

The writers' side: :func:`scalar` writes any text so that both readers read it back as it was
(a plain word when it is one, else :func:`quoted`), and :func:`comment` makes any text one
line that is safe after a ``#``.
"""

from __future__ import annotations

import re
from typing import Any, Final

#: Returned when the text uses more of YAML than this reader knows.
NOT_PLAIN: Final = object()

# A word that YAML reads as text: starts with a letter, no spaces or flow indicators...
_WORD = r"[A-Za-z_][A-Za-z0-9_.\-]*"
# ... except these, which YAML 1.1 (PyYAML) reads as booleans or null.
_NOT_TEXT = frozenset({"yes", "no", "true", "false", "on", "off", "null", "y", "n"})
# A value: a whole number, such a word, or text in quotes without escapes.
_SCALAR = re.compile(r"(?P<int>-?(?:0|[1-9][0-9]{0,17}))|(?P<word>" + _WORD + r")|\"[^\"\\]*\"|'[^']*'")
# One line: indent, key, then nothing (a block follows, or null), a value or a one-line {flow
# mapping}; then maybe a comment, which needs a space before its '#'. Values are checked apart.
_LINE = re.compile(
    r"(?P<indent> *)(?P<key>" + _WORD + r"):"
    r"(?: +(?P<value>\{[^{}]*\}|\"[^\"]*\"|'[^']*'|[^ #'\"{][^ ]*))?"
    r"(?: *| +#.*)\Z"
)
_FLOW_PAIR = re.compile(r" *(?P<key>" + _WORD + r"): +(?P<value>\S(?:.*\S)?) *\Z")
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
    if not text.replace("\n", "").isprintable():
        # Python's printable characters are a subset of those YAML allows in a stream; this
        # also leaves out tabs, a BOM after the start and line breaks other than \n.
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
            if pair is None:
                raise _NotPlain  # e.g. a comma inside quotes: leave it to PyYAML
            name = _text(pair["key"])
            if name in found:
                raise _NotPlain
            found[name] = _scalar(pair["value"])
        return len(indent), key, found
    return len(indent), key, _scalar(value)


def _text(word: str) -> str:
    if word.lower() in _NOT_TEXT or len(word) > 128:  # (PyYAML limits a key to 1024 characters)
        raise _NotPlain
    return word


def _scalar(value: str) -> Any:
    match = _SCALAR.fullmatch(value)
    if match is None:
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


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0"}


def _escape(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    if char.isprintable():  # (a space is printable; so are the characters above the BMP YAML allows)
        return char
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar that reads back as it was, on one line: quotes and
    backslashes escaped, and every character that is not printable (line breaks, tabs, U+2028,
    a BOM) written as an escape. (A lone surrogate is escaped too, but libyaml refuses it.)"""
    if text.isprintable() and '"' not in text and "\\" not in text:
        return f'"{text}"'
    return '"' + "".join(map(_escape, text)) + '"'


def scalar(text: str) -> str:
    """``text`` as a key or value: bare when this reader (and so PyYAML) reads it as that word,
    else :func:`quoted` (``no``, ``0x1f`` and ``017`` are not text to YAML 1.1)."""
    if re.fullmatch(_WORD, text) and text.lower() not in _NOT_TEXT and len(text) <= 128:
        return text
    return quoted(text)


def comment(text: str) -> str:
    """``text`` as the rest of a ``# comment``: on one line, with what is not printable escaped."""
    if text.isprintable():
        return text
    return "".join(c if c == '"' else _escape(c) for c in text)
