"""Loading the catalogue: the tasks, the role archetypes and the context questions.

The built-in catalogue ships inside the package (``rolefit/data``); in a source
checkout it is read from the repository's ``data/`` folder. Each file is
validated against :mod:`rolefit.models`, then the two are checked against each
other: every id unique, every reference known.

What validates is cached, as JSON, in the user's cache folder (``platformdirs``;
``ROLEFIT_CACHE_DIR`` overrides it, ``ROLEFIT_CACHE_DIR=off`` turns it off),
under a key made of the two files' exact bytes and rolefit's version: a cache
entry is only ever used for the very files it was made from, and one that does
not read back cleanly is ignored and made again. So a catalogue is parsed and
validated once, and later runs skip PyYAML and pydantic altogether.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from rolefit import __version__, inputs
from rolefit.domain import ContextQuestion, Group, Organisation, Phase, Role, RoleTask, Stage, Task, question_from
from rolefit.errors import CatalogueError, UnknownRoleError, did_you_mean

if TYPE_CHECKING:
    from pydantic import BaseModel

    from rolefit.models import RoleFile, TaskFile

M = TypeVar("M", bound="BaseModel")
R = TypeVar("R")
CACHE_ENV = "ROLEFIT_CACHE_DIR"
#: Bump when the cached layout changes; old entries are then simply not found.
CACHE_FORMAT = 3

TASKS_FILE = "tasks.yaml"
ROLES_FILE = "roles.yaml"


@dataclass(frozen=True)
class Catalogue:
    """Tasks, roles and context questions, cross-checked."""

    version: str
    stages: tuple[Stage, ...]
    groups: tuple[Group, ...]
    tasks: tuple[Task, ...]
    roles: tuple[Role, ...]
    context: tuple[ContextQuestion, ...]
    source: str = field(default="", compare=False)
    digest: str = field(default="", compare=False)

    @cached_property
    def task_by_id(self) -> dict[str, Task]:
        return {t.id: t for t in self.tasks}

    @cached_property
    def task_hashes(self) -> dict[str, str]:
        """A short fingerprint of each task's wording, to tell which tasks changed between versions."""
        return {
            t.id: hashlib.sha256(f"{t.group}\0{t.title}\0{t.description}".encode()).hexdigest()[:8] for t in self.tasks
        }

    @cached_property
    def group_by_id(self) -> dict[str, Group]:
        return {g.id: g for g in self.groups}

    @cached_property
    def stage_by_id(self) -> dict[str, Stage]:
        return {s.id: s for s in self.stages}

    @cached_property
    def role_by_id(self) -> dict[str, Role]:
        return {r.id: r for r in self.roles}

    @cached_property
    def context_by_id(self) -> dict[str, ContextQuestion]:
        return {q.id: q for q in self.context}

    @cached_property
    def task_rank(self) -> dict[str, int]:
        """Each task's place in :meth:`tasks_in_order`."""
        return {t.id: k for k, t in enumerate(self._ordered)}

    @cached_property
    def _ordered(self) -> tuple[Task, ...]:
        rank = {g.id: i for i, g in enumerate(self.groups)}
        return tuple(sorted(self.tasks, key=lambda t: rank[t.group]))

    def tasks_in_order(self) -> list[Task]:
        """Tasks grouped by group (in the groups' order), file order within a group."""
        return list(self._ordered)

    def find_role(self, name: str) -> Role:
        """A role by id, name or unambiguous prefix of either, case-insensitive."""
        wanted = " ".join(name.lower().split())
        if not wanted:
            raise UnknownRoleError(f"expected a role name; valid roles: {self._role_list()}")
        for role in self.roles:
            if wanted in (role.id, role.name.lower(), role.short.lower()):
                return role
        matches = [r for r in self.roles if any(k.startswith(wanted) for k in (r.id, r.name.lower(), r.short.lower()))]
        if len(matches) == 1:
            return matches[0]
        if matches:
            names = ", ".join(r.id for r in matches)
            raise UnknownRoleError(f"'{name}' matches several roles ({names}); type more of the name")
        raise UnknownRoleError(f"no role called '{name}'; valid roles: {self._role_list()}")

    def _role_list(self) -> str:
        return ", ".join(f"{r.id} ({r.name})" for r in self.roles)


def builtin_dir() -> Path:
    """The folder of the catalogue that ships with rolefit."""
    packaged = Path(__file__).resolve().parent / "data"
    if (packaged / TASKS_FILE).is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "data"


def load_catalogue(folder: str | Path | None = None) -> Catalogue:
    """Load and check the catalogue in ``folder`` (the built-in one by default).

    Raises :class:`CatalogueError` for the first problem; :func:`check_catalogue` lists them all.
    """
    catalogue, problems = _load(folder)
    if problems:
        raise problems[0]
    assert catalogue is not None
    return catalogue


def check_catalogue(folder: str | Path | None = None) -> list[CatalogueError]:
    """Every problem in the catalogue in ``folder``, in file order (empty when it is valid)."""
    return _load(folder)[1]


def _load(folder: str | Path | None) -> tuple[Catalogue | None, list[CatalogueError]]:
    base = Path(folder) if folder is not None else builtin_dir()
    if folder is not None and not base.is_dir():
        return None, [CatalogueError(f"expected a folder holding {TASKS_FILE} and {ROLES_FILE}", file=base)]
    problems: list[CatalogueError] = []
    raw: list[bytes] = []
    for name, what in ((TASKS_FILE, "the tasks catalogue"), (ROLES_FILE, "the roles catalogue")):
        try:
            raw.append(inputs.read_bytes(base / name, CatalogueError, what, inputs.MAX_CATALOGUE_BYTES))
        except CatalogueError as exc:
            problems.append(exc)
    if problems:
        return None, problems
    tasks_bytes, roles_bytes = raw
    digest = hashlib.sha256(tasks_bytes + b"\0" + roles_bytes).hexdigest()
    key = hashlib.sha256(f"{__version__}\0{CACHE_FORMAT}\0{digest}".encode()).hexdigest()[:32]
    with _collector_paused():
        cached = _from_cache(key, str(base))
        if cached is not None:
            return cached, []
        rows, catalogue, problems = _validate(base, tasks_bytes, roles_bytes, digest[:16])
        if rows is not None:
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
    from rolefit.models import RoleFile, TaskFile

    tasks_path, roles_path = base / TASKS_FILE, base / ROLES_FILE
    problems: list[CatalogueError] = []
    texts = []
    for path, data in ((tasks_path, tasks_bytes), (roles_path, roles_bytes)):
        try:
            texts.append(inputs.decode(data, str(path), CatalogueError, inputs.MAX_CATALOGUE_BYTES))
        except CatalogueError as exc:
            problems.append(exc)
    if problems:
        return None, None, problems
    task_file = _validated(TaskFile, tasks_path, texts[0], problems)
    role_file = _validated(RoleFile, roles_path, texts[1], problems)
    tasks_name, roles_name = str(tasks_path), str(roles_path)
    if task_file is not None:
        problems = check_tasks(task_file, tasks_name) + problems
    if task_file is None or role_file is None:
        return None, None, problems
    problems += check_roles(task_file, role_file, tasks_name, roles_name)
    if problems:
        return None, None, problems
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


def _build(rows: dict[str, Any], source: str) -> Catalogue:
    """A catalogue from its compact rows (made from validated files, or read back from the cache)."""
    # Tasks and role tasks come by the ten thousand in a large catalogue, and a frozen
    # dataclass's __init__ (object.__setattr__ per field) costs more than reading them: the
    # records are made with all their fields set at once, every field given, as __init__ would.
    new, set_fields = object.__new__, object.__setattr__

    def made(cls: type[R], fields: dict[str, Any]) -> R:
        record = new(cls)
        set_fields(record, "__dict__", fields)
        return record

    def task(x: list[Any]) -> Task:  # (made() written out: this runs 20,000 times)
        record = new(Task)
        fields = {"id": x[0], "title": x[1], "group": x[2], "description": x[3], "stage": x[4], "lexicon": tuple(x[5])}
        set_fields(record, "__dict__", fields)
        return record

    def role_task(t: list[Any]) -> RoleTask:  # (the same)
        record = new(RoleTask)
        set_fields(record, "__dict__", {"task": t[0], "weight": float(t[1]), "source": t[2], "note": t[3]})
        return record

    def role(r: list[Any]) -> Role:
        return made(
            Role,
            {
                "id": r[0],
                "name": r[1],
                "short": r[2],
                "summary": r[3],
                "tasks": tuple(map(role_task, r[4])),
                "organisations": tuple(made(Organisation, {"kind": o[0], "description": o[1]}) for o in r[5]),
                "evolution": tuple(
                    made(Phase, {"when": p[0], "description": p[1], "tasks": tuple(p[2])}) for p in r[6]
                ),
            },
        )

    return Catalogue(
        version=rows["version"],
        stages=tuple(Stage(*x) for x in rows["stages"]),
        groups=tuple(Group(*x) for x in rows["groups"]),
        tasks=tuple(map(task, rows["tasks"])),
        roles=tuple(map(role, rows["roles"])),
        context=tuple(question_from(q) for q in rows["context"]),
        source=source,
        digest=rows["digest"],
    )


def cache_dir() -> Path | None:
    """Where validated catalogues are cached (None: caching is off)."""
    override = os.environ.get(CACHE_ENV)
    if override is not None:
        return None if override.strip().lower() in ("", "off", "0", "no") else Path(override)
    import platformdirs

    return platformdirs.user_cache_path("rolefit")


def _cache_file(key: str) -> Path | None:
    folder = cache_dir()
    return folder / f"catalogue-{key}.json" if folder is not None else None


def _from_cache(key: str, source: str) -> Catalogue | None:
    path = _cache_file(key)
    if path is None:
        return None
    try:
        with path.open("rb") as handle:
            data = json.load(handle)
        if data.get("format") != CACHE_FORMAT or data.get("key") != key:
            return None
        return _build(data["catalogue"], source)
    except (OSError, ValueError, KeyError, IndexError, TypeError, AttributeError):
        return None  # missing, unreadable or corrupt: validate the files again


def _to_cache(key: str, rows: dict[str, Any]) -> None:
    """Store a validated catalogue's rows (JSON: never executable). A cache that cannot be written is no error."""
    path = _cache_file(key)
    if path is None:
        return
    text = json.dumps(
        {"format": CACHE_FORMAT, "key": key, "catalogue": rows}, ensure_ascii=False, separators=(",", ":")
    )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)  # atomic: a reader sees the old entry or the whole new one
    except OSError:
        return


def _validated(schema: type[M], path: Path, text: str, problems: list[CatalogueError]) -> M | None:
    """Parse and validate one file, adding what is wrong with it to ``problems``."""
    from rolefit import yamlfile

    try:
        data = yamlfile.parse(text, str(path), CatalogueError)
    except CatalogueError as exc:
        problems.append(exc)
        return None
    model, found = yamlfile.check(schema, data, text, str(path), CatalogueError)
    problems += [p for p in found if isinstance(p, CatalogueError)]
    return model


def load_roles(folder: str | Path | None = None) -> list[Role]:
    """The role archetypes, best read as ``jobs = load_roles()``."""
    return list(load_catalogue(folder).roles)


def load_tasks(folder: str | Path | None = None) -> list[Task]:
    return list(load_catalogue(folder).tasks)


def _duplicates(ids: Iterable[str]) -> list[str]:
    return sorted(i for i, n in Counter(ids).items() if n > 1)


def check_tasks(tasks: TaskFile, tasks_name: str) -> list[CatalogueError]:
    """Problems in tasks.yaml that its schema cannot see: duplicate ids, unknown groups and stages."""
    out: list[CatalogueError] = []
    for what, ids in (
        ("stages", [s.id for s in tasks.stages]),
        ("groups", [g.id for g in tasks.groups]),
        ("tasks", [t.id for t in tasks.tasks]),
    ):
        for dup in _duplicates(ids):
            out.append(CatalogueError("duplicate id; ids must be unique", file=tasks_name, key=f"{what}[{dup}]"))
    stage_ids = {s.id for s in tasks.stages}
    group_ids = {g.id for g in tasks.groups}
    for t in tasks.tasks:
        if t.group not in group_ids:
            out.append(
                CatalogueError(
                    f"unknown group '{t.group}'; {did_you_mean(t.group, group_ids)}"
                    f"expected one of: {', '.join(sorted(group_ids))}",
                    file=tasks_name,
                    key=f"tasks[{t.id}].group",
                )
            )
        if t.stage not in stage_ids:
            out.append(
                CatalogueError(
                    f"unknown stage '{t.stage}'; {did_you_mean(t.stage, stage_ids)}"
                    f"expected one of: {', '.join(sorted(stage_ids))}",
                    file=tasks_name,
                    key=f"tasks[{t.id}].stage",
                )
            )
    return out


def check_roles(tasks: TaskFile, roles: RoleFile, tasks_name: str, roles_name: str) -> list[CatalogueError]:
    """Problems within roles.yaml and between it and tasks.yaml, in file order."""
    out: list[CatalogueError] = []
    task_ids = {t.id for t in tasks.tasks}
    for dup in _duplicates(r.id for r in roles.roles):
        out.append(CatalogueError("duplicate id; ids must be unique", file=roles_name, key=f"roles[{dup}]"))
    role_ids = {r.id for r in roles.roles}
    for r in roles.roles:
        for dup in _duplicates(rt.task for rt in r.tasks):
            out.append(CatalogueError("task listed twice", file=roles_name, key=f"roles[{r.id}].tasks[{dup}]"))
        for rt in r.tasks:
            if rt.task not in task_ids:
                out.append(
                    CatalogueError(
                        f"unknown task id '{rt.task}'; {did_you_mean(rt.task, task_ids)}"
                        f"expected an id from {tasks_name}",
                        file=roles_name,
                        key=f"roles[{r.id}].tasks[{rt.task}]",
                    )
                )
        for i, phase in enumerate(r.evolution):
            for tid in phase.tasks:
                if tid not in task_ids:
                    out.append(
                        CatalogueError(
                            f"unknown task id '{tid}'; {did_you_mean(tid, task_ids)}expected an id from {tasks_name}",
                            file=roles_name,
                            key=f"roles[{r.id}].evolution[{i + 1}].tasks",
                        )
                    )
    for dup in _duplicates(q.id for q in roles.context):
        out.append(CatalogueError("duplicate id; ids must be unique", file=roles_name, key=f"context[{dup}]"))
    for q in roles.context:
        for dup in _duplicates(c.id for c in q.choices):
            out.append(CatalogueError("duplicate choice id", file=roles_name, key=f"context[{q.id}].choices[{dup}]"))
        for c in q.choices:
            for rid in c.roles:
                if rid not in role_ids:
                    out.append(
                        CatalogueError(
                            f"unknown role id '{rid}'; {did_you_mean(rid, role_ids)}"
                            f"expected one of: {', '.join(sorted(role_ids))}",
                            file=roles_name,
                            key=f"context[{q.id}].choices[{c.id}].roles",
                        )
                    )
    return out
