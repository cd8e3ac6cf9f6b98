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
        1.2553,
        -1.1551,
        -0.2460,
        0.4426,
        0.4853,
        -0.0172,
        -0.2547,
        -0.4933,
        0.9248,
        0.1636,
        0.9407,
        -0.0333,
        0.0000,
        0.0693,
        -0.1433,
        -0.0899,
        0.1860,
        -0.5112,
        -0.5230,
        0.2674,
        -0.2670,
    ),
    (  # none
        0.0989,
        -0.1425,
        -0.2351,
        0.1373,
        0.1274,
        -0.0052,
        -0.8120,
        -0.2824,
        -0.2661,
        0.1205,
        -0.0892,
        0.4513,
        0.0000,
        0.7692,
        0.6090,
        -0.9156,
        1.0156,
        -0.5153,
        0.1877,
        1.2529,
        0.2563,
    ),
    (  # product
        -0.8433,
        0.1932,
        1.7333,
        -0.4168,
        -0.1781,
        -0.4431,
        0.7442,
        -0.2440,
        -0.8055,
        0.0260,
        -0.4564,
        -0.1481,
        0.0000,
        -0.0427,
        -0.2564,
        0.5623,
        -0.4435,
        -0.1529,
        0.2273,
        -0.6650,
        -0.1132,
    ),
    (  # rnd
        -0.5109,
        1.1044,
        -1.2522,
        -0.1630,
        -0.4347,
        0.4654,
        0.3225,
        1.0197,
        0.1467,
        -0.3100,
        -0.3951,
        -0.2698,
        0.0000,
        -0.7958,
        -0.2093,
        0.4432,
        -0.7580,
        1.1794,
        0.1079,
        -0.8552,
        0.1238,
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
