"""The compiled patterns of the number grammar, built once from the vocabularies.

This module owns the *surface forms*: which strings can be a number, a unit,
a currency, a qualifier.  It holds no logic about what they mean (that is
``numbers`` for arithmetic and ``scanner`` for assembling mentions).

Scanning is anchor-driven so that running text costs one fast pass:

* the anchors are the only patterns searched over the whole text: ``skip``
  (URLs, names such as "Catch-22" listed in the vocabulary), ``digit``,
  ``month_anchor`` and number words (found by the scanner with a set lookup
  of the text's words, ``word_anchor`` being the slow fallback).  Each of
  these is a simple pattern the regex engine runs at tens of MB/s.
* every other pattern is *matched* at a known position (``token``,
  ``not_claim``, ``date``, suffixes after a number) or searched backwards
  (``REVERSE``) from the start of a number over a short window (prefixes,
  qualifiers).  None of them is ever searched across the text.

Every quantifier is bounded, so no input can make these patterns backtrack
catastrophically (``benchmarks/bench_pathological.py`` checks this).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from factcheck.extract.patterns import compiled
from factcheck.extract.vocab import vocab


def alternation(words: Iterable[str]) -> str:
    """Regex alternation of literal words, longest first so "km/h" beats "km".

    A space in a word matches one to three spaces ("per  cent").
    """
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w).replace(r"\ ", r"[ \t]{1,3}") for w in unique)


@dataclass(frozen=True, slots=True)
class Grammar:
    """The compiled patterns; see the module docstring for how each is used."""

    skip: regex.Pattern[str]
    digit: regex.Pattern[str]
    month_anchor: regex.Pattern[str]
    word_anchor: regex.Pattern[str]
    phrase_anchor: regex.Pattern[str]
    fraction_of_time: regex.Pattern[str]
    starter_words: frozenset[str]
    token: regex.Pattern[str]
    separator: regex.Pattern[str]
    not_claim: regex.Pattern[str]
    date: regex.Pattern[str]
    decade: regex.Pattern[str]
    year_range: regex.Pattern[str]
    token_end: regex.Pattern[str]
    prefix: regex.Pattern[str]
    weekday_before: regex.Pattern[str]
    scale_glued: regex.Pattern[str]
    scale_spaced: regex.Pattern[str]
    unit_glued: regex.Pattern[str]
    tail: regex.Pattern[str]
    per_unit: regex.Pattern[str]
    scale_after_currency: regex.Pattern[str]
    minor: regex.Pattern[str]
    qualifier_before: regex.Pattern[str]
    trailing_qualifier: regex.Pattern[str]
    or_equal: regex.Pattern[str]
    percent_of: regex.Pattern[str]
    connector: regex.Pattern[str]
    bound_pair: regex.Pattern[str]
    ratio: regex.Pattern[str]
    qualifier_last_words: frozenset[str]


_VULGAR_CLASS = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"


def _month_names() -> str:
    names = []
    for name in vocab().months:
        cap = name.capitalize()
        names.append(cap if len(name) > 3 or name == "may" else f"{cap}\\.?")
        if len(name) > 3:
            names.append(name.upper())
    return "|".join(sorted(names, key=lambda n: (-len(n), n)))


def _weekday_names() -> str:
    return alternation(w.capitalize() for w in vocab().weekdays)


def _number_word_lists() -> tuple[list[str], list[str]]:
    """(words that can start a number, every word a number run may contain)."""
    v = vocab()
    starters = [
        *v.units,
        *v.tens,
        *v.hundreds,
        *v.dozens,
        *v.scale_words,
        *v.denominators,
    ]
    inner = [*starters, *v.compound_denominators, *v.sign_words]
    return starters, inner


def _unit_forms(exclude: frozenset[str] = frozenset()) -> str:
    """Unit forms longest first ("km/h" before "km"); short or capitalised forms keep their case."""
    forms = sorted((f for f in vocab().unit_forms if f not in exclude), key=lambda f: (-len(f), f))
    parts = []
    for form in forms:
        pattern = alternation([form])
        sensitive = len(form) <= 3 or any(ch.isupper() for ch in form)
        parts.append(pattern if sensitive else f"(?i:{pattern})")
    return "|".join(parts)


def _build() -> Grammar:
    v = vocab()
    starters, inner = _number_word_lists()
    start_words = alternation(starters)
    run_words = alternation(inner)
    month = f"(?:{_month_names()})(?![A-Za-z])"
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    year4 = r"(?:1[5-9]\d{2}|20\d{2}|2100)"

    skip_literals = alternation(v.not_claims)
    skip = compiled(rf"(?:https?://|www\.)[^\s<>\"')\]]{{1,2048}}|(?<![\w])(?:{skip_literals})(?![\w])")
    digit = compiled(rf"[\d{_VULGAR_CLASS}]{{1,64}}|\.(?=\d)")
    month_anchor = compiled(rf"(?<![\w])(?:{month})")
    word_anchor = compiled(rf"(?<![\w])(?i:{start_words})(?![\w])")
    standalone = alternation(v.standalone)
    time_units = alternation(v.article_time_units)
    phrase_anchor = compiled(
        rf"(?<![\w])(?:(?P<standalone>(?i:{standalone}))(?=[ \t]{{1,3}}(?i:of)(?![\w]))"
        rf"|(?P<article>(?i:an?))[ \t]{{1,3}}(?P<timeunit>(?i:{time_units}))(?![\w-]))"
    )
    fraction_of_time = compiled(
        rf"[ \t]{{1,3}}(?i:of)[ \t]{{1,3}}(?i:an?)[ \t]{{1,3}}(?P<timeunit>(?i:{time_units}))(?![\w-])"
    )

    # One token of a number run.  Digit styles are tried most specific first.
    digits = (
        r"(?P<sci>(?P<mant>\d{1,15}(?:\.\d{1,12})?)"
        r"(?:[eE](?P<exp>[+-]?\d{1,3})|[ \t]{0,1}[x×][ \t]{0,1}10\^(?P<exp2>[+-]?\d{1,3})))(?![\w.])"
        r"|(?P<pow>(?P<base>\d{1,15}(?:\.\d{1,12})?)\^(?P<powexp>[+-]{0,2}\d{1,3}))(?!\d)"
        r"|(?P<frac>(?P<fnum>\d{1,3})[ \t]{0,1}/[ \t]{0,1}(?P<fden>\d{1,3}))(?![\d/])"
        r"|(?P<indian>\d{1,2}(?:,\d{2}){1,4},\d{3}(?:\.\d{1,12})?)(?![\d,]|\.\d)"
        r"|(?P<thou>\d{1,3}(?:,\d{3}){1,6}(?:\.\d{1,12})?)(?!\d|,\d|\.\d)"
        r"|(?P<euro>\d{1,3}(?:\.\d{3}){1,6},\d{1,3})(?!\d|[,.]\d)"
        r"|(?<!\d,)(?P<dcomma>\d{1,6},\d{1,2})(?![\d]|,\d|\.\d)"
        r"|(?P<spaced>\d{1,3}(?:[\u00a0\u202f\u2009 ]\d{3}){1,5}(?:\.\d{1,12})?)(?!\d|[.,]\d|[ \t]{0,1}/)"
        r"|(?P<plain>\d{1,15}(?:\.\d{1,12})?|\.\d{1,12})(?!\d)"
    )
    token = compiled(
        rf"(?:{digits})"
        rf"|(?P<vulgar>[{_VULGAR_CLASS}])"
        rf"|(?<![\w])(?P<numword>(?i:{run_words}))(?![\w])"
        # "and", "a", "of", "point" belong to the run only before another number word
        rf"|(?<![\w])(?P<connector>(?i:and|an?|of|point))"
        rf"(?=[ \t]{{1,3}}(?:[\d{_VULGAR_CLASS}]|(?i:(?:an?|of)[ \t]{{1,3}})?(?i:{run_words})(?![\w])))"
    )
    separator = compiled(r"(?P<hyphen>[ \t]{0,3}[-‐‑][ \t]{0,3})|[ \t\u00a0]{1,3}")

    not_claim = compiled(
        r"(?P<ip>\d{1,3}(?:\.\d{1,3}){3})(?!\.?\d)"
        r"|(?P<version>\d{1,4}(?:\.\d{1,4}){2,5})(?![\w]|\.\d)"
        r"|(?P<phone>(?:\d{3}[ .-])\d{3}[ .-]\d{4}(?!\d)|\d{1,4}(?:-\d{2,5}){2,4}(?:/\d{2,5})?(?![\d-]))"
        r"|(?P<time>\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]{0,1}[AaPp]\.?[Mm]\.?)?(?![\w:])"
        r"|\d{1,2}(?:[.:]\d{2})?[ \t]{0,1}(?:a\.m\.|p\.m\.|am|pm|AM|PM|a\.m|p\.m)(?![\w]))"
        r"|(?P<slash>\d{1,4}(?:[ \t]{0,1}/[ \t]{0,1}\d{1,4}){1,2})(?![\w/])"
    )

    date = compiled(
        rf"(?P<d_month1>{month})[ \t]{{1,3}}(?P<d_day1>{day})(?![\d:,.]\d|\d|[ \t]{{0,1}}%)"
        rf"(?:,?[ \t]{{1,3}}(?P<d_year1>{year4})(?!\d))?"
        rf"|(?P<d_day2>{day})[ \t]{{1,3}}(?:of[ \t]{{1,3}})?(?P<d_month2>{month})"
        rf"(?:,?[ \t]{{1,3}}(?P<d_year2>{year4})(?!\d))?"
        rf"|(?P<d_month3>{month}),?[ \t]{{1,3}}(?P<d_year3>{year4})(?!\d)"
        rf"|(?P<d_iso>{year4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))(?![\d-])"
    )
    decade = compiled(r"(?:(?P<dec_century>1[5-9]|20)(?P<dec_digit>\d)0|['’](?P<dec_short>\d)0)['’]?s(?![\w])")
    year_range = compiled(
        rf"(?P<yr1>{year4})[ \t]{{0,1}}[-–/][ \t]{{0,1}}(?P<yr2>{year4}|\d{{2}})"
        r"(?![\w%,.]\d|\d|%|[ \t]{0,1}(?i:per[ \t]{0,1}cent|percent))"
    )
    token_end = compiled(r"[\w.,/:'’+-]{0,2048}")

    # Prefixes, read backwards from the number's first character.
    currency_prefix = alternation([*v.currency_prefixes, *v.currency_symbols])
    codes = alternation(c for c in v.currency_prefixes if len(c) == 3 and c.isalpha() and c.isupper())
    scale_letters = alternation(v.scaled_codes)
    prefix = compiled(
        rf"(?r)(?:(?<![\w])(?P<scaledp>(?:{scale_letters})(?:{codes}))"
        rf"|(?<![A-Za-z])(?P<cur>{currency_prefix}))[ \t]{{0,1}}"
        rf"(?P<csign>[-−][ \t]{{0,1}})?$"
        rf"|(?<![\w])(?P<signword>(?i:{alternation(v.sign_words)}))[ \t]{{1,3}}$"
        rf"|(?P<sign>[-−+])(?P<signspace>[ \t]{{0,1}})$"
        rf"|(?<![\w])(?P<article>(?i:an?))[ \t]{{1,3}}$"
    )
    weekday_before = compiled(rf"(?r)(?<![\w])(?P<weekday>{_weekday_names()}),?[ \t]{{1,3}}$")

    # Suffixes, matched at the end of the number.
    glued = {s: m for s, m in v.scale_suffixes.items()}
    scale_glued = compiled(rf"(?P<scale>{alternation(glued)})(?![A-Za-z0-9])")
    scale_spaced = compiled(rf"[ \t]{{1,2}}(?P<scale>{alternation(v.spaced_suffixes)})(?![A-Za-z0-9])")
    glued_only = frozenset(s for s in v.scale_suffixes if s not in v.spaced_suffixes)
    unit_glued = compiled(rf"(?P<unit>{_unit_forms(glued_only)})(?![A-Za-z0-9²³])")
    time_forms = alternation(v.time_units)
    one_letter = [w for w in v.currency_words if len(w) == 1]
    currency_words = alternation(w for w in v.currency_words if len(w) > 1)
    # One-letter currency words ("50p") only glue to the digits.
    glued_letter = f"|(?:{alternation(one_letter)})(?![\\w])" if one_letter else ""
    symbols = alternation(v.currency_symbols)
    per_forms = alternation(v.per_units)
    per_unit = compiled(
        # "km/ms", "metres per second"; "barrels a day" stays barrels (the rate is context)
        rf"(?:[ \t]{{0,1}}/[ \t]{{0,1}}|[ \t]{{1,3}}(?i:per)[ \t]{{1,3}})"
        rf"(?P<perunit>(?i:{per_forms}))(?![A-Za-z0-9])"
    )
    tail = compiled(
        r"(?P<points>[ \t]{1,3}(?i:percentage[ \t]{1,3}points?|percentage-points?|pct\.?[ \t]{1,3}points?"
        r"|ppts?|pp|basis[ \t]{1,3}points?|bps|bp)(?![\w]))"
        r"|(?P<percent>[ \t]{0,2}%"
        r"|[ \t]{1,3}(?i:per[ \t]{0,1}cents?|percents?|percentage(?![ \t-]{1,3}points?)|pct)(?![\w]))"
        r"|(?P<age>[ \t-]{1,2}(?i:years?|yrs?)[ \t-]{1,2}(?i:old)(?![\w])|[ \t-](?i:year-olds?)(?![\w]))"
        rf"|(?P<curword>(?:[ \t]{{0,3}}|-)(?i:{currency_words})(?![\w]){glued_letter})"
        rf"|[ \t]{{1,3}}(?P<scaledcode>(?:{scale_letters})(?i:{codes}))(?![\w])"
        rf"|(?P<cursym>[ \t]{{0,1}}(?:{symbols}))(?![ \t]{{0,1}}\d)"
        rf"|(?P<duration>(?:[ \t]{{1,3}}|-)(?i:{time_forms})(?![A-Za-z]))"
        rf"|(?P<unit>(?:[ \t]{{0,2}}|-)(?P<unitform>{_unit_forms()})(?![A-Za-z0-9²³]))"
        rf"|(?P<bunit>[ \t]{{0,2}}(?P<open>[(\[{{<])(?P<bform>{_unit_forms()})(?P<close>[)\]}}>]))"
        r"|(?P<ordinal>(?:st|nd|rd|th))(?![A-Za-z])"
    )
    scale_after_currency = compiled(rf"[ \t]{{1,3}}(?P<scale>(?i:{alternation(v.scale_words)}))(?![\w])")
    minor_words = alternation(w for m in v.minor_units.values() for w in m.words)
    small_words = alternation([*v.units, *v.tens])
    minor = compiled(
        rf"(?:[ \t]{{1,3}}(?i:and))?[ \t]{{1,3}}"
        rf"(?P<amount>\d{{1,2}}|(?i:{small_words})(?:[ \t-]{{1,3}}(?i:{alternation(v.units)}))?)"
        rf"(?![\w.,]\d|[\w])(?:[ \t]{{1,3}}(?P<word>(?i:{minor_words}))(?![\w]))?"
    )

    # Qualifiers, read backwards from the number (or after it).
    plain_qualifiers = alternation(w for w in v.qualifiers if w[0].isalpha() or w[0] in "~")
    symbol_qualifiers = alternation(w for w in v.qualifiers if not (w[0].isalpha() or w[0] in "~"))
    comparative_words = alternation(w for c in v.comparatives for w in c.words)
    # Alternatives are tried in order, right to left: the inclusive comparatives
    # first ("less than or equal to" must not stop at "equal to"), then the
    # listed phrases ("no more than" must not stop at "more than"), then "more than".
    qualifier_before = compiled(
        rf"(?r)(?i:(?<![\w])(?P<between>between|from)[ \t]{{1,3}}$"
        rf"|(?<![\w])(?:(?P<cmp1>{comparative_words})[ \t]{{1,3}}than"
        rf"(?P<oreq1>[ \t]{{1,3}}or[ \t]{{1,3}}equal(?:[ \t]{{1,3}}to)?)"
        rf"|(?P<cmp2>{comparative_words})[ \t]{{1,3}}or[ \t]{{1,3}}equal(?:[ \t]{{1,3}}(?:to|than))?"
        rf"|equal[ \t]{{1,3}}to[ \t]{{1,3}}or[ \t]{{1,3}}(?P<cmp3>{comparative_words})(?:[ \t]{{1,3}}than)?"
        rf"|(?P<qual>{plain_qualifiers})"
        rf"|(?P<cmp4>{comparative_words})[ \t]{{1,3}}than)[ \t]{{1,3}}(?:(?P<opener>between|from)[ \t]{{1,3}})?$"
        rf"|(?<![=<>])(?P<symqual>{symbol_qualifiers})[ \t]{{0,3}}$)"
    )
    last_words = {w.split()[-1].lower() for w in v.qualifiers} | {"than", "to", "equal", "between", "from"}
    last_words |= {w.lower() for c in v.comparatives for w in c.words}
    trailing = alternation(v.trailing_qualifiers)
    number_start = rf"(?:[-−+]?[\d{_VULGAR_CLASS}]|(?i:{start_words})(?![\w]))"
    # "200 or greater" but not "200 or greater than 190", which is its own mention.
    no_number = rf"(?![ \t]{{0,3}}(?i:than[ \t]{{1,3}})?{number_start})"
    trailing_qualifier = compiled(rf"[ \t]{{1,3}}(?P<trail>(?i:{trailing}))(?![\w]){no_number}")
    or_equal = compiled(rf"[ \t]{{1,3}}(?i:or[ \t]{{1,3}}equal(?:[ \t]{{1,3}}(?:to|than))?)(?![\w]){no_number}")
    percent_of = compiled(
        r"(?r)(?:^|[.;:!?(\n][ \t]{0,3})(?P<pw>(?i:percents?|per[ \t]{0,1}cents?|percentage))"
        r"[ \t]{1,3}(?i:of)[ \t]{1,3}$"
    )
    connector = compiled(
        r"(?P<pad1>[ \t]{0,3})(?P<word>-|–|—|~|(?i:to|and|through|thru|till|until))(?P<pad2>[ \t]{0,3})"
    )
    bound_pair = compiled(r"[ \t]{0,3}(?:,[ \t]{0,3})?(?i:and|but|,)?[ \t]{0,3}")
    ratio = compiled(rf"[ \t]{{1,3}}(?P<word>(?i:{alternation(v.ratio_words)}))[ \t]{{1,3}}")
    return Grammar(
        skip=skip,
        digit=digit,
        month_anchor=month_anchor,
        word_anchor=word_anchor,
        phrase_anchor=phrase_anchor,
        fraction_of_time=fraction_of_time,
        starter_words=frozenset(w.lower() for w in starters),
        token=token,
        separator=separator,
        not_claim=not_claim,
        date=date,
        decade=decade,
        year_range=year_range,
        token_end=token_end,
        prefix=prefix,
        weekday_before=weekday_before,
        scale_glued=scale_glued,
        scale_spaced=scale_spaced,
        unit_glued=unit_glued,
        tail=tail,
        per_unit=per_unit,
        scale_after_currency=scale_after_currency,
        minor=minor,
        qualifier_before=qualifier_before,
        trailing_qualifier=trailing_qualifier,
        or_equal=or_equal,
        percent_of=percent_of,
        connector=connector,
        bound_pair=bound_pair,
        ratio=ratio,
        qualifier_last_words=frozenset(last_words),
    )


@functools.cache
def phone_plus() -> regex.Pattern[str]:
    """International phone numbers, matched at a "+": "+1-222-2222/2222", "+44 20 7946 0958"."""
    return compiled(r"\+\d{1,3}(?:[ .-]\(?\d{1,5}\)?){2,5}(?:/\d{2,5})?(?!\d)")


@functools.cache
def grammar() -> Grammar:
    """The compiled grammar, built on first use."""
    return _build()
