"""The jobs page (``rolefit jobs ... -o report.html``) says what the text view says: the words the
reader matched highlighted, whole; every quote marked; each line quoted once; the reason for no
verdict in place of one; what "sure" means, and each posting named with its file's id.
"""

from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from rolefit.cli import app
from rolefit.postings.words import phrase_stems, tokens

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

#: A French ad, long enough to be told as such.
FRENCH = """Data Scientist

Vos missions :
- Construire des tableaux de bord dans Tableau et analyser les données des clients pour l'équipe.
- Développer des modèles de machine learning avec Python et SQL pour la prévision des ventes.
- Présenter les résultats aux équipes métier et automatiser les rapports mensuels.

Votre profil :
- Diplôme d'ingénieur ou master en statistiques, avec une première expérience en analyse de données.
- Vous maîtrisez Python, SQL et les outils de visualisation comme Tableau ou Power BI.
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


def evidence(*files: Path) -> dict[str, list[dict[str, str]]]:
    import json

    result = runner.invoke(app, ["jobs", *map(str, files), "--format", "json"])
    assert result.exit_code == 0, result.output
    return {p["posting"]: p["evidence"] for p in json.loads(result.stdout)["postings"]}


def cards(html_page: str, names: list[str]) -> dict[str, str]:
    """Each posting's section of the page, by its file's id (the postings in the order read)."""
    sections = re.findall(r'<section id="posting-\d+".*?</section>', html_page, re.S)
    assert len(sections) == len(names)
    return dict(zip(names, sections, strict=True))


def plain(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def quoted(card: str) -> list[tuple[str, str]]:
    """The card's quotes: the tasks named, and the line quoted (as HTML, marks and all)."""
    return re.findall(r"<blockquote><strong>(.*?)</strong>: (.*?)</blockquote>", card, re.S)


MARK = re.compile(r"(?<=(.))<mark>([^<]*)</mark>(?=(.))", re.S)


def test_highlights_are_whole_words_the_reader_matched_inflections_and_all(tmp_path: Path) -> None:
    posting = _write(tmp_path, "words.txt", WORDS)
    samples = sorted(p for p in POSTINGS.iterdir() if p.suffix in (".txt", ".md"))
    made = page(tmp_path, posting, *samples)
    found = evidence(posting, *samples)
    for name, card in cards(made, list(found)).items():
        stems = {s for e in found[name] for s in phrase_stems(e["phrase"])}
        marks = MARK.findall(card)
        assert card.count("<mark>") == len(marks) > 0 or not found[name], name
        for before, words, after in marks:
            assert not before.isalnum() and not after.isalnum(), (name, before, words, after)  # (no part of a word)
            assert set(tokens(html.unescape(words)).stems) <= stems, (name, words)  # (a word the reader matched)
    words = plain(cards(made, list(found))["words"])
    assert "You aim at creating" in words
    marked_words = [w for _, w, _ in MARK.findall(cards(made, list(found))["words"])]
    assert {"Proofs of Concept", "ad hoc analyses", "reporting", "AI"} <= set(marked_words), marked_words
    assert "teacher-brain" in words and "domain-specific" in words and "maintenance" in words


def test_every_quote_marks_the_words_that_made_it_evidence(tmp_path: Path) -> None:
    posting = _write(tmp_path, "words.txt", WORDS)
    samples = sorted(p for p in POSTINGS.iterdir() if p.suffix in (".txt", ".md"))
    names = list(evidence(posting, *samples))
    shown = [q for card in cards(page(tmp_path, posting, *samples), names).values() for q in quoted(card)]
    assert len(shown) > 50
    assert [line for _, line in shown if "<mark>" not in line] == []


def test_each_line_is_quoted_once_with_every_task_it_shows(tmp_path: Path) -> None:
    posting = _write(tmp_path, "words.txt", WORDS)
    samples = sorted(p for p in POSTINGS.iterdir() if p.suffix in (".txt", ".md"))
    found = evidence(posting, *samples)
    made = cards(page(tmp_path, posting, *samples), list(found))
    titles = _titles()
    for name, card in made.items():
        if "The lines that show it" not in card:
            continue
        lines = [plain(line) for _, line in quoted(card)]
        assert len(lines) == len(set(lines)), name
        named = {t for tasks, _ in quoted(card) for t in html.unescape(tasks).split(" · ")}
        assert named == {titles[e["task"]] for e in found[name]}, name  # (the page still lists it all)
    shared = [tasks for tasks, line in quoted(made["words"]) if "Collect, clean and analyze" in plain(line)]
    assert len(shared) == 1 and " · " in shared[0]  # (one quote for the tasks of one line)


def _titles() -> dict[str, str]:
    from rolefit.catalogue.load import load_catalogue

    return {t.id: t.title for t in load_catalogue().tasks}


def test_the_page_quotes_first_what_the_text_view_quotes(tmp_path: Path) -> None:
    head, duties = WORDS.split("What you will do:\n")
    lines = duties.splitlines(True)
    bi = next(line for line in lines if "dashboards" in line)  # (a task the verdict's role weighs little: first)
    posting = _write(tmp_path, "words.txt", head + "What you will do:\n" + bi + "".join(x for x in lines if x != bi))
    first = re.search(r"• ([^:]+): “", text_view(posting))
    assert first is not None
    tasks, _ = quoted(cards(page(tmp_path, posting), ["words"])["words"])[0]
    assert html.unescape(tasks).split(" · ")[0] == first.group(1)


def test_no_verdict_is_said_as_the_text_view_says_it_without_evidence_or_sure(tmp_path: Path) -> None:
    french = _write(tmp_path, "fr.txt", FRENCH)
    title = _write(tmp_path, "title.txt", "Data Scientist\n")
    read = _write(tmp_path, "words.txt", WORDS)
    said = {
        line.split("(", 1)[0].strip(): line.strip()
        for line in text_view(french, title).splitlines()
        if line.strip().startswith("Not enough evidence:")
    }
    assert len(said) == 2 and any("English" in s for s in said.values())  # (the French ad is told as such)
    made = page(tmp_path, french, title, read)
    shown = cards(made, ["fr", "title", "words"])
    for name in ("fr", "title"):
        card = shown[name]
        assert plain(card).count("Not enough evidence:") == 1
        assert any(sentence in " ".join(plain(card).split()) for sentence in said.values()), name
        assert "The lines that show it" not in card and "<blockquote" not in card and "<mark>" not in card
        assert "<meter" not in card and "sure " not in plain(card)
    sure = re.findall(r'<td class="num">(.*?)</td></tr>', made)
    assert sure[:2] == ["-", "-"] and sure[2].endswith("%")  # (the table's column, as the text view's)
    assert "<meter" in shown["words"] and "<mark>" in shown["words"]


def test_sure_is_explained_and_each_row_named_with_its_file_id(tmp_path: Path) -> None:
    long = "Senior Product Owner (Data Science/Data Engineering) for the Customer Insights Platform"
    a = _write(tmp_path, "a.txt", WORDS.replace("Machine Learning Engineer", "Data Scientist", 1))
    b = _write(tmp_path, "b.txt", WORDS.replace("Machine Learning Engineer", "Data Scientist", 1) + "Mentor juniors.\n")
    c = _write(tmp_path, "c.txt", WORDS.replace("Machine Learning Engineer", long, 1))
    note = next(line for line in text_view(a, b, c).splitlines() if line.startswith("Sure:"))
    made = page(tmp_path, a, b, c)
    assert note in plain(made)
    rows = [plain(r) for r in re.findall(r'<th scope="row">(.*?)</th>', made)]
    assert rows == ["Data Scientist (a)", "Data Scientist (b)", f"{long} (c)"]
    chart = re.search(r'<svg class="chart".*?</svg>', made, re.S)
    assert chart is not None
    labels = re.findall(r'<text x="0" y="[\d.]+" class="c-label">(?:<title>(.*?)</title>)?(.*?)</text>', chart.group(0))
    shown = [html.unescape(text) for _, text in labels]
    assert shown[:2] == ["Data Scientist (a)", "Data Scientist (b)"]
    tip, cut = html.unescape(labels[2][0]), shown[2]
    assert tip == f"{long} (c)" and cut.endswith("… (c)") and cut != tip
    start = cut.removesuffix("… (c)")
    assert long.startswith(start) and not long[len(start)].isalnum()  # (cut where a word ends)


def test_marked_pieces_join_up_to_the_line_and_overlapping_marks_are_one() -> None:
    from rolefit.report.html.jobs_page import marked

    line = "Build data pipelines and dashboards"
    pieces = marked(line, [(6, 20), (11, 20), (25, 35), (40, 50)])
    assert "".join(p for p, _ in pieces) == line
    assert [p for p, hit in pieces if hit] == ["data pipelines", "dashboards"]
    assert marked("", [(0, 3)]) == [] and marked("abc", []) == [("abc", False)]


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


def test_the_page_shows_the_closeness_the_screen_shows_not_json_s_rounded_again() -> None:
    """A closeness of 0.9049 is 0.905 in JSON (three places) and 0.90 on the screen: 0.90 on the page."""
    from dataclasses import replace

    from rolefit.catalogue.load import load_catalogue
    from rolefit.postings.read import make_posting, read_posting
    from rolefit.report.html.jobs_page import closeness_chart, posting_view

    cat = load_catalogue()
    ad = (Path(__file__).parent / "postings" / "rnd-01-speech-lab.md").read_text(encoding="utf-8")
    reading = read_posting(make_posting("p", ad), cat)
    close = replace(reading, similarity=(("rnd", 0.9049), ("product", 0.5), ("data-person", 0.1)), chances=())
    chart = closeness_chart([posting_view(1, close, cat, None)], cat)[0]
    assert ">0.90<" in chart and ">0.91<" not in chart
