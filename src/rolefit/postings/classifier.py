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
        0.8456,
        -0.6978,
        0.0896,
        0.4391,
        0.2285,
        0.0002,
        -0.1340,
        -0.3952,
        0.6300,
        0.1179,
        1.7010,
        0.0424,
        0.4173,
        -0.3981,
        -0.0934,
        -0.2747,
        -0.6882,
    ),
    (  # none
        0.7493,
        -0.5134,
        -0.4488,
        0.2300,
        0.6207,
        -0.0363,
        -0.9115,
        -0.4338,
        -0.1758,
        -0.0140,
        -1.1021,
        -0.7996,
        1.0066,
        -0.7293,
        0.9547,
        -0.0440,
        0.7358,
    ),
    (  # product
        -0.7746,
        0.0448,
        1.5031,
        -0.4422,
        -0.3561,
        -0.3600,
        0.5467,
        -0.2290,
        -0.8348,
        -0.0222,
        -0.2695,
        0.4325,
        -0.5519,
        -0.3696,
        -0.4585,
        0.2585,
        -0.0938,
    ),
    (  # rnd
        -0.8203,
        1.1664,
        -1.1438,
        -0.2269,
        -0.4930,
        0.3961,
        0.4988,
        1.0580,
        0.3806,
        -0.0817,
        -0.3294,
        0.3247,
        -0.8721,
        1.4971,
        -0.4027,
        0.0603,
        0.0462,
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
