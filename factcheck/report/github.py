"""GitHub reporter: GitHub Actions workflow commands, plus a step summary.

This module owns the ``github`` format (ruff's ``github``).  Each finding
becomes one workflow command, which GitHub shows as an annotation on the
file and in the pull request's diff::

    ::error file=news/a.md,line=7,col=65,endLine=7,endColumn=80,title=factcheck numbers.conflict::sanctions on ...

``::error``, ``::warning`` or ``::notice`` (for info) by severity; the first
claim is the annotation's place (columns 1-based, ``endColumn`` just after the
claim).  Each input error becomes ``::error file=PATH,title=factcheck input
error::MESSAGE``.  Values are escaped as GitHub's toolkit does: in
properties ``%`` ``\\r`` ``\\n`` ``:`` ``,`` become ``%25`` ``%0D`` ``%0A``
``%3A`` ``%2C``; in the message only the first three.  GitHub resolves
``file`` against the workspace, so an absolute path under
``GITHUB_WORKSPACE`` is written relative to it.

GitHub shows only a few annotations per step, so when ``GITHUB_STEP_SUMMARY``
names a file the whole report in Markdown (the ``markdown`` format) is
appended to it; the file is never truncated, since other commands of the step
write there too.  GitHub takes at most ``SUMMARY_LIMIT`` bytes per step; a
longer report is cut to fewer finding sections (the summary line still counts
them all).  If the file cannot be written, a ``::warning`` says so instead.

The environment is a parameter (``env``, ``os.environ`` by default) so that
tests can pass their own.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import PurePath
from typing import TYPE_CHECKING, TextIO

from factcheck.model import ErrorEntry, Finding, Report, Severity
from factcheck.report import markdown

if TYPE_CHECKING:
    from factcheck.report import ReportOptions

COMMANDS: dict[Severity, str] = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
TITLE = "factcheck"
SUMMARY_LIMIT = 1024 * 1024
"""Most bytes GitHub accepts in one step's summary."""


def write(report: Report, stream: TextIO, options: ReportOptions, env: Mapping[str, str] = os.environ) -> None:
    """Write one workflow command per finding and per input error; append the step summary if asked."""
    workspace = env.get("GITHUB_WORKSPACE") or None
    for finding in report.findings:
        stream.write(finding_command(finding, workspace) + "\n")
    for error in report.errors:
        stream.write(error_command(error, workspace) + "\n")
    summary = env.get("GITHUB_STEP_SUMMARY")
    if summary:
        try:
            append_summary(report, options, summary)
        except OSError as error:
            message = f"cannot write the step summary to {summary}: {error.strerror or error}"
            stream.write(command("warning", {"title": TITLE}, message) + "\n")


def finding_command(finding: Finding, workspace: str | None = None) -> str:
    """``::error file=...,line=...,col=...,endLine=...,endColumn=...,title=factcheck RULE::MESSAGE``."""
    properties: dict[str, str] = {}
    if finding.locations:
        first = finding.locations[0]
        properties = {
            "file": relative_path(first.path, workspace),
            "line": str(first.line),
            "col": str(first.column),
            "endLine": str(first.end_line),
            "endColumn": str(first.end_column),
        }
    properties["title"] = f"{TITLE} {finding.rule}"
    return command(COMMANDS[finding.severity], properties, finding.message)


def error_command(error: ErrorEntry, workspace: str | None = None) -> str:
    """``::error file=PATH,title=factcheck input error::MESSAGE``."""
    properties = {"file": relative_path(error.path, workspace), "title": f"{TITLE} input error"}
    return command("error", properties, error.message)


def command(name: str, properties: Mapping[str, str], message: str) -> str:
    """One workflow command line, every part escaped."""
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{name} {props}::{escape_data(message)}" if props else f"::{name}::{escape_data(message)}"


def escape_data(text: str) -> str:
    """A command's message as GitHub's toolkit escapes it: ``%``, CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A command property's value as GitHub's toolkit escapes it: also ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def relative_path(path: str, workspace: str | None) -> str:
    """``path`` relative to ``workspace`` when it is an absolute path inside it; else as given."""
    if workspace is None or not PurePath(path).is_absolute():
        return path
    try:
        return PurePath(path).relative_to(workspace).as_posix()
    except ValueError:
        return path


def summary_text(report: Report, options: ReportOptions, budget: int = SUMMARY_LIMIT) -> str:
    """The Markdown report, with fewer finding sections if it would take more than ``budget`` bytes."""
    text = markdown.render(report, options)
    limit = len(report.findings)
    while len(text.encode("utf-8")) > budget and limit > 0:
        limit //= 2
        text = markdown.render(report, options, limit=limit)
    return text


def append_summary(report: Report, options: ReportOptions, path: str) -> None:
    """Append the Markdown report to the step summary file at ``path``."""
    used = os.path.getsize(path) if os.path.exists(path) else 0
    separator = "\n" if used else ""
    text = separator + summary_text(report, options, SUMMARY_LIMIT - used - len(separator))
    with open(path, "a", encoding="utf-8", newline="\n") as file:
        file.write(text)
