"""Loading the catalogue: the tasks, the role archetypes and the context questions.

The built-in catalogue ships inside the package (``rolefit/data``); in a source
checkout it is read from the repository's ``data/`` folder. Each file is
validated against :mod:`rolefit.files.schemas`, then the two are checked against each
other: every id unique, every reference known.

What validates is cached, as JSON, in the user's cache folder (``platformdirs``;
``ROLEFIT_CACHE_DIR`` overrides it, ``ROLEFIT_CACHE_DIR=off`` turns it off),
under a key made of the two files' exact bytes and rolefit's version: a cache
entry is only ever used for the very files it was made from, and one that does
not read back cleanly is ignored and made again. So a catalogue is parsed and
validated once, and later runs skip PyYAML and pydantic's validation altogether.
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from rolefit import __version__
from rolefit.catalogue.cache import CACHE_FORMAT, _build, _from_cache, _to_cache
from rolefit.catalogue.checks import Found, check_roles, check_tasks
from rolefit.errors import CatalogueError
from rolefit.files import read as inputs
from rolefit.model.catalogue import (
    Catalogue,
    Role,
    Task,
)

if TYPE_CHECKING:
    from pydantic import BaseModel

    from rolefit.files.yamltext import Lines


M = TypeVar("M", bound="BaseModel")


R = TypeVar("R")


TASKS_FILE = "tasks.yaml"


ROLES_FILE = "roles.yaml"


def builtin_dir() -> Path:
    """The folder of the catalogue that ships with rolefit."""
    packaged = Path(__file__).resolve().parents[1] / "data"
    if (packaged / TASKS_FILE).is_file():
        return packaged
    return Path(__file__).resolve().parents[3] / "data"


def load_catalogue(folder: str | Path | None = None) -> Catalogue:
    """Load and check the catalogue in ``folder`` (the built-in one by default).

    Raises :class:`CatalogueError` for the first problem; :func:`check_catalogue` lists them all.
    """
    catalogue, problems = _load(folder)
    if problems:
        raise problems[0]
    assert catalogue is not None
    return catalogue


def check_catalogue(folder: str | Path | None = None) -> tuple[list[CatalogueError], Catalogue | None]:
    """Every problem in the catalogue in ``folder``, in file order (empty when it is valid), and the
    catalogue when there are none. The files are always read and validated anew, never from the cache."""
    catalogue, problems = _load(folder, cached=False)
    return problems, catalogue


def _load(folder: str | Path | None, *, cached: bool = True) -> tuple[Catalogue | None, list[CatalogueError]]:
    given: object = folder  # (from the Python API: anything may come)
    if given is not None and not isinstance(given, (str, Path)):
        return None, [CatalogueError(f"expected a folder name (got {type(given).__name__})", key="folder")]
    if folder == "":
        return None, [CatalogueError("expected a folder name, not an empty one", key="folder")]
    base = Path(folder) if folder is not None else builtin_dir()
    if folder is not None and not base.is_dir():
        return None, [CatalogueError(f"expected a folder holding {TASKS_FILE} and {ROLES_FILE}", file=base)]
    problems: list[CatalogueError] = []
    raw: dict[str, bytes] = {}
    for name, what in ((TASKS_FILE, "the tasks catalogue"), (ROLES_FILE, "the roles catalogue")):
        try:
            raw[name] = inputs.read_bytes(base / name, CatalogueError, what, inputs.MAX_CATALOGUE_BYTES)
        except CatalogueError as exc:
            problems.append(exc)
    if problems:
        # the file that could be read is still checked on its own: every problem in one run
        for name, data in raw.items():
            problems += _validate_alone(base, name, data)
        return None, problems
    tasks_bytes, roles_bytes = raw[TASKS_FILE], raw[ROLES_FILE]
    digest = hashlib.sha256(tasks_bytes + b"\0" + roles_bytes).hexdigest()
    key = hashlib.sha256(f"{__version__}\0{CACHE_FORMAT}\0{digest}".encode()).hexdigest()[:32]
    with _collector_paused():
        hit = _from_cache(key, str(base)) if cached else None
        if hit is not None:
            return hit, []
        rows, catalogue, problems = _validate(base, tasks_bytes, roles_bytes, digest[:16])
        if cached and rows is not None:
            _to_cache(key, rows)
    return catalogue, problems


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a catalogue is read and built.

    A large catalogue is hundreds of thousands of new objects and no reference cycles; the
    collector would walk them again and again as they are made, which took as long as parsing.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _validate(
    base: Path, tasks_bytes: bytes, roles_bytes: bytes, digest: str
) -> tuple[dict[str, Any] | None, Catalogue | None, list[CatalogueError]]:
    """Parse and validate both files (PyYAML, pydantic) and cross-check them."""
    from rolefit.files.schemas import RoleFile, TaskFile

    tasks_path, roles_path = base / TASKS_FILE, base / ROLES_FILE
    tasks_name, roles_name = str(tasks_path), str(roles_path)
    task_read = _read(TaskFile, tasks_name, tasks_bytes)
    role_read = _read(RoleFile, roles_name, roles_bytes)
    task_read.problems += _located(check_tasks(task_read.data), task_read)
    role_read.problems += _located(check_roles(task_read.data, role_read.data, tasks_name), role_read)
    problems = _in_file_order(task_read.problems) + _in_file_order(role_read.problems)
    task_file, role_file = task_read.model, role_read.model
    if problems or task_file is None or role_file is None:
        return None, None, problems
    del task_read, role_read  # the parsed data and its nodes: not needed to build the catalogue
    tasks_data, roles_data = task_file.model_dump(), role_file.model_dump()
    rows = {
        "version": tasks_data["version"],
        "digest": digest,
        "stages": [[x["id"], x["title"], x["description"]] for x in tasks_data["stages"]],
        "groups": [[x["id"], x["title"], x["short"]] for x in tasks_data["groups"]],
        "tasks": [
            [x["id"], x["title"], x["group"], x["description"], x["stage"], x["lexicon"]] for x in tasks_data["tasks"]
        ],
        "roles": [
            [
                r["id"],
                r["name"],
                r["short"],
                r["summary"],
                [[t["task"], t["weight"], t["source"], t["note"]] for t in r["tasks"]],
                [[o["kind"], o["description"]] for o in r["organisations"]],
                [[p["when"], p["description"], p["tasks"]] for p in r["evolution"]],
            ]
            for r in roles_data["roles"]
        ],
        "context": roles_data["context"],
    }
    return rows, _build(rows, str(base)), []


def _validate_alone(base: Path, name: str, data: bytes) -> list[CatalogueError]:
    """The problems of one catalogue file whose partner could not be read (no cross-checks)."""
    from rolefit.files.schemas import RoleFile, TaskFile

    with _collector_paused():
        if name == TASKS_FILE:
            read = _read(TaskFile, str(base / TASKS_FILE), data)
            read.problems += _located(check_tasks(read.data), read)
        else:
            read = _read(RoleFile, str(base / ROLES_FILE), data)
            read.problems += _located(check_roles(None, read.data, str(base / TASKS_FILE)), read)
    return _in_file_order(read.problems)


@dataclass
class _Read:
    """One catalogue file as far as it could be read: its data, where its keys are, its model, its problems."""

    name: str
    data: Any = None
    lines: Lines | None = None
    model: Any = None
    problems: list[CatalogueError] = field(default_factory=list)


def _read(schema: type[BaseModel], name: str, raw: bytes) -> _Read:
    """Decode, parse (once) and validate one file; its problems are kept, not raised."""
    from rolefit.files import yamltext

    read = _Read(name)
    try:
        text = inputs.decode(raw, name, CatalogueError, inputs.MAX_CATALOGUE_BYTES)
        read.data, read.lines = yamltext.parse_located(text, name, CatalogueError)
    except CatalogueError as exc:
        read.problems.append(exc)
        return read
    read.model, found = yamltext.check(schema, read.data, text, name, CatalogueError, read.lines)
    read.problems += [p for p in found if isinstance(p, CatalogueError)]
    return read


def _located(found: list[Found], read: _Read) -> list[CatalogueError]:
    lines = read.lines
    return [
        CatalogueError(f.message, file=read.name, key=f.key, line=lines.line(f.loc) if lines is not None else None)
        for f in found
    ]


def _in_file_order(problems: list[CatalogueError]) -> list[CatalogueError]:
    """By line (stable: problems at one place keep their order); ones without a line first, as they were."""
    return sorted(problems, key=lambda p: -1 if p.line is None else p.line)


def load_roles(folder: str | Path | None = None) -> list[Role]:
    """The role archetypes, best read as ``jobs = load_roles()``."""
    return list(load_catalogue(folder).roles)


def load_tasks(folder: str | Path | None = None) -> list[Task]:
    return list(load_catalogue(folder).tasks)
