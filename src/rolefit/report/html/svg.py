"""The few SVG pieces every chart is made of: escaped text, bars, a legend, the frame.

Every chart is a string of SVG that escapes each label itself (they come from catalogues,
answers files and postings), so a page can put it in as it is. A chart carries no namespace
inside a page (HTML needs none); :func:`standalone` adds it, and the styles, for an ``.svg``
file. Colours are classes (``c-pos``, ``c-s0``...), so the page's light and dark themes apply.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from html import escape
from typing import Any

from rolefit.text import html_safe

#: Charts are drawn on a canvas this wide; pages scale them to the column.
WIDTH = 360
#: A label's line, in canvas units.
LINE = 17
#: The most a part of a long chart may be tall, in canvas units. Printed, a chart is at most 30rem
#: (127 mm) wide, so WIDTH's 360 units are 0.35 mm each and an A4 page's printable height (269 mm)
#: is 760 of them; the first part shares its page with the page's heading, the section's and the
#: caption. A page prints each part whole (``figure.parts`` in page.css).
PART_HEIGHT = 580.0
#: How many series colours the styles define (``c-s0`` to ``c-s5``); more reuse them.
SERIES = 6

_ID = re.compile(r"^[a-z][a-z0-9-]*$")
_VIEWBOX = re.compile(r'viewBox="0 0 ([0-9.]+) ([0-9.]+)"')


def esc(text: str) -> str:
    """Text made safe for SVG and HTML content and attribute values: its markup escaped, and the
    characters that could hide or reorder it, or that a page may not hold, shown as visible escapes
    (:func:`rolefit.text.html_safe`: ``\\u202e``, as on the terminal)."""
    return escape(html_safe(text), quote=True)


def num(x: float) -> str:
    """A coordinate, rounded so the same chart is always the same bytes."""
    value = round(x, 1) + 0.0
    return f"{value:g}"


#: How wide a label's characters are drawn, in ems, by the widest of the fonts the styles name
#: that a reader may have (DejaVu Sans, where no system font is set; the others are narrower):
#: the narrow ones, the widest ones, capitals, and the rest of the letters and digits.
_NARROW = frozenset(" !'()*,-./:;I[\\]`fijlrt|’")
_WIDEST = frozenset("%@MWm—…")
#: The size of a label's text (``.c-label``), in canvas units.
LABEL_SIZE = 13.5


def _em(char: str) -> float:
    if char in _NARROW:
        return 0.4
    if char in _WIDEST:
        return 1.0
    if unicodedata.east_asian_width(char) in "WF":
        return 1.0
    if char.isupper() or char == "w":
        return 0.82
    if char.isalnum():
        return 0.64
    return 0.86


def text_width(text: str, size: float = LABEL_SIZE) -> float:
    """About how wide ``text`` is drawn at font size ``size``, in canvas units (never less than it is)."""
    return size * sum(map(_em, text))


def cut(text: str, room: float, keep: str = "", size: float = LABEL_SIZE) -> str:
    """``text`` and ``keep`` if they fit in ``room`` canvas units at font size ``size``, else ``text``
    cut short at the end of a word ("Senior Product Owner (Data…") and then ``keep`` (a posting's
    file id, which tells rows of one title apart; cut with the rest if it takes half the room).
    Within a word only when the first word alone is too long."""
    if text_width(text + keep, size) <= room:
        return text + keep
    if text_width(keep, size) > room / 2:
        text, keep = text + keep, ""
    left = room - text_width("…" + keep, size)
    used, fits = 0.0, 0
    for char in text:
        used += size * _em(char)
        if used > left:
            break
        fits += 1
    piece = text[:fits]
    if fits < len(text) and not text[fits].isspace() and " " in piece.strip():  # (cut in a word: back to its start)
        piece = piece[: piece.rstrip().rfind(" ")]
    return piece.rstrip(" ,;:-–—/(") + "…" + keep


def series_class(k: int) -> str:
    return f"c-s{k % SERIES}"


def text(x: float, y: float, content: str, cls: str = "c-label", anchor: str = "start", tip: str = "") -> str:
    """A text; with ``tip``, that as its tooltip (the whole of a label cut short)."""
    extra = f' text-anchor="{anchor}"' if anchor != "start" else ""
    inner = f"<title>{esc(tip)}</title>{esc(content)}" if tip else esc(content)
    return f'<text x="{num(x)}" y="{num(y)}" class="{cls}"{extra}>{inner}</text>'


def label(
    x: float, y: float, content: str, room: float, keep: str = "", cls: str = "c-label", size: float = LABEL_SIZE
) -> str:
    """``content`` and ``keep`` as a text cut to fit ``room`` (:func:`cut`); one cut short carries
    its whole text as its tooltip."""
    content, keep = html_safe(content), html_safe(keep)  # (cut as it is shown: an escape is six characters wide)
    shown = cut(content, room, keep, size)
    return text(x, y, shown, cls, tip="" if shown == content + keep else content + keep)


def rect(x: float, y: float, w: float, h: float, cls: str) -> str:
    return f'<rect x="{num(x)}" y="{num(y)}" width="{num(max(w, 0.0))}" height="{num(h)}" class="{cls}"/>'


def line(x1: float, y1: float, x2: float, y2: float, cls: str) -> str:
    return f'<line x1="{num(x1)}" y1="{num(y1)}" x2="{num(x2)}" y2="{num(y2)}" class="{cls}"/>'


def circle(x: float, y: float, r: float, cls: str) -> str:
    return f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(r)}" class="{cls}"/>'


def legend(items: Sequence[tuple[str, str]], y: float, width: float = WIDTH) -> tuple[str, float]:
    """Swatches and names, flowed over as many lines as they need; the SVG and the next free y."""
    parts: list[str] = []
    x, top = 0.0, y
    for name, cls in items:
        shown = cut(html_safe(name), width - 16)
        room = 16 + text_width(shown) + 14
        if x > 0 and x + room > width:
            x, y = 0.0, y + LINE
        parts.append(rect(x, y - 10, 11, 11, cls) + text(x + 16, y, shown))
        x += room
    return "".join(parts), (y + LINE if items else top)


def in_parts(
    groups: Sequence[Sequence[Any]], draw: Callable[[Sequence[Any], str, str], str], chart_id: str, title: str
) -> list[str]:
    """A chart of each group of rows (``draw(rows, chart_id, title)``): one, whole, when there is one
    group; else each its part, "chart-1", "Title (1 of 3)" and so on."""
    if len(groups) <= 1:
        return [draw(groups[0] if groups else [], chart_id, title)]
    n = len(groups)
    return [draw(group, f"{chart_id}-{k}", f"{title} ({k} of {n})") for k, group in enumerate(groups, 1)]


def frame(chart_id: str, title: str, desc: str, height: float, body: str, width: float = WIDTH) -> str:
    """The chart's ``<svg>``: an image with its title and a text equivalent of what it shows."""
    if not _ID.match(chart_id):
        raise ValueError(f"not a chart id: {chart_id!r}")
    w, h = num(width), num(height)
    return (
        f'<svg class="chart" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
        f'aria-labelledby="{chart_id}-t" aria-describedby="{chart_id}-d" id="{chart_id}">'
        f'<title id="{chart_id}-t">{esc(title)}</title><desc id="{chart_id}-d">{esc(desc)}</desc>'
        f"{body}</svg>"
    )


def size(chart: str) -> tuple[float, float]:
    """A chart's width and height, from its viewBox."""
    found = _VIEWBOX.search(chart)
    if found is None:
        raise ValueError("not a chart: no viewBox")
    return float(found.group(1)), float(found.group(2))


def standalone(charts: Sequence[str], title: str, css: str, gap: float = 24, pad: float = 16) -> str:
    """One SVG image of ``charts``, one under the other, on a plain background, with its styles.

    It is valid XML, names the SVG namespace, and loads nothing: no font, no image."""
    body: list[str] = []
    y = pad
    width = max((size(c)[0] for c in charts), default=WIDTH)
    for chart in charts:
        h = size(chart)[1]
        body.append(chart.replace("<svg ", f'<svg x="{num(pad)}" y="{num(y)}" ', 1))
        y += h + gap
    total_w, total_h = num(width + 2 * pad), num(y - gap + pad)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {total_w} {total_h}" '
        f'width="{total_w}" height="{total_h}" class="rolefit">'
        f"<title>{esc(title)}</title><style>{esc_css(css)}</style>"
        f'<rect width="100%" height="100%" class="c-page"/>{"".join(body)}</svg>\n'
    )


def esc_css(css: str) -> str:
    """Styles inside an SVG ``<style>``: XML text, so ``&`` and ``<`` escaped (ours have none)."""
    return css.replace("&", "&amp;").replace("<", "&lt;")
