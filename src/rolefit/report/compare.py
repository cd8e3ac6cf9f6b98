"""Two profiles side by side (self vs manager, now vs six months ago): what changed and why."""

from __future__ import annotations

import json

from rich.console import Console
from rich.table import Table
from rich.text import Text

from rolefit.model.catalogue import Catalogue
from rolefit.report.widgets import bullets
from rolefit.scoring.compare import Comparison


def render_compare(cmp: Comparison, names: tuple[str, str], catalogue: Catalogue, console: Console) -> None:
    a, b = names
    console.print(
        Text.assemble((a, "bold"), f": {cmp.first.title}   →   ", (b, "bold"), ": ", (cmp.second.title, "bold magenta"))
    )
    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column("Role", overflow="fold")
    table.add_column(a, justify="right", no_wrap=True)
    table.add_column(b, justify="right", no_wrap=True)
    table.add_column("Change", justify="right", no_wrap=True)
    for ch in cmp.changes:
        style = "green" if ch.delta > 0.05 else "red" if ch.delta < -0.05 else "dim"
        table.add_row(
            ch.before.role.name,
            f"{ch.before.score:.0f}",
            f"{ch.after.score:.0f}",
            Text(f"{ch.delta:+.1f}", style=style),
        )
    console.print(table)
    titles = {t.id: t.title for t in catalogue.tasks}
    for ch in cmp.changes:
        if not ch.movers:
            continue
        console.print(Text(f"\nWhat moved the {ch.before.role.short} most", style="bold"))
        lines = []
        for m in ch.movers:
            c_b = next(c for c in ch.before.contributions if c.task == m.task)
            c_a = next(c for c in ch.after.contributions if c.task == m.task)
            detail = []
            if c_b.skill != c_a.skill:
                detail.append(f"skill {c_b.skill} → {c_a.skill}")
            if c_b.interest != c_a.interest:
                detail.append(f"interest {c_b.interest} → {c_a.interest}")
            lines.append(
                Text.assemble(
                    (f"{m.delta:+.1f} ", "green" if m.delta > 0 else "red"),
                    titles[m.task],
                    (f"  ({', '.join(detail)})", "dim"),
                )
            )
        console.print(bullets(lines))


def compare_json(cmp: Comparison, names: tuple[str, str]) -> str:
    data = {
        "profiles": list(names),
        "top": [cmp.first.label, cmp.second.label],
        "roles": [
            {
                "role": ch.before.role.id,
                "before": round(ch.before.score, 1),
                "after": round(ch.after.score, 1),
                "change": round(ch.delta, 1),
                "movers": [{"task": m.task, "change": round(m.delta, 2)} for m in ch.movers],
            }
            for ch in cmp.changes
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def compare_markdown(cmp: Comparison, names: tuple[str, str], catalogue: Catalogue) -> str:
    """The comparison as Markdown: each role's fit in both, and the tasks that moved it most."""
    a, b = (n.replace("|", "\\|") for n in names)
    titles = {t.id: t.title for t in catalogue.tasks}
    out = [
        f"# {a}: {cmp.first.title} → {b}: {cmp.second.title}",
        "",
        f"| Role | {a} | {b} | Change |",
        "| --- | ---: | ---: | ---: |",
    ]
    for ch in cmp.changes:
        out.append(f"| {ch.before.role.name} | {ch.before.score:.0f} | {ch.after.score:.0f} | {ch.delta:+.1f} |")
    for ch in cmp.changes:
        if ch.movers:
            out += ["", f"## What moved the {ch.before.role.short} most", ""]
            out += [f"- {m.delta:+.1f} {titles[m.task]}" for m in ch.movers]
    return "\n".join(out) + "\n"
