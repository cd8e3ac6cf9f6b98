"""What one line of a posting says of itself, whatever part it sits in: the patterns.

An equal-opportunity line, a job description's small print, pay and perks, how to apply, other
openings, a nice-to-have, a requirement, the company's blurb, the team's own work, a bare title
or link. :mod:`rolefit.postings.sections` reads a posting part by part with them. Each is
matched against the line in lower case (faster than ignoring case), but for :data:`TITLE_LINE`.
"""

from __future__ import annotations

import re

from rolefit.postings.words import stem

OPENINGS_LINE = re.compile(r"^(p\.?s\.?\W|we('re| are) also (hiring|looking for))")
EEO_LINE = re.compile(
    r"equal (employment )?opportunit(y|ies)|regardless of|without regard to|protected (characteristic|veteran|status)|"
    r"reasonable accommodation|affirmative action|sexual orientation|gender identity|e-verify|"
    r"special assistance or an accommodation|non-?discrimination|(all|the) terms and conditions of employment"
)
#: The legal small print of a job description ("The information of this description has been
#: designed to indicate the general nature ...", "duties ... may vary by department", a drug
#: maker's notice under the US Sunshine Act that it "reports payments ... to health care
#: providers"): no work.
DISCLAIMER = re.compile(
    r"\b(this|the) (job |position )?description (has been|is|was) (designed|intended|not)|"
    r"(not|never) (designed|intended) to (contain|be (interpreted|construed))|comprehensive (inventory|list(ing)?) of|"
    r"(duties|responsibilities|qualifications),? (and \w+ )?(may|might) vary|"
    r"perform the essential functions|physical (requirements|demands) (of|which|that)|"
    r"\bsunshine act\b|transparency laws?\b|transfers? of value\b"
)
#: A word every line of :data:`DISCLAIMER` has: a look for it first is much faster than the pattern.
_DISCLAIMER_WORDS = (
    "description",
    "designed",
    "intended",
    "comprehensive",
    "vary",
    "essential",
    "physical",
    "sunshine",
    "transparency",
    "transfer",
)


#: "Other duties as assigned": small print as a line of its own, not at the end of a line of duties.
_OTHER_DUTIES = re.compile(r"other (related )?duties (as|that may be) (assigned|required|needed)")
#: A line longer than this that says "other duties as assigned" lists real duties too.
_OTHER_DUTIES_REACH = 100


def is_disclaimer(low: str) -> bool:
    """Whether a line (in lower case) is a job description's small print."""
    if "other" in low and len(low) <= _OTHER_DUTIES_REACH and _OTHER_DUTIES.search(low):
        return True
    return any(word in low for word in _DISCLAIMER_WORDS) and DISCLAIMER.search(low) is not None


#: Words of pay and perks: a line with two of them is the offer, not the job.
PERK = re.compile(
    r"\b(salary|salaries|compensation|benefits|bonus|pto|paid (time off|vacation|leave)|vacation|holidays|401\(?k\)?|"
    r"pension|health ?(insurance|care)|dental|meal vouchers|company car|stock options|equity|perks|fringe|"
    r"parental leave|gym|allowance)\b"
)
APPLY_LINE = re.compile(r"\bapply\b.*(@|https?://|\bcv\b|resume|r[ée]sum[ée])|send (us )?your (cv|resume)")
#: A careers site's notice about its cookies ("Please enable cookies in your browser ...", "This
#: website uses cookies ..."): the page's, not the ad's ("personalized features of this site").
COOKIE_LINE = re.compile(
    r"\b(enable|accept|allow|uses?|use of) (all )?cookies\b|\bcookies? (policy|settings|preferences|notice)\b"
)
NICE_LINE = re.compile(
    r"\b(is |are |would be |will be )?(a (big |huge |strong |significant |major |definite |great )?plus|"
    r"an advantage|advantageous|nice to have|a bonus|preferred|desirable|(strongly |highly )desired)\W*$"
)
SENTENCES = re.compile(r"[.!?]\s+[a-z(\"'“]")
#: How far from the end of a line (before its closing punctuation) a nice-to-have phrase starts, at most.
NICE_REACH = 32
NEED_LINE = re.compile(
    r"^(\d+\+?( to |-|–)?\d*\+? years|experience|proven|proficien|knowledge|familiar|understanding|strong|excellent|"
    r"solid|good|degree|bachelor|master|ph\.?d|bs|ms|ba|fluent|(the |an )?ability|able to|comfortable|expertise|"
    r"background|"
    r"(practical|hands-on|demonstrable|demonstrated|relevant|previous|prior|extensive|deep|broad|sound|working|"
    r"in-depth|thorough|advanced|basic|some|professional) (experience|knowledge|understanding|expertise|skills)|"
    r"(the |our )?(right|ideal|successful|perfect|dream) (candidate|person|applicant)s? (will |should |must )?"
    r"(have|has|possess|be)|"
    r"(the |a |an )?((strong|successful|qualified|selected) )?(candidate|applicant)s?( for this (position|role))? "
    r"((will |should |must |shall |needs? to )?(also )?(have|has|possess|hold|demonstrate)|must (also )?be)\b|"
    r"((we |we'?re |we are )?(need|looking for|seeking) )?(candidates|someone|people|a candidate) "
    r"(who (has|have)|with)\b|"
    r"(this|the) (role|position|job) requires|you should (have|be)|"
    r"must (have|be|know)|(they|he or she|he/she|s/he) (must|should) (also )?(have|be|possess)|you (have|possess)|"
    # ("You bring 3 years of Python"; not "You bring that AI solution into production", a duty)
    r"you bring(?! (that|the|our|it|them|this|these|those|models?|solutions?)\b)|"
    r"you are (an? )?(expert|fluent|familiar|comfortable|proficient)|"
    # ("To be successful in this role, you will need 3+ years of ...", "You'll need a degree in ...";
    # not "you will need to build", a duty)
    r"(to be successful in this role, )?you(['’]ll| will) need (\d|an? |strong|solid|experience|knowledge|"
    r"familiarity|proficiency|to have)|"
    r"are you an? ([\w-]+ ){0,5}(with|who has))\b"
)
YOU = re.compile(r"\b(you|your|you'll|you’ll|you're|you’re|candidate|the hire|this role|the role)\b(?!\.[a-z])")
HIRING = re.compile(
    r"\b(looking for|seeking|seeks|hiring|to join|searching for|recruiting|need (someone|a|an)|someone (to|who)|"
    r"who will)\b"
)
#: The nouns a job's title ends in ("Senior Data Engineer", "the BI Analyst").
JOB_NOUNS = "scientist|engineer|analyst|developer|architect|specialist|consultant|manager|lead|intern"
#: The hire, named by the job's title, as the subject of the line ("The Data Engineer will be
#: responsible for ...", "The Senior Data Scientist independently develops ...", "This analyst role
#: ensures ..."): the job's work, however much "our" data it is about (not "the data team").
HIRE_SUBJECT = re.compile(
    rf"^(the|this|our new) ([\w-]+ ){{0,3}}({JOB_NOUNS}|incumbent|position|role)s?\b(?! (team|group|department)\b)"
)
#: The team a data hire joins, as the subject of what it does ("The data science team builds ...").
OWN_TEAM = re.compile(
    r"\b(the|our|this)( \S+)? (data scien\w*|data|analytics|machine learning|ml|ai|research|insights?) "
    r"(team|group|department)\b"
)
#: A sentence that introduces the team the hire joins ("We're a tight-knit team of data scientists
#: and BI professionals ...", "We are a small group of engineers", "Our research team publishes at
#: NeurIPS"): its work, not the job's.
TEAM_INTRO = re.compile(
    r"^((we're|we’re|we are|were) an? ([\w-]+,? ){0,3}(team|group|crew|squad)\b|"
    r"our ([\w&-]+ ){0,3}(team|group|lab|department)s? (is|are|has|have|publish|publishes|works?|builds?|"
    r"consists?|includes?|develops?|owns?|runs?|uses?|sits?|manages?|maintains?|delivers?|supports?|serves?)\b)"
)
#: A line that starts by saying what the firm is or does ("We're a VC-funded startup building ...",
#: "Acme is a VC-backed early-stage startup revolutionizing ...", "Geomagical Labs is developing
#: visual AI apps for millions of users"): the company's blurb, though "you" comes up in it.
FIRM_INTRO = re.compile(
    r"^(we('re| are)|[\w&.'-]+( [\w&.'-]+){0,3} (is|are)) ((a|an) ([\w$€&.,'-]+ ){0,4}"
    r"(start-?up|company|firm|scale-?up|business|platform|provider|agency|consultancy|marketplace|bank|insurer|"
    r"retailer|manufacturer|non-?profit|organi[sz]ation|studio)s?\b|(developing|building|creating|revolutioni[sz]ing|"
    r"transforming|reinventing|redefining|disrupting|pioneering|democrati[sz]ing|on a mission)\b)"
)
#: What makes such a line the hire's work after all: "you will", "your role", "this role".
_HIRE_WORK = re.compile(
    r"\b(you(['’]ll| will| would| are going to)|your (role|job|mission|work)|this (role|position))\b"
)


#: A greeting that opens a post: the poster's hello ("Hi HN, my name is ...", "Hi ! Please find ...").
GREETING = re.compile(r"^(hi|hello|hey|dear|greetings)\b\s*[a-z]{0,12}\s*[,!.:]")


def is_firm_intro(low: str) -> bool:
    """Whether a line (in lower case) is the firm saying what it is, not the job (:data:`FIRM_INTRO`):
    not when it goes on to the hire's work or to whom the firm is looking for ("We are looking for a
    Data Analyst to deliver key dashboards")."""
    return bool(FIRM_INTRO.match(low)) and not _HIRE_WORK.search(low) and not HIRING.search(low)


def is_greeting(low: str) -> bool:
    """Whether a line (in lower case) is the poster's hello, not the job: "Hi HN, my name is ...", "Hi !
    Please find a description of this role below" (not "Hi! We are looking for ...", "Hello, you will ...")."""
    return bool(GREETING.match(low)) and not HIRING.search(low) and _YOU_WILL.search(low) is None


_YOU_WILL = re.compile(r"\byou(['’]ll| will)\b")


def says_nothing_of_the_job(low: str) -> bool:
    """Whether a line names neither the hire, nor whom the firm seeks, nor a duty."""
    return not (YOU.search(low) or HIRING.search(low) or HIRE_SUBJECT.match(low) or starts_with_duty(low))


#: A line that is only a job's title ("Senior Data Engineer", "Data Scientist (m/f/d)").
TITLE_LINE = re.compile(rf"^(?:[A-Z][\w/&+.-]*\s+){{0,5}}(?i:{JOB_NOUNS}|researcher)s?(?:\s*\([^)]{{0,20}}\))?$")
#: A job board's field of the ad ("Job Segment: Database, SQL", "Requisition ID: 4521", "Hiring
#: Manager: Jan Peeters, phone ..."): about the ad, not the work.
FIELD_LINE = re.compile(
    r"^(job (segment|category|family|field|id|number|code|ref(erence)?)|requisition( id| number| #)?|req( id| #)?|"
    r"position (number|id)|posting date|publish(ed)? date|date posted|hiring manager|recruiter|contact person|"
    r"reports? to|reporting( line)?( to)?|job title|"
    r"reference( number)?)\s*:"
)
#: The fields of an ad written as "Key: value" on one line: when, where and how it is paid.
FIELD_KEY = re.compile(
    r"location|hours|contract( type)?|job type|salary|pay|start date|schedule|work location|duration"
)
#: The small print for recruiters: "unsolicited resumes", "staffing agencies".
_RECRUITERS = re.compile(r"\bunsolicited\b|\b(recruitment|recruiting|staffing|employment|search) agencies\b")
#: ... looked for in a line's first sentence ("Build models. We accept no unsolicited resumes" is a
#: duty), or this far into a note of small print ("PLEASE NOTE: Acme will not sponsor ... To all
#: recruitment agencies: ...").
_RECRUITERS_REACH = 200
_NOTE = re.compile(r"(please note|note|n\.b\.|important)\b")


def is_for_recruiters(low: str) -> bool:
    """Whether a line (in lower case) is the small print for recruiters: how (not) to apply."""
    if "unsolicited" not in low and "agencies" not in low:
        return False
    reach = _RECRUITERS_REACH if _NOTE.match(low) else len(low.split(". ", 1)[0])
    return _RECRUITERS.search(low, 0, reach) is not None


#: A line that is only a link: a Markdown one, or a bare address.
LINK_LINE = re.compile(r"^(\[[^\]]*\]\([^)\s]*\)|(https?://|www\.)\S+)[\s.,;]*$")
#: What only a company says of itself, even among the duties ("The Opportunity: Acme is the world's leading ...").
BLURB = re.compile(
    r"\b(founded (in|by)|headquartered|world'?s (leading|largest)|leading (provider|company|platform)|trusted by|"
    r"fortune (50|100|500)|backed by|raised \$|series [a-e] (funding|round)|\d[\d,]* (employees|customers)|"
    r"most (innovative|influential)|award[- ]winning|best (workplaces|places to work)|fastest[- ]growing)"
)
#: A line whose subject is the company ("At Acme, we ...", "We are ...", "Acme incorporated in
#: 2018 ...", "Acme is a leading ..."), and the words of a company describing itself: together, under a duties
#: heading, the company's blurb ("At Takeda, we are transforming the pharmaceutical industry ...").
COMPANY_SUBJECT = re.compile(
    r"^(at [\w&.' -]{2,40}, we\b|we\b|we're\b|our (company|firm|group|mission|organi[sz]ation|business)\b|"
    r"[\w&.'-]+( [\w&.'-]+){0,3} (incorporated|was founded|(is|are) (a|an|the|one of the) "
    r"((recogni[sz]ed|undisputed|clear) )?(leading|leader|global|world|largest|fast|premier|trusted|top)))"
)
ORG_WORDS = re.compile(
    r"\b(leading|leaders?|largest|global|worldwide|world|founded|headquartered|incorporated|spin-off|since (19|20)\d\d|"
    r"\d+ years|countries|offices|employees|customers|clients|industry|mission|employer|organi[sz]ation)\b"
)
COMPANY = re.compile(
    r"\b(we|we're|we’re|our|us)\b|\b(founded|headquartered|leading|provider|customers|clients|employees|"
    r"offices|mission|backed|raised|funding|series [a-e]|fortune)\b|"
    r"\b(is|are) the (only|first|leading|largest|premier|world's|nation's|fastest[- ]growing)\b|"
    # ("... is a plus", "... is a must": what the hire needs, not what a company is)
    r"\b(is|are) a\b(?! ((big|huge|strong|definite|real) )?(plus|bonus|must|requirement|nice|prerequisite|benefit)\b)"
)


#: A line that starts with one of these says what the work is, however many things it lists.
DUTY_VERBS = frozenset(
    [
        "analyse",
        "analyze",
        "apply",
        "automate",
        "build",
        "collaborate",
        "communicate",
        "conduct",
        "create",
        "define",
        "deliver",
        "deploy",
        "design",
        "develop",
        "drive",
        "help",
        "identify",
        "implement",
        "improve",
        "investigate",
        "lead",
        "maintain",
        "manage",
        "monitor",
        "operate",
        "optimise",
        "optimize",
        "own",
        "partner",
        "perform",
        "prepare",
        "present",
        "research",
        "run",
        "support",
        "train",
        "use",
        "work",
        "write",
        # more that real ads start their duties with ("Discussing and validating the requirements
        # with our product managers", "Ensure our data is right")
        "assist",
        "contribute",
        "cooperate",
        "coordinate",
        "discuss",
        "document",
        "ensure",
        "establish",
        "evaluate",
        "explore",
        "extract",
        "interpret",
        "liaise",
        "mentor",
        "participate",
        "plan",
        "prioritize",
        "prioritise",
        "review",
        "test",
        "track",
        "translate",
        "validate",
        "visualize",
        "visualise",
    ]
)
#: Their stems, so that "Building, updating and maintaining dashboards" starts with one too.
DUTY_STEMS = frozenset(stem(v) for v in DUTY_VERBS)


def starts_with_duty(low: str) -> bool:
    """Whether a line (in lower case) starts with a verb of the work ("run a/b tests on our checkout")."""
    first = low.split(maxsplit=1)[0].strip(",:;") if low.strip() else ""
    return stem(first) in DUTY_STEMS


#: A line's closing bracket: "(preferably in the food industry)", "(masters preferred)".
_LAST_BRACKET = re.compile(r"\s*\([^()]*\)\W*$")
_ONLY_NICE = re.compile(
    r"(is |would be )?(a (big |huge )?plus|an advantage|advantageous|nice to have|a bonus|bonus|preferred|desirable|"
    r"optional)"
)


#: A line that starts by calling itself a plus.
_NICE_START = re.compile(
    r"(((it's|it is|it'd be|it would be) )?an? )?((big|huge|massive|major|real|definite|extra) )?"
    r"(bonus|plus)( points)? (if|for)\b|extra points\b|bonus points\b"
)


def is_nice(low: str) -> bool:
    """Whether a line (in lower case) ends by calling itself a plus (a line of one sentence: in a
    paragraph, "... is a big plus." is the last sentence's, not the paragraph's)."""
    if SENTENCES.search(low.rstrip(" .!?").replace("e.g.", "eg").replace("i.e.", "ie").replace("etc.", "etc")):
        return False
    if _NICE_START.match(low):
        return True  # ("Bonus points for using Luigi or Airflow", "Massive bonus if you know AWS")
    # (a closing bracket says what it says of its own words: "a degree in statistics (masters
    # preferred)" requires the degree; "... is a plus (preferably in the food industry)" is a plus)
    bracket = _LAST_BRACKET.search(low)
    if bracket and _ONLY_NICE.fullmatch(bracket.group(0).strip(" ().!,;")):
        return True  # "Spark (preferred)", "Scala (a plus)": the line's own label
    text = low[: bracket.start()] if bracket and bracket.start() else low
    end = len(text)
    while end and not (text[end - 1].isalnum() or text[end - 1] == "_"):
        end -= 1
    return NICE_LINE.search(text, max(0, end - NICE_REACH)) is not None
