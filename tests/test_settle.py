"""The settled verdict is a proof: whatever the open questions are answered, the leader stays first.

Tested as one: on random catalogues and random answers, stop where the race says it is settled,
then fill every open question with the answer most favourable to each rival in turn, score it
with the real scorer, and check the leader still wins.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rolefit.catalogue.load import load_catalogue
from rolefit.model.answers import Answers, question_ids
from rolefit.model.catalogue import Catalogue, Choice, ContextQuestion, Group, Role, RoleTask, Stage, Task
from rolefit.scoring.fit import score
from rolefit.scoring.quick import PRIOR, RIDGE, features, moments, pair_model, solve
from rolefit.scoring.settle import Race, replay

from helpers import everything

CAT = load_catalogue()


@st.composite
def catalogues(draw: st.DrawFn) -> Catalogue:
    n_tasks = draw(st.integers(2, 9))
    n_roles = draw(st.integers(2, 5))
    tasks = tuple(Task(f"t{k}", f"Task {k}", "g", "d", "s") for k in range(n_tasks))
    roles = []
    for r in range(n_roles):
        chosen = draw(st.lists(st.sampled_from(range(n_tasks)), min_size=1, max_size=n_tasks, unique=True))
        weights = [draw(st.sampled_from([0.5, 1.0, 2.0, 3.0])) for _ in chosen]
        role_tasks = tuple(RoleTask(f"t{k}", w, "inferred") for k, w in zip(sorted(chosen), weights, strict=True))
        roles.append(Role(f"r{r}", f"Role {r}", f"role {r}", "s", role_tasks, ()))
    context: tuple[ContextQuestion, ...] = ()
    if draw(st.booleans()):
        affinities = st.dictionaries(st.sampled_from([r.id for r in roles]), st.sampled_from([0.0, 0.25, 0.5, 1.0]))
        choices = tuple(Choice(f"c{k}", f"Choice {k}", draw(affinities)) for k in range(draw(st.integers(2, 3))))
        context = (ContextQuestion("where", "Where?", choices, "c0"),)
    return Catalogue("1", (Stage("s", "S", "s"),), (Group("g", "G", "g"),), tasks, tuple(roles), context)


def part_answered(data: st.DataObject) -> Race:
    """A race on a random catalogue with some of its questions answered, in a random order."""
    catalogue = data.draw(catalogues())
    values = everything(catalogue, data)
    race = Race(catalogue)
    for q in data.draw(st.lists(st.sampled_from(list(values)), unique=True)):
        race.answer(q, values[q])
    return race


def as_answers(values: dict[str, int | str]) -> Answers:
    parts: dict[str, dict[str, int | str]] = {"skill": {}, "interest": {}, "context": {}}
    for q, v in values.items():
        kind, _, key = q.partition(":")
        parts[kind][key] = v
    return Answers(skill=parts["skill"], interest=parts["interest"], context=parts["context"])  # type: ignore[arg-type]


def worst_for(catalogue: Catalogue, race: Race, rival: str, known: dict[str, int | str]) -> dict[str, int | str]:
    """The open questions answered as the rival would most like, against the leader."""
    lead = race.leader
    filled = dict(known)
    best_fill: dict[str, int | str] = {}
    for q in race.open:
        kind, _, key = q.partition(":")
        options: list[int | str] = (
            [c.id for c in catalogue.context_by_id[key].choices] if kind == "context" else list(range(5))
        )

        def margin(value: int | str, q: str = q) -> float:
            trial = as_answers({**filled, **best_fill, q: value})
            fits = {f.role.id: f.score for f in score(catalogue, trial).fits}
            return fits[lead] - fits[rival]

        best_fill[q] = min(options, key=margin)
    return {**filled, **best_fill}


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_a_settled_leader_beats_every_rival_whatever_the_open_answers(data: st.DataObject) -> None:
    catalogue = data.draw(catalogues())
    values = everything(catalogue, data)
    race = Race(catalogue)
    order = list(race.order)
    answered: dict[str, int | str] = {}
    for q in data.draw(st.permutations(order)):
        if race.settled and not any(o.startswith("context:") for o in race.open):
            break
        race.answer(q, values[q])
        answered[q] = values[q]
    if not race.settled:
        return
    lead = race.leader
    for rival in (r.id for r in catalogue.roles if r.id != lead):
        trial = as_answers(worst_for(catalogue, race, rival, answered))
        fits = {f.role.id: f.score for f in score(catalogue, trial).fits}
        assert fits[lead] > fits[rival], (lead, rival, race.open)


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_the_adaptive_verdict_is_the_full_quiz_s(data: st.DataObject) -> None:
    catalogue = data.draw(catalogues())
    values = everything(catalogue, data)
    run = replay(catalogue, values, "adaptive")
    assert run.top == score(catalogue, as_answers(values)).top.role.id
    assert len(set(run.asked)) == len(run.asked)
    full = replay(catalogue, values, "full")
    assert full.asked == tuple(question_ids(catalogue))


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_going_back_undoes_an_answer_exactly(data: st.DataObject) -> None:
    values = everything(CAT, data)
    race, fresh = Race(CAT), Race(CAT)
    questions = data.draw(st.lists(st.sampled_from(list(values)), min_size=1, max_size=20, unique=True))
    for q in questions:
        race.answer(q, values[q])
        fresh.answer(q, values[q])
    race.answer(questions[0], values[questions[0]])  # answered again: replaces, not adds
    extra = data.draw(st.sampled_from([q for q in values if q not in questions] or questions))
    if extra not in questions:
        race.answer(extra, values[extra])
        race.unanswer(extra)
    assert race.open == fresh.open
    assert all(abs(a - b) < 1e-9 for a, b in zip(race.known, fresh.known, strict=True))
    assert all(abs(a - b) < 1e-9 for a, b in zip(race.slack, fresh.slack, strict=True))


@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_the_fast_pair_slack_is_the_exact_one(data: st.DataObject) -> None:
    """contenders() takes each pair's slack from the roles' own slacks and their overlap; it is the
    pair's slack worked out question by question."""
    race = part_answered(data)
    lead = race.roles.index(race.leader)
    overlap = race._overlap(lead)
    for r in range(len(race.roles)):
        if r != lead:
            fast = race.slack[lead] + race.slack[r] - overlap.get(r, 0.0)
            assert abs(fast - race.pair_slack(lead, r)) < 1e-9


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_the_quick_model_is_the_ridge_fit_of_the_answers_so_far(data: st.DataObject) -> None:
    """The quick form's answer model for a pair, built from running sums, is the ridge fit worked out
    answer by answer; and its estimate is a probability."""
    race = part_answered(data)
    lead = race.roles.index(race.leader)
    rival = (lead + 1) % len(race.roles)
    fit = pair_model(race, lead, rival)
    rows = [(features(race, q, lead, rival), float(v)) for q, v in race.given.items() if not q.startswith("context:")]
    prior_mean, prior_var = moments(())
    prior = (prior_mean, prior_mean, 0.0, 0.0)
    normal = [[sum(x[i] * x[j] for x, _ in rows) + (RIDGE if i == j else 0.0) for j in range(4)] for i in range(4)]
    beta = solve(normal, [sum(x[i] * y for x, y in rows) + RIDGE * prior[i] for i in range(4)])
    residual = sum((y - sum(b * xi for b, xi in zip(beta, x, strict=True))) ** 2 for x, y in rows)
    assert all(abs(a - b) < 1e-6 for a, b in zip(fit.beta, beta, strict=True))
    assert abs(fit.variance - (residual + len(PRIOR) * prior_var) / (len(rows) + len(PRIOR))) < 1e-6
    assert 0.0 <= race.chance_of_change() <= 1.0
