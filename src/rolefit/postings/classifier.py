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
HYBRID = 0.75
#: The L2 penalty's C (larger: weaker penalty), chosen by cross-validation on the development set.
PENALTY_C = 3.0
#: One row per class of CLASSES: a weight per feature (in the order of ``features.NAMES``), intercept last.
WEIGHTS: tuple[tuple[float, ...], ...] = (
    (  # data-person
        1.3721,
        -1.0311,
        0.2247,
        0.8359,
        0.3340,
        0.2080,
        -0.1821,
        -0.5316,
        0.5883,
        -0.1566,
        2.4470,
        -0.0875,
        0.4111,
        -0.5346,
        -0.5314,
        -0.5209,
        -0.4840,
    ),
    (  # none
        1.0200,
        -0.8503,
        -0.6198,
        0.0999,
        1.0995,
        -0.1392,
        -1.1710,
        -0.5854,
        -0.1071,
        0.0535,
        -1.8208,
        -1.1478,
        1.3150,
        -1.2752,
        1.5104,
        0.0249,
        0.9762,
    ),
    (  # product
        -1.1568,
        0.4347,
        2.2615,
        -0.6479,
        -0.5842,
        -0.8653,
        0.5429,
        -0.3814,
        -1.1290,
        0.2197,
        -0.1898,
        0.6462,
        -0.6384,
        -0.4058,
        -0.2812,
        0.4112,
        -0.4559,
    ),
    (  # rnd
        -1.2353,
        1.4467,
        -1.8664,
        -0.2879,
        -0.8493,
        0.7964,
        0.8102,
        1.4984,
        0.6478,
        -0.1166,
        -0.4364,
        0.5891,
        -1.0877,
        2.2156,
        -0.6979,
        0.0847,
        -0.0363,
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
