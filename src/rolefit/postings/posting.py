"""A job posting as read: its name, the title it claims, and its text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rolefit.postings.sections import TITLE_MAX, clean, furniture_end, heading_kind, linkedin_header


@dataclass(frozen=True)
class Posting:
    name: str
    title: str
    text: str

    @property
    def named(self) -> str:
        """The posting as every report names it: its title and its id, "Data Analyst (d07)" (the id
        alone when there is no title, or the title is the id)."""
        return f"{self.title} ({self.name})" if self.title and self.title != self.name else self.name


#: The job a sentence says is open: "We are looking for a Senior Data Scientist to ...". The
#: title is the run of capitalised words after the article (case matters there, not before).
_HIRING = re.compile(
    r"\b(?i:looking for|seeking|hiring|recruiting|searching for)\s+(?i:an?|our( first)?|a new)\s+"
    r"((?:[A-Z][\w/&+.-]*|of|and|&)(?:\s+(?:[A-Z][\w/&+.-]*|of|and|&)){0,6})"
)
#: How many lines after a heading that is no title are searched for such a sentence.
_TITLE_REACH = 5
#: The words a job title ends or turns on.
_JOB_WORD = re.compile(
    r"\b(scientist|engineer|analyst|developer|manager|lead|head of|director|architect|researcher|specialist|"
    r"consultant|intern|statistician|wrangler|data person)s?\b",
    re.IGNORECASE,
)
#: What an e-mail or a form puts before the title: "Subject: Data Scientist opportunity".
_LEAD_IN = re.compile(
    r"^(subject|re|fwd?|job title|position|role|(we('re| are)|now) hiring( an?)?|hiring|join us as( an?)?)\s*:\s*",
    re.IGNORECASE,
)
#: The employer after a title in a post: "Product Data Scientist @ Beatloop".
_AT_EMPLOYER = re.compile(r"\s+@\s+\S.*$")
_PIPE = re.compile(r"\s+\|\s+")
_DASH = re.compile(r"\s+[-–—]\s+")
#: A Glassdoor paste starts with the employer, its rating ("4.2", "3.9 ★") and then the title.
_RATING = re.compile(r"^\s*[0-5]\.\d\s*★?\s*$")


#: Characters a reader does not see: a byte-order mark or a zero-width space left inside the text
#: (often where a line break was lost: "if\ufeffYou come") stands for a space; a zero-width joiner,
#: non-joiner, word joiner or soft hyphen for nothing.
_UNSEEN = str.maketrans({"\ufeff": " ", "\u200b": " ", "\u200c": "", "\u200d": "", "\u2060": "", "\u00ad": ""})
_UNSEEN_CHARS = frozenset(map(chr, _UNSEEN))


def make_posting(name: str, text: str) -> Posting:
    """The posting and the title it claims.

    The title is the first line, unless that is a heading ("About the job" of a LinkedIn paste,
    "Full job description" of an Indeed one): then the next line when it names a job, or the job
    an early sentence says is open ("we are hiring a Data Scientist"). Of a header of fields
    ("Acme | Data Scientist | Remote") or a first line that is a whole paragraph (a "who is
    hiring" post), the title is the field that names a job; "Subject:" and the like are left off.
    A Glassdoor paste (employer, rating, title) is titled by its third line.
    """
    if not _UNSEEN_CHARS.isdisjoint(text):
        text = text.translate(_UNSEEN)
    lines = [line for line in text.splitlines() if line.strip()]
    lines = lines[furniture_end(lines) :]  # ("Back to jobs", "Skip to main content", "Acme logo")
    first = lines[0] if lines else ""
    paged = _linkedin_title(lines) or _under_page_header(lines)
    if paged:
        return Posting(name=name, title=paged, text=text)  # a whole LinkedIn page: the job above the company line
    if len(lines) > 2 and _RATING.match(lines[1]) and _JOB_WORD.search(lines[2]) and len(lines[2]) <= TITLE_MAX:
        return Posting(name=name, title=_title_of(clean(lines[2])), text=text)  # a Glassdoor paste
    if heading_kind(first) in (None, "unnamed"):
        return Posting(name=name, title=_title_of(clean(first.strip().lstrip("#"))), text=text)
    second = clean(lines[1]) if len(lines) > 1 else ""
    named = second and len(second.split()) <= 8 and _JOB_WORD.search(second) and heading_kind(second) is None
    if named and not second.endswith((".", "!", "?")):
        return Posting(name=name, title=_title_of(second), text=text)
    for line in lines[1 : 1 + _TITLE_REACH]:
        hired = _hired(line)
        if hired:
            return Posting(name=name, title=hired, text=text)
    return Posting(name=name, title="", text=text)


#: At most this many words make a title that a sentence follows on its line ("Data Scientist. You
#: will ...", "Sr. Data Scientist: you will ...", "Senior Data Analyst - You will ...": the title ends
#: at a stop, a colon or a dash, not at an abbreviation's stop, before a capital or "you").
_TITLE_WORDS = 8
_TITLE_AHEAD = re.compile(
    r"^(.+?)(?<!\bSr)(?<!\bJr)(?<!\bSnr)(?<!\bMr)(?<!\bMs)(?<!\bDr)"
    # (after a colon or a dash, a sentence to the hire: "Data Scientist - Sales" is a title whole)
    r"(?:[.!]\s+(?=[A-Z]|you\b)|(?::| [-–—])\s+(?=(?i:you|we|our|as a|in this)\b))"
)
#: Emoji and other marks around a title ("🚀 We're hiring: ... 🎧").
#: (not a control character: an escape the title starts with is shown as one, never half of it dropped)
_SYMBOLS = re.compile(r"^[^\w(\[\"'“‘\x00-\x1f\x7f-\x9f]+|[^\w)\]\"'”’.!?+#\x00-\x1f\x7f-\x9f]+$")
#: A page header copied out of a PDF: fields set apart by runs of spaces ("ACME plc      JOB DESCRIPTION").
_SPACED_FIELDS = re.compile(r"\S\s{3,}\S")


def _under_page_header(lines: list[str]) -> str:
    """The title under a PDF's page header (fields apart by runs of spaces, none naming a job): the
    first short line below that names one; else ``""``."""
    if not lines or not _SPACED_FIELDS.search(lines[0]) or _JOB_WORD.search(lines[0]):
        return ""
    for line in lines[1 : 1 + _TITLE_REACH]:
        text = clean(line)
        if len(text) <= 80 and _JOB_WORD.search(text) and not text.endswith((".", "!", "?", ":")):
            return _title_of(text)
    return ""


def _linkedin_title(lines: list[str]) -> str:
    """The title of a whole LinkedIn page pasted (its name, "Share", the job, the company line,
    ..., "About the job"): the line above the company line, when it names a job; else ``""``."""
    header = linkedin_header(lines[1:])  # (the company line has the job above it)
    if header is None:
        return ""
    above = clean(lines[header[0]])
    return above if _JOB_WORD.search(above) and len(above) <= TITLE_MAX else ""


def _title_of(line: str) -> str:
    line = _AT_EMPLOYER.sub("", _LEAD_IN.sub("", _SYMBOLS.sub("", line))).strip()
    ahead = _TITLE_AHEAD.match(line)
    if ahead and len(ahead.group(1).split()) <= _TITLE_WORDS and _JOB_WORD.search(ahead.group(1)):
        return ahead.group(1)  # a title and the ad after it on one line: "Data Scientist. You will build ..."
    dashes = len(_DASH.findall(line)) >= 2  # "Acme - Data Scientist - Remote - full-time" ("who is hiring")
    if " | " not in line and not dashes and len(line) <= TITLE_MAX:
        return line
    fields = [f.strip() for f in (_PIPE if " | " in line else _DASH).split(line)]
    job = next((f for f in fields if len(f) <= 80 and _JOB_WORD.search(f)), None)
    if job is not None:
        return job
    hired = _hired(line)
    if hired:
        return hired
    return fields[0] if len(fields[0]) <= 80 else ""


def _hired(line: str) -> str:
    """The job a sentence says is open, or ``""``."""
    found = _HIRING.search(line)
    if not found:
        return ""
    words = found.group(2).rstrip(".,;:").split()
    while words and words[-1] in ("of", "and", "&"):
        words.pop()
    return " ".join(words)
