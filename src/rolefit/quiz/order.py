"""The order of a quiz and where it stops: the race between roles, question by question.

A :class:`Plan` holds the answers given and the :class:`rolefit.scoring.settle.Race` they make,
and says which question comes next in its mode: ``adaptive`` (the question that does most to
settle the top role, until no answer to the others could change it), ``quick`` (the same order,
until a change is unlikely), ``full`` (every question in catalogue order). Going back takes the
last answer back, so the stop point is worked out again from what is then known. After the
stop the person may go on: the open questions follow, the top role's own tasks first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from rolefit.model.answers import Answers, question_ids
from rolefit.model.catalogue import Catalogue
from rolefit.scoring.fit import HYBRID_MARGIN, score
from rolefit.scoring.settle import MODES, QUICK_RISK, Race, done

DEFAULT_MODE = "adaptive"
#: How a quiz of each mode is named when the mode changes on resuming.
MODE_NAMES = {"quick": "a quick quiz", "full": "a full quiz", "adaptive": "an adaptive quiz"}


class Plan:
    """One quiz's questions in ``mode``; ``asked`` is the order they were asked in (to go back).

    ``only`` limits the quiz to those questions, asked in their order (``--ask-changed``).
    """

    def __init__(
        self,
        catalogue: Catalogue,
        mode: str,
        given: Answers,
        asked: Sequence[str] = (),
        only: Sequence[str] | None = None,
        going_on: bool | None = None,
    ) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown quiz mode {mode!r}")
        self.catalogue = catalogue
        self.mode = mode
        self.race = Race(catalogue)
        self.answers = given
        self.only = list(only) if only is not None else None
        for question in question_ids(catalogue):
            value = given.value(question)
            if value is not None and not (self.only is not None and question in self.only):
                self.race.answer(question, value)
        self.asked = [q for q in asked if q in self.race.given]
        #: The person chose to go on after the quiz had stopped (a resumed quiz: as its session kept
        #: it, ``going_on``; else, it had stopped before its last answer, so the person had gone on).
        self.going_on = self.may_stop_early and (self._stopped_before_end() if going_on is None else going_on)

    def _take(self, question: str, value: int | str) -> None:
        self.race.answer(question, value)
        self.answers = self.answers.with_answer(question, value)

    # -- counting ------------------------------------------------------------------------------

    @property
    def total(self) -> int:
        return len(self.race.order) if self.only is None else len(self.only)

    @property
    def count(self) -> int:
        """How many questions have an answer (of the whole quiz, or of ``only``)."""
        if self.only is None:
            return len(self.race.given)
        return sum(1 for q in self.only if q in self.race.given)

    @property
    def left(self) -> int:
        return self.total - self.count

    # -- the order -------------------------------------------------------------------------------

    @property
    def stopped(self) -> bool:
        """Whether the quiz in its mode stops here (the person may still go on)."""
        if self.only is not None:
            return all(q in self.race.given for q in self.only)
        return done(self.race, self.mode)

    @property
    def may_stop_early(self) -> bool:
        return self.only is None and self.mode != "full"

    def next(self) -> str | None:
        """The question to ask now; None when the quiz stops (or nothing is left to ask)."""
        if self.only is not None:
            return next((q for q in self.only if q not in self.race.given), None)
        if not self.race.open:
            return None
        if self.mode == "full":
            return min(self.race.open, key=self.race.rank.__getitem__)
        if not self.going_on and done(self.race, self.mode):
            return None
        if self.race.settled:
            return self._after_settling()
        return self.race.next_question()

    def _after_settling(self) -> str | None:
        """Going on past the stop: the leader's core tasks first (heaviest first), then catalogue order."""
        role = self.catalogue.role_by_id[self.race.leader]
        for rt in sorted(role.tasks, key=lambda rt: -rt.weight):
            for aspect in ("skill", "interest"):
                if f"{aspect}:{rt.task}" in self.race.open:
                    return f"{aspect}:{rt.task}"
        return min(self.race.open, key=self.race.rank.__getitem__)

    def answer(self, question: str, value: int | str) -> None:
        """Take an answer (again, if it was given before) and remember when it was asked."""
        self._take(question, value)
        if question in self.asked:
            self.asked.remove(question)
        self.asked.append(question)

    def back(self) -> str | None:
        """Take the last answer asked back; the question to ask again (None: nothing to go back to)."""
        if not self.asked:
            return None
        question = self.asked.pop()
        self.race.unanswer(question)
        kind, _, key = question.partition(":")
        self.answers = _without(self.answers, kind, key)
        if not self.race.open:
            self.going_on = False  # (going on is a choice kept while there is anything to go on to)
        return question

    def _stopped_before_end(self) -> bool:
        """Whether, in the order asked, the quiz stopped before the last answer given."""
        if len(self.asked) < 2 or len(self.asked) != len(self.race.given):
            return False
        race = Race(self.catalogue)
        for question in self.asked[:-1]:
            race.answer(question, self.race.given[question])
            if done(race, self.mode):
                return True
        return False

    # -- what to tell the person ---------------------------------------------------------------

    def progress(self) -> str:
        """'Question 9 · at most 62 · may finish early', or 'Question 9 of 62'."""
        number = self.count + 1
        if self.may_stop_early and not self.going_on and number < self.total:
            return f"Question {number} · at most {self.total} · may finish early"
        return f"Question {number} of {self.total}"

    def top_title(self) -> str:
        return self.catalogue.role_by_id[self.race.leader].name

    def _close_behind(self) -> str:
        """What the report will say of roles close behind the leader: "" if none, else a clause
        naming them (a hybrid's other half, or the tied ones) and what the report calls it."""
        result = score(self.catalogue, self.answers)
        close = result.tied or result.hybrid or ()
        names = [f.role.short for f in close if f.role.id != self.race.leader]
        if not names:
            return ""
        listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        verb = "is" if len(names) == 1 else "are"
        said = "names both" if result.hybrid else "calls it no clear lead"
        return f"; so far {listed} {verb} within {HYBRID_MARGIN:g} points of it, so the report {said}"

    def verdict(self) -> str:
        """Why the quiz stopped, in words: the proof (adaptive) or the estimate (quick)."""
        n, total, rest, top = self.count, self.total, self.left, self.top_title()
        close = self._close_behind()
        if self.race.settled:
            return f"Settled after {n} of {total} questions: whatever you answer to the other {rest}, " + (
                f"{top} stays first{close}." if close else f"{top} stays your top role."
            )
        return (
            f"Provisional after {n} of {total} questions: {top} is your likely top role (the chance that "
            f"the other {rest} change it is below {QUICK_RISK:.0%}){close}; {rest} questions were skipped."
        )


def _without(answers: Answers, aspect: str, key: str) -> Answers:
    if aspect == "context":
        return replace(answers, context={k: v for k, v in answers.context.items() if k != key})
    if aspect == "skill":
        return replace(answers, skill={k: v for k, v in answers.skill.items() if k != key})
    return replace(answers, interest={k: v for k, v in answers.interest.items() if k != key})
