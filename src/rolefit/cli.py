"""The command line: a thin layer over the library. Only this module prints errors."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.text import Text

from rolefit import __version__, flow
from rolefit import session as sessions
from rolefit.answers import dump_answers, template
from rolefit.catalogue import check_catalogue, load_catalogue
from rolefit.errors import OutputError, RolefitError
from rolefit.output import check_writable, free_name, write_text
from rolefit.scoring import score

AUTOSAVE_NAME = "rolefit-answers.yaml"
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


class _Console(Console):
    """A console that ends like other Unix tools when its reader goes away (exit 141, SIGPIPE)."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        _quiet_stdout()
        raise SystemExit(CLOSED_PIPE)


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
        raise SystemExit(CLOSED_PIPE) from None


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
            help=f"A short form: at most {flow.QUICK_PROMPTS} questions, on the tasks that best tell the roles apart.",
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
    fmt: Annotated[Format, typer.Option("--format", help="Report as text or as JSON.")] = Format.text,
    catalogue: CatalogueOption = None,
) -> None:
    """Answer questions on the tasks you can do and like doing; get your role fit.

    Every answer is saved as you go: after Ctrl-C, a crash or a closed terminal,
    [bold]rolefit quiz --resume[/] continues where you stopped.

    [dim]Examples:[/]
      rolefit quiz                          [dim]# the full quiz, about 60 questions[/]
      rolefit quiz --quick --save me.yaml
      rolefit quiz --answers me.yaml --format json
    """
    with user_errors():
        cat = load_catalogue(catalogue)
        if save is not None:
            check_writable(save, force)
        request = flow.Request(answers_file, quick, resume, no_input, defaults, ask_changed)
        with _prompts_on_terminal():
            outcome = flow.collect(cat, request, interactive=_interactive(), notify=_notice)
        if save is not None or outcome.asked:
            target = save if save is not None else free_name(Path(AUTOSAVE_NAME))
            try:
                write_text(target, dump_answers(outcome.answers, cat, outcome.defaulted), force=force)
            except OutputError as exc:
                if outcome.asked:
                    raise OutputError(
                        f"{exc}; your answers are still saved: run 'rolefit quiz --resume --save OTHER_FILE'"
                    ) from None
                raise
            _notice(f"Answers saved in {target}; replay with: rolefit quiz --answers {target}")
        result = score(cat, outcome.answers)
        if fmt is Format.json:
            from rolefit.report import to_json

            sys.stdout.write(to_json(result, cat))
        else:
            from rolefit.report import render_report

            _show(lambda console: render_report(result, cat, console, not_asked=len(outcome.defaulted)))
        if outcome.asked:
            sessions.clear_session()


@app.command()
def roles(catalogue: CatalogueOption = None) -> None:
    """List the role archetypes."""
    with user_errors():
        from rolefit.explain import render_roles

        cat = load_catalogue(catalogue)
        _show(lambda console: render_roles(cat, console))


@app.command()
def explain(
    role: Annotated[
        Optional[str],
        typer.Argument(help="A role id, name, or the start of one (case-insensitive).", show_default=False),
    ] = None,
    catalogue: CatalogueOption = None,
) -> None:
    """Read up on a role: its tasks, who hires for it, how it evolves.

    [dim]Examples:[/]  rolefit explain rnd    rolefit explain "product data"
    """
    with user_errors():
        from rolefit.explain import render_role, render_roles

        cat = load_catalogue(catalogue)
        if role is None:
            _show(lambda console: render_roles(cat, console))
            return
        found = cat.find_role(role)
        _show(lambda console: render_role(found, cat, console))


@app.command(name="template")
def template_cmd(
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", metavar="FILE", help="Write to FILE instead of stdout."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", "-f", help="Let --output overwrite an existing file.")] = False,
    catalogue: CatalogueOption = None,
) -> None:
    """Print an answers file to fill in: every question id, its title and scale.

    [dim]Example:[/]  rolefit template -o me.yaml; then edit me.yaml and run rolefit quiz --answers me.yaml
    """
    with user_errors():
        text = template(load_catalogue(catalogue))
        if output is None:
            sys.stdout.write(text)
        else:
            write_text(output, text, force=force)
            _notice(f"Wrote {output}")


@app.command()
def check(catalogue: CatalogueOption = None) -> None:
    """Validate a catalogue and list every problem in it, not just the first.

    [dim]Example:[/]  rolefit check --catalogue my-team/
    """
    with user_errors():
        problems = check_catalogue(catalogue)
        where = str(catalogue) if catalogue is not None else "the built-in catalogue"
        if problems:
            for problem in problems:
                _notice(f"rolefit: {problem}")
            raise RolefitError(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {where}")
        cat = load_catalogue(catalogue)
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
