"""The quick form's estimate: the chance that the open questions change the leader.

For each pair (leader, rival), a ridge fit (:func:`pair_model`) of the person's answers so far on
the question's kind and how far it moves each of the two roles predicts the open answers; their
scatter about it is pooled with three pseudo-answers spread around the middle (so that two answers
are not trusted too much), the fit's own uncertainty (shared by every open answer) is counted too,
and a normal approximation to the rival's final difference gives its chance, summed over the
closest rivals (:func:`chance_of_change`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rolefit.model.answers import DEFAULT_LEVEL

if TYPE_CHECKING:
    from rolefit.scoring.settle import Race

#: What the quick form assumes before it has seen answers: three pseudo-answers spread around the middle.
PRIOR = (0.5, 2.0, 3.5)


def moments(values: Sequence[int | str]) -> tuple[float, float]:
    """Mean and variance of answers like ``values``, with the pseudo-answers of :data:`PRIOR`."""
    numbers = [float(v) for v in values] + list(PRIOR)
    mean = sum(numbers) / len(numbers)
    return mean, sum((x - mean) ** 2 for x in numbers) / len(numbers)


@dataclass(frozen=True)
class Fit:
    """A fitted answer model: coefficients, the answers' scatter about it, and the normal matrix."""

    beta: list[float]
    variance: float
    scatter: list[list[float]]


#: How many pseudo-answers' weight the quick form's fit gives its prior on each coefficient.
RIDGE = 2.0


def solve(matrix: list[list[float]], rhs: Sequence[float]) -> list[float]:
    """``matrix^-1 rhs`` for a small symmetric positive-definite matrix (Gaussian elimination)."""
    n = len(rhs)
    m = [[*row, rhs[i]] for i, row in enumerate(matrix)]
    for c in range(n):
        pivot = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[pivot] = m[pivot], m[c]
        for r in range(n):
            if r != c and m[r][c]:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] for i in range(n)]


def features(race: Race, qid: str, lead: int, rival: int) -> tuple[float, float, float, float]:
    """A task question's features for the pair's answer model: its kind (skill, interest) and how
    far an answer step moves each of the two roles, out of the most any question moves that role
    (0 when the role does not involve the task)."""
    q = race._q[qid]
    skill = 1.0 if q.kind == "skill" else 0.0
    coef = q.roles
    return (skill, 1.0 - skill, coef.get(lead, 0.0) / race._peak[lead], coef.get(rival, 0.0) / race._peak[rival])


def answered_by_kind(race: Race) -> tuple[list[float], list[float], float]:
    """Over the task questions answered: how many of each kind, their answers' sum by kind, and
    the sum of the squared answers (what every pair's fit shares)."""
    count, total, squares = [0.0, 0.0], [0.0, 0.0], 0.0
    for qid, value in race.given.items():
        kind = race._q[qid].kind
        if kind == "context":
            continue
        k = 0 if kind == "skill" else 1
        y = float(value)
        count[k] += 1.0
        total[k] += y
        squares += y * y
    return count, total, squares


def pair_model(race: Race, lead: int, rival: int, shared: tuple[list[float], list[float], float] | None = None) -> Fit:
    """The quick form's model of this person's answers, for one pair: a linear fit of the answers
    so far on the question's features (:func:`features`), a ridge fit whose prior, worth
    :data:`RIDGE` answers per coefficient, is :data:`PRIOR`'s mean for each kind and no lean to
    either role; the answers' scatter about it is pooled with the pseudo-answers of :data:`PRIOR`.
    Only the answered questions of the two roles are walked (``shared`` has the rest)."""
    count, total, squares = shared if shared is not None else answered_by_kind(race)
    prior_mean, prior_var = moments(())
    prior = (prior_mean, prior_mean, 0.0, 0.0)
    scatter = [[RIDGE if i == j else 0.0 for j in range(4)] for i in range(4)]
    scatter[0][0] += count[0]
    scatter[1][1] += count[1]
    data = [total[0], total[1], 0.0, 0.0]
    for qid in race.pair_questions(lead, rival, race.given):
        x = features(race, qid, lead, rival)
        y = float(race.given[qid])
        for i in range(4):
            for j in range(2, 4):
                scatter[i][j] += x[i] * x[j]
                if i < 2:
                    scatter[j][i] += x[i] * x[j]
        data[2] += x[2] * y
        data[3] += x[3] * y
    beta = solve(scatter, [data[i] + RIDGE * prior[i] for i in range(4)])
    # The answers' scatter about the fit, from the sums: sum (y - x.beta)^2.
    residual = squares - 2 * sum(b * m for b, m in zip(beta, data, strict=True))
    for i in range(4):
        residual += beta[i] * sum((scatter[i][j] - (RIDGE if i == j else 0.0)) * beta[j] for j in range(4))
    n0 = len(PRIOR)
    return Fit(beta, (max(0.0, residual) + n0 * prior_var) / (count[0] + count[1] + n0), scatter)


def chance_of_change(race: Race) -> float:
    from rolefit.scoring.settle import QUICK_RIVALS, TOLERANCE

    """The chance that the open questions change the leader, if answered as the person's answers
    so far predict (:func:`pair_model`): a rival's final difference taken as normal, with each
    open answer's scatter and the fit's own uncertainty (which all of them share), summed over
    the :data:`rolefit.scoring.settle.QUICK_RIVALS` closest rivals."""
    lead = race._leader()
    shared = answered_by_kind(race)
    context = race._open_context()
    total = 0.0
    for rival, _ in race.contenders()[:QUICK_RIVALS]:
        fit = pair_model(race, lead, rival, shared)
        b_skill, b_interest, b_lead, b_rival = fit.beta
        peak_lead, peak_rival = race._peak[lead], race._peak[rival]
        mean = race.known[lead] - race.known[rival]
        spread = 0.0
        pull = [0.0, 0.0, 0.0, 0.0]
        for qid in race.pair_questions(lead, rival, race.open):
            q = race._q[qid]
            c_lead, c_rival = q.roles.get(lead, 0.0), q.roles.get(rival, 0.0)
            d = c_lead - c_rival
            x_lead, x_rival = c_lead / peak_lead, c_rival / peak_rival
            skill = q.kind == "skill"
            mu = (b_skill if skill else b_interest) + b_lead * x_lead + b_rival * x_rival
            mean += d * (min(4.0, max(0.0, mu)) - DEFAULT_LEVEL)
            spread += d * d
            pull[0 if skill else 1] += d
            pull[2] += d * x_lead
            pull[3] += d * x_rival
        uncertainty = sum(p * w for p, w in zip(pull, solve(fit.scatter, pull), strict=True))
        var = fit.variance * (spread + uncertainty)
        if context:
            var += race._context_room(lead, rival) ** 2
        if var <= 0:
            total += 1.0 if mean <= TOLERANCE else 0.0
        else:
            total += 0.5 * math.erfc(mean / math.sqrt(2 * var))
    return min(1.0, total)
