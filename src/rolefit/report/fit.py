"""The fit report: one model of what a report says, rendered as terminal text, Markdown and JSON.

:func:`build` scores the answers and works out everything a report shows: the ranking, the
chart, the roles explained and every sentence, with each number rounded once (:func:`shown`)
to the precision it is shown at. A contribution is listed only when it is not zero at that
precision, and one rule says when the runner-up is explained too. The renderers only lay it
out, so the terminal and Markdown always say the same thing. JSON keeps its own, finer
precision (:mod:`rolefit.report.data`).
"""

from __future__ import annotations

from dataclasses import dataclass

from rolefit.model.answers import INTEREST_SHORT, SKILL_SHORT, Answers
from rolefit.model.catalogue import Catalogue
from rolefit.report.data import SCALE as data_scale
from rolefit.report.text import shown
from rolefit.report.words import (
    NO_FRICTION,
    NO_FRICTION_ASKED,
    NOT_ASKED_CORE,
    NOTHING_ASKED_TO_LEARN,
    NOTHING_TO_LEARN,
)
from rolefit.scoring import firmness
from rolefit.scoring.fit import (
    CONTEXT_WEIGHT,
    HYBRID_MARGIN,
    INTEREST_WEIGHT,
    READINESS_WEIGHT,
    Contribution,
    FitResult,
    RoleFit,
    asked_only,
    group_points,
    score,
    unasked_core,
)

#: The ranking shows this many roles unless told otherwise (a large catalogue has hundreds).
SHOWN_ROLES = 10
#: The chart of points per task group has a column for each of this many best fits at most.
CHART_ROLES = 4
#: The runner-up is explained too when it is this close to the best fit (a hybrid always is).
RUNNER_UP_MARGIN = 2 * HYBRID_MARGIN
#: How many tasks "What raised the fit" and "What lowered it" list at most.
MOVERS = 5

FORMULA = (
    f"Fit = {INTEREST_WEIGHT:.0%} interest (what you like) + {READINESS_WEIGHT:.0%} readiness "
    f"(your skills) + {CONTEXT_WEIGHT:.0%} context."
)
SCALE = data_scale
#: More than this share of the questions not asked, and the report is provisional.
PROVISIONAL_SHARE = 1 / 3


def provisional(not_asked: int, questions: int) -> bool:
    """Whether more than a third of the questions were not asked."""
    return not_asked > questions * PROVISIONAL_SHARE


def provisional_note(not_asked: int, questions: int) -> str:
    return f"Provisional: {not_asked} of {questions} questions were not asked; a full quiz may differ."


def more_roles(hidden: int, total: int) -> str:
    """The line under a ranking cut short."""
    noun = "role" if hidden == 1 else "roles"
    return f"...and {hidden} more {noun}: --top {total} lists them all, as does --format json."


@dataclass(frozen=True)
class Ranked:
    """A row of the ranking; numbers as shown (whole points)."""

    rank: int
    role: str
    name: str
    score: float
    interest: float
    readiness: float
    #: The exact fit, for the length of its bar.
    exact: float


@dataclass(frozen=True)
class Line:
    """A task that raised or lowered a fit: ``points`` as shown (one decimal, never zero)."""

    points: float
    title: str
    skill: int | str  # "-" for a question not asked (its neutral stand-in is not the person's)
    skill_word: str
    interest: int | str
    interest_word: str

    @property
    def signed(self) -> str:
        return f"{self.points:+.1f}"

    @property
    def skill_text(self) -> str:
        """'2 done it', or 'not asked'."""
        return NOT_ASKED if self.skill == "-" else f"{self.skill} {self.skill_word}"

    @property
    def interest_text(self) -> str:
        return NOT_ASKED if self.interest == "-" else f"{self.interest} {self.interest_word}"


@dataclass(frozen=True)
class ChartRow:
    """A task group and the points it gave each charted role, as shown (one decimal)."""

    short: str
    title: str
    points: tuple[float, ...]


@dataclass(frozen=True)
class Explained:
    """Why one role fits: what the report says under its name."""

    role: str
    name: str
    summary: str
    context_note: str
    raised: tuple[Line, ...]
    lowered: tuple[Line, ...]
    outside_note: str
    learn_next: tuple[tuple[str, str], ...]
    friction: tuple[str, ...]
    organisations: tuple[str, ...]
    evolution: tuple[tuple[str, str], ...]
    #: The role's core tasks not asked (titles): learn next and friction say nothing about them.
    not_asked_core: tuple[str, ...] = ()
    #: Whether the interest in one of them was not asked (friction is read from interests).
    interest_not_asked: bool = False

    @property
    def not_asked_note(self) -> str:
        """'with a question not asked: X (skill), Y', or "" when every core task was asked."""
        return f"{NOT_ASKED_CORE}: {', '.join(self.not_asked_core)}" if self.not_asked_core else ""

    @property
    def nothing_to_learn(self) -> str:
        """What "learn next" says when it lists nothing: a core task's skill not asked is not a skill had."""
        return NOTHING_ASKED_TO_LEARN if self.not_asked_core else NOTHING_TO_LEARN

    @property
    def no_friction(self) -> str:
        """What "friction" says when it lists nothing: an interest not asked is not one you don't mind."""
        return NO_FRICTION_ASKED if self.interest_not_asked else NO_FRICTION


@dataclass(frozen=True)
class FitReport:
    """What a fit report says.

    ``result``, ``flip`` and ``top`` (None: every role) are what the JSON report is made of;
    the other fields are the report as the terminal and Markdown show it.
    """

    result: FitResult
    catalogue: Catalogue
    flip: firmness.Flip | None = None
    firmness: str = ""
    #: Whether "how firm" was not worked out (a search stopped at its budget; ``firmness`` says so).
    firmness_skipped: bool = False
    not_asked: int = 0
    top: int | None = None
    lead: str = ""
    title: str = ""
    hybrid_note: str = ""
    ranking: tuple[Ranked, ...] = ()
    more_roles: str = ""
    not_asked_note: str = ""
    chart_roles: tuple[str, ...] = ()
    chart: tuple[ChartRow, ...] = ()
    explained: tuple[Explained, ...] = ()
    read_more: str = ""
    #: How many questions the catalogue has, and whether so many were not asked that the result is provisional.
    questions: int = 0
    provisional: bool = False
    provisional_note: str = ""
    #: (role id, its core task ids not asked) per explained role, for JSON.
    not_asked_core: tuple[tuple[str, tuple[str, ...]], ...] = ()


def runner_up_shown(result: FitResult) -> bool:
    """Whether the report explains the second-best role too: a hybrid, or nearly one."""
    return len(result.fits) > 1 and result.margin < RUNNER_UP_MARGIN


#: What a line shows for an answer not given.
NOT_ASKED = "not asked"


def _lines(items: list[Contribution], catalogue: Catalogue, given: Answers | None = None) -> tuple[Line, ...]:
    def line(c: Contribution) -> Line:
        skill = given is None or c.task in given.skill
        interest = given is None or c.task in given.interest
        return Line(
            shown(c.points),
            catalogue.task_by_id[c.task].title,
            c.skill if skill else "-",
            SKILL_SHORT[c.skill] if skill else NOT_ASKED,
            c.interest if interest else "-",
            INTEREST_SHORT[c.interest] if interest else NOT_ASKED,
        )

    return tuple(line(c) for c in items)


def movers(fit: RoleFit) -> tuple[list[Contribution], list[Contribution]]:
    """The tasks that raised the fit most and lowered it most, only those not zero as shown."""
    up = [c for c in fit.contributions if shown(c.points) > 0]
    down = [c for c in fit.contributions if shown(c.points) < 0]
    return sorted(up, key=lambda c: -c.points)[:MOVERS], sorted(down, key=lambda c: c.points)[:MOVERS]


def explain(
    fit: RoleFit, catalogue: Catalogue, unasked: tuple[str, ...] = (), given: Answers | None = None
) -> Explained:
    role, tasks = fit.role, catalogue.task_by_id
    context = shown(fit.context_points)
    context_note = ""
    if context:
        verb = "added" if context > 0 else "took off"
        context_note = f"Your context answers {verb} {abs(context):.1f} points."
    outside = shown(fit.outside_points)
    outside_note = (
        f"Your interest in the tasks outside this role {'added' if outside > 0 else 'took off'} "
        f"{abs(outside):.1f} points (liking them counts against it, avoiding them for it)."
        if outside
        else ""
    )
    up, down = movers(fit)
    return Explained(
        role=role.id,
        name=role.name,
        summary=f"fit {shown(fit.score, 0):.0f}/100 · interest {shown(fit.interest, 0):.0f} · "
        f"readiness {shown(fit.readiness, 0):.0f}",
        context_note=context_note,
        raised=_lines(up, catalogue, given),
        lowered=_lines(down, catalogue, given),
        outside_note=outside_note,
        learn_next=tuple((tasks[t].title, tasks[t].description) for t in fit.learn_next),
        friction=tuple(tasks[t].title for t in fit.friction),
        organisations=tuple(o.description for o in role.organisations),
        evolution=tuple((p.when, p.description) for p in role.evolution),
        not_asked_core=tuple(f"{tasks[t].title}{_which(t, given)}" for t in unasked),
        interest_not_asked=given is not None and any(given.interest.get(t) is None for t in unasked),
    )


def _which(task: str, given: Answers | None) -> str:
    """' (skill)' or ' (interest)' when only that question of the task was not asked."""
    if given is None:
        return ""
    skill, interest = given.skill.get(task) is None, given.interest.get(task) is None
    return " (skill)" if skill and not interest else " (interest)" if interest and not skill else ""


def how_firm(
    catalogue: Catalogue,
    answers: Answers,
    result: FitResult,
    given: Answers | None = None,
    asked: list[str] | None = None,
) -> tuple[firmness.Flip | None, str, bool]:
    """The "how firm" step of a report: the flip found (None: none, or not worked out), the line
    saying it ("" when there is nothing to say), and whether it was not worked out. A search
    stopped at its budget says so in the line; JSON then has ``"what_would_change": null`` and the
    line as ``what_would_change_skipped``.
    ``given``: the answers as given, before defaults were filled in; only those may change
    (``asked``: their questions, if the caller has them)."""
    if not firmness.firmness_applies(catalogue):
        return None, "", False
    try:
        # Context answers are statements of preference; "how firm" asks what in your skills and
        # interests would have to differ.
        if asked is None and given is not None:
            asked = asked_questions(catalogue, given)
        flip = firmness.flip(catalogue, answers, tasks_only=True, result=result, questions=asked)
    except firmness.TooLarge as error:
        return None, firmness.describe_too_large(error), True
    if flip is None:
        runner = result.fits[1].role.name
        count = "" if asked is None else f"{sum(not q.startswith('context:') for q in asked)} "
        return None, f"No change to your {count}skill and interest answers would put {runner} first.", False
    return flip, firmness.describe(flip, catalogue), False


def proven_top(catalogue: Catalogue, given: Answers, asked: list[str] | None = None) -> bool:
    """Whether no answers to the questions not given could change the top role (the adaptive
    quiz's stop, as a proof). ``asked``: the questions ``given`` answers, if the caller has them."""
    from rolefit.scoring.settle import Race

    questions = asked if asked is not None else asked_questions(catalogue, given)
    race = Race(catalogue)
    race.answer_all((q, v) for q in questions if (v := given.value(q)) is not None)
    return race.settled


def asked_questions(catalogue: Catalogue, given: Answers) -> list[str]:
    """The catalogue's questions that ``given`` answers, in the order of :func:`question_ids`
    (found from the answers, not by looking up every question of a large catalogue)."""
    out = [f"context:{q.id}" for q in catalogue.context if q.id in given.context]
    tasks = sorted(
        (t for t in {*given.skill, *given.interest} if t in catalogue.task_rank), key=catalogue.task_rank.__getitem__
    )
    for task in tasks:
        out += [
            f"{kind}:{task}" for kind, part in (("skill", given.skill), ("interest", given.interest)) if task in part
        ]
    return out


def build(
    catalogue: Catalogue,
    answers: Answers,
    *,
    given: Answers | None = None,
    not_asked: int = 0,
    top: int | None = None,
) -> FitReport:
    """The report for complete ``answers``; ``top`` roles ranked (None: 10, and every role in JSON).

    ``given``: the answers as given, before defaults were filled in. With it, "how firm" changes
    only given answers, learn next and friction list only given tasks (and each explained role
    says which of its core tasks were not asked), and ``not_asked`` is counted from it.
    """
    questions = len(catalogue.context) + 2 * len(catalogue.tasks)
    result = score(catalogue, answers)
    asked = asked_questions(catalogue, given) if given is not None else None
    if given is not None and asked is not None:  # (both, for the type checker)
        not_asked = questions - len(asked)
        result = asked_only(result, given)
    flip, said, skipped = how_firm(catalogue, answers, result, given, asked)
    listed = top or SHOWN_ROLES
    fits = result.fits
    charted = fits[: min(listed, CHART_ROLES)]
    per_role = [group_points(f, catalogue) for f in charted]
    tied = result.tied
    explained = [result.top, *([fits[1]] if runner_up_shown(result) else [])]
    unasked = [unasked_core(f, given) if given is not None else () for f in explained]
    hidden = len(fits) - listed
    is_provisional = provisional(not_asked, questions)
    settled = given is not None and not_asked > 0 and not result.tied and proven_top(catalogue, given, asked)
    if settled:
        is_provisional = False  # a proof, not an estimate: no answer to the rest could change the top role
    if tied:
        lead, note = "Your fit: ", ""  # the title says there is no clear lead
    elif result.hybrid:
        lead, note = "Your fit: ", f" (a hybrid: {shown(result.margin):.1f} points apart)"
    else:
        lead, note = "Your best fit: ", ""
    return FitReport(
        result,
        catalogue,
        flip,
        said,
        skipped,
        not_asked,
        top,
        lead=lead,
        title=result.title,
        hybrid_note=note,
        ranking=tuple(
            Ranked(k, f.role.id, f.role.name, shown(f.score, 0), shown(f.interest, 0), shown(f.readiness, 0), f.score)
            for k, f in enumerate(fits[:listed], 1)
        ),
        more_roles=more_roles(hidden, len(fits)) if hidden > 0 else "",
        not_asked_note=(
            f"{not_asked} questions were not asked: whatever their answers, {result.top.role.name} stays "
            + (
                f"first, if for now by less than {HYBRID_MARGIN:g} points"
                if result.tied or result.hybrid
                else "your top role"
            )
            + " (for the rest of the report they count as neutral, 2)."
            if settled
            else f"{not_asked} questions were not asked; they count as neutral (2)."
            if not_asked
            else ""
        ),
        chart_roles=tuple(f.role.short for f in charted),
        chart=tuple(ChartRow(g.short, g.title, tuple(shown(p[g.id]) for p in per_role)) for g in catalogue.groups),
        explained=tuple(explain(f, catalogue, u, given) for f, u in zip(explained, unasked, strict=True)),
        read_more="Read more: " + " or ".join(f"rolefit explain {f.role.id}" for f in explained),
        questions=questions,
        provisional=is_provisional,
        provisional_note=provisional_note(not_asked, questions) if is_provisional else "",
        not_asked_core=tuple((f.role.id, u) for f, u in zip(explained, unasked, strict=True)),
    )
