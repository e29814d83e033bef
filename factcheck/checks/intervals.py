"""What the numeric checks compare, and each claim as an interval of values in base units.

A claim's wording commits to an interval ("at least 21,692" is [21692, inf));
its written form allows rounding: a value written with step s stands for
anything from half a step below it to ``above`` steps above it (writers round
and truncate).  Approximate wording ("nearly", "about") already carries its
own tolerance; ``widen_approximate`` says whether rounding widens it further.
A relative tolerance is added on both finite ends.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

# The kinds of claim that state a quantity (years, dates and ordinals do not).
COMPARABLE_KINDS = ("number", "percent", "percentage_point", "money", "quantity", "temperature", "duration", "age")

UNBOUNDED_LOW = frozenset({"up_to", "at_most", "less_than"})
UNBOUNDED_HIGH = frozenset({"at_least", "more_than"})
APPROXIMATE = frozenset({"nearly", "about"})


def claim_interval(
    row: Mapping[str, Any], relative: float, *, above: float, widen_approximate: bool
) -> tuple[float, float]:
    """(low, high) of a claims-table row, in base units, widened for rounding and ``relative`` tolerance."""
    step = float(row["step_base"])
    step = 0.0 if math.isnan(step) else step
    qualifier = str(row["qualifier"])
    if qualifier in UNBOUNDED_HIGH:
        low, high = float(row["low_base"]), math.inf
    elif qualifier in UNBOUNDED_LOW:
        low, high = -math.inf, float(row["high_base"])
    elif qualifier in APPROXIMATE and not widen_approximate:
        low, high = float(row["low_base"]), float(row["high_base"])
    elif qualifier == "range" or qualifier in APPROXIMATE:
        low, high = float(row["low_base"]) - step / 2, float(row["high_base"]) + step * above
    else:
        magnitude = float(row["magnitude"])
        low, high = magnitude - step / 2, magnitude + step * above
    if math.isfinite(low):
        low -= abs(low) * relative
    if math.isfinite(high):
        high += abs(high) * relative
    return low, high
