"""Scoring a cohort: many answers files at once, for a coach.

:func:`expand` turns the command line's arguments (files, folders, glob
patterns) into a list of files; :func:`score_files` scores each one and keeps
going past the ones that fail; :func:`summarise` says how the cohort leans.
The ``to_*`` functions render a :class:`Cohort` as a table, CSV or JSON.

The work is linear in the number of files: catalogue-wide data (the default
answers, role and task order) is derived once per cohort, never per file.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from rolefit.errors import AnswersError, Failure, RolefitError
from rolefit.files import read as inputs
from rolefit.files import walk
from rolefit.files import yamltext as yamlfile
from rolefit.files.answers import REPORT_FIRST_KEYS, load_answers, parse_answers, posting_hint
from rolefit.model.answers import Answers, complete, untouched
from rolefit.model.catalogue import Catalogue
from rolefit.scoring.fit import TIED_NAMED, FitResult, score

#: The files a folder is read for (directly in it, not in subfolders; hidden files are skipped).
ANSWERS_SUFFIXES: tuple[str, ...] = (".yaml", ".yml", ".json")


#: How many "learn next" tasks the summary lists.
LEARN_NEXT_LIMIT = 5


#: A row's flags: fewer answers than questions, a quick quiz's file, the untouched template, a file
#: that answers no question at all (``answers: {build-models: {}}``).
PARTIAL, QUICK, TEMPLATE, EMPTY = "partial", "quick", "template", "empty"
#: The flags of a file that says nothing about anyone: listed, but counted as no one.
NO_ONE = frozenset([TEMPLATE, EMPTY])


@dataclass(frozen=True)
class Row:
    """One person's scores: ``name`` is the file's stem; ``given`` the answers as the file gives
    them (before defaults were filled in), ``answered`` how many of the catalogue's ``questions``
    it answers, and ``flags`` (:data:`PARTIAL`, :data:`QUICK`, :data:`TEMPLATE`) what to be wary of."""

    path: Path
    name: str
    result: FitResult
    given: Answers = field(default_factory=Answers)
    answered: int = 0
    questions: int = 0
    flags: tuple[str, ...] = ()

    @property
    def partial(self) -> bool:
        return PARTIAL in self.flags


@dataclass(frozen=True)
class Leaning:
    """How many people lean to one role, to one hybrid of two, or to one tie of three or more (``roles``)."""

    roles: tuple[str, ...]
    label: str
    count: int

    @property
    def hybrid(self) -> bool:
        return len(self.roles) == 2

    @property
    def tied(self) -> bool:
        return len(self.roles) > 2


@dataclass(frozen=True)
class Summary:
    """How a cohort leans.

    ``leanings``: by count, most first, then catalogue order (a role before its hybrids);
    ``learn_next``: (task id, count) for the top roles' "learn next" tasks, most common first,
    then catalogue order, at most :data:`LEARN_NEXT_LIMIT`.
    """

    people: int
    hybrids: int
    leanings: tuple[Leaning, ...]
    learn_next: tuple[tuple[str, int], ...]
    #: People with no clear lead (three or more roles within the hybrid margin), and partial files.
    ties: int = 0
    partial: int = 0
    #: Files that are the untouched template, or answer no question: listed, but not counted among the people.
    templates: int = 0
    empty: int = 0


@dataclass(frozen=True)
class Cohort:
    """The people scored, in the order of their files, and the files that failed."""

    rows: tuple[Row, ...]
    failures: tuple[Failure, ...]
    summary: Summary


def _is_pattern(text: str) -> bool:
    return walk.is_pattern(text)


def _answer_files(folder: Path) -> list[Path]:
    """The answers files directly in ``folder``, sorted by name."""
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix.lower() in ANSWERS_SUFFIXES and not p.name.startswith(".") and p.is_file()
    )


def _expand_one(arg: str) -> list[Path]:
    """The files one argument stands for; the argument itself when it matches nothing."""
    path = Path(arg)
    if path.is_dir():
        return _answer_files(path) or [path]
    if path.exists() or not _is_pattern(arg):
        return [path]
    found: list[Path] = []
    for match in walk.match(arg, AnswersError):  # bounded: no symlink loops, at most walk.MAX_DEPTH deep
        p = Path(match)
        found += _answer_files(p) if p.is_dir() else [p]
    return found or [path]


def expand(paths: Sequence[str]) -> list[Path]:
    """The files named by ``paths``, in argument order, each once (the first time it appears).

    Each argument is a file, a folder (its ``*.yaml``, ``*.yml`` and ``*.json`` files, sorted) or a
    glob pattern (its matches, sorted; a matching folder counts as that folder). An argument that
    matches nothing is kept as it is, so that :func:`score_files` reports it by name. A pattern that
    reaches too far (folders nested too deep, too many names) is an :class:`AnswersError`.
    """
    seen: set[Path] = set()
    out: list[Path] = []
    for arg in paths:
        if arg == "":
            raise AnswersError("expected a file name, a folder or a pattern", file="''")
        for path in _expand_one(arg):
            key = _identity(path)
            if key not in seen:
                seen.add(key)
                out.append(path)
    return out


#: How much of a JSON file is read to tell a report of rolefit's by its first key.
_REPORT_HEAD = 256
_FIRST_KEY = re.compile(r'\s*\{\s*"([^"\\]{1,40})"\s*:')


def own_reports(files: Sequence[Path], named: Sequence[str]) -> tuple[list[Path], list[str]]:
    """``files`` without the JSON reports of rolefit's a folder or a pattern found among them
    (``rolefit score cohort/ -o cohort/summary.json``, then ``rolefit score cohort/``), and a line
    for stderr for each. A file named on its own is kept: reading it says what it is."""
    kept: list[Path] = []
    notes: list[str] = []
    alone = {_identity(Path(arg)) for arg in named}
    for path in files:
        command = None if path.suffix.lower() != ".json" or _identity(path) in alone else report_command(path)
        if command is None:
            kept.append(path)
        else:
            notes.append(f"{path}: skipped, a report that rolefit {command} wrote, not answers")
    return kept, notes


def report_command(path: Path) -> str | None:
    """The command whose JSON report ``path`` is, by its first key (None: not one, or unreadable)."""
    try:
        with path.open("rb") as f:
            head = f.read(_REPORT_HEAD).decode("utf-8", "replace").lstrip("\ufeff")
    except OSError:
        return None  # (said when it is read)
    first = _FIRST_KEY.match(head)
    return REPORT_FIRST_KEYS.get(first.group(1)) if first else None


def _identity(path: Path) -> Path:
    """What tells two spellings of one file apart: its resolved path (or, for a symlink loop, its own)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):  # a loop of symbolic links, a NUL: reported when it is read
        return path.absolute()


def check_found(path: Path) -> None:
    """Say why an argument that :func:`expand` kept unexpanded names no file."""
    if path.is_dir():
        if not _answer_files(path):
            raise AnswersError("no answers files (*.yaml, *.yml, *.json) in this folder", file=path)
    elif not path.exists() and _is_pattern(str(path)):
        raise AnswersError("no files match this pattern", file=path)


def _failure(path: Path, exc: RolefitError) -> Failure:
    return Failure.of(path, exc)


def _filler(catalogue: Catalogue) -> Answers:
    """Every question answered with its default (derived once, by :func:`complete`)."""
    return complete(Answers(), catalogue)


def _fill(answers: Answers, defaults: Answers) -> Answers:
    """The same as ``complete(answers, catalogue)``, without re-deriving the questions per file."""
    return replace(
        answers,
        skill={**defaults.skill, **answers.skill},
        interest={**defaults.interest, **answers.interest},
        context={**defaults.context, **answers.context},
    )


#: From this many files on, they are read in parallel (reading YAML is most of the work).
PARALLEL_FROM = 200


_WORKER_CATALOGUE: Catalogue | None = None


#: The top-level key a quiz's answers file may carry to say which form it was ("quick", "full").
QUIZ_KEY = "quiz"

Read = tuple[Answers, str | None]


def _read(path: Path, catalogue: Catalogue) -> Read | Failure:
    """A file's answers as given, and its ``quiz`` key (None: the file does not say)."""
    try:
        check_found(path)
        if str(path) == "-":
            return load_answers(path, catalogue), None
        name = str(path)
        text = inputs.read_text(path, AnswersError, "an answers file")
        try:
            answers = parse_answers(text, name, catalogue, extra=(QUIZ_KEY,))
        except AnswersError as exc:
            raise posting_hint(path, exc) from None
        return answers, _quiz_form(text, name)
    except RolefitError as exc:
        return _failure(path, exc)


def _quiz_form(text: str, name: str) -> str | None:
    if QUIZ_KEY not in text:  # parsed again only when the key may be there
        return None
    data = yamlfile.parse(text, name, AnswersError, plain=True)
    value = data.get(QUIZ_KEY) if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


def _read_in_worker(path: Path) -> Read | Failure:
    assert _WORKER_CATALOGUE is not None  # set before the workers were forked
    return _read(path, _WORKER_CATALOGUE)


def _read_all(catalogue: Catalogue, paths: list[Path]) -> list[Read | Failure]:
    """Every file's answers (or why not), in order; in worker processes when there are many."""
    workers = min(os.cpu_count() or 1, 4)
    if len(paths) >= PARALLEL_FROM and workers > 1 and "fork" in multiprocessing.get_all_start_methods():
        global _WORKER_CATALOGUE
        _WORKER_CATALOGUE = catalogue  # the forked workers inherit it: nothing to pickle
        try:
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                return list(pool.map(_read_in_worker, paths, chunksize=max(1, len(paths) // (workers * 8))))
        except (OSError, RuntimeError):  # no processes to be had here: read them one by one
            pass
        finally:
            _WORKER_CATALOGUE = None
    return [_read(path, catalogue) for path in paths]


def score_files(catalogue: Catalogue, paths: Iterable[Path]) -> Cohort:
    """Load, complete (missing answers count as neutral) and score each file.

    A file that cannot be read or does not fit the catalogue becomes a :class:`Failure`; the
    others are still scored, each row keeping its answers as given and how complete they are.
    Rows and failures keep the order of ``paths``.
    """
    defaults = _filler(catalogue)
    questions = defaults.count
    rows: list[Row] = []
    failures: list[Failure] = []
    ordered = list(paths)
    names = person_names(ordered)
    for path, read in zip(ordered, _read_all(catalogue, ordered), strict=True):
        if isinstance(read, Failure):
            failures.append(read)
            continue
        given, form = read
        answered = _answered(given, catalogue)
        flags = (
            *((PARTIAL,) if answered < questions else ()),
            *((QUICK,) if form == "quick" else ()),
            *((TEMPLATE,) if untouched(given, catalogue) else ()),
            *((EMPTY,) if not answered else ()),
        )
        result = score(catalogue, _fill(given, defaults))
        rows.append(Row(path, names[path], result, given, answered, questions, flags))
    return Cohort(rows=tuple(rows), failures=tuple(failures), summary=summarise(rows, catalogue))


def person_names(paths: Sequence[Path]) -> dict[Path, str]:
    """Each file's person: its name without the suffix ("analyst"), or, for names two files share
    ("cohort/analyst.yaml" and "cohort/sub/analyst.yaml"), with its folder ("cohort/analyst",
    "sub/analyst"), or else its whole path without the suffix; standard input ("-") is "stdin", as
    ``rolefit jobs`` names a posting read from it."""
    stem = {p: inputs.STDIN_NAME if str(p) == "-" else p.stem for p in paths}
    stems = Counter(stem.values())
    out = {p: stem[p] if stems[stem[p]] == 1 else f"{p.parent.name}/{stem[p]}" for p in paths}
    twice = Counter(out.values())
    return {p: name if twice[name] == 1 else str(p.with_suffix("")) for p, name in out.items()}


def _answered(given: Answers, catalogue: Catalogue) -> int:
    """How many of the catalogue's questions ``given`` answers."""
    tasks, context = catalogue.task_by_id, catalogue.context_by_id
    return (
        sum(1 for t in given.skill if t in tasks)
        + sum(1 for t in given.interest if t in tasks)
        + sum(1 for q in given.context if q in context)
    )


def _leaning_key(result: FitResult, rank: dict[str, int]) -> tuple[str, ...]:
    """The role, or the hybrid's or tie's roles in catalogue order: "R&D / product" and
    "product / R&D" are one leaning (which of the two is a point ahead is each row's)."""
    close = result.tied or result.hybrid
    if not close:
        return (result.top.role.id,)
    return tuple(sorted((f.role.id for f in close), key=rank.__getitem__))


def _leaning_label(key: tuple[str, ...], catalogue: Catalogue) -> str:
    names = [catalogue.role_by_id[r].short for r in key]
    if len(key) <= 2:
        return " / ".join(names)
    if len(names) > TIED_NAMED:
        names[TIED_NAMED - 1 :] = [f"{len(key) - TIED_NAMED + 1} more"]
    return " / ".join(names) + " (tied)"


def summarise(rows: Sequence[Row], catalogue: Catalogue) -> Summary:
    """How many people lean to each role or hybrid, and what their top roles most ask them to learn.
    An untouched template, or a file that answers nothing, is no one: it is counted apart."""
    role_rank = {r.id: k for k, r in enumerate(catalogue.roles)}
    task_rank = {t.id: k for k, t in enumerate(catalogue.tasks_in_order())}
    counts: Counter[tuple[str, ...]] = Counter()
    labels: dict[tuple[str, ...], str] = {}
    learn: Counter[str] = Counter()
    people = [row for row in rows if NO_ONE.isdisjoint(row.flags)]
    for row in people:
        key = _leaning_key(row.result, role_rank)
        counts[key] += 1
        labels.setdefault(key, _leaning_label(key, catalogue))
        learn.update(row.result.top.learn_next)

    def order(key: tuple[str, ...]) -> tuple[int, int, tuple[int, ...]]:
        return (-counts[key], role_rank[key[0]], tuple(role_rank[k] for k in key[1:]))

    leanings = tuple(Leaning(key, labels[key], counts[key]) for key in sorted(counts, key=order))
    tasks = sorted(learn, key=lambda t: (-learn[t], task_rank.get(t, len(task_rank)), t))
    return Summary(
        people=len(people),
        hybrids=sum(n for key, n in counts.items() if len(key) == 2),
        leanings=leanings,
        learn_next=tuple((t, learn[t]) for t in tasks[:LEARN_NEXT_LIMIT]),
        ties=sum(n for key, n in counts.items() if len(key) > 2),
        partial=sum(1 for row in people if row.partial),
        templates=sum(1 for row in rows if TEMPLATE in row.flags),
        empty=sum(1 for row in rows if EMPTY in row.flags),
    )
