"""What `rolefit jobs` says of the whole: when nothing could be read, and of the answers it ranks by."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from rolefit.cli import app

from helpers import ROOT

runner = CliRunner()
AD = ROOT / "tests" / "postings" / "prod-02-marketplace.txt"


def _unreadable(folder: Path) -> Path:
    (folder / "sub").mkdir(parents=True)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "bin.txt").write_bytes(b"\x00\x01binary")
    (folder / "ad.pdf").write_bytes(b"%PDF-1.4 nothing")
    return folder


@pytest.mark.parametrize("output", [None, "n.json", "n.md"])
def test_nothing_readable_ends_with_one_line_saying_no_report_was_written(tmp_path: Path, output: str | None) -> None:
    folder = _unreadable(tmp_path / "nothing")
    target = tmp_path / output if output else None
    result = runner.invoke(app, ["jobs", str(folder), *(["-o", str(target)] if target else [])])
    assert result.exit_code == 2 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert sum("could not read" in line for line in lines) == 2
    where = f" to {target}" if target else ""
    assert lines[-1] == f"rolefit: no posting could be read, so no report was written{where}"
    assert target is None or not target.exists()


def test_a_posting_read_beside_unreadable_files_gets_its_report_and_no_such_line(tmp_path: Path) -> None:
    folder = _unreadable(tmp_path / "nothing")
    result = runner.invoke(app, ["jobs", str(folder), str(AD)])
    assert result.exit_code == 2 and "prod-02-marketplace" in result.stdout
    assert "no posting could be read" not in result.stderr
