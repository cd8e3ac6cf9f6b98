"""One way to deliver a result: on screen, to standard output, or to a file, in one format.

Every command that prints a result builds a :class:`Document` (how to render it in each format
it can be written in) and hands it to :func:`deliver`. The format is ``--format`` when given,
else the suffix of ``--output``, else the document's default. ``-o -`` is standard output. A
format the document cannot be written in is a one-line error listing the ones it can. Files
are written atomically and never over an existing file without ``--force``.

Standard output is written in any encoding: what it cannot encode is written as ASCII stand-ins
(:func:`rolefit.text.ascii_lookalike`). Standard output that cannot be written (a full disk, an
I/O error) is a one-line error; a reader that went away ends the program with exit 141.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from rich.console import Console

from rolefit.cli import failures
from rolefit.errors import AnswersError, OutputError, RolefitError, did_you_mean
from rolefit.text import first_of

Render = Callable[[Console], None]


class Format(str, Enum):
    text = "text"
    json = "json"
    md = "md"
    html = "html"
    svg = "svg"
    csv = "csv"
    yaml = "yaml"


#: Other names a user may type for a format.
ALIASES = {"table": Format.text, "txt": Format.text, "markdown": Format.md, "yml": Format.yaml, "htm": Format.html}
SUFFIXES = {
    ".txt": Format.text,
    ".json": Format.json,
    ".md": Format.md,
    ".markdown": Format.md,
    ".html": Format.html,
    ".htm": Format.html,
    ".svg": Format.svg,
    ".csv": Format.csv,
    ".yaml": Format.yaml,
    ".yml": Format.yaml,
}
#: Standard output, as a file name.
STDOUT = "-"


@dataclass(frozen=True)
class Document:
    """A result and the ways it can be written.

    ``render`` prints it on a rich console: that is the text format, and HTML and SVG are
    recorded from it. ``makers`` make the other formats as text. ``default`` is the format
    used when neither ``--format`` nor a file suffix names one.
    """

    title: str
    render: Render | None = None
    makers: Mapping[Format, Callable[[], str]] = field(default_factory=dict)
    default: Format = Format.text

    def formats(self) -> list[Format]:
        recorded = (Format.text, Format.html, Format.svg) if self.render is not None else ()
        return [f for f in Format if f in recorded or f in self.makers]


def lazy(module: str, name: str, *args: object, **kwargs: object) -> Callable[..., Any]:
    """``module.name(*args, ...)``, imported when called: a document names its renderers for every
    format, and only the one chosen should be loaded (rich's tables, Jinja2 and the chart code are
    not needed for JSON)."""

    def call(*more: object) -> Any:
        from importlib import import_module

        return getattr(import_module(module), name)(*args, *more, **kwargs)

    return call


def parse_format(value: str | None, writable: Sequence[Format]) -> Format | None:
    """The format named by ``--format`` (None if not given); an unknown or unwritable one is an error."""
    if value is None:
        return None
    name = value.strip().lower()
    found = ALIASES.get(name) or next((f for f in Format if f.value == name), None)
    names = [f.value for f in writable]
    if found is None:
        raise RolefitError(
            f"unknown format '{value}'; {did_you_mean(name, names)}expected one of: {', '.join(names)}", key="--format"
        )
    if found not in writable:
        raise RolefitError(f"this command cannot write {found.value}; it writes: {', '.join(names)}", key="--format")
    return found


def choose(doc: Document, fmt: str | None, output: str | None) -> Format:
    """The format to write ``doc`` in: ``--format``, else the suffix of ``--output``, else the default."""
    writable = doc.formats()
    chosen = parse_format(fmt, writable)
    if chosen is not None:
        named = SUFFIXES.get(Path(output).suffix.lower()) if output and output != STDOUT else None
        if named is not None and named is not chosen and not (named is Format.text and chosen is Format.csv):
            suffix = "txt" if chosen is Format.text else chosen.value
            raise OutputError(
                f"--format {chosen.value} does not match the file's suffix, which names {named.value}; "
                f"give the file a .{suffix} suffix, or leave out --format",
                file=output,
            )
        return chosen
    if output is None or output == STDOUT:
        return doc.default
    suffix = Path(output).suffix.lower()
    found = SUFFIXES.get(suffix)
    names = ", ".join(f.value for f in writable)
    if found is None and not suffix and _is_stream(output):
        return doc.default  # /dev/stdout, /dev/null, a FIFO: what the screen would show
    if found is None:
        what = f"the suffix '{suffix}' is not one of this command's formats" if suffix else "no suffix names a format"
        raise OutputError(f"{what} ({names}); add one of those suffixes or pass --format", file=output)
    if found not in writable:
        raise OutputError(f"this command cannot write {found.value}; it writes: {names}", file=output)
    return found


def check_target(
    output: str | None, force: bool, inputs: Sequence[str | Path] = (), catalogue: Path | None = None
) -> None:
    """Fail early, before any work, if ``output`` cannot be written (or would replace an input: an
    answers file, a posting, or a file of the ``--catalogue`` folder)."""
    if catalogue is not None:
        inputs = [*inputs, catalogue / "tasks.yaml", catalogue / "roles.yaml"]
    if output is None or output == STDOUT:
        return
    if output == "":
        raise OutputError("expected a file name after --output (or '-' for standard output)")
    from rolefit.files.write import check_writable

    path = Path(output)
    for source in inputs:
        if str(source) != STDOUT and _same_file(path, Path(source)):
            raise OutputError(f"is also an input of this command ({source}); write the result elsewhere", file=path)
    check_writable(path, force)


def check_format(doc: Document, fmt: str | None, output: str | None) -> None:
    """Fail early, before any work (a whole quiz), if ``doc`` cannot be written in the format
    ``--format`` or the suffix of ``output`` names: what :func:`deliver` would refuse at the end."""
    choose(doc, fmt, output)


def check_writes(formats: str, fmt: str | None, output: str | None) -> None:
    """:func:`check_format` before the work, for a command whose document is made after it: one that
    writes ``formats`` (its --format help's list, "text, json, md"). ``rolefit jobs big/ -o r.csv``
    is refused before a posting is read."""
    kinds = {Format(name.strip()): _unused for name in formats.split(",")}
    choose(Document("", makers=kinds), fmt, output)


def _unused() -> str:
    raise AssertionError("a document made only to check its formats is never written")


def target(output: str | None) -> Path | None:
    """The file ``--output`` names, to be left out of a folder's inputs (None: the screen, a stream)."""
    if output is None or output in ("", STDOUT) or _is_stream(output):
        return None
    return Path(output)


def left_out(files: Sequence[Path], named: Sequence[str], output: str | None) -> tuple[list[Path], list[str]]:
    """``files`` (found in the folders and patterns ``named``) without the file ``output`` names, and
    a line for stderr if it was among them. One named on its own stays: :func:`check_target` refuses it."""
    path = target(output)
    if path is None or not path.exists() or any(_same_file(Path(arg), path) for arg in named):
        return list(files), []
    from rolefit.cohort import report_command

    kept = [f for f in files if not _same_file(f, path)]
    for f in files:
        if f not in kept and report_command(f) is None:  # (an answers file is an input, never written over)
            raise OutputError(
                f"is also an input of this command (an answers file of {_found_by(f, named)}, and no report "
                "of rolefit's); write the result elsewhere",
                file=path,
            )
    notes = [f"{f}: left out, the file this report is written to (--output)" for f in files if f not in kept]
    return kept, notes


def _found_by(file: Path, named: Sequence[str]) -> str:
    """The folder that holds ``file``, as the user named it (or all the arguments: a pattern found it)."""
    return next((arg for arg in named if Path(arg).is_dir() and _same_file(file.parent, Path(arg))), " ".join(named))


#: How many of the files left out a "nothing to score" message names.
_NAMED_LEFT_OUT = 3


def answers_files(named: Sequence[str], output: str | None, what: str) -> tuple[list[Path], list[str]]:
    """The answers files ``named`` (files, folders, patterns) stand for, without the file ``output``
    names and rolefit's own reports found among them, and a line for stderr for each left out;
    an error when every file found was left out (``what``: "score", "audit")."""
    from rolefit.cohort import expand, own_reports

    files, notes = left_out(expand(named), named, output)
    files, reports = own_reports(files, named)
    notes += reports
    _some_left(files, named, notes, what)
    return files, notes


def _some_left(files: Sequence[Path], named: Sequence[str], notes: Sequence[str], what: str) -> None:
    """Raise an error when every file the arguments found was left out (``notes`` say why each
    was): no report of nobody is written."""
    if files or not notes or not named:
        return
    shown = first_of(notes, _NAMED_LEFT_OUT, "; ", "; and ")
    raise AnswersError(f"no answers files to {what}, of those found: {shown}", file=named[0])


def _is_stream(output: str) -> bool:
    """Whether ``output`` is a device or a FIFO (``/dev/stdout``, ``/dev/null``, a pipe): a place
    to send the result, not a file to keep (``/dev/stdout`` may lead to a file standard output
    was sent to)."""
    import stat

    if output in ("/dev/stdout", "/dev/stderr", "/dev/tty") or output.startswith(("/dev/fd/", "/proc/self/fd/")):
        return True  # (standard output by name, though it was sent to a file)
    try:
        mode = Path(output).stat().st_mode
    except (OSError, ValueError):
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except (OSError, ValueError):  # (a NUL in a name: said where the file is written)
        return False


def deliver(doc: Document, *, fmt: str | None, output: str | None, force: bool) -> None:
    """Write ``doc`` in the chosen format to the screen, standard output, or ``output``."""
    kind = choose(doc, fmt, output)
    to_file = output is not None and output != STDOUT
    if kind is Format.text and not to_file and doc.render is not None:
        show(doc.render)
        return
    text = _mark(_make(doc, kind), kind, to_file and not _is_stream(output or ""))
    if to_file:
        from rolefit.files.write import write_text

        assert output is not None
        write_text(Path(output), text, force=force)
        if not _is_stream(output):  # (to /dev/stdout the notice would only get in the way)
            notice(f"Wrote {output}")
    else:
        write_stdout(text)


def _mark(text: str, kind: Format, kept: bool) -> str:
    """``text`` with rolefit's mark (:mod:`rolefit.files.marks`), so that a report saved among
    postings is not read as one: every Markdown report, and a text report written to a file."""
    from rolefit.files import marks

    if kind is Format.md:
        return marks.mark_markdown(text)
    return marks.mark_text(text) if kind is Format.text and kept else text


def _make(doc: Document, kind: Format) -> str:
    if kind in doc.makers:
        return doc.makers[kind]()
    assert doc.render is not None
    from rolefit.report import export

    if kind is Format.html:
        return export.to_html(doc.render, doc.title)
    if kind is Format.svg:
        return export.to_svg(doc.render, doc.title)
    return export.to_text(doc.render)


class _Console(Console):
    """A console that lets a closed pipe end the program like other Unix tools (exit 141)."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


def show(render: Render) -> None:
    """Print through ``render``; into a pipe or a file, without rich's padding at line ends."""
    with writing_stdout():
        console = _Console(highlight=False, markup=False)
        if console.is_terminal:
            render(console)
            return
        with console.capture() as captured:
            render(console)
        write_stdout("\n".join(line.rstrip() for line in captured.get().splitlines()) + "\n")


def write_stdout(text: str) -> None:
    """Write ``text`` to standard output; to a terminal, with what a terminal could act on (an
    escape sequence in a file name, in a CSV cell) shown as visible escapes, line by line."""
    with writing_stdout():
        stream = sys.stdout
        if _is_terminal(stream):
            from rolefit.text import terminal_safe

            text = "\n".join(terminal_safe(line) for line in text.split("\n"))
        raw = getattr(stream, "buffer", None)
        if not isinstance(raw, io.RawIOBase):
            stream.write(text)
            stream.flush()
            return
        # Unbuffered (python -u, PYTHONUNBUFFERED): the text layer writes straight to the file
        # and ignores a short write, so the rest of a large output into a pipe whose reader
        # left would be dropped with no error. Write it all, or fail.
        stream.flush()
        data = memoryview(text.encode(stream.encoding, stream.errors or "strict"))
        while data:
            written = raw.write(data)
            data = data[written or 0 :]


def _is_terminal(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return False


@contextmanager
def writing_stdout() -> Iterator[None]:
    """Writes to standard output inside: in any encoding; one line (exit 2) if it cannot be written."""
    if sys.stdout is None:
        raise OutputError("standard output is closed; nothing can be written to it")
    failures.prepare_stream(sys.stdout)
    try:
        yield
    except BrokenPipeError:  # the reader went away: exit 141, as the command group knows
        raise
    except OSError as exc:
        failures.quiet_stdout()  # what is still buffered must not fail again at exit
        raise OutputError(f"cannot write to standard output: {exc.strerror or exc}") from None


def hint_if_typed(inputs: Sequence[object], what: str) -> None:
    """When ``-`` (standard input) is read from a terminal, say how to end what is typed or pasted,
    rather than wait in silence."""
    if not any(str(item) == "-" for item in inputs):
        return
    try:
        typed = sys.stdin is not None and sys.stdin.isatty()
    except (OSError, ValueError):
        typed = False
    if typed:
        end = "Ctrl-Z, then Enter" if sys.platform == "win32" else "Ctrl-D on an empty line"
        notice(f"rolefit: reading {what} from the terminal: type or paste it, then press {end} (Ctrl-C cancels)")


def notice(message: str) -> None:
    """A line for the user on stderr (what was written where, warnings); one that cannot be
    written is an error (exit 2), as for standard output."""
    from rolefit.text import terminal_safe

    problem = failures.say(terminal_safe(message))
    if problem is not None:
        raise OutputError(f"cannot write to standard error: {problem}")
