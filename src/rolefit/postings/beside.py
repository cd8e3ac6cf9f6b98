"""Lone words whose sense turns on the word just before or after them.

"At present" and "present-day" show no presenting, "stakeholder engagement" is no user's, "we're
hiring" is the company's search, "bot behaviours" are no user's behaviour, "white papers" are no
research papers. One table, :data:`_BESIDE`, read by one function; :mod:`rolefit.postings.senses`
uses it with its other tests of a word's sense.
"""

from __future__ import annotations

from rolefit.postings.words import Words

#: Whose "engagement" is no user's: "stakeholder engagement", "people engagement skills".
_ENGAGED = frozenset(
    [
        "stakeholder",
        "stakeholders",
        "people",
        "client",
        "customer",
        "clients",
        "employee",
        "employees",
        "community",
        "partner",
        "partners",
        "business",
        "executive",
        "executives",
        "team",
        "staff",
        "leadership",
        "cross-functional",
        # a consultancy's engagement with a client: "a 6-month engagement", "technical engagements"
        "contract",
        "consulting",
        "technical",
        "project",
        "advisory",
        "delivery",
        "month",
        "months",
        "term",
        "longer",
    ]
)
#: A hire who is "highly engaged", "fully engaged through all stages": eager, not user engagement.
_ENGAGED_HIRE = frozenset(
    [
        "be",
        "is",
        "are",
        "been",
        "being",
        "highly",
        "fully",
        "very",
        "deeply",
        "actively",
        "stay",
        "remain",
        "get",
        "and",
    ]
)


#: Words before "hiring" / "hire" that make it the company's search for this hire, not the hire's own
#: hiring: "we're hiring", "Acme is hiring a Data Scientist", "a contract to hire".
_SEEKING = frozenset(
    ["is", "are", "we", "we're", "re", "now", "currently", "actively", "to", "contract", "direct", "can", "cannot"]
)
#: Whose "schedule" is no job's run: "a tight time schedule", "a flexible work schedule".
_TIMETABLE = frozenset(
    [
        "time",
        "work",
        "working",
        "flexible",
        "tight",
        "own",
        "your",
        "busy",
        "shift",
        "meeting",
        "project",
        "holiday",
        "honoring",
        "honouring",
        "keeping",
    ]
)
#: What "streaming" is when it is a business (video, music) and not a data stream.
_MEDIA = frozenset(["video", "music", "media", "tv", "live", "content", "game", "games"])
_MEDIA_AFTER = frozenset(
    [
        "space",
        "industry",
        "company",
        "companies",
        "service",
        "services",
        "entertainment",
        "media",
        "giant",
        "business",
        "market",
        "video",
        "music",
        "content",
        "app",
        "apps",
        "platform",
        "gaming",
    ]
)


#: Whose "behaviour" is no user's: "bot behaviors", "system behaviour", "model behaviour", "live
#: market behavior" (prices moving), "price behaviour".
_NOT_USERS = frozenset(
    [
        "bot",
        "bots",
        "malware",
        "attacker",
        "attackers",
        "network",
        "system",
        "systems",
        "model",
        "models",
        "machine",
        "market",
        "markets",
        "price",
        "prices",
        "pricing",
        "stock",
        "anomalous",
        "device",
        "devices",
        "threat",
        "threats",
        "employee",
        "employees",
        "vehicle",
        "vehicles",
    ]
)
#: What makes "behavioural" no user's when it comes first: "behavioral health" (mental health care),
#: "behavioural science", "a behavioural interview".
_NOT_USERS_AFTER = frozenset(
    [
        *("health", "healthcare", "science", "sciences", "therapy", "therapist", "interview", "interviews"),
        *("competencies", "skills", "traits", "standards"),
    ]
)
#: A hire's own conduct: "demonstrate behaviours aligned with our culture".
_CONDUCT = frozenset(["demonstrate", "demonstrates", "demonstrating", "exhibit", "exhibits", "desired", "ethical"])
#: Whose "retention" is no customer's: "employee retention", "data retention" (a policy).
_KEPT = frozenset(
    ["employee", "employees", "staff", "talent", "data", "record", "records", "document", "documents", "email", "log"]
)
#: Words before "scope" that make it a noun, the extent of something ("the complete scope of AXA"),
#: not scoping a project.
_EXTENT = frozenset(["the", "its", "our", "their", "full", "complete", "broad", "wide", "within", "of", "in", "out"])


#: What "hiring" / "hire" is about when it is the company's process for this job, not the hire's
#: work: "the hiring process", "the hiring range", "at the time of hire", "new hires", "the hiring
#: manager", "converting hires to employees".
_PROCESS_AFTER = frozenset(
    [
        *("process", "processes", "range", "ranges", "practices", "policy", "policies", "event", "events", "date"),
        *("level", "team", "manager", "managers", "committee"),
    ]
)
_PROCESS_BEFORE = frozenset(["of", "new", "at", "upon", "after", "before", "converting", "convert", "internal"])


#: Words beside "recommendations" that make them a recommender's output (a product feature).
_RECOMMENDER_BEFORE = frozenset(
    [
        "our",
        "personalised",
        "personalized",
        "product",
        "content",
        "item",
        "real-time",
        "relevant",
        "irrelevant",
        "music",
        "video",
        "news",
        "job",
        "playlist",
        "feed",
        "ranking",
        "ranked",
        "time",
    ]
)
_RECOMMENDER_AFTER = frozenset(
    [
        "engine",
        "engines",
        "system",
        "systems",
        "feed",
        "feeds",
        "service",
        "services",
        "quality",
        "ranking",
        "rankings",
        "carousel",
        "carousels",
        "widget",
        "widgets",
        "pipeline",
        "pipelines",
        "surface",
        "surfaces",
    ]
)
#: Words before "hire" that make it the person hired ("our first data hire").
_HIRED = frozenset(["first", "data", "analytics", "founding", "key", "senior", "technical"])


#: What makes "papers" other than research: "white papers", "position papers", "on paper".
_NOT_RESEARCH_PAPER = frozenset(["white", "case", "position", "policy", "toilet", "news", "term", "exam", "on"])


#: What makes a lone "research" a place or a unit, not the work: "our Research Site", "a research
#: institute", "the R&D department"; and "clinical research" (trials, under their own rules).
_RESEARCH_PLACE = frozenset(
    [
        *("site", "sites", "center", "centre", "centers", "centres", "institute", "institutes", "department"),
        *("departments", "unit", "units", "division", "facility", "facilities", "campus", "hospital", "council"),
        *("park", "organization", "organisation", "organizations", "organisations", "partners", "institution"),
    ]
)
#: What makes "excel" the verb: "you excel at", "who excels in", "Excels with ambiguity".
_EXCEL_VERB_AFTER = frozenset(["at", "in", "with", "when", "under", "as", "on"])
#: What makes "academic" a qualification: "an academic degree", "a technical academic background".
_QUALIFICATION = frozenset(
    [
        *("degree", "degrees", "background", "level", "qualification", "qualifications", "diploma", "record"),
        *("training", "education", "studies", "title", "year", "years", "achievement", "achievements"),
    ]
)
#: A study that looks back ("retrospective observational research"), not an agile retrospective.
_LOOKING_BACK = frozenset(
    ["observational", "study", "studies", "analysis", "analyses", "cohort", "data", "review", "reviews", "claims"]
)
#: Pipelines of deals, people or drugs: "sales pipeline", "talent pipeline", "drug pipeline".
_NOT_DATA_PIPELINE = frozenset(
    [
        *("sales", "deal", "deals", "talent", "candidate", "hiring", "recruiting", "recruitment", "drug"),
        *("clinical", "business", "opportunity", "revenue", "marketing", "lead", "leads", "customer", "project"),
        *("oncology", "therapeutic", "portfolio"),
    ]
)


#: Lone words that mean something else beside one of these words: (the words, the words before
#: them, the words after them, whether a word before must be joined to them by a space or a dash).
#: "present-day", "at present"; stakeholder "engagement"; the company's "we're hiring", "the hiring
#: process", "at the time of hire"; "bot behaviours"; a "time schedule"; "the streaming space"; a
#: hire "highly engaged" in the work; tables "well modelled"; a "Research Site"; "you excel at"; an
#: "academic degree"; a "retrospective study"; a "sales pipeline"; "communication skills"; "click-stream"
#: data and "work streams"; "engaged employees".
_BESIDE: tuple[tuple[frozenset[str], frozenset[str], frozenset[str], bool], ...] = (
    (
        frozenset(["present"]),
        frozenset(["at", "the", "is", "are", "be", "currently", "data"]),
        frozenset(["day"]),
        False,
    ),
    (frozenset(["engagement"]), _ENGAGED, frozenset(), True),
    (frozenset(["engaged"]), _ENGAGED_HIRE, frozenset(["employees", "staff", "workforce", "colleagues"]), True),
    (frozenset(["hire", "hiring"]), _SEEKING, frozenset(), True),
    (frozenset(["hire", "hires", "hiring"]), _PROCESS_BEFORE, _PROCESS_AFTER, False),
    (
        frozenset(["behavior", "behaviors", "behaviour", "behaviours", "behavioral", "behavioural"]),
        _NOT_USERS | _CONDUCT,
        _NOT_USERS_AFTER,
        True,
    ),
    # a place or unit of research ("our Research Site"); clinical research
    (frozenset(["research"]), frozenset(["clinical"]), _RESEARCH_PLACE, True),
    # "you excel at": no spreadsheet
    (frozenset(["excel", "excels", "excelled", "excelling"]), frozenset(), _EXCEL_VERB_AFTER, True),
    # an "academic degree", a page's "publish date": no papers
    (frozenset(["academic"]), frozenset(), _QUALIFICATION, True),
    (frozenset(["publish", "published"]), frozenset(), frozenset(["date", "dates", "on"]), True),
    (frozenset(["retrospective", "retrospectives"]), frozenset(), _LOOKING_BACK, True),
    (frozenset(["pipeline", "pipelines"]), _NOT_DATA_PIPELINE, frozenset(), True),
    # "communication skills": a soft skill asked of anyone, not presenting findings; "medical communications"
    (
        frozenset(["communication", "communications"]),
        frozenset(["medical", "marketing", "corporate", "internal", "external", "client", "crisis"]),
        frozenset(["skills", "skill", "abilities", "ability", "style", "sciences", "science", "channels"]),
        True,
    ),
    # "click-stream data": events of a website, not stream processing; "work streams", "revenue streams"
    (
        frozenset(["stream", "streams", "streaming"]),
        frozenset(["click", "work", "revenue", "income"]),
        frozenset(),
        True,
    ),
    (frozenset(["retention"]), _KEPT, frozenset(), True),
    (frozenset(["scope", "scopes"]), _EXTENT, frozenset(), True),
    (frozenset(["schedule", "schedules", "scheduling"]), _TIMETABLE, frozenset(), True),
    (frozenset(["streaming"]), _MEDIA, _MEDIA_AFTER, False),
    # "white papers", "case papers", "paper-based forms", "paper trail": not research papers
    (frozenset(["paper", "papers"]), _NOT_RESEARCH_PAPER, frozenset(["based", "trail", "trails", "work"]), False),
    # a recommender's "recommendations" ("own our recommendations", "the recommendations feed"): a
    # product feature, not advice given to the business
    (frozenset(["recommendation", "recommendations"]), _RECOMMENDER_BEFORE, _RECOMMENDER_AFTER, True),
    # "our first data hire", "a founding hire": the person hired, not hiring work
    (
        frozenset(["hire"]),
        frozenset(["first", "data", "analytics", "founding", "key", "senior", "technical"]),
        frozenset(["will", "should", "must", "would"]),  # ("the hire will be responsible for")
        True,
    ),
    # a test suite's, a factory's or a marketer's automation ("test automation", "automation regression
    # tests", "warehouse automation", "your automation skills"): no data pipeline run on a schedule
    (
        frozenset(["automate", "automation", "automated", "automating"]),
        frozenset(["test", "qa", "workforce", "warehouse", "robotic", "industrial", "factory", "marketing", "home"]),
        frozenset(["test", "tests", "testing", "regression", "engineer", "engineers", "skills", "experience"]),
        True,
    ),
    # computers in a cluster ("Databricks clusters", "GPU clusters"): no clustering of data
    (
        frozenset(["cluster", "clusters"]),
        frozenset(["databricks", "spark", "hadoop", "kubernetes", "k8s", "compute", "computing", "gpu", "hpc", "emr"]),
        frozenset(),
        True,
    ),
    # "with minimal guidance": working alone, no mentoring ("further guidance", "guidance documents")
    (
        frozenset(["guidance"]),
        frozenset(["minimal", "little", "limited", "without", "further", "general", "procedural", "regulatory"]),
        frozenset(["documents", "document", "notes"]),
        True,
    ),
    # a warehouse "well modelled": its data model, not a model trained
    (
        frozenset(["modelled", "modeled"]),
        frozenset(["well", "badly", "poorly", "cleanly", "properly"]),
        frozenset(),
        True,
    ),
)


#: Lone words never meant in their task's sense, whatever is beside them: "engagements" are a
#: consultancy's ("lead data governance engagements"); a user's engagement has no plural.
_NEVER = frozenset(["engagements"])


def _by_lone() -> dict[str, list[tuple[frozenset[str], frozenset[str], bool]]]:
    out: dict[str, list[tuple[frozenset[str], frozenset[str], bool]]] = {}
    for lone, before, after, joined in _BESIDE:
        for word in lone:
            out.setdefault(word, []).append((before, after, joined))
    return out


#: :data:`_BESIDE` by lone word (a line's words are looked up once each, not once per entry).
_BY_LONE = _by_lone()


def beside_words(words: Words) -> set[int]:
    """A lone word of :data:`_BESIDE` next to a word that gives it another sense (or one of :data:`_NEVER`)."""
    forms = words.words
    last = len(forms) - 1
    out: set[int] = set()
    by_lone = _BY_LONE
    for i, form in enumerate(forms):
        if form in _NEVER:
            out.add(i)
        for before, after, joined in by_lone.get(form, ()):
            if (i and forms[i - 1] in before and (not joined or words.before(i) in (" ", "-"))) or (
                i < last and forms[i + 1] in after
            ):
                out.add(i)
                break
    return out
