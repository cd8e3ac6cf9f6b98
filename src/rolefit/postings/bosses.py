"""Whom a hire reports to: "reporting to the Director of Business Intelligence" is a line of
management, so neither its "reporting" nor its "Business Intelligence" is the hire's work."""

from __future__ import annotations

from rolefit.postings.words import Words

#: Who a hire reports to: "reporting to the Chief Digital Officer" is a line of management, not reports.
BOSSES = frozenset(
    [
        "manager",
        "officer",
        "head",
        "director",
        "lead",
        "leader",
        "vp",
        "ceo",
        "cto",
        "cpo",
        "cfo",
        "coo",
        "cdo",
        "founder",
        "founders",
        "president",
        "chief",
        "scientist",
        "supervisor",
        "teamlead",
        "sr",
        "senior",
    ]
)
_REPORT = frozenset(["report", "reports", "reporting", "reported"])


def boss_words(words: Words) -> set[int]:
    """The "report" of "reporting (directly) to the Head of Data": whom the hire answers to."""
    out: set[int] = set()
    forms = words.words
    for i, w in enumerate(forms):
        if w not in _REPORT:
            continue
        k = i + 1
        if k < len(forms) and forms[k] == "directly":
            k += 1
        if k < len(forms) and forms[k] in ("to", "into") and BOSSES & set(forms[k + 1 : k + 7]):
            out.add(i)
            out.update(_boss_title(words, k + 1))
    return out


#: The bosses whose title may name their unit after a comma ("Senior Manager, Research and Innovation").
_UNIT_HEADS = frozenset(["manager", "director", "head", "lead", "leader", "vp", "president", "officer"])
_TITLE_ENDS = frozenset(["who", "which", "that", "with", "on", "for", "while", "as", "to", "in", "and", "or"])


def _boss_title(words: Words, start: int) -> range:
    """The words of the boss's title from ``start``: "the Director of Business Intelligence", "our
    Head of BI", "the BI Manager" (up to a comma or a word that goes on with the sentence; an "and"
    before a capital stays in the title: "Head of Data and Analytics"; so does a unit named after a
    comma: "the Senior Manager, Research and Innovation")."""
    forms, text = words.words, words.text
    end = start
    while end < len(forms) and end - start < 8:
        # (a comma ends the title, but not before the unit of a "Manager, Research and Innovation")
        if (
            end > start
            and ("," in words.before(end) or ";" in words.before(end))
            and not (forms[end - 1] in _UNIT_HEADS and "," in words.before(end) and text[words.starts[end]].isupper())
        ):
            break
        if forms[end] in _TITLE_ENDS:
            nxt = end + 1
            if not (forms[end] == "and" and nxt < len(forms) and text[words.starts[nxt]].isupper()):
                break
        end += 1
    return range(start, end)
