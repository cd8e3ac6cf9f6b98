"""An audit of the quiz's length as a table, CSV, JSON or Markdown."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from rolefit.audit import AUDITED, Audit
from rolefit.report.text import csv_text, md_text
from rolefit.report.widgets import safe, terminal_safe


def to_data(audit: Audit) -> dict[str, Any]:
    """The audit as data: files in the order given, each mode's questions in the order asked."""
    return {
        "files": [
            {
                "file": a.file,
                "full": a.full,
                "modes": {m: {"asked": list(a.modes[m].asked), "top": a.modes[m].top} for m in AUDITED},
            }
            for a in audit.files
        ],
        "summary": {
            "files": audit.summary.files,
            "questions": audit.summary.questions,
            "modes": {
                s.mode: {
                    "median": s.median,
                    "p90": s.p90,
                    "agreement": None if s.agreement is None else round(s.agreement, 4),
                }
                for s in audit.summary.modes
            },
        },
        "failures": [{"file": str(f.path), "line": f.line, "message": f.message} for f in audit.failures],
    }


def to_json(audit: Audit) -> str:
    return json.dumps(to_data(audit), indent=2, ensure_ascii=False) + "\n"


def to_csv(audit: Audit) -> str:
    """One line per file: ``file,full,<mode>_asked,<mode>_top,<mode>_agrees...``; ``asked`` is a
    number, a text cell a spreadsheet would take for a formula starts with a single quote."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["file", "full", *(f"{m}_{c}" for m in AUDITED for c in ("asked", "top", "agrees"))])
    for a in audit.files:
        cells = []
        for m in AUDITED:
            run = a.modes[m]
            cells += [str(len(run.asked)), csv_text(run.top), "yes" if run.top == a.full else "no"]
        writer.writerow([csv_text(a.file), csv_text(a.full), *cells])
    return buffer.getvalue()


def summary_lines(audit: Audit) -> list[str]:
    s = audit.summary
    if not s.files:
        return ["No file was audited."]
    lines = [f"{s.files} {'file' if s.files == 1 else 'files'}, {s.questions} questions in the full quiz."]
    for m in s.modes:
        assert m.median is not None and m.agreement is not None  # (known for one file audited or more)
        lines.append(
            f"{m.mode}: median {m.median:g} questions, 90th percentile {m.p90}; "
            f"the same top role as the full quiz for {m.agreement:.0%} of the files."
        )
    return lines


def _common_folder(files: list[str]) -> str:
    """The folder every file is in (``examples/answers/``), as written, when there are several; else ``""``."""
    if len(files) < 2:
        return ""
    try:
        common = os.path.commonpath([str(Path(f).parent) for f in files])
    except ValueError:  # absolute and relative names mixed
        return ""
    prefix = common.rstrip("/") + "/"
    return prefix if common not in ("", ".", "/") and all(f.startswith(prefix) for f in files) else ""


def render(audit: Audit, console: Console, failures: bool = False) -> None:
    """The table, a row per file (named within the folder they share, said above it), and the summary;
    with ``failures``, the files that could not be audited too (a saved audit must not hide them: on
    the screen they are said on standard error)."""
    folder = _common_folder([a.file for a in audit.files])
    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column("File", overflow="fold", ratio=1)
    table.add_column("Full quiz", no_wrap=True, overflow="ellipsis")
    for m in AUDITED:
        table.add_column(f"{m.capitalize()}\nasked", justify="right", no_wrap=True)
        table.add_column(f"{m.capitalize()}\ntop", no_wrap=True, overflow="ellipsis")
    for a in audit.files:
        cells: list[str | Text] = [safe(a.file[len(folder) :]), safe(a.full)]
        for m in AUDITED:
            run = a.modes[m]
            cells += [str(len(run.asked)), safe(run.top, style="" if run.top == a.full else "bold red")]
        table.add_row(*cells)
    if audit.files:
        if folder:  # on a line of its own: a long folder in the column's header was cut mid-word
            console.print(safe(f"Files in {folder}"), soft_wrap=True)
        console.print(table)
    for line in summary_lines(audit):
        console.print(safe(line))
    if failures and audit.failures:
        console.print()
        console.print(safe("Not audited:"))
        for f in audit.failures:
            console.print(safe(f"  {f.where}: {f.message}"))


def saved(audit: Audit, kind: str) -> str:
    """The screen's audit as a file (text, HTML or SVG), with the files that could not be audited."""
    from rolefit.report import export

    def draw(console: Console) -> None:
        render(audit, console, failures=True)

    if kind == "html":
        return export.to_html(draw, "rolefit audit")
    if kind == "svg":
        return export.to_svg(draw, "rolefit audit")
    return export.to_text(draw)


def to_markdown(audit: Audit) -> str:
    head = "| File | Full quiz | " + " | ".join(f"{m} asked | {m} top" for m in AUDITED) + " |"
    out = [head, "| --- | --- |" + " ---: | --- |" * len(AUDITED)]
    for a in audit.files:
        cells = " | ".join(f"{len(a.modes[m].asked)} | {md_text(a.modes[m].top)}" for m in AUDITED)
        out.append(f"| {md_text(a.file)} | {md_text(a.full)} | {cells} |")
    out += ["", *summary_lines(audit)]
    if audit.failures:  # (a shared page must not hide who was left out)
        out += ["", "Not audited:", ""]
        out += [f"- {md_text(str(f.where))}: {md_text(f.message)}" for f in audit.failures]
    return "\n".join(out) + "\n"


def failure_lines(audit: Audit) -> list[str]:
    return [terminal_safe(f"could not audit {f.where}: {f.message}") for f in audit.failures]
