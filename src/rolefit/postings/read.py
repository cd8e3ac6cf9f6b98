"""Reading job postings: the files, and what each posting really is.

A posting is text. It is cut into its parts (:mod:`~rolefit.postings.sections`), its words
are stemmed and looked up in the catalogue's lexicons (:mod:`~rolefit.postings.words`), each
mention weighed by where it sits and how it is said (:mod:`~rolefit.postings.evidence`,
:mod:`~rolefit.postings.scope`), and the evidence gives the verdict
(:mod:`~rolefit.postings.verdict`): an archetype, a hybrid, a job of another kind, or not enough
evidence. With answers, each posting is scored as a role of its own
(:mod:`~rolefit.postings.rank`). Pure functions but for :func:`read_postings`; no network, and the
verdict's model is a few fitted weights in the code (:mod:`~rolefit.postings.classifier`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from rolefit.errors import Failure, OutputError
from rolefit.files import marks, walk
from rolefit.files import read as inputs
from rolefit.postings import folders
from rolefit.postings.evidence import Evidence, content_lines, find_evidence
from rolefit.postings.folders import ONE_OF, Listing, PostingError
from rolefit.postings.html_text import is_html, page_text
from rolefit.postings.posting import Posting, make_posting
from rolefit.postings.rank import JobFit, posting_role, rank
from rolefit.postings.verdict import Reading, read_posting

__all__ = [
    "Evidence",
    "Found",
    "JobFit",
    "Posting",
    "PostingError",
    "Reading",
    "content_lines",
    "find_evidence",
    "make_posting",
    "posting_role",
    "rank",
    "read_posting",
    "read_postings",
]

#: Files named as postings that are surely not (an answers file given without --answers).
NOT_TEXT = {".yaml": "YAML", ".yml": "YAML", ".json": "JSON"}


@dataclass(frozen=True)
class Found:
    """The postings read, in order, and the files that could not be read (each once, with why)."""

    postings: tuple[Posting, ...]
    failures: tuple[Failure, ...] = ()
    #: What was passed over without being an error, by the rule of :mod:`~rolefit.postings.folders`:
    #: a line for stderr each (a folder's files of other kinds, notes on the postings, our pages).
    skipped: tuple[str, ...] = ()

    def __iter__(self) -> Iterator[Posting]:  # so that ``you.fit(read_postings([...]))`` reads as it says
        return iter(self.postings)

    def __len__(self) -> int:
        return len(self.postings)


def read_postings(paths: list[str], *, leave_out: Path | None = None) -> Found:
    """Postings from files, folders and glob patterns of them, or ``-`` (standard input, one posting).

    Which files of a folder or a pattern are read is :mod:`~rolefit.postings.folders`'s rule; a
    file named on its own is always read. A file that cannot be read (nor a folder or pattern
    that gives no posting) does not stop the others: each is named once in ``failures``, with the
    reason, and the rest are still read. Only when the one argument is one file, a folder or a
    pattern is its problem raised (:class:`PostingError`). ``leave_out`` (the file a report of
    them is written to) is never read from a folder or a pattern: it is left out, and said so.
    """
    given: object = paths  # (from the Python API: anything may come)
    if isinstance(given, (str, bytes, Path)) or not isinstance(given, (list, tuple)):
        raise PostingError(f"expected a list of file or folder names (got {type(given).__name__})", key="paths")
    for item in given:
        if not isinstance(item, str):
            raise PostingError(f"expected a file or folder name (got {type(item).__name__})", key="paths")
    if paths.count("-") > 1:  # (before anything is read)
        raise PostingError("'-' is given twice; standard input is read once", file="<stdin>")
    out: list[Posting] = []
    failures: list[Failure] = []
    seen: set[Path] = set()
    alone = len(paths) == 1
    skipped: list[str] = []
    where: list[Path | None] = []  # each posting's file (None: standard input), to tell like names apart
    beside = folders.Beside()
    target = _identity(leave_out) if leave_out is not None else None
    for arg in paths:
        try:
            if arg == "-":
                text = _text(inputs.decode(inputs.read_stdin(PostingError), "<stdin>", PostingError), "<stdin>")
                if not text.strip():
                    raise PostingError("nothing came in: expected the text of a job posting", file="<stdin>")
                out.append(make_posting(inputs.STDIN_NAME, text))
                where.append(None)
                continue
            if not arg:
                raise PostingError("expected a file or folder name (or '-' for standard input)", file="''")
            kind = "pattern" if walk.is_pattern(arg) and not Path(arg).exists() else "folder"
            if kind == "pattern":
                listing = folders.matching(arg)
            elif Path(arg).is_dir():
                listing = folders.in_folder(Path(arg))
            else:
                listing, kind = Listing(files=[Path(arg)]), ""  # (a file on its own is always read)
        except PostingError as exc:
            if alone:
                raise
            failures.append(Failure.of(Path(exc.file or arg), exc))
            continue
        notes = [listing.other_note] if listing.other_note else []  # what stderr says was skipped
        reasons: list[str] = []  # the same of each file read and skipped, for an argument that gave nothing
        used = False  # whether any file of the argument was read, could not be, or was read before
        for file in listing.files:
            try:
                key = file.resolve()
            except (OSError, RuntimeError, ValueError):  # a loop of links, a NUL: the reader says so, by name
                key = file.absolute()
            used = used or key in seen
            if key in seen:
                continue
            seen.add(key)
            shown = str(file) if kind == "pattern" else file.name
            if kind and target is not None and key == target:
                _ours_or_refused(file, arg)
                notes.append(f"{file}: left out, the file this report is written to (--output), not a posting")
                reasons.append(f"{shown} (the file the report is written to)")
                continue
            try:
                if file.suffix.lower() in NOT_TEXT:
                    raise PostingError(
                        f"expected a job posting (a {ONE_OF} file), found a {NOT_TEXT[file.suffix.lower()]} "
                        "file; to rank postings by an answers file, give it as --answers FILE",
                        file=file,
                    )
                raw = inputs.read_text(file, PostingError, "a job posting, as text")
                ours = marks.written_by_rolefit(raw)  # (a report of ours, written into the folder of its postings)
                if ours is not None:
                    if alone and file == Path(arg):
                        raise PostingError(f"this is a {ours} rolefit wrote, not a job posting", file=file)
                    notes.append(f"{file}: skipped, a {ours} rolefit wrote, not a posting")
                    reasons.append(f"{shown} (a {ours} rolefit wrote)")
                    continue
                text = _text(raw, file, file.suffix)
                named = beside.notes_on(file, text) if kind else []
                if named:
                    notes.append(folders.notes_line(file, named))
                    reasons.append(folders.notes_reason(shown, named))
                    continue
                if not text.strip():
                    raise PostingError("the file is empty: expected the text of a job posting", file=file)
                out.append(make_posting(file.stem, text))
                where.append(file)
            except PostingError as exc:
                if alone and file == Path(arg):
                    raise
                failures.append(Failure.of(file, exc))
            used = True
        if used or not kind:
            skipped += notes
            continue
        error = folders.nothing_read(kind, listing, reasons, arg)  # (what was skipped is said there)
        if alone:
            raise error
        failures.append(Failure.of(Path(arg), error))
    return Found(tuple(_apart(out, where)), tuple(failures), tuple(skipped))


def _ours_or_refused(file: Path, arg: str) -> None:
    """The file a report is written to, found in a folder or by a pattern of postings, may be
    replaced only if it is a report of rolefit's: one that is not is an input, never written over."""
    try:
        ours = marks.written_by_rolefit(inputs.read_text(file, PostingError, "a job posting, as text"))
    except PostingError:
        ours = None  # (one that cannot even be read is no report of ours)
    if ours is None:
        raise OutputError(
            f"is also an input of this command (a file of {arg} that is no report of rolefit's); "
            "write the result elsewhere",
            file=file,
        )


def _identity(path: Path) -> Path | None:
    """The resolved path of ``path``, to tell it among a folder's files (None: it cannot be resolved)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):
        return None


def _apart(postings: list[Posting], files: list[Path | None]) -> list[Posting]:
    """The postings, each with a name no other has: its file's stem ("ad"); for names two share,
    step by step while they do, its folder too ("c1/ad", "c2/ad"), its path ("x/c1/ad", "y/c1/ad"),
    then its suffix ("f3/ad.md", "f3/ad.txt") and its whole path. A name no other shares stays as
    it is (so the first two steps name postings as before); the same files give the same names."""
    steps = [_names_of(posting.name, file) for posting, file in zip(postings, files, strict=True)]
    at = 0
    names = [step[0] for step in steps]
    while at < STEPS - 1 and len(set(names)) < len(names):
        shared = Counter(names)
        at += 1
        names = [step[at] if shared[name] > 1 else name for step, name in zip(steps, names, strict=True)]
    return [
        posting if name == posting.name else replace(posting, name=name)
        for posting, name in zip(postings, _numbered(names, [p.name for p in postings]), strict=True)
    ]


def _numbered(names: list[str], first: list[str]) -> list[str]:
    """``names``, any still shared numbered ("<stdin> (2)": only a file of that name, given beside
    standard input, gets this far), but for one that is the posting's first name (no other had it)."""
    shared = Counter(names)
    if len(shared) == len(names):
        return names
    once = Counter(first)
    kept = {name for name, was in zip(names, first, strict=True) if name == was and once[was] == 1}
    seen: Counter[str] = Counter()
    out = []
    for name, was in zip(names, first, strict=True):
        if shared[name] > 1 and not (name in kept and name == was):
            seen[name] += 1
            number = seen[name] + (1 if name in kept else 0)
            name = name if number == 1 else f"{name} ({number})"
        out.append(name)
    return out


#: How many names :func:`_names_of` gives each posting.
STEPS = 5


def _names_of(stem: str, file: Path | None) -> list[str]:
    """The names a posting is given, step by step, while another has the same (standard input's
    is "stdin" until the last, "<stdin>")."""
    if file is None:
        return [stem] * (STEPS - 1) + ["<stdin>"]
    folder = f"{file.parent.name}/{file.stem}" if file.parent.name else str(file)
    return [
        stem,
        folder,
        str(file.with_suffix("")),
        f"{file.parent.name}/{file.name}" if file.parent.name else str(file),
        str(file),
    ]


def _text(text: str, name: str | Path, suffix: str = "") -> str:
    """The text of a posting: a saved web page's as a reader sees it, or an error when it holds
    NUL bytes (UTF-16 without its mark, a binary file): they are valid UTF-8 but never a posting's."""
    if "\x00" in text:
        hint = inputs.encoding_hint(text.encode("utf-8"))
        raise PostingError(f"expected text, found NUL bytes{hint}", file=name)
    return page_text(text) if is_html(text, suffix) else text
