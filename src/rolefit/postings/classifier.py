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
        1.2373,
        -1.1839,
        -0.2086,
        0.4262,
        0.4899,
        -0.0061,
        -0.2360,
        -0.5155,
        0.8061,
        0.3367,
        0.9669,
        0.0162,
        0.0000,
        0.0742,
        -0.0265,
        -0.1407,
        0.2069,
        -0.4048,
        -0.5473,
        0.2461,
        -0.1737,
    ),
    (  # none
        0.1774,
        -0.0613,
        -0.3159,
        0.1657,
        0.1123,
        -0.0424,
        -0.8737,
        -0.2613,
        -0.1568,
        -0.0349,
        -0.1536,
        0.4239,
        0.0000,
        0.7897,
        0.6125,
        -0.9104,
        1.0335,
        -0.5189,
        0.1913,
        1.3094,
        0.1691,
    ),
    (  # product
        -0.7642,
        0.2431,
        1.7774,
        -0.4226,
        -0.0962,
        -0.4011,
        0.6827,
        -0.2422,
        -0.8236,
        0.0712,
        -0.5447,
        -0.1493,
        0.0000,
        -0.0544,
        -0.2963,
        0.6436,
        -0.4788,
        -0.1442,
        0.1868,
        -0.6980,
        -0.1682,
    ),
    (  # rnd
        -0.6505,
        1.0021,
        -1.2529,
        -0.1694,
        -0.5061,
        0.4496,
        0.4270,
        1.0189,
        0.1743,
        -0.3731,
        -0.2686,
        -0.2908,
        0.0000,
        -0.8094,
        -0.2896,
        0.4075,
        -0.7615,
        1.0679,
        0.1692,
        -0.8574,
        0.1728,
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
