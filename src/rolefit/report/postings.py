"""Showing what job postings really are, and how they fit you: table, JSON and Markdown."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from rolefit.model.catalogue import Catalogue
from rolefit.postings.read import Evidence, JobFit, Reading
from rolefit.report.text import md_text
from rolefit.report.widgets import bullets, heading
from rolefit.text import terminal_safe

if TYPE_CHECKING:
    from rolefit.scoring.fit import RoleFit

QUOTES = 3


QUOTE_WIDTH = 150


def _excerpt(line: str, phrase: str, word: str = "") -> str:
    """The line, or the part of it around the mention (its first word as written, or else the
    phrase's first word) when it is long, cut at word boundaries."""
    if len(line) <= QUOTE_WIDTH:
        return line
    low = line.lower().replace("’", "'")
    words = phrase.lower().split()
    at = max(0, _find_mention(low, word.lower() or words[0], words[1][:4] if len(words) > 1 else ""))
    start = max(0, at - QUOTE_WIDTH // 3)
    if start:
        space = line.rfind(" ", 0, start + 1)
        start = space + 1 if space >= 0 else 0
    end = min(len(line), start + QUOTE_WIDTH)
    if end < len(line):
        space = line.rfind(" ", start, end)
        end = space if space > start else end
    piece = line[start:end].strip()
    return ("…" if start else "") + piece + ("…" if end < len(line) else "")


def _find_mention(low: str, word: str, then: str = "") -> int:
    """Where ``word`` first stands as a whole word in ``low`` (not inside another), or -1; with
    ``then`` (the start of the phrase's next word), first where that follows it ("business" of
    "business intelligence", not of "the side of the business"), or else where it first stands."""
    first = -1
    at = low.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not low[at - 1].isalnum()) and (end == len(low) or not low[end].isalnum()):
            if not then or low[end:].lstrip(" -/").startswith(then):
                return at
            first = at if first < 0 else first
        at = low.find(word, at + 1)
    return first


def ranked_evidence(reading: Reading, catalogue: Catalogue) -> list[Evidence]:
    """The posting's evidence as it is quoted: for the top role's heaviest tasks first."""
    if reading.insufficient or reading.outside:
        weight = dict(reading.weights)
    else:
        role = catalogue.role_by_id[reading.leaning]
        weight = {rt.task: rt.weight for rt in role.tasks}
    # (of equal weight, a line that is no lead-in to a list, and then the mention by a longer phrase,
    # says more: "Train and tune models" before "... You will:", "data warehouse" before "database")
    return sorted(
        reading.evidence,
        key=lambda e: (-weight.get(e.task, 0.0), -e.weight, e.line.rstrip().endswith(":"), -len(e.phrase.split())),
    )


def each_line_once(mentions: Iterable[Evidence]) -> Iterator[Evidence]:
    """The mentions in the order given, but each line once: two tasks of one sentence are shown by the first."""
    quoted: set[str] = set()
    for e in mentions:
        if e.line not in quoted:
            quoted.add(e.line)
            yield e


def _quotes(reading: Reading, catalogue: Catalogue, limit: int = QUOTES) -> list[tuple[str, str]]:
    """The lines that drove the reading, each task once (:func:`ranked_evidence`, :func:`each_line_once`)."""
    out: list[tuple[str, str]] = []
    tasks: set[str] = set()  # (read as each mention is reached: a task quoted is not quoted again)
    for e in each_line_once(e for e in ranked_evidence(reading, catalogue) if e.task not in tasks):
        tasks.add(e.task)
        out.append((e.task, _excerpt(e.line, e.phrase, e.word)))
        if len(out) == limit:
            break
    return out


def _more_note(reading: Reading, quotes: list[tuple[str, str]]) -> str:
    """ "…and evidence for 4 more tasks (--format json or html lists it all)", or "" when all is shown."""
    more = len({e.task for e in reading.evidence} - {task for task, _ in quotes})
    if not more:
        return ""
    return f"…and evidence for {more} more task{'' if more == 1 else 's'} (--format json or html lists it all)"


#: A runner-up archetype at least this likely, against the verdict's, is said to be close behind.
CLOSE_BEHIND = 0.6


def close_behind(reading: Reading, catalogue: Catalogue) -> str:
    """ "Close behind: R&D data scientist (41% against 48%) ..." when the verdict is one archetype and
    the next is nearly as likely (a mix the verdict alone does not show), else ``""``."""
    if reading.insufficient or reading.outside or reading.hybrid or not reading.chances:
        return ""
    roles = [(c, p) for c, p in reading.chances if c != "none"]
    if len(roles) < 2 or roles[1][1] < CLOSE_BEHIND * roles[0][1]:
        return ""
    (first, p1), (second, p2) = roles[0], roles[1]
    return (
        f"Close behind: {_verdict_name(second, catalogue)} ({p2:.0%} against {p1:.0%}): the ad mixes "
        f"both kinds of work, more of the {_verdict_name(first, catalogue)}'s."
    )


#: What a reader is told of an ad that names no data work, in place of the lines of a role's tasks.
NOT_DATA_NOTE = (
    "Hardly a line of the job names data work (data, analysis, statistics, SQL, models): its research, "
    "studies and reports are work of another kind, so none of its mentions of a data role's tasks is quoted."
)


def _verdict_name(verdict: str, catalogue: Catalogue) -> str:
    return "none of these" if verdict == "none" else terminal_safe(catalogue.role_by_id[verdict].short)


def not_enough(reading: Reading) -> str:
    """What is said of a posting too thin to judge, in place of its verdict's reasons."""
    return f"Not enough evidence: {_how_little(reading)}."


def _how_little(reading: Reading) -> str:
    """What a posting too thin to judge shows, and what a verdict needs."""
    mentions, tasks = len(reading.evidence), len(reading.weights)
    if reading.foreign:
        return "the posting does not seem to be in English, and its tasks are looked for in English words"
    if not mentions:
        shown = "no mention of any of a data role's tasks"
    else:
        shown = (
            f"{mentions} mention{'' if mentions == 1 else 's'} of {tasks} task{'' if tasks == 1 else 's'} "
            "of a data role, too few or too mixed to tell which role"
        )
    return (
        f"{shown} (a verdict needs some weight of evidence on three tasks and three lines, or a data job's "
        "title and two tasks that point one way, or one task where the text says this is the first data hire)"
    )


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


def fit_line(fit: RoleFit, titles: dict[str, str]) -> str:
    """ "Your fit 71: suits you: ...; to learn: ...; you would avoid: ..." """
    suits, learn, avoid = (", ".join(titles[t] for t in tasks) for tasks in fit_lists(fit))
    return (
        f"Your fit {fit.score:.0f}: suits you: {suits or 'nothing in particular'}; "
        f"to learn: {learn or 'nothing pressing'}; you would avoid: {avoid or 'nothing'}."
    )


#: How many tasks "suits you" names.
SUITS = 3


def fit_lists(fit: RoleFit) -> tuple[list[str], list[str], list[str]]:
    """What suits you in a posting (the tasks that raise your fit most that you can already do),
    what you would need to learn (tasks you like but cannot do yet) and what you would avoid
    (tasks you dislike): one reckoning for every format."""
    learn = [c.task for c in fit.contributions if c.skill <= 1 and c.interest >= 3]
    suits = [c.task for c in fit.raised(len(fit.contributions)) if c.task not in learn][:SUITS]
    avoid = [c.task for c in fit.contributions if c.interest <= 1]
    return suits, learn, avoid


def to_json(readings: list[Reading], catalogue: Catalogue, jobs: list[JobFit] | None = None) -> str:
    if jobs is not None:
        items = [reading_data(j.reading, catalogue, j) for j in jobs]
    else:
        items = [reading_data(r, catalogue) for r in readings]
    return json.dumps({"postings": items}, indent=2, ensure_ascii=False) + "\n"


#: Under the table, when the fitted model gave the verdicts: what "Sure" means.
SURE_NOTE = (
    "Sure: how often verdicts given with such chances were right on 80 real, labelled ads "
    "(so it can differ from the model's own chances, below)."
)
#: Said after it when a verdict is "not a data job", whose "sure" is measured on other ads.
NOT_DATA_SURE_NOTE = 'For "not a data job": how often it was right on 268 other real ads, as the 80 hold none.'


def sure_note(readings: list[Reading]) -> str:
    """What "sure" means, for the verdicts shown ("" when none has a sure of its own)."""
    note = SURE_NOTE if any(r.chances for r in readings) else ""
    if any(r.not_data for r in readings):
        note = f"{note} {NOT_DATA_SURE_NOTE}".strip()
    return note


def _name(reading: Reading) -> str:
    """The posting's title (or file name), safe to print."""
    return terminal_safe(reading.posting.title or reading.posting.name)


def _named(reading: Reading) -> str:
    """The posting's title and its file's name, as one line (the name alone when there is no title)."""
    title, name = reading.posting.title, reading.posting.name
    return f"{title} ({name})" if title and title != name else name


def _sure(reading: Reading) -> str:
    return "-" if reading.insufficient else f"{reading.confidence:.0%}"


def render(readings: list[Reading], catalogue: Catalogue, console: Console, jobs: list[JobFit] | None = None) -> None:
    """A table of the postings (ranked by your fit when there are answers), then why, posting by posting
    (nothing at all when none could be read: the errors say why)."""
    if not readings and not jobs:
        return
    titles = {t.id: terminal_safe(t.title) for t in catalogue.tasks}
    table = Table(box=None, pad_edge=False, header_style="bold")
    if jobs is not None:
        table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Posting", overflow="fold")
    table.add_column("Really is", overflow="fold")
    table.add_column("Sure", justify="right", no_wrap=True)
    if jobs is not None:
        table.add_column("Your fit", justify="right", no_wrap=True)
    order = [j.reading for j in jobs] if jobs is not None else readings
    fits = {j.reading.posting.name: j.fit for j in jobs} if jobs is not None else {}
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
    for reading in order:
        console.print(heading(f"{_name(reading)}  ({terminal_safe(reading.posting.name)})"))
        if reading.insufficient:
            console.print(
                Padding(
                    Text(not_enough(reading), style="dim"),
                    (0, 0, 0, 2),
                )
            )
            continue
        if reading.not_data:
            console.print(Padding(Text(NOT_DATA_NOTE), (0, 0, 0, 2)))
            said = f"What such a job is: rolefit explain '{terminal_safe(reading.outside or '')}'"
            console.print(Padding(Text(said, style="dim"), (0, 0, 0, 2)))
            continue
        if reading.chances:
            odds = ", ".join(f"{_verdict_name(c, catalogue)} {p:.0%}" for c, p in reading.chances)
            console.print(Padding(Text(f"The model's chances: {odds}", style="dim"), (0, 0, 0, 2)))
            close = close_behind(reading, catalogue)
            if close:
                console.print(Padding(Text(close), (0, 0, 0, 2)))
        else:
            sims = ", ".join(f"{terminal_safe(catalogue.role_by_id[r].short)} {s:.2f}" for r, s in reading.similarity)
            console.print(Padding(Text(f"Closeness to each role: {sims}", style="dim"), (0, 0, 0, 2)))
        if reading.outside:
            said = f"What such a job is: rolefit explain '{terminal_safe(reading.outside)}'"
            console.print(Padding(Text(said, style="dim"), (0, 0, 0, 2)))
        if reading.mislabelled:
            note = Text(f"Mislabelled: {terminal_safe(reading.mislabelled)}", style="yellow")
            console.print(Padding(note, (0, 0, 0, 2)))  # (a long one wraps under itself, not at the margin)
        quotes = _quotes(reading, catalogue)
        console.print(bullets(Text.assemble((titles[t], "bold"), f": “{terminal_safe(line)}”") for t, line in quotes))
        more = _more_note(reading, quotes)
        if more:
            console.print(Padding(Text(more, style="dim"), (0, 0, 0, 2)))
        fit = fits.get(reading.posting.name)
        if fit is not None:
            console.print(Padding(Text(fit_line(fit, titles)), (0, 0, 0, 2)))


def to_markdown(readings: list[Reading], catalogue: Catalogue, jobs: list[JobFit] | None = None) -> str:
    titles = {t.id: t.title for t in catalogue.tasks}
    order = [j.reading for j in jobs] if jobs is not None else readings
    fits = {j.reading.posting.name: j.fit for j in jobs} if jobs is not None else {}
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
    for r in order:
        out += ["", f"## {md_text(_named(r))}", ""]
        if r.not_data:
            out += [NOT_DATA_NOTE, "", f"What such a job is: `rolefit explain '{md_text(r.outside or '')}'`"]
            continue
        if r.chances:
            odds = ", ".join(f"{_verdict_name(c, catalogue)} {p:.0%}" for c, p in r.chances)
            out += [f"The model's chances: {md_text(odds)}", ""]
            close = close_behind(r, catalogue)
            out += [md_text(close), ""] if close else []
        if r.outside:
            out += [f"What such a job is: `rolefit explain '{md_text(r.outside)}'`", ""]
        if r.mislabelled:
            out += [f"**Mislabelled:** {md_text(r.mislabelled)}", ""]
        quotes = _quotes(r, catalogue)
        out += [f"- **{md_text(titles[t])}**: “{md_text(line)}”" for t, line in quotes] or ["Not enough evidence."]
        more = _more_note(r, quotes)
        if more:
            out += ["", md_text(more)]
        fit = fits.get(r.posting.name)
        if fit is not None:
            out += ["", md_text(fit_line(fit, titles))]
    return "\n".join(out) + "\n"
