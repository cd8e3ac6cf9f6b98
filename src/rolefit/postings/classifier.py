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
PENALTY_C = 3.0
#: One row per class of CLASSES: a weight per feature (in the order of ``features.NAMES``), intercept last.
WEIGHTS: tuple[tuple[float, ...], ...] = (
    (  # data-person
        1.3451,
        -1.0507,
        0.4436,
        0.6671,
        0.7935,
        0.2037,
        -0.0071,
        -0.4922,
        0.7369,
        0.0570,
        2.2593,
        -0.3257,
        0.0000,
        -0.3195,
        -0.6099,
        -0.1159,
        0.4834,
        -0.6152,
        -0.4619,
        0.9184,
        -0.9618,
    ),
    (  # none
        0.1088,
        -0.5440,
        -0.3069,
        0.0460,
        0.0228,
        -0.0058,
        -0.9351,
        -0.4626,
        -0.1783,
        0.1248,
        -1.5307,
        0.9543,
        0.0000,
        1.3287,
        1.3929,
        -1.3776,
        0.9648,
        -0.5940,
        0.4924,
        1.8118,
        0.6191,
    ),
    (  # product
        -0.4876,
        0.2600,
        1.7950,
        -0.4104,
        -0.2119,
        -0.8798,
        0.1438,
        -0.6498,
        -0.8760,
        0.1796,
        -0.5433,
        -0.2552,
        0.0000,
        0.2458,
        -0.5693,
        0.9001,
        -0.4318,
        -0.4711,
        -0.1393,
        -1.7146,
        0.1816,
    ),
    (  # rnd
        -0.9664,
        1.3348,
        -1.9317,
        -0.3027,
        -0.6044,
        0.6818,
        0.7984,
        1.6046,
        0.3175,
        -0.3614,
        -0.1852,
        -0.3734,
        0.0000,
        -1.2550,
        -0.2137,
        0.5933,
        -1.0164,
        1.6803,
        0.1087,
        -1.0156,
        0.1611,
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
