"""A cohort as a rich table, with its summary below it."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from rolefit.cohort import Cohort
from rolefit.model.catalogue import Catalogue
from rolefit.report.cohort import completeness, flags_text, scores_of, summary_lines
from rolefit.report.widgets import safe, terminal_safe


def table(cohort: Cohort, catalogue: Catalogue) -> Table:
    """Person, the fit to each role (a whole number out of 100), the top role (or hybrid, or tie),
    how complete the file is and its flags (partial, quick, template)."""
    grid = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    grid.add_column("Person", overflow="fold")
    for role in catalogue.roles:  # as narrow as the longest word of the role's name: it is over a number
        short = terminal_safe(role.short)
        grid.add_column(Text(short), justify="right", max_width=max(3, *(len(w) for w in short.split())))
    grid.add_column("Top role", overflow="fold")
    grid.add_column("Answered", justify="right", no_wrap=True)
    flagged = any(row.flags for row in cohort.rows)
    if flagged:
        grid.add_column("Flags", overflow="fold")
    for row in cohort.rows:
        scores = scores_of(row.result)
        grid.add_row(
            safe(row.name),
            *(Text(f"{scores[r.id]:.0f}") for r in catalogue.roles),
            safe(row.result.label),
            Text(completeness(row)),
            *([Text(flags_text(row), style="yellow")] if flagged else []),
        )
    return grid


def render(cohort: Cohort, catalogue: Catalogue, console: Console) -> None:
    """Print the table and the summary below it (the files that could not be scored go to stderr)."""
    if cohort.rows:
        console.print(table(cohort, catalogue))
    for line in summary_lines(cohort.summary, catalogue):
        console.print(safe(line))
