"""Builders shared by the tests (importable as ``helpers``)."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml
from hypothesis import settings
from hypothesis import strategies as st

from rolefit.catalogue.load import builtin_dir, load_catalogue
from rolefit.model.answers import Answers, question_ids
from rolefit.model.catalogue import Catalogue

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "answers"
sys.path.insert(0, str(ROOT / "benchmarks"))
import generate  # noqa: E402  (the benchmarks' catalogue writer, shared)


def copy_catalogue(folder: Path) -> Path:
    """A writable copy of the built-in catalogue, as ``folder/catalogue``."""
    target = folder / "catalogue"
    shutil.copytree(builtin_dir(), target)
    return target


def edited_catalogue(
    folder: Path,
    roles: Callable[[dict[str, Any]], None] | None = None,
    tasks: Callable[[dict[str, Any]], None] | None = None,
) -> Path:
    """A copy of the built-in catalogue (as :func:`copy_catalogue`), the data of its roles.yaml and
    tasks.yaml changed in place by the functions given."""
    target = copy_catalogue(folder)
    for name, edit in (("roles.yaml", roles), ("tasks.yaml", tasks)):
        if edit is not None:
            path = target / name
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            edit(data)
            path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return target


def small_catalogue(folder: Path, task_ids: Sequence[str], roles: Mapping[str, Mapping[str, float]]) -> Catalogue:
    """A catalogue of one stage and group, these tasks and these roles (id: task weights), loaded."""
    generate.one_stage(folder, task_ids, roles)
    return load_catalogue(folder)


def fuzz_examples(fast: int) -> int:
    """The examples a costly property runs: ``ROLEFIT_FUZZ_EXAMPLES`` when set; else ``fast``, or ten
    times as many with the ``thorough`` hypothesis profile (see conftest)."""
    given = os.environ.get("ROLEFIT_FUZZ_EXAMPLES", "").strip()
    if given:
        return int(given)
    return fast * 10 if settings.get_current_profile_name() == "thorough" else fast


def uniform(catalogue: Catalogue, skill: int, interest: int) -> Answers:
    ids = [t.id for t in catalogue.tasks]
    return Answers(skill=dict.fromkeys(ids, skill), interest=dict.fromkeys(ids, interest))


def persona(catalogue: Catalogue, role_id: str) -> Answers:
    """Someone expert in, and fond of, exactly one role's core tasks."""
    role = catalogue.role_by_id[role_id]
    core = {rt.task for rt in role.tasks if rt.level == "core"}
    skill = {t.id: 4 if t.id in core else 0 for t in catalogue.tasks}
    return Answers(skill=skill, interest=dict(skill))


levels = st.integers(min_value=0, max_value=4)


@st.composite
def answer_sets(draw: st.DrawFn, catalogue: Catalogue | None = None) -> Answers:
    """Any complete set of answers for the catalogue (the built-in one by default)."""
    from rolefit.catalogue.load import load_catalogue

    cat = catalogue or load_catalogue()
    skill = {t.id: draw(levels) for t in cat.tasks}
    interest = {t.id: draw(levels) for t in cat.tasks}
    context = {q.id: draw(st.sampled_from([c.id for c in q.choices])) for q in cat.context}
    return Answers(skill=skill, interest=interest, context=context)


def everything(catalogue: Catalogue, data: st.DataObject) -> dict[str, int | str]:
    """An answer to every question of ``catalogue`` (question id to level or choice), drawn at random."""
    out: dict[str, int | str] = {}
    for q in question_ids(catalogue):
        kind, _, key = q.partition(":")
        if kind == "context":
            out[q] = data.draw(st.sampled_from([c.id for c in catalogue.context_by_id[key].choices]))
        else:
            out[q] = data.draw(st.integers(0, 4))
    return out
