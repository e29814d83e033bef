"""Markdown reporter: a report a person reads in a pull-request comment.

This module owns the ``markdown`` format (GitHub Flavored Markdown, also
read by GitLab); the ``github`` format appends the same text to the job's
step summary.  Layout:

* a title, ``## factcheck report``;
* a summary line: ``**2 findings** (1 error, 1 warning, 0 info) in 2
  documents.``, with the number of input errors when there are any, or
  ``No findings in 2 documents.``;
* one section per finding, in the report's order: a ``###`` heading with the
  severity and rule, the message, a table of the claims involved (document,
  ``line:col``, the value as written, and the sentence around it with the
  claim in bold), and the finding's id and kind;
* ``### Input errors``: one ``path: message`` item per file that could not
  be read (only when there are any).

Context sentences are trimmed to about ``rich_report.CONTEXT_WINDOW``
characters around the claim, as in the terminal report.  The claim is bolded
with ``<b>`` rather than ``**``, which does not take effect next to some
punctuation (``US$140bn``).

Text from articles and the file system is untrusted.  Control characters and
bidirectional overrides become spaces and whitespace runs (newlines included)
one space, so no text can start a block of its own.  ``&``, ``<`` and ``>``
become entities, so no HTML gets through; ``$`` becomes ``&#36;``, so
GitHub does not read the text between two prices as a formula; Markdown
punctuation (``\\ ` * _ [ ] | ~ # !``) is backslash-escaped, so no emphasis,
link, image or table cell can be forged; a paragraph that would start a list
is escaped too.  Paths and ids are code spans, with a fence longer than any
run of backticks inside.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, TextIO

from factcheck.model import ErrorEntry, Finding, Location, Report, Severity
from factcheck.report.rich_report import clean, window

if TYPE_CHECKING:
    from factcheck.report import ReportOptions

TITLE = "## factcheck report"

_ESCAPES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    "$": "&#36;",
    **{ch: "\\" + ch for ch in "\\`*_[]|~#!"},
}
_ESCAPE_TABLE = str.maketrans(_ESCAPES)
_BULLET_START = re.compile(r"^([-+])")
_ORDERED_START = re.compile(r"^(\d{1,9})([.)])")
_SPACE_RUN = re.compile(r"\s+")
_BACKTICK_RUN = re.compile(r"`+")


def render(report: Report, options: ReportOptions, *, limit: int | None = None) -> str:
    """The report as Markdown; with ``limit``, only the first ``limit`` findings get a section."""
    shown = report.findings if limit is None else report.findings[: max(limit, 0)]
    parts = [TITLE, summary_line(report)]
    parts.extend(finding_section(number, finding) for number, finding in enumerate(shown, start=1))
    hidden = len(report.findings) - len(shown)
    if hidden:
        parts.append(f"_{_count(hidden, 'more finding')} not shown here._")
    if report.errors:
        parts.append(errors_section(report.errors))
    return "\n\n".join(parts) + "\n"


def write(report: Report, stream: TextIO, options: ReportOptions) -> None:
    """Write the Markdown report to ``stream``."""
    stream.write(render(report, options))


def summary_line(report: Report) -> str:
    """``**2 findings** (1 error, 1 warning, 0 info) in 2 documents. 1 input error.``"""
    where = f" in {_count(len(report.documents), 'document')}."
    errors = f" {_count(len(report.errors), 'input error')}." if report.errors else ""
    if not report.findings:
        return f"No findings{where}{errors}"
    counts = report.by_severity()
    by_severity = ", ".join(
        f"{counts[s.label]} {s.label}" if s is Severity.INFO else _count(counts[s.label], s.label)
        for s in sorted(Severity, reverse=True)
    )
    return f"**{_count(len(report.findings), 'finding')}** ({by_severity}){where}{errors}"


def finding_section(number: int, finding: Finding) -> str:
    """``### 1. Error: `rule` ``, the message, the claims table and the finding's id."""
    heading = f"### {number}. {finding.severity.label.capitalize()}: {code(finding.rule)}"
    parts = [heading, paragraph(finding.message)]
    if finding.locations:
        parts.append(claims_table(finding.locations))
    parts.append(f"Finding {code(finding.id)} ({code(finding.kind)})")
    return "\n\n".join(parts)


def claims_table(locations: tuple[Location, ...]) -> str:
    """One row per claim: document, ``line:col``, the value as written, its sentence."""
    rows = [
        "| document | line:col | as written | context |",
        "| --- | --- | --- | --- |",
    ]
    for loc in locations:
        cells = [code(loc.path, table=True), f"{loc.line}:{loc.column}", escape(loc.text), context(loc)]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def context(loc: Location) -> str:
    """The sentence around ``loc``, trimmed, escaped, with the claim in ``<b>``."""
    shown, lo, hi = claim_context(loc)
    if lo < 0 or hi <= lo:
        return escape(shown)
    return f"{escape(shown[:lo])}<b>{escape(shown[lo:hi])}</b>{escape(shown[hi:])}"


def claim_context(loc: Location) -> tuple[str, int, int]:
    """The sentence around ``loc``, trimmed and cleaned (not escaped), and where the claim sits in it
    (``(-1, -1)`` when it is not there)."""
    return window(*claim_in_sentence(loc))


def errors_section(errors: tuple[ErrorEntry, ...]) -> str:
    """``### Input errors`` and one ``- `path`: message`` item per entry."""
    items = [f"- {code(error.path)}: {escape(error.message)}" for error in errors]
    return "### Input errors\n\n" + "\n".join(items)


def escape(text: str) -> str:
    """Untrusted text as inline Markdown that shows exactly that text (on one line)."""
    return _SPACE_RUN.sub(" ", clean(text)).translate(_ESCAPE_TABLE)


def paragraph(text: str) -> str:
    """Untrusted text as a paragraph of its own: escaped, and never a list item."""
    text = _BULLET_START.sub(r"\\\1", escape(text).strip(), count=1)
    return _ORDERED_START.sub(r"\1\\\2", text, count=1)


def code(text: str, *, table: bool = False) -> str:
    """Untrusted text as a code span; ``table`` escapes ``|``, which would end a table cell even in a span."""
    text = _SPACE_RUN.sub(" ", clean(text)).strip()
    if not text:
        return ""
    fence = "`" * (max((len(run) for run in _BACKTICK_RUN.findall(text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    if table:
        text = text.replace("|", "\\|")
    return f"{fence}{pad}{text}{pad}{fence}"


def claim_in_sentence(loc: Location) -> tuple[str, int, int]:
    """The sentence to show and where the claim sits in it; ``(-1, -1)`` when it is not there."""
    if not loc.sentence:
        return loc.text, 0, len(loc.text)
    start = loc.start - loc.sentence_offset
    end = start + len(loc.text)
    if start >= 0 and loc.sentence[start:end] == loc.text:
        return loc.sentence, start, end
    sentence = _SPACE_RUN.sub(" ", loc.sentence)
    needle = _SPACE_RUN.sub(" ", loc.text).strip()
    matches = [m.start() for m in re.finditer(re.escape(needle), sentence)] if needle else []
    if not matches:
        return sentence, -1, -1
    found = min(matches, key=lambda index: abs(index - start))
    return sentence, found, found + len(needle)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
