"""The verdict on a posting, from its features: a multinomial logistic model fitted on real ads.

For each verdict (each archetype, or ``none``: a job of another kind) a weight per feature of
:mod:`rolefit.postings.features` and an intercept; the chances are the softmax of the sums.
The weights are fitted by ``benchmarks/postings.py FOLDER --fit`` on the development set of
real, labelled ads (a hybrid ad counts half for each of its two roles), with an L2 penalty so
that no one ad or feature decides. Plain arithmetic: no numerical library.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

CLASSES = ("data-person", "none", "product", "rnd")
#: The runner-up archetype's chance, as a share of the top one's, from which a posting is a hybrid.
HYBRID = 0.75
#: The L2 penalty's C (larger: weaker penalty), chosen by cross-validation on the development set.
PENALTY_C = 3.0
#: One row per class of CLASSES: a weight per feature (in the order of ``features.NAMES``), intercept last.
WEIGHTS: tuple[tuple[float, ...], ...] = (
    (  # data-person
        1.3713,
        -1.0317,
        0.2246,
        0.8348,
        0.3360,
        0.2083,
        -0.1822,
        -0.5316,
        0.5886,
        -0.1567,
        2.4473,
        -0.0869,
        0.4109,
        -0.5345,
        -0.5315,
        -0.5204,
        -0.4845,
    ),
    (  # none
        1.0212,
        -0.8496,
        -0.6197,
        0.1014,
        1.0970,
        -0.1395,
        -1.1710,
        -0.5857,
        -0.1076,
        0.0535,
        -1.8214,
        -1.1484,
        1.3151,
        -1.2754,
        1.5103,
        0.0242,
        0.9766,
    ),
    (  # product
        -1.1570,
        0.4346,
        2.2615,
        -0.6482,
        -0.5838,
        -0.8652,
        0.5429,
        -0.3814,
        -1.1289,
        0.2197,
        -0.1897,
        0.6462,
        -0.6384,
        -0.4057,
        -0.2810,
        0.4113,
        -0.4559,
    ),
    (  # rnd
        -1.2355,
        1.4468,
        -1.8664,
        -0.2881,
        -0.8491,
        0.7965,
        0.8103,
        1.4986,
        0.6479,
        -0.1165,
        -0.4363,
        0.5891,
        -1.0877,
        2.2156,
        -0.6978,
        0.0848,
        -0.0363,
    ),
)


def chances(features: Sequence[float], weights: Sequence[Sequence[float]] = WEIGHTS) -> tuple[tuple[str, float], ...]:
    """Each verdict's chance, highest first (ties by name)."""
    scores = [sum(w * v for w, v in zip(row, features, strict=False)) + row[-1] for row in weights]
    top = max(scores)
    exp = [math.exp(s - top) for s in scores]
    total = sum(exp)
    return tuple(sorted(((c, e / total) for c, e in zip(CLASSES, exp, strict=True)), key=lambda p: (-p[1], p[0])))


def decide(odds: Sequence[tuple[str, float]], hybrid: float = HYBRID) -> str:
    """The verdict the chances give, as labels are written: ``none``, a role id, or
    ``hybrid:a+b`` when the runner-up is an archetype at least ``hybrid`` times as likely."""
    (first, p1), (second, p2) = odds[0], odds[1]
    if first != "none" and second != "none" and p2 >= hybrid * p1:
        return "hybrid:" + "+".join(sorted((first, second)))
    return first
