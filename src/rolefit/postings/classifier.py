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
        0.9224,
        -0.7551,
        -0.1154,
        0.4439,
        0.3856,
        0.0530,
        -0.1333,
        -0.2947,
        0.5787,
        0.1973,
        1.4104,
        -0.0763,
        0.0000,
        -0.0133,
        -0.2439,
        0.0504,
        0.2394,
        -0.3855,
        -0.3780,
        0.6630,
        -0.6992,
    ),
    (  # none
        0.3248,
        -0.3689,
        -0.2488,
        0.1088,
        0.2098,
        -0.0206,
        -0.7862,
        -0.3808,
        0.0239,
        0.0716,
        -0.6206,
        0.4347,
        0.0000,
        0.7822,
        0.7408,
        -0.8847,
        0.8509,
        -0.4118,
        0.3209,
        1.1732,
        0.2241,
    ),
    (  # product
        -0.6327,
        -0.0332,
        1.4740,
        -0.3228,
        -0.1949,
        -0.3779,
        0.4586,
        -0.3557,
        -0.7448,
        -0.0438,
        -0.4292,
        -0.1367,
        0.0000,
        -0.0048,
        -0.3206,
        0.5358,
        -0.3265,
        -0.4696,
        0.0487,
        -0.9873,
        0.2014,
    ),
    (  # rnd
        -0.6144,
        1.1572,
        -1.1098,
        -0.2298,
        -0.4005,
        0.3455,
        0.4609,
        1.0312,
        0.1423,
        -0.2251,
        -0.3606,
        -0.2217,
        0.0000,
        -0.7640,
        -0.1763,
        0.2984,
        -0.7637,
        1.2669,
        0.0085,
        -0.8489,
        0.2737,
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
