"""What would change the result: rolefit.scoring.firmness, tested against score() rather than its own arithmetic."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rolefit.catalogue.load import load_catalogue
from rolefit.errors import UnknownRoleError
from rolefit.model.answers import Answers, complete, question_ids
from rolefit.model.catalogue import Catalogue, Role
from rolefit.scoring.firmness import FIRM_CHANGES, Change, Flip, describe, flip
from rolefit.scoring.fit import HYBRID_MARGIN, FitResult, score

from helpers import answer_sets, persona, small_catalogue

CAT = load_catalogue()
ROLE_IDS = [r.id for r in CAT.roles]
levels = st.integers(min_value=0, max_value=4)


def leads(result: FitResult, target: str) -> bool:
    """The target scores strictly above every other role."""
    fits = {f.role.id: f.score for f in result.fits}
    return all(fits[target] > s for r, s in fits.items() if r != target)


def allowed(catalogue: Catalogue, question: str) -> list[int | str]:
    kind, _, key = question.partition(":")
    if kind == "context":
        return [c.id for c in catalogue.context_by_id[key].choices]
    return list(range(5))


def single_changes(catalogue: Catalogue, answers: Answers) -> list[Answers]:
    """The answers with one question changed, for every question and every other allowed value."""
    out = []
    for q in question_ids(catalogue):
        for value in allowed(catalogue, q):
            if value != answers.value(q):
                out.append(answers.with_answer(q, value))
    return out


def walk(catalogue: Catalogue, a: str, b: str) -> list[Answers]:
    """Role a's persona turned into role b's one task at a time (both answers at once), every step."""
    answers, end = complete(persona(catalogue, a), catalogue), persona(catalogue, b)
    steps = []
    for task in catalogue.tasks:
        answers = answers.with_answer(f"skill:{task.id}", end.skill[task.id])
        answers = answers.with_answer(f"interest:{task.id}", end.interest[task.id])
        steps.append(answers)
    return steps


def hybrid_between(catalogue: Catalogue, a: str, b: str) -> Answers:
    """The first answers on the walk from role a's persona to role b's whose result is a hybrid."""
    return next(answers for answers in walk(catalogue, a, b) if score(catalogue, answers).margin < HYBRID_MARGIN)


# -- what the changes do -------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(answer_sets(), st.sampled_from([None, *ROLE_IDS]))
def test_applying_the_changes_puts_the_target_first(answers: Answers, target: str | None) -> None:
    """After the changes, score() ranks the target first, strictly above every other role, by margin_after."""
    result = flip(CAT, answers, target)
    assert result is not None  # every built-in role can be put first
    after = score(CAT, result.apply(answers))
    assert after.top.role.id == result.target
    assert leads(after, result.target)
    assert result.margin_after == pytest.approx(after.margin, abs=1e-9)
    assert result.margin_after > 0


@settings(max_examples=60, deadline=None)
@given(answer_sets(), st.sampled_from([None, *ROLE_IDS]))
def test_changes_are_well_formed(answers: Answers, target: str | None) -> None:
    """Each question changes at most once, from its current answer to another allowed value; the gains
    add up to the change in margin, which starts at the target's distance from the top."""
    result = flip(CAT, answers, target)
    assert result is not None
    before = score(CAT, answers)
    fits = {f.role.id: f.score for f in before.fits}
    expected_before = fits[result.target] - max(s for r, s in fits.items() if r != result.target)
    assert result.margin_before == pytest.approx(expected_before, abs=1e-9)
    questions = [c.question for c in result.changes]
    assert len(questions) == len(set(questions))
    for change in result.changes:
        assert change.old == answers.value(change.question)
        assert change.new != change.old
        assert change.new in allowed(CAT, change.question)
    total = sum(c.gain for c in result.changes)
    assert total == pytest.approx(result.margin_after - result.margin_before, abs=1e-6)
    if target is None:
        assert result.target == before.fits[1].role.id


@settings(max_examples=25, deadline=None)
@given(answer_sets())
def test_no_fewer_changes_would_do(answers: Answers) -> None:
    """Minimality, by brute force with score(): when one change is returned, the answers as they are do not
    put the runner-up first; when two are, no single change of any question to any value does."""
    result = flip(CAT, answers)
    assert result is not None
    assert result.count >= 1  # the runner-up is not already top
    assert not leads(score(CAT, answers), result.target)
    if result.count == 2:
        assert not any(leads(score(CAT, changed), result.target) for changed in single_changes(CAT, answers))


@pytest.mark.parametrize(("a", "b"), [("data-person", "rnd"), ("product", "rnd"), ("rnd", "product")])
def test_minimal_where_two_changes_are_needed(a: str, b: str) -> None:
    """Turning role a's persona into role b's task by task, there is a point where putting b first takes
    exactly two changes; there, no single change of any question to any value does it (brute force)."""
    for answers in walk(CAT, a, b):
        result = flip(CAT, answers, b)
        assert result is not None
        if result.count == 2:
            assert leads(score(CAT, result.apply(answers)), b)
            assert not any(leads(score(CAT, changed), b) for changed in single_changes(CAT, answers))
            return
    pytest.fail("no point on the way needed exactly two changes")


@settings(max_examples=25, deadline=None)
@given(answer_sets())
def test_result_does_not_depend_on_the_order_answers_were_written(answers: Answers) -> None:
    """The same answers give the same changes, in whatever order the answers were written."""
    shuffled = Answers(
        skill=dict(reversed(list(answers.skill.items()))),
        interest=dict(reversed(list(answers.interest.items()))),
        context=dict(reversed(list(answers.context.items()))),
    )
    assert flip(CAT, answers) == flip(CAT, shuffled)


# -- how firm a result is --------------------------------------------------------------------------


@pytest.mark.parametrize(("a", "b"), [(a, b) for a in ROLE_IDS for b in ROLE_IDS if a != b])
def test_a_persona_takes_several_changes_a_hybrid_one_or_two(a: str, b: str) -> None:
    """Someone wholly of role a needs several changes to come out as role b; a hybrid (top two under
    HYBRID_MARGIN apart) needs one or two to swap its top two."""
    result = flip(CAT, persona(CAT, a), b)
    assert result is not None
    assert result.count >= 3
    answers = hybrid_between(CAT, a, b)
    assert score(CAT, answers).margin < HYBRID_MARGIN
    close = flip(CAT, answers)
    assert close is not None
    assert 1 <= close.count <= 2


@pytest.mark.parametrize("role", ROLE_IDS)
def test_target_already_on_top_needs_no_change(role: str) -> None:
    """Asking for the current top role is not an error: the flip has no changes and its margins are the lead."""
    answers = persona(CAT, role)
    result = flip(CAT, answers, role)
    assert result is not None
    assert result.changes == ()
    assert result.margin_before == result.margin_after == pytest.approx(score(CAT, answers).margin)
    assert describe(result, CAT).startswith(f"{CAT.role_by_id[role].name} is already your top role")


def test_target_by_name_and_unknown_target() -> None:
    """A target may be named as find_role reads it; an unknown one is the usual UnknownRoleError."""
    answers = persona(CAT, "product")
    assert flip(CAT, answers, "R&D data scientist") == flip(CAT, answers, "rnd")
    with pytest.raises(UnknownRoleError):
        flip(CAT, answers, "astronaut")


def test_missing_answers_count_as_defaults() -> None:
    """Partial answers are flipped as score() sees them: missing ones at their defaults."""
    partial = Answers(skill={"build-models": 4}, interest={"build-models": 4})
    assert flip(CAT, partial) == flip(CAT, complete(partial, CAT))


def test_scores_each_candidate_analytically(monkeypatch: pytest.MonkeyPatch) -> None:
    """The search does not re-score per candidate change: score() runs only before and to check the result."""
    calls = []

    def counting(catalogue: Catalogue, answers: Answers, roles: Sequence[Role] | None = None) -> FitResult:
        calls.append(1)
        return score(catalogue, answers, roles)

    monkeypatch.setattr("rolefit.scoring.firmness.score", counting)
    result = flip(CAT, persona(CAT, "data-person"), "rnd")
    assert result is not None
    assert result.count > FIRM_CHANGES
    assert len(calls) <= 2


# -- tiny catalogues -----------------------------------------------------------------------------


def tiny_catalogue(folder: Path, target_weights: dict[str, float]) -> Catalogue:
    """Four tasks; role 'left' does t1 and t2, 'right' t3 and t4, and 'middle' has the weights given."""
    roles: dict[str, dict[str, float]] = {"left": {"t1": 3, "t2": 3}, "right": {"t3": 3, "t4": 3}}
    roles["middle"] = target_weights
    return small_catalogue(folder, [f"t{k}" for k in range(1, 5)], roles)


@pytest.fixture(scope="module")
def average_catalogue(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    """A catalogue whose 'middle' role weights all four tasks equally: its profile is the average of
    'left' and 'right', so its fit is always the average of theirs."""
    return tiny_catalogue(tmp_path_factory.mktemp("average") / "c", {"t1": 1, "t2": 1, "t3": 1, "t4": 1})


@settings(max_examples=30, deadline=None)
@given(st.lists(levels, min_size=8, max_size=8))
def test_none_when_the_target_can_never_win(average_catalogue: Catalogue, values: list[int]) -> None:
    """A role that always scores the average of two others can never be strictly first, whatever the
    answers: flip says None (and the role indeed is not first)."""
    ids = ["t1", "t2", "t3", "t4"]
    answers = Answers(skill=dict(zip(ids, values[:4], strict=True)), interest=dict(zip(ids, values[4:], strict=True)))
    assert not leads(score(average_catalogue, answers), "middle")
    assert flip(average_catalogue, answers, "middle") is None


def test_a_third_role_is_kept_behind_too(tmp_path: Path) -> None:
    """With all three roles level, every single change that helps the middle role against one side lifts
    the other side above it; the flip finds the two changes that together beat both, which score() confirms."""
    catalogue = tiny_catalogue(tmp_path / "c", {"t1": 2, "t2": 0.5, "t3": 0.5, "t4": 2})
    answers = complete(Answers(), catalogue)
    assert not leads(score(catalogue, answers), "middle")
    assert not any(leads(score(catalogue, changed), "middle") for changed in single_changes(catalogue, answers))
    result = flip(catalogue, answers, "middle")
    assert result is not None
    assert result.count == 2
    assert leads(score(catalogue, result.apply(answers)), "middle")


def test_single_role_catalogue_has_nothing_to_flip(tmp_path: Path) -> None:
    """With one role there is no runner-up: None."""
    catalogue = tiny_catalogue(tmp_path / "c", {"t1": 1})
    only = Catalogue(
        version=catalogue.version,
        stages=catalogue.stages,
        groups=catalogue.groups,
        tasks=catalogue.tasks,
        roles=catalogue.roles[:1],
        context=(),
    )
    assert flip(only, Answers()) is None


# -- describe ------------------------------------------------------------------------------------


def test_describe_names_tasks_choices_and_the_role() -> None:
    """The line uses task titles, context choice labels and the role's name."""
    changes = (
        Change("interest:implement-papers", 2, 4, 1.5),
        Change("context:organisation", "no-preference", "ml-startup", 1.0),
    )
    line = describe(Flip("rnd", changes, -2.0, 0.5), CAT)
    task = CAT.task_by_id["implement-papers"].title
    org = CAT.context_by_id["organisation"]
    labels = {c.id: c.label for c in org.choices}
    assert line == (
        f"Changing 2 of the answers you gave would make R&D data scientist your top role: interest in '{task}' 2 → 4, "
        f"'{org.title}' '{labels['no-preference']}' → '{labels['ml-startup']}'."
    )


def test_describe_one_change_is_singular() -> None:
    changes = (Change("skill:build-models", 1, 3, 2.0),)
    line = describe(Flip("product", changes, -1.0, 1.0), CAT)
    start = "Changing 1 of the answers you gave would make Product data scientist your top role: skill in '"
    assert line.startswith(start)
    assert line.endswith("' 1 → 3.")


def test_describe_a_firm_result_briefly() -> None:
    """More than FIRM_CHANGES changes: just say how many."""
    result = flip(CAT, persona(CAT, "data-person"), "rnd")
    assert result is not None
    assert result.count > FIRM_CHANGES
    assert describe(result, CAT) == (
        f"Your result is firm: it would take {result.count} changed answers to put R&D data scientist first."
    )


def test_describe_a_real_flip_mentions_every_change() -> None:
    answers = hybrid_between(CAT, "data-person", "rnd")
    result = flip(CAT, answers)
    assert result is not None
    line = describe(result, CAT)
    assert CAT.role_by_id[result.target].name in line
    assert line.count("→") == result.count


@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_tasks_only_never_changes_a_context_answer(data: st.DataObject) -> None:
    """With tasks_only, every change is a skill or interest answer, and the changes still put the target first."""
    cat = load_catalogue()
    answers = Answers(
        skill={t.id: data.draw(st.integers(0, 4)) for t in cat.tasks},
        interest={t.id: data.draw(st.integers(0, 4)) for t in cat.tasks},
        context={q.id: data.draw(st.sampled_from([c.id for c in q.choices])) for q in cat.context},
    )
    result = flip(cat, answers, tasks_only=True)
    assert result is not None
    assert all(not c.question.startswith("context:") for c in result.changes)
    assert score(cat, result.apply(answers)).top.role.id == result.target
