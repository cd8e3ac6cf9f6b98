"""The ``quiz`` command: take the quiz, or replay answers, and get the report."""

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from rolefit.cli.delivery import Document, Format, check_format, check_target, deliver, hint_if_typed, lazy, notice
from rolefit.cli.main import app, catalogue_from
from rolefit.cli.options import CatalogueOption, OutputOption, ReportFormatOption

if TYPE_CHECKING:
    pass


@app.command()
def quiz(
    answers_file: Annotated[
        Optional[str],
        typer.Option(
            "--answers",
            "-a",
            metavar="FILE",
            help="Score answers from a YAML or JSON file ('-' for stdin) instead of asking; on a terminal, "
            "only the missing answers are asked.",
            show_default=False,
        ),
    ] = None,
    quick: Annotated[
        bool,
        typer.Option(
            "--quick",
            "-q",
            help="A short form: stop once a change of your top role is unlikely (below 5%): at least 6 "
            "questions, 14 for a typical person, over 30 for one in ten (mixed or flat leanings); the result is "
            "provisional.",
        ),
    ] = False,
    full: Annotated[
        bool,
        typer.Option(
            "--full", help="Ask every question, in order (by default the quiz stops once your top role is settled)."
        ),
    ] = False,
    resume: Annotated[
        bool, typer.Option("--resume", "-r", help="Continue an interrupted quiz where it stopped.")
    ] = False,
    save: Annotated[
        Optional[Path],
        typer.Option(
            "--save",
            "-s",
            metavar="FILE",
            help="Write the answers to FILE, to replay with --answers: FILE.json as JSON, FILE.yaml, FILE.yml or "
            "a name with no suffix as YAML (any other suffix is refused; the report goes to --output).",
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", "-f", help="Let --save and --output overwrite a file.")] = False,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Never ask: a missing answer is an error that lists them.")
    ] = False,
    defaults: Annotated[
        bool,
        typer.Option("--defaults", help="Never ask: fill missing answers with defaults (2, or the usual choice)."),
    ] = False,
    ask_changed: Annotated[
        bool,
        typer.Option("--ask-changed", help="With --answers made for an older catalogue: ask the changed tasks again."),
    ] = False,
    top: Annotated[
        Optional[int],
        typer.Option(
            "--top",
            "-n",
            min=1,
            metavar="N",
            help="List the N best-fitting roles (by default 10 on screen and in Markdown, every role in JSON).",
            show_default=False,
        ),
    ] = None,
    fmt: ReportFormatOption = None,
    output: OutputOption = None,
    catalogue: CatalogueOption = None,
) -> None:
    """Answer questions on the tasks you can do and like doing; get your role fit.

    Every answer is saved as you go: after Ctrl-C, a crash or a closed terminal, [bold]rolefit quiz --resume[/]
    continues where you stopped.

    [dim]Examples:[/]

    [dim]$[/] rolefit quiz                           [dim]# stops once your top role is settled[/]
    [dim]$[/] rolefit quiz --quick --save me.yaml    [dim]# about 14 questions, answers kept[/]
    [dim]$[/] rolefit quiz --full                    [dim]# every question, in catalogue order[/]
    [dim]$[/] rolefit quiz --answers me.yaml --format json
    [dim]$[/] rolefit quiz --answers me.yaml -o report.html
    """
    from rolefit.errors import RolefitError
    from rolefit.quiz.gather import Request
    from rolefit.quiz.take import finish, take
    from rolefit.report.fit import build

    if quick and full:
        raise RolefitError("--quick and --full exclude each other; choose one")
    cat = catalogue_from(catalogue)
    inputs = [answers_file] if answers_file else []
    check_target(output, force, inputs, catalogue=catalogue)
    check_format(_fit_document(None), fmt, output)  # (-o r.csv is refused now, not after the questions)
    hint_if_typed(inputs, "answers (YAML or JSON)")
    mode = "quick" if quick else "full" if full else None
    request = Request(answers_file, mode, resume, no_input, defaults, ask_changed)
    written = [Path(output)] if output not in (None, "-") else []
    outcome = take(cat, request, save=save, force=force, also_written=written, notify=notice)
    report = build(cat, outcome.answers, given=outcome.given, not_asked=outcome.not_asked, top=top)
    if outcome.verdict and report.not_asked_note:
        report = replace(report, not_asked_note=f"{outcome.verdict} Unanswered questions count as neutral (2).")
    deliver(_fit_document(report), fmt=fmt, output=output, force=force)
    finish(outcome)


def _fit_document(report: Any) -> Document:
    """The fit report as a document; of None, its formats only (its renderers are called when it is
    delivered), to check ``--format`` and ``-o`` before the quiz."""
    return Document(
        title=f"rolefit: {report.result.title}" if report is not None else "rolefit",
        render=lazy("rolefit.report.terminal", "render_fit_report", report),
        makers={
            Format.json: lazy("rolefit.report.data", "fit_report_json", report),
            Format.md: lazy("rolefit.report.markdown", "fit_report_md", report),
            Format.html: lazy("rolefit.report.html.fit_page", "fit_page", report),
            Format.svg: lazy("rolefit.report.html.fit_page", "fit_svg", report),
        },
    )
