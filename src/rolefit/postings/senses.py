"""Lone words of a lexicon meant in another sense than their task's.

A data or business "model" is not one that is trained, a model's "experiment" is not an A/B
test, "present" in "present-day" shows nothing, and "market research", "UX research" or
"research discrepancies between reports" are not R&D. A longer phrase of a lexicon ("data
models", "market research") is matched as it is: these set aside only the lone word.
"""

from __future__ import annotations

import re

from rolefit.postings.beside import beside_words
from rolefit.postings.job_names import job_name_words, member_words
from rolefit.postings.objects import object_words
from rolefit.postings.uses import use_words
from rolefit.postings.words import Words

#: Words before a bare "model" that make it a model of data or of a business, not one that is trained.
_DATA_MODEL_BEFORE = frozenset(
    [
        "data",
        "dimensional",
        "business",
        "relational",
        "logical",
        "physical",
        "conceptual",
        "operating",
        "pricing",
        "warehouse",
        "dbt",
        "semantic",
        "star",
        "schema",
        "vault",  # "data vault modelling": a warehouse's design
        # a role model, a financial or a 3D model, a BI or service model: none is trained
        "role",
        "financial",
        "3d",
        "bi",
        "service",
        "delivery",
        "governance",
    ]
)


def _data_model_words(words: Words) -> set[int]:
    """A bare "model" that is a data or business model: "data / dimensional modeling", "how data is
    modeled", "model data from Google Analytics", "model raw event data", "a subscription business model". (A longer
    phrase, "data models", is matched as it is; this only sets aside the lone word.)"""
    out: set[int] = set()
    forms, stems = words.words, words.stems
    for i, s in enumerate(stems):
        if s != "model":
            continue
        before = forms[max(0, i - 3) : i]
        if (
            (before and before[-1] in _DATA_MODEL_BEFORE)
            or (len(before) >= 2 and before[-2] in _DATA_MODEL_BEFORE and before[-1] in ("is", "are", "and"))
            or (forms[i] != "models" and "data" in forms[i + 1 : i + 4])
            or ("data" in before[-2:] and forms[i].endswith("ed"))
        ):
            out.add(i)
    return out


#: What an experiment is about when it is a model's, not a product's (an A/B test's).
_MODEL_TRIALS = frozenset(
    [
        "hyperparameter",
        "hyperparameters",
        "model",
        "models",
        "architecture",
        "architectures",
        "algorithm",
        "algorithms",
        "training",
        "ml",
        "llm",
        "llms",
        "prompts",
        "prompt",
        "modeling",
        "modelling",
        "ablation",
        "ablations",
        "techniques",
        "methods",
        "optimization",
        "optimisation",
        "neural",
        "embeddings",
    ]
)


#: A laboratory's experiments, not a product's: "wet-lab experiments", "sequencing experiments".
_LAB_TRIALS = frozenset(
    ["lab", "wet-lab", "laboratory", "sequencing", "bench", "chemistry", "cell", "animal", "physics"]
)


def _model_experiment_words(words: Words) -> set[int]:
    """A lone "experiment" that is a model's or a laboratory's, not a product test: "ML / training /
    modelling experiments", "experiment tracking", "experimented with different hyperparameter
    optimization methods", "wet-lab experiments", "design of experiments". (A phrase such as
    "controlled experiments" is matched as it is.)"""
    out: set[int] = set()
    if "experi" not in words.stems and "experiment" not in words.stems:
        return out  # (most clauses: a scan of the stems, not a look at every word)
    forms = words.words
    for i, form in enumerate(forms):
        if not form.startswith("experiment"):
            continue
        joined = i and not any(c in ",;/" for c in words.before(i))
        before = forms[i - 1] if joined else ""  # (not the last item of a list before it)
        after = forms[i + 1 : i + 6]
        if (
            before in _MODEL_TRIALS
            or before in _LAB_TRIALS
            or (before == "of" and forms[i - 2 : i - 1] == ["design"])  # "design of experiments": industrial statistics
            or (after[:1] == ["tracking"])
            or (after[:1] == ["with"] and not _MODEL_TRIALS.isdisjoint(after[1:]))
        ):
            out.add(i)
    return out


#: Words before "research" that make it the study of a market or of people, not of methods.
_STUDY_OF = frozenset(
    [
        "market",
        "marketing",
        "customer",
        "consumer",
        "user",
        "users",
        "ux",
        "audience",
        "operation",
        "operations",
        "operational",
        "quantitative",
        "qualitative",
        "survey",
        "design",
        "desk",
        "competitive",
        "competitor",
        "equity",
        "policy",
    ]
)
#: What research is of when it is R&D: methods, models, ("research and develop").
_METHODS = _MODEL_TRIALS | {"develop", "development", "approaches", "papers", "solutions", "systems", "new"}


#: Whose experience research that improves it studies: "research to improve user experience".
_PEOPLE = frozenset(["user", "users", "customer", "customers", "client", "clients", "player", "players", "ux"])


#: Whom research studies when it is of people: "We research what shoppers pursue", "research users' needs".
_STUDIED = _PEOPLE | frozenset(
    ["shopper", "shoppers", "consumer", "consumers", "buyer", "buyers", "people", "audience", "audiences"]
)


#: The words that make "research" part of a job's title ("looking for a Research Engineer").
_JOB_TITLES = frozenset(
    ["engineer", "engineers", "scientist", "scientists", "intern", "interns", "assistant", "associate"]
)


#: What research right before it makes an errand or a store, not R&D: "research alternatives",
#: "research vendors", "key research data".
_ERRANDS = frozenset(["alternatives", "options", "vendors", "tools", "prices", "competitors", "data", "links"])
#: What "research to ..." does when it is analysis: "conduct research to provide insight".
_FINDINGS = frozenset(["provide", "support", "inform", "answer", "identify", "understand", "determine", "find"])


def _studies_people(words: Words, i: int) -> bool:
    """Whether the "research" at ``i`` is of people: one of the next three words of its phrase (up to
    a comma) is whom it studies, and none is a method ("research what shoppers pursue", not
    "Research, User Services" in a list of departments)."""
    after: list[str] = []
    for j in range(i + 1, min(i + 4, len(words.words))):
        if any(c in ",;/.:" for c in words.before(j)):
            break
        after.append(words.words[j])
    return not _STUDIED.isdisjoint(after) and _METHODS.isdisjoint(after)


def _study_words(words: Words) -> set[int]:
    """A lone "research" that is a study of a market or of users ("market / UX / operations
    research", "research to improve user experience"), or an errand: a clause that starts
    "Research discrepancies between reports", "Researching links between ...", an object that is
    no method or model ("research alternatives", "research data"), or research "to provide
    insight"."""
    out: set[int] = set()
    if "research" not in words.stems:
        return out
    forms, stems = words.words, words.stems
    for i, s in enumerate(stems):
        if s != "research":
            continue
        joined = i and not any(c in ",;/" for c in words.before(i))
        if (
            (joined and forms[i - 1] in _STUDY_OF)
            or (i == 0 and _METHODS.isdisjoint(forms[i + 1 : i + 4]))
            or ("experience" in forms[i + 1 : i + 6] and not _PEOPLE.isdisjoint(forms[i + 1 : i + 6]))
            or _studies_people(words, i)
            or (i + 1 < len(forms) and forms[i + 1] in _JOB_TITLES)  # "a Research Engineer": a title
            or (i + 1 < len(forms) and forms[i + 1] in _ERRANDS)  # "research alternatives", "research data"
            or (forms[i + 1 : i + 2] == ["to"] and forms[i + 2 : i + 3] and forms[i + 2] in _FINDINGS)
        ):
            out.add(i)
    return out


#: A title that makes the job's "research" a study of people: "UX Researcher", "User Experience
#: Researcher", "User Research Lead", "Quantitative UX Researcher".
_PEOPLE_RESEARCH_TITLE = re.compile(r"\b(ux|user|users|user experience|customer|design)\s+research", re.IGNORECASE)


def studies_people(title: str) -> bool:
    """Whether a posting's title is a user researcher's (its lone "research" then studies people)."""
    return _PEOPLE_RESEARCH_TITLE.search(title) is not None


def _research_words(words: Words) -> set[int]:
    """Every lone "research" (and "researcher", "researching"): for a user researcher's posting,
    whose research is of people, not of models."""
    return {i for i, s in enumerate(words.stems) if s == "research"}


#: What one tries out when "experimenting with" it is no product test: "experiment with new technology".
_TRIED = frozenset(
    [
        "new",
        "technology",
        "technologies",
        "tools",
        "tooling",
        "ideas",
        "different",
        "approaches",
        "frameworks",
        "languages",
        "libraries",
        "emerging",
        "latest",
        "various",
    ]
)


def _trying_words(words: Words) -> set[int]:
    """A lone "experiment" that is trying things out: "love to experiment with new technology"."""
    forms = words.words
    out: set[int] = set()
    if "with" not in forms:
        return out
    for i, form in enumerate(forms[:-1]):
        if form.startswith("experiment") and forms[i + 1] == "with" and not _TRIED.isdisjoint(forms[i + 2 : i + 5]):
            out.add(i)
    return out


#: What is automated when the automation is a report's, not a pipeline's: "automated reports",
#: "developing automated performance dashboards".
_REPORTS = frozenset(["dashboard", "dashboards", "report", "reports", "reporting", "scorecards", "kpis"])
_AUTOMATE = frozenset(["automate", "automated", "automating", "automation", "automates"])


def _automated_report_words(words: Words) -> set[int]:
    """A lone "automated" whose object, two words on at most, is a report or dashboard: BI work."""
    forms = words.words
    if _AUTOMATE.isdisjoint(forms) or _REPORTS.isdisjoint(forms):
        return set()
    return {i for i, f in enumerate(forms) if f in _AUTOMATE and not _REPORTS.isdisjoint(forms[i + 1 : i + 4])}


#: The endings of a web address: "Hive.co" is a company, not Apache Hive.
_DOMAINS = frozenset(["co", "com", "io", "ai", "net", "org", "app", "dev", "tech", "xyz"])


def _domain_words(words: Words) -> set[int]:
    """A lone word that is the name in a web address ("Hive.co", "Snowflake.com"), or its ending
    ("H20.ai", "ataraxis dot ai": no AI)."""
    forms = words.words
    if _DOMAINS.isdisjoint(forms):
        return set()
    out: set[int] = set()
    for i in range(len(forms) - 1):
        if forms[i + 1] in _DOMAINS and (words.before(i + 1) == "." or forms[i] == "dot"):
            out.update((i, i + 1))
    return out


def _code_review_words(words: Words) -> set[int]:
    """A "peer review" of code, not of a paper: "version control and peer-reviewed code"."""
    out: set[int] = set()
    forms = words.words
    if "peer" not in forms or "code" not in forms:
        return out
    for i, form in enumerate(forms[:-1]):
        if form == "peer" and forms[i + 1].startswith("review") and "code" in forms[max(0, i - 3) : i + 5]:
            out.update((i, i + 1))
    return out


def other_sense_words(words: Words, people_research: bool = False) -> set[int]:
    """The words that, standing alone, mean something else than the task their lexicon names: a
    data or business "model", a model's "experiment", "present" as in "present-day", "market
    research", a peer review of code, stakeholder "engagement", "experiment with new tools",
    "we're hiring", "the streaming space", "bot behaviours", "live market behavior", "automated
    reports", an "academic degree", "you excel at"; and every lone "research" of a posting that
    ``people_research`` (a user researcher's: :func:`studies_people`)."""
    return (
        (_research_words(words) if people_research else set())
        | _data_model_words(words)
        | _model_experiment_words(words)
        | _study_words(words)
        | _code_review_words(words)
        | _trying_words(words)
        | beside_words(words)
        | _domain_words(words)
        | job_name_words(words)
        | member_words(words)
        | _automated_report_words(words)
        | object_words(words)
        | use_words(words)
    )
