"""A comparison of two sets of answers (:mod:`rolefit.report.compare`) as rich text."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from rolefit.report.compare import CompareReport, moved_heading, no_change_note, unasked_note
from rolefit.report.text import change_text
from rolefit.report.widgets import bullets, heading, safe, terminal_safe


def _style(value: float) -> str:
    return "green" if value > 0 else "red" if value < 0 else "dim"


def render_compare(report: CompareReport, console: Console) -> None:
    a, b = (terminal_safe(name) for name in report.names)
    first, second = terminal_safe(report.first_title), terminal_safe(report.second_title)
    console.print(Text.assemble((a, "bold"), f": {first}   →   ", (b, "bold"), ": ", (second, "bold magenta")))
    table = Table(box=None, pad_edge=False, header_style="bold")
    longest = max((len(row.name) for row in report.rows), default=4)
    table.add_column("Role", overflow="fold", min_width=min(longest, 30))
    for name in (a, b):  # a long name folds in its header; the numbers never do
        table.add_column(Text(name), justify="right", overflow="fold", min_width=6, max_width=24)
    table.add_column("Change", justify="right", no_wrap=True)
    for row in report.rows:
        table.add_row(
            safe(row.name),
            f"{row.before:.1f}",
            f"{row.after:.1f}",
            Text(change_text(row.change), style=_style(row.change)),
        )
    console.print(table)
    note = unasked_note(report)
    if note:
        console.print(Text(terminal_safe(note), style="dim"))
    same = no_change_note(report)
    if same:
        console.print(Text(same))
    for row in report.rows:
        if not row.movers:
            continue
        console.print(heading(moved_heading(row)))
        lines = [
            Text.assemble(
                (f"{m.change:+.1f} ", _style(m.change)),
                terminal_safe(m.title),
                (f"  ({m.detail})" if m.detail else "", "dim"),
            )
            for m in row.movers
        ]
        console.print(bullets(lines))
