"""Files are written atomically and never overwritten unless asked."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from rolefit.errors import OutputError
from rolefit.files.write import free_name, write_text


def test_writes_new_file(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    write_text(target, "hello\n")
    assert target.read_text() == "hello\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]


def test_refuses_existing_file_without_force(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    target.write_text("keep")
    with pytest.raises(OutputError, match="--force"):
        write_text(target, "new")
    assert target.read_text() == "keep"
    write_text(target, "new", force=True)
    assert target.read_text() == "new"


def test_a_file_appearing_mid_write_is_not_clobbered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Between the check and the rename another process creates the file: it survives."""
    target = tmp_path / "a.yaml"
    real_link = os.link

    def racing_link(src: str, dst: str) -> None:
        Path(dst).write_text("theirs")
        real_link(src, dst)

    monkeypatch.setattr(os, "link", racing_link)
    with pytest.raises(OutputError, match="already exists"):
        write_text(target, "ours")
    assert target.read_text() == "theirs"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


def test_failed_write_leaves_no_partial_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.yaml"
    target.write_text("old")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OutputError, match="No space left"):
        write_text(target, "new", force=True)
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


def test_read_only_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder we may not write in (simulated: tests may run as root) is one clear error."""
    import tempfile

    def denied(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    with pytest.raises(OutputError, match="cannot write here: Permission denied"):
        write_text(tmp_path / "a.yaml", "x")
    assert not (tmp_path / "a.yaml").exists()


def test_missing_folder_and_folder_target(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        write_text(tmp_path / "no" / "a.yaml", "x")
    for force in (False, True):  # a folder is said to be one, not "pass --force" and then refused
        with pytest.raises(OutputError, match="is a folder"):
            write_text(tmp_path, "x", force=force)


def test_free_name_never_returns_an_existing_path(tmp_path: Path) -> None:
    base = tmp_path / "rolefit-answers.yaml"
    assert free_name(base) == base
    base.write_text("1")
    (tmp_path / "rolefit-answers-1.yaml").write_text("2")
    assert free_name(base) == tmp_path / "rolefit-answers-2.yaml"
