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
        0.9225,
        -0.7388,
        -0.0921,
        0.4365,
        0.3913,
        0.0214,
        -0.1290,
        -0.2967,
        0.5721,
        0.2078,
        1.4088,
        -0.0764,
        0.0000,
        -0.0072,
        -0.2436,
        0.0328,
        0.2322,
        -0.3868,
        -0.3770,
        0.6750,
        -0.6991,
    ),
    (  # none
        0.2971,
        -0.4140,
        -0.2468,
        0.0997,
        0.1912,
        0.0393,
        -0.8194,
        -0.4087,
        0.0169,
        0.0580,
        -0.6250,
        0.4299,
        0.0000,
        0.7731,
        0.7401,
        -0.8942,
        0.8424,
        -0.4265,
        0.2761,
        1.1604,
        0.3267,
    ),
    (  # product
        -0.6511,
        0.0827,
        1.4435,
        -0.3257,
        -0.2000,
        -0.4040,
        0.5123,
        -0.2829,
        -0.7391,
        -0.0355,
        -0.4088,
        -0.1429,
        0.0000,
        -0.0295,
        -0.3177,
        0.4544,
        -0.3001,
        -0.5124,
        0.0746,
        -0.9684,
        0.1864,
    ),
    (  # rnd
        -0.5685,
        1.0701,
        -1.1047,
        -0.2105,
        -0.3824,
        0.3433,
        0.4361,
        0.9883,
        0.1501,
        -0.2303,
        -0.3750,
        -0.2106,
        0.0000,
        -0.7364,
        -0.1788,
        0.4071,
        -0.7745,
        1.3257,
        0.0262,
        -0.8671,
        0.1861,
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
