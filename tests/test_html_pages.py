"""The designed pages, through the CLI: whole, escaped, the same bytes each time, loading nothing."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from rolefit.cli import app

from helpers import EXAMPLES, edited_catalogue

runner = CliRunner()
POSTINGS = Path(__file__).parent / "postings"
HOSTILE = ["<script>alert(1)</script>", "R&D {research}", "a\"b'c"]

#: Each command, and the sections its page must have (by id).
PAGES = {
    "quiz": (
        ["quiz", "--answers", str(EXAMPLES / "researcher.yaml")],
        ["ranking", "groups", "tasks", "firmness", "why-1"],
    ),
    "explain": (["explain", "rnd"], ["profile", "signature", "hires", "evolves", "differs"]),
    "versus": (["explain", "rnd", "--vs", "product"], ["tasks", "hires"]),
    "compare": (["compare", str(EXAMPLES / "analyst.yaml"), str(EXAMPLES / "researcher.yaml")], ["moved", "why"]),
    "score": (["score", str(EXAMPLES)], ["leanings", "close", "learn", "people"]),
    "jobs": (
        ["jobs", str(POSTINGS / "rnd-01-speech-lab.md"), str(POSTINGS / "dp-01-retail-startup.md"), "--answers",
         str(EXAMPLES / "builder.yaml")],
        ["overview", "posting-1", "posting-2"],
    ),
}  # fmt: skip

#: Anything that would make a browser fetch: a scheme, a network path, an import, a url() not to a fragment.
REMOTE = re.compile(r"https?:|//[a-z0-9]|@import|url\((?!#|data:)|<link|<script|<img|<iframe", re.I)


def make(tmp_path: Path, command: str, suffix: str, *extra: str) -> str:
    target = tmp_path / f"{command}{suffix}"
    result = runner.invoke(app, [*PAGES[command][0], *extra, "-o", str(target)])
    assert result.exit_code == 0, result.output
    return target.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", list(PAGES))
def test_each_page_is_whole_self_contained_and_has_its_sections(tmp_path: Path, command: str) -> None:
    page = make(tmp_path, command, ".html")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "prefers-color-scheme: dark" in page and "@media print" in page and "break-inside: avoid" in page
    assert REMOTE.search(page) is None, REMOTE.search(page)
    assert page.count("<h1") == 1 and "<h2" in page
    for section in PAGES[command][1]:
        assert f'id="{section}"' in page, section
    charts = re.findall(r'<svg class="chart"[^>]*aria-labelledby="([a-z0-9-]+)-t"', page)
    assert charts, "no chart"
    for chart in charts:
        assert f'<title id="{chart}-t">' in page and f'<desc id="{chart}-d">' in page


@pytest.mark.parametrize("command", list(PAGES))
def test_each_svg_is_a_standalone_image(tmp_path: Path, command: str) -> None:
    image = make(tmp_path, command, ".svg")
    root = ET.fromstring(image)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert float(root.get("width", "0")) > 0 and float(root.get("height", "0")) > 0
    assert re.findall(r"https?://[^\s\"]+", image) == ["http://www.w3.org/2000/svg"]
    assert "@font-face" not in image and "url(" not in image and "<script" not in image
    assert "console" not in image.lower()  # no terminal window drawn


def test_the_same_answers_give_the_same_bytes(tmp_path: Path) -> None:
    first = make(tmp_path, "quiz", ".html")
    (tmp_path / "quiz.html").unlink()
    assert make(tmp_path, "quiz", ".html") == first


def test_a_json_report_does_not_import_jinja2() -> None:
    code = (
        "import sys\nfrom rolefit.cli import run\nsys.argv = ['rolefit', 'quiz', '--answers', sys.argv[1], "
        "'--format', 'json']\ntry:\n    run()\nexcept SystemExit:\n    pass\n"
        "assert 'jinja2' not in sys.modules, 'jinja2 imported'\nprint('ok', file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(EXAMPLES / "researcher.yaml")], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and "ok" in done.stderr, done.stderr
    assert '"fits"' in done.stdout


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built-in catalogue with role names, a task title and a description that HTML would misread.
    Made once for the module: its tests only read it."""

    def roles(data: dict[str, Any]) -> None:
        for role, name in zip(data["roles"], HOSTILE, strict=False):
            role["name"] = role["short"] = name
            role["summary"] = name

    def tasks(data: dict[str, Any]) -> None:
        for task in data["tasks"]:
            task["title"] = f"{task['title']} <b>&amp;</b>"

    return edited_catalogue(tmp_path_factory.mktemp("hostile"), roles, tasks)


@pytest.mark.parametrize("command", ["quiz", "explain", "versus", "compare", "score", "jobs"])
def test_names_from_a_catalogue_are_escaped(hostile: Path, tmp_path: Path, command: str) -> None:
    page = make(tmp_path, command, ".html", "--catalogue", str(hostile))
    assert "<script" not in page and "<b>" not in page
    assert "&lt;b&gt;&amp;amp;&lt;/b&gt;" in page
    escaped = ["&lt;script&gt;alert(1)&lt;/script&gt;", "R&amp;D {research}", "a&#34;b&#39;c", "a&#x27;b"]
    if command not in ("explain", "versus"):
        assert sum(e in page for e in escaped[:2]) == 2
    assert 'a"b' not in re.sub(r"<[^>]*>", "", page)  # a quote is escaped in text as in attributes
    image = make(tmp_path, command, ".svg", "--catalogue", str(hostile))
    ET.fromstring(image)
    assert "<script" not in image and "<b>" not in image


def test_posting_text_is_escaped_and_its_evidence_highlighted(tmp_path: Path) -> None:
    posting = tmp_path / "evil.md"
    posting.write_text(
        "# <script>alert(1)</script> Data Scientist\n\nYou will train and tune deep learning models (<i>PyTorch</i>).\n"
        "You will read papers and implement papers from NeurIPS & ICML.\nR&D {research} with a\"b'c\n",
        encoding="utf-8",
    )
    target = tmp_path / "jobs.html"
    result = runner.invoke(app, ["jobs", str(posting), "-o", str(target)])
    assert result.exit_code == 0, result.output
    page = target.read_text(encoding="utf-8")
    assert "<script" not in page and "<i>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Data Scientist" in page
    plain = page.replace("<mark>", "").replace("</mark>", "")  # (evidence may be highlighted inside)
    assert " &amp; ICML" in plain and "R&amp;D {research}" in plain
    assert "<mark>" in page


VIEWBOX = re.compile(r'<svg[^>]*class="chart" viewBox="0 0 [0-9.]+ ([0-9.]+)"[^>]*aria-labelledby="([a-z0-9-]+)-t"')


@pytest.mark.parametrize(
    ("command", "chart"),
    [
        (["jobs", str(POSTINGS)], "closeness"),
        (["explain", "rnd", "--vs", "product"], "versus"),
        (["quiz", "--answers", str(EXAMPLES / "researcher.yaml")], "tasks"),
    ],
)
def test_a_long_chart_is_printed_in_parts_that_each_fit_a_page(tmp_path: Path, command: list[str], chart: str) -> None:
    """On the page, a chart taller than an A4 page prints in parts, each of a page's height at most,
    which together show every row the whole chart of the SVG output shows."""
    from rolefit.report.html.svg import PART_HEIGHT

    page, image = tmp_path / "p.html", tmp_path / "p.svg"
    for target in (page, image):
        result = runner.invoke(app, [*command, "-o", str(target)])
        assert result.exit_code == 0, result.output
    parts = [
        (float(h), name) for h, name in VIEWBOX.findall(page.read_text(encoding="utf-8")) if name.startswith(chart)
    ]
    whole = [float(h) for h, name in VIEWBOX.findall(image.read_text(encoding="utf-8")) if name == chart]
    assert len(parts) >= 2 and [name for _, name in parts] == [f"{chart}-{k}" for k in range(1, len(parts) + 1)]
    assert all(height <= PART_HEIGHT for height, _ in parts)
    assert len(whole) == 1 and whole[0] > PART_HEIGHT
    described = re.findall(rf'<desc id="{chart}-[0-9]+-d">([^<]*)</desc>', page.read_text(encoding="utf-8"))
    (everything,) = re.findall(rf'<desc id="{chart}-d">([^<]*)</desc>', image.read_text(encoding="utf-8"))
    assert " ".join(described) == everything  # (every row, once, in order)
    assert '<figure class="card parts">' in page.read_text(encoding="utf-8")


def test_the_cohort_page_plots_no_one_who_is_not_counted(tmp_path: Path) -> None:
    """The untouched template is listed in the table, but not plotted among the people's fits."""
    from rolefit.catalogue.load import load_catalogue
    from rolefit.files.answers import template

    cohort = tmp_path / "cohort"
    cohort.mkdir()
    (cohort / "blank.yaml").write_text(template(load_catalogue()), encoding="utf-8")
    (cohort / "analyst.yaml").write_bytes((EXAMPLES / "analyst.yaml").read_bytes())
    page = tmp_path / "c.html"
    assert runner.invoke(app, ["score", str(cohort), "-o", str(page)]).exit_code == 0
    (people,) = re.findall(r'<desc id="people-d">([^<]*)</desc>', page.read_text(encoding="utf-8"))
    assert "analyst" in people and "blank" not in people
    html = page.read_text(encoding="utf-8")
    assert ">blank<" in html  # (still listed, and not called close between roles: it is no one)
    (row,) = re.findall(r"<tr id=\"person-[0-9]+\"><th scope=\"row\">blank</th>.*?</tr>", html)
    assert 'class="tag">close<' not in row
    (cohort / "analyst.yaml").unlink()
    assert runner.invoke(app, ["score", str(cohort), "-o", str(page), "--force"]).exit_code == 0
    assert 'id="people-d"' not in page.read_text(encoding="utf-8")
