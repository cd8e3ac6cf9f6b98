"""Gathering a complete set of answers: from a file, a saved session, the terminal, defaults.

This is the quiz command's logic without the command line: which questions to
ask (in the quiz's mode: adaptive, stopping once the top role is settled, by default; ``--quick``;
``--full``), what to do when some are missing and there is no terminal, resuming an
interrupted quiz (with the options it was started with: its mode, the order it asked in, and
the ``--save`` file unless another is named now), and saving every answer as it is given.
A file that records how it was asked (its ``quiz`` key) says that its missing answers were
not asked: they count as neutral without ``--defaults``. Messages for the user go through
``notify``; problems are raised as :class:`RolefitError`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rolefit.errors import AnswersError, InputRequiredError, OutputError, QuizInterrupted, RolefitError
from rolefit.files.answers import load_answers_and_mode
from rolefit.files.write import check_writable
from rolefit.model.answers import DEFAULT_LEVEL, Answers, complete, missing, question_ids, untouched
from rolefit.model.catalogue import Catalogue
from rolefit.quiz.order import DEFAULT_MODE, MODE_NAMES, Plan
from rolefit.quiz.stamped import changed_questions, other_catalogue
from rolefit.text import first_of

if TYPE_CHECKING:
    from rolefit.quiz import session as sessions

NO_TERMINAL = (
    "the quiz needs a terminal; to score a file of answers use "
    "'rolefit quiz --answers FILE' (start one with 'rolefit template')"
)


@dataclass(frozen=True)
class Request:
    """What the user asked for (the quiz command's options)."""

    answers_file: str | None = None
    #: adaptive, quick or full; None: adaptive, or as the resumed quiz or the answers file was asked.
    mode: str | None = None
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
    #: How the answers were asked (None: not by a quiz, e.g. a complete file or --defaults).
    mode: str | None = None
    #: Why the quiz stopped before the end (the settled proof, or the quick estimate).
    verdict: str = ""

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


#: The suffixes a --save file may have: an answers file's, as ``--answers`` and ``rolefit score FOLDER``
#: read it (:data:`rolefit.cohort.ANSWERS_SUFFIXES`). ``.json`` is written as JSON, the others as YAML,
#: and so is a name with no suffix (``--answers`` reads it as YAML).
SAVE_SUFFIXES = (".yaml", ".yml", ".json")


def check_save(save: Path, force: bool, also_written: Sequence[Path] = ()) -> None:
    """Fail before anything is asked if the answers could not be written to ``save``, or would be
    written to a file whose name promises something else (a report: ``me.html``)."""
    if str(save) == "-":  # (a file named "-" would be replayed with --answers -, which reads standard input)
        raise OutputError(
            "--save keeps the answers in a file, to replay with --answers: expected a file name (as me.yaml), "
            "not '-'; the report goes to standard output without -o, or with -o -",
            file="-",
        )
    suffix = save.suffix.lower()
    if suffix and suffix not in SAVE_SUFFIXES:
        raise OutputError(
            f"--save writes the answers, to replay with --answers: expected a name ending in .yaml, .yml or .json, "
            f"not {save.suffix}; the report goes to a file with -o (--output)",
            file=save,
        )
    check_writable(save, force)
    for other in also_written:
        if _same_path(save, other):
            raise RolefitError("--save and --output name the same file; give them different names", file=save)


def _same_path(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError, ValueError):  # a loop of links, a NUL: reported where the file is used
        return False


def shown(path: Path) -> Path:
    """``path`` as the user would write it here: relative to the current folder when inside it."""
    try:
        return path.relative_to(Path.cwd()) if path.is_absolute() else path
    except ValueError:
        return path


def _keep_elsewhere(answers: Answers, cat: Catalogue, options: Options, why: str) -> str:
    """The quiz was interrupted and the session could not be saved: write the answers to the --save
    file, or a free rolefit-answers.yaml here, and say where (or, if that fails too, why)."""
    from rolefit.files.answers import answers_file_text
    from rolefit.files.write import free_name, write_text
    from rolefit.quiz.take import AUTOSAVE_NAME

    target = options.save if options.save is not None else free_name(Path(AUTOSAVE_NAME))
    try:
        write_text(target, answers_file_text(target, answers, cat, mode=options.mode), force=options.force)
    except OutputError as exc:
        return f"quiz interrupted; the answers could not be saved ({why}; {exc})"
    return (
        f"quiz interrupted; the session could not be saved ({why}), so your {answers.count} answers are in "
        f"{target}; continue with: rolefit quiz --answers {target}"
    )


def where_answers_go(save: Path | None) -> str:
    """Where a finished quiz will keep its answers, for the messages about an unfinished one."""
    if save is None:
        return "rolefit-answers.yaml in the folder you finish it in"
    return str(shown(save))


def describe(questions: list[str], limit: int = 8) -> str:
    """'clean-data (skill), organisation (context) and 12 more'."""
    return first_of([f"{key} ({kind})" for kind, _, key in (q.partition(":") for q in questions)], limit)


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
    if req.ask_changed and req.answers_file is None:
        raise RolefitError("--ask-changed asks again the changed tasks of an answers file; give it --answers FILE")
    given, mode, changed = Answers(), req.mode, []
    # Warnings about the file wait until the quiz goes ahead: a run that ends in an error says one thing.
    held: list[str] = []

    def release() -> None:
        for message in held:
            notify(message)
        held.clear()

    file_mode: str | None = None
    where = None
    if req.answers_file is not None:
        where = "<stdin>" if req.answers_file == "-" else req.answers_file
        given, file_mode = load_answers_and_mode(req.answers_file, cat)
        changed = changed_questions(given, cat, held.append, where)
        if untouched(given, cat):
            held.append(
                f"warning: {where} is the untouched template: every answer is still the {DEFAULT_LEVEL} it starts "
                "with, so these fits say nothing about you yet; fill it in, or run 'rolefit quiz'"
            )
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

            left = Plan(cat, saved.quiz_mode, saved.answers)
            if not saved.answers.count or not ask_resume(
                saved.answers.count,
                left=left.left,
                total=left.total,
                mode=saved.quiz_mode,
                save=req.save if req.save is not None else (shown(saved.save) if saved.save else None),
                stopped=left.may_stop_early and left.stopped,
                as_mode=req.mode,
                **prompt_kwargs,
            ):
                if saved.answers.count:  # starting over: its answers are kept in a file of their own, said where
                    said = sessions.set_aside(cat)
                    if said:
                        notify(said)
                else:
                    sessions.clear_session()
                saved = None
        if saved is not None:
            if req.resume and mode is not None and mode != saved.quiz_mode:
                notify(f"resuming the unfinished {saved.quiz_mode} quiz as {MODE_NAMES.get(mode, mode)} (--{mode})")
            given, mode = saved.answers, mode or saved.quiz_mode
            if save is None and saved.save is not None:
                save, force = shown(saved.save), force or saved.force
                try:
                    check_save(save, force, req.also_written)
                except OutputError as exc:
                    raise OutputError(
                        f"{exc}; your answers are still saved: run 'rolefit quiz --resume --save OTHER_FILE'"
                    ) from None

    mode = mode or file_mode or DEFAULT_MODE
    outcome = Outcome(answers=given, save=save, force=force, mode=file_mode)
    only = None
    if req.ask_changed:
        # The changed tasks; and the missing answers of a hand-written file, which are asked anyway
        # (a quiz's file did not ask them, and they stay unasked).
        wanted = set(changed) | (set(missing(given, cat)) if file_mode is None else set())
        only = [q for q in question_ids(cat) if q in wanted]
        if not changed and given.stamp is not None and given.stamp.changed(cat) == []:
            held.append(
                f"rolefit: {where}: no task is new or changed since it was answered; --ask-changed has nothing to "
                "ask again"
            )
        elif given.stamp is None:
            held.append(
                f"rolefit: {where} does not record the catalogue it was answered for; --ask-changed cannot tell "
                "what changed"
            )
    # (the race behind a plan costs most on a large catalogue: made only to ask, or to say why a
    # quiz's file stopped)
    asked, going_on = (saved.asked, saved.going_on) if saved is not None else ((), None)
    plan = Plan(cat, mode, given, asked, only=only, going_on=going_on) if can_ask or file_mode else None
    todo = [] if req.defaults or file_mode is not None else missing(given, cat)
    if only is not None:
        todo = only
    # A hand-written partial file whose answers already settle the result still goes to the review
    # (to see the answers, go on, or take the report), as a quiz that stopped there would.
    settled_file = file_mode is None and where is not None and plan is not None and bool(plan.race.open)
    if plan is not None and can_ask and (plan.next() is not None or saved is not None or settled_file):
        release()
        outcome.answers = ask(
            cat, plan, sessions_options(mode, save, force), notify, resumed=saved is not None, **prompt_kwargs
        )
        outcome.asked, outcome.mode = True, mode
    elif todo:
        other = other_catalogue(given, cat)
        if req.no_input:
            raise AnswersError(
                # (fewer named when the other catalogue is said too: the message has room for both)
                f"{len(todo)} answers missing: {describe(todo, 3 if other else 8)}; answer them on a terminal, "
                f"or pass --defaults{other}",
                file=where,
            )
        if where:
            kind = "to ask again (new or changed tasks)" if req.ask_changed and changed else "missing"
            raise InputRequiredError(
                f"{len(todo)} answers {kind} and no terminal to ask them on "
                f"({describe(todo, 3)}); pass --defaults to use default answers{other}",
                file=where,
            )
        raise InputRequiredError(NO_TERMINAL)
    release()
    if plan is not None and plan.may_stop_early and plan.stopped and plan.race.open and outcome.mode is not None:
        outcome.verdict = plan.verdict()
    outcome.given, outcome.catalogue = outcome.answers, cat
    outcome.answers = complete(outcome.answers, cat)
    return outcome


@dataclass(frozen=True)
class Options:
    """What a session records besides its answers, to resume the quiz as it was started."""

    mode: str = DEFAULT_MODE
    save: Path | None = None  # as the user gave it; recorded as an absolute path
    force: bool = False


def sessions_options(mode: str, save: Path | None, force: bool) -> Options:
    return Options(mode, save.absolute() if save is not None else None, force and save is not None)


def ask(
    cat: Catalogue,
    plan: Plan,
    options: Options,
    notify: Callable[[str], None],
    *,
    resumed: bool = False,
    **prompt_kwargs: Any,
) -> Answers:
    """Ask ``plan``'s questions on the terminal (then the review), saving the session after every answer."""
    from rolefit.quiz import session as sessions
    from rolefit.quiz.prompts import Quiz

    path = sessions.session_path()
    if path.exists() and not resumed:
        said = sessions.set_aside(cat)
        if said:
            notify(said)
    failed: list[str] = []

    def keep(answers: Answers) -> None:
        record = sessions.Session(
            answers,
            options.mode == "quick",
            options.save,
            options.force,
            mode=options.mode,
            asked=tuple(plan.asked),
            going_on=plan.going_on if plan.may_stop_early else None,
        )
        try:
            sessions.save_session(record, cat)
        except OutputError as exc:
            if not failed:
                notify(f"warning: answers cannot be saved as you go ({exc}); finish the quiz to keep them")
            failed.append(str(exc))

    keep(plan.answers)
    quiz = Quiz(cat, plan.answers, on_answer=keep, **prompt_kwargs)
    try:
        return quiz.run(plan)
    except QuizInterrupted as exc:
        answers = exc.answers if isinstance(exc.answers, Answers) else plan.answers
        if failed:
            raise QuizInterrupted(_keep_elsewhere(answers, cat, options, failed[-1])) from None
        if not answers.count:
            sessions.clear_session()
            raise QuizInterrupted("quiz interrupted before any answer; nothing to resume") from None
        raise QuizInterrupted(
            f"quiz interrupted; {answers.count} {'answer is' if answers.count == 1 else 'answers are'} saved in "
            f"{path}; continue with: rolefit quiz --resume "
            f"(the answers then go to {where_answers_go(options.save)})"
        ) from None
