"""The catalogue cache: validated catalogues stored as compact JSON rows, keyed by the files' bytes."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any, TypeVar

from rolefit.catalogue.consistent import consistent
from rolefit.errors import CatalogueError
from rolefit.files import read as inputs
from rolefit.model.catalogue import (
    Catalogue,
    Group,
    Organisation,
    Phase,
    Role,
    RoleTask,
    Stage,
    Task,
    question_from,
)

R = TypeVar("R")
CACHE_ENV = "ROLEFIT_CACHE_DIR"


#: Bump when the cached layout changes; old entries are then simply not found.
CACHE_FORMAT = 3

#: The largest cache entry read: a catalogue's two files at their largest, and room for JSON's quoting.
MAX_ENTRY_BYTES = 4 * inputs.MAX_CATALOGUE_BYTES


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
        data = json.loads(inputs.read_bytes(path, CatalogueError, "a catalogue cache entry", MAX_ENTRY_BYTES))
        if data.get("format") != CACHE_FORMAT or data.get("key") != key:
            return None
        catalogue = _build(data["catalogue"], source)
    except (CatalogueError, ValueError, KeyError, IndexError, TypeError, AttributeError):
        return None  # missing, unreadable or corrupt: validate the files again
    return catalogue if consistent(catalogue) else None


def _to_cache(key: str, rows: dict[str, Any]) -> None:
    """Store a validated catalogue's rows (JSON: never executable). A cache that cannot be written is no error.

    The entry is written to a temporary file renamed into place (a reader sees the old entry or the
    whole new one); when it cannot be written (a full disk, no permission) nothing is left behind.
    """
    path = _cache_file(key)
    if path is None:
        return
    text = json.dumps(
        {"format": CACHE_FORMAT, "key": key, "catalogue": rows}, ensure_ascii=False, separators=(",", ":")
    )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        Path(name).replace(path)
    except OSError:
        return
    finally:
        with contextlib.suppress(OSError):
            Path(name).unlink()
