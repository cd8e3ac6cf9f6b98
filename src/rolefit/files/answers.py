"""The answers format: what a user said about each task and about their context.

An answers file is YAML (JSON, being YAML, works too)::

    format: 1
    answers:
      build-models: {skill: 3, interest: 4}
    context:
      organisation: startup

Skill and interest are whole numbers from 0 to 4, labelled in :data:`SKILL_LEVELS`
and :data:`INTEREST_LEVELS`. A file may be partial: what is missing can be
asked, or filled with :data:`DEFAULT_LEVEL`. Answers are checked the same way
whether they were typed, read from a file, or defaulted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rolefit.errors import AnswersError, did_you_mean
from rolefit.files import read as inputs
from rolefit.files import yamltext as yamlfile
from rolefit.files.plainyaml import comment, quoted, scalar
from rolefit.model.answers import ASPECTS, DEFAULT_LEVEL, INTEREST_LEVELS, SKILL_LEVELS, Answers, Stamp
from rolefit.model.catalogue import Catalogue

FORMAT = 1


TOP_KEYS = ("format", "catalogue", "answers", "context", "quiz")
#: How the answers were asked (the optional top-level ``quiz`` key): as rolefit.scoring.settle.MODES.
QUIZ_MODES = ("adaptive", "quick", "full")


@dataclass(frozen=True)
class _Document:
    """An answers file that has the right shape (not yet checked against a catalogue)."""

    answers: dict[str, dict[str, int]]
    context: dict[str, str]
    stamp: Stamp | None
    mode: str | None = None


def _found(value: Any) -> str:
    return "" if isinstance(value, (dict, list)) else f" (got {yamlfile.as_written(value)})"


def _unknown(key: object, fields: Iterable[str]) -> str:
    """ "unknown field; did you mean 'skill'? expected one of: skill, interest" """
    names = list(dict.fromkeys(fields))
    return f"unknown field; {did_you_mean(str(key), names)}expected one of: {', '.join(names)}"


#: The JSON reports rolefit writes, by the top-level keys that tell each apart: a report given
#: where answers are wanted is said to be one (not "people: unknown field").
_REPORTS = (
    (("rolefit", "fits"), "quiz"),
    (("people", "summary"), "score"),
    (("files", "summary"), "audit"),
    (("profiles", "roles"), "compare"),
    (("postings",), "jobs"),
    (("id", "tasks", "organisations"), "explain"),
    (("$schema",), "schema"),
)
_ANSWERS_WANTED = "expected an answers file (YAML or JSON, as rolefit quiz or rolefit template writes it)"


#: The first key of each report's JSON, and the command that writes it.
REPORT_FIRST_KEYS = {keys[0]: command for keys, command in _REPORTS}


def _report_of(data: dict[Any, Any]) -> tuple[str, str] | None:
    """The key that shows a document is a report of rolefit's, and the command that writes it."""
    for keys, command in _REPORTS:
        if all(k in data for k in keys):
            return keys[0], command
    return None


def check_document(data: Any, text: str, name: str, extra: tuple[str, ...] = ()) -> _Document:
    """Check an answers document's shape, as :class:`rolefit.files.schemas.AnswersModel` defines it.

    Written out by hand, so that each problem is said with its line and key in rolefit's own
    words and the plain-YAML fast path needs no model; a test checks that both accept and
    reject the same documents. Problems are raised with the key and line.
    """

    def fail(problem: str, *loc: Any) -> AnswersError:
        key = ".".join(str(x) for x in loc)
        return AnswersError(problem, file=name, key=key, line=yamlfile.line_of(text, loc))

    yamlfile.require_mapping(data, text, name, AnswersError)
    if "format" not in data and (report := _report_of(data)):
        key, command = report
        raise fail(f"this is what rolefit {command} writes, not an answers file; {_ANSWERS_WANTED}", key)
    for key in data:
        if key not in TOP_KEYS and key not in extra:
            raise fail(_unknown(key, (*TOP_KEYS, *extra)), key)
    if "format" not in data:
        raise fail("this field is required but missing", "format")
    if type(data["format"]) is not int or data["format"] != FORMAT:  # not 1.0, not True
        raise fail(f"expected {FORMAT}{_found(data['format'])}", "format")
    answers = data.get("answers", {})
    if not isinstance(answers, dict):
        raise fail(f"expected a mapping of keys and values{_found(answers)}", "answers")
    checked: dict[str, dict[str, int]] = {}
    for tid, entry in answers.items():
        if not isinstance(tid, str):
            raise fail(f"expected text{_found(tid)}", "answers", tid)
        if not isinstance(entry, dict):
            raise fail(f"expected a mapping of keys and values{_found(entry)}", "answers", tid)
        checked[tid] = {}
        for aspect, value in entry.items():
            if aspect not in ASPECTS:
                raise fail(_unknown(aspect, ASPECTS), "answers", tid, aspect)
            if value is None:
                continue
            if type(value) is not int:
                raise fail(f"expected a whole number{_found(value)}", "answers", tid, aspect)
            if value < 0:
                raise fail(f"expected at least 0{_found(value)}", "answers", tid, aspect)
            if value > 4:
                raise fail(f"expected at most 4{_found(value)}", "answers", tid, aspect)
            checked[tid][aspect] = value
    context = data.get("context", {})
    if not isinstance(context, dict):
        raise fail(f"expected a mapping of keys and values{_found(context)}", "context")
    for qid, choice in context.items():
        if not isinstance(qid, str):
            raise fail(f"expected text{_found(qid)}", "context", qid)
        if not isinstance(choice, str):
            raise fail(f"expected text{_found(choice)}", "context", qid)
    mode = data.get("quiz")
    if mode is not None and mode not in QUIZ_MODES:
        raise fail(f"expected one of: {', '.join(QUIZ_MODES)}{_found(mode)}", "quiz")
    return _Document(checked, dict(context), _check_stamp(data.get("catalogue"), fail), mode)


def _check_stamp(value: Any, fail: Any) -> Stamp | None:
    if value is None:
        return None
    if isinstance(value, str):
        return Stamp(version=value)
    if not isinstance(value, dict):
        raise fail(f"expected text or a mapping of keys and values{_found(value)}", "catalogue")
    for key in value:
        if key not in ("version", "digest", "tasks"):
            raise fail(_unknown(key, ("version", "digest", "tasks")), "catalogue", key)
    if "version" not in value:
        raise fail("this field is required but missing", "catalogue", "version")
    for key in ("version", "digest"):
        if key in value and not isinstance(value[key], str) and not (key == "digest" and value[key] is None):
            raise fail(f"expected text{_found(value[key])}", "catalogue", key)
    tasks = value.get("tasks", {})
    if not isinstance(tasks, dict):
        raise fail(f"expected a mapping of keys and values{_found(tasks)}", "catalogue", "tasks")
    for tid, fingerprint in tasks.items():
        if not isinstance(tid, str) or not isinstance(fingerprint, str):
            bad = fingerprint if isinstance(tid, str) else tid
            raise fail(f"expected text{_found(bad)}", "catalogue", "tasks", tid)
    return Stamp(value["version"], value.get("digest"), dict(tasks))


def _parse(text: str, name: str) -> Any:
    """The document: a ``.json`` file as JSON, strictly (no trailing comma, no NaN, no key twice);
    anything else as YAML (of which JSON is a subset)."""
    if not name.lower().endswith(".json"):
        return yamlfile.parse(text, name, AnswersError, plain=True)
    import json

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in items:
            if key in out:
                raise AnswersError(f"duplicate key '{key}'", file=name)
            out[key] = value
        return out

    def constant(word: str) -> Any:
        raise AnswersError(f"not valid JSON: {word} is not a number JSON allows", file=name)

    try:
        return json.loads(text, object_pairs_hook=pairs, parse_constant=constant)
    except json.JSONDecodeError as exc:
        raise AnswersError(f"not valid JSON: {exc.msg} (column {exc.colno})", file=name, line=exc.lineno) from None


def parse_answers(text: str, name: str, catalogue: Catalogue, extra: tuple[str, ...] = ()) -> Answers:
    """Check an answers document's shape (``extra``: more top-level keys allowed), then against the catalogue."""
    return parse_answers_and_mode(text, name, catalogue, extra)[0]


def parse_answers_and_mode(
    text: str, name: str, catalogue: Catalogue, extra: tuple[str, ...] = ()
) -> tuple[Answers, str | None]:
    """:func:`parse_answers`, and how the answers were asked (the ``quiz`` key; None if not said)."""
    model = check_document(_parse(text, name), text, name, extra)
    stamp = model.stamp
    task_ids = catalogue.task_by_id
    dropped = []
    for tid in model.answers:
        if tid in task_ids:
            continue
        if stamp is not None and tid in stamp.tasks and stamp.digest != catalogue.digest:
            dropped.append(tid)  # answered for an older catalogue that had this task
            continue
        raise AnswersError(
            f"unknown task id; {did_you_mean(tid, task_ids)}run 'rolefit template' to list the ids",
            file=name,
            key=f"answers.{tid}",
            line=yamlfile.line_of(text, ("answers", tid)),
        )
    other_catalogue = stamp is not None and stamp.digest != catalogue.digest
    context = {}
    for qid, choice in model.context.items():
        question = catalogue.context_by_id.get(qid)
        choices = [c.id for c in question.choices] if question is not None else []
        if question is None or choice not in choices:
            if other_catalogue:  # made for another catalogue: its context questions may differ
                dropped.append(f"context.{qid}")
                continue
            problem = (
                f"unknown context question; {did_you_mean(qid, catalogue.context_by_id)}"
                f"expected one of: {', '.join(catalogue.context_by_id)}"
                if question is None
                else f"unknown choice '{choice}'; {did_you_mean(choice, choices)}expected one of: {', '.join(choices)}"
            )
            raise AnswersError(problem, file=name, key=f"context.{qid}", line=yamlfile.line_of(text, ("context", qid)))
        context[qid] = choice
    kept = {k: v for k, v in model.answers.items() if k in task_ids}
    answers = Answers(
        skill={k: v["skill"] for k, v in kept.items() if "skill" in v},
        interest={k: v["interest"] for k, v in kept.items() if "interest" in v},
        context=context,
        stamp=stamp,
        dropped=tuple(dropped),
    )
    return answers, model.mode


def load_answers(path: str | Path, catalogue: Catalogue) -> Answers:
    """Read an answers file; ``-`` reads standard input. An empty name is an error, not the current folder."""
    return load_answers_and_mode(path, catalogue)[0]


def load_answers_and_mode(path: str | Path, catalogue: Catalogue) -> tuple[Answers, str | None]:
    """:func:`load_answers`, and how they were asked (the ``quiz`` key; None if not said)."""
    if isinstance(path, str) and path == "":
        raise AnswersError("expected a file name (an answers file, or '-' for standard input)", file="''")
    if str(path) == "-":
        name = "<stdin>"
        text = inputs.decode(inputs.read_stdin(AnswersError, name), name, AnswersError)
    else:
        name = str(path)
        text = inputs.read_text(Path(path), AnswersError, "an answers file")
        try:
            return parse_answers_and_mode(text, name, catalogue)
        except AnswersError as exc:
            raise posting_hint(Path(path), exc) from None
    return parse_answers_and_mode(text, name, catalogue)


def posting_hint(path: Path, exc: AnswersError) -> AnswersError:
    """The error, saying so when the file is more likely a job posting (its suffix) than answers."""
    if path.suffix.lower() not in inputs.POSTING_SUFFIXES:
        return exc
    return AnswersError(
        f"{exc.message}; expected an answers file (YAML, as rolefit quiz writes it), and a "
        f"{path.suffix} file is more likely a job posting (rolefit jobs {path})",
        file=exc.file,
        key=exc.key,
        line=exc.line,
    )


def _header(catalogue: Catalogue) -> list[str]:
    return [
        "# Skill:    " + "  ".join(f"{i} {s}" for i, s in enumerate(SKILL_LEVELS[:3])),
        "#           " + "  ".join(f"{i + 3} {s}" for i, s in enumerate(SKILL_LEVELS[3:])),
        "# Interest: " + "  ".join(f"{i} {s}" for i, s in enumerate(INTEREST_LEVELS[:3])),
        "#           " + "  ".join(f"{i + 3} {s}" for i, s in enumerate(INTEREST_LEVELS[3:])),
        f"format: {FORMAT}",
    ]


def _stamp_lines(catalogue: Catalogue) -> list[str]:
    lines = [
        "# The catalogue these answers were given for, so that a later version can tell",
        "# which tasks changed. Written by rolefit; leave it as it is.",
        "catalogue:",
        f"  version: {quoted(catalogue.version)}",
        f"  digest: {quoted(catalogue.digest)}",
        "  tasks:",
    ]
    lines += [f"    {scalar(tid)}: {quoted(h)}" for tid, h in catalogue.task_hashes.items()]
    return lines


def dump_answers(
    answers: Answers, catalogue: Catalogue, defaulted: Iterable[str] = (), *, mode: str | None = None
) -> str:
    """The answers as a commented answers file, in catalogue order (deterministic); ``mode``: how
    they were asked, recorded as the ``quiz`` key.

    Whatever the catalogue's names hold (line breaks, quotes, ``#``, U+2028), the file reads back
    to the same answers: comments are made one safe line, ids and values quoted when need be."""
    marked = set(defaulted)
    body: list[str] = []
    for group in catalogue.groups:
        rows = []
        for t in catalogue.tasks:
            parts = [f"{a}: {v}" for a in ASPECTS if (v := answers.get(a, t.id)) is not None]
            if t.group != group.id or not parts:
                continue
            note = " (default, not asked)" if {f"skill:{t.id}", f"interest:{t.id}"} & marked else ""
            rows.append(f"  {scalar(t.id)}: {{{', '.join(parts)}}}  # {comment(t.title)}{note}")
        if rows:
            body += [f"  # {comment(group.title)}", *rows]
    context = []
    for q in catalogue.context:
        if q.id in answers.context:
            note = " (default, not asked)" if f"context:{q.id}" in marked else ""
            context.append(f"  {scalar(q.id)}: {quoted(answers.context[q.id])}  # {comment(q.title)}{note}")
    lines = [
        "# rolefit answers: replay with  rolefit quiz --answers THIS_FILE",
        *_header(catalogue),
        *([f"quiz: {mode}"] if mode is not None else []),
        *(["answers:", *body] if body else ["answers: {}"]),
        *(["context:", *context] if context else ["context: {}"]),
        *_stamp_lines(catalogue),
    ]
    return "\n".join(lines) + "\n"


def dump_answers_json(answers: Answers, catalogue: Catalogue, *, mode: str | None = None) -> str:
    """The answers as a JSON answers file (the same keys as :func:`dump_answers`, without its
    comments), in catalogue order: for a ``--save`` file named ``.json``, which is read as JSON."""
    import json

    document: dict[str, Any] = {"format": FORMAT}
    if mode is not None:
        document["quiz"] = mode
    document["answers"] = {
        t.id: {a: v for a in ASPECTS if (v := answers.get(a, t.id)) is not None}
        for t in catalogue.tasks
        if any(answers.get(a, t.id) is not None for a in ASPECTS)
    }
    document["context"] = {q.id: answers.context[q.id] for q in catalogue.context if q.id in answers.context}
    document["catalogue"] = {
        "version": catalogue.version,
        "digest": catalogue.digest,
        "tasks": dict(catalogue.task_hashes),
    }
    return json.dumps(document, indent=2) + "\n"


def answers_file_text(
    path: Path, answers: Answers, catalogue: Catalogue, defaulted: Iterable[str] = (), *, mode: str | None = None
) -> str:
    """The answers file to write to ``path``: JSON if its name ends in ``.json`` (as it will be read),
    else the commented YAML of :func:`dump_answers`."""
    if path.name.lower().endswith(".json"):
        return dump_answers_json(answers, catalogue, mode=mode)
    return dump_answers(answers, catalogue, defaulted, mode=mode)


def template(catalogue: Catalogue) -> str:
    """A commented answers file listing every question, its title and scale."""
    lines = [
        "# yaml-language-server: $schema=rolefit-answers.schema.json",
        "# (editors validate and complete this file once that schema is beside it:",
        "#  rolefit schema answers -o rolefit-answers.schema.json)",
        "#",
        "# rolefit answers file. Fill in every value, then run:",
        "#   rolefit quiz --answers THIS_FILE",
        "# Each task takes a skill and an interest from 0 to 4; delete a line to be asked it,",
        f"# or pass --defaults to treat it as {DEFAULT_LEVEL}.",
        *_header(catalogue),
        "answers:",
    ]
    for group in catalogue.groups:
        lines.append(f"  # {comment(group.title)}")
        for t in catalogue.tasks:
            if t.group == group.id:
                value = f"{{skill: {DEFAULT_LEVEL}, interest: {DEFAULT_LEVEL}}}"
                lines.append(f"  {scalar(t.id)}: {value}  # {comment(t.title)}: {comment(t.description)}")
    lines.append("context:")
    for q in catalogue.context:
        lines.append(f"  # {comment(q.title)}")
        lines += [f"  #   {comment(c.id)}: {comment(c.label)}" for c in q.choices]
        lines.append(f"  {scalar(q.id)}: {quoted(q.default)}")
    if not catalogue.context:
        lines[-1] = "context: {}"
    return "\n".join([*lines, *_stamp_lines(catalogue)]) + "\n"
