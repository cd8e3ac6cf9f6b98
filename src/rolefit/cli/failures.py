"""The one place where a failure becomes a line on stderr and an exit code.

Library code raises :class:`~rolefit.errors.RolefitError`; typer's own usage errors (a missing
argument, an unknown option) come as click exceptions. Both end here, as one line that starts
with ``rolefit:``, and the documented exit code:

===== ==============================================================================
0     success
2     a mistake the user can fix (a bad file, an unknown id, a bad option, no terminal)
130   interrupted (Ctrl-C)
141   the reader of the output went away (``rolefit roles | head -1``), as for SIGPIPE
===== ==============================================================================

Standard output or error that cannot be written (a full disk, an I/O error) is a mistake in
how rolefit was run, so it too ends with exit 2 (and the line, if standard error can take it).
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from typing import Any

from rolefit.errors import INTERRUPTED, USER_ERROR, RolefitError, printable
from rolefit.text import LOOKALIKE_ERRORS

#: Exit code when the reader of our output closed the pipe, as for SIGPIPE.
CLOSED_PIPE = 141
SUCCESS = 0
#: What writing to a stream can fail with, besides a closed pipe: a full disk, an I/O error.
WRITE_ERRORS = frozenset({errno.ENOSPC, errno.EIO, errno.EDQUOT, errno.EFBIG, errno.EROFS})
#: Error handlers that never raise: a stream using one needs no stand-ins.
_FORGIVING = frozenset({"replace", "backslashreplace", "ignore", "namereplace", "xmlcharrefreplace", LOOKALIKE_ERRORS})


class ClosedPipe(Exception):
    """The reader of our output went away (a broken pipe), as typer must not see it."""


def prepare_stream(stream: object) -> None:
    """Let ``stream`` write any text: what its encoding cannot (``PYTHONIOENCODING=ascii``, a C
    locale) is written as ASCII stand-ins (:func:`rolefit.text.ascii_lookalike`), not an error."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is None or getattr(stream, "errors", None) in _FORGIVING:
        return
    with contextlib.suppress(OSError, ValueError):  # closed, or cannot flush: the write will say so
        reconfigure(errors=LOOKALIKE_ERRORS)


def say(message: str) -> str | None:
    """One line for the user on stderr (no wrapping, no markup), never a traceback.

    Returns why it could not be written (a full disk, an I/O error), or None. A stderr closed
    on purpose (``2>&-``) takes nothing, and that is no error.
    """
    stream = sys.stderr
    if stream is None:
        return None
    prepare_stream(stream)
    try:
        stream.write(message + "\n")
        stream.flush()
    except OSError as exc:  # stderr full: nothing more can be said
        return str(exc.strerror or exc)
    except ValueError:  # closed
        return None
    return None


def error_line(message: str) -> str:
    return f"rolefit: {message}"


def quiet_stdout() -> None:
    """After the reader of our output went away (``| head``): no more writes, no error at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def exit_code_for(exc: BaseException) -> int | None:
    """Say what ``exc`` means to the user and give the exit code; None if it is not ours to handle."""
    if isinstance(exc, (BrokenPipeError, ClosedPipe)):
        quiet_stdout()
        return CLOSED_PIPE
    flush_stdout()  # what was printed comes before the message, and cannot fail at exit
    if isinstance(exc, OSError) and exc.errno in WRITE_ERRORS:
        quiet_stdout()
        where = f" {exc.filename}" if exc.filename else " the output"
        say(error_line(printable(f"cannot write{where}: {exc.strerror}")))
        return USER_ERROR
    if isinstance(exc, RolefitError):
        say(error_line(str(exc)))
        return exc.exit_code
    if isinstance(exc, KeyboardInterrupt):
        say(error_line("interrupted"))
        return INTERRUPTED
    if _is_click_error(exc):
        return _usage_error(exc)
    if type(exc).__name__ == "Abort":  # click's, after an end of input it could not ask past
        say(error_line("aborted"))
        return INTERRUPTED
    return None


def flush_stdout() -> int | None:
    """Flush standard output; the exit code if that failed (141 for a reader gone, 2 for a full
    disk), after which it is quiet, so that the flush at exit cannot fail again."""
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:
        quiet_stdout()
        return CLOSED_PIPE
    except (OSError, ValueError) as exc:
        quiet_stdout()
        if isinstance(exc, OSError):
            say(error_line(f"cannot write to standard output: {exc.strerror or exc}"))
        return USER_ERROR
    return None


def finish(code: int) -> int:
    """The exit code once standard output is flushed: ``code``, or 141/2 if the flush failed."""
    failed = flush_stdout()
    return code if failed is None or code != SUCCESS else failed


def _is_click_error(exc: BaseException) -> bool:
    # click's exception family, as typer ships it (typer 0.29 vendors click as typer._click).
    return hasattr(exc, "format_message") and hasattr(exc, "exit_code")


#: Commands people look for under another name, and the command that does it.
_OTHER_NAMES = {
    "cohort": "score",
    "batch": "score",
    "report": "quiz --answers FILE",
    "fit": "quiz",
    "postings": "jobs",
    "ads": "jobs",
    "role": "explain",
    "validate": "check",
    "replay": "audit",
}


def _usage_error(exc: Any) -> int:
    if type(exc).__name__ == "NoArgsIsHelpError":  # `rolefit` alone: its help (typer prints it), and success
        return SUCCESS
    message = str(exc.format_message()).replace("Value error, ", "")
    message = " ".join(message.split())  # one line, whatever click wrapped
    if message.startswith("No such command '") and message.endswith("'."):
        right = _OTHER_NAMES.get(message[len("No such command '") : -2])
        message += f" Did you mean '{right}'?" if right else ""
    ctx = getattr(exc, "ctx", None)
    if ctx is not None and exc.exit_code == USER_ERROR:
        message += f" (see '{ctx.command_path} -h')"
    say(error_line(printable(message)))
    return USER_ERROR if exc.exit_code in (1, 2) else int(exc.exit_code)
