"""One report model: the terminal and Markdown reports say the same thing, rounded the same way."""

from __future__ import annotations

import re
import subprocess
import sys

from hypothesis import HealthCheck, given, settings

from rolefit.catalogue.load import load_catalogue
from rolefit.model.answers import Answers
from rolefit.report import export, markdown, terminal
from rolefit.report.fit import build
from rolefit.report.text import md_text, shown, signed

from helpers import answer_sets

CAT = load_catalogue()
#: A contribution line: "  +2.9  Turn research papers into code  skill 3 confident · interest 4 love"
TERMINAL_LINE = re.compile(r"^\s+([+-]\d+\.\d)  (.+?)  skill (\d) .* · interest (\d) ")
MARKDOWN_LINE = re.compile(r"^\| ([+-]\d+\.\d) \| (.+?) \| (\d) .* \| (\d) .* \|$")
RANK_ROW = re.compile(r"^\s*(\d+)\s+(.+?)\s+(\d+)\s+[█▏▎▍▌▋▊▉ ]*\s+(\d+)\s+(\d+)$")
MD_RANK_ROW = re.compile(r"^\| (\d+) \| (.+?) \| (\d+) \| (\d+) \| (\d+) \|$")


def _both(answers: Answers) -> tuple[str, str]:
    report = build(CAT, answers)
    text = export.to_text(lambda console: terminal.render_fit_report(report, console), width=160)
    return text, markdown.fit_report_md(report)


def _terminal_sections(text: str) -> list[tuple[str, list[tuple[str, ...]]]]:
    """(role line, contribution lines) for each role explained."""
    out = []
    for part in re.split(r"^─+$", text, flags=re.M)[1:]:
        lines = part.strip("\n").splitlines()
        name, _, summary = lines[0].partition("  ")
        out.append((f"{name} {summary}", [m.groups() for ln in lines if (m := TERMINAL_LINE.match(ln))]))
    return out


def _markdown_sections(md: str) -> list[tuple[str, list[tuple[str, ...]]]]:
    out = []
    for part in md.split("\n## ")[2:]:  # after the title and the chart
        lines = part.splitlines()
        summary = lines[2][0].lower() + lines[2][1:]
        out.append((f"{lines[0]} {summary}", [m.groups() for ln in lines if (m := MARKDOWN_LINE.match(ln))]))
    return out


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answer_sets())
def test_no_minus_zero_and_no_zero_contribution(answers: Answers) -> None:
    text, md = _both(answers)
    for report in (text, md):
        assert not re.search(r"-0\.0(?!\d)", report), report
        assert not re.search(r"-0(?![.\d])", report.replace("-0.", "")), report
    for _, lines in _terminal_sections(text) + _markdown_sections(md):
        assert all(float(points) != 0 for points, *_ in lines), lines


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answer_sets())
def test_terminal_and_markdown_say_the_same(answers: Answers) -> None:
    text, md = _both(answers)
    ranked = [m.groups() for ln in text.splitlines() if (m := RANK_ROW.match(ln))]
    md_ranked = [m.groups() for ln in md.splitlines() if (m := MD_RANK_ROW.match(ln))]
    assert ranked == md_ranked and len(ranked) == len(CAT.roles)
    sections, md_sections = _terminal_sections(text), _markdown_sections(md)
    assert sections == md_sections
    assert 1 <= len(sections) <= 2
    result = build(CAT, answers).result
    if result.hybrid:
        assert len(sections) == 2
    assert [s[0].split(" fit ")[0] for s in sections] == [f.role.name for f in result.fits[: len(sections)]]
    read_more = [ln.strip() for ln in text.splitlines() if ln.startswith("Read more")]
    assert read_more == [ln for ln in md.splitlines() if ln.startswith("Read more")]


def test_the_runner_up_is_explained_when_close_in_both_formats(catalogue: object) -> None:
    """A result within twice the hybrid margin but not a hybrid explains the runner-up too."""
    from rolefit.model.answers import Answers
    from rolefit.scoring.fit import HYBRID_MARGIN, score

    # all at 0 but the interest in automating pipelines, a startup and analysis: data person, close
    tasks = [t.id for t in CAT.tasks]
    close = Answers(
        skill=dict.fromkeys(tasks, 0),
        interest={**dict.fromkeys(tasks, 0), "automate-pipelines": 4},
        context={"organisation": "startup", "appetite": "analysis"},
    )
    assert HYBRID_MARGIN <= score(CAT, close).margin < 2 * HYBRID_MARGIN
    text, md = _both(close)
    runner_up = score(CAT, close).fits[1].role.name
    assert len(_terminal_sections(text)) == len(_markdown_sections(md)) == 2
    assert f"\n## {runner_up}\n" in md


def test_shown_never_gives_minus_zero() -> None:
    assert str(shown(-0.04)) == "0.0"
    assert str(shown(-0.4, 0)) == "0.0"
    assert shown(-0.06) == -0.1
    assert signed(-0.04) == "+0.0" and signed(0.26) == "+0.3" and signed(-1.25, 2) == "-1.25"


def test_md_text_escapes_what_markdown_would_read() -> None:
    assert md_text("a|b") == "a\\|b"
    assert md_text("*x* _y_ `z` [l](u)") == "\\*x\\* \\_y\\_ \\`z\\` \\[l\\](u)"
    assert md_text("<script>") == "&lt;script&gt;"
    assert md_text("# not a heading") == "\\# not a heading"
    assert md_text("a\\b") == "a\\\\b"
    assert md_text("two\nlines") == "two lines"
    assert md_text("R&D data scientist") == "R&D data scientist"


def test_markdown_and_json_reports_import_no_rich() -> None:
    code = (
        "import sys\n"
        "from rolefit.catalogue.load import load_catalogue\n"
        "from rolefit.model.answers import Answers\n"
        "from rolefit.report.fit import build\n"
        "from rolefit.report import markdown, data, compare\n"
        "from rolefit.scoring.compare import compare as cmp\n"
        "cat = load_catalogue()\n"
        "a = Answers(skill={t.id: 3 for t in cat.tasks}, interest={t.id: 1 for t in cat.tasks})\n"
        "b = Answers(skill={t.id: 1 for t in cat.tasks}, interest={t.id: 4 for t in cat.tasks})\n"
        "r = build(cat, a)\n"
        "assert markdown.fit_report_md(r).startswith('# Your ')\n"
        "assert data.fit_report_json(r).startswith('{')\n"
        "c = compare.build(cmp(cat, a, b), ('a', 'b'), cat)\n"
        "assert compare.compare_markdown(c) and compare.compare_json(c)\n"
        "print(sorted(m for m in sys.modules if m == 'rich' or m.startswith('rich.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr
