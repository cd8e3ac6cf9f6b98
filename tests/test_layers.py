"""The package's layers, as the tree shows them, and the one rule that keeps them apart.

Each part of ``rolefit`` may import only the parts below it:

- ``text``: text made safe to show on a terminal (escapes, cutting); imports nothing of rolefit.
- ``errors``: rolefit's exceptions; imports only ``text``.
- ``model``: the data model (catalogue, answers): pure dataclasses, no I/O.
- ``scoring``: the scorer, "how firm", comparisons: pure functions of the model.
- ``files``: the file formats: bounded reading, atomic writing, YAML, the answers format, schemas.
- ``catalogue``: loading, checking and caching catalogues (files -> model).
- ``postings``, ``cohort``, ``audit``, ``quiz``, ``api``: what rolefit does with them (read postings,
  score a cohort, replay answers through the quiz, gather answers, the Python API).
- ``report``: rendering results; imported by ``cli`` alone.
- ``cli``: the commands; nothing imports it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import rolefit

PACKAGE = Path(rolefit.__file__).parent

ALLOWED: dict[str, set[str]] = {
    "text": set(),
    "errors": {"text"},
    "model": {"text", "errors"},
    "scoring": {"text", "errors", "model"},
    "files": {"text", "errors", "model"},
    "catalogue": {"text", "errors", "model", "files"},
    "postings": {"text", "errors", "model", "scoring", "files"},
    "cohort": {"text", "errors", "model", "scoring", "files"},
    "audit": {"text", "errors", "model", "scoring", "files", "cohort"},
    "quiz": {"text", "errors", "model", "scoring", "files", "catalogue"},
    "api": {"text", "errors", "model", "scoring", "files", "catalogue", "postings"},
    "report": {"text", "errors", "model", "scoring", "postings", "cohort", "audit"},
    "cli": {
        "text",
        "errors",
        "model",
        "scoring",
        "files",
        "catalogue",
        "postings",
        "cohort",
        "audit",
        "quiz",
        "report",
    },
}


def _part(module: str) -> str:
    """The layer a module belongs to: ``rolefit.report.terminal`` -> ``report``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "rolefit"


def _imports(path: Path) -> set[str]:
    """Every rolefit module ``path`` imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("rolefit"):
            if node.module == "rolefit":
                found.update(f"rolefit.{alias.name}" for alias in node.names if alias.name != "__version__")
            else:
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("rolefit."))
    return found


def _modules() -> list[tuple[str, Path]]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        out.append((".".join(("rolefit", *parts)), path))
    return out


def test_every_part_of_the_package_has_a_layer() -> None:
    """A new top-level module or folder must be given its place in ALLOWED."""
    parts = {_part(name) for name, _ in _modules()} - {"__init__", "__main__", "rolefit"}
    assert parts <= set(ALLOWED), f"no layer for: {sorted(parts - set(ALLOWED))}"


def test_each_layer_imports_only_the_layers_below_it() -> None:
    broken = []
    for name, path in _modules():
        mine = _part(name)
        if mine in ("__init__", "__main__"):
            continue
        for imported in sorted(_imports(path)):
            theirs = _part(imported)
            if theirs != mine and theirs not in ALLOWED[mine]:
                broken.append(f"{name} imports {imported}")
    assert not broken, "\n".join(broken)


def test_the_rule_would_catch_a_scorer_that_reads_files(tmp_path: Path) -> None:
    """The check itself can fail: a scorer importing the answers file format is found."""
    bad = tmp_path / "fit.py"
    bad.write_text("def f():\n    from rolefit.files.answers import load_answers\n", encoding="utf-8")
    assert "files" not in ALLOWED["scoring"]
    assert {_part(m) for m in _imports(bad)} == {"files"}


def test_no_module_is_over_400_lines() -> None:
    long = {name: n for name, path in _modules() if (n := len(path.read_text(encoding="utf-8").splitlines())) > 400}
    assert not long, long
