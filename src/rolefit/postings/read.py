"""Reading job postings: which archetype a posting really is, and how well it fits you.

A posting is text. Each catalogue task has a lexicon of phrases and tools
(``tasks.yaml``); a phrase found in the posting, as whole words in any case, is
evidence for its task, unless it is negated in its sentence ("no deep learning
required", "you will not build dashboards") or sits in boilerplate (benefits,
perks, equal-opportunity statements), which is skipped. The evidence gives the
posting task shares, which is compared with each role's (cosine similarity):
the closest role is what the posting really is, a close second makes it a
hybrid, and too little evidence is said as such rather than guessed.

With a set of answers, each posting becomes a role of its own (its task
shares, evidence turned into weights) and is scored like the archetypes, so
the ranking is by your fit to the job itself, not just to its archetype.
Pure functions but for :func:`read_postings`; no network, no model.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rolefit.errors import RolefitError
from rolefit.files import read as inputs
from rolefit.model.answers import Answers
from rolefit.model.catalogue import Catalogue, Organisation, Role, RoleTask
from rolefit.scoring.fit import RoleFit, fit_role

SUFFIXES = (".txt", ".md", ".markdown")
#: Fewer pieces of evidence, distinct tasks, or distinct lines than these is "not enough evidence"
#: (a single sentence listing every buzzword is not a job description).
MIN_EVIDENCE = 4
MIN_TASKS = 3
MIN_LINES = 3
#: The runner-up's similarity, as a share of the top's, from which a posting is a hybrid.
HYBRID_SHARE = 0.85
#: Below this similarity to every role, the evidence does not describe any of them.
MIN_SIMILARITY = 0.3
NEGATORS = frozenset(
    [
        "no",
        "not",
        "without",
        "never",
        "nor",
        "neither",
        "don't",
        "doesn't",
        "won't",
        "isn't",
        "aren't",
        "cannot",
        "can't",
    ]
)
NEGATION_WINDOW = 6
BOILERPLATE = re.compile(
    r"benefit|perk|what we offer|we offer|compensation|salary|equal opportunit|\beeo\b|diversity|inclusion|"
    r"how to apply|about us|about the company|our values|accommodation",
    re.IGNORECASE,
)
BOILERPLATE_LINE = re.compile(
    r"equal opportunity|regardless of|without regard to|protected characteristic|reasonable accommodation",
    re.IGNORECASE,
)


class PostingError(RolefitError):
    """A posting file that cannot be read."""


@dataclass(frozen=True)
class Posting:
    name: str
    title: str
    text: str


@dataclass(frozen=True)
class Evidence:
    """A phrase of a task's lexicon, found in a line of the posting."""

    task: str
    phrase: str
    line: str


@dataclass(frozen=True)
class Reading:
    """What a posting really is."""

    posting: Posting
    evidence: tuple[Evidence, ...]
    negated: tuple[Evidence, ...]
    weights: dict[str, float]
    similarity: tuple[tuple[str, float], ...]
    insufficient: bool
    hybrid: tuple[str, str] | None
    mislabelled: str

    @property
    def top(self) -> str | None:
        return None if self.insufficient else self.similarity[0][0]

    @property
    def confidence(self) -> float:
        """How far the top role is ahead: 1 - runner-up / top similarity (0 when unsure)."""
        if self.insufficient or len(self.similarity) < 2 or self.similarity[0][1] <= 0:
            return 0.0
        return 1 - self.similarity[1][1] / self.similarity[0][1]

    def label(self, catalogue: Catalogue) -> str:
        if self.insufficient:
            return "not enough evidence"
        names = catalogue.role_by_id
        if self.hybrid:
            return f"{names[self.hybrid[0]].short} / {names[self.hybrid[1]].short}"
        return names[self.similarity[0][0]].short


@dataclass(frozen=True)
class Found:
    """The postings read, in order, and the files that could not be read (one message each)."""

    postings: tuple[Posting, ...]
    failures: tuple[str, ...] = ()

    def __iter__(self) -> Iterator[Posting]:  # so that ``you.fit(read_postings([...]))`` reads as it says
        return iter(self.postings)

    def __len__(self) -> int:
        return len(self.postings)


def read_postings(paths: list[str]) -> Found:
    """Postings from files, folders of .txt/.md files, or ``-`` (standard input, one posting).

    A file that cannot be read (nor a folder with no postings) does not stop the others: each
    is named once in ``failures``, with the reason, and the rest are still read. Only when the
    one argument is one file is its problem raised (:class:`PostingError`).
    """
    out: list[Posting] = []
    failures: list[str] = []
    seen: set[Path] = set()
    alone = len(paths) == 1
    for arg in paths:
        try:
            if arg == "-":
                out.append(
                    make_posting("stdin", inputs.decode(inputs.read_stdin(PostingError), "<stdin>", PostingError))
                )
                continue
            if not arg:
                raise PostingError("expected a file or folder name (or '-' for standard input)", file="''")
            files = _posting_files(Path(arg))
        except PostingError as exc:
            if alone:
                raise
            failures.append(f"could not read {exc}")
            continue
        for file in files:
            key = file.resolve()
            if key in seen:
                continue
            seen.add(key)
            try:
                out.append(make_posting(file.stem, inputs.read_text(file, PostingError, "a job posting (text)")))
            except PostingError as exc:
                if alone and file == Path(arg):
                    raise
                failures.append(f"could not read {exc}")
    return Found(tuple(out), tuple(failures))


def _posting_files(path: Path) -> list[Path]:
    """``path`` itself, or the postings in the folder it names (its sub-folders are not postings)."""
    if not path.is_dir():
        return [path]
    try:
        files = sorted(p for p in path.iterdir() if p.suffix.lower() in SUFFIXES and not p.is_dir())
    except OSError as exc:
        raise PostingError(f"cannot list this folder: {exc.strerror or exc}", file=path) from None
    if not files:
        raise PostingError("no postings (.txt, .md) in this folder", file=path)
    return files


def make_posting(name: str, text: str) -> Posting:
    title = next((line.strip().lstrip("#").strip() for line in text.splitlines() if line.strip()), "")
    return Posting(name=name, title=title, text=text)


def _is_heading(line: str) -> bool:
    stripped = line.strip()
    return stripped.startswith("#") or (0 < len(stripped) <= 60 and stripped.endswith(":"))


def content_lines(text: str) -> list[str]:
    """The posting's lines without its title (what it claims, not what it shows) and without
    boilerplate: sections headed like benefits or EEO, and EEO sentences."""
    out: list[str] = []
    skipping = False
    lines = text.splitlines()
    first = next((k for k, line in enumerate(lines) if line.strip()), len(lines))
    for line in lines[first + 1 :]:
        if _is_heading(line):
            skipping = bool(BOILERPLATE.search(line))
            if skipping:
                continue
        if skipping or BOILERPLATE_LINE.search(line):
            continue
        out.append(line)
    return out


@lru_cache(maxsize=4096)
def _pattern(phrase: str) -> re.Pattern[str]:
    words = phrase.split()
    return re.compile(r"(?<![\w-])" + r"\s+".join(re.escape(w) for w in words) + r"(?![\w-])", re.IGNORECASE)


def _negated(clause: str, start: int, end: int) -> bool:
    before = re.findall(r"[\w']+", clause[:start].lower())[-NEGATION_WINDOW:]
    after = clause[end:].lower()
    return bool(NEGATORS.intersection(before)) or bool(
        re.match(r"[^.]{0,40}\b(?:not|isn't) (?:required|needed)", after)
    )


def find_evidence(posting: Posting, catalogue: Catalogue) -> tuple[list[Evidence], list[Evidence]]:
    """Evidence (task, phrase, line) found in the posting, and the negated mentions set aside."""
    found: list[Evidence] = []
    negated: list[Evidence] = []
    seen: set[tuple[str, str]] = set()
    for line in content_lines(posting.text):
        clauses = re.split(r"(?<=[.;!?])\s+", line)
        for task in catalogue.tasks_in_order():
            for phrase in task.lexicon:
                for clause in clauses:
                    match = _pattern(phrase).search(clause)
                    if match is None:
                        continue
                    item = Evidence(task.id, phrase, line.strip())
                    if _negated(clause, match.start(), match.end()):
                        negated.append(item)
                    elif (task.id, line) not in seen:
                        seen.add((task.id, line))
                        found.append(item)
    return found, negated


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def read_posting(posting: Posting, catalogue: Catalogue) -> Reading:
    """What the posting really is: its evidence, task shares, closest roles and any mislabelling."""
    found, negated = find_evidence(posting, catalogue)
    counts = Counter(e.task for e in found)
    weights = {task: float(min(n, 3)) for task, n in counts.items()}
    sims = sorted(
        ((r.id, _cosine(weights, {rt.task: rt.weight for rt in r.tasks})) for r in catalogue.roles),
        key=lambda pair: -pair[1],
    )
    lines = len({e.line for e in found})
    insufficient = (
        len(found) < MIN_EVIDENCE or len(counts) < MIN_TASKS or lines < MIN_LINES or sims[0][1] < MIN_SIMILARITY
    )
    if not insufficient and len(sims) > 2 and sims[2][1] >= HYBRID_SHARE * sims[0][1]:
        insufficient = True  # it reads as every role at once: buzzwords, not a job
    hybrid = None
    if not insufficient and len(sims) > 1 and sims[1][1] >= HYBRID_SHARE * sims[0][1]:
        hybrid = (sims[0][0], sims[1][0])
    return Reading(
        posting=posting,
        evidence=tuple(found),
        negated=tuple(negated),
        weights=weights,
        similarity=tuple(sims),
        insufficient=insufficient,
        hybrid=hybrid,
        mislabelled="" if insufficient else _mislabelled(posting, (hybrid or sims[0])[0], catalogue),
    )


#: What a title claims, and the words a role's name needs to live up to it.
CLAIMS = (
    (re.compile(r"scientist|data science", re.IGNORECASE), ("scientist",)),
    (
        re.compile(r"machine learning|\bml\b|\bai\b|deep learning|research", re.IGNORECASE),
        ("r&d", "research", "machine learning", "ml", "applied"),
    ),
)


def _mislabelled(posting: Posting, top: str, catalogue: Catalogue) -> str:
    """Say so when the title claims a kind of job that the evidence does not show."""
    role = catalogue.role_by_id[top]
    name = role.name.lower()
    for claim, words in CLAIMS:
        found = claim.search(posting.title)
        if found and not any(re.search(rf"(?<![\w&]){re.escape(w)}(?![\w&])", name) for w in words):
            return f"titled '{posting.title}', but the work it describes is that of a {role.short}"
    return ""


def posting_role(reading: Reading) -> Role:
    """The posting as a role of its own: its evidence counts as weights (1 occasional .. 3 core)."""
    return Role(
        id=re.sub(r"[^a-z0-9]+", "-", reading.posting.name.lower()).strip("-") or "posting",
        name=reading.posting.title or reading.posting.name,
        short=reading.posting.name,
        summary=reading.posting.title,
        tasks=tuple(RoleTask(task, weight, "inferred", "from the posting") for task, weight in reading.weights.items()),
        organisations=(Organisation("posting", reading.posting.name),),
    )


@dataclass(frozen=True)
class JobFit:
    reading: Reading
    fit: RoleFit | None  # None when the posting gives too little evidence to score


def rank(readings: list[Reading], catalogue: Catalogue, answers: Answers) -> list[JobFit]:
    """Postings by your fit to each one's own task shares, best first; unreadable ones last."""
    scored = [JobFit(r, fit_role(posting_role(r), catalogue, answers) if r.weights else None) for r in readings]
    return sorted(scored, key=lambda j: (j.fit is None, -(j.fit.score if j.fit else 0.0), j.reading.posting.name))
