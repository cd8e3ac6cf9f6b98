"""The ``roles`` and ``explain`` commands: read up on the role archetypes."""

from typing import TYPE_CHECKING, Annotated, Optional

import typer

from rolefit.cli.delivery import Document, Format, check_target, deliver
from rolefit.cli.main import REPORT_FORMATS, app, catalogue_from
from rolefit.cli.options import CatalogueOption, ForceOption, OutputOption, format_option
from rolefit.errors import RolefitError

if TYPE_CHECKING:
    from rolefit.model.catalogue import Catalogue


@app.command()
def roles(
    fmt: Annotated[Optional[str], format_option(REPORT_FORMATS)] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    catalogue: CatalogueOption = None,
) -> None:
    """List the role archetypes and their core tasks.

    [dim]Example:[/]

    [dim]$[/] rolefit roles --format md -o roles.md
    """
    check_target(output, force)
    deliver(_roles_document(catalogue_from(catalogue)), fmt=fmt, output=output, force=force)


def _roles_document(cat: "Catalogue") -> Document:
    from rolefit.report import roles as pages

    return Document(
        title="rolefit: roles",
        render=lambda console: pages.render_roles(cat, console),
        makers={Format.json: lambda: pages.roles_json(cat), Format.md: lambda: pages.roles_markdown(cat)},
    )


@app.command()
def explain(
    role: Annotated[
        Optional[str],
        typer.Argument(metavar="ROLE", help="A role id, name, or the start of one (any case).", show_default=False),
    ] = None,
    vs: Annotated[
        Optional[str],
        typer.Option("--vs", metavar="ROLE", help="Compare with another role, task by task.", show_default=False),
    ] = None,
    fmt: Annotated[Optional[str], format_option(REPORT_FORMATS)] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    catalogue: CatalogueOption = None,
) -> None:
    """Read up on a role: its tasks, who hires for it, how it evolves.

    [dim]Examples:[/]

    [dim]$[/] rolefit explain rnd
    [dim]$[/] rolefit explain "product data"
    [dim]$[/] rolefit explain rnd --vs product
    """
    from rolefit.report import roles as pages
    from rolefit.report.html import role_pages

    cat = catalogue_from(catalogue)
    check_target(output, force)
    if role is None:
        if vs is not None:
            raise RolefitError("--vs needs a role to compare with; e.g. rolefit explain rnd --vs product")
        doc = _roles_document(cat)
    elif vs is not None:
        found, other = cat.find_role(role), cat.find_role(vs)
        if other.id == found.id:
            raise RolefitError(f"--vs names the same role as ROLE ({found.id}); pick another")
        doc = Document(
            title=f"rolefit: {found.name} vs {other.name}",
            render=lambda console: pages.render_versus(found, other, cat, console),
            makers={
                Format.json: lambda: pages.versus_json(found, other, cat),
                Format.md: lambda: pages.versus_markdown(found, other, cat),
                Format.html: lambda: role_pages.versus_page(found, other, cat),
                Format.svg: lambda: role_pages.versus_svg(found, other, cat),
            },
        )
    else:
        found = cat.find_role(role)
        doc = Document(
            title=f"rolefit: {found.name}",
            render=lambda console: pages.render_role(found, cat, console),
            makers={
                Format.json: lambda: pages.role_json(found),
                Format.md: lambda: pages.role_markdown(found, cat),
                Format.html: lambda: role_pages.role_page(found, cat),
                Format.svg: lambda: role_pages.role_svg(found, cat),
            },
        )
    deliver(doc, fmt=fmt, output=output, force=force)
