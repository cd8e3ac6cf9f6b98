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
        0.8700,
        -0.7707,
        0.1732,
        0.4814,
        0.3827,
        0.0296,
        0.0204,
        -0.3019,
        0.6020,
        0.1751,
        1.4487,
        -0.0666,
        0.0000,
        0.0189,
        -0.2546,
        0.0147,
        0.2686,
        -0.3787,
        -0.4640,
        0.7142,
        -0.7729,
    ),
    (  # none
        0.3171,
        -0.3587,
        -0.2838,
        0.1017,
        0.1636,
        0.0017,
        -0.7752,
        -0.3739,
        0.0367,
        0.0702,
        -0.5970,
        0.4309,
        0.0000,
        0.7589,
        0.7407,
        -0.8775,
        0.8623,
        -0.4046,
        0.3001,
        1.1694,
        0.2444,
    ),
    (  # product
        -0.5440,
        -0.0203,
        1.2821,
        -0.3627,
        -0.1565,
        -0.3614,
        0.2850,
        -0.3683,
        -0.7832,
        -0.0279,
        -0.5298,
        -0.1429,
        0.0000,
        -0.0197,
        -0.3161,
        0.5624,
        -0.3711,
        -0.4614,
        0.1754,
        -1.0370,
        0.2177,
    ),
    (  # rnd
        -0.6431,
        1.1497,
        -1.1714,
        -0.2205,
        -0.3898,
        0.3301,
        0.4698,
        1.0441,
        0.1445,
        -0.2175,
        -0.3219,
        -0.2214,
        0.0000,
        -0.7581,
        -0.1700,
        0.3003,
        -0.7598,
        1.2447,
        -0.0115,
        -0.8466,
        0.3108,
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
