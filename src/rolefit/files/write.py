"""Writing files safely: atomically, and never over an existing file unless asked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rolefit.errors import OutputError


def check_writable(path: Path, force: bool) -> None:
    """Fail early, before any work, if ``path`` cannot be written."""
    if path.exists() and not force:
        raise OutputError("already exists; pass --force to overwrite it", file=path)
    if path.is_dir():
        raise OutputError("is a folder; expected a file name", file=path)
    if not path.parent.is_dir():
        raise OutputError(f"folder '{path.parent}' does not exist", file=path)


def write_text(path: Path, text: str, *, force: bool = False) -> None:
    """Write ``text`` to ``path`` atomically (temp file, fsync, rename).

    Without ``force`` an existing file is never replaced, even one created
    while we were writing: the new file is linked into place, which fails if
    the name is taken.
    """
    check_writable(path, force)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"cannot write here: {exc.strerror or exc}", file=path) from None
    tmp = Path(name)
    try:
        if hasattr(os, "fchmod"):  # mkstemp makes the file private; give it the usual mode
            os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            tmp.replace(path)
        else:
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise OutputError("already exists; pass --force to overwrite it", file=path) from None
            except OSError:  # a filesystem without hard links
                if path.exists():
                    raise OutputError("already exists; pass --force to overwrite it", file=path) from None
                tmp.replace(path)
    except OSError as exc:
        raise OutputError(f"cannot write it: {exc.strerror or exc}", file=path) from None
    finally:
        tmp.unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def free_name(path: Path) -> Path:
    """``path``, or ``name-1.ext``, ``name-2.ext``... whichever does not exist yet."""
    candidate, n = path, 0
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate
