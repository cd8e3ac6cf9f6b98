"""A job posting as read: its name, the title it claims, and its text."""

from __future__ import annotations

from dataclasses import dataclass

from rolefit.postings.sections import clean, heading_kind


@dataclass(frozen=True)
class Posting:
    name: str
    title: str
    text: str


def make_posting(name: str, text: str) -> Posting:
    """The posting, titled by its first line, unless that line is a heading ("About the job")."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    title = "" if heading_kind(first) not in (None, "unnamed") else clean(first.strip().lstrip("#"))
    return Posting(name=name, title=title, text=text)
