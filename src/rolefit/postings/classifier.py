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
        1.2570,
        -1.1536,
        -0.2499,
        0.4443,
        0.4841,
        -0.0169,
        -0.2542,
        -0.4907,
        0.9258,
        0.1639,
        0.9405,
        -0.0337,
        0.0000,
        0.0683,
        -0.1440,
        -0.0892,
        0.1882,
        -0.5115,
        -0.5198,
        0.2689,
        -0.2725,
    ),
    (  # none
        0.0956,
        -0.1402,
        -0.2359,
        0.1334,
        0.1288,
        -0.0058,
        -0.8101,
        -0.2805,
        -0.2655,
        0.1205,
        -0.0888,
        0.4517,
        0.0000,
        0.7704,
        0.6096,
        -0.9160,
        1.0165,
        -0.5161,
        0.1860,
        1.2549,
        0.2579,
    ),
    (  # product
        -0.8410,
        0.1895,
        1.7343,
        -0.4136,
        -0.1795,
        -0.4418,
        0.7388,
        -0.2506,
        -0.8046,
        0.0259,
        -0.4570,
        -0.1482,
        0.0000,
        -0.0429,
        -0.2564,
        0.5620,
        -0.4447,
        -0.1494,
        0.2242,
        -0.6669,
        -0.1082,
    ),
    (  # rnd
        -0.5116,
        1.1043,
        -1.2486,
        -0.1642,
        -0.4334,
        0.4644,
        0.3255,
        1.0219,
        0.1444,
        -0.3104,
        -0.3947,
        -0.2697,
        0.0000,
        -0.7958,
        -0.2091,
        0.4433,
        -0.7599,
        1.1770,
        0.1096,
        -0.8569,
        0.1228,
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
