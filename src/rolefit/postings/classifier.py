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
        1.3662,
        -0.9489,
        0.2868,
        0.7547,
        0.6264,
        0.1827,
        -0.0819,
        -0.5326,
        0.6807,
        -0.0326,
        2.2844,
        0.1401,
        0.5976,
        -0.5859,
        -0.6041,
        -0.9860,
    ),
    (  # none
        1.1522,
        -1.1111,
        -0.8446,
        0.3784,
        0.7338,
        -0.0791,
        -1.4891,
        -0.7727,
        -0.0841,
        0.0374,
        -1.5545,
        -1.8387,
        1.1169,
        -0.9342,
        0.2156,
        1.9489,
    ),
    (  # product
        -1.0839,
        0.5565,
        2.3329,
        -0.6191,
        -0.5734,
        -0.8835,
        0.5994,
        -0.3355,
        -1.0235,
        0.2553,
        -0.3186,
        0.7606,
        -0.6522,
        -0.4862,
        0.2821,
        -0.6015,
    ),
    (  # rnd
        -1.4345,
        1.5035,
        -1.7751,
        -0.5140,
        -0.7868,
        0.7799,
        0.9716,
        1.6408,
        0.4269,
        -0.2600,
        -0.4113,
        0.9380,
        -1.0623,
        2.0062,
        0.1063,
        -0.3613,
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
