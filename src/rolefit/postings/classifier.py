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
        1.3291,
        -1.0082,
        0.3492,
        0.6939,
        0.7624,
        0.1887,
        0.0799,
        -0.5149,
        0.7082,
        0.1148,
        2.2954,
        -0.3125,
        0.0000,
        -0.2639,
        -0.6259,
        -0.0872,
        0.4748,
        -0.6265,
        -0.5064,
        0.9344,
        -0.9403,
    ),
    (  # none
        0.1560,
        -0.6377,
        -0.2596,
        0.0256,
        0.0519,
        0.0051,
        -1.0321,
        -0.4997,
        -0.1618,
        0.0790,
        -1.5442,
        0.9392,
        0.0000,
        1.3634,
        1.3471,
        -1.3737,
        0.9403,
        -0.5820,
        0.4520,
        1.7781,
        0.6951,
    ),
    (  # product
        -0.5416,
        0.2809,
        1.8212,
        -0.4221,
        -0.2204,
        -0.8747,
        0.0859,
        -0.5807,
        -0.8681,
        0.1719,
        -0.5556,
        -0.2575,
        0.0000,
        0.1952,
        -0.5576,
        0.8768,
        -0.4129,
        -0.4754,
        -0.0535,
        -1.7037,
        0.1411,
    ),
    (  # rnd
        -0.9436,
        1.3650,
        -1.9108,
        -0.2974,
        -0.5939,
        0.6808,
        0.8663,
        1.5952,
        0.3218,
        -0.3657,
        -0.1956,
        -0.3691,
        0.0000,
        -1.2946,
        -0.1636,
        0.5841,
        -1.0022,
        1.6839,
        0.1078,
        -1.0089,
        0.1042,
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
