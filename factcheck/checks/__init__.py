"""The checks a rule file can name with ``check:``, by name.

Adding a check: write a ``Check`` subclass in its own module and list it here.
Adding a rule that uses an existing check needs no code at all.
"""

from __future__ import annotations

from factcheck.checks.base import Check
from factcheck.checks.near_copy import NearCopy
from factcheck.checks.numeric_consistency import NumericConsistency

CHECKS: dict[str, type[Check]] = {check.name: check for check in (NumericConsistency, NearCopy)}

__all__ = ["CHECKS", "Check"]
