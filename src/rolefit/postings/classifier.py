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
        0.8775,
        -0.7681,
        0.1672,
        0.4882,
        0.3816,
        0.0311,
        0.0094,
        -0.3024,
        0.5955,
        0.1702,
        1.4551,
        -0.0666,
        0.0000,
        0.0158,
        -0.2544,
        0.0148,
        0.2733,
        -0.3739,
        -0.4500,
        0.7116,
        -0.7896,
    ),
    (  # none
        0.3095,
        -0.3525,
        -0.2851,
        0.0971,
        0.1609,
        0.0060,
        -0.7640,
        -0.3663,
        0.0320,
        0.0663,
        -0.5912,
        0.4339,
        0.0000,
        0.7625,
        0.7447,
        -0.8849,
        0.8666,
        -0.4015,
        0.2935,
        1.1766,
        0.2467,
    ),
    (  # product
        -0.5328,
        -0.0235,
        1.2815,
        -0.3520,
        -0.1679,
        -0.3625,
        0.2734,
        -0.3755,
        -0.7681,
        -0.0220,
        -0.5416,
        -0.1456,
        0.0000,
        -0.0224,
        -0.3197,
        0.5662,
        -0.3769,
        -0.4552,
        0.1686,
        -1.0397,
        0.2260,
    ),
    (  # rnd
        -0.6542,
        1.1441,
        -1.1637,
        -0.2332,
        -0.3745,
        0.3255,
        0.4812,
        1.0442,
        0.1406,
        -0.2144,
        -0.3223,
        -0.2217,
        0.0000,
        -0.7558,
        -0.1706,
        0.3039,
        -0.7630,
        1.2306,
        -0.0120,
        -0.8484,
        0.3169,
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
