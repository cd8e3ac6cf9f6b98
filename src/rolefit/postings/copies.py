"""Lines a posting has more than once because it was pasted so: counted once.

A scrape that repeats the whole ad, or one block of it (the duties again after the benefits),
would count the same work twice or three times; and a short line that comes again would be
taken for a PDF page's header and dropped with every copy. (A page's header, a line or two
again on each page of an ad otherwise said once, is left to :mod:`rolefit.postings.sections`.)
"""

from __future__ import annotations

from collections import Counter

#: An ad of at least this many distinct lines, this share of which come again, is the same ad
#: pasted more than once: all its lines are kept once.
COPIED_LINES = 6
COPIED_SHARE = 0.6
#: Otherwise a line longer than this that comes again is the same sentence pasted again (a page's
#: header is shorter): it is kept once.
SENTENCE_COPY = 40

#: A line as the sections read it: as written, cleaned of its marks, and whether it is a bullet.
Line = tuple[str, str, bool]


def pasted_once(lines: list[Line]) -> list[Line]:
    """The lines, with a second or third copy of an ad pasted over again, or of a sentence, left out."""
    copies = Counter(text for _, text, _ in lines if text)
    twice = len(copies) >= COPIED_LINES and sum(n > 1 for n in copies.values()) >= COPIED_SHARE * len(copies)
    kept: set[str] = set()
    out: list[Line] = []
    for line in lines:
        text = line[1]
        if text and (twice or len(text) > SENTENCE_COPY) and any(c.isalpha() for c in text):  # (not a table's rule)
            if text in kept:
                continue
            kept.add(text)
        out.append(line)
    return out
