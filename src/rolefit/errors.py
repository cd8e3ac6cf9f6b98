"""rolefit's one exception family.

Library code raises these; only the CLI turns them into a message and an exit
code. Every error can say which file, which key, and what was expected.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

#: Exit code for a mistake the user can fix (bad file, unknown id, no terminal).
USER_ERROR = 2
#: Exit code when the user interrupted (Ctrl-C), as shells report SIGINT.
INTERRUPTED = 130


_CONTROL = {c: f"\\x{c:02x}" for c in (*range(0x20), 0x7F)}


def printable(text: str) -> str:
    """The message on one line, with no raw control characters (they may come from a user's file)."""
    return text.translate(_CONTROL)


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """ "did you mean 'x'? " for the closest option, or "" when none is close."""
    import difflib  # only when a mistake is being reported

    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'? " if close else ""


class RolefitError(Exception):
    """A problem the user can fix. ``str()`` is the whole message."""

    exit_code = USER_ERROR

    def __init__(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        key: str | None = None,
        line: int | None = None,
    ) -> None:
        self.message = message
        self.file = str(file) if file is not None else None
        self.key = key
        self.line = line
        super().__init__(self.__str__())

    def __str__(self) -> str:
        return printable(self._text())

    def _text(self) -> str:
        where = ""
        if self.file:
            where = self.file
            if self.line is not None:
                where += f":{self.line}"
        if self.key:
            where = f"{where}: {self.key}" if where else self.key
        return f"{where}: {self.message}" if where else self.message


class CatalogueError(RolefitError):
    """A catalogue file (tasks.yaml, roles.yaml) is missing or invalid."""


class AnswersError(RolefitError):
    """An answers file is missing, malformed, or does not fit the catalogue."""


class UnknownRoleError(RolefitError):
    """A role name matched no role, or more than one."""


class OutputError(RolefitError):
    """A file could not be written, or would overwrite one without --force."""


class InputRequiredError(RolefitError):
    """A question needs an answer but there is no terminal to ask it on."""


class Interrupted(RolefitError):
    """The user pressed Ctrl-C."""

    exit_code = INTERRUPTED


class QuizInterrupted(Interrupted):
    """The user stopped the quiz (Ctrl-C). Carries the answers given so far."""

    def __init__(self, message: str, answers: object = None) -> None:
        super().__init__(message)
        self.answers = answers
