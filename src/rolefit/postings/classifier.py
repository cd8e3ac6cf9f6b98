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
        0.9200,
        -0.7577,
        -0.1116,
        0.4433,
        0.3848,
        0.0551,
        -0.1330,
        -0.2969,
        0.5794,
        0.1963,
        1.4108,
        -0.0764,
        0.0000,
        -0.0134,
        -0.2439,
        0.0490,
        0.2390,
        -0.3823,
        -0.3747,
        0.6631,
        -0.6993,
    ),
    (  # none
        0.3239,
        -0.3719,
        -0.2491,
        0.1084,
        0.2089,
        -0.0187,
        -0.7882,
        -0.3823,
        0.0242,
        0.0716,
        -0.6212,
        0.4337,
        0.0000,
        0.7811,
        0.7403,
        -0.8859,
        0.8497,
        -0.4084,
        0.3232,
        1.1719,
        0.2276,
    ),
    (  # product
        -0.6345,
        -0.0355,
        1.4723,
        -0.3232,
        -0.1949,
        -0.3731,
        0.4577,
        -0.3562,
        -0.7441,
        -0.0444,
        -0.4253,
        -0.1366,
        0.0000,
        -0.0049,
        -0.3206,
        0.5377,
        -0.3272,
        -0.4692,
        0.0507,
        -0.9874,
        0.2009,
    ),
    (  # rnd
        -0.6094,
        1.1651,
        -1.1115,
        -0.2285,
        -0.3989,
        0.3367,
        0.4635,
        1.0353,
        0.1406,
        -0.2235,
        -0.3642,
        -0.2207,
        0.0000,
        -0.7629,
        -0.1758,
        0.2992,
        -0.7615,
        1.2598,
        0.0008,
        -0.8477,
        0.2707,
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
