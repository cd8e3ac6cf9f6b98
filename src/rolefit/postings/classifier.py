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
        1.3721,
        -0.9506,
        0.2780,
        0.7541,
        0.6316,
        0.1814,
        -0.0713,
        -0.5369,
        0.6802,
        -0.0349,
        2.2818,
        0.1411,
        0.5995,
        -0.5846,
        -0.6040,
        -0.9886,
    ),
    (  # none
        1.1421,
        -1.1106,
        -0.7991,
        0.3896,
        0.7394,
        -0.0661,
        -1.5763,
        -0.7686,
        -0.0829,
        0.0412,
        -1.5514,
        -1.8209,
        1.1051,
        -0.9258,
        0.1531,
        2.0014,
    ),
    (  # product
        -1.0835,
        0.5533,
        2.2981,
        -0.6290,
        -0.5833,
        -0.8900,
        0.6594,
        -0.3548,
        -1.0216,
        0.2558,
        -0.3199,
        0.7544,
        -0.6440,
        -0.4841,
        0.3164,
        -0.6288,
    ),
    (  # rnd
        -1.4307,
        1.5079,
        -1.7770,
        -0.5147,
        -0.7877,
        0.7747,
        0.9882,
        1.6603,
        0.4242,
        -0.2621,
        -0.4105,
        0.9254,
        -1.0606,
        1.9945,
        0.1345,
        -0.3839,
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
