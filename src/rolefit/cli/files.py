"""The commands about rolefit's files: ``template``, ``schema`` and ``check``."""

from typing import TYPE_CHECKING, Annotated, Optional

import typer

from rolefit.cli.delivery import Document, Format, check_target, deliver, notice
from rolefit.cli.main import app, catalogue_from
from rolefit.cli.options import CatalogueOption, ForceOption, OutputOption, format_option
from rolefit.errors import RolefitError

if TYPE_CHECKING:
    pass


@app.command(name="template")
def template_cmd(
    fmt: Annotated[Optional[str], format_option("yaml")] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    catalogue: CatalogueOption = None,
) -> None:
    """Print an answers file to fill in: every question id, its title and scale.

    [dim]Example:[/]

    [dim]$[/] rolefit template -o me.yaml     [dim]# then edit me.yaml, and:[/]
    [dim]$[/] rolefit quiz --answers me.yaml
    """
    from rolefit.files.answers import template

    check_target(output, force, catalogue=catalogue)
    cat = catalogue_from(catalogue)
    doc = Document(title="rolefit answers", makers={Format.yaml: lambda: template(cat)}, default=Format.yaml)
    deliver(doc, fmt=fmt, output=output, force=force)


SCHEMA_KINDS = ("answers", "catalogue", "tasks", "roles")


@app.command()
def schema(
    kind: Annotated[
        str,
        typer.Argument(
            metavar="KIND",
            help="answers (an answers file), catalogue (either catalogue file), tasks or roles (one of them).",
            show_default=False,
        ),
    ],
    fmt: Annotated[Optional[str], format_option("json")] = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Print a JSON Schema for answers files or catalogue files, for editors and validators.

    [dim]Example:[/]

    [dim]# the file that rolefit template's answers files point editors at:[/]
    [dim]$[/] rolefit schema answers -o rolefit-answers.schema.json
    """
    from rolefit.errors import did_you_mean

    name = kind.strip().lower()
    if name not in SCHEMA_KINDS:
        raise RolefitError(
            f"unknown kind '{kind}'; {did_you_mean(name, SCHEMA_KINDS)}expected one of: {', '.join(SCHEMA_KINDS)}"
        )
    check_target(output, force)
    from rolefit.files.schemas import json_schema

    doc = Document(title=f"rolefit {name} schema", makers={Format.json: lambda: json_schema(name)}, default=Format.json)
    deliver(doc, fmt=fmt, output=output, force=force)


@app.command()
def check(catalogue: CatalogueOption = None) -> None:
    """Validate a catalogue and list every problem in it, each with its file, line and key.

    [dim]Example:[/]

    [dim]$[/] rolefit check --catalogue my-team/
    """
    from rolefit.catalogue.load import check_catalogue

    where = str(catalogue) if catalogue is not None else "the built-in catalogue"
    problems, cat = check_catalogue(catalogue)
    if problems or cat is None:
        for problem in problems:
            notice(f"rolefit: {problem}")
        raise RolefitError(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {where}")
    counted = [
        _count(len(cat.tasks), "task") + " in " + _count(len(cat.groups), "group"),
        _count(len(cat.roles), "role"),
        _count(len(cat.context), "context question"),
    ]
    typer.echo(f"{where}: OK, {', '.join(counted)} (version {cat.version})")


def _count(n: int, noun: str) -> str:
    """ "1 role", "3 roles" """
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
