"""Reporters: the only code that writes a run's output.

This package owns the reporter interface and the registry of output formats.
A reporter is a function ``write(report, stream, options)`` that renders a
finished :class:`~factcheck.model.Report` to ``stream`` and nowhere else
(no printing, no logging, no files of its own).  One module per format of
a check run's report:

    json_report   machine-readable, versioned (``docs/output-schema.md``)
    rich_report   human-readable terminal output built with rich

Callers pick a format by name with :func:`get_writer`; ``FORMATS`` lists the
names in the order they are offered to users.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from factcheck.errors import UsageError
from factcheck.model import Report
from factcheck.report import json_report, rich_report

__all__ = ["FORMATS", "ReportOptions", "Writer", "get_writer"]


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """How to render: what a reporter may not decide for itself.

    ``color`` turns ANSI colour on or off (machine formats ignore it);
    ``width`` is the terminal width in columns, ``None`` to let rich detect it
    (tests pass 80); ``tool_version`` is the factcheck version to record.
    """

    color: bool = False
    width: int | None = None
    tool_version: str = "0.0.0"


Writer = Callable[[Report, TextIO, ReportOptions], None]

FORMATS: dict[str, Writer] = {
    "json": json_report.write,
    "rich": rich_report.write,
}


def get_writer(name: str) -> Writer:
    """The writer for format ``name``; :class:`UsageError` names the choices."""
    try:
        return FORMATS[name]
    except KeyError:
        choices = ", ".join(FORMATS)
        raise UsageError(f"unknown format {name!r} (expected one of: {choices})") from None
