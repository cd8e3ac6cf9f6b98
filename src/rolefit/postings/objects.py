"""Lone words whose sense is settled by what they are about: a picture's "segmentation", the tool
"Segment", a "survey" of the literature, a "mentor" the hire is given.

"Detection and segmentation of objects in 3D scans" cuts pictures up, and does not group
customers; "Postgres, Segment and our EHR integrations" names a product; "survey and reimplement
recent methods" reads papers, and asks no users; "paired with a mentor" is help the hire gets,
not mentoring the hire does. (A longer phrase of a lexicon, "customer segmentation", "user
surveys", is matched as it is: these set aside only the lone word.)
"""

from __future__ import annotations

from rolefit.postings.words import Words

#: Words near "segmentation" that make it a picture's, not a market's.
_PICTURE = frozenset(
    [
        "image",
        "images",
        "instance",
        "semantic",
        "panoptic",
        "cell",
        "cells",
        "object",
        "objects",
        "medical",
        "video",
        "scene",
        "scenes",
        "lesion",
        "tumor",
        "tumour",
        "organ",
        "pixel",
        "3d",
        "detection",
        "lidar",
        "point",
        "camera",
        "vision",
        "scans",
        "mri",
        "ct",
        "microscopy",
        "satellite",
        "mask",
        "masks",
        "network",
        "networks",
    ]
)
#: What a "survey" is of when it is reading, not asking people.
_LITERATURE = frozenset(
    ["methods", "literature", "papers", "approaches", "techniques", "field", "state", "research", "work", "art"]
)
#: Words before "mentor" that make it the hire's mentor ("your mentor", "a dedicated mentor").
_GIVEN = frozenset(["your", "dedicated", "personal", "assigned", "own", "senior"])


def object_words(words: Words) -> set[int]:
    """The lone words of one clause whose object gives them another sense than their task's."""
    forms, stems = words.words, words.stems
    out: set[int] = set()
    for i, s in enumerate(stems):
        if s == "segment" and forms[i].startswith("segmentation"):
            if not _PICTURE.isdisjoint(forms[max(0, i - 4) : i + 4]):
                out.add(i)
        elif forms[i] in ("segment", "segments") and i and words.text[words.starts[i]] == "S":
            out.add(i)  # "Postgres, Segment and HubSpot": the customer-data tool, named mid-sentence
        elif (s == "survey" and not _LITERATURE.isdisjoint(forms[i + 1 : i + 6])) or (
            s == "mentor"
            and ((i and forms[i - 1] in _GIVEN) or (i > 1 and forms[i - 2] == "with" and forms[i - 1] == "a"))
        ):
            out.add(i)
    return out
