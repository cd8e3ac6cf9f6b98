"""The Python API: `you.fit(jobs)`, literally."""

from __future__ import annotations

import pytest

from rolefit import Profile, RolefitError, load_catalogue, load_roles
from rolefit.model.catalogue import Catalogue
from rolefit.scoring.fit import score

from helpers import EXAMPLES, persona


def test_you_fit_jobs() -> None:
    """The README's example: a profile from a file, fitted to the built-in roles."""
    you = Profile.from_file(EXAMPLES / "analyst.yaml")
    jobs = load_roles()
    result = you.fit(jobs)
    assert len(result) == len(jobs)
    assert [f.score for f in result] == sorted((f.score for f in result), reverse=True)
    assert result == score(you.catalogue, you.answers)
    assert result.top.role.id == result[0].role.id
    assert result.label in {result.top.role.short, f"{result[0].role.short} / {result[1].role.short}"}


def test_fit_defaults_to_every_role_and_accepts_a_catalogue(catalogue: Catalogue) -> None:
    you = Profile.from_file(EXAMPLES / "builder.yaml")
    assert you.fit() == you.fit(catalogue) == you.fit(load_roles())


def test_fit_a_subset_of_roles(catalogue: Catalogue) -> None:
    you = Profile.from_file(EXAMPLES / "researcher.yaml")
    two = [r for r in load_roles() if r.id != "rnd"]
    result = you.fit(two)
    assert {f.role.id for f in result} == {r.id for r in two}


def test_from_answers_in_code(catalogue: Catalogue) -> None:
    base = persona(catalogue, "product")
    answers = {t: {"skill": base.skill[t], "interest": base.interest[t]} for t in base.skill}
    you = Profile.from_answers(answers)
    assert you.fit().top.role.id == "product"
    assert you.unanswered == [f"context:{q.id}" for q in catalogue.context]


@pytest.mark.parametrize(
    ("answers", "needle"),
    [
        ({"astrology": {"skill": 1}}, "unknown task"),
        ({"build-models": {"skill": 9}}, "0 to 4"),
        ({"build-models": {"interest": True}}, "0 to 4"),
    ],
)
def test_from_answers_rejects_bad_values(answers: dict[str, dict[str, int]], needle: str) -> None:
    with pytest.raises(RolefitError, match=needle):
        Profile.from_answers(answers)


def test_fit_needs_roles() -> None:
    with pytest.raises(RolefitError, match="at least one role"):
        Profile.from_answers({}).fit([])


def test_custom_catalogue_through_the_api(catalogue_dir: object) -> None:
    cat = load_catalogue(str(catalogue_dir))
    you = Profile.from_answers({}, catalogue=cat)
    assert len(you.fit()) == len(cat.roles)
