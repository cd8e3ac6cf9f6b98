"""Hostile inputs: FIFOs, devices, endless streams, symlink loops, deep folders, tampered caches.

Each case once hung, read without end or ended in a traceback. The ones that could hang run the
real entry point as a subprocess with a timeout, so that a regression fails instead of hanging.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from rolefit.catalogue import cache
from rolefit.catalogue.load import load_catalogue
from rolefit.cli import app
from rolefit.cohort import expand, score_files
from rolefit.errors import AnswersError
from rolefit.files import read, walk
from rolefit.files.answers import load_answers
from rolefit.model.catalogue import Catalogue

from helpers import EXAMPLES

runner = CliRunner()
ANSWERS = EXAMPLES / "analyst.yaml"


def run(
    *args: str, stdin: int | None = subprocess.DEVNULL, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """The real entry point, which must end within the timeout."""
    return subprocess.run(
        [sys.executable, "-m", "rolefit", *args],
        stdin=stdin,
        capture_output=True,
        text=True,
        timeout=20,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        check=False,
    )


def one_error_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("rolefit: "), stderr
    assert "Traceback" not in stderr
    return lines[0]


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.yaml"
    os.mkfifo(path)
    return path


# --- FIFOs, devices and endless input --------------------------------------------------------------


def test_a_fifo_with_no_writer_as_answers_file_is_refused_not_waited_on(fifo: Path) -> None:
    result = run("quiz", "--answers", str(fifo), "--format", "json")
    assert result.returncode == 2
    line = one_error_line(result.stderr)
    assert line == f"rolefit: {fifo}: expected a regular file (an answers file), found a FIFO (named pipe)"


def test_a_fifo_as_catalogue_file_is_refused(catalogue_dir: Path) -> None:
    (catalogue_dir / "roles.yaml").unlink()
    os.mkfifo(catalogue_dir / "roles.yaml")
    result = run("roles", "--catalogue", str(catalogue_dir))
    assert result.returncode == 2
    assert "found a FIFO" in one_error_line(result.stderr)


def test_a_fifo_matched_in_a_cohort_folder_is_a_failure_and_the_rest_are_scored(tmp_path: Path) -> None:
    folder = tmp_path / "cohort"
    folder.mkdir()
    (folder / "a.yaml").write_bytes(ANSWERS.read_bytes())
    os.mkfifo(folder / "b.yaml")
    result = run("score", str(folder / "*.yaml"), "--format", "csv")
    assert result.returncode == 2
    assert result.stdout.count("\n") == 2  # the header and a.yaml's row
    assert "found a FIFO" in one_error_line(result.stderr)


def test_a_fifo_as_cache_entry_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROLEFIT_CACHE_DIR", str(tmp_path))
    good = load_catalogue()
    (entry,) = tmp_path.glob("catalogue-*.json")
    entry.unlink()
    os.mkfifo(entry)
    code = "from rolefit.catalogue.load import load_catalogue; print(len(load_catalogue().tasks))"
    env = {**os.environ, "ROLEFIT_CACHE_DIR": str(tmp_path), "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=20, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(len(good.tasks))


def test_a_fifo_as_quiz_session_is_not_waited_on(state_dir: Path) -> None:
    """The session is read by the same reader: a FIFO is refused at once, and the quiz goes on."""
    os.mkfifo(state_dir / "session.yaml")
    result = run("quiz", "--resume", "--no-input")
    assert "Traceback" not in result.stderr
    assert "found a FIFO" in result.stderr, result.stderr
    assert result.returncode == 2


def test_a_character_device_as_answers_file_is_refused_not_read_without_end() -> None:
    result = run("quiz", "--answers", "/dev/zero", "--format", "json")
    assert result.returncode == 2
    assert one_error_line(result.stderr) == (
        "rolefit: /dev/zero: expected a regular file (an answers file), found a character device"
    )


def test_endless_standard_input_is_cut_at_the_limit() -> None:
    with open("/dev/zero", "rb") as zeros:  # noqa: PTH123 - a real descriptor for the child's stdin
        result = run("quiz", "--answers", "-", "--format", "json", stdin=zeros.fileno())
    assert result.returncode == 2
    assert one_error_line(result.stderr) == "rolefit: <stdin>: input is larger than 1 MiB"


class Endless:
    """A stream that never ends, and counts what was taken from it."""

    def __init__(self) -> None:
        self.taken = 0

    def read(self, n: int = -1) -> bytes:
        assert n > 0, "an unbounded read of an endless stream"
        self.taken += n
        return b"x" * n


@settings(max_examples=30, deadline=None)
@given(limit=st.integers(0, 3 * 1024 * 1024))
def test_standard_input_is_read_to_at_most_one_byte_past_the_limit(limit: int) -> None:
    stream = Endless()
    with pytest.raises(AnswersError, match="larger than"):
        read.read_stdin(AnswersError, limit=limit, stream=stream)  # type: ignore[arg-type]
    assert stream.taken == limit + 1


def test_the_limit_is_on_the_bytes_read_not_on_what_stat_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The limit is on the bytes read, not on the size stat() reports (0 for /proc files)."""
    path = tmp_path / "big.yaml"
    path.write_bytes(b"#" * 5000)
    with pytest.raises(AnswersError, match="larger than"):
        read.read_bytes(path, AnswersError, "an answers file", limit=4096)
    assert len(read.read_bytes(path, AnswersError, "an answers file", limit=5000)) == 5000
    if Path("/proc/self/status").exists():
        with pytest.raises(AnswersError, match="larger than"):
            read.read_bytes(Path("/proc/self/status"), AnswersError, "an answers file", limit=10)


# --- folders and symbolic links ---------------------------------------------------------------------


def test_a_cohort_folder_with_links_to_itself_is_walked_once(tmp_path: Path) -> None:
    folder = tmp_path / "cohort"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.yaml").write_bytes(ANSWERS.read_bytes())
    (folder / "sub" / "b.yaml").write_bytes(ANSWERS.read_bytes())
    (folder / "loop1").symlink_to(folder)
    (folder / "loop2").symlink_to(folder)
    (folder / "sub" / "up").symlink_to(folder)
    result = run("score", str(folder / "**" / "*.yaml"), "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert [line.split(",")[0] for line in result.stdout.splitlines()[1:]] == ["a", "b"]


def test_deeply_nested_folders_end_in_one_clear_line(tmp_path: Path) -> None:
    (tmp_path / "cohort").mkdir()
    here = Path.cwd()
    os.chdir(tmp_path / "cohort")  # step by step: makedirs and rmtree recurse once per level
    try:
        for _ in range(1200):
            os.mkdir("d")  # noqa: PTH102
            os.chdir("d")
        os.chdir(tmp_path)
        result = run("score", "cohort/**/*.yaml", cwd=tmp_path)
    finally:
        os.chdir(tmp_path / "cohort")
        for _ in range(1200):
            os.chdir("d")
        for _ in range(1200):
            os.chdir("..")
            os.rmdir("d")  # noqa: PTH106
        os.chdir(here)
    assert result.returncode == 2
    assert one_error_line(result.stderr) == (
        f"rolefit: cohort/**/*.yaml: folders are nested more than {walk.MAX_DEPTH} deep under 'cohort'"
    )


def test_a_pattern_that_reaches_too_many_names_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(walk, "MAX_ENTRIES", 5)
    for n in range(6):
        (tmp_path / f"p{n}.yaml").touch()
    with pytest.raises(AnswersError, match="more than 5 names"):
        expand([str(tmp_path / "*.yaml")])


def test_patterns_match_as_glob_does_without_hidden_names(tmp_path: Path) -> None:
    for name in ("a.yaml", ".h.yaml", "x/b.yaml", "x/y/c.yml", "x/.z/d.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).touch()
    base = str(tmp_path)
    assert walk.match(f"{base}/**/*.yaml", AnswersError) == [f"{base}/a.yaml", f"{base}/x/b.yaml"]
    assert walk.match(f"{base}/x/*/*.y*ml", AnswersError) == [f"{base}/x/y/c.yml"]
    assert walk.match(f"{base}/.*.yaml", AnswersError) == [f"{base}/.h.yaml"]


@pytest.fixture
def loop(tmp_path: Path) -> Path:
    a, b = tmp_path / "loop.yaml", tmp_path / "other.yaml"
    a.symlink_to(b)
    b.symlink_to(a)
    return a


def test_a_symlink_loop_given_to_score_is_one_clear_line(loop: Path) -> None:
    result = runner.invoke(app, ["score", str(loop), str(ANSWERS)])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"rolefit: could not score {loop}: is a loop of symbolic links; expected an answers file" in result.stderr


def test_a_symlink_loop_given_to_quiz_save_is_one_clear_line(loop: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["quiz", "--answers", str(ANSWERS), "--save", str(loop), "-o", str(tmp_path / "r.json")]
    )
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert "is a loop of symbolic links" in result.stderr
    assert not (tmp_path / "r.json").exists()


def test_a_symlink_loop_as_answers_file_is_one_clear_line(loop: Path, catalogue: Catalogue) -> None:
    with pytest.raises(AnswersError, match="loop of symbolic links"):
        load_answers(loop, catalogue)
    cohort = score_files(catalogue, expand([str(loop)]))
    assert [f.message for f in cohort.failures] == ["is a loop of symbolic links; expected an answers file"]


def test_an_empty_file_name_is_not_the_current_folder(catalogue: Catalogue) -> None:
    with pytest.raises(AnswersError, match="expected a file name"):
        load_answers("", catalogue)
    with pytest.raises(AnswersError, match="expected a file name"):
        expand([""])


# --- the cache, anchors, the format ---------------------------------------------------------------


def test_a_cache_entry_naming_a_task_that_is_not_there_is_not_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ROLEFIT_CACHE_DIR", str(tmp_path))
    good = load_catalogue()
    (entry,) = tmp_path.glob("catalogue-*.json")
    data = json.loads(entry.read_text())
    data["catalogue"]["roles"][0][4][0][0] = "no-such-task"
    entry.write_text(json.dumps(data))
    assert load_catalogue() == good
    assert json.loads(entry.read_text())["catalogue"]["roles"][0][4][0][0] != "no-such-task"  # made again


@pytest.mark.parametrize(
    "tamper",
    [
        lambda c: c["tasks"].append(c["tasks"][0]),  # a task id twice
        lambda c: c["tasks"][0].__setitem__(2, "no-such-group"),
        lambda c: c["tasks"][0].__setitem__(1, 7),  # a number for a title
        lambda c: c["roles"][0][4][0].__setitem__(1, 99),  # a weight out of range
        lambda c: c["roles"][0][6][0][2].append("no-such-task") if c["roles"][0][6] else c["roles"].clear(),
        lambda c: c["context"][0].__setitem__("default", "no-such-choice"),
        lambda c: c["context"][0]["choices"][0]["roles"].__setitem__("no-such-role", 0.5),
    ],
)
def test_an_inconsistent_cache_entry_is_rebuilt_from_the_files(
    tamper: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ROLEFIT_CACHE_DIR", str(tmp_path))
    good = load_catalogue()
    (entry,) = tmp_path.glob("catalogue-*.json")
    data = json.loads(entry.read_text())
    tamper(data["catalogue"])  # type: ignore[operator]
    entry.write_text(json.dumps(data))
    key = entry.name.removeprefix("catalogue-").removesuffix(".json")
    assert cache._from_cache(key, "x") is None
    assert load_catalogue() == good


ANCHORED = [
    "format: 1\nanswers:\n  build-models: &a {skill: 3, interest: 4}\n",
    "format: &one 1\n",
    "format: 1\nanswers: {build-models: {skill: &s 3}}\n",
]


@pytest.mark.parametrize("text", ANCHORED)
def test_an_anchor_without_an_alias_is_refused(text: str, tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(text)
    result = runner.invoke(app, ["quiz", "--answers", str(path), "--defaults", "--format", "json"])
    assert result.exit_code == 2
    assert "aliases and anchors (&name, *name) are not allowed" in result.stderr


def test_an_anchor_in_a_catalogue_is_refused(catalogue_dir: Path) -> None:
    roles = catalogue_dir / "roles.yaml"
    text = roles.read_text()
    roles.write_text(text.replace("roles:", "roles: &all", 1))
    result = runner.invoke(app, ["check", "--catalogue", str(catalogue_dir)])
    assert result.exit_code == 2
    assert "anchors" in result.stderr


def test_text_with_an_ampersand_is_not_an_anchor(tmp_path: Path, catalogue: Catalogue) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("format: 1\n# R&D, Q&A &c.\nanswers: {}\ncontext: {}\nnote: [R&D, 'a &b']\n")
    with pytest.raises(AnswersError, match="unknown field"):  # read, then refused for the key alone
        load_answers(path, catalogue)


@pytest.mark.parametrize("value", ["1.0", "1.", "true", "'1'"])
def test_format_must_be_the_whole_number_1(value: str, tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(f"format: {value}\nanswers: {{}}\n")
    result = runner.invoke(app, ["quiz", "--answers", str(path), "--defaults", "--format", "json"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"rolefit: {path}:1: format: expected 1 (got ")


@pytest.mark.parametrize(
    "args",
    [
        ["score", "x\x00y"],
        ["jobs", "x\x00y"],
        ["audit", "x\x00y"],
        ["quiz", "--answers", "x\x00y"],
        ["quiz", "--answers", str(EXAMPLES / "analyst.yaml"), "-o", "o\x00.json"],
        ["quiz", "--answers", str(EXAMPLES / "analyst.yaml"), "--save", "s\x00.yaml"],
        ["check", "--catalogue", "x\x00y"],
        ["template", "-o", "t\x00.yaml"],
    ],
    ids=["score", "jobs", "audit", "answers", "output", "save", "catalogue", "template"],
)
def test_a_nul_in_a_file_name_is_one_error_line(args: list[str]) -> None:
    """The system takes no NUL in a name (Python raises ValueError): exit 2, one line, no traceback."""
    from typer.testing import CliRunner

    from rolefit.cli import app

    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2, (result.output, result.exception)
    lines = [line for line in result.stderr.splitlines() if line.startswith("rolefit: ")]
    assert len(lines) == 1 and ("NUL" in lines[0] or "null byte" in lines[0]), result.stderr
