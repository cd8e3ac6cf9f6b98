"""Two sets of answers side by side (self vs manager, now vs six months ago): what changed and why.

:func:`build` makes what the comparison shows, each number rounded once; the terminal
(:mod:`rolefit.report.compare_terminal`), Markdown and JSON only lay it out. No rich here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from rolefit.model.answers import Answers, missing
from rolefit.model.catalogue import Catalogue
from rolefit.report.text import change_text, md_text, shown
from rolefit.scoring.compare import Comparison


@dataclass(frozen=True)
class MoverLine:
    """A task that moved a role's fit: ``change`` as shown (one decimal, never zero)."""

    change: float
    title: str
    detail: str


@dataclass(frozen=True)
class CompareRow:
    role: str
    name: str
    short: str
    before: float
    after: float
    change: float
    movers: tuple[MoverLine, ...]


@dataclass(frozen=True)
class CompareReport:
    """``not_asked``: how many of the catalogue's questions each set of answers left unanswered
    (they count as neutral in the fits, and a mover's detail says "not asked", not a level)."""

    names: tuple[str, str]
    first_title: str
    second_title: str
    rows: tuple[CompareRow, ...]
    comparison: Comparison
    not_asked: tuple[int, int] = (0, 0)
    questions: int = 0


NOT_ASKED = "not asked"


def profile_names(first: Path, second: Path) -> tuple[str, str]:
    """Short names that tell two answers files apart: a score's person names
    (:func:`rolefit.cohort.person_names`: ``a/me.yaml``, ``b/me.yaml`` -> ``a/me``, ``b/me``), else
    the file names with their suffixes (``me.yaml``, ``me.json``); the same file twice is ``me (A)``
    and ``me (B)``."""
    from rolefit.cohort import person_names

    if first != second:
        names = person_names([first, second])
        if names[first] != names[second]:
            return names[first], names[second]
        if first.name != second.name:
            return first.name, second.name
    return f"{first.stem} (A)", f"{second.stem} (B)"


def _level(value: int | None) -> str:
    return NOT_ASKED if value is None else str(value)


def _detail(task: str, given: tuple[Answers, Answers] | None, before: tuple[int, int], after: tuple[int, int]) -> str:
    """What changed in a task's answers ("skill 4 → 2, interest 3 → not asked")."""
    parts = []
    for i, aspect in enumerate(("skill", "interest")):
        if given is None:
            was, now = _level(before[i]), _level(after[i])
        else:
            was, now = _level(given[0].get(aspect, task)), _level(given[1].get(aspect, task))
        if was != now:
            parts.append(f"{aspect} {was} → {now}")
    return ", ".join(parts)


def build(
    cmp: Comparison, names: tuple[str, str], catalogue: Catalogue, given: tuple[Answers, Answers] | None = None
) -> CompareReport:
    """``given``: the answers as given (before unanswered questions were set to neutral), so
    that the report can say which were not asked."""
    rows = []
    for ch in cmp.changes:
        before = {c.task: c for c in ch.before.contributions}
        after = {c.task: c for c in ch.after.contributions}
        movers = tuple(
            MoverLine(
                shown(m.delta),
                catalogue.task_by_id[m.task].title,
                _detail(
                    m.task,
                    given,
                    (before[m.task].skill, before[m.task].interest),
                    (after[m.task].skill, after[m.task].interest),
                ),
            )
            for m in ch.movers
            if shown(m.delta)
        )
        role = ch.before.role
        rows.append(
            CompareRow(
                role.id,
                role.name,
                role.short,
                shown(ch.before.score),
                shown(ch.after.score),
                shown(shown(ch.after.score) - shown(ch.before.score)),  # (so that the row's sum reads right)
                movers,
            )
        )
    not_asked = (0, 0) if given is None else (len(missing(given[0], catalogue)), len(missing(given[1], catalogue)))
    questions = len(catalogue.context) + 2 * len(catalogue.tasks)
    return CompareReport(names, cmp.first.title, cmp.second.title, tuple(rows), cmp, not_asked, questions)


def unasked_note(report: CompareReport) -> str | None:
    """A line on answers not given ("analyst answered 20 of 62 questions; ..."), or None."""
    parts = [
        f"{name} answered {report.questions - n} of {report.questions} questions"
        for name, n in zip(report.names, report.not_asked, strict=True)
        if n
    ]
    if not parts:
        return None
    whose = "its" if len(parts) == 1 else "their"
    return "; ".join(parts) + f": the others count as neutral (2) in {whose} fits, and are marked 'not asked' below"


def no_change_note(report: CompareReport) -> str | None:
    """ "No answer differs: ..." when the two sets of answers are the same, else None."""
    if any(row.movers or abs(row.change) >= 0.05 for row in report.rows):
        return None
    return "No answer differs between the two: every fit is the same."


def moved_heading(row: CompareRow) -> str:
    return f"What moved the {row.short} most"


def compare_json(report: CompareReport) -> str:
    """The comparison as data (finer than shown: movers to two decimals); never -0.0."""
    cmp = report.comparison
    data = {
        "profiles": list(report.names),
        "not_asked": list(report.not_asked),
        "top": [cmp.first.label, cmp.second.label],
        "roles": [
            {
                "role": ch.before.role.id,
                "before": shown(ch.before.score),
                "after": shown(ch.after.score),
                "change": shown(shown(ch.after.score) - shown(ch.before.score)),
                "movers": [{"task": m.task, "change": shown(m.delta, 2)} for m in ch.movers],
            }
            for ch in cmp.changes
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def compare_markdown(report: CompareReport) -> str:
    """The comparison as Markdown: each role's fit in both, and the tasks that moved it most."""
    a, b = (md_text(n) for n in report.names)
    out = [
        f"# {a}: {md_text(report.first_title)} → {b}: {md_text(report.second_title)}",
        "",
        f"| Role | {a} | {b} | Change |",
        "| --- | ---: | ---: | ---: |",
    ]
    out += [f"| {md_text(r.name)} | {r.before:.1f} | {r.after:.1f} | {change_text(r.change)} |" for r in report.rows]
    note = unasked_note(report)
    if note:
        out += ["", md_text(note) + "."]
    same = no_change_note(report)
    if same:
        out += ["", same]
    for row in report.rows:
        if row.movers:
            out += ["", f"## {md_text(moved_heading(row))}", ""]
            out += [
                f"- {m.change:+.1f} {md_text(m.title)}" + (f" ({m.detail})" if m.detail else "") for m in row.movers
            ]
    return "\n".join(out) + "\n"
