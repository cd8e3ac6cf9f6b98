"""Words as people write them: tokens with their places in the line, stemmed, and a lexicon index.

A lexicon phrase and a posting are both cut into word tokens (letters and digits; ``/``, ``-``
and ``.`` separate words, so "A/B", "ci/cd" and "scikit-learn" are two words each) and each
token is reduced to its Snowball (Porter 2) English stem, so "ETLs", "segmentations",
"publishing" and "training models" meet "ETL", "segmentation", "publish" and "train a model"
without any hand-written suffix rule. The stemmer also joins words of one root that are other
words ("generative" and "generate", "executives" and "execute", "relevance" and "relevant"):
:func:`same_word` keeps those apart by their derivational endings, so that only a word's
inflections, and its close kin ("automation", "automated"), stand for it. Each word is
stemmed once per process (a dictionary of stems), and a line's words are kept as parallel lists
rather than an object per word. Matching is a look-up of each token's stem in an index built
once per catalogue (first stem -> the phrases that start with it), so reading a posting costs
one pass over its tokens however large the catalogue is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?(?:\+\+|#)?")
_STEMMER = snowballstemmer.stemmer("english")
#: Greek and Latin plurals that Porter 2 leaves apart from their singular ("analyses" -> "analys",
#: "analysis" -> "analysi"), as a lemmatizer's list of exceptions has them (WordNet's noun.exc):
#: "ad hoc analyses" are "ad hoc analysis". (As a verb, "analyses" is rare in an ad's lines.)
IRREGULAR_PLURALS = {
    "analyses": "analysis",
    "hypotheses": "hypothesis",
    "diagnoses": "diagnosis",
    "prognoses": "prognosis",
    "syntheses": "synthesis",
    "theses": "thesis",
    "criteria": "criterion",
    "indices": "index",
    "matrices": "matrix",
    "appendices": "appendix",
    "phenomena": "phenomenon",
}
#: Every word stemmed so far, and its stem (the stemmer is the slow part of reading).
_STEMS: dict[str, str] = {}


def stem(word: str) -> str:
    """The Snowball English stem of one lower-case word (apostrophes made plain)."""
    known = _STEMS.get(word)
    if known is not None:
        return known
    plain = word.replace("’", "'")
    plain = IRREGULAR_PLURALS.get(plain, plain)
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

    @classmethod
    def within(cls, low: str, at: int, end: int, text: str) -> Words:
        """The words of ``text``, which is ``low[at:end]`` before it was put in lower case."""
        self = cls.__new__(cls)
        self.text = text
        self.words = words = TOKEN.findall(low, at, end)
        stems = list(map(_STEMS.get, words))
        if None in stems:
            stems = [s or stem(w) for s, w in zip(stems, words, strict=True)]
        self.stems = stems  # type: ignore[assignment]
        self._starts = None
        self._ends = []
        return self

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

    def before(self, i: int) -> str:
        """The text between word ``i - 1`` and word ``i`` (spaces, punctuation; "" before the first)."""
        return self.text[self.ends[i - 1] : self.starts[i]] if i > 0 else ""


def tokens(text: str) -> Words:
    """The words of ``text``, in order, each with its stem (and, when asked, its place)."""
    return Words(text)


@lru_cache(maxsize=1 << 16)  # (a posting's words meet the same lexicon words again and again)
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
    if common < min(len(word), len(other)) - 3:
        return False
    # a doer is not the deed: "schedulers" and "schedule", "researchers" and "research"
    if _is_doer(word) != _is_doer(other) or _family(word) != _family(other):
        return False
    return _akin(_derivation(word), _derivation(other))


#: Words the stemmer makes one that mean different things: the form that starts the second
#: ("production", "conversation") is not a form of the first ("product", "conversion").
_FALSE_FRIENDS = (
    ("product", "production"),
    ("convers", "conversation"),
    ("engine", "engineer"),
    ("embed", "embedding"),
    ("recommend", "recommendation"),
    ("requir", "requirement"),  # "requiring a creative mindset" asks for no requirements
    ("target", "targeting"),  # "timeline targets" are goals, not ad targeting
    ("attribut", "attribution"),  # "skills and attributes" are qualities, not marketing attribution
)
#: The endings that make a word of another kind from the same root (the stemmer takes them off
#: too): "generative" is not "generate", "significance" not "significant", "executives" not
#: "execute", "restful" not "rest", "integrity" not "integration". Longest first.
_DERIVED = (
    "tive",
    "sive",
    "ance",
    "ence",
    "able",
    "ible",
    "ment",
    "ity",
    "ion",
    "ful",
    "ous",
    "ant",
    "ent",
    "al",
    "ic",
)
#: Kinds that are one word all the same: the deed and its doing ("automation", "automated"),
#: the thing and its quality ("behaviour", "behavioural", "statistics", "statistical").
_AKIN = frozenset(
    [
        frozenset(["", "ion"]),
        frozenset(["", "ment"]),
        frozenset(["ion", "ment"]),
        frozenset(["", "al"]),
        frozenset(["al", "ic"]),
    ]
)


def _derivation(word: str) -> str:
    """The derivational ending of a word, once its inflection is set aside ("" for none):
    "generative" -> "tive", "significance" -> "ance", "collectively" -> "tive", "models" -> ""."""
    w = word.removesuffix("'s")
    if w.endswith("ies"):
        w = w[:-3] + "y"
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if w.endswith(("ably", "ibly")):
        w = w[:-1] + "e"  # "reliably" -> "reliable"
    elif w.endswith(("ally", "ively", "ently", "antly", "ously", "fully")):
        w = w[:-2]
    for ending in _DERIVED:
        if w.endswith(ending) and len(w) > len(ending) + 2:
            return ending
    return ""


def _akin(a: str, b: str) -> bool:
    return a == b or frozenset([a, b]) in _AKIN


def _family(word: str) -> str:
    for common, apart in _FALSE_FRIENDS:
        if word.startswith(common):
            return apart if word.startswith(apart) else common
    return ""


def _is_doer(word: str) -> bool:
    """Whether a word is its stem and "-er(s)" or "-or(s)" ("schedulers": "schedul" + "ers")."""
    return word[len(stem(word)) :] in _DOER


_DOER = frozenset(["er", "ers", "or", "ors"])


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


_PLAIN = re.compile(r"[a-z0-9 ]*")


def _phrase_words(phrase: str) -> list[str]:
    """The lower-case words of a lexicon phrase (plain ones split without the tokenizer)."""
    low = phrase.lower()
    if _PLAIN.fullmatch(low):
        return low.split()
    return TOKEN.findall(low.replace("’", "'"))


#: Words a phrase may end in that may also start the next one.
_JOINERS = frozenset(["in", "into", "to", "of", "with", "for", "on"])


#: What no phrase is read across: "the business, product, analytics and engineering leaders" says
#: no "product analytics".
_BREAKS = frozenset(",;:.!?()[]{}|•")


def _unbroken(words: Words, i: int, n: int) -> bool:
    """Whether words ``i`` to ``i + n - 1`` stand together, with no comma or stop between them."""
    return all(_BREAKS.isdisjoint(words.before(k)) for k in range(i + 1, i + n))


class LexiconIndex:
    """Every task's lexicon, indexed by the stem each phrase starts with.

    Only each phrase's first word is stemmed up front; the rest of a phrase is stemmed the first
    time a posting has a word of that first stem, so a catalogue of 20,000 tasks costs little more
    to index than to list, and a posting pays only for the phrases it could match."""

    def __init__(self, lexicons: Iterable[tuple[str, Iterable[str]]]) -> None:
        self._raw: dict[str, list[tuple[str, str, list[str]]]] = {}
        self._by_first: dict[str, tuple[dict[str, list[Entry]], list[Entry]]] = {}
        raw = self._raw
        get = _STEMS.get
        for task, phrases in lexicons:
            for phrase in phrases:
                words = _phrase_words(phrase)
                if not words:
                    continue
                first = get(words[0]) or stem(words[0])
                bucket = raw.get(first)
                if bucket is None:
                    raw[first] = [(task, phrase, words)]
                else:
                    bucket.append((task, phrase, words))

    def _entries(self, first: str) -> tuple[dict[str, list[Entry]], list[Entry]]:
        """The phrases that start with stem ``first``: the longer ones by their second stem, longest
        first, and the one-word ones (built on first use)."""
        known = self._by_first.get(first)
        if known is not None:
            return known
        longer: dict[str, list[Entry]] = {}
        single: list[Entry] = []
        seen: set[tuple[str, ...]] = set()
        for task, phrase, words in self._raw.get(first, ()):
            stems = tuple(_STEMS.get(w) or stem(w) for w in words)
            if tuple(words) in seen:
                continue  # an entry given to two tasks counts for the first only
            seen.add(tuple(words))  # (words of one stem may still be other words: "segmentation", "segments")
            entry = Entry(task, phrase, stems, tuple(words))
            if len(stems) == 1:
                single.append(entry)
            else:
                longer.setdefault(stems[1], []).append(entry)
        for entries in longer.values():
            entries.sort(key=lambda e: -len(e.stems))  # the longest phrase first
        self._by_first[first] = (longer, single)
        return longer, single

    def mentions(self, stems: list[str]) -> bool:
        """Whether any of these stems starts a phrase of the lexicons."""
        return not self._raw.keys().isdisjoint(stems)

    def scan(self, words: Words) -> list[Hit]:
        """The phrases found in ``words``, longest first at each place, none overlapping another
        but at a joining word that ends one and starts the next ("advances | in | production")."""
        raw = self._raw
        stems = words.stems
        places = [i for i, s in enumerate(stems) if s in raw]
        if not places:
            return []
        hits: list[Hit] = []
        forms = words.words
        built = self._by_first
        size = len(stems)
        free = 0  # the first token not inside an earlier hit
        for i in places:
            if i < free:
                continue
            longer, single = built.get(stems[i]) or self._entries(stems[i])
            found = None
            if i + 1 < size and longer:
                for entry in longer.get(stems[i + 1], ()):
                    n = len(entry.stems)
                    if (
                        tuple(stems[i : i + n]) == entry.stems
                        and all(same_word(w, p) for w, p in zip(forms[i : i + n], entry.words, strict=False))
                        and _unbroken(words, i, n)
                    ):
                        found = entry
                        break
            if found is None:
                for entry in single:
                    if same_word(forms[i], entry.words[0]):
                        found = entry
                        break
            if found is not None:
                n = len(found.stems)
                hits.append(Hit(found, i, i + n - 1))
                # a phrase that ends in a joining word ("advances in") leaves it to the next one
                # ("... in production"): the two are read as they are written
                free = i + n - 1 if n > 1 and forms[i + n - 1] in _JOINERS else i + n
        return hits
