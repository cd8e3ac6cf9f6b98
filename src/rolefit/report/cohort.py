"""A cohort as CSV, JSON or Markdown, and its summary in words (the terminal table is in cohort_terminal)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from rolefit.cohort import Cohort, Row, Summary
from rolefit.model.catalogue import Catalogue
from rolefit.report.text import csv_text, md_text, shown
from rolefit.scoring.fit import HYBRID_MARGIN, FitResult
from rolefit.text import terminal_safe


def scores_of(result: FitResult) -> dict[str, float]:
    return {f.role.id: f.score for f in result.fits}


def completeness(row: Row) -> str:
    """'41/62': the questions the file answers, of all the catalogue's questions."""
    return f"{row.answered}/{row.questions}"


def flags_text(row: Row) -> str:
    """The row's flags in words, e.g. 'partial, quick'; "" when there are none."""
    return ", ".join(row.flags)


def _people(n: int) -> str:
    return "1 person" if n == 1 else f"{n} people"


def summary_lines(summary: Summary, catalogue: Catalogue) -> list[str]:
    """The summary in words: who leans where, how many are hybrids, what to learn next."""
    untouched = ""
    if summary.templates:
        files = "file is" if summary.templates == 1 else "files are"
        untouched = f"{summary.templates} {files} the untouched template (every answer as it starts), not counted."
    if summary.empty:
        files = "file answers" if summary.empty == 1 else "files answer"
        untouched = f"{untouched} {summary.empty} {files} no question at all, not counted.".strip()
    if not summary.people:
        return [" ".join(("No one was scored.", untouched)).strip()]
    parts = []
    for k, leaning in enumerate(summary.leanings):
        if leaning.tied:  # not a leaning: the label's "(tied)" said as what it means
            verb = "has" if leaning.count == 1 else "have"
            names = leaning.label.removesuffix(" (tied)")
            parts.append(f"{leaning.count} {verb} no clear lead between {names}")
            continue
        verb = ("leans to" if leaning.count == 1 else "lean to") if k == 0 else "to"
        parts.append(f"{leaning.count} {verb} {leaning.label}")
    line = f"{_people(summary.people)}: {', '.join(parts)}."
    if summary.hybrids:
        verb = "is a hybrid" if summary.hybrids == 1 else "are hybrids"
        line += f" {summary.hybrids} {verb} (top two roles within {HYBRID_MARGIN:g} points)."
    if summary.ties:
        line += f" No clear lead: three or more roles within {HYBRID_MARGIN:g} points."
    if summary.partial:
        files = "file was" if summary.partial == 1 else "files were"
        line += f" {summary.partial} {files} partial (questions not asked count as neutral)."
    if untouched:
        line += f" {untouched}"
    if summary.learn_next:
        tasks = ", ".join(f"{catalogue.task_by_id[t].title} ({n})" for t, n in summary.learn_next)
    else:
        tasks = "nothing pressing"
    return [line, f"Most common to learn next: {tasks}."]


def failure_lines(cohort: Cohort) -> list[str]:
    return [terminal_safe(f"could not score {f.where}: {f.message}") for f in cohort.failures]


def to_markdown(cohort: Cohort, catalogue: Catalogue) -> str:
    """The table and the summary as Markdown, then the files that could not be scored."""
    out = [
        "| Person | " + " | ".join(md_text(r.short) for r in catalogue.roles) + " | Top role | Answered | Flags |",
        "| --- |" + " ---: |" * len(catalogue.roles) + " --- | ---: | --- |",
    ]
    for row in cohort.rows:
        scores = scores_of(row.result)
        cells = " | ".join(f"{scores[r.id]:.0f}" for r in catalogue.roles)
        out.append(
            f"| {md_text(row.name)} | {cells} | {md_text(row.result.label)} | {completeness(row)} | {flags_text(row)} |"
        )
    out += ["", *(md_text(line) for line in summary_lines(cohort.summary, catalogue))]
    if cohort.failures:  # (a shared page must not hide who was left out)
        out += ["", "Not scored:", ""]
        out += [f"- {md_text(str(f.where))}: {md_text(f.message)}" for f in cohort.failures]
    return "\n".join(out) + "\n"


def to_csv(cohort: Cohort, catalogue: Catalogue) -> str:
    """One line per person: ``person,file,<role id>...,top,hybrid,tied,answered,questions,flags``.

    Fits have one decimal; ``top`` is the best role's id (empty when three or more are tied);
    ``hybrid`` is "a / b" (role ids) when the top two are too close to split, else empty;
    ``tied`` is "a / b / c" when three or more are; ``answered`` of ``questions`` is how complete
    the file is; ``flags`` is "partial", "quick", "template", "empty" or several of them, separated by
    spaces. Failures are not included. A text cell that
    a spreadsheet would take for a formula starts with a single quote
    (:func:`~rolefit.report.text.csv_text`); the fits stay numbers.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    head = ["person", "file", *(csv_text(r.id) for r in catalogue.roles), "top", "hybrid", "tied"]
    writer.writerow([*head, "answered", "questions", "flags"])
    for row in cohort.rows:
        scores = scores_of(row.result)
        pair, tied = row.result.hybrid, row.result.tied
        writer.writerow(
            [
                csv_text(row.name),
                csv_text(str(row.path)),
                *(f"{shown(scores[r.id]):.1f}" for r in catalogue.roles),
                "" if tied else csv_text(row.result.top.role.id),
                csv_text(f"{pair[0].role.id} / {pair[1].role.id}") if pair else "",
                csv_text(" / ".join(f.role.id for f in tied)) if tied else "",
                row.answered,
                row.questions,
                " ".join(row.flags),
            ]
        )
    return buffer.getvalue()


def to_data(cohort: Cohort, catalogue: Catalogue) -> dict[str, Any]:
    """The cohort as data. People and failures in file order; fits in catalogue order."""
    people = []
    for row in cohort.rows:
        scores = scores_of(row.result)
        pair = row.result.hybrid
        people.append(
            {
                "person": row.name,
                "file": str(row.path),
                "fits": {r.id: shown(scores[r.id]) for r in catalogue.roles},
                "top": None if row.result.tied else row.result.top.role.id,
                "label": row.result.label,
                "hybrid": [pair[0].role.id, pair[1].role.id] if pair else None,
                "tied": [f.role.id for f in row.result.tied] if row.result.tied else None,
                "answered": row.answered,
                "questions": row.questions,
                "flags": list(row.flags),
            }
        )
    summary = cohort.summary
    return {
        "people": people,
        "summary": {
            "people": summary.people,
            "hybrids": summary.hybrids,
            "ties": summary.ties,
            "partial": summary.partial,
            "templates": summary.templates,
            "empty": summary.empty,
            "leanings": [{"roles": list(x.roles), "label": x.label, "count": x.count} for x in summary.leanings],
            "learn_next": [{"task": t, "count": n} for t, n in summary.learn_next],
        },
        "failures": [{"file": str(f.path), "line": f.line, "message": f.message} for f in cohort.failures],
    }


def to_json(cohort: Cohort, catalogue: Catalogue) -> str:
    """The cohort as JSON: the same files always give the same bytes."""
    return json.dumps(to_data(cohort, catalogue), indent=2, ensure_ascii=False) + "\n"
