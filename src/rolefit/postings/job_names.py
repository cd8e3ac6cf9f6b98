"""The words of a job's name: "a talented Data Engineer", "As a BI Engineer", "our Power BI enthusiast".

A job's name says whom an ad wants, not the work it describes (the posting's title is weighed
apart, as the claim it is): "Data Engineer" is no evidence of data engineering, nor "Machine
Learning Engineer" of training models. The work the sentence goes on to name still counts. So
with the members of a team: "a team of data scientists, product managers and engineers" says who
is in it, not what the hire does.
"""

from __future__ import annotations

from rolefit.postings.scope import NAME_STOPS
from rolefit.postings.words import Words

#: Who a job's name names: "a talented Data Engineer", "As a BI Engineer", "our Power BI enthusiast"
#: (not "experts": "domain experts" are whom the hire meets).
_PERSONS = frozenset(
    [
        "engineer",
        "engineers",
        "analyst",
        "analysts",
        "scientist",
        "scientists",
        "developer",
        "developers",
        "architect",
        "architects",
        "specialist",
        "specialists",
        "consultant",
        "consultants",
        "enthusiast",
        "enthusiasts",
        "programmer",
        "programmers",
    ]
)


#: Words that end a job's name, read backwards from the person: "hiring two | analysts", "a | Data
#: Engineer" (the words that end a team's name, and a few more verbs and numbers).
_NOT_NAME = NAME_STOPS | frozenset(
    [
        "be",
        "is",
        "are",
        "was",
        "were",
        "been",
        "hires",
        "recruit",
        "mentors",
        "manages",
        "leads",
        "support",
        "supporting",
        "grow",
        "growing",
        "build",
        "building",
        "train",
        "training",
        "join",
        "joining",
        "two",
        "three",
        "four",
        "five",
        "six",
        "several",
        "fellow",
        "as",
    ]
)


#: An expert is whom the hire meets ("work with domain experts"), unless the hire is one.
_EXPERTS = frozenset(["expert", "experts"])
#: Every word that ends a job's name.
_NAMED = _PERSONS | _EXPERTS
_ARTICLES = frozenset(["a", "an", "the", "our", "their"])
_AS = frozenset(["as", "be", "become", "becoming", "is", "are"])


def _serves_as(forms: list[str], start: int) -> bool:
    """Whether the name that begins at ``start`` is the hire's own: "serving as a subject matter
    expert", "you will be the domain expert", "become our go-to expert", "experience as BI Expert"."""
    if start >= 1 and forms[start - 1] == "as":
        return True  # ("five years of experience as BI Integration Expert": a name held, with no article)
    return start >= 2 and forms[start - 1] in _ARTICLES and forms[start - 2] in _AS


def job_name_words(words: Words) -> set[int]:
    """The words of a job's name ("Data Engineer", "Machine Learning Engineer", "BI developer"): a
    person, and up to three words before it that name the job, not the work it does."""
    forms = words.words
    if _NAMED.isdisjoint(forms):
        return set()
    out: set[int] = set()
    for i, form in enumerate(forms):
        if form in _NAMED:
            start = i
            while (
                start > max(0, i - 3)
                and forms[start - 1] not in _NOT_NAME
                and not any(c in ",;.:()" for c in words.before(start))
            ):
                start -= 1
            if form in _PERSONS or _serves_as(forms, start):
                out.update(range(start, i + 1))
    return out


#: What ends a list of a team's members: the work they do, or where they are ("who build ...", "in Berlin").
_AFTER_MEMBERS = frozenset(["who", "that", "which", "to", "in", "at", "on", "for", "with", "across", "building"])
_GROUPS = frozenset(["team", "teams", "group", "groups", "squad", "squads"])
#: "a team of", "a team consisting of", "made up of", "comprising", "composed of".
_OF = frozenset(["of", "consisting", "made", "comprising", "composed", "comprised"])


def member_words(words: Words) -> set[int]:
    """The words of a list of a team's members: "joining a team of passionate data scientists,
    product managers, and engineers", "a team consisting of biologists and ML scientists" (up to
    "who", "in", ... or the clause's end)."""
    forms = words.words
    if _OF.isdisjoint(forms) or _GROUPS.isdisjoint(forms):
        return set()
    out: set[int] = set()
    for i in range(len(forms) - 1):
        if forms[i] in _GROUPS and forms[i + 1] in _OF:
            k = i + 2 + (forms[i + 1] != "of" and i + 2 < len(forms) and forms[i + 2] == "of")
            while k < len(forms) and forms[k] not in _AFTER_MEMBERS and not any(c in ".;:" for c in words.before(k)):
                out.add(k)
                k += 1
    return out
