"""The Python API: ``you = Profile.from_file("me.yaml"); you.fit(jobs)``.

Arguments are checked as a file would be: whatever is passed, a mistake is a
:class:`~rolefit.errors.RolefitError` (:class:`~rolefit.errors.AnswersError` for answers) that
names the key and what was expected, never a ``KeyError`` or ``TypeError`` from deep inside.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from rolefit.catalogue.load import load_catalogue
from rolefit.errors import AnswersError, RolefitError, did_you_mean
from rolefit.files.answers import load_answers
from rolefit.model.answers import ASPECTS, Answers, ignored_line, missing
from rolefit.model.catalogue import Catalogue, Role
from rolefit.scoring.fit import FitResult, score
from rolefit.text import cut

if TYPE_CHECKING:
    from rolefit.postings.read import Posting


def _found(value: object) -> str:
    """ ", got 3 (int)": what was passed instead, short."""
    return f", got {cut(repr(value))} ({type(value).__name__})"


def _catalogue(catalogue: object) -> Catalogue:
    if catalogue is None:
        return load_catalogue()
    if not isinstance(catalogue, Catalogue):
        raise RolefitError(f"expected a Catalogue (from load_catalogue()) or None{_found(catalogue)}", key="catalogue")
    return catalogue


def _levels(answers: object, cat: Catalogue) -> tuple[dict[str, int], dict[str, int]]:
    """Skill and interest by task from ``{"task-id": {"skill": 0-4, "interest": 0-4}}``."""
    if not isinstance(answers, Mapping):
        raise AnswersError(f"expected a mapping of task ids to answers{_found(answers)}", key="answers")
    levels: dict[str, dict[str, int]] = {aspect: {} for aspect in ASPECTS}
    for task, given in answers.items():
        if not isinstance(task, str):
            raise AnswersError(f"expected a task id (text) as the key{_found(task)}", key="answers")
        key = f"answers.{task}"
        if task not in cat.task_by_id:
            raise AnswersError(f"unknown task id; {did_you_mean(task, cat.task_by_id)}see 'rolefit template'", key=key)
        if not isinstance(given, Mapping):
            raise AnswersError(f'expected a mapping like {{"skill": 3, "interest": 4}}{_found(given)}', key=key)
        for aspect, level in given.items():
            if aspect not in ASPECTS:
                hint = did_you_mean(str(aspect), ASPECTS)
                raise AnswersError(f"unknown key {cut(repr(aspect))}; {hint}expected skill or interest", key=key)
            if not isinstance(level, int) or isinstance(level, bool) or not 0 <= level <= 4:
                raise AnswersError(
                    f"expected a whole number from 0 to 4, got {cut(repr(level))}", key=f"{key}.{aspect}"
                )
            levels[aspect][task] = level
    return levels["skill"], levels["interest"]


def _context(context: object, cat: Catalogue) -> dict[str, str]:
    """Context choices by question id, each a choice the catalogue offers."""
    if context is None:
        return {}
    if not isinstance(context, Mapping):
        raise AnswersError(f"expected a mapping of context questions to choices{_found(context)}", key="context")
    checked: dict[str, str] = {}
    for qid, choice in context.items():
        question = cat.context_by_id.get(qid) if isinstance(qid, str) else None
        if question is None:
            expected = ", ".join(cat.context_by_id) or "none (this catalogue asks no context questions)"
            hint = did_you_mean(qid, cat.context_by_id) if isinstance(qid, str) else ""
            raise AnswersError(
                f"unknown context question {cut(repr(qid))}; {hint}expected one of: {expected}", key="context"
            )
        choices = [c.id for c in question.choices]
        if not isinstance(choice, str) or choice not in choices:
            hint = did_you_mean(choice, choices) if isinstance(choice, str) else ""
            raise AnswersError(
                f"unknown choice {cut(repr(choice))}; {hint}expected one of: {', '.join(choices)}", key=f"context.{qid}"
            )
        checked[qid] = choice
    return checked


@dataclass(frozen=True)
class Profile:
    """A person's answers, read against a catalogue. Unanswered questions count as neutral."""

    answers: Answers
    catalogue: Catalogue

    @classmethod
    def from_file(cls, path: str | Path, catalogue: Catalogue | None = None) -> Profile:
        """Read an answers file (``-`` for standard input), for ``catalogue`` (the built-in one by
        default). Answers the catalogue has no question for, in a file made for another catalogue,
        are left out with a :class:`UserWarning`."""
        given: object = path  # checked whatever a caller passed
        name = os.fspath(given) if isinstance(given, (str, os.PathLike)) else None
        if not isinstance(name, str):
            raise AnswersError(f"expected the path of an answers file (text or a Path){_found(given)}", key="path")
        cat = _catalogue(catalogue)
        answers = load_answers(name, cat)
        if ignored := ignored_line(name, answers):  # made for another catalogue (or an older one), as the CLI warns
            import warnings

            # (the hint is for a caller who passed no catalogue: one who did chose it)
            hint = " (was it made for another catalogue? pass catalogue=load_catalogue(FOLDER))"
            hint = "" if catalogue is not None else hint
            warnings.warn(f"{ignored}{hint}", UserWarning, stacklevel=2)
        return cls(answers, cat)

    @classmethod
    def from_answers(
        cls,
        answers: Mapping[str, Mapping[str, int]],
        context: Mapping[str, str] | None = None,
        catalogue: Catalogue | None = None,
    ) -> Profile:
        """Build a profile in code: ``{"build-models": {"skill": 3, "interest": 4}}``, and context
        choices such as ``{"organisation": "ml-startup"}``."""
        cat = _catalogue(catalogue)
        skill, interest = _levels(answers, cat)
        return cls(Answers(skill=skill, interest=interest, context=_context(context, cat)), cat)

    @property
    def unanswered(self) -> list[str]:
        """The questions this profile has no answer for (scored as neutral)."""
        return missing(self.answers, self.catalogue)

    def fit(self, jobs: Iterable[Role | Posting] | Role | Posting | Catalogue | None = None) -> FitResult:
        """Rank ``jobs`` by how well they fit: roles (all of the catalogue's by default), or job
        postings (:func:`rolefit.postings.read.read_postings`), each scored by its own task shares.
        A posting with too little evidence to say what it is ("not enough evidence") is left out
        (as ``rolefit jobs`` ranks it last, unscored); only when no job is left is that an error."""
        if isinstance(jobs, Role) or _is_posting(jobs):
            jobs = cast("list[Role | Posting]", [jobs])  # one job: you.fit(role), you.fit(posting)
        if jobs is None:
            roles = list(self.catalogue.roles)
        elif isinstance(jobs, Catalogue):
            roles = list(jobs.roles)
        elif isinstance(jobs, (str, bytes, Mapping)) or not isinstance(jobs, Iterable):
            raise RolefitError(f"expected roles, postings or a Catalogue{_found(jobs)}", key="jobs")
        else:
            given = [self._as_role(job) for job in jobs]
            roles = [role for role in given if role is not None]
            if given and not roles:
                raise RolefitError(
                    "no posting gives enough evidence of a data job's tasks; none can be scored", key="jobs"
                )
        if not roles:
            raise RolefitError("expected at least one role to fit against")
        for role in roles:
            for rt in role.tasks:
                if rt.task not in self.catalogue.task_by_id:
                    raise RolefitError(f"role '{role.id}' uses task '{rt.task}', which this profile's catalogue lacks")
        return score(self.catalogue, self.answers, roles)

    def _as_role(self, job: object) -> Role | None:
        """The job as a role to score (``None``: a posting with too little evidence to say what it is,
        or one that is no data job)."""
        if isinstance(job, Role):
            return job
        from rolefit.postings.read import Posting, posting_role, read_posting

        if not isinstance(job, Posting):
            hint = " (a role id: use load_roles() and pick by .id)" if isinstance(job, str) else ""
            raise RolefitError(f"expected a Role or a Posting{_found(job)}{hint}", key="jobs")

        reading = read_posting(job, self.catalogue)
        return posting_role(reading) if reading.scorable else None


def _is_posting(job: object) -> bool:
    """Whether ``job`` is a posting (without importing the postings reader unless one may be)."""
    import sys

    module = sys.modules.get("rolefit.postings.posting")
    return module is not None and isinstance(job, module.Posting)
