"""What the reports say of one posting's reading, decided once for the screen and Markdown.

:func:`said` decides what is said under a posting's heading (why there is no verdict, the
model's chances or the closeness to each role, the lines that show it, your fit) and in what
order; :mod:`rolefit.report.postings` only lays it out, in rich text or in Markdown. The notes
on what "sure" means, and the lines that name the files that could not be read, are here too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rolefit.errors import Failure
from rolefit.model.answers import Coverage
from rolefit.model.catalogue import Catalogue
from rolefit.postings.features import applies_to
from rolefit.postings.read import Evidence, JobFit, Reading

if TYPE_CHECKING:
    from rolefit.scoring.fit import RoleFit

QUOTES = 3
QUOTE_WIDTH = 150


#: Where a sentence or a list item ends inside a line: a quote cut from a long line starts after one
#: before the mention and ends at one after it, so it shows no end of the sentence before ("…team.
#: You will provide …") and no start of the next item ("… agile team • Solid experience …").
_BREAK = re.compile(
    r"(?<=[.!?;])(?<!e\.g\.)(?<!i\.e\.)(?<!etc\.)(?<!vs\.)(?<!incl\.)(?<!approx\.)(?<!\bno\.)(?<!\b[A-Z]\.)"
    r"\s+(?=[\"'“(]?[A-Z0-9])|\s+[•·▪●◦]\s+"
)


def _excerpt(line: str, phrase: str, word: str = "") -> str:
    """The line, or the part of it around the mention (its first word as written, or else the
    phrase's first word) when it is long: cut at the sentences or items around it when they fit,
    else at word boundaries."""
    if len(line) <= QUOTE_WIDTH:
        return line
    low = line.lower().replace("’", "'")
    words = phrase.lower().split()
    # (the phrase's first word as it stands, when it is one of marks: "a/b" of "A/B testing", not an "a")
    first = words[0] if not words[0].isalnum() and words[0] in low else word.lower() or words[0]
    at = max(0, _find_mention(low, first, words[1][:4] if len(words) > 1 else ""))
    start = max(0, at - QUOTE_WIDTH // 3)
    breaks = [m.span() for m in _BREAK.finditer(line)]
    before = [b for a, b in breaks if start <= a and b <= at]
    if before:
        start = before[-1]  # (the sentence the mention is in)
    elif start:
        space = line.rfind(" ", 0, start + 1)
        start = space + 1 if space >= 0 else 0
    end = min(len(line), start + QUOTE_WIDTH)
    after = [a for a, _ in breaks if at < a <= end]
    whole = bool(after)  # (a quote that ends where its sentence does needs no "…")
    if after:
        end = after[0]
    elif end < len(line):
        space = line.rfind(" ", start, end)
        end = space if space > start else end
    piece = line[start:end].strip()
    return ("…" if start else "") + piece + ("…" if end < len(line) and not whole else "")


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


def in_order(readings: Sequence[Reading], jobs: Sequence[JobFit] | None) -> list[Reading]:
    """The readings in the order the reports show them: ranked by your fit when there are fits."""
    return [j.reading for j in jobs] if jobs is not None else list(readings)


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
        f"Close behind: {verdict_name(second, catalogue)} ({p2:.0%} against {p1:.0%}): the ad mixes "
        f"both kinds of work, more of the {verdict_name(first, catalogue)}'s."
    )


#: What a reader is told of an ad that names no data work, in place of the lines of a role's tasks.
NOT_DATA_NOTE = (
    "Hardly a line of the job names data work (data, analysis, statistics, SQL, models): its research, "
    "studies and reports are work of another kind, so none of its mentions of a data role's tasks is quoted."
)


def verdict_name(verdict: str, catalogue: Catalogue) -> str:
    return "none of these" if verdict == "none" else catalogue.role_by_id[verdict].short


def not_enough(reading: Reading, catalogue: Catalogue) -> str:
    """What is said of a posting too thin to judge, in place of its verdict's reasons."""
    return f"Not enough evidence: {how_little(reading, not applies_to(catalogue))}."


def how_little(reading: Reading, by_rules: bool) -> str:
    """What a posting too thin to judge shows, and what a verdict needs (by the fitted model, or,
    ``by_rules``, by the rules that read a catalogue of your own)."""
    mentions, tasks = len(reading.evidence), len(reading.weights)
    if reading.foreign:
        return "the posting does not seem to be in English, and its tasks are looked for in English words"
    if not mentions:
        shown = f"no mention of any of {'the catalogue' if by_rules else 'a data role'}'s tasks"
    else:
        of = "of the catalogue's tasks" if by_rules else f"task{'' if tasks == 1 else 's'} of a data role"
        shown = (
            f"{mentions} mention{'' if mentions == 1 else 's'} of {tasks} {of}, too few or too mixed to tell which role"
        )
    if by_rules:  # (verdict.read_posting: thin, or as close to three roles as to the closest)
        return (
            f"{shown} (a verdict needs some weight of evidence on three tasks and three lines, and to be "
            "closer to one or two of the roles than to the rest)"
        )
    return (
        f"{shown} (a verdict needs some weight of evidence on three tasks and three lines, or a data job's "
        "title and two tasks that point one way, or one task where the text says this is the first data hire)"
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


def fit_line(fit: RoleFit, titles: dict[str, str]) -> str:
    """ "Your fit 71: suits you: ...; to learn: ...; you would avoid: ..." """
    suits, learn, avoid = (", ".join(titles[t] for t in tasks) for tasks in fit_lists(fit))
    return (
        f"Your fit {fit.score:.0f}: suits you: {suits or 'nothing in particular'}; "
        f"to learn: {learn or 'nothing pressing'}; you would avoid: {avoid or 'nothing'}."
    )


@dataclass(frozen=True)
class Said:
    """What is said of one posting under its heading, in this order; empty parts are not said.

    ``why_not`` ("Not enough evidence: ...") is said alone; ``not_data`` with ``explain`` alone."""

    why_not: str = ""
    not_data: str = ""
    #: "The model's chances: ..." (the built-in catalogue), or "Closeness to each role: ..." (your own).
    odds: str = ""
    close: str = ""
    #: The kind of job outside the roles it is, for ``rolefit explain`` ("data engineering").
    explain: str = ""
    mislabelled: str = ""
    #: (the task's title, the line quoted), the top role's heaviest tasks first.
    quotes: tuple[tuple[str, str], ...] = ()
    more: str = ""
    fit: str = ""


def said(reading: Reading, catalogue: Catalogue, fit: RoleFit | None = None) -> Said:
    """What the screen and Markdown say of ``reading`` (plain text: each format escapes it)."""
    if reading.insufficient:
        return Said(why_not=not_enough(reading, catalogue))
    if reading.not_data:
        return Said(not_data=NOT_DATA_NOTE, explain=reading.outside or "")
    if reading.chances:
        odds = "The model's chances: " + ", ".join(f"{verdict_name(c, catalogue)} {p:.0%}" for c, p in reading.chances)
    else:
        sims = ", ".join(f"{catalogue.role_by_id[r].short} {s:.2f}" for r, s in reading.similarity)
        odds = f"Closeness to each role: {sims}"
    titles = {t.id: t.title for t in catalogue.tasks}
    quotes = _quotes(reading, catalogue)
    return Said(
        odds=odds,
        close=close_behind(reading, catalogue),
        explain=reading.outside or "",
        mislabelled=reading.mislabelled,
        quotes=tuple((titles[t], line) for t, line in quotes),
        more=_more_note(reading, quotes),
        fit=fit_line(fit, titles) if fit is not None else "",
    )


#: What leads to the command that reads up on a kind of job outside the roles.
WHAT_SUCH_A_JOB_IS = "What such a job is"


def explain_command(kind: str) -> str:
    return f"rolefit explain '{kind}'"


#: Under the table, when the fitted model gave the verdicts: what "Sure" means.
SURE_NOTE = (
    "Sure: how often verdicts given with such chances were right on 80 real, labelled ads "
    "(so it can differ from the chances the model itself gives each posting)."
)
#: The same, for a catalogue of your own, whose verdicts are the rules' (``calibration.BANDS``).
RULES_SURE_NOTE = (
    "Sure: how often verdicts of this kind (one role, two, or a job of another kind), with the closest role "
    "this far ahead of the next, were right when these same rules read 80 real ads labelled with the built-in "
    "roles (no ads are labelled with this catalogue's, so take it as a rough guide)."
)
#: Said after it when a verdict is "not a data job", whose "sure" is measured on other ads.
NOT_DATA_SURE_NOTE = 'For "not a data job": how often it was right on 268 other real ads, as the 80 hold none.'


def sure_note(readings: Sequence[Reading]) -> str:
    """What "sure" means, for the verdicts shown ("" when none has a sure of its own)."""
    notes = []
    if any(r.chances for r in readings):
        notes.append(SURE_NOTE)
    if any(not (r.insufficient or r.not_data or r.chances) for r in readings):  # (read by the rules)
        notes.append(RULES_SURE_NOTE)
    if any(r.not_data for r in readings):
        notes.append(NOT_DATA_SURE_NOTE)
    return " ".join(notes)


#: Above the files that could not be read, in a saved report (on the screen they are on stderr).
NOT_READ = "Not read:"


def failure_lines(failures: Sequence[Failure]) -> list[str]:
    """Each file that could not be read, and why, as a saved report lists them."""
    return [f"{f.where}: {f.message}" for f in failures]


def answers_line(coverage: Coverage | None) -> str:
    """What a saved report ranked by a partial answers file says of it (as ``rolefit score`` flags
    such a file); "" for none, or for a file that answers every question."""
    if coverage is None or not coverage.partial:
        return ""
    return (
        f"Ranked by {coverage.file}, which answers {coverage.answered} of {coverage.questions} questions: "
        "partial (questions not asked count as neutral), so the fits are rough."
    )


def nothing_read_line(output: str | None) -> str:
    """The last line when no posting could be read: what was not written, and why."""
    where = f" to {output}" if output and output != "-" else ""
    return f"no posting could be read, so no report was written{where}"


def unread_lines(failures: Sequence[Failure]) -> list[str]:
    """The same, as standard error says them: "could not read ads/blob.txt: expected text, ..."."""
    return [f"could not read {line}" for line in failure_lines(failures)]


def failures_data(failures: Sequence[Failure]) -> list[dict[str, object]]:
    """As ``rolefit score``'s JSON has them: file, line (or null) and message, in the order given."""
    return [{"file": str(f.path), "line": f.line, "message": f.message} for f in failures]
