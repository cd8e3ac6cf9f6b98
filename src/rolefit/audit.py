"""How long is the quiz? Complete answers files replayed through the adaptive and quick quizzes.

:func:`audit_files` reads each file (as ``rolefit score`` does: files, folders, patterns; a file
that cannot be read or is not complete is named and the rest go on), replays it through exactly
the question selection and stopping rules of the interactive quiz (:func:`rolefit.scoring.settle.replay`),
and says per file how many questions each mode asked, its verdict, and whether that is the full
quiz's; :class:`AuditSummary` gives the median, the 90th percentile and the agreement per mode.
This is how a catalogue author sees how long their quiz is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from rolefit.cohort import check_found, expand, own_reports
from rolefit.errors import AnswersError, Failure, RolefitError
from rolefit.files.answers import load_answers
from rolefit.model.answers import Answers, missing, question_ids, untouched
from rolefit.model.catalogue import Catalogue
from rolefit.scoring.fit import score
from rolefit.scoring.settle import Replay, replay

#: The modes an audit replays, besides the full quiz it compares them with.
AUDITED = ("adaptive", "quick")


@dataclass(frozen=True)
class FileAudit:
    """One file: its full quiz's top role, and each audited mode's replay."""

    file: str
    full: str
    modes: dict[str, Replay]


@dataclass(frozen=True)
class ModeSummary:
    mode: str
    #: (None, all three, when no file was audited: no count of questions, no agreement, is known)
    median: float | None
    p90: int | None
    agreement: float | None  # the share of files whose verdict is the full quiz's


@dataclass(frozen=True)
class AuditSummary:
    files: int
    questions: int
    modes: tuple[ModeSummary, ...]


@dataclass(frozen=True)
class Audit:
    files: tuple[FileAudit, ...]
    failures: tuple[Failure, ...]
    summary: AuditSummary


def values_of(answers: Answers, catalogue: Catalogue) -> dict[str, int | str]:
    """Every question id to its answer (the answers must be complete)."""
    out: dict[str, int | str] = {}
    for q in question_ids(catalogue):
        value = answers.value(q)
        assert value is not None
        out[q] = value
    return out


class HasAnswers(Protocol):
    """Anything that holds answers, as a :class:`rolefit.Profile` does."""

    @property
    def answers(self) -> Answers: ...


def audit_answers(catalogue: Catalogue, answers: Answers | HasAnswers, name: str = "") -> FileAudit:
    """Replay one complete set of answers (or a :class:`rolefit.Profile`'s) in each audited mode."""
    if not isinstance(answers, Answers):
        held = getattr(answers, "answers", None)  # a Profile's
        if not isinstance(held, Answers):
            raise AnswersError(f"expected answers or a Profile (got {type(answers).__name__})", key="answers")
        answers = held
    if not isinstance(catalogue, Catalogue):
        raise AnswersError(f"expected a Catalogue first (got {type(catalogue).__name__})", key="catalogue")
    gaps = missing(answers, catalogue)
    if gaps and len(gaps) == len(question_ids(catalogue)):  # (`score` flags it "empty", counted as no one)
        raise AnswersError(
            "an empty answers file: it answers no question, so it says nothing about anyone and is not "
            "audited; answer it first (rolefit quiz --answers FILE)",
            file=name or None,
        )
    if gaps:
        raise AnswersError(
            f"not a complete answers file: {len(gaps)} questions unanswered; an audit replays complete files",
            file=name or None,
        )
    if untouched(answers, catalogue):  # (`score` counts it as no one, too)
        raise AnswersError(
            "the untouched template (every answer as it starts): it says nothing about anyone, so it is not "
            "audited; answer it first (rolefit quiz --answers FILE)",
            file=name or None,
        )
    values = values_of(answers, catalogue)
    full = score(catalogue, answers).top.role.id
    return FileAudit(name, full, {mode: replay(catalogue, values, mode) for mode in AUDITED})


def _percentile(values: list[int], share: float) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))]


def _median(values: list[int]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return float(ordered[mid]) if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def summarise(audits: Iterable[FileAudit], catalogue: Catalogue) -> AuditSummary:
    done = list(audits)
    modes = []
    for mode in AUDITED:
        counts = [len(a.modes[mode].asked) for a in done]
        agree = sum(1 for a in done if a.modes[mode].top == a.full)
        modes.append(
            ModeSummary(
                mode,
                _median(counts) if counts else None,
                _percentile(counts, 0.9) if counts else None,
                agree / len(done) if done else None,
            )
        )
    return AuditSummary(len(done), len(question_ids(catalogue)), tuple(modes))


def audit_files(catalogue: Catalogue, paths: Iterable[str | Path]) -> Audit:
    """Audit each file (files, folders of them, glob patterns, as ``rolefit audit`` reads them; the
    JSON reports of rolefit's a folder holds are passed over); one that cannot be read or is not
    complete becomes a failure."""
    if not isinstance(catalogue, Catalogue):
        raise AnswersError(f"expected a Catalogue first (got {type(catalogue).__name__})", key="catalogue")
    given: object = paths  # (from the Python API: anything may come)
    if isinstance(given, (str, bytes, Path)) or not isinstance(given, Iterable):
        raise AnswersError(f"expected a list of file or folder names (got {type(given).__name__})", key="paths")
    names = list(given)
    for item in names:
        if not isinstance(item, (str, Path)):
            raise AnswersError(f"expected a file or folder name (got {type(item).__name__})", key="paths")
    named = [str(item) for item in names]
    files, _ = own_reports(expand(named), named)
    audits: list[FileAudit] = []
    failures: list[Failure] = []
    for path in files:
        try:
            check_found(path)  # a folder without answers files, a pattern that matches nothing: as `score` says
            audits.append(audit_answers(catalogue, load_answers(path, catalogue), str(path)))
        except RolefitError as exc:
            message = f"{exc.key}: {exc.message}" if exc.key else exc.message
            failures.append(Failure(path, message, exc.line))
    return Audit(tuple(audits), tuple(failures), summarise(audits, catalogue))
