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
        0.8505,
        -0.7044,
        0.0940,
        0.4397,
        0.2367,
        -0.0008,
        -0.1376,
        -0.3969,
        0.6309,
        0.1172,
        1.7007,
        0.0420,
        0.4177,
        -0.3968,
        -0.0932,
        -0.2690,
        -0.6942,
    ),
    (  # none
        0.7503,
        -0.5137,
        -0.4507,
        0.2277,
        0.6275,
        -0.0362,
        -0.9137,
        -0.4324,
        -0.1755,
        -0.0140,
        -1.1014,
        -0.8005,
        1.0094,
        -0.7291,
        0.9551,
        -0.0432,
        0.7358,
    ),
    (  # product
        -0.7784,
        0.0500,
        1.5009,
        -0.4395,
        -0.3691,
        -0.3606,
        0.5477,
        -0.2288,
        -0.8346,
        -0.0216,
        -0.2700,
        0.4332,
        -0.5504,
        -0.3701,
        -0.4586,
        0.2535,
        -0.0893,
    ),
    (  # rnd
        -0.8224,
        1.1681,
        -1.1441,
        -0.2279,
        -0.4951,
        0.3976,
        0.5036,
        1.0581,
        0.3793,
        -0.0816,
        -0.3293,
        0.3253,
        -0.8767,
        1.4959,
        -0.4032,
        0.0587,
        0.0477,
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
