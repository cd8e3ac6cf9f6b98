"""Jobs that are none of the archetypes: data engineering, analytics engineering, ML platform, BI.

The article's data person does data engineering and BI too, but as the one data hire of a small
company, who also answers the business's questions. An ad whose work is only pipelines and
warehouses, only dashboards and reports, or only the machinery that runs other people's models
is a job of another kind, and is said to be one. The kinds are read from the built-in
catalogue's task ids; a catalogue without them never gets an "outside" verdict. With the
built-in catalogue the fitted model (:mod:`rolefit.postings.classifier`) says whether a job is
one of another kind, and :func:`kind_name` which; :func:`outside_kind` decides for a catalogue
that has these tasks but roles of its own. (The model does not read these rules: written while
reading the development set, they flattered it and cost verdicts on other employers' ads.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

PIPES = frozenset(["etl-pipelines", "data-warehouse", "source-data", "automate-pipelines"])
BI = frozenset(["bi-dashboards"])
PLATFORM = frozenset(
    [
        "model-pipelines",
        "model-api",
        "deploy-models",
        "schedule-retraining",
        "monitoring-dashboards",
        "shadow-deployments",
        "ci-cd",
        "test-driven-development",
    ]
)
SCIENCE = frozenset(
    [
        "build-models",
        "implement-papers",
        "label-datasets",
        "predictive-analytics",
        "ab-experiments",
        "behaviour-statistics",
        "exploratory-analysis",
        "quick-win-analysis",
    ]
)
MODELS = frozenset(["build-models", "implement-papers", "label-datasets"])
#: "The first data scientist on the Payments squad", "dedicated to search": the first in a team,
#: not the company's first.
ON_A_TEAM = (
    r" (scientist|analyst|engineer|person|hire)s? (dedicated|devoted|on|in|for|within|embedded|focused|assigned|"
    r"joining|to join) "
)
#: "The go-to person for all things data" (not "the go-to person for questions on the tools").
GO_TO = r"go-?to (data|analytics) (person|expert)|go-?to (person|expert) for (all (things )?)?(data|analytics)\b"
#: A large firm that works like a start-up ("the entrepreneurial spirit of a start-up", "the pace of a
#: startup with the stability of a market leader"): no small firm.
LIKE = "".join(f"(?<!{w} of a )" for w in ("spirit", "pace", "feel", "speed", "energy", "agility", "culture"))
#: The one data hire of a small firm: what makes pipelines and dashboards a data person's job.
#: (This and ``ONE_HIRE`` are matched against the text in lower case; each alternative starts
#: with a letter or digit, which the look-ahead says first, so that the search skips the other
#: places at once: a third faster.)
SMALL = re.compile(
    r"(?=[a-z0-9])\b({LIKE}start-?ups?(?!-like| within| (spirit|mentality|mindset|attitude|culture,? inside))|"
    r"small (team|company|business|firm)|"
    r"(first|1st) (data|analytics)\b(?!{ON_A_TEAM})|"
    r"(?<!since our )(?<!since its )founding(?! (mission|principles?|values|fathers?|story|in \d))|"
    r"from scratch|only data|"
    r"sole data|(many|multiple|different) hats|{GO_TO}|data guru|(data|analytics|analyst) champion|"
    r"early[- ]stage|seed[- ]stage|series [ab]\b|scale-?up|team of (one|two|three|\d)\b|just you\b|one-person|"
    r"jack of all trades|generalist|build (up |out )?(the|our|a) data (team|function)|(?<!from a )fledgling|"
    r"family[- ](run|owned)|"
    r"(?<![\d,.])(\d{1,2}|[1-2]\d\d)[- ](person|people|staff|employees)\b(?! (data|analytics|engineering|science|"
    r"research|ml|ai|product|bi) (team|organi[sz]ation|org|group|function|department|practice)))".replace(
        "{ON_A_TEAM}", ON_A_TEAM
    )
    .replace("{GO_TO}", GO_TO)
    .replace("{LIKE}", LIKE)
)
#: What the candidate brings, not what the firm is: "experience in a start-up environment",
#: "a background in early-stage companies", "start-up experience is a plus" (read before and after
#: a sign of a small firm, within its sentence).
_BROUGHT_BEFORE = re.compile(r"\b(experience|background|track record|history|worked)\b[^.;:\n]{0,40}$")
_BROUGHT_AFTER = re.compile(r"-?\w* (experience|background)\b")
_FIRM_KINDS = re.compile(r"start-?ups?|scale-?ups?|early[- ]stage|small (team|company|business|firm)")
#: Stronger: the text says the hire is the one data person, whatever the title.
ONE_HIRE = re.compile(
    r"(?=[a-z0-9])\b((first|1st) (dedicated |full-time )?(data|analytics)\b(?!{ON_A_TEAM})|data person|only data|"
    r"sole data|"
    r"first (person|one|hire) (in|at) (the|our) (company|business|organi[sz]ation)|"
    r"first (person|hire) (working|focused|dedicated)( full-time| solely| fully)? (on|to) data\b|"
    r"(many|multiple|different) hats|{GO_TO}|data guru|"
    r"(data|analytics|analyst) champion|just you\b|one-person|jack of all trades|generalist|found the data|"
    r"from scratch|"
    r"fledgling( \w+)? (data|analytics|warehouse|reporting|bi|team|function))".replace(
        "{ON_A_TEAM}", ON_A_TEAM
    ).replace("{GO_TO}", GO_TO)
)
#: A title that names the hire an analyst or generalist is not a pure engineering job.
BROAD_TITLE = re.compile(r"analyst|generalist|scientist|science", re.IGNORECASE)
#: A title that names the machinery that runs models ("MLOps Engineer", "ML Platform Engineer").
PLATFORM_TITLE = re.compile(r"(ml|machine learning|ai) (platform|infrastructure|ops)|mlops|devops", re.IGNORECASE)
TITLES = (
    ("analytics engineering", re.compile(r"analytics engineer", re.IGNORECASE)),
    ("ML platform", PLATFORM_TITLE),
    (
        "data engineering",
        re.compile(
            r"data (platform |pipelines? |infrastructure |warehouse )?engineer|pipelines? engineer|etl|data architect|"
            r"big data developer|data warehouse developer",
            re.IGNORECASE,
        ),
    ),
    ("BI reporting", re.compile(r"\bbi\b|business intelligence|report|dashboard|tableau|power bi", re.IGNORECASE)),
)
_KIND_TITLES = dict(TITLES)
ANALYST = re.compile(r"analyst", re.IGNORECASE)
KINDS = ("data engineering", "analytics engineering", "ML platform", "BI reporting")


@lru_cache(maxsize=16)  # (asked of one posting by the verdict and by its features, or its rules)
def small_firm_signs(text: str) -> tuple[bool, bool]:
    """Whether the text shows a small firm, and whether it says the hire is the one data person."""
    low = text.lower()
    return any(not _brought(low, m) for m in SMALL.finditer(low)), bool(ONE_HIRE.search(low))


def _brought(low: str, sign: re.Match[str]) -> bool:
    """Whether this sign of a small firm is what the candidate brings ("start-up experience")."""
    if not _FIRM_KINDS.fullmatch(sign.group(0)):
        return False
    return bool(_BROUGHT_BEFORE.search(low, max(0, sign.start() - 60), sign.start())) or bool(
        _BROUGHT_AFTER.match(low, sign.end())
    )


def _share(weights: dict[str, float], tasks: frozenset[str], total: float) -> float:
    return sum(w for t, w in weights.items() if t in tasks) / total if total else 0.0


def gives_outside(known: frozenset[str]) -> bool:
    """Whether a catalogue with these task ids can give a verdict of another kind (it has the
    pipelines' tasks and the science's, against which the kinds are told)."""
    return bool(PIPES & known) and bool(SCIENCE & known)


def has_role_of(kind: str, names: Iterable[str]) -> bool:
    """Whether a catalogue has a role of this kind, by the role's name: with an "Analytics engineer
    (Data Platform)" role, analytics engineering is no job outside the catalogue's roles."""
    pattern = _KIND_TITLES.get(kind)
    return pattern is not None and any(pattern.search(name) for name in names)


def outside_kind(
    weights: dict[str, float],
    title: str,
    text: str,
    known: frozenset[str],
    top: str = "",
) -> str | None:
    """The kind of job the evidence shows when it is none of the archetypes (``None`` when it is one).

    ``top`` is the archetype the evidence leans to most: warehouse, pipeline and report work reads
    as the data person's only with some sign of a small firm or a first data hire."""
    if not gives_outside(known):
        return None
    total = sum(weights.values())
    pipes, bi, platform = (_share(weights, s, total) for s in (PIPES, BI, PLATFORM))
    science, models = _share(weights, SCIENCE, total), _share(weights, MODELS, total)
    small, one_hire = small_firm_signs(text)
    claimed = next((kind for kind, pattern in TITLES if pattern.search(title)), None)
    if platform >= 0.45 and models <= 0.2 and science <= 0.3:
        return "ML platform"
    if claimed and not one_hire and not BROAD_TITLE.search(title) and models < 0.3 and (not small or science < 0.15):
        return claimed
    if bi >= 0.2 and models < 0.15 and not small and not one_hire:
        return "BI reporting"
    # (a third of the work analysis and models is a data scientist's job, whatever it leans to)
    if top == "data-person" and not small and not one_hire and models < 0.3 and science < 0.35:
        if claimed is not None:
            return claimed
        return "data engineering" if pipes >= bi else "BI reporting"
    if science >= (0.3 if small else 0.22):
        return None
    if small and (pipes + bi) < 0.8 + 0.1 * (claimed is not None):
        return None
    if pipes >= 0.55 and bi < 0.15:
        return claimed if claimed in ("data engineering", "analytics engineering") else "data engineering"
    if bi >= 0.3 and pipes < 0.25:
        return "BI reporting"
    if pipes + bi >= 0.5:
        if claimed is not None:
            return claimed
        return "analytics engineering" if pipes >= bi else "BI reporting"
    return None


def kind_name(weights: dict[str, float], title: str) -> str:
    """Which kind of job, of those outside the archetypes, a posting is: the one its title
    claims, or else the one most of its evidence is (the machinery that runs models; for an
    analyst, reports; pipelines and warehouses, or dashboards and reports; both: analytics
    engineering)."""
    claimed = next((kind for kind, pattern in TITLES if pattern.search(title)), None)
    if claimed is not None:
        return claimed
    total = sum(weights.values())
    pipes, bi, platform = (_share(weights, s, total) for s in (PIPES, BI, PLATFORM))
    if platform > max(pipes, bi):
        return "ML platform"
    if ANALYST.search(title):
        return "BI reporting"  # an analyst outside the archetypes answers questions with reports
    if pipes >= 0.25 and bi >= 0.25:
        return "analytics engineering"
    return "data engineering" if pipes >= bi else "BI reporting"
