"""JUnit reporter: JUnit XML, for the test-report views of CI systems.

This module owns the ``junit`` format.  One ``<testsuite name="factcheck">``
inside ``<testsuites>``, holding, in this order:

* one failing ``<testcase>`` per finding: ``classname`` is the rule id,
  ``name`` is ``rule:path:line:col:finding-id`` (made unique with a `` (2)``,
  `` (3)``… suffix should two findings share it), ``file`` and ``line`` give
  the first claim; its ``<failure>`` has the severity as ``type``, the
  message as ``message``, and the claims (``path:line:col: value as
  written``, one a line) as its text;
* one passing ``<testcase>`` per document without any finding, named after
  the file (classname ``factcheck``), as ruff reports a clean file;
* one ``<testcase>`` per input error, named after the file (classname
  ``factcheck.input``), with an ``<error>``.

``tests``, ``failures``, ``errors`` and ``skipped`` on both elements count
exactly these.  The XML is built with ElementTree, which escapes markup;
characters XML 1.0 cannot hold at all (most control characters) become
U+FFFD.  The output is UTF-8 text with an XML declaration, indented two
spaces, and deterministic.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, TextIO

from factcheck.model import Finding, Report

if TYPE_CHECKING:
    from factcheck.report import ReportOptions

SUITE_NAME = "factcheck"
DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def build(report: Report) -> ET.Element:
    """The ``<testsuites>`` element."""
    names: set[str] = set()
    cases = [finding_case(finding, _unique(case_name(finding), names)) for finding in report.findings]
    flagged = {loc.path for finding in report.findings for loc in finding.locations}
    for document in report.documents:
        if document.path not in flagged:
            name = _unique(document.path, names)
            cases.append(_element("testcase", name=name, classname=SUITE_NAME, file=document.path))
    for error in report.errors:
        case = _element("testcase", name=_unique(error.path, names), classname=f"{SUITE_NAME}.input", file=error.path)
        case.append(_element("error", type="input-error", message=error.message))
        cases.append(case)
    counts = {
        "tests": str(len(cases)),
        "failures": str(len(report.findings)),
        "errors": str(len(report.errors)),
        "skipped": "0",
    }
    root = _element("testsuites", name=SUITE_NAME, **counts)
    suite = _element("testsuite", name=SUITE_NAME, **counts)
    suite.extend(cases)
    root.append(suite)
    return root


def dumps(report: Report) -> str:
    """The JUnit XML text, ending with a newline."""
    root = build(report)
    ET.indent(root, space="  ")
    return DECLARATION + ET.tostring(root, encoding="unicode") + "\n"


def write(report: Report, stream: TextIO, options: ReportOptions) -> None:
    """Write the JUnit XML report to ``stream``."""
    stream.write(dumps(report))


def case_name(finding: Finding) -> str:
    """``rule:path:line:col:id`` of the first claim (``rule:id`` without one)."""
    if not finding.locations:
        return f"{finding.rule}:{finding.id}"
    first = finding.locations[0]
    return f"{finding.rule}:{first.path}:{first.line}:{first.column}:{finding.id}"


def finding_case(finding: Finding, name: str) -> ET.Element:
    """A failing testcase: ``<failure type=severity message=message>`` with the claims as text."""
    attributes = {"name": name, "classname": finding.rule}
    if finding.locations:
        attributes["file"] = finding.locations[0].path
        attributes["line"] = str(finding.locations[0].line)
    case = _element("testcase", **attributes)
    failure = _element("failure", type=finding.severity.label, message=finding.message)
    failure.text = _xml_text("".join(f"{loc.path}:{loc.line}:{loc.column}: {loc.text}\n" for loc in finding.locations))
    case.append(failure)
    return case


def _unique(name: str, taken: set[str]) -> str:
    """``name``, or ``name (2)``, ``name (3)``… if taken; records the result as taken."""
    candidate, number = name, 1
    while candidate in taken:
        number += 1
        candidate = f"{name} ({number})"
    taken.add(candidate)
    return candidate


def _element(tag: str, **attributes: str) -> ET.Element:
    return ET.Element(tag, {key: _xml_text(value) for key, value in attributes.items()})


def _xml_text(text: str) -> str:
    """``text`` with each character XML 1.0 cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)
