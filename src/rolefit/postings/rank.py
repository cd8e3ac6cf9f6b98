"""Postings ranked by your fit: each posting scored as a role of its own, its evidence as weights."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rolefit.model.answers import Answers
from rolefit.model.catalogue import Catalogue, Organisation, Role, RoleTask
from rolefit.postings.verdict import Reading
from rolefit.scoring.fit import RoleFit, fit_role


def posting_role(reading: Reading) -> Role:
    """The posting as a role of its own: its evidence counts as weights (up to 3, core). It is named
    as the reports name it, by its title and its id ("Data Analyst (d07)"), in its fit and in a
    result's label alike ("Senior Data Analyst (d69) / Data Analyst (d73)")."""
    return Role(
        id=re.sub(r"[^a-z0-9]+", "-", reading.posting.name.lower()).strip("-") or "posting",
        name=reading.posting.named,
        short=reading.posting.named,
        summary=reading.posting.title,
        tasks=tuple(
            RoleTask(task, max(0.5, round(weight, 2)), "inferred", "from the posting")
            for task, weight in reading.weights.items()
        ),
        organisations=(Organisation("posting", reading.posting.name),),
    )


@dataclass(frozen=True)
class JobFit:
    reading: Reading
    fit: RoleFit | None  # None when the posting cannot be scored (see Reading.scorable)


def rank(readings: list[Reading], catalogue: Catalogue, answers: Answers) -> list[JobFit]:
    """Postings by your fit to each one's own task shares, best first; unreadable ones last."""
    scored = [JobFit(r, fit_role(posting_role(r), catalogue, answers) if r.scorable else None) for r in readings]
    return sorted(scored, key=lambda j: (j.fit is None, -(j.fit.score if j.fit else 0.0), j.reading.posting.name))
