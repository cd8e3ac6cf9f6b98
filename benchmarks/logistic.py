"""Multinomial logistic regression with an L2 penalty, fitted by Newton's method, in plain Python.

Used by ``postings.py --fit`` to fit the posting classifier (a few dozen weights on a hundred
rows), so the benchmark needs no numerical library. The objective is that of scikit-learn's
``LogisticRegression(C=...)``: the sum of each row's weighted cross-entropy plus
``|W|^2 / (2 C)`` (intercepts not penalised).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from rolefit.scoring.quick import solve

Row = tuple[Sequence[float], Sequence[float], float]  # features, target shares per class, weight


def softmax(scores: Sequence[float]) -> list[float]:
    top = max(scores)
    e = [math.exp(s - top) for s in scores]
    z = sum(e)
    return [v / z for v in e]


def predict(coef: Sequence[Sequence[float]], x: Sequence[float]) -> list[float]:
    """Each class's probability; ``coef[c]`` is the class's weights, its intercept last."""
    return softmax([sum(w * v for w, v in zip(row, x, strict=False)) + row[-1] for row in coef])


def fit(rows: Sequence[Row], classes: int, c: float, steps: int = 30) -> list[list[float]]:
    """The weights (one row per class, intercept last) that minimise the penalised loss."""
    d = len(rows[0][0]) + 1
    n = classes * d
    theta = [0.0] * n
    penalty = [0.0 if (k % d) == d - 1 else 1.0 / c for k in range(n)]
    for _ in range(steps):
        grad = [penalty[k] * theta[k] for k in range(n)]
        hess = [[0.0] * n for _ in range(n)]
        for k in range(n):
            hess[k][k] = penalty[k] + 1e-9
        for x, target, weight in rows:
            xs = [*x, 1.0]
            coef = [theta[k * d : (k + 1) * d] for k in range(classes)]
            p = softmax([sum(w * v for w, v in zip(row, xs, strict=True)) for row in coef])
            for a in range(classes):
                da = weight * (p[a] - target[a])
                if da:
                    base = a * d
                    for i, v in enumerate(xs):
                        grad[base + i] += da * v
                for b in range(classes):
                    h = weight * p[a] * ((a == b) - p[b])
                    if not h:
                        continue
                    for i, vi in enumerate(xs):
                        if not vi:
                            continue
                        row = hess[a * d + i]
                        hv = h * vi
                        for j, vj in enumerate(xs):
                            row[b * d + j] += hv * vj
        step = solve(hess, grad)  # the Hessian is symmetric and, with the penalty, positive definite
        theta = [t - s for t, s in zip(theta, step, strict=True)]
        if max(abs(s) for s in step) < 1e-9:
            break
    return [theta[k * d : (k + 1) * d] for k in range(classes)]
