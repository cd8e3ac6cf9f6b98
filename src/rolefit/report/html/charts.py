"""The fit report's charts, as pure functions: plain numbers and labels in, an SVG string out.

- :func:`fit_chart`: each role's fit, interest and readiness out of 100, and where neutral (50) is;
- :func:`diverging_chart`: points each task group gave each role, bars either side of 0;
- :func:`task_chart`: the person's skill and interest on a role's tasks next to what the role asks;
- :func:`firmness_chart`: the lead over the runner-up, and how many answers would change it.
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
    legend,
    line,
    num,
    rect,
    series_class,
    text,
    text_width,
)

NEUTRAL = 50.0
#: The font size of ``.c-muted-small`` (charts.css), for how wide its texts are.
SMALL_SIZE = 11.0


@dataclass(frozen=True)
class FitRow:
    """A role's three numbers, each out of 100."""

    name: str
    fit: float
    interest: float
    readiness: float


def _x(value: float, left: float, room: float, top: float = 100.0) -> float:
    return left + room * max(0.0, min(top, value)) / top


def fit_chart(rows: Sequence[FitRow], chart_id: str = "fit", title: str = "Fit to each role") -> str:
    """Per role a thick bar for the fit and two thin ones for interest and readiness, 0 to 100."""
    room = WIDTH - 34
    keys, y = legend([("fit", "c-fit"), ("interest", "c-int"), ("readiness", "c-rdy")], 12)
    parts = [keys]
    y += 4
    top = y
    for row in rows:
        parts.append(text(0, y + 12, cut(row.name, WIDTH)))
        y += LINE + 2
        for value, height, cls in ((row.fit, 12, "c-fit"), (row.interest, 5, "c-int"), (row.readiness, 5, "c-rdy")):
            parts.append(rect(0, y, room, height, "c-track") + rect(0, y, _x(value, 0, room), height, cls))
            if cls == "c-fit":
                parts.append(text(room + 4, y + 11, f"{value:.0f}", "c-value"))
            y += height + 3
        y += 10
    mid = _x(NEUTRAL, 0, room)
    parts.append(line(mid, top, mid, y - 8, "c-neutral"))
    parts.append(text(mid, y + 6, "neutral 50", "c-muted", "middle"))
    desc = " ".join(f"{r.name}: fit {r.fit:.0f}, interest {r.interest:.0f}, readiness {r.readiness:.0f}." for r in rows)
    return frame(chart_id, title, f"{desc} Out of 100; 50 is neutral.", y + 12, "".join(parts))


def diverging_chart(
    groups: Sequence[str],
    series: Sequence[str],
    values: Sequence[Sequence[float]],
    chart_id: str = "groups",
    title: str = "Points per task group",
) -> str:
    """For each group a bar per series, right of 0 for points gained, left for points lost.
    ``values[g][s]`` is what group ``g`` gave series ``s``."""
    scale = max((abs(v) for row in values for v in row), default=0.0) or 1.0
    mid, half = WIDTH / 2, WIDTH / 2 - 40
    keys, y = legend([(name, series_class(k)) for k, name in enumerate(series)], 12)
    parts = [keys, text(mid - 6, y, "← lowered", "c-muted", "end"), text(mid + 6, y, "raised →", "c-muted")]
    y += 8
    top = y
    for group, row in zip(groups, values, strict=True):
        parts.append(text(0, y + 12, cut(group, WIDTH)))
        y += LINE + 1
        for k, value in enumerate(row):
            length = abs(value) / scale * half
            x = mid if value >= 0 else mid - length
            parts.append(rect(x, y, length, 8, series_class(k)))
            label_x, anchor = (mid + length + 4, "start") if value >= 0 else (mid - length - 4, "end")
            parts.append(text(label_x, y + 8, f"{value:+.1f}", "c-value-small", anchor))
            y += 11
        y += 8
    parts.append(line(mid, top, mid, y - 6, "c-axis"))
    desc = " ".join(
        f"{group}: " + ", ".join(f"{name} {v:+.1f}" for name, v in zip(series, row, strict=True)) + "."
        for group, row in zip(groups, values, strict=True)
    )
    return frame(chart_id, title, desc, y + 4, "".join(parts))


@dataclass(frozen=True)
class TaskRow:
    """A task of a role: how much the role asks of it (``weight`` of ``most``), and the person's
    skill and interest (0 to 4). ``flag`` is shown after the title ("learn next", "friction")."""

    title: str
    weight: float
    level: str
    skill: int
    interest: int
    flag: str = ""


def task_chart(
    rows: Sequence[TaskRow],
    most: float,
    chart_id: str = "tasks",
    title: str = "Your answers next to what the role asks",
) -> str:
    """Per task three bars on one scale: what the role asks, your skill, your interest.

    Where skill falls short of what is asked there is a gap; low interest in a task the role
    asks much of is friction; both are named after the task."""
    left, right = 62, 72
    room = WIDTH - left - right
    keys, y = legend([("the role asks", "c-ask"), ("your skill", "c-rdy"), ("your interest", "c-int")], 12)
    parts = [keys]
    y += 2
    for row in rows:
        label = cut(row.title, WIDTH - (len(row.flag) * 6.6 + 12 if row.flag else 0))
        parts.append(text(0, y + 12, label))
        if row.flag:
            cls = "c-flag-bad" if row.flag == "friction" else "c-flag"
            parts.append(text(WIDTH, y + 12, row.flag, cls, "end"))
        y += LINE + 1
        bars = (
            ("asks", row.weight / most if most else 0.0, row.level, "c-ask"),
            ("skill", row.skill / 4, f"{row.skill}/4", "c-rdy"),
            ("interest", row.interest / 4, f"{row.interest}/4", "c-int"),
        )
        for name, share, shown, cls in bars:
            parts.append(text(0, y + 7, name, "c-muted-small"))
            parts.append(rect(left, y, room, 7, "c-track") + rect(left, y, room * max(0.0, min(1.0, share)), 7, cls))
            parts.append(text(left + room + 4, y + 7, shown, "c-value-small"))
            y += 10
        y += 9
    desc = " ".join(
        f"{r.title}: the role asks {r.level}; your skill {r.skill} of 4, interest {r.interest} of 4"
        + (f" ({r.flag})." if r.flag else ".")
        for r in rows
    )
    return frame(chart_id, title, desc, y + 2, "".join(parts))


def task_charts(rows: Sequence[TaskRow], most: float, chart_id: str, title: str, parts: bool = False) -> list[str]:
    """:func:`task_chart`, whole; or, for a page (``parts``), cut into parts that each print on a page."""
    per = max(1, int((PART_HEIGHT - 40) // (LINE + 1 + 30 + 9)))  # (a legend, then each task's three bars)
    chunks = [rows[k : k + per] for k in range(0, len(rows), per)] if parts else [rows]
    return in_parts(chunks, lambda part, name, said: task_chart(part, most, name, said), chart_id, title)


def firmness_chart(
    lead: float,
    runner_up: str,
    hybrid_margin: float,
    changes: int | None,
    firm_changes: int,
    chart_id: str = "firmness",
    title: str = "How firm the result is",
) -> str:
    """The lead of the best fit over ``runner_up`` in points (the band below ``hybrid_margin``
    is a hybrid), and as dots how many changed answers would put the runner-up first
    (None: not worked out; beyond ``firm_changes`` the result is called firm)."""
    most = max(4 * hybrid_margin, lead * 1.15, 1.0)
    room = WIDTH - 20
    y = 14.0
    parts = [text(0, y, cut(f"Lead over {runner_up}: {lead:.1f} points", WIDTH))]
    y += 8
    band = _x(hybrid_margin, 0, room, most)
    parts.append(rect(0, y, room, 14, "c-track") + rect(0, y, band, 14, "c-band"))
    marker = _x(lead, 0, room, most)
    parts.append(rect(0, y + 4, marker, 6, "c-fit") + circle(marker, y + 7, 6, "c-fit"))
    y += 30
    named = f"hybrid below {hybrid_margin:g}"
    # (under the band's end, but clear of the "0" at the start: a large lead puts the band near it)
    start = min(max(band - text_width(named, SMALL_SIZE) / 2, text_width("0 ", SMALL_SIZE) + 6), room / 2)
    parts.append(text(start, y, named, "c-muted-small"))
    parts.append(text(0, y, "0", "c-muted-small") + text(room, y, f"{most:.0f}", "c-muted-small", "end"))
    desc = f"The best fit leads {runner_up} by {lead:.1f} points; under {hybrid_margin:g} points it is a hybrid."
    if changes is not None:
        y += 22
        shown = min(changes, firm_changes + 1)
        what = f"{changes} changed answers would put it first" if changes else "it is already first"
        parts.append(text(0, y, cut(f"{runner_up}:", WIDTH)) + text(0, y + LINE, what))
        y += LINE
        y += 14
        for k in range(firm_changes + 1):
            parts.append(circle(8 + k * 22, y, 7, "c-fit" if k < shown else "c-track"))
        y += 22
        parts.append(text(0, y, f"more than {firm_changes} changed answers: the result is firm", "c-muted-small"))
        desc += f" {changes} changed answers would put {runner_up} first; more than {firm_changes} is firm."
    return frame(chart_id, title, desc, y + 6, "".join(parts))


__all__ = ["FitRow", "TaskRow", "diverging_chart", "firmness_chart", "fit_chart", "num", "task_chart", "task_charts"]
