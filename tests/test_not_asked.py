"""A question not asked is not an answer: what a report says after a partial set of answers,
what its numbers mean, and a tie of three or more roles."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from rolefit.catalogue.load import load_catalogue
from rolefit.cli import app
from rolefit.model.answers import Answers, complete, question_ids
from rolefit.model.catalogue import WEIGHT_LEVELS
from rolefit.quiz.order import Plan
from rolefit.report.data import fit_report_json
from rolefit.report.fit import SCALE, build, proven_top
from rolefit.report.html.fit_page import fit_page
from rolefit.report.markdown import fit_report_md
from rolefit.scoring.firmness import flip
from rolefit.scoring.fit import HYBRID_MARGIN, score

from helpers import answer_sets, persona, uniform

CAT = load_catalogue()
QUESTIONS = question_ids(CAT)
TASK_QUESTIONS = question_ids(CAT, context=False)
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def given_part(answers: Answers, questions: list[str]) -> Answers:
    part = Answers()
    for q in questions:
        value = answers.value(q)
        assert value is not None
        part = part.with_answer(q, value)
    return part


@settings(max_examples=40, deadline=None)
@given(answer_sets(), st.lists(st.sampled_from(TASK_QUESTIONS), max_size=20, unique=True))
def test_how_firm_changes_only_the_questions_allowed(answers: Answers, allowed: list[str]) -> None:
    found = flip(CAT, answers, tasks_only=True, questions=allowed)
    if found is not None:
        assert {c.question for c in found.changes} <= set(allowed)
        assert score(CAT, found.apply(answers)).top.role.id == found.target


def test_a_partial_report_proposes_only_given_answers() -> None:
    """Two given answers: "how firm" changes only those, though the unrestricted search would not."""
    full = persona(CAT, "rnd")
    asked = ["skill:ab-experiments", "interest:ab-experiments"]
    given_answers = given_part(full, asked)
    answers = complete(given_answers, CAT)
    free = build(CAT, answers)
    assert free.flip is not None and not {c.question for c in free.flip.changes} <= set(asked)
    report = build(CAT, answers, given=given_answers)
    assert report.flip is None or {c.question for c in report.flip.changes} <= set(asked)
    data = json.loads(fit_report_json(report))
    changes = (data.get("what_would_change") or {}).get("changes", [])
    assert {c["question"] for c in changes} <= set(asked)


@settings(max_examples=30, deadline=None)
@given(answer_sets(), st.lists(st.sampled_from(QUESTIONS), unique=True))
def test_learn_next_friction_and_not_asked_core_follow_the_given_answers(answers: Answers, asked: list[str]) -> None:
    given_answers = given_part(answers, asked)
    report = build(CAT, complete(given_answers, CAT), given=given_answers)
    asked_set = set(asked)
    titles = {t.title: t.id for t in CAT.tasks}
    core_not_asked = dict(report.not_asked_core)
    for explained in report.explained:
        role = CAT.role_by_id[explained.role]
        for title, _ in explained.learn_next:
            assert {f"skill:{titles[title]}", f"interest:{titles[title]}"} <= asked_set
        for title in explained.friction:
            assert f"interest:{titles[title]}" in asked_set
        expected = [
            rt.task
            for rt in sorted(role.tasks, key=lambda rt: CAT.task_rank[rt.task])
            if rt.weight >= WEIGHT_LEVELS["core"] and not {f"skill:{rt.task}", f"interest:{rt.task}"} <= asked_set
        ]
        assert list(core_not_asked[explained.role]) == expected
        which = {
            t: " (skill)" if f"interest:{t}" in asked_set else " (interest)" if f"skill:{t}" in asked_set else ""
            for t in expected
        }
        assert [CAT.task_by_id[t].title + which[t] for t in expected] == list(explained.not_asked_core)
        if not explained.friction:  # "none" only when every core task's interest was asked
            core_interest_unasked = any(f"interest:{t}" not in asked_set for t in expected)
            assert ("was not asked" in explained.no_friction) == core_interest_unasked
        if not explained.learn_next:
            assert ("not asked" in explained.nothing_to_learn) == bool(expected)
    not_asked = len(QUESTIONS) - len(asked)
    assert report.not_asked == not_asked
    settled = not_asked > 0 and not report.result.tied and proven_top(CAT, given_answers)
    assert report.provisional == (3 * not_asked > len(QUESTIONS) and not settled)
    data = json.loads(fit_report_json(report))
    assert data["not_asked"] == not_asked and data["provisional"] == report.provisional
    for entry in data["fits"]:
        if entry["role"] in core_not_asked:
            assert entry["not_asked_core"] == list(core_not_asked[entry["role"]])


def test_every_format_says_what_was_not_asked(tmp_path: Path) -> None:
    given_answers = given_part(persona(CAT, "rnd"), ["skill:build-models", "interest:build-models"])
    report = build(CAT, complete(given_answers, CAT), given=given_answers)
    caution = f"Provisional: {len(QUESTIONS) - 2} of {len(QUESTIONS)} questions were not asked; a full quiz may differ."
    assert report.provisional_note == caution
    assert report.explained[0].not_asked_note.startswith("with a question not asked: ")
    md, page = fit_report_md(report), fit_page(report)
    for text in (md, page):
        assert caution in text and SCALE in text and "with a question not asked: " in text
    assert "questions were not asked; they count as neutral (2)." in md


def test_a_complete_report_is_not_provisional_and_names_nothing_not_asked() -> None:
    answers = persona(CAT, "rnd")
    report = build(CAT, complete(answers, CAT), given=complete(answers, CAT))
    assert not report.provisional and report.provisional_note == "" and report.not_asked == 0
    assert all(not e.not_asked_core for e in report.explained)
    data = json.loads(fit_report_json(report))
    assert data["not_asked"] == 0 and data["provisional"] is False and data["scale"] == SCALE
    assert "Provisional" not in fit_report_md(report)


def test_defaults_on_a_two_answer_file_is_provisional_in_every_format(tmp_path: Path) -> None:
    path = tmp_path / "partial.yaml"
    path.write_text("format: 1\nanswers:\n  build-models: {skill: 4, interest: 4}\n")
    code, out, _ = run("quiz", "--answers", str(path), "--defaults")
    assert code == 0
    flat = " ".join(out.split())
    assert f"Provisional: {len(QUESTIONS) - 2} of {len(QUESTIONS)} questions were not asked" in flat
    assert " ".join(SCALE.split()) in flat
    code, out, _ = run("quiz", "--answers", str(path), "--defaults", "--format", "json")
    data = json.loads(out)
    assert data["provisional"] is True and data["not_asked"] == len(QUESTIONS) - 2
    code, out, _ = run("quiz", "--answers", str(path), "--defaults", "--format", "md")
    assert "**Provisional: " in out and SCALE in out


def test_a_full_file_is_not_provisional() -> None:
    code, out, _ = run("quiz", "--answers", "examples/answers/researcher.yaml", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["provisional"] is False and data["not_asked"] == 0


# -- ties ------------------------------------------------------------------------------------


def test_the_untouched_template_is_a_tie_not_a_hybrid(tmp_path: Path) -> None:
    path = tmp_path / "template.yaml"
    assert run("template", "-o", str(path))[0] == 0
    code, out, _ = run("quiz", "--answers", str(path), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["hybrid"] is None
    assert data["tied"] == [f.role.id for f in score(CAT, complete(Answers(), CAT)).fits[:3]]
    assert data["label"].endswith("(tied)")
    code, out, err = run("quiz", "--answers", str(path))
    assert "No clear lead: " in " ".join(out.split())
    assert f"{path} is the untouched template" in " ".join(err.split())  # said, not left to be guessed


def test_a_template_with_one_answer_filled_in_is_not_called_untouched(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    assert run("template", "-o", str(path))[0] == 0
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("{skill: 2, interest: 2}", "{skill: 2, interest: 3}", 1), encoding="utf-8")
    code, _, err = run("quiz", "--answers", str(path))
    assert code == 0 and "untouched" not in err


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 4), st.integers(0, 4), st.data())
def test_a_uniform_answer_set_is_never_a_two_way_hybrid_when_three_are_close(
    skill: int, interest: int, data: st.DataObject
) -> None:
    base = uniform(CAT, skill, interest)
    context = {q.id: data.draw(st.sampled_from([q.default, *(c.id for c in q.choices)])) for q in CAT.context}
    result = score(CAT, Answers(base.skill, base.interest, context))
    close = [f for f in result.fits if result.fits[0].score - f.score < HYBRID_MARGIN]
    if len(close) >= 3:
        assert result.hybrid is None
        assert result.tied == tuple(close)
        assert result.label.endswith("(tied)") and result.title.startswith("No clear lead: ")


def test_every_answer_two_with_default_context_is_tied() -> None:
    result = score(CAT, complete(uniform(CAT, 2, 2), CAT))
    assert result.hybrid is None
    assert result.tied is not None and len(result.tied) == 3


@settings(max_examples=80, deadline=None)
@given(answer_sets())
def test_tie_hybrid_and_clear_lead_are_exclusive(answers: Answers) -> None:
    result = score(CAT, answers)
    best = result.fits[0].score
    close = [f for f in result.fits if best - f.score < HYBRID_MARGIN]
    assert (result.tied is not None) == (len(close) >= 3)
    assert (result.hybrid is not None) == (len(close) == 2)
    if result.tied:
        assert result.label == " / ".join(f.role.short for f in result.tied) + " (tied)"
    data = json.loads(fit_report_json(build(CAT, answers)))
    assert data["tied"] == ([f.role.id for f in result.tied] if result.tied else None)
    assert (data["hybrid"] is None) or data["tied"] is None


def test_a_settled_partial_report_is_not_provisional_and_shows_no_answer_it_was_not_given() -> None:
    """The adaptive quiz's answers (a proof that the top role holds): the report says so instead
    of 'a full quiz may differ', shows a skill not asked as not asked, says which question of a
    core task is missing, and "how firm" speaks of the answers given."""
    full = complete(persona(CAT, "rnd"), CAT)
    plan = Plan(CAT, "adaptive", Answers())
    while (q := plan.next()) is not None:
        plan.answer(q, full.value(q))  # type: ignore[arg-type]
    given_answers = plan.answers
    assert proven_top(CAT, given_answers) and plan.left > len(QUESTIONS) / 3
    report = build(CAT, complete(given_answers, CAT), given=given_answers)
    assert not report.provisional and report.provisional_note == ""
    assert "whatever their answers" in report.not_asked_note and report.result.top.role.name in report.not_asked_note
    for explained in report.explained:
        for line in (*explained.raised, *explained.lowered):
            task = next(t.id for t in CAT.tasks if t.title == line.title)
            assert (line.skill == "-") == (given_answers.value(f"skill:{task}") is None)
            assert (line.interest == "-") == (given_answers.value(f"interest:{task}") is None)
    assert report.firmness
    data = json.loads(fit_report_json(report))
    assert data["provisional"] is False
    assert "what_would_change_skipped" not in data
