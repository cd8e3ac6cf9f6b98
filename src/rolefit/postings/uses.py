"""Lone words that are the hire's work only when the work is done to them, or is of their kind.

A warehouse is set up when databases are designed, built or run: "query databases", "mine data
from company databases" and "database tools" use one. Results are shared when results are what
is communicated: "communicate with co-workers", "communicate status" and "teamwork and effective
communication" share none. Sources are found when they are new: "using diverse data sources"
uses the ones there are. A report is BI when it is a report of data: a "status report", a
"technical report" or "write up reports" is a document. "Research" is no R&D when it names a
unit: "our Research and Development Department", "the threat research and development team". And
the people results are shared with are their audience, not whom requirements are gathered from:
"present findings to product managers", "share insights with product owners and engineers".
(A longer phrase of a lexicon, "database design", "communicate findings", "reporting tools", is
matched as it is: these set aside only the lone word.)
"""

from __future__ import annotations

from rolefit.postings.words import Words

#: Words before a lone "database(s)", four at most, that make it the work of setting one up or running it.
_SET_UP = frozenset(
    [
        *("design", "designing", "designs", "build", "building", "builds", "architect", "architecting"),
        *("develop", "developing", "develops", "create", "creating", "creates", "maintain", "maintaining"),
        *("maintains", "manage", "managing", "manages", "administer", "administering", "set", "setting"),
        *("migrate", "migrating", "structure", "structuring", "optimize", "optimizing", "optimise", "optimising"),
        *("tune", "tuning", "own", "owning", "implement", "implementing", "model", "modeling", "modelling"),
        *("scale", "scaling", "populate", "populating", "consolidate", "consolidating", "raise", "raising"),
    ]
)
#: Words right after "database(s)" that make it that work: "database administration".
_SET_UP_AFTER = frozenset(
    [
        *("administration", "development", "management", "migration", "migrations", "schema", "schemas"),
        *(
            "structures",
            "structure",
            "performance",
            "performances",
            "optimization",
            "optimisation",
            "tuning",
            "maintenance",
        ),
    ]
)
#: What is communicated, within six words, when results are shared ("communicate these recommendations",
#: "communicate complex analyses to leadership").
_RESULTS = frozenset(
    [
        *("findings", "results", "insights", "insight", "recommendations", "conclusions", "analyses", "analysis"),
        *("analytical", "outcomes", "data", "story", "stories", "trends", "impact", "metrics", "complex"),
        *("technical", "quantitative", "statistical", "model", "models", "ideas", "concepts", "value"),
        *("learnings", "feedback", "methodology", "methodologies", "audiences", "audience", "leadership", "executives"),
    ]
)
#: Words right before "report(s)" that make it a document, not a report of data.
_DOCUMENTS = frozenset(
    [
        *("status", "written", "audit", "technical", "study", "final", "research", "progress", "expense"),
        *("incident", "regulatory", "clinical", "scientific", "annual", "project", "test", "lab", "laboratory"),
        *("credit", "safety", "validation", "evaluation", "investigation", "inspection"),
    ]
)
#: Words after "report" that make it the verb of telling, not a report of data ("report results to
#: business stakeholders", "report back on progress"; whom a hire reports to is :mod:`bosses`'s).
_TELL = frozenset(["back", "results", "findings", "insights", "progress", "out"])
#: Words before such a "report" that make it the verb: its subject, or what comes before a verb.
_TELLER = frozenset(
    [
        *("will", "to", "you", "who", "role", "position", "and", "also", "then", "hire", "person", "must"),
        *("scientist", "scientists", "analyst", "analysts", "engineer", "engineers", "manager", "lead"),
    ]
)


def _tells(forms: list[str], i: int) -> bool:
    """Whether the "report" at ``i`` is the verb of telling or answering to (see :data:`_TELL`)."""
    return i + 1 < len(forms) and forms[i + 1] in _TELL and (i == 0 or forms[i - 1] in _TELLER)


#: Verbs that make a report written prose: "write up reports", "author technical reports".
_WRITE = frozenset(["write", "writes", "writing", "author", "authoring", "draft", "drafting"])
#: What a unit of an organisation is called after its name ("Research and Development Department").
_UNITS = frozenset(
    [
        *("department", "departments", "team", "teams", "group", "groups", "division", "divisions", "unit"),
        *("units", "community", "organization", "organisation", "org", "function", "center", "centre"),
    ]
)
#: Verbs, four words at most before "data sources", that use sources the team has, not find new ones
#: ("leveraging our rich set of data sources", "using diverse data sources", "document data sources").
_USING = frozenset(
    [
        *("using", "use", "uses", "leverage", "leverages", "leveraging", "utilize", "utilizes", "utilizing"),
        *("utilise", "utilises", "utilising", "document", "documenting", "documents", "across"),
    ]
)
#: Verbs (their stems) of sharing results, and the words after which come those they are shared with.
_SHARING = frozenset(["present", "communic", "report", "share", "explain", "showcas", "deliv", "convey", "provid"])
#: Verbs (their stems) whose object is whom results serve: "provide stakeholders with analysis",
#: "empower stakeholders", "inform business partners".
_SERVING = frozenset(["provid", "empow", "inform", "equip"])
_TO = frozenset(["to", "with", "for"])
#: Whom results are shared with, as a partner's name ends ("product managers", "business teams").
#: (Not "executives" or "senior leadership": presenting to them is the sharing task's own word.)
_AUDIENCE = frozenset(
    [
        *("stakeholder", "stakeholders", "manager", "managers", "owner", "owners", "partner", "partners"),
        *("team", "teams"),
    ]
)
#: "The leadership team", "the executive team": presenting to them is the sharing task's own word.
_LEADERS = frozenset(["leadership", "executive", "executives", "management", "senior", "leaders"])
#: What ends a list of whom results are shared with ("to product managers to decide", "with teams in Paris").
_AUDIENCE_END = frozenset(["to", "on", "in", "about", "that", "which", "who", "so", "by", "through", "via"])
_TRIGGERS = frozenset(["databas", "communic", "report", "research", "sourc"])


def _audience(words: Words, shared: int) -> set[int]:
    """The words after the sharing verb at ``shared`` that name whom the results go to:
    "present findings to (product managers and business teams)"."""
    forms = words.words
    out: set[int] = set()
    if words.stems[shared] in _SERVING:  # ("provide (business stakeholders) with", "empower (stakeholders)")
        served = [j for j in range(shared + 1, min(shared + 4, len(forms))) if forms[j] in _AUDIENCE]
        if served:
            return set(range(shared + 1, served[0] + 1))
    for i in range(shared + 1, min(shared + 8, len(forms))):
        if forms[i] not in _TO:
            continue
        last = -1
        for j in range(i + 1, min(i + 9, len(forms))):
            if forms[j] in _AUDIENCE_END:
                break
            if forms[j] in _AUDIENCE and not (forms[j].startswith("team") and forms[j - 1] in _LEADERS):
                last = j
        out.update(k for k in range(i + 1, last + 1) if forms[k] not in _LEADERS)  # ("senior leadership" stays)
        break
    return out


def _research_unit(forms: list[str], i: int) -> bool:
    """Whether the "research" at ``i`` names a unit: "research (and) development" and a unit noun
    ("Research and Development Department", "the threat research and development team")."""
    after = forms[i + 1 : i + 4]
    if after[:1] == ["and"]:
        after = after[1:]
    return after[:1] == ["development"] and after[1:2] != [] and after[1] in _UNITS


def use_words(words: Words) -> set[int]:
    """The lone words of one clause that are not the hire's work of their task (see the module)."""
    stems = words.stems
    out: set[int] = set()
    if not _SHARING.isdisjoint(stems) or not _SERVING.isdisjoint(stems):
        for i, s in enumerate(stems):
            if s in _SHARING or s in _SERVING:
                out |= _audience(words, i)
    if _TRIGGERS.isdisjoint(stems):
        return out  # (nearly every clause)
    forms = words.words
    for i, s in enumerate(stems):
        if s == "databas":
            if _SET_UP.isdisjoint(forms[max(0, i - 4) : i]) and _SET_UP_AFTER.isdisjoint(forms[i + 1 : i + 2]):
                out.add(i)
        elif s == "communic":
            if _RESULTS.isdisjoint(forms[i + 1 : i + 7]):
                out.add(i)
        elif s == "report":
            before = forms[max(0, i - 2) : i]
            if (i and forms[i - 1] in _DOCUMENTS) or not _WRITE.isdisjoint(before) or _tells(forms, i):
                out.add(i)
        elif s == "sourc" and i and forms[i - 1] == "data" and not _USING.isdisjoint(forms[max(0, i - 5) : i - 1]):
            out.update((i - 1, i))
        elif s == "research" and _research_unit(forms, i):
            out.update(range(i, min(i + 3, len(forms))))
    return out
