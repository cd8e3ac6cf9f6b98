"""Showing what job postings really are, and how they fit you: table, JSON and Markdown.

What is said of each posting is decided once, in :mod:`rolefit.report.reading`; the screen and
Markdown lay out the same :class:`~rolefit.report.reading.Said`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from rolefit.errors import Failure
from rolefit.model.answers import Coverage
from rolefit.model.catalogue import Catalogue
from rolefit.postings.features import applies_to
from rolefit.postings.read import JobFit, Reading
from rolefit.report.reading import (
    NOT_DATA_NOTE,
    NOT_READ,
    QUOTE_WIDTH,
    WHAT_SUCH_A_JOB_IS,
    Said,
    _quotes,
    answers_line,
    close_behind,
    explain_command,
    failure_lines,
    failures_data,
    fit_line,
    fit_lists,
    how_little,
    in_order,
    said,
    sure_note,
)
from rolefit.report.text import md_code, md_text
from rolefit.report.widgets import bullets, heading
from rolefit.text import terminal_safe

if TYPE_CHECKING:
    from rolefit.scoring.fit import RoleFit

__all__ = [
    "NOT_DATA_NOTE",
    "QUOTE_WIDTH",
    "_quotes",
    "close_behind",
    "failure_lines",
    "fit_line",
    "fit_lists",
    "reading_data",
    "render",
    "saved_text",
    "sure_note",
    "to_json",
    "to_markdown",
]


def reading_data(reading: Reading, catalogue: Catalogue, job: JobFit | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "posting": reading.posting.name,
        "title": reading.posting.title,
        "archetype": reading.top,
        "label": reading.label(catalogue),
        "hybrid": list(reading.hybrid) if reading.hybrid else None,
        "outside": reading.outside,
        "confidence": round(reading.confidence, 2),
        "similarity": {role: round(sim, 3) for role, sim in reading.similarity},
        "chances": dict(reading.chances) or None,  # (as read: 4 places, so every format rounds the same number)
        "mislabelled": reading.mislabelled or None,
        # (why there is no verdict, as the screen says it: too little evidence, or not in English)
        "abstained": how_little(reading, not applies_to(catalogue)) if reading.insufficient else None,
        "evidence": [
            {"task": e.task, "phrase": e.phrase, "line": e.line, "weight": e.weight, "part": e.part}
            for e in reading.evidence
        ],
        "negated": [{"task": e.task, "phrase": e.phrase, "line": e.line} for e in reading.negated],
    }
    if job is not None and job.fit is not None:
        fit = job.fit
        suits, learn, avoid = fit_lists(fit)
        data["fit"] = {
            "score": round(fit.score, 1),
            "interest": round(fit.interest, 1),
            "readiness": round(fit.readiness, 1),
            "suits_you": suits,
            "to_learn": learn,
            "to_avoid": avoid,
        }
    return data


def to_json(
    readings: list[Reading],
    catalogue: Catalogue,
    jobs: list[JobFit] | None = None,
    failures: Sequence[Failure] = (),
    answers: Coverage | None = None,
) -> str:
    """The postings, and the files that could not be read (as ``rolefit score``'s JSON has them); ranked
    by answers, how many questions the file answers and its flags ("partial"), as ``score``'s rows have them."""
    if jobs is not None:
        items = [reading_data(j.reading, catalogue, j) for j in jobs]
    else:
        items = [reading_data(r, catalogue) for r in readings]
    data: dict[str, Any] = {"postings": items, "failures": failures_data(failures)}
    if answers is not None:
        data["answers"] = {
            "file": answers.file,
            "answered": answers.answered,
            "questions": answers.questions,
            "flags": list(answers.flags),
        }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _name(reading: Reading) -> str:
    """The posting's title (or file name), safe to print."""
    return terminal_safe(reading.posting.title or reading.posting.name)


def _named(reading: Reading) -> str:
    """The posting's title and its file's name, as one line (the name alone when there is no title)."""
    return reading.posting.named


def _sure(reading: Reading) -> str:
    return "-" if reading.insufficient else f"{reading.confidence:.0%}"


def _indented(text: str, style: str = "") -> Padding:
    return Padding(Text(terminal_safe(text), style=style), (0, 0, 0, 2))


def _render_said(told: Said, console: Console) -> None:
    """One posting's :class:`Said`, under its heading, as the screen shows it."""
    parts: list[Padding | Table] = []
    if told.why_not:
        parts.append(_indented(told.why_not, "dim"))
    if told.not_data:
        parts.append(_indented(told.not_data))
    if told.odds:
        parts.append(_indented(told.odds, "dim"))
    if told.close:
        parts.append(_indented(told.close))
    if told.explain:
        parts.append(_indented(f"{WHAT_SUCH_A_JOB_IS}: {explain_command(told.explain)}", "dim"))
    if told.mislabelled:  # (a long one wraps under itself, not at the margin)
        parts.append(_indented(f"Mislabelled: {told.mislabelled}", "yellow"))
    if told.quotes:
        parts.append(
            bullets(Text.assemble((terminal_safe(t), "bold"), f": “{terminal_safe(line)}”") for t, line in told.quotes)
        )
    if told.more:
        parts.append(_indented(told.more, "dim"))
    if told.fit:
        parts.append(_indented(told.fit))
    for part in parts:
        console.print(part)


def render(
    readings: list[Reading],
    catalogue: Catalogue,
    console: Console,
    jobs: list[JobFit] | None = None,
    failures: Sequence[Failure] = (),
    answers: Coverage | None = None,
) -> None:
    """A table of the postings (ranked by your fit when there are answers), then why, posting by posting
    (nothing at all when none could be read: the errors say why); then the ``failures``, the files
    that could not be read (a saved report must not hide them: on the screen they are on stderr)."""
    if not readings and not jobs:
        return
    table = Table(box=None, pad_edge=False, header_style="bold")
    if jobs is not None:
        table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Posting", overflow="fold")
    table.add_column("Really is", overflow="fold")
    table.add_column("Sure", justify="right", no_wrap=True)
    if jobs is not None:
        table.add_column("Your fit", justify="right", no_wrap=True)
    order = in_order(readings, jobs)
    fits = _fits(jobs)
    for rank, reading in enumerate(order, 1):
        label = Text(terminal_safe(reading.label(catalogue)), style="dim" if reading.insufficient else "")
        if reading.mislabelled:
            label.append(" (mislabelled)", style="yellow")
        cells: list[str | Text] = [
            Text.assemble(_name(reading), (f" ({terminal_safe(reading.posting.name)})", "dim"))
            if reading.posting.title and reading.posting.title != reading.posting.name
            else Text(terminal_safe(reading.posting.name)),
            label,
            _sure(reading),
        ]
        if jobs is not None:
            fit = fits.get(reading.posting.name)
            cells = [str(rank), *cells, f"{fit.score:.0f}" if fit else "-"]
        table.add_row(*cells)
    console.print(table)
    if said_sure := sure_note(order):
        console.print(Text(said_sure, style="dim"))
    if partial := answers_line(answers):  # (given for a saved report: the screen has it on stderr)
        console.print(Text(terminal_safe(partial), style="yellow"))
    for reading in order:
        console.print(heading(f"{_name(reading)}  ({terminal_safe(reading.posting.name)})"))
        _render_said(said(reading, catalogue, fits.get(reading.posting.name)), console)
    if failures:
        console.print()
        console.print(Text(NOT_READ))
        console.print(bullets(failure_lines(failures)))


def saved_text(
    readings: list[Reading],
    catalogue: Catalogue,
    jobs: list[JobFit] | None = None,
    failures: Sequence[Failure] = (),
    answers: Coverage | None = None,
) -> str:
    """The screen's report as a text file, with the files that could not be read and partial answers."""
    from rolefit.report.export import to_text

    return to_text(lambda console: render(readings, catalogue, console, jobs, failures, answers))


def _fits(jobs: list[JobFit] | None) -> dict[str, RoleFit | None]:
    return {j.reading.posting.name: j.fit for j in jobs} if jobs is not None else {}


def _markdown_said(told: Said) -> list[str]:
    """One posting's :class:`Said` as Markdown paragraphs, in the screen's order."""
    out = [md_text(told.why_not)] if told.why_not else []
    out += [md_text(told.not_data)] if told.not_data else []
    out += [md_text(told.odds)] if told.odds else []
    out += [md_text(told.close)] if told.close else []
    out += [f"{WHAT_SUCH_A_JOB_IS}: {md_code(explain_command(told.explain))}"] if told.explain else []
    out += [f"**Mislabelled:** {md_text(told.mislabelled)}"] if told.mislabelled else []
    if told.quotes:
        out.append("\n".join(f"- **{md_text(t)}**: “{md_text(line)}”" for t, line in told.quotes))
    out += [md_text(told.more)] if told.more else []
    out += [md_text(told.fit)] if told.fit else []
    return out


def to_markdown(
    readings: list[Reading],
    catalogue: Catalogue,
    jobs: list[JobFit] | None = None,
    failures: Sequence[Failure] = (),
    answers: Coverage | None = None,
) -> str:
    order = in_order(readings, jobs)
    fits = _fits(jobs)
    ranked = jobs is not None
    out = (
        ["| # | Posting | Really is | Sure | Your fit |", "| ---: | --- | --- | ---: | ---: |"]
        if ranked
        else ["| Posting | Really is | Sure |", "| --- | --- | ---: |"]
    )
    for rank, r in enumerate(order, 1):
        fit = fits.get(r.posting.name)
        label = r.label(catalogue) + (" (mislabelled)" if r.mislabelled else "")
        row = f"| {md_text(_named(r))} | {md_text(label)} | {_sure(r)} |"
        out.append(f"| {rank} {row} {f'{fit.score:.0f}' if fit else '-'} |" if ranked else row)
    if note := sure_note(order):
        out += ["", md_text(note)]
    if partial := answers_line(answers):
        out += ["", f"**{md_text(partial)}**"]
    for r in order:
        out += ["", f"## {md_text(_named(r))}"]
        for paragraph in _markdown_said(said(r, catalogue, fits.get(r.posting.name))):
            out += ["", paragraph]
    if failures:  # (a shared page must not hide what was left out)
        out += ["", NOT_READ, "", *(f"- {md_text(line)}" for line in failure_lines(failures))]
    return "\n".join(out) + "\n"
