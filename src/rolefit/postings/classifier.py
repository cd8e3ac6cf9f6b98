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
PENALTY_C = 3.0
#: One row per class of CLASSES: a weight per feature (in the order of ``features.NAMES``), intercept last.
WEIGHTS: tuple[tuple[float, ...], ...] = (
    (  # data-person
        1.3710,
        -0.9650,
        0.2766,
        0.7702,
        0.6296,
        0.1770,
        -0.0595,
        -0.5361,
        0.6765,
        -0.0376,
        2.2839,
        0.1349,
        0.5924,
        -0.5861,
        -0.6020,
        -0.9781,
    ),
    (  # none
        1.0847,
        -1.1538,
        -0.8318,
        0.3230,
        0.7133,
        0.1381,
        -1.6726,
        -0.8012,
        -0.0812,
        0.0266,
        -1.5461,
        -1.8152,
        1.0967,
        -0.9461,
        0.2263,
        2.0416,
    ),
    (  # product
        -1.0830,
        0.5621,
        2.2895,
        -0.6220,
        -0.5672,
        -0.9069,
        0.6738,
        -0.3531,
        -1.0260,
        0.2659,
        -0.3079,
        0.7524,
        -0.6348,
        -0.4872,
        0.2742,
        -0.6002,
    ),
    (  # rnd
        -1.3727,
        1.5568,
        -1.7343,
        -0.4713,
        -0.7757,
        0.5917,
        1.0583,
        1.6904,
        0.4306,
        -0.2548,
        -0.4298,
        0.9280,
        -1.0542,
        2.0194,
        0.1015,
        -0.4633,
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
