"""The plain-YAML reader: whatever it reads, it reads as PyYAML does; the rest it leaves to PyYAML."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from rolefit.catalogue.load import load_catalogue
from rolefit.files import plainyaml
from rolefit.files.answers import dump_answers, template
from rolefit.files.strictyaml import StrictLoader
from rolefit.model.answers import Answers

from helpers import EXAMPLES, ROOT, answer_sets


def typed(value: Any) -> Any:
    """``value`` with every scalar's type made explicit (in Python, True == 1)."""
    if isinstance(value, dict):
        return ("dict", [(typed(k), typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [typed(v) for v in value])
    return (type(value).__name__, value)


def pyyaml(text: str) -> Any:
    return yaml.load(text, Loader=StrictLoader)


def assert_agrees(text: str) -> bool:
    """The plain reader gives up, or gives exactly what PyYAML gives. True if it read the text."""
    got = plainyaml.load(text)
    if got is plainyaml.NOT_PLAIN:
        return False
    assert typed(got) == typed(pyyaml(text)), text
    return True


GOOD_KEYS = ["a", "skill", "interest", "b-c", "a.b", "_x", "e1", "format", "answers", "Context"]
KEYS = [*GOOD_KEYS, "yes", "No", "on", "OFF", "null", "y", "n", "true"]
# fmt: off
SCALARS = [
    "0", "7", "-3", "42", "-0", "012", "0x1f", "0o7", "1_0", "+1", "1.5", "1e3", "1.0e+3", ".inf", ".NaN", "~",
    "null", "Null", "yes", "On", "TRUE", "y", "2024-01-02", "2024-02-30", "1:20", "abc", "a b", "a-b", "x.y",
    '"q"', "'q'", '"a # b"', "'a: b'", "'it''s'", '"\\n"', '"a\\"b"', '""', "''", "{a: 1}", "{a: 1, b: x}",
    "{a:1}", "{}", "{ }", "{a: 1,}", '{a: "x,y"}', "{a: yes}", "{a: 1, a: 2}", "{a: {b: 1}}", "[1]", "[]",
    "&x 1", "*x", "!!int 3", "!!str 3", "|", ">", "- a", "a #c", "a#c", "a:b", "é", "<<", "=", "-", "?",
]
# fmt: on
JUNK = st.text(alphabet="ab0:#{}[],'\" -&*!|>\t\r~.", max_size=8)


@st.composite
def lines(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["pair", "pair", "pair", "open", "comment", "blank", "junk"]))
    indent = " " * draw(st.sampled_from([0, 0, 2, 2, 4, 1, 3]))
    if kind == "comment":
        return f"{indent}# {draw(JUNK)}"
    if kind == "blank":
        return indent
    if kind == "junk":
        return indent + draw(JUNK)
    key = draw(st.sampled_from(KEYS) | JUNK)
    if kind == "open":
        return f"{indent}{key}:" + draw(st.sampled_from(["", "  # c", "#c", " "]))
    value = draw(st.sampled_from(SCALARS) | JUNK)
    comment = draw(st.sampled_from(["", "", "  # c", " #", "#x", " # a: b"]))
    return f"{indent}{key}:{draw(st.sampled_from([' ', '  ', '']))}{value}{comment}"


GOOD_SCALARS = ["0", "7", "-3", "42", "abc", "a-b", "x.y", '"q"', "'q'", '"a # b"', "{a: 1}", "{a: 1, b: x}", "{}"]


@st.composite
def trees(draw: st.DrawFn, indent: int = 0, depth: int = 0) -> list[str]:
    """A block mapping in the plain subset, mostly: the values are drawn from all of SCALARS."""
    out: list[str] = []
    step = draw(st.sampled_from([2, 2, 4, 1]))
    keys = st.one_of(*[st.sampled_from(GOOD_KEYS)] * 6, st.sampled_from(KEYS))
    for key in draw(st.lists(keys, min_size=1, max_size=5, unique=draw(st.integers(0, 5)) > 0)):
        comment = draw(st.sampled_from(["", "", "  # c", " # a: b"]))
        if depth < 2 and draw(st.booleans()):
            out.append(f"{' ' * indent}{key}:{comment}")
            out += draw(trees(indent + step, depth + 1))
        else:
            value = draw(st.one_of(*[st.sampled_from(GOOD_SCALARS)] * 8, st.sampled_from(SCALARS)))
            out.append(f"{' ' * indent}{key}: {value}{comment}")
        if draw(st.integers(0, 5)) == 0:
            out.append(draw(st.sampled_from(["", "# note", "    # deeper note", " "])))
    return out


@st.composite
def documents(draw: st.DrawFn) -> str:
    if draw(st.integers(0, 3)) > 0:
        body = draw(trees())
        if draw(st.integers(0, 5)) == 0:  # and now and then, one line of anything
            body.insert(draw(st.integers(0, len(body))), draw(lines()))
    else:
        body = draw(st.lists(lines(), min_size=1, max_size=12))
    text = draw(st.sampled_from(["\n"] * 5 + ["\r\n", "\r"])).join(body)
    return draw(st.sampled_from(["", "", "", "", "\ufeff", "---\n"])) + text + draw(st.sampled_from(["", "\n"]))


@settings(max_examples=800, deadline=None)
@given(documents())
def test_reads_what_pyyaml_reads_or_gives_up(text: str) -> None:
    assert_agrees(text)


def test_generated_documents_are_often_read() -> None:
    """The property above is only worth something if the reader takes many of the documents (the
    same 120 every run, so that the count does not drift with the random seed: 17 are read)."""
    read = 0

    @settings(max_examples=120, deadline=None, database=None, derandomize=True)
    @given(documents())
    def count(text: str) -> None:
        nonlocal read
        read += assert_agrees(text)

    count()
    assert read >= 12


@pytest.mark.parametrize(
    "text",
    [
        "a: yes\n",  # a boolean in YAML 1.1
        "a: 012\n",  # octal
        "a: 1_000\n",
        "a: 2024-01-02\n",  # a date
        "a: 1.5\n",
        "a: ~\n",
        "a: &x 1\nb: *x\n",
        "a: 1\na: 2\n",  # a duplicate key: PyYAML's path says where
        "a:\n  - 1\n",
        "a: 1\n\tb: 2\n",
        "--- \na: 1\n",
        "a: b\n  c\n",  # a plain scalar continued on the next line
        "a: 'it''s'\n",
        'a: "line\\nbreak"\n',
        "a: {b: 1, b: 2}\n",
        "a: !!str 3\n",
        "a: 1\r b: 2\n",
        "  a: 1\n",
        "# only a comment\n",
        "",
        "a: \x07\n",
    ],
)
def test_gives_up_on_more_than_the_plain_subset(text: str) -> None:
    assert plainyaml.load(text) is plainyaml.NOT_PLAIN


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\nb:\n  c: x\n  d: {e: 2, f: 'g h'}\n", {"a": 1, "b": {"c": "x", "d": {"e": 2, "f": "g h"}}}),
        ("\ufeffa: -0  # note\r\nb:\r\n", {"a": 0, "b": None}),
        ('a: "# not a comment"\nb: {}\n', {"a": "# not a comment", "b": {}}),
        ("a:\n  # a comment at any indent\n    b: 1\n", {"a": {"b": 1}}),
    ],
)
def test_reads_the_plain_subset(text: str, expected: dict[str, Any]) -> None:
    assert typed(plainyaml.load(text)) == typed(expected) == typed(pyyaml(text))


@settings(max_examples=40, deadline=None)
@given(answer_sets())
def test_reads_every_answers_file_rolefit_writes(answers: Answers) -> None:
    """So that replaying a saved file never needs PyYAML."""
    assert assert_agrees(dump_answers(answers, load_catalogue()))


def test_reads_the_template_and_the_examples() -> None:
    for catalogue in (load_catalogue(), load_catalogue(ROOT / "examples" / "catalogues" / "orbit-analytics")):
        assert assert_agrees(template(catalogue))
    files = sorted(EXAMPLES.glob("*.yaml"))
    assert files
    for path in files:
        assert assert_agrees(path.read_text(encoding="utf-8")), path
