"""Two profiles side by side (self vs manager, now vs six months ago): what changed and why."""

from __future__ import annotations

import json
from dataclasses import dataclass

from rich.console import Console
from rich.table import Table
from rich.text import Text

from rolefit.answers import Answers
from rolefit.catalogue import Catalogue
from rolefit.scoring import FitResult, RoleFit, score
from rolefit.ui import bullets


@dataclass(frozen=True)
class Mover:
    """A task whose answers moved one role's fit between the two profiles."""

    task: str
    before: float
    after: float

    @property
    def delta(self) -> float:
        return self.after - self.before


@dataclass(frozen=True)
class RoleChange:
    before: RoleFit
    after: RoleFit
    movers: tuple[Mover, ...]

    @property
    def delta(self) -> float:
        return self.after.score - self.before.score


@dataclass(frozen=True)
class Comparison:
    first: FitResult
    second: FitResult
    changes: tuple[RoleChange, ...]


def compare(catalogue: Catalogue, a: Answers, b: Answers, movers: int = 3) -> Comparison:
    """Score both; for each role (in the first profile's order) the change and the tasks that moved it most."""
    first, second = score(catalogue, a), score(catalogue, b)
    after = {f.role.id: f for f in second.fits}
    changes = []
    for before in first.fits:
        now = after[before.role.id]
        pairs = [
            Mover(c.task, c.points, d.points)
            for c, d in zip(before.contributions, now.contributions, strict=True)
            if abs(d.points - c.points) >= 0.05
        ]
        pairs.sort(key=lambda m: -abs(m.delta))
        changes.append(RoleChange(before, now, tuple(pairs[:movers])))
    return Comparison(first, second, tuple(changes))


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
