"""Multinomial logistic regression with an L2 penalty, fitted by Newton's method, in plain Python.

Used by ``postings.py --fit`` to fit the posting classifier (a few dozen weights on a hundred
rows), so the benchmark needs no numerical library. The objective is that of scikit-learn's
``LogisticRegression(C=...)``: the sum of each row's weighted cross-entropy plus
``|W|^2 / (2 C)`` (intercepts not penalised).
"""

from __future__ import annotations

import math
import operator
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


def fit(
    rows: Sequence[Row], classes: int, c: float, steps: int = 30, start: Sequence[Sequence[float]] | None = None
) -> list[list[float]]:
    """The weights (one row per class, intercept last) that minimise the penalised loss. The loss is
    strictly convex, so where Newton's method starts (``start``: weights near the answer, such as those
    fitted on all the rows, for a fold of them) changes how soon it gets there, not where."""
    d = len(rows[0][0]) + 1
    n = classes * d
    theta = [w for row in start for w in row] if start is not None else [0.0] * n
    penalty = [0.0 if (k % d) == d - 1 else 1.0 / c for k in range(n)]
    xs_rows = [[*x, 1.0] for x, _, _ in rows]
    columns = [list(col) for col in zip(*xs_rows, strict=True)]  # each feature's values, row by row
    for _ in range(steps):
        grad = [penalty[k] * theta[k] for k in range(n)]
        hess = [[0.0] * n for _ in range(n)]
        for k in range(n):
            hess[k][k] = penalty[k] + 1e-9
        coef = [theta[k * d : (k + 1) * d] for k in range(classes)]
        probs = [softmax([sum(map(operator.mul, row, xs)) for row in coef]) for xs in xs_rows]
        for a in range(classes):
            da = [weight * (p[a] - target[a]) for p, (_, target, weight) in zip(probs, rows, strict=True)]
            for i, col in enumerate(columns):
                grad[a * d + i] += sum(map(operator.mul, da, col))
            for b in range(a, classes):  # (the Hessian is symmetric: each block once, then mirrored)
                h = [weight * p[a] * ((a == b) - p[b]) for p, (_, _, weight) in zip(probs, rows, strict=True)]
                for i, col_i in enumerate(columns):
                    hx = list(map(operator.mul, h, col_i))
                    row = hess[a * d + i]
                    for j in range(i, d):
                        v = sum(map(operator.mul, hx, columns[j]))
                        row[b * d + j] += v
                        hess[a * d + j][b * d + i] += v if j != i else 0.0
                        if a != b:
                            hess[b * d + j][a * d + i] += v
                            if j != i:
                                hess[b * d + i][a * d + j] += v
        step = solve(hess, grad)  # the Hessian is symmetric and, with the penalty, positive definite
        theta = [t - s for t, s in zip(theta, step, strict=True)]
        if max(abs(s) for s in step) < 1e-9:
            break
    return [theta[k * d : (k + 1) * d] for k in range(classes)]
