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
        0.8606,
        -0.7195,
        0.1376,
        0.4190,
        0.3625,
        0.0043,
        -0.0903,
        -0.4108,
        0.5853,
        0.1412,
        1.6945,
        0.0684,
        0.4352,
        -0.4160,
        -0.3701,
        -0.7576,
    ),
    (  # none
        0.8108,
        -0.6299,
        -0.6292,
        0.3847,
        0.3948,
        0.0920,
        -1.1586,
        -0.5258,
        -0.2947,
        -0.0550,
        -0.9432,
        -1.1823,
        0.8651,
        -0.5888,
        0.0716,
        1.3877,
    ),
    (  # product
        -0.7729,
        0.1098,
        1.5037,
        -0.4619,
        -0.3284,
        -0.3790,
        0.5872,
        -0.2094,
        -0.5473,
        0.0735,
        -0.4423,
        0.6164,
        -0.4760,
        -0.4038,
        0.2283,
        -0.3699,
    ),
    (  # rnd
        -0.8985,
        1.2396,
        -1.0122,
        -0.3419,
        -0.4289,
        0.2826,
        0.6617,
        1.1460,
        0.2568,
        -0.1598,
        -0.3090,
        0.4975,
        -0.8244,
        1.4086,
        0.0703,
        -0.2602,
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
