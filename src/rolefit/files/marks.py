"""The mark on each report rolefit writes, by which a folder of postings tells its reports apart.

A report saved into the folder of its postings (``rolefit jobs ads/ -o ads/report.md``) must not be
read as a posting the next time the folder is read. Each kind carries a mark of its own:

- an HTML page, the ``<meta name="generator" content="rolefit ...">`` of its head;
- a Markdown report, a last line ``<!-- written by rolefit 1.0.0 -->``: an HTML comment, which
  Markdown does not show;
- a text report written to a file, a last line ``Written by rolefit 1.0.0.``, which reads as it says.

A file is taken for a report only when the mark is a whole line of its own, where rolefit puts it:
a posting that quotes the words elsewhere is still read.
"""

from __future__ import annotations

import re

from rolefit import __version__

#: What every page rolefit writes says in its head (a page's mark, looked for in its first bytes).
PAGE = '<meta name="generator" content="rolefit'
#: How far into a file the page's mark is looked for.
PAGE_HEAD = 2000
_VERSION = r"\d[0-9A-Za-z.+-]*"
#: The last line of a Markdown report and of a text report, with rolefit's version for ``{}``.
_MARKDOWN_MARK = "<!-- written by rolefit {} -->"
_TEXT_MARK = "Written by rolefit {}."
_MARKS = re.compile("|".join(re.escape(m).replace(r"\{\}", _VERSION) for m in (_MARKDOWN_MARK, _TEXT_MARK)))


def markdown_mark(version: str = __version__) -> str:
    return _MARKDOWN_MARK.format(version)


def text_mark(version: str = __version__) -> str:
    return _TEXT_MARK.format(version)


def mark_markdown(text: str) -> str:
    """A Markdown report with its mark as the last line, after a blank one."""
    return _last(text, markdown_mark())


def mark_text(text: str) -> str:
    """A text report with its mark as the last line, after a blank one."""
    return _last(text, text_mark())


def _last(text: str, mark: str) -> str:
    return f"{text.rstrip(chr(10))}\n\n{mark}\n"


def written_by_rolefit(text: str) -> str | None:
    """What of rolefit's ``text`` is ("page", "report"), or None when it bears no mark of ours."""
    if PAGE in text[:PAGE_HEAD]:
        return "page"
    last = text.rstrip().rpartition("\n")[2].strip()
    return "report" if _MARKS.fullmatch(last) else None
