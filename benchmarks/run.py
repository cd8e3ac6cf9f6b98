"""rolefit's benchmark: whole-process timings and memory, as ratios against baselines in one run.

    python benchmarks/run.py            # all of it (about 5-10 minutes: it generates the inputs)
    python benchmarks/run.py --quick    # fewer repeats and a smaller cohort, for a first look
    python benchmarks/run.py --only 4   # one part: 1 start-up, 2 reports (and 3 memory), 4 large catalogue, 5 cohorts,
                                        # 6 "how firm" at 48 roles against 3, 7 "how firm" on catalogues
                                        # far larger than the built-in one
    python benchmarks/run.py --only 1 --only 2 --instructions   # also count instructions (valgrind)

Every measured command runs as its own process, the commands of one comparison interleaved
(A B C A B C ...) so that a change in the machine's load hits them alike; times are medians of
the runs, and a ratio is the median of the ratios of runs made one after the other. The
baselines: ``python -c pass``; a minimal typer app (benchmarks/minimal_app.py) showing its
--help and printing a rich table; and for the large catalogue, a bare
``yaml.load(CSafeLoader)`` of the same files. Targets are ratios, from the performance issue.

On a shared machine wall times drift by 10-20% from one minute to the next. With
``--instructions``, parts 1 and 2 also run each command once under valgrind's callgrind and
compare the instructions executed: the same count every time, whatever else the machine is doing.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PY = sys.executable
# The command users run: the console script pip installed beside this Python (else python -m rolefit).
_SCRIPT = shutil.which("rolefit", path=str(Path(PY).parent))
ROLEFIT = [_SCRIPT] if _SCRIPT else [PY, "-m", "rolefit"]
MINIMAL = [PY, str(HERE / "minimal_app.py")]
EXAMPLE = str(ROOT / "examples" / "answers" / "researcher.yaml")


def run_once(cmd: Sequence[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time (s) and peak memory (KiB) of one run of ``cmd``, its output thrown away."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"benchmark command failed ({proc.returncode}): {' '.join(cmd)}\n{err}")
    return elapsed, usage.ru_maxrss


Runs = tuple[float, int, list[float]]  # median time (s), median peak memory (KiB), every run's time


def compare(
    cases: dict[str, Sequence[str]], repeats: int, env: dict[str, str], before_each: dict[str, object] | None = None
) -> dict[str, Runs]:
    """Median time and memory of each case, and each run's time; runs interleaved."""
    times: dict[str, list[float]] = {k: [] for k in cases}
    memory: dict[str, list[int]] = {k: [] for k in cases}
    for _ in range(repeats):
        for name, cmd in cases.items():
            hook = (before_each or {}).get(name)
            if callable(hook):
                hook()
            t, m = run_once(cmd, env)
            times[name].append(t)
            memory[name].append(m)
    return {k: (statistics.median(times[k]), int(statistics.median(memory[k])), times[k]) for k in cases}


def paired(a: Runs, b: Runs) -> float:
    """How much longer ``a`` takes than ``b``: the median of the ratios of runs made one after the
    other (A B A B ...), so that the machine's drift over the minutes affects both sides alike."""
    return statistics.median(x / y for x, y in zip(a[2], b[2], strict=True))


def line(label: str, value: float, target: float | None = None, unit: str = "x") -> str:
    verdict = ""
    if target is not None:
        verdict = "  ok" if value <= target else f"  MISSED (target <= {target}{unit})"
    return f"  {label:<58} {value:7.3f}{unit}{verdict}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repeats, a 100/1,000-file cohort")
    parser.add_argument("--repeats", type=int, default=None, help="runs per command (default 21, quick 5)")
    parser.add_argument(
        "--only",
        type=int,
        choices=[1, 2, 4, 5, 6, 7],
        action="append",
        help="run only this part (again for more parts)",
    )
    parser.add_argument(
        "--instructions", action="store_true", help="parts 1 and 2: also compare instruction counts (valgrind)"
    )
    args = parser.parse_args()
    parts = set(args.only or [1, 2, 4, 5, 6, 7])
    repeats = args.repeats or (5 if args.quick else 21)
    work = Path(tempfile.mkdtemp(prefix="rolefit-bench-"))
    env = dict(os.environ, ROLEFIT_CACHE_DIR=str(work / "cache"), ROLEFIT_STATE_DIR=str(work / "state"))
    env.pop("ROLEFIT_CATALOGUE", None)
    print(f"rolefit benchmark: {repeats} interleaved runs per command, medians; Python {sys.version.split()[0]}")
    print(f"rolefit runs as: {' '.join(ROLEFIT)}")
    try:
        # Bytecode for rolefit's modules, as `pip install` compiles it: with PYTHONDONTWRITEBYTECODE
        # set (or a read-only checkout), every run would otherwise compile rolefit's source anew,
        # while typer, rich and the rest were compiled when they were installed.
        spec = importlib.util.find_spec("rolefit")
        if spec is None or spec.origin is None:
            raise SystemExit("rolefit is not installed here: pip install -e . first")
        subprocess.run([PY, "-m", "compileall", "-q", str(Path(spec.origin).parent)], check=True)
        # Warm the built-in catalogue's cache, as any second run of rolefit finds it.
        run_once([*ROLEFIT, "roles"], env)

        if args.instructions and shutil.which("valgrind") is None:
            raise SystemExit("--instructions needs valgrind (apt install valgrind)")
        if 1 in parts:
            startup(repeats, env, args.instructions)
        if 2 in parts:
            reports(repeats, env, args.instructions)
        if 4 in parts:
            large_catalogue(repeats, env, work)
        if 5 in parts:
            cohorts(repeats, env, work, args.quick)
        if 6 in parts:
            firmness_by_roles(repeats, work)
        if 7 in parts:
            firmness_by_size(repeats, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def instructions(cmd: Sequence[str], env: dict[str, str]) -> int:
    """Instructions executed by one run of ``cmd``, counted by callgrind."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        check=True,
    )
    match = re.search(r"Collected : (\d+)", done.stderr)
    if match is None:
        raise SystemExit(f"no instruction count from valgrind for: {' '.join(cmd)}")
    return int(match.group(1))


def startup(repeats: int, env: dict[str, str], count: bool = False) -> None:
    print("\n1. Start-up: --help")
    r = compare(
        {"pass": [PY, "-c", "pass"], "minimal": [*MINIMAL, "--help"], "rolefit": [*ROLEFIT, "--help"]},
        repeats,
        env,
    )
    print(
        f"  python -c pass {r['pass'][0]:.3f}s, minimal app --help {r['minimal'][0]:.3f}s, "
        f"rolefit --help {r['rolefit'][0]:.3f}s"
    )
    print(line("rolefit --help / minimal typer app --help", paired(r["rolefit"], r["minimal"]), 1.1))
    print(line("rolefit --help / python -c pass", paired(r["rolefit"], r["pass"])))
    if count:
        base, ours = instructions([*MINIMAL, "--help"], env), instructions([*ROLEFIT, "--help"], env)
        print(f"  instructions: minimal app --help {base / 1e6:.0f}M, rolefit --help {ours / 1e6:.0f}M")
        print(line("instructions: rolefit --help / minimal typer app --help", ours / base, 1.1))


def reports(repeats: int, env: dict[str, str], count: bool = False) -> None:
    print("\n2 and 3. A scripted report and explain, against the minimal app printing a rich table")
    r = compare(
        {
            "table": [*MINIMAL, "table"],
            "report": [*ROLEFIT, "quiz", "--answers", EXAMPLE, "--format", "json"],
            "text": [*ROLEFIT, "quiz", "--answers", EXAMPLE],
            "explain": [*ROLEFIT, "explain", "rnd"],
        },
        repeats,
        env,
    )
    print(
        f"  minimal table {r['table'][0]:.3f}s; report (json) {r['report'][0]:.3f}s, "
        f"report (text) {r['text'][0]:.3f}s, explain {r['explain'][0]:.3f}s"
    )
    print(line("scripted report (json) / minimal app table", paired(r["report"], r["table"]), 1.15))
    print(line("scripted report (text) / minimal app table", paired(r["text"], r["table"]), 1.15))
    print(line("explain rnd / minimal app table", paired(r["explain"], r["table"]), 1.15))
    print(line("peak memory: scripted report / minimal app table", r["report"][1] / r["table"][1], 1.2))
    print(f"  (peak memory {r['report'][1] / 1024:.1f} MiB against {r['table'][1] / 1024:.1f} MiB)")
    if count:
        commands = {
            "table": [*MINIMAL, "table"],
            "report": [*ROLEFIT, "quiz", "--answers", EXAMPLE, "--format", "json"],
            "text": [*ROLEFIT, "quiz", "--answers", EXAMPLE],
            "explain": [*ROLEFIT, "explain", "rnd"],
        }
        n = {name: instructions(cmd, env) for name, cmd in commands.items()}
        print("  instructions: " + ", ".join(f"{name} {v / 1e6:.0f}M" for name, v in n.items()))
        print(line("instructions: scripted report (json) / minimal app table", n["report"] / n["table"], 1.15))
        print(line("instructions: scripted report (text) / minimal app table", n["text"] / n["table"], 1.15))
        print(line("instructions: explain rnd / minimal app table", n["explain"] / n["table"], 1.15))


def large_catalogue(repeats: int, env: dict[str, str], work: Path) -> None:
    print("\n4. An O*NET-sized catalogue (20,000 tasks, 1,000 roles): load + validate + score one profile")
    onet = work / "onet"
    subprocess.run([PY, str(HERE / "generate.py"), "catalogue", str(onet)], check=True)
    size = sum(f.stat().st_size for f in onet.glob("*.yaml")) / 1e6
    # The report a person sees (every role scored and ranked, the 10 best listed and the best one
    # explained), and the JSON report that lists every role with every task's points (10 MB).
    onet_cmd = [*ROLEFIT, "quiz", "--answers", str(onet / "profile.yaml"), "--catalogue", str(onet), "--defaults"]
    json_cmd = [*onet_cmd, "--format", "json"]
    parse = "import sys, yaml\nfor f in sys.argv[1:]:\n    yaml.load(open(f, 'rb'), Loader=yaml.CSafeLoader)"
    bare = [PY, "-c", parse, str(onet / "tasks.yaml"), str(onet / "roles.yaml")]
    cache = work / "cache"

    def clear_cache() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    big_repeats = max(3, repeats // 3)
    r = compare(
        {"start": [*MINIMAL, "--help"], "bare": bare, "cold": onet_cmd},
        big_repeats,
        env,
        before_each={"cold": clear_cache},
    )
    run_once(onet_cmd, env)  # fill the cache for the warm runs
    w = compare({"start": [*MINIMAL, "--help"], "bare": bare, "warm": onet_cmd, "json": json_cmd}, big_repeats, env)
    start = statistics.median([r["start"][0], w["start"][0]])
    bare_t = statistics.median([r["bare"][0], w["bare"][0]])
    print(
        f"  {size:.1f} MB of YAML; bare CSafeLoader parse {bare_t:.2f}s; minimal typer start {start:.3f}s; "
        f"rolefit cold {r['cold'][0]:.2f}s, warm {w['warm'][0]:.3f}s (JSON of every role {w['json'][0]:.3f}s)"
    )
    print(line("cold, less typer's start / bare parse", (r["cold"][0] - start) / bare_t, 1.2))
    print(line("warm, less typer's start / bare parse", (w["warm"][0] - start) / bare_t, 0.1))
    # For information: the same work, then 10 MB of JSON written (every role's points for every task).
    print(line("warm, JSON of every role, less typer's start / bare parse", (w["json"][0] - start) / bare_t))


def cohorts(repeats: int, env: dict[str, str], work: Path, quick: bool) -> None:
    print("\n5. rolefit score over many answers files (CSV), against one scripted report")
    small, large = (100, 1_000) if quick else (1_000, 10_000)
    cohort_small, cohort_large = work / "cohort-small", work / "cohort-large"
    subprocess.run(
        [PY, str(HERE / "generate.py"), "cohort", str(cohort_large), "--people", str(large)], check=True, env=env
    )
    cohort_small.mkdir()
    for path in sorted(cohort_large.glob("*.yaml"))[:small]:
        shutil.copy(path, cohort_small / path.name)
    reps = max(3, repeats // 5)
    r = compare(
        {
            "report": [*ROLEFIT, "quiz", "--answers", EXAMPLE, "--format", "json"],
            "small": [*ROLEFIT, "score", str(cohort_small), "--format", "csv"],
            "large": [*ROLEFIT, "score", str(cohort_large), "--format", "csv"],
        },
        reps,
        env,
    )
    print(
        f"  one report {r['report'][0]:.3f}s; {small:,} files {r['small'][0]:.2f}s; {large:,} files "
        f"{r['large'][0]:.2f}s"
    )
    print(line(f"{large:,} files / {small:,} files (10x the files)", paired(r["large"], r["small"]), 11.0))
    if not quick:
        print(line("1,000 files / one scripted report", paired(r["small"], r["report"]), 4.0))


def firmness_by_roles(repeats: int, work: Path) -> None:
    """In-process: the "how firm" line of a report (flip + describe) for the same answer sets, on
    a generated catalogue of 48 roles and on its first 3 roles (the same tasks)."""
    print('\n6. "How firm is this?" (flip + describe): 48 roles against 3, the same 30 tasks')
    import dataclasses
    import random

    sys.path.insert(0, str(HERE))
    import generate

    from rolefit.catalogue.load import load_catalogue
    from rolefit.model.answers import Answers, complete
    from rolefit.model.catalogue import Catalogue
    from rolefit.scoring.firmness import describe, flip
    from rolefit.scoring.fit import score

    generate.catalogue(work / "firm", tasks=30, roles=48)
    wide = load_catalogue(work / "firm")
    narrow = dataclasses.replace(wide, roles=wide.roles[:3])
    rng = random.Random(3)
    people = [
        complete(
            Answers(
                skill={t.id: rng.randint(0, 4) for t in wide.tasks},
                interest={t.id: rng.randint(0, 4) for t in wide.tasks},
            ),
            wide,
        )
        for _ in range(40)
    ]
    # A report has scored the answers before it asks how firm the result is, and passes that on.
    scored = {id(c): [score(c, a) for a in people] for c in (narrow, wide)}

    def firmness(catalogue: Catalogue, given: bool) -> float:
        start = time.perf_counter()
        for answers, result in zip(people, scored[id(catalogue)], strict=True):
            found = flip(catalogue, answers, tasks_only=True, result=result if given else None)
            if found is not None:
                describe(found, catalogue)
        return time.perf_counter() - start

    firmness(narrow, True), firmness(wide, True)  # warm the catalogues' cached lookups
    runs: dict[str, list[float]] = {"3": [], "48": [], "3 alone": [], "48 alone": []}
    for _ in range(repeats):
        runs["3"].append(firmness(narrow, True))
        runs["48"].append(firmness(wide, True))
        runs["3 alone"].append(firmness(narrow, False))
        runs["48 alone"].append(firmness(wide, False))
    each = {k: statistics.median(v) / len(people) * 1e3 for k, v in runs.items()}
    print(
        f"  per answer set: 3 roles {each['3']:.2f} ms, 48 roles {each['48']:.2f} ms "
        f"(scoring the answers too: {each['3 alone']:.2f} ms, {each['48 alone']:.2f} ms)"
    )

    def ratio(a: str, b: str) -> float:
        return statistics.median(x / y for x, y in zip(runs[a], runs[b], strict=True))

    print(line("how firm, 48 roles / 3 roles (same tasks)", ratio("48", "3"), 2.0))
    print(line("how firm and scoring the answers, 48 roles / 3 roles", ratio("48 alone", "3 alone")))


def similar_roles(out: Path, tasks: int, seed: int = 5) -> None:
    """A catalogue of ``tasks`` tasks and two roles that both involve every one of them, with the
    same weights but for one task in ten: close fits, and every answer a candidate change."""
    import random

    import generate

    rng = random.Random(seed)
    ids = [f"task-{k:05d}" for k in range(tasks)]
    weights = [rng.choice([1, 2, 3]) for _ in ids]
    other = [rng.choice([1, 2, 3]) if k % 10 == 0 else w for k, w in enumerate(weights)]
    roles = {f"role-{r}": dict(zip(ids, ws, strict=True)) for r, ws in enumerate([weights, other])}
    generate.one_stage(out, ids, roles, version="similar-bench-1")


#: Part 7's target: the "how firm" step of one report on a large catalogue, at most this many
#: times the same step on the built-in catalogue (which takes about a millisecond).
FIRM_SIZE_TARGET = 50.0


def firmness_by_size(repeats: int, work: Path) -> None:
    """In-process: the "how firm" step of a report (as report.fit.build runs it, the answers already
    scored) on three large generated catalogues, against the built-in catalogue, each with answers
    to every task."""
    print(
        '\n7. "How firm is this?" (the report\'s step) on large catalogues, against the built-in one '
        f"(target <= {FIRM_SIZE_TARGET:.0f}x)"
    )
    import random

    sys.path.insert(0, str(HERE))
    import generate

    from rolefit.catalogue.load import load_catalogue
    from rolefit.model.answers import Answers, complete
    from rolefit.model.catalogue import Catalogue
    from rolefit.report.fit import how_firm
    from rolefit.scoring.fit import FitResult, score

    generate.catalogue(work / "firm-onet", tasks=20_000, roles=1_000)
    generate.catalogue(work / "firm-roles", tasks=30, roles=3_000)
    similar_roles(work / "firm-similar", tasks=10_000)
    catalogues = {
        "built-in (30 tasks, 3 roles)": load_catalogue(),
        "O*NET size (20,000 tasks, 1,000 roles)": load_catalogue(work / "firm-onet"),
        "10,000 tasks, 2 similar roles": load_catalogue(work / "firm-similar"),
        "3,000 roles x 30 tasks": load_catalogue(work / "firm-roles"),
    }
    rng = random.Random(9)
    cases: dict[str, tuple[Catalogue, Answers, FitResult]] = {}
    for name, cat in catalogues.items():
        answers = complete(
            Answers(
                skill={t.id: rng.randint(0, 4) for t in cat.tasks},
                interest={t.id: rng.randint(0, 4) for t in cat.tasks},
            ),
            cat,
        )
        cases[name] = (cat, answers, score(cat, answers))
    said: dict[str, str] = {}

    def once(name: str) -> float:
        cat, answers, result = cases[name]
        start = time.perf_counter()
        said[name] = how_firm(cat, answers, result)[1]
        return time.perf_counter() - start

    for name in cases:
        once(name)  # warm the catalogues' cached lookups
    runs: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(max(3, repeats // 3)):
        for name in cases:
            runs[name].append(once(name))
    base, *large = cases
    print(f"  {base}: {statistics.median(runs[base]) * 1e3:.2f} ms")
    for name in large:
        ratio = statistics.median(x / y for x, y in zip(runs[name], runs[base], strict=True))
        print(f"  {name}: {statistics.median(runs[name]) * 1e3:.1f} ms; it says: {said[name] or '(nothing)'}")
        print(line(f"how firm, {name} / built-in", ratio, FIRM_SIZE_TARGET))


if __name__ == "__main__":
    main()
