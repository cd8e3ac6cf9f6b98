"""Words as people write them: tokens with their places in the line, stemmed, and a lexicon index.

A lexicon phrase and a posting are both cut into word tokens (letters and digits; ``/``, ``-``
and ``.`` separate words, so "A/B", "ci/cd" and "scikit-learn" are two words each) and each
token is reduced to its Snowball (Porter 2) English stem, so "ETLs", "segmentations",
"publishing" and "training models" meet "ETL", "segmentation", "publish" and "train a model"
without any hand-written suffix rule. Each word is stemmed once per process (a dictionary of
stems), and a line's words are kept as parallel lists rather than an object per word. Matching
is a look-up of each token's stem in an index built once per catalogue (first stem -> the
phrases that start with it), so reading a posting costs one pass over its tokens however large
the catalogue is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import snowballstemmer

TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?(?:\+\+|#)?")
_STEMMER = snowballstemmer.stemmer("english")
#: Every word stemmed so far, and its stem (the stemmer is the slow part of reading).
_STEMS: dict[str, str] = {}


def stem(word: str) -> str:
    """The Snowball English stem of one lower-case word (apostrophes made plain)."""
    known = _STEMS.get(word)
    if known is not None:
        return known
    plain = word.replace("’", "'")
    # Porter 2 leaves words of two letters or fewer alone, and has nothing to take off a number.
    found = plain if len(plain) <= 2 or plain.isdigit() else str(_STEMMER.stemWord(plain))
    if len(_STEMS) < 1_000_000:
        _STEMS[word] = found
    return found


class Words:
    """The words of a line, as parallel lists: lower-case form and stem; the character offsets
    (``starts``, ``ends``) are found only when asked for, as most lines mention no task."""

    __slots__ = ("_ends", "_starts", "stems", "text", "words")

    def __init__(self, text: str) -> None:
        self.text = text
        self.words: list[str] = TOKEN.findall(text.lower().replace("’", "'"))
        get = _STEMS.get
        self.stems: list[str] = [get(w) or stem(w) for w in self.words]
        self._starts: list[int] | None = None
        self._ends: list[int] = []

    def __len__(self) -> int:
        return len(self.words)

    def _places(self) -> list[int]:
        if self._starts is None:
            spans = [m.span() for m in TOKEN.finditer(self.text)]
            self._starts = [a for a, _ in spans]
            self._ends = [b for _, b in spans]
        return self._starts

    @property
    def starts(self) -> list[int]:
        return self._places()

    @property
    def ends(self) -> list[int]:
        self._places()
        return self._ends


def tokens(text: str) -> Words:
    """The words of ``text``, in order, each with its stem (and, when asked, its place)."""
    return Words(text)


def same_word(word: str, other: str) -> bool:
    """Two words of one stem that are forms of one word: the stem alone would also join
    "experience" and "experiments" ("experi"), which share less than all but their endings, and
    "excel" and "excellent" ("excel"), one a word of its own inside the other."""
    if word == other:
        return True
    if abs(len(word) - len(other)) > 3:
        return False
    common = 0
    for a, b in zip(word, other, strict=False):
        if a != b:
            break
        common += 1
    return common >= min(len(word), len(other)) - 3


def phrase_stems(phrase: str) -> tuple[str, ...]:
    return tuple(tokens(phrase).stems)


@dataclass(frozen=True, slots=True)
class Entry:
    """A lexicon phrase of a task, as stems."""

    task: str
    phrase: str
    stems: tuple[str, ...]
    words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
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
                stems = tuple(words.stems)
                if not stems or stems in seen:
                    continue  # an entry given to two tasks counts for the first only
                seen.add(stems)
                entry = Entry(task, phrase, stems, tuple(words.words))
                self._by_first.setdefault(stems[0], []).append(entry)
        for entries in self._by_first.values():
            entries.sort(key=lambda e: -len(e.stems))  # the longest phrase first

    def scan(self, words: Words) -> list[Hit]:
        """The phrases found in ``words``, longest first at each place, none overlapping another."""
        hits: list[Hit] = []
        stems = words.stems
        forms = words.words
        by_first = self._by_first
        i = 0
        n_words = len(stems)
        while i < n_words:
            width = 1
            entries = by_first.get(stems[i])
            if entries:
                for entry in entries:
                    n = len(entry.stems)
                    if (n == 1 or tuple(stems[i : i + n]) == entry.stems) and all(
                        same_word(w, p) for w, p in zip(forms[i : i + n], entry.words, strict=False)
                    ):
                        hits.append(Hit(entry, i, i + n - 1))
                        width = n
                        break
            i += width
        return hits
