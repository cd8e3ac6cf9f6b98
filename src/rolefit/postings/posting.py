"""A job posting as read: its name, the title it claims, and its text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rolefit.postings.sections import clean, heading_kind


@dataclass(frozen=True)
class Posting:
    name: str
    title: str
    text: str


#: The job a sentence says is open: "We are looking for a Senior Data Scientist to ...". The
#: title is the run of capitalised words after the article (case matters there, not before).
_HIRING = re.compile(
    r"\b(?i:looking for|seeking|hiring|recruiting|searching for)\s+(?i:an?|our( first)?|a new)\s+"
    r"((?:[A-Z][\w/&+.-]*|of|and|&)(?:\s+(?:[A-Z][\w/&+.-]*|of|and|&)){0,6})"
)
#: How many lines after a heading that is no title are searched for such a sentence.
_TITLE_REACH = 5


def make_posting(name: str, text: str) -> Posting:
    """The posting, titled by its first line; when that line is a heading ("About the job" of a
    LinkedIn paste), by the job an early sentence says is open ("we are hiring a Data Scientist"),
    if any."""
    lines = [line for line in text.splitlines() if line.strip()]
    first = lines[0] if lines else ""
    if heading_kind(first) in (None, "unnamed"):
        return Posting(name=name, title=clean(first.strip().lstrip("#")), text=text)
    for line in lines[1 : 1 + _TITLE_REACH]:
        found = _HIRING.search(line)
        if found:
            words = found.group(2).rstrip(".,;:").split()
            while words and words[-1] in ("of", "and", "&"):
                words.pop()
            return Posting(name=name, title=" ".join(words), text=text)
    return Posting(name=name, title="", text=text)
