"""The command line: a thin layer over the library. Only this module prints errors."""

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer
from rich.console import Console
from rich.text import Text

from rolefit import __version__
from rolefit.errors import OutputError, RolefitError

if TYPE_CHECKING:
    from rolefit.catalogue import Catalogue

# The library is imported inside the commands, so that `rolefit --help` and each command
# load only what they use (pydantic, PyYAML and prompt_toolkit are slow to import).

AUTOSAVE_NAME = "rolefit-answers.yaml"
#: As rolefit.flow.QUICK_PROMPTS (a test keeps them equal); here so that --help need not import it.
QUICK_PROMPTS = 12
#: Exit code when the reader of our output closed the pipe, as for SIGPIPE.
CLOSED_PIPE = 141

app = typer.Typer(
    name="rolefit",
    help="Which data role fits you? A quiz on the tasks data scientists do, scored against "
    "three role archetypes: the data person at a small company, the R&D data scientist and "
    "the product data scientist.",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    rich_markup_mode="rich",
)


class Format(str, Enum):
    text = "text"
    json = "json"
    md = "md"
    html = "html"
    svg = "svg"


SUFFIXES = {
    ".txt": Format.text,
    ".json": Format.json,
    ".md": Format.md,
    ".markdown": Format.md,
    ".html": Format.html,
    ".htm": Format.html,
    ".svg": Format.svg,
}

FormatOption = Annotated[
    Optional[Format],
    typer.Option(
        "--format",
        help="text (the default on screen), json, md (Markdown), html or svg (as the terminal shows it). "
        "With --output, the file's suffix decides unless this is given.",
        show_default=False,
    ),
]
OutputOption = Annotated[
    Optional[Path],
    typer.Option("--output", "-o", metavar="FILE", help="Write the report to FILE (.json, .md, .html, .svg, .txt)."),
]


ForceOption = Annotated[bool, typer.Option("--force", "-f", help="Let --output overwrite an existing file.")]
FileOption = Annotated[
    Optional[Path], typer.Option("--output", "-o", metavar="FILE", help="Write to FILE instead of stdout.")
]


def _format_for(fmt: Format | None, output: Path | None) -> Format:
    if fmt is not None:
        return fmt
    if output is None:
        return Format.text
    found = SUFFIXES.get(output.suffix.lower())
    if found is None:
        choices = ", ".join(SUFFIXES)
        raise RolefitError(
            f"cannot tell the format from its suffix; expected one of {choices}, or pass --format", file=output
        )
    return found


def _deliver(
    fmt: Format,
    output: Path | None,
    force: bool,
    *,
    title: str,
    render: Callable[[Console], None],
    as_json: Callable[[], str],
    as_md: Callable[[], str],
) -> None:
    """Show a report on screen, or produce it in ``fmt`` to stdout or to ``output``."""
    if fmt is Format.text and output is None:
        _show(render)
        return
    makers: dict[Format, Callable[[], str]] = {
        Format.text: lambda: _export().to_text(render),
        Format.json: as_json,
        Format.md: as_md,
        Format.html: lambda: _export().to_html(render, title),
        Format.svg: lambda: _export().to_svg(render, title),
    }
    _emit(makers[fmt](), output, force)


def _emit(text: str, output: Path | None, force: bool) -> None:
    """Write ``text`` to stdout, or (atomically, never over a file unless forced) to ``output``."""
    if output is not None:
        _write(output, text, force=force)
        _notice(f"Wrote {output}")
        return
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_stdout()
        raise typer.Exit(CLOSED_PIPE) from None


class _Console(Console):
    """A console that ends like other Unix tools when its reader goes away (exit 141, SIGPIPE)."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        _quiet_stdout()
        raise typer.Exit(CLOSED_PIPE)


def _stdout() -> Console:
    return _Console(highlight=False, markup=False)


def _stderr() -> Console:
    return Console(stderr=True, highlight=False, markup=False)


def _show(render: Callable[[Console], None]) -> None:
    """Print through ``render``; into a pipe or file, without rich's padding at line ends."""
    console = _stdout()
    if console.is_terminal:
        render(console)
        return
    with console.capture() as captured:
        render(console)
    lines = [line.rstrip() for line in captured.get().splitlines()]
    try:
        sys.stdout.write("\n".join(lines) + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_stdout()
        raise typer.Exit(CLOSED_PIPE) from None


def _notice(message: str) -> None:
    """A line for the user on stderr, kept whole (no wrapping, no markup)."""
    _stderr().print(Text(message), soft_wrap=True)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn rolefit's errors into one line on stderr and an exit code; no traceback."""
    try:
        yield
    except RolefitError as exc:
        _stderr().print(Text.assemble(("rolefit:", "bold red"), f" {exc}"), soft_wrap=True)
        raise typer.Exit(code=exc.exit_code) from None
    except KeyboardInterrupt:
        _stderr().print("rolefit: interrupted")
        raise typer.Exit(code=130) from None
    except BrokenPipeError:  # the reader went away (``rolefit roles | head -1``): stop quietly
        _quiet_stdout()
        raise typer.Exit(code=CLOSED_PIPE) from None


def _catalogue(folder: Optional[Path]) -> "Catalogue":
    import gc

    from rolefit.catalogue import load_catalogue

    catalogue = load_catalogue(folder)
    # It lives as long as this process: the cycle collector need not walk its (for a large
    # catalogue, hundreds of thousands of) objects again each time it runs.
    gc.freeze()
    return catalogue


def _check_writable(path: Path, force: bool) -> None:
    from rolefit.output import check_writable

    check_writable(path, force)


def _write(path: Path, text: str, force: bool = False) -> None:
    from rolefit.output import write_text

    write_text(path, text, force=force)


def _export() -> Any:
    from rolefit import export

    return export


def _report() -> Any:
    from rolefit import report  # rich's tables: only for a report shown or recorded

    return report


def _version(value: bool) -> None:
    if value:
        typer.echo(f"rolefit {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """Which data role fits you?

    Start with [bold]rolefit quiz[/], or [bold]rolefit quiz --quick[/] for 12 questions.
    """


CatalogueOption = Annotated[
    Optional[Path],
    typer.Option(
        "--catalogue",
        envvar="ROLEFIT_CATALOGUE",
        metavar="DIR",
        help="A folder with your own tasks.yaml and roles.yaml (default: the built-in catalogue).",
        show_default=False,
    ),
]


def _interactive() -> bool:
    """Can we ask? Needs a terminal on stdin, and on stdout or /dev/tty (``quiz > report.txt``)."""
    if not sys.stdin.isatty():
        return False
    if sys.stdout.isatty():
        return True
    try:
        with Path("/dev/tty").open("w", encoding="utf-8"):
            return True
    except OSError:
        return False


@contextmanager
def _prompts_on_terminal() -> Iterator[None]:
    """While asking, send prompts to the terminal even if stdout is redirected to a file."""
    if sys.stdout.isatty() or not sys.stdin.isatty():
        yield
        return
    try:
        tty = Path("/dev/tty").open("w", encoding="utf-8")  # noqa: SIM115 - closed below
    except OSError:
        yield
        return
    saved, sys.stdout = sys.stdout, tty
    try:
        yield
    finally:
        sys.stdout = saved
        tty.close()


@app.command()
def quiz(
    answers_file: Annotated[
        Optional[str],
        typer.Option(
            "--answers",
            "-a",
            metavar="FILE",
            help="Score answers from a YAML/JSON file ('-' for stdin) instead of asking; "
            "on a terminal, only missing answers are asked.",
        ),
    ] = None,
    quick: Annotated[
        bool,
        typer.Option(
            "--quick",
            "-q",
            help=f"A short form: at most {QUICK_PROMPTS} questions, on the tasks that best tell the roles apart.",
        ),
    ] = False,
    resume: Annotated[
        bool, typer.Option("--resume", "-r", help="Continue an interrupted quiz where it stopped.")
    ] = False,
    save: Annotated[
        Optional[Path],
        typer.Option("--save", "-s", metavar="FILE", help="Write the answers to FILE, to replay with --answers."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", "-f", help="Let --save overwrite an existing file.")] = False,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Never ask: a missing answer is an error that lists them.")
    ] = False,
    defaults: Annotated[
        bool,
        typer.Option("--defaults", help="Never ask: fill missing answers with defaults (2, or the usual choice)."),
    ] = False,
    ask_changed: Annotated[
        bool,
        typer.Option(
            "--ask-changed",
            help="With --answers made for an older catalogue: ask again the tasks that changed.",
        ),
    ] = False,
    top: Annotated[
        Optional[int],
        typer.Option(
            "--top",
            "-n",
            min=1,
            metavar="N",
            help="List the N best-fitting roles [default: 10 on screen and in Markdown, every role in JSON].",
            show_default=False,
        ),
    ] = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    catalogue: CatalogueOption = None,
) -> None:
    """Answer questions on the tasks you can do and like doing; get your role fit.

    Every answer is saved as you go: after Ctrl-C, a crash or a closed terminal,
    [bold]rolefit quiz --resume[/] continues where you stopped.

    [dim]Examples:[/]
      rolefit quiz                          [dim]# the full quiz, about 60 questions[/]
      rolefit quiz --quick --save me.yaml
      rolefit quiz --answers me.yaml --format json
      rolefit quiz --answers me.yaml -o report.html
    """
    with user_errors():
        from rolefit import flow
        from rolefit.answers import dump_answers
        from rolefit.scoring import score

        cat = _catalogue(catalogue)
        kind = _format_for(fmt, output)
        for target in (save, output):
            if target is not None:
                _check_writable(target, force)
        if save is not None and output is not None and save.resolve() == output.resolve():
            raise RolefitError("--save and --output name the same file; give them different names", file=save)
        request = flow.Request(answers_file, quick, resume, no_input, defaults, ask_changed)
        with _prompts_on_terminal():
            outcome = flow.collect(cat, request, interactive=_interactive(), notify=_notice)
        if save is not None or outcome.asked:
            from rolefit.output import free_name

            target = save if save is not None else free_name(Path(AUTOSAVE_NAME))
            try:
                _write(target, dump_answers(outcome.answers, cat, outcome.defaulted), force)
            except OutputError as exc:
                if outcome.asked:
                    raise OutputError(
                        f"{exc}; your answers are still saved: run 'rolefit quiz --resume --save OTHER_FILE'"
                    ) from None
                raise
            _notice(f"Answers saved in {target}; replay with: rolefit quiz --answers {target}")
        result = score(cat, outcome.answers)
        from rolefit import report_data

        not_asked = outcome.not_asked
        flip = firmness = None
        if report_data.firmness_applies(cat):
            from rolefit import whatif

            # Context answers are statements of preference; "how firm" asks what in your skills and
            # interests would have to differ.
            flip = whatif.flip(cat, outcome.answers, tasks_only=True)
            firmness = whatif.describe(flip, cat) if flip is not None else None
        # How many roles the ranking lists: JSON, for programs, has them all unless told.
        listed = top if top is not None or kind is Format.json else _report().SHOWN_ROLES
        on_screen = listed or len(result.fits)
        _deliver(
            kind,
            output,
            force,
            title=f"rolefit: {result.title}",
            render=lambda console: _report().render_report(
                result, cat, console, not_asked=not_asked, firmness=firmness or "", top=on_screen
            ),
            as_json=lambda: report_data.to_json(result, cat, flip, listed),
            as_md=lambda: _export().report_markdown(
                result, cat, not_asked=not_asked, firmness=firmness or "", top=on_screen
            ),
        )
        if outcome.asked:
            from rolefit.session import clear_session

            clear_session()


@app.command()
def roles(catalogue: CatalogueOption = None) -> None:
    """List the role archetypes."""
    with user_errors():
        from rolefit.explain import render_roles

        cat = _catalogue(catalogue)
        _show(lambda console: render_roles(cat, console))


@app.command()
def explain(
    role: Annotated[
        Optional[str],
        typer.Argument(help="A role id, name, or the start of one (case-insensitive).", show_default=False),
    ] = None,
    vs: Annotated[
        Optional[str],
        typer.Option("--vs", metavar="ROLE", help="Compare with another role, task by task.", show_default=False),
    ] = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    catalogue: CatalogueOption = None,
) -> None:
    """Read up on a role: its tasks, who hires for it, how it evolves.

    [dim]Examples:[/]  rolefit explain rnd    rolefit explain "product data"    rolefit explain rnd --vs product
    """
    with user_errors():
        from rolefit import explain as pages

        cat = _catalogue(catalogue)
        kind = _format_for(fmt, output)
        if output is not None:
            _check_writable(output, force)
        if role is None:
            if vs is not None:
                raise RolefitError("--vs needs a role to compare with; e.g. rolefit explain rnd --vs product")
            _deliver(
                kind,
                output,
                force,
                title="rolefit: roles",
                render=lambda console: pages.render_roles(cat, console),
                as_json=lambda: pages.roles_json(cat),
                as_md=lambda: pages.roles_markdown(cat),
            )
            return
        found = cat.find_role(role)
        if vs is not None:
            other = cat.find_role(vs)
            if other.id == found.id:
                raise RolefitError(f"--vs names the same role as ROLE ({found.id}); pick another")
            _deliver(
                kind,
                output,
                force,
                title=f"rolefit: {found.name} vs {other.name}",
                render=lambda console: pages.render_versus(found, other, cat, console),
                as_json=lambda: pages.versus_json(found, other, cat),
                as_md=lambda: pages.versus_markdown(found, other, cat),
            )
            return
        _deliver(
            kind,
            output,
            force,
            title=f"rolefit: {found.name}",
            render=lambda console: pages.render_role(found, cat, console),
            as_json=lambda: pages.role_json(found),
            as_md=lambda: pages.role_markdown(found, cat),
        )


@app.command(name="template")
def template_cmd(
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", metavar="FILE", help="Write to FILE instead of stdout."),
    ] = None,
    force: ForceOption = False,
    catalogue: CatalogueOption = None,
) -> None:
    """Print an answers file to fill in: every question id, its title and scale.

    [dim]Example:[/]  rolefit template -o me.yaml; then edit me.yaml and run rolefit quiz --answers me.yaml
    """
    with user_errors():
        from rolefit.answers import template

        text = template(_catalogue(catalogue))
        _emit(text, output, force)


class CohortFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


@app.command(name="score")
def score_cmd(
    paths: Annotated[
        list[str],
        typer.Argument(metavar="FILE...", help="Answers files, folders of them, or glob patterns ('cohort/*.yaml')."),
    ],
    fmt: Annotated[CohortFormat, typer.Option("--format", help="table, csv or json.")] = CohortFormat.table,
    output: FileOption = None,
    force: ForceOption = False,
    catalogue: CatalogueOption = None,
) -> None:
    """Score many answers files into one table: a row per person, and a summary of the cohort.

    Missing answers count as neutral. A file that cannot be read is reported by name and the
    rest are still scored; the exit code is then 2.

    [dim]Examples:[/]  rolefit score cohort/    rolefit score 'cohort/*.yaml' --format csv -o cohort.csv
    """
    with user_errors():
        from rolefit import cohort as cohorts

        cat = _catalogue(catalogue)
        if output is not None:
            _check_writable(output, force)
        group = cohorts.score_files(cat, cohorts.expand(paths))

        def render(console: Console) -> None:
            if group.rows:
                console.print(cohorts.table(group, cat))
            for line in cohorts.summary_lines(group.summary, cat):
                console.print(Text(line))

        if fmt is CohortFormat.table:
            _deliver(Format.text, output, force, title="rolefit cohort", render=render, as_json=str, as_md=str)
        else:
            text = cohorts.to_csv(group, cat) if fmt is CohortFormat.csv else cohorts.to_json(group, cat)
            _emit(text, output, force)
        for line in cohorts.failure_lines(group):
            _notice(f"rolefit: {line}")
        if group.failures:
            raise typer.Exit(code=2)


class JobsFormat(str, Enum):
    table = "table"
    json = "json"
    md = "md"


@app.command()
def jobs(
    postings: Annotated[
        list[str],
        typer.Argument(metavar="POSTING...", help="Job postings: text or Markdown files, folders of them, or '-'."),
    ],
    answers_file: Annotated[
        Optional[Path],
        typer.Option("--answers", "-a", metavar="FILE", help="Your answers: rank the postings by your fit to each."),
    ] = None,
    fmt: Annotated[JobsFormat, typer.Option("--format", help="table, json or md.")] = JobsFormat.table,
    output: FileOption = None,
    force: ForceOption = False,
    catalogue: CatalogueOption = None,
) -> None:
    """Read job postings: what role each one really is, with the lines that show it; with --answers,
    which fit you best.

    [dim]Examples:[/]  rolefit jobs postings/    rolefit jobs ad.md --answers me.yaml
    """
    with user_errors():
        from rolefit import jobs as readers
        from rolefit import jobs_report

        cat = _catalogue(catalogue)
        if output is not None:
            _check_writable(output, force)
        if not any(t.lexicon for t in cat.tasks):
            raise RolefitError("this catalogue's tasks have no lexicon (phrases to look for in postings)")
        readings = [readers.read_posting(p, cat) for p in readers.read_postings(postings)]
        ranked = None
        if answers_file is not None:
            from rolefit.answers import complete, load_answers

            ranked = readers.rank(readings, cat, complete(load_answers(answers_file, cat), cat))
        if fmt is JobsFormat.table:
            _deliver(
                Format.text,
                output,
                force,
                title="rolefit jobs",
                render=lambda console: jobs_report.render(readings, cat, console, ranked),
                as_json=str,
                as_md=str,
            )
            return
        text = (
            jobs_report.to_json(readings, cat, ranked)
            if fmt is JobsFormat.json
            else jobs_report.to_markdown(readings, cat, ranked)
        )
        _emit(text, output, force)


@app.command()
def compare(
    first: Annotated[
        Path, typer.Argument(metavar="A", help="An answers file (e.g. your own, or from six months ago).")
    ],
    second: Annotated[Path, typer.Argument(metavar="B", help="Another (e.g. your manager's view of you, or today's).")],
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    catalogue: CatalogueOption = None,
) -> None:
    """Two profiles side by side: how each role's fit changed, and the tasks that moved it most.

    [dim]Example:[/]  rolefit compare me-january.yaml me-july.yaml
    """
    with user_errors():
        from rolefit.answers import complete, load_answers
        from rolefit.compare import compare as compare_profiles
        from rolefit.compare import compare_json, render_compare

        cat = _catalogue(catalogue)
        kind = _format_for(fmt, output)
        if kind is Format.md:
            raise RolefitError("compare writes text, json, html or svg; Markdown is not available here")
        if output is not None:
            _check_writable(output, force)
        a, b = (complete(load_answers(p, cat), cat) for p in (first, second))
        names = (first.stem, second.stem) if first.stem != second.stem else (str(first), str(second))
        result = compare_profiles(cat, a, b)
        _deliver(
            kind,
            output,
            force,
            title=f"rolefit: {names[0]} vs {names[1]}",
            render=lambda console: render_compare(result, names, cat, console),
            as_json=lambda: compare_json(result, names),
            as_md=lambda: "",
        )


class SchemaKind(str, Enum):
    answers = "answers"
    catalogue = "catalogue"
    tasks = "tasks"
    roles = "roles"


@app.command()
def schema(
    kind: Annotated[SchemaKind, typer.Argument(help="answers, or catalogue (either file; or tasks / roles).")],
    output: FileOption = None,
    force: ForceOption = False,
) -> None:
    """Print a JSON Schema for answers files or catalogue files, for editors and validators.

    [dim]Example:[/]  rolefit schema answers -o rolefit-answers.schema.json
    (rolefit template's first line points editors at that file.)
    """
    with user_errors():
        from rolefit.schemas import json_schema

        text = json_schema(kind.value)
        _emit(text, output, force)


@app.command()
def check(catalogue: CatalogueOption = None) -> None:
    """Validate a catalogue and list every problem in it, not just the first.

    [dim]Example:[/]  rolefit check --catalogue my-team/
    """
    with user_errors():
        from rolefit.catalogue import check_catalogue

        problems = check_catalogue(catalogue)
        where = str(catalogue) if catalogue is not None else "the built-in catalogue"
        if problems:
            for problem in problems:
                _notice(f"rolefit: {problem}")
            raise RolefitError(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {where}")
        cat = _catalogue(catalogue)
        typer.echo(
            f"{where}: OK, {len(cat.tasks)} tasks in {len(cat.groups)} groups, {len(cat.roles)} roles, "
            f"{len(cat.context)} context questions (version {cat.version})"
        )


def run() -> None:
    """Console-script entry point: usage mistakes become one line and exit code 2."""
    try:
        code = app(prog_name="rolefit", standalone_mode=False)
    except Exception as exc:
        # click's exception family, from whichever click this typer uses (some vendor it).
        if not (hasattr(exc, "format_message") and hasattr(exc, "exit_code")):
            raise
        message = str(exc.format_message()).replace("Value error, ", "")
        ctx = getattr(exc, "ctx", None)
        if ctx is not None and getattr(exc, "exit_code", 1) == 2:
            message += f" (see '{ctx.command_path} -h')"
        _stderr().print(Text.assemble(("rolefit:", "bold red"), f" {message}"), soft_wrap=True)
        sys.exit(2 if exc.exit_code in (1, 2) else exc.exit_code)
    except BrokenPipeError:
        _quiet_stdout()
        sys.exit(CLOSED_PIPE)
    sys.exit(code if isinstance(code, int) else 0)


def _quiet_stdout() -> None:
    """After the reader of our output went away (``| head``): no more writes, no error at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
