"""The same input gives the same bytes, in any Python process.

Running a report twice in one process cannot show an order that comes from iterating a set or
a frozenset of strings: it is the same in both runs. It changes with the string hash seed, so
the commands here run in two processes with different ``PYTHONHASHSEED`` values (each process
runs every command, one after the other), and their outputs must be byte for byte the same.
The catalogue cache is off in both, so that neither reads what the other wrote.
"""

from __future__ import annotations

import json
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

#: Runs each command (argv[1], JSON) as the console script would, its output in its own file.
RUN_EACH = """\
import json, os, sys
from rolefit.cli import app
for i, args in enumerate(json.loads(sys.argv[1])):
    with open(os.path.join(sys.argv[2], f"{i}.out"), "wb") as out:
        sys.stdout.flush()
        os.dup2(out.fileno(), 1)
        try:
            app(args, prog_name="rolefit")
        except SystemExit as done:
            if done.code:
                sys.exit(f"{args}: exit {done.code}")
        sys.stdout.flush()
"""


def start(seed: str, folder: Path) -> subprocess.Popen[bytes]:
    folder.mkdir()
    env = dict(os.environ, PYTHONHASHSEED=seed, ROLEFIT_CACHE_DIR="off", ROLEFIT_STATE_DIR=str(folder))
    env.update(NO_COLOR="1", COLUMNS="80")
    env.pop("ROLEFIT_CATALOGUE", None)
    return subprocess.Popen(
        [sys.executable, "-c", RUN_EACH, json.dumps(COMMANDS), str(folder)],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


@pytest.mark.slow
def test_output_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    """Each command prints the same bytes under PYTHONHASHSEED=1 and =2."""
    runs = {seed: start(seed, tmp_path / seed) for seed in SEEDS}  # (side by side)
    for seed, run in runs.items():
        _, err = run.communicate(timeout=120)
        assert run.returncode == 0, (seed, err.decode())
    differ = []
    for n, args in enumerate(COMMANDS):
        first, second = ((tmp_path / seed / f"{n}.out").read_bytes() for seed in SEEDS)
        assert first.strip(), args
        if first != second:
            at = next((i for i, (a, b) in enumerate(zip(first, second, strict=False)) if a != b), len(first))
            differ.append(f"rolefit {' '.join(args)}: first difference at byte {at}: {first[at - 40 : at + 40]!r}")
    assert not differ, "\n".join(differ)
