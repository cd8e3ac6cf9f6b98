"""The scorer, tested by its properties rather than by fixed numbers."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rolefit.catalogue.load import load_catalogue
from rolefit.model.answers import Answers, complete
from rolefit.scoring.fit import CONTEXT_WEIGHT, HYBRID_MARGIN, NEUTRAL, discriminating_tasks, fit_role, score

from helpers import answer_sets, persona, uniform

CAT = load_catalogue()
TASK_IDS = [t.id for t in CAT.tasks]
levels = st.integers(min_value=0, max_value=4)


@given(answer_sets())
def test_scores_lie_between_0_and_100(answers: Answers) -> None:
    """Every fit and both axes are within 0-100."""
    for fit in score(CAT, answers):
        for value in (fit.score, fit.interest, fit.readiness, fit.context):
            assert 0.0 <= value <= 100.0


@given(answer_sets())
def test_fit_decomposes_into_contributions(answers: Answers) -> None:
    """A fit is 50 plus its tasks' contributions, the outside-interest term and the context's, as the report shows."""
    for fit in score(CAT, answers):
        total = NEUTRAL + math.fsum(c.points for c in fit.contributions) + fit.outside_points + fit.context_points
        assert fit.score == pytest.approx(total, abs=1e-9)


@given(answer_sets())
def test_ranked_best_first(answers: Answers) -> None:
    """Fits come best first, and the margin is the gap between the top two. (Scores equal but for
    the last bits of a float, 52.625 and 52.62500000000001 from sums in another order, are a tie,
    which the catalogue's order of roles breaks, so that the ranking does not hang on rounding.)"""
    result = score(CAT, answers)
    scores = [f.score for f in result]
    rounded = [round(s, 9) for s in scores]
    assert rounded == sorted(rounded, reverse=True)
    order = [r.id for r in CAT.roles]
    for a, b in itertools.pairwise(result):
        if round(a.score, 9) == round(b.score, 9):
            assert order.index(a.role.id) < order.index(b.role.id)
    assert result.margin == pytest.approx(scores[0] - scores[1])


@pytest.mark.parametrize("role_id", [r.id for r in CAT.roles])
def test_persona_of_a_role_ranks_it_first(role_id: str) -> None:
    """Someone who is good at and loves one role's core tasks (only) fits that role best."""
    result = score(CAT, complete(persona(CAT, role_id), CAT))
    assert result.top.role.id == role_id
    assert result.hybrid is None


@pytest.mark.parametrize("role_id", [r.id for r in CAT.roles])
@given(context=st.data())
def test_persona_wins_whatever_the_context(role_id: str, context: st.DataObject) -> None:
    """Context answers nudge a fit; they do not overturn a clear task profile."""
    chosen = {q.id: context.draw(st.sampled_from([c.id for c in q.choices])) for q in CAT.context}
    base = persona(CAT, role_id)
    answers = Answers(skill=base.skill, interest=base.interest, context=chosen)
    assert score(CAT, answers).top.role.id == role_id


def _core_and_unused() -> list[tuple[str, str, str]]:
    cases = []
    for a in CAT.roles:
        for rt in a.tasks:
            if rt.level != "core":
                continue
            for b in CAT.roles:
                if rt.task not in {x.task for x in b.tasks}:
                    cases.append((rt.task, a.id, b.id))
    return cases


CORE_UNUSED = _core_and_unused()


@settings(max_examples=200)
@given(answers=answer_sets(), case=st.sampled_from(CORE_UNUSED))
def test_more_interest_in_a_core_task_never_lowers_that_role(answers: Answers, case: tuple[str, str, str]) -> None:
    """Raising interest in a task never lowers a role where it is core relative to one without it."""
    task, core_role, other_role = case
    before = answers.interest[task]
    if before == 4:
        return
    raised = Answers(answers.skill, {**answers.interest, task: before + 1}, answers.context)
    a, b = CAT.role_by_id[core_role], CAT.role_by_id[other_role]
    gap_before = fit_role(a, CAT, answers).score - fit_role(b, CAT, answers).score
    gap_after = fit_role(a, CAT, raised).score - fit_role(b, CAT, raised).score
    assert gap_after > gap_before


@given(answer_sets(), st.sampled_from(TASK_IDS))
def test_more_skill_never_lowers_readiness(answers: Answers, task: str) -> None:
    """Readiness only grows with skill."""
    if answers.skill[task] == 4:
        return
    better = Answers({**answers.skill, task: answers.skill[task] + 1}, answers.interest, answers.context)
    for role in CAT.roles:
        assert fit_role(role, CAT, better).readiness >= fit_role(role, CAT, answers).readiness


def test_uniform_interest_is_neutral_on_the_interest_axis() -> None:
    """With no preference among tasks, interest fit depends only on the level of interest, equally."""
    for level in range(5):
        fits = score(CAT, uniform(CAT, 2, level))
        assert len({round(f.interest, 9) for f in fits}) == 1


def test_liking_a_role_s_tasks_raises_interest_above_neutral() -> None:
    """Loving a role's tasks and avoiding the rest puts its interest fit far above 50."""
    for role in CAT.roles:
        mine = {rt.task for rt in role.tasks}
        loves = Answers(skill=dict.fromkeys(TASK_IDS, 2), interest={t: 4 if t in mine else 0 for t in TASK_IDS})
        assert fit_role(role, CAT, loves).interest > NEUTRAL + 25


def test_research_lover_prefers_rnd_over_data_person_with_equal_skills() -> None:
    """Interest shape decides between roles when skills are equal (the issue's example)."""
    interest = dict.fromkeys(TASK_IDS, 2)
    interest.update({"implement-papers": 4, "build-models": 4, "bi-dashboards": 0})
    answers = Answers(skill=dict.fromkeys(TASK_IDS, 2), interest=interest)
    fits = {f.role.id: f for f in score(CAT, answers)}
    assert fits["rnd"].score > fits["data-person"].score
    assert fits["rnd"].readiness == pytest.approx(fits["data-person"].readiness)


@given(answer_sets())
def test_hybrid_exactly_when_the_top_two_are_close(answers: Answers) -> None:
    """A result is a hybrid exactly when its top two fits are under the margin apart, and says both."""
    result = score(CAT, answers)
    assert (result.hybrid is not None) == (result.margin < HYBRID_MARGIN and result.tied is None)
    if result.hybrid:
        assert result.label == f"{result.fits[0].role.short} / {result.fits[1].role.short}"
    elif result.tied:
        assert result.label == " / ".join(f.role.short for f in result.tied) + " (tied)"
    else:
        assert result.label == result.top.role.short


@pytest.mark.parametrize(("a", "b"), [("data-person", "product"), ("rnd", "product"), ("data-person", "rnd")])
def test_moving_from_one_persona_to_another_passes_through_a_hybrid(a: str, b: str) -> None:
    """Turning one role's persona into another's task by task, the lead changes hands through a
    hybrid of the two, not by a jump from one clear winner to the other."""
    start, end = persona(CAT, a), persona(CAT, b)
    answers = start
    labels = []
    for task in TASK_IDS:
        answers = Answers(
            {**answers.skill, task: end.skill[task]}, {**answers.interest, task: end.interest[task]}, answers.context
        )
        result = score(CAT, answers)
        close = result.hybrid or result.tied or ()
        labels.append((result.top.role.id, bool(close), {f.role.id for f in close}))
    assert labels[-1][0] == b
    assert any(hybrid and {a, b} <= group for _, hybrid, group in labels)


def test_clear_winner_is_not_a_hybrid() -> None:
    result = score(CAT, persona(CAT, "rnd"))
    assert result.margin >= HYBRID_MARGIN
    assert result.label == result.top.role.short


@given(answer_sets())
def test_learn_next_and_friction_follow_their_definitions(answers: Answers) -> None:
    """Learn next: core tasks liked (>= 3) but barely tried (<= 1); friction: core tasks disliked (<= 1)."""
    for fit in score(CAT, answers):
        core = {rt.task for rt in fit.role.tasks if rt.level == "core"}
        assert set(fit.learn_next) == {t for t in core if answers.interest[t] >= 3 and answers.skill[t] <= 1}
        assert set(fit.friction) == {t for t in core if answers.interest[t] <= 1}


def test_context_moves_the_fit_by_its_weight() -> None:
    """With neutral task answers, a fit is 50 plus the context's weighted distance from neutral."""
    base = uniform(CAT, 2, 2)
    for q in CAT.context:
        for choice in q.choices:
            answers = Answers(base.skill, base.interest, {q.id: choice.id})
            for fit in score(CAT, answers):
                assert fit.interest == pytest.approx(NEUTRAL)
                assert fit.readiness == pytest.approx(NEUTRAL)
                assert fit.score == pytest.approx(NEUTRAL + CONTEXT_WEIGHT * (fit.context - NEUTRAL))


def test_a_choice_favouring_a_role_raises_its_context() -> None:
    """Picking a choice with a higher affinity for a role gives that role a higher context score."""
    base = uniform(CAT, 2, 2)
    for q in CAT.context:
        for role in CAT.roles:
            ranked = sorted(q.choices, key=lambda c: c.roles.get(role.id, 0.5))
            low, high = ranked[0], ranked[-1]
            if low.roles.get(role.id, 0.5) == high.roles.get(role.id, 0.5):
                continue
            at = {
                c.id: fit_role(role, CAT, Answers(base.skill, base.interest, {q.id: c.id})).context for c in (low, high)
            }
            assert at[high.id] > at[low.id]


def test_quick_tasks_tell_every_role_apart() -> None:
    """The quick form's tasks include one that each role weights most, and stay in catalogue order."""
    picked = discriminating_tasks(CAT, 5)
    assert len(picked) == 5
    order = [t.id for t in CAT.tasks_in_order()]
    assert picked == [t for t in order if t in picked]
    for role in CAT.roles:
        mine = {rt.task: rt.weight for rt in role.tasks}
        assert any(
            mine.get(t, 0)
            > max(
                (o_w for o in CAT.roles if o.id != role.id for x in o.tasks if x.task == t for o_w in [x.weight]),
                default=0,
            )
            for t in picked
        ), role.id


def test_quick_tasks_never_exceed_the_catalogue() -> None:
    assert len(discriminating_tasks(CAT, 1000)) <= len(CAT.tasks)
    assert discriminating_tasks(CAT, 0) == []


@given(answer_sets())
def test_fit_matches_the_documented_formula(answers: Answers) -> None:
    """The scorer (which skips the tasks a role does not involve) equals the formula in scoring.py, term by term."""
    n = len(CAT.tasks)
    for fit in score(CAT, answers):
        weights = {rt.task: rt.weight for rt in fit.role.tasks}
        p = {t: w / sum(weights.values()) for t, w in weights.items()}
        interest = 50 + 100 / 16 * sum((3 * p.get(t, 0) - 1 / n) * (answers.interest[t] - 2) for t in TASK_IDS)
        readiness = 50 + 100 / 4 * sum(p.get(t, 0) * (answers.skill[t] - 2) for t in TASK_IDS)
        assert fit.interest == pytest.approx(min(100, max(0, interest)), abs=1e-9)
        assert fit.readiness == pytest.approx(min(100, max(0, readiness)), abs=1e-9)
