"""A role's page (``explain ROLE``) and two roles side by side (``explain A --vs B``), as pages and images."""

from __future__ import annotations

from rolefit.model.catalogue import MAX_WEIGHT, Catalogue, Role, weight_shown
from rolefit.report.html import render, svg
from rolefit.report.html.bars import Bar, bar_charts
from rolefit.report.roles import closest_roles, differences, versus_rows


def _level(weight: float) -> str:
    return "-" if weight == 0 else weight_shown(weight)


def profile_chart(role: Role, catalogue: Catalogue, parts: bool = False) -> list[str]:
    """The role's tasks by group, each bar what the role asks of the task."""
    involved = {rt.task: rt.weight for rt in role.tasks}
    rows: list[Bar] = []
    for group in catalogue.groups:
        tasks = [t for t in catalogue.tasks_in_order() if t.group == group.id and t.id in involved]
        if tasks:
            rows.append(Bar(group.title, heading=True))
            rows += [Bar(t.title, (involved[t.id],), (weight_shown(involved[t.id]),)) for t in tasks]
    return bar_charts(rows, [role.short], MAX_WEIGHT, "profile", f"{role.name}: its task profile", parts)


def role_page(role: Role, catalogue: Catalogue) -> str:
    titles = {t.id: t.title for t in catalogue.tasks}
    order = catalogue.tasks_in_order()
    involved = {rt.task: rt for rt in role.tasks}
    others = []
    for other in closest_roles(role, catalogue)[0]:
        more, less = differences(role, other, catalogue)
        others.append((other.short, [titles[t] for t in more], [titles[t] for t in less]))
    return render.page(
        "role.html.j2",
        title=f"rolefit: {role.name}",
        catalogue=catalogue.version,
        role=role,
        chart=[render.markup(part) for part in profile_chart(role, catalogue, parts=True)],
        signature=[(t.title, t.description) for t in order if t.id in involved and involved[t.id].level == "core"],
        rarely=_rarely(role, catalogue),
        others=others,
    )


def role_svg(role: Role, catalogue: Catalogue) -> str:
    return svg.standalone(profile_chart(role, catalogue), f"rolefit: {role.name}", render.chart_css())


def versus_chart(a: Role, b: Role, catalogue: Catalogue, parts: bool = False) -> list[str]:
    """Both roles' weights, task by task, grouped as the catalogue groups them."""
    rows: list[Bar] = []
    group = None
    for gid, tid, wa, wb in versus_rows(a, b, catalogue):
        if gid != group:
            group = gid
            rows.append(Bar(catalogue.group_by_id[gid].title, heading=True))
        rows.append(Bar(catalogue.task_by_id[tid].title, (wa, wb), (_level(wa), _level(wb))))
    return bar_charts(rows, [a.short, b.short], MAX_WEIGHT, "versus", f"{a.name} vs {b.name}, task by task", parts)


def versus_page(a: Role, b: Role, catalogue: Catalogue) -> str:
    mostly = []
    for x, y in ((a, b), (b, a)):
        more, _ = differences(x, y, catalogue)
        mostly.append((x.short, [catalogue.task_by_id[t].title for t in more]))
    return render.page(
        "versus.html.j2",
        title=f"rolefit: {a.name} vs {b.name}",
        catalogue=catalogue.version,
        a=a,
        b=b,
        chart=[render.markup(part) for part in versus_chart(a, b, catalogue, parts=True)],
        mostly=mostly,
    )


def versus_svg(a: Role, b: Role, catalogue: Catalogue) -> str:
    return svg.standalone(versus_chart(a, b, catalogue), f"rolefit: {a.name} vs {b.name}", render.chart_css())


def _rarely(role: Role, catalogue: Catalogue) -> list[str]:
    """The tasks the role rarely involves, at most a dozen named (a large catalogue has thousands)."""
    from rolefit.report.roles import rarely_involved

    titles, more = rarely_involved(role, catalogue)
    return [*titles, f"and {more} more task{'' if more == 1 else 's'}"] if more else titles
