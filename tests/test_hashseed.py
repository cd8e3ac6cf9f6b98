"""The same input gives the same bytes, in any Python process.

Running a report twice in one process cannot show an order that comes from iterating a set or
a frozenset of strings: it is the same in both runs. It changes with the string hash seed, so
each command here runs in two processes with different ``PYTHONHASHSEED`` values, and their
outputs must be byte for byte the same. The catalogue cache is off in both, so that neither
reads what the other wrote.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT

#: Every report format, and the commands whose output gathers many files.
COMMANDS = [
    ("quiz", "--answers", "examples/answers/researcher.yaml", "--format", "json"),
    ("score", "examples/answers", "--format", "json"),
    ("jobs", "tests/postings", "--format", "json"),
    # The HTML page holds the charts (the SVG) and the same sections as Markdown.
    ("quiz", "--answers", "examples/answers/builder.yaml", "--format", "html"),
]
SEEDS = ("1", "2")


def output(args: tuple[str, ...], seed: str, state: Path) -> bytes:
    env = dict(os.environ, PYTHONHASHSEED=seed, ROLEFIT_CACHE_DIR="off", ROLEFIT_STATE_DIR=str(state))
    env.update(NO_COLOR="1", COLUMNS="80")
    env.pop("ROLEFIT_CATALOGUE", None)
    run = subprocess.run(
        [sys.executable, "-m", "rolefit", *args],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, (args, seed, run.stderr.decode())
    assert run.stdout.strip(), (args, seed)
    return run.stdout


@pytest.mark.slow
def test_output_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    """Each command prints the same bytes under PYTHONHASHSEED=1 and =2."""
    differ = []
    for args in COMMANDS:
        first, second = (output(args, seed, tmp_path / seed) for seed in SEEDS)
        if first != second:
            at = next((i for i, (a, b) in enumerate(zip(first, second, strict=False)) if a != b), len(first))
            differ.append(f"rolefit {' '.join(args)}: first difference at byte {at}: {first[at - 40 : at + 40]!r}")
    assert not differ, "\n".join(differ)
