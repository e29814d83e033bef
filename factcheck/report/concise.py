"""Concise reporter: one line per finding, for terminals, logs and editors.

This module owns the ``concise`` format (ruff's ``concise``).  Each finding
is one line, pointing at its first location::

    news/a.md:7:65: error [numbers.conflict] sanctions on Russia: at least 21,692 in ...

then each input error (a file that could not be read) as ``path: error:
message``, then one summary line::

    Found 2 findings (1 error, 1 warning, 0 info) in 2 documents; 1 input error.

or ``No findings in 2 documents.``  Lines and columns are 1-based, columns
counted in characters, so editors and ``grep``-style tools can jump to them.
A finding without a location starts at its severity.

Text from articles and the file system is untrusted: control characters
(newlines included) and bidirectional overrides become spaces, so every
finding stays on one line and cannot inject terminal escape sequences.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from factcheck.model import ErrorEntry, Finding, Report, Severity
from factcheck.report.rich_report import clean

if TYPE_CHECKING:
    from factcheck.report import ReportOptions


def finding_line(finding: Finding) -> str:
    """``path:line:col: severity [rule] message``."""
    text = f"{finding.severity.label} [{clean(finding.rule)}] {clean(finding.message)}"
    if not finding.locations:
        return text
    first = finding.locations[0]
    return f"{clean(first.path)}:{first.line}:{first.column}: {text}"


def error_line(error: ErrorEntry) -> str:
    """``path: error: message``."""
    return f"{clean(error.path)}: error: {clean(error.message)}"


def summary_line(report: Report) -> str:
    """``Found 2 findings (1 error, 1 warning, 0 info) in 2 documents; 1 input error.``"""
    where = f" in {_count(len(report.documents), 'document')}"
    if report.errors:
        where += f"; {_count(len(report.errors), 'input error')}"
    if not report.findings:
        return f"No findings{where}."
    counts = report.by_severity()
    by_severity = ", ".join(
        f"{counts[s.label]} {s.label}" if s is Severity.INFO else _count(counts[s.label], s.label)
        for s in sorted(Severity, reverse=True)
    )
    return f"Found {_count(len(report.findings), 'finding')} ({by_severity}){where}."


def write(report: Report, stream: TextIO, options: ReportOptions) -> None:
    """Write one line per finding, one per input error, and the summary line to ``stream``."""
    for finding in report.findings:
        stream.write(finding_line(finding) + "\n")
    for error in report.errors:
        stream.write(error_line(error) + "\n")
    stream.write(summary_line(report) + "\n")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
