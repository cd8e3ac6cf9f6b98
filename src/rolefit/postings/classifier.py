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
        0.9223,
        -0.7385,
        -0.0900,
        0.4369,
        0.3914,
        0.0215,
        -0.1271,
        -0.2966,
        0.5730,
        0.2076,
        1.4084,
        -0.0764,
        0.0000,
        -0.0070,
        -0.2435,
        0.0327,
        0.2323,
        -0.3873,
        -0.3771,
        0.6756,
        -0.7011,
    ),
    (  # none
        0.2968,
        -0.4136,
        -0.2446,
        0.1002,
        0.1913,
        0.0393,
        -0.8174,
        -0.4084,
        0.0177,
        0.0578,
        -0.6251,
        0.4299,
        0.0000,
        0.7734,
        0.7401,
        -0.8946,
        0.8429,
        -0.4265,
        0.2755,
        1.1612,
        0.3248,
    ),
    (  # product
        -0.6536,
        0.0776,
        1.4374,
        -0.3294,
        -0.2032,
        -0.4027,
        0.5090,
        -0.2848,
        -0.7362,
        -0.0373,
        -0.4102,
        -0.1436,
        0.0000,
        -0.0304,
        -0.3181,
        0.4553,
        -0.3019,
        -0.5132,
        0.0835,
        -0.9700,
        0.1887,
    ),
    (  # rnd
        -0.5654,
        1.0744,
        -1.1027,
        -0.2077,
        -0.3795,
        0.3418,
        0.4355,
        0.9898,
        0.1455,
        -0.2281,
        -0.3731,
        -0.2099,
        0.0000,
        -0.7360,
        -0.1785,
        0.4066,
        -0.7732,
        1.3270,
        0.0181,
        -0.8667,
        0.1876,
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
