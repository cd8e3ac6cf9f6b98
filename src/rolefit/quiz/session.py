"""The quiz session: every answer saved the moment it is given, so nothing is lost.

The session lives in the user's state folder (``platformdirs``; override with
``ROLEFIT_STATE_DIR``) as an answers file with one more key, ``quick``. It is
written atomically after each answer, survives a crash, Ctrl-C, a closed
terminal or a kill, and is removed once the report has been shown. A session
that cannot be used (corrupt, for another catalogue, from a newer rolefit) is
never used or overwritten silently: it is moved aside and the user is told.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from rolefit.errors import AnswersError, OutputError, RolefitError
from rolefit.files import read as inputs
from rolefit.files import yamltext as yamlfile
from rolefit.files.answers import dump_answers, parse_answers
from rolefit.files.write import free_name, write_text
from rolefit.model.answers import Answers
from rolefit.model.catalogue import Catalogue

SESSION_FILE = "session.yaml"
STATE_ENV = "ROLEFIT_STATE_DIR"


class SessionUnusable(RolefitError):
    """A session file exists but cannot be used; it has been moved aside."""


@dataclass(frozen=True)
class Session:
    answers: Answers
    quick: bool


def state_dir() -> Path:
    """Where the session file lives."""
    override = os.environ.get(STATE_ENV)
    if override:
        return Path(override)
    import platformdirs  # imported here: only a quiz needs it

    return platformdirs.user_state_path("rolefit")


def session_path() -> Path:
    return state_dir() / SESSION_FILE


def move_aside(path: Path, reason: str) -> Path:
    """Rename an unusable session so it is kept but no longer in the way."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    target = free_name(path.with_name(f"session-unusable-{stamp}.yaml"))
    try:
        path.rename(target)
    except OSError as exc:
        raise SessionUnusable(
            f"{reason}; it could not be moved aside ({exc.strerror}); move or delete it by hand",
            file=path,
        ) from None
    return target


def load_session(catalogue: Catalogue) -> Session | None:
    """The unfinished session, or None. An unusable one is moved aside (:class:`SessionUnusable`)."""
    path = session_path()
    if not path.exists():
        return None
    try:
        text = inputs.read_text(path, AnswersError, "a quiz session file")
        data = yamlfile.parse(text, str(path), AnswersError, plain=True)
        if isinstance(data, dict) and isinstance(data.get("format"), int) and data["format"] > 1:
            raise AnswersError("it was written by a newer rolefit (format {})".format(data["format"]))
        answers = parse_answers(text, str(path), catalogue, extra=("quick",))
        changed = answers.stamp.changed(catalogue) if answers.stamp else None
        if changed or changed is None or answers.dropped:
            raise AnswersError("it was started with another version of the catalogue")
    except AnswersError as exc:
        reason = exc.message if exc.file is None else str(exc)
        aside = move_aside(path, f"the saved quiz session cannot be used: {reason}")
        raise SessionUnusable(f"the saved quiz session could not be used ({reason}); it was moved to {aside}") from None
    return Session(answers=answers, quick=data.get("quick") is True)


def save_session(session: Session, catalogue: Catalogue) -> None:
    """Write the session atomically (replacing the previous state of the same session)."""
    folder = state_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the state folder: {exc.strerror}", file=folder) from None
    text = dump_answers(session.answers, catalogue)
    text = text.replace("\nformat: 1\n", f"\nformat: 1\nquick: {'true' if session.quick else 'false'}\n", 1)
    write_text(session_path(), text, force=True)


def clear_session() -> None:
    session_path().unlink(missing_ok=True)
