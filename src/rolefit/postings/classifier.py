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
HYBRID = 0.6
#: The L2 penalty's C (larger: weaker penalty), chosen by cross-validation on the development set.
PENALTY_C = 3.0
#: One row per class of CLASSES: a weight per feature (in the order of ``features.NAMES``), intercept last.
WEIGHTS: tuple[tuple[float, ...], ...] = (
    (  # data-person
        2.1121,
        -2.0954,
        -0.4711,
        0.5430,
        0.7250,
        -0.0062,
        0.1091,
        -0.6859,
        0.9370,
        0.5303,
        0.9652,
        -0.0414,
        0.0000,
        -0.0675,
        -0.1334,
        -0.1732,
        0.1701,
        -0.4543,
        -0.9028,
        0.4679,
        -0.0599,
    ),
    (  # none
        -0.0225,
        0.2713,
        -0.0733,
        0.2776,
        0.2067,
        -0.1223,
        -1.6690,
        -0.4149,
        -0.1622,
        -0.1882,
        -0.0060,
        0.7941,
        0.0000,
        1.1470,
        0.9008,
        -1.4262,
        1.4226,
        -0.8221,
        0.2059,
        1.8000,
        0.5335,
    ),
    (  # product
        -0.9457,
        0.9940,
        2.5614,
        -0.4527,
        -0.0058,
        -0.8660,
        0.5854,
        -0.4702,
        -1.0002,
        0.3331,
        -0.8061,
        -0.2897,
        0.0000,
        0.1745,
        -0.3781,
        0.8567,
        -0.5931,
        -0.0534,
        0.3171,
        -1.1507,
        -0.6246,
    ),
    (  # rnd
        -1.1439,
        0.8301,
        -2.0170,
        -0.3679,
        -0.9259,
        0.9945,
        0.9746,
        1.5710,
        0.2254,
        -0.6752,
        -0.1532,
        -0.4630,
        0.0000,
        -1.2541,
        -0.3893,
        0.7428,
        -0.9996,
        1.3298,
        0.3798,
        -1.1173,
        0.1510,
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
