"""Reports people keep: Markdown, and HTML/SVG recorded from the rich console.

HTML and SVG are what the terminal shows (colours, bars, the group chart),
recorded by rich at a fixed width, so a saved report looks as it did on screen.
Markdown is written directly, for wikis and pull requests.
"""

from __future__ import annotations

import html
import io
from collections.abc import Callable

from rich.console import Console

#: Exported files are rendered at this width, whatever the terminal's.
EXPORT_WIDTH = 100


Render = Callable[[Console], None]


_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<title>{title}</title>
<style>
body {{ color: {foreground}; background-color: {background}; margin: 2em; }}
pre {{ font-family: Menlo, "DejaVu Sans Mono", Consolas, monospace; font-size: 14px; line-height: 1.3; }}
</style>
</head>
<body>
<pre><code>{code}</code></pre>
</body>
</html>
"""


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
    return record(render).export_html(inline_styles=True, code_format=_HTML.replace("{title}", html.escape(title)))


def to_svg(render: Render, title: str) -> str:
    return record(render).export_svg(title=title, unique_id="rolefit")


def to_text(render: Render, width: int = EXPORT_WIDTH) -> str:
    """Plain text, no colour, no padding at line ends."""
    lines = record(render, width).export_text(styles=False).splitlines()
    return "\n".join(line.rstrip() for line in lines) + "\n"
