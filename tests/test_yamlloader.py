"""The fast strict loader reads every document exactly as PyYAML's constructor does, errors included."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from rolefit.files import strictyaml as yamlloader
from rolefit.files.strictyaml import StrictLoader


def typed(value: Any) -> Any:
    """``value`` with every type made explicit (in Python, True == 1 and 1 == 1.0)."""
    if isinstance(value, dict):
        return ("dict", [(typed(k), typed(v)) for k, v in value.items()])
    if isinstance(value, (list, tuple, set)):
        items = sorted(value, key=repr) if isinstance(value, set) else value
        return (type(value).__name__, [typed(v) for v in items])
    if isinstance(value, float) and value != value:
        return ("float", "nan")
    return (type(value).__name__, value)


def outcome(read: Any, text: str) -> tuple[str, Any]:
    try:
        return "ok", typed(read(text))
    except Exception as exc:  # any failure: both readers must fail alike
        return "error", type(exc).__name__


def assert_same(text: str) -> None:
    expected = outcome(lambda t: yaml.load(t, Loader=StrictLoader), text)
    got = outcome(yamlloader.load, text)
    if expected[0] == "ok":
        assert got == expected, text
    else:
        assert got[0] == "error", (text, got)


# fmt: off
PLAIN = [
    "a", "b", "x y", "0", "-1", "012", "0x1f", "1_0", "1.5", "1e3", ".inf", ".nan", "~", "null", "", "yes", "No",
    "on", "true", "2024-01-02", "2024-02-30", "2001-12-14t21:59:43.10-05:00", "1:20", '"q"', "'s'", '"\\t"', "=",
    "<<", "é", '"<<"',
]
TAGS = [
    "", "", "", "", "!!str ", "!!int ", "!!float ", "!!bool ", "!!null ", "!!timestamp ", "!!binary ", "!!set ",
    "!!omap ", "!!pairs ", "!!seq ", "!!map ", "!custom ", "!!python/object:os.system ", "!!merge ", "!!value ",
]
# fmt: on


@st.composite
def nodes(draw: st.DrawFn, depth: int = 0) -> str:
    """A node in flow style, now and then anchored, tagged, or an alias."""
    prefix = ""
    if draw(st.integers(0, 7)) == 0:
        prefix += f"&a{draw(st.integers(0, 2))} "
    if draw(st.integers(0, 4)) == 0:
        prefix += draw(st.sampled_from(TAGS))
    kind = draw(st.sampled_from(["scalar", "scalar", "alias", "seq", "map"] if depth < 3 else ["scalar"]))
    if kind == "alias":
        return f"*a{draw(st.integers(0, 2))}"
    if kind == "scalar":
        return prefix + draw(st.sampled_from(PLAIN))
    if kind == "seq":
        items = draw(st.lists(nodes(depth + 1), max_size=4))
        return prefix + "[" + ", ".join(items) + "]"
    pairs = draw(st.lists(st.tuples(nodes(depth + 1), nodes(depth + 1)), max_size=4))
    return prefix + "{" + ", ".join(f"? {k} : {v}" for k, v in pairs) + "}"


@settings(max_examples=1500, deadline=None)
@given(nodes())
def test_reads_flow_documents_as_pyyaml(text: str) -> None:
    assert_same(text)


DATA = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8) | st.dates(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6) | st.integers(), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=500, deadline=None)
@given(DATA, st.sampled_from([False, True, None]), st.booleans())
def test_reads_dumped_data_as_pyyaml(data: Any, flow: bool | None, unicode: bool) -> None:
    text = yaml.safe_dump(data, default_flow_style=flow, allow_unicode=unicode)
    assert_same(text)
    assert typed(yamlloader.load(text)) == typed(yaml.safe_load(text))


def test_reads_the_shipped_catalogues_as_pyyaml() -> None:
    from helpers import ROOT

    files = [*ROOT.glob("data/*.yaml"), *ROOT.glob("examples/catalogues/*/*.yaml")]
    assert len(files) >= 4
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert typed(yamlloader.load(text)) == typed(yaml.load(text, Loader=StrictLoader)), path


def test_a_document_deeper_than_python_recurses_is_still_read() -> None:
    text = "a: " + "[" * 990 + "]" * 990 + "\n"  # (libyaml allows 1,000 levels)
    value, depth = yamlloader.load(text)["a"], 1
    while value:
        assert type(value) is list and len(value) == 1
        value, depth = value[0], depth + 1
    assert value == [] and depth == 990


def test_an_alias_is_refused_wherever_it_points() -> None:
    for text in ("a: &x 1\nb: *x\n", "a: &x [1]\nb: !!set {*x: null}\n", "&x [*x]\n", "a: !!omap [&x {b: 1}, *x]\n"):
        assert outcome(yamlloader.load, text) == ("error", "Rejected"), text
