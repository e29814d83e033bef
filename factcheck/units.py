"""The program's one pint registry, and conversion of claim values to base units.

pint knows physical units but not news units: it has no currencies, its
``decade`` is logarithmic, and it has no "bcm".  We add what we need here,
once, lazily.  Each currency is its own dimension, so dollars and euros are
"not comparable" rather than "in conflict"; ``percent`` and
``percentage_point`` are kept apart the same way.

Conversions are cached per unit name: comparison converts thousands of
claims and most share a handful of units.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import pint

# Our canonical unit names that pint lacks or spells differently.
_DEFINITIONS = (
    "calendar_decade = 10 * year",
    "calendar_century = 100 * year",
    "bcm = 1e9 * meter ** 3",
    "square_kilometer = kilometer ** 2",
    "square_meter = meter ** 2",
    "square_mile = mile ** 2",
    "square_foot = foot ** 2",
    "percentage_point = [percentage_point]",
    "basis_point = 0.01 * percentage_point",
)

# Canonical names whose pint name differs.
_PINT_NAME = {"decade": "calendar_decade", "century": "calendar_century"}

# Units that are counted rather than measured: the dimension is the unit itself.
_OPAQUE_PREFIX = ("currency:",)


class BaseValue(NamedTuple):
    """A value in the base unit of its dimension."""

    value: float
    dimension: str


@functools.cache
def registry() -> pint.UnitRegistry[float]:
    """The program's single unit registry, built on first use."""
    import pint

    reg: pint.UnitRegistry[float] = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
    for definition in _DEFINITIONS:
        reg.define(definition)
    return reg


@functools.cache
def _conversion(unit: str) -> tuple[float, float, str]:
    """(factor, offset, base unit) so that base = value * factor + offset."""
    reg = registry()
    name = _PINT_NAME.get(unit, unit)
    zero = reg.Quantity(0.0, name).to_base_units()
    one = reg.Quantity(1.0, name).to_base_units()
    offset = float(zero.magnitude)
    return float(one.magnitude) - offset, offset, str(one.units)


def to_base(value: float | None, unit: str | None) -> BaseValue | None:
    """Convert ``value`` in ``unit`` to its base unit; currencies stay as they are.

    ``unit`` is a canonical name as the extractor writes it: a pint unit name
    ("kilometer"), a currency code ("USD"), "percent", "percentage_point",
    or None for a bare count.  Returns None for a None value.
    """
    if value is None:
        return None
    if unit is None or unit == "count":
        return BaseValue(value, "count")
    if unit == "percent":
        return BaseValue(value, "percent")
    if unit.isupper() or unit == "cents":
        return BaseValue(value, f"currency:{unit}")
    factor, offset, base = _conversion(unit)
    return BaseValue(value * factor + offset, base)


def to_base_delta(value: float | None, unit: str | None) -> float | None:
    """Convert a difference (no offset) from ``unit`` to its base unit."""
    if value is None:
        return None
    if unit is None or unit in ("count", "percent", "cents") or unit.isupper():
        return value
    factor, _offset, _base = _conversion(unit)
    return value * factor


def is_known(unit: str) -> bool:
    """Whether pint (with our additions) can convert ``unit``."""
    try:
        _conversion(unit)
    except Exception:  # pint raises several unrelated types for unknown names
        return False
    return True
