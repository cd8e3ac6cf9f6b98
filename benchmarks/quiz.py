"""How long is the adaptive quiz, and how often does it agree with the full one? On generated respondents.

    python benchmarks/quiz.py                 # 400 respondents on the built-in catalogue
    python benchmarks/quiz.py --people 1000   # more
    python benchmarks/quiz.py --catalogue DIR # a catalogue of your own
    python benchmarks/quiz.py --catalogue DIR --cost-only   # only the cost per answer (O*NET size: seconds)

Respondents, in equal numbers (seeded, so every run measures the same people): clear fans of one
role (answers that rise with the role's weights), two-role mixes, flat (everything about neutral),
random, and skilled but bored (high skills, low interests); each with random context answers and
noise. Each is replayed through exactly the question order and stopping rules of ``rolefit quiz``
(``rolefit.scoring.settle.replay``, as ``rolefit audit`` does), and compared with the full quiz's
top role. The default mode is a proof, so it is also checked as one: for each stopped run, the
unasked questions are filled with the answers most favourable to each rival, and the leader must
still win. As references, it also counts the questions two orders no quiz can have would need
for the same proof: one that knew each person's leanings (what every answer is expected to be, as
the generator drew it, but not the noise on it: what a perfect model of the person could reach),
and one that knew every answer beforehand (the floor of the default mode's length for these
people). Prints the prompts asked (median, 90th percentile) and the agreement per mode, against
the targets, and the time per answer of choosing the next question and testing the stop.
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
import time
from pathlib import Path

from rolefit.catalogue.load import load_catalogue
from rolefit.model.answers import DEFAULT_LEVEL, Answers, question_ids
from rolefit.model.catalogue import Catalogue
from rolefit.scoring.fit import score
from rolefit.scoring.settle import Race, done, replay

KINDS = ("fan", "mix", "flat", "random", "bored")
#: The scatter of a generated answer about the person's leaning (0-4 scale).
NOISE = 0.8
TARGETS = {"adaptive": (30, 1.0), "quick": (14, 0.95)}


def respondent(cat: Catalogue, kind: str, rng: random.Random) -> tuple[dict[str, int | str], dict[str, float]]:
    """One generated person: their answers, and what each task answer is expected to be from their
    leanings alone (before the noise that no quiz can foresee)."""
    fav = rng.choice(cat.roles)
    other = rng.choice([r for r in cat.roles if r is not fav] or [fav])
    wf = {rt.task: rt.weight for rt in fav.tasks}
    wo = {rt.task: rt.weight for rt in other.tasks}
    out: dict[str, int | str] = {}
    expected: dict[str, float] = {}
    for q in question_ids(cat):
        aspect, _, key = q.partition(":")
        if aspect == "context":
            out[q] = rng.choice(cat.context_by_id[key].choices).id
            continue
        base = {
            "fan": 1 + wf.get(key, 0.0),
            "mix": 1 + (wf.get(key, 0.0) + wo.get(key, 0.0)) / 2,
            "flat": 2.0,
            "random": rng.uniform(0, 4),
            "bored": 3.5 if aspect == "skill" else 1.0,
        }[kind]
        out[q] = round(min(4.0, max(0.0, base + rng.gauss(0, NOISE))))
        expected[q] = _expected_answer(base)
    return out, expected


def _expected_answer(base: float) -> float:
    """The mean of round(clip(base + noise)) on the 0-4 scale, the noise normal with sd NOISE."""

    def below(x: float) -> float:
        return 0.5 * (1 + math.erf((x - base) / (NOISE * math.sqrt(2))))

    return sum(a * ((below(a + 0.5) if a < 4 else 1.0) - (below(a - 0.5) if a > 0 else 0.0)) for a in range(5))


def as_answers(values: dict[str, int | str]) -> Answers:
    parts: dict[str, dict[str, int | str]] = {"skill": {}, "interest": {}, "context": {}}
    for q, v in values.items():
        aspect, _, key = q.partition(":")
        parts[aspect][key] = v
    return Answers(skill=parts["skill"], interest=parts["interest"], context=parts["context"])  # type: ignore[arg-type]


def proof_holds(cat: Catalogue, values: dict[str, int | str], asked: tuple[str, ...], top: str) -> bool:
    """Fill the unasked questions as each rival would like best; the leader must still win."""
    open_questions = [q for q in values if q not in set(asked)]
    for rival in (r.id for r in cat.roles if r.id != top):
        filled = {q: values[q] for q in asked}
        for q in open_questions:
            aspect, _, key = q.partition(":")
            options: list[int | str] = (
                [c.id for c in cat.context_by_id[key].choices] if aspect == "context" else list(range(5))
            )

            def margin(v: int | str, q: str = q, filled: dict[str, int | str] = filled, rival: str = rival) -> float:
                fits = {f.role.id: f.score for f in score(cat, as_answers({**values, **filled, q: v})).fits}
                return fits[top] - fits[rival]

            filled[q] = min(options, key=margin)
        fits = {f.role.id: f.score for f in score(cat, as_answers({**values, **filled})).fits}
        if not fits[top] > fits[rival]:
            return False
    return True


def foresight(cat: Catalogue, values: dict[str, int | str], top: str) -> int:
    """How many questions an order that knew every answer in advance would need before the same proof
    holds: a reference for what any question order could reach, not something a quiz can do.

    After the context questions, it asks against the closest rival of the full quiz's top role the
    question whose answer (known beforehand) does most to shake the rival off. On the built-in
    catalogue an exhaustive search of the fewest possible (run once, when this was written) gave
    the same median, 28, and at most 2 fewer for any one person.
    """
    race = Race(cat)
    lead = race.roles.index(top)
    asked = 0
    while race.open:
        context = [q for q in race.order if q in race.open and q.startswith("context:")]
        if not context:
            rivals = [r for r in range(len(race.roles)) if r != lead]
            margins = sorted(
                (race.known[lead] - race.known[r] - race.pair_slack(lead, r) - race._context_room(lead, r), r)
                for r in rivals
            )
            if not margins or margins[0][0] > 1e-7:
                break
            rival = margins[0][1]
            gains = {
                q: 2 * abs(d) + d * (int(values[q]) - DEFAULT_LEVEL) for q, d in race._open_between(lead, rival) if d
            }
            if not gains:
                break
            question = max(gains, key=lambda q: (gains[q], -race.rank[q]))
        else:
            question = context[0]
        race.answer(question, values[question])
        asked += 1
    return asked


def leanings_order(cat: Catalogue, values: dict[str, int | str], expected: dict[str, float]) -> int:
    """How many questions the default mode would need if its order knew each person's leanings (what
    every answer is expected to be, as the generator made it) but not the noise on them: the same
    race and stop as the quiz, the next question chosen against the closest rival for its expected
    gain. It is what a perfect model of the person could reach; the gap to the foresight line is
    the noise, which no order can know."""
    race = Race(cat)
    asked = 0
    while not done(race, "adaptive"):
        context = [q for q in race.order if q in race.open and q.startswith("context:")]
        if context:
            question = context[0]
        else:
            lead, rival = race._leader(), race.contenders()[0][0]
            gains = {
                q: abs(d) * (expected[q] if d > 0 else 4 - expected[q]) for q, d in race._open_between(lead, rival) if d
            }
            chosen = max(gains, key=lambda q: (gains[q], -race.rank[q])) if gains else race.next_question()
            assert chosen is not None
            question = chosen
        race.answer(question, values[question])
        asked += 1
    return asked


def per_answer_cost(cat: Catalogue, values: dict[str, int | str], steps: int = 30, mode: str = "adaptive") -> float:
    """Seconds per answer to take it, choose the next question and test the stop."""
    race = Race(cat)
    start = time.perf_counter()
    n = 0
    while n < steps and not done(race, mode):
        q = race.next_question()
        if q is None:
            break
        race.answer(q, values[q])
        n += 1
    return (time.perf_counter() - start) / max(1, n)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--people", type=int, default=400)
    parser.add_argument("--catalogue", type=Path, default=None)
    parser.add_argument("--proof", type=int, default=60, help="check the proof on this many stopped runs")
    parser.add_argument("--cost-only", action="store_true", help="only measure the cost per answer")
    args = parser.parse_args()
    cat = load_catalogue(args.catalogue)
    rng = random.Random(5)
    if args.cost_only:
        print(f"{len(cat.tasks):,} tasks, {len(cat.roles):,} roles")
        for kind in KINDS:
            values, _ = respondent(cat, kind, rng)
            cost = {mode: per_answer_cost(cat, values, 40, mode) * 1000 for mode in ("adaptive", "quick")}
            adaptive, quick = cost["adaptive"], cost["quick"]
            print(f"  {kind:7} per answer: adaptive {adaptive:.2f} ms, quick {quick:.2f} ms (target <= 20 ms)")
        return
    people = [(kind, *respondent(cat, kind, rng)) for kind in KINDS for _ in range(args.people // len(KINDS))]
    asked: dict[str, list[int]] = {"adaptive": [], "quick": []}
    agree = {"adaptive": 0, "quick": 0}
    proofs = 0
    floor: list[int] = []
    modelled: list[int] = []
    for k, (_, values, expected) in enumerate(people):
        full = score(cat, as_answers(values)).top.role.id
        floor.append(foresight(cat, values, full))
        modelled.append(leanings_order(cat, values, expected))
        for mode in asked:
            run = replay(cat, values, mode)
            asked[mode].append(len(run.asked))
            agree[mode] += run.top == full
            if mode == "adaptive" and k < args.proof:
                proofs += proof_holds(cat, values, run.asked, run.top)
    total = len(question_ids(cat))
    print(f"{len(people)} respondents ({', '.join(KINDS)}), {total} questions in the full quiz")
    for mode, counts in asked.items():
        ordered = sorted(counts)
        median = statistics.median(ordered)
        p90 = ordered[int(0.9 * (len(ordered) - 1))]
        share = agree[mode] / len(people)
        most, least = TARGETS[mode]
        ok = "ok" if median <= most and share >= least else "MISSED"
        by_kind = ", ".join(
            f"{kind} {statistics.median(counts[i * len(counts) // 5 : (i + 1) * len(counts) // 5]):g}"
            for i, kind in enumerate(KINDS)
        )
        print(
            f"  {mode:8} median {median:g}, 90th percentile {p90} questions; agreement {share:.1%}"
            f"  (target: median <= {most}, agreement >= {least:.0%})  {ok}"
        )
        print(f"           median by kind: {by_kind}")
    ordered = sorted(modelled)
    print(
        f"  leanings: an order that knew each person's leanings, not the noise on their answers, would need median"
        f" {statistics.median(ordered):g}, 90th percentile {ordered[int(0.9 * (len(ordered) - 1))]}"
    )
    ordered = sorted(floor)
    print(
        f"  foresight: an order that knew every answer beforehand would need median {statistics.median(ordered):g},"
        f" 90th percentile {ordered[int(0.9 * (len(ordered) - 1))]} (no quiz can know them: about the floor)"
    )
    checked = min(args.proof, len(people))
    print(f"  the proof held on {proofs} of {checked} stopped adaptive runs (unasked answers set against the leader)")
    per_answer = statistics.median(per_answer_cost(cat, values) for _, values, _ in people[:10])
    print(
        f"  per answer: take it, choose the next question, test the stop: {per_answer * 1000:.2f} ms (target <= 20 ms)"
    )
    sys.exit(0)


if __name__ == "__main__":
    main()
