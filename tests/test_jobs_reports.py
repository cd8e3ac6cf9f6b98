"""rolefit jobs's reports say the same of each posting: the screen, Markdown, and what a saved report keeps."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from rolefit.catalogue.load import load_catalogue
from rolefit.cli import app
from rolefit.model.catalogue import Catalogue
from rolefit.postings.read import make_posting, read_posting
from rolefit.report.export import to_text
from rolefit.report.postings import render, to_markdown

from helpers import ROOT

runner = CliRunner()
CAT = load_catalogue()
ORBIT = ROOT / "examples" / "catalogues" / "orbit-analytics"
OWN = load_catalogue(ORBIT)
SAMPLES = ROOT / "tests" / "postings"

FRENCH = (
    "Data Scientist\n\nVos missions\n"
    "- Construire des tableaux de bord dans Tableau et Power BI pour les équipes\n"
    "- Analyser les données des clients avec SQL et Python\n"
    "- Concevoir des tests A/B et des modèles de machine learning pour la prévision\n"
    "Votre profil\n- Vous êtes à l'aise avec les pipelines de données et dbt et Airflow\n"
    "Nous vous offrons un environnement de travail agréable avec une équipe dynamique et des projets variés\n"
)


def _screen(text: str, name: str, catalogue: Catalogue) -> list[str]:
    """What the screen says under the posting's heading, a line per paragraph or bullet."""
    reading = read_posting(make_posting(name, text), catalogue)
    shown = to_text(lambda console: render([reading], catalogue, console), width=100_000)
    lines = [line.strip() for line in shown.splitlines()]
    start = next(k for k, line in enumerate(lines) if line.endswith(f"  ({name})"))
    return [re.sub(r"^• ", "", line) for line in lines[start + 1 :] if line]


def _markdown(text: str, name: str, catalogue: Catalogue) -> list[str]:
    """What Markdown says under the posting's heading, unescaped, a line per paragraph or bullet."""
    reading = read_posting(make_posting(name, text), catalogue)
    lines = to_markdown([reading], catalogue).splitlines()
    start = next(k for k, line in enumerate(lines) if line.startswith("## "))
    out = []
    for line in lines[start + 1 :]:
        if not line:
            continue
        line = re.sub(r"^- \*\*(.*?)\*\*: ", r"\1: ", line)
        line = line.replace("**Mislabelled:**", "Mislabelled:").replace("`", "")
        out.append(re.sub(r"\\(.)", r"\1", line).replace("&lt;", "<").replace("&gt;", ">"))
    return out


def test_markdown_gives_the_reason_of_an_ad_in_another_language_as_the_screen_does() -> None:
    said = _markdown(FRENCH, "fr", CAT)
    assert said == [
        "Not enough evidence: the posting does not seem to be in English, and its tasks are looked for in English "
        "words."
    ]
    assert said == _screen(FRENCH, "fr", CAT)


def test_markdown_gives_the_reason_of_a_title_alone_as_the_screen_does() -> None:
    said = _markdown("Data Scientist\n", "title", CAT)
    assert len(said) == 1 and said[0].startswith("Not enough evidence: no mention of any of a data role's tasks (")
    assert said == _screen("Data Scientist\n", "title", CAT)


def test_the_cli_s_markdown_of_a_foreign_ad_quotes_no_evidence(tmp_path: Path) -> None:
    (tmp_path / "fr.txt").write_text(FRENCH, encoding="utf-8")
    result = runner.invoke(app, ["jobs", str(tmp_path / "fr.txt"), "--format", "markdown"])
    assert result.exit_code == 0, result.output
    assert "does not seem to be in English" in result.stdout
    assert "- **" not in result.stdout


def test_markdown_shows_a_custom_catalogue_s_closeness_as_the_screen_does() -> None:
    text = (SAMPLES / "prod-02-marketplace.txt").read_text(encoding="utf-8")
    said = _markdown(text, "ad", OWN)
    assert said[0].startswith("Closeness to each role: ")
    assert said == _screen(text, "ad", OWN)


#: Lines to build postings of: duties of each kind, boilerplate, other languages, titles, nothing.
LINES = sorted(
    {
        line.strip()
        for path in sorted(SAMPLES.glob("*-0[12]-*"))
        for line in path.read_text(encoding="utf-8").splitlines()[:14]
        if line.strip()
    }
    | set(FRENCH.splitlines()[2:])
    | {"Data Scientist", "Senior Scientist", "Warehouse Shift Supervisor", "We are the first data hire."}
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=st.sampled_from(["Data Scientist", "Data Analyst", "Research Scientist", "Shift Lead", ""]),
    body=st.lists(st.sampled_from(LINES), max_size=12),
    own=st.booleans(),
)
def test_markdown_says_of_every_posting_what_the_screen_says(title: str, body: list[str], own: bool) -> None:
    """Whatever the verdict (none, one role, a hybrid, another kind, no data job, not English), and
    with either catalogue: the same paragraphs, in the same order."""
    text = "\n".join([title, "", *body]) + "\n"
    catalogue = OWN if own else CAT
    assert _markdown(text, "p", catalogue) == _screen(text, "p", catalogue)


# -- what "sure" means, for either catalogue ---------------------------------------------------


def _jobs(*args: str) -> str:
    result = runner.invoke(app, ["jobs", *args])
    assert result.exit_code == 0, result.output
    return " ".join(result.stdout.split())


@pytest.mark.parametrize("fmt", ["text", "md"])
def test_a_custom_catalogue_s_sure_is_explained_as_the_rules_measure(fmt: str) -> None:
    """Its verdicts are the rules' (``calibration.BANDS``), not the model's: the note says how those
    were measured, and not what the model's note says."""
    ads = [str(SAMPLES / "prod-02-marketplace.txt"), str(SAMPLES / "rnd-02-legal-nlp.txt")]
    own = _jobs(*ads, "--catalogue", str(ORBIT), "--format", fmt)
    assert "Sure: how often verdicts of this kind (one role, two, or a job of another kind), with the closest" in own
    assert "when these same rules read 80 real ads labelled with the built-in roles" in own
    assert "given with such chances" not in own
    builtin = _jobs(*ads, "--format", fmt)
    assert "Sure: how often verdicts given with such chances were right on 80 real, labelled ads" in builtin
    assert "these same rules" not in builtin
    alone = to_markdown([read_posting(make_posting("t", "Data Scientist\n"), OWN)], OWN)
    assert "not enough evidence" in alone and "Sure:" not in alone  # (no verdict, no sure)


def test_too_little_for_a_custom_catalogue_names_what_its_rules_need() -> None:
    """The fitted model's ways to a verdict (a data job's title, a first data hire) are not the rules'."""
    said = _markdown("Analyst\n\nWrite SQL for the dashboards.\n", "t", OWN)
    assert said[0].startswith("Not enough evidence: ") and "of the catalogue's tasks" in said[0]
    assert "closer to one or two of the roles than to the rest" in said[0]
    assert "data job's title" not in said[0] and "first data hire" not in said[0]
    assert "data job's title" in _markdown("Analyst\n\nWrite SQL for the dashboards.\n", "t", CAT)[0]
