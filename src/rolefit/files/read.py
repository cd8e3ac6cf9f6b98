"""Reading input files safely: bounded in size, UTF-8 (a byte-order mark is fine), clear errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rolefit.errors import RolefitError

ErrorType = Callable[..., RolefitError]

#: The largest answers file (or session) read. Hand-written files are far smaller.
MAX_BYTES = 1024 * 1024
#: The largest catalogue file read: large enough for an O*NET-sized catalogue
#: (20,000 tasks and 1,000 roles take about 4.4 MB), small enough to refuse junk.
MAX_CATALOGUE_BYTES = 32 * 1024 * 1024


def read_bytes(path: Path, error: ErrorType, what: str, limit: int = MAX_BYTES) -> bytes:
    """The bytes of ``path``, or ``error`` naming the file and the problem."""
    try:
        if path.is_dir():
            raise error(f"expected {what}, found a folder", file=path)
        if path.stat().st_size > limit:
            raise error(f"file is larger than {_size(limit)}; expected {what}", file=path)
        return path.read_bytes()
    except FileNotFoundError:
        raise error(f"no such file; expected {what}", file=path) from None
    except OSError as exc:
        raise error(f"cannot read it: {exc.strerror or exc}", file=path) from None


def read_text(path: Path, error: ErrorType, what: str, limit: int = MAX_BYTES) -> str:
    return decode(read_bytes(path, error, what, limit), str(path), error, limit)


def decode(data: bytes, name: str, error: ErrorType, limit: int = MAX_BYTES) -> str:
    if len(data) > limit:
        raise error(f"file is larger than {_size(limit)}", file=name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(f"expected UTF-8 text, found byte 0x{data[exc.start]:02x}", file=name) from None


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MiB"
