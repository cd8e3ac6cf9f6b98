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
from collections import Counter
from dataclasses import dataclass

from rolefit.postings.copies import pasted_once
from rolefit.postings.headings import SIGN_OFF, WEIGHTS, heading_key, kind_named, kind_of_pieces
from rolefit.postings.line_kinds import (
    APPLY_LINE,
    BLURB,
    COMPANY,
    COMPANY_SUBJECT,
    COOKIE_LINE,
    EEO_LINE,
    FIELD_KEY,
    FIELD_LINE,
    HIRE_SUBJECT,
    HIRING,
    LINK_LINE,
    NEED_LINE,
    OPENINGS_LINE,
    ORG_WORDS,
    OWN_TEAM,
    PERK,
    TEAM_INTRO,
    TITLE_LINE,
    YOU,
    is_disclaimer,
    is_firm_intro,
    is_for_recruiters,
    is_greeting,
    is_nice,
    says_nothing_of_the_job,
    starts_with_duty,
)
from rolefit.postings.run_in import PARAGRAPH, run_in_items
from rolefit.postings.sentences import sentences
from rolefit.postings.tables import table_rows

#: The longest first line that is taken for a title alone (a longer one is a paragraph, and read).
TITLE_MAX = 120
_DECOR = re.compile(r"^[^\w(\[\"'“‘]+|[\s*_=|]+$")  # (leading marks, emoji among them: "🎁 Perks", "## Role")
#: A heading's number: "2. Responsibilities", "3.1 Requirements", "II. Benefits", "4) Perks".
_NUMBERED = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[IVXivx]{1,4}[.)])\s+")
#: ("Expectations and Tasks:Explore ..."; not "the data process (for example: collecting, ...)")
_INLINE = re.compile(r"^([^:(]{2,60}):(?:\s+|(?=[A-Z][a-z]))(\S.*)$")
_BULLET = re.compile(
    r"^\s*(?:(?:[-*•·‣▪●◦–—+>o]|\d{1,2}[.)]|\(?[a-z][.)]|[^\w\s(\[\"'“‘$£€#@%&*+-]+)\s+|\d{1,2}(?:\.\d{1,2})+\.?\s+(?=[A-Z])|"
    r"(?:\d{1,2}[.)]|[-*•·‣▪●◦–—])(?=[A-Z]))"
)  # (an emoji is a bullet too: "✅ Build models", "👉 Solid stats"; and "3.3 Build models" is numbered)


@dataclass(frozen=True)
class Part:
    """A line of the posting, the part it belongs to, and how much a mention in it counts."""

    kind: str
    text: str
    weight: float


_EMPHASIS = re.compile(r"\*\*|__|`")
#: Markdown's italics of one star each side, in a line: "Run *A/B experiments* on checkout" (not a
#: footnote's star, "Salary*", nor a list's).
_ITALIC = re.compile(r"(?<![\w*\\])\*(?![\s*])([^*\n]+?)(?<![\s\\])\*(?![\w*])")


def clean(line: str) -> str:
    """The line without bullet markers, Markdown emphasis and surrounding space."""
    text = line.strip()
    if "*" in text:
        text = _ITALIC.sub(r"\1", text)  # (first: "*Build* models" starts with no bullet)
    text = _BULLET.sub("", _BULLET.sub("", text))  # ("- ✅ Build ...": a bullet and an emoji one)
    text = _EMPHASIS.sub("", text)
    return text.strip()


def heading_kind(line: str) -> str | None:
    """The part a heading line starts (``None`` when the line is not a heading)."""
    raw = line.strip()
    if not raw or len(raw) > (120 if raw.endswith(":") else 80):  # (a lead-in to a list may run longer)
        return None
    marked = raw.startswith("#") or raw.startswith("**") or raw.startswith("__") or raw.endswith(":")
    text = _DECOR.sub("", raw).rstrip(":").strip().rstrip("*_").strip().rstrip(":").strip()
    text = _DECOR.sub("", _NUMBERED.sub("", text)).strip()
    if text.endswith("..."):
        text = text.rstrip(". ")  # ("What you'll do...")
    if text.startswith("[") and text.endswith("]") and "](" not in text:
        text = text[1:-1].strip()  # ("[RESPONSIBILITY STATEMENTS]")
    if text.endswith(",") and _SIGN_OFF_LINE.fullmatch(text[:-1]):
        return "apply"
    if not text or text.endswith((".", ",", ";")):
        return None
    key = heading_key(text)
    if len(text.split()) > 9 and len(key.split()) > 9:
        # a long line is a heading only as a lead-in to the duties: "Your daily work as a Data
        # Science Software Engineer includes:" (or to what the hire needs: "You will need these ...:")
        if not (raw.endswith(":") and len(text.split()) <= 16):
            return None
        low = text.lower()
        return "requirements" if _NEEDS_LEAD.match(low) else "duties" if _leads_to_duties(low) else None
    if raw.endswith(":") and _NEEDS_HEAD.fullmatch(key.lower()):
        return "needs"  # "Experience with:", "Software Proficiency:" (not "Experience with JIRA", a need)
    if marked and EEO_LINE.search(key.lower()):
        return "eeo"  # "We believe in equal employment opportunities:"
    named = (
        kind_named(key)
        or kind_of_pieces(key)
        or (kind_named(plain) if (plain := heading_key(text, True)) != key else None)
    )
    if named is not None:
        return named
    letters = [c for c in text if c.isalpha()]
    shouting = len(letters) >= 4 and all(c.isupper() for c in letters)
    lead_in = raw.endswith(":") and not raw.startswith(("#", "**", "__"))
    if lead_in and not shouting and len(text.split()) >= 5:
        # a sentence that leads into a list names its part by what it says: "You have the technical
        # competence to perform advanced analytics:" (requirements), "You will be responsible for:" (duties)
        low = key.lower()
        if is_nice(low):
            return "nice"  # "Knowledge of several of the following areas is desirable:"
        if NEED_LINE.search(low) or _NEEDS_LEAD.match(low):
            return "requirements"
        if _leads_to_duties(low):
            return "duties"
    return "unnamed" if marked or shouting else None


def _leads_to_duties(low: str) -> bool:
    """A sentence that leads into the duties: "You will be responsible for:", "The analyst meets the
    team's objectives by:", "The Data Scientist is responsible for:"."""
    return _DUTY_LEAD.match(low) is not None or low.endswith((" by", " responsible for"))


#: A sentence that leads into what the hire needs: "You will need these skills and experience to be successful:".
_NEEDS_LEAD = re.compile(
    r"(you('ll| will)( also)? need|to be successful( in this (role|position|job))?,? you(('ll| will)? need|"
    r" must have| need to have| will need to have)|"
    r"you (meet|fulfil?l) (our |the |all )?((minimum|basic|following) )?(qualifications|requirements))\b"
)
#: What the hire needs, as a lead-in to a list of it ("Experience with:", "Technical proficiency:").
_NEEDS_HEAD = re.compile(
    r"(experience|proficiency|familiarity|knowledge|expertise|fluency) (with|in|of)( the following( \w+)?)?|"
    r"((software|technical|tools?|computer|programming) )?proficienc(y|ies)"
)
#: A sentence that leads into the duties.
_DUTY_LEAD = re.compile(
    r"(you will|you'll|in this role|as an? \w+( \w+)?,? you will|your (daily|day-to-day) (work|tasks|activities))\b"
)


_SIGN_OFF_LINE = re.compile(SIGN_OFF, re.IGNORECASE)


def _judge(low: str) -> str:
    """A line outside any named part (in lower case): the company about itself, the work of the
    team the hire joins, or the job."""
    if is_firm_intro(low) or is_greeting(low):
        return "company"  # "We're a VC-funded startup building ...", "Hi HN, my name is ...": not the job
    if YOU.search(low) or HIRING.search(low) or HIRE_SUBJECT.match(low):
        return "open"
    if OWN_TEAM.search(low):
        return "team"
    if starts_with_duty(low):
        return "open"  # "Run A/B tests on our checkout": a duty, whoever "our" is
    return "company" if COMPANY.search(low) else "open"


_BROKEN_WORD = re.compile(r"[a-z]{2}-$")


def _joined(lines: list[str]) -> list[str]:
    """The lines, a sentence broken over two lines by a hard line break made one again: a line
    that does not end a sentence, followed (in a paste that doubles its breaks, after a blank
    line) by one that starts in lower case and is no bullet. A list run into one line is cut into
    its items."""
    out: list[str] = []
    for line in (item for raw in lines for item in run_in_items(raw, heading_kind)):
        stripped = line.strip()
        if (
            stripped[:1].islower()
            and len(out) > 1
            and not out[-1].strip()
            and out[-2].strip()
            and not out[-2].rstrip().endswith((".", "!", "?", ":", ";"))
        ):
            out.pop()  # a paste that doubles its line breaks: "... for both existing", "", "data assets and ..."
        if (
            out
            and stripped[:1].islower()
            and not _BULLET.match(line)
            and out[-1].strip()
            and not out[-1].rstrip().endswith((".", "!", "?", ":", ";"))
            and heading_kind(out[-1]) is None
        ):
            joined = out[-1].rstrip()
            # a word a PDF hyphenated at the line's end is one word again ("behav-" + "iour")
            out[-1] = joined[:-1] + stripped if _BROKEN_WORD.search(joined) else joined + " " + stripped
        else:
            out.append(line)
    return out


def _sentences(lines: list[str]) -> list[tuple[str, bool]]:
    """The lines, a paragraph cut into its sentences; each with whether it goes on a paragraph
    (a sentence after the paragraph's first)."""
    out: list[tuple[str, bool]] = []
    for line in lines:
        short = len(line) <= PARAGRAPH and not (len(line) > TITLE_MAX and line.count(" | ") >= 2)
        # (an equal-opportunity sentence after the work's is cut off, even in a short line)
        eeo = short and (". " in line or "! " in line) and EEO_LINE.search(line.lower()) is not None
        pieces = sentences(line) if not short or eeo else [line]
        if len(pieces) > 1 and "  " in line:  # (where a scrape lost its breaks, a sentence may start with a
            pieces = [p for s in pieces for p in run_in_items(s, heading_kind)]  # heading: "Key Duties You ...")
        if len(pieces) == 1 and short:
            out.append((line, False))  # (a "who is hiring" post: a header of fields, then the whole ad)
        else:
            out += [(s, k > 0) for k, s in enumerate(pieces)]
    return out


#: A LinkedIn page's company line ("Acme Robotics · Boston, MA (On-site)") and the heading its ad starts with.
LINKEDIN_COMPANY = re.compile(r"^\s*\S.{0,80}\s·\s\S")
ABOUT_THE_JOB = re.compile(r"^[\s#*_]*about the job[\s*_:]*$", re.IGNORECASE)
#: How far into a paste a LinkedIn page's header may run.
HEADER_REACH = 40


def linkedin_header(lines: list[str]) -> tuple[int, int] | None:
    """Where a whole LinkedIn page pasted has its company line and its "About the job" (the page's
    header between: "Share", "Easy Apply", "Meet the hiring team", the poster's own title), or None
    when the lines are no such page."""
    company: int | None = None
    for k, line in enumerate(lines[:HEADER_REACH]):
        if ABOUT_THE_JOB.match(line):
            return (company, k) if company is not None else None
        if company is None and LINKEDIN_COMPANY.match(line):
            company = k
    return None


#: The lines a careers site or an applicant-tracking system puts above an ad ("Back to jobs", "Skip
#: to main content", "Acme logo", "Apply for this job"): page furniture, neither title nor work.
FURNITURE = re.compile(
    r"^\s*(back to (all )?(jobs|search|results|openings|careers|job search)|skip to (main )?content|.{0,60}\blogo|"
    r"apply( now| for this (job|role|position))?|share( this (job|role))?|save( (this )?job)?|sign in|log in|menu|home|"
    r"careers?( at \S.{0,60})?|jobs|(view|see) all (jobs|openings)|all jobs|search (for )?jobs|open positions)\s*$",
    re.IGNORECASE,
)
#: How many lines at the top of a paste may be furniture.
FURNITURE_REACH = 6


#: A page's number, as a PDF's text keeps it: "Page 2 of 3", "2 / 3", "- 2 -".
_PAGE_NUMBER = re.compile(r"^\s*((page\s*)?\d{1,3}(\s*(of|/)\s*\d{1,3})?|[-–]\s*\d{1,3}\s*[-–])\s*$", re.IGNORECASE)


def furniture_end(lines: list[str]) -> int:
    """How many of the first non-blank ``lines`` are page furniture."""
    k = 0
    while k < min(len(lines), FURNITURE_REACH) and FURNITURE.match(lines[k]):
        k += 1
    return k


def parts(text: str) -> list[Part]:
    """The posting's lines after its title, each with its part; blank lines left out."""
    lines = text.splitlines()
    filled = [k for k, line in enumerate(lines) if line.strip()]
    skip = furniture_end([lines[k] for k in filled])
    if skip:  # ("Back to jobs", "Skip to main content": the page's, not the ad's)
        lines = lines[filled[skip - 1] + 1 :]
    first = next((k for k, line in enumerate(lines) if line.strip()), len(lines))
    titled = first < len(lines) and heading_kind(lines[first]) is None and len(lines[first].strip()) <= TITLE_MAX
    alone = not any(line.strip() for line in lines[first + 1 :])  # a posting of one line is all job, no title
    body = (
        lines[first + 1 :] if titled and not alone else lines[first:]
    )  # (a first line that is a paragraph is read too)
    header = linkedin_header(body)
    body = body[header[1] :] if header else body
    # a PDF's pages repeat its header (the title, the employer) and number themselves: no work
    top = clean(lines[first]) if titled and not alone else ""
    cleaned = [(line, clean(line), _BULLET.match(line) is not None) for line in body]
    cleaned = pasted_once(cleaned)
    seen = Counter(text for line, text, bullet in cleaned if line.strip() and not bullet)
    headers = {
        text
        for text, n in seen.items()
        if n >= 2 and len(text) <= 100 and not text.endswith((".", "!", "?")) and any(c.isalpha() for c in text)
    }  # (a line of no letters, a table's rule, is no header)
    body = [
        line
        for line, text, bullet in cleaned
        if not (top and text == top)
        and not _PAGE_NUMBER.match(line)
        and (bullet or text not in headers or heading_kind(line) is not None)
    ]
    kind = "open"
    out: list[Part] = []
    for line, goes_on in _sentences(_joined(table_rows(body) if "|" in text else body)):
        if not line.strip():
            continue
        found = heading_kind(line)
        if found is not None:
            if found == "needs":  # (a list of needs: the nice-to-haves' own, under theirs)
                found = "nice" if kind == "nice" else "requirements"
            kind = "open" if found == "unnamed" else found
            continue
        if goes_on and out and out[-1].kind == "eeo":
            out.append(Part("eeo", clean(line), WEIGHTS["eeo"]))  # the rest of an equal-opportunity paragraph
            continue
        content = clean(line)
        inline = _INLINE.match(content)
        # (not "Tech stack: ...": a line of tools, which says nothing of the lines after it)
        field = False
        if inline and (named := heading_kind(inline.group(1) + ":")) not in (None, "unnamed", "stack"):
            content = inline.group(2).strip()
            # ("Location: Brussels", "Hours: 38 a week": a field of the ad, which heads no part)
            field = FIELD_KEY.fullmatch(inline.group(1).strip().lower()) is not None
            # (a list of needs under the nice-to-haves stays theirs: "Bonus: ...", then "Experience with X: ...")
            kind = kind if field or (kind == "nice" and named in ("requirements", "needs")) else named
            kind = "requirements" if kind == "needs" else kind
        here = "benefits" if field else kind
        low = content.lower()
        if TITLE_LINE.match(content) and len(content) <= 60:
            here = "company"  # the job's title again ("Role: Data Engineer Lead"): a header field, not the work
        elif FIELD_LINE.match(low):
            here = "company"  # a job board's field ("Job Segment: Database, SQL"), not the work
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
        elif "cookie" in low and COOKIE_LINE.search(low):
            here = "apply"  # the careers site's notice, no part of the ad
        elif is_for_recruiters(low):
            here = "apply"  # "does not accept unsolicited resumes from recruiters": how (not) to apply
        elif kind in ("open", "duties", "requirements") and is_nice(low):
            here = "nice"
        elif kind == "open":
            here = "requirements" if NEED_LINE.search(low) else _judge(low)
            if here == "open" and goes_on and out and out[-1].kind == "company" and says_nothing_of_the_job(low):
                here = "company"  # the blurb goes on: "By pioneering a new category with a streaming platform, ..."
        elif kind == "company" and OWN_TEAM.search(low):
            here = "team"  # "The data science team builds the data-driven features" in "About us"
        elif kind == "duties" and TEAM_INTRO.search(low):
            here = "team"  # "We're a tight-knit team of data scientists ..." under "The position"
        elif kind == "duties" and NEED_LINE.search(low):
            here = "requirements"  # "5+ years of ...", "Strong experience in ..." among the duties
        elif (
            kind == "duties"
            and (BLURB.search(low) or (COMPANY_SUBJECT.match(low) and ORG_WORDS.search(low)))
            and not (YOU.search(low) or HIRING.search(low))
        ):
            here = "company"  # "Founded in 2009, Acme is the world's leading ..." under "The Opportunity"
        out.append(Part(here, content, WEIGHTS.get(here, WEIGHTS["open"])))
    return out
