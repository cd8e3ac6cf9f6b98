"""The reports as Markdown, for wikis and pull requests."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rolefit.model.answers import INTEREST_SHORT, SKILL_SHORT
from rolefit.model.catalogue import Catalogue
from rolefit.report.terminal import CHART_ROLES, SHOWN_ROLES, more_roles
from rolefit.scoring.fit import CONTEXT_WEIGHT, INTEREST_WEIGHT, READINESS_WEIGHT, FitResult, RoleFit, group_points

if TYPE_CHECKING:
    from rolefit.report.fit import FitReport


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|")


def _fit_md(fit: RoleFit, catalogue: Catalogue) -> list[str]:
    titles = {t.id: t.title for t in catalogue.tasks}
    role = fit.role
    out = [
        f"## {role.name}",
        "",
        f"Fit {fit.score:.0f}/100 · interest {fit.interest:.0f} · readiness {fit.readiness:.0f}",
        "",
    ]
    for heading, items in (("What raised the fit", fit.raised()), ("What lowered it", fit.lowered())):
        if items:
            out += [f"### {heading}", "", "| points | task | skill | interest |", "| ---: | --- | --- | --- |"]
            out += [
                f"| {c.points:+.1f} | {_md_escape(titles[c.task])} "
                f"| {c.skill} {SKILL_SHORT[c.skill]} | {c.interest} {INTEREST_SHORT[c.interest]} |"
                for c in items
            ]
            out.append("")
    if abs(fit.outside_points) >= 0.05:
        out += [f"Interest in the tasks this role does not involve: {fit.outside_points:+.1f} points.", ""]
    out += ["### Learn next", ""]
    out += [f"- **{titles[t]}**: {catalogue.task_by_id[t].description}" for t in fit.learn_next] or [
        "Nothing pressing: you have the skills for the core tasks you like."
    ]
    out += ["", "### Friction", ""]
    out += [f"- **{titles[t]}**: core to this role, and you would rather avoid it" for t in fit.friction] or [
        "None: you don't mind any of this role's core tasks."
    ]
    out += ["", "### Where to apply", ""] + [f"- {o.description}" for o in role.organisations]
    if role.evolution:
        out += ["", "### How the role evolves", ""] + [f"- *{p.when}*: {p.description}" for p in role.evolution]
    return [*out, ""]


def report_markdown(
    result: FitResult, catalogue: Catalogue, *, not_asked: int = 0, firmness: str = "", top: int = SHOWN_ROLES
) -> str:
    """The fit report as Markdown (the ``top`` best roles ranked)."""
    kind = " (a hybrid)" if result.hybrid else ""
    out = [
        f"# Your fit: {result.title}{kind}",
        "",
        "| # | Role | Fit | Interest | Readiness |",
        "| ---: | --- | ---: | ---: | ---: |",
    ]
    out += [
        f"| {rank} | {_md_escape(f.role.name)} | {f.score:.0f} | {f.interest:.0f} | {f.readiness:.0f} |"
        for rank, f in enumerate(result.fits[:top], 1)
    ]
    if len(result.fits) > top:
        out += ["", more_roles(len(result.fits) - top, len(result.fits))]
    out += [
        "",
        f"Fit = {INTEREST_WEIGHT:.0%} interest + {READINESS_WEIGHT:.0%} readiness + {CONTEXT_WEIGHT:.0%} context.",
    ]
    if not_asked:
        out.append(f"{not_asked} questions were not asked; they count as neutral (2).")
    if firmness:
        out += ["", f"**How firm is this?** {firmness}"]
    charted = result.fits[: min(top, CHART_ROLES)]
    out += ["", "## Points per task group", ""]
    out.append("| Task group | " + " | ".join(_md_escape(f.role.short) for f in charted) + " |")
    out.append("| --- |" + " ---: |" * len(charted))
    per_role = [group_points(f, catalogue) for f in charted]
    out += [f"| {g.title} | " + " | ".join(f"{p[g.id]:+.1f}" for p in per_role) + " |" for g in catalogue.groups]
    out.append("")
    shown = [result.top, *([result.fits[1]] if result.hybrid else [])]
    for fit in shown:
        out += _fit_md(fit, catalogue)
    return "\n".join(out).rstrip() + "\n"


def fit_report_md(report: FitReport) -> str:
    """A :class:`~rolefit.report.fit.FitReport` as Markdown."""
    return report_markdown(
        report.result,
        report.catalogue,
        not_asked=report.not_asked,
        firmness=report.firmness,
        top=report.top or SHOWN_ROLES,
    )
