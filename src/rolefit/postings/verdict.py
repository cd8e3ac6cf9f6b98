"""What a posting really is: an archetype, a hybrid of two, a job of another kind, or too little to say.

The evidence's weights make the posting's task profile, and its closeness to each role (the
share of its evidence that is that role's own work). With the built-in catalogue, the verdict
is the likeliest of a model fitted on real ads (:mod:`rolefit.postings.classifier`): an
archetype, a hybrid when the runner-up archetype is nearly as likely, or a job of another kind
(``none``), named by :mod:`rolefit.postings.kinds`. With another catalogue the closest role is
the verdict and a close runner-up makes a hybrid. Too little evidence is said as such rather
than guessed. How sure the verdict is comes from :mod:`rolefit.postings.calibration`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from rolefit.model.catalogue import Catalogue
from rolefit.postings import classifier
from rolefit.postings.calibration import NOT_DATA_SURE, sure, sure_model
from rolefit.postings.evidence import Evidence, find_evidence
from rolefit.postings.features import RESEARCH_TITLE, applies, features
from rolefit.postings.kinds import has_role_of, kind_name, outside_kind, small_firm_signs
from rolefit.postings.language import not_english, reads_english
from rolefit.postings.posting import Posting
from rolefit.postings.sections import parts

#: Less evidence (summed weight), fewer distinct tasks or lines than these is "not enough evidence".
MIN_WEIGHT = 2.0
MIN_TASKS = 3
MIN_LINES = 3
#: A task's evidence counts up to this much.
TASK_CAP = 3.0
#: The runner-up's similarity, as a share of the top's, from which a posting is a hybrid.
HYBRID_SHARE = 0.95
#: Below this similarity to every role, the evidence does not describe any of them.
MIN_SIMILARITY = 0.05
#: How much a task shared with other roles still counts towards each, against its distinctive part.
SHARED = 0.5
_DISTINCT: dict[int, tuple[Catalogue, dict[str, dict[str, float]]]] = {}


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
    outside: str | None = None
    #: Each verdict's chance by the fitted model, highest first (empty when it does not apply).
    chances: tuple[tuple[str, float], ...] = ()
    #: Less evidence than the rule-based reading needs (see :func:`readable`).
    thin: bool = False
    #: The ad names no data work (:func:`names_no_data_work`): not a data job at all.
    not_data: bool = False
    #: The text is not in English, which the built-in catalogue's lexicons are written in.
    foreign: bool = False

    @property
    def leaning(self) -> str:
        """The archetype the posting is closest to, whatever the verdict."""
        if self.chances:
            return next(c for c, _ in self.chances if c != "none")
        return self.similarity[0][0]

    @property
    def scorable(self) -> bool:
        """Whether a person's fit to the posting can be scored: it names tasks, and is a data job
        whose kind is told (not "not enough evidence", not "not a data job")."""
        return bool(self.weights) and not (self.insufficient or self.not_data)

    @property
    def top(self) -> str | None:
        """The archetype it is (``None`` when too little evidence, or a job of another kind)."""
        return None if self.insufficient or self.outside else self.leaning

    @property
    def margin(self) -> float:
        """How far the top role is ahead: 1 - runner-up / top similarity."""
        if len(self.similarity) < 2 or self.similarity[0][1] <= 0:
            return 1.0 if self.similarity and self.similarity[0][1] > 0 else 0.0
        return 1 - self.similarity[1][1] / self.similarity[0][1]

    @property
    def confidence(self) -> float:
        """The chance that the verdict is right, as measured on real postings (0 when there is none)."""
        if self.insufficient:
            return 0.0
        if self.not_data:
            return NOT_DATA_SURE
        if self.chances:
            return sure_model(self.chances[0][1])
        return sure(self.verdict_kind, self.margin, sum(self.weights.values()))

    @property
    def verdict_kind(self) -> str:
        return "outside" if self.outside else "hybrid" if self.hybrid else "archetype"

    def verdict(self) -> str:
        """As labels are written: a role id, ``hybrid:a+b`` (alphabetical), ``none``, or ``insufficient``."""
        if self.insufficient:
            return "insufficient"
        if self.outside:
            return "none"
        if self.hybrid:
            return "hybrid:" + "+".join(sorted(self.hybrid))
        return self.leaning

    def label(self, catalogue: Catalogue) -> str:
        if self.insufficient:
            return "not enough evidence"
        if self.outside:
            return f"none of these: {self.outside}"
        names = catalogue.role_by_id
        if self.hybrid:
            return f"{names[self.hybrid[0]].short} / {names[self.hybrid[1]].short}"
        return names[self.leaning].short


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def task_weights(evidence: list[Evidence]) -> dict[str, float]:
    """Each task's summed evidence, capped, in the order first seen."""
    out: dict[str, float] = {}
    for e in evidence:
        out[e.task] = out.get(e.task, 0.0) + e.weight
    return {t: round(min(w, TASK_CAP), 4) for t, w in out.items()}


def distinctive(catalogue: Catalogue) -> dict[str, dict[str, float]]:
    """How much each task tells of each role: its weight there above the most any other role
    gives it (a task core to one role and absent from the rest says most; one all share, little),
    plus a small share of its plain weight, so that shared work still leans the right way."""
    key = id(catalogue)
    known = _DISTINCT.get(key)
    if known is not None and known[0] is catalogue:
        return known[1]
    roles = {r.id: {rt.task: rt.weight for rt in r.tasks} for r in catalogue.roles}
    best: dict[str, tuple[float, float]] = {}  # each task's highest and second-highest weight
    for tasks in roles.values():
        for t, w in tasks.items():
            first, second = best.get(t, (0.0, 0.0))
            best[t] = (w, first) if w >= first else (first, max(second, w))
    out: dict[str, dict[str, float]] = {}
    for rid, tasks in roles.items():
        row: dict[str, float] = {}
        for t, w in tasks.items():
            first, second = best[t]
            rest = second if w >= first else first
            row[t] = round((max(0.0, w - rest) + SHARED * w) / 3, 4)
        out[rid] = row
    _DISTINCT.clear()
    _DISTINCT[key] = (catalogue, out)
    return out


def _score(weights: dict[str, float], tells: dict[str, float]) -> float:
    return sum(w * tells.get(t, 0.0) for t, w in weights.items())


#: With little evidence, a top chance below this (all four verdicts near even) is "not enough evidence".
#: (At 0.5, with the model's fifteen features, 4 more of 178 fresh real ads were turned away, and
#: of those 4, 2 would have been read right by their top archetype, 1 of them exactly.)
UNSURE = 0.35
#: A title that names a data job: with it, even a little evidence is enough for the fitted model.
TITLED = re.compile(
    r"data|analy[st]|scien|machine learning|\bml\b|\bai\b|\bbi\b|business intelligence|research|" + RESEARCH_TITLE,
    re.IGNORECASE,
)


#: What any data job names somewhere, in its title or its text: without one of these, an ad's
#: "dashboards" and "schedules" are a warehouse's or a shop floor's, not a data role's.
DATA_WORK = re.compile(
    r"\bdata\b|analy[st]|machine learning|\bml\b|\bai\b|statistic|\bsql\b|python|\bmodel(l?ing|s)\b|"
    r"\bbi\b|business intelligence|scien|research|forecast|experiment",
    re.IGNORECASE,
)
#: A title that names a data job: not "Scientist" or "Research Scientist" alone, which a search for
#: data scientists also finds at a laboratory (nor "Analytical Technologies", a laboratory's too).
DATA_TITLE = re.compile(
    r"data|analyst|analytics|machine learning|\bml\b|\bai\b|\bbi\b|business intelligence|statistic|quant|"
    + RESEARCH_TITLE,
    re.IGNORECASE,
)
#: What a line about data work names, and a line about a laboratory's, a regulator's or a
#: software team's work does not (not "analysis", "experiments" or "reports": a laboratory's too).
DATA_LINE = re.compile(
    r"\b(data|datasets?|models?|model(l?ing)|statistic\w*|analytics|machine learning|ml|ai|sql|python|"
    r"dashboards?|algorithms?|metrics|kpis?|etl|pipelines?|databases?|warehouse|"
    r"insights?|predictive|forecast\w*|quantitative|learning|neural|nlp|vision)\b",
    re.IGNORECASE,
)
#: Under such a title, at least this many lines of the job, fewer than this share of them about
#: data work: the ad describes another kind of work ("Design and perform flow cytometry assays",
#: "Lead studies of patient preferences"), whatever its "research", "studies" and "present" say.
#: (Chosen on 268 real ads of a job board's search for data scientists, labelled blind: of those
#: under such a title with six lines or more, the 13 below one line in five are no data job; the
#: data job that comes nearest, a research scientist's, has two lines in nine.)
NO_DATA_LINES = 6
NO_DATA_SHARE = 0.2
#: The verdict on such an ad: a job of another kind, named so.
NOT_DATA = "not a data job"


def names_no_data_work(posting: Posting) -> bool:
    """Whether an ad names no data work: none in its title or text, or (under a title that names no
    data job) almost none in the lines of the job itself."""
    if not (DATA_WORK.search(posting.title) or DATA_WORK.search(posting.text)):
        return True
    if DATA_TITLE.search(posting.title):
        return False
    lines = [p.text for p in parts(posting.text) if p.kind in ("duties", "open")]
    about = sum(1 for line in lines if DATA_LINE.search(line))
    return len(lines) >= NO_DATA_LINES and about < NO_DATA_SHARE * len(lines)


#: Even under a title that names a data job, fewer tasks than this are no evidence of which one.
MIN_TITLED_TASKS = 2


def readable(weights: dict[str, float], thin: bool, title: str, text: str = "") -> bool:
    """Whether the fitted model may give a verdict: some evidence, and enough of it unless the
    title says which data job it is (and even then two tasks at least: "Data Scientist. Python,
    SQL, machine learning." says nothing of which kind; one is enough where the text says the
    hire is the first or only data person, which says the kind itself)."""
    least = 1 if text and small_firm_signs(text)[1] else MIN_TITLED_TASKS
    return len(weights) >= least and (not thin or bool(TITLED.search(title)))


def read_posting(posting: Posting, catalogue: Catalogue, *, rules_only: bool = False) -> Reading:
    """What the posting really is: its evidence, task shares, closest roles, and any mislabelling.
    ``rules_only``: without the fitted model, as a catalogue of your own is read (what
    ``calibration.BANDS`` is fitted on)."""
    found, negated = find_evidence(posting, catalogue)
    weights = task_weights(found)
    tells = distinctive(catalogue)
    total = sum(weights.values()) or 1.0
    sims = sorted(
        ((r.id, round(_score(weights, tells[r.id]) / total, 4)) for r in catalogue.roles),
        key=lambda pair: (-pair[1], pair[0]),
    )
    lines = len({e.line for e in found})
    thin = (
        sum(weights.values()) < MIN_WEIGHT
        or len(weights) < MIN_TASKS
        or lines < MIN_LINES
        or not sims
        or sims[0][1] < MIN_SIMILARITY
    )
    known = frozenset(t.id for t in catalogue.tasks)
    model = not rules_only and bool(classifier.WEIGHTS) and applies({r.id for r in catalogue.roles}, known)
    # (the built-in catalogue's roles are data jobs: "Warehouse Shift Supervisor", its schedules and
    # KPI dashboards, is none of them; a catalogue of your own may hold other kinds of job)
    foreign = not_english(posting.text) and reads_english(catalogue)
    not_data = model and not foreign and names_no_data_work(posting)
    if model:
        insufficient = foreign or not (not_data or readable(weights, thin, posting.title, posting.text))
    else:  # (a profile that reads as every role at once is buzzwords, not a job)
        insufficient = foreign or thin or (len(sims) > 2 and sims[2][1] >= HYBRID_SHARE * sims[0][1])
    outside: str | None = None
    hybrid: tuple[str, str] | None = None
    odds: tuple[tuple[str, float], ...] = ()
    if insufficient:
        pass
    elif not_data:
        outside = NOT_DATA
    elif model:
        odds = classifier.chances(features(weights, tells, posting.title, posting.text))
        said = classifier.decide(odds)
        if thin and (odds[0][1] < UNSURE or len(weights) * 2 >= len(known)):
            # little evidence, and the model cannot tell either; or a line or two naming half the
            # catalogue's kinds of work: buzzwords, which describe no one job
            insufficient, odds = True, ()
        elif said == "none":
            outside = kind_name(weights, posting.title)
        elif said.startswith("hybrid:"):
            hybrid = (odds[0][0], odds[1][0])
    else:
        outside = outside_kind(weights, posting.title, posting.text, known, sims[0][0])
        if outside and has_role_of(outside, (r.name for r in catalogue.roles)):
            outside = None  # (the catalogue has a role of that kind: the closest role says which)
        if not outside and len(sims) > 1 and sims[1][1] >= HYBRID_SHARE * sims[0][1]:
            hybrid = (sims[0][0], sims[1][0])
    reading = Reading(
        posting=posting,
        evidence=tuple(found),
        negated=tuple(negated),
        weights=weights,
        similarity=tuple(sims),
        insufficient=insufficient,
        hybrid=hybrid,
        mislabelled="",
        outside=outside,
        chances=tuple((c, round(p, 4)) for c, p in odds),
        thin=thin,
        not_data=not_data,
        foreign=foreign,
    )
    if insufficient:
        return reading
    top = hybrid[0] if hybrid else reading.leaning
    return replace(reading, mislabelled=_mislabelled(posting, outside, top, catalogue))


#: What a title claims, and the words a role's name needs to live up to it.
SCIENTIST = re.compile(r"scientist|data science", re.IGNORECASE)
CLAIMS = (
    (
        re.compile(r"machine learning|\bml\b|\bai\b|deep learning|research", re.IGNORECASE),
        ("r&d", "research", "machine learning", "ml", "applied"),
    ),
)


def _mislabelled(posting: Posting, outside: str | None, top: str, catalogue: Catalogue) -> str:
    """Say so when the title claims a data-scientist job that the text does not describe."""
    if not SCIENTIST.search(posting.title) or (outside == NOT_DATA and not DATA_TITLE.search(posting.title)):
        return ""  # (a "Senior Scientist" at a laboratory claims no data scientist's job)
    if outside == NOT_DATA:
        return f"titled '{posting.title}', but the work it describes is no data work"
    if outside:
        return f"titled '{posting.title}', but the work it describes is {outside}, not a data scientist's"
    role = catalogue.role_by_id[top]
    name = role.name.lower()
    for claim, words in CLAIMS:
        if claim.search(posting.title) and not any(
            re.search(rf"(?<![\w&]){re.escape(w)}(?![\w&])", name) for w in words
        ):
            return f"titled '{posting.title}', but the work it describes is that of a {role.short}"
    return ""
