"""rolefit's command group: where every command's failure is turned into a message and an exit code."""

from __future__ import annotations

import sys
from typing import Any

from typer.core import TyperGroup

from rolefit.cli.failures import CLOSED_PIPE, ClosedPipe, exit_code_for, finish


class Group(TyperGroup):
    """rolefit's command group: every failure, of any command, ends in :mod:`rolefit.cli.failures`.

    Its help, and each command's, is restyled by :mod:`rolefit.cli.helpstyle`.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from rolefit.cli import helpstyle

        helpstyle.apply(self)

    def get_params(self, ctx: Any) -> Any:
        from rolefit.cli import helpstyle

        params = super().get_params(ctx)
        for param in params:  # (typer adds its completion options after __init__)
            helpstyle.restyle_param(param)
        return params

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)
        if option is not None and option.metavar is None:
            option.metavar = ""  # a flag: no "<bool>" after it
        return option

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        kwargs.setdefault("prog_name", "rolefit")
        kwargs["standalone_mode"] = False
        was_null = _stdout_is_null()
        try:
            code = super().main(*args, **kwargs)
        except SystemExit as exc:  # typer's own exit, e.g. after --help or --version met a closed pipe
            # (rich, on a closed pipe, points standard output at /dev/null and exits 1)
            gone = _stdout_is_broken() or (not was_null and _stdout_is_null())
            code = CLOSED_PIPE if exc.code == 1 and gone else exc.code
        except Exception as exc:
            handled = exit_code_for(exc)
            if handled is None:
                raise
            code = handled
        except KeyboardInterrupt as exc:
            code = exit_code_for(exc)
        code = finish(code if isinstance(code, int) else 0)
        if standalone_mode:
            sys.exit(code)
        return code

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:  # typer would turn it into a silent exit 130: say it
            from rolefit.errors import Interrupted

            raise Interrupted("interrupted") from None
        except BrokenPipeError:  # typer would turn it into exit 1
            raise ClosedPipe from None


def _stdout_is_null() -> bool:
    """Whether standard output is /dev/null."""
    import os
    from pathlib import Path

    try:
        out, null = os.fstat(sys.__stdout__.fileno()), Path(os.devnull).stat()  # type: ignore[union-attr]
    except (OSError, ValueError, AttributeError):
        return False
    return (out.st_dev, out.st_ino) == (null.st_dev, null.st_ino)


def _stdout_is_broken() -> bool:
    """Whether standard output is a pipe whose reader has gone away (typer says exit 1; we say 141)."""
    import select

    try:
        poller = select.poll()
        poller.register(sys.__stdout__.fileno(), select.POLLOUT)  # type: ignore[union-attr]
        return any(events & select.POLLERR for _, events in poller.poll(0))
    except (OSError, ValueError, AttributeError):
        return False
