"""The fit report as rich text: the ranking, what moved each fit, and why the best one fits.

The same report as data (JSON) is :mod:`rolefit.report_data`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from rolefit.model.answers import INTEREST_SHORT, SKILL_SHORT
from rolefit.model.catalogue import Catalogue
from rolefit.report.widgets import bullets, heading, titled
from rolefit.scoring.fit import (
    CONTEXT_WEIGHT,
    HYBRID_MARGIN,
    INTEREST_WEIGHT,
    READINESS_WEIGHT,
    Contribution,
    FitResult,
    RoleFit,
    group_points,
)

if TYPE_CHECKING:
    from rolefit.report.fit import FitReport

BAR_WIDTH = 16
#: The ranking shows this many roles unless told otherwise (a large catalogue has hundreds).
SHOWN_ROLES = 10
#: The chart of points per task group has a column for each of this many best fits at most.
CHART_ROLES = 4


def bar(value: float, width: int = BAR_WIDTH) -> Text:
    """A bar of ``value`` out of 100, in eighths of a cell."""
    eighths = round(max(0.0, min(100.0, value)) / 100 * width * 8)
    full, part = divmod(eighths, 8)
    text = "█" * full + (" ▏▎▍▌▋▊▉"[part] if part else "")
    return Text(text.ljust(width), style="cyan")


def _contributions(items: list[Contribution], catalogue: Catalogue) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(ratio=1)
    for c in items:
        style = "bold green" if c.points > 0 else "bold red"
        detail = Text(
            f"  skill {c.skill} {SKILL_SHORT[c.skill]} · interest {c.interest} {INTEREST_SHORT[c.interest]}",
            style="dim",
        )
        grid.add_row(
            Text(f"{c.points:+.1f}", style=style),
            Text.assemble(catalogue.task_by_id[c.task].title, detail),
        )
    return Padding(grid, (0, 0, 0, 2))  # type: ignore[return-value]


def explain_fit(fit: RoleFit, catalogue: Catalogue) -> Group:
    """Why this role fits: what raised and lowered it, what to learn, where to apply."""
    role = fit.role
    parts: list[RenderableType] = [
        Text.assemble(
            (role.name, "bold magenta"),
            f"  fit {fit.score:.0f}/100 · interest {fit.interest:.0f} · readiness {fit.readiness:.0f}",
        )
    ]
    if abs(fit.context_points) >= 0.05:
        verb = "added" if fit.context_points > 0 else "took off"
        parts.append(Text(f"Your context answers {verb} {abs(fit.context_points):.1f} points.", style="dim"))
    raised, lowered = fit.raised(), fit.lowered()
    if raised:
        parts += [heading("What raised the fit"), _contributions(raised, catalogue)]
    if lowered:
        parts += [heading("What lowered it"), _contributions(lowered, catalogue)]
    if abs(fit.outside_points) >= 0.05:
        parts.append(
            Padding(
                Text(
                    f"{fit.outside_points:+.1f}  your interest in the tasks outside this role (liking them "
                    "counts against it, avoiding them for it)",
                    style="dim",
                ),
                (0, 0, 0, 2),
            )
        )
    parts.append(heading("Learn next"))
    if fit.learn_next:
        tasks = [catalogue.task_by_id[tid] for tid in fit.learn_next]
        parts.append(bullets(titled(t.title, t.description) for t in tasks))
    else:
        parts.append(Text("  Nothing pressing: you have the skills for the core tasks you like.", style="dim"))
    parts.append(heading("Friction"))
    if fit.friction:
        parts.append(
            bullets(
                Text(f"{catalogue.task_by_id[tid].title}: core to this role, and you would rather avoid it")
                for tid in fit.friction
            )
        )
    else:
        parts.append(Text("  None: you don't mind any of this role's core tasks.", style="dim"))
    parts += [heading("Where to apply"), bullets(o.description for o in role.organisations)]
    if role.evolution:
        parts += [
            heading("How the role evolves"),
            bullets(Text.assemble((p.when, "italic"), f": {p.description}") for p in role.evolution),
        ]
    return Group(*parts)


def signed_bar(points: float, scale: float, width: int = 6) -> Text:
    """'+3.2 ███' in green, or '-1.0 █' in red; bars scaled so ``scale`` fills ``width``."""
    cells = round(abs(points) / scale * width) if scale else 0
    style = "green" if points > 0 else "red"
    shown = round(points, 1) + 0.0  # never "-0.0"
    return Text.assemble((f"{shown:+5.1f} ", style), ("█" * cells, style))


#: A role's column in the chart: "-17.0 ██████" is 12 characters.
_CHART_CELL = 12


def group_chart(result: FitResult, catalogue: Catalogue, roles: int = CHART_ROLES, width: int = 80) -> Table:
    """Points per task group for each of the best ``roles`` fits: how much each group of tasks
    moved each fit. As many roles as fit in ``width`` columns; long role names are cut short."""
    group_width = min(max((len(g.short) for g in catalogue.groups), default=10), 18)
    roles = max(1, min(roles, (width - group_width) // (_CHART_CELL + 2)))
    per_role = [(fit, group_points(fit, catalogue)) for fit in result.fits[:roles]]
    scale = max((abs(v) for _, pts in per_role for v in pts.values()), default=0.0) or 1.0
    table = Table(box=None, pad_edge=False, header_style="bold", title_justify="left")
    table.add_column("Task group", overflow="fold", min_width=group_width)
    headers = _fitted([fit.role.short for fit, _ in per_role], width - group_width - 2 * len(per_role))
    for header in headers:
        table.add_column(header, no_wrap=True, min_width=_CHART_CELL)
    for group in catalogue.groups:
        table.add_row(group.short, *(signed_bar(pts[group.id], scale) for _, pts in per_role))
    return table


def _fitted(names: list[str], room: int) -> list[str]:
    """The names, the longest cut short ("R&D data sci…") until together they fit in ``room``."""
    widths = [max(_CHART_CELL, len(name)) for name in names]
    while sum(widths) > room and max(widths) > _CHART_CELL:
        widths[widths.index(max(widths))] -= 1
    return [name if len(name) <= w else name[: w - 1] + "…" for name, w in zip(names, widths, strict=True)]


def more_roles(hidden: int, total: int) -> str:
    """The line under a ranking cut short."""
    noun = "role" if hidden == 1 else "roles"
    return f"...and {hidden} more {noun}: --top {total} lists them all, as does --format json."


def render_report(
    result: FitResult,
    catalogue: Catalogue,
    console: Console,
    *,
    not_asked: int = 0,
    firmness: str = "",
    top: int = SHOWN_ROLES,
) -> None:
    """Print the ranked roles and the explanation of the best fit(s).

    ``not_asked``: how many questions were filled with neutral defaults (said in the report);
    ``firmness``: what would change the result (see :mod:`rolefit.whatif`); ``top``: how many
    of the ranked roles to list.
    """
    if result.hybrid:
        headline = Text.assemble(
            "Your fit: ",
            (result.title, "bold magenta"),
            f" (a hybrid: {result.margin:.1f} points apart)",
        )
    else:
        headline = Text.assemble("Your best fit: ", (result.title, "bold magenta"))
    console.print(headline)
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Role", overflow="fold")
    table.add_column("Fit", justify="right", no_wrap=True, min_width=3)
    with_bar = console.width >= 76
    if with_bar:
        table.add_column("", width=BAR_WIDTH, no_wrap=True)
    table.add_column("Interest", justify="right", no_wrap=True, min_width=8)
    table.add_column("Readiness", justify="right", no_wrap=True, min_width=9)
    for rank, fit in enumerate(result.fits[:top], 1):
        cells: list[str | Text] = [str(rank), fit.role.name, f"{fit.score:.0f}"]
        if with_bar:
            cells.append(bar(fit.score))
        table.add_row(*cells, f"{fit.interest:.0f}", f"{fit.readiness:.0f}")
    console.print(table)
    if len(result.fits) > top:
        console.print(Text(more_roles(len(result.fits) - top, len(result.fits)), style="dim"))
    console.print(
        Text(
            f"Fit = {INTEREST_WEIGHT:.0%} interest (what you like) + {READINESS_WEIGHT:.0%} readiness "
            f"(your skills) + {CONTEXT_WEIGHT:.0%} context.",
            style="dim",
        )
    )
    if firmness:
        console.print(Text.assemble(("How firm is this? ", "bold"), firmness))
    console.print(heading("Points per task group (what moved each fit)"))
    console.print(group_chart(result, catalogue, min(top, CHART_ROLES), console.width))
    if not_asked:
        console.print(Text(f"{not_asked} questions were not asked; they count as neutral (2).", style="dim"))
    shown = [result.top]
    if result.hybrid or (len(result.fits) > 1 and result.margin < 2 * HYBRID_MARGIN):
        shown.append(result.fits[1])
    for fit in shown:
        console.rule(style="dim")
        console.print(explain_fit(fit, catalogue))
    more = " or ".join(f"rolefit explain {fit.role.id}" for fit in shown)
    console.print(Text(f"\nRead more: {more}", style="dim"))


def render_fit_report(report: FitReport, console: Console) -> None:
    """Print a :class:`~rolefit.report.fit.FitReport`."""
    render_report(
        report.result,
        report.catalogue,
        console,
        not_asked=report.not_asked,
        firmness=report.firmness,
        top=report.top or SHOWN_ROLES,
    )
