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
never used or overwritten silently: it is moved aside and the user is told. A quiz that does
not resume the saved one (the user chose to start over, or ``--answers FILE`` asks the rest) first sets
it aside in an answers file of its own (:func:`set_aside`), which ``--answers`` continues.

Only one quiz at a time uses the session of a state folder (:mod:`rolefit.quiz.lock`): inside
:func:`quiz_lock`, the first use of the session takes the lock and the quiz keeps it until it
ends; a second quiz is stopped with one line instead of overwriting the first one's answers.
"""

from __future__ import annotations

import atexit
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from rolefit.errors import AnswersError, OutputError, RolefitError
from rolefit.files import read as inputs
from rolefit.files import yamltext as yamlfile
from rolefit.files.answers import dump_answers, parse_answers_and_mode
from rolefit.files.plainyaml import quoted
from rolefit.files.write import free_name, write_text
from rolefit.model.answers import Answers
from rolefit.model.catalogue import Catalogue
from rolefit.quiz.lock import LOCK_FILE, Lock, QuizInProgress, acquire

SESSION_FILE = "session.yaml"
STATE_ENV = "ROLEFIT_STATE_DIR"
#: The keys a session file has beyond an answers file's.
SESSION_KEYS = ("quick", "save", "force", "asked", "going_on")


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
    #: Whether the person was going on past the stop (False: they had stopped there, with "s" or at
    #: the review); None in a session from before it was kept: worked out from ``asked``.
    going_on: bool | None = None

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


def lock_path() -> Path:
    return state_dir() / LOCK_FILE


@dataclass
class _Quiz:
    notify: Callable[[str], None]
    lock: Lock | None = None


_QUIZZES: list[_Quiz] = []
#: The lock of a quiz whose answers are gathered but whose report is not shown yet.
_KEPT: list[Lock] = []


@contextmanager
def quiz_lock(notify: Callable[[str], None]) -> Iterator[None]:
    """While a quiz gathers answers: the first use of the session takes the lock (raising
    :class:`~rolefit.quiz.lock.QuizInProgress` if another quiz holds it), and it is kept.

    If the quiz fails or is interrupted the lock is released; if it ends with the session still
    on disk, the lock is kept until :func:`clear_session` (the report has been shown) or the
    process ends, so that no other quiz takes up a session that is about to be cleared.
    """
    quiz = _Quiz(notify)
    _QUIZZES.append(quiz)
    ok = False
    try:
        yield
        ok = True
    finally:
        _QUIZZES.remove(quiz)
        if quiz.lock is not None:
            if ok and session_path().exists() and quiz.lock.still_held():
                if not _KEPT:
                    atexit.register(_release_kept)
                _KEPT.append(quiz.lock)
            else:
                quiz.lock.release()


def _release_kept() -> None:
    while _KEPT:
        _KEPT.pop().release()


@contextmanager
def _using(required: bool = False) -> Iterator[Lock | None]:
    """The session lock, for one use of the session: the quiz's (taken now if need be), or its own.

    Where no lock can be made at all (a state folder that cannot be written), a use that only
    reads goes on without one (no session can be written there either): None.
    """
    quiz = _QUIZZES[-1] if _QUIZZES else None
    if quiz is not None and quiz.lock is not None:
        yield quiz.lock
        return
    try:
        lock = acquire(state_dir(), quiz.notify if quiz is not None else None)
    except OutputError:
        if required:
            raise
        yield None
        return
    if quiz is not None:
        quiz.lock = lock
        yield lock
        return
    with lock:
        yield lock


def _move_aside(path: Path, reason: str, kind: str = "unusable") -> Path:
    """Rename a session that cannot be used (or set aside) so it is kept but no longer in the way."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    target = free_name(path.with_name(f"session-{kind}-{stamp}.yaml"))
    try:
        path.rename(target)
    except OSError as exc:
        raise SessionUnusable(
            f"{reason}; it could not be moved aside ({exc.strerror}); move or delete it by hand",
            file=path,
        ) from None
    return target


def set_aside(catalogue: Catalogue) -> str | None:
    """Before a quiz that does not resume the saved one: keep the unfinished quiz's answers in an
    answers file of their own beside the session (which ``--answers`` replays, asking the rest in
    the quiz's order) and remove the session; what to tell the user, or None if there was none.
    An unusable session is moved aside, as :func:`load_session` does."""
    with _using():
        try:
            saved = _load_session(catalogue)
        except SessionUnusable as exc:
            return str(exc)
        if saved is None:
            return None
        path = session_path()
        stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
        target = free_name(path.with_name(f"unfinished-{stamp}.yaml"))
        try:
            write_text(target, dump_answers(saved.answers, catalogue, mode=saved.quiz_mode), force=False)
        except OutputError:
            aside = _move_aside(path, "an older quiz session", kind="unfinished")
            return f"an unfinished quiz was moved to {aside}, so that this one does not overwrite it"
        path.unlink(missing_ok=True)
        count = saved.answers.count
        return (
            f"an unfinished quiz ({count} answer{'' if count == 1 else 's'}) was set aside in {target}; "
            f"continue it later with: rolefit quiz --answers {target}"
        )


def load_session(catalogue: Catalogue) -> Session | None:
    """The unfinished session, or None. An unusable one is moved aside (:class:`SessionUnusable`)."""
    with _using():
        return _load_session(catalogue)


def _load_session(catalogue: Catalogue) -> Session | None:
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
        going_on = data.get("going_on")
        if going_on is not None and not isinstance(going_on, bool):
            raise AnswersError("'going_on' should be true or false", file=path, key="going_on")
        save = data.get("save")
        if save is not None and (not isinstance(save, str) or not save):
            raise AnswersError("'save' should be the name of the file the answers go to", file=path, key="save")
        changed = answers.stamp.changed(catalogue) if answers.stamp else None
        if changed or changed is None or answers.dropped:
            raise AnswersError("it was started with another version of the catalogue")
    except AnswersError as exc:
        reason = exc.message if exc.file is None else str(exc)
        aside = _move_aside(path, f"the saved quiz session cannot be used: {reason}")
        raise SessionUnusable(f"the saved quiz session could not be used ({reason}); it was moved to {aside}") from None
    target = _text_path(save) if save else None
    return Session(
        answers=answers,
        quick=data.get("quick") is True,
        save=target,
        force=data.get("force") is True,
        mode=mode,
        asked=asked,
        going_on=going_on,
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
        options.append(f"save: {quoted(_path_text(session.save.absolute()))}")
        options.append(f"force: {'true' if session.force else 'false'}")
    if session.going_on is not None:
        options.append(f"going_on: {'true' if session.going_on else 'false'}")
    if session.asked:
        options.append("asked:")
        options += [f"  - {quoted(q)}" for q in session.asked]
    text = text.replace("\nformat: 1\n", "\nformat: 1\n" + "".join(f"{o}\n" for o in options), 1)
    with _using(required=True) as lock:
        if lock is None or not lock.still_held():
            raise OutputError("another quiz has taken over the session (its lock was stale)", file=lock_path())
        write_text(session_path(), text, force=True)


def _path_text(path: Path) -> str:
    """An absolute path as text YAML can hold: itself, or, when it has bytes that are not UTF-8
    (kept as lone surrogates, which libyaml refuses even escaped), a ``file://`` URL."""
    text = str(path)
    if not any("\ud800" <= c <= "\udfff" for c in text):
        return text
    from urllib.parse import quote

    return "file://" + quote(os.fsencode(text))


def _text_path(text: str) -> Path:
    if text.startswith("file://"):  # (an absolute path starts with '/' or a drive)
        from urllib.parse import unquote_to_bytes

        return Path(os.fsdecode(unquote_to_bytes(text[len("file://") :])))
    return Path(text)


def clear_session() -> None:
    """The report has been shown: remove the session, and let go of its lock. A session another
    quiz has taken up since is theirs, and is left alone."""
    if _KEPT:
        lock = _KEPT.pop()
        if lock.still_held():
            session_path().unlink(missing_ok=True)
        lock.release()
        return
    try:
        with _using():
            session_path().unlink(missing_ok=True)
    except QuizInProgress:
        pass
