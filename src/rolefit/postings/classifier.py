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
HYBRID = 0.95
#: The L2 penalty's C (larger: weaker penalty), chosen by cross-validation on the development set.
PENALTY_C = 3.0
#: One row per class of CLASSES: a weight per feature (in the order of ``features.NAMES``), intercept last.
WEIGHTS: tuple[tuple[float, ...], ...] = (
    (  # data-person
        1.3705,
        -0.9507,
        0.2789,
        0.7552,
        0.6287,
        0.1827,
        -0.0704,
        -0.5372,
        0.6805,
        -0.0342,
        2.2823,
        0.1384,
        0.5983,
        -0.5849,
        -0.6041,
        -0.9860,
    ),
    (  # none
        1.1527,
        -1.1037,
        -0.8055,
        0.3894,
        0.7427,
        -0.0758,
        -1.5574,
        -0.7438,
        -0.0858,
        0.0391,
        -1.5519,
        -1.8333,
        1.1096,
        -0.9317,
        0.1863,
        1.9693,
    ),
    (  # product
        -1.0852,
        0.5508,
        2.3005,
        -0.6289,
        -0.5845,
        -0.8882,
        0.6558,
        -0.3597,
        -1.0204,
        0.2559,
        -0.3202,
        0.7567,
        -0.6448,
        -0.4836,
        0.3126,
        -0.6257,
    ),
    (  # rnd
        -1.4380,
        1.5037,
        -1.7739,
        -0.5157,
        -0.7869,
        0.7814,
        0.9720,
        1.6407,
        0.4257,
        -0.2607,
        -0.4102,
        0.9382,
        -1.0631,
        2.0001,
        0.1051,
        -0.3575,
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
