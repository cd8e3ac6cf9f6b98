"""rolefit jobs keeps the files it could not read in the report it writes, as rolefit score does."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from rolefit.cli import app

from helpers import EXAMPLES, ROOT

runner = CliRunner()
SAMPLES = ROOT / "tests" / "postings"
GOOD = (SAMPLES / "prod-02-marketplace.txt").read_bytes()
BAD = {
    "bin.txt": (b"\x00\x01\x02binary\xff", "(this looks like a binary file, not text)"),
    "empty.txt": (b"", "the file is empty: expected the text of a job posting"),
    "u16.txt": ("Data Scientist\nBuild dashboards\n".encode("utf-16"), "(this looks like UTF-16; save it as UTF-8)"),
}


def _folder(tmp_path: Path) -> Path:
    """One good ad, a binary file, an empty one and a UTF-16 one."""
    folder = tmp_path / "f5"
    folder.mkdir()
    (folder / "good.txt").write_bytes(GOOD)
    for name, (data, _) in BAD.items():
        (folder / name).write_bytes(data)
    return folder


@pytest.mark.parametrize("suffix", ["md", "txt", "html"])
def test_a_saved_report_names_each_file_that_could_not_be_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    monkeypatch.chdir(tmp_path)
    _folder(tmp_path)
    result = runner.invoke(app, ["jobs", "f5", "-o", f"f5.{suffix}"])
    assert result.exit_code == 2  # (after the report is written)
    saved = (tmp_path / f"f5.{suffix}").read_text(encoding="utf-8")
    assert "Data Scientist, Marketplace" in saved
    if suffix in ("md", "txt"):
        assert "\nNot read:\n" in saved
    said = " ".join(saved.replace("\\", "").split())
    for name, (_, why) in BAD.items():
        assert f"f5/{name}: " in said and why in said
        assert result.stderr.count(f"rolefit: could not read f5/{name}: ") == 1
    if suffix == "html":
        assert '<h2 id="failures-h">Not read</h2>' in saved


def test_the_json_failures_are_shaped_as_score_s(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    result = runner.invoke(app, ["jobs", str(folder), "--format", "json"])
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert [p["posting"] for p in data["postings"]] == ["good"]
    assert data["failures"] == [
        {"file": str(folder / "bin.txt"), "line": None, "message": data["failures"][0]["message"]},
        {"file": str(folder / "empty.txt"), "line": None, "message": BAD["empty.txt"][1]},
        {"file": str(folder / "u16.txt"), "line": None, "message": data["failures"][2]["message"]},
    ]
    assert data["failures"][0]["message"].endswith(BAD["bin.txt"][1])
    (tmp_path / "bad.yaml").write_text("skill: [\n", encoding="utf-8")
    score = json.loads(
        runner.invoke(app, ["score", str(EXAMPLES), str(tmp_path / "bad.yaml"), "--format", "json"]).stdout
    )
    assert score["failures"] and set(score["failures"][0]) == set(data["failures"][0])


def test_a_report_of_postings_all_read_has_no_failures_but_the_key() -> None:
    result = runner.invoke(app, ["jobs", str(SAMPLES / "prod-02-marketplace.txt"), "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["failures"] == []


def test_on_the_screen_the_files_not_read_are_said_once_on_stderr_and_kept_in_a_file(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    result = runner.invoke(app, ["jobs", str(folder)])
    assert result.exit_code == 2
    assert "Not read" not in result.stdout and "could not read" not in result.stdout
    assert result.stderr.count("could not read") == 3
    saved = runner.invoke(app, ["jobs", str(folder), "-o", str(tmp_path / "f5.txt")])
    assert saved.exit_code == 2 and saved.stderr.count("could not read") == 3
    kept = (tmp_path / "f5.txt").read_text(encoding="utf-8")
    assert "Data Scientist, Marketplace (good)" in kept and "\nNot read:\n" in kept
    markdown = runner.invoke(app, ["jobs", str(SAMPLES / "prod-02-marketplace.txt"), "--format", "md"])
    assert "Not read" not in markdown.stdout


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.binary(max_size=40), st.just(GOOD), st.just(b"")), min_size=1, max_size=5))
def test_every_file_of_a_folder_is_a_posting_or_a_failure_in_the_json(blobs: list[bytes]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for k, data in enumerate(blobs):
            (folder / f"ad{k}.txt").write_bytes(data)
        result = runner.invoke(app, ["jobs", str(folder), "--format", "json"])
        assert "Traceback" not in result.output
        if result.exit_code == 2 and not result.stdout:  # none could be read: the errors alone say so
            assert result.stderr.count("rolefit: could not read ") == len(blobs)
            return
        data = json.loads(result.stdout)
        read = {p["posting"] for p in data["postings"]}
        failed = {Path(f["file"]).stem for f in data["failures"]}
        assert read | failed == {f"ad{k}" for k in range(len(blobs))} and not read & failed
        assert result.exit_code == (2 if failed else 0)
        assert result.stderr.count("rolefit: could not read ") == len(failed)
