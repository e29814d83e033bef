"""Load and validate the number grammar's vocabularies (``factcheck/data/vocab.yaml``).

The grammar reads every word list from here, so adding a unit, a currency or
a qualifier is a data change.  The file is validated strictly on load: a
malformed vocabulary is a packaging bug and fails loudly, naming the key.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True, slots=True)
class Qualifier:
    """One qualifier sense: its name, how it bounds the number, its tolerance."""

    name: str
    bound: str
    tolerance: float


@dataclass(frozen=True, slots=True)
class UnitForm:
    """What a unit's surface form stands for."""

    unit: str
    kind: str


@dataclass(frozen=True, slots=True)
class Vocab:
    """Every word list of the grammar, keyed for lookup."""

    units: dict[str, int]
    tens: dict[str, int]
    standalone: dict[str, float]
    fractions: dict[str, float]
    scale_words: dict[str, float]
    scale_suffixes: dict[str, float]
    qualifiers: dict[str, Qualifier]
    trailing_qualifiers: dict[str, Qualifier]
    currency_prefixes: dict[str, str]
    currency_words: dict[str, str]
    unit_forms: dict[str, UnitForm]
    unit_forms_folded: dict[str, UnitForm]
    time_units: dict[str, str]
    months: dict[str, int]
    name_words: frozenset[str]
    change_before: frozenset[str]
    change_after: frozenset[str]


_BOUNDS = {"lower", "upper", "approx", "below_upper"}
_TRAILING = {"or more", "or so", "more or less", "or less", "or fewer", "plus"}


class VocabError(ValueError):
    """The packaged vocabulary file is malformed."""


def _require(mapping: Any, key: str, kind: type, where: str) -> Any:
    if not isinstance(mapping, dict) or key not in mapping:
        raise VocabError(f"vocab.yaml: missing '{where}.{key}'")
    value = mapping[key]
    if not isinstance(value, kind):
        raise VocabError(f"vocab.yaml: '{where}.{key}' must be {kind.__name__}")
    return value


def _numbers(mapping: dict[str, Any], where: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for key, value in mapping.items():
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise VocabError(f"vocab.yaml: '{where}.{key}' must be a number")
        out[str(key).lower()] = float(value)
    return out


def parse_vocab(data: Any) -> Vocab:
    """Validate the parsed YAML and build the lookup tables."""
    words = _require(data, "number_words", dict, "")
    scales = _require(data, "scales", dict, "")
    qualifiers: dict[str, Qualifier] = {}
    trailing: dict[str, Qualifier] = {}
    for name, spec in _require(data, "qualifiers", dict, "").items():
        bound = _require(spec, "bound", str, f"qualifiers.{name}")
        if bound not in _BOUNDS:
            raise VocabError(f"vocab.yaml: qualifiers.{name}.bound must be one of {sorted(_BOUNDS)}")
        tolerance = float(spec.get("tolerance", 0.0))
        for word in _require(spec, "words", list, f"qualifiers.{name}"):
            target = trailing if word in _TRAILING else qualifiers
            target[str(word).lower()] = Qualifier(name, bound, tolerance)
    prefixes: dict[str, str] = {}
    currency_words: dict[str, str] = {}
    for code, spec in _require(data, "currencies", dict, "").items():
        for form in _require(spec, "prefix", list, f"currencies.{code}"):
            prefixes[str(form)] = code
        for form in _require(spec, "words", list, f"currencies.{code}"):
            currency_words[str(form).lower()] = code
    unit_forms: dict[str, UnitForm] = {}
    for unit, spec in _require(data, "units", dict, "").items():
        kind = _require(spec, "kind", str, f"units.{unit}")
        for form in _require(spec, "forms", list, f"units.{unit}"):
            unit_forms[str(form)] = UnitForm(unit, kind)
    time_units: dict[str, str] = {}
    for unit, forms in _require(data, "time_units", dict, "").items():
        for form in forms:
            time_units[str(form).lower()] = unit
    change = _require(data, "change_words", dict, "")
    return Vocab(
        units={k: int(v) for k, v in _numbers(_require(words, "units", dict, "number_words"), "units").items()},
        tens={k: int(v) for k, v in _numbers(_require(words, "tens", dict, "number_words"), "tens").items()},
        standalone=_numbers(_require(words, "standalone", dict, "number_words"), "standalone"),
        fractions=_numbers(_require(words, "fractions", dict, "number_words"), "fractions"),
        scale_words=_numbers(_require(scales, "words", dict, "scales"), "scales.words"),
        scale_suffixes={str(k): float(v) for k, v in _require(scales, "suffixes", dict, "scales").items()},
        qualifiers=qualifiers,
        trailing_qualifiers=trailing,
        currency_prefixes=prefixes,
        currency_words=currency_words,
        unit_forms=unit_forms,
        unit_forms_folded={k.lower(): v for k, v in unit_forms.items()},
        time_units=time_units,
        months={str(k).lower(): int(v) for k, v in _require(data, "months", dict, "").items()},
        name_words=frozenset(str(w).lower() for w in _require(data, "name_words", list, "")),
        change_before=frozenset(str(w).lower() for w in _require(change, "before", list, "change_words")),
        change_after=frozenset(str(w).lower() for w in _require(change, "after", list, "change_words")),
    )


@functools.cache
def vocab() -> Vocab:
    """The packaged vocabulary, loaded once."""
    text = resources.files("factcheck").joinpath("data/vocab.yaml").read_text(encoding="utf-8")
    return parse_vocab(yaml.safe_load(text))
