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
        0.8468,
        -0.6956,
        0.0857,
        0.4389,
        0.2286,
        0.0005,
        -0.1372,
        -0.3944,
        0.6286,
        0.1194,
        1.7018,
        0.0434,
        0.4189,
        -0.3980,
        -0.0942,
        -0.2755,
        -0.6869,
    ),
    (  # none
        0.7504,
        -0.5130,
        -0.4506,
        0.2312,
        0.6200,
        -0.0358,
        -0.9113,
        -0.4331,
        -0.1779,
        -0.0139,
        -1.1013,
        -0.7994,
        1.0089,
        -0.7271,
        0.9546,
        -0.0417,
        0.7333,
    ),
    (  # product
        -0.7731,
        0.0423,
        1.5018,
        -0.4425,
        -0.3562,
        -0.3581,
        0.5412,
        -0.2317,
        -0.8340,
        -0.0205,
        -0.2700,
        0.4349,
        -0.5527,
        -0.3710,
        -0.4626,
        0.2608,
        -0.0925,
    ),
    (  # rnd
        -0.8240,
        1.1663,
        -1.1368,
        -0.2276,
        -0.4925,
        0.3934,
        0.5073,
        1.0592,
        0.3833,
        -0.0850,
        -0.3304,
        0.3210,
        -0.8751,
        1.4961,
        -0.3978,
        0.0563,
        0.0460,
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
