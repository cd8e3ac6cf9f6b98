"""Reading input files safely: bounded in size, UTF-8 (a byte-order mark is fine), clear errors.

Every file rolefit reads goes through :func:`read_bytes` (or :func:`read_stdin` for ``-``). It
opens the file without blocking (a FIFO with no writer would wait forever), refuses anything
that is not a regular file (a FIFO, a device, a socket, a folder), and reads at most the limit
plus one byte: ``stat()`` says 0 for a pipe, a device or a ``/proc`` file, so it is not trusted.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from rolefit.errors import RolefitError

ErrorType = Callable[..., RolefitError]

#: What standard input ("-") is called where a name is wanted: a posting's, a person's.
STDIN_NAME = "stdin"
#: The largest answers file (or session) read. Hand-written files are far smaller.
MAX_BYTES = 1024 * 1024
#: The suffixes of job postings (text, Markdown, a saved web page).
POSTING_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
#: The largest catalogue file read: large enough for an O*NET-sized catalogue
#: (20,000 tasks and 1,000 roles take about 4.4 MB), small enough to refuse junk.
MAX_CATALOGUE_BYTES = 32 * 1024 * 1024

_CHUNK = 1024 * 1024


def kind_of(mode: int) -> str:
    """What a file of this mode is, in words ("a FIFO", "a character device", ...)."""
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISLNK, "a symbolic link"),
    )
    return next((name for test, name in kinds if test(mode)), "not a regular file")


def _read_at_most(read: Callable[[int], bytes], limit: int) -> bytes:
    """Up to ``limit + 1`` bytes from ``read``: one more than allowed is enough to know it is too long."""
    parts: list[bytes] = []
    left = limit + 1
    while left > 0:
        chunk = read(min(left, _CHUNK))
        if not chunk:
            break
        parts.append(chunk)
        left -= len(chunk)
    return b"".join(parts)


def read_bytes(path: Path, error: ErrorType, what: str, limit: int = MAX_BYTES) -> bytes:
    """The bytes of ``path``, a regular file of at most ``limit`` bytes; or ``error`` naming the file and why."""
    if str(path) == "":
        raise error(f"expected a file name ({what})", file="''")
    if "\x00" in str(path):  # (the system cannot take one: os.open raises ValueError)
        raise error(f"a file name cannot hold a NUL character; expected {what}", file=path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise error(f"no such file; expected {what}", file=path) from None
    except IsADirectoryError:
        raise error(f"expected {what}, found a folder", file=path) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise error(f"is a loop of symbolic links; expected {what}", file=path) from None
        raise error(f"cannot read it: {exc.strerror or exc}; expected {what}", file=path) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise error(f"expected {what}, found a folder", file=path)
        if not stat.S_ISREG(mode):
            raise error(f"expected a regular file ({what}), found {kind_of(mode)}", file=path)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        data = _read_at_most(lambda n: os.read(fd, n), limit)
    except OSError as exc:
        raise error(f"cannot read it: {exc.strerror or exc}", file=path) from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise error(f"file is larger than {_size(limit)}; expected {what}", file=path)
    return data


def read_stdin(
    error: ErrorType, name: str = "<stdin>", limit: int = MAX_BYTES, stream: BinaryIO | None = None
) -> bytes:
    """At most ``limit`` bytes of standard input (``stream``), or ``error``: it is never read without end."""
    if stream is None and (sys.stdin is None or getattr(sys.stdin, "buffer", None) is None):
        raise error("standard input is closed; expected text on it", file=name)
    source = stream if stream is not None else sys.stdin.buffer
    try:  # read1: one read at a time, so that one Ctrl-D on a terminal ends the input (read waits for two)
        data = _read_at_most(getattr(source, "read1", source.read), limit)
    except OSError as exc:
        raise error(f"cannot read it: {exc.strerror or exc}", file=name) from None
    if len(data) > limit:
        raise error(f"input is larger than {_size(limit)}", file=name)
    return data


#: The name that stands for standard input.
STDIN = "-"


def stdin_once(*inputs: tuple[str, object]) -> None:
    """An error, before anything is read, when ``-`` (standard input) is given more than once: for
    two inputs of a command, or twice for one that takes many. It can be read once. ``inputs``: each
    input's name as the command line spells it ("POSTING", "--answers"), and what was given for it
    (a name, a list of names, or None)."""

    def uses(value: object) -> int:
        if isinstance(value, (list, tuple)):
            return sum(1 for item in value if str(item) == STDIN)
        return int(value is not None and str(value) == STDIN)

    counted = [(name, n) for name, value in inputs if (n := uses(value))]
    total = sum(n for _, n in counted)
    if total > 1:
        said = [name if n == 1 else f"{name} {_times(n)}" for name, n in counted]
        raise RolefitError(
            f"'-' is given {_times(total)} (as {' and as '.join(said)}); standard input is read once: save "
            "one of them to a file and give its name",
            file="<stdin>",
        )


def _times(n: int) -> str:
    return "twice" if n == 2 else f"{n} times"


def read_text(path: Path, error: ErrorType, what: str, limit: int = MAX_BYTES) -> str:
    return decode(read_bytes(path, error, what, limit), str(path), error, limit)


def decode(data: bytes, name: str, error: ErrorType, limit: int = MAX_BYTES) -> str:
    if len(data) > limit:
        raise error(f"file is larger than {_size(limit)}", file=name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        found = f"byte 0x{data[exc.start]:02x} at offset {exc.start}"
        raise error(f"expected UTF-8 text, found {found}{encoding_hint(data)}", file=name) from None


#: The first bytes of files that are not text, and what to say of them.
_SIGNATURES = (
    (b"PK\x03\x04", "a Word, OpenDocument or other zipped document, not text; save it as plain text (.txt)"),
    (b"\xd0\xcf\x11\xe0", "an old Word or Excel document, not text; save it as plain text (.txt)"),
    (b"%PDF", "a PDF, not text; copy its text into a .txt file"),
    (b"\x7fELF", "a program, not text"),
)


def encoding_hint(data: bytes) -> str:
    """What the text probably is, when it is not UTF-8: said, so the user knows what to convert."""
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            return f" (this looks like {what})"
    sample = data[:4096]
    # UTF-16: a BOM, or zeros in every other byte (the high bytes of Latin letters) and few in the rest
    zeros = sorted((sample[0::2].count(0), sample[1::2].count(0)))
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or (len(sample) > 3 and zeros[1] > len(sample) // 4 > 10 * zeros[0]):
        return " (this looks like UTF-16; save it as UTF-8)"
    controls = sum(1 for b in data[:4096] if b < 0x09 or 0x0E <= b < 0x20)
    if b"\x00" in data or controls > len(data[:4096]) // 20:
        return " (this looks like a binary file, not text)"
    return " (perhaps Windows-1252 or Latin-1; save it as UTF-8)"


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MiB"
