"""Which language a posting is written in, as far as reading it goes: English or not.

The built-in catalogue's lexicons are English words, so an ad in German or French matches only
its few English words (SQL, Python, "A/B") and would get a verdict from them. A posting is taken
for another language when its start has few of English's commonest small words and as many of
another's; a bare list of tools has neither, and stays English.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rolefit.model.catalogue import Catalogue

#: English's commonest small words: about a quarter of an English ad's words (a fifth at the least,
#: among the development set's), a few in a hundred of a German or French one's. And those of the
#: languages ads here are most often written in besides: a text is in one of them only when it has
#: their small words too (a bare list of tools has neither).
_ENGLISH = frozenset(
    [
        "the",
        "and",
        "to",
        "of",
        "a",
        "in",
        "you",
        "with",
        "for",
        "our",
        "will",
        "is",
        "are",
        "on",
        "we",
        "be",
        "as",
        "your",
        "an",
        "or",
        "that",
        "this",
        "at",
        "by",
        "from",
    ]
)
_OTHERS = frozenset(
    [
        "der",
        "die",
        "und",
        "das",
        "mit",
        "für",
        "wir",
        "sie",
        "ist",
        "ein",
        "eine",
        "den",
        "dem",
        "zu",
        "von",
        "auf",
        "le",
        "la",
        "les",
        "des",
        "et",
        "pour",
        "nous",
        "vous",
        "avec",
        "une",
        "du",
        "est",
        "dans",
        "el",
        "los",
        "las",
        "y",
        "para",
        "con",
        "una",
        "del",
        "que",
        "es",
        "en",
        "het",
        "een",
        "voor",
        "wij",
        "zijn",
        "van",
        "met",
        "je",
        "il",
        "di",
        "che",
        "per",
        "non",
    ]
)
_WORD = re.compile(r"[^\W\d_]+")
#: A text of at least this many words with fewer than this share of English ones, and at least as
#: many of another language's, is not in English (a German ad of 31 words is told; an English text
#: of 20 words has far more than 8% of its common words).
ENGLISH_WORDS, ENGLISH_SHARE = 20, 0.08
#: How much of a posting's start is looked at for its language.
ENGLISH_SAMPLE = 1200


def not_english(text: str) -> bool:
    """Whether a posting is written in another language than English (so its lexicons cannot read it)."""
    words = _WORD.findall(text[:ENGLISH_SAMPLE].lower())  # (its start says which language it is in)
    if len(words) < ENGLISH_WORDS:
        return False
    english = sum(w in _ENGLISH for w in words)
    return english < ENGLISH_SHARE * len(words) and sum(w in _OTHERS for w in words) >= ENGLISH_SHARE * len(words)


#: Whether each catalogue (by its digest) has lexicons in English, as the language check assumes.
_ENGLISH_LEXICONS: dict[str, bool] = {}


def reads_english(catalogue: Catalogue) -> bool:
    """Whether a catalogue's lexicons are in English (the built-in one's are; a catalogue of your own
    may look for the phrases of another language, and then an ad in it is no foreign ad)."""
    known = _ENGLISH_LEXICONS.get(catalogue.digest)
    if known is None:
        phrases = " ".join(p for t in catalogue.tasks for p in t.lexicon)  # (what is looked for in an ad)
        known = _ENGLISH_LEXICONS[catalogue.digest] = not not_english(phrases[:ENGLISH_SAMPLE])
    return known
