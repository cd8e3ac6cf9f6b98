"""Hostile text and a hostile system: what a file, a name or the terminal around rolefit can do.

Text from a file is shown as visible escapes and cut to a readable length; standard output in
any encoding takes the reports; standard output that cannot be written ends in one line.
"""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rolefit.errors import ERROR_LIMIT, MESSAGE_LIMIT, AnswersError, RolefitError, printable
from rolefit.text import VALUE_LIMIT, ascii_lookalike, cut, encodable, excerpt, terminal_safe

from helpers import EXAMPLES, ROOT

#: Characters a terminal acts on, or that hide or reorder text, as the module promises to escape.
HOSTILE = (
    [chr(c) for c in range(0x20)]
    + ["\x7f"]
    + [chr(c) for c in range(0x80, 0xA0)]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
    + ["\u200b", "\u200e", "\u200f", "\u00ad", "\ufeff", "\u2028", "\u2029", "\U000e0041", "\ud800"]
)


def unsafe_in(text: str) -> list[str]:
    """The characters of ``text`` a terminal could act on (by Unicode category, not by our table)."""
    return [c for c in text if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Zl", "Zp") and c not in "\u200c\u200d"]


hostile_text = st.text(
    alphabet=st.one_of(st.sampled_from(HOSTILE), st.characters(codec=None)),
    max_size=300,
)


@pytest.mark.parametrize("char", HOSTILE)
def test_each_hostile_character_is_shown_as_an_escape(char: str) -> None:
    code = ord(char)
    visible = f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
    assert terminal_safe(f"a{char}b") == f"a{visible}b"


def test_readable_text_is_kept_as_it_is() -> None:
    """Accents, other scripts, emoji with their joiners: nothing to escape."""
    for text in (
        "Zoë's café",
        "数据科学家",
        "\u0645\u0631\u062d\u0628\u0627",
        "👩\u200d🔬 R&D",
        "\u0928\u094d\u200c\u0928",
    ):
        assert terminal_safe(text) == text


@given(hostile_text)
def test_terminal_safe_leaves_nothing_a_terminal_acts_on(text: str) -> None:
    shown = terminal_safe(text)
    assert not unsafe_in(shown)
    if not unsafe_in(text):
        assert shown == text


@given(st.text(max_size=200), st.integers(min_value=30, max_value=120))
def test_cut_keeps_the_start_and_says_how_long(text: str, limit: int) -> None:
    shown = cut(text, limit)
    assert len(shown) <= limit
    if len(text) <= limit:
        assert shown == text
    else:
        assert shown.endswith(f"\u2026 ({len(text):,} characters)")
        assert text.startswith(shown[: shown.rindex("\u2026")])


def test_cut_a_six_megabyte_value() -> None:
    assert cut("x" * 6_000_000, 40) == "x" * 16 + "\u2026 (6,000,000 characters)"


@given(hostile_text, st.integers(min_value=30, max_value=120))
def test_an_excerpt_is_safe_short_and_splits_no_escape(text: str, limit: int) -> None:
    shown = excerpt(text, limit)
    assert len(shown) <= limit
    assert not unsafe_in(shown)
    whole = terminal_safe(text)
    if len(whole) <= limit:
        assert shown == whole
    else:
        assert whole.startswith(shown[: shown.rindex("\u2026")])


@given(
    message=hostile_text,
    file=st.one_of(st.none(), hostile_text, st.just("f" * 100_000)),
    key=st.one_of(st.none(), hostile_text, st.just("k\x1b" * 50_000)),
    line=st.one_of(st.none(), st.integers(min_value=0, max_value=10**18)),
)
def test_every_error_message_is_safe_and_bounded(
    message: str, file: str | None, key: str | None, line: int | None
) -> None:
    text = str(AnswersError(message, file=file, key=key, line=line))
    assert not unsafe_in(text)
    assert "\n" not in text
    assert len(text) <= ERROR_LIMIT


def test_a_huge_id_gives_a_short_message_that_still_names_it() -> None:
    """A 6 MB id once gave a 12 MB message; now the message says what is wrong, and how long the id was."""
    huge = "a" * 6_000_000
    text = str(RolefitError(f"unknown role '{huge}'; expected one of: 'rnd', 'product'", key=huge))
    assert len(text) < 2 * MESSAGE_LIMIT
    assert "(6,000,000 characters)" in text
    assert "expected one of: 'rnd', 'product'" in text  # the quoted value is cut, not the message after it


def test_c1_controls_and_bidi_overrides_in_a_message_are_escaped() -> None:
    text = str(RolefitError("unknown task 'evil\u009b31m\u202etxt.exe'", file="a\u2066b.yaml"))
    assert text == "a\\u2066b.yaml: unknown task 'evil\\x9b31m\\u202etxt.exe'"


def test_printable_cuts_a_long_quoted_value_but_not_prose() -> None:
    value = "v" * (VALUE_LIMIT + 50)
    assert printable(f"role '{value}' is unknown") == f"role '{cut(value)}' is unknown"
    prose = "this catalogue's tasks " + "x" * 100 + " and it's done"
    assert printable(prose) == prose


def test_ascii_stand_ins_keep_columns_and_letters() -> None:
    assert encodable("█▋ • café — 3…", "ascii") == "#+ * cafe - 3..."
    assert encodable("plain", "ascii") == "plain"
    assert encodable("Zoë", "latin-1") == "Zoë"
    assert ascii_lookalike("数") == "?"


# --- standard output that cannot take the text, or cannot be written -----------------------


def rolefit(*args: str, env: dict[str, str] | None = None, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    """``python -m rolefit ARGS`` with this tree's package first on the path."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHONIO", "LC_", "PYTHONUTF8"))}
    base["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), base.get("PYTHONPATH", "")])
    return subprocess.run(  # type: ignore[call-overload,no-any-return]
        [sys.executable, "-m", "rolefit", *args], env={**base, **(env or {})}, cwd=ROOT, timeout=60, **kwargs
    )


ASCII_STDOUT = [
    pytest.param({"PYTHONIOENCODING": "ascii"}, id="PYTHONIOENCODING=ascii"),
    pytest.param({"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}, id="C-locale"),
]


@pytest.mark.parametrize("env", ASCII_STDOUT)
@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["explain", "rnd"], b"R&D data scientist"),
        (["quiz", "--answers", str(EXAMPLES / "researcher.yaml")], b"Your best fit: R&D data scientist"),
        (["roles"], b"R&D data scientist"),
    ],
)
def test_reports_on_an_ascii_stdout(env: dict[str, str], args: list[str], needle: bytes) -> None:
    done = rolefit(*args, env=env, capture_output=True)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert done.stderr == b""
    assert needle in done.stdout
    done.stdout.decode("ascii")  # every byte is ASCII: bars and bullets have ASCII stand-ins
    assert b"??" not in done.stdout


def test_a_full_stdout_is_one_line_and_exit_2() -> None:
    """`rolefit roles > /dev/full`: no traceback, one line that says why."""
    full_device = Path("/dev/full")
    if not full_device.exists():
        pytest.skip("no /dev/full on this system")
    with full_device.open("w") as full:
        done = rolefit("roles", stdout=full, stderr=subprocess.PIPE)
    err = done.stderr.decode()
    assert done.returncode == 2, err
    assert err.count("\n") == 1 and err.startswith("rolefit: "), err
    assert "standard output" in err and "No space left" in err


#: Commands whose output is larger than a small pipe (4 KiB) and a little more.
LARGE_OUTPUTS = [
    pytest.param(["template"], id="template"),
    pytest.param(["jobs", str(ROOT / "tests" / "postings")], id="jobs"),
    pytest.param(["quiz", "--answers", str(EXAMPLES / "analyst.yaml"), "--format", "json"], id="quiz-json"),
]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="sets the pipe's size, as only Linux can")
@pytest.mark.parametrize("unbuffered", ["", "1"], ids=["buffered", "unbuffered"])
@pytest.mark.parametrize("args", LARGE_OUTPUTS)
def test_a_reader_that_stops_early_gives_141(args: list[str], unbuffered: str) -> None:
    """`rolefit ... | head -c 100`, with more output than the pipe holds: exit 141, nothing on stderr.

    Unbuffered (``PYTHONUNBUFFERED``), Python's text layer once dropped the rest of a short write
    without an error, and rolefit ended with 0.
    """
    import fcntl

    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, 1031, 4096)  # F_SETPIPE_SZ: the smallest pipe, so the output outgrows it
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("PYTHONUNBUFFERED", None)
    if unbuffered:
        env["PYTHONUNBUFFERED"] = unbuffered
    proc = subprocess.Popen([sys.executable, "-m", "rolefit", *args], stdout=write_end, stderr=subprocess.PIPE, env=env)
    os.close(write_end)
    assert len(os.read(read_end, 100)) == 100
    os.close(read_end)  # the reader goes away with the rest of the output unread
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 141, err.decode()
    assert err == b""


@pytest.mark.parametrize("args", [["--help"], ["jobs", "-h"]], ids=["help", "jobs-help"])
def test_help_to_a_reader_already_gone_gives_141(args: list[str]) -> None:
    """`rolefit --help | head -0`: rich, meeting the closed pipe, points standard output at
    /dev/null and exits 1; rolefit says 141, as for any other output."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before anything is written
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "rolefit", *args], stdout=write_end, stderr=subprocess.PIPE, env=env)
    os.close(write_end)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 141, err.decode()
    assert err == b""
