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
        0.9013,
        -0.7527,
        -0.0971,
        0.4206,
        0.3920,
        0.0521,
        -0.1368,
        -0.3026,
        0.5739,
        0.2088,
        1.4099,
        -0.0748,
        0.0000,
        -0.0070,
        -0.2412,
        0.0375,
        0.2296,
        -0.3875,
        -0.4010,
        0.6721,
        -0.6604,
    ),
    (  # none
        0.3397,
        -0.3872,
        -0.2368,
        0.1297,
        0.1918,
        -0.0207,
        -0.8041,
        -0.3974,
        0.0157,
        0.0570,
        -0.6270,
        0.4291,
        0.0000,
        0.7662,
        0.7379,
        -0.8969,
        0.8465,
        -0.4232,
        0.3186,
        1.1596,
        0.2464,
    ),
    (  # product
        -0.6612,
        0.0768,
        1.4412,
        -0.3323,
        -0.2010,
        -0.3907,
        0.5089,
        -0.2855,
        -0.7390,
        -0.0356,
        -0.4081,
        -0.1433,
        0.0000,
        -0.0271,
        -0.3178,
        0.4531,
        -0.3009,
        -0.5133,
        0.0661,
        -0.9673,
        0.2058,
    ),
    (  # rnd
        -0.5799,
        1.0631,
        -1.1073,
        -0.2179,
        -0.3829,
        0.3594,
        0.4320,
        0.9854,
        0.1494,
        -0.2303,
        -0.3748,
        -0.2111,
        0.0000,
        -0.7321,
        -0.1789,
        0.4063,
        -0.7752,
        1.3240,
        0.0162,
        -0.8644,
        0.2081,
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
