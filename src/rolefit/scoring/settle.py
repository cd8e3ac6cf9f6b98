"""When is the answer settled? The race between roles while a quiz is under way.

Every fit is linear in each answer (:mod:`rolefit.scoring.fit`), so the difference between two
roles' fits is a known number for the questions answered plus, for each question not yet
answered, its coefficient for the pair times the answer still to come. An answer lies between
0 and 4, so a task question can still move the difference between leader ``L`` and rival ``R``
by at most ``2 |c[L,q] - c[R,q]|`` either way (measured from the neutral middle, 2); a context
question by the widest gap between its choices. The leader is **settled** when, against every
rival, the known lead exceeds everything the unanswered questions could still take off it:
whatever is answered to them, ``L`` stays first. That is a proof, not an estimate, and
:class:`Race` checks it pair by pair (bounding each role on its own would be too cautious: one
answer moves every role at once).

Each interest question also moves every role by the same ``-1/n`` share of it (the part of
the interest fit that compares a task with all the others); it cancels in every difference,
so only the role-specific parts, which are sparse (a role involves a few tasks), are kept.

Costs, for ``n`` questions and ``R`` roles: building is linear in the catalogue's role-task
links; :meth:`Race.answer` touches only the roles that involve the task; :meth:`Race.settled`
and :meth:`Race.next_question` scan the roles once and look closely only at rivals a cheap
bound cannot rule out (the pair's slack is at most the sum of each role's own).

:meth:`Race.chance_of_change` is the quick form's estimate (:mod:`rolefit.scoring.quick`): the
chance that the remaining answers change the leader, if they follow the person's answers so far.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator, Sequence
from dataclasses import dataclass

from rolefit.model.answers import DEFAULT_LEVEL
from rolefit.model.catalogue import Catalogue
from rolefit.scoring.fit import CONTEXT_WEIGHT, INTEREST_WEIGHT, READINESS_WEIGHT

#: A lead must exceed this to count (the scorer ranks fits rounded to 9 places).
TOLERANCE = 1e-7
#: The widest an answer can be from the middle.
_SPAN = 2.0
_SKILL = READINESS_WEIGHT * 100 / 4
_INTEREST = INTEREST_WEIGHT * 100 / 16 * 3


@dataclass(frozen=True)
class _Question:
    """A question's role-specific coefficients: (role index, coefficient) pairs.

    For a task question the change of a fit per answer step; for a context question, per
    choice, what choosing it adds to each role listed (others get nothing: 0.5 is neutral).
    """

    id: str
    kind: str
    roles: dict[int, float]
    choices: dict[str, dict[int, float]] | None = None


def _shares(catalogue: Catalogue) -> dict[str, dict[int, float]]:
    """Each task's share of each role that involves it (the role's weights scaled to sum to 1)."""
    shares: dict[str, dict[int, float]] = {}
    for k, role in enumerate(catalogue.roles):
        total = sum(rt.weight for rt in role.tasks)
        for rt in role.tasks:
            shares.setdefault(rt.task, {})[k] = rt.weight / total
    return shares


class Race:
    """The roles' standing for the answers given so far, among ``questions`` (all by default).

    ``known[r]`` is role r's fit, less what every role shares, with each unanswered question
    at the middle of its scale; ``slack[r]`` is how far the unanswered task questions could
    move role r on their own (the sum of ``2 |c[r,q]|``).
    """

    def __init__(self, catalogue: Catalogue, questions: Sequence[str] | None = None) -> None:
        from rolefit.model.answers import question_ids

        self.catalogue = catalogue
        self.roles = [r.id for r in catalogue.roles]
        self.order = list(questions) if questions is not None else question_ids(catalogue)
        self.rank = {q: k for k, q in enumerate(self.order)}
        shares = _shares(catalogue)
        self._q: dict[str, _Question] = {}
        scale = CONTEXT_WEIGHT * 100 / len(catalogue.context) if catalogue.context else 0.0
        index = {rid: k for k, rid in enumerate(self.roles)}
        for qid in self.order:
            kind, _, key = qid.partition(":")
            if kind == "context":
                question = catalogue.context_by_id[key]
                choices = {
                    c.id: {index[r]: scale * (a - 0.5) for r, a in c.roles.items() if r in index}
                    for c in question.choices
                }
                self._q[qid] = _Question(qid, kind, {}, choices)
            else:
                unit = _SKILL if kind == "skill" else _INTEREST
                self._q[qid] = _Question(qid, kind, {r: unit * p for r, p in shares.get(key, {}).items()})
        self._context_ids = [q for q in self.order if self._q[q].choices is not None]
        self._version = 0
        self._cache: tuple[int, list[tuple[int, float]]] | None = None
        self.known = [0.0] * len(self.roles)
        self.slack = [0.0] * len(self.roles)
        self.open: set[str] = set(self.order)
        self.given: dict[str, int | str] = {}
        self._role_questions: list[list[str]] = [[] for _ in self.roles]
        for qid, q in self._q.items():
            for r, c in q.roles.items():
                self.slack[r] += _SPAN * abs(c)
                self._role_questions[r].append(qid)
        #: Each role's largest coefficient: the quick estimate measures how far a question moves a role
        #: out of it (0 to 1, so that a role of many tasks and one of few are on the same scale).
        self._peak = [0.0] * len(self.roles)
        for q in self._q.values():
            for r, c in q.roles.items():
                self._peak[r] = max(self._peak[r], c)

    # -- answers -----------------------------------------------------------------------------

    def answer(self, question: str, value: int | str) -> None:
        """Take one answer (again, if it was given before: the old one is replaced)."""
        if question in self.given:
            self.unanswer(question)
        q = self._q[question]
        if q.choices is not None:
            for r, c in q.choices.get(str(value), {}).items():
                self.known[r] += c
        else:
            step = int(value) - DEFAULT_LEVEL
            for r, c in q.roles.items():
                self.known[r] += c * step
                self.slack[r] -= _SPAN * abs(c)
        self.open.discard(question)
        self.given[question] = value
        self._version += 1

    def unanswer(self, question: str) -> None:
        """Take an answer back (going back in the quiz): the question is open again."""
        value = self.given.pop(question)
        q = self._q[question]
        if q.choices is not None:
            for r, c in q.choices.get(str(value), {}).items():
                self.known[r] -= c
        else:
            step = int(value) - DEFAULT_LEVEL
            for r, c in q.roles.items():
                self.known[r] -= c * step
                self.slack[r] += _SPAN * abs(c)
        self.open.add(question)
        self._version += 1

    def answer_all(self, answers: Iterable[tuple[str, int | str]]) -> None:
        for question, value in answers:
            self.answer(question, value)

    # -- the standing ----------------------------------------------------------------------

    @property
    def leader(self) -> str:
        """The role ahead with the open questions at their middle (ties: catalogue order)."""
        return self.roles[self._leader()]

    def _leader(self) -> int:
        known = self.known
        best = 0
        for r in range(1, len(known)):
            if known[r] > known[best] + TOLERANCE:
                best = r
        return best

    def _open_context_questions(self) -> list[str]:
        return [q for q in self._context_ids if q in self.open]

    def _context_room(self, lead: int, rival: int) -> float:
        """How far the open context questions could still move the rival past the leader."""
        room = 0.0
        for qid in self._open_context_questions():
            q = self._q[qid]
            if q.choices is None:
                continue
            gaps = [values.get(rival, 0.0) - values.get(lead, 0.0) for values in q.choices.values()]
            room += max(gaps) if gaps else 0.0
        return room

    def _open_context(self) -> bool:
        return any(q in self.open for q in self._context_ids)

    def pair_questions(self, a: int, b: int, among: Container[str]) -> Iterator[str]:
        """The task questions role ``a`` or role ``b`` involves that are ``among`` these (the open
        ones, the answered ones), each once, ``a``'s first."""
        seen: set[str] = set()
        for r in (a, b):
            for qid in self._role_questions[r]:
                if qid not in seen and qid in among:
                    seen.add(qid)
                    yield qid

    def _open_between(self, lead: int, rival: int) -> Iterator[tuple[str, float]]:
        """Each open task question either role involves, once, with its coefficient for the pair
        (how much more an answer step moves the leader than the rival)."""
        for qid in self.pair_questions(lead, rival, self.open):
            coef = self._q[qid].roles
            yield qid, coef.get(lead, 0.0) - coef.get(rival, 0.0)

    def pair_slack(self, lead: int, rival: int) -> float:
        """Exactly how far the open task questions could move ``rival`` past ``lead``, walking both
        roles' questions (what :meth:`contenders` gets faster from the roles' own slacks; a test
        keeps the two equal)."""
        total = 0.0
        for _, d in self._open_between(lead, rival):
            total += _SPAN * abs(d)
        return total

    def _overlap(self, lead: int) -> dict[int, float]:
        """For each role sharing an open question with ``lead``, what the pair's slack is less than the
        sum of the two roles' own: ``pair_slack(L, R) = slack[L] + slack[R] - overlap[R]``. Only the
        leader's questions are walked (a role involves a few tasks; a task, a few roles)."""
        out: dict[int, float] = {}
        for qid in self._role_questions[lead]:
            if qid not in self.open:
                continue
            coef = self._q[qid].roles
            mine = coef[lead]
            for r, theirs in coef.items():
                if r != lead:
                    out[r] = out.get(r, 0.0) + _SPAN * (abs(mine) + abs(theirs) - abs(mine - theirs))
        return out

    def contenders(self) -> list[tuple[int, float]]:
        """The rivals the leader has not yet shaken off, with their worst-case margins, closest first.

        Linear in the roles, whatever the catalogue's size: the pair slacks come from each role's own
        and the overlap with the leader's open questions (and it is worked out once per answer)."""
        if self._cache is not None and self._cache[0] == self._version:
            return self._cache[1]
        lead = self._leader()
        overlap = self._overlap(lead)
        context = self._open_context()
        known, slack = self.known, self.slack
        out = []
        for r in range(len(self.roles)):
            if r == lead:
                continue
            margin = known[lead] - known[r] - (slack[lead] + slack[r] - overlap.get(r, 0.0))
            if context:
                margin -= self._context_room(lead, r)
            if margin <= TOLERANCE:
                out.append((r, margin))
        out.sort(key=lambda rm: (rm[1], rm[0]))
        self._cache = (self._version, out)
        return out

    @property
    def settled(self) -> bool:
        """Whether no answers to the open questions could change the leader (a proof)."""
        return len(self.roles) < 2 or not self.contenders()

    # -- what to ask -----------------------------------------------------------------------

    def next_question(self) -> str | None:
        """The open question that does most to settle the race against the closest rival; None when
        nothing is open. Context questions come first, in their order."""
        if not self.open:
            return None
        context = self._open_context_questions()
        if context:
            return context[0]
        lead = self._leader()
        contenders = self.contenders()
        if not contenders:
            return min(self.open, key=self.rank.__getitem__)
        # Against the closest rival, each open question is worth what it is expected to add to the
        # worst-case margin: the slack it removes (2 |d|) plus the move its answer is expected to make,
        # if it is answered like the person's answers so far of its kind, on the questions that
        # favoured the same side (d > 0: the leader's tasks; d < 0: the rival's).
        rival = contenders[0][0]
        expect = self._expectations(lead, rival)
        best: tuple[float, int] | None = None
        chosen = None
        for qid, d in self._open_between(lead, rival):
            if not d:
                continue
            gain = _SPAN * abs(d) + d * (expect[(self._q[qid].kind, d > 0)] - DEFAULT_LEVEL)
            key = (-gain, self.rank[qid])
            if best is None or key < best:
                best, chosen = key, qid
        return chosen if chosen is not None else min(self.open, key=self.rank.__getitem__)

    def _expectations(self, lead: int, rival: int) -> dict[tuple[str, bool], float]:
        """The mean answer so far, by kind and by which of the two roles the question favoured
        (one pseudo-answer at the middle keeps it from trusting a single answer)."""
        sums: dict[tuple[str, bool], list[float]] = {}
        for qid in self.pair_questions(lead, rival, self.given):
            q = self._q[qid]
            d = q.roles.get(lead, 0.0) - q.roles.get(rival, 0.0)
            if d:
                sums.setdefault((q.kind, d > 0), []).append(float(self.given[qid]))
        return {
            (kind, side): (sum(sums.get((kind, side), [])) + DEFAULT_LEVEL) / (len(sums.get((kind, side), [])) + 1)
            for kind in ("skill", "interest")
            for side in (True, False)
        }

    # -- the quick form's estimate -----------------------------------------------------------

    def chance_of_change(self) -> float:
        """The chance that the open questions change the leader, if answered as the person's answers
        so far predict (:func:`rolefit.scoring.quick.chance_of_change`)."""
        from rolefit.scoring.quick import chance_of_change

        return chance_of_change(self)


#: The quick form's estimate sums the chances of this many of the closest rivals (by their worst
#: case), so that it costs the same for 3 roles or 1,000.
QUICK_RIVALS = 20
#: ``--quick`` stops when the chance that the open questions change the leader is below this.
QUICK_RISK = 0.05
#: ... and asks at least this many questions first (its estimate needs a few answers to go on).
QUICK_MIN = 6
MODES = ("adaptive", "quick", "full")


def done(race: Race, mode: str) -> bool:
    """Whether a quiz in ``mode`` stops here: adaptive when settled; quick when settled or the
    chance of a change is below :data:`QUICK_RISK`; full only when nothing is open."""
    if not race.open:
        return True
    if mode == "full" or race.next_question() is None:
        return False
    if race._open_context():
        return False  # the context questions are always asked
    if race.settled:
        return True
    return mode == "quick" and len(race.given) >= QUICK_MIN and race.chance_of_change() < QUICK_RISK


@dataclass(frozen=True)
class Replay:
    """The questions a quiz in one mode would have asked of a complete set of answers, in order,
    and the leader when it stopped."""

    mode: str
    asked: tuple[str, ...]
    top: str


def replay(catalogue: Catalogue, answers: dict[str, int | str], mode: str) -> Replay:
    """Ask ``answers`` (every question id to its answer) in ``mode``'s order until it stops."""
    race = Race(catalogue)
    asked: list[str] = []
    while not done(race, mode):
        question = race.order[len(asked)] if mode == "full" else race.next_question()
        assert question is not None
        race.answer(question, answers[question])
        asked.append(question)
    return Replay(mode, tuple(asked), race.leader)
