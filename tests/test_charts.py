"""The charts are pure functions: numbers and labels in, SVG out; each label escaped."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rolefit.report.html import svg
from rolefit.report.html.bars import Bar, Change, Dots, bar_chart, change_chart, dot_chart
from rolefit.report.html.charts import FitRow, TaskRow, diverging_chart, firmness_chart, fit_chart, task_chart

HOSTILE = ["<script>alert(1)</script>", "R&D {research}", "a\"b'c"]
NS = "{http://www.w3.org/2000/svg}"


def _parse(chart: str) -> ET.Element:
    return ET.fromstring(chart.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))


def _rects(root: ET.Element, cls: str) -> list[ET.Element]:
    return [r for r in root.iter(f"{NS}rect") if r.get("class") == cls]


def test_fit_chart_bars_are_as_long_as_the_fit_and_neutral_is_marked() -> None:
    root = _parse(fit_chart([FitRow("a", 80, 60, 40), FitRow("b", 20, 30, 10)]))
    fits = [float(r.get("width", "0")) for r in _rects(root, "c-fit") if r.get("y") != "2"]
    assert fits[-2] == pytest.approx(4 * fits[-1])  # 80 against 20
    neutral = next(x for x in root.iter(f"{NS}line") if x.get("class") == "c-neutral")
    assert float(neutral.get("x1", "0")) == pytest.approx((svg.WIDTH - 34) / 2)
    assert "a: fit 80, interest 60, readiness 40." in (root.findtext(f"{NS}desc") or "")


def test_each_chart_is_an_image_with_a_title_and_a_text_equivalent() -> None:
    chart = fit_chart([FitRow("a", 50, 50, 50)], "fit", "The title")
    root = _parse(chart)
    assert root.get("role") == "img" and root.get("aria-labelledby") == "fit-t"
    assert root.findtext(f"{NS}title") == "The title"
    assert root.get("aria-describedby") == "fit-d" and root.findtext(f"{NS}desc")


def test_diverging_bars_go_right_for_gains_and_left_for_losses() -> None:
    root = _parse(diverging_chart(["g"], ["up", "down"], [(4.0, -2.0)]))
    up, down = (_rects(root, f"c-s{k}")[-1] for k in (0, 1))
    mid = svg.WIDTH / 2
    assert float(up.get("x", "0")) == pytest.approx(mid)
    assert float(down.get("x", "0")) + float(down.get("width", "0")) == pytest.approx(mid)
    assert float(up.get("width", "0")) == pytest.approx(2 * float(down.get("width", "0")))


def test_task_chart_names_friction_and_learn_next() -> None:
    rows = [TaskRow("Hated", 3, "core", 4, 0, "friction"), TaskRow("Wanted", 2, "regular", 0, 4, "learn next")]
    chart = task_chart(rows, 3.0)
    assert ">friction<" in chart and ">learn next<" in chart
    desc = _parse(chart).findtext(f"{NS}desc") or ""
    assert "Hated: the role asks core; your skill 4 of 4, interest 0 of 4 (friction)." in desc


def test_firmness_chart_fills_a_dot_per_changed_answer() -> None:
    root = _parse(firmness_chart(12.0, "other", 5.0, 2, 5))
    dots = list(root.iter(f"{NS}circle"))
    assert [c.get("class") for c in dots[1:]] == ["c-fit", "c-fit", "c-track", "c-track", "c-track", "c-track"]
    assert "12.0 points" in (root.findtext(f"{NS}desc") or "")


@pytest.mark.parametrize("name", HOSTILE)
def test_every_chart_escapes_its_labels(name: str) -> None:
    charts = [
        fit_chart([FitRow(name, 1, 2, 3)]),
        diverging_chart([name], [name], [(1.0,)]),
        task_chart([TaskRow(name, 1, "occasional", 1, 1)], 3),
        firmness_chart(1.0, name, 5.0, 1, 5),
        bar_chart([Bar(name, heading=True), Bar(name, (1.0, 2.0), ("1", "2"))], [name, name], 2, "bars", name),
        change_chart([Change(name, 10, 20)], name, name),
        dot_chart([Dots(name, (10.0,), name)], [name]),
    ]
    for chart in charts:
        root = _parse(chart)  # well-formed: nothing got out of its text
        assert "<script" not in chart
        assert name in "".join(root.itertext()) or name in (root.findtext(f"{NS}title") or "")


def test_a_chart_id_must_be_ours() -> None:
    with pytest.raises(ValueError, match="chart id"):
        fit_chart([], '"><script>')


def test_charts_are_the_same_bytes_for_the_same_numbers() -> None:
    rows = [FitRow("a", 1 / 3, 2 / 3, 0.1)]
    assert fit_chart(rows) == fit_chart(list(rows))
    assert not re.search(r"\d\.\d{2,}", fit_chart(rows))  # coordinates rounded


def test_standalone_svg_stacks_charts_in_the_namespace_and_loads_nothing() -> None:
    a, b = fit_chart([FitRow("a", 1, 2, 3)]), bar_chart([Bar("x", (1.0,), ("1",))], ["s"], 1, "b", "B")
    image = svg.standalone([a, b], "T & U", ".c-fit { fill: red; }")
    root = ET.fromstring(image)
    assert root.tag == f"{NS}svg"
    inner = root.findall(f"{NS}svg")
    assert [float(s.get("y", "0")) for s in inner] == [16.0, 16.0 + svg.size(a)[1] + 24]
    assert float(root.get("height", "0")) == pytest.approx(16 + svg.size(a)[1] + 24 + svg.size(b)[1] + 16)
    assert re.findall(r"https?://[^\s\"]+", image) == ["http://www.w3.org/2000/svg"]


def test_the_change_chart_shows_every_move_whole_however_long_the_role_s_name() -> None:
    """The numbers of a move are never cut (a long name is, with the whole as its tooltip), and the
    neutral mark is drawn on each track, not through the labels."""
    long = "Data person at a small company that sells handmade furniture online"
    svg = change_chart([Change(long, 39.3, 49.0), Change("R&D", 68.7, 43.2)], "a", "b")
    assert "39.3 → 49.0 (+9.7)" in svg and "68.7 → 43.2 (-25.5)" in svg
    assert f"<title>{long}</title>" in svg
    neutral = re.findall(r'<line x1="([0-9.]+)" y1="([0-9.]+)" x2="\1" y2="([0-9.]+)" class="c-neutral"', svg)
    assert len(neutral) == 2 and all(float(b) - float(a) <= 16 for _, a, b in neutral)


@given(st.floats(min_value=0.0, max_value=100.0), st.sampled_from([2.0, 5.0, 8.0]))
def test_the_firmness_chart_s_hybrid_label_never_runs_into_its_zero(lead: float, margin: float) -> None:
    from rolefit.report.html.svg import text_width

    chart = firmness_chart(lead, "product", margin, 3, 5)
    ((x, _),) = re.findall(rf'<text x="([0-9.]+)"[^>]*>(hybrid below {margin:g})<', chart)
    assert float(x) >= text_width("0", 11.0) + 4


def test_the_change_chart_writes_no_change_as_the_table_does() -> None:
    svg = change_chart([Change("R&D", 68.7, 68.7), Change("Product", 47.4, 77.7)], "a", "b")
    assert "68.7 → 68.7 (0.0)" in svg and "(+0.0)" not in svg and "47.4 → 77.7 (+30.3)" in svg
