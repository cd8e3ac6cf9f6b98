"""Job postings as a page (``jobs -o postings.html``): each posting's verdict, how sure, and the
lines that show it with the telling words highlighted, in the list and in the posting's text.

It says what the text view says, from the same sources (:mod:`rolefit.report.postings`): the
fields of :func:`~rolefit.report.postings.reading_data` it shows, the name with its file's id,
"sure" and its note, the reason for no verdict, and the evidence ranked and each line quoted once as
there. The words highlighted are those the reader matched (each mention's ``marks``), whole words.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from rolefit.errors import Failure
from rolefit.model.answers import Coverage
from rolefit.model.catalogue import Catalogue
from rolefit.postings.read import Evidence, JobFit, Reading
from rolefit.postings.sections import clean
from rolefit.report.html import render, svg
from rolefit.report.html.bars import Bar, bar_charts
from rolefit.report.postings import _named, _sure, reading_data
from rolefit.report.reading import (
    NOT_DATA_NOTE,
    answers_line,
    close_behind,
    each_line_once,
    failure_lines,
    fit_line,
    in_order,
    not_enough,
    ranked_evidence,
    sure_note,
)

Pieces = list[tuple[str, bool]]
Marks = list[tuple[int, int]]


def marked(line: str, marks: Iterable[tuple[int, int]]) -> Pieces:
    """``line`` in pieces, each ``(text, True)`` where one of ``marks`` (start, end offsets) covers it;
    marks that overlap or touch are one. The pieces join up to the line."""
    merged: Marks = []
    for a, b in sorted((max(0, a), min(len(line), b)) for a, b in marks):
        if a >= b:
            continue
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    out: Pieces = []
    at = 0
    for a, b in merged:
        if a > at:
            out.append((line[at:a], False))
        out.append((line[a:b], True))
        at = b
    if at < len(line):
        out.append((line[at:], False))
    return out


def quotes(ranked: Sequence[Evidence], titles: dict[str, str]) -> list[tuple[list[str], Pieces]]:
    """Each line of evidence once, in the order the text view quotes them (:func:`each_line_once`),
    with the titles of every task it shows and the words of each of its mentions marked."""
    out: list[tuple[list[str], Pieces]] = []
    for first in each_line_once(ranked):
        here = [e for e in ranked if e.line == first.line]
        tasks = list(dict.fromkeys(titles.get(e.task, e.task) for e in here))
        out.append((tasks, marked(first.line, [m for e in here for m in e.marks])))
    return out


def _placed(raw: str, quoted: str) -> int:
    """Where ``quoted`` (a line as the reader read it) stands in ``raw`` (a line of the posting)
    between word boundaries, or -1."""
    at = raw.find(quoted)
    while at >= 0:
        end = at + len(quoted)
        if (at == 0 or not raw[at - 1].isalnum()) and (end == len(raw) or not raw[end].isalnum()):
            return at
        at = raw.find(quoted, at + 1)
    return -1


def text_marks(lines: Sequence[str], evidence: Iterable[Evidence]) -> list[Marks]:
    """The marks of the evidence, line by line of the posting's text. A line of evidence is the
    posting's line cleaned of its bullet, or one sentence of it; one the reader joined from two
    lines broken in the middle of a sentence is found in neither, and marked in the quotes only."""
    by_line: dict[str, Marks] = {}
    for e in evidence:
        by_line.setdefault(e.line, []).extend(e.marks)
    out: list[Marks] = [[] for _ in lines]
    if not by_line:
        return out
    exact: dict[str, int] = {}
    for k, raw in enumerate(lines):
        exact.setdefault(clean(raw), k)
    for quoted, marks in by_line.items():
        known = exact.get(quoted)
        candidates = [known] if known is not None else range(len(lines))
        for k in candidates:
            at = _placed(lines[k], quoted)
            if at >= 0:
                out[k] += [(at + a, at + b) for a, b in marks]
                break
    return out


def posting_view(k: int, reading: Reading, catalogue: Catalogue, job: JobFit | None) -> dict[str, Any]:
    """What the page shows of one posting."""
    data = reading_data(reading, catalogue, job)
    titles = {t.id: t.title for t in catalogue.tasks}
    # (no verdict, or no data job: its mentions of a role's tasks are not shown as the job's)
    ranked = [] if reading.insufficient or reading.not_data else ranked_evidence(reading, catalogue)
    text = reading.posting.text.splitlines()
    name, title = reading.posting.name, reading.posting.title
    confidence = float(data.get("confidence") or 0.0)
    fit = job.fit if job is not None else None
    return {
        "anchor": f"posting-{k}",
        "heading": _named(reading),  # (its title and file's id, as the text view names it)
        "title": title if title and title != name else name,
        "keep": f" ({name})" if title and title != name else "",
        "label": str(data.get("label", "")),
        "confidence": f"{confidence:.2f}",
        "sure": _sure(reading),
        "abstained": not_enough(reading, catalogue) if reading.insufficient else "",
        "mislabelled": "" if reading.insufficient else str(data.get("mislabelled") or ""),
        "close_behind": close_behind(reading, catalogue),
        "fit": f"{fit.score:.0f}" if fit is not None else "-",  # (as the screen rounds it)
        "fit_line": fit_line(fit, titles) if fit is not None and not reading.insufficient else "",
        "evidence": quotes(ranked, titles),
        "text": [marked(line, marks) for line, marks in zip(text, text_marks(text, ranked), strict=True)],
        # (the reading's own, not JSON's rounded to 3 places: 0.9049 is shown 0.90 here as on the screen)
        "similarity": dict(reading.similarity),
        "chances": data.get("chances") or {},
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
    another), nor one with no verdict (no chances), unless every one is."""
    return [view for view in views if not (view["not_data"] or view["abstained"])] or views


def _by_chances(views: Sequence[dict[str, Any]]) -> bool:
    return bool(views) and all(view["chances"] for view in _charted(views))


def closeness_chart(views: Sequence[dict[str, Any]], catalogue: Catalogue, parts: bool = False) -> list[str]:
    """The postings' chances (or closeness) to each role: one SVG, or for a page in parts that print."""
    rows = []
    by_chances = _by_chances(views)
    views = _charted(views)
    if by_chances:
        series = [*(r.short for r in catalogue.roles), "none of these"]
        for view in views:
            values = (*(float(view["chances"].get(r.id, 0.0)) for r in catalogue.roles), view["chances"]["none"])
            rows.append(Bar(view["title"], values, tuple(f"{v:.0%}" for v in values), keep=view["keep"]))
        return bar_charts(rows, series, 1.0, "closeness", CHANCES_CHART[0], parts)
    for view in views:
        values = tuple(float(view["similarity"].get(r.id, 0.0)) for r in catalogue.roles)
        rows.append(Bar(view["title"], values, tuple(f"{v:.2f}" for v in values), keep=view["keep"]))
    most = max([1.0, *(v for row in rows for v in row.values)])
    return bar_charts(rows, [r.short for r in catalogue.roles], most, "closeness", CLOSENESS_CHART[0], parts)


def jobs_page(
    readings: Sequence[Reading],
    catalogue: Catalogue,
    jobs: Sequence[JobFit] | None = None,
    failures: Sequence[Failure] = (),
    answers: Coverage | None = None,
) -> str:
    views = _views(readings, catalogue, jobs)
    return render.page(
        "jobs.html.j2",
        title="rolefit: job postings",
        catalogue=catalogue.version,
        postings=views,
        ranked=jobs is not None,
        chart=[render.markup(part) for part in closeness_chart(views, catalogue, parts=True)],
        chart_words=CHANCES_CHART if _by_chances(views) else CLOSENESS_CHART,
        sure_note=sure_note(in_order(readings, jobs)),
        answers_note=answers_line(answers),  # (partial answers: the fits are rough)
        failures=failure_lines(failures),  # (the files that could not be read: a shared page must not hide them)
    )


def jobs_svg(readings: Sequence[Reading], catalogue: Catalogue, jobs: Sequence[JobFit] | None = None) -> str:
    return svg.standalone(
        closeness_chart(_views(readings, catalogue, jobs), catalogue), "rolefit: job postings", render.chart_css()
    )
