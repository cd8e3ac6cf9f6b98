"""Which words of a clause are not the hire's work: negated ones, and other people's.

Negation covers the whole list it governs and stops where the clause does: "you will not build
dashboards or maintain pipelines" negates both, "..., but you will train models" does not reach
the models, and "not only X but also Y" negates nothing. "X is not required" negates what comes
before it; "this is not a BI role" denies the kind of job, and "rather than building dashboards"
what it is instead of. Work given to another team ("our data engineering team handles the pipelines", "with
the support of the platform team for deployment", "you will work with analysts who build the
dashboards") is theirs, and so is a team's own name ("the BI team"). (A list of departments,
"across Engineering, Product, Research and Legal", is :mod:`rolefit.postings.departments`; the
boss's title, :mod:`rolefit.postings.bosses`; a lone word meant in another sense,
:mod:`rolefit.postings.senses`.)
"""

from __future__ import annotations

from rolefit.postings.words import Words

NEGATORS = frozenset(
    [
        "no",
        "not",
        "without",
        "never",
        "nor",
        "neither",
        "don't",
        "doesn't",
        "won't",
        "isn't",
        "aren't",
        "cannot",
        "can't",
        "wouldn't",
        "shouldn't",
        "didn't",
        "none",
    ]
)
#: After a negator, these make it something else: "not only", "no matter", "not just", "not limited to".
#: And "don't hesitate to", "no stranger to", "you have no problem writing", "not afraid to", a
#: "go/no-go decision": no denial at all.
NOT_NEGATING = frozenset(
    [
        "only",
        "just",
        "limited",
        "matter",
        "doubt",
        "later",
        "less",
        "exclusively",
        "merely",
        "hesitate",
        "stranger",
        "go",
    ]
) | frozenset(["simply", "problem", "trouble", "afraid", "shy", "foreign"])
STOPS = frozenset(
    [
        "but",
        "however",
        "instead",
        "rather",
        "though",
        "although",
        "while",
        "whereas",
        "yet",
        "except",
        "unless",
        "so",
        "because",
        "though",
    ]
)
SUBJECTS = frozenset(["you", "we", "they", "it", "this", "there", "i", "you'll", "we'll", "you're", "we're"])
POSTFIX = frozenset(["required", "needed", "necessary", "expected", "essential", "mandatory", "a", "part"])
#: "Rather than X", "instead of X": X is what the job is not.
INSTEAD_OF = frozenset([("rather", "than"), ("instead", "of")])
#: "Not a <kind of> role": the words between are the kind of job denied.
JOB_NOUNS = frozenset(["role", "job", "position", "gig", "opening", "one"])
#: The words of a team's name that make "our ... team" the hire's own ("our data science team").
OWN_NAMES = frozenset(["data", "science", "scientists", "analytics", "research", "insights", "new", "small", "growing"])
TEAM_NOUNS = frozenset(
    [
        "team",
        "teams",
        "department",
        "departments",
        "squad",
        "squads",
        "colleagues",
        "engineers",
        "analysts",
        "scientists",
        "developers",
        "group",
        "function",
        "org",
        "organisation",
        "organization",
        "experts",
        "specialists",
        "practitioners",
    ]
)
THEIR_VERBS = frozenset(
    [
        "who",
        "that",
        "which",
        "handles",
        "handle",
        "owns",
        "own",
        "builds",
        "build",
        "maintains",
        "maintain",
        "manages",
        "manage",
        "runs",
        "run",
        "takes",
        "is",
        "are",
        "will",
        "provides",
        "provide",
        "supports",
        "support",
        "looks",
        "responsible",
        "do",
        "does",
        "take",
        "already",
        "has",
        "have",
    ]
)
OWN_TEAM = frozenset(
    [
        "join",
        "joining",
        "lead",
        "leading",
        "part",
        "member",
        "within",
        "build",
        "building",
        "grow",
        "growing",
        "manage",
        "managing",
        "on",
        "mentor",
    ]
)
BUSINESS = frozenset(
    [
        "company",
        "companies",
        "firm",
        "firms",
        "provider",
        "providers",
        "industry",
        "industries",
        "sector",
        "business",
        "businesses",
        "specialist",
        "specialists",
        "leader",
        "market",
    ]
)


def _boundary(words: Words, i: int) -> bool:
    """Whether a new clause starts at word ``i``: a contrast word, or a subject after a comma."""
    word = words.words[i]
    if word in STOPS:
        return True
    if word in SUBJECTS and i > 0:
        between = words.before(i)
        return "," in between or "(" in between or ")" in between
    return False


def _scope_end(words: Words, start: int, comma_ends: bool) -> int:
    for j in range(start + 1, len(words)):
        if _boundary(words, j):
            return j
        if comma_ends and "," in words.before(j):
            return j
    return len(words)


#: The words that start :data:`INSTEAD_OF`.
_INSTEAD_FIRST = frozenset(first for first, _ in INSTEAD_OF)


def negated_words(words: Words) -> set[int]:
    """The indexes of the words of one clause that a negation covers."""
    out: set[int] = set()
    forms = words.words
    if NEGATORS.isdisjoint(forms) and _INSTEAD_FIRST.isdisjoint(forms):
        return out  # (nearly every clause)
    for i, w in enumerate(forms):
        nxt = forms[i + 1] if i + 1 < len(forms) else ""
        if (w, nxt) in INSTEAD_OF:  # "rather than building dashboards, you will ...": up to the comma
            out.update(range(i + 2, _scope_end(words, i + 1, True)))
            continue
        if w not in NEGATORS or nxt in NOT_NEGATING:
            continue
        if nxt == "being" and i + 2 < len(forms) and forms[i + 2] in NOT_NEGATING:
            continue  # "not being afraid of building reports": the reports are the job's
        if nxt in ("a", "an"):  # "this is not a BI role": the kind of job is what is denied
            noun = next((k for k in range(i + 2, min(len(forms), i + 7)) if forms[k] in JOB_NOUNS), None)
            if noun is not None:
                out.update(range(i + 2, noun))
                continue
        if nxt in POSTFIX or (nxt == "be" and i + 2 < len(forms) and forms[i + 2] in POSTFIX):
            begin = i
            while begin > 0 and not _boundary(words, begin):
                begin -= 1
            out.update(range(begin, i))
            continue
        out.update(range(i + 1, _scope_end(words, i, w == "without")))
    return out


#: The longest name of a team, and the words it stops at ("to help product teams": "help" is no
#: name; nor is "hiring" in "hiring two analysts").
_NAME_WORDS = 4
#: Words that end a name read backwards from its noun ("the | data engineering team"): an article,
#: a preposition, a verb of helping or leading, a relative pronoun (the dashboards are no name).
NAME_STOPS = frozenset(
    [
        "the",
        "our",
        "a",
        "an",
        "with",
        "of",
        "from",
        "by",
        "and",
        "your",
        "to",
        "for",
        "in",
        "on",
        "at",
        "into",
        "across",
        "within",
        "between",
        "alongside",
        "help",
        "helps",
        "helping",
        "support",
        "supporting",
        "enable",
        "empower",
        "partner",
        "other",
        "all",
        "their",
        "its",
        "these",
        "those",
        "many",
        "various",
        "multiple",
        "or",
        "hire",
        "hiring",
        "recruit",
        "recruiting",
        "manage",
        "managing",
        "mentor",
        "mentoring",
        "coach",
        "coaching",
        "lead",
        "leading",
        "onboard",
        "onboarding",
        "supervise",
        "supervising",
        "guide",
        "guiding",
    ]
) | frozenset(["that", "which", "who", "whom", "whose", "where"])  # ("the KPI dashboards that teams rely on")


#: "... built by a separate team": the words "by" may come with before a team's name.
_BY_TEAM = frozenset(["by", "a", "an", "the", "our", "another"])
#: Participles that give no work away: "supported by our data engineers", "mentored by senior
#: scientists", "a data platform used by our data scientists".
_NOT_DONE = frozenset(
    [
        "supported",
        "helped",
        "assisted",
        "mentored",
        "coached",
        "guided",
        "backed",
        "led",
        "joined",
        "used",
        "accessed",
        "consumed",
        "relied",
        "trusted",
        "loved",
        "adopted",
        "read",
        "seen",
        "valued",
        "enjoyed",
        "requested",
    ]
)
_DONE_IRREGULAR = frozenset(["built", "run", "done", "written", "made", "taken", "owned", "kept", "held"])


def _done(form: str) -> bool:
    """Whether a word is a participle of work done ("built", "maintained"), not of help given."""
    return (form.endswith("ed") or form in _DONE_IRREGULAR) and form not in _NOT_DONE


def others_words(words: Words) -> set[int]:
    """The indexes of the words of one clause that name work of someone other than the hire."""
    out: set[int] = set()
    forms = words.words
    if TEAM_NOUNS.isdisjoint(forms) and "their" not in forms:
        return out  # (nearly every clause)
    for i, w in enumerate(forms):
        if w == "their":  # "get their models into production": the models are theirs
            out.update(range(i + 1, min(i + 3, _scope_end(words, i, True))))
            continue
        if w not in TEAM_NOUNS:
            continue
        before = set(forms[max(0, i - 5) : i])
        of = next((j for j in range(i - 1, max(-1, i - 4), -1) if forms[j] == "of"), -1)
        if of > 0 and forms[of - 1] in TEAM_NOUNS:  # "lead a team of ML engineers who ...": the team's
            before |= set(forms[max(0, of - 6) : of])
        k = i - 1  # the team's own name: "the data engineering team" (a few words, no verb or preposition)
        while k >= 0 and i - k <= _NAME_WORDS and forms[k] not in NAME_STOPS:
            out.add(k)
            k -= 1
        nxt = forms[i + 1] if i + 1 < len(forms) else ""
        if nxt in THEIR_VERBS and nxt not in ("who", "which", "that") and "," in words.before(i + 1):
            nxt = ""  # "In collaboration with the engineering teams, own the model": the hire's verb
        support = bool({"support", "help"} & before)
        # "join our team", "our data science team": the hire's; "our data engineering team builds": theirs
        ours = k >= 0 and forms[k] in ("our", "your") and all(f in OWN_NAMES for f in forms[k + 1 : i])
        by = k if k >= 0 and forms[k] == "by" else k - 1  # ("by the ML team", "by ML engineers")
        if by >= 1 and forms[by] == "by" and forms[k] in _BY_TEAM and _done(forms[by - 1]):
            out.update(range(by))  # "our ranking models are built and deployed by the ML team": theirs
            continue
        if (before & OWN_TEAM or ours) and not support:
            continue
        if nxt in THEIR_VERBS or support:
            out.update(range(i + 1, _scope_end(words, i, False)))
    return out


#: What introduces a company's description: "a warehousing company", "our freight business".
_ARTICLES = frozenset(["a", "an", "the", "our", "its", "their"])


def business_words(words: Words) -> set[int]:
    """Words that describe what a company does ("a warehousing company", "the leading logistics
    provider"), not the job: up to three words between an article and the business. (Not
    "requests from business leaders" or "financial analysis including market analysis": no
    article, no company described.)"""
    out: set[int] = set()
    forms = words.words
    for i, w in enumerate(forms):
        if w in BUSINESS and i > 0:
            k = i - 1
            while k >= 0 and i - k <= 3 and forms[k] not in _ARTICLES and forms[k] not in ("and", "of"):
                k -= 1
            if k >= 0 and forms[k] in _ARTICLES:
                out.update(range(k + 1, i))
    return out
