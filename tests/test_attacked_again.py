"""Regressions for what a second attack on rolefit found (after the hostile-systems work).

Each test is one finding: the command as the attacker ran it, and what must hold now.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rolefit.catalogue.load import builtin_dir, load_catalogue
from rolefit.cli import app
from rolefit.errors import OutputError, QuizInterrupted
from rolefit.files.answers import load_answers
from rolefit.model.answers import Answers
from rolefit.model.catalogue import Catalogue, Organisation, Role

from helpers import EXAMPLES, ROOT

runner = CliRunner()
RESEARCHER = EXAMPLES / "researcher.yaml"


def _run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    kwargs.setdefault("stdout", subprocess.PIPE)
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "rolefit", *args], stderr=subprocess.PIPE, text=True, timeout=60, env=env, **kwargs
    )


@pytest.mark.parametrize(
    "args",
    [["quiz"], ["quiz", "--answers", "-"], ["jobs", "-"]],
)
def test_a_closed_standard_input_is_one_line(args: list[str]) -> None:
    script = f"import os, sys; os.close(0); sys.argv = ['rolefit', *{args!r}]; from rolefit.cli import run; run()"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("rolefit:"), done.stderr
    assert "Traceback" not in done.stderr


def test_a_closed_standard_output_for_the_quiz_report_is_one_line() -> None:
    script = (
        "import os, sys; os.close(1); sys.stdout = None; "
        f"sys.argv = ['rolefit', 'quiz', '--answers', {str(RESEARCHER)!r}]; from rolefit.cli import run; run()"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and done.stderr.startswith("rolefit:")


def test_output_to_dev_stdout_appends_where_the_shell_opened_it(tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    log.write_text("PRECIOUS\n", encoding="utf-8")
    with log.open("a", encoding="utf-8") as out:
        done = _run(["quiz", "--answers", str(RESEARCHER), "--format", "json", "-o", "/dev/stdout"], stdout=out)
    assert done.returncode == 0, done.stderr
    text = log.read_text(encoding="utf-8")
    assert text.startswith("PRECIOUS\n{") and text.rstrip().endswith("}")


def test_output_over_a_file_of_the_catalogue_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "cat"
    folder.mkdir()
    for name in ("tasks.yaml", "roles.yaml"):
        (folder / name).write_bytes((builtin_dir() / name).read_bytes())
    before = (folder / "roles.yaml").read_bytes()
    args = ["quiz", "--answers", str(RESEARCHER), "--catalogue", str(folder), "--format", "json", "--force"]
    result = runner.invoke(app, [*args, "-o", str(folder / "roles.yaml")])
    assert result.exit_code == 2
    assert "input" in result.stderr
    assert (folder / "roles.yaml").read_bytes() == before


def test_jobs_on_a_terminal_shows_control_text_from_a_posting_escaped(tmp_path: Path) -> None:
    posting = tmp_path / "a.md"
    posting.write_text(
        "# Data \x1b]0;pwned\x07 Scientist \u202eX \x9b31m\n\nYou will build \x1b[31mdbt\x1b[0m pipelines in "
        "Airflow and load the data warehouse.\nYou will set up Looker dashboards for stakeholders.\n"
        "We run A/B testing and build ETL with Spark.\nYou will source data from APIs.\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["jobs", str(posting)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout and "\x9b" not in result.stdout
    assert "\\x1b]0;pwned" in result.stdout


def test_a_role_page_of_a_large_catalogue_compares_the_closest_roles_only() -> None:
    cat = load_catalogue()
    base = cat.roles[0]
    extra = tuple(
        Role(f"copy-{k}", f"Copy {k}", f"copy {k}", "s", base.tasks, (Organisation("x", "y"),)) for k in range(40)
    )
    big = Catalogue(cat.version, cat.stages, cat.groups, cat.tasks, cat.roles + extra, cat.context)
    from rolefit.report.roles import COMPARED_ROLES, closest_roles

    shown, more = closest_roles(base, big)
    assert len(shown) == COMPARED_ROLES and more == len(big.roles) - 1 - COMPARED_ROLES
    assert all(r.tasks == base.tasks for r in shown)  # the copies share all its weight: closest


def test_a_folder_given_to_output_is_said_to_be_one(tmp_path: Path) -> None:
    for force in ([], ["--force"]):
        result = runner.invoke(app, ["explain", "rnd", "-o", str(tmp_path), *force])
        assert result.exit_code == 2
        assert "is a folder" in result.stderr and "--force" not in result.stderr


def test_an_interrupted_quiz_whose_session_cannot_be_saved_keeps_the_answers_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, state_dir: Path
) -> None:
    """The state folder is full: at Ctrl-C the answers go to the --save file, and the message says so."""
    from rolefit.quiz import gather, prompts, session
    from rolefit.quiz.order import Plan

    catalogue = load_catalogue()
    given = load_answers(RESEARCHER, catalogue)
    partial = Answers(skill=dict(list(given.skill.items())[:3]), context=dict(given.context))

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OutputError("cannot write it: No space left on device", file=state_dir / "session.yaml")

    def interrupted(self: object, plan: object) -> Answers:
        raise QuizInterrupted("quiz interrupted", answers=partial)

    monkeypatch.setattr(session, "save_session", full_disk)
    monkeypatch.setattr(prompts.Quiz, "run", interrupted)
    target = tmp_path / "me.yaml"
    options = gather.Options("adaptive", target, False)
    with pytest.raises(QuizInterrupted) as caught:
        gather.ask(catalogue, Plan(catalogue, "adaptive", partial), options, notify=lambda _: None)
    assert str(target) in str(caught.value) and "No space left" in str(caught.value)
    assert load_answers(target, catalogue).skill == partial.skill


def test_jobs_reads_past_a_symlink_loop_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_bytes((ROOT / "tests" / "postings" / "dp-01-retail-startup.md").read_bytes())
    (tmp_path / "l1.md").symlink_to("l2.md")
    (tmp_path / "l2.md").symlink_to("l1.md")
    result = runner.invoke(app, ["jobs", str(tmp_path), "--format", "json"])
    assert result.exit_code == 2
    assert "good" in result.stdout
    assert result.stderr.count("loop of symbolic links") == 2 and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "call", ["load_roles(3)", "read_postings(None)", "read_postings([3])", "read_postings('ads/')"]
)
def test_the_api_answers_junk_with_its_own_error(call: str) -> None:
    import rolefit

    with pytest.raises(rolefit.RolefitError):
        eval(call, {"load_roles": rolefit.load_roles, "read_postings": rolefit.read_postings})


def test_an_escape_a_posting_s_title_starts_with_is_shown_whole(tmp_path: Path) -> None:
    """ "\x1b[31mData Scientist": the title keeps its escape, shown as one ("\\x1b[31m..."), not "[31m..."."""
    posting = tmp_path / "a.md"
    posting.write_text(
        "\x1b[31mData Scientist\x1b[0m\n\nYou will build models and run A/B tests on our checkout.\n", encoding="utf-8"
    )
    shown = runner.invoke(app, ["jobs", str(posting)], env={"COLUMNS": "200"})
    assert shown.exit_code == 0 and "\x1b" not in shown.stdout
    assert "\\x1b[31mData Scientist\\x1b[0m" in shown.stdout
    data = runner.invoke(app, ["jobs", str(posting), "--format", "json"])
    assert json.loads(data.stdout)["postings"][0]["title"] == "\x1b[31mData Scientist\x1b[0m"
