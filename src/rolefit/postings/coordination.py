"""Verbs that share one object: "collect, clean and analyze the data" cleans data and analyzes it.

A lexicon phrase names a verb and its object side by side ("clean data", "collect data"); a
list of verbs before one object, or adjectives between them ("analyze large, disparate data
sets"), keeps them apart. Each verb of such a list is read with the object as a phrase of its
own (:func:`shared_objects`), and a lexicon phrase found so counts at the verb.
"""

from __future__ import annotations

from rolefit.postings.words import Words

#: The objects a list of verbs can share.
OBJECTS = frozenset(["data", "dataset", "datasets"])
#: Words that may stand between the last verb and its object: "the", "all relevant", "large, disparate".
_BETWEEN = frozenset(
    [
        "the",
        "all",
        "our",
        "their",
        "your",
        "its",
        "raw",
        "large",
        "new",
        "relevant",
        "disparate",
        "disorderly",
        "messy",
        "structured",
        "unstructured",
        "complex",
        "historical",
        "external",
        "internal",
        "incoming",
        "and",
        "or",
        # how much, and whose: "a wide variety of data", "large amounts of customer data"
        *("a", "wide", "variety", "range", "of", "amounts", "volumes", "big", "massive", "vast", "voluminous"),
        *("diverse", "multiple", "various", "complicated", "available", "existing", "electronic"),
        *("customer", "consumer", "user", "employee", "business", "product", "transactional", "operational"),
        *("financial", "sales", "marketing", "clinical", "company", "web", "campaign", "survey", "behavioral"),
        *("behavioural", "real", "time", "event", "performance"),
    ]
)
#: How many verbs, and words between the last and its object, are looked at, at most.
_VERBS = 6
_GAP = 4


def shared_objects(words: Words) -> list[tuple[int, Words]]:
    """Each verb of a list before an object it shares, with the verb and the object as words of
    their own: "Collect, compile and verify the data" gives (0, "collect data"), (1, "compile
    data"), (3, "verify data"). A verb right before its object is matched as it stands."""
    return [(verb, pair) for verb, _, pair in object_pairs(words)]


def object_pairs(words: Words) -> list[tuple[int, int, Words]]:
    """:func:`shared_objects`, each with where its object stands too: (0, 5, "collect data")."""
    forms = words.words
    if OBJECTS.isdisjoint(forms):
        return []
    out: list[tuple[int, int, Words]] = []
    for j, form in enumerate(forms):
        if form not in OBJECTS or not j:
            continue
        k = j - 1  # back over the words between the last verb and the object
        while k > 0 and j - k <= _GAP and forms[k] in _BETWEEN:
            k -= 1
        last = k
        verbs = [last]
        while len(verbs) < _VERBS and k > 0:
            joined = forms[k - 1] in ("and", "or") or ("," in words.text and "," in words.before(k))
            if not joined:
                break
            k -= 2 if forms[k - 1] in ("and", "or") else 1
            if k < 0 or forms[k] in ("and", "or"):
                break
            verbs.append(k)
        if len(verbs) < 2 and last == j - 1:
            continue  # one verb right before its object: the lexicon reads it as it stands
        out += [(v, j, Words(f"{forms[v]} {form}")) for v in sorted(verbs)]
    return out
