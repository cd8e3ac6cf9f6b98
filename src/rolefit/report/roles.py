"""Reading up on roles: ``rolefit roles`` and ``rolefit explain ROLE``."""

from __future__ import annotations

import json
from dataclasses import asdict

from rich.console import Console
from rich.table import Table
from rich.text import Text

from rolefit.model.catalogue import Catalogue, Role, weight_shown
from rolefit.report.text import md_code, md_text
from rolefit.report.widgets import bullets, heading, safe, terminal_safe, titled

#: Two roles differ on a task when their weights for it are this far apart
#: (core against occasional or absent, regular against absent).
DIFFERENCE = 2.0


#: The widest an id column of `rolefit roles` is kept whole, however narrow the terminal (an id is
#: at most 64 characters).
ID_WIDTH = 40


def render_roles(catalogue: Catalogue, console: Console) -> None:
    table = Table(box=None, pad_edge=False, header_style="bold")
    # (the id whole, what `rolefit explain` is given; a long name wraps, and leaves the tasks room)
    longest = max((len(safe(r.id)) for r in catalogue.roles), default=2)
    table.add_column("Id", style="cyan", no_wrap=True, min_width=min(longest, ID_WIDTH))
    table.add_column("Role", ratio=1, overflow="fold")
    table.add_column("Core tasks", ratio=2)
    for role in catalogue.roles:
        core = [catalogue.task_by_id[rt.task].title for rt in role.tasks if rt.level == "core"]
        table.add_row(safe(role.id), safe(role.name), safe(", ".join(core)))
    console.print(table)
    console.print(Text("\nRead about one: rolefit explain ROLE", style="dim"))
    from rolefit.postings.features import applies_to

    if applies_to(catalogue):
        from rolefit.report.outside import KINDS

        kinds = ", ".join(k.name for k in KINDS)
        said = f"Jobs of other kinds, which rolefit jobs calls 'none of these': {kinds} (rolefit explain KIND)"
        console.print(Text(said, style="dim"))


#: A role page compares its role with at most this many others (the closest), and lists at most this
#: many of the tasks it rarely involves: a catalogue of 1,000 roles and 20,000 tasks stays readable.
COMPARED_ROLES = 5
RARELY_LISTED = 12


def differences(role: Role, other: Role, catalogue: Catalogue, limit: int = 4) -> tuple[list[str], list[str]]:
    """Task ids ``role`` weights much more than ``other`` does, and much less (in time proportional to
    the two roles' tasks, not the catalogue's)."""
    mine = {rt.task: rt.weight for rt in role.tasks}
    theirs = {rt.task: rt.weight for rt in other.tasks}
    rank = catalogue.task_rank
    order = sorted(mine.keys() | theirs.keys(), key=rank.__getitem__)
    gap = {t: mine.get(t, 0.0) - theirs.get(t, 0.0) for t in order}
    more = sorted((t for t in order if gap[t] >= DIFFERENCE), key=lambda t: -gap[t])[:limit]
    less = sorted((t for t in order if gap[t] <= -DIFFERENCE), key=lambda t: gap[t])[:limit]
    return more, less


def closest_roles(role: Role, catalogue: Catalogue, limit: int = COMPARED_ROLES) -> tuple[list[Role], int]:
    """The ``limit`` other roles sharing most of ``role``'s weight (catalogue order on ties), and how
    many others there are besides."""
    mine = {rt.task: rt.weight for rt in role.tasks}
    others = [r for r in catalogue.roles if r.id != role.id]
    shared = {r.id: sum(min(rt.weight, mine.get(rt.task, 0.0)) for rt in r.tasks) for r in others}
    position = {r.id: k for k, r in enumerate(others)}
    chosen = sorted(others, key=lambda r: (-shared[r.id], position[r.id]))[:limit]
    return sorted(chosen, key=lambda r: position[r.id]), len(others) - len(chosen)


def cites_the_article(catalogue: Catalogue) -> bool:
    """Whether any role's task is sourced to the article: only then does a Source column say anything
    (a hiring manager's own catalogue marks every task inferred)."""
    return any(rt.source == "article" for role in catalogue.roles for rt in role.tasks)


def rarely_involved(role: Role, catalogue: Catalogue, limit: int = RARELY_LISTED) -> tuple[list[str], int]:
    """Titles of up to ``limit`` tasks the role does not involve (catalogue order), and how many more."""
    involved = {rt.task for rt in role.tasks}
    titles: list[str] = []
    total = 0
    for t in catalogue.tasks_in_order():
        if t.id not in involved:
            total += 1
            if len(titles) < limit:
                titles.append(t.title)
    return titles, total - len(titles)


def _and_more(items: list[str], more: int, noun: str) -> str:
    return ", ".join(items) + (f" and {more} more {noun}{'' if more == 1 else 's'}" if more else "")


def render_role(role: Role, catalogue: Catalogue, console: Console) -> None:
    """Everything the catalogue says about one role."""
    titles = {t.id: t.title for t in catalogue.tasks}
    order = catalogue.tasks_in_order()
    involved = {rt.task: rt for rt in role.tasks}

    console.print(Text.assemble((terminal_safe(role.name), "bold magenta"), (f"  ({terminal_safe(role.id)})", "dim")))
    console.print(safe(role.summary))

    console.print(heading("Signature tasks"))
    signature = [t for t in order if t.id in involved and involved[t.id].level == "core"]
    console.print(bullets(titled(t.title, t.description) for t in signature))

    rarely, more_rarely = rarely_involved(role, catalogue)
    if rarely:
        console.print(heading("Not part of it"))
        console.print(bullets([_and_more(rarely, more_rarely, "task")], marker=" "))

    console.print(heading("All its tasks, by group"))
    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column("Task")
    table.add_column("Weight", no_wrap=True)
    sourced = cites_the_article(catalogue)
    if sourced:
        table.add_column("Source", no_wrap=True)
    for group in catalogue.groups:
        rows = [involved[t.id] for t in order if t.group == group.id and t.id in involved]
        if rows:
            table.add_row(safe(group.title, style="italic cyan"), "", *([""] if sourced else []))
        for rt in rows:
            source = Text("article") if rt.source == "article" else Text("our inference", style="yellow")
            table.add_row(safe(f"  {titles[rt.task]}"), weight_shown(rt.weight), *([source] if sourced else []))
    console.print(table)

    console.print(heading("Who hires for it"))
    console.print(bullets(safe(o.description) for o in role.organisations))

    if role.evolution:
        console.print(heading("How it evolves"))
        console.print(
            bullets(
                Text.assemble((terminal_safe(p.when), "italic"), f": {terminal_safe(p.description)}")
                for p in role.evolution
            )
        )

    others, more_roles = closest_roles(role, catalogue)
    if others:
        console.print(
            heading("How it differs from the closest roles" if more_roles else "How it differs from the other roles")
        )
    for other in others:
        more, less = differences(role, other, catalogue)
        lines = []
        if more:
            lines.append(Text.assemble(("more: ", "green"), terminal_safe(", ".join(titles[t] for t in more))))
        if less:
            lines.append(Text.assemble(("less: ", "red"), terminal_safe(", ".join(titles[t] for t in less))))
        console.print(Text(f"  Against the {terminal_safe(other.short)}", style="italic"))
        console.print(bullets(lines or [Text("much the same tasks, in similar measure")], marker=" "))
    if more_roles:
        console.print(
            Text(f"  ...and {more_roles} more roles: rolefit explain ROLE --vs OTHER compares any two.", style="dim")
        )


def _dumps(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def role_json(role: Role) -> str:
    """The role as the catalogue defines it, as JSON (weights as numbers, in file order)."""
    return _dumps(asdict(role))


def roles_json(catalogue: Catalogue) -> str:
    return _dumps(
        [
            {"id": r.id, "name": r.name, "core": [rt.task for rt in r.tasks if rt.level == "core"]}
            for r in catalogue.roles
        ]
    )


def roles_markdown(catalogue: Catalogue) -> str:
    titles = {t.id: t.title for t in catalogue.tasks}
    out = ["| Id | Role | Core tasks |", "| --- | --- | --- |"]
    for r in catalogue.roles:
        core = ", ".join(md_text(titles[rt.task]) for rt in r.tasks if rt.level == "core")
        out.append(f"| {md_code(r.id)} | {md_text(r.name)} | {core} |")
    return "\n".join(out) + "\n"


def role_markdown(role: Role, catalogue: Catalogue) -> str:
    """A role's page (as ``rolefit explain`` shows it) in Markdown."""
    involved = {rt.task: rt for rt in role.tasks}
    order = catalogue.tasks_in_order()
    out = [f"# {md_text(role.name)} ({md_code(role.id)})", "", md_text(role.summary), "", "## Signature tasks", ""]
    out += [
        f"- **{md_text(t.title)}**: {md_text(t.description)}"
        for t in order
        if t.id in involved and involved[t.id].level == "core"
    ]
    rarely, more_rarely = rarely_involved(role, catalogue)
    if rarely:
        out += ["", "## Not part of it", "", _and_more([md_text(t) for t in rarely], more_rarely, "task")]
    sourced = cites_the_article(catalogue)
    out += ["", "## All its tasks", ""]
    out += (
        ["| Group | Task | Weight | Source |", "| --- | --- | --- | --- |"]
        if sourced
        else ["| Group | Task | Weight |", "| --- | --- | --- |"]
    )
    for t in order:
        if t.id in involved:
            rt = involved[t.id]
            source = (" article |" if rt.source == "article" else " our inference |") if sourced else ""
            group = md_text(catalogue.group_by_id[t.group].title)
            out.append(f"| {group} | {md_text(t.title)} | {weight_shown(rt.weight)} |{source}")
    out += ["", "## Who hires for it", ""] + [f"- {md_text(o.description)}" for o in role.organisations]
    if role.evolution:
        out += ["", "## How it evolves", ""]
        out += [f"- *{md_text(p.when)}*: {md_text(p.description)}" for p in role.evolution]
    return "\n".join(out) + "\n"


def versus_rows(a: Role, b: Role, catalogue: Catalogue) -> list[tuple[str, str, float, float]]:
    """(group id, task id, weight in a, weight in b) for every task either role involves, by group."""
    wa = {rt.task: rt.weight for rt in a.tasks}
    wb = {rt.task: rt.weight for rt in b.tasks}
    return [
        (t.group, t.id, wa.get(t.id, 0.0), wb.get(t.id, 0.0))
        for t in catalogue.tasks_in_order()
        if t.id in wa or t.id in wb
    ]


def _level(weight: float) -> str:
    return "-" if weight == 0 else weight_shown(weight)


def render_versus(a: Role, b: Role, catalogue: Catalogue, console: Console) -> None:
    """Two roles side by side, task by task; the bigger weight of each row stands out."""
    console.print(
        Text.assemble((terminal_safe(a.name), "bold magenta"), "  vs  ", (terminal_safe(b.name), "bold cyan"))
    )
    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column("Task")
    table.add_column(safe(a.short), no_wrap=True)
    table.add_column(safe(b.short), no_wrap=True)
    group = None
    for gid, tid, wa, wb in versus_rows(a, b, catalogue):
        if gid != group:
            group = gid
            table.add_row(safe(catalogue.group_by_id[gid].short, style="italic cyan"), "", "")
        style_a = "bold magenta" if wa > wb else "dim" if wa < wb else ""
        style_b = "bold cyan" if wb > wa else "dim" if wb < wa else ""
        table.add_row(
            safe(f"  {catalogue.task_by_id[tid].title}"),
            Text(_level(wa), style=style_a),
            Text(_level(wb), style=style_b),
        )
    console.print(table)
    for x, y in ((a, b), (b, a)):
        more, _ = differences(x, y, catalogue)
        if more:
            titles = terminal_safe(", ".join(catalogue.task_by_id[t].title for t in more))
            console.print(Text.assemble(("\nMostly the ", "dim"), (terminal_safe(x.short), "bold"), ": ", titles))
    console.print(Text("\nWho hires for each:", style="bold"))
    for r in (a, b):
        console.print(safe(f"  {r.name}", style="italic"))
        console.print(bullets(safe(o.description) for o in r.organisations))


def versus_json(a: Role, b: Role, catalogue: Catalogue) -> str:
    return _dumps(
        {
            "roles": [a.id, b.id],
            "tasks": [
                {"task": tid, "group": gid, a.id: wa, b.id: wb} for gid, tid, wa, wb in versus_rows(a, b, catalogue)
            ],
        }
    )


def versus_markdown(a: Role, b: Role, catalogue: Catalogue) -> str:
    out = [
        f"# {md_text(a.name)} vs {md_text(b.name)}",
        "",
        f"| Group | Task | {md_text(a.short)} | {md_text(b.short)} |",
        "| --- | --- | --- | --- |",
    ]
    for gid, tid, wa, wb in versus_rows(a, b, catalogue):
        out.append(
            f"| {md_text(catalogue.group_by_id[gid].title)} | {md_text(catalogue.task_by_id[tid].title)} "
            f"| {_level(wa)} | {_level(wb)} |"
        )
    return "\n".join(out) + "\n"
