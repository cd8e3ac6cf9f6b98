"""Gathering a complete set of answers: from a file, a saved session, the terminal, defaults.

This is the quiz command's logic without the command line: which questions to
ask, what to do when some are missing and there is no terminal, resuming an
interrupted quiz (with the options it was started with: ``--quick``, and the ``--save``
file unless another is named now), and saving every answer as it is given. Messages for
the user go through ``notify``; problems are raised as :class:`RolefitError`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rolefit.errors import AnswersError, InputRequiredError, OutputError, QuizInterrupted, RolefitError
from rolefit.files.answers import load_answers
from rolefit.files.write import check_writable
from rolefit.model.answers import Answers, complete, missing, question_ids
from rolefit.model.catalogue import Catalogue
from rolefit.scoring.fit import discriminating_tasks

if TYPE_CHECKING:
    from rolefit.quiz import session as sessions

#: At most this many prompts in the quick form.
QUICK_PROMPTS = 12
NO_TERMINAL = (
    "the quiz needs a terminal; to score a file of answers use "
    "'rolefit quiz --answers FILE' (start one with 'rolefit template')"
)


@dataclass(frozen=True)
class Request:
    """What the user asked for (the quiz command's options)."""

    answers_file: str | None = None
    quick: bool = False
    resume: bool = False
    no_input: bool = False
    defaults: bool = False
    ask_changed: bool = False
    #: The --save file as given (None: keep the one a resumed quiz was started with, if any).
    save: Path | None = None
    force: bool = False
    #: The other files this run writes (the report's --output), which the --save file must not name.
    also_written: tuple[Path, ...] = ()


@dataclass
class Outcome:
    """The complete ``answers``, and which of them were defaults rather than given; ``save``:
    where they go (the --save file named now, or the one a resumed quiz was started with)."""

    answers: Answers
    asked: bool = False
    given: Answers = field(default_factory=Answers)  # before the defaults were filled in
    catalogue: Catalogue | None = None
    save: Path | None = None
    force: bool = False

    @cached_property
    def defaulted(self) -> list[str]:
        """The questions answered by default, in the order asked (listed only when needed:
        a large catalogue has 40,000 questions)."""
        return missing(self.given, self.catalogue) if self.catalogue is not None else []

    @property
    def not_asked(self) -> int:
        """How many questions were answered by default."""
        cat, given = self.catalogue, self.given
        if cat is None:
            return 0
        count = sum(1 for q in cat.context if given.context.get(q.id) is None)
        for answered in (given.skill, given.interest):
            count += len(cat.tasks) - sum(1 for k, v in answered.items() if v is not None and k in cat.task_by_id)
        return count


def check_save(save: Path, force: bool, also_written: Sequence[Path] = ()) -> None:
    """Fail before anything is asked if the answers could not be written to ``save``."""
    check_writable(save, force)
    for other in also_written:
        if _same_path(save, other):
            raise RolefitError("--save and --output name the same file; give them different names", file=save)


def _same_path(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError):  # a loop of links: check_writable has its own word for it
        return False


def shown(path: Path) -> Path:
    """``path`` as the user would write it here: relative to the current folder when inside it."""
    try:
        return path.relative_to(Path.cwd()) if path.is_absolute() else path
    except ValueError:
        return path


def where_answers_go(save: Path | None) -> str:
    """Where a finished quiz will keep its answers, for the messages about an unfinished one."""
    if save is None:
        return "rolefit-answers.yaml in the folder you finish it in"
    return str(shown(save))


def quick_questions(cat: Catalogue) -> list[str]:
    """The short form: the context questions, then the tasks that best tell roles apart."""
    context = question_ids(cat, tasks=())[:QUICK_PROMPTS]
    n_tasks = max(0, (QUICK_PROMPTS - len(context)) // 2)
    return context + question_ids(cat, discriminating_tasks(cat, n_tasks), context=False)


def describe(questions: list[str], limit: int = 8) -> str:
    """'clean-data (skill), organisation (context) and 12 more'."""
    names = [f"{key} ({kind})" for kind, _, key in (q.partition(":") for q in questions)]
    shown = ", ".join(names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


def _changed_questions(given: Answers, cat: Catalogue, notify: Callable[[str], None], name: str) -> list[str]:
    """Warn about answers made for another catalogue; the questions of the tasks that changed."""
    if given.dropped:
        notify(f"warning: {name}: ignoring answers this catalogue has no question for: {', '.join(given.dropped)}")
    if given.stamp is None:
        return []
    changed = given.stamp.changed(cat)
    if changed is None:
        notify(
            f"warning: {name} was answered for catalogue {given.stamp.version}, this is "
            f"{cat.version}; which tasks changed cannot be told"
        )
        return []
    if changed:
        notify(
            f"warning: {name} was answered for catalogue {given.stamp.version}; these tasks are new "
            f"or changed since: {', '.join(changed)}; pass --ask-changed to answer them again"
        )
    return question_ids(cat, changed, context=False)


def collect(
    cat: Catalogue,
    req: Request,
    *,
    interactive: bool,
    notify: Callable[[str], None],
    **prompt_kwargs: Any,
) -> Outcome:
    """A complete set of answers, asking on the terminal only what is needed."""
    if req.no_input and req.defaults:
        raise RolefitError("--no-input and --defaults exclude each other; choose one")
    if req.resume and req.answers_file is not None:
        raise RolefitError("--resume continues the saved quiz; it does not take --answers")
    given, quick, changed = Answers(), req.quick, []
    where = None
    if req.answers_file is not None:
        where = "<stdin>" if req.answers_file == "-" else req.answers_file
        given = load_answers(req.answers_file, cat)
        changed = _changed_questions(given, cat, notify, where)
    can_ask = interactive and req.answers_file != "-" and not (req.no_input or req.defaults)

    saved: sessions.Session | None = None
    save, force = req.save, req.force
    if req.resume or (can_ask and req.answers_file is None):
        from rolefit.quiz import session as sessions

        try:
            saved = sessions.load_session(cat)
        except sessions.SessionUnusable as exc:
            if req.resume:
                raise
            notify(f"warning: {exc}")
        if req.resume and saved is None:
            raise RolefitError("there is no unfinished quiz to resume; start one with 'rolefit quiz'")
        if saved is not None and not req.resume:
            from rolefit.quiz.prompts import ask_resume

            whole = quick_questions(cat) if saved.quick else question_ids(cat)
            if not saved.answers.count or not ask_resume(
                saved.answers.count,
                left=sum(1 for q in whole if saved.answers.value(q) is None),
                total=len(whole),
                quick=saved.quick,
                save=req.save if req.save is not None else (shown(saved.save) if saved.save else None),
                **prompt_kwargs,
            ):
                sessions.clear_session()
                saved = None
        if saved is not None:
            given, quick = saved.answers, saved.quick
            if save is None and saved.save is not None:
                save, force = shown(saved.save), force or saved.force
                try:
                    check_save(save, force, req.also_written)
                except OutputError as exc:
                    raise OutputError(
                        f"{exc}; your answers are still saved: run 'rolefit quiz --resume --save OTHER_FILE'"
                    ) from None

    outcome = Outcome(answers=given, save=save, force=force)
    scope = quick_questions(cat) if quick else None
    todo: list[str] = []
    if not req.defaults:  # (with --defaults nothing is asked: no need to list what is missing twice)
        todo = missing(given, cat) if scope is None else [q for q in scope if given.value(q) is None]
        if req.ask_changed:
            wanted = set(todo) | set(changed)
            todo = [q for q in question_ids(cat) if q in wanted]
    if todo or (saved is not None and not req.defaults):
        if req.no_input:
            raise AnswersError(
                f"{len(todo)} answers missing: {describe(todo)}; answer them on a terminal, or pass --defaults",
                file=where,
            )
        if not can_ask:
            if where:
                raise InputRequiredError(
                    f"{len(todo)} answers missing and no terminal to ask them on "
                    f"({describe(todo, 3)}); pass --defaults to use default answers",
                    file=where,
                )
            raise InputRequiredError(NO_TERMINAL)
        outcome.answers = ask(
            cat,
            given,
            todo,
            (scope if scope is not None else question_ids(cat)) if saved else todo,
            sessions_options(quick, save, force),
            notify,
            resumed=saved is not None,
            **prompt_kwargs,
        )
        outcome.asked = True
    outcome.given, outcome.catalogue = outcome.answers, cat
    outcome.answers = complete(outcome.answers, cat)
    return outcome


@dataclass(frozen=True)
class Options:
    """What a session records besides its answers, to resume the quiz as it was started."""

    quick: bool = False
    save: Path | None = None  # as the user gave it; recorded as an absolute path
    force: bool = False


def sessions_options(quick: bool, save: Path | None, force: bool) -> Options:
    return Options(quick, save.absolute() if save is not None else None, force and save is not None)


def ask(
    cat: Catalogue,
    given: Answers,
    todo: list[str],
    review: list[str],
    options: Options,
    notify: Callable[[str], None],
    *,
    resumed: bool = False,
    **prompt_kwargs: Any,
) -> Answers:
    """Ask ``todo`` (then review ``review``) on the terminal, saving the session after every answer."""
    from rolefit.quiz import session as sessions
    from rolefit.quiz.prompts import Quiz

    path = sessions.session_path()
    if path.exists() and not resumed:
        aside = sessions.move_aside(path, "an older quiz session")
        notify(f"an unfinished quiz was moved to {aside}, so that this one does not overwrite it")
    failed: list[str] = []

    def keep(answers: Answers) -> None:
        try:
            sessions.save_session(sessions.Session(answers, options.quick, options.save, options.force), cat)
        except OutputError as exc:
            if not failed:
                notify(f"warning: answers cannot be saved as you go ({exc}); finish the quiz to keep them")
            failed.append(str(exc))

    keep(given)
    quiz = Quiz(cat, given, on_answer=keep, **prompt_kwargs)
    try:
        return quiz.ask(todo, review_questions=review)
    except QuizInterrupted as exc:
        answers = exc.answers if isinstance(exc.answers, Answers) else given
        if failed:
            raise QuizInterrupted("quiz interrupted; the answers could not be saved") from None
        raise QuizInterrupted(
            f"quiz interrupted; {answers.count} answers are saved in {path}; continue with: rolefit quiz --resume "
            f"(the answers then go to {where_answers_go(options.save)})"
        ) from None
