"""Two sets of answers side by side (self vs manager, now vs six months ago): what changed and why."""

from __future__ import annotations

from dataclasses import dataclass

from rolefit.model.answers import Answers
from rolefit.model.catalogue import Catalogue
from rolefit.scoring.fit import FitResult, RoleFit, score


@dataclass(frozen=True)
class Mover:
    """A task whose answers moved one role's fit between the two sets of answers."""

    task: str
    before: float
    after: float

    @property
    def delta(self) -> float:
        return self.after - self.before


@dataclass(frozen=True)
class RoleChange:
    before: RoleFit
    after: RoleFit
    movers: tuple[Mover, ...]

    @property
    def delta(self) -> float:
        return self.after.score - self.before.score


@dataclass(frozen=True)
class Comparison:
    first: FitResult
    second: FitResult
    changes: tuple[RoleChange, ...]


def compare(catalogue: Catalogue, a: Answers, b: Answers, movers: int = 3) -> Comparison:
    """Score both; for each role (in the first ranking's order) the change and the tasks that moved it most."""
    first, second = score(catalogue, a), score(catalogue, b)
    after = {f.role.id: f for f in second.fits}
    changes = []
    for before in first.fits:
        now = after[before.role.id]
        pairs = [
            Mover(c.task, c.points, d.points)
            for c, d in zip(before.contributions, now.contributions, strict=True)
            if abs(d.points - c.points) >= 0.05
        ]
        pairs.sort(key=lambda m: -abs(m.delta))
        changes.append(RoleChange(before, now, tuple(pairs[:movers])))
    return Comparison(first, second, tuple(changes))
