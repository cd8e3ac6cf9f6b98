"""The pages in a real browser (headless Chromium): no sideways scrolling on a phone or a desktop,
no request leaving the file, every section and chart drawn, and charts on the printed A4 pages.

Where Chromium is missing these tests skip, unless ROLEFIT_REQUIRE_BROWSER=1 (as in CI): then they fail.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from browser import Browser, browser
from rolefit.cli import app
from test_html_pages import PAGES

runner = CliRunner()
WIDTHS = (375, 1280)

CHECK = """(() => {
  const charts = [...document.querySelectorAll('svg.chart')].map(s => {
    const r = s.getBoundingClientRect();
    return [s.id, r.width, r.height, r.right];
  });
  const outside = [...document.querySelectorAll('svg.chart text')].filter(t => {
    const box = t.getBBox(), room = t.ownerSVGElement.viewBox.baseVal.width;
    return box.x < -2 || box.x + box.width > room + 0.5;  // (a glyph like T may start a little left of 0)
  }).map(t => t.textContent);
  return {
    outside,
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    sections: [...document.querySelectorAll('section[id]')].map(s => s.id),
    headings: document.querySelectorAll('h1').length,
    charts,
  };
})()"""


@pytest.fixture(scope="module")
def chrome() -> Iterator[Browser]:
    """One headless Chromium for the module's pages (starting one takes about a second of CPU); each
    test loads its page anew in it, with the browser's cache off."""
    with browser() as page:
        yield page


def _page(tmp_path: Path, command: str) -> Path:
    target = tmp_path / f"{command}.html"
    result = runner.invoke(app, [*PAGES[command][0], "-o", str(target)])
    assert result.exit_code == 0, result.output
    return target


@pytest.mark.slow
@pytest.mark.parametrize("command", list(PAGES))
def test_pages_fit_the_screen_load_nothing_and_print_their_charts(
    chrome: Browser, tmp_path: Path, command: str
) -> None:
    page = _page(tmp_path, command)
    for width in WIDTHS:
        chrome.open(page, width)
        seen = chrome.evaluate(CHECK)
        assert seen["scrollWidth"] <= seen["innerWidth"] == width, (width, seen)
        assert chrome.requests() == [page.resolve().as_uri()], chrome.requests()
        assert seen["headings"] == 1
        assert set(PAGES[command][1]) <= set(seen["sections"]), seen["sections"]
        assert seen["charts"], "no chart drawn"
        assert seen["outside"] == [], seen["outside"]  # (every label drawn inside its chart)
        for chart_id, w, h, right in seen["charts"]:
            assert w > 100 and h > 50, (chart_id, w, h)
            assert right <= width, (chart_id, right)
    pdf = chrome.pdf()
    assert pdf.startswith(b"%PDF")
    _check_printed(pdf, tmp_path, command)


def _check_printed(pdf: bytes, tmp_path: Path, command: str) -> None:
    """The printed pages hold the charts: their titles and labels are on them, as text."""
    if shutil.which("pdftotext") is None:
        assert len(pdf) > 10_000
        return
    path = tmp_path / "page.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    expected = {
        "quiz": ["neutral 50", "raised", "the role asks", "Lead over"],
        "explain": ["Its task profile", "core"],
        "versus": ["Task by task", "core"],
        "compare": ["neutral 50", "How each fit moved"],
        "score": ["neutral 50", "Who leans where"],
        "jobs": ["The chance of each verdict", "none of these", "The lines that show it"],
    }[command]
    for words in expected:
        assert words in text, words


#: Titles of real ads, long and wide (capitals), that a chart's label must cut to fit.
LONG_TITLES = [
    "Senior Product Owner (Data Science/Data Engineering)",
    "DATA SCIENTIST (LIEGE) – MACHINE LEARNING & ANALYTICS PLATFORM",
    "Machine Learning Engineering Manager, Personalization and Recommendations",
    "Wissenschaftliche Mitarbeiterin / Wissenschaftlicher Mitarbeiter Datenanalyse",
]


@pytest.mark.slow
def test_the_jobs_chart_keeps_long_titles_inside_with_their_file_ids(chrome: Browser, tmp_path: Path) -> None:
    duties = "\n\nWhat you will do:\n- Train and tune deep learning models.\n- Run A/B tests.\n- Build dashboards.\n"
    files = []
    for k, title in enumerate(LONG_TITLES):
        files.append(tmp_path / f"long-{k}.txt")
        files[-1].write_text(title + duties, encoding="utf-8")
    page = tmp_path / "jobs.html"
    result = runner.invoke(app, ["jobs", *map(str, files), "-o", str(page)])
    assert result.exit_code == 0, result.output
    for width in WIDTHS:
        chrome.open(page, width)
        seen = chrome.evaluate(CHECK)
        assert seen["outside"] == [], seen["outside"]
        labels = chrome.evaluate(
            "[...document.querySelectorAll('svg.chart text.c-label')].map(t => t.lastChild.textContent)"
        )
        assert [k for k in range(len(files)) if any(label.endswith(f"(long-{k})") for label in labels)] == [
            0,
            1,
            2,
            3,
        ]
