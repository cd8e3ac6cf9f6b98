"""Writing files safely: atomically, and never over an existing file unless asked.

A regular file is written to a temporary file beside it, then renamed into place. What is not a
regular file is never replaced by one: a symbolic link is written through (the link stays, the
file it points to is replaced), a FIFO or a character device (``/dev/stdout``, ``/dev/null``) is
opened and written to, and a folder, a block device or a socket is refused.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from pathlib import Path

from rolefit.errors import OutputError
from rolefit.files.read import kind_of

_EXISTS = "already exists; pass --force to overwrite it"


def _target(path: Path) -> tuple[Path, int | None]:
    """The file that writing ``path`` really writes (a link's target), and its mode if it exists."""
    if str(path) == "":
        raise OutputError("expected a file name", file="''")
    if "\x00" in str(path):
        raise OutputError("a file name cannot hold a NUL character", file=path)
    real = path
    try:
        if path.is_symlink() and _names_a_descriptor(path):
            return path, stat.S_IFCHR  # /dev/stdout and the like: written to as they are, whatever they lead to
        if path.is_symlink():
            try:
                real = Path(os.path.realpath(path, strict=True))
            except FileNotFoundError:  # a link to a file not made yet: make that file
                real = Path(os.path.realpath(path))
        mode: int | None = real.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise OutputError("is a loop of symbolic links; expected a file name", file=path) from None
        raise OutputError(f"cannot write it: {exc.strerror or exc}", file=path) from None
    return real, mode


def _names_a_descriptor(path: Path) -> bool:
    """Whether ``path`` is a link to one of this process's open descriptors (``/dev/stdout``, ``/dev/fd/1``).

    Such a link leads to whatever the descriptor is, often a regular file the shell opened: renaming a
    new file over that would leave the shell's descriptor on the old, unlinked one.
    """
    places = ("/proc/", "/dev/fd/")
    return str(path.readlink()).startswith(places) or str(path.absolute()).startswith(places)


def _is_stream(mode: int | None) -> bool:
    return mode is not None and (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode))


def check_writable(path: Path, force: bool) -> None:
    """Fail early, before any work, if ``path`` cannot be written."""
    real, mode = _target(path)
    if _is_stream(mode):
        return  # written to as it is: nothing is overwritten
    if mode is not None and stat.S_ISDIR(mode):
        raise OutputError("is a folder; expected a file name", file=path)  # --force would not change that
    if mode is not None and not force:
        raise OutputError(_EXISTS, file=path)
    if mode is not None and not stat.S_ISREG(mode):
        raise OutputError(f"expected a regular file, a FIFO or a character device; found {kind_of(mode)}", file=path)
    if not real.parent.is_dir():
        raise OutputError(f"folder '{real.parent}' does not exist", file=path)


def write_text(path: Path, text: str, *, force: bool = False) -> None:
    """Write ``text`` to ``path``: atomically (temp file, fsync, rename) for a file, as it is for a stream.

    Without ``force`` an existing file is never replaced, even one created
    while we were writing: the new file is linked into place, which fails if
    the name is taken.
    """
    check_writable(path, force)
    real, mode = _target(path)
    if _is_stream(mode):
        _write_stream(path, real, text)
    else:
        _write_atomic(path, real, text, force)


def _descriptor(path: Path) -> int | None:
    """The number of this process's open descriptor that ``path`` names (``/dev/stdout`` is 1,
    ``/dev/fd/3`` is 3), or None. Writing to that descriptor keeps how the shell opened it
    (``>> log`` appends); opening the path again would start at the file's beginning."""
    names = [str(path)]
    try:
        link = path.readlink()
        names.append(str(link))
        names.append(str(link.readlink()))
    except OSError:
        pass
    own = (f"/proc/{os.getpid()}/fd/", "/proc/self/fd/", "/dev/fd/")
    for name in names:
        if name in ("/dev/stdout", "/dev/stderr", "/dev/stdin"):
            return ("/dev/stdin", "/dev/stdout", "/dev/stderr").index(name)
        for prefix in own:
            if name.startswith(prefix) and name[len(prefix) :].isdigit():
                return int(name[len(prefix) :])
    return None


def _write_stream(path: Path, real: Path, text: str) -> None:
    """Write to a FIFO or a device: opened without blocking (a FIFO nobody reads would wait forever);
    a name for one of our own descriptors (``/dev/stdout``) is written through that descriptor."""
    number = _descriptor(path)
    if number is not None:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
            data = text.encode("utf-8")
            while data:
                data = data[os.write(number, data) :]
        except OSError as exc:
            raise OutputError(f"cannot write it: {exc.strerror or exc}", file=path) from None
        return
    flags = os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(real, flags)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise OutputError("no program is reading this FIFO", file=path) from None
        raise OutputError(f"cannot write it: {exc.strerror or exc}", file=path) from None
    try:
        os.set_blocking(fd, True)
        data = text.encode("utf-8")
        while data:
            data = data[os.write(fd, data) :]
    except OSError as exc:
        raise OutputError(f"cannot write it: {exc.strerror or exc}", file=path) from None
    finally:
        os.close(fd)


def _write_atomic(path: Path, real: Path, text: str, force: bool) -> None:
    """Write ``real`` (``path``, or the file its link points to) by a temporary file renamed into place."""
    try:
        fd, name = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=real.parent)
    except OSError as exc:
        raise OutputError(f"cannot write here: {exc.strerror or exc}", file=path) from None
    tmp = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            if hasattr(os, "fchmod"):  # mkstemp makes the file private; give it the usual mode
                os.fchmod(fd, 0o666 & ~_umask())
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            tmp.replace(real)
        else:
            try:
                os.link(tmp, real)
            except FileExistsError:
                raise OutputError(_EXISTS, file=path) from None
            except OSError:  # a filesystem without hard links
                if real.exists():
                    raise OutputError(_EXISTS, file=path) from None
                tmp.replace(real)
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
    while candidate.exists() or candidate.is_symlink():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate
