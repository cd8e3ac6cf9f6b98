"""The quiz session: every answer saved the moment it is given, so nothing is lost.

The session lives in the user's state folder (``platformdirs``; override with
``ROLEFIT_STATE_DIR``) as an answers file with a few more keys: the options that shape
the quiz and where its answers go (``quick``; ``save``, the ``--save`` file as an
absolute path, and ``force``, when it may be overwritten), so that ``--resume`` goes
on as the quiz was started; and how it asks (``quiz``: adaptive, quick or full) and the
questions in the order asked (``asked``), so that going back still works after resuming.
A session written before ``save`` (or ``quiz``) existed still loads. It is
written atomically after each answer, survives a crash, Ctrl-C, a closed
terminal or a kill, and is removed once the report has been shown. A session
that cannot be used (corrupt, for another catalogue, from a newer rolefit) is
never used or overwritten silently: it is moved aside and the user is told.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from rolefit.errors import AnswersError, OutputError, RolefitError
from rolefit.files import read as inputs
from rolefit.files import yamltext as yamlfile
from rolefit.files.answers import dump_answers, parse_answers_and_mode
from rolefit.files.write import free_name, write_text
from rolefit.model.answers import Answers
from rolefit.model.catalogue import Catalogue

SESSION_FILE = "session.yaml"
STATE_ENV = "ROLEFIT_STATE_DIR"
#: The keys a session file has beyond an answers file's.
SESSION_KEYS = ("quick", "save", "force", "asked")
_SURROGATE = re.compile("[\ud800-\udfff]")


class SessionUnusable(RolefitError):
    """A session file exists but cannot be used; it has been moved aside."""


@dataclass(frozen=True)
class Session:
    answers: Answers
    quick: bool = False
    #: Where the answers go when the quiz is done (the ``--save`` file, absolute), if named.
    save: Path | None = None
    #: Whether ``save`` may be overwritten (``--force`` was given with it).
    force: bool = False
    #: How the quiz asks (adaptive, quick, full); None in a session from before modes.
    mode: str | None = None
    #: The questions answered, in the order they were asked.
    asked: tuple[str, ...] = ()

    @property
    def quiz_mode(self) -> str:
        """The mode to resume in (a session from before modes: the quick form, or every question)."""
        if self.mode is not None:
            return self.mode
        return "quick" if self.quick else "full"


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
        answers, mode = parse_answers_and_mode(text, str(path), catalogue, extra=SESSION_KEYS)
        asked = _asked(data.get("asked"), path)
        save = data.get("save")
        if save is not None and (not isinstance(save, str) or not save):
            raise AnswersError("'save' should be the name of the file the answers go to", file=path, key="save")
        changed = answers.stamp.changed(catalogue) if answers.stamp else None
        if changed or changed is None or answers.dropped:
            raise AnswersError("it was started with another version of the catalogue")
    except AnswersError as exc:
        reason = exc.message if exc.file is None else str(exc)
        aside = move_aside(path, f"the saved quiz session cannot be used: {reason}")
        raise SessionUnusable(f"the saved quiz session could not be used ({reason}); it was moved to {aside}") from None
    target = Path(save) if save else None
    return Session(
        answers=answers,
        quick=data.get("quick") is True,
        save=target,
        force=data.get("force") is True,
        mode=mode,
        asked=asked,
    )


def _asked(value: object, path: Path) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(q, str) for q in value):
        raise AnswersError("'asked' should be a list of question ids", file=path, key="asked")
    return tuple(value)


def save_session(session: Session, catalogue: Catalogue) -> None:
    """Write the session atomically (replacing the previous state of the same session)."""
    folder = state_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the state folder: {exc.strerror}", file=folder) from None
    text = dump_answers(session.answers, catalogue, mode=session.mode)
    options = [f"quick: {'true' if session.quick else 'false'}"]
    if session.save is not None:
        options.append(f"save: {_quoted(str(session.save.absolute()))}")
        options.append(f"force: {'true' if session.force else 'false'}")
    if session.asked:
        options.append("asked:")
        options += [f"  - {_quoted(q)}" for q in session.asked]
    text = text.replace("\nformat: 1\n", "\nformat: 1\n" + "".join(f"{o}\n" for o in options), 1)
    write_text(session_path(), text, force=True)


def clear_session() -> None:
    session_path().unlink(missing_ok=True)


def _quoted(text: str) -> str:
    """``text`` as a YAML double-quoted string (JSON's escapes are YAML's). A name that is not
    UTF-8 keeps its undecodable bytes as escaped surrogates, which read back as they were."""
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))
