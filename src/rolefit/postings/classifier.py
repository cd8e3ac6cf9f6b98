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
        0.9221,
        -0.7395,
        -0.0909,
        0.4363,
        0.3910,
        0.0214,
        -0.1279,
        -0.2970,
        0.5727,
        0.2074,
        1.4084,
        -0.0765,
        0.0000,
        -0.0071,
        -0.2435,
        0.0328,
        0.2319,
        -0.3873,
        -0.3761,
        0.6750,
        -0.7000,
    ),
    (  # none
        0.2967,
        -0.4147,
        -0.2457,
        0.0995,
        0.1910,
        0.0391,
        -0.8186,
        -0.4089,
        0.0172,
        0.0577,
        -0.6252,
        0.4298,
        0.0000,
        0.7732,
        0.7401,
        -0.8942,
        0.8421,
        -0.4265,
        0.2768,
        1.1604,
        0.3261,
    ),
    (  # product
        -0.6528,
        0.0838,
        1.4438,
        -0.3259,
        -0.2012,
        -0.4019,
        0.5142,
        -0.2830,
        -0.7349,
        -0.0367,
        -0.4099,
        -0.1433,
        0.0000,
        -0.0298,
        -0.3179,
        0.4547,
        -0.3004,
        -0.5132,
        0.0781,
        -0.9678,
        0.1825,
    ),
    (  # rnd
        -0.5660,
        1.0703,
        -1.1072,
        -0.2100,
        -0.3808,
        0.3414,
        0.4323,
        0.9889,
        0.1450,
        -0.2284,
        -0.3733,
        -0.2100,
        0.0000,
        -0.7363,
        -0.1786,
        0.4068,
        -0.7736,
        1.3270,
        0.0213,
        -0.8676,
        0.1914,
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
