"""Generate benchmark inputs: an O*NET-sized catalogue, a profile for it, and a cohort of answers files.

    python benchmarks/generate.py catalogue OUT_DIR [--tasks 20000 --roles 1000]
    python benchmarks/generate.py cohort OUT_DIR --people 1000

Deterministic (seeded), so every run measures the same files.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

GROUPS = ["product-features", "ml-ops", "software-engineering", "product-data-science", "miscellaneous", "foundations"]
STAGES = ["source", "store", "pipeline", "automate", "analyse", "label", "model", "deploy", "monitor", "across"]
WORDS = [
    "analyse",
    "build",
    "clean",
    "collect",
    "configure",
    "deploy",
    "design",
    "document",
    "estimate",
    "evaluate",
    "explain",
    "forecast",
    "label",
    "maintain",
    "measure",
    "model",
    "monitor",
    "optimise",
    "plan",
    "present",
    "prototype",
    "query",
    "report",
    "review",
    "schedule",
    "segment",
    "test",
    "train",
    "tune",
    "validate",
    "visualise",
]
OBJECTS = [
    "customer",
    "data",
    "sales",
    "pipelines",
    "dashboards",
    "experiments",
    "features",
    "forecasts",
    "models",
    "reports",
    "schemas",
    "surveys",
    "tables",
    "metrics",
    "logs",
    "events",
    "budgets",
    "contracts",
    "inventory",
    "shipments",
    "claims",
    "records",
]


def one_stage(
    out: Path, task_ids: Sequence[str], roles: Mapping[str, Mapping[str, float]], version: str = "0.1"
) -> None:
    """A catalogue of a known shape, for tests and benchmarks: one stage, one group, the tasks
    given, and each role (by id) with the weights of its tasks."""
    out.mkdir(parents=True, exist_ok=True)
    task_file = {
        "format": 1,
        "version": version,
        "stages": [{"id": "s", "title": "Stage", "description": "The only stage."}],
        "groups": [{"id": "g", "title": "Group", "short": "group"}],
        "tasks": [
            {"id": t, "title": f"Task {t}", "group": "g", "description": f"Task {t}.", "stage": "s"} for t in task_ids
        ],
    }
    role_file = {
        "format": 1,
        "roles": [
            {
                "id": rid,
                "name": f"Role {rid}",
                "short": rid,
                "summary": f"The {rid} role.",
                "tasks": [{"task": t, "weight": w, "source": "inferred"} for t, w in weights.items()],
                "organisations": [{"kind": "any", "description": "Anywhere."}],
            }
            for rid, weights in roles.items()
        ],
    }
    (out / "tasks.yaml").write_text(yaml.safe_dump(task_file, sort_keys=False), encoding="utf-8")
    (out / "roles.yaml").write_text(yaml.safe_dump(role_file, sort_keys=False), encoding="utf-8")


def catalogue(out: Path, tasks: int, roles: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    task_ids = [f"task-{k:05d}" for k in range(tasks)]
    task_file = {
        "format": 1,
        "version": "onet-bench-1",
        "stages": [{"id": s, "title": s.title(), "description": f"The {s} stage."} for s in STAGES],
        "groups": [{"id": g, "title": g.replace("-", " ").title(), "short": g[:12]} for g in GROUPS],
        "tasks": [
            {
                "id": tid,
                "title": f"{rng.choice(WORDS).title()} {rng.choice(OBJECTS)} {k}",
                "group": rng.choice(GROUPS),
                "description": " ".join(rng.choice(WORDS + OBJECTS) for _ in range(14)).capitalize() + ".",
                "stage": rng.choice(STAGES),
            }
            for k, tid in enumerate(task_ids)
        ],
    }
    occupations: list[dict[str, Any]] = [
        {
            "id": f"occupation-{r:04d}",
            "name": f"Occupation {r}",
            "short": f"occupation {r}",
            "summary": "A generated occupation for benchmarking. " * 3,
            "tasks": [
                {"task": t, "weight": rng.choice(["core", "regular", "occasional"]), "source": "inferred"}
                for t in rng.sample(task_ids, 20)
            ],
            "organisations": [{"kind": "employer", "description": "Employers of this occupation."}],
            "evolution": [{"when": "Later", "description": "It grows.", "tasks": []}],
        }
        for r in range(roles)
    ]
    role_file = {"format": 1, "roles": occupations, "context": []}
    (out / "tasks.yaml").write_text(yaml.safe_dump(task_file, sort_keys=False), encoding="utf-8")
    (out / "roles.yaml").write_text(yaml.safe_dump(role_file, sort_keys=False), encoding="utf-8")
    # A profile: someone who answered the tasks of a handful of occupations (as a quiz would ask).
    asked = sorted({rt["task"] for role in rng.sample(occupations, 10) for rt in role["tasks"]})
    answers = {t: {"skill": rng.randint(0, 4), "interest": rng.randint(0, 4)} for t in asked}
    profile = {"format": 1, "answers": answers, "context": {}}
    (out / "profile.yaml").write_text(yaml.safe_dump(profile, sort_keys=False), encoding="utf-8")


def cohort(out: Path, people: int, seed: int = 11) -> None:
    """Answers files for the built-in catalogue, written as rolefit itself writes them."""
    from rolefit.catalogue.load import load_catalogue
    from rolefit.files.answers import dump_answers
    from rolefit.model.answers import Answers

    rng = random.Random(seed)
    cat = load_catalogue()
    out.mkdir(parents=True, exist_ok=True)
    for k in range(people):
        answers = Answers(
            skill={t.id: rng.randint(0, 4) for t in cat.tasks},
            interest={t.id: rng.randint(0, 4) for t in cat.tasks},
            context={q.id: rng.choice(q.choices).id for q in cat.context},
        )
        (out / f"person-{k:05d}.yaml").write_text(dump_answers(answers, cat), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["catalogue", "cohort"])
    parser.add_argument("out", type=Path)
    parser.add_argument("--tasks", type=int, default=20_000)
    parser.add_argument("--roles", type=int, default=1_000)
    parser.add_argument("--people", type=int, default=1_000)
    args = parser.parse_args()
    if args.what == "catalogue":
        catalogue(args.out, args.tasks, args.roles)
    else:
        cohort(args.out, args.people)


if __name__ == "__main__":
    main()
