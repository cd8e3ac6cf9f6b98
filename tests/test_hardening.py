"""Hostile and malformed input, through the real console-script entry point ``rolefit.cli.run``.

Answers files (``rolefit quiz --answers FILE --defaults --format json``) and catalogues
(``rolefit check --catalogue DIR``, ``rolefit roles --catalogue DIR``) that are too big, use
YAML features rolefit refuses (anchors and aliases, merge keys, language tags, duplicate keys),
are not UTF-8, are empty, or are not files at all. Each must end with exit code 2, no
traceback, and one message on stderr naming the file (and the line and key where known).

Then property tests (``test_fuzz_*``) feed generated documents, bytes and mutated catalogues
to the same entry point: the exit code is always 0 or 2, never a traceback. Each property
has a small budget of examples for the default run (an answers file costs a few milliseconds,
a catalogue a few hundred); ``ROLEFIT_FUZZ_EXAMPLES`` sets them all, so a long run is
``ROLEFIT_FUZZ_EXAMPLES=3000 pytest tests/test_hardening.py -k fuzz``.
"""

from __future__ import annotations

import copy
import io
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest.mock import patch

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rolefit import cli
from rolefit.catalogue.load import ROLES_FILE, TASKS_FILE, builtin_dir, load_catalogue
from rolefit.files.read import MAX_BYTES, MAX_CATALOGUE_BYTES

from helpers import EXAMPLES, fuzz_examples

RESEARCHER = EXAMPLES / "researcher.yaml"
CAT = load_catalogue()
TASK_IDS = [t.id for t in CAT.tasks]
CONTEXT_IDS = [q.id for q in CAT.context]
CHOICE_IDS = sorted({c.id for q in CAT.context for c in q.choices})
BUILTIN = {name: (builtin_dir() / name).read_text(encoding="utf-8") for name in (TASKS_FILE, ROLES_FILE)}

# -- running the real entry point ------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return self.err.strip().split("\n") if self.err.strip() else []


def rolefit(*args: str) -> Outcome:
    """Run ``rolefit ARGS`` in-process through ``rolefit.cli.run``, as the console script does.

    An exception escaping ``run`` is recorded as Python would show it: a traceback and exit 1.
    """
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with (
        patch.object(sys, "argv", ["rolefit", *args]),
        patch.object(sys, "stdin", io.StringIO("")),
        redirect_stdout(out),
        redirect_stderr(err),
    ):
        try:
            cli.run()
        except SystemExit as exc:
            code = 0 if exc.code is None else exc.code if isinstance(exc.code, int) else 1
        except Exception:
            err.write(traceback.format_exc())
            code = 1
    return Outcome(code, out.getvalue(), err.getvalue())


def quiz(path: Path) -> Outcome:
    return rolefit("quiz", "--answers", str(path), "--defaults", "--format", "json")


def assert_one_error(result: Outcome, *needles: str) -> str:
    """Exit 2, no traceback, exactly one line on stderr starting 'rolefit:' and holding every needle."""
    assert result.code == 2, result
    assert "Traceback" not in result.out + result.err
    assert len(result.err_lines) == 1, result.err
    message = result.err_lines[0]
    assert message.startswith("rolefit:"), message
    for needle in needles:
        assert needle in message, (needle, message)
    return message


def assert_check_finds_one(result: Outcome, folder: Path, *needles: str) -> str:
    """`rolefit check`: exit 2, one problem line holding every needle, then '1 problem in DIR'."""
    assert result.code == 2, result
    assert "Traceback" not in result.out + result.err
    lines = result.err_lines
    assert len(lines) == 2, result.err
    problem, summary = lines
    assert problem.startswith("rolefit:"), problem
    for needle in needles:
        assert needle in problem, (needle, problem)
    assert summary == f"rolefit: 1 problem in {folder}", summary
    return problem


def line_of(text: str, fragment: str) -> int:
    """The 1-based line where ``fragment`` first occurs in ``text``."""
    return 1 + text[: text.index(fragment)].count("\n")


def replace_once(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def billion_laughs(levels: int = 6, width: int = 6, key: str = "lol") -> str:
    """A small 'billion laughs' document: each level lists the previous one ``width`` times."""
    lines = [f'{key}0: &{key}0 "lol"']
    for i in range(1, levels + 1):
        lines.append(f"{key}{i}: &{key}{i} [" + ", ".join([f"*{key}{i - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


# -- hostile answers files -------------------------------------------------------------------

ANSWERS_ALIASES = """\
format: 1
answers:
  build-models: &same {skill: 3, interest: 3}
  clean-data: *same
"""
ANSWERS_MERGE = """\
<<: {format: 1}
answers: {}
"""
ANSWERS_DUPLICATE = """\
format: 1
answers:
  build-models: {skill: 1, interest: 1}
  clean-data: {skill: 2, interest: 2}
  build-models: {skill: 4, interest: 4}
"""


def hostile_answers(kind: str, path: Path, marker: Path) -> tuple[str, ...]:
    """Make ``path`` an answers file of the given kind; the fragments its error must contain."""
    name = str(path)
    if kind == "too-big":
        path.write_text("format: 1\n" + "# padding\n" * (MAX_BYTES // 10 + 1), encoding="utf-8")
        assert path.stat().st_size > MAX_BYTES
        return (f"{name}: ", "larger than")
    if kind == "aliases":
        path.write_text(ANSWERS_ALIASES, encoding="utf-8")
        return (f"{name}:3: ", "alias")
    if kind == "billion-laughs":
        path.write_text("format: 1\n" + billion_laughs(), encoding="utf-8")
        return (f"{name}:2: ", "alias")
    if kind == "merge-key":
        path.write_text(ANSWERS_MERGE, encoding="utf-8")
        return (f"{name}:1: ", "merge keys (<<)")
    if kind == "latin-1":
        path.write_bytes("format: 1\ncontext:\n  organisation: café\n".encode("latin-1"))
        return (f"{name}: ", "UTF-8", "0xe9")
    if kind == "duplicate-key":
        path.write_text(ANSWERS_DUPLICATE, encoding="utf-8")
        return (f"{name}:5: ", "duplicate key 'build-models'", "line 3")
    if kind == "empty":
        path.write_bytes(b"")
        return (f"{name}: ", "empty")
    if kind == "folder":
        path.mkdir()
        return (f"{name}: ", "folder")
    if kind == "missing":
        return (f"{name}: ", "no such file")
    raise AssertionError(kind)


HOSTILE_KINDS = ["too-big", "aliases", "billion-laughs", "merge-key", "python-tag", "latin-1"]
HOSTILE_KINDS += ["duplicate-key", "empty", "folder", "missing"]


# (A python tag in an answers file has a stronger test of its own, below.)
@pytest.mark.parametrize("kind", [kind for kind in HOSTILE_KINDS if kind != "python-tag"])
def test_hostile_answers_file_is_one_located_error(tmp_path: Path, kind: str) -> None:
    """A hostile or broken answers file ends with exit 2 and one message naming the file (line, key)."""
    path, marker = tmp_path / "answers.yaml", tmp_path / "marker"
    needles = hostile_answers(kind, path, marker)
    assert_one_error(quiz(path), *needles)
    assert not marker.exists()


def test_python_tag_in_answers_runs_nothing(tmp_path: Path) -> None:
    """A !!python/object/apply tag is refused, with its line, and its command never runs (no marker file)."""
    marker = tmp_path / "marker"
    path = tmp_path / "answers.yaml"
    path.write_text(f'format: 1\nanswers: !!python/object/apply:os.system ["echo hi > {marker}"]\n')
    result = quiz(path)
    assert_one_error(result, f"{path}:2: ", "not valid YAML", "!!python/")
    assert not marker.exists()
    assert "hi" not in result.out


@pytest.mark.parametrize("depth", [900, 50_000])
def test_deeply_nested_answers_file_is_one_error(tmp_path: Path, depth: int) -> None:
    """A document nested thousands of levels deep is one message, not a RecursionError."""
    path = tmp_path / "answers.yaml"
    path.write_text("format: 1\nanswers: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    assert_one_error(quiz(path), f"{path}:2: ")


READER_ERROR = (
    "bug: yamlfile.parse() reports PyYAML's ReaderError (control characters) with str(exc): two lines, "
    "the second '  in \"<unicode string>\", position N' (a character offset), and no line number"
)
RAW_USER_TEXT = (
    "bug: keys from the file are echoed unescaped in messages: a newline splits the message, "
    "an ESC byte reaches the terminal as an escape sequence"
)


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\x7f"])
def test_control_character_is_one_located_message(tmp_path: Path, char: str) -> None:
    """A control character in an answers file is one message naming the file and its line."""
    path = tmp_path / "answers.yaml"
    path.write_text(f"format: 1\nanswers:\n  build-models: {{skill: 3{char}}}\n", encoding="utf-8")
    assert_one_error(quiz(path), f"{path}:3: ", "not valid YAML", "control character")


@pytest.mark.parametrize("key", ["bad\\nkey", "bad\\e[31mred"])
def test_key_with_control_characters_is_one_plain_message(tmp_path: Path, key: str) -> None:
    """An unknown id holding a newline or ESC (quoted YAML escapes) is still one line, with no ESC byte."""
    path = tmp_path / "answers.yaml"
    path.write_text(f'format: 1\nanswers:\n  "{key}": {{skill: 3}}\n', encoding="utf-8")
    result = quiz(path)
    assert "\x1b" not in result.err
    assert_one_error(result, f"{path}:3: ", "unknown task id")


CONSTRUCTOR_CRASH = (
    "bug: yamlfile.parse() catches only yaml.YAMLError, but PyYAML's SafeConstructor raises "
    "ValueError/KeyError/IndexError/AttributeError for a malformed int, float, bool or timestamp "
    "(an impossible date, or an explicit !!int/!!float/!!bool/!!timestamp tag): traceback, exit 1"
)
MALFORMED_SCALARS = ["2024-02-30", "!!int x", "!!int 0x", '!!int ""', "!!float x", "!!bool x", "!!timestamp x"]


@pytest.mark.parametrize("value", MALFORMED_SCALARS)
def test_malformed_scalar_in_answers_is_one_located_error(tmp_path: Path, value: str) -> None:
    """A value YAML cannot build (a 30th of February, '!!int x') is one message naming the file and line."""
    path = tmp_path / "answers.yaml"
    path.write_text(f"format: 1\nanswers:\n  build-models: {{skill: {value}}}\n", encoding="utf-8")
    assert_one_error(quiz(path), f"{path}:3: ", "not valid YAML")


@pytest.mark.parametrize("value", MALFORMED_SCALARS)
def test_malformed_scalar_in_catalogue_is_one_located_error(tmp_path: Path, value: str) -> None:
    """`rolefit check` on tasks.yaml with 'version: 2024-02-30' (or a bad tagged value): one located problem."""
    folder = tmp_path / "catalogue"
    shutil.copytree(builtin_dir(), folder)
    text = replace_once(BUILTIN[TASKS_FILE], 'version: "1.0.0"', f"version: {value}")
    (folder / TASKS_FILE).write_text(text, encoding="utf-8")
    line = line_of(text, "version:")
    assert_check_finds_one(rolefit("check", "--catalogue", str(folder)), folder, f"{TASKS_FILE}:{line}: ")


# -- hostile catalogues ----------------------------------------------------------------------


@pytest.fixture
def catalogue_copy(tmp_path: Path) -> Path:
    """A writable copy of the built-in catalogue."""
    target = tmp_path / "catalogue"
    shutil.copytree(builtin_dir(), target)
    return target


def hostile_catalogue(kind: str, folder: Path, marker: Path) -> tuple[Path, tuple[str, ...]]:
    """Break one file of the catalogue in ``folder``: that file and the fragments its error must contain."""
    tasks, roles = folder / TASKS_FILE, folder / ROLES_FILE
    t_text, r_text = BUILTIN[TASKS_FILE], BUILTIN[ROLES_FILE]
    if kind == "too-big":
        tasks.write_text(t_text + "# padding\n" * (MAX_CATALOGUE_BYTES // 10 + 1), encoding="utf-8")
        assert tasks.stat().st_size > MAX_CATALOGUE_BYTES
        return tasks, (f"{tasks}: ", "larger than")
    if kind == "aliases":
        first = "roles: {data-person: 1.0, rnd: 0.3, product: 0.2}"
        second = "roles: {data-person: 1.0, rnd: 0.2, product: 0.3}"
        text = replace_once(r_text, first, "roles: &weights {data-person: 1.0, rnd: 0.3, product: 0.2}")
        text = replace_once(text, second, "roles: *weights")
        roles.write_text(text, encoding="utf-8")
        return roles, (f"{roles}:{line_of(text, '&weights')}: ", "alias")
    if kind == "billion-laughs":
        text = replace_once(t_text, 'version: "1.0.0"\n', 'version: "1.0.0"\n' + billion_laughs(key="x"))
        tasks.write_text(text, encoding="utf-8")
        return tasks, (f"{tasks}:{line_of(text, 'x0: &x0')}: ", "alias")
    if kind == "merge-key":
        entry = "- {task: data-warehouse, weight: core, source: article}"
        text = replace_once(r_text, entry, "- {<<: {task: data-warehouse}, weight: core, source: article}")
        roles.write_text(text, encoding="utf-8")
        return roles, (f"{roles}:{line_of(text, '<<')}: ", "merge keys (<<)")
    if kind == "python-tag":
        tag = f'!!python/object/apply:os.system ["echo hi > {marker}"]'
        text = replace_once(t_text, 'version: "1.0.0"', f"version: {tag}")
        tasks.write_text(text, encoding="utf-8")
        return tasks, (f"{tasks}:{line_of(text, 'version:')}: ", "!!python/")
    if kind == "latin-1":
        data = t_text.encode("utf-8").replace(b"raw data", b"caf\xe9 data", 1)
        tasks.write_bytes(data)
        return tasks, (f"{tasks}: ", "UTF-8", "0xe9")
    if kind == "duplicate-key":
        text = replace_once(r_text, "    short: data person\n", "    short: data person\n    name: Someone else\n")
        roles.write_text(text, encoding="utf-8")
        given, again = line_of(text, "name: Data person"), line_of(text, "name: Someone else")
        return roles, (f"{roles}:{again}: ", "duplicate key 'name'", f"line {given}")
    if kind == "empty":
        roles.write_bytes(b"")
        return roles, (f"{roles}: ", "empty")
    if kind == "folder":
        tasks.unlink()
        tasks.mkdir()
        return tasks, (f"{tasks}: ", "folder")
    if kind == "missing":
        roles.unlink()
        return roles, (f"{roles}: ", "no such file")
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", HOSTILE_KINDS)
def test_hostile_catalogue_check_reports_it(tmp_path: Path, catalogue_copy: Path, kind: str) -> None:
    """`rolefit check` on a catalogue with one hostile file: exit 2, one located problem, then the count."""
    marker = tmp_path / "marker"
    _, needles = hostile_catalogue(kind, catalogue_copy, marker)
    assert_check_finds_one(rolefit("check", "--catalogue", str(catalogue_copy)), catalogue_copy, *needles)
    assert not marker.exists()


@pytest.mark.parametrize("kind", HOSTILE_KINDS)
def test_hostile_catalogue_roles_is_one_error(tmp_path: Path, catalogue_copy: Path, kind: str) -> None:
    """`rolefit roles` on a catalogue with one hostile file: exit 2 and one located message."""
    marker = tmp_path / "marker"
    _, needles = hostile_catalogue(kind, catalogue_copy, marker)
    assert_one_error(rolefit("roles", "--catalogue", str(catalogue_copy)), *needles)
    assert not marker.exists()


@pytest.mark.parametrize("command", ["check", "roles"])
def test_catalogue_folder_missing_or_a_file(tmp_path: Path, command: str) -> None:
    """--catalogue naming nothing, or a file, is one message naming that path."""
    for path in (tmp_path / "nowhere", tmp_path / "plain-file"):
        if path.name == "plain-file":
            path.write_text("format: 1\n")
        result = rolefit(command, "--catalogue", str(path))
        if command == "check":
            assert_check_finds_one(result, path, f"{path}: ", "expected a folder holding")
        else:
            assert_one_error(result, f"{path}: ", "expected a folder holding")


# -- encodings and line endings that are fine ------------------------------------------------


@pytest.mark.parametrize("variant", ["bom", "crlf", "bom+crlf"])
def test_answers_with_bom_or_crlf_give_the_same_report(tmp_path: Path, variant: str) -> None:
    """A UTF-8 BOM and CRLF line endings are accepted: the JSON report equals the plain file's."""
    plain = quiz(RESEARCHER)
    assert plain.code == 0, plain
    data = RESEARCHER.read_bytes()
    if "crlf" in variant:
        data = data.replace(b"\n", b"\r\n")
    if "bom" in variant:
        data = b"\xef\xbb\xbf" + data
    path = tmp_path / "answers.yaml"
    path.write_bytes(data)
    result = quiz(path)
    assert result.code == 0, result
    assert result.err == ""
    assert json.loads(result.out) == json.loads(plain.out)
    assert result.out == plain.out


def test_catalogue_with_bom_and_crlf_is_accepted(catalogue_copy: Path) -> None:
    """A catalogue saved with a BOM and CRLF line endings checks OK and lists the same roles."""
    for name in (TASKS_FILE, ROLES_FILE):
        data = (catalogue_copy / name).read_bytes()
        (catalogue_copy / name).write_bytes(b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n"))
    checked = rolefit("check", "--catalogue", str(catalogue_copy))
    assert checked.code == 0, checked
    assert f"{catalogue_copy}: OK" in checked.out
    assert f"{len(CAT.tasks)} tasks" in checked.out
    listed, plain = rolefit("roles", "--catalogue", str(catalogue_copy)), rolefit("roles")
    assert listed.code == 0, listed
    assert listed.out == plain.out


# -- unknown ids get a suggestion ------------------------------------------------------------


def test_misspelt_task_id_in_answers_suggests_the_right_one(tmp_path: Path) -> None:
    """An unknown task id in an answers file: one message with its line, key and 'did you mean'."""
    path = tmp_path / "answers.yaml"
    path.write_text("format: 1\nanswers:\n  build-model: {skill: 3, interest: 3}\n")
    assert_one_error(quiz(path), f"{path}:3: ", "answers.build-model", "did you mean 'build-models'?")


def test_misspelt_context_question_suggests_the_right_one(tmp_path: Path) -> None:
    """An unknown context question: one message with its line, key and 'did you mean'."""
    path = tmp_path / "answers.yaml"
    path.write_text("format: 1\ncontext:\n  organisaton: startup\n")
    assert_one_error(quiz(path), f"{path}:3: ", "context.organisaton", "did you mean 'organisation'?")


def test_misspelt_context_choice_suggests_the_right_one(tmp_path: Path) -> None:
    """An unknown choice for a context question: one message suggesting the close choice."""
    path = tmp_path / "answers.yaml"
    path.write_text("format: 1\ncontext:\n  organisation: startp\n")
    assert_one_error(quiz(path), f"{path}:3: ", "context.organisation", "did you mean 'startup'?")


@pytest.mark.parametrize("command", ["check", "roles"])
def test_role_naming_a_misspelt_task_suggests_the_right_one(catalogue_copy: Path, command: str) -> None:
    """A role naming an unknown task id: the message names roles.yaml, the entry and the close id."""
    roles = catalogue_copy / ROLES_FILE
    roles.write_text(replace_once(BUILTIN[ROLES_FILE], "{task: etl-pipelines,", "{task: etl-pipeline,"))
    needles = (f"{roles}", "roles[data-person].tasks[etl-pipeline]", "did you mean 'etl-pipelines'?")
    result = rolefit(command, "--catalogue", str(catalogue_copy))
    if command == "check":
        assert_check_finds_one(result, catalogue_copy, *needles)
    else:
        assert_one_error(result, *needles)


# -- rolefit check lists every problem -------------------------------------------------------


def test_check_lists_every_independent_problem(catalogue_copy: Path) -> None:
    """A bad weight in roles.yaml, an unknown group and a duplicate task id in tasks.yaml: all three listed."""
    tasks, roles = catalogue_copy / TASKS_FILE, catalogue_copy / ROLES_FILE
    roles.write_text(
        replace_once(BUILTIN[ROLES_FILE], "{task: etl-pipelines, weight: core,", "{task: etl-pipelines, weight: 7,")
    )
    text = replace_once(BUILTIN[TASKS_FILE], "group: ml-ops", "group: ml-opz")
    text += (
        "  - id: build-models\n    title: Build models again\n    group: product-features\n"
        "    description: A second entry with the same id.\n    stage: model\n"
    )
    tasks.write_text(text)
    result = rolefit("check", "--catalogue", str(catalogue_copy))
    assert result.code == 2, result
    assert "Traceback" not in result.out + result.err
    lines = result.err_lines
    assert all(line.startswith("rolefit: ") for line in lines), lines
    assert lines[-1] == f"rolefit: 3 problems in {catalogue_copy}"
    problems = lines[:-1]
    assert len(problems) == 3, problems
    expected = [
        (str(tasks), "tasks[build-models]", "duplicate id"),
        (str(tasks), ".group", "unknown group 'ml-opz'", "did you mean 'ml-ops'?"),
        (str(roles), "roles[data-person].tasks[etl-pipelines].weight", "or a number from 0.5 to 3"),
    ]
    for needles in expected:
        found = [p for p in problems if all(n in p for n in needles)]
        assert len(found) == 1, (needles, problems)


def test_check_builtin_catalogue_is_ok() -> None:
    """`rolefit check` on the built-in catalogue exits 0 and says OK, with nothing on stderr."""
    result = rolefit("check")
    assert result.code == 0, result
    assert result.err == ""
    assert result.out.startswith("the built-in catalogue: OK")
    assert f"{len(CAT.tasks)} tasks" in result.out and f"{len(CAT.roles)} roles" in result.out


# -- property tests through the real entry point ---------------------------------------------


def fuzz(examples: int) -> settings:
    """The settings of a fuzz test that runs ``examples`` examples by default (see fuzz_examples)."""
    return settings(
        max_examples=fuzz_examples(examples),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=20),
    st.binary(max_size=8),
    st.dates(),
    st.sampled_from(["", "~", "yes", "no", "on", "0x1f", "1_000", ".inf", "2017-01-01", "<<", "&a", "*a", "- x"]),
)
keys = st.one_of(st.text(max_size=12), st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False))
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
    max_leaves=20,
)
levels = st.one_of(st.integers(-2, 6), st.sampled_from([2.0, 2.5, True, "3", "core", None]), values)
answer_entries = st.one_of(
    st.fixed_dictionaries({}, optional={"skill": levels, "interest": levels, "skil": levels}),
    values,
)
answers_documents = st.fixed_dictionaries(
    {},
    optional={
        "format": st.one_of(st.just(1), st.sampled_from([0, 2, "1", 1.0, True]), values),
        "answers": st.one_of(
            st.dictionaries(st.one_of(st.sampled_from(TASK_IDS), keys), answer_entries, max_size=6),
            values,
        ),
        "context": st.one_of(
            st.dictionaries(
                st.one_of(st.sampled_from(CONTEXT_IDS), keys),
                st.one_of(st.sampled_from(CHOICE_IDS), values),
                max_size=3,
            ),
            values,
        ),
        "catalogue": st.one_of(
            st.just(CAT.version),
            st.fixed_dictionaries(
                {"version": st.one_of(st.just(CAT.version), values)},
                optional={
                    "digest": st.one_of(st.just(CAT.digest), values),
                    "tasks": st.one_of(
                        st.dictionaries(st.one_of(st.sampled_from(TASK_IDS), keys), st.text(max_size=8), max_size=4),
                        values,
                    ),
                },
            ),
            values,
        ),
        "colour": values,
    },
)


def dump(doc: object, style: str) -> str:
    """A document as YAML (block or flow style) or JSON."""
    if style == "json":
        return json.dumps(doc, default=str)
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, default_flow_style=style == "flow")


yaml_texts = st.builds(
    dump,
    st.one_of(answers_documents, values),
    st.sampled_from(["block", "flow", "json"]),
).filter(lambda text: len(text) < 50_000)

#: Fragments of YAML syntax (and a few bad bytes) glued together: nearer to a real file than noise.
TOKENS = [
    b"format: 1\n", b"answers:\n", b"context:\n", b"catalogue:\n", b"  build-models: ", b"{skill: 3}",
    b"skill: ", b"interest: ", b"organisation: startup", b"roles:\n", b"tasks:\n", b"- ", b"? ", b": ",
    b"  ", b"\n", b"\r\n", b"\t", b"{", b"}", b"[", b"]", b",", b"'", b'"', b"#", b"&a ", b"*a", b"<<: ",
    b"!!python/object/apply:os.system ", b"!!binary ", b"!!set ", b"!!timestamp ", b"!!int ", b"!foo ",
    b"%YAML 1.1\n", b"%TAG ! tag:x,2000:\n", b"---\n", b"...\n", b"|\n", b">-\n", b"\xef\xbb\xbf",
    b"\xff", b"\x00", b"\xe9", b"\xc3", b"\x85", b"\xe2\x80\xa8", b"~", b"3", b"-1", b"1e999", b".nan",
    b"\\u0000", b"\\", b"%",
]  # fmt: skip
yaml_soup = st.lists(st.one_of(st.sampled_from(TOKENS), st.binary(max_size=4)), max_size=40).map(b"".join)
#: Any bytes, YAML-like bytes, and any text as UTF-8 (characters bytes alone seldom spell).
file_bytes = st.one_of(st.binary(max_size=400), yaml_soup, st.text(max_size=200).map(lambda t: t.encode("utf-8")))


@contextmanager
def scratch() -> Iterator[Path]:
    """A fresh folder for one example."""
    with tempfile.TemporaryDirectory(prefix="rolefit-fuzz-") as name:
        yield Path(name)


def assert_clean_exit(result: Outcome, *names: str) -> None:
    """Exit 0 or 2 and no traceback; on 2, stderr is messages starting 'rolefit:' naming one of ``names``."""
    assert result.code in (0, 2), result
    assert "Traceback" not in result.out + result.err, result
    if result.code == 2:
        lines = result.err_lines
        assert lines, result
        assert lines[0].startswith("rolefit:"), result
        assert any(name in result.err for name in names), result


def messages(err: str) -> list[str]:
    """The messages on stderr: each starts 'rolefit: ' on a new line (some known bugs spill onto more lines)."""
    text = err.strip()
    return re.split(r"\n(?=rolefit: )", text) if text else []


def check_answers_file(path: Path) -> None:
    result = quiz(path)
    assert_clean_exit(result, str(path))
    if result.code == 0:  # a whole report: every role of the catalogue is scored
        report = json.loads(result.out)
        assert sorted(fit["role"] for fit in report["fits"]) == sorted(r.id for r in CAT.roles), report
    else:
        assert len(messages(result.err)) == 1, result
        assert str(path) in result.err, result


@fuzz(50)
@given(text=yaml_texts, suffix=st.sampled_from([".yaml", ".json"]))
def test_fuzz_answers_yaml_documents(text: str, suffix: str) -> None:
    """Any YAML/JSON document as an answers file: a JSON report (exit 0) or one 'rolefit:' message (exit 2)."""
    with scratch() as folder:
        path = folder / f"answers{suffix}"
        path.write_text(text, encoding="utf-8")
        check_answers_file(path)


@fuzz(50)
@given(data=file_bytes)
def test_fuzz_answers_bytes(data: bytes) -> None:
    """Any bytes or text as an answers file: a JSON report (exit 0) or one 'rolefit:' message (exit 2)."""
    with scratch() as folder:
        path = folder / "answers.yaml"
        path.write_bytes(data)
        check_answers_file(path)


def check_catalogue_folder(folder: Path) -> None:
    """`rolefit check`, then `roles` (and a scored quiz, when valid), all agreeing and exiting cleanly."""
    checked = rolefit("check", "--catalogue", str(folder))
    assert_clean_exit(checked, str(folder))
    listed = rolefit("roles", "--catalogue", str(folder))
    assert_clean_exit(listed, str(folder))
    assert listed.code == checked.code, (checked, listed)
    if checked.code == 2:
        *problems, summary = messages(checked.err)
        assert problems, checked
        assert all(p.startswith("rolefit: ") and str(folder) in p for p in problems), checked
        count = len(problems)
        assert summary == f"rolefit: {count} problem{'s' if count != 1 else ''} in {folder}", checked
        assert messages(listed.err) == problems[:1], (problems, listed)
        return
    assert f"{folder}: OK" in checked.out
    scored = rolefit("quiz", "--defaults", "--format", "json", "--catalogue", str(folder))
    assert scored.code == 0, scored
    fits = json.loads(scored.out)["fits"]
    assert fits, scored
    assert all(0 <= fit["score"] <= 100 for fit in fits), fits


def write_catalogue(folder: Path, name: str, content: str | bytes) -> Path:
    """The built-in catalogue in ``folder``, with file ``name`` replaced by ``content``."""
    catalogue = folder / "catalogue"
    catalogue.mkdir()
    for file, text in BUILTIN.items():
        (catalogue / file).write_text(text, encoding="utf-8")
    target = catalogue / name
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8")
    return catalogue


@fuzz(8)
@given(
    name=st.sampled_from([TASKS_FILE, ROLES_FILE]),
    content=st.one_of(st.builds(dump, values, st.sampled_from(["block", "flow", "json"])), file_bytes),
)
def test_fuzz_catalogue_documents_and_bytes(name: str, content: str | bytes) -> None:
    """Any document or bytes as tasks.yaml or roles.yaml: `rolefit check` exits 0 or 2 and lists problems."""
    with scratch() as folder:
        check_catalogue_folder(write_catalogue(folder, name, content))


# Mutating the real catalogue: the mistakes people make while editing one.

PARSED = {name: yaml.safe_load(text) for name, text in BUILTIN.items()}
ALL_IDS = sorted(
    {t.id for t in CAT.tasks}
    | {g.id for g in CAT.groups}
    | {s.id for s in CAT.stages}
    | {r.id for r in CAT.roles}
    | set(CONTEXT_IDS)
    | set(CHOICE_IDS)
)
FIELDS = ["id", "title", "short", "description", "group", "stage", "task", "weight", "source", "note", "name"]
FIELDS += ["summary", "tasks", "organisations", "evolution", "kind", "when", "choices", "label", "roles", "default"]
replacements = st.one_of(
    st.sampled_from(ALL_IDS),
    st.sampled_from(["core", "regular", "occasional", "often", "article", "inferred", "guess", "Build Models"]),
    st.sampled_from([0, -1, 0.5, 1, 3, 3.5, 1e308, float("nan"), float("inf"), True, None, "", " ", [], {}]),
    values,
)


def node_paths(node: object, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path (keys and indexes) to every node below ``node``."""
    out = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            out += node_paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            out += node_paths(value, (*prefix, index))
    return out


def parent_of(root: Any, path: tuple[Any, ...]) -> Any:
    node = root
    for step in path[:-1]:
        node = node[step]
    return node


def mutate(root: Any, draw: Callable[..., Any]) -> Any:
    """One to three edits: delete a key or entry, replace a value, duplicate an entry, rename a key."""
    root = copy.deepcopy(root)
    for _ in range(draw(st.integers(1, 3))):
        paths = node_paths(root)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent, last = parent_of(root, path), path[-1]
        action = draw(st.sampled_from(["delete", "replace", "duplicate", "rename"]))
        if action == "delete":
            del parent[last]
        elif action == "replace":
            parent[last] = draw(replacements)
        elif isinstance(parent, list):  # duplicate or rename on a list entry: copy it elsewhere
            parent.insert(draw(st.integers(0, len(parent))), copy.deepcopy(parent[last]))
        elif action == "duplicate":  # on a mapping: the same value under another field
            parent[draw(st.sampled_from(FIELDS))] = copy.deepcopy(parent[last])
        else:
            parent[draw(st.one_of(st.sampled_from(FIELDS), keys))] = parent.pop(last)
    return root


@fuzz(8)
@given(name=st.sampled_from([TASKS_FILE, ROLES_FILE]), data=st.data())
def test_fuzz_catalogue_mutations(name: str, data: st.DataObject) -> None:
    """The real tasks.yaml or roles.yaml with random edits: `check` and `roles` agree and exit 0 or 2."""
    mutated = mutate(PARSED[name], data.draw)
    text = yaml.safe_dump(mutated, allow_unicode=True, sort_keys=False)
    with scratch() as folder:
        check_catalogue_folder(write_catalogue(folder, name, text))


# -- file kinds and file names ----------------------------------------------------------------

ODD_NAMES = ["with space.yaml", "-starts-with-dash.yaml", "a=b.yaml", "new\nline.yaml", "tab\there.yaml"]


def run_cli(cwd: Path, *args: str | bytes) -> subprocess.CompletedProcess[bytes]:
    """The CLI on ``args``: in its own process when a FIFO is involved (one that would block shows as
    a timeout, not a hung suite), else in this one through the same entry point (a process per case
    would be most of the suite's time)."""
    if not any(_is_fifo(cwd, a) for a in args):
        return _in_process(cwd, [os.fsdecode(a) for a in args])
    return subprocess.run(
        [sys.executable, "-m", "rolefit", *args],
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=30,
        check=False,
    )


def _is_fifo(cwd: Path, arg: str | bytes) -> bool:
    try:
        path = cwd / os.fsdecode(arg)
        return any(stat.S_ISFIFO(p.lstat().st_mode) for p in (path, *path.glob("*")) if p.exists() or p.is_symlink())
    except (OSError, ValueError):
        return False


def _in_process(cwd: Path, args: list[str]) -> subprocess.CompletedProcess[bytes]:
    from typer.testing import CliRunner

    from rolefit.cli import app

    here = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, args)
    finally:
        os.chdir(here)
    out, err = result.stdout_bytes, result.stderr_bytes or b""
    return subprocess.CompletedProcess(args, result.exit_code, out, err)


def assert_one_line_or_report(run: subprocess.CompletedProcess[bytes]) -> None:
    err = run.stderr.decode("utf-8", "replace")
    assert run.returncode in (0, 2), err
    assert "Traceback" not in err
    if run.returncode == 2:
        assert len(err.strip().splitlines()) == 1, err
        assert err.startswith("rolefit: "), err


def odd_kind(kind: str, folder: Path, content: str | None) -> Path:
    """A path of the given kind in ``folder`` (leading to a file holding ``content`` when it is one)."""
    real = folder / "real"
    if content is not None:
        real.mkdir()
        for name, text in BUILTIN.items():
            (real / name).write_text(text, encoding="utf-8")
        (real / "answers.yaml").write_text(content, encoding="utf-8")
    path = folder / kind
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "link-to-file":
        path.symlink_to(real / "answers.yaml")
    elif kind == "link-to-folder":
        path.symlink_to(real)
    elif kind == "link-loop":
        path.symlink_to(folder / "loop-b")
        (folder / "loop-b").symlink_to(path)
    elif kind == "dangling-link":
        path.symlink_to(folder / "nowhere")
    elif kind == "device":
        if os.geteuid() != 0:
            pytest.skip("making a device needs root")
        os.mknod(path, 0o600 | stat.S_IFCHR, Path("/dev/null").stat().st_rdev)
    return path


FILE_KINDS = ["fifo", "folder", "link-to-file", "link-to-folder", "link-loop", "dangling-link", "device"]


@pytest.mark.parametrize("kind", FILE_KINDS)
def test_answers_path_of_any_kind_is_a_report_or_one_line(tmp_path: Path, kind: str) -> None:
    path = odd_kind(kind, tmp_path, RESEARCHER.read_text(encoding="utf-8"))
    run = run_cli(tmp_path, "quiz", "--answers", str(path), "--defaults", "--format", "json")
    assert_one_line_or_report(run)
    assert run.returncode == (0 if kind == "link-to-file" else 2), run.stderr


@pytest.mark.parametrize("kind", FILE_KINDS)
def test_catalogue_path_of_any_kind_is_checked_or_one_line(tmp_path: Path, kind: str) -> None:
    path = odd_kind(kind, tmp_path, RESEARCHER.read_text(encoding="utf-8"))
    expected = 0 if kind == "link-to-folder" else 2
    run = run_cli(tmp_path, "roles", "--catalogue", str(path))
    assert_one_line_or_report(run)
    assert run.returncode == expected, run.stderr
    run = run_cli(tmp_path, "check", "--catalogue", str(path))  # the problem, then how many there were
    err = run.stderr.decode("utf-8", "replace")
    assert run.returncode == expected, err
    assert "Traceback" not in err
    assert all(line.startswith("rolefit: ") for line in err.strip().splitlines()), err


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_a_catalogue_file_of_another_kind_is_one_line(tmp_path: Path, kind: str) -> None:
    """tasks.yaml itself a FIFO, a device or a folder: refused at once, never waited on."""
    folder = tmp_path / "cat"
    folder.mkdir()
    (folder / ROLES_FILE).write_text(BUILTIN[ROLES_FILE], encoding="utf-8")
    target = odd_kind(kind, tmp_path, None)
    target.rename(folder / TASKS_FILE)
    run = run_cli(tmp_path, "roles", "--catalogue", str(folder))
    assert_one_line_or_report(run)
    assert run.returncode == 2


@pytest.mark.parametrize("name", [*ODD_NAMES, "not-utf8-\udcff.yaml"])
def test_odd_file_names_are_read_and_named(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    try:
        shutil.copy(RESEARCHER, path)
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system does not take that name")
    arg = os.fsencode(path) if "\udcff" in name else str(path)
    run = run_cli(tmp_path, "quiz", "--answers", arg, "--defaults", "--format", "json")
    assert_one_line_or_report(run)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["fits"]
    path.write_text("format: 2\n", encoding="utf-8")  # and a problem in it is one line
    run = run_cli(tmp_path, "quiz", "--answers", arg, "--defaults")
    assert_one_line_or_report(run)
    assert run.returncode == 2


@fuzz(8)
@given(
    name=st.text(st.characters(exclude_characters="/\x00", exclude_categories=["Cs"]), min_size=1, max_size=40)
    | st.binary(min_size=1, max_size=40).filter(lambda b: b"/" not in b and b"\x00" not in b).map(os.fsdecode),
    kind=st.sampled_from(["file", *FILE_KINDS[:-1]]),
)
def test_fuzz_answers_file_names_and_kinds(name: str, kind: str) -> None:
    """Any file name, naming a file, a FIFO, a folder or a link: a report or one line, no hang."""
    if name in (".", ".."):
        return
    with scratch() as folder:
        path = folder / name
        try:
            if kind == "file":
                shutil.copy(RESEARCHER, path)
            else:
                odd_kind(kind, folder, RESEARCHER.read_text(encoding="utf-8")).rename(path)
        except (OSError, UnicodeEncodeError):
            return  # a name this file system refuses
        run = run_cli(folder, "quiz", "--answers", os.fsencode(path), "--defaults", "--format", "json")
        assert_one_line_or_report(run)
