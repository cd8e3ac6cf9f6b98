"""The kinds of job `rolefit jobs` calls "none of these": what each is, and where it meets the roles.

A posting can be a data job that is none of the article's three data-scientist roles. These pages
say what such a job is, what in an ad shows it, and which role it is nearest to, so that a verdict
of "none of these: data engineering" can be read up on with ``rolefit explain``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from rich.console import Console
from rich.text import Text

from rolefit.report.widgets import bullets, heading


@dataclass(frozen=True)
class OutsideKind:
    name: str
    summary: str
    signs: tuple[str, ...]
    nearest: str
    #: Other names a user may type for it.
    aliases: tuple[str, ...] = ()


KINDS = (
    OutsideKind(
        name="data engineering",
        summary=(
            "Builds and runs the machinery that moves data: ingestion from source systems, pipelines "
            "and their schedules, the warehouse or lake and its tables. Others analyse the data and "
            "train models on it; the data engineer makes sure it arrives, complete and on time."
        ),
        signs=(
            "duties about pipelines, ETL/ELT, ingestion, orchestration (Airflow and the like) and storage",
            "a title such as Data Engineer, Data Platform Engineer or Data Architect",
            "little or no analysis, experimentation or modelling of the hire's own",
        ),
        nearest=(
            "The data person at a small company does this work too, but as the one data hire who also "
            "answers the business's questions; at a larger firm it is a job of its own."
        ),
        aliases=("data engineer", "de", "etl"),
    ),
    OutsideKind(
        name="analytics engineering",
        summary=(
            "Turns raw tables into clean, tested and documented models of the business (often in dbt) "
            "that analysts and dashboards rely on: between the data engineer's pipelines and the "
            "analyst's questions."
        ),
        signs=(
            "duties about data models, transformations, metrics definitions and data tests",
            "dbt, a semantic layer or a metrics store named as the work, not as a tool among many",
            "a title such as Analytics Engineer",
        ),
        nearest=(
            "Nearest to the data person, who does some of it among much else; it rarely involves the "
            "experiments or models of the other two roles."
        ),
        aliases=("analytics engineer", "ae"),
    ),
    OutsideKind(
        name="ML platform",
        summary=(
            "Builds the infrastructure other people's models run on: training and serving systems, "
            "feature stores, deployment pipelines, monitoring. The models themselves are the data "
            "scientists' work; the platform is what makes shipping them routine."
        ),
        signs=(
            "duties about MLOps, model serving, Kubernetes, CI/CD for models and monitoring",
            "a title such as ML Platform Engineer, MLOps Engineer or ML Infrastructure Engineer",
            "little about choosing, training or evaluating models",
        ),
        nearest=(
            "Nearest to the R&D data scientist, whose models it deploys; an R&D role that ships its own "
            "models does some of this work too."
        ),
        aliases=("ml platform engineer", "mlops", "ml infrastructure", "ml ops"),
    ),
    OutsideKind(
        name="BI reporting",
        summary=(
            "Keeps a larger organisation informed: recurring reports and dashboards, their data marts, "
            "and answers to requests for figures. The questions come from the business; the work is "
            "getting the numbers right and in front of people."
        ),
        signs=(
            "duties about dashboards, reports, KPIs and reporting tools (Tableau, Power BI, Looker)",
            "a title such as BI Analyst, Reporting Analyst or BI Developer",
            "a large employer, and no sign of being its one data hire",
        ),
        nearest=(
            "The data person at a small company builds the first dashboards too; the product data "
            "scientist goes further, into experiments and user behaviour."
        ),
        aliases=("bi", "business intelligence", "reporting", "bi analyst"),
    ),
    OutsideKind(
        name="not a data job",
        summary=(
            "A job whose work is not data work: at a laboratory, a regulator, a software or IT team. "
            "A search for data scientists finds them by their titles ('Scientist', 'Research "
            "Scientist'), and their research, studies and reports sound like a data role's."
        ),
        signs=(
            "neither the title nor the text names data work (data, analysis, statistics, SQL, models)",
            "or, under a title that names no data job ('Senior Scientist'), fewer than one line in five of the job "
            "itself that does (six lines at least)",
        ),
        nearest=("None of the roles: what it shares with them is words ('research', 'present findings'), not work."),
        aliases=("not data", "no data job", "non-data"),
    ),
)
#: What "none of these" itself is, said under each kind's page.
NONE_NOTE = (
    "'none of these' is the verdict of rolefit jobs on a job that is none of the three "
    "data-scientist roles; it names which kind: " + ", ".join(k.name for k in KINDS) + "."
)


def find_kind(name: str) -> OutsideKind | None:
    """The kind of job a name means (its name, an alias, or the start of its name; any case)."""
    wanted = " ".join(name.lower().replace("-", " ").split())
    wanted = wanted.removeprefix("none of these:").removeprefix("none of these").strip()  # (as jobs labels it)
    if not wanted:
        return None
    for kind in KINDS:
        if wanted == kind.name.lower() or wanted in kind.aliases:
            return kind
    started = [k for k in KINDS if k.name.lower().startswith(wanted)]
    return started[0] if len(started) == 1 else None


def render(kind: OutsideKind, console: Console) -> None:
    console.print(Text.assemble((f"None of these: {kind.name}", "bold magenta"), ("  (a job of another kind)", "dim")))
    console.print(kind.summary)
    console.print(heading("What shows it in an ad"))
    console.print(bullets(kind.signs))
    console.print(heading("The nearest role"))
    console.print(kind.nearest)
    console.print(Text(f"\n{NONE_NOTE}", style="dim"))


def to_markdown(kind: OutsideKind) -> str:
    lines = [f"# None of these: {kind.name}", "", kind.summary, "", "## What shows it in an ad", ""]
    lines += [f"- {sign}" for sign in kind.signs]
    lines += ["", "## The nearest role", "", kind.nearest, "", NONE_NOTE, ""]
    return "\n".join(lines)


def to_json(kind: OutsideKind) -> str:
    data = {"outside": kind.name, "summary": kind.summary, "signs": list(kind.signs), "nearest": kind.nearest}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
