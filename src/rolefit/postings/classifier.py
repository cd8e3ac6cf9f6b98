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
HYBRID = 0.8
#: The L2 penalty's C (larger: weaker penalty), chosen by cross-validation on the development set.
PENALTY_C = 3.0
#: One row per class of CLASSES: a weight per feature (in the order of ``features.NAMES``), intercept last.
WEIGHTS: tuple[tuple[float, ...], ...] = (
    (  # data-person
        1.3980,
        -0.9622,
        0.1925,
        0.8588,
        0.4601,
        0.2369,
        -0.0309,
        -0.5165,
        0.7340,
        -0.0073,
        2.3632,
        -0.0971,
        0.4914,
        -0.5386,
        -0.5386,
        -0.6362,
        -0.6277,
    ),
    (  # none
        0.9377,
        -1.0493,
        -0.6829,
        0.0970,
        0.9105,
        -0.1475,
        -1.3374,
        -0.6963,
        -0.1737,
        -0.0227,
        -1.7325,
        -1.1286,
        1.3232,
        -1.2092,
        1.5003,
        0.2556,
        0.9663,
    ),
    (  # product
        -1.0023,
        0.5182,
        2.3244,
        -0.5431,
        -0.5353,
        -0.8895,
        0.5169,
        -0.3765,
        -1.0394,
        0.2990,
        -0.2400,
        0.6520,
        -0.6974,
        -0.3883,
        -0.3634,
        0.4112,
        -0.4991,
    ),
    (  # rnd
        -1.3335,
        1.4933,
        -1.8339,
        -0.4127,
        -0.8353,
        0.8000,
        0.8513,
        1.5892,
        0.4791,
        -0.2690,
        -0.3907,
        0.5737,
        -1.1172,
        2.1360,
        -0.5982,
        -0.0306,
        0.1605,
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
