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
        1.2559,
        -0.9994,
        -0.2290,
        0.5267,
        0.4801,
        -0.0166,
        -0.2827,
        -0.4351,
        0.8257,
        0.2081,
        1.2467,
        -0.0839,
        0.0000,
        0.0427,
        0.0531,
        -0.0685,
        0.1388,
        -0.5003,
        -0.3778,
        0.3414,
        -0.5371,
    ),
    (  # none
        0.1255,
        -0.2176,
        -0.2492,
        0.0828,
        0.1631,
        0.0226,
        -0.8116,
        -0.3124,
        -0.1879,
        0.1304,
        -0.4252,
        0.4871,
        0.0000,
        0.7846,
        0.5645,
        -0.9011,
        0.9999,
        -0.4720,
        0.2032,
        1.2122,
        0.2938,
    ),
    (  # product
        -0.8935,
        0.0961,
        1.7254,
        -0.4462,
        -0.2221,
        -0.3861,
        0.7666,
        -0.2907,
        -0.7785,
        -0.0420,
        -0.4709,
        -0.1410,
        0.0000,
        -0.0228,
        -0.3667,
        0.5755,
        -0.4022,
        -0.3552,
        0.1436,
        -0.7098,
        0.0455,
    ),
    (  # rnd
        -0.4879,
        1.1209,
        -1.2472,
        -0.1633,
        -0.4211,
        0.3801,
        0.3277,
        1.0382,
        0.1407,
        -0.2964,
        -0.3506,
        -0.2621,
        0.0000,
        -0.8045,
        -0.2508,
        0.3941,
        -0.7365,
        1.3275,
        0.0310,
        -0.8438,
        0.1978,
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
