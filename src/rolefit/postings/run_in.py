"""What a paste ran into one line: a list of items, or a heading on the end of the line before it.

"Duties: -Own the warehouse -Analyze funnels" is a list of a "who is hiring" post; "MUST HAVE + 5
years of ... + Strong ... + Proficiency ..." a scraped ad's whose line breaks were lost; "... an
effective collaboration Benefits" a LinkedIn paste's last duty and the heading after it. Each is
cut into the lines it was (:func:`run_in_items`), before the posting is read part by part.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

#: A list run into one line, as a paste of a "who is hiring" post writes it ("Duties: -Own ...
#: -Analyze ..."), or as a scraped ad whose line breaks were lost writes it ("MUST HAVE + 5 years
#: of ... + Strong ... + Proficiency ..."; three items at least: "$200k + Benefits + Equity" is pay).
_RUN_IN_ITEM = re.compile(r"\s+-(?=[A-Z0-9])")
_RUN_IN_PLUS = re.compile(r"\s+\+\s+(?=[A-Z0-9])")
#: ... or "Responsibilities - Selecting features ... - Data mining ... - Extending ..." (four items at
#: least, of four words each on average: "Goody - Data Analyst - Remote - Part Time" is a header).
_RUN_IN_DASH = re.compile(r"\s+-\s+(?=[A-Z0-9])")


#: A heading a paste ran onto the end of the line before it: "... an effective collaboration Benefits".
_GLUED_HEADING = re.compile(
    r"^(.{30,}?[a-z0-9)])\s+((?:Preferred |Minimum |Basic |Key )?(?:Benefits|Perks|Requirements|Responsibilities|"
    r"Qualifications|What [Ww]e [Oo]ffer|Our [Oo]ffer))$"
)


_GLUED_ENDS = ("Benefits", "Perks", "Requirements", "Responsibilities", "Qualifications", "ffer")


#: A heading of a few capitalised words after a sentence's stop ("... data quality. YOUR PROFILE:");
#: and one of the words that head a LinkedIn paste's parts before the part's first sentence
#: ("Offer A competitive salary ...", "Requirements You have ...").
_AFTER_STOP = re.compile(r"^(.{30,}?[a-z0-9)][.!?])\s+((?:[A-Z][\w&'’-]*|&)(?:\s+(?:[A-Za-z][\w&'’-]*|&)){0,3}:?)$")
_BEFORE_SENTENCE = re.compile(
    r"^((?:Your |Our |The |Job |Key |What [Ww]e )?(?:[Pp]rofile|[Oo]ffer|[Rr]equirements|[Rr]esponsibilities|"
    r"[Qq]ualifications|[Bb]enefits|[Mm]ission|[Tt]asks|[Dd]escription|[Ff]unction)):?\s+(?=[A-Z][a-z'’]*\s)(.{20,})$"
)
#: A scraped ad whose line breaks were lost, its "*" bullets glued to the item before: "... testing.
#: DUTIES:* Contribute to the roadmap* Develop visualizations* ..." (three at least).
_GLUED_STAR = re.compile(r"(?<=[^\s*])\*\s*(?=[A-Z0-9])")
#: A heading in capitals glued to the item before it, its space lost: "... to clients and prospectsQUALIFICATIONS:".
_CAPS_GLUED = re.compile(r"^(.{3,}?[a-z0-9)][.!?]?)\s*((?:[A-Z][A-Z&'’-]{2,}[\s,/&]*){1,5}:)$")
#: The kinds of part a glued heading may name (not "unnamed": any capitalised words would do).
_NAMED = frozenset(["duties", "requirements", "nice", "benefits", "company", "eeo", "apply", "openings", "team"])


#: Where a scrape lost a line break and left two spaces: "... into an analytical approach  Work closely
#: with ..." (after a word or a stop, before a capitalised word).
LOST_BREAK = re.compile(r"(?<=[a-z0-9.,;:)…!?])[ \t]{2,}(?=[A-Z])")
#: A line shorter than this is left whole (a title or a table's row may line words up with spaces).
_LOST_BREAK_MIN = 80
#: A line longer than this is a paragraph, read sentence by sentence (a company's blurb, the job
#: and how to apply may share one): its lost breaks end sentences there (:mod:`sections`).
PARAGRAPH = 500


def run_in_items(line: str, heading: Callable[[str], str | None] | None = None) -> list[str]:
    """A line that runs a list together (two items or more, each "-" then a capital; or three,
    each " + " then a capital) as its lead and one line per item; a heading run onto the end of
    a line, or before its first sentence, as a line of its own (``heading`` tells a heading's
    kind); any other line as it is. Two spaces before a capital in a long line are a lost line break."""
    if heading is not None and "  " in line.strip() and _LOST_BREAK_MIN <= len(line) <= PARAGRAPH:
        pieces = LOST_BREAK.split(line.strip())
        # (two pieces of words at least, and no lone word but a heading: not a row of a table)
        sizes = [len(p.split()) for p in pieces]
        if sum(n >= 3 for n in sizes) >= 2 and all(n >= 2 or heading(p) for n, p in zip(sizes, pieces, strict=True)):
            return [item for p in pieces for item in run_in_items(p, heading)]
    if "*" in line and heading is not None:
        stars = _GLUED_STAR.split(line)
        if len(stars) > 3:
            return [
                *_split_end(stars[0], heading),
                *(item for p in stars[1:] for item in _split_end("- " + p.strip(), heading)),
            ]
    end = line.rstrip()
    glued = _GLUED_HEADING.match(end) if end.endswith(_GLUED_ENDS) else None
    if glued and glued.group(1).split()[-1].lower() not in ("and", "or", "of", "the", "our", "your", "with", "see"):
        return [glued.group(1), glued.group(2)]
    if heading is not None:
        after = _AFTER_STOP.match(end) if end[-1:].isalpha() or end.endswith(":") else None
        # (not "... engineering. You will:", a sentence leading into its list)
        if after and after.group(2).split()[0].lower() != "you" and heading(after.group(2) + ":") in _NAMED:
            return [after.group(1), after.group(2)]
        before = _BEFORE_SENTENCE.match(end) if end[:1].isupper() else None
        # (a sentence after it, not the heading's own words: "Your Responsibilities As Our Lead Data Scientist")
        if (
            before
            and any(w[:1].islower() for w in before.group(2).split()[1:5])
            and heading(before.group(1) + ":") in _NAMED
        ):
            return [before.group(1), before.group(2)]
        if end[:1].isupper() and (first := _heading_first(end, heading)):
            return first
    if heading is not None and line.count(" - ") >= 3:
        dashed = _RUN_IN_DASH.split(line)
        if len(dashed) >= 4 and sum(len(p.split()) for p in dashed[1:]) >= 4 * (len(dashed) - 1):
            return [*run_in_items(dashed[0], heading), *("- " + p.strip() for p in dashed[1:])]
    pieces = _RUN_IN_ITEM.split(line) if " -" in line else [line]
    if len(pieces) < 3:
        pieces = _RUN_IN_PLUS.split(line) if " + " in line else [line]
        if len(pieces) < 4:
            return [line]
    return [pieces[0], *("- " + p for p in pieces[1:])]


def _split_end(piece: str, heading: Callable[[str], str | None]) -> list[str]:
    """An item of a glued list, and the heading in capitals glued to its end, if one is."""
    end = piece.rstrip()
    glued = _CAPS_GLUED.match(end) if end.endswith(":") else None
    if glued and heading(glued.group(2)) in _NAMED:
        return [glued.group(1), glued.group(2)]
    return [piece]


#: A heading of two to six words before a sentence, the break between them lost: "What you will be
#: doing At Retailored we are looking for ...", "Key Responsibilities You develop and maintain ...".
_HEADING_WORDS = range(2, 7)
#: Words a heading does not end with: "The mission of | Data Science team ..." is one sentence.
_GOES_ON = frozenset(["of", "and", "or", "the", "a", "an", "to", "for", "in", "on", "at", "with", "our", "your", "as"])


def _heading_first(end: str, heading: Callable[[str], str | None]) -> list[str] | None:
    """The heading a line starts with and the sentence after it, if it starts with one: the heading
    a part's name, the sentence's first word capitalised (not "I") and one of its next three in lower case."""
    words = end.split(" ")
    for k in _HEADING_WORDS:
        if len(words) < k + 4:
            return None
        after = words[k]
        if after[:1].isupper() and after[1:2].islower() and any(w[:1].islower() for w in words[k + 1 : k + 4]):
            lead = " ".join(words[:k])
            # (a capital after a small word is a name's: "The mission of Data Science team ...")
            named = any(w[:1].isupper() and v[:1].islower() for v, w in itertools.pairwise(words[:k]))
            if not named and lead[-1:].isalpha() and words[k - 1].lower() not in _GOES_ON and heading(lead) in _NAMED:
                return [lead, " ".join(words[k:])]
    return None
