"""The Python API: ``you = Profile.from_file("me.yaml"); you.fit(jobs)``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rolefit.catalogue.load import load_catalogue
from rolefit.files.answers import load_answers
from rolefit.model.answers import Answers, missing
from rolefit.model.catalogue import Catalogue, Role

if TYPE_CHECKING:
    from rolefit.postings.read import Posting
from rolefit.errors import RolefitError
from rolefit.scoring.fit import FitResult, score


@dataclass(frozen=True)
class Profile:
    """A person's answers, read against a catalogue. Unanswered questions count as neutral."""

    answers: Answers
    catalogue: Catalogue

    @classmethod
    def from_file(cls, path: str | Path, catalogue: Catalogue | None = None) -> Profile:
        """Read an answers file (``-`` for standard input)."""
        cat = catalogue or load_catalogue()
        return cls(load_answers(path, cat), cat)

    @classmethod
    def from_answers(
        cls,
        answers: Mapping[str, Mapping[str, int]],
        context: Mapping[str, str] | None = None,
        catalogue: Catalogue | None = None,
    ) -> Profile:
        """Build a profile in code: ``{"build-models": {"skill": 3, "interest": 4}}``."""
        cat = catalogue or load_catalogue()
        skill = {t: a["skill"] for t, a in answers.items() if "skill" in a}
        interest = {t: a["interest"] for t, a in answers.items() if "interest" in a}
        for task, level in [*skill.items(), *interest.items()]:
            if task not in cat.task_by_id:
                raise RolefitError("unknown task id", key=f"answers.{task}")
            if not isinstance(level, int) or isinstance(level, bool) or not 0 <= level <= 4:
                raise RolefitError(f"expected a whole number from 0 to 4, got {level!r}", key=f"answers.{task}")
        return cls(Answers(skill=skill, interest=interest, context=dict(context or {})), cat)

    @property
    def unanswered(self) -> list[str]:
        """The questions this profile has no answer for (scored as neutral)."""
        return missing(self.answers, self.catalogue)

    def fit(self, jobs: Iterable[Role | Posting] | Catalogue | None = None) -> FitResult:
        """Rank ``jobs`` by how well they fit: roles (all of the catalogue's by default), or job
        postings (:func:`rolefit.postings.read.read_postings`), each scored by its own task profile."""
        if jobs is None:
            roles = list(self.catalogue.roles)
        elif isinstance(jobs, Catalogue):
            roles = list(jobs.roles)
        else:
            roles = [self._as_role(job) for job in jobs]
        if not roles:
            raise RolefitError("expected at least one role to fit against")
        for role in roles:
            for rt in role.tasks:
                if rt.task not in self.catalogue.task_by_id:
                    raise RolefitError(f"role '{role.id}' uses task '{rt.task}', which this profile's catalogue lacks")
        return score(self.catalogue, self.answers, roles)

    def _as_role(self, job: Role | Posting) -> Role:
        if isinstance(job, Role):
            return job
        from rolefit.postings.read import posting_role, read_posting

        reading = read_posting(job, self.catalogue)
        if not reading.weights:
            raise RolefitError(f"posting '{job.name}' shows none of the catalogue's tasks; it cannot be scored")
        return posting_role(reading)
