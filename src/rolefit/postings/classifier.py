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
HYBRID = 0.6
#: The L2 penalty's C (larger: weaker penalty), chosen by cross-validation on the development set.
PENALTY_C = 3.0
#: One row per class of CLASSES: a weight per feature (in the order of ``features.NAMES``), intercept last.
WEIGHTS: tuple[tuple[float, ...], ...] = (
    (  # data-person
        1.9360,
        -2.1550,
        -0.5311,
        0.4884,
        0.6921,
        -0.0487,
        0.0371,
        -0.7116,
        0.9017,
        0.5469,
        0.9797,
        -0.0387,
        0.0000,
        -0.0500,
        -0.1087,
        -0.1880,
        0.1741,
        -0.4577,
        -0.8907,
        0.4798,
        0.1437,
    ),
    (  # none
        0.1433,
        0.3287,
        -0.0234,
        0.3260,
        0.2438,
        -0.0717,
        -1.6059,
        -0.3915,
        -0.1289,
        -0.2025,
        -0.0237,
        0.7878,
        0.0000,
        1.1231,
        0.8744,
        -1.4204,
        1.4211,
        -0.8025,
        0.1856,
        1.7944,
        0.3637,
    ),
    (  # product
        -0.9455,
        0.9941,
        2.5613,
        -0.4508,
        -0.0074,
        -0.8685,
        0.5869,
        -0.4715,
        -0.9968,
        0.3279,
        -0.8042,
        -0.2894,
        0.0000,
        0.1757,
        -0.3793,
        0.8562,
        -0.5949,
        -0.0588,
        0.3018,
        -1.1524,
        -0.6143,
    ),
    (  # rnd
        -1.1338,
        0.8322,
        -2.0068,
        -0.3636,
        -0.9285,
        0.9888,
        0.9819,
        1.5746,
        0.2241,
        -0.6724,
        -0.1518,
        -0.4597,
        0.0000,
        -1.2487,
        -0.3864,
        0.7522,
        -1.0002,
        1.3190,
        0.4033,
        -1.1219,
        0.1069,
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
