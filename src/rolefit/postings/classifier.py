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
        1.3606,
        -0.9688,
        0.2720,
        0.7399,
        0.6640,
        0.1761,
        -0.0479,
        -0.5329,
        0.6707,
        -0.0311,
        2.2761,
        0.1212,
        0.5800,
        -0.5887,
        -0.6480,
        -0.9148,
    ),
    (  # none
        1.0923,
        -1.1343,
        -0.8327,
        0.3581,
        0.6656,
        0.1360,
        -1.6876,
        -0.7991,
        -0.0798,
        0.0251,
        -1.5469,
        -1.8167,
        1.1067,
        -0.9451,
        0.2694,
        1.9954,
    ),
    (  # product
        -1.0856,
        0.5527,
        2.2871,
        -0.6343,
        -0.5556,
        -0.9023,
        0.6683,
        -0.3601,
        -1.0215,
        0.2612,
        -0.2986,
        0.7747,
        -0.6326,
        -0.4796,
        0.2969,
        -0.6334,
    ),
    (  # rnd
        -1.3672,
        1.5505,
        -1.7264,
        -0.4637,
        -0.7740,
        0.5903,
        1.0671,
        1.6921,
        0.4306,
        -0.2552,
        -0.4306,
        0.9207,
        -1.0540,
        2.0134,
        0.0816,
        -0.4473,
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
