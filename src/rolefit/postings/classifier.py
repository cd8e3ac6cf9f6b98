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
        0.8730,
        -0.6811,
        0.1051,
        0.4728,
        0.2517,
        0.0062,
        -0.0934,
        -0.3892,
        0.6054,
        0.1429,
        1.7070,
        0.0407,
        0.4252,
        -0.3940,
        -0.0963,
        -0.3038,
        -0.7199,
    ),
    (  # none
        0.7147,
        -0.5924,
        -0.4950,
        0.2033,
        0.5650,
        -0.0387,
        -0.9715,
        -0.4422,
        -0.1875,
        -0.0213,
        -1.0847,
        -0.7913,
        1.0102,
        -0.7248,
        0.9566,
        0.0560,
        0.7368,
    ),
    (  # product
        -0.7531,
        0.0845,
        1.5146,
        -0.4393,
        -0.3367,
        -0.3624,
        0.5395,
        -0.2400,
        -0.8149,
        -0.0051,
        -0.2832,
        0.4391,
        -0.5512,
        -0.3703,
        -0.4661,
        0.2354,
        -0.0925,
    ),
    (  # rnd
        -0.8346,
        1.1890,
        -1.1248,
        -0.2368,
        -0.4800,
        0.3949,
        0.5255,
        1.0715,
        0.3970,
        -0.1166,
        -0.3391,
        0.3114,
        -0.8843,
        1.4890,
        -0.3942,
        0.0124,
        0.0756,
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
