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
        1.2594,
        -1.0102,
        -0.2249,
        0.5287,
        0.4826,
        -0.0130,
        -0.2913,
        -0.4461,
        0.8305,
        0.2117,
        1.2491,
        -0.0831,
        0.0000,
        0.0392,
        0.0525,
        -0.0637,
        0.1380,
        -0.4962,
        -0.3775,
        0.3423,
        -0.5469,
    ),
    (  # none
        0.1277,
        -0.2089,
        -0.2589,
        0.0860,
        0.1611,
        0.0230,
        -0.8037,
        -0.3000,
        -0.1812,
        0.1313,
        -0.4226,
        0.4882,
        0.0000,
        0.7806,
        0.5666,
        -0.8971,
        1.0033,
        -0.4753,
        0.2072,
        1.2180,
        0.2723,
    ),
    (  # product
        -0.8891,
        0.1070,
        1.7194,
        -0.4463,
        -0.2234,
        -0.3902,
        0.7698,
        -0.2733,
        -0.7717,
        -0.0392,
        -0.4684,
        -0.1423,
        0.0000,
        -0.0234,
        -0.3677,
        0.5649,
        -0.3957,
        -0.3813,
        0.1432,
        -0.7039,
        0.0399,
    ),
    (  # rnd
        -0.4980,
        1.1121,
        -1.2356,
        -0.1684,
        -0.4203,
        0.3801,
        0.3252,
        1.0193,
        0.1224,
        -0.3039,
        -0.3581,
        -0.2628,
        0.0000,
        -0.7964,
        -0.2514,
        0.3958,
        -0.7456,
        1.3528,
        0.0272,
        -0.8564,
        0.2347,
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
