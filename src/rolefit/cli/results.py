"""The commands for many answers or postings at once: ``score``, ``jobs`` and ``compare``."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from rolefit.cli.delivery import (
    Document,
    Format,
    answers_files,
    check_target,
    check_writes,
    deliver,
    hint_if_typed,
    lazy,
    notice,
    target,
)
from rolefit.cli.main import app, catalogue_from
from rolefit.cli.options import (
    REPORT_FORMATS,
    TABLE_FORMATS,
    CatalogueOption,
    ForceOption,
    OutputOption,
    ReportFormatOption,
    TableFormatOption,
)
from rolefit.errors import RolefitError

if TYPE_CHECKING:
    pass


COHORT = "rolefit.report.cohort"
POSTINGS = "rolefit.report.postings"
GROUP_PAGES = "rolefit.report.html.group_pages"
JOBS_PAGE = "rolefit.report.html.jobs_page"


@app.command(name="score")
def score_cmd(
    paths: Annotated[
        list[str],
        typer.Argument(metavar="FILE...", help="Answers files, folders of them, or glob patterns ('cohort/*.yaml')."),
    ],
    fmt: TableFormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    catalogue: CatalogueOption = None,
) -> None:
    """Score many answers files into one table: a row per person, and a summary of the cohort.

    Missing answers count as neutral. A file that cannot be read is named with the reason, the rest are
    still scored, and the exit code is then 2.

    [dim]Examples:[/]

    [dim]$[/] rolefit score cohort/
    [dim]$[/] rolefit score 'cohort/*.yaml' -o cohort.csv
    """
    from rolefit import cohort as cohorts
    from rolefit.files.read import stdin_once
    from rolefit.model.answers import ignored_line
    from rolefit.report.cohort import failure_lines

    stdin_once(("FILE", paths))
    cat = catalogue_from(catalogue)
    files, leaving = answers_files(paths, output, "score")
    check_target(output, force, files, catalogue=catalogue)
    check_writes(TABLE_FORMATS, fmt, output)
    hint_if_typed(files, "answers (YAML or JSON)")
    group = cohorts.score_files(cat, files)
    doc = Document(
        title="rolefit cohort",
        render=lazy("rolefit.report.cohort_terminal", "render", group, cat),
        makers={
            Format.csv: lazy(COHORT, "to_csv", group, cat),
            Format.json: lazy(COHORT, "to_json", group, cat),
            Format.md: lazy(COHORT, "to_markdown", group, cat),
            Format.html: lazy(GROUP_PAGES, "cohort_page", group, cat),
            Format.svg: lazy(GROUP_PAGES, "cohort_svg", group, cat),
        },
    )
    deliver(doc, fmt=fmt, output=output, force=force)
    for row in group.rows:
        if ignored := ignored_line(str(row.path), row.given):
            notice(f"warning: {ignored}")
    for line in [*leaving, *failure_lines(group)]:
        notice(f"rolefit: {line}")
    if group.failures:
        raise typer.Exit(code=2)


@app.command()
def jobs(
    postings: Annotated[
        list[str],
        typer.Argument(
            metavar="POSTING...",
            help="Job postings: text, Markdown or saved web pages (.txt, .md, .markdown, .html, .htm), folders "
            "of them (a folder's own files, not its sub-folders'), glob patterns ('ads/**/*.md'), or '-'. Of a "
            "folder or a pattern's matches, hidden files and README, LICENSE, LICENCE, CHANGELOG, CONTRIBUTING, "
            "CODE_OF_CONDUCT and SOURCES files are always skipped; so are, each named on stderr, sub-folders, "
            "other kinds of file, reports rolefit wrote (the one -o writes to among them), and notes that name "
            "two or more of the postings beside them by file name. A file named on its own is always read; -o "
            "never writes over a posting, even with --force.",
        ),
    ],
    answers_file: Annotated[
        Optional[Path],
        typer.Option(
            "--answers",
            "-a",
            metavar="FILE",
            help="Your answers: rank the postings by your fit to each.",
            show_default=False,
        ),
    ] = None,
    fmt: ReportFormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    catalogue: CatalogueOption = None,
) -> None:
    """Read job postings: what role each one really is, and the lines that show it.

    Each is one of the three archetypes, a hybrid of two, a job of another kind ("none of
    these: data engineering"), or "not enough evidence". "Sure" is how often verdicts like it
    were right on 80 real, labelled ads. With --answers, the postings are ranked by how well
    each fits you. A file that cannot be read is named with the reason on stderr, and in the
    report too (but for the text on the screen); the rest are still read, and the exit code is then 2.

    [dim]Examples:[/]

    [dim]$[/] rolefit jobs postings/
    [dim]$[/] rolefit jobs ad.md --answers me.yaml
    """
    from rolefit.files.read import stdin_once
    from rolefit.postings import read as readers
    from rolefit.report.reading import nothing_read_line, unread_lines

    stdin_once(("POSTING", postings), ("--answers", answers_file))
    cat = catalogue_from(catalogue)
    check_target(output, force, [*postings, *([answers_file] if answers_file else [])], catalogue=catalogue)
    check_writes(REPORT_FORMATS, fmt, output)
    if not any(t.lexicon for t in cat.tasks):
        raise RolefitError("this catalogue's tasks have no lexicon (phrases to look for in postings)")
    hint_if_typed(postings, "a job posting")
    found = readers.read_postings(postings, leave_out=target(output))
    readings = [readers.read_posting(p, cat) for p in found.postings]
    ranked, coverage = None, None
    if answers_file is not None:
        from rolefit.files.answers import load_answers
        from rolefit.model.answers import Coverage, complete, ignored_line, untouched

        given = load_answers(answers_file, cat)
        if ignored := ignored_line(str(answers_file), given):
            notice(f"warning: {ignored}")
        if untouched(given, cat):
            raise RolefitError(
                "this is the untouched template (every answer as it starts): it says nothing about you, so it "
                f"cannot rank postings; answer it first (rolefit quiz --answers {answers_file})",
                file=answers_file,
            )
        coverage = Coverage.of(str(answers_file), given, cat)
        if coverage.partial:
            unasked = coverage.questions - coverage.answered
            notice(
                f"rolefit: {answers_file} answers {coverage.answered} of {coverage.questions} questions; the other "
                f"{unasked} count as neutral, so the fits below are rough "
                f"(rolefit quiz --answers {answers_file} --full asks them)"
            )
        ranked = readers.rank(readings, cat, complete(given, cat))
    unread = found.failures
    doc = Document(
        title="rolefit jobs",
        render=lazy(POSTINGS, "render", readings, cat, jobs=ranked),  # (on the screen, the failures are on stderr)
        makers={  # (the saved reports say what the screen has on stderr: the files not read, partial answers)
            Format.json: lazy(POSTINGS, "to_json", readings, cat, ranked, unread, coverage),
            Format.md: lazy(POSTINGS, "to_markdown", readings, cat, ranked, unread, coverage),
            Format.text: lazy(POSTINGS, "saved_text", readings, cat, ranked, unread, coverage),  # (to a file)
            Format.html: lazy(JOBS_PAGE, "jobs_page", readings, cat, ranked, unread, coverage),
            Format.svg: lazy(JOBS_PAGE, "jobs_svg", readings, cat, ranked),
        },
    )
    if readings or not unread:  # (when none could be read, the errors alone say so: no empty report)
        deliver(doc, fmt=fmt, output=output, force=force)
    for note in found.skipped:
        notice(f"rolefit: {note}")
    for line in unread_lines(unread):
        notice(f"rolefit: {line}")
    if unread and not readings:
        notice(f"rolefit: {nothing_read_line(output)}")
    if unread:
        raise typer.Exit(code=2)


@app.command()
def compare(
    first: Annotated[Path, typer.Argument(metavar="A", help="An answers file (yours, or from six months ago).")],
    second: Annotated[Path, typer.Argument(metavar="B", help="Another (your manager's view of you, or today's).")],
    fmt: ReportFormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    catalogue: CatalogueOption = None,
) -> None:
    """Two sets of answers side by side: how each role's fit changed, and the tasks that moved it most.

    [dim]Example:[/]

    [dim]$[/] rolefit compare me-january.yaml me-july.yaml
    """
    from rolefit.files.answers import load_answers
    from rolefit.files.read import stdin_once
    from rolefit.model.answers import complete
    from rolefit.report.compare import build, profile_names
    from rolefit.scoring.compare import compare as compare_answers

    stdin_once(("A", first), ("B", second))
    cat = catalogue_from(catalogue)
    check_target(output, force, [first, second], catalogue=catalogue)
    check_writes(REPORT_FORMATS, fmt, output)
    hint_if_typed([first, second], "answers (YAML or JSON)")
    given = (load_answers(first, cat), load_answers(second, cat))
    a, b = (complete(answers, cat) for answers in given)
    names = profile_names(first, second)
    report = build(compare_answers(cat, a, b), names, cat, given)
    doc = Document(
        title=f"rolefit: {names[0]} vs {names[1]}",
        render=lazy("rolefit.report.compare_terminal", "render_compare", report),
        makers={
            Format.json: lazy("rolefit.report.compare", "compare_json", report),
            Format.md: lazy("rolefit.report.compare", "compare_markdown", report),
            Format.html: lazy(GROUP_PAGES, "compare_page", report),
            Format.svg: lazy(GROUP_PAGES, "compare_svg", report),
        },
    )
    deliver(doc, fmt=fmt, output=output, force=force)
