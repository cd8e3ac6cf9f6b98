"""The jobs page (``rolefit jobs ... -o report.html``) shows a posting's control and bidi characters
as the text view does, as visible escapes, and no page holds one as it is."""

from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from rolefit.cli import app

from helpers import fuzz_examples

runner = CliRunner()
POSTINGS = Path(__file__).parent / "postings"

#: A posting with the words the first real ads had highlighted wrongly or not at all.
WORDS = """Machine Learning Engineer

What you will do:
- You aim at creating AI products, with a teacher-brain approach to learning.
- Design domain-specific AI/ML algorithms and own the maintenance of our capabilities.
- Execute Proofs of Concept and ad hoc analyses for the business.
- Drive the automation of our reporting and build dashboards for the sales team.
- Collect, clean and analyze the data of our customers.
- Train and tune deep learning models and run A/B tests on them.
"""


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def page(tmp_path: Path, *files: Path) -> str:
    target = tmp_path / "jobs.html"
    result = runner.invoke(app, ["jobs", *map(str, files), "-o", str(target), "--force"])
    assert result.exit_code == 0, result.output
    return target.read_text(encoding="utf-8")


def text_view(*files: Path) -> str:
    """The text view, its lines unwrapped."""
    result = runner.invoke(app, ["jobs", *map(str, files)], env={"COLUMNS": "2000"})
    assert result.exit_code == 0, result.output
    return result.stdout


def plain(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def forbidden(text: str) -> list[str]:
    """The code points no page may hold as they are: C0 and C1 controls but tab, line feed and carriage
    return, and the bidi embeddings, overrides and isolates."""
    bidi = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    return sorted(
        {f"U+{ord(c):04X}" for c in text if (unicodedata.category(c) == "Cc" and c not in "\t\n\r") or c in bidi}
    )


#: Any text a UTF-8 file can hold, the controls and format characters most often; but no NUL, which
#: makes a file no text to read (it is named as a binary file, and no page is made).
HOSTILE_TEXT = st.text(
    st.one_of(
        st.characters(categories=["Cc", "Cf", "Zl", "Zp"], exclude_characters="\x00"),
        st.characters(codec="utf-8", exclude_characters="\x00"),
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=fuzz_examples(25), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=HOSTILE_TEXT, line=HOSTILE_TEXT)
def test_no_text_of_a_posting_puts_a_control_or_bidi_character_in_a_page(tmp_path: Path, title: str, line: str) -> None:
    text = WORDS.replace("Machine Learning", f"Machine {title} Learning", 1)
    posting = _write(tmp_path, "p.txt", text.replace("AI products", f"AI {line} products"))
    made = page(tmp_path, posting)
    assert forbidden(made) == []
    assert "<mark>" in made  # (the posting was read: its evidence is on the page)


def test_a_control_or_bidi_character_is_shown_as_the_text_view_shows_it(tmp_path: Path) -> None:
    evil = WORDS.replace("Machine Learning Engineer", "Data Scientist \u202e evil \x1b[31m", 1)
    evil = evil.replace("AI products", "AI \u202e products")
    posting = _write(tmp_path, "evil.txt", evil)
    shown = re.search(r"Data Scientist .*? evil \S+", text_view(posting))
    assert shown is not None and shown.group(0) == "Data Scientist \\u202e evil \\x1b[31m"
    made = page(tmp_path, posting)
    assert forbidden(made) == []
    chart = re.search(r"<svg.*?</svg>", made, re.S)
    table = re.search(r"<table>.*?</table>", made, re.S)
    heading = re.search(r"<h2 id=\"posting-1-h\">.*?</h2>", made, re.S)
    text = re.search(r'<div class="posting-text">.*?</div>', made, re.S)
    for part in (chart, table, heading, text):
        assert part is not None and shown.group(0) in plain(part.group(0))
    assert "AI \\u202e products" in plain(text.group(0))  # type: ignore[union-attr]
