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
        0.8641,
        -0.6686,
        0.0940,
        0.4559,
        0.2868,
        0.0026,
        -0.0747,
        -0.3834,
        0.7127,
        0.1818,
        1.6606,
        0.0396,
        0.4646,
        -0.3928,
        -0.0896,
        -0.3242,
        -0.8009,
    ),
    (  # none
        0.7376,
        -0.6327,
        -0.4824,
        0.2502,
        0.5168,
        -0.0319,
        -0.9959,
        -0.5124,
        -0.2222,
        -0.0540,
        -1.0636,
        -0.7714,
        0.9982,
        -0.6814,
        0.9406,
        0.0955,
        0.6793,
    ),
    (  # product
        -0.7285,
        0.0986,
        1.5111,
        -0.4121,
        -0.3280,
        -0.3599,
        0.5176,
        -0.2232,
        -0.7678,
        -0.0032,
        -0.2922,
        0.4452,
        -0.5830,
        -0.3739,
        -0.5013,
        0.2150,
        -0.0395,
    ),
    (  # rnd
        -0.8732,
        1.2027,
        -1.1227,
        -0.2940,
        -0.4757,
        0.3892,
        0.5530,
        1.1190,
        0.2773,
        -0.1246,
        -0.3049,
        0.2866,
        -0.8798,
        1.4482,
        -0.3497,
        0.0137,
        0.1611,
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
