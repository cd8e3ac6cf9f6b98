"""The fit report as data: what ``--format json`` prints, byte for byte the same for the same answers.

Only the standard library is needed here (no rich): a JSON report loads nothing it does not print.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from rolefit import __version__
from rolefit.model.answers import Answers
from rolefit.model.catalogue import Catalogue
from rolefit.report.text import shown
from rolefit.scoring.fit import FitResult, RoleFit

if TYPE_CHECKING:
    from rolefit.report.fit import FitReport
    from rolefit.scoring.firmness import Flip


#: What a fit's number means (as :data:`rolefit.report.fit.SCALE` says it; kept here so that JSON loads no more).
SCALE = (
    "Fits are out of 100; 50 is neutral (neither suits nor clashes): a fit of 58, say, is a mild lean "
    "towards a role, not a 58% match."
)

#: ``x`` rounded for a report, never -0.0: the one rounding every format uses.
rounded = shown


def fit_data(fit: RoleFit, catalogue: Catalogue) -> dict[str, Any]:
    task_by_id = catalogue.task_by_id
    return {
        "role": fit.role.id,
        "name": fit.role.name,
        "score": rounded(fit.score),
        "interest": rounded(fit.interest),
        "readiness": rounded(fit.readiness),
        "context": rounded(fit.context),
        # (rounded inline, as shown() does: this runs for every task of every role, 20,000 times for a large catalogue)
        "contributions": [
            {
                "task": c.task,
                "title": task_by_id[c.task].title,
                "weight": c.weight,
                "skill": c.skill,
                "interest": c.interest,
                "points": round(c.points, 2) + 0.0,
                "interest_points": round(c.interest_points, 2) + 0.0,
                "readiness_points": round(c.readiness_points, 2) + 0.0,
            }
            for c in fit.contributions
        ],
        "outside_points": rounded(fit.outside_points, 2),
        "context_points": rounded(fit.context_points, 2),
        "learn_next": list(fit.learn_next),
        "friction": list(fit.friction),
        "organisations": [o.description for o in fit.role.organisations],
    }


def to_data(
    result: FitResult, catalogue: Catalogue, flip: Flip | None = None, top: int | None = None
) -> dict[str, Any]:
    """The report as plain data; ``fits`` lists the ``top`` best roles (all by default), of ``roles`` scored."""
    pair = result.hybrid
    data: dict[str, Any] = {
        "rolefit": __version__,
        "catalogue": {"version": catalogue.version, "digest": catalogue.digest},
        "top": None if result.tied else result.top.role.id,  # (a tie has no top, as in score)
        "hybrid": [pair[0].role.id, pair[1].role.id] if pair else None,
        "tied": [f.role.id for f in result.tied] if result.tied else None,
        "label": result.label,
        "margin": rounded(result.margin),
        "roles": len(result.fits),
        "fits": [fit_data(f, catalogue) for f in result.fits[:top]],
    }
    if flip is not None:
        data["what_would_change"] = {
            "target": flip.target,
            "changes": [{"question": c.question, "from": c.old, "to": c.new} for c in flip.changes],
        }
    return data


#: Past this many roles the JSON report is written on one line: indenting it would cost more
#: than scoring (Python's fast JSON encoder does not indent), and such a report is for programs.
COMPACT_JSON_ROLES = 100


def to_json(
    result: FitResult,
    catalogue: Catalogue,
    flip: Flip | None = None,
    top: int | None = None,
    *,
    skipped: str = "",
) -> str:
    """The report as JSON: the same answers always give the same bytes. ``skipped``: why "how firm"
    was not worked out (then ``what_would_change`` is null and ``what_would_change_skipped`` says why)."""
    data = to_data(result, catalogue, flip, top)
    if skipped:
        data["what_would_change"] = None
        data["what_would_change_skipped"] = skipped
    return _dumps(data)


def _dumps(data: dict[str, Any]) -> str:
    if len(data["fits"]) > COMPACT_JSON_ROLES:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def report_json(catalogue: Catalogue, answers: Answers, *, given: Answers | None = None, not_asked: int = 0) -> str:
    """The JSON report for complete answers, as ``rolefit quiz --format json`` prints it (``given``
    and ``not_asked`` as :func:`rolefit.report.fit.build` takes them)."""
    from rolefit.report.fit import build

    return fit_report_json(build(catalogue, answers, given=given, not_asked=not_asked))


def fit_report_json(report: FitReport) -> str:
    """The report as JSON: every role unless the report says how many."""
    data = to_data(report.result, report.catalogue, report.flip, report.top)
    if report.firmness_skipped:  # it was not worked out
        data["what_would_change"] = None
        data["what_would_change_skipped"] = report.firmness
    data["scale"] = SCALE
    data["not_asked"] = report.not_asked
    data["provisional"] = report.provisional
    unasked = dict(report.not_asked_core)
    for entry in data["fits"]:
        if entry["role"] in unasked:
            entry["not_asked_core"] = list(unasked[entry["role"]])
    return _dumps(data)
