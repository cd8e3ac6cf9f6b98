"""The ``roles`` and ``explain`` commands: read up on the role archetypes."""

from typing import TYPE_CHECKING, Annotated, Optional

import typer

from rolefit.cli.delivery import Document, Format, check_target, deliver, lazy
from rolefit.cli.main import app, catalogue_from
from rolefit.cli.options import (
    CatalogueOption,
    ForceOption,
    OutputOption,
    ReportFormatOption,
)
from rolefit.errors import RolefitError, UnknownRoleError

if TYPE_CHECKING:
    from rolefit.model.catalogue import Catalogue
    from rolefit.report.outside import OutsideKind


@app.command()
def roles(
    fmt: ReportFormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    catalogue: CatalogueOption = None,
) -> None:
    """List the role archetypes and their core tasks.

    [dim]Example:[/]

    [dim]$[/] rolefit roles --format md -o roles.md
    """
    check_target(output, force, catalogue=catalogue)
    deliver(_roles_document(catalogue_from(catalogue)), fmt=fmt, output=output, force=force)


PAGES = "rolefit.report.roles"
HTML = "rolefit.report.html.role_pages"


def _roles_document(cat: "Catalogue") -> Document:
    return Document(
        title="rolefit: roles",
        render=lazy(PAGES, "render_roles", cat),
        makers={Format.json: lazy(PAGES, "roles_json", cat), Format.md: lazy(PAGES, "roles_markdown", cat)},
    )


@app.command()
def explain(
    role: Annotated[
        Optional[str],
        typer.Argument(
            metavar="ROLE",
            help="A role id, name, or the start of one (any case); or a kind of job outside the roles, as "
            "rolefit jobs names it ('data engineering', 'BI reporting').",
            show_default=False,
        ),
    ] = None,
    vs: Annotated[
        Optional[str],
        typer.Option("--vs", metavar="ROLE", help="Compare with another role, task by task.", show_default=False),
    ] = None,
    fmt: ReportFormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    catalogue: CatalogueOption = None,
) -> None:
    """Read up on a role: its tasks, who hires for it, how it evolves; or on a kind of job outside
    the roles that rolefit jobs gives as its verdict ("none of these: data engineering").

    [dim]Examples:[/]

    [dim]$[/] rolefit explain rnd
    [dim]$[/] rolefit explain "product data"
    [dim]$[/] rolefit explain rnd --vs product
    [dim]$[/] rolefit explain "data engineering"
    """
    cat = catalogue_from(catalogue)
    check_target(output, force, catalogue=catalogue)
    if role is None:
        if vs is not None:
            raise RolefitError("--vs needs a role to compare with; e.g. rolefit explain rnd --vs product")
        doc = _roles_document(cat)
    elif vs is not None:
        for name in (role, vs):
            kind = _outside_kind(name, cat)
            if kind is not None and not _is_role(name, cat):
                raise RolefitError(
                    f"--vs compares two of the roles, and '{name}' is a kind of job outside them; "
                    f"rolefit explain '{kind.name}' reads up on it"
                )
        found, other = cat.find_role(role), cat.find_role(vs)
        if other.id == found.id:
            raise RolefitError(f"--vs names the same role as ROLE ({found.id}); pick another")
        doc = Document(
            title=f"rolefit: {found.name} vs {other.name}",
            render=lazy(PAGES, "render_versus", found, other, cat),
            makers={
                Format.json: lazy(PAGES, "versus_json", found, other, cat),
                Format.md: lazy(PAGES, "versus_markdown", found, other, cat),
                Format.html: lazy(HTML, "versus_page", found, other, cat),
                Format.svg: lazy(HTML, "versus_svg", found, other, cat),
            },
        )
    else:
        kind = _outside_kind(role, cat)
        try:
            found = cat.find_role(role)
        except UnknownRoleError as exc:
            if kind is not None:
                deliver(_kind_document(kind), fmt=fmt, output=output, force=force)
                return
            if not _has_kinds(cat):
                raise
            from rolefit.report.outside import KINDS

            kinds = ", ".join(k.name for k in KINDS)
            raise UnknownRoleError(f"{exc}; or one of the kinds of job outside them: {kinds}") from None
        if kind is not None and cat.role_named(role) is None:
            # "data" starts both "data person" and "data engineering": say which were meant, not guess
            raise RolefitError(
                f"'{role}' starts a role's name and '{kind.name}' (a kind of job outside the roles); type more "
                f"of the name: rolefit explain {found.id}, or rolefit explain '{kind.name}'"
            )
        doc = Document(
            title=f"rolefit: {found.name}",
            render=lazy(PAGES, "render_role", found, cat),
            makers={
                Format.json: lazy(PAGES, "role_json", found),
                Format.md: lazy(PAGES, "role_markdown", found, cat),
                Format.html: lazy(HTML, "role_page", found, cat),
                Format.svg: lazy(HTML, "role_svg", found, cat),
            },
        )
    deliver(doc, fmt=fmt, output=output, force=force)


OUTSIDE = "rolefit.report.outside"


def _has_kinds(cat: "Catalogue") -> bool:
    """Whether the catalogue's postings can be given a verdict of another kind (by the built-in
    catalogue's model, or by the rules, for a catalogue with the tasks they tell kinds by)."""
    from rolefit.postings.features import applies_to
    from rolefit.postings.kinds import gives_outside

    return applies_to(cat) or gives_outside(frozenset(t.id for t in cat.tasks))


def _outside_kind(name: str, cat: "Catalogue") -> "OutsideKind | None":
    """The kind of job outside the roles that ``name`` means ("data engineering", "bi"), with a
    catalogue that has such verdicts."""
    from rolefit.report.outside import find_kind

    return find_kind(name) if _has_kinds(cat) else None


def _is_role(name: str, cat: "Catalogue") -> bool:
    try:
        cat.find_role(name)
    except UnknownRoleError:
        return False
    return True


def _kind_document(kind: "OutsideKind") -> Document:
    return Document(
        title=f"rolefit: none of these: {kind.name}",
        render=lazy(OUTSIDE, "render", kind),
        makers={Format.json: lazy(OUTSIDE, "to_json", kind), Format.md: lazy(OUTSIDE, "to_markdown", kind)},
    )
