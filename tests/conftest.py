"""Shared fixtures: the built-in catalogue, a CLI runner, and answer builders.

Also the hypothesis budgets. The default profile, ``fast``, keeps ``pytest`` within a minute on
two cores: every property runs at most ``FAST_CAP`` examples, even one written with a larger
``@settings(max_examples=...)`` (those numbers are the budgets of a long run). The ``thorough``
profile runs each property with the budget written beside it (and 500 examples where none is):
``pytest --hypothesis-profile=thorough``, or ``ROLEFIT_HYPOTHESIS_PROFILE=thorough pytest``.
``ROLEFIT_FUZZ_EXAMPLES=N`` sets the budget of the fuzz tests in ``test_hardening.py`` alone.
"""

from __future__ import annotations

import functools
import os
import shutil
import sys
from pathlib import Path

import pytest
import typer.testing
from hypothesis import settings
from typer.main import get_command

from rolefit.catalogue.load import load_catalogue
from rolefit.model.catalogue import Catalogue

from helpers import copy_catalogue

#: The most examples any one property runs with the ``fast`` profile.
FAST_CAP = 25

# No deadline: the suite runs on every core, beside subprocesses, and a loaded machine is not a bug.
settings.register_profile("fast", max_examples=FAST_CAP, deadline=None)
settings.register_profile("thorough", max_examples=500, deadline=None)
settings.load_profile(os.environ.get("ROLEFIT_HYPOTHESIS_PROFILE", "fast"))

# typer's CliRunner builds the click command tree from the app anew at every ``invoke`` (about 7 ms,
# more than many a command takes; the tests invoke the app some 600 times). The console script builds
# it once per process; so do the tests: once per app, per worker. The tree keeps no state between runs.
typer.testing._get_command = functools.cache(get_command)  # type: ignore[attr-defined]


def _budget(test: object) -> settings | None:
    found = getattr(test, "_hypothesis_internal_use_settings", None)
    return found if isinstance(found, settings) else None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """With the ``fast`` profile, cap each property's examples at FAST_CAP; then put the slowest
    tests (pseudo-terminals, then properties) first, so that no worker is left with a long one at
    the end. The order is the same in every worker, as pytest-xdist requires."""
    if settings.get_current_profile_name() == "fast":
        for item in items:
            test = getattr(item, "obj", None)
            budget = _budget(test)
            if budget is not None and budget.max_examples > FAST_CAP:
                test._hypothesis_internal_use_settings = settings(budget, max_examples=FAST_CAP)  # type: ignore[union-attr]

    def weight(item: pytest.Item) -> int:
        if item.get_closest_marker("pty") is not None or item.get_closest_marker("slow") is not None:
            return 0
        return 1 if _budget(getattr(item, "obj", None)) is not None else 2

    items.sort(key=weight)


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture
def catalogue_dir(tmp_path: Path) -> Path:
    """A writable copy of the built-in catalogue, to break in a test."""
    return copy_catalogue(tmp_path)


@pytest.fixture(autouse=True)
def _stable_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rich renders at 80 columns, without colour, whatever terminal runs the tests."""
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("ROLEFIT_CATALOGUE", raising=False)


@pytest.fixture(scope="session")
def _cache_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def cache_dir(_cache_root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The catalogue cache lives in the test run's own folder, never the user's."""
    monkeypatch.setenv("ROLEFIT_CACHE_DIR", str(_cache_root))
    return _cache_root


@pytest.fixture(autouse=True)
def state_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test has its own state folder: the user's real quiz session is never touched."""
    folder = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("ROLEFIT_STATE_DIR", str(folder))
    return folder


def pytest_configure(config: pytest.Config) -> None:
    """Compile rolefit to bytecode once, as ``pip install`` would, even where PYTHONDONTWRITEBYTECODE
    is set: the many tests that start ``python -m rolefit`` would otherwise each compile it anew.
    And before any test module is imported (many load the catalogue as they are), point the cache
    and the state folder at this run's own folders: the user's are never read or written."""
    import compileall
    import tempfile

    import rolefit

    own = Path(tempfile.mkdtemp(prefix="rolefit-tests-"))
    config.add_cleanup(lambda: shutil.rmtree(own, ignore_errors=True))
    for name in ("cache", "state"):
        (own / name).mkdir()
        os.environ[f"ROLEFIT_{name.upper()}_DIR"] = str(own / name)
    compileall.compile_dir(str(Path(rolefit.__file__).parent), quiet=1, workers=1)


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector: pytest.Collector) -> object:
    """Let pytest keep each test module it has rewritten (its asserts) in ``tests/__pycache__``, even
    where PYTHONDONTWRITEBYTECODE is set: else it parses and rewrites every one of them anew in each
    worker, at every run, before the first test starts. Only while a test module is imported, so
    that nothing is written beside the installed packages; subprocesses still see the variable."""
    if not isinstance(collector, pytest.Module):
        return (yield)
    was = sys.dont_write_bytecode
    sys.dont_write_bytecode = False
    try:
        return (yield)
    finally:
        sys.dont_write_bytecode = was
