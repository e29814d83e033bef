"""The compiled patterns of the number grammar, built once from the vocabularies.

Two patterns do the scanning:

* ``NOT_CLAIMS`` finds things that contain digits but are not claims (URLs,
  phone numbers, IP addresses, versions, times of day, "9/11", "COVID-19",
  "G7"); the scanner blanks them before looking for numbers.
* ``ATOM`` finds one numeric mention: a date, a decade, a year range, or a
  number with its currency, scale and unit.  Qualifiers and ranges are read
  around atoms by the scanner, not here, which keeps this pattern linear.

Every quantifier is bounded, so no input can make these patterns backtrack
catastrophically.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from factcheck.extract.vocab import vocab


def alternation(words: Iterable[str]) -> str:
    """Regex alternation of literal words, longest first so "km/h" beats "km"."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w).replace(r"\ ", r"\s{1,3}") for w in unique)


@dataclass(frozen=True, slots=True)
class Grammar:
    """The compiled patterns."""

    not_claims: regex.Pattern[str]
    atom: regex.Pattern[str]
    qualifier_before: regex.Pattern[str]
    trailing_qualifier: regex.Pattern[str]
    connector: regex.Pattern[str]


_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon\\.?|Tue\\.?|Tues\\.?|Wed\\.?|Thu\\.?|Thurs\\.?|Fri\\.?|Sat\\.?|Sun\\.?"


def _month_names() -> str:
    names = []
    for name in vocab().months:
        cap = name.capitalize()
        names.append(cap if len(name) > 3 or name == "may" else f"{cap}\\.?")
        if len(name) > 3:
            names.append(name.upper())
    return "|".join(sorted(names, key=lambda n: (-len(n), n)))


def _build() -> Grammar:
    v = vocab()
    month = f"(?:{_month_names()})(?![A-Za-z])"
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    year4 = r"(?:1[5-9]\d{2}|20\d{2}|2100)"
    weekday = rf"(?:(?P<weekday>{_WEEKDAYS}),?\s{{1,3}})?"
    date = (
        rf"(?P<date>{weekday}(?:"
        rf"(?P<d_month1>{month})\s{{1,3}}(?P<d_day1>{day})(?![\d:])(?:,?\s{{1,3}}(?P<d_year1>{year4}))?(?!\d)"
        rf"|(?P<d_day2>{day})\s{{1,3}}(?:of\s{{1,3}})?(?P<d_month2>{month})(?:,?\s{{1,3}}(?P<d_year2>{year4}))?(?!\d)"
        rf"|(?P<d_month3>{month}),?\s{{1,3}}(?P<d_year3>{year4})(?!\d)"
        rf"|(?P<d_iso>{year4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))(?![\d-])"
        r"))"
    )
    decade = r"(?P<decade>(?<![\w'’])(?:(?P<dec_century>1[5-9]|20)(?P<dec_digit>\d)0|['’](?P<dec_short>\d)0)['’]?s(?![\w]))"
    year_range = rf"(?P<yrange>(?<![\w.,$€£¥-])(?P<yr1>{year4})\s{{0,1}}[-–/]\s{{0,1}}(?P<yr2>{year4}|\d{{2}})(?![\w%,.]\d|\d|%|\s?per\s?cent))"

    currency_prefix = alternation(v.currency_prefixes)
    number_words = alternation([*v.units, *v.tens, "hundred", "dozen", *v.scale_words])
    wordnum = (
        rf"(?P<words>\b(?:(?:a|an)\s{{1,3}})?(?:{number_words})(?:(?:\s{{1,3}}and\s{{1,3}}|[\s-]{{1,3}})(?:{number_words})){{0,10}}\b)"
    )
    digits = (
        r"(?P<digits>"
        r"\d{1,3}(?:,\d{3}){1,6}(?:\.\d{1,12})?(?!,?\d)"
        r"|\d{1,3}(?:[\u00a0\u202f\u2009 ]\d{3}){1,5}(?![\d.,]\d|\d)"
        r"|\d{1,15}(?:\.\d{1,12})?(?!\d)"
        r"|\.\d{1,12}(?!\d)"
        r")"
    )
    scale_suffix = alternation(v.scale_suffixes)
    scale_word = alternation(v.scale_words)
    scale = rf"(?P<scale>(?<=\d)(?:{scale_suffix})(?![A-Za-z])|\s{{0,1}}(?:bn|mn|tn|trn|mln|bln)\.?(?![A-Za-z])|\s{{1,3}}(?i:{scale_word})s?(?![A-Za-z]))"

    sensitive = [f for f in v.unit_forms if len(f) <= 3 or any(ch.isupper() for ch in f)]
    insensitive = [f for f in v.unit_forms if f not in sensitive]
    time_forms = alternation(v.time_units)
    percent = r"(?P<percent>\s{0,2}%|\s{1,3}(?i:per\s{0,1}cent|percent|pct)\b)"
    points = r"(?P<points>\s{1,3}(?i:percentage\s{1,3}points?|percentage-points?|pct\.?\s{1,3}points?|ppts?|pp|basis\s{1,3}points?|bps|bp)\b)"
    age = r"(?P<age>[\s-]{1,2}(?i:years?|yrs?)[\s-]{1,2}old\b|[\s-](?i:year-olds?)\b)"
    unit = (
        rf"(?P<unit>(?:\s{{0,2}}|-)(?:(?:{alternation(sensitive)})|(?i:{alternation(insensitive)}))(?![A-Za-z0-9²³]))"
    )
    duration = rf"(?P<duration>(?:\s{{1,3}}|-)(?i:{time_forms})(?![A-Za-z]))"
    currency_word = rf"(?P<curword>\s{{1,3}}(?i:{alternation(v.currency_words)})\b)"
    ordinal = r"(?P<ordinal>(?<=\d)(?:st|nd|rd|th)(?![A-Za-z]))"
    tail = rf"(?:{ordinal}|{points}|{percent}|{age}|{currency_word}|{duration}|{unit})?"

    fractions = alternation(v.fractions)
    fraction_duration = (
        rf"(?P<fracdur>\b(?P<frac>(?i:{fractions}))\s{{1,3}}(?:of\s{{1,3}})?(?i:a|an)\s{{1,3}}(?P<fracunit>(?i:century|decade|year|month|week|day|hour))\b)"
    )
    one_duration = r"(?P<onedur>\b(?i:a|an|one)\s{1,3}(?P<oneunit>(?i:century|decade))\b)"
    standalone = alternation([w for w in v.standalone if " " in w])
    standalone_group = rf"(?P<standalone>\b(?i:{standalone})\b)"
    fraction_share = rf"(?P<fraction>\b(?i:{fractions})\b)(?=\s{{1,3}}(?i:of)\b)"

    number = (
        rf"(?P<number>(?<![\w.,$€£¥₽₹₴₩])(?:(?P<cur>{currency_prefix})\s{{0,1}})?"
        rf"(?P<sign>(?<![\w])[-−+])?"
        rf"(?:{digits}|{wordnum})"
        rf"(?P<plus>\+|-plus\b)?"
        rf"{scale}?"
        rf"{tail})"
    )
    atom = regex.compile(
        f"{date}|{decade}|{year_range}|{fraction_duration}|{one_duration}|{standalone_group}|{fraction_share}|{number}",
        regex.VERSION0,
    )

    prefix_codes = alternation(c for c in v.currency_prefixes if c.isalpha())
    not_claims = regex.compile(
        "|".join(
            (
                r"(?:https?://|www\.)[^\s<>\"')\]]{1,2048}",
                r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}",
                r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d.])",
                r"(?<![\w.])[vV]?\d{1,4}(?:\.\d{1,4}){2,5}(?![\w]|\.\d)",
                r"(?<![\w.])v\d{1,4}(?:\.\d{1,4}){0,3}\b",
                r"(?<![\w.+])(?:\+\d{1,3}[\s.-]{0,1})?(?:\(\d{2,4}\)\s{0,1}|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?!\d)",
                r"(?<![\w.:])\d{1,2}:\d{2}(?::\d{2})?(?:\s{0,1}(?:[AaPp]\.?[Mm]\.?))?(?![\w:])",
                r"(?<![\w.,])\d{1,2}(?:[.:]\d{2})?\s{0,1}(?:a\.m\.|p\.m\.|am|pm|AM|PM)(?![\w])",
                r"(?<![\w/])\d{1,4}(?:/\d{1,4}){1,2}(?![\w/])",
                r"#\d{1,9}\b",
                rf"(?<![\w-])(?!(?i:mid|pre|post|early|late|non|anti|over|under|top|sub|up|all|some|about)-)(?!(?:{prefix_codes})\d)[A-Za-z]{{1,12}}-?\d{{1,6}}[A-Za-z0-9]{{0,8}}(?:-\d{{1,4}})?(?![\w])",
                r"(?<![\w.,])\d{1,6}[A-Za-z]{1,3}\d{1,6}[A-Za-z0-9]{0,6}(?![\w])",
                r"(?m)^[ \t]{0,3}\d{1,3}[.)](?=[ \t]{1,8}\S)",
            )
        ),
        regex.VERSION0,
    )

    all_qualifiers = alternation(v.qualifiers)
    qualifier_before = regex.compile(
        rf"(?i:(?<![\w])(?P<between>between|from)\s{{1,3}}$|(?<![\w])(?P<qual>{all_qualifiers})\s{{1,3}}(?:(?:between|from)\s{{1,3}})?$)",
    )
    trailing_qualifier = regex.compile(rf"\s{{1,3}}(?i:{alternation(v.trailing_qualifiers)})\b")
    connector = regex.compile(r"(?i:\s{0,3}(?:-|–|—|to|and|through|till|until)\s{0,3})")
    return Grammar(not_claims, atom, qualifier_before, trailing_qualifier, connector)


@functools.cache
def grammar() -> Grammar:
    """The compiled grammar, built on first use."""
    return _build()
