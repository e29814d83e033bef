"""SARIF reporter: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

This module owns the ``sarif`` format.  The log validates against the OASIS
SARIF 2.1.0 schema and follows what GitHub code scanning reads
(``github/codeql-action/upload-sarif``).  One run, with:

* ``tool.driver``: name ``factcheck``, the version from the options, and a
  ``rules`` entry per rule: every rule in ``ReportOptions.rules`` (sorted by
  id), then a minimal entry for each rule a finding names that is not there.
  An entry has ``id``, a PascalCase ``name`` made from the id, short and full
  descriptions, ``help`` and ``defaultConfiguration.level``;
* ``invocations[0]``: ``executionSuccessful`` is true (a finding is not a
  failure of the tool) and each input error (a file that could not be read)
  is an error in ``toolExecutionNotifications``;
* ``results``: one per finding, in the report's order.  ``level`` is
  ``error``, ``warning`` or ``note`` (for info).  The first claim is the
  result's location; the other claims are ``relatedLocations`` (ids from 1,
  each with a message giving the value as written), and the message ends
  with embedded links to them (``— see also [18,000](1)``), which is how
  GitHub shows related locations.
  ``partialFingerprints["factcheck/v1"]`` is the finding id, which holds no
  line numbers, so GitHub tracks an alert across edits elsewhere in a file;
* ``columnKind: unicodeCodePoints``: columns, ``charOffset`` and
  ``charLength`` count characters of the decoded text, as everywhere in
  factcheck.

Paths become URIs: a relative path is percent-encoded, with ``/`` as the
separator, and relative to ``%SRCROOT%`` (the directory factcheck was run
from; upload it from the repository root); an absolute path becomes a
``file://`` URI without a base.

The output is deterministic: fixed key order, two-space indent, UTF-8 text as
is, a trailing newline.  Square brackets in message text are escaped with a
backslash (SARIF §3.11.6) so that article text cannot forge a link.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

from factcheck.model import ErrorEntry, Finding, Location, Report, Severity

if TYPE_CHECKING:
    from factcheck.report import ReportOptions, RuleInfo

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
TOOL_NAME = "factcheck"
INFORMATION_URI = "https://github.com/factcheck/factcheck"
"""The project's home page, for ``tool.driver.informationUri``."""

FINGERPRINT_KEY = "factcheck/v1"
SRCROOT = "%SRCROOT%"
INPUT_ERROR_ID = "input-error"

LEVELS: dict[Severity, str] = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
PROBLEM_SEVERITY: dict[Severity, str] = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "recommendation",
}
"""GitHub's ``problem.severity`` rule property for each severity."""

_SENTENCE_END = re.compile(r"(?<=[.!?])\s")
_NAME_PARTS = re.compile(r"[^0-9A-Za-z]+")


def build(report: Report, options: ReportOptions) -> dict[str, Any]:
    """The SARIF log as plain JSON-ready data."""
    rules = rule_entries(report, options.rules)
    index = {rule["id"]: position for position, rule in enumerate(rules)}
    driver: dict[str, Any] = {
        "name": TOOL_NAME,
        "version": options.tool_version,
        "informationUri": INFORMATION_URI,
        "rules": rules,
    }
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "invocations": [invocation(report.errors)],
        "results": [result(finding, index[finding.rule]) for finding in report.findings],
        "columnKind": "unicodeCodePoints",
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def dumps(report: Report, options: ReportOptions) -> str:
    """The SARIF log as JSON text, ending with a newline."""
    return json.dumps(build(report, options), indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def write(report: Report, stream: TextIO, options: ReportOptions) -> None:
    """Write the SARIF log to ``stream``."""
    stream.write(dumps(report, options))


def rule_entries(report: Report, rules: tuple[RuleInfo, ...]) -> list[dict[str, Any]]:
    """``tool.driver.rules``: the known rules by id, then a minimal entry per unknown rule a finding names."""
    known: dict[str, RuleInfo] = {}
    for rule in sorted(rules, key=lambda r: r.id):
        known.setdefault(rule.id, rule)
    entries = [
        rule_entry(rule.id, Severity.parse(rule.severity), rule.description, rule.message, rule.help_uri)
        for rule in known.values()
    ]
    missing: dict[str, Severity] = {}
    for finding in report.findings:
        if finding.rule not in known:
            missing.setdefault(finding.rule, finding.severity)
    entries.extend(rule_entry(rule_id, missing[rule_id]) for rule_id in sorted(missing))
    return entries


def rule_entry(
    rule_id: str, severity: Severity, description: str = "", message: str = "", help_uri: str = ""
) -> dict[str, Any]:
    """One ``reportingDescriptor``; with no description, a minimal one."""
    description = " ".join(description.split())
    short = _first_sentence(description) or f"factcheck rule {rule_id}"
    details = f"Run `factcheck rule {rule_id}` for the rule's options and examples."
    help_parts = [description or short]
    if message:
        help_parts.append(f"Message: {message}")
    help_parts.append(details)
    entry: dict[str, Any] = {
        "id": rule_id,
        "name": rule_name(rule_id),
        "shortDescription": {"text": short},
        "fullDescription": {"text": description or short},
        "help": {"text": "\n\n".join(help_parts)},
        "defaultConfiguration": {"level": LEVELS[severity]},
        "properties": {"problem.severity": PROBLEM_SEVERITY[severity]},
    }
    if help_uri:
        entry["helpUri"] = help_uri
    return entry


def rule_name(rule_id: str) -> str:
    """A PascalCase name from a rule id: ``numbers.conflict`` -> ``NumbersConflict``."""
    return "".join(part[:1].upper() + part[1:] for part in _NAME_PARTS.split(rule_id)) or rule_id


def result(finding: Finding, rule_index: int) -> dict[str, Any]:
    """One ``result``: the first claim as its location, the others as related locations."""
    text = escape_message(finding.message)
    entry: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": text},
    }
    if finding.locations:
        entry["locations"] = [{"physicalLocation": physical_location(finding.locations[0])}]
    related = finding.locations[1:]
    if related:
        links = ", ".join(f"[{escape_message(loc.text)}]({number})" for number, loc in enumerate(related, start=1))
        entry["message"] = {"text": f"{text} — see also {links}"}
        entry["relatedLocations"] = [
            {
                "id": number,
                "physicalLocation": physical_location(loc),
                "message": {"text": f"value as written: {escape_message(loc.text)}"},
            }
            for number, loc in enumerate(related, start=1)
        ]
    entry["partialFingerprints"] = {FINGERPRINT_KEY: finding.id}
    entry["properties"] = {"kind": finding.kind, "subject": finding.subject}
    return entry


def physical_location(loc: Location) -> dict[str, Any]:
    """The file and the claim's region in it."""
    return {
        "artifactLocation": artifact_location(loc.path),
        "region": {
            "startLine": loc.line,
            "startColumn": loc.column,
            "endLine": loc.end_line,
            "endColumn": loc.end_column,
            "charOffset": loc.start,
            "charLength": loc.end - loc.start,
            "snippet": {"text": loc.text},
        },
    }


def artifact_location(path: str) -> dict[str, str]:
    """``uri`` (and ``uriBaseId`` for a relative path) of a file."""
    if PurePath(path).is_absolute():
        return {"uri": Path(path).as_uri()}
    if os.sep != "/":
        path = path.replace(os.sep, "/")
    return {"uri": quote(path, safe="/"), "uriBaseId": SRCROOT}


def invocation(errors: tuple[ErrorEntry, ...]) -> dict[str, Any]:
    """The run's one invocation: successful, with the input errors as notifications."""
    entry: dict[str, Any] = {"executionSuccessful": True}
    if errors:
        entry["toolExecutionNotifications"] = [
            {
                "descriptor": {"id": INPUT_ERROR_ID},
                "level": "error",
                "message": {"text": escape_message(error.message)},
                "locations": [{"physicalLocation": {"artifactLocation": artifact_location(error.path)}}],
            }
            for error in errors
        ]
    return entry


def escape_message(text: str) -> str:
    """Plain message text with ``[`` and ``]`` escaped, so it holds no embedded link."""
    return text.replace("[", "\\[").replace("]", "\\]")


def _first_sentence(text: str) -> str:
    return _SENTENCE_END.split(text, maxsplit=1)[0] if text else ""
