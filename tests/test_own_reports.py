"""rolefit's own reports are never read as postings, and a report is never written over one of its inputs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from rolefit.cli import app
from rolefit.files import marks

from helpers import EXAMPLES, ROOT

runner = CliRunner()
SAMPLES = ROOT / "tests" / "postings"
ADS = ("dp-02-logistics-smb.txt", "dp-01-retail-startup.md", "dp-05-saas-growth.txt")


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "ads"
    folder.mkdir()
    for name in ADS:
        shutil.copy(SAMPLES / name, folder / name)
    return folder


def _names(stdout: str) -> list[str]:
    return [p["posting"] for p in json.loads(stdout)["postings"]]


@pytest.mark.parametrize("suffix", ["md", "txt", "html", "markdown", "htm"])
def test_a_report_saved_among_its_postings_is_not_read_as_one(tmp_path: Path, suffix: str) -> None:
    folder = _folder(tmp_path)
    report = folder / f"report.{suffix}"
    assert runner.invoke(app, ["jobs", str(folder), "-o", str(report)]).exit_code == 0
    again = runner.invoke(app, ["jobs", str(folder), "--format", "json"])
    assert again.exit_code == 0, again.output
    assert sorted(_names(again.stdout)) == sorted(Path(n).stem for n in ADS)
    what = "page" if "htm" in suffix else "report"
    assert f"{report}: skipped, a {what} rolefit wrote, not a posting" in again.stderr
    alone = runner.invoke(app, ["jobs", str(report)])
    assert alone.exit_code == 2 and alone.stdout == ""
    assert alone.stderr.strip() == f"rolefit: {report}: this is a {what} rolefit wrote, not a job posting"


@pytest.mark.parametrize("command", ["score", "compare", "audit", "quiz"])
def test_every_markdown_and_text_report_bears_the_mark(tmp_path: Path, command: str) -> None:
    args = {
        "score": [str(EXAMPLES)],
        "compare": [str(EXAMPLES / "analyst.yaml"), str(EXAMPLES / "builder.yaml")],
        "audit": [str(EXAMPLES)],
        "quiz": ["--answers", str(EXAMPLES / "analyst.yaml")],
    }[command]
    for suffix in ("md", "txt"):
        out = tmp_path / f"{command}.{suffix}"
        assert runner.invoke(app, [command, *args, "-o", str(out)]).exit_code == 0
        assert marks.written_by_rolefit(out.read_text(encoding="utf-8")) == "report"


@pytest.mark.parametrize("how", ["folder", "pattern"])
def test_the_output_file_is_left_out_of_a_folder_or_a_pattern(tmp_path: Path, how: str) -> None:
    folder = _folder(tmp_path)
    target = folder / "report.md"  # a report of ours, written into the folder of its postings before
    given = str(folder) if how == "folder" else str(folder / "*.*")
    assert runner.invoke(app, ["jobs", str(folder / ADS[0]), "-o", str(target)]).exit_code == 0
    (target.parent / "again.md").write_text(target.read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(app, ["jobs", given, "-o", str(target), "--force", "--format", "md"])
    assert result.exit_code == 0, result.output
    assert f"{target}: left out, the file this report is written to (--output), not a posting" in result.stderr
    written = target.read_text(encoding="utf-8")
    assert all(Path(name).stem in written for name in ADS) and "again" not in written


def test_an_output_left_out_of_all_there_is_gives_no_report(tmp_path: Path) -> None:
    folder = tmp_path / "ads"
    folder.mkdir()
    target = folder / "ad.md"
    assert runner.invoke(app, ["jobs", str(SAMPLES / ADS[1]), "-o", str(target)]).exit_code == 0
    before = target.read_bytes()
    result = runner.invoke(app, ["jobs", str(folder / "*.md"), "-o", str(target), "--force"])
    assert result.exit_code == 2
    assert "(the file the report is written to)" in result.stderr
    assert target.read_bytes() == before


def test_an_output_named_as_an_input_is_refused_and_kept(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    target = folder / ADS[1]
    before = target.read_bytes()
    result = runner.invoke(app, ["jobs", str(folder), str(target), "-o", str(target), "--force"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.strip() == (
        f"rolefit: {target}: is also an input of this command ({target}); write the result elsewhere"
    )
    assert target.read_bytes() == before


@pytest.mark.parametrize("command", ["score", "audit"])
def test_score_and_audit_leave_their_output_out_of_a_folder(tmp_path: Path, command: str) -> None:
    folder = tmp_path / "cohort"
    shutil.copytree(EXAMPLES, folder)
    target = folder / "out.json"  # a JSON report, found again in the folder of answers files it reports on
    assert runner.invoke(app, [command, str(folder), "-o", str(target)]).exit_code == 0
    result = runner.invoke(app, [command, str(folder), "-o", str(target), "--force"])
    assert result.exit_code == 0, result.output
    assert f"{target}: left out, the file this report is written to (--output)" in result.stderr
    assert "out.json" not in target.read_text(encoding="utf-8")
    named = runner.invoke(app, [command, str(folder), str(target), "-o", str(target), "--force"])
    assert named.exit_code == 2 and "is also an input of this command" in named.stderr


def test_no_sample_posting_is_taken_for_a_report() -> None:
    for path in sorted(SAMPLES.rglob("*")):
        if path.is_file() and path.suffix in (".txt", ".md", ".html"):
            assert marks.written_by_rolefit(path.read_text(encoding="utf-8", errors="replace")) is None, path


@given(st.text())
def test_a_marked_report_is_always_known_and_its_text_without_the_mark_is_not(text: str) -> None:
    for mark in (marks.mark_markdown, marks.mark_text):
        assert marks.written_by_rolefit(mark(text)) == "report"
    quoted = f"{marks.markdown_mark()}\n{marks.text_mark()}\n{text}\nApply by Friday.\n"
    if marks.PAGE not in quoted[: marks.PAGE_HEAD]:  # the marks anywhere but the last line are words
        assert marks.written_by_rolefit(quoted) is None


def test_a_posting_that_quotes_the_mark_is_still_read(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    quoting = folder / "quoting.txt"
    quoting.write_text(
        f"Data Scientist\n{marks.text_mark()}\n<!-- written by rolefit 1.0.0 -->\nBuild dashboards in SQL.\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["jobs", str(folder), "--format", "json"])
    assert result.exit_code == 0 and "quoting" in _names(result.stdout)


@given(suffix=st.sampled_from([".txt", ".md", ".markdown", ".html", ".htm", ".TXT", ".Md"]))
def test_the_skip_message_lists_exactly_the_kinds_a_folder_reads(suffix: str) -> None:
    import tempfile

    from rolefit.files.read import POSTING_SUFFIXES

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        shutil.copy(SAMPLES / ADS[0], folder / f"ad{suffix}")
        (folder / "ad.rtf").write_text("Data Scientist\n", encoding="utf-8")
        result = runner.invoke(app, ["jobs", str(folder), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert _names(result.stdout) == ["ad"]  # (the kind the message names is read)
    kinds = f"{', '.join(POSTING_SUFFIXES[:-1])} or {POSTING_SUFFIXES[-1]}"
    assert kinds == ".txt, .md, .markdown, .html or .htm"
    assert result.stderr.strip() == f"rolefit: {folder}: 1 entry skipped, not {kinds} postings: ad.rtf"


@pytest.mark.parametrize(
    ("command", "writes"),
    [
        (["quiz", "--answers", str(EXAMPLES / "researcher.yaml")], "quiz"),
        (["score", str(EXAMPLES)], "score"),
        (["audit", str(EXAMPLES)], "audit"),
        (["compare", str(EXAMPLES / "researcher.yaml"), str(EXAMPLES / "analyst.yaml")], "compare"),
        (["jobs", str(SAMPLES / ADS[0])], "jobs"),
        (["explain", "rnd"], "explain"),
        (["schema", "answers"], "schema"),
    ],
)
def test_a_json_report_given_as_answers_is_said_to_be_one(tmp_path: Path, command: list[str], writes: str) -> None:
    """Each command's JSON given where answers are wanted: exit 2, and a message that names the
    file, the key that shows it, the command that wrote it and what was expected instead."""
    report = tmp_path / "report.json"
    assert runner.invoke(app, [*command, "-o", str(report)]).exit_code in (0, 1)
    for use in (["quiz", "--answers"], ["score"], ["compare", str(EXAMPLES / "analyst.yaml")]):
        result = runner.invoke(app, [*use, str(report)])
        assert result.exit_code == 2, result.output
        assert f"this is what rolefit {writes} writes, not an answers file; expected an answers file" in result.output
        assert f"{report}:2: " in result.output
        assert "unknown field" not in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("command", ["score", "audit"])
def test_a_json_report_found_in_a_cohort_folder_is_skipped_and_said(tmp_path: Path, command: str) -> None:
    """`rolefit score cohort/ -o cohort/summary.json`, then `rolefit score cohort/`: the summary is
    no one's answers. It is skipped, with a line on stderr; a folder of nothing else is an error."""
    folder = tmp_path / "cohort"
    shutil.copytree(EXAMPLES, folder)
    first = runner.invoke(app, [command, str(folder), "--format", "json"])
    assert first.exit_code == 0
    (folder / "summary.json").write_text(first.stdout, encoding="utf-8")
    again = runner.invoke(app, [command, str(folder), "--format", "json"])
    assert again.exit_code == 0, again.output
    assert again.stdout == first.stdout  # (the same people, the report not among them)
    assert f"{folder / 'summary.json'}: skipped, a report that rolefit {command} wrote, not answers" in again.stderr
    alone = tmp_path / "alone"
    alone.mkdir()
    shutil.copy(folder / "summary.json", alone / "summary.json")
    empty = runner.invoke(app, [command, str(alone), "-o", str(tmp_path / "out.json")])
    assert empty.exit_code == 2 and not (tmp_path / "out.json").exists()
    assert empty.stderr.startswith(f"rolefit: {alone}: no answers files to {command}, of those found: ")


def test_an_output_left_out_of_a_cohort_of_nothing_else_writes_no_report(tmp_path: Path) -> None:
    folder = tmp_path / "cohort"
    shutil.copytree(EXAMPLES, folder)
    target = folder / "out.json"
    assert runner.invoke(app, ["score", str(folder), "-o", str(target)]).exit_code == 0
    for answers in folder.glob("*.yaml"):
        answers.unlink()
    before = target.read_bytes()
    result = runner.invoke(app, ["score", str(folder), "-o", str(target), "--force"])
    assert result.exit_code == 2 and target.read_bytes() == before
    assert "left out, the file this report is written to (--output)" in result.stderr


def test_a_posting_in_the_folder_is_never_written_over_even_with_force(tmp_path: Path) -> None:
    """`rolefit jobs ads/ -o ads/a.md --force`, a.md a posting of the folder (no report of ours): it is
    an input, refused as one named on its own is, and kept."""
    folder = _folder(tmp_path)
    for name in ADS:
        target = folder / name
        before = target.read_bytes()
        result = runner.invoke(app, ["jobs", str(folder), "-o", str(target), "--force"])
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr.startswith(f"rolefit: {target}: is also an input of this command (a file of {folder} ")
        assert target.read_bytes() == before


def test_an_answers_file_in_the_cohort_is_never_written_over_even_through_a_link(tmp_path: Path) -> None:
    """`rolefit score cohort/ -o cohort/link.csv --force`, the link to one of the answers files: refused, kept."""
    folder = tmp_path / "cohort"
    shutil.copytree(EXAMPLES, folder)
    (folder / "link.csv").symlink_to("analyst.yaml")
    before = (folder / "analyst.yaml").read_bytes()
    for command in ("score", "audit"):
        result = runner.invoke(app, [command, str(folder), "-o", str(folder / "link.csv"), "--force"])
        assert result.exit_code == 2, result.output
        assert "is also an input of this command (an answers file of" in result.stderr
        assert (folder / "analyst.yaml").read_bytes() == before
