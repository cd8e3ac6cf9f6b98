"""The fit report as a page (``quiz -o report.html``) and as one SVG image (``-o chart.svg``).

Everything shown comes from :class:`~rolefit.report.fit.FitReport`, as the terminal and
Markdown show it; this module picks the charts' numbers out of it.
"""

from __future__ import annotations

from rolefit.model.catalogue import MAX_WEIGHT, weight_shown
from rolefit.report import fit as model
from rolefit.report import words
from rolefit.report.fit import FitReport
from rolefit.report.html import render, svg
from rolefit.report.html.charts import FitRow, TaskRow, diverging_chart, firmness_chart, fit_chart, task_charts
from rolefit.scoring.firmness import FIRM_CHANGES
from rolefit.scoring.fit import HYBRID_MARGIN

WORDS = {
    "raised": words.RAISED,
    "lowered": words.LOWERED,
    "learn_next": words.LEARN_NEXT,
    "nothing_to_learn": words.NOTHING_TO_LEARN,
    "friction": words.FRICTION,
    "friction_line": words.FRICTION_LINE,
    "where_to_apply": words.WHERE_TO_APPLY,
    "evolves": words.EVOLVES,
}


def ranking_chart(report: FitReport) -> str:
    rows = [FitRow(r.name, r.exact, r.interest, r.readiness) for r in report.ranking]
    return fit_chart(rows, "fit", "Fit to each role, with interest and readiness")


def groups_chart(report: FitReport) -> str:
    names = list(report.chart_roles)
    return diverging_chart(
        [row.short for row in report.chart],
        names,
        [row.points for row in report.chart],
        "groups",
        words.CHART_TITLE,
    )


def top_tasks_chart(report: FitReport, parts: bool = False) -> list[str]:
    """The best fit's tasks, those it asks most of first: what it asks, your skill and interest."""
    top = report.result.top
    learn, friction = set(top.learn_next), set(top.friction)
    tasks = report.catalogue.task_by_id
    ordered = sorted(top.contributions, key=lambda c: -c.weight)  # stable: catalogue order within a weight
    rows = [
        TaskRow(
            tasks[c.task].title,
            c.weight,
            weight_shown(c.weight),
            c.skill,
            c.interest,
            "friction" if c.task in friction else "learn next" if c.task in learn else "",
        )
        for c in ordered
    ]
    return task_charts(rows, MAX_WEIGHT, "tasks", f"{top.role.name}: what it asks, your skill and interest", parts)


def firmness_of(report: FitReport) -> str:
    """How firm the result is, as a chart; empty when there is no runner-up."""
    fits = report.result.fits
    if len(fits) < 2:
        return ""
    runner_up = fits[1].role
    flip = report.flip
    changes = flip.count if flip is not None and flip.target == runner_up.id else None
    return firmness_chart(report.result.margin, runner_up.short, HYBRID_MARGIN, changes, FIRM_CHANGES)


def fit_page(report: FitReport) -> str:
    """The report as one self-contained page."""
    charts = {
        "fit": ranking_chart(report),
        "groups": groups_chart(report),
        "firmness": firmness_of(report),
    }
    return render.page(
        "fit.html.j2",
        title=f"rolefit: {report.result.title}",
        catalogue=report.catalogue.version,
        report=report,
        charts={
            **{k: render.markup(v) for k, v in charts.items()},
            "tasks": [render.markup(part) for part in top_tasks_chart(report, parts=True)],
        },
        words=WORDS,
        formula=model.FORMULA,
        scale=model.SCALE,
        chart_title=words.CHART_TITLE,
        firm_heading=words.FIRMNESS,
        top_short=report.result.top.role.short,
    )


def fit_svg(report: FitReport) -> str:
    """The fit chart as an image: the ranking, the task groups, the best fit's tasks, how firm."""
    charts = [ranking_chart(report), groups_chart(report), *top_tasks_chart(report)]
    firm = firmness_of(report)
    return svg.standalone([*charts, *([firm] if firm else [])], f"rolefit: {report.result.title}", render.chart_css())
