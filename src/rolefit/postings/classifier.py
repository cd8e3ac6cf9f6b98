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
        0.9587,
        -0.8246,
        0.1260,
        0.4935,
        0.4595,
        0.0387,
        -0.2027,
        -0.4030,
        0.5237,
        0.1302,
        1.5736,
        -0.1348,
        0.0000,
        -0.0340,
        -0.3434,
        0.0788,
        0.4560,
        -0.3966,
        -0.4117,
        0.1353,
        -0.6059,
    ),
    (  # none
        0.2860,
        -0.3237,
        -0.2970,
        0.1438,
        0.0994,
        0.0354,
        -0.5829,
        -0.2913,
        -0.0836,
        0.0451,
        -0.9055,
        0.5045,
        0.0000,
        0.7758,
        0.8482,
        -0.8878,
        0.6115,
        -0.4079,
        0.3416,
        1.4900,
        0.1618,
    ),
    (  # product
        -0.5583,
        -0.0182,
        1.3129,
        -0.3823,
        -0.1708,
        -0.3845,
        0.2788,
        -0.3716,
        -0.6729,
        0.0091,
        -0.4352,
        -0.1475,
        0.0000,
        -0.0004,
        -0.3265,
        0.5347,
        -0.3245,
        -0.4440,
        0.1140,
        -1.0580,
        0.1943,
    ),
    (  # rnd
        -0.6865,
        1.1665,
        -1.1419,
        -0.2549,
        -0.3881,
        0.3104,
        0.5068,
        1.0659,
        0.2328,
        -0.1844,
        -0.2328,
        -0.2222,
        0.0000,
        -0.7415,
        -0.1783,
        0.2743,
        -0.7429,
        1.2485,
        -0.0439,
        -0.5673,
        0.2498,
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
