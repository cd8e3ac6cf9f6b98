"""Glob patterns matched without end-less walks: bounded in depth and count, no symlink loops.

``glob.glob(pattern, recursive=True)`` follows symbolic links to folders under ``**``, so a folder
holding two links to itself is walked for ever, and it recurses once per folder level, so deeply
nested folders end in ``RecursionError``. :func:`match` reads patterns as ``glob`` does (``*``,
``?``, ``[...]``, ``**`` for any number of folders; hidden names only when the pattern starts
with a dot) and walks folders one level at a time, never into a symbolic link under ``**``, at
most :data:`MAX_DEPTH` levels deep and over at most :data:`MAX_ENTRIES` names.
"""

# ruff: noqa: PTH112, PTH117, PTH118 - paths stay text, spelt as glob spells them ("team/a.yaml")

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Callable
from pathlib import Path

from rolefit.errors import RolefitError

#: How many folder levels ``**`` goes down.
MAX_DEPTH = 32
#: How many names a pattern may visit (files and folders), so that a typo such as ``/**`` ends soon.
MAX_ENTRIES = 100_000

_MAGIC = re.compile(r"[*?[]")

ErrorType = Callable[..., RolefitError]


def is_pattern(text: str) -> bool:
    return _MAGIC.search(text) is not None


class _Budget:
    def __init__(self, pattern: str, error: ErrorType) -> None:
        self.left, self.pattern, self.error = MAX_ENTRIES, pattern, error

    def spend(self, n: int) -> None:
        self.left -= n
        if self.left < 0:
            problem = f"this pattern reaches more than {MAX_ENTRIES:,} names; expected a narrower one"
            raise self.error(problem, file=self.pattern)


def _names(folder: str, budget: _Budget) -> list[tuple[str, bool, bool]]:
    """(name, is a folder, is a symbolic link) for each entry of ``folder``; none when it cannot be read."""
    try:
        with os.scandir(folder or ".") as entries:
            found = []
            for entry in entries:
                try:
                    found.append((entry.name, entry.is_dir(), entry.is_symlink()))
                except OSError:
                    found.append((entry.name, False, entry.is_symlink()))
    except OSError:
        return []
    budget.spend(len(found))
    return found


def _visible(name: str, part: str) -> bool:
    return not name.startswith(".") or part.startswith(".")


def _below(top: str, with_files: bool, budget: _Budget) -> list[str]:
    """``top`` and every folder under it (and file too, ``with_files``), without following links to folders."""
    out = [top]
    level = [top]
    for depth in range(MAX_DEPTH + 1):
        nxt: list[str] = []
        for folder in level:
            for name, is_dir, is_link in _names(folder, budget):
                if name.startswith("."):
                    continue
                path = os.path.join(folder, name)
                if is_dir and not is_link:
                    nxt.append(path)
                if with_files or is_dir:
                    out.append(path)
        if not nxt:
            return out
        if depth == MAX_DEPTH:
            break
        level = nxt
    raise budget.error(f"folders are nested more than {MAX_DEPTH} deep under '{top or '.'}'", file=budget.pattern)


def match(pattern: str, error: ErrorType) -> list[str]:
    """The paths ``pattern`` matches, sorted, as ``glob.glob(pattern, recursive=True)`` names them."""
    budget = _Budget(pattern, error)
    head, parts = ("", list(Path(pattern).parts))
    if parts and os.path.isabs(pattern):
        head, parts = parts[0], parts[1:]
    current = [head]
    for k, part in enumerate(parts):
        last = k == len(parts) - 1
        found: list[str] = []
        for base in current:
            if part == "**":
                found += [p for p in _below(base, last, budget) if p or not last]
            elif is_pattern(part):
                for name, is_dir, _ in _names(base, budget):
                    if (last or is_dir) and _visible(name, part) and fnmatch.fnmatchcase(name, part):
                        found.append(os.path.join(base, name))
            else:
                path = os.path.join(base, part)
                if os.path.lexists(path) if last else os.path.isdir(path):
                    found.append(path)
        current = list(dict.fromkeys(found))
    return sorted(p for p in current if p)
