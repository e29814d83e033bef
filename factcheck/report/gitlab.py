"""GitLab reporter: a GitLab Code Quality report (JSON).

This module owns the ``gitlab`` format (ruff's ``gitlab``), the report a CI
job publishes as ``artifacts:reports:codequality`` so that merge requests show
what changed.  It is a JSON array with one entry per finding, then one per
input error::

    {"description": "numbers.conflict: sanctions on Russia: ...",
     "check_name": "numbers.conflict",
     "fingerprint": "9d3c…",
     "severity": "major",
     "location": {"path": "news/a.md", "lines": {"begin": 7, "end": 7}}}

* ``description`` starts with the rule id (GitLab does not show
  ``check_name``), then the message; the claims other than the first are
  listed after it (``(also at path:line:col: “value as written”)``);
* ``severity``: error is ``major``, warning ``minor``, info ``info``; an input
  error is ``major``, with check name ``input-error`` and line 1;
* ``location``: the first claim's file and lines.  GitLab wants paths relative
  to the project, so an absolute path under ``CI_PROJECT_DIR`` is made
  relative to it (the environment is the ``env`` parameter, ``os.environ``
  by default);
* ``fingerprint``: what GitLab matches between the base and head of a merge
  request, so it must be stable and unique.  It is the SHA-256 (hex) of the
  finding id (which holds no line numbers) and the location's index; should
  two entries still share one, the later is hashed again with the earlier's
  fingerprint until unique.

Pretty-printed with two-space indentation, UTF-8 text as is, deterministic.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, TextIO

from factcheck.model import ErrorEntry, Finding, Report, Severity

if TYPE_CHECKING:
    from factcheck.report import ReportOptions

SEVERITIES: dict[Severity, str] = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}
INPUT_ERROR = "input-error"
INPUT_ERROR_SEVERITY = "major"


def build(report: Report, env: Mapping[str, str] = os.environ) -> list[dict[str, Any]]:
    """The Code Quality entries, findings first, then input errors."""
    root = env.get("CI_PROJECT_DIR") or None
    taken: set[str] = set()
    entries = [finding_entry(finding, _unique(fingerprint(finding.id, 0), taken), root) for finding in report.findings]
    entries.extend(
        error_entry(error, _unique(fingerprint(f"{INPUT_ERROR}\0{error.path}", 0), taken), root)
        for error in report.errors
    )
    return entries


def dumps(report: Report, env: Mapping[str, str] = os.environ) -> str:
    """The Code Quality report as JSON text, ending with a newline."""
    return json.dumps(build(report, env), indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def write(report: Report, stream: TextIO, options: ReportOptions, env: Mapping[str, str] = os.environ) -> None:
    """Write the Code Quality report to ``stream``."""
    stream.write(dumps(report, env))


def finding_entry(finding: Finding, fingerprint: str, root: str | None = None) -> dict[str, Any]:
    """One entry: the finding at its first claim, the other claims in the description."""
    description = f"{finding.rule}: {finding.message}"
    others = [f"{loc.path}:{loc.line}:{loc.column}: “{loc.text}”" for loc in finding.locations[1:]]
    if others:
        description += " (also at " + "; ".join(others) + ")"
    if finding.locations:
        first = finding.locations[0]
        path, begin, end = relative_path(first.path, root), first.line, first.end_line
    else:
        path, begin, end = ".", 1, 1
    return {
        "description": description,
        "check_name": finding.rule,
        "fingerprint": fingerprint,
        "severity": SEVERITIES[finding.severity],
        "location": {"path": path, "lines": {"begin": begin, "end": end}},
    }


def error_entry(error: ErrorEntry, fingerprint: str, root: str | None = None) -> dict[str, Any]:
    """One entry for a file that could not be read."""
    return {
        "description": f"{INPUT_ERROR}: {error.message}",
        "check_name": INPUT_ERROR,
        "fingerprint": fingerprint,
        "severity": INPUT_ERROR_SEVERITY,
        "location": {"path": relative_path(error.path, root), "lines": {"begin": 1, "end": 1}},
    }


def fingerprint(key: str, index: int, salt: str = "") -> str:
    """SHA-256 (hex) of a finding id (or other stable key), a location index and an optional salt."""
    return hashlib.sha256(f"{salt}\0{key}\0{index}".encode()).hexdigest()


def relative_path(path: str, root: str | None) -> str:
    """``path`` relative to ``root`` when it is an absolute path inside it; else as given."""
    if root is None or not PurePath(path).is_absolute():
        return path
    try:
        return PurePath(path).relative_to(root).as_posix()
    except ValueError:
        return path


def _unique(value: str, taken: set[str]) -> str:
    """``value``, hashed again with itself as salt while it is taken; records the result as taken."""
    while value in taken:
        value = fingerprint(value, 0, salt=value)
    taken.add(value)
    return value
