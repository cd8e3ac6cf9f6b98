"""A job posting saved as a web page, as the text a reader sees: one line per block, headings marked.

A careers page saved from a browser (or an ad written in HTML) holds the ad in its paragraphs,
lists and headings, and much else around it: scripts, styles, the site's navigation, header and
footer, forms and buttons. The page is read with the standard library's HTML parser: what a
reader does not see is left out, each block (a paragraph, a list item, a heading, a table row)
becomes a line, a heading is marked ``##`` and a list item ``-`` as Markdown would, so the posting
is then read like any other. The page's ``<title>`` (or else its first heading) is the first line.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

#: Elements whose content a reader never sees, or that are the site's, not the ad's.
HIDDEN = frozenset(
    ["script", "style", "noscript", "template", "svg", "head", "nav", "footer", "form", "button", "iframe"]
)
#: Elements that start a line of their own.
BLOCKS = frozenset(
    [
        "p", "div", "section", "article", "main", "aside", "header", "br", "hr", "li", "ul", "ol", "dl", "dt", "dd",
        "tr", "table", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "title",
    ]
)  # fmt: skip
HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
#: How a page starts (after spaces and a byte-order mark): the sign that a text is HTML.
_PAGE = re.compile(r"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


def is_html(text: str, suffix: str = "") -> bool:
    """Whether a posting's text is a web page (by its suffix, or by how it starts)."""
    return suffix.lower() in (".html", ".htm") or _PAGE.match(text[:2000]) is not None


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.line: list[str] = []
        self.hidden = 0  # how deep inside elements a reader does not see
        self.title = ""
        self.in_title = False
        self.mark = ""
        self.h1 = ""  # the first top heading's text: the job, where the page's title adds the site
        self.in_h1 = False

    def _break(self) -> None:
        text = _SPACES.sub(" ", "".join(self.line)).strip()
        if text:
            self.lines.append(self.mark + text)
            if self.in_h1 and not self.h1:
                self.h1 = text
        self.line, self.mark = [], ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag in HIDDEN:
            self.hidden += 1
            return
        if tag in BLOCKS:
            self._break()
            self.mark = "## " if tag in HEADINGS else "- " if tag == "li" else ""
            self.in_h1 = tag == "h1"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCKS and not self.hidden:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
            return
        if tag in BLOCKS and not self.hidden:
            self._break()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        elif not self.hidden:
            self.line.append(data)


def page_text(html: str) -> str:
    """The text of a web page as lines a posting is read from, its job's title first (the first
    top heading, else the page's title)."""
    page = _Page()
    page.feed(html)
    page.close()
    page._break()
    lines = page.lines
    head = page.h1 or _SPACES.sub(" ", page.title).strip()
    if page.h1:
        lines = [line for line in lines if line != "## " + page.h1] if lines.count("## " + page.h1) == 1 else lines
    return "\n".join([head, "", *lines]) + "\n" if head else "\n".join(lines) + "\n"
