"""The ``audit`` command: how long the quiz is, replayed on complete answers files."""

from typing import Annotated

import typer

from rolefit.cli.delivery import Document, Format, answers_files, check_target, check_writes, deliver, lazy, notice
from rolefit.cli.main import app, catalogue_from
from rolefit.cli.options import TABLE_FORMATS, CatalogueOption, ForceOption, OutputOption, TableFormatOption

PAGES = "rolefit.report.audit"


@app.command()
def audit(
    paths: Annotated[
        list[str],
        typer.Argument(metavar="FILE...", help="Complete answers files, folders of them, or glob patterns."),
    ],
    fmt: TableFormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    catalogue: CatalogueOption = None,
) -> None:
    """Replay complete answers files through the adaptive and the quick quiz: how many questions each asked,
    and whether its verdict is the full quiz's.

    It runs the very question order and stopping rules of `rolefit quiz`, so a catalogue author sees how
    long their quiz is. A file that cannot be read or is not complete is named with the reason, the rest
    are still audited, and the exit code is then 2.

    [dim]Examples:[/]

    [dim]$[/] rolefit audit examples/answers/
    [dim]$[/] rolefit audit 'cohort/*.yaml' -o audit.csv
    """
    from rolefit import audit as audits
    from rolefit.files.read import stdin_once
    from rolefit.report.audit import failure_lines

    stdin_once(("FILE", paths))
    cat = catalogue_from(catalogue)
    files, leaving = answers_files(paths, output, "audit")
    check_target(output, force, files, catalogue=catalogue)
    check_writes(TABLE_FORMATS, fmt, output)
    result = audits.audit_files(cat, files)
    doc = Document(
        title="rolefit audit",
        render=lazy(PAGES, "render", result),
        makers={
            Format.csv: lazy(PAGES, "to_csv", result),
            Format.json: lazy(PAGES, "to_json", result),
            Format.md: lazy(PAGES, "to_markdown", result),
            Format.text: lazy(PAGES, "saved", result, "text"),  # (to a file: the screen has them on stderr)
            Format.html: lazy(PAGES, "saved", result, "html"),
            Format.svg: lazy(PAGES, "saved", result, "svg"),
        },
    )
    deliver(doc, fmt=fmt, output=output, force=force)
    for line in [*leaving, *failure_lines(result)]:
        notice(f"rolefit: {line}")
    if result.failures:
        raise typer.Exit(code=2)
