"""The fit report: as data (JSON, byte-for-byte deterministic) and as rich text."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from rolefit import __version__
from rolefit.answers import INTEREST_SHORT, SKILL_SHORT, Answers
from rolefit.catalogue import Catalogue
from rolefit.scoring import (
    CONTEXT_WEIGHT,
    HYBRID_MARGIN,
    INTEREST_WEIGHT,
    READINESS_WEIGHT,
    Contribution,
    FitResult,
    RoleFit,
    score,
)
from rolefit.ui import bullets, heading, titled
from rolefit.whatif import Flip

BAR_WIDTH = 16


def _r(x: float, digits: int = 1) -> float:
    value = round(x, digits)
    return 0.0 if value == 0 else value  # no "-0.0"


def fit_data(fit: RoleFit, catalogue: Catalogue) -> dict[str, Any]:
    return {
        "role": fit.role.id,
        "name": fit.role.name,
        "score": _r(fit.score),
        "interest": _r(fit.interest),
        "readiness": _r(fit.readiness),
        "context": _r(fit.context),
        "contributions": [
            {
                "task": c.task,
                "title": catalogue.task_by_id[c.task].title,
                "weight": c.weight,
                "skill": c.skill,
                "interest": c.interest,
                "points": _r(c.points, 2),
                "interest_points": _r(c.interest_points, 2),
                "readiness_points": _r(c.readiness_points, 2),
            }
            for c in fit.contributions
        ],
        "outside_points": _r(fit.outside_points, 2),
        "context_points": _r(fit.context_points, 2),
        "learn_next": list(fit.learn_next),
        "friction": list(fit.friction),
        "organisations": [o.description for o in fit.role.organisations],
    }


def to_data(result: FitResult, catalogue: Catalogue, flip: Flip | None = None) -> dict[str, Any]:
    pair = result.hybrid
    data: dict[str, Any] = {
        "rolefit": __version__,
        "catalogue": {"version": catalogue.version, "digest": catalogue.digest},
        "top": result.top.role.id,
        "hybrid": [pair[0].role.id, pair[1].role.id] if pair else None,
        "label": result.label,
        "margin": _r(result.margin),
        "fits": [fit_data(f, catalogue) for f in result.fits],
    }
    if flip is not None:
        data["what_would_change"] = {
            "target": flip.target,
            "changes": [{"question": c.question, "from": c.old, "to": c.new} for c in flip.changes],
        }
    return data


#: Past this many roles the JSON report is written on one line: indenting it would cost more
#: than scoring (Python's fast JSON encoder does not indent), and such a report is for programs.
COMPACT_JSON_ROLES = 100


def to_json(result: FitResult, catalogue: Catalogue, flip: Flip | None = None) -> str:
    """The report as JSON: the same answers always give the same bytes."""
    data = to_data(result, catalogue, flip)
    if len(result.fits) > COMPACT_JSON_ROLES:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def report_json(catalogue: Catalogue, answers: Answers) -> str:
    """The JSON report for complete answers, as ``rolefit quiz --format json`` prints it."""
    from rolefit.whatif import flip  # the search is only needed here

    result = score(catalogue, answers)
    found = flip(catalogue, answers, tasks_only=True) if firmness_applies(catalogue) else None
    return to_json(result, catalogue, found)


#: "How firm" searches every answer change against every role; past this many (tasks x roles)
#: the search would take longer than the rest of the report, and the line is left out.
FIRMNESS_LIMIT = 100_000


def firmness_applies(catalogue: Catalogue) -> bool:
    return len(catalogue.roles) > 1 and len(catalogue.tasks) * len(catalogue.roles) <= FIRMNESS_LIMIT


def bar(value: float, width: int = BAR_WIDTH) -> Text:
    """A bar of ``value`` out of 100, in eighths of a cell."""
    eighths = round(max(0.0, min(100.0, value)) / 100 * width * 8)
    full, part = divmod(eighths, 8)
    text = "█" * full + (" ▏▎▍▌▋▊▉"[part] if part else "")
    return Text(text.ljust(width), style="cyan")


def _contributions(items: list[Contribution], catalogue: Catalogue) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(ratio=1)
    for c in items:
        style = "bold green" if c.points > 0 else "bold red"
        detail = Text(
            f"  skill {c.skill} {SKILL_SHORT[c.skill]} · interest {c.interest} {INTEREST_SHORT[c.interest]}",
            style="dim",
        )
        grid.add_row(
            Text(f"{c.points:+.1f}", style=style),
            Text.assemble(catalogue.task_by_id[c.task].title, detail),
        )
    return Padding(grid, (0, 0, 0, 2))  # type: ignore[return-value]


def explain_fit(fit: RoleFit, catalogue: Catalogue) -> Group:
    """Why this role fits: what raised and lowered it, what to learn, where to apply."""
    role = fit.role
    parts: list[RenderableType] = [
        Text.assemble(
            (role.name, "bold magenta"),
            f"  fit {fit.score:.0f}/100 · interest {fit.interest:.0f} · readiness {fit.readiness:.0f}",
        )
    ]
    if abs(fit.context_points) >= 0.05:
        verb = "added" if fit.context_points > 0 else "took off"
        parts.append(Text(f"Your context answers {verb} {abs(fit.context_points):.1f} points.", style="dim"))
    raised, lowered = fit.raised(), fit.lowered()
    if raised:
        parts += [heading("What raised the fit"), _contributions(raised, catalogue)]
    if lowered:
        parts += [heading("What lowered it"), _contributions(lowered, catalogue)]
    if abs(fit.outside_points) >= 0.05:
        parts.append(
            Padding(
                Text(
                    f"{fit.outside_points:+.1f}  your interest in the tasks outside this role (liking them "
                    "counts against it, avoiding them for it)",
                    style="dim",
                ),
                (0, 0, 0, 2),
            )
        )
    parts.append(heading("Learn next"))
    if fit.learn_next:
        tasks = [catalogue.task_by_id[tid] for tid in fit.learn_next]
        parts.append(bullets(titled(t.title, t.description) for t in tasks))
    else:
        parts.append(Text("  Nothing pressing: you have the skills for the core tasks you like.", style="dim"))
    parts.append(heading("Friction"))
    if fit.friction:
        parts.append(
            bullets(
                Text(f"{catalogue.task_by_id[tid].title}: core to this role, and you would rather avoid it")
                for tid in fit.friction
            )
        )
    else:
        parts.append(Text("  None: you don't mind any of this role's core tasks.", style="dim"))
    parts += [heading("Where to apply"), bullets(o.description for o in role.organisations)]
    if role.evolution:
        parts += [
            heading("How the role evolves"),
            bullets(Text.assemble((p.when, "italic"), f": {p.description}") for p in role.evolution),
        ]
    return Group(*parts)


def group_points(fit: RoleFit, catalogue: Catalogue) -> dict[str, float]:
    """The points each task group adds to (or takes from) a role's fit, in group order."""
    out = {g.id: 0.0 for g in catalogue.groups}
    for c in fit.contributions:
        out[catalogue.task_by_id[c.task].group] += c.points
    return out


def signed_bar(points: float, scale: float, width: int = 6) -> Text:
    """'+3.2 ███' in green, or '-1.0 █' in red; bars scaled so ``scale`` fills ``width``."""
    cells = round(abs(points) / scale * width) if scale else 0
    style = "green" if points > 0 else "red"
    return Text.assemble((f"{points:+5.1f} ", style), ("█" * cells, style))


def group_chart(result: FitResult, catalogue: Catalogue) -> Table:
    """Fit per role and per task group: how much each group of tasks moved each role's fit."""
    per_role = [(fit, group_points(fit, catalogue)) for fit in result.fits]
    scale = max((abs(v) for _, pts in per_role for v in pts.values()), default=0.0) or 1.0
    table = Table(box=None, pad_edge=False, header_style="bold", title_justify="left")
    table.add_column("Task group", overflow="fold")
    for fit, _ in per_role:
        table.add_column(fit.role.short, no_wrap=True, min_width=12)
    for group in catalogue.groups:
        table.add_row(group.short, *(signed_bar(pts[group.id], scale) for _, pts in per_role))
    return table


def render_report(
    result: FitResult, catalogue: Catalogue, console: Console, *, not_asked: int = 0, firmness: str = ""
) -> None:
    """Print the ranked roles and the explanation of the best fit(s).

    ``not_asked``: how many questions were filled with neutral defaults (said in the report);
    ``firmness``: what would change the result (see :mod:`rolefit.whatif`).
    """
    if result.hybrid:
        headline = Text.assemble(
            "Your fit: ",
            (result.title, "bold magenta"),
            f" (a hybrid: {result.margin:.1f} points apart)",
        )
    else:
        headline = Text.assemble("Your best fit: ", (result.title, "bold magenta"))
    console.print(headline)
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Role", overflow="fold")
    table.add_column("Fit", justify="right", no_wrap=True, min_width=3)
    with_bar = console.width >= 76
    if with_bar:
        table.add_column("", width=BAR_WIDTH, no_wrap=True)
    table.add_column("Interest", justify="right", no_wrap=True, min_width=8)
    table.add_column("Readiness", justify="right", no_wrap=True, min_width=9)
    for rank, fit in enumerate(result.fits, 1):
        cells: list[str | Text] = [str(rank), fit.role.name, f"{fit.score:.0f}"]
        if with_bar:
            cells.append(bar(fit.score))
        table.add_row(*cells, f"{fit.interest:.0f}", f"{fit.readiness:.0f}")
    console.print(table)
    console.print(
        Text(
            f"Fit = {INTEREST_WEIGHT:.0%} interest (what you like) + {READINESS_WEIGHT:.0%} readiness "
            f"(your skills) + {CONTEXT_WEIGHT:.0%} context.",
            style="dim",
        )
    )
    if firmness:
        console.print(Text.assemble(("How firm is this? ", "bold"), firmness))
    console.print(heading("Points per task group (what moved each fit)"))
    console.print(group_chart(result, catalogue))
    if not_asked:
        console.print(Text(f"{not_asked} questions were not asked; they count as neutral (2).", style="dim"))
    shown = [result.top]
    if result.hybrid or (len(result.fits) > 1 and result.margin < 2 * HYBRID_MARGIN):
        shown.append(result.fits[1])
    for fit in shown:
        console.rule(style="dim")
        console.print(explain_fit(fit, catalogue))
    more = " or ".join(f"rolefit explain {fit.role.id}" for fit in shown)
    console.print(Text(f"\nRead more: {more}", style="dim"))
