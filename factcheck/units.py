"""The program's one pint registry, and conversion of claim values to base units.

pint knows physical units but not news units: it has no currencies, its
``decade`` is logarithmic, and it has no "bcm".  We add what we need here,
once, lazily.  Each currency is its own dimension, so dollars and euros are
"not comparable" rather than "in conflict"; ``percent`` and
``percentage_point`` are kept apart the same way.

Conversions are cached per unit name: comparison converts thousands of
claims and most share a handful of units.  pint's answers for every unit the
vocabulary can write (``data/vocab.yaml``: units, time units, "X per Y") are
kept in ``data/units.json``, so a run converts them without importing pint
and numpy and building the registry (0.3 s of a short run); any other unit
goes to pint.  ``python -m factcheck.units`` writes the file again after the
vocabulary changes; a test fails until it does.
"""

from __future__ import annotations

import functools
import json
import sys
from importlib import resources
from pathlib import Path
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

# pint's conversions of the vocabulary's units (package data).
_TABLE = "data/units.json"

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
    known = _known_conversions().get(unit)
    return known if known is not None else pint_conversion(unit)


@functools.cache
def _known_conversions() -> dict[str, tuple[float, float, str]]:
    """pint's conversions of the vocabulary's units, as ``python -m factcheck.units`` wrote them."""
    text = resources.files("factcheck").joinpath(_TABLE).read_text(encoding="utf-8")
    return {
        unit: (float(factor), float(offset), str(base)) for unit, (factor, offset, base) in json.loads(text).items()
    }


def pint_conversion(unit: str) -> tuple[float, float, str]:
    """(factor, offset, base unit) as pint computes them (raises for a unit pint cannot convert)."""
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


def vocabulary_units() -> list[str]:
    """Every unit name extraction can write: the vocabulary's units and time units, each unit per a
    "per" unit ("tonnes a year": "metric_ton / year"), and the names the scanner writes itself."""
    from factcheck.extract.vocab import vocab

    v = vocab()
    simple = {form.unit for form in v.unit_forms.values()} | set(v.time_units.values())
    simple |= {"meter", "year", "foot", "basis_point", "percentage_point"}
    compound = {f"{unit} / {per}" for unit in simple for per in v.per_units.values()}
    return sorted(simple | compound)


def conversion_table() -> dict[str, tuple[float, float, str]]:
    """pint's conversion of every vocabulary unit it can convert (what ``data/units.json`` holds)."""
    table = {}
    for unit in vocabulary_units():
        if unit == "count" or unit == "percent" or unit.isupper() or unit == "cents":
            continue  # never converted (see to_base)
        try:
            table[unit] = pint_conversion(unit)
        except Exception:  # pint raises several unrelated types: such a unit goes to pint, and fails, as before
            continue
    return table


def is_known(unit: str) -> bool:
    """Whether pint (with our additions) can convert ``unit``."""
    try:
        _conversion(unit)
    except Exception:  # pint raises several unrelated types for unknown names
        return False
    return True


def _write_table() -> None:
    path = Path(__file__).parent / _TABLE
    table = conversion_table()
    lines = [f"  {json.dumps(unit)}: {json.dumps(list(conversion))}" for unit, conversion in table.items()]
    path.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    print(f"{path}: {len(table)} units", file=sys.stderr)


if __name__ == "__main__":
    _write_table()
