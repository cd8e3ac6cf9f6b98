"""A paragraph cut into its sentences, where its stops are and where a scrape lost them.

A careers page or a job board's export often runs a whole ad into one line: its sentences end at
their stops ("... the warehouse. You will ..."), where the scrape left two spaces for a line
break ("... an analytical approach  Work closely with ..."), where it glued them ("growth.,Drives
..."), and where a line break was lost with no trace but the next line's "You" or "We" in
capitals ("... to internal stakeholders You act as the go-to person ...").
"""

from __future__ import annotations

import re

from rolefit.postings.run_in import LOST_BREAK

#: (not after a title or an abbreviation: "The Sr. Data Analyst is ...", "e.g. Python")
_NO_END = r"(?<!\bSr\.)(?<!\bJr\.)(?<!\bDr\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bvs\.)(?<!\bSt\.)(?<!\be\.g\.)(?<!\bi\.e\.)"
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)®™][.!?])" + _NO_END + r"\s+(?=[A-Z“\"(])")
#: ... and where one ends with a space before its stop ("reporting . The"): slower, so used only
#: on a line that has one.
_SPACED_END = re.compile(r"(?:(?<=[a-z0-9)®™][.!?])|(?<=[a-z0-9)] [.!?]))" + _NO_END + r"\s+(?=[A-Z“\"(])")
#: Sentences a scrape ran together, without a space ("and growth.,Drives cross functional ...",
#: "to our roots.SAP values ..."): a word's stop, then a capitalised word.
_GLUED_END = re.compile(r"(?<=[a-z]{2}[.!?]),?(?=[A-Z][A-Za-z])")
#: ... but not inside an address: "www.PeerStreet.com", "Careers.NorthAmerica@sap.com".
_ADDRESS = re.compile(r"@|www|://")
#: A line break lost without a trace: a word in lower case, then "You" or "We" in capitals and a
#: verb ("... amongst internal stakeholders You act as ..."), which no sentence writes mid-way.
_LOST_YOU = re.compile(r"[a-z] (?:You|We) [a-z]")  # (matched where str.find has put it: quicker than a scan)
#: ... but for the words after which a heading or a title writes "You" in capitals ("Thank You",
#: "Are You Ready?"; not "... in SAP Analytics Cloud You listen to ...").
_BEFORE_YOU = re.compile(
    r"(?:^|\s)(?:Thank|Are|Do|Did|Can|Could|Will|Would|Should|Shall|Must|May|Have|Were|If|When|Why|What|How|Where)$"
)


def sentences(line: str) -> list[str]:
    """A line cut into its sentences."""
    spaced = " ." in line or " !" in line or " ?" in line
    out = []
    broken = LOST_BREAK.split(line.strip()) if "  " in line.strip() else [line.strip()]  # ("approach  Work closely")
    for sentence in (s for piece in broken for s in (_SPACED_END if spaced else _SENTENCE_END).split(piece)):
        start = 0
        for glued in _GLUED_END.finditer(sentence):
            before = sentence.rfind(" ", 0, glued.start()) + 1
            after = sentence.find(" ", glued.end())
            if not _ADDRESS.search(sentence, before, len(sentence) if after < 0 else after):
                out += _lost_you(sentence[start : glued.start()])
                start = glued.end()
        out += _lost_you(sentence[start:])
    return [s for s in out if s]


def _lost_you(sentence: str) -> list[str]:
    """A sentence cut where a line break was lost before "You ..." or "We ...", if one was."""
    if " You " not in sentence and " We " not in sentence:
        return [sentence]
    cuts = [
        at
        for word in (" You ", " We ")
        for at in _found_at(sentence, word)
        if _LOST_YOU.match(sentence, at - 1) and not _BEFORE_YOU.search(sentence, max(0, at - 8), at)
    ]
    cuts.sort()
    return [sentence[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(sentence)], strict=True)]


def _found_at(text: str, word: str) -> list[int]:
    """Every place ``word`` starts in ``text``."""
    out: list[int] = []
    at = text.find(word)
    while at > 0:
        out.append(at)
        at = text.find(word, at + 1)
    return out
