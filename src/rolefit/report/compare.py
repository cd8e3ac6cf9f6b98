"""Two sets of answers side by side (self vs manager, now vs six months ago): what changed and why.

:func:`build` makes what the comparison shows, each number rounded once; the terminal
(:mod:`rolefit.report.compare_terminal`), Markdown and JSON only lay it out. No rich here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from rolefit.model.catalogue import Catalogue
from rolefit.report.text import md_text, shown
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
    names: tuple[str, str]
    first_title: str
    second_title: str
    rows: tuple[CompareRow, ...]
    comparison: Comparison


def _detail(before_skill: int, after_skill: int, before_interest: int, after_interest: int) -> str:
    parts = []
    if before_skill != after_skill:
        parts.append(f"skill {before_skill} → {after_skill}")
    if before_interest != after_interest:
        parts.append(f"interest {before_interest} → {after_interest}")
    return ", ".join(parts)


def build(cmp: Comparison, names: tuple[str, str], catalogue: Catalogue) -> CompareReport:
    rows = []
    for ch in cmp.changes:
        before = {c.task: c for c in ch.before.contributions}
        after = {c.task: c for c in ch.after.contributions}
        movers = tuple(
            MoverLine(
                shown(m.delta),
                catalogue.task_by_id[m.task].title,
                _detail(before[m.task].skill, after[m.task].skill, before[m.task].interest, after[m.task].interest),
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
    return CompareReport(names, cmp.first.title, cmp.second.title, tuple(rows), cmp)


def moved_heading(row: CompareRow) -> str:
    return f"What moved the {row.short} most"


def compare_json(report: CompareReport) -> str:
    """The comparison as data (finer than shown: movers to two decimals); never -0.0."""
    cmp = report.comparison
    data = {
        "profiles": list(report.names),
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
    out += [f"| {md_text(r.name)} | {r.before:.1f} | {r.after:.1f} | {r.change:+.1f} |" for r in report.rows]
    for row in report.rows:
        if row.movers:
            out += ["", f"## {md_text(moved_heading(row))}", ""]
            out += [
                f"- {m.change:+.1f} {md_text(m.title)}" + (f" ({m.detail})" if m.detail else "") for m in row.movers
            ]
    return "\n".join(out) + "\n"
