"""Lone words whose sense is settled by what they are about: a picture's "segmentation", the tool
"Segment", a "survey" of the literature, a "mentor" the hire is given.

"Detection and segmentation of objects in 3D scans" cuts pictures up, and does not group
customers; "Postgres, Segment and our EHR integrations" names a product; "survey and reimplement
recent methods" reads papers, and asks no users; "paired with a mentor" is help the hire gets,
not mentoring the hire does. A "workflow" is a pipeline's when it is data's ("a data science
workflow" is a way of working); requirements are gathered only when a verb says so (meeting "the
Sponsor's requirements", "Special Requirements" are not); stakeholders a report is "for" are its
audience; a "cross-functional environment" is a setting; "scientific units" read no papers;
"non-academic" is the opposite of academic; to "engage in projects" or "adopt a vision" is no
user's engagement or adoption. (A longer phrase of a lexicon, "customer segmentation", "user
surveys", "workflow orchestration", is matched as it is: these set aside only the lone word.)
"""

from __future__ import annotations

from rolefit.postings.words import Words

#: Words near "segmentation" that make it a picture's, not a market's.
_PICTURE = frozenset(
    [
        "image",
        "images",
        "instance",
        "semantic",
        "panoptic",
        "cell",
        "cells",
        "object",
        "objects",
        "medical",
        "video",
        "scene",
        "scenes",
        "lesion",
        "tumor",
        "tumour",
        "organ",
        "pixel",
        "3d",
        "detection",
        "lidar",
        "point",
        "camera",
        "vision",
        "scans",
        "mri",
        "ct",
        "microscopy",
        "satellite",
        "mask",
        "masks",
        "network",
        "networks",
    ]
)
#: What a "survey" is of when it is reading, not asking people.
_LITERATURE = frozenset(
    ["methods", "literature", "papers", "approaches", "techniques", "field", "state", "research", "work", "art"]
)
#: Words before "mentor" that make it the hire's mentor ("your mentor", "a dedicated mentor").
_GIVEN = frozenset(["your", "dedicated", "personal", "assigned", "own", "senior"])


#: What comes before a lone "workflow" of data: what a pipeline moves and runs, and its automation
#: ("data / ETL / batch workflows", "automate existing workflows").
_DATA_FLOW = frozenset(
    [
        "airflow",
        "automate",
        "automated",
        "automates",
        "automating",
        "automation",
        "batch",
        "data",
        "dataset",
        "datasets",
        "elt",
        "etl",
        "existing",
        "extract",
        "extraction",
        "feeds",
        "ingest",
        "ingestion",
        "integration",
        "integrations",
        "job",
        "jobs",
        "load",
        "loading",
        "loads",
        "orchestrate",
        "orchestration",
        "pipeline",
        "pipelines",
        "process",
        "processes",
        "refresh",
        "refreshes",
        "scheduled",
        "scripts",
        "task",
        "tasks",
        "transfers",
        "warehouse",
    ]
)
#: Whose way of working a "workflow" is when it is no data's: "a data science workflow".
_WORK_OF = frozenset(
    ["science", "analytics", "analysis", "research", "business", "clinical", "team", "development", "review", "design"]
)
#: Verbs that gather requirements: "define new platform requirements", "translate needs into requirements".
_GATHER = frozenset(
    [
        "gather",
        "gathering",
        "gathers",
        "define",
        "defining",
        "defines",
        "capture",
        "capturing",
        "elicit",
        "eliciting",
        "collect",
        "collecting",
        "scope",
        "scoping",
        "understand",
        "understanding",
        "translate",
        "translating",
        "translates",
        "identify",
        "identifying",
        "document",
        "documenting",
        "clarify",
        "clarifying",
        "refine",
        "refining",
        "analyse",
        "analyze",
        "analysing",
        "analyzing",
        "write",
        "writing",
        "shape",
        "shaping",
        "formulate",
        "formulating",
        "into",
    ]
)
_REQUIREMENT = frozenset(["requirement", "requirements"])
#: Words before stakeholders that make them the audience of the work ("dashboards for key stakeholders")
#: or whom requests come from ("answer questions from stakeholders").
_FOR = frozenset(["for", "to", "across", "among", "from"])
_SOME = frozenset(["key", "internal", "external", "business", "our", "all", "the", "various", "multiple", "senior"])
#: What a "cross-functional" setting is, when it names no partners to gather needs from.
_SETTING = frozenset(
    ["environment", "environments", "role", "setting", "settings", "influencer", "culture", "way", "manner", "capacity"]
)
#: What "scientific" is of when it is research: "the scientific literature".
_SCIENTIFIC_OF = frozenset(
    [
        "developments",
        "findings",
        "research",
        "papers",
        "literature",
        "publications",
        "publication",
        "journals",
        "journal",
        "conferences",
        "conference",
        "community",
        "advances",
        "articles",
        "method",
        "methods",
    ]
)
#: Whom one consults with when they are colleagues, not clients ("consulting with managers, co-workers").
_INSIDE = frozenset(
    ["business", "partners", "managers", "co-workers", "coworkers", "colleagues", "stakeholders", "team", "teams"]
)
_OUTSIDE = frozenset(["client", "clients", "customer", "customers", "external", "vendors", "suppliers"])
#: Verbs of nouns of a lexicon ("engagement", "adoption") that mean something else.
_VERBS = frozenset(["engage", "engages", "engaging", "adopt", "adopts", "adopting", "adopted"])


#: The words :func:`_word_senses` looks at.
_TRIGGERS = (
    _REQUIREMENT
    | _VERBS
    | {
        "workflow",
        "workflows",
        "stakeholder",
        "stakeholders",
        "cross",
        "scientific",
        "non",
        "academia",
        "academic",
        "consult",
        "consulting",
        "consults",
    }
)


def _word_senses(words: Words) -> set[int]:
    """Workflows, requirements, stakeholders, settings, "scientific" and verbs in other senses (see the module)."""
    forms = words.words
    out: set[int] = set()
    if _TRIGGERS.isdisjoint(forms):
        return out  # (most clauses: one look at the words, not a test of each)
    for i, form in enumerate(forms):
        if form in ("workflow", "workflows"):
            if (i and forms[i - 1] in _WORK_OF) or _DATA_FLOW.isdisjoint(forms[max(0, i - 3) : i]):
                out.add(i)
        elif form in _REQUIREMENT:
            after = forms[i + 1 : i + 2]
            if _GATHER.isdisjoint(forms[max(0, i - 3) : i]) and not (
                after and after[0] in ("gathering", "definition", "elicitation", "analysis")
            ):
                out.add(i)
        elif form in ("stakeholder", "stakeholders"):
            if (
                (i and forms[i - 1] in _FOR)
                or (i > 1 and forms[i - 2] in _FOR and forms[i - 1] in _SOME)
                or forms[i + 1 : i + 2] == ["informed"]  # "keeping stakeholders informed": telling them, not asking
            ):
                out.add(i)
        elif form == "cross" and forms[i + 1 : i + 2] == ["functional"] and forms[i + 2 : i + 3]:
            if forms[i + 2] in _SETTING:
                out.update((i, i + 1))
        elif form == "scientific":
            if _SCIENTIFIC_OF.isdisjoint(forms[i + 1 : i + 4]):  # ("scientific and regulatory developments")
                out.add(i)
        elif form in ("consult", "consulting", "consults") and forms[i + 1 : i + 2] == ["with"]:
            if not _INSIDE.isdisjoint(forms[i + 2 : i + 5]) and _OUTSIDE.isdisjoint(forms[i + 2 : i + 5]):
                out.add(i)  # "consulting with business partners, managers, co-workers": colleagues
        elif form in _VERBS:
            out.add(i)
        if form in ("academia", "academic") and "outside" in forms[max(0, i - 2) : i]:
            out.add(i)  # "experience outside of academia": the opposite
        if i and forms[i - 1] == "non" and words.before(i) == "-":
            out.add(i)  # "non-academic", "non-technical": the opposite
    return out


#: The stems :func:`object_words` looks at.
_OBJECT_STEMS = frozenset(["segment", "survey", "mentor"])


def object_words(words: Words) -> set[int]:
    """The lone words of one clause whose object gives them another sense than their task's."""
    forms, stems = words.words, words.stems
    out: set[int] = set()
    if _OBJECT_STEMS.isdisjoint(stems):
        return _word_senses(words)  # (nearly every clause)
    for i, s in enumerate(stems):
        if s == "segment" and forms[i].startswith("segmentation"):
            if not _PICTURE.isdisjoint(forms[max(0, i - 4) : i + 4]):
                out.add(i)
        elif forms[i] in ("segment", "segments") and i and words.text[words.starts[i]] == "S":
            out.add(i)  # "Postgres, Segment and HubSpot": the customer-data tool, named mid-sentence
        elif (s == "survey" and not _LITERATURE.isdisjoint(forms[i + 1 : i + 6])) or (
            s == "mentor"
            and ((i and forms[i - 1] in _GIVEN) or (i > 1 and forms[i - 2] == "with" and forms[i - 1] == "a"))
        ):
            out.add(i)
    return out | _word_senses(words)
