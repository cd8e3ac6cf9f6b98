"""Shared fixtures: the built-in catalogue, a CLI runner, and answer builders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rolefit.catalogue.load import builtin_dir, load_catalogue
from rolefit.model.catalogue import Catalogue


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture
def catalogue_dir(tmp_path: Path) -> Path:
    """A writable copy of the built-in catalogue, to break in a test."""
    target = tmp_path / "catalogue"
    shutil.copytree(builtin_dir(), target)
    return target


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
