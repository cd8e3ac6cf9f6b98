"""The typer app the commands are added to, its ``--version``, and what every command shares.

Each command turns its options into one library call and delivers the result. The library is
imported inside the commands, so that ``rolefit --help`` and each command load only what they
use (PyYAML and prompt_toolkit are slow to import). Errors are not handled in the commands:
they reach :mod:`rolefit.cli.failures` through :class:`~rolefit.cli.group.Group`.

The command modules do not use ``from __future__ import annotations``: typer reads every
parameter's annotation at each start, and string annotations must be evaluated one by one
(which made building the commands six times slower).
"""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from rolefit import __version__
from rolefit.cli.group import Group

if TYPE_CHECKING:
    from rolefit.model.catalogue import Catalogue


app = typer.Typer(
    name="rolefit",
    cls=Group,
    help="Which data role fits you? A quiz on the tasks data scientists do, scored against three role "
    "archetypes: the data person at a small company, the R&D data scientist and the product data scientist.\n\n"
    "Start with [bold]rolefit quiz[/]: it stops as soon as your top role is settled.\n\n"
    "[dim]Examples:[/]\n\n"
    "[dim]$[/] rolefit quiz --save me.yaml\n"
    "[dim]$[/] rolefit explain rnd\n"
    "[dim]$[/] rolefit jobs postings/ --answers me.yaml   [dim]# which ads suit you[/]\n"
    "[dim]$[/] rolefit score cohort/ --format csv -o cohort.csv   [dim]# a coach's table[/]",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)


def catalogue_from(folder: Optional[Path]) -> "Catalogue":
    import gc

    from rolefit.catalogue.load import load_catalogue

    catalogue = load_catalogue(folder)
    # It lives as long as this process: the cycle collector need not walk its (for a large
    # catalogue, hundreds of thousands of) objects again each time it runs.
    gc.freeze()
    return catalogue


def _version(value: bool) -> None:
    if value:
        typer.echo(f"rolefit {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """Which data role fits you? (The group's help is the app's ``help``.)"""


def run() -> None:
    """The console script: ``rolefit ...``."""
    app()
