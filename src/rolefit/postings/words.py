"""Words as people write them: tokens with their places in the line, stemmed, and a lexicon index.

A lexicon phrase and a posting are both cut into word tokens (letters and digits; ``/``, ``-``
and ``.`` separate words, so "A/B", "ci/cd" and "scikit-learn" are two words each) and each
token is reduced to its Snowball (Porter 2) English stem, so "ETLs", "segmentations",
"publishing" and "training models" meet "ETL", "segmentation", "publish" and "train a model"
without any hand-written suffix rule. Matching is then a look-up of each token's stem in an
index built once per catalogue (first stem -> the phrases that start with it), so reading a
posting costs one pass over its tokens however large the catalogue is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?(?:\+\+|#)?")
_STEMMER = snowballstemmer.stemmer("english")


@dataclass(frozen=True)
class Token:
    """A word of a line: its stem, its lower-case form, and where it sits (character offsets)."""

    stem: str
    word: str
    start: int
    end: int


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball English stem of one lower-case word (apostrophes made plain)."""
    plain = word.replace("’", "'")
    return str(_STEMMER.stemWord(plain))


def tokens(text: str) -> list[Token]:
    """The words of ``text``, in order, each with its stem and place."""
    out: list[Token] = []
    for m in TOKEN.finditer(text):
        word = m.group().lower().replace("’", "'")
        out.append(Token(stem(word), word, m.start(), m.end()))
    return out


def same_word(word: str, other: str) -> bool:
    """Two words of one stem that are forms of one word: the stem alone would also join
    "experience" and "experiments" ("experi"), which share less than all but their endings."""
    if word == other:
        return True
    common = 0
    for a, b in zip(word, other, strict=False):
        if a != b:
            break
        common += 1
    return common >= min(len(word), len(other)) - 3


def phrase_stems(phrase: str) -> tuple[str, ...]:
    return tuple(t.stem for t in tokens(phrase))


@dataclass(frozen=True)
class Entry:
    """A lexicon phrase of a task, as stems."""

    task: str
    phrase: str
    stems: tuple[str, ...]
    words: tuple[str, ...]


@dataclass(frozen=True)
class Hit:
    """A lexicon entry found at tokens ``first`` .. ``last`` (inclusive) of a line."""

    entry: Entry
    first: int
    last: int


class LexiconIndex:
    """Every task's lexicon, indexed by the stem each phrase starts with."""

    def __init__(self, lexicons: Iterable[tuple[str, Iterable[str]]]) -> None:
        self._by_first: dict[str, list[Entry]] = {}
        seen: set[tuple[str, ...]] = set()
        for task, phrases in lexicons:
            for phrase in phrases:
                words = tokens(phrase)
                stems = tuple(w.stem for w in words)
                if not stems or stems in seen:
                    continue  # an entry given to two tasks counts for the first only
                seen.add(stems)
                entry = Entry(task, phrase, stems, tuple(w.word for w in words))
                self._by_first.setdefault(stems[0], []).append(entry)
        for entries in self._by_first.values():
            entries.sort(key=lambda e: -len(e.stems))  # the longest phrase first

    def scan(self, words: list[Token]) -> list[Hit]:
        """The phrases found in ``words``, longest first at each place, none overlapping another."""
        hits: list[Hit] = []
        i = 0
        stems = [w.stem for w in words]
        while i < len(stems):
            width = 1
            for entry in self._by_first.get(stems[i], ()):
                n = len(entry.stems)
                if tuple(stems[i : i + n]) == entry.stems and all(
                    same_word(w.word, p) for w, p in zip(words[i : i + n], entry.words, strict=False)
                ):
                    hits.append(Hit(entry, i, i + n - 1))
                    width = n
                    break
            i += width
        return hits
