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

from rolefit.errors import Failure, RolefitError
from rolefit.files import read as inputs
from rolefit.files import walk
from rolefit.postings.evidence import Evidence, content_lines, find_evidence
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

SUFFIXES = inputs.POSTING_SUFFIXES
#: The kinds of posting file, as messages name them.
_LISTED, _ONE_OF = ".txt, .md, .html", ".txt, .md or .html"
#: Files named as postings that are surely not (an answers file given without --answers).
NOT_TEXT = {".yaml": "YAML", ".yml": "YAML", ".json": "JSON"}
#: Files of a folder that describe the folder, not a job: skipped there (read when named alone).
NOT_POSTINGS = frozenset(
    ["readme", "sources", "license", "licence", "changelog", "contributing", "code_of_conduct", "notes", "reasons"]
)


class PostingError(RolefitError):
    """A posting file that cannot be read."""


@dataclass(frozen=True)
class Found:
    """The postings read, in order, and the files that could not be read (each once, with why)."""

    postings: tuple[Posting, ...]
    failures: tuple[Failure, ...] = ()
    #: What was passed over without being an error: a folder's files of other kinds, named.
    skipped: tuple[str, ...] = ()

    def __iter__(self) -> Iterator[Posting]:  # so that ``you.fit(read_postings([...]))`` reads as it says
        return iter(self.postings)

    def __len__(self) -> int:
        return len(self.postings)


def read_postings(paths: list[str]) -> Found:
    """Postings from files, folders of .txt/.md files, or ``-`` (standard input, one posting).

    A file that cannot be read (nor a folder with no postings) does not stop the others: each
    is named once in ``failures``, with the reason, and the rest are still read. Only when the
    one argument is one file is its problem raised (:class:`PostingError`).
    """
    given: object = paths  # (from the Python API: anything may come)
    if isinstance(given, (str, bytes, Path)) or not isinstance(given, (list, tuple)):
        raise PostingError(f"expected a list of file or folder names (got {type(given).__name__})", key="paths")
    for item in given:
        if not isinstance(item, str):
            raise PostingError(f"expected a file or folder name (got {type(item).__name__})", key="paths")
    out: list[Posting] = []
    failures: list[Failure] = []
    seen: set[Path] = set()
    alone = len(paths) == 1
    stdin_read = False
    skipped: list[str] = []
    where: list[Path | None] = []  # each posting's file (None: standard input), to tell like names apart
    for arg in paths:
        try:
            if arg == "-":
                if stdin_read:
                    raise PostingError("'-' is given twice; standard input is read once", file="<stdin>")
                stdin_read = True
                text = _text(inputs.decode(inputs.read_stdin(PostingError), "<stdin>", PostingError), "<stdin>")
                if not text.strip():
                    raise PostingError("nothing came in: expected the text of a job posting", file="<stdin>")
                out.append(make_posting("stdin", text))
                where.append(None)
                continue
            if not arg:
                raise PostingError("expected a file or folder name (or '-' for standard input)", file="''")
            if walk.is_pattern(arg) and not Path(arg).exists():
                files = _matching(arg)
            else:
                files, others = _posting_files(Path(arg))
                skipped += others
        except PostingError as exc:
            if alone:
                raise
            failures.append(Failure.of(Path(exc.file or arg), exc))
            continue
        for file in files:
            try:
                key = file.resolve()
            except (OSError, RuntimeError, ValueError):  # a loop of links, a NUL: the reader says so, by name
                key = file.absolute()
            if key in seen:
                continue
            seen.add(key)
            try:
                if file.suffix.lower() in NOT_TEXT:
                    raise PostingError(
                        f"expected a job posting (a {_ONE_OF} file), found a {NOT_TEXT[file.suffix.lower()]} "
                        "file; to rank postings by an answers file, give it as --answers FILE",
                        file=file,
                    )
                raw = inputs.read_text(file, PostingError, "a job posting, as text")
                if _OUR_PAGE in raw[:2000]:  # (a report of ours, written into the folder of its postings)
                    if alone and file == Path(arg):
                        raise PostingError("this is a page rolefit wrote, not a job posting", file=file)
                    skipped.append(f"{file}: skipped, a page rolefit wrote, not a posting")
                    continue
                text = _text(raw, file, file.suffix)
                if not text.strip():
                    raise PostingError("the file is empty: expected the text of a job posting", file=file)
                out.append(make_posting(file.stem, text))
                where.append(file)
            except PostingError as exc:
                if alone and file == Path(arg):
                    raise
                failures.append(Failure.of(file, exc))
    return Found(tuple(_apart(out, where)), tuple(failures), tuple(skipped))


#: What every page rolefit writes says in its head.
_OUR_PAGE = '<meta name="generator" content="rolefit'


def _apart(postings: list[Posting], files: list[Path | None]) -> list[Posting]:
    """The postings, those of one name ("c1/ad.txt" and "c2/ad.txt" are both "ad") named by their
    folder too ("c1/ad", "c2/ad"), or else by their whole path."""
    names = Counter(p.name for p in postings)
    if all(n == 1 for n in names.values()):
        return postings
    out = []
    for posting, file in zip(postings, files, strict=True):
        if names[posting.name] > 1 and file is not None:
            posting = replace(posting, name=f"{file.parent.name}/{file.stem}" if file.parent.name else str(file))
        out.append(posting)
    again = Counter(p.name for p in out)
    return [
        replace(p, name=str(f.with_suffix(""))) if again[p.name] > 1 and f is not None else p
        for p, f in zip(out, files, strict=True)
    ]


def _text(text: str, name: str | Path, suffix: str = "") -> str:
    """The text of a posting: a saved web page's as a reader sees it, or an error when it holds
    NUL bytes (UTF-16 without its mark, a binary file): they are valid UTF-8 but never a posting's."""
    if "\x00" in text:
        hint = inputs.encoding_hint(text.encode("utf-8"))
        raise PostingError(f"expected text, found NUL bytes{hint}", file=name)
    return page_text(text) if is_html(text, suffix) else text


def _is_posting(path: Path) -> bool:
    """A file named as a posting is (a folder's README, SOURCES, NOTES and the like are not)."""
    return path.suffix.lower() in SUFFIXES and path.stem.lower() not in NOT_POSTINGS and not path.is_dir()


def _matching(pattern: str) -> list[Path]:
    """The postings a glob pattern ("ads/*.md", "ads/**/*.txt") names: its files of postings' kinds."""
    files = [p for p in map(Path, walk.match(pattern, PostingError)) if _is_posting(p)]
    if not files:
        raise PostingError(f"no postings ({_LISTED}) match this pattern", file=pattern)
    return files


def _posting_files(path: Path) -> tuple[list[Path], list[str]]:
    """``path`` itself, or the postings in the folder it names (its sub-folders are not postings,
    nor its README, SOURCES, LICENSE, CHANGELOG, NOTES or REASONS), and a line that names what else
    the folder holds ("c1: 2 entries skipped, not .txt, .md or .html postings: ad.rtf, sub/"), if anything."""
    if not path.is_dir():
        return [path], []
    try:
        entries = [(p, p.is_dir()) for p in path.iterdir()]
    except OSError as exc:
        raise PostingError(f"cannot list this folder: {exc.strerror or exc}", file=path) from None
    files = sorted(p for p, folder in entries if not folder and _is_posting(p))
    if not files:
        raise PostingError(f"no postings ({_LISTED}) in this folder", file=path)
    others = sorted(
        p.name + ("/" if folder else "")
        for p, folder in entries
        if not p.name.startswith(".")
        and (folder or (p.suffix.lower() not in SUFFIXES and p.suffix.lower() not in NOT_TEXT))
        and p.stem.lower() not in NOT_POSTINGS
    )
    if not others:
        return files, []
    shown = ", ".join(others[:5]) + (f" and {len(others) - 5} more" if len(others) > 5 else "")
    noun = "entry" if len(others) == 1 else "entries"
    return files, [f"{path}: {len(others)} {noun} skipped, not {_ONE_OF} postings: {shown}"]
