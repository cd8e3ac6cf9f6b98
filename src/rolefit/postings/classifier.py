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
        0.9186,
        -0.7366,
        -0.0861,
        0.4339,
        0.3930,
        0.0213,
        -0.1250,
        -0.2965,
        0.5726,
        0.2058,
        1.4118,
        -0.0756,
        0.0000,
        -0.0048,
        -0.2428,
        0.0353,
        0.2328,
        -0.3938,
        -0.3777,
        0.6777,
        -0.7069,
    ),
    (  # none
        0.2915,
        -0.4110,
        -0.2392,
        0.0960,
        0.1921,
        0.0383,
        -0.8156,
        -0.4086,
        0.0155,
        0.0541,
        -0.6227,
        0.4315,
        0.0000,
        0.7766,
        0.7409,
        -0.8949,
        0.8443,
        -0.4342,
        0.2732,
        1.1627,
        0.3245,
    ),
    (  # product
        -0.6604,
        0.0936,
        1.4383,
        -0.3316,
        -0.2020,
        -0.4050,
        0.5200,
        -0.2730,
        -0.7361,
        -0.0382,
        -0.4076,
        -0.1442,
        0.0000,
        -0.0322,
        -0.3174,
        0.4469,
        -0.3003,
        -0.5166,
        0.0904,
        -0.9671,
        0.1809,
    ),
    (  # rnd
        -0.5497,
        1.0541,
        -1.1129,
        -0.1983,
        -0.3831,
        0.3454,
        0.4206,
        0.9781,
        0.1480,
        -0.2217,
        -0.3815,
        -0.2117,
        0.0000,
        -0.7397,
        -0.1807,
        0.4127,
        -0.7767,
        1.3446,
        0.0140,
        -0.8733,
        0.2015,
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
