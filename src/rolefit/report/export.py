"""Reports people keep: HTML and SVG recorded from the rich console, and plain text.

HTML and SVG are what the terminal shows (colours, bars, the group chart), recorded by rich at
a fixed width, so a saved report looks as it did on screen. Names and titles from a catalogue
are escaped (rich escapes what it records; the page title is escaped here), and neither file
loads anything from the network. Markdown is written directly (:mod:`rolefit.report.markdown`).
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Callable

from rich._export_format import CONSOLE_SVG_FORMAT
from rich.console import Console
from rich.terminal_theme import DEFAULT_TERMINAL_THEME

#: Exported files are rendered at this width, whatever the terminal's.
EXPORT_WIDTH = 100


Render = Callable[[Console], None]

_HTML_STYLE = """<style>
body {{ color: {foreground}; background-color: {background}; margin: 2em; }}
pre {{ font-family: Menlo, "DejaVu Sans Mono", Consolas, monospace; font-size: 14px; line-height: 1.3; }}
</style>
"""

#: rich's SVG template without what it would fetch or link: the web fonts (a local monospace
#: font is used instead) and the comment with rich's web address.
SVG_FORMAT = re.sub(r"\s*@font-face \{\{.*?\}\}", "", CONSOLE_SVG_FORMAT, flags=re.S)
SVG_FORMAT = re.sub(r"\s*<!--.*?-->", "", SVG_FORMAT, flags=re.S)
SVG_FORMAT = SVG_FORMAT.replace("font-family: Fira Code, monospace;", 'font-family: "Fira Code", Menlo, monospace;')


def record(render: Render, width: int = EXPORT_WIDTH) -> Console:
    """A console that has recorded what ``render`` printed, in colour, at ``width`` columns."""
    console = Console(
        record=True,
        width=width,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        highlight=False,
        markup=False,
        legacy_windows=False,
    )
    render(console)
    return console


def to_html(render: Render, title: str) -> str:
    """A standalone page; ``title`` is escaped and put in by concatenation, never by a template."""
    code = record(render).export_html(inline_styles=True, code_format="{code}")
    theme = DEFAULT_TERMINAL_THEME
    style = _HTML_STYLE.format(foreground=theme.foreground_color.hex, background=theme.background_color.hex)
    return "".join(
        [
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="UTF-8">\n',
            f"<title>{html.escape(title)}</title>\n",
            style,
            "</head>\n<body>\n<pre><code>",
            code,
            "</code></pre>\n</body>\n</html>\n",
        ]
    )


def to_svg(render: Render, title: str) -> str:
    """An SVG image of the report (rich escapes ``title``); it embeds no remote font."""
    return record(render).export_svg(title=title, unique_id="rolefit", code_format=SVG_FORMAT)


def to_text(render: Render, width: int = EXPORT_WIDTH) -> str:
    """Plain text, no colour, no padding at line ends."""
    lines = record(render, width).export_text(styles=False).splitlines()
    return "\n".join(line.rstrip() for line in lines) + "\n"
