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
        1.3937,
        -0.9661,
        0.1876,
        0.8569,
        0.4599,
        0.2356,
        -0.0340,
        -0.5177,
        0.7339,
        -0.0071,
        2.3632,
        -0.0971,
        0.4913,
        -0.5390,
        -0.5383,
        -0.6332,
        -0.6229,
    ),
    (  # none
        0.9343,
        -1.0516,
        -0.6857,
        0.0961,
        0.9095,
        -0.1475,
        -1.3395,
        -0.6967,
        -0.1741,
        -0.0230,
        -1.7321,
        -1.1277,
        1.3216,
        -1.2120,
        1.4992,
        0.2582,
        0.9701,
    ),
    (  # product
        -1.0158,
        0.5031,
        2.3087,
        -0.5488,
        -0.5345,
        -0.8996,
        0.5152,
        -0.3767,
        -1.0379,
        0.2993,
        -0.2399,
        0.6510,
        -0.6961,
        -0.3864,
        -0.3636,
        0.4157,
        -0.4827,
    ),
    (  # rnd
        -1.3121,
        1.5146,
        -1.8105,
        -0.4041,
        -0.8349,
        0.8114,
        0.8583,
        1.5910,
        0.4782,
        -0.2692,
        -0.3911,
        0.5738,
        -1.1168,
        2.1374,
        -0.5973,
        -0.0406,
        0.1355,
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
