"""How long does a quiz prompt take to appear? The whole quiz in a pseudo-terminal, against questionary's own.

    python benchmarks/prompts.py              # 3 rounds
    python benchmarks/prompts.py --rounds 5

Each round runs, one after the other in the same pseudo-terminal size: ``rolefit quiz --full`` with
a digit typed as soon as each of its 62 prompts is active (then Enter at the review), and, as the
baseline, a bare questionary ``select`` asked 62 times in one process (questionary as it comes, with
no rolefit code loaded; its digit moves the pointer, so Enter follows). Both are timed from the
first prompt on screen to the last answer, so start-up does not count, and the ratio of the
medians is printed: how much a rolefit prompt costs against questionary's. Needs pexpect
(``pip install -e '.[test]'``) and a POSIX system.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pexpect

PROMPTS = 62
#: The baseline: questionary's select prompt, asked PROMPTS times, answered by a digit each.
BARE = f"""
import questionary
for k in range({PROMPTS}):
    questionary.select(
        f"Question {{k + 1}}", choices=["none", "tried", "some", "good", "expert"],
        use_shortcuts=True,
    ).unsafe_ask()
print("done")
"""


def _env() -> dict[str, str]:
    env = dict(os.environ, PROMPT_TOOLKIT_NO_CPR="1", TERM="xterm", NO_COLOR="1")
    for name in ("ROLEFIT_CATALOGUE", "COLUMNS", "LINES"):
        env.pop(name, None)
    return env


def _drive(args: list[str], active: str, cwd: str, keys: str = "1") -> float:
    """Seconds from the first active prompt to the end, answering each prompt with ``keys``."""
    child = pexpect.spawn(sys.executable, args, cwd=cwd, env=_env(), dimensions=(40, 120), encoding="utf-8", timeout=60)
    child.delaybeforesend = None
    start = None
    asked = 0
    while True:
        found = child.expect([active, "Review: is this right", pexpect.EOF])
        if found == 2:
            break
        if start is None:
            start = time.perf_counter()
        if found == 0:
            child.send(keys)
            asked += 1
        else:
            child.send("\r")
    elapsed = time.perf_counter() - (start or time.perf_counter())
    child.close()
    if asked != PROMPTS:
        raise SystemExit(f"expected {PROMPTS} prompts, saw {asked}: {' '.join(args)}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds
    ours: list[float] = []
    bare: list[float] = []
    with tempfile.TemporaryDirectory() as work:
        for k in range(rounds):
            save = str(Path(work) / f"answers-{k}.yaml")
            ours.append(_drive(["-m", "rolefit", "quiz", "--full", "--save", save], r"press (0-4|its number)", work))
            bare.append(_drive(["-c", BARE], r"5\) expert", work, keys="1\r"))
    mine, base = statistics.median(ours), statistics.median(bare)
    print(f"{PROMPTS} prompts, {rounds} rounds, interleaved (medians)")
    print(f"  rolefit quiz --full: {mine:.2f} s, {mine / PROMPTS * 1000:.0f} ms a prompt")
    print(f"  bare questionary:    {base:.2f} s, {base / PROMPTS * 1000:.0f} ms a prompt")
    print(f"  ratio: {mine / base:.2f}x")


if __name__ == "__main__":
    main()
