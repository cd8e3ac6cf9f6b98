"""Which files of a folder or a pattern rolefit jobs reads: one rule, said in --help, and on stderr."""

from __future__ import annotations

import json
import re
import tempfile
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from rolefit.cli import app
from rolefit.files.read import POSTING_SUFFIXES

from helpers import ROOT

runner = CliRunner()
#: The files of a folder that are always skipped, quietly (and hidden ones), as --help says.
OWN_FILES = ("readme", "license", "licence", "changelog", "contributing", "code_of_conduct", "sources")
SAMPLES = ROOT / "tests" / "postings"
AD = (SAMPLES / "prod-02-marketplace.txt").read_text(encoding="utf-8")
OTHER_AD = (SAMPLES / "rnd-02-legal-nlp.txt").read_text(encoding="utf-8")


def _jobs(*args: str) -> tuple[int, list[str], list[str]]:
    """The exit code, the postings of the JSON (none when there is none), and stderr's lines."""
    result = runner.invoke(app, ["jobs", *args, "--format", "json"])
    assert "Traceback" not in result.output
    postings = [p["posting"] for p in json.loads(result.stdout)["postings"]] if result.stdout else []
    return result.exit_code, postings, result.stderr.splitlines()


def test_a_notes_file_that_holds_an_ad_is_read(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text(AD, encoding="utf-8")
    (tmp_path / "reasons.md").write_text(OTHER_AD, encoding="utf-8")
    (tmp_path / "ad.txt").write_text(OTHER_AD, encoding="utf-8")
    assert _jobs(str(tmp_path)) == (0, ["ad", "notes", "reasons"], [])


def test_notes_on_the_ads_are_skipped_and_named_whatever_they_are_called(tmp_path: Path) -> None:
    for name in ("d01.txt", "d02.txt", "d03.txt"):
        (tmp_path / name).write_text(AD, encoding="utf-8")
    (tmp_path / "labels-why.md").write_text("# why\n- d01.txt: product\n- D02.TXT: product\n", encoding="utf-8")
    code, postings, said = _jobs(str(tmp_path))
    assert (code, postings) == (0, ["d01", "d02", "d03"])
    assert said == [
        f"rolefit: {tmp_path / 'labels-why.md'}: skipped, notes on the postings beside it, not a posting (it names "
        "2 of them by file name: d01.txt, d02.txt); name it on its own to read it"
    ]
    assert _jobs(str(tmp_path / "labels-why.md"))[1] == ["labels-why"]  # on its own: read


def test_every_file_not_read_is_named_but_a_project_s_own_and_hidden_ones(tmp_path: Path) -> None:
    (tmp_path / "ad.txt").write_text(AD, encoding="utf-8")
    for name in ("README.md", "LICENSE", "contributing.md", "CODE_OF_CONDUCT.md", "SOURCES.txt", ".draft.md"):
        (tmp_path / name).write_text(OTHER_AD, encoding="utf-8")
    (tmp_path / "labels.yaml").write_text('ad.txt: "product"\n', encoding="utf-8")
    (tmp_path / "ad.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "sub").mkdir()
    assert _jobs(str(tmp_path)) == (
        0,
        ["ad"],
        [
            f"rolefit: {tmp_path}: 3 entries skipped, not .txt, .md, .markdown, .html or .htm postings: "
            "ad.pdf, labels.yaml, sub/"
        ],
    )


def test_a_pattern_whose_matches_are_all_skipped_says_so_and_why(tmp_path: Path) -> None:
    for name in ("d01.txt", "d02.txt"):
        (tmp_path / name).write_text(AD, encoding="utf-8")
    (tmp_path / "SOURCES.md").write_text("- d01.txt: a job board\n- d02.txt: the same\n", encoding="utf-8")
    (tmp_path / "reasons.md").write_text("- d01.txt — product\n- d02.txt — product\n", encoding="utf-8")
    pattern = str(tmp_path / "*.md")
    result = runner.invoke(app, ["jobs", pattern])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"rolefit: {pattern}: 2 entries match this pattern, and none is read as a posting; skipped: "
        f"{tmp_path / 'SOURCES.md'} (a project's own SOURCES file, always skipped), {tmp_path / 'reasons.md'} "
        "(notes on the postings beside it: it names 2 of them by file name); name a file on its own to read it"
    ]


def test_a_folder_of_only_a_readme_says_it_was_skipped(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text(AD, encoding="utf-8")
    result = runner.invoke(app, ["jobs", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"rolefit: {tmp_path}: no postings (.txt, .md, .markdown, .html, .htm) in this folder; skipped: README.md "
        "(a project's own README file, always skipped); name a file on its own to read it"
    ]


def test_help_and_readme_name_every_file_that_is_always_skipped() -> None:
    shown = " ".join(runner.invoke(app, ["jobs", "--help"], env={"COLUMNS": "200"}).stdout.replace("│", " ").split())
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    for name in OWN_FILES:
        assert name.upper() in shown and name.upper() in readme, name
    assert "hidden files" in shown and "two or more of the postings" in shown
    assert "two or more of the postings beside it by file name" in readme


NAMES = st.sampled_from(
    ["ad", "notes", "reasons", "readme", "README", "License", "sources", "changelog", "Contributing", "job-2"]
)
SUFFIXES = st.sampled_from([".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx", ".yaml", ".json", ""])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.booleans(), NAMES, SUFFIXES), min_size=1, max_size=8, unique=True))
# (a folder of only skipped files whose reasons, five of them, ran past the length a message is cut at)
@example(
    [
        (False, "ad", ".pdf"),
        (False, "ad", ".docx"),
        (False, "readme", ".txt"),
        (False, "readme", ".md"),
        (False, "readme", ".markdown"),
        (False, "Contributing", ".txt"),
    ]
)
def test_each_entry_of_a_folder_is_read_or_said_to_be_skipped_or_one_of_the_named_ones(
    entries: list[tuple[bool, str, str]],
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "ads"
        folder.mkdir()
        names = sorted({("." if hidden else "") + stem + suffix for hidden, stem, suffix in entries})
        for name in names:
            (folder / name).write_text(AD, encoding="utf-8")
        _, postings, said = _jobs(str(folder))
        told = " ".join(said)
        read = []
        for name in names:
            stem, suffix = Path(name).stem, Path(name).suffix
            quiet = name.startswith(".") or stem.lower() in OWN_FILES
            posting = not quiet and suffix in POSTING_SUFFIXES
            read += [stem] if posting else []
            if not (quiet or posting):  # (named in the note, or in the error when nothing is read: five at most)
                assert re.search(rf"[ /]{re.escape(name)}/?( \(|,|$| and)", told) or re.search(r" and \d+ more", told)
            if quiet:
                assert f" {name}" not in told or "always skipped" in told, name
        ids = [Path(p).name for p in postings]
        assert Counter(Path(i).stem if Path(i).suffix in POSTING_SUFFIXES else i for i in ids) == Counter(read)
