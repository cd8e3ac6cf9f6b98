"""Answers made for another catalogue: what to warn of, and which questions changed since.

An answers file records the catalogue it was answered for (its version, digest and a fingerprint
of each task). Read with another, its answers to changed tasks may no longer mean what they did:
:func:`changed_questions` says so and names them (for ``--ask-changed``), and
:func:`other_catalogue` is the likely reason a file's answers are missing.
"""

from __future__ import annotations

from collections.abc import Callable

from rolefit.model.answers import Answers, ignored_line, question_ids
from rolefit.model.catalogue import Catalogue


def changed_questions(given: Answers, cat: Catalogue, notify: Callable[[str], None], name: str) -> list[str]:
    """Warn about answers made for another catalogue; the questions of the tasks that changed."""
    if ignored := ignored_line(name, given):
        notify(f"warning: {ignored}")
    if given.stamp is None:
        return []
    changed = given.stamp.changed(cat)
    # (one version of the catalogue and another digest: its tasks were edited, the version not raised)
    was = (
        f"{name} was answered for catalogue {given.stamp.version}, this is {cat.version}"
        if given.stamp.version != cat.version
        else f"{name} was answered for another state of catalogue {cat.version} "
        "(its tasks differ, its version does not)"
    )
    if changed is None:
        notify(f"warning: {was}; which tasks changed cannot be told")
        return []
    if changed:
        notify(
            f"warning: {was}; these tasks are new or changed in this one: {', '.join(changed)}; "
            "pass --ask-changed to answer them again"
        )
    return question_ids(cat, changed, context=False)


def other_catalogue(given: Answers, cat: Catalogue) -> str:
    """ "; it was answered for catalogue 2026.1, and this is 1.0.0 (...)" when the file was made for
    another catalogue (the likely reason answers are missing), else ""."""
    if given.stamp is not None and given.stamp.version != cat.version:
        return (
            f"; it was answered for catalogue {given.stamp.version}, and this is {cat.version} "
            f"({_made_for(given.stamp.digest)})"
        )
    if given.dropped:
        return f"; it answers {len(given.dropped)} tasks this catalogue has no question for (another catalogue's?)"
    return ""


def _made_for(digest: str | None) -> str:
    """How to use the catalogue a file was made for: the built-in one (with neither --catalogue nor
    ROLEFIT_CATALOGUE, which set another), or a folder of one's own."""
    from rolefit.catalogue.load import load_catalogue

    if digest is not None and digest == load_catalogue().digest:
        return "it was made for the built-in catalogue: leave out --catalogue, and unset ROLEFIT_CATALOGUE"
    return "to use the catalogue it was made for: --catalogue DIR"
