"""Reporters: the only code that writes a run's output.

This package owns the reporter interface and the registry of output formats.
A reporter is a function ``write(report, stream, options)`` that renders a
finished :class:`~factcheck.model.Report` to ``stream`` and nowhere else
(no printing, no logging, no files of its own).  One module per format of
a check run's report:

    json_report   machine-readable, versioned (``docs/output-schema.md``)
    rich_report   human-readable terminal output built with rich
    json_lines    one finding per line, as JSON
    concise       one ``path:line:col: severity [rule] message`` line per finding
    sarif         SARIF 2.1.0, for GitHub code scanning and other SARIF viewers
    github        GitHub Actions workflow commands (annotations) and step summary
    junit         JUnit XML, for CI test-report views
    gitlab        GitLab Code Quality JSON
    markdown      a report for a pull-request comment
    html_report   one self-contained HTML page, for a browser or a ticket

``docs/formats.md`` describes each format for users.

``factcheck annotate`` does not render a report but a copy of the draft with
notes on it: ``annotations`` says what a note holds, and two writers put
notes into a copy, ``docx_comments`` (Word comments) and
``markdown_footnotes`` (footnotes); ``docs/annotate.md`` describes them.

Callers pick a format by name with :func:`get_writer`; ``FORMATS`` lists the
names in the order they are offered to users.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO, cast

from factcheck.errors import UsageError
from factcheck.model import Report, Severity

if TYPE_CHECKING:
    from factcheck.checks.base import Rule

__all__ = ["FORMATS", "ReportOptions", "RuleInfo", "Writer", "get_writer"]


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What a reporter may say about a rule: for formats that describe rules (SARIF).

    ``severity`` is the rule's severity label (``error``, ``warning`` or
    ``info``); ``description`` says what the rule finds and ``message`` is its
    message template; ``help_uri`` is the address of its documentation page
    (built-in rules have one, ``docs/rules/<id>.md``).  Build it with :meth:`from_rule` from a loaded rule.
    """

    id: str
    severity: str
    description: str = ""
    message: str = ""
    help_uri: str = ""  # the rule's documentation page, for built-in rules

    def __post_init__(self) -> None:
        Severity.parse(self.severity)  # ValueError names the choices

    @classmethod
    def from_rule(cls, rule: Rule) -> RuleInfo:
        from factcheck import rule_docs
        from factcheck.ruleset import builtin_rules_dir

        builtin = rule_docs.rule_file_display(rule, builtin_rules_dir()) != rule.path
        return cls(
            id=rule.id,
            severity=rule.severity.label,
            description=rule.description,
            message=rule.message,
            help_uri=rule_docs.url(rule.id) if builtin else "",
        )


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """How to render: what a reporter may not decide for itself.

    ``color`` turns ANSI colour on or off (machine formats ignore it);
    ``width`` is the terminal width in columns, ``None`` to let rich detect it
    (tests pass 80); ``tool_version`` is the factcheck version to record;
    ``rules`` describes the rules that ran, for formats that list them (SARIF
    lists these and makes up a minimal entry for any other rule a finding names).
    """

    color: bool = False
    width: int | None = None
    tool_version: str = "0.0.0"
    rules: tuple[RuleInfo, ...] = ()


Writer = Callable[[Report, TextIO, ReportOptions], None]


class _Formats(Mapping[str, Writer]):
    """Format name -> writer, each writer's module imported when it is first asked for: the command
    line lists the names in its help without importing rich or XML for a JSON run."""

    _MODULES: Mapping[str, str] = {
        "json": "json_report",
        "rich": "rich_report",
        "json-lines": "json_lines",
        "concise": "concise",
        "sarif": "sarif",
        "github": "github",
        "junit": "junit",
        "gitlab": "gitlab",
        "markdown": "markdown",
        "html": "html_report",
    }

    def __getitem__(self, name: str) -> Writer:
        module = importlib.import_module(f"factcheck.report.{self._MODULES[name]}")
        return cast(Writer, module.write)

    def __iter__(self) -> Iterator[str]:
        return iter(self._MODULES)

    def __len__(self) -> int:
        return len(self._MODULES)


FORMATS: Mapping[str, Writer] = _Formats()


def get_writer(name: str) -> Writer:
    """The writer for format ``name``; :class:`UsageError` names the choices."""
    try:
        return FORMATS[name]
    except KeyError:
        choices = ", ".join(FORMATS)
        raise UsageError(f"unknown format {name!r} (expected one of: {choices})") from None
