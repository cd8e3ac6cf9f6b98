"""Reports people keep, cohorts and comparisons: score, compare, explain --vs, --output."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rolefit.catalogue.load import load_catalogue
from rolefit.cli import app
from rolefit.files.answers import load_answers
from rolefit.model.answers import complete
from rolefit.model.catalogue import Catalogue
from rolefit.report.data import report_json
from rolefit.scoring.fit import score

from helpers import EXAMPLES, ROOT

runner = CliRunner()
ORBIT = ROOT / "examples" / "catalogues" / "orbit-analytics"


def ok(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


# -- --output and formats ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("suffix", "marker"),
    [
        (".json", '"fits"'),
        (".md", "# Your best fit:"),
        (".html", "<!DOCTYPE html>"),
        (".svg", "<svg"),
        (".txt", "Your best fit:"),
    ],
)
def test_quiz_output_format_follows_the_suffix(tmp_path: Path, suffix: str, marker: str) -> None:
    target = tmp_path / f"report{suffix}"
    result = runner.invoke(app, ["quiz", "--answers", str(EXAMPLES / "researcher.yaml"), "--output", str(target)])
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert marker in text
    assert f"Wrote {target}" in result.stderr
    assert result.stdout == ""


def test_json_output_file_equals_stdout_json(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    ok("quiz", "--answers", str(EXAMPLES / "analyst.yaml"), "-o", str(target))
    assert target.read_text() == ok("quiz", "--answers", str(EXAMPLES / "analyst.yaml"), "--format", "json")


def test_html_and_svg_show_the_report_and_the_chart(tmp_path: Path, catalogue: Catalogue) -> None:
    """The exported HTML/SVG hold what the terminal shows: the roles, the fit, the group chart."""
    result = score(catalogue, complete(load_answers(EXAMPLES / "builder.yaml", catalogue), catalogue))
    for suffix in (".html", ".svg"):
        target = tmp_path / f"r{suffix}"
        ok("quiz", "--answers", str(EXAMPLES / "builder.yaml"), "-o", str(target))
        text = html.unescape(target.read_text()).replace("\u00a0", " ")
        for fit in result.fits:
            assert fit.role.name.split()[0] in text
        assert "task group" in text
        assert "Foundations" in text


def test_explicit_format_beats_the_suffix(tmp_path: Path) -> None:
    target = tmp_path / "report.out"
    ok("quiz", "--answers", str(EXAMPLES / "builder.yaml"), "-o", str(target), "--format", "md")
    assert target.read_text().startswith("# Your best fit:")


def test_unknown_suffix_is_a_user_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["quiz", "--answers", str(EXAMPLES / "builder.yaml"), "-o", str(tmp_path / "r.pdf")])
    assert result.exit_code == 2
    assert "r.pdf" in result.stderr and "--format" in result.stderr
    assert not (tmp_path / "r.pdf").exists()


def test_output_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "r.md"
    target.write_text("mine")
    result = runner.invoke(app, ["quiz", "--answers", str(EXAMPLES / "builder.yaml"), "-o", str(target)])
    assert result.exit_code == 2
    assert target.read_text() == "mine"


def test_save_and_output_must_differ(tmp_path: Path) -> None:
    same = tmp_path / "x.json"
    result = runner.invoke(
        app, ["quiz", "--answers", str(EXAMPLES / "builder.yaml"), "--save", str(same), "-o", str(same)]
    )
    assert result.exit_code == 2
    assert "same file" in result.stderr


@pytest.mark.parametrize("suffix", [".md", ".json", ".html", ".svg", ".txt"])
def test_explain_output(tmp_path: Path, suffix: str, catalogue: Catalogue) -> None:
    target = tmp_path / f"rnd{suffix}"
    ok("explain", "rnd", "-o", str(target))
    assert "R&amp;D" in target.read_text() or "R&D" in target.read_text()


def test_explain_json_is_the_catalogue_entry(catalogue: Catalogue) -> None:
    data = json.loads(ok("explain", "product", "--format", "json"))
    role = catalogue.role_by_id["product"]
    assert data["id"] == role.id
    assert [t["task"] for t in data["tasks"]] == [rt.task for rt in role.tasks]


# -- explain --vs -----------------------------------------------------------------------------


def test_explain_vs_lists_every_task_of_either_role(catalogue: Catalogue) -> None:
    out = ok("explain", "rnd", "--vs", "product")
    a, b = catalogue.role_by_id["rnd"], catalogue.role_by_id["product"]
    for rt in (*a.tasks, *b.tasks):
        assert catalogue.task_by_id[rt.task].title in out
    data = json.loads(ok("explain", "rnd", "--vs", "product", "--format", "json"))
    weights = {row["task"]: (row["rnd"], row["product"]) for row in data["tasks"]}
    assert weights["implement-papers"] == (3.0, 0.0)
    assert weights["ab-experiments"] == (0.0, 3.0)


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["rnd", "--vs", "rnd"], "same role"),
        (["rnd", "--vs", "astronaut"], "astronaut"),
        (["--vs", "rnd"], "needs a role"),
    ],
)
def test_explain_vs_errors(args: list[str], needle: str) -> None:
    result = runner.invoke(app, ["explain", *args])
    assert result.exit_code == 2
    assert needle in result.stderr


# -- compare ----------------------------------------------------------------------------------


def test_compare_shows_each_role_s_change(catalogue: Catalogue) -> None:
    a = complete(load_answers(EXAMPLES / "analyst.yaml", catalogue), catalogue)
    b = complete(load_answers(EXAMPLES / "researcher.yaml", catalogue), catalogue)
    before = {f.role.id: f.score for f in score(catalogue, a)}
    after = {f.role.id: f.score for f in score(catalogue, b)}
    data = json.loads(
        ok("compare", str(EXAMPLES / "analyst.yaml"), str(EXAMPLES / "researcher.yaml"), "--format", "json")
    )
    assert data["profiles"] == ["analyst", "researcher"]
    for row in data["roles"]:
        assert row["change"] == pytest.approx(after[row["role"]] - before[row["role"]], abs=0.11)
        assert row["change"] == round(row["after"] - row["before"], 1)  # the row's sum reads right
        assert len(row["movers"]) <= 3
        changes = [abs(m["change"]) for m in row["movers"]]
        assert changes == sorted(changes, reverse=True)
    text = ok("compare", str(EXAMPLES / "analyst.yaml"), str(EXAMPLES / "researcher.yaml"))
    assert "What moved" in text
    for row in data["roles"]:  # the table shows the same numbers, to one decimal
        assert f"{row['before']:.1f}" in text and f"{row['after']:.1f}" in text and f"{row['change']:+.1f}" in text


def test_compare_same_file_shows_no_change() -> None:
    data = json.loads(ok("compare", str(EXAMPLES / "builder.yaml"), str(EXAMPLES / "builder.yaml"), "--format", "json"))
    assert all(row["change"] == 0 and row["movers"] == [] for row in data["roles"])


def test_compare_same_file_twice_tells_the_two_apart_and_shows_no_sign_on_zero() -> None:
    text = runner.invoke(app, ["compare", str(EXAMPLES / "builder.yaml"), str(EXAMPLES / "builder.yaml")]).stdout
    assert "builder (A)" in text and "builder (B)" in text
    assert "+0.0" not in text and "-0.0" not in text and " 0.0" in text


@pytest.mark.parametrize("width", ["60", "80", "120"])
def test_compare_of_same_named_files_in_long_folders_keeps_every_column(tmp_path: Path, width: str) -> None:
    first = tmp_path / "some" / "very" / "long" / "directory" / "name" / "january" / "me.yaml"
    second = tmp_path / "another" / "long" / "folder" / "for" / "july" / "me.yaml"
    for path, source in ((first, "analyst.yaml"), (second, "researcher.yaml")):
        path.parent.mkdir(parents=True)
        path.write_text((EXAMPLES / source).read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(app, ["compare", str(first), str(second)], env={"COLUMNS": width})
    assert result.exit_code == 0, result.output
    header = next(line for line in result.stdout.splitlines() if line.startswith("Role"))
    assert "january/me" in header and "july/me" in header and "Change" in header
    for role in ("Product data scientist", "R&D data scientist"):
        assert any(line.startswith(role) for line in result.stdout.splitlines()), result.stdout


def test_compare_marks_unasked_answers_as_not_asked(tmp_path: Path, catalogue: Catalogue) -> None:
    partial = tmp_path / "partial.yaml"
    partial.write_text("format: 1\nanswers:\n  build-models: {skill: 4, interest: 4}\n", encoding="utf-8")
    args = ["compare", str(EXAMPLES / "analyst.yaml"), str(partial)]
    text = ok(*args)
    questions = len(catalogue.context) + 2 * len(catalogue.tasks)
    assert f"partial answered 2 of {questions} questions" in text
    assert "→ not asked" in text
    assert "skill 1 → 4" in text  # a given answer still shows its level
    assert "→ 2" not in text  # an unasked answer is not shown as a neutral one given
    data = json.loads(ok(*args, "--format", "json"))
    assert data["not_asked"] == [0, questions - 2]
    assert "not asked" in ok(*args, "--format", "md")


@pytest.mark.parametrize(
    ("first", "second", "names"),
    [
        ("a/me.yaml", "b/me.yaml", ("a/me", "b/me")),
        ("x/jan.yaml", "x/jul.yaml", ("jan", "jul")),
        ("a/b/me.yaml", "c/b/me.yaml", ("a/b/me", "c/b/me")),
        ("me.yaml", "me.yaml", ("me (A)", "me (B)")),
        ("me.yaml", "me.json", ("me.yaml", "me.json")),
    ],
)
def test_profile_names_tell_two_files_apart(first: str, second: str, names: tuple[str, str]) -> None:
    from rolefit.report.compare import profile_names

    assert profile_names(Path(first), Path(second)) == names


def test_compare_bad_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["compare", str(EXAMPLES / "builder.yaml"), str(tmp_path / "none.yaml")])
    assert result.exit_code == 2
    assert "none.yaml" in result.stderr


# -- score ------------------------------------------------------------------------------------


def test_score_a_folder_as_a_table(catalogue: Catalogue) -> None:
    out = ok("score", str(EXAMPLES))
    for path in EXAMPLES.glob("*.yaml"):
        assert path.stem in out
    assert "3 people" in out


def test_score_csv_matches_the_library(catalogue: Catalogue) -> None:
    rows = list(csv.DictReader(io.StringIO(ok("score", str(EXAMPLES), "--format", "csv"))))
    assert len(rows) == 3
    for row in rows:
        result = score(catalogue, complete(load_answers(row["file"], catalogue), catalogue))
        assert row["top"] == result.top.role.id
        for fit in result.fits:
            assert float(row[fit.role.id]) == pytest.approx(fit.score, abs=0.051)


def test_score_reports_a_bad_file_and_scores_the_rest(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nanswers:\n  build-models: {skill: 9}\n")
    result = runner.invoke(app, ["score", str(EXAMPLES / "builder.yaml"), str(bad), "--format", "json"])
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert [p["person"] for p in data["people"]] == ["builder"]
    assert "bad.yaml" in result.stderr and "expected at most 4" in result.stderr


def test_score_with_a_custom_catalogue() -> None:
    cat = load_catalogue(ORBIT)
    data = json.loads(ok("score", str(ORBIT / "candidates"), "--catalogue", str(ORBIT), "--format", "json"))
    tops = {p["person"]: p["top"] for p in data["people"]}
    assert tops == {"ana": "product-analyst", "sam": "ml-engineer"}
    assert set(data["people"][0]["fits"]) == {r.id for r in cat.roles}


# -- the custom catalogue example ---------------------------------------------------------------


def test_example_catalogue_is_valid_and_has_four_roles() -> None:
    out = ok("check", "--catalogue", str(ORBIT))
    assert "OK" in out
    cat = load_catalogue(ORBIT)
    assert len(cat.roles) == 4
    assert "ml-engineer" in cat.role_by_id


def test_example_candidates_fit_their_openings() -> None:
    for name, role in (("ana", "product-analyst"), ("sam", "ml-engineer")):
        data = json.loads(
            ok(
                "quiz",
                "--answers",
                str(ORBIT / "candidates" / f"{name}.yaml"),
                "--catalogue",
                str(ORBIT),
                "--format",
                "json",
            )
        )
        assert data["top"] == role
        assert data["hybrid"] is None


def test_report_json_with_custom_catalogue_matches_library() -> None:
    cat = load_catalogue(ORBIT)
    path = ORBIT / "candidates" / "sam.yaml"
    out = ok("quiz", "--answers", str(path), "--catalogue", str(ORBIT), "--format", "json")
    assert out == report_json(cat, complete(load_answers(path, cat), cat))


# -- large catalogues: the ranking is cut to the best roles --------------------------------------


@pytest.fixture(scope="module")
def many_roles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built-in catalogue with each role copied into 8 variants: 24 roles."""
    import copy

    import yaml

    folder = tmp_path_factory.mktemp("many-roles")
    (folder / "tasks.yaml").write_bytes((ROOT / "data" / "tasks.yaml").read_bytes())
    data = yaml.safe_load((ROOT / "data" / "roles.yaml").read_text(encoding="utf-8"))
    copies = []
    for k in range(1, 8):
        for role in data["roles"]:
            variant = copy.deepcopy(role)  # (shared objects would be written as YAML aliases)
            variant.update(id=f"{role['id']}-{k}", name=f"{role['name']} {k}", short=f"{role['short']} {k}")
            variant["tasks"] = variant["tasks"][k % 3 :]  # each copy a little different
            copies.append(variant)
    data["roles"] += copies
    (folder / "roles.yaml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return folder


def _ranked(text: str) -> list[str]:
    """The rank numbers of the ranking table's rows."""
    return [line.split()[0] for line in text.splitlines() if line.split() and line.split()[0].isdigit()]


@pytest.mark.parametrize(("args", "listed"), [([], 10), (["--top", "3"], 3), (["-n", "24"], 24), (["-n", "99"], 24)])
def test_the_ranking_lists_the_top_roles(many_roles: Path, args: list[str], listed: int) -> None:
    answers = str(EXAMPLES / "researcher.yaml")
    text = ok("quiz", "-a", answers, "--catalogue", str(many_roles), *args)
    assert _ranked(text) == [str(k) for k in range(1, listed + 1)]
    hidden = 24 - listed
    assert (f"...and {hidden} more role" in text) is (hidden > 0)
    assert all(len(line) <= 80 for line in text.splitlines())
    chart = text.split("Points per task group")[1].splitlines()[1]
    columns = re.split(r" {2,}", chart.strip())
    assert columns[0] == "Task group" and len(columns) - 1 == min(listed, 4)
    md = ok("quiz", "-a", answers, "--catalogue", str(many_roles), "--format", "md", *args)
    assert len([line for line in md.splitlines() if line[:3] in {f"| {d}" for d in "123456789"}]) == listed


def test_json_lists_every_role_unless_told(many_roles: Path) -> None:
    answers = str(EXAMPLES / "researcher.yaml")
    full = json.loads(ok("quiz", "-a", answers, "--catalogue", str(many_roles), "--format", "json"))
    cut = json.loads(ok("quiz", "-a", answers, "--catalogue", str(many_roles), "--format", "json", "--top", "5"))
    assert full["roles"] == cut["roles"] == len(full["fits"]) == 24
    assert cut["fits"] == full["fits"][:5]
    assert {k: v for k, v in cut.items() if k != "fits"} == {k: v for k, v in full.items() if k != "fits"}


def test_top_must_be_positive() -> None:
    result = runner.invoke(app, ["quiz", "-a", str(EXAMPLES / "researcher.yaml"), "--top", "0"])
    assert result.exit_code == 2 and "--top" in result.output


@pytest.mark.parametrize(("points", "shown"), [(-0.04, " +0.0"), (0.04, " +0.0"), (-0.06, " -0.1"), (12.34, "+12.3")])
def test_group_chart_never_shows_minus_zero(points: float, shown: str) -> None:
    from rolefit.report.terminal import signed_bar

    assert signed_bar(points, 10.0).plain.startswith(shown + " ")


def test_a_three_way_tie_has_no_top_in_the_report_json_as_in_score(tmp_path: Path) -> None:
    template = tmp_path / "blank.yaml"
    assert runner.invoke(app, ["template", "-o", str(template)]).exit_code == 0
    report = runner.invoke(app, ["quiz", "--answers", str(template), "--defaults", "--format", "json"])
    cohort = runner.invoke(app, ["score", str(template), "--format", "json"])
    data, people = json.loads(report.stdout), json.loads(cohort.stdout)["people"]
    assert data["tied"] and len(data["tied"]) == 3
    assert data["top"] is None and people[0]["top"] is None
    one = json.loads(
        runner.invoke(app, ["quiz", "--answers", str(EXAMPLES / "analyst.yaml"), "--format", "json"]).stdout
    )
    assert one["top"] == "product" and one["tied"] is None
