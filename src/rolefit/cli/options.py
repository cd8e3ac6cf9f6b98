"""The options several commands share, each defined once."""

from pathlib import Path
from typing import Annotated, Optional

import typer

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
OutputOption = Annotated[
    Optional[str],
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write the result to FILE ('-' for standard output); its suffix picks the format.",
        show_default=False,
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", "-f", help="Let --output overwrite an existing file.")]


def format_option(formats: str) -> object:
    """``--format``, with the formats this command writes in its help."""
    return typer.Option(
        "--format",
        metavar="FORMAT",
        help=f"One of: {formats}. Without it, the suffix of --output decides.",
        show_default=False,
    )


#: The formats of a report, a role page or a posting reading; a cohort or an audit adds CSV.
REPORT_FORMATS = "text, json, md, html, svg"
TABLE_FORMATS = "text, csv, json, md, html, svg"
ReportFormatOption = Annotated[Optional[str], format_option(REPORT_FORMATS)]
TableFormatOption = Annotated[Optional[str], format_option(TABLE_FORMATS)]
