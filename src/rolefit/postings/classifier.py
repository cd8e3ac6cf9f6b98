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
        0.8700,
        -0.7088,
        0.0806,
        0.4635,
        0.2274,
        0.0026,
        -0.1330,
        -0.3931,
        0.6121,
        0.1404,
        1.7097,
        0.0404,
        0.4250,
        -0.3918,
        -0.0953,
        -0.2628,
        -0.7133,
    ),
    (  # none
        0.7461,
        -0.5115,
        -0.4512,
        0.2240,
        0.6295,
        -0.0355,
        -0.9114,
        -0.4309,
        -0.1864,
        -0.0286,
        -1.0934,
        -0.8024,
        1.0147,
        -0.7300,
        0.9623,
        -0.0493,
        0.7397,
    ),
    (  # product
        -0.7676,
        0.0473,
        1.5003,
        -0.4331,
        -0.3709,
        -0.3634,
        0.5402,
        -0.2325,
        -0.8135,
        -0.0016,
        -0.2846,
        0.4353,
        -0.5605,
        -0.3678,
        -0.4664,
        0.2597,
        -0.0881,
    ),
    (  # rnd
        -0.8486,
        1.1729,
        -1.1297,
        -0.2545,
        -0.4859,
        0.3963,
        0.5041,
        1.0566,
        0.3878,
        -0.1102,
        -0.3317,
        0.3266,
        -0.8793,
        1.4897,
        -0.4006,
        0.0525,
        0.0616,
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
