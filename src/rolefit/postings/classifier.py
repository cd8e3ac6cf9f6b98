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
        1.3834,
        -0.9667,
        0.2732,
        0.7658,
        0.6420,
        0.1759,
        -0.0546,
        -0.5397,
        0.6780,
        -0.0393,
        2.2809,
        0.1474,
        0.5898,
        -0.5818,
        -0.6077,
        -0.9947,
    ),
    (  # none
        1.1281,
        -1.0994,
        -0.7640,
        0.3669,
        0.7175,
        -0.0676,
        -1.6351,
        -0.7712,
        -0.0885,
        0.0416,
        -1.5410,
        -1.8286,
        1.1029,
        -0.9334,
        0.1815,
        2.0083,
    ),
    (  # product
        -1.0832,
        0.5573,
        2.2785,
        -0.6208,
        -0.5690,
        -0.8942,
        0.6934,
        -0.3506,
        -1.0113,
        0.2645,
        -0.3249,
        0.7504,
        -0.6374,
        -0.4873,
        0.2836,
        -0.6254,
    ),
    (  # rnd
        -1.4284,
        1.5089,
        -1.7877,
        -0.5119,
        -0.7905,
        0.7859,
        0.9963,
        1.6616,
        0.4218,
        -0.2668,
        -0.4151,
        0.9307,
        -1.0554,
        2.0025,
        0.1426,
        -0.3882,
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
