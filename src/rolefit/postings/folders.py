"""Which files of a folder, or of a glob pattern's matches, are read as postings: one rule.

A folder's postings are its own ``.txt``, ``.md``, ``.markdown``, ``.html`` and ``.htm`` files
(not its sub-folders'). Skipped:

- quietly, hidden files (a name that starts with a dot) and a project's own files, whatever
  their suffix: README, LICENSE (LICENCE), CHANGELOG, CONTRIBUTING, CODE_OF_CONDUCT and SOURCES
  (:data:`OWN_FILES`), which describe a folder and are never a job;
- each named on stderr, everything else that is not read: sub-folders, files of other kinds
  (``.pdf``, ``.docx``, ``.yaml``), a report rolefit wrote (:mod:`rolefit.files.marks`), the file a
  report is written to, and notes on the postings (a file that
  names :data:`NOTES_NAME` or more of the postings beside it by file name, as a labeller's
  reasons or a list of sources do; see :func:`notes_on`).

A file named on its own is always read. The same rule holds for a pattern's matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from rolefit.errors import MESSAGE_LIMIT, RolefitError
from rolefit.files import read as inputs
from rolefit.files import walk

SUFFIXES = inputs.POSTING_SUFFIXES
#: The kinds of posting file, as messages name them (every suffix read: ".txt, .md, ..., .htm").
LISTED = ", ".join(SUFFIXES)
ONE_OF = f"{', '.join(SUFFIXES[:-1])} or {SUFFIXES[-1]}"
#: A project's own files: in a folder or a pattern's matches, skipped whatever their suffix.
OWN_FILES = ("readme", "license", "licence", "changelog", "contributing", "code_of_conduct", "sources")
#: A file that names this many of the postings beside it (by file name) is notes on them.
NOTES_NAME = 2
#: How many names a note on skipped files shows.
SHOWN = 5


class PostingError(RolefitError):
    """A posting file that cannot be read."""


@dataclass
class Listing:
    """What one folder or pattern holds: the files to read as postings, in order, and what else it
    holds, each as "name (why it is skipped)": ``quiet`` (a project's own files), ``other`` (other
    kinds of file, sub-folders). ``other_note`` names the others on stderr."""

    files: list[Path] = field(default_factory=list)
    quiet: list[str] = field(default_factory=list)
    other: list[str] = field(default_factory=list)
    other_note: str = ""


def own_file(path: Path) -> bool:
    return path.stem.lower() in OWN_FILES


def _is_candidate(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES and not own_file(path) and not path.name.startswith(".")


def _shown(names: list[str], room: int | None = None) -> str:
    """The first names (five at most), and how many more; with ``room``, only as many as fit in it."""
    count = min(SHOWN, len(names))
    while True:
        more = len(names) - count
        text = ", ".join(names[:count]) + (f" and {more} more" if more > 0 else "")
        if room is None or len(text) <= room or count == 1:
            return text
        count -= 1


def _sort(listing: Listing, entries: list[tuple[Path, bool]], where: str, shown: str) -> Listing:
    """``entries`` (a path, and whether it is a folder) sorted into the listing, by the rule."""
    others = []
    for path, folder in sorted(entries):
        name = shown.format(path=path, name=path.name)
        if path.name.startswith("."):
            continue
        if own_file(path):
            listing.quiet.append(f"{name} (a project's own {path.stem.upper()} file, always skipped)")
        elif folder:
            others.append(f"{name}/")
            listing.other.append(f"{name}/ (a sub-folder)")
        elif _is_candidate(path):
            listing.files.append(path)
        else:
            others.append(name)
            listing.other.append(f"{name} (not a {ONE_OF} file)")
    if others:
        noun = "entry" if len(others) == 1 else "entries"
        listing.other_note = f"{where}: {len(others)} {noun} skipped, not {ONE_OF} postings: {_shown(others)}"
    return listing


def in_folder(path: Path) -> Listing:
    """What the folder ``path`` holds, by the rule."""
    try:
        entries = [(p, p.is_dir()) for p in path.iterdir()]
    except OSError as exc:
        raise PostingError(f"cannot list this folder: {exc.strerror or exc}", file=path) from None
    return _sort(Listing(), entries, str(path), "{name}")


def matching(pattern: str) -> Listing:
    """What a glob pattern ("ads/*.md", "ads/**/*.txt") matches, by the rule; an error when nothing."""
    matched = [Path(p) for p in walk.match(pattern, PostingError)]
    if not matched:
        raise PostingError(f"no postings ({LISTED}) match this pattern", file=pattern)
    return _sort(Listing(), [(p, p.is_dir()) for p in matched], pattern, "{path}")


def nothing_read(kind: str, listing: Listing, reasons: list[str], where: str) -> PostingError:
    """The error for a folder or a pattern (``kind``) that gave no posting: none of its files
    is one, or every one was skipped (each named, with why: ``reasons`` of those skipped once read)."""
    skipped = [*listing.quiet, *reasons, *listing.other]
    if not skipped:
        return PostingError(
            f"no postings ({LISTED}) {'in this folder' if kind == 'folder' else 'match this pattern'}", file=where
        )
    if kind == "folder":
        said = f"no postings ({LISTED}) in this folder"
    else:
        n = len(skipped)
        said = f"{n} {'entry matches' if n == 1 else 'entries match'} this pattern, and none is read as a posting"
    end = "; name a file on its own to read it"
    # (no more names than the message has room for: a message is cut at its limit, names and all)
    room = MESSAGE_LIMIT - len(f"{said}; skipped: ") - len(end)
    return PostingError(f"{said}; skipped: {_shown(skipped, room)}{end}", file=where)


_BEFORE, _AFTER = r"(?<![\w.-])", r"(?![\w-])"


class Beside:
    """The posting files beside each file of a folder (the candidates of :func:`in_folder`), to
    tell notes on them (:func:`notes_on`); each folder listed once."""

    def __init__(self) -> None:
        self._names: dict[Path, tuple[list[str], re.Pattern[str] | None]] = {}

    def names(self, folder: Path) -> tuple[list[str], re.Pattern[str] | None]:
        if folder not in self._names:
            try:
                names = sorted(p.name for p in folder.iterdir() if _is_candidate(p) and p.is_file())
            except OSError:
                names = []
            found = "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
            self._names[folder] = (names, re.compile(f"{_BEFORE}({found}){_AFTER}", re.IGNORECASE) if names else None)
        return self._names[folder]

    def notes_on(self, file: Path, text: str) -> list[str]:
        """The postings beside ``file`` that its text names by file name ("d01.txt"), when they are
        :data:`NOTES_NAME` or more (a file of notes on them, not a posting); else none."""
        names, pattern = self.names(file.parent)
        if pattern is None or len(names) <= NOTES_NAME:
            return []
        own = file.name.lower()
        spelt = {n.lower(): n for n in names}
        named = sorted({spelt[m.lower()] for m in pattern.findall(text) if m.lower() != own and m.lower() in spelt})
        return named if len(named) >= NOTES_NAME else []


def notes_line(file: Path, named: list[str]) -> str:
    """The note on stderr for a file of notes on the postings beside it."""
    return (
        f"{file}: skipped, notes on the postings beside it, not a posting (it names {len(named)} of them "
        f"by file name: {_shown(named)}); name it on its own to read it"
    )


def notes_reason(shown: str, named: list[str]) -> str:
    return f"{shown} (notes on the postings beside it: it names {len(named)} of them by file name)"
