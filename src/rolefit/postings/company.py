"""The employer's name, where a posting says it, so that the name is not read as work.

"Streamly" stems like "streaming", "Hive.co" like the Hive data warehouse: a company's name says
nothing about the job. The name is taken from the places a posting states it plainly: a LinkedIn
header line ("Streamly · Berlin (Hybrid)"), an equal-opportunity sentence ("Streamly is an equal
opportunity employer"), an "About Streamly" heading, and "At Streamly, we ...". Only the whole name
as written (capitalised) is set aside, wherever it recurs: "Zest AI" leaves a lone "AI" alone,
"Data Robot" leaves "data pipelines".
"""

from __future__ import annotations

import re

_WORD = r"[A-Z][\w&'’-]*(?:\.\w+)*"  # ("Hive.co", not the stop of "Blue Owl. We")
_NAME = rf"(?P<name>{_WORD}(?: {_WORD}){{0,3}})"
#: (the words a pattern needs, tried first: a cheap test that spares most postings the patterns;
#: each pattern, the name anchored where it must end)
_STATED = (
    ("·", re.compile(rf"^[ \t]*{_NAME}[ \t]+·[ \t]+\S", re.MULTILINE)),  # LinkedIn: "Acme · Berlin (Hybrid)"
    ("equal", re.compile(rf"\b{_NAME},? (?:is|are) (?:an? |a proud )?equal[- ](?:opportunit|employment)")),
    ("About ", re.compile(rf"^[ \t]*(?:#+[ \t]*)?\**About {_NAME}\**[ \t]*:?[ \t]*$", re.MULTILINE)),
    ("At ", re.compile(rf"\bAt {_NAME},? (?:we|our)\b")),
    # "Python Predictions is currently looking for a data engineer"
    ("looking", re.compile(rf"(?:^|[.!?]\s+){_NAME} (?:is|are) (?:currently |now )?looking for\b", re.MULTILINE)),
)
#: Where an equal-opportunity sentence is, so that the name before it is looked for only there.
_EQUAL = re.compile(r"equal[- ](?:opportunit|employment)")
#: Words that start such a sentence or heading without naming anyone ("About the job", "We are ...").
_NOT_NAMES = frozenset(
    ["We", "Our", "The", "This", "You", "Us", "It", "Job", "Role", "Team", "Company", "Position", "Data", "A", "An"]
)


def company_names(text: str) -> tuple[str, ...]:
    """The employer's name(s) the posting states, as written (case kept), longest first."""
    out: set[str] = set()
    for needs, pattern in _STATED:
        if needs not in text:
            continue
        # (tried at every capital letter, the equal-opportunity pattern is slow: only near its phrase)
        pieces = (
            [text[max(0, m.start() - 120) : m.end()] for m in _EQUAL.finditer(text)] if needs == "equal" else [text]
        )
        for piece in pieces:
            for m in pattern.finditer(piece):
                name = m.group("name").rstrip(".,'’")
                if name.split()[0] not in _NOT_NAMES:
                    out.add(name)
    return tuple(sorted(out, key=lambda n: (-len(n), n)))


def name_pattern(text: str) -> re.Pattern[str] | None:
    """The employer's names in ``text``, as one pattern of whole words (None when it states none)."""
    names = company_names(text)
    if not names:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")
