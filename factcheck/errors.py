"""Exceptions that end a run with exit code 2.

    FactcheckError            anything we report as one line and exit 2
    ├── UsageError            bad command line: unknown option value, missing path
    ├── ConfigError           a configuration file is malformed (file:line: message)
    └── RuleError             a rule file is malformed (file:line: message)

A file we cannot read is *not* an exception: it becomes an ``ErrorEntry`` in
the report and the run goes on.
"""

from __future__ import annotations


class FactcheckError(Exception):
    """Base of every error that stops a run with exit code 2."""


class UsageError(FactcheckError):
    """The command line asks for something impossible."""


class ConfigError(FactcheckError):
    """A configuration file is malformed."""


class RuleError(FactcheckError):
    """A rule file is malformed; the message starts with ``path:line:``."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.detail = message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")
