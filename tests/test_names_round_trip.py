"""Every file rolefit writes reads back, whatever a catalogue's names hold.

A custom catalogue's task, group and context titles, choice labels, ids and version may hold
any text: line breaks (``\\n``, ``\\r``, U+2028, U+0085), quotes, ``#``, backslashes, ``": "``,
tabs, characters above the BMP. The template, a ``--save`` file (``dump_answers``, or
``dump_answers_json`` for a ``.json`` one) and the quiz
session put them in comments and values; each must parse back through ``parse_answers`` to the
same answers, and the plain-YAML fast path must read what PyYAML reads (or leave it to PyYAML).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rolefit.catalogue.load import load_catalogue
from rolefit.files import plainyaml
from rolefit.files.answers import dump_answers, dump_answers_json, parse_answers, template
from rolefit.model.answers import DEFAULT_LEVEL, Answers
from rolefit.model.catalogue import Catalogue, ContextQuestion
from rolefit.quiz.session import Session, load_session, save_session

from helpers import fuzz_examples

BUILTIN = load_catalogue()
TRICKY = [
    "a\nb",
    "line\r\nbreak",
    "\u2028",
    "\u2029end",
    "nel\x85",
    '"quoted"',
    "# not a comment",
    "back\\slash",
    "key: value",
    "\ttab",
    "emoji \U0001f600",
    "\ufeffbom",
    "\x00\x1b[31m",
    "'single'",
    "{flow: 1}",
    "- item",
    "&anchor *alias",
    "  spaces  ",
    "no",
    "0x1f",
    "017",
    "null",
    "~",
]
TRICKY_IDS = ["no", "yes", "on", "y", "null", "true", "0x1f", "017", "123", "1-2", "a.b", "_x", *TRICKY]

names = st.one_of(st.sampled_from(TRICKY), st.text(min_size=1, max_size=30))
ids = st.one_of(st.sampled_from(TRICKY_IDS), st.text(min_size=1, max_size=20))


@st.composite
def catalogues(draw: st.DrawFn) -> Catalogue:
    """A small copy of the built-in catalogue whose names and ids are drawn."""
    tasks = BUILTIN.tasks[:5]
    group_ids = list(dict.fromkeys(t.group for t in tasks))
    drawn = draw(st.lists(ids, min_size=len(group_ids), max_size=len(group_ids), unique=True))
    new_group = dict(zip(group_ids, drawn, strict=True))
    groups = tuple(
        dataclasses.replace(g, id=new_group[g.id], title=draw(names)) for g in BUILTIN.groups if g.id in new_group
    )
    task_ids = draw(st.lists(ids, min_size=len(tasks), max_size=len(tasks), unique=True))
    tasks = tuple(
        dataclasses.replace(t, id=tid, title=draw(names), description=draw(names), group=new_group[t.group])
        for t, tid in zip(tasks, task_ids, strict=True)
    )
    context = []
    question_ids = draw(st.lists(ids, min_size=len(BUILTIN.context), max_size=len(BUILTIN.context), unique=True))
    for q, qid in zip(BUILTIN.context, question_ids, strict=True):
        choice_ids = draw(st.lists(ids, min_size=len(q.choices), max_size=len(q.choices), unique=True))
        pairs = zip(q.choices, choice_ids, strict=True)
        choices = tuple(dataclasses.replace(c, id=cid, label=draw(names)) for c, cid in pairs)
        default = choices[[c.id for c in q.choices].index(q.default)].id
        context.append(ContextQuestion(qid, draw(names), choices, default))
    return dataclasses.replace(
        BUILTIN, version=draw(names), groups=groups, tasks=tasks, context=tuple(context), digest=draw(names)
    )


@st.composite
def answered(draw: st.DrawFn) -> tuple[Catalogue, Answers, list[str]]:
    cat = draw(catalogues())
    levels = st.none() | st.integers(0, 4)
    skill = {t.id: v for t in cat.tasks if (v := draw(levels)) is not None}
    interest = {t.id: v for t in cat.tasks if (v := draw(levels)) is not None}
    context = {q.id: draw(st.sampled_from([c.id for c in q.choices])) for q in cat.context if draw(st.booleans())}
    answers = Answers(skill=skill, interest=interest, context=context)
    defaulted = [f"skill:{t.id}" for t in cat.tasks if t.id in skill and draw(st.booleans())]
    return cat, answers, defaulted


def assert_readers_agree(text: str) -> None:
    """The fast path reads what PyYAML reads, or hands the text to it."""
    fast = plainyaml.load(text)
    if fast is not plainyaml.NOT_PLAIN:
        assert fast == yaml.safe_load(text)


def same_answers(read: Answers, answers: Answers, cat: Catalogue) -> None:
    assert (read.skill, read.interest, read.context) == (answers.skill, answers.interest, answers.context)
    assert read.stamp is not None
    assert (read.stamp.version, read.stamp.digest, read.stamp.tasks) == (cat.version, cat.digest, cat.task_hashes)
    assert read.dropped == ()


round_trips = settings(max_examples=fuzz_examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])


@round_trips
@given(cat=catalogues())
def test_the_template_reads_back_as_the_defaults(cat: Catalogue) -> None:
    text = template(cat)
    assert all(line.isprintable() for line in text.split("\n"))
    assert_readers_agree(text)
    read = parse_answers(text, "template.yaml", cat)
    everything = {t.id: DEFAULT_LEVEL for t in cat.tasks}
    same_answers(read, Answers(everything, dict(everything), {q.id: q.default for q in cat.context}), cat)


@round_trips
@given(case=answered())
def test_saved_answers_read_back_as_they_were(case: tuple[Catalogue, Answers, list[str]]) -> None:
    cat, answers, defaulted = case
    text = dump_answers(answers, cat, defaulted)
    assert all(line.isprintable() for line in text.split("\n"))
    assert_readers_agree(text)
    same_answers(parse_answers(text, "me.yaml", cat), answers, cat)
    same_answers(parse_answers(dump_answers_json(answers, cat, mode="quick"), "me.json", cat), answers, cat)


@round_trips
@given(case=answered())
def test_the_session_resumes_whatever_the_names(case: tuple[Catalogue, Answers, list[str]]) -> None:
    cat, answers, _ = case
    session = Session(answers, quick=True, save=Path("/tmp/odd \n\u2028 name\udcff.yaml"), force=True)
    save_session(session, cat)
    loaded = load_session(cat)
    assert loaded is not None
    assert (loaded.quick, loaded.save, loaded.force) == (session.quick, session.save, session.force)
    same_answers(loaded.answers, answers, cat)


@round_trips
@given(text=st.text())
def test_quoted_and_comment_text_read_back(text: str) -> None:
    """``quoted`` is read back as the text by both readers; ``comment`` stays one comment."""
    quoted = plainyaml.quoted(text)
    document = f"key: {quoted}  # {plainyaml.comment(text)}\nafter: 1\n"
    assert yaml.safe_load(document) == {"key": text, "after": 1}
    assert_readers_agree(document)
    assert yaml.safe_load(f"{plainyaml.scalar(text)}: 1\n") == {text: 1}
