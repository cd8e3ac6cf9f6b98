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
        0.8715,
        -0.7170,
        0.0810,
        0.4699,
        0.2216,
        0.0035,
        -0.1232,
        -0.3907,
        0.6110,
        0.1411,
        1.7078,
        0.0408,
        0.4257,
        -0.3913,
        -0.0955,
        -0.2656,
        -0.7136,
    ),
    (  # none
        0.7470,
        -0.5191,
        -0.4494,
        0.2258,
        0.6319,
        -0.0338,
        -0.8977,
        -0.4260,
        -0.1847,
        -0.0282,
        -1.0944,
        -0.8032,
        1.0152,
        -0.7305,
        0.9657,
        -0.0550,
        0.7355,
    ),
    (  # product
        -0.7709,
        0.0629,
        1.5009,
        -0.4429,
        -0.3646,
        -0.3636,
        0.5137,
        -0.2408,
        -0.8162,
        -0.0035,
        -0.2815,
        0.4379,
        -0.5563,
        -0.3705,
        -0.4680,
        0.2699,
        -0.0831,
    ),
    (  # rnd
        -0.8476,
        1.1731,
        -1.1326,
        -0.2528,
        -0.4889,
        0.3939,
        0.5072,
        1.0574,
        0.3898,
        -0.1094,
        -0.3318,
        0.3244,
        -0.8846,
        1.4923,
        -0.4022,
        0.0507,
        0.0613,
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
