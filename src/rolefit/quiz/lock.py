"""One quiz at a time per state folder: the session lock.

Two ``rolefit quiz`` runs sharing a state folder would each overwrite the other's session.
So a quiz that uses the session first takes ``session.lock`` beside it: a file created
atomically (``O_CREAT | O_EXCL``) that holds the pid, the host name and the start time of
the quiz holding it. A second quiz that finds a live lock stops with one line
(:class:`QuizInProgress`, exit 2) before it reads or writes anything.

A lock is *stale*, and is taken over with a notice, when its process is no longer running on
this host (``os.kill(pid, 0)`` raises ``ProcessLookupError``), when it is older than
:data:`STALE_AFTER`, or when it cannot be read and is no longer being written. A crash (or a
kill) therefore leaves a lock the next quiz takes over. Taking over and releasing are done
under an advisory lock on the folder where the system has one, so that two quizzes finding
the same stale lock do not both take it.

:func:`acquire` is re-entrant within a process: the lock is released when the outermost
holder lets go.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from rolefit.errors import OutputError, RolefitError

LOCK_FILE = "session.lock"
#: A lock older than this is stale even if its process seems alive (the pid may be reused).
STALE_AFTER = 24 * 3600.0
#: A lock file that cannot be read is being written for at most this long.
_WRITING = 10.0


class QuizInProgress(RolefitError):
    """Another quiz holds the lock on the session."""


@dataclass(frozen=True)
class Holder:
    """Who holds a lock: what its file says."""

    pid: int
    host: str
    started: float  # seconds since the epoch

    def text(self) -> str:
        return f"pid: {self.pid}\nhost: {self.host}\nstarted: {self.started!r}\n"

    def describe(self) -> str:
        clock = datetime.fromtimestamp(self.started).strftime("%H:%M")
        if time.time() - self.started > 20 * 3600:
            clock = datetime.fromtimestamp(self.started).strftime("%Y-%m-%d %H:%M")
        where = "" if self.host == _host() else f" on {self.host}"
        return f"pid {self.pid}{where}, started {clock}"


def _host() -> str:
    return socket.gethostname() or "localhost"


def me() -> Holder:
    return Holder(os.getpid(), _host(), time.time())


def read_holder(path: Path) -> Holder | None:
    """What the lock file at ``path`` says, or None if it cannot be read (half-written, corrupt)."""
    try:
        raw = path.read_bytes()[:4096].decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    fields = dict(line.partition(": ")[::2] for line in raw.splitlines())
    try:
        return Holder(int(fields["pid"]), fields["host"], float(fields["started"]))
    except (KeyError, ValueError):
        return None


def alive(pid: int) -> bool:
    """Is a process with this pid running here? (One we may not signal is running.)"""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def stale(holder: Holder | None, path: Path) -> bool:
    """Whether the lock at ``path`` (saying ``holder``) may be taken over."""
    if holder is None:
        try:
            return time.time() - path.stat().st_mtime > _WRITING
        except OSError:
            return True
    if time.time() - holder.started > STALE_AFTER:
        return True
    if holder.host != _host():
        return False  # its process cannot be looked for from here
    if holder.pid == os.getpid():
        return True  # ours, left by an earlier quiz in this process (a lock we hold is never looked at)
    return not alive(holder.pid)


@dataclass
class Lock:
    """A held lock on ``path``; :meth:`release` (or leaving the ``with``) lets go of it."""

    path: Path
    holder: Holder
    _depth: int = 1

    def __enter__(self) -> Lock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    def still_held(self) -> bool:
        """Whether the lock file is still this one's (it may have been taken over as stale)."""
        return read_holder(self.path) == self.holder

    def release(self) -> None:
        self._depth -= 1
        if self._depth > 0:
            return
        _HELD.pop(self.path, None)
        with _guard(self.path.parent):
            if self.still_held():
                self.path.unlink(missing_ok=True)


_HELD: dict[Path, Lock] = {}


def acquire(state_dir: Path, notify: Callable[[str], None] | None = None) -> Lock:
    """Take the session lock in ``state_dir`` (creating the folder), or raise :class:`QuizInProgress`.

    A stale lock is taken over, and ``notify`` is told. Use it as a context manager.
    """
    path = (state_dir / LOCK_FILE).absolute()
    held = _HELD.get(path)
    if held is not None and held.still_held():
        held._depth += 1
        return held
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the state folder: {exc.strerror}", file=path.parent) from None
    for _ in range(5):
        holder = me()
        if _create(path, holder):
            lock = Lock(path, holder)
            _HELD[path] = lock
            return lock
        found = read_holder(path)
        if not stale(found, path):
            who = found.describe() if found is not None else "just starting"
            raise QuizInProgress(
                f"a quiz is in progress in another terminal ({who}); finish it there, "
                f"or remove {path} if it is not running"
            )
        with _guard(path.parent):
            if read_holder(path) == found:  # nobody took it over meanwhile
                path.unlink(missing_ok=True)
        if notify is not None:
            what = f"({found.describe()})" if found is not None else "(unreadable)"
            notify(f"notice: took over the lock of a quiz that is no longer running {what}")
    raise OutputError("could not take the quiz session lock; try again", file=path)


def _create(path: Path, holder: Holder) -> bool:
    """Create the lock file holding ``holder``; False if one exists."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    except OSError as exc:
        raise OutputError(f"cannot create the quiz session lock: {exc.strerror}", file=path) from None
    try:
        os.write(fd, holder.text().encode("utf-8"))
        os.fsync(fd)
    except OSError as exc:
        os.close(fd)
        path.unlink(missing_ok=True)
        raise OutputError(f"cannot write the quiz session lock: {exc.strerror}", file=path) from None
    os.close(fd)
    return True


@contextmanager
def _guard(folder: Path) -> Iterator[None]:
    """An advisory lock on ``folder`` while a stale lock is removed (none where flock is missing)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        with suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # (closing releases the flock)
