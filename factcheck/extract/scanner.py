"""Find numeric mentions in a text and read each one's value, unit and interval.

``scan(text)`` returns ``Mention`` objects: what a number says on its own,
before context (subject, period, source) is attached.  It works in three
passes over the text, each linear:

1. blank what only looks like a number (URLs, phone numbers, times, "G7");
2. match atoms with the grammar and interpret each one;
3. read qualifiers before an atom, and join atoms into ranges
   ("between 20 and 30", "10-15%", "1969-70").
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex

from factcheck.extract.grammar import grammar
from factcheck.extract.numbers import parse_digits, parse_words, step_of_value
from factcheck.extract.vocab import Qualifier, vocab

# Words before a bare four-digit number that make it a year.
_YEAR_PREPOSITIONS = frozenset(
    "in since by from until till to of between and during before after early late mid "
    "circa around through throughout year years fiscal fy summer winter spring autumn fall "
    "the end start beginning".split()
)
_DETERMINERS = frozenset("the a an its his her their our this that its".split())
# Nouns a year commonly modifies ("2016 election"); other lowercase words after
# a bare four-digit number make it a count ("2000 people").
_YEAR_NOUNS = frozenset(
    "election elections invasion war wars crisis census budget report survey season olympics games "
    "campaign summit agreement deal law act protests protest revolution attack attacks earthquake "
    "tsunami pandemic recession referendum model edition version world cup championship tournament "
    "uprising coup crash storm floods flood fire fires visit meeting talks treaty accord annexation "
    "invasions midterms midterm primaries primary vote polls poll levels level figures figure data "
    "estimate estimates forecast forecasts target targets deadline".split()
)
_LOOKBEHIND = 48

# Single-letter scale suffixes that are too ambiguous without a currency.
_CURRENCY_ONLY_SCALES = frozenset({"b", "B", "M"})
_METRE_HINTS = frozenset("long high tall deep wide away sprint race hurdles freestyle relay".split())


@dataclass(frozen=True, slots=True)
class Mention:
    """One numeric mention, read on its own."""

    start: int
    end: int
    kind: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None = None
    unit: str | None = None
    step: float | None = None
    opener: str | None = None  # "between" / "from" just before the mention
    opener_start: int | None = None
    date_parts: tuple[int | None, int, int | None] | None = None  # (year, month, day)
    weekday: str | None = None


def _blank(text: str) -> str:
    return grammar().not_claims.sub(lambda m: " " * len(m.group()), text)


def _interval(value: float, qualifier: Qualifier | None) -> tuple[float | None, float | None]:
    if qualifier is None:
        return value, value
    if qualifier.bound == "lower":
        return value, None
    if qualifier.bound == "upper":
        return None, value
    spread = abs(value) * qualifier.tolerance
    if qualifier.bound == "below_upper":
        return value - spread, value
    return value - spread, value + spread


def _word_before(text: str, start: int) -> str:
    match = regex.search(r"([\w.'’-]{1,30})[ \t]{0,3}$", text[max(0, start - 40) : start])
    return match.group(1).lower() if match else ""


def _word_after(text: str, end: int) -> str:
    match = regex.match(r"[ \t-]{0,3}([A-Za-z]{1,30})", text[end : end + 40])
    return match.group(1).lower() if match else ""


def _interpret(match: regex.Match[str], text: str) -> Mention | None:
    """Read one atom; None when it turns out not to be a claim."""
    groups = match.groupdict()
    start, end = match.span()
    v = vocab()
    if groups["date"]:
        return _date_mention(match)
    if groups["decade"]:
        if groups["dec_short"]:
            base = 1900 + int(groups["dec_short"]) * 10
        else:
            base = int(groups["dec_century"]) * 100 + int(groups["dec_digit"]) * 10
        return Mention(start, end, "year", float(base), float(base), float(base + 9), "range", None, 10.0)
    if groups["yrange"]:
        first = int(groups["yr1"])
        second_text = groups["yr2"]
        second = int(second_text) if len(second_text) == 4 else (first // 100) * 100 + int(second_text)
        if second <= first or second - first > 100:
            return None
        return Mention(start, end, "year", None, float(first), float(second), "range", None, 1.0)
    if groups["fracdur"]:
        fraction = v.fractions[regex.sub(r"\s+", " ", groups["frac"].lower())]
        unit = groups["fracunit"].lower()
        return Mention(start, end, "duration", fraction, fraction, fraction, None, unit, fraction)
    if groups["onedur"]:
        return Mention(start, end, "duration", 1.0, 1.0, 1.0, None, groups["oneunit"].lower(), 1.0)
    if groups["fraction"]:
        value = v.fractions[regex.sub(r"\s+", " ", groups["fraction"].lower())]
        return Mention(start, end, "number", value, value, value, None, None, None)
    if groups["standalone"]:
        value = v.standalone[regex.sub(r"\s+", " ", groups["standalone"].lower())]
        return Mention(start, end, "number", value, value, value, None, None, 1.0)
    return _number_mention(match, text)


def _date_mention(match: regex.Match[str]) -> Mention:
    groups = match.groupdict()
    v = vocab()
    if groups["d_iso"]:
        year, month, day = (int(part) for part in groups["d_iso"].split("-"))
        parts: tuple[int | None, int, int | None] = (year, month, day)
    else:
        month_name = groups["d_month1"] or groups["d_month2"] or groups["d_month3"]
        month = v.months[month_name.rstrip(".").lower()]
        day_text = groups["d_day1"] or groups["d_day2"]
        year_text = groups["d_year1"] or groups["d_year2"] or groups["d_year3"]
        day = int(regex.sub(r"\D", "", day_text)) if day_text else None
        parts = (int(year_text) if year_text else None, month, day)
    return Mention(
        match.start(), match.end(), "date", None, None, None, None, None, None,
        date_parts=parts, weekday=groups["weekday"],
    )  # fmt: skip


def _number_mention(match: regex.Match[str], text: str) -> Mention | None:
    groups = match.groupdict()
    v = vocab()
    start, end = match.span()
    if groups["digits"]:
        value, step = parse_digits(groups["digits"])
    else:
        words = regex.split(r"[\s-]+", groups["words"].strip())
        parsed = parse_words(words)
        if parsed is None:
            return None
        value, step = parsed, step_of_value(parsed)
    if groups["sign"] and groups["sign"] in "-−–":
        value = -value

    currency = v.currency_prefixes.get(groups["cur"]) if groups["cur"] else None
    if currency == "YEN_OR_YUAN":
        currency = "CNY/JPY"
    scale_text = (groups["scale"] or "").strip().rstrip(".")
    unit: str | None = None
    if scale_text:
        if scale_text in _CURRENCY_ONLY_SCALES and not currency:
            return None
        if scale_text == "m" and not currency and not groups["unit"] and _word_after(text, end) in _METRE_HINTS:
            unit = "meter"
        else:
            multiplier = v.scale_suffixes.get(scale_text) or v.scale_words.get(scale_text.lower().rstrip("s"))
            if multiplier is None:
                return None
            value *= multiplier
            step *= multiplier

    kind = "number"
    qualifier: Qualifier | None = None
    if groups["plus"]:
        qualifier = v.qualifiers["at least"]
    if groups["ordinal"]:
        if not groups["digits"] or "." in groups["digits"]:
            return None
        kind = "ordinal"
    elif groups["points"]:
        kind = "percentage_point"
        unit = "basis_point" if groups["points"].strip().lower().startswith(("b", "bp")) else "percentage_point"
    elif groups["percent"]:
        kind = "percent"
        unit = "percent"
    elif groups["age"]:
        kind, unit = "age", "year"
    elif groups["curword"] and not currency:
        currency = v.currency_words[regex.sub(r"\s+", " ", groups["curword"].strip().lower())]
    elif groups["duration"]:
        kind = "duration"
        unit = v.time_units[groups["duration"].strip(" -\t\n").lower()]
    elif groups["unit"]:
        form = regex.sub(r"\s+", " ", groups["unit"].strip(" -\t\n"))
        unit_form = v.unit_forms.get(form) or v.unit_forms_folded.get(form.lower())
        if unit_form is None:
            return None
        kind, unit = unit_form.kind, unit_form.unit
    if currency:
        kind, unit = "money", currency

    # Digits glued to letters we did not read ("4G", "737MAX") are names.
    if end < len(text) and (text[end].isalnum() or text[end] in "_") and not groups["ordinal"]:
        return None
    if kind == "number" and unit is None and not groups["words"]:
        if _is_year(groups["digits"], value, text, start, end, qualifier is not None):
            return Mention(start, end, "year", value, value, value, None, None, 1.0)
    low, high = _interval(value, qualifier)
    return Mention(start, end, kind, value, low, high, qualifier.name if qualifier else None, unit, step)


def _is_year(digits: str, value: float, text: str, start: int, end: int, qualified: bool) -> bool:
    if len(digits) != 4 or not digits.isdigit() or qualified:
        return False
    if not 1000 <= value <= 2100:
        return False
    before = _word_before(text, start)
    if before in _YEAR_PREPOSITIONS or before.endswith(("-", "'s", "’s")):
        return True
    if before in _DETERMINERS or before.endswith(("'s", "’s")):
        return True
    if value < 1900:
        return False
    # "2000 people" is a count; "2014 invasion" and "in 2014," are years.
    after_match = regex.match(r"[ \t]{1,3}([a-z]{2,30})\b", text[end : end + 40])
    return after_match is None or after_match.group(1) in _YEAR_NOUNS


def _apply_context(text: str, mention: Mention) -> Mention:
    """Read a qualifier or range opener before the mention, and "or more" after it."""
    if mention.kind in ("date", "ordinal"):
        return mention
    g = grammar()
    window = text[max(0, mention.start - _LOOKBEHIND) : mention.start]
    found = g.qualifier_before.search(window)
    start, end = mention.start, mention.end
    qualifier: Qualifier | None = None
    opener = None
    opener_start = None
    if found:
        opener = (found.group("between") or "").lower() or None
        if opener:
            opener_start = mention.start - len(window) + found.start("between")
        if found.group("qual") and mention.kind != "year":
            qualifier = vocab().qualifiers[regex.sub(r"\s+", " ", found.group("qual").lower())]
            start = mention.start - len(window) + found.start("qual")
            opener_match = regex.search(r"(?i)\b(between|from)\s+$", found.group(0))
            if opener_match:
                opener = opener_match.group(1).lower()
                opener_start = start + opener_match.start(1) - found.start("qual")
    if qualifier is None and mention.qualifier is None and mention.kind != "year":
        trailing = g.trailing_qualifier.match(text, mention.end)
        if trailing:
            qualifier = vocab().trailing_qualifiers[regex.sub(r"\s+", " ", trailing.group().strip().lower())]
            end = trailing.end()
    if qualifier is None:
        return replace(mention, opener=opener, opener_start=opener_start)
    if mention.value is None or mention.qualifier == "range":
        return replace(mention, opener=opener, opener_start=opener_start)
    low, high = _interval(mention.value, qualifier)
    return replace(
        mention, start=start, end=end, qualifier=qualifier.name, low=low, high=high,
        opener=opener, opener_start=opener_start,
    )  # fmt: skip


_RANGE_KINDS = frozenset({"number", "percent", "money", "quantity", "duration", "temperature", "percentage_point", "age"})


def _join_ranges(text: str, mentions: list[Mention]) -> list[Mention]:
    """Join "A to B", "A-B" and "between A and B" into one range mention."""
    out: list[Mention] = []
    i = 0
    connector = grammar().connector
    while i < len(mentions):
        first = mentions[i]
        if i + 1 < len(mentions):
            second = mentions[i + 1]
            gap = text[first.end : second.start]
            joined = _try_join(first, second, gap, connector)
            if joined is not None:
                out.append(joined)
                i += 2
                continue
        out.append(first)
        i += 1
    return out


def _try_join(first: Mention, second: Mention, gap: str, connector: regex.Pattern[str]) -> Mention | None:
    link = connector.fullmatch(gap)
    if not link or first.value is None or second.value is None:
        return None
    word = gap.strip().lower()
    if word == "and" and first.opener != "between":
        return None
    if first.qualifier or second.qualifier:
        return None
    if first.kind == "year" and second.kind == "year":
        if second.value <= first.value:
            return None
        start = first.opener_start if first.opener_start is not None else first.start
        return Mention(start, second.end, "year", None, first.value, second.value, "range", None, 1.0, first.opener)
    if first.kind not in _RANGE_KINDS or second.kind not in _RANGE_KINDS:
        return None
    low, high, step = first.value, second.value, second.step
    kind, unit = second.kind, second.unit
    if first.unit is not None and first.unit != second.unit:
        if second.unit is not None:
            return None
        kind, unit = first.kind, first.unit  # "$10 to 15" reads as dollars
    # "$1-2bn": the first number borrows the scale when that keeps the order.
    if first.step is not None and second.step is not None and first.step < second.step:
        scale = second.step / (first.step or 1.0)
        if scale >= 1000 and first.value * scale <= second.value:
            low = first.value * scale
    if low >= high:
        return None
    start = first.opener_start if first.opener_start is not None else first.start
    return Mention(start, second.end, kind, None, low, high, "range", unit, step, opener=first.opener)


def _drop_dangling(text: str, mentions: list[Mention]) -> list[Mention]:
    """Drop numbers that are part of names ("Boeing 737") or scores ("3-1")."""
    names = vocab().name_words
    out = []
    for mention in mentions:
        if mention.kind not in ("date", "year") and _word_before(text, mention.start).rstrip(":") in names:
            continue
        before = text[max(0, mention.start - 2) : mention.start]
        if mention.qualifier != "range" and len(before) == 2 and before[1] in "-–" and before[0].isdigit():
            continue
        out.append(mention)
    return out


def scan(text: str) -> list[Mention]:
    """Every numeric mention in ``text``, in order of position."""
    blanked = _blank(text)
    mentions = []
    for match in grammar().atom.finditer(blanked):
        mention = _interpret(match, blanked)
        if mention is not None:
            mentions.append(_apply_context(blanked, mention))
    return _drop_dangling(blanked, _join_ranges(blanked, mentions))
