"""Every command and its error paths, through typer's CliRunner."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rolefit import __version__
from rolefit.cli import app
from rolefit.files.answers import load_answers
from rolefit.model.answers import complete, question_ids
from rolefit.model.catalogue import Catalogue
from rolefit.report.data import report_json
from rolefit.scoring.fit import score

from helpers import EXAMPLES, ROOT

runner = CliRunner()
RESEARCHER = EXAMPLES / "researcher.yaml"


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def assert_user_error(code: int, out: str, err: str, *needles: str) -> None:
    """Exit 2, one message on stderr naming what is wrong, and no traceback."""
    assert code == 2, (out, err)
    assert "Traceback" not in out + err
    message = err.strip()
    assert message.startswith("rolefit:"), err
    for needle in needles:
        assert needle in message, (needle, message)


# -- basics --------------------------------------------------------------------------------


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0
    assert out.strip() == f"rolefit {__version__}"


@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_help_lists_the_commands(flag: str) -> None:
    code, out, _ = run(flag)
    assert code == 0
    for command in ("quiz", "explain", "roles", "template"):
        assert command in out


def test_no_arguments_shows_help() -> None:
    result = runner.invoke(app, [])
    assert "Usage" in result.output
    assert "quiz" in result.output


def test_the_top_level_help_has_examples() -> None:
    code, out, _ = run("--help")
    assert code == 0 and "Examples" in out and "$ rolefit quiz" in out


def test_quiz_help_has_examples() -> None:
    code, out, _ = run("quiz", "--help")
    assert code == 0
    assert "--answers" in out and "--quick" in out and "Examples" in out


def test_python_dash_m_runs() -> None:
    """`python -m rolefit` is the same program."""
    done = subprocess.run([sys.executable, "-m", "rolefit", "--version"], capture_output=True, text=True)
    assert done.returncode == 0
    assert done.stdout.strip() == f"rolefit {__version__}"


# -- roles and explain -----------------------------------------------------------------------


def test_roles_lists_every_role(catalogue: Catalogue) -> None:
    code, out, _ = run("roles")
    assert code == 0
    for role in catalogue.roles:
        assert role.id in out and role.name in out


def test_explain_without_argument_lists_roles(catalogue: Catalogue) -> None:
    code, out, _ = run("explain")
    assert code == 0
    assert all(r.id in out for r in catalogue.roles)


@pytest.mark.parametrize("name", ["rnd", "R&D", "r&d data", "RND"])
def test_explain_accepts_id_name_or_prefix(name: str, catalogue: Catalogue) -> None:
    code, out, _ = run("explain", name)
    assert code == 0, out
    role = catalogue.role_by_id["rnd"]
    assert role.name in out
    for section in (
        "Signature tasks",
        "Not part of it",
        "All its tasks",
        "Who hires for it",
        "How it evolves",
        "How it differs",
    ):
        assert section in out
    for org in role.organisations:
        assert org.description.split()[0] in out


def test_explain_marks_inferred_links(catalogue: Catalogue) -> None:
    code, out, _ = run("explain", "data-person")
    assert code == 0
    assert "our inference" in out and "article" in out


def test_explain_on_a_catalogue_that_cites_no_article_has_no_source_column() -> None:
    orbit = str(ROOT / "examples" / "catalogues" / "orbit-analytics")
    for fmt in ("text", "md"):
        code, out, _ = run("explain", "analytics-engineer", "--catalogue", orbit, "--format", fmt)
        assert code == 0
        assert "our inference" not in out and "Source" not in out and "Model warehouse data in dbt" in out


def test_explain_unknown_role_lists_valid_ones(catalogue: Catalogue) -> None:
    code, out, err = run("explain", "astronaut")
    assert_user_error(code, out, err, "astronaut", *[r.id for r in catalogue.roles])


def test_explain_ambiguous_prefix(catalogue: Catalogue) -> None:
    """'d' starts 'data-person' only, but '' or a shared prefix must not guess."""
    code, out, err = run("explain", "  ")
    assert_user_error(code, out, err, "expected a role name")


# -- template --------------------------------------------------------------------------------


def test_template_lists_every_question(catalogue: Catalogue) -> None:
    code, out, _ = run("template")
    assert code == 0
    for task in catalogue.tasks:
        assert f"{task.id}:" in out and task.title in out
    for q in catalogue.context:
        assert f"{q.id}:" in out
    assert "0 never done it" in out and "4 love it" in out


def test_template_output_is_a_valid_answers_file(tmp_path: Path, catalogue: Catalogue) -> None:
    target = tmp_path / "me.yaml"
    code, _, _ = run("template", "-o", str(target))
    assert code == 0
    answers = load_answers(target, catalogue)
    assert all(answers.value(q) is not None for q in question_ids(catalogue))


def test_template_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "me.yaml"
    target.write_text("keep me")
    code, out, err = run("template", "-o", str(target))
    assert_user_error(code, out, err, str(target), "--force")
    assert target.read_text() == "keep me"
    code, _, _ = run("template", "-o", str(target), "--force")
    assert code == 0
    assert target.read_text() != "keep me"


# -- scripted quiz ---------------------------------------------------------------------------


def test_scripted_report_text(catalogue: Catalogue) -> None:
    code, out, _ = run("quiz", "--answers", str(RESEARCHER))
    assert code == 0, out
    expected = score(catalogue, load_answers(RESEARCHER, catalogue))
    assert expected.top.role.name in out
    for section in (
        "What raised the fit",
        "Learn next",
        "Friction",
        "Where to apply",
        "How the role evolves",
    ):
        assert section in out
    assert "Interest" in out and "Readiness" in out


def test_scripted_report_fits_80_columns() -> None:
    code, out, _ = run("quiz", "--answers", str(RESEARCHER))
    assert code == 0
    assert max(len(line.rstrip()) for line in out.splitlines()) <= 80


def test_scripted_report_json_is_the_library_s(catalogue: Catalogue) -> None:
    """One code path: the command prints what the library's report_json makes (bytes across hash
    seeds are checked in tests/test_hashseed.py)."""
    code, first, _ = run("quiz", "--answers", str(RESEARCHER), "--format", "json")
    assert code == 0
    assert first == report_json(catalogue, complete(load_answers(RESEARCHER, catalogue), catalogue))
    data = json.loads(first)
    scores = [f["score"] for f in data["fits"]]
    assert scores == sorted(scores, reverse=True)
    assert {"role", "name", "score", "interest", "readiness", "contributions"} <= set(data["fits"][0])


def test_answers_from_stdin() -> None:
    code, out, _ = run("quiz", "--answers", "-", "--format", "json", input=RESEARCHER.read_text())
    assert code == 0
    _, from_file, _ = run("quiz", "--answers", str(RESEARCHER), "--format", "json")
    assert out == from_file


def test_json_answers_are_accepted(tmp_path: Path, catalogue: Catalogue) -> None:
    answers = load_answers(RESEARCHER, catalogue)
    doc = {
        "format": 1,
        "answers": {t: {"skill": answers.skill[t], "interest": answers.interest[t]} for t in answers.skill},
        "context": dict(answers.context),
    }
    path = tmp_path / "me.json"
    path.write_text(json.dumps(doc))
    _, a, _ = run("quiz", "--answers", str(path), "--format", "json")
    _, b, _ = run("quiz", "--answers", str(RESEARCHER), "--format", "json")
    assert a == b


PARTIAL = "format: 1\nanswers:\n  build-models: {skill: 4, interest: 4}\n"


def test_partial_answers_without_terminal_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "partial.yaml"
    path.write_text(PARTIAL)
    code, out, err = run("quiz", "--answers", str(path))
    assert_user_error(code, out, err, str(path), "missing", "--defaults")


def test_no_input_lists_the_missing_answers(tmp_path: Path) -> None:
    path = tmp_path / "partial.yaml"
    path.write_text(PARTIAL)
    code, out, err = run("quiz", "--answers", str(path), "--no-input")
    assert_user_error(code, out, err, str(path), "answers missing", "clean-data (skill)")


def test_defaults_fill_missing_answers(tmp_path: Path, catalogue: Catalogue) -> None:
    path = tmp_path / "partial.yaml"
    path.write_text(PARTIAL)
    code, out, _ = run("quiz", "--answers", str(path), "--defaults", "--format", "json")
    assert code == 0
    full = {"skill": {t.id: 2 for t in catalogue.tasks}, "interest": {t.id: 2 for t in catalogue.tasks}}
    full["skill"]["build-models"] = full["interest"]["build-models"] = 4
    from rolefit.model.answers import Answers

    not_asked = 2 * len(catalogue.tasks) + len(catalogue.context) - 2
    given = Answers({"build-models": 4}, {"build-models": 4})
    assert out == report_json(
        catalogue, complete(Answers(full["skill"], full["interest"]), catalogue), given=given, not_asked=not_asked
    )


def test_no_input_and_defaults_exclude_each_other() -> None:
    code, out, err = run("quiz", "--answers", str(RESEARCHER), "--no-input", "--defaults")
    assert_user_error(code, out, err, "--no-input", "--defaults")


def test_save_writes_a_replayable_file(tmp_path: Path) -> None:
    target = tmp_path / "saved.yaml"
    code, report, _ = run("quiz", "--answers", str(RESEARCHER), "--save", str(target), "--format", "json")
    assert code == 0
    _, replay, _ = run("quiz", "--answers", str(target), "--format", "json")
    assert replay == report


def test_save_to_standard_output_is_refused_and_writes_no_file_named_dash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file named "-" would be replayed with `--answers -`, which reads standard input."""
    monkeypatch.chdir(tmp_path)
    code, out, err = run("quiz", "--answers", str(RESEARCHER), "--save", "-", "--format", "json")
    assert code == 2 and out == "" and not (tmp_path / "-").exists()
    assert err.strip().startswith("rolefit: -: --save keeps the answers in a file") and "not '-'" in err


def test_save_refuses_to_overwrite_before_doing_anything(tmp_path: Path) -> None:
    target = tmp_path / "saved.yaml"
    target.write_text("precious")
    code, out, err = run("quiz", "--answers", str(RESEARCHER), "--save", str(target))
    assert_user_error(code, out, err, str(target), "already exists", "--force")
    assert target.read_text() == "precious"
    assert out == ""


def test_save_with_force_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "saved.yaml"
    target.write_text("old")
    code, _, _ = run("quiz", "--answers", str(RESEARCHER), "--save", str(target), "--force")
    assert code == 0
    assert target.read_text().startswith("# rolefit answers")


def test_save_into_a_missing_folder(tmp_path: Path) -> None:
    code, out, err = run("quiz", "--answers", str(RESEARCHER), "--save", str(tmp_path / "no" / "x.yaml"))
    assert_user_error(code, out, err, "does not exist")


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (["-o", "r.csv"], ["r.csv", "cannot write csv", "text, json, md, html, svg"]),
        (["-o", "r.yaml"], ["r.yaml", "cannot write yaml"]),
        (["--format", "csv"], ["--format", "cannot write csv", "text, json, md, html, svg"]),
        (["--format", "json", "-o", "r.md"], ["r.md", "--format json does not match", ".json suffix"]),
    ],
)
def test_quiz_refuses_a_report_format_before_it_saves_anything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], needles: list[str]
) -> None:
    """A report the quiz cannot write is refused before the answers are gathered: the --save file
    is not written (it was, before the report failed), nor the report."""
    monkeypatch.chdir(tmp_path)
    code, out, err = run("quiz", "--answers", str(RESEARCHER), "--save", "me.yaml", *args)
    assert_user_error(code, out, err, *needles)
    assert len(err.strip().splitlines()) == 1
    assert out == ""
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["s.html", "s.txt", "s.md", "me.yaml.bak", "S.HTML"])
@pytest.mark.parametrize("exists", [False, True])
def test_save_refuses_a_name_that_promises_another_kind_of_file(tmp_path: Path, name: str, exists: bool) -> None:
    """--save writes answers: a name with a suffix other than .yaml, .yml or .json is refused (with or
    without --force, existing or not) before anything is done, naming the file, --save, what is
    expected and -o for a report."""
    target = tmp_path / name
    if exists:
        target.write_text("mine\n", encoding="utf-8")
    code, out, err = run("quiz", "--answers", str(RESEARCHER), "--save", str(target), "--force")
    assert_user_error(code, out, err, str(target), "--save", ".yaml, .yml or .json", Path(name).suffix, "-o")
    assert len(err.strip().splitlines()) == 1
    assert out == ""
    assert [p.name for p in tmp_path.iterdir()] == ([name] if exists else [])
    if exists:
        assert target.read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize(
    ("name", "kind"), [("x.json", "json"), ("X.JSON", "json"), ("x.yaml", "yaml"), ("x.yml", "yaml"), ("x", "yaml")]
)
def test_save_writes_what_the_name_promises_and_a_name_without_suffix_as_yaml(
    tmp_path: Path, name: str, kind: str
) -> None:
    """.json is JSON, .yaml and .yml YAML, and a name with no suffix YAML too; each replays to the
    same report."""
    target = tmp_path / name
    code, report, err = run("quiz", "--answers", str(RESEARCHER), "--save", str(target), "--format", "json")
    assert code == 0, err
    text = target.read_text(encoding="utf-8")
    if kind == "json":
        assert json.loads(text)["format"] == 1
    else:
        assert text.startswith("# rolefit answers")
    _, replay, _ = run("quiz", "--answers", str(target), "--format", "json")
    assert replay == report


def test_save_takes_the_suffixes_a_folder_of_answers_is_read_for() -> None:
    """A file --save writes is picked up by 'rolefit score FOLDER' (a name with no suffix aside)."""
    from rolefit.cohort import ANSWERS_SUFFIXES
    from rolefit.quiz.gather import SAVE_SUFFIXES

    assert SAVE_SUFFIXES == ANSWERS_SUFFIXES


def test_quiz_without_terminal_points_to_answers() -> None:
    code, out, err = run("quiz")
    assert_user_error(code, out, err, "terminal", "--answers")


# -- bad answers files -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "needles"),
    [
        (
            "format: 1\nanswers:\n  build-modles: {skill: 1, interest: 1}\n",
            ["answers.build-modles", "did you mean 'build-models'"],
        ),
        (
            "format: 1\nanswers:\n  build-models: {skill: 5, interest: 1}\n",
            ["answers.build-models.skill", "expected at most 4", ":3"],
        ),
        (
            "format: 1\nanswers:\n  build-models: {skill: -1, interest: 1}\n",
            ["answers.build-models.skill", "expected at least 0"],
        ),
        (
            "format: 1\nanswers:\n  build-models: {skill: 2.5, interest: 1}\n",
            ["answers.build-models.skill", "whole number"],
        ),
        (
            "format: 1\nanswers:\n  build-models: {skill: high}\n",
            ["answers.build-models.skill", "whole number"],
        ),
        ("format: 1\nanswers:\n  build-models: {skill: true}\n", ["whole number (got true)"]),
        (
            "format: 1\nanswers:\n  build-models: {skil: 2}\n",
            ["answers.build-models.skil", "unknown field", "did you mean 'skill'?", "expected one of: skill, interest"],
        ),
        ("format: 1\nanswer:\n  build-models: {skill: 2}\n", ["answer: unknown field", "did you mean 'answers'?"]),
        ("format: 2\n", ["format", "1"]),
        ("answers: {}\n", ["format", "required"]),
        ("format: 1\ncontext:\n  organisation: moon\n", ["context.organisation", "unknown choice 'moon'"]),
        (
            "format: 1\ncontext:\n  organization: startup\n",
            ["context.organization", "did you mean 'organisation'"],
        ),
        ("format: 1\nanswers: [\n", ["not valid YAML"]),
        ("", ["the file is empty"]),
        ("# only a comment\n", ["expected a mapping", "nothing"]),
        ("- a\n- b\n", ["expected a mapping", "list"]),
    ],
)
def test_bad_answers_file(tmp_path: Path, text: str, needles: list[str]) -> None:
    assert_bad_answers_file(tmp_path / "bad.yaml", text, needles)


def assert_bad_answers_file(path: Path, text: str, needles: list[str]) -> None:
    """``quiz --answers`` on a file holding ``text``: exit 2, one line naming the file and the ``needles``."""
    path.write_text(text)
    code, out, err = run("quiz", "--answers", str(path))
    assert_user_error(code, out, err, str(path), *needles)


def test_missing_answers_file(tmp_path: Path) -> None:
    code, out, err = run("quiz", "--answers", str(tmp_path / "nope.yaml"))
    assert_user_error(code, out, err, "nope.yaml", "no such file")


def test_answers_path_is_a_folder(tmp_path: Path) -> None:
    code, out, err = run("quiz", "--answers", str(tmp_path))
    assert_user_error(code, out, err, "folder")


def test_answers_file_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("format: 1\n# caf\xe9\n".encode("latin-1"))
    code, out, err = run("quiz", "--answers", str(path))
    assert_user_error(code, out, err, "UTF-8")


def test_bad_format_option() -> None:
    result = runner.invoke(app, ["quiz", "--answers", str(RESEARCHER), "--format", "xml"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


# -- custom catalogue ------------------------------------------------------------------------


def test_catalogue_option_and_environment(catalogue_dir: Path) -> None:
    (catalogue_dir / "roles.yaml").write_text(
        (catalogue_dir / "roles.yaml").read_text().replace("name: R&D data scientist", "name: Research scientist")
    )
    code, out, _ = run("roles", "--catalogue", str(catalogue_dir))
    assert code == 0 and "Research scientist" in out
    result = runner.invoke(app, ["explain", "research"], env={"ROLEFIT_CATALOGUE": str(catalogue_dir)})
    assert result.exit_code == 0 and "Research scientist" in result.stdout


def test_broken_catalogue_is_a_user_error(catalogue_dir: Path) -> None:
    (catalogue_dir / "tasks.yaml").write_text("format: 1\n")
    code, out, err = run("roles", "--catalogue", str(catalogue_dir))
    assert_user_error(code, out, err, "tasks.yaml", "required")


#: Commands that print a report and ask nothing.
REPORTS = [
    ["quiz", "--answers", str(RESEARCHER), "--format", "json"],
    ["quiz", "--answers", str(RESEARCHER)],
    ["explain", "rnd"],
    ["roles"],
]


#: Starts rolefit once (``rolefit.cli``, what every start imports), then runs each command of
#: argv[1] (JSON: the arguments and a cache folder) in a child forked from that fresh state, one
#: after the other: as a start of its own would, as far as imports go. Each child writes its exit
#: code and the slow modules it loaded to argv[2]/<n>.json.
FRESH_STARTS = """\
import json, os, sys
from rolefit.cli import app
for n, (args, cache) in enumerate(json.loads(sys.argv[1])):
    pid = os.fork()
    if pid == 0:
        os.environ["ROLEFIT_CACHE_DIR"] = cache
        os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
        try:
            app(args, prog_name="rolefit")
            code = 0
        except SystemExit as done:
            code = done.code
        loaded = [m for m in ("questionary", "prompt_toolkit", "yaml") if m in sys.modules]
        with open(os.path.join(sys.argv[2], f"{n}.json"), "w") as out:
            json.dump([code, loaded], out)
        os._exit(0)
    os.waitpid(pid, 0)
"""


def test_commands_without_prompts_never_import_prompt_toolkit(tmp_path: Path) -> None:
    """questionary and prompt_toolkit are slow to import: only a prompt loads them. PyYAML is
    too: with the catalogue's cache filled, reading an answers file rolefit wrote needs none.
    Each command runs twice, each time as a fresh start: first with an empty cache (which it
    fills), then with the cache it filled."""
    commands = [*REPORTS, ["template"]]
    runs = []
    for n, args in enumerate(commands):
        cache = str(tmp_path / f"cache{n}")
        runs += [(args, cache), (args, cache)]
    done = subprocess.run(
        [sys.executable, "-c", FRESH_STARTS, json.dumps(runs), str(tmp_path)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    for n, args in enumerate(commands):
        (first_code, first), (second_code, second) = (
            json.loads((tmp_path / f"{k}.json").read_text()) for k in (2 * n, 2 * n + 1)
        )
        assert first_code == 0 and second_code == 0, (args, first_code, second_code, done.stderr)
        assert "prompt_toolkit" not in first and "questionary" not in first, (args, first)
        assert second == [], (args, second)


class _ClosedPipe(io.StringIO):
    """A stdout whose reader has gone away."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def fileno(self) -> int:
        return os.open(os.devnull, os.O_WRONLY)


@pytest.mark.parametrize("args", REPORTS)
def test_a_closed_output_pipe_ends_quietly(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """When the reader of our output goes away (`| head -1`), rolefit stops quietly with exit 141."""
    from rolefit import cli

    monkeypatch.setattr("rolefit.cli.failures.quiet_stdout", lambda: None)  # it would redirect the real stdout
    monkeypatch.setattr(sys, "argv", ["rolefit", *args])
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    with pytest.raises(SystemExit) as done:
        cli.run()
    assert done.value.code == 141
    assert "Traceback" not in capsys.readouterr().err


def test_head_of_a_real_pipe_shows_no_traceback() -> None:
    """`rolefit explain rnd | head -1` in a shell: one line out, nothing on stderr."""
    shell = f"{sys.executable} -m rolefit explain rnd | head -1"
    done = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0
    assert len(done.stdout.splitlines()) == 1
    assert done.stderr == ""


@pytest.mark.parametrize(
    ("text", "needles"),
    [
        ('{"format": 1, "answers": {},}\n', ["not valid JSON", "column"]),
        ('{"format": 1, "format": 1}\n', ["duplicate key 'format'"]),
        ('{"format": 1, "answers": {"build-models": {"skill": NaN}}}\n', ["not valid JSON", "NaN"]),
    ],
)
def test_a_json_answers_file_is_read_as_strict_json(tmp_path: Path, text: str, needles: list[str]) -> None:
    assert_bad_answers_file(tmp_path / "bad.json", text, needles)


def test_answers_for_another_catalogue_warn_only_when_the_quiz_goes_ahead() -> None:
    """Without a terminal the run fails on the missing answers: that is its one message. With
    --defaults it goes ahead, and then says what of the file it could not use and what changed."""
    orbit = str(ROOT / "examples" / "catalogues" / "orbit-analytics")
    args = ["quiz", "--answers", str(EXAMPLES / "researcher.yaml"), "--catalogue", orbit]
    failed = runner.invoke(app, args)
    assert failed.exit_code == 2
    assert failed.stderr.count("\n") == 1 and "answers missing" in failed.stderr
    went = runner.invoke(app, [*args, "--defaults"])
    assert went.exit_code == 0, went.output
    warnings = [line for line in went.stderr.splitlines() if line.startswith("warning:")]
    assert any("ignoring answers this catalogue has no question for" in w for w in warnings)
    assert any("this is 2026.1; these tasks are new or changed in this one:" in w for w in warnings), warnings


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("data engineering", "data engineering"),
        ("bi", "BI reporting"),
        ("MLOps", "ML platform"),
        ("analytics eng", "analytics engineering"),
    ],
)
def test_explain_reads_up_on_a_kind_of_job_outside_the_roles(name: str, kind: str) -> None:
    result = runner.invoke(app, ["explain", name])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"None of these: {kind}")
    assert "The nearest role" in result.stdout
    data = json.loads(runner.invoke(app, ["explain", name, "--format", "json"]).stdout)
    assert data["outside"] == kind and data["signs"]


def test_a_verdict_of_another_kind_says_where_to_read_up_on_it() -> None:
    ad = (
        "Senior Data Engineer\n## Responsibilities\n- Build and maintain ETL pipelines in Airflow.\n"
        "- Design the data warehouse in Snowflake.\n- Ingest data from Kafka streams.\n"
    )
    result = runner.invoke(app, ["jobs", "-"], input=ad)
    assert "rolefit explain 'data engineering'" in result.stdout
    assert runner.invoke(app, ["explain", "data engineering"]).exit_code == 0
    assert "rolefit explain KIND" in runner.invoke(app, ["roles"]).stdout.replace("\n", " ")


def test_explain_names_the_kinds_outside_the_roles_where_a_role_is_expected() -> None:
    assert runner.invoke(app, ["explain", "none of these: BI reporting"]).stdout.startswith(
        "None of these: BI reporting"
    )
    versus = runner.invoke(app, ["explain", "data engineering", "--vs", "data person"])
    assert versus.exit_code == 2
    assert "'data engineering' is a kind of job outside them; rolefit explain 'data engineering'" in versus.stderr
    unknown = runner.invoke(app, ["explain", "nosuch"])
    assert unknown.exit_code == 2 and "or one of the kinds of job outside them: data engineering" in unknown.stderr
    assert len(unknown.stderr.strip().splitlines()) == 1


def test_compare_says_when_no_answer_differs() -> None:
    same = [str(EXAMPLES / "analyst.yaml"), str(EXAMPLES / "analyst.yaml")]
    for fmt in ("text", "md"):
        assert "No answer differs" in runner.invoke(app, ["compare", *same, "--format", fmt]).stdout
    other = runner.invoke(app, ["compare", str(EXAMPLES / "analyst.yaml"), str(EXAMPLES / "builder.yaml")])
    assert "No answer differs" not in other.stdout


def test_answers_made_for_another_catalogue_say_so_when_answers_are_missing() -> None:
    ana = ROOT / "examples" / "catalogues" / "orbit-analytics" / "candidates" / "ana.yaml"
    for extra in ([], ["--no-input"]):
        result = runner.invoke(app, ["quiz", "--answers", str(ana), *extra])
        assert result.exit_code == 2
        assert "it was answered for catalogue 2026.1, and this is 1.0.0" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    ok = runner.invoke(app, ["quiz", "--answers", str(ana), "--catalogue", str(ana.parent.parent)])
    assert ok.exit_code == 0, ok.stderr


def test_a_start_that_names_a_role_and_a_kind_outside_them_is_ambiguous() -> None:
    result = runner.invoke(app, ["explain", "data"])
    assert result.exit_code == 2
    assert "rolefit explain data-person, or rolefit explain 'data engineering'" in result.stderr
    assert runner.invoke(app, ["explain", "data-person"]).stdout.startswith("Data person at a small company")
    assert runner.invoke(app, ["explain", "data e"]).stdout.startswith("None of these: data engineering")


@pytest.mark.parametrize("columns", ["60", "80", "100"])
def test_roles_keeps_every_id_whole_and_the_core_tasks_beside_a_long_role_name(
    catalogue_dir: Path, columns: str
) -> None:
    """The id is what `rolefit explain` is given: never cut, however long a role's name."""
    roles = catalogue_dir / "roles.yaml"
    long = "Senior Machine Learning Scientist, Recommendations and Personalisation (Berlin or remote)"
    roles.write_text(roles.read_text(encoding="utf-8").replace("name: R&D data scientist", f"name: {long}"))
    result = CliRunner().invoke(app, ["roles", "--catalogue", str(catalogue_dir)], env={"COLUMNS": columns})
    assert result.exit_code == 0, result.output
    firsts = [line.split()[0] for line in result.stdout.splitlines() if line.strip()]
    assert {"data-person", "rnd", "product"} <= set(firsts) and "…" not in result.stdout
    assert "Core tasks" in result.stdout.splitlines()[0]
    words = result.stdout.split()
    assert "Personalisation" in words and "Turn" in words and "datasets," in words  # (the name and the tasks, wrapped)


def test_explain_shows_a_weight_between_the_levels_with_its_number(catalogue_dir: Path) -> None:
    """A catalogue of your own may weigh a task 1.5: "occasional (1.5)", in text, Markdown and the page."""
    roles = catalogue_dir / "roles.yaml"
    text = roles.read_text(encoding="utf-8")
    at = text.index("  - id: rnd")
    first = text.index("weight: ", at)
    end = text.index(",", first)  # ("{task: ..., weight: core, source: article}")
    roles.write_text(text[:first] + "weight: 1.5" + text[end:], encoding="utf-8")
    for fmt in ("text", "md", "html"):
        result = CliRunner().invoke(app, ["explain", "rnd", "--catalogue", str(catalogue_dir), "--format", fmt])
        assert result.exit_code == 0, result.output
        assert "occasional (1.5)" in result.stdout, fmt
    plain = CliRunner().invoke(app, ["explain", "rnd", "--format", "md"])
    assert "(1.5)" not in plain.stdout and "(3)" not in plain.stdout and "| core |" in plain.stdout


EARLY = {
    "jobs": ["jobs", str(Path(__file__).parent / "postings" / "dp-01-retail-startup.md")],
    "score": ["score", str(EXAMPLES)],
    "audit": ["audit", str(EXAMPLES)],
    "compare": ["compare", str(EXAMPLES / "analyst.yaml"), str(EXAMPLES / "builder.yaml")],
}


@pytest.mark.parametrize("command", list(EARLY))
def test_a_format_a_command_cannot_write_is_refused_before_any_work(tmp_path: Path, command: str) -> None:
    """Refused before the inputs are read (a missing input is not what is said), and exactly the formats
    the command's --format help lists are written."""
    from rolefit.cli.options import REPORT_FORMATS, TABLE_FORMATS

    listed = (TABLE_FORMATS if command in ("score", "audit") else REPORT_FORMATS).split(", ")
    missing = str(tmp_path / "nothing-here.yaml")
    for fmt in ("text", "json", "md", "html", "svg", "csv", "yaml"):
        target = tmp_path / f"out-{fmt}.{'txt' if fmt == 'text' else fmt}"
        done = CliRunner().invoke(app, [*EARLY[command], "-o", str(target)])
        assert (done.exit_code == 0) == (fmt in listed), (fmt, done.output)
        if fmt not in listed:
            inputs = [missing] * (len(EARLY[command]) - 1)
            early = CliRunner().invoke(app, [command, *inputs, "-o", str(target)])
            assert early.exit_code == 2 and f"this command cannot write {fmt}" in early.output, early.output
            assert "nothing-here" not in early.output


def test_answers_made_for_the_built_in_catalogue_say_how_to_use_it(catalogue_dir: Path, tmp_path: Path) -> None:
    """Read with a catalogue of one's own (--catalogue or ROLEFIT_CATALOGUE), partial answers made for
    the built-in one say to leave both out, not "--catalogue DIR" (there is no folder to give)."""
    from dataclasses import replace

    from rolefit.catalogue.load import load_catalogue
    from rolefit.files.answers import dump_answers, load_answers

    cat = load_catalogue()
    given = load_answers(EXAMPLES / "analyst.yaml", cat)
    partial = tmp_path / "partial.yaml"
    partial.write_text(dump_answers(replace(given, skill=dict(list(given.skill.items())[:5]), interest={}), cat))
    tasks = catalogue_dir / "tasks.yaml"
    tasks.write_text(tasks.read_text(encoding="utf-8").replace(f'version: "{cat.version}"', "version: team-1", 1))
    hint = "it was made for the built-in catalogue: leave out --catalogue, and unset ROLEFIT_CATALOGUE"
    for args, env in (
        (["--catalogue", str(catalogue_dir)], {}),
        (["--no-input"], {"ROLEFIT_CATALOGUE": str(catalogue_dir)}),
    ):
        result = runner.invoke(app, ["quiz", "--answers", str(partial), *args], env=env)
        assert result.exit_code == 2 and hint in result.stderr, result.stderr
        assert "… (" not in result.stderr  # (whole: the hint not cut off the end)
