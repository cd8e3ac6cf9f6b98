"""How firm, bounded: the search stops at its budget of work whatever the catalogue's size, and the
report then says so; within the budget, the answers are those of the unbounded search, and
questions on tasks no role followed involves are never candidates."""

from __future__ import annotations

import dataclasses
import json

import pytest
from hypothesis import given, settings

from rolefit.catalogue.load import load_catalogue
from rolefit.model.answers import Answers
from rolefit.model.catalogue import Catalogue, Group, Organisation, Role, RoleTask, Stage, Task
from rolefit.report.data import fit_report_json
from rolefit.report.fit import build, how_firm
from rolefit.scoring import firmness
from rolefit.scoring.firmness import WORK_BUDGET, TooLarge, flip
from rolefit.scoring.fit import score

from helpers import answer_sets

CAT = load_catalogue()


def make_catalogue(tasks: int, roles: list[list[tuple[int, int]]]) -> Catalogue:
    """``tasks`` tasks t0, t1, ...; each role a list of (task number, weight). Built in memory (the
    data model itself): validating 7,500 tasks from YAML would cost seconds and test nothing here."""
    ids = [f"t{k}" for k in range(tasks)]
    return Catalogue(
        "0.1",
        (Stage("s", "Stage", "The only stage."),),
        (Group("g", "Group", "group"),),
        tuple(Task(t, f"Task {t}", "g", f"{t}.", "s") for t in ids),
        tuple(
            Role(
                f"r{r}",
                f"Role {r}",
                f"r{r}",
                f"Role {r}.",
                tuple(RoleTask(ids[k], float(w), "inferred") for k, w in tasks_of),
                (Organisation("any", "Anywhere."),),
            )
            for r, tasks_of in enumerate(roles)
        ),
        (),
    )


@pytest.fixture(scope="module")
def too_large() -> tuple[Catalogue, Answers]:
    """Two roles on every one of so many tasks that weighing each answer change once exceeds the
    budget, and answers that put the first role ahead."""
    n = WORK_BUDGET // 40 + 1
    cat = make_catalogue(n, [[(k, 1 + k % 3) for k in range(n)], [(k, 3 - k % 3) for k in range(n)]])
    ids = [t.id for t in cat.tasks]
    answers = Answers(skill={t: 4 if k % 3 == 1 else 0 for k, t in enumerate(ids)}, interest={})
    return cat, answers


def test_the_search_stops_at_its_budget(too_large: tuple[Catalogue, Answers]) -> None:
    cat, answers = too_large
    assert score(cat, answers).top.role.id == "r0"
    with pytest.raises(TooLarge) as caught:
        flip(cat, answers, tasks_only=True)
    assert (caught.value.tasks, caught.value.roles) == (len(cat.tasks), 2)


def test_a_report_says_plainly_that_it_was_not_worked_out(too_large: tuple[Catalogue, Answers]) -> None:
    """The text says it, with the catalogue's size; JSON says it was skipped and why."""
    cat, answers = too_large
    found, said, skipped = how_firm(cat, answers, score(cat, answers))
    assert found is None and skipped
    assert said == f"Not worked out for a catalogue this large ({len(cat.tasks):,} tasks, 2 roles)."
    report = build(cat, answers)
    assert report.firmness == said
    data = json.loads(fit_report_json(report))
    assert data["what_would_change"] is None
    assert data["what_would_change_skipped"] == said


def test_without_a_budget_the_same_search_finishes(too_large: tuple[Catalogue, Answers]) -> None:
    cat, answers = too_large
    found = flip(cat, answers, tasks_only=True, budget=None)
    assert found is not None
    after = score(cat, found.apply(answers))
    assert after.top.role.id == "r1"
    assert after.margin > 0


@settings(max_examples=40, deadline=None)
@given(answer_sets())
def test_the_budget_never_cuts_short_a_built_in_search(answers: Answers) -> None:
    """For the built-in catalogue the bounded search is the unbounded one, for every target."""
    for target in [None, *(r.id for r in CAT.roles)]:
        for tasks_only in (True, False):
            bounded = flip(CAT, answers, target, tasks_only=tasks_only)
            assert bounded == flip(CAT, answers, target, tasks_only=tasks_only, budget=None)


def test_a_small_budget_stops_a_search_that_needs_many_changes() -> None:
    persona = Answers(
        skill={t.id: 4 if any(rt.task == t.id for rt in CAT.role_by_id["data-person"].tasks) else 0 for t in CAT.tasks},
        interest={},
    )
    with pytest.raises(TooLarge):
        flip(CAT, persona, "rnd", budget=100)


@settings(max_examples=30, deadline=None)
@given(answer_sets())
def test_tasks_no_role_involves_are_never_changed(answers: Answers) -> None:
    """The built-in catalogue with 500 tasks that no role involves: the changes found still put the
    target strictly first, and none is to one of those tasks (it would move every role alike)."""
    extra = tuple(dataclasses.replace(CAT.tasks[0], id=f"unused-{k}", title=f"Unused {k}") for k in range(500))
    wider = dataclasses.replace(CAT, tasks=CAT.tasks + extra)
    for target in [None, *(r.id for r in CAT.roles)]:
        found = flip(wider, answers, target, tasks_only=True)
        assert found is not None  # every built-in role can be put first
        assert not any(c.question.partition(":")[2].startswith("unused-") for c in found.changes)
        after = score(wider, found.apply(answers))
        assert after.top.role.id == found.target
        assert found.count == 0 or after.margin > 0


def test_firmness_applies_to_any_catalogue_of_two_roles_or_more(too_large: tuple[Catalogue, Answers]) -> None:
    assert firmness.firmness_applies(too_large[0])
    assert not firmness.firmness_applies(dataclasses.replace(CAT, roles=CAT.roles[:1]))
