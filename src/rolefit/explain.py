"""Reading up on roles: ``rolefit roles`` and ``rolefit explain ROLE``."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from rolefit.catalogue import Catalogue
from rolefit.models import Role
from rolefit.ui import bullets, heading, titled

#: Two roles differ on a task when their weights for it are this far apart
#: (core against occasional or absent, regular against absent).
DIFFERENCE = 2.0


def render_roles(catalogue: Catalogue, console: Console) -> None:
    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column("Id", style="cyan", no_wrap=True)
    table.add_column("Role", no_wrap=True)
    table.add_column("Core tasks")
    for role in catalogue.roles:
        core = [catalogue.task_by_id[rt.task].title for rt in role.tasks if rt.level == "core"]
        table.add_row(role.id, role.name, ", ".join(core))
    console.print(table)
    console.print(Text("\nRead about one: rolefit explain ROLE", style="dim"))


def differences(role: Role, other: Role, catalogue: Catalogue, limit: int = 4) -> tuple[list[str], list[str]]:
    """Task ids ``role`` weights much more than ``other`` does, and much less."""
    mine = {rt.task: rt.weight for rt in role.tasks}
    theirs = {rt.task: rt.weight for rt in other.tasks}
    order = [t.id for t in catalogue.tasks_in_order()]
    gap = {t: mine.get(t, 0.0) - theirs.get(t, 0.0) for t in order}
    more = sorted((t for t in order if gap[t] >= DIFFERENCE), key=lambda t: -gap[t])[:limit]
    less = sorted((t for t in order if gap[t] <= -DIFFERENCE), key=lambda t: gap[t])[:limit]
    return more, less


def render_role(role: Role, catalogue: Catalogue, console: Console) -> None:
    """Everything the catalogue says about one role."""
    titles = {t.id: t.title for t in catalogue.tasks}
    order = catalogue.tasks_in_order()
    involved = {rt.task: rt for rt in role.tasks}

    console.print(Text.assemble((role.name, "bold magenta"), (f"  ({role.id})", "dim")))
    console.print(role.summary)

    console.print(heading("Signature tasks"))
    signature = [t for t in order if t.id in involved and involved[t.id].level == "core"]
    console.print(bullets(titled(t.title, t.description) for t in signature))

    rarely = [t.title for t in order if t.id not in involved]
    if rarely:
        console.print(heading("Rarely involves"))
        console.print(bullets([", ".join(rarely)], marker=" "))

    console.print(heading("All its tasks, by group"))
    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column("Task")
    table.add_column("Weight", no_wrap=True)
    table.add_column("Source", no_wrap=True)
    for group in catalogue.groups:
        rows = [involved[t.id] for t in order if t.group == group.id and t.id in involved]
        if rows:
            table.add_row(Text(group.title, style="italic cyan"), "", "")
        for rt in rows:
            source = Text("article") if rt.source == "article" else Text("our inference", style="yellow")
            table.add_row(f"  {titles[rt.task]}", rt.level, source)
    console.print(table)

    console.print(heading("Who hires for it"))
    console.print(bullets(o.description for o in role.organisations))

    if role.evolution:
        console.print(heading("How it evolves"))
        console.print(bullets(Text.assemble((p.when, "italic"), f": {p.description}") for p in role.evolution))

    others = [r for r in catalogue.roles if r.id != role.id]
    if others:
        console.print(heading("How it differs from the other roles"))
    for other in others:
        more, less = differences(role, other, catalogue)
        lines = []
        if more:
            lines.append(Text.assemble(("more: ", "green"), ", ".join(titles[t] for t in more)))
        if less:
            lines.append(Text.assemble(("less: ", "red"), ", ".join(titles[t] for t in less)))
        console.print(Text(f"  Against the {other.short}", style="italic"))
        console.print(bullets(lines or [Text("much the same tasks, in similar measure")], marker=" "))
