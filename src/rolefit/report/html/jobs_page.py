"""Job postings as a page (``jobs -o postings.html``): each posting's verdict, how sure, and the
lines that show it with the telling phrases highlighted, in the list and in the posting's text.

It reads each posting through :func:`rolefit.report.postings.reading_data`, and only the fields
it shows, so fields added there later change nothing here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from rolefit.model.catalogue import Catalogue
from rolefit.postings.read import JobFit, Reading
from rolefit.report.html import render, svg
from rolefit.report.html.bars import Bar, bar_chart
from rolefit.report.postings import NOT_DATA_NOTE, close_behind, fit_line, reading_data

Pieces = list[tuple[str, bool]]


def highlight(line: str, phrases: Iterable[str]) -> Pieces:
    """``line`` in pieces, each ``(text, True)`` where it is one of ``phrases`` (any case), to the
    end of its last word ("A/B tests" for "a/b test": the whole word as written is marked). The
    longest phrase wins where two overlap; the pieces join up to the line."""
    wanted = sorted({p for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    if not wanted:
        return [(line, False)] if line else []
    pattern = re.compile(
        "|".join(re.escape(p) + (r"[^\W_]*" if p[-1:].isalnum() else "") for p in wanted), re.IGNORECASE
    )
    out: Pieces = []
    at = 0
    for found in pattern.finditer(line):
        if found.start() > at:
            out.append((line[at : found.start()], False))
        out.append((found.group(0), True))
        at = found.end()
    if at < len(line):
        out.append((line[at:], False))
    return out


def _evidence(data: dict[str, Any]) -> list[dict[str, str]]:
    items = data.get("evidence") or []
    return [e for e in items if isinstance(e, dict) and isinstance(e.get("line"), str)]


def posting_view(k: int, reading: Reading, catalogue: Catalogue, job: JobFit | None) -> dict[str, Any]:
    """What the page shows of one posting."""
    data = reading_data(reading, catalogue, job)
    titles = {t.id: t.title for t in catalogue.tasks}
    evidence = _evidence(data)
    by_line: dict[str, set[str]] = {}
    for e in evidence:
        by_line.setdefault(e["line"].strip(), set()).add(str(e.get("phrase", "")))
    text = reading.posting.text.splitlines()
    confidence = float(data.get("confidence") or 0.0)
    return {
        "anchor": f"posting-{k}",
        "name": str(data.get("posting", "")),
        "heading": str(data.get("title") or data.get("posting") or ""),
        "label": str(data.get("label", "")),
        "confidence": f"{confidence:.2f}",
        "sure": f"{confidence:.0%}",
        "mislabelled": str(data.get("mislabelled") or ""),
        "close_behind": close_behind(reading, catalogue),
        "fit": f"{job.fit.score:.0f}" if job is not None and job.fit is not None else "-",  # (as the screen rounds it)
        "fit_line": fit_line(job.fit, titles) if job is not None and job.fit is not None else "",
        "evidence": [
            (titles.get(str(e.get("task")), str(e.get("task"))), highlight(e["line"], [str(e.get("phrase", ""))]))
            for e in evidence
        ],
        "text": [highlight(line, () if reading.not_data else by_line.get(line.strip(), ())) for line in text],
        "similarity": data.get("similarity") or {},
        "chances": data.get("chances") or {},
        # (no data job: its mentions of a role's tasks are not the job's, so none is shown as such)
        "not_data": NOT_DATA_NOTE if reading.not_data else "",
    }


def _views(readings: Sequence[Reading], catalogue: Catalogue, jobs: Sequence[JobFit] | None) -> list[dict[str, Any]]:
    if jobs is not None:
        return [posting_view(k, j.reading, catalogue, j) for k, j in enumerate(jobs, 1)]
    return [posting_view(k, r, catalogue, None) for k, r in enumerate(readings, 1)]


#: The chart's title and note: the model's chances when it read every posting, else the closeness.
CHANCES_CHART = ("The chance of each verdict", "By the model fitted on real ads, from 0 to 100%.")
CLOSENESS_CHART = ("How close each posting is to each role", "Closeness by the tasks the posting's lines name.")


def _charted(views: Sequence[dict[str, Any]]) -> Sequence[dict[str, Any]]:
    """The postings the chart shows: not an ad that is no data job (no closer to one role than to
    another), unless every one is."""
    return [view for view in views if not view.get("not_data")] or views


def _by_chances(views: Sequence[dict[str, Any]]) -> bool:
    return bool(views) and all(view["chances"] for view in _charted(views))


def closeness_chart(views: Sequence[dict[str, Any]], catalogue: Catalogue) -> str:
    rows = []
    by_chances = _by_chances(views)
    views = _charted(views)
    if by_chances:
        series = [*(r.short for r in catalogue.roles), "none of these"]
        for view in views:
            values = (*(float(view["chances"].get(r.id, 0.0)) for r in catalogue.roles), view["chances"]["none"])
            rows.append(Bar(view["heading"], values, tuple(f"{v:.0%}" for v in values)))
        return bar_chart(rows, series, 1.0, "closeness", CHANCES_CHART[0])
    for view in views:
        values = tuple(float(view["similarity"].get(r.id, 0.0)) for r in catalogue.roles)
        rows.append(Bar(view["heading"], values, tuple(f"{v:.2f}" for v in values)))
    most = max([1.0, *(v for row in rows for v in row.values)])
    return bar_chart(rows, [r.short for r in catalogue.roles], most, "closeness", CLOSENESS_CHART[0])


def jobs_page(readings: Sequence[Reading], catalogue: Catalogue, jobs: Sequence[JobFit] | None = None) -> str:
    views = _views(readings, catalogue, jobs)
    return render.page(
        "jobs.html.j2",
        title="rolefit: job postings",
        catalogue=catalogue.version,
        postings=views,
        ranked=jobs is not None,
        chart=render.markup(closeness_chart(views, catalogue)),
        chart_words=CHANCES_CHART if _by_chances(views) else CLOSENESS_CHART,
    )


def jobs_svg(readings: Sequence[Reading], catalogue: Catalogue, jobs: Sequence[JobFit] | None = None) -> str:
    chart = closeness_chart(_views(readings, catalogue, jobs), catalogue)
    return svg.standalone([chart], "rolefit: job postings", render.chart_css())
