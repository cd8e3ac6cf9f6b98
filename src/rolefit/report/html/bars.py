"""Charts for the other pages, as pure functions (numbers and labels in, SVG out).

- :func:`bar_chart`: bars from 0 for one or more series, with optional section headings
  (a role's task profile, two roles side by side, counts in a cohort, postings' closeness);
- :func:`change_chart`: each role's fit before and after, on 0..100 with neutral marked;
- :func:`dot_chart`: per person a dot for each role's fit, on one 0..100 line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rolefit.report.html.svg import (
    LINE,
    PART_HEIGHT,
    WIDTH,
    circle,
    cut,
    frame,
    in_parts,
    label,
    legend,
    line,
    rect,
    series_class,
    text,
    text_width,
)
from rolefit.report.text import change_text

NEUTRAL = 50.0
#: A section heading's text (``.c-heading``, bold) is as wide as a label's of this size.
HEADING_SIZE = 15.5


@dataclass(frozen=True)
class Bar:
    """A labelled row of bars, one per series (``values``, with ``shown`` as their text);
    or, with ``heading``, a section title over the rows that follow."""

    label: str
    values: tuple[float, ...] = ()
    shown: tuple[str, ...] = ()
    heading: bool = False
    #: What follows the label and is not cut with it (a posting's file id: " (d12)").
    keep: str = ""


def bar_chart(
    rows: Sequence[Bar], series: Sequence[str], most: float, chart_id: str, title: str, unit: str = ""
) -> str:
    """Horizontal bars on one scale, 0 to ``most``; a legend when there are several series."""
    room = WIDTH - 70
    y = 4.0
    parts: list[str] = []
    if len(series) > 1:
        keys, y = legend([(name, series_class(k)) for k, name in enumerate(series)], 12)
        parts.append(keys)
    lines: list[str] = []
    for row in rows:
        if row.heading:
            parts.append(label(0, y + 14, row.label, WIDTH, row.keep, "c-heading", HEADING_SIZE))
            y += LINE + 6
            lines.append(f"{row.label}{row.keep}:")
            continue
        parts.append(label(0, y + 12, row.label, WIDTH, row.keep))
        y += LINE + 1
        for k, (value, shown) in enumerate(zip(row.values, row.shown, strict=True)):
            share = max(0.0, min(1.0, value / most)) if most else 0.0
            parts.append(rect(0, y, room, 9, "c-track") + rect(0, y, room * share, 9, series_class(k)))
            parts.append(text(room + 5, y + 9, shown, "c-value-small"))
            y += 12
        y += 6
        named = ", ".join(
            f"{name} {shown}" if len(series) > 1 else shown for name, shown in zip(series, row.shown, strict=True)
        )
        lines.append(f"{row.label}{row.keep}: {named}{unit}.")
    return frame(chart_id, title, " ".join(lines), y + 4, "".join(parts))


def bar_charts(
    rows: Sequence[Bar], series: Sequence[str], most: float, chart_id: str, title: str, parts: bool = False
) -> list[str]:
    """:func:`bar_chart`, whole (one SVG of its own: ``parts`` false); or, for a page, cut into parts
    each of which fits a printed page (a heading stays with the row after it), one when the whole
    fits. Printed, a part is never cut across pages."""
    if not parts:
        return [bar_chart(rows, series, most, chart_id, title)]
    # (as bar_chart draws: 4 units above the first row, or the legend's height; 4 below the last)
    top = legend([(n, series_class(k)) for k, n in enumerate(series)], 12)[1] if len(series) > 1 else 4.0
    room = PART_HEIGHT - top - 4
    groups: list[list[Bar]] = [[]]
    used = 0.0
    for row in rows:
        tall = LINE + 6 if row.heading else LINE + 1 + 12 * len(row.values) + 6
        if groups[-1] and used + tall > room and not all(r.heading for r in groups[-1]):
            moved = [groups[-1].pop()] if groups[-1][-1].heading else []  # (a heading goes with its row)
            groups.append(moved)
            used = sum(LINE + 6 for _ in moved)
        groups[-1].append(row)
        used += tall
    return in_parts(groups, lambda part, name, said: bar_chart(part, series, most, name, said), chart_id, title)


@dataclass(frozen=True)
class Change:
    """A role's fit in the first and the second set of answers, out of 100."""

    name: str
    before: float
    after: float


def change_chart(rows: Sequence[Change], first: str, second: str, chart_id: str = "moved", title: str = "") -> str:
    """Per role a line from its first fit to its second: what moved, and how far."""
    room = WIDTH - 16
    keys, y = legend([(first, "c-s1"), (second, "c-s0")], 12)
    parts = [keys]
    mid = 8 + room / 2
    for row in rows:
        delta = row.after - row.before
        # (the numbers whole, at the right; the name cut to the room left of them, if it must be)
        moved = f"{row.before:.1f} → {row.after:.1f} ({change_text(delta)})"
        name = cut(row.name, WIDTH - text_width(moved) - 8)
        parts.append(text(0, y + 12, name, tip=row.name if name != row.name else ""))
        parts.append(text(WIDTH, y + 12, moved, "c-label", "end"))
        y += LINE + 8
        a, b = (8 + room * max(0.0, min(100.0, v)) / 100 for v in (row.before, row.after))
        parts.append(line(8, y, 8 + room, y, "c-track-line") + line(a, y, b, y, "c-move"))
        parts.append(line(mid, y - 8, mid, y + 8, "c-neutral"))  # (neutral on the track, not through the text)
        parts.append(circle(a, y, 5, "c-s1") + circle(b, y, 6, "c-s0"))
        y += 16
    parts.append(text(mid, y + 6, "neutral 50", "c-muted", "middle"))
    desc = " ".join(
        f"{r.name}: {r.before:.1f} with {first}, {r.after:.1f} with {second} ({change_text(r.after - r.before)})."
        for r in rows
    )
    return frame(chart_id, title or f"How each fit moved from {first} to {second}", desc, y + 12, "".join(parts))


@dataclass(frozen=True)
class Dots:
    """A person: their fit to each role (in series order), and a note ("close: a / b")."""

    label: str
    values: tuple[float, ...]
    note: str = ""


def dot_chart(rows: Sequence[Dots], series: Sequence[str], chart_id: str = "people", title: str = "") -> str:
    """Per person one 0..100 line with a dot for each role: the best one is drawn largest."""
    room = WIDTH - 16
    keys, y = legend([(name, series_class(k)) for k, name in enumerate(series)], 12)
    parts = [keys]
    top = y
    for row in rows:
        parts.append(text(0, y + 12, cut(row.label, WIDTH / 2)))
        if row.note:
            parts.append(text(WIDTH, y + 12, cut(row.note, WIDTH / 2 - 8), "c-flag", "end"))
        y += LINE + 8
        parts.append(line(8, y, 8 + room, y, "c-track-line"))
        best = max(range(len(row.values)), key=lambda k: row.values[k], default=-1)
        order = sorted(range(len(row.values)), key=lambda k: k == best)  # the best drawn last, on top
        for k in order:
            x = 8 + room * max(0.0, min(100.0, row.values[k])) / 100
            parts.append(circle(x, y, 7 if k == best else 4.5, series_class(k)))
        y += 14
    mid = 8 + room / 2
    parts.append(line(mid, top, mid, y - 4, "c-neutral"))
    parts.append(text(mid, y + 8, "neutral 50", "c-muted", "middle"))
    desc = " ".join(
        f"{r.label}: " + ", ".join(f"{n} {v:.0f}" for n, v in zip(series, r.values, strict=True))
        + (f" ({r.note})." if r.note else ".")
        for r in rows
    )  # fmt: skip
    return frame(chart_id, title or "Each person's fit to each role", desc, y + 14, "".join(parts))
