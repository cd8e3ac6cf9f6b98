"""The README's commands are the ones CI runs, and its examples are real."""

from __future__ import annotations

import re

from helpers import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _shell_blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)```", README, flags=re.S)


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert ci in [line.strip() for block in _shell_blocks() for line in block.splitlines()]
    assert "pytest" in ci


def test_files_the_readme_names_exist() -> None:
    for path in set(re.findall(r"examples/answers/\w+\.yaml", README)):
        assert (ROOT / path).is_file(), path
