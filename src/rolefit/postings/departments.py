"""A list of departments names the people a hire works with, not the hire's work.

"Collaborate across Engineering, Product, Design, Research and Legal", "work with Sales
Operations, Business Intelligence, Marketing and other stakeholders": each capitalised name in
such a list is a department, so its "Research" is no R&D and its "Business Intelligence" no
dashboards. A list needs three department names at least, and they must make up two thirds of
it, so that skills written in capitals ("Machine Learning, Statistics and Optimization",
"Marketing Analytics, Product Analytics and Experimentation") stay the hire's.
"""

from __future__ import annotations

import re

from rolefit.postings.words import Words

#: The words department names are made of (every word of a name must be one of them).
DEPARTMENT_WORDS = frozenset(
    [
        "account",
        "accounting",
        "accounts",
        "analytics",
        "audit",
        "brand",
        "business",
        "commercial",
        "communications",
        "compliance",
        "content",
        "customer",
        "dataops",
        "design",
        "devops",
        "editorial",
        "engineering",
        "executive",
        "finance",
        "growth",
        "hr",
        "intelligence",
        "it",
        "leadership",
        "legal",
        "logistics",
        "management",
        "managers",
        "manufacturing",
        "marketing",
        "mlops",
        "operations",
        "ops",
        "partnerships",
        "people",
        "policy",
        "procurement",
        "product",
        "quality",
        "recruiting",
        "research",
        "revenue",
        "risk",
        "safety",
        "sales",
        "security",
        "service",
        "services",
        "strategy",
        "success",
        "supply",
        "support",
        "talent",
        "trust",
        "user",
        "ux",
    ]
)
#: The fewest department names a list of departments has, and their least share of its items.
FEWEST = 3
SHARE = 2 / 3
#: A department word as a name is written: capitalised (or in capitals: "UX", "DevOps").
_NAMED = re.compile(
    r"\b(?:"
    + "|".join(sorted({w.capitalize() for w in DEPARTMENT_WORDS} | {w.upper() for w in DEPARTMENT_WORDS}))
    + r"|DevOps|DataOps|MLOps)\b"
)


def department_words(words: Words) -> set[int]:
    """The indexes of the words of one clause that are names in a list of departments."""
    forms = words.words
    if (
        DEPARTMENT_WORDS.isdisjoint(forms)
        or sum(f in DEPARTMENT_WORDS for f in forms) < FEWEST
        or len(_NAMED.findall(words.text)) < FEWEST
    ):
        return set()  # (nearly every clause: no list of departments can be there)
    text, starts = words.text, words.starts
    out: set[int] = set()
    items: list[list[int]] = []
    item: list[int] = []

    def close_list() -> None:
        if item:
            items.append(item.copy())
            item.clear()
        named = [it for it in items if all(forms[k] in DEPARTMENT_WORDS for k in it)]
        if len(named) >= FEWEST and len(named) >= SHARE * len(items):
            out.update(k for it in items for k in it)
        items.clear()

    for i, form in enumerate(forms):
        between = words.before(i)
        capital = text[starts[i]].isupper()
        if "(" in between or ")" in between or ":" in between:
            close_list()
        if not capital:
            if form in ("and", "or"):  # "..., Marketing and Legal": the list goes on
                if item:
                    items.append(item.copy())
                    item.clear()
                continue
            close_list()  # a word in lower case ends the list ("and other stakeholders")
            continue
        if item and ("," in between or ";" in between or "/" in between):
            items.append(item.copy())
            item.clear()
        item.append(i)  # ("Trust & Safety", "Sales Operations": one name)
    close_list()
    return out
