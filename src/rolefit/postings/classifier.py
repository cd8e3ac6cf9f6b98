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
HYBRID = 0.8
#: The L2 penalty's C (larger: weaker penalty), chosen by cross-validation on the development set.
PENALTY_C = 3.0
#: One row per class of CLASSES: a weight per feature (in the order of ``features.NAMES``), intercept last.
WEIGHTS: tuple[tuple[float, ...], ...] = (
    (  # data-person
        1.3724,
        -1.0292,
        0.2194,
        0.8271,
        0.3511,
        0.2092,
        -0.1977,
        -0.5267,
        0.5898,
        -0.1536,
        2.4475,
        -0.0835,
        0.4103,
        -0.5341,
        -0.5350,
        -0.5302,
        -0.4746,
    ),
    (  # none
        1.0167,
        -0.8557,
        -0.5913,
        0.0988,
        1.0550,
        -0.1449,
        -1.1374,
        -0.6091,
        -0.1126,
        0.0474,
        -1.8225,
        -1.1578,
        1.3386,
        -1.2802,
        1.5211,
        0.0971,
        0.9155,
    ),
    (  # product
        -1.1563,
        0.4358,
        2.2452,
        -0.6385,
        -0.5610,
        -0.8608,
        0.5281,
        -0.3679,
        -1.1264,
        0.2217,
        -0.1889,
        0.6512,
        -0.6575,
        -0.4023,
        -0.2859,
        0.3571,
        -0.4102,
    ),
    (  # rnd
        -1.2329,
        1.4491,
        -1.8733,
        -0.2874,
        -0.8451,
        0.7965,
        0.8071,
        1.5037,
        0.6492,
        -0.1155,
        -0.4361,
        0.5901,
        -1.0914,
        2.2166,
        -0.7002,
        0.0761,
        -0.0307,
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
