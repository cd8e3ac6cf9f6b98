"""Evidence: which lines of a posting show which catalogue tasks, and how much each counts.

A mention counts by where it sits (duties most, requirements less, nice-to-haves little, the
company blurb, benefits, EEO text, how to apply and other openings not at all; see
:mod:`rolefit.postings.sections`), and by how it is said: a tool in a tech-stack list ("we
work with: Spark, Airflow, dbt", a line that is mostly names between commas, a list in
brackets) counts less than a sentence about the work. Negated mentions, other teams' work, a list of
departments and a company's own business are set aside, and so is a lone word meant in another sense (a data
model, a model's experiment, "present-day"; :mod:`rolefit.postings.scope`). Each task counts once
per line, at its best mention there.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass, replace

from rolefit.model.catalogue import Catalogue
from rolefit.postings.bosses import boss_words
from rolefit.postings.company import name_pattern
from rolefit.postings.coordination import object_pairs
from rolefit.postings.departments import department_words
from rolefit.postings.line_kinds import starts_with_duty
from rolefit.postings.posting import Posting
from rolefit.postings.scope import TEAM_NOUNS, business_words, negated_words, others_words
from rolefit.postings.sections import Part, parts
from rolefit.postings.senses import other_sense_words, studies_people
from rolefit.postings.words import Hit, LexiconIndex, Words

#: How much a mention in a tech-stack list, or in brackets, counts against one in a sentence.
STACK = 0.35
BRACKETS = 0.6
#: Work the job may grow into ("Later, as we grow, build our first models", "in future, to develop
#: models"): it counts this much of what the job is now.
LATER = 0.5
_LATER = re.compile(
    r"\b(later on|later,|later, as|in (the )?(near )?future|eventually|down the (road|line)|as we grow|"
    r"longer[- ]term|in the long (run|term)|in a (second|later|next) (phase|stage)|over time you)\b"
)
_STACK_LEAD = re.compile(
    r"^(our |the )?(tech(nology|nical)?( stack)?|stack|tools?|tooling|technologies|tech we use|toolbox|environment|"
    r"we (work|use|build)( with| on)?|built (with|on)|using|platforms?|languages?)\b[^.]{0,30}?[:–-]"
)
#: Where a clause ends: after a full stop (the stop stays with its clause), a dash between spaces, a colon.
_CLAUSE = re.compile(r"[.;!?]\s+|\s[–—]\s|:\s")
_EXAMPLES = re.compile(r"\b(such as|e\.g\.?|eg\.?|like|including|i\.e\.)\s")
_ROUND = re.compile(r"\([^()]*\)")
_ITEMS = re.compile(r",|;|\s/\s|\band\b|\bor\b")
#: Each catalogue's index, by identity (hashing a 20,000-task catalogue per posting would cost more than the reading).
_INDEXES: dict[int, tuple[weakref.ref[Catalogue], LexiconIndex]] = {}


@dataclass(frozen=True)
class Evidence:
    """A phrase of a task's lexicon, found in a line of the posting, and how much it counts."""

    task: str
    phrase: str
    line: str
    weight: float = 1.0
    part: str = "duties"
    #: The first word of the mention as written (an inflected "behavior" for "behavioral"), so
    #: that a quote of a long line can show it.
    word: str = ""
    #: Where the words of the mention stand in ``line``, as (start, end) offsets: its first word
    #: to its last ("Proofs of Concepts" for "proof of concept"), and for a verb of a list that
    #: shares its object ("collect, clean and analyze the data") the verb and the object.
    marks: tuple[tuple[int, int], ...] = ()


def lexicon_index(catalogue: Catalogue) -> LexiconIndex:
    """The catalogue's lexicons as an index, built once per catalogue."""
    key = id(catalogue)
    known = _INDEXES.get(key)
    if known is not None and known[0]() is catalogue:
        return known[1]
    index = LexiconIndex((t.id, t.lexicon) for t in catalogue.tasks_in_order())
    _INDEXES[key] = (weakref.ref(catalogue, lambda _: _INDEXES.pop(key, None)), index)
    return index


#: The longest line that may be a list of tools.
STACK_LONGEST = 400


def is_stack_line(text: str) -> bool:
    """A line that lists tools rather than saying what the work is."""
    low = text.lower()
    if _STACK_LEAD.match(low):
        return True
    if len(text) > STACK_LONGEST:
        return False  # a paragraph, not a list of tools
    if starts_with_duty(low):  # ("builds", "building" and "build" alike)
        return False
    if text.count(",") + text.count(";") + text.count("/") + low.count("and") + low.count("or") < 3:
        return False  # fewer than four items
    items = [i for i in _ITEMS.split(text) if not i.isspace() and i]
    if len(items) < 4:
        return False
    if "(" in text:  # a sentence with its examples in brackets: "Pick and set up our warehouse (BigQuery or ...)"
        outside = _ROUND.sub(" ", text)
        if len(outside.split()) >= 4 and len([i for i in _ITEMS.split(outside) if i.strip()]) < 4:
            return False
    sizes = [len(i.split()) for i in items]
    if max(sizes) >= 7:
        return False  # a sentence that happens to list things ("prepares and presents papers, ...")
    return sum(n <= 2 for n in sizes) / len(items) >= 0.7


def _bracketed(text: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in _ROUND.finditer(text)] if "(" in text else []
    for m in _EXAMPLES.finditer(text.lower()):
        end = min((k for k in (text.find(".", m.end()), text.find(";", m.end())) if k >= 0), default=len(text))
        spans.append((m.start(), end))
    return spans


def clauses(text: str) -> list[tuple[int, str]]:
    """The clauses of a line, each with where it starts."""
    out: list[tuple[int, str]] = []
    start = 0
    for m in _CLAUSE.finditer(text):
        a, b = m.span()
        end = a + 1 if text[a] in ".;!?" else a
        out.append((start, text[start:end]))
        start = b
    out.append((start, text[start:]))
    return out


#: A link or an e-mail address: its words ("recruitment-privacy-policy", "jobs@acme.dev") are no work.
_LINK = re.compile(r"(https?://|www\.)[^\s<>\"]+|[\w.+-]+@[\w-]+(\.[\w-]+)+")


def _without_links(text: str) -> str:
    """The line with its links and e-mail addresses blanked out (the same length, so places hold)."""
    if "://" not in text and "www." not in text and "@" not in text:
        return text
    return _LINK.sub(lambda m: " " * len(m.group()), text)


def line_evidence(
    part: Part, index: LexiconIndex, people_research: bool = False, names: re.Pattern[str] | None = None
) -> tuple[list[Evidence], list[Evidence]]:
    """Evidence in one line of a posting, and the negated mentions there (each task once).
    ``people_research``: the posting is a user researcher's, whose lone "research" is of people;
    ``names``: the employer's names, as written (:func:`rolefit.postings.company.name_pattern`)."""
    best: dict[str, Evidence] = {}
    negated: dict[str, Evidence] = {}
    text = part.text
    seen = _without_links(text)
    low = seen.lower().replace("’", "'")
    base = -1.0  # the line's weight and its bracketed spans, worked out at its first mention
    spans: list[tuple[int, int]] = []
    named = [m.span() for m in names.finditer(text)] if names is not None else []
    for at, piece in clauses(seen):
        words = Words.within(low, at, at + len(piece), piece)
        if not index.mentions(words.stems):
            continue
        hits = index.scan(words)
        shared: dict[int, int] = {}  # a hit of a verb and the object it shares: the object's place
        for at_verb, at_object, pair in object_pairs(words):  # ("collect, clean and analyze the data")
            for h in index.scan(pair):
                if h.first == 0 and h.last == 1:
                    shared[len(hits)] = at_object
                    hits.append(Hit(h.entry, at_verb, at_verb))
        if not hits:
            continue
        if base < 0:
            base = part.weight * (STACK if part.kind != "stack" and is_stack_line(text) else 1.0)
            spans = _bracketed(text)
        end = at + len(piece)
        here = [(a, b) for a, b in spans if a < end and b > at]  # the brackets that reach this clause
        later: bool | None = None  # (whether the clause is work for later: looked at on its first mention)
        denied = negated_words(words)
        theirs = others_words(words) | business_words(words) | boss_words(words) | department_words(words)
        other_sense = other_sense_words(words, people_research)
        for n, hit in enumerate(hits):
            span = range(hit.first, hit.last + 1)
            task = hit.entry.task
            # a phrase that ends in a team noun names whom the hire works with ("business teams",
            # "domain experts"), not the team's own work: the team's name does not set it aside
            partners = words.words[hit.last] in TEAM_NOUNS
            if (not partners and any(k in theirs for k in span)) or all(k in other_sense for k in span):
                continue
            if named and any(a <= at + words.starts[hit.first] < b for a, b in named):
                continue  # the employer's name ("Streamly"), not its work
            if any(k in denied for k in span):
                negated.setdefault(task, Evidence(task, hit.entry.phrase, text, 0.0, part.kind))
                continue
            weight = base
            if hit.entry.phrase in FIELD_NAMES and _names_something_else(words, hit.last):
                weight *= FIELD_WORD  # "ML infrastructure", "ML engineer", "machine learning team"
            if here:
                place = at + words.starts[hit.first]
                weight *= BRACKETS if any(a <= place < b for a, b in here) else 1.0
            if later is None:
                later = _LATER.search(low, at, at + len(piece)) is not None
            if later:
                weight *= LATER
            if weight > 0 and (task not in best or weight > best[task].weight):
                word = words.words[hit.first]
                runs = [(hit.first, hit.last)] + ([(shared[n], shared[n])] if n in shared else [])
                best[task] = Evidence(
                    task, hit.entry.phrase, text, round(weight, 4), part.kind, word, _marks(words, at, runs)
                )
    return list(best.values()), [e for t, e in negated.items() if t not in best]


def _marks(words: Words, at: int, runs: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Where each run of words (first, last) stands in the line whose clause starting at ``at`` the
    words are; none when a word's lower case is not as the reader read it (a letter whose lower case
    is two characters moves the words it was read as)."""
    starts, ends = words.starts, words.ends
    for k in {k for run in runs for k in run}:
        if k >= len(starts) or words.text[starts[k] : ends[k]].lower().replace("’", "'") != words.words[k]:
            return ()
    return tuple((at + starts[a], at + ends[b]) for a, b in runs)


#: Names of a field that say what the work is only when they stand on their own ("apply machine
#: learning", "ML and statistics"): before another noun they name something else ("ML
#: infrastructure", "an ML engineer", "the machine learning team") and count this much.
FIELD_NAMES = frozenset(["ml", "machine learning", "ai", "artificial intelligence", "deep learning"])
FIELD_WORD = 0.3
_NOT_A_NOUN = frozenset(
    ["and", "or", "to", "for", "in", "with", "on", "at", "of", "is", "are", "as", "techniques", "methods"]
)


#: Nouns that a field name qualifies and that are still the work in that field: building "ML
#: solutions", "machine learning models" or "AI features" is machine learning.
_THE_WORK = frozenset(
    [
        "solution",
        "solutions",
        "model",
        "models",
        "system",
        "systems",
        "product",
        "products",
        "feature",
        "features",
        "application",
        "applications",
        "algorithm",
        "algorithms",
        "project",
        "projects",
        "use",
        "capabilities",
    ]
)


def _names_something_else(words: Words, last: int) -> bool:
    """Whether the word after token ``last`` is a noun the field name qualifies (no punctuation
    between them but a hyphen: "ML-focused", "ML usage") and that names something other than the
    field's work ("ML infrastructure", not "ML solutions")."""
    if last + 1 >= len(words.words):
        return False
    after = words.words[last + 1]
    return after not in _NOT_A_NOUN and after not in _THE_WORK and words.before(last + 1).strip() in ("", "-")


def find_evidence(posting: Posting, catalogue: Catalogue) -> tuple[list[Evidence], list[Evidence]]:
    """Evidence (task, phrase, line, weight) found in the posting, and the negated mentions set aside."""
    index = lexicon_index(catalogue)
    found: list[Evidence] = []
    negated: list[Evidence] = []
    people_research = studies_people(posting.title)
    names = name_pattern(posting.text)
    stack: dict[str, Evidence] = {}  # each task's best mention in the tech-stack section being read
    for part in parts(posting.text):
        if part.kind != "stack" and stack:
            found += stack.values()
            stack = {}
        if part.kind == "excluded":  # "What you won't do": every mention there is denied
            got, _ = line_evidence(replace(part, weight=1.0), index, people_research, names)
            negated += [replace(e, weight=0.0) for e in got]
            continue
        if part.weight <= 0:
            continue
        got, denied = line_evidence(part, index, people_research, names)
        negated += denied
        if part.kind == "stack":  # a tool a line counts as one line of tools: each task once
            for e in got:
                if e.task not in stack or e.weight > stack[e.task].weight:
                    stack[e.task] = e
            continue
        found += got
    return found + list(stack.values()), negated


def content_lines(text: str) -> list[str]:
    """The lines that count as the job (any weight above nothing), cleaned of bullets and emphasis."""
    return [p.text for p in parts(text) if p.weight > 0]
