"""rolefit's one exception family.

Library code raises these; only the CLI turns them into a message and an exit
code. Every error can say which file, which key, and what was expected.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rolefit.text import VALUE_LIMIT, cut, excerpt

#: Exit code for a mistake the user can fix (bad file, unknown id, no terminal).
USER_ERROR = 2
#: Exit code when the user interrupted (Ctrl-C), as shells report SIGINT.
INTERRUPTED = 130


#: How long a message may be, and the file and key it names (they may come from a user's file).
MESSAGE_LIMIT = 400
FILE_LIMIT = 240
KEY_LIMIT = VALUE_LIMIT
#: Longest ``str()`` of any error: the file, the line, the key and the message, each cut.
ERROR_LIMIT = FILE_LIMIT + len(":") + 20 + len(": ") + KEY_LIMIT + len(": ") + MESSAGE_LIMIT

#: A value quoted in a message, too long to show whole ("catalogue's" is no quote).
_QUOTED = re.compile(rf"(?<![A-Za-z])'([^'\n]{{{VALUE_LIMIT + 1},}})'(?![A-Za-z])")


def printable(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """``text`` safe to show on a terminal, on one line, and at most ``limit`` characters long.

    Control characters, bidi overrides and other invisible ones (see :mod:`rolefit.text`) are
    shown as escapes; a value quoted in it (``'...'``) longer than a name would be is cut.
    """
    if "'" in text:
        text = _QUOTED.sub(lambda m: f"'{cut(m.group(1))}'", text)
    return excerpt(text, limit)


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
        """The message safe to print: no control characters, each part cut to a readable length."""
        where = ""
        if self.file:
            where = printable(self.file, FILE_LIMIT)
            if self.line is not None:
                where += f":{self.line}"
        if self.key:
            key = printable(self.key, KEY_LIMIT)
            where = f"{where}: {key}" if where else key
        message = printable(self.message)
        return f"{where}: {message}" if where else message


@dataclass(frozen=True)
class Failure:
    """A file that could not be used (read, scored, audited) while the others were: one of many
    named with its reason, not an error that stops the command. ``message`` says why, without the
    file name or line."""

    path: Path
    message: str
    line: int | None = None

    @property
    def where(self) -> str:
        """'FILE' or 'FILE:LINE'."""
        return f"{self.path}:{self.line}" if self.line is not None else str(self.path)

    @classmethod
    def of(cls, path: Path, exc: RolefitError) -> Failure:
        """``exc``, raised for ``path``, as a failure of it."""
        if exc.file is not None and exc.file != str(path):
            return cls(path, str(exc))  # about another file: keep its name in the message
        message = f"{exc.key}: {exc.message}" if exc.key else exc.message
        return cls(path, message, exc.line)


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
