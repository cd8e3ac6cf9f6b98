"""How firm, with many roles: the changes found are checked against every role with score(), and
are minimal (by brute force) where one or two changes suffice; passing the answers' score in
changes nothing."""

from __future__ import annotations

import random
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rolefit.model.answers import Answers, question_ids
from rolefit.model.catalogue import Catalogue
from rolefit.scoring.firmness import flip
from rolefit.scoring.fit import score

from helpers import answer_sets, small_catalogue

TASKS = 5
ROLES = 14


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    """Fourteen roles over five tasks, each with random weights on three to five of them: many
    rivals close to one another, so that a change helping against one often hurts against another."""
    rng = random.Random(20)
    folder = tmp_path_factory.mktemp("many")
    ids = [f"t{k}" for k in range(TASKS)]
    roles = {f"r{r}": {t: rng.choice([1, 2, 3]) for t in rng.sample(ids, rng.randint(3, TASKS))} for r in range(ROLES)}
    return small_catalogue(folder, ids, roles)


def first(catalogue: Catalogue, answers: Answers, target: str) -> bool:
    """Whether the target is strictly above every other role, as score() ranks them: fits rounded to
    nine places, so that a tie split only by floating-point noise (51.62500000000001 against 51.625)
    is still a tie, which score() gives to the role listed first."""
    fits = {f.role.id: round(f.score, 9) for f in score(catalogue, answers).fits}
    return all(fits[target] > s for r, s in fits.items() if r != target)


def changed(catalogue: Catalogue, answers: Answers, questions: tuple[str, ...]) -> list[Answers]:
    """The answers with each of ``questions`` changed to another value, every combination."""
    out = [answers]
    for q in questions:
        out = [a.with_answer(q, v) for a in out for v in range(5) if v != answers.value(q)]
    return out


def fewest_up_to_two(catalogue: Catalogue, answers: Answers, target: str) -> int | None:
    """By brute force with score(): 0, 1 or 2 if that many changes can put the target first, else None."""
    ids = question_ids(catalogue)
    for n in (0, 1, 2):
        for qs in combinations(ids, n):
            if any(first(catalogue, a, target) for a in changed(catalogue, answers, qs)):
                return n
    return None


@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_changes_put_the_target_above_every_role(many: Catalogue, data: st.DataObject) -> None:
    """Whatever the target, the changes found leave it strictly above all fourteen roles, as score()
    ranks the changed answers; the margin is score()'s."""
    answers = data.draw(answer_sets(many))
    target = data.draw(st.sampled_from([None, *(r.id for r in many.roles)]))
    result = flip(many, answers, target)
    if result is None:
        return
    after = score(many, result.apply(answers))
    assert after.top.role.id == result.target
    assert first(many, result.apply(answers), result.target)
    assert result.margin_after == pytest.approx(after.margin, abs=1e-9)


@settings(max_examples=12, deadline=None)
@given(data=st.data())
def test_minimal_when_two_or_fewer_suffice(many: Catalogue, data: st.DataObject) -> None:
    """Against brute force over every single change and every pair: when one or two changes can put
    the target first, flip finds that many, never more; when flip finds none, neither can two."""
    answers = data.draw(answer_sets(many))
    target = data.draw(st.sampled_from([r.id for r in many.roles]))
    fewest = fewest_up_to_two(many, answers, target)
    result = flip(many, answers, target)
    if fewest is not None:
        assert result is not None
        assert result.count == fewest
    elif result is not None:
        assert result.count > 2


def test_a_pair_when_the_greedy_pass_gets_stuck(many: Catalogue) -> None:
    """Found by the property above: the first pass, against the three roles ahead of r10, finds a
    pair that would let two more overtake it; against all five, the greedy pass gets stuck, and the
    pair check alone finds the two changes that put r10 first."""
    answers = Answers(
        skill={"t0": 4, "t1": 0, "t2": 0, "t3": 3, "t4": 0},
        interest={"t0": 1, "t1": 0, "t2": 2, "t3": 0, "t4": 3},
    )
    assert fewest_up_to_two(many, answers, "r10") == 2
    result = flip(many, answers, "r10")
    assert result is not None
    assert result.count == 2
    assert first(many, result.apply(answers), "r10")


@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_passing_the_score_in_changes_nothing(many: Catalogue, data: st.DataObject) -> None:
    """A caller that has scored the answers already (as a report has) gets the same flip."""
    answers = data.draw(answer_sets(many))
    assert flip(many, answers, result=score(many, answers)) == flip(many, answers)
