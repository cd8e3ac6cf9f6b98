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
        0.8479,
        -0.6699,
        0.1151,
        0.4187,
        0.3299,
        -0.0066,
        -0.0796,
        -0.3897,
        0.6940,
        0.1747,
        1.6553,
        0.0799,
        0.4922,
        -0.4062,
        -0.3151,
        -0.8738,
    ),
    (  # none
        0.8340,
        -0.6348,
        -0.6127,
        0.3703,
        0.4422,
        0.0033,
        -1.0548,
        -0.5058,
        -0.1416,
        -0.0394,
        -0.9874,
        -1.1837,
        0.8840,
        -0.5806,
        0.0401,
        1.2910,
    ),
    (  # product
        -0.7755,
        0.0948,
        1.5646,
        -0.4609,
        -0.3074,
        -0.3719,
        0.5525,
        -0.2211,
        -0.7997,
        -0.0056,
        -0.3417,
        0.6084,
        -0.5411,
        -0.4250,
        0.2399,
        -0.2845,
    ),
    (  # rnd
        -0.9064,
        1.2099,
        -1.0670,
        -0.3281,
        -0.4647,
        0.3752,
        0.5819,
        1.1167,
        0.2473,
        -0.1297,
        -0.3262,
        0.4953,
        -0.8351,
        1.4118,
        0.0350,
        -0.1326,
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
