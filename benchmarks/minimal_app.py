"""The baseline: the smallest typer app that prints a rich table (no rolefit code at all)."""

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(help="A minimal typer app, the baseline for rolefit's start-up benchmarks.")


@app.command()
def table(rows: int = 3) -> None:
    """Print a small rich table."""
    grid = Table("Role", "Fit", "Interest", "Readiness")
    for i in range(rows):
        grid.add_row(f"role {i}", str(50 + i), str(40 + i), str(30 + i))
    Console().print(grid)


@app.command()
def other() -> None:
    """A second command, so that typer builds a command group as rolefit's does."""


if __name__ == "__main__":
    app()
