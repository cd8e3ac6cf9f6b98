"""The fit report: one model of what a report says, rendered as terminal text, Markdown and JSON.

:func:`build` scores the answers and works out everything a report shows (the ranking, how
firm the result is, how many questions were not asked); the renderers only lay it out.
"""

from __future__ import annotations

from dataclasses import dataclass

from rolefit.model.answers import Answers
from rolefit.model.catalogue import Catalogue
from rolefit.scoring import firmness
from rolefit.scoring.fit import FitResult, score


@dataclass(frozen=True)
class FitReport:
    """What a fit report says.

    ``top``: how many roles the ranking lists (None: each format's default, all of them in
    JSON); ``flip`` and ``firmness``: what would change the result, as data and in words.
    """

    result: FitResult
    catalogue: Catalogue
    flip: firmness.Flip | None = None
    firmness: str = ""
    not_asked: int = 0
    top: int | None = None


def build(catalogue: Catalogue, answers: Answers, *, not_asked: int = 0, top: int | None = None) -> FitReport:
    """The report for complete ``answers``."""
    result = score(catalogue, answers)
    flip = None
    if firmness.firmness_applies(catalogue):
        # Context answers are statements of preference; "how firm" asks what in your skills and
        # interests would have to differ.
        flip = firmness.flip(catalogue, answers, tasks_only=True)
    said = firmness.describe(flip, catalogue) if flip is not None else ""
    return FitReport(result, catalogue, flip, said, not_asked, top)
