"""Load and validate the number grammar's vocabularies (``factcheck/data/vocab.yaml``).

The grammar reads every word list from here, so adding a unit, a currency or
a qualifier is a data change.  The file is validated strictly on load: a
malformed vocabulary is a packaging bug and fails loudly, naming the key.
This module owns the shape of the data (``Vocab``) and nothing else: no
pattern is built here.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import Any

from factcheck import yamlnodes


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
class Comparative:
    """One side of the comparatives: "more than" (strict) and "more or equal" (inclusive)."""

    strict: Qualifier
    inclusive: Qualifier
    words: frozenset[str]


@dataclass(frozen=True, slots=True)
class MinorUnit:
    """The minor unit of a major one: cents of a dollar, inches of a foot."""

    per: float
    words: frozenset[str]


@dataclass(frozen=True, slots=True)
class Vocab:
    """Every word list of the grammar, keyed for lookup (lower case unless noted)."""

    units: dict[str, int]
    tens: dict[str, int]
    hundreds: frozenset[str]
    dozens: frozenset[str]
    point_words: frozenset[str]
    sign_words: frozenset[str]
    denominators: dict[str, float]  # singular and plural forms
    plural_denominators: frozenset[str]
    compound_denominators: dict[str, float]  # singular and plural forms
    standalone: dict[str, float]
    vulgar_fractions: dict[str, float]
    fraction_denominators: frozenset[int]
    ratio_words: tuple[str, ...]
    scale_words: dict[str, float]
    scale_suffixes: dict[str, float]  # case-sensitive
    spaced_suffixes: frozenset[str]  # case-sensitive
    metre_hints: frozenset[str]
    qualifiers: dict[str, Qualifier]
    trailing_qualifiers: dict[str, Qualifier]
    comparatives: tuple[Comparative, ...]
    currency_prefixes: dict[str, str]  # case-sensitive
    currency_symbols: dict[str, str]
    currency_words: dict[str, str]
    ambiguous_currency_words: dict[str, str]
    scaled_codes: dict[str, float]  # case-sensitive scale letter
    minor_units: dict[str, MinorUnit]
    unit_forms: dict[str, UnitForm]  # case-sensitive
    unit_forms_folded: dict[str, UnitForm]
    per_units: dict[str, str]
    temperature_hints: frozenset[str]
    determiners: frozenset[str]
    time_units: dict[str, str]
    months: dict[str, int]
    weekdays: frozenset[str]
    year_before: frozenset[str]
    year_nouns: frozenset[str]
    pronoun_one_after: frozenset[str]
    pronoun_one_before: frozenset[str]
    not_fraction_after: frozenset[str]
    article_time_units: frozenset[str]
    time_after: frozenset[str]
    age_before: frozenset[str]
    not_claims: tuple[str, ...]  # case-sensitive
    hyphen_prefixes: frozenset[str]
    name_words: frozenset[str]
    change_before: frozenset[str]
    change_after: frozenset[str]
    common_terms: tuple[tuple[str, ...], ...]  # each term's words, lower case
    measure_acronyms: frozenset[str]  # case-sensitive
    singular_in_s: frozenset[str]
    common_openers: frozenset[str]
    firm_nouns: frozenset[str]
    org_words: frozenset[str]  # words after a firm's own name that say it is a business ("Foods", "Group")
    once_events: frozenset[str]  # lemmas of what happens once in a story and is dated by its day


_BOUNDS = {"lower", "upper", "approx", "below_upper", "exact"}


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


def _words(data: Any, key: str, where: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in _require(data, key, list, where))


def _qualifiers(data: Any) -> tuple[dict[str, Qualifier], dict[str, Qualifier]]:
    before: dict[str, Qualifier] = {}
    after: dict[str, Qualifier] = {}
    for name, spec in _require(data, "qualifiers", dict, "").items():
        bound = _require(spec, "bound", str, f"qualifiers.{name}")
        if bound not in _BOUNDS:
            raise VocabError(f"vocab.yaml: qualifiers.{name}.bound must be one of {sorted(_BOUNDS)}")
        qualifier = Qualifier(str(name), bound, float(spec.get("tolerance", 0.0)))
        for word in _require(spec, "before", list, f"qualifiers.{name}"):
            before[str(word).lower()] = qualifier
        for word in spec.get("after", []):
            after[str(word).lower()] = qualifier
    return before, after


def _comparatives(data: Any, qualifiers: dict[str, Qualifier]) -> tuple[Comparative, ...]:
    by_name = {q.name: q for q in qualifiers.values()}
    out = []
    for side, spec in _require(data, "comparatives", dict, "").items():
        names = [_require(spec, key, str, f"comparatives.{side}") for key in ("strict", "inclusive")]
        for name in names:
            if name not in by_name:
                raise VocabError(f"vocab.yaml: comparatives.{side} names unknown qualifier '{name}'")
        out.append(Comparative(by_name[names[0]], by_name[names[1]], _words(spec, "words", f"comparatives.{side}")))
    return tuple(out)


def _plural(word: str) -> str:
    return word if word.endswith("s") else f"{word}s"


def parse_vocab(data: Any) -> Vocab:
    """Validate the parsed YAML and build the lookup tables."""
    words = _require(data, "number_words", dict, "")
    scales = _require(data, "scales", dict, "")
    qualifiers, trailing = _qualifiers(data)

    singular = _numbers(_require(words, "denominators", dict, "number_words"), "denominators")
    denominators = dict(singular)
    plural: set[str] = set()
    for word, value in singular.items():
        if not word.endswith("s"):  # "halves" and "quarters" are listed as they are
            denominators[_plural(word)] = value
            plural.add(_plural(word))
        elif word != "halves" and word[:-1] in singular:
            plural.add(word)
    plural.add("halves")
    compound: dict[str, float] = {}
    for word, value in _numbers(_require(words, "compound_denominators", dict, "number_words"), "compound").items():
        compound[word] = value
        compound[_plural(word)] = value
        plural.add(_plural(word))

    prefixes: dict[str, str] = {}
    symbols: dict[str, str] = {}
    currency_words: dict[str, str] = {}
    for code, spec in _require(data, "currencies", dict, "").items():
        for form in _require(spec, "prefix", list, f"currencies.{code}"):
            prefixes[str(form)] = str(code)
        for form in _require(spec, "symbol", list, f"currencies.{code}"):
            symbols[str(form)] = str(code)
        for form in _require(spec, "words", list, f"currencies.{code}"):
            currency_words[str(form).lower()] = str(code)
    minor_units = {
        str(major): MinorUnit(
            float(_require(spec, "per", int, f"minor_units.{major}")), _words(spec, "words", f"minor_units.{major}")
        )
        for major, spec in _require(data, "minor_units", dict, "").items()
    }

    unit_forms: dict[str, UnitForm] = {}
    for unit, spec in _require(data, "units", dict, "").items():
        kind = _require(spec, "kind", str, f"units.{unit}")
        for form in _require(spec, "forms", list, f"units.{unit}"):
            unit_forms[str(form)] = UnitForm(str(unit), kind)
    per_units = {
        str(form).lower(): str(unit) for unit, forms in _require(data, "per_units", dict, "").items() for form in forms
    }
    time_units = {
        str(form).lower(): str(unit) for unit, forms in _require(data, "time_units", dict, "").items() for form in forms
    }
    change = _require(data, "change_words", dict, "")
    spaced = frozenset(str(s) for s in _require(scales, "spaced_suffixes", list, "scales"))
    suffixes = {str(k): float(v) for k, v in _require(scales, "suffixes", dict, "scales").items()}
    if not spaced <= suffixes.keys():
        raise VocabError("vocab.yaml: scales.spaced_suffixes must all be scales.suffixes")
    return Vocab(
        units={k: int(v) for k, v in _numbers(_require(words, "units", dict, "number_words"), "units").items()},
        tens={k: int(v) for k, v in _numbers(_require(words, "tens", dict, "number_words"), "tens").items()},
        hundreds=_words(words, "hundreds", "number_words"),
        dozens=_words(words, "dozens", "number_words"),
        point_words=_words(words, "point", "number_words"),
        sign_words=_words(words, "signs", "number_words"),
        denominators=denominators,
        plural_denominators=frozenset(plural),
        compound_denominators=compound,
        standalone=_numbers(_require(words, "standalone", dict, "number_words"), "standalone"),
        vulgar_fractions={
            str(k): float(v) for k, v in _require(words, "vulgar_fractions", dict, "number_words").items()
        },
        fraction_denominators=frozenset(int(d) for d in _require(words, "fraction_denominators", list, "number_words")),
        ratio_words=tuple(str(w).lower() for w in _require(words, "ratio_words", list, "number_words")),
        scale_words=_numbers(_require(scales, "words", dict, "scales"), "scales.words"),
        scale_suffixes=suffixes,
        spaced_suffixes=spaced,
        metre_hints=_words(scales, "metre_hints", "scales"),
        qualifiers=qualifiers,
        trailing_qualifiers=trailing,
        comparatives=_comparatives(data, qualifiers),
        currency_prefixes=prefixes,
        currency_symbols=symbols,
        currency_words=currency_words,
        ambiguous_currency_words={
            str(k).lower(): str(v) for k, v in _require(data, "ambiguous_currency_words", dict, "").items()
        },
        scaled_codes={str(k): float(v) for k, v in _require(data, "scaled_codes", dict, "").items()},
        minor_units=minor_units,
        unit_forms=unit_forms,
        unit_forms_folded={k.lower(): v for k, v in unit_forms.items()},
        per_units=per_units,
        temperature_hints=_words(data, "temperature_hints", ""),
        determiners=_words(data, "determiners", ""),
        time_units=time_units,
        months={str(k).lower(): int(v) for k, v in _require(data, "months", dict, "").items()},
        weekdays=_words(data, "weekdays", ""),
        year_before=_words(data, "year_before", ""),
        year_nouns=_words(data, "year_nouns", ""),
        pronoun_one_after=_words(data, "pronoun_one_after", ""),
        pronoun_one_before=_words(data, "pronoun_one_before", ""),
        not_fraction_after=_words(data, "not_fraction_after", ""),
        article_time_units=_words(data, "article_time_units", ""),
        time_after=_words(data, "time_after", ""),
        age_before=_words(data, "age_before", ""),
        not_claims=tuple(str(w) for w in _require(data, "not_claims", list, "")),
        hyphen_prefixes=_words(data, "hyphen_prefixes", ""),
        name_words=_words(data, "name_words", ""),
        change_before=_words(change, "before", "change_words"),
        change_after=_words(change, "after", "change_words"),
        common_terms=tuple(tuple(str(t).lower().split()) for t in _require(data, "common_terms", list, "")),
        measure_acronyms=frozenset(str(w) for w in _require(data, "measure_acronyms", list, "")),
        singular_in_s=_words(data, "singular_in_s", ""),
        common_openers=_words(data, "common_openers", ""),
        firm_nouns=_words(data, "firm_nouns", ""),
        org_words=_words(data, "org_words", ""),
        once_events=_words(data, "once_events", ""),
    )


@functools.cache
def vocab() -> Vocab:
    """The packaged vocabulary, loaded once."""
    text = resources.files("factcheck").joinpath("data/vocab.yaml").read_text(encoding="utf-8")
    return parse_vocab(yamlnodes.safe_load(text))
