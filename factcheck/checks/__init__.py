"""The checks a rule file can name with ``check:``, by name.

Adding a check: write a ``Check`` subclass in its own module and list it here.
Adding a rule that uses an existing check needs no code at all.
"""

from __future__ import annotations

from factcheck.checks.arithmetic import Arithmetic
from factcheck.checks.base import Check
from factcheck.checks.dates import Dates
from factcheck.checks.headline import Headline
from factcheck.checks.names import AffiliationConsistency, NameMisattribution
from factcheck.checks.near_copy import NearCopy
from factcheck.checks.numeric_consistency import NumericConsistency
from factcheck.checks.quotes import QuoteAttribution
from factcheck.checks.reference import Reference
from factcheck.checks.sources import SourceAttribution
from factcheck.checks.spelling import NameSpelling

CHECKS: dict[str, type[Check]] = {
    check.name: check
    for check in (
        NumericConsistency,
        NearCopy,
        NameMisattribution,
        NameSpelling,
        AffiliationConsistency,
        QuoteAttribution,
        SourceAttribution,
        Arithmetic,
        Dates,
        Headline,
        Reference,
    )
}

__all__ = ["CHECKS", "Check"]
