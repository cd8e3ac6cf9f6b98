"""What `quiz --help` and the README say of the quick quiz's length is what the quiz does."""

from __future__ import annotations

import random
import statistics

from typer.testing import CliRunner

from rolefit.catalogue.load import load_catalogue
from rolefit.cli import app
from rolefit.scoring.settle import replay

from helpers import ROOT

SAID = ("at least 6 questions", "14 for a typical person", "over 30 for one in ten")


def _asked() -> list[int]:
    """How many questions the quick quiz asks the 600 respondents of ``benchmarks/quiz.py``."""
    from quiz import KINDS, respondent  # (benchmarks/, on the path by helpers)

    cat = load_catalogue(None)
    rng = random.Random(5)  # (as the benchmark draws them)
    people = [respondent(cat, kind, rng) for kind in KINDS for _ in range(600 // len(KINDS))]
    return sorted(len(replay(cat, values, "quick").asked) for values, _ in people)


def test_the_help_and_the_readme_give_the_quick_quiz_length_it_has() -> None:
    asked = _asked()
    assert asked[0] == 6 and statistics.median(asked) == 14
    assert asked[int(0.9 * (len(asked) - 1))] > 30  # one in ten is asked more than 30 ("6-30" was wrong)
    shown = " ".join(CliRunner().invoke(app, ["quiz", "--help"], env={"COLUMNS": "200"}).stdout.split())
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    for words in SAID:
        assert words in shown and words in readme, words
    assert "6-30" not in shown
