"""JSON Lines reporter: one finding per line, for streaming and ``jq``.

This module owns the ``json-lines`` format (ruff's ``json-lines``): each line
is one finding's ``to_dict()`` as compact JSON, in the report's order, and
nothing else: no header, no documents, no errors, no summary.  An empty
report writes nothing.

A finding is the same object as in the JSON report (``docs/output-schema.md``,
non-finite numbers written as ``null``), so a consumer of one reads the other.
Text is written as UTF-8, not ``\\u`` escapes, except U+0085, U+2028 and U+2029:
they are legal inside JSON strings but some line readers (Python's
``str.splitlines`` among them) take them for line breaks, so they are escaped
and every finding stays on its own line.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TextIO

from factcheck.model import Report
from factcheck.report import json_report

if TYPE_CHECKING:
    from factcheck.report import ReportOptions

_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def lines(report: Report, options: ReportOptions) -> list[str]:
    """One JSON text per finding, without newlines."""
    findings = json_report.findings(report)
    return [json.dumps(finding, ensure_ascii=False, allow_nan=False).translate(_LINE_BREAKS) for finding in findings]


def write(report: Report, stream: TextIO, options: ReportOptions) -> None:
    """Write one line of JSON per finding to ``stream``."""
    for line in lines(report, options):
        stream.write(line + "\n")
