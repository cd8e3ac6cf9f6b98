"""A posting cut into its parts: the role's duties, requirements, nice-to-haves, and the rest.

Headings are found however they are written: ``## What you'll do``, ``**Perks**``, ``Benefits``
alone on its line, ``REQUIREMENTS:``, ``Responsibilities: build ...`` (a heading and its first
item on one line), the "About the job" of a LinkedIn paste. A short line is a heading when it
names a known part, or when it is marked as one (``#``, bold, a trailing colon, all capitals).
Text before any heading, or under a heading that names no part, is judged line by line by its
content: a company's description of itself ("Acme is a leading ...", "we were founded") is not
the job, a line about what "you" will do is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rolefit.postings.line_kinds import (
    APPLY_LINE,
    BLURB,
    COMPANY,
    EEO_LINE,
    HIRING,
    LINK_LINE,
    NEED_LINE,
    NICE_LINE,
    NICE_REACH,
    OPENINGS_LINE,
    OWN_TEAM,
    PERK,
    SENTENCES,
    TEAM_INTRO,
    TITLE_LINE,
    YOU,
    is_disclaimer,
)

#: The longest first line that is taken for a title alone (a longer one is a paragraph, and read).
TITLE_MAX = 120
#: How much a mention counts, by the part of the posting it sits in.
WEIGHTS = {
    "duties": 1.0,
    "open": 0.8,  # before any heading, or under one that names no part: judged by content
    "requirements": 0.5,
    "nice": 0.15,
    "company": 0.0,
    "team": 0.5,  # the work of the team the hire joins
    "benefits": 0.0,
    "eeo": 0.0,
    "apply": 0.0,
    "openings": 0.0,
    "excluded": 0.0,  # "What you won't do": the work the job is not (read as negated)
    "stack": 0.35,  # "Tech stack", a tool a line: a tool named, not the work (as a tech-stack line)
}

#: An e-mail's sign-off ("Best,"): what follows is the sender's signature, not the job.
_SIGN_OFF = r"(best|kind|warm)( regards| wishes)?|regards|thanks|thank you|many thanks|cheers|sincerely( yours)?"
_KINDS: tuple[tuple[str, str], ...] = (
    (
        "excluded",
        r"what (you|you'll|you will|this role|the role) (will not|won't|wont|don't|do not|will never)"
        r"( \S+){0,3}|what you('ll| will) not( be)? do(ing)?|(what )?(this|the) (job|role|position) (is not|isn't)"
        r"( \S+){0,3}|(not|out of) (in )?scope( for this role)?|you will not|you won't|(this role|you) will not be"
        r"( \S+){0,3}|not your job|what we don't (need|expect)( \S+){0,3}",
    ),
    (
        "stack",
        r"(our |the )?(tech(nology|nical)? stack|stack|tools( we use| and technologies| of the trade)?|"
        r"tooling|technologies( we use)?|tech we use|toolbox|what we (use|work with)|built with)"
        r"( we use)?( at \S+)?",
    ),
    (
        "nice",
        r"nice[ -]to[ -]haves?|bonus( points)?( if you( \S+){0,5})?|preferred( qualifications| skills| experience)?|"
        r"(it'?s )?a plus|pluses|desirable|desired( skills| qualifications)?|ideally|would be (great|nice)|"
        r"extra (credit|points)|good to haves?|not required but|what (would |will )?gives? you an edge|what we prefer|"
        r"(even )?better if( you)?( \S+){0,3}|"
        r"(additional|optional) (skills|qualifications)|you (will )?stand out( \S+){0,3}|great if you( \S+){0,3}",
    ),
    (
        "benefits",
        r"(our |the |employee |your |other )?(benefits|perks)(( of| at| and| &| for| with)( \S+){1,4})?|"
        r"what we offer( you)?|(what )?(can |do )?we offer( \S+){0,4}|"
        r"our offer|what('s| is) in it for you|what \S+ offers( you)?|"
        r"why (you'll love|join|work|us)( \S+){0,5}|compensation|salary|pay( and| &) \S+|rewards?|"
        r"what you('ll| will) get|why \S+ is a great (choice|place)( \S+){0,4}|how we take care of( \S+){0,3}|"
        r"as (we are )?(a |an |part( of)? )?\S+( \S+){0,4},? we offer|about the compensation|you can expect|"
        r"life at \S+|culture|"
        # the fields of an Indeed page: when, where and how the job is paid, not its work
        r"shift( and schedule)?|schedule|job types?|work (location|setting|schedule)|supplemental pay( types)?|pay|"
        r"location|hours( of work)?|ability to (commute|relocate)( \S+){0,4}|application questions?( \S+){0,3}",
    ),
    (
        "eeo",
        r"equal (employment )?opportunit\w*( \S+){0,3}|eeo\w*( \S+){0,4}|diversity( \S+){0,3}|inclusion|"
        r"(our )?(dedication|commitment) to (diversity|inclusion|equality)|accommodations?|we welcome|"
        r"pay transparency( statement)?",
    ),
    (
        "apply",
        r"how to apply|to apply|apply( now)?|application process|(the |our )?(interview|hiring|recruitment) process|"
        r"how we hire|next steps|contact|questions\??|data protection|privacy( notice| policy| statement)?|"
        + _SIGN_OFF,
    ),
    (
        "openings",
        r"other (open )?(roles|openings|positions|jobs)( \S+){0,3}|(we are|we're) also hiring( \S+){0,4}|"
        r"(other )?open (positions|roles)( \S+){0,3}|also hiring|more (open )?(roles|jobs|openings)( \S+){0,3}",
    ),
    (
        "requirements",
        r"(job |minimum |basic |key |required |our |your |the )?(qualifications?|requirements?)( \S+){0,4}|"
        r"who you are|who are you|(a (little|bit) |more )?about you|"
        r"what (you('ll| will)?|will you|would you) (bring|need)( to the (team|table|role))?|you bring|"
        r"what you bring( \S+){0,5}|what we('re| are)? look(ing)? for( \S+){0,4}|we('re| are) looking for|"
        r"what we (need|expect|ask)( from| of) you|what we('re| are) after|"
        r"((technical|required|key|desired|core|soft) )?(your )?(skills|experience)( required| needed| we need)?|"
        r"(work|relevant|professional) experience|qualities|"
        r"your profile|profile|must[ -]haves?|(and )?you (have|are)( also)?|you may be fit( \S+){0,5}|"
        r"you are the right fit( \S+){0,4}|as (a |an )?\S+( \S+){0,4},? you (have|are|bring)|"
        r"(as \S+( \S+){0,4},? )?you('ll| will)( also)? need|"
        r"(key |core )?competenc(ies|es)|education( requirements?)?|what (it takes|is needed)( to succeed)?|"
        r"ideal candidate",
    ),
    ("team", r"about (the|our) team|the team|our team|meet the team|who you('ll| will) work with"),
    (
        "company",
        r"(a (little|bit) |more )?about us|who we are|who are we|what we do|company|"
        r"about (the |our )?(company|organi[sz]ation)|our (company|story|mission|values|culture|products?)|"
        r"the company|company (description|overview)|"
        # "About Acme", "Why Acme", "This is Acme": a name, so capitalised (not "About the job")
        r"about (?!(the|this|our|your|you|us)\b)(?-i:[A-Z])[\w&.-]*( (?-i:[A-Z])[\w&.-]*){0,3}|"
        r"(why|we are|this is) (?!(you|we|join|work|the|a|an|our)\b)(?-i:[A-Z])[\w&.-]*",
    ),
    (
        "duties",
        r"((your|our|the|job|role) )?((key|main|primary|core|essential|general|day-to-day|typical) )?"
        r"(roles?|responsibilit(y|ies)|duties|tasks)( include)?( \S+){0,4}|"
        r"what you('ll| will) (get to )?(do|be doing|work on|tackle)|what will you do|"
        r"what you('ll| will) be responsible for|what (would|will) be your (key |main )?responsibilities|"
        r"(your|the) (role|mission|job|impact|day[- ]to[- ]day)( \S+){0,3}|"
        r"(a (little|bit) |more )?about (the|this) (role|position)|"
        r"role (description|overview)|(primary |main )?purpose( of the (role|job|position))?|"
        r"job (description|summary|overview)|position (overview|summary|description)|the (scope|opportunity|position)|"
        r"in this role( you will)?|what the (job|role) involves|you will|as (a |an |the |"
        r"our )?\S+( \S+){0,4},? you( will|'ll)?|at \S+,? you('ll| will)|the work you('ll| will) (do|tackle)|"
        r"the challenge|day to day|your (key )?tasks",
    ),
    ("open", r"about the job|job details|overview|summary|description|full job description( below)?"),
)
#: One pattern for every kind of heading: the first kind (in the order above) that names the whole line.
_HEADING = re.compile("|".join(f"(?P<k{k}>{body})" for k, (_, body) in enumerate(_KINDS)), re.IGNORECASE)
_DECOR = re.compile(r"^[\s#>*_=•·\-–—|]+|[\s*_=|]+$")
_INLINE = re.compile(r"^([^:]{2,60}):\s+(\S.*)$")
_BULLET = re.compile(r"^\s*(?:(?:[-*•·‣▪●◦–—+>o]|\d{1,2}[.)]|\(?[a-z][.)])\s+|(?:\d{1,2}[.)]|[-*•·‣▪●◦–—])(?=[A-Z]))")


@dataclass(frozen=True)
class Part:
    """A line of the posting, the part it belongs to, and how much a mention in it counts."""

    kind: str
    text: str
    weight: float


def clean(line: str) -> str:
    """The line without bullet markers, Markdown emphasis and surrounding space."""
    text = _BULLET.sub("", line.strip())
    text = re.sub(r"\*\*|__|`", "", text)
    return text.strip()


def heading_kind(line: str) -> str | None:
    """The part a heading line starts (``None`` when the line is not a heading)."""
    raw = line.strip()
    if not raw or len(raw) > 80:
        return None
    marked = raw.startswith("#") or raw.startswith("**") or raw.startswith("__") or raw.endswith(":")
    text = _DECOR.sub("", raw).rstrip(":").strip().rstrip("*_").strip().rstrip(":").strip()
    if text.endswith(",") and _SIGN_OFF_LINE.fullmatch(text[:-1]):
        return "apply"
    if not text or len(text.split()) > 9 or text.endswith((".", ",", ";")):
        return None
    key = _heading_key(text)
    if marked and EEO_LINE.search(key.lower()):
        return "eeo"  # "We believe in equal employment opportunities:"
    named = _named(key)
    if named is None:
        # "Perks and Benefits", "Education & Experience", "Qualities/ Experience": a heading of
        # parts that each name one (the first says which)
        pieces = [p for p in _PIECES.split(key) if p]
        kinds = [_named(p) for p in pieces] if len(pieces) > 1 else []
        named = kinds[0] if kinds and None not in kinds else None
    if named is not None:
        return named
    letters = [c for c in text if c.isalpha()]
    shouting = len(letters) >= 4 and all(c.isupper() for c in letters)
    lead_in = raw.endswith(":") and not raw.startswith(("#", "**", "__"))
    if lead_in and not shouting and len(text.split()) >= 5:
        # a sentence that leads into a list names its part by what it says: "You have the technical
        # competence to perform advanced analytics:" (requirements), "You will be responsible for:" (duties)
        low = key.lower()
        if NEED_LINE.search(low):
            return "requirements"
        if _DUTY_LEAD.match(low):
            return "duties"
    return "unnamed" if marked or shouting else None


#: A sentence that leads into the duties.
_DUTY_LEAD = re.compile(r"(you will|you'll|in this role|as an? \w+( \w+)?,? you will)\b")


_SIGN_OFF_LINE = re.compile(_SIGN_OFF, re.IGNORECASE)
#: Where a heading of several parts is cut: "and", "&", "+", "/" and ",".
_PIECES = re.compile(r"\s+(?:and|&|\+)\s+|\s*[/,]\s*", re.IGNORECASE)
#: "... at Acme", "... As a Data Engineer at Acme" after a heading ("Benefits At Collibra").
_AT_NAME = re.compile(r"(?:\s+[Aa]s an?(?:\s+\S+){1,4}?)?\s+(?:[Aa]t|@)\s+[A-Z][\w'&.-]*(?:\s+[A-Z][\w&.-]*){0,3}$")
#: A contraction written without its apostrophe ("youll", "theyre"; not "were", a word of its own).
_CONTRACTED = re.compile(r"\b(?:you|we|they)(?=(?:ll|ve|d)\b)|\b(?:you|they)(?=re\b)", re.IGNORECASE)


def _heading_key(text: str) -> str:
    """A heading as its patterns expect it: plain apostrophes ("What You’ll Do", "What youll
    get to do"), no closing "?", "!" or "…", no company name after "at"."""
    key = text.replace("’", "'").replace("‘", "'").rstrip("?!…. ").strip()
    key = _CONTRACTED.sub(r"\g<0>'", key)
    return _AT_NAME.sub("", key) or key


def _named(key: str) -> str | None:
    """The kind of part a heading's words name, if they name one."""
    found = _HEADING.fullmatch(key)
    if found is None or found.lastgroup is None:
        return None
    return _KINDS[int(found.lastgroup[1:])][0]


def _judge(low: str) -> str:
    """A line outside any named part (in lower case): the company about itself, the work of the
    team the hire joins, or the job."""
    if YOU.search(low) or HIRING.search(low):
        return "open"
    if OWN_TEAM.search(low):
        return "team"
    return "company" if COMPANY.search(low) else "open"


def _nice(low: str) -> bool:
    """Whether a line (in lower case) ends by calling itself a plus (a line of one sentence: in a
    paragraph, "... is a big plus." is the last sentence's, not the paragraph's)."""
    if SENTENCES.search(low.rstrip(" .!?").replace("e.g.", "eg").replace("i.e.", "ie").replace("etc.", "etc")):
        return False
    end = len(low)
    while end and not (low[end - 1].isalnum() or low[end - 1] == "_"):
        end -= 1
    return NICE_LINE.search(low, max(0, end - NICE_REACH)) is not None


#: A list run into one line, as a paste of a "who is hiring" post writes it ("Duties: -Own ...
#: -Analyze ..."), or as a scraped ad whose line breaks were lost writes it ("MUST HAVE + 5 years
#: of ... + Strong ... + Proficiency ..."; three items at least: "$200k + Benefits + Equity" is pay).
_RUN_IN_ITEM = re.compile(r"\s+-(?=[A-Z0-9])")
_RUN_IN_PLUS = re.compile(r"\s+\+\s+(?=[A-Z0-9])")


def _items(line: str) -> list[str]:
    """A line that runs a list together (two items or more, each "-" then a capital; or three,
    each " + " then a capital) as its lead and one line per item; any other line as it is."""
    pieces = _RUN_IN_ITEM.split(line) if " -" in line else [line]
    if len(pieces) < 3:
        pieces = _RUN_IN_PLUS.split(line) if " + " in line else [line]
        if len(pieces) < 4:
            return [line]
    return [pieces[0], *("- " + p for p in pieces[1:])]


def _joined(lines: list[str]) -> list[str]:
    """The lines, a sentence broken over two lines by a hard line break made one again: a line
    that does not end a sentence, followed by one that starts in lower case and is no bullet. A
    list run into one line is cut into its items."""
    out: list[str] = []
    for line in (item for raw in lines for item in _items(raw)):
        stripped = line.strip()
        if (
            out
            and stripped[:1].islower()
            and not _BULLET.match(line)
            and out[-1].strip()
            and not out[-1].rstrip().endswith((".", "!", "?", ":", ";"))
            and heading_kind(out[-1]) is None
        ):
            out[-1] = out[-1].rstrip() + " " + stripped
        else:
            out.append(line)
    return out


#: A line longer than this is a paragraph, read sentence by sentence (a company's blurb, the job
#: and how to apply may share one).
PARAGRAPH = 500
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)][.!?])\s+(?=[A-Z“\"(])")
#: ... and where one ends with a space before its stop ("reporting . The"): slower, so used only
#: on a line that has one.
_SPACED_END = re.compile(r"(?:(?<=[a-z0-9)][.!?])|(?<=[a-z0-9)] [.!?]))\s+(?=[A-Z“\"(])")


def _split(line: str) -> list[str]:
    """A line cut into its sentences."""
    spaced = " ." in line or " !" in line or " ?" in line
    return [s for s in (_SPACED_END if spaced else _SENTENCE_END).split(line.strip()) if s]


def _sentences(lines: list[str]) -> list[tuple[str, bool]]:
    """The lines, a paragraph cut into its sentences; each with whether it goes on a paragraph
    (a sentence after the paragraph's first)."""
    out: list[tuple[str, bool]] = []
    for line in lines:
        short = len(line) <= PARAGRAPH and not (len(line) > TITLE_MAX and line.count(" | ") >= 2)
        # (an equal-opportunity sentence after the work's is cut off, even in a short line)
        eeo = short and (". " in line or "! " in line) and EEO_LINE.search(line.lower()) is not None
        pieces = _split(line) if not short or eeo else [line]
        if len(pieces) == 1 and short:
            out.append((line, False))  # (a "who is hiring" post: a header of fields, then the whole ad)
        else:
            out += [(s, k > 0) for k, s in enumerate(pieces)]
    return out


def parts(text: str) -> list[Part]:
    """The posting's lines after its title, each with its part; blank lines left out."""
    lines = text.splitlines()
    first = next((k for k, line in enumerate(lines) if line.strip()), len(lines))
    titled = first < len(lines) and heading_kind(lines[first]) is None and len(lines[first].strip()) <= TITLE_MAX
    alone = not any(line.strip() for line in lines[first + 1 :])  # a posting of one line is all job, no title
    body = (
        lines[first + 1 :] if titled and not alone else lines[first:]
    )  # (a first line that is a paragraph is read too)
    kind = "open"
    out: list[Part] = []
    for line, goes_on in _sentences(_joined(body)):
        if not line.strip():
            continue
        found = heading_kind(line)
        if found is not None:
            kind = "open" if found == "unnamed" else found
            continue
        if goes_on and out and out[-1].kind == "eeo":
            out.append(Part("eeo", clean(line), WEIGHTS["eeo"]))  # the rest of an equal-opportunity paragraph
            continue
        content = clean(line)
        inline = _INLINE.match(content)
        # (not "Tech stack: ...": a line of tools, which says nothing of the lines after it)
        if inline and (named := heading_kind(inline.group(1) + ":")) not in (None, "unnamed", "stack"):
            kind = named or kind
            content = inline.group(2).strip()
        here = kind
        low = content.lower()
        if TITLE_LINE.match(content) and len(content) <= 60:
            here = "company"  # the job's title again ("Role: Data Engineer Lead"): a header field, not the work
        elif LINK_LINE.match(content):
            here = "company"  # a link to read about the team ("[Data Dream Teams](https://...)"), not the work
        elif content.count(" | ") >= 2 and len(content) < 250:
            here = "company"  # a header of fields ("Acme | Data Engineer | Lisbon | Remote"), not the work
        elif OPENINGS_LINE.search(low):
            here = "openings"
        elif EEO_LINE.search(low) or is_disclaimer(low):
            here = "eeo"  # (or the small print that goes with it)
        elif len(low) < 400 and len({m.group(1) for m in PERK.finditer(low)}) >= 2:
            here = "benefits"  # "An attractive salary and fringe benefits (car, phone, ...)"
        elif ("apply" in low or "send" in low) and APPLY_LINE.search(low, 0, 250):  # (not a paragraph's last words)
            here = "apply"
        elif kind in ("open", "duties", "requirements") and _nice(low):
            here = "nice"
        elif kind == "open":
            here = "requirements" if NEED_LINE.search(low) else _judge(low)
        elif kind == "company" and OWN_TEAM.search(low):
            here = "team"  # "The data science team builds the data-driven features" in "About us"
        elif kind == "duties" and TEAM_INTRO.search(low):
            here = "team"  # "We're a tight-knit team of data scientists ..." under "The position"
        elif kind == "duties" and NEED_LINE.search(low):
            here = "requirements"  # "5+ years of ...", "Strong experience in ..." among the duties
        elif kind == "duties" and BLURB.search(low) and not (YOU.search(low) or HIRING.search(low)):
            here = "company"  # "Founded in 2009, Acme is the world's leading ..." under "The Opportunity"
        out.append(Part(here, content, WEIGHTS.get(here, WEIGHTS["open"])))
    return out
