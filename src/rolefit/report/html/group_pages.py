"""Two sets of answers compared (``compare``) and a cohort for a coach (``score``), as pages and images."""

from __future__ import annotations

from typing import Any

from rolefit.cohort import NO_ONE, Cohort
from rolefit.model.catalogue import Catalogue
from rolefit.report.compare import CompareReport, moved_heading
from rolefit.report.html import render, svg
from rolefit.report.html.bars import Bar, Change, Dots, bar_chart, change_chart, dot_chart
from rolefit.scoring.fit import HYBRID_MARGIN


def moved_chart(report: CompareReport) -> str:
    rows = [Change(r.name, r.before, r.after) for r in report.rows]
    return change_chart(rows, report.names[0], report.names[1], "moved")


def compare_page(report: CompareReport) -> str:
    return render.page(
        "compare.html.j2",
        title=f"rolefit: {report.names[0]} vs {report.names[1]}",
        catalogue="",
        report=report,
        chart=render.markup(moved_chart(report)),
        heading=moved_heading,
    )


def compare_svg(report: CompareReport) -> str:
    title = f"rolefit: {report.names[0]} vs {report.names[1]}"
    return svg.standalone([moved_chart(report)], title, render.chart_css())


def _people(cohort: Cohort, catalogue: Catalogue) -> list[dict[str, Any]]:
    out = []
    for k, row in enumerate(cohort.rows, 1):
        scores = {f.role.id: f.score for f in row.result.fits}
        out.append(
            {
                "anchor": f"person-{k}",
                "name": row.name,
                "fits": [scores[r.id] for r in catalogue.roles],
                "label": row.result.label,
                # (no one, the template or a file of no answer, is close between roles: it is not counted)
                "hybrid": NO_ONE.isdisjoint(row.flags)
                and (row.result.hybrid is not None or row.result.tied is not None),
                "margin": row.result.margin,
                "answered": f"{row.answered}/{row.questions}",
                "flags": ", ".join(row.flags),
                "template": not NO_ONE.isdisjoint(row.flags),  # (no one: the template, or no answer)
            }
        )
    return out


def cohort_charts(cohort: Cohort, catalogue: Catalogue) -> dict[str, str]:
    """Who leans where (counts), each person's fits (dots), the most common learn-next tasks."""
    summary = cohort.summary
    most = max((x.count for x in summary.leanings), default=1)
    leanings = bar_chart(
        [Bar(x.label, (float(x.count),), (str(x.count),)) for x in summary.leanings],
        ["people"],
        float(most),
        "leanings",
        "How many lean to each role",
        " people",
    )
    people = dot_chart(
        [
            Dots(p["name"], tuple(p["fits"]), "close: " + p["label"] if p["hybrid"] else "")
            for p in _people(cohort, catalogue)
            if not p["template"]  # (no one: the template, a file of no answer, listed in the table only)
        ],
        [r.short for r in catalogue.roles],
        "people",
    )
    learn = ""
    if summary.learn_next:
        top = max(n for _, n in summary.learn_next)
        learn = bar_chart(
            [Bar(catalogue.task_by_id[t].title, (float(n),), (str(n),)) for t, n in summary.learn_next],
            ["people"],
            float(top),
            "learn",
            "Most common to learn next",
            " people",
        )
    counted = summary.people > 0  # (no one counted: no one to plot)
    return {"leanings": leanings, "people": people if counted else "", "learn": learn}


def cohort_page(cohort: Cohort, catalogue: Catalogue) -> str:
    from rolefit.report.cohort import failure_lines, summary_lines

    people = _people(cohort, catalogue)
    # (an untouched template is no one: listed, but neither counted nor close between roles)
    counted = [p for p in people if not p["template"]]
    close = [(p["name"], p["anchor"], p["label"], p["margin"]) for p in counted if p["hybrid"]]
    return render.page(
        "cohort.html.j2",
        title="rolefit: a cohort",
        title_text=f"A cohort of {len(counted)}" if counted else "No one was scored",
        catalogue=catalogue.version,
        summary=summary_lines(cohort.summary, catalogue),
        people=people,
        close=close,
        roles=[r.short for r in catalogue.roles],
        hybrid_margin=HYBRID_MARGIN,
        charts={k: render.markup(v) for k, v in cohort_charts(cohort, catalogue).items()},
        failures=failure_lines(cohort),
    )


def cohort_svg(cohort: Cohort, catalogue: Catalogue) -> str:
    charts = cohort_charts(cohort, catalogue)
    shown = [charts["leanings"], *(charts[k] for k in ("people", "learn") if charts[k])]
    return svg.standalone(shown, "rolefit: a cohort", render.chart_css())
