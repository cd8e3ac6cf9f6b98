"""Hostile targets for writing: devices, FIFOs, symbolic links, folders, a full disk.

What is not a regular file is never replaced by one; no temporary file is ever left behind.
"""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from rolefit.catalogue.load import load_catalogue
from rolefit.cli import app
from rolefit.errors import OutputError
from rolefit.files.write import check_writable, write_text

from helpers import EXAMPLES

runner = CliRunner()
ANSWERS = str(EXAMPLES / "analyst.yaml")


def report(output: Path, *extra: str) -> Any:
    return runner.invoke(app, ["quiz", "--answers", ANSWERS, "--format", "json", "-o", str(output), *extra])


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_symlink_to_a_file_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    target, link = tmp_path / "real.json", tmp_path / "link.json"
    target.write_text("old")
    link.symlink_to(target)
    refused = report(link)
    assert refused.exit_code == 2
    assert "already exists; pass --force" in refused.stderr
    assert target.read_text() == "old"
    result = report(link, "--force")
    assert result.exit_code == 0, result.output
    assert link.is_symlink()
    assert target.read_text().startswith("{")
    assert leftovers(tmp_path) == []


def test_a_symlink_to_a_file_not_made_yet_makes_that_file(tmp_path: Path) -> None:
    target, link = tmp_path / "new.json", tmp_path / "link.json"
    link.symlink_to(target)
    result = report(link)
    assert result.exit_code == 0, result.output
    assert link.is_symlink()
    assert target.read_text().startswith("{")


def test_a_symlink_loop_as_output_is_refused(tmp_path: Path) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.symlink_to(b)
    b.symlink_to(a)
    result = report(a, "--force")
    assert result.exit_code == 2
    assert result.stderr == f"rolefit: {a}: is a loop of symbolic links; expected a file name\n"
    assert a.is_symlink()
    assert b.is_symlink()


def test_force_over_a_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "out.json"
    folder.mkdir()
    (folder / "keep").write_text("x")
    result = report(folder, "--force")
    assert result.exit_code == 2
    assert result.stderr == f"rolefit: {folder}: is a folder; expected a file name\n"
    assert (folder / "keep").read_text() == "x"


def test_a_symlink_to_a_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "link.json").symlink_to(tmp_path / "folder")
    result = report(tmp_path / "link.json", "--force")
    assert result.exit_code == 2
    assert "is a folder" in result.stderr
    assert (tmp_path / "link.json").is_symlink()


def test_a_fifo_with_a_reader_is_written_to(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader, there before the writer
    try:
        write_text(fifo, "hello\n")
        assert os.read(reader, 100) == b"hello\n"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert leftovers(tmp_path) == []


def test_a_fifo_nobody_reads_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    command = [sys.executable, "-m", "rolefit", "quiz", "--answers", ANSWERS, "--format", "json", "-o", str(fifo)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=20, env=env, check=False)
    assert done.returncode == 2
    assert done.stderr == f"rolefit: {fifo}: no program is reading this FIFO\n"
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def device(tmp_path: Path, name: str) -> Path:
    """``/dev/NAME``; as root, a copy of its node in ``tmp_path`` (a regression would replace the real one)."""
    real = Path("/dev") / name
    if not real.exists():
        pytest.skip(f"no {real} here")
    if not ROOT:
        return real  # harmless: nobody else may create files in /dev
    node = tmp_path / name
    os.mknod(node, stat.S_IFCHR | 0o666, real.stat().st_rdev)
    return node


def test_a_character_device_is_written_to_not_replaced(tmp_path: Path) -> None:
    null = device(tmp_path, "null")
    before = null.lstat()
    result = report(null, "--force")
    assert result.exit_code == 0, result.output
    after = null.lstat()
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
    assert leftovers(tmp_path) == []


def test_a_full_device_is_one_clear_line(tmp_path: Path) -> None:
    full = device(tmp_path, "full")
    result = report(full, "--force")
    assert result.exit_code == 2
    assert result.stderr == f"rolefit: {full}: cannot write it: No space left on device\n"
    assert stat.S_ISCHR(full.lstat().st_mode)


def test_standard_output_by_its_device_name_is_written_to(tmp_path: Path) -> None:
    """``-o /dev/stdout`` (a link to the descriptor) writes there, without --force, and replaces nothing."""
    out = tmp_path / "report.json"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    command = [sys.executable, "-m", "rolefit", "quiz", "--answers", ANSWERS, "--format", "json", "-o", "/dev/stdout"]
    with out.open("w") as handle:
        done = subprocess.run(
            command, stdout=handle, stderr=subprocess.PIPE, text=True, timeout=20, env=env, check=False
        )
    assert done.returncode == 0, done.stderr
    assert out.read_text().startswith("{")
    assert Path("/dev/stdout").is_symlink()


def test_standard_output_by_name_without_a_format_gets_the_screen_s_text(tmp_path: Path) -> None:
    """No suffix names a format in ``/dev/stdout``: the report is the one the screen shows, and no
    "Wrote /dev/stdout" notice follows it."""
    out = tmp_path / "report"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    command = [sys.executable, "-m", "rolefit", "quiz", "--answers", ANSWERS, "-o", "/dev/stdout"]
    with out.open("w") as handle:
        done = subprocess.run(
            command, stdout=handle, stderr=subprocess.PIPE, text=True, timeout=20, env=env, check=False
        )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert out.read_text().startswith("Your best fit:")


def test_a_socket_is_refused(tmp_path: Path) -> None:
    import socket

    path = tmp_path / "s.json"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(OutputError, match="found a socket"):
            check_writable(path, force=True)
    assert stat.S_ISSOCK(path.lstat().st_mode)


def test_a_full_disk_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError, match="No space left on device"):
        write_text(tmp_path / "out.txt", "x" * 10_000)
    assert list(tmp_path.iterdir()) == []


def test_an_empty_output_name_is_refused() -> None:
    with pytest.raises(OutputError, match="expected a file name"):
        check_writable(Path(""), force=True)  # noqa: PTH201 - the empty name as the user gave it


class _FullFile:
    """A file on a full disk: every write fails."""

    def __init__(self, real: Any) -> None:
        self.real = real

    def __enter__(self) -> _FullFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.real.close()

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_cache_that_cannot_be_written_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ROLEFIT_CACHE_DIR", str(tmp_path))
    real_fdopen = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda *a, **k: _FullFile(real_fdopen(*a, **k)))
    assert load_catalogue().roles  # a cache that cannot be written is no error
    assert list(tmp_path.iterdir()) == []


def test_a_cache_that_cannot_be_renamed_into_place_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ROLEFIT_CACHE_DIR", str(tmp_path))

    def refuse(self: Path, target: Path) -> Path:
        raise OSError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(Path, "replace", refuse)
    assert load_catalogue().roles
    assert list(tmp_path.iterdir()) == []
