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
HYBRID = 0.9
#: The L2 penalty's C (larger: weaker penalty), chosen by cross-validation on the development set.
PENALTY_C = 1.0
#: One row per class of CLASSES: a weight per feature (in the order of ``features.NAMES``), intercept last.
WEIGHTS: tuple[tuple[float, ...], ...] = (
    (  # data-person
        1.2336,
        -0.9668,
        -0.2289,
        0.5358,
        0.4367,
        -0.0046,
        -0.2407,
        -0.4036,
        0.8357,
        0.2235,
        1.2718,
        -0.1038,
        0.0000,
        0.0266,
        0.0326,
        -0.0500,
        0.1247,
        -0.4899,
        -0.3691,
        0.4767,
        -0.5920,
    ),
    (  # none
        0.1253,
        -0.2342,
        -0.2199,
        0.0732,
        0.1436,
        0.0357,
        -0.7882,
        -0.3289,
        -0.1815,
        0.0895,
        -0.4166,
        0.4740,
        0.0000,
        0.7622,
        0.5458,
        -0.8617,
        0.9370,
        -0.4697,
        0.2280,
        1.3473,
        0.2578,
    ),
    (  # product
        -0.7847,
        -0.0507,
        1.7722,
        -0.4003,
        -0.1731,
        -0.4184,
        0.6554,
        -0.3390,
        -0.7948,
        -0.0375,
        -0.4993,
        -0.1467,
        0.0000,
        -0.0175,
        -0.3607,
        0.5255,
        -0.3683,
        -0.3561,
        0.0629,
        -0.9827,
        0.1909,
    ),
    (  # rnd
        -0.5742,
        1.2517,
        -1.3234,
        -0.2087,
        -0.4072,
        0.3873,
        0.3735,
        1.0715,
        0.1406,
        -0.2755,
        -0.3559,
        -0.2235,
        0.0000,
        -0.7713,
        -0.2177,
        0.3862,
        -0.6934,
        1.3157,
        0.0781,
        -0.8413,
        0.1432,
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
