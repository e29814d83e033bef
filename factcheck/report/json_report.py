"""JSON reporter: the machine-readable report, a versioned contract.

This module owns the JSON output format.  Its shape is documented field by
field in ``docs/output-schema.md`` and checked against the JSON Schema in
``docs/output-schema.json``; change it deliberately and bump
``SCHEMA_VERSION`` on any breaking change (adding a field is not breaking).

Every part of the document comes from the model's ``to_dict()`` methods, so
there is one serialised shape per type.  The output is deterministic: fixed
key order, two-space indent, UTF-8 text as is (no ``\\u`` escapes) and a
trailing newline.  Numbers are written as the model holds them; the only
exception is a non-finite float (NaN, infinity), which JSON cannot express
and is written as ``null``.
"""

from __future__ import annotations

import json
import math
from typing import TYPE_CHECKING, Any, TextIO

from factcheck.model import Report

if TYPE_CHECKING:
    from factcheck.report import ReportOptions

SCHEMA_VERSION = 1
TOOL_NAME = "factcheck"


def build(report: Report, options: ReportOptions) -> dict[str, Any]:
    """The report as plain JSON-ready data, keys in their documented order."""
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": TOOL_NAME, "version": options.tool_version},
        "documents": [_finite(doc.to_dict()) for doc in report.documents],
        "findings": [_finite(finding.to_dict()) for finding in report.findings],
        "errors": [_finite(error.to_dict()) for error in report.errors],
        "summary": report.summary(),
    }


def dumps(report: Report, options: ReportOptions) -> str:
    """The report as JSON text, ending with a newline."""
    return json.dumps(build(report, options), indent=2, ensure_ascii=False, sort_keys=False, allow_nan=False) + "\n"


def write(report: Report, stream: TextIO, options: ReportOptions) -> None:
    """Write the JSON report to ``stream``."""
    stream.write(dumps(report, options))


def _finite(value: Any) -> Any:
    """``value`` with every non-finite float replaced by ``None``; all else untouched."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    return value
