"""Taking the quiz, start to end: check where the answers will go, gather them, keep them.

This is the whole of ``rolefit quiz`` short of showing the report: :func:`take` checks the
``--save`` target before anything is asked, gathers the answers (:func:`rolefit.quiz.gather.collect`),
writes them to the ``--save`` file (named now, or else the one a resumed quiz was started
with; after a quiz on the terminal without one, a free ``rolefit-answers.yaml``): after a quiz,
only the answers given and the quiz's mode; and returns them. :func:`finish` clears the
autosaved session once the report has been delivered. The terminal helpers decide where
prompts can be shown.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from rolefit.errors import OutputError
from rolefit.files.answers import answers_file_text
from rolefit.files.write import free_name, write_text
from rolefit.model.catalogue import Catalogue
from rolefit.quiz.gather import Outcome, Request, check_save, collect
from rolefit.quiz.session import quiz_lock

#: Where the answers of a quiz taken on the terminal are kept when no --save file is named.
AUTOSAVE_NAME = "rolefit-answers.yaml"


def take(
    cat: Catalogue,
    request: Request,
    *,
    save: Path | None = None,
    force: bool = False,
    also_written: Sequence[Path] = (),
    notify: Callable[[str], None],
    **prompt_kwargs: Any,
) -> Outcome:
    """Gather a complete set of answers and keep them; see the module's docstring.

    ``save``, ``force`` and ``also_written`` (the other files this run will write, the report's
    ``--output``, which ``save`` must not name) override the request's.
    """
    request = replace(
        request,
        save=save if save is not None else request.save,
        force=force or request.force,
        also_written=tuple(also_written) or request.also_written,
    )
    if request.save is not None:
        check_save(request.save, request.force, request.also_written)
    with prompts_on_terminal(), quiz_lock(notify):
        outcome = collect(cat, request, interactive=interactive(), notify=notify, **prompt_kwargs)
    if outcome.save is not None or outcome.asked:
        target = outcome.save if outcome.save is not None else free_name(Path(AUTOSAVE_NAME))
        try:
            write_text(target, answers_text(outcome, cat, target), force=outcome.force)
        except OutputError as exc:
            if outcome.asked:
                raise OutputError(
                    f"{exc}; your answers are still saved: run 'rolefit quiz --resume --save OTHER_FILE'"
                ) from None
            raise
        notify(f"Answers saved in {target}; replay with: rolefit quiz --answers {target}")
    return outcome


def answers_text(outcome: Outcome, cat: Catalogue, target: Path) -> str:
    """The answers file for ``target`` (JSON if it is named ``.json``): after a quiz only the answers
    given, and how they were asked (a question not asked is not an answer); else every answer, the
    defaults marked."""
    if outcome.mode is not None:
        return answers_file_text(target, outcome.given, cat, mode=outcome.mode)
    return answers_file_text(target, outcome.answers, cat, outcome.defaulted)


def finish(outcome: Outcome) -> None:
    """The report has been delivered: the answers are in their file, the session can go."""
    if outcome.asked:
        from rolefit.quiz.session import clear_session

        clear_session()


def interactive() -> bool:
    """Can we ask? Needs a terminal on stdin, and on stdout or /dev/tty (``quiz > report.txt``)."""
    if not _is_terminal(sys.stdin):
        return False
    if _is_terminal(sys.stdout):
        return True
    try:
        with Path("/dev/tty").open("w", encoding="utf-8"):
            return True
    except OSError:
        return False


def _is_terminal(stream: object) -> bool:
    """Whether ``stream`` is an open terminal (a closed one is None: ``rolefit quiz <&-``)."""
    try:
        return stream is not None and bool(stream.isatty())  # type: ignore[attr-defined]
    except (ValueError, OSError):
        return False


@contextmanager
def prompts_on_terminal() -> Iterator[None]:
    """While asking, send prompts to the terminal even if stdout is redirected to a file."""
    if _is_terminal(sys.stdout) or not _is_terminal(sys.stdin):
        yield
        return
    try:
        tty = Path("/dev/tty").open("w", encoding="utf-8")  # noqa: SIM115 - closed below
    except OSError:
        yield
        return
    saved, sys.stdout = sys.stdout, tty
    try:
        yield
    finally:
        sys.stdout = saved
        tty.close()
