"""The Python API: `you.fit(jobs)`, literally."""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rolefit import Profile, RolefitError, load_catalogue, load_roles
from rolefit.errors import AnswersError
from rolefit.model.catalogue import Catalogue
from rolefit.scoring.fit import score

from helpers import EXAMPLES, ROOT, persona


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


# --- whatever is passed, a RolefitError that names the key --------------------------------


#: The API as a caller without type checking sees it.
loose: Any = Profile


@pytest.mark.parametrize(
    ("call", "kind", "needle"),
    [
        (lambda: loose.from_answers({"build-models": 3}), AnswersError, r"answers\.build-models: expected a mapping"),
        (lambda: loose.from_answers(None), AnswersError, r"^answers: expected a mapping .*got None"),
        (lambda: loose.from_answers([]), AnswersError, r"^answers: expected a mapping"),
        (
            lambda: loose.from_answers({"build-models": {"skill": "3"}}),
            AnswersError,
            r"build-models\.skill: .*0 to 4, got '3'",
        ),
        (lambda: loose.from_answers({"build-models": {"skil": 3}}), AnswersError, r"did you mean 'skill'"),
        (lambda: loose.from_answers({3: {"skill": 1}}), AnswersError, r"task id \(text\).*got 3 \(int\)"),
        (lambda: loose.from_answers({"build-model": {"skill": 1}}), AnswersError, r"did you mean 'build-models'"),
        (
            lambda: loose.from_answers({}, context={"nope": "x"}),
            AnswersError,
            r"unknown context question 'nope'.*organisation",
        ),
        (
            lambda: loose.from_answers({}, context={"organisation": "nope"}),
            AnswersError,
            r"context\.organisation: unknown choice 'nope'",
        ),
        (
            lambda: loose.from_answers({}, context={"organisation": 1}),
            AnswersError,
            r"context\.organisation: unknown choice 1",
        ),
        (lambda: loose.from_answers({}, context="x"), AnswersError, r"^context: expected a mapping"),
        (lambda: loose.from_answers({}, catalogue="x"), RolefitError, r"^catalogue: expected a Catalogue"),
        (lambda: loose.from_answers({}).fit(["rnd"]), RolefitError, r"^jobs: expected a Role or a Posting.*role id"),
        (lambda: loose.from_answers({}).fit("rnd"), RolefitError, r"^jobs: expected roles, postings or a Catalogue"),
        (lambda: loose.from_answers({}).fit(3), RolefitError, r"^jobs: expected roles"),
        (lambda: loose.from_file(3), AnswersError, r"^path: expected the path of an answers file"),
        (lambda: loose.from_file(None), AnswersError, r"^path: expected the path"),
        (lambda: loose.from_file(b"me.yaml"), AnswersError, r"^path: expected the path"),
    ],
)
def test_bad_arguments_are_rolefit_errors_that_say_what_was_expected(
    call: Callable[[], object], kind: type[RolefitError], needle: str
) -> None:
    """Once a KeyError, TypeError or AttributeError from deep inside; a ValueError for a string context."""
    with pytest.raises(kind, match=needle):
        call()


def test_context_in_code_is_used(catalogue: Catalogue) -> None:
    question = catalogue.context[0]
    choice = question.choices[-1].id
    you = Profile.from_answers({}, context={question.id: choice})
    assert you.answers.context == {question.id: choice}
    assert f"context:{question.id}" not in you.unanswered


junk = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=True),
        st.text(max_size=12),
        st.binary(max_size=4),
        st.sampled_from(["build-models", "skill", "interest", "organisation", "appetite", "rnd", "ml-startup", "-"]),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(inner.filter(lambda k: isinstance(k, (str, int, bool, type(None)))), inner, max_size=3),
    ),
    max_leaves=8,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers=junk, context=junk)
def test_junk_answers_raise_only_rolefit_errors(answers: Any, context: Any) -> None:
    try:
        you = Profile.from_answers(answers, context=context)
    except RolefitError:
        return
    you.fit()  # what is accepted can be scored


@settings(max_examples=200, deadline=None)
@given(jobs=st.one_of(junk, st.lists(st.one_of(junk, st.sampled_from(list(load_roles()))), max_size=3)))
def test_junk_jobs_raise_only_rolefit_errors(jobs: Any) -> None:
    you = Profile.from_answers({})
    try:
        result = you.fit(jobs)
    except RolefitError:
        return
    assert len(result) >= 1


@settings(max_examples=100, deadline=None)
@given(path=junk.filter(lambda p: p != "-"))  # (standard input is the test runner's)
def test_junk_paths_raise_only_rolefit_errors(path: Any, tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("cwd")
    old = Path.cwd()
    os.chdir(folder)  # a relative name from the junk finds nothing of ours
    try:
        with pytest.raises(RolefitError):
            Profile.from_file(path)
    finally:
        os.chdir(old)


def test_a_folder_of_postings_with_an_empty_one_is_still_ranked(tmp_path: Path) -> None:
    """As `rolefit jobs` does, a posting with not enough evidence is left out, not an error for all."""
    from rolefit.postings.read import read_postings

    (tmp_path / "ml.md").write_text(
        "ML Scientist\n- Train deep learning models in PyTorch.\n- Implement papers from NeurIPS.\n"
        "- Label datasets with annotators.\n",
        encoding="utf-8",
    )
    (tmp_path / "empty.txt").write_text("Chef\nCook pasta.\n", encoding="utf-8")
    (tmp_path / "vague.txt").write_text("Data Scientist\nPython, SQL, machine learning.\n", encoding="utf-8")
    you = Profile.from_file(EXAMPLES / "researcher.yaml")
    result = you.fit(read_postings([str(tmp_path)]))
    assert [f.role.id for f in result] == ["ml"]
    with pytest.raises(RolefitError, match="none can be scored"):
        you.fit(read_postings([str(tmp_path / "empty.txt")]))


def test_one_job_a_fit_by_role_id_and_an_audit_of_a_profile() -> None:
    """you.fit(role) and you.fit(posting) take one job; result["rnd"] is that role's fit; an
    unknown id names the known ones; audit_answers takes a Profile as it takes answers."""
    from rolefit import audit_answers, load_catalogue, load_roles
    from rolefit.errors import UnknownRoleError
    from rolefit.postings.read import make_posting

    you = Profile.from_file(EXAMPLES / "researcher.yaml")
    rnd = next(r for r in load_roles() if r.id == "rnd")
    assert [f.role.id for f in you.fit(rnd)] == ["rnd"]
    posting = make_posting("ml", "ML Scientist\n- Train deep learning models.\n- Implement papers from NeurIPS.\n")
    assert len(you.fit(posting)) == 1
    result = you.fit()
    assert result["rnd"] is next(f for f in result if f.role.id == "rnd")
    with pytest.raises(UnknownRoleError, match="expected one of: "):
        result["nope"]
    audited = audit_answers(load_catalogue(), you)
    assert audited.full == result.top.role.id
    with pytest.raises(RolefitError, match="expected answers or a Profile"):
        audit_answers(load_catalogue(), "me.yaml")  # type: ignore[arg-type]


def test_a_file_made_for_another_catalogue_warns_of_the_answers_it_loses() -> None:
    from rolefit import Profile, load_catalogue

    folder = ROOT / "examples" / "catalogues" / "orbit-analytics"
    with pytest.warns(UserWarning, match="ignoring answers this catalogue has no question for: .*dbt-models"):
        Profile.from_file(folder / "candidates" / "ana.yaml")
    own = load_catalogue(folder)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        you = Profile.from_file(folder / "candidates" / "ana.yaml", catalogue=own)
    assert you.fit(own).top.role.id in {r.id for r in own.roles}


def test_audit_files_reads_folders_and_patterns_as_rolefit_audit_does(tmp_path: Path) -> None:
    """`audit_files(catalogue, paths)`: names as text or paths, folders and patterns expanded, a JSON
    report of ours in the folder passed over; the same files audited whichever way they are named."""
    from rolefit import audit_files

    cat = load_catalogue()
    folder = tmp_path / "cohort"
    folder.mkdir()
    for f in EXAMPLES.glob("*.yaml"):
        (folder / f.name).write_bytes(f.read_bytes())
    (folder / "summary.json").write_text('{\n  "people": [], "summary": {}\n}\n', encoding="utf-8")
    ways: list[list[str | Path]] = [
        [str(folder)],
        [folder],
        [str(folder / "*.yaml")],
        sorted(str(f) for f in folder.glob("*.yaml")),
    ]
    audits = [audit_files(cat, way) for way in ways]
    assert all(not a.failures for a in audits)
    names = [sorted(Path(f.file).name for f in a.files) for a in audits]
    assert names[0] == sorted(f.name for f in EXAMPLES.glob("*.yaml")) and all(n == names[0] for n in names)


@pytest.mark.parametrize(
    ("args", "key"),
    [
        (("examples/answers",), "paths"),  # (one name, not a list of them)
        (([3],), "paths"),
        (([None],), "paths"),
    ],
)
def test_audit_files_refuses_what_is_no_list_of_names(args: tuple[Any, ...], key: str) -> None:
    from rolefit import audit_files

    with pytest.raises(RolefitError) as caught:
        audit_files(load_catalogue(), *args)
    assert caught.value.key == key and "expected" in caught.value.message


def test_audit_files_refuses_roles_where_a_catalogue_is_expected() -> None:
    from rolefit import audit_files

    with pytest.raises(RolefitError) as caught:
        audit_files(load_roles(), [str(EXAMPLES)])  # type: ignore[arg-type]
    assert caught.value.key == "catalogue" and "expected a Catalogue first (got list)" in caught.value.message
