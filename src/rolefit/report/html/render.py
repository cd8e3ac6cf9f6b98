"""Rendering a page from its template, with autoescaping (and every text shown safe: :func:`shown`); Jinja2
is imported here, on first use."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from rolefit import __version__
from rolefit.text import html_safe

if TYPE_CHECKING:
    from jinja2 import Environment


@cache
def environment() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    return Environment(
        loader=PackageLoader("rolefit.report.html", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=shown,
    )


def shown(value: Any) -> Any:
    """A value as a page shows it, before it is escaped: text with its control and bidi characters as
    visible escapes (``\\u202e``, as on the terminal: :func:`rolefit.text.html_safe`); a chart, which
    escapes its own text, and anything else as it is."""
    from markupsafe import Markup

    return html_safe(value) if isinstance(value, str) and not isinstance(value, Markup) else value


def markup(svg: str) -> Any:
    """A chart, which escapes its own text, to be put in a page as it is."""
    from markupsafe import Markup

    return Markup(svg)


def page(template: str, **context: Any) -> str:
    """The page ``template`` rendered with ``context`` (every value escaped unless it is a chart)."""
    html = environment().get_template(template).render(version=__version__, **context)
    return html if html.endswith("\n") else html + "\n"


@cache
def stylesheet(*names: str) -> str:
    """The package's style files, as one text (for a standalone SVG)."""
    folder = resources.files("rolefit.report.html").joinpath("templates")
    return "\n".join(folder.joinpath(name).read_text(encoding="utf-8") for name in names)


def chart_css() -> str:
    return stylesheet("theme.css", "charts.css")
