"""`rolefit audit`: complete answers files replayed through the quiz's own order and stopping rules."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from rolefit.catalogue.load import load_catalogue
from rolefit.cli import app
from rolefit.files.answers import load_answers
from rolefit.model.answers import question_ids
from rolefit.scoring.fit import score

from helpers import EXAMPLES

runner = CliRunner()
CAT = load_catalogue()


def test_the_json_keeps_its_shape_and_each_mode_asks_in_the_quiz_s_order() -> None:
    files = sorted(EXAMPLES.glob("*.yaml"))
    result = runner.invoke(app, ["audit", *map(str, files), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [f["file"] for f in data["files"]] == [str(f) for f in files]  # as given, in order
    everything = set(question_ids(CAT))
    for entry, path in zip(data["files"], files, strict=True):
        assert entry["full"] == score(CAT, load_answers(path, CAT)).top.role.id
        for mode in ("adaptive", "quick"):
            run = entry["modes"][mode]
            assert run["asked"][0].startswith("context:")  # the context questions come first
            assert len(set(run["asked"])) == len(run["asked"]) and set(run["asked"]) <= everything
            assert len(run["asked"]) < len(everything)
        assert entry["modes"]["adaptive"]["top"] == entry["full"]  # a proof: it always agrees
    summary = data["summary"]
    assert summary["files"] == len(files) and summary["questions"] == len(everything)
    adaptive = sorted(len(f["modes"]["adaptive"]["asked"]) for f in data["files"])
    assert summary["modes"]["adaptive"]["median"] == adaptive[len(adaptive) // 2]
    assert summary["modes"]["adaptive"]["agreement"] == 1.0


def test_a_folder_without_answers_files_and_a_pattern_that_matches_nothing_say_so(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not answers\n", encoding="utf-8")
    folder = runner.invoke(app, ["audit", str(tmp_path)])
    assert folder.exit_code == 2
    assert f"could not audit {tmp_path}: no answers files (*.yaml, *.yml, *.json) in this folder" in folder.stderr
    pattern = str(tmp_path / "nothing" / "*.yaml")
    missed = runner.invoke(app, ["audit", pattern])
    assert missed.exit_code == 2 and f"could not audit {pattern}: no files match this pattern" in missed.stderr


def test_the_table_names_files_within_their_shared_folder_and_counts_in_words() -> None:
    result = runner.invoke(app, ["audit", str(EXAMPLES)], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.splitlines()[0] == f"Files in {EXAMPLES}/"  # the shared folder said once, whole, above
    assert f"{EXAMPLES}/researcher.yaml" not in out
    assert any(line.startswith("researcher.yaml ") for line in out.splitlines())  # whole, not folded mid-word
    assert "of the files." in " ".join(out.split())
    one = runner.invoke(app, ["audit", str(EXAMPLES / "researcher.yaml")])
    assert "1 file, 62 questions in the full quiz." in one.stdout


def test_an_incomplete_file_is_named_and_the_rest_are_audited(tmp_path: Path) -> None:
    partial = tmp_path / "partial.yaml"
    partial.write_text("format: 1\nanswers:\n  build-models: {skill: 3, interest: 4}\n", encoding="utf-8")
    result = runner.invoke(app, ["audit", str(partial), str(EXAMPLES / "analyst.yaml"), "--format", "json"])
    assert result.exit_code == 2
    assert [f["file"] for f in json.loads(result.stdout)["files"]] == [str(EXAMPLES / "analyst.yaml")]
    assert result.stderr.count("could not audit") == 1 and str(partial) in result.stderr


def test_the_untouched_template_is_named_not_audited(tmp_path: Path) -> None:
    """The template as written says nothing about anyone (score counts it as no one): an audit does
    not count it in its medians, nor give it a 'full quiz' top role, which a three-way tie has not."""
    template = tmp_path / "blank.yaml"
    made = runner.invoke(app, ["template", "-o", str(template)])
    assert made.exit_code == 0, made.output
    result = runner.invoke(app, ["audit", str(template), str(EXAMPLES / "analyst.yaml"), "--format", "json"])
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert [f["file"] for f in data["files"]] == [str(EXAMPLES / "analyst.yaml")]
    assert f"could not audit {template}: the untouched template" in result.stderr


def test_a_saved_audit_names_the_files_it_could_not_audit(tmp_path: Path) -> None:
    folder = tmp_path / "cohort"
    folder.mkdir()
    for name in ("analyst.yaml", "researcher.yaml"):
        (folder / name).write_text((EXAMPLES / name).read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "broken.yaml").write_text("format: 1\nanswers: [\n", encoding="utf-8")
    for suffix in ("txt", "md", "html", "svg"):
        out = tmp_path / f"audit.{suffix}"
        result = runner.invoke(app, ["audit", str(folder), "-o", str(out)])
        assert result.exit_code == 2
        saved = out.read_text(encoding="utf-8").replace("&#160;", " ")  # (an SVG's spaces)
        assert "Not audited" in saved and "broken.yaml" in saved, suffix
    screen = runner.invoke(app, ["audit", str(folder)])
    assert "Not audited" not in screen.stdout and "broken.yaml" in screen.stderr  # (said once, on stderr)


def test_an_audit_of_no_readable_file_claims_no_agreement(tmp_path: Path) -> None:
    """Every file failed: the summary's counts and agreement are unknown (null), not "100% agree"."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nanswers: {build-models: {skill: 9}}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["audit", str(bad), "--format", "json"])
    assert result.exit_code == 2
    modes = json.loads(result.stdout)["summary"]["modes"]
    assert modes == {m: {"median": None, "p90": None, "agreement": None} for m in ("adaptive", "quick")}


def test_an_empty_answers_file_is_said_to_be_empty_not_incomplete(tmp_path: Path) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text("format: 1\nanswers: {build-models: {}}\n", encoding="utf-8")
    result = runner.invoke(app, ["audit", str(empty), str(EXAMPLES / "analyst.yaml"), "--format", "json"])
    assert result.exit_code == 2
    (failure,) = json.loads(result.stdout)["failures"]
    assert failure["message"].startswith("an empty answers file: it answers no question")
