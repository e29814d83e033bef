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

The text is what ``json.dumps(..., indent=2, ensure_ascii=False)`` writes, byte for byte, but
written by ``_Indented``: the standard library drops to its pure-Python encoder whenever ``indent``
is set, a third of a 10,000-article run's report time.
"""

from __future__ import annotations

import json
import math
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
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
        "findings": findings(report),
        "errors": [_finite(error.to_dict()) for error in report.errors],
        "summary": report.summary(),
    }


def findings(report: Report) -> list[dict[str, Any]]:
    """The findings as ``build`` has them, without building the rest."""
    return [_finite(finding.to_dict()) for finding in report.findings]


def _document(report: Report, options: ReportOptions) -> dict[str, Any]:
    """``build`` before non-finite floats become None: ``dumps`` writes them as null itself (the
    summary holds only counts)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": TOOL_NAME, "version": options.tool_version},
        "documents": [doc.to_dict() for doc in report.documents],
        "findings": [finding.to_dict() for finding in report.findings],
        "errors": [error.to_dict() for error in report.errors],
        "summary": report.summary(),
    }


def dumps(report: Report, options: ReportOptions) -> str:
    """The report as JSON text, ending with a newline."""
    parts: list[str] = []
    _Indented(parts.append).value(_document(report, options), 0)
    parts.append("\n")
    return "".join(parts)


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


class _Indented:
    """``json.dumps(value, indent=2, ensure_ascii=False, allow_nan=False)`` of ``_finite(value)``, in
    pieces handed to ``out``: every container on its own lines, two spaces a level, each scalar
    written as the standard library writes it (a str by its C ``encode_basestring``, an int or a float
    by its ``repr``); a value the standard library cannot write is handed to it for its error.

    A container of scalars only (a location, a document) is written whole by the standard library's
    C encoder, told to separate items by a newline and the indentation of their level."""

    def __init__(self, out: Any) -> None:
        self.out = out
        self.indents = ["\n"]
        self.flat_encoders: list[Any] = []

    def indent(self, level: int) -> str:
        while len(self.indents) <= level:
            self.indents.append(self.indents[-1] + "  ")
        return self.indents[level]

    def value(self, value: Any, level: int) -> None:
        scalar = _scalar(value)
        if scalar is not None:
            self.out(scalar)
            return
        if isinstance(value, list | tuple):
            items: Any = value
        elif isinstance(value, dict):
            items = value.values()
        else:
            self.out(json.dumps(value, allow_nan=False))  # raises the standard library's TypeError
            return
        if value and all(type(item) in _FLAT_TYPES for item in items) and self.flat(value, level):
            return
        if isinstance(value, dict):
            self.mapping(value, level)
        else:
            self.sequence(value, level)

    def flat(self, value: Any, level: int) -> bool:
        """Write a non-empty container of plain scalars by the C encoder; False when it cannot (no C
        encoder, or a non-finite float, which it refuses and ``_scalar`` writes as null)."""
        if c_make_encoder is None:
            return False
        while len(self.flat_encoders) <= level:
            separator = "," + self.indent(len(self.flat_encoders) + 1)
            self.flat_encoders.append(
                c_make_encoder(None, _not_serialisable, encode_basestring, None, ": ", separator, False, False, False)
            )
        try:
            text = "".join(self.flat_encoders[level](value, 0))
        except ValueError:
            return False
        self.out(text[0] + self.indent(level + 1) + text[1:-1] + self.indent(level) + text[-1])
        return True

    def mapping(self, value: dict[Any, Any], level: int) -> None:
        if not value:
            self.out("{}")
            return
        out = self.out
        inner = self.indent(level + 1)
        opener = "{" + inner
        separator = "," + inner
        for key, item in value.items():
            name = encode_basestring(key if type(key) is str else _key(key))
            scalar = _scalar(item)
            if scalar is not None:
                out(opener + name + ": " + scalar)
            else:
                out(opener + name + ": ")
                self.value(item, level + 1)
            opener = separator
        out(self.indent(level) + "}")

    def sequence(self, value: list[Any] | tuple[Any, ...], level: int) -> None:
        if not value:
            self.out("[]")
            return
        out = self.out
        inner = self.indent(level + 1)
        opener = "[" + inner
        separator = "," + inner
        for item in value:
            scalar = _scalar(item)
            if scalar is not None:
                out(opener + scalar)
            else:
                out(opener)
                self.value(item, level + 1)
            opener = separator
        out(self.indent(level) + "]")


_FLAT_TYPES = frozenset({str, int, float, bool, type(None)})


def _not_serialisable(value: Any) -> Any:
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


_CONSTANTS: dict[Any, str] = {None: "null", True: "true", False: "false"}


def _scalar(value: Any) -> str | None:
    """A scalar's JSON text as ``json.dumps`` writes it (a non-finite float as null); None for anything else."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if kind is int:
        return int.__repr__(value)
    if kind is float:
        return float.__repr__(value) if math.isfinite(value) else "null"
    if value is None or kind is bool:
        return _CONSTANTS[value]
    # Subclasses, in the order the standard library tests them (an IntEnum is written as its int).
    if isinstance(value, str):
        return encode_basestring(value)
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return float.__repr__(value) if math.isfinite(value) else "null"
    return None


def _key(key: Any) -> str:
    """A dict key that is not a str, as the standard library writes it (its TypeError for any other)."""
    text: str = json.dumps({key: None}, allow_nan=False)
    return str(json.loads(text).popitem()[0])
