"""The fit report as Markdown, for wikis and pull requests.

It lays out the same :class:`~rolefit.report.fit.FitReport` as the terminal, with every name and
text from the catalogue escaped (:func:`~rolefit.report.text.md_text`). No rich is imported.
"""

from __future__ import annotations

from rolefit.report import fit as model
from rolefit.report import words
from rolefit.report.fit import Explained, FitReport
from rolefit.report.text import md_text


def _fit_md(fit: Explained) -> list[str]:
    out = [f"## {md_text(fit.name)}", "", md_text(fit.summary[0].upper() + fit.summary[1:]), ""]
    if fit.context_note:
        out += [fit.context_note, ""]
    for title, items in ((words.RAISED, fit.raised), (words.LOWERED, fit.lowered)):
        if items:
            out += [f"### {title}", "", "| points | task | skill | interest |", "| ---: | --- | --- | --- |"]
            out += [f"| {c.signed} | {md_text(c.title)} | {c.skill_text} | {c.interest_text} |" for c in items]
            out.append("")
    if fit.outside_note:
        out += [md_text(fit.outside_note), ""]
    if fit.not_asked_note:
        out += [f"Core tasks {md_text(fit.not_asked_note)}", ""]
    out += [f"### {words.LEARN_NEXT}", ""]
    out += [f"- **{md_text(t)}**: {md_text(d)}" for t, d in fit.learn_next] or [fit.nothing_to_learn]
    out += ["", f"### {words.FRICTION}", ""]
    out += [f"- **{md_text(t)}**: {words.FRICTION_LINE}" for t in fit.friction] or [fit.no_friction]
    out += ["", f"### {words.WHERE_TO_APPLY}", ""] + [f"- {md_text(o)}" for o in fit.organisations]
    if fit.evolution:
        out += ["", f"### {words.EVOLVES}", ""]
        out += [f"- *{md_text(when)}*: {md_text(d)}" for when, d in fit.evolution]
    return [*out, ""]


def fit_report_md(report: FitReport) -> str:
    """A :class:`~rolefit.report.fit.FitReport` as Markdown."""
    out = [f"# {report.lead}{md_text(report.title)}{report.hybrid_note}", ""]  # (as the screen heads it)
    if report.provisional_note:
        out += [f"**{report.provisional_note}**", ""]
    out += [
        "| # | Role | Fit | Interest | Readiness |",
        "| ---: | --- | ---: | ---: | ---: |",
    ]
    out += [
        f"| {r.rank} | {md_text(r.name)} | {r.score:.0f} | {r.interest:.0f} | {r.readiness:.0f} |"
        for r in report.ranking
    ]
    if report.more_roles:
        out += ["", md_text(report.more_roles)]
    out += ["", model.SCALE, "", model.FORMULA]
    if report.firmness:
        out += ["", f"**{words.FIRMNESS}** {md_text(report.firmness)}"]
    out += ["", f"## {words.CHART_TITLE}", ""]
    out.append("| Task group | " + " | ".join(md_text(name) for name in report.chart_roles) + " |")
    out.append("| --- |" + " ---: |" * len(report.chart_roles))
    out += [f"| {md_text(row.title)} | " + " | ".join(f"{v:+.1f}" for v in row.points) + " |" for row in report.chart]
    if report.not_asked_note:
        out += ["", report.not_asked_note]
    out.append("")
    for fit in report.explained:
        out += _fit_md(fit)
    out.append(md_text(report.read_more))
    return "\n".join(out).rstrip() + "\n"
