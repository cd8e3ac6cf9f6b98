"""What the verdict on a posting is read from: a few numbers that describe its evidence.

How much of the evidence is each role's own work, what share is pipelines, dashboards, ML
machinery or science, whether the text speaks of a small firm or a first data hire, and whether
the title names an analyst, a scientist, ML research or an engineer. They are the inputs of
:mod:`rolefit.postings.classifier`, and exist only for a catalogue with the built-in roles and
tasks (:func:`applies`). The hand-written rules of :mod:`rolefit.postings.kinds` for jobs of
another kind, and the titles that claim one, are not among them: written while reading the
development set, they flattered it and cost right verdicts on other employers' ads.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from rolefit.postings import kinds

if TYPE_CHECKING:
    from rolefit.model.catalogue import Catalogue

ROLES = ("data-person", "rnd", "product")
#: Task groups whose share of the evidence is a feature.
SHARES = (
    ("pipes", kinds.PIPES),
    ("bi", kinds.BI),
    ("platform", kinds.PLATFORM),
    ("science", kinds.SCIENCE),
    ("models", kinds.MODELS),
)
_ANALYST = re.compile(r"analyst", re.IGNORECASE)
#: Words of a title that name research without saying "research": a postdoc, a computational
#: biologist or linguist (also a data job's title for :data:`rolefit.postings.verdict.TITLED`).
RESEARCH_TITLE = r"computational|post-?doc"
#: (A UX or user-experience researcher studies people, not models: product work.)
_ML_TITLE = re.compile(
    r"machine learning|\bml\b|\bai\b|(?<!ux )(?<!user )(?<!experience )research|deep|nlp|\br ?& ?d\b|\br and d\b|"
    + RESEARCH_TITLE,
    re.IGNORECASE,
)
#: An engineer builds things: a data engineer's pipelines (a job of another kind), an ML engineer's
#: models in production (with "ML" in the title, R&D), seldom a product analyst's insights.
_ENGINEER = re.compile(r"engineer", re.IGNORECASE)
NAMES: tuple[str, ...] = (
    *(f"role:{r}" for r in ROLES),
    *(f"share:{name}" for name, _ in SHARES),
    "text:small firm",
    "text:small firm, broad work",
    "text:one data hire",
    "title:analyst or scientist",
    "title:analyst",
    "title:ML or research",
    "title:engineer",
    "evidence",
)
_NEEDED = frozenset().union(*(tasks for _, tasks in SHARES))


def applies(role_ids: set[str], task_ids: frozenset[str]) -> bool:
    """Whether a catalogue has the roles and tasks the features are made of."""
    return role_ids >= set(ROLES) and task_ids >= _NEEDED


def applies_to(catalogue: Catalogue) -> bool:
    """:func:`applies`, of a catalogue: whether its postings are read by the fitted model (and can be
    given a verdict of another kind)."""
    return applies({r.id for r in catalogue.roles}, frozenset(t.id for t in catalogue.tasks))


#: A title that makes the hire a manager of others, and the work every manager does whatever the
#: team's kind: for a manager, hiring and mentoring say nothing of which role it is (for the
#: article's data person they are building the first team).
MANAGER_TITLE = re.compile(r"\b(manager|head|director|chief|vp|vice president|lead)\b", re.IGNORECASE)
MANAGING = frozenset(["hiring", "mentoring"])


def features(weights: dict[str, float], tells: dict[str, dict[str, float]], title: str, text: str) -> tuple[float, ...]:
    """The posting's features, in the order of :data:`NAMES`."""
    total = sum(weights.values())
    scale = total or 1.0
    leaning = weights
    if MANAGER_TITLE.search(title):
        leaning = {t: w for t, w in weights.items() if t not in MANAGING}
    out = [sum(w * tells[r].get(t, 0.0) for t, w in leaning.items()) / scale for r in ROLES]
    shares = [sum(w for t, w in weights.items() if t in tasks) / scale for _, tasks in SHARES]
    out += shares
    signs = kinds.small_firm_signs(text)
    small = float(signs[0])
    # the small firm's all-rounder: data plumbing and analysis both
    out += [small, small * min(shares[0] + shares[1], shares[3]), float(signs[1])]
    platform_title = kinds.PLATFORM_TITLE.search(title) is not None  # "MLOps", "ML Platform": not ML research
    out += [float(bool(p.search(title))) for p in (kinds.BROAD_TITLE, _ANALYST)]
    out.append(float(bool(_ML_TITLE.search(title)) and not platform_title))
    out.append(float(bool(_ENGINEER.search(title))))
    out.append(math.log1p(total) / 3)
    return tuple(out)
