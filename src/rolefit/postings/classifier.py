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
        0.9189,
        -0.7367,
        -0.0866,
        0.4340,
        0.3930,
        0.0213,
        -0.1246,
        -0.2962,
        0.5730,
        0.2056,
        1.4117,
        -0.0755,
        0.0000,
        -0.0044,
        -0.2428,
        0.0362,
        0.2332,
        -0.3934,
        -0.3776,
        0.6778,
        -0.7079,
    ),
    (  # none
        0.2921,
        -0.4108,
        -0.2412,
        0.0965,
        0.1926,
        0.0387,
        -0.8150,
        -0.4076,
        0.0163,
        0.0542,
        -0.6228,
        0.4318,
        0.0000,
        0.7774,
        0.7410,
        -0.8931,
        0.8448,
        -0.4328,
        0.2746,
        1.1631,
        0.3210,
    ),
    (  # product
        -0.6562,
        0.0811,
        1.4413,
        -0.3298,
        -0.2034,
        -0.4032,
        0.5113,
        -0.2826,
        -0.7369,
        -0.0389,
        -0.4096,
        -0.1437,
        0.0000,
        -0.0304,
        -0.3180,
        0.4554,
        -0.3030,
        -0.5116,
        0.0830,
        -0.9701,
        0.1878,
    ),
    (  # rnd
        -0.5548,
        1.0664,
        -1.1135,
        -0.2007,
        -0.3822,
        0.3432,
        0.4282,
        0.9864,
        0.1476,
        -0.2208,
        -0.3793,
        -0.2127,
        0.0000,
        -0.7425,
        -0.1802,
        0.4015,
        -0.7750,
        1.3378,
        0.0200,
        -0.8708,
        0.1991,
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
