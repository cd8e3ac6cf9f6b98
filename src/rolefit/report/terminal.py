"""The fit report as rich text: the ranking, what moved each fit, and why the best one fits.

Everything shown comes from :class:`~rolefit.report.fit.FitReport`; this module only lays it
out (the same report as Markdown is :mod:`rolefit.report.markdown`, as JSON :mod:`rolefit.report.data`).
"""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from rolefit.report import fit as model
from rolefit.report import words
from rolefit.report.fit import CHART_ROLES, SHOWN_ROLES, ChartRow, Explained, FitReport, Line
from rolefit.report.text import shown
from rolefit.report.widgets import bullets, heading, safe, terminal_safe, titled

__all__ = ["CHART_ROLES", "SHOWN_ROLES", "bar", "group_chart", "render_fit_report", "signed_bar", "why_it_fits"]

BAR_WIDTH = 16


def bar(value: float, width: int = BAR_WIDTH) -> Text:
    """A bar of ``value`` out of 100, in eighths of a cell."""
    eighths = round(max(0.0, min(100.0, value)) / 100 * width * 8)
    full, part = divmod(eighths, 8)
    text = "█" * full + (" ▏▎▍▌▋▊▉"[part] if part else "")
    return Text(text.ljust(width), style="cyan")


def _lines(items: tuple[Line, ...]) -> RenderableType:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(ratio=1)
    for line in items:
        detail = Text(f"  skill {line.skill_text} · interest {line.interest_text}", style="dim")
        style = "bold green" if line.points > 0 else "bold red"
        grid.add_row(Text(line.signed, style=style), Text.assemble(terminal_safe(line.title), detail))
    return Padding(grid, (0, 0, 0, 2))


def why_it_fits(fit: Explained) -> Group:
    """Why this role fits: what raised and lowered it, what to learn, where to apply."""
    parts: list[RenderableType] = [Text.assemble((terminal_safe(fit.name), "bold magenta"), f"  {fit.summary}")]
    if fit.context_note:
        parts.append(Text(fit.context_note, style="dim"))
    if fit.raised:
        parts += [heading(words.RAISED), _lines(fit.raised)]
    if fit.lowered:
        parts += [heading(words.LOWERED), _lines(fit.lowered)]
    if fit.outside_note:
        parts.append(Text(fit.outside_note, style="dim"))
    if fit.not_asked_note:
        parts.append(Text(f"Core tasks {terminal_safe(fit.not_asked_note)}", style="dim"))
    parts.append(heading(words.LEARN_NEXT))
    if fit.learn_next:
        parts.append(bullets(titled(title, description) for title, description in fit.learn_next))
    else:
        parts.append(Text(f"  {fit.nothing_to_learn}", style="dim"))
    parts.append(heading(words.FRICTION))
    if fit.friction:
        parts.append(bullets(Text(f"{terminal_safe(title)}: {words.FRICTION_LINE}") for title in fit.friction))
    else:
        parts.append(Text(f"  {fit.no_friction}", style="dim"))
    parts += [heading(words.WHERE_TO_APPLY), bullets(safe(o) for o in fit.organisations)]
    if fit.evolution:
        parts += [
            heading(words.EVOLVES),
            bullets(
                Text.assemble((terminal_safe(when), "italic"), f": {terminal_safe(description)}")
                for when, description in fit.evolution
            ),
        ]
    return Group(*parts)


def signed_bar(points: float, scale: float, width: int = 6) -> Text:
    """'+3.2 ███' in green, or '-1.0 █' in red; bars scaled so ``scale`` fills ``width``."""
    value = shown(points)
    cells = round(abs(value) / scale * width) if scale else 0
    style = "green" if value > 0 else "red" if value < 0 else "dim"
    return Text.assemble((f"{value:+5.1f} ", style), ("█" * cells, style))


#: A role's column in the chart: "-17.0 ██████" is 12 characters.
_CHART_CELL = 12


def group_chart(names: tuple[str, ...], rows: tuple[ChartRow, ...], width: int = 80) -> Table:
    """Points per task group for each charted role: how much each group of tasks moved each fit.
    As many roles as fit in ``width`` columns; long role names are cut short."""
    group_width = min(max((len(terminal_safe(r.short)) for r in rows), default=10), 18)
    roles = max(1, min(len(names), (width - group_width) // (_CHART_CELL + 2)))
    scale = max((abs(v) for r in rows for v in r.points[:roles]), default=0.0) or 1.0
    table = Table(box=None, pad_edge=False, header_style="bold", title_justify="left")
    table.add_column("Task group", overflow="fold", min_width=group_width)
    for header in _fitted([terminal_safe(n) for n in names[:roles]], width - group_width - 2 * roles):
        table.add_column(Text(header), no_wrap=True, min_width=_CHART_CELL)
    for row in rows:
        table.add_row(safe(row.short), *(signed_bar(v, scale) for v in row.points[:roles]))
    return table


def _fitted(names: list[str], room: int) -> list[str]:
    """The names, the longest cut short ("R&D data sci…") until together they fit in ``room``."""
    widths = [max(_CHART_CELL, len(name)) for name in names]
    while sum(widths) > room and max(widths) > _CHART_CELL:
        widths[widths.index(max(widths))] -= 1
    return [name if len(name) <= w else name[: w - 1] + "…" for name, w in zip(names, widths, strict=True)]


def render_fit_report(report: FitReport, console: Console) -> None:
    """Print the ranked roles and the explanation of the best fit(s)."""
    console.print(Text.assemble(report.lead, (terminal_safe(report.title), "bold magenta"), report.hybrid_note))
    if report.provisional_note:
        console.print(Text(report.provisional_note, style="bold yellow"))
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Role", overflow="fold")
    table.add_column("Fit", justify="right", no_wrap=True, min_width=3)
    with_bar = console.width >= 76
    if with_bar:
        table.add_column("", width=BAR_WIDTH, no_wrap=True)
    table.add_column("Interest", justify="right", no_wrap=True, min_width=8)
    table.add_column("Readiness", justify="right", no_wrap=True, min_width=9)
    for row in report.ranking:
        cells: list[str | Text] = [str(row.rank), safe(row.name), f"{row.score:.0f}"]
        if with_bar:
            cells.append(bar(row.exact))
        table.add_row(*cells, f"{row.interest:.0f}", f"{row.readiness:.0f}")
    console.print(table)
    if report.more_roles:
        console.print(Text(report.more_roles, style="dim"))
    console.print(Text(model.SCALE, style="dim"))
    console.print(Text(model.FORMULA, style="dim"))
    if report.firmness:
        console.print(Text.assemble((f"{words.FIRMNESS} ", "bold"), terminal_safe(report.firmness)))
    console.print(heading(words.CHART_TITLE))
    console.print(group_chart(report.chart_roles, report.chart, console.width))
    if report.not_asked_note:
        console.print(Text(report.not_asked_note, style="dim"))
    for fit in report.explained:
        console.rule(style="dim")
        console.print(why_it_fits(fit))
    console.print(Text(f"\n{terminal_safe(report.read_more)}", style="dim"))
