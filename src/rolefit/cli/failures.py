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
"""

from __future__ import annotations

import os
import sys
from typing import Any

from rolefit.errors import INTERRUPTED, USER_ERROR, RolefitError, printable

#: Exit code when the reader of our output closed the pipe, as for SIGPIPE.
CLOSED_PIPE = 141
SUCCESS = 0


class ClosedPipe(Exception):
    """The reader of our output went away (a broken pipe), as typer must not see it."""


def say(message: str) -> None:
    """One line for the user on stderr, whole (no wrapping, no markup), never a traceback."""
    try:
        sys.stderr.write(message + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):  # stderr closed or full: nothing more can be said
        pass


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
    if isinstance(exc, RolefitError):
        say(error_line(str(exc)))
        return exc.exit_code
    if isinstance(exc, KeyboardInterrupt):
        say(error_line("interrupted"))
        return INTERRUPTED
    if isinstance(exc, (BrokenPipeError, ClosedPipe)):
        quiet_stdout()
        return CLOSED_PIPE
    if _is_click_error(exc):
        return _usage_error(exc)
    if type(exc).__name__ == "Abort":  # click's, after an end of input it could not ask past
        say(error_line("aborted"))
        return INTERRUPTED
    return None


def _is_click_error(exc: BaseException) -> bool:
    # click's exception family, as typer ships it (typer 0.29 vendors click as typer._click).
    return hasattr(exc, "format_message") and hasattr(exc, "exit_code")


def _usage_error(exc: Any) -> int:
    if type(exc).__name__ == "NoArgsIsHelpError":  # `rolefit` alone: its help (typer prints it), and success
        exc.ctx.get_help()
        return SUCCESS
    message = str(exc.format_message()).replace("Value error, ", "")
    message = " ".join(message.split())  # one line, whatever click wrapped
    ctx = getattr(exc, "ctx", None)
    if ctx is not None and exc.exit_code == USER_ERROR:
        message += f" (see '{ctx.command_path} -h')"
    say(error_line(printable(message)))
    return USER_ERROR if exc.exit_code in (1, 2) else int(exc.exit_code)
