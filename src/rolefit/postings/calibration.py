"""How sure a verdict is: the share of verdicts like it that were right on real postings.

Fitted by ``benchmarks/postings.py --fit`` on the development set of real ads. ``BANDS`` are for
a catalogue of your own, which the fitted model does not apply to: the rule-based verdicts (the
development set read with the model off) are put in bands by their margin (how far the closest
role is ahead of the next), and each band's share of right verdicts, made monotone, is the
chance given here. ``MODEL_BANDS`` are for the built-in catalogue's model.
"""

from __future__ import annotations

#: (lowest margin of the band, share right), by kind of verdict; bands in rising order.
BANDS: dict[str, tuple[tuple[float, float], ...]] = {
    "archetype": ((0.05, 0.23), (0.3, 0.47), (0.45, 0.50), (0.6, 0.88)),
    "hybrid": ((0.0, 0.12),),
    "outside": ((0.0, 0.50), (0.45, 0.80)),
}


def sure(kind: str, margin: float, weight: float) -> float:
    """The chance that a verdict of this kind, with this margin, is right."""
    bands = BANDS.get(kind, ((0.0, 0.0),))
    chance = bands[0][1]
    for low, share in bands:
        if margin >= low:
            chance = share
    return chance


#: (lowest chance of the band, share right) for the fitted model's verdicts, by the model's
#: chance for its verdict, measured on cross-validated predictions; bands in rising order.
MODEL_BANDS: tuple[tuple[float, float], ...] = (
    (0.0, 0.15),
    (0.4, 0.51),
    (0.5, 0.55),
    (0.6, 0.68),
    (0.8, 0.78),
    (0.9, 0.93),
)


def sure_model(chance: float) -> float:
    """The share of the model's verdicts that were right, among those it gave this chance."""
    share = MODEL_BANDS[0][1]
    for low, right in MODEL_BANDS:
        if chance >= low:
            share = right
    return share


#: The share right of the verdicts "not a data job" (:func:`rolefit.postings.verdict.names_no_data_work`):
#: the development set holds no such ad, so it is measured on 268 other real ads, labelled blind
#: (the ones its threshold was chosen on): 13 such verdicts, all right, shrunk towards one half as
#: the bands are, (13 + 1) / (13 + 2).
NOT_DATA_SURE = 0.93
