"""data/units.json holds pint's answers for the vocabulary's units: the same answers, for every unit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck import units

TABLE = Path(units.__file__).parent / "data" / "units.json"


def test_the_table_is_what_pint_says_for_every_vocabulary_unit() -> None:
    written = {unit: tuple(conversion) for unit, conversion in json.loads(TABLE.read_text(encoding="utf-8")).items()}
    assert written == units.conversion_table(), "vocabulary or pint changed: run python -m factcheck.units"


@pytest.mark.parametrize("unit", ["kilometer", "degree_Fahrenheit", "decade", "metric_ton / year", "basis_point"])
def test_a_known_unit_converts_as_pint_does(unit: str) -> None:
    assert unit in units._known_conversions()
    assert units._conversion(unit) == units.pint_conversion(unit)


def test_a_unit_outside_the_vocabulary_goes_to_pint() -> None:
    assert "furlong" not in units._known_conversions()
    converted = units.to_base(1.0, "furlong")
    assert converted is not None
    assert (converted.value, converted.dimension) == (pytest.approx(201.168, rel=1e-5), "meter")
    assert units.is_known("furlong")
    assert not units.is_known("no_such_unit")
