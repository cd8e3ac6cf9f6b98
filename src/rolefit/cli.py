"""The command line: a thin layer over the library. Only this module prints errors."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.text import Text

from rolefit import __version__
from rolefit.answers import Answers, complete, dump_answers, load_answers, missing, question_ids, template
from rolefit.catalogue import Catalogue, load_catalogue
from rolefit.errors import AnswersError, InputRequiredError, OutputError, QuizInterrupted, RolefitError
from rolefit.output import check_writable, free_name, write_text
from rolefit.scoring import discriminating_tasks, score

#: At most this many prompts in ``quiz --quick``.
QUICK_PROMPTS = 12
AUTOSAVE_NAME = "rolefit-answers.yaml"
PARTIAL_NAME = "rolefit-answers.partial.yaml"

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


def _stdout() -> Console:
    return Console(highlight=False, markup=False)


def _stderr() -> Console:
    return Console(stderr=True, highlight=False, markup=False)


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
    return sys.stdin.isatty() and sys.stdout.isatty()


def _quick_questions(cat: Catalogue) -> list[str]:
    context = question_ids(cat, tasks=())[:QUICK_PROMPTS]
    n_tasks = max(0, (QUICK_PROMPTS - len(context)) // 2)
    return context + question_ids(cat, discriminating_tasks(cat, n_tasks))[len(cat.context) :]


def _list_missing(todo: list[str], limit: int = 8) -> str:
    names = [f"{key} ({kind})" for kind, _, key in (q.partition(":") for q in todo)]
    shown = ", ".join(names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


def _save_partial(answers: Answers, cat: Catalogue, save: Path | None, force: bool, quick: bool) -> str:
    """Keep the answers of an interrupted quiz; return where they went."""
    if answers.count == 0:
        return "no answers were given yet, so nothing was saved"
    target = save if save is not None else free_name(Path(PARTIAL_NAME))
    try:
        write_text(target, dump_answers(answers, cat), force=force)
    except OutputError as exc:
        return f"the answers could not be saved ({exc})"
    return f"{answers.count} answers saved in {target}; finish with: rolefit quiz --answers {target}"


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
            help=f"A short form: at most {QUICK_PROMPTS} questions, "
            "on the tasks that best tell the roles apart.",
        ),
    ] = False,
    save: Annotated[
        Optional[Path],
        typer.Option(
            "--save", "-s", metavar="FILE", help="Write the answers to FILE, to replay with --answers."
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", "-f", help="Let --save overwrite an existing file.")
    ] = False,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Never ask: a missing answer is an error that lists them.")
    ] = False,
    defaults: Annotated[
        bool,
        typer.Option(
            "--defaults", help="Never ask: fill missing answers with defaults (2, or the usual choice)."
        ),
    ] = False,
    fmt: Annotated[Format, typer.Option("--format", help="Report as text or as JSON.")] = Format.text,
    catalogue: CatalogueOption = None,
) -> None:
    """Answer questions on the tasks you can do and like doing; get your role fit.

    [dim]Examples:[/]
      rolefit quiz                          [dim]# the full quiz, about 60 questions[/]
      rolefit quiz --quick --save me.yaml
      rolefit quiz --answers me.yaml --format json
    """
    with user_errors():
        if no_input and defaults:
            raise RolefitError("--no-input and --defaults exclude each other; choose one")
        cat = load_catalogue(catalogue)
        if save is not None:
            check_writable(save, force)
        given = load_answers(answers_file, cat) if answers_file else Answers()
        scope = _quick_questions(cat) if quick else question_ids(cat)
        todo = [q for q in scope if given.value(q) is None]
        asked = False
        if todo and not defaults:
            where = answers_file if answers_file not in (None, "-") else "<stdin>"
            if no_input:
                raise AnswersError(
                    f"{len(todo)} answers missing: {_list_missing(todo)}; "
                    "answer them on a terminal, or pass --defaults",
                    file=where if answers_file else None,
                )
            if answers_file == "-" or not _interactive():
                if answers_file:
                    raise InputRequiredError(
                        f"{len(todo)} answers missing and no terminal to ask them on "
                        f"({_list_missing(todo, 3)}); pass --defaults to use default answers",
                        file=where,
                    )
                raise InputRequiredError(
                    "the quiz needs a terminal; to score a file of answers use "
                    "'rolefit quiz --answers FILE' (start one with 'rolefit template')"
                )
            from rolefit.quiz import Quiz  # imported here: prompt_toolkit is slow to load

            session = Quiz(cat, given)
            try:
                given = session.ask(todo)
            except QuizInterrupted as exc:
                note = _save_partial(
                    exc.answers if isinstance(exc.answers, Answers) else given, cat, save, force, quick
                )
                raise QuizInterrupted(f"quiz interrupted; {note}") from None
            asked = True
        defaulted = missing(given, cat)
        final = complete(given, cat)
        if save is not None or asked:
            target = save if save is not None else free_name(Path(AUTOSAVE_NAME))
            write_text(target, dump_answers(final, cat, defaulted), force=force)
            _stderr().print(Text(f"Answers saved in {target}; replay with: rolefit quiz --answers {target}"))
        result = score(cat, final)
        out = _stdout()
        if fmt is Format.json:
            from rolefit.report import to_json

            sys.stdout.write(to_json(result, cat))
        else:
            from rolefit.report import render_report

            render_report(result, cat, out)


@app.command()
def roles(catalogue: CatalogueOption = None) -> None:
    """List the role archetypes."""
    with user_errors():
        from rolefit.explain import render_roles

        render_roles(load_catalogue(catalogue), _stdout())


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
            render_roles(cat, _stdout())
            return
        render_role(cat.find_role(role), cat, _stdout())


@app.command(name="template")
def template_cmd(
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", metavar="FILE", help="Write to FILE instead of stdout."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", "-f", help="Let --output overwrite an existing file.")
    ] = False,
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
            _stderr().print(f"Wrote {output}")


def run() -> None:
    """Console-script entry point."""
    app(prog_name="rolefit")
