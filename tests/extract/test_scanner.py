"""Mentions as the scanner reads them: kinds, units, currencies, dates, qualifiers, ranges, not-claims."""

from __future__ import annotations

import pytest

import factcheck
from factcheck.extract.scanner import Mention, scan
from factcheck.extract.vocab import vocab
from factcheck.units import is_known


def only(text: str) -> Mention:
    mentions = scan(text)
    assert len(mentions) == 1, [(text[m.start : m.end], m.kind, m.value) for m in mentions]
    return mentions[0]


def spans(text: str) -> list[str]:
    return [text[m.start : m.end] for m in scan(text)]


# --- percentages ---------------------------------------------------------------------


@pytest.mark.parametrize("text", ["20%", "20 %", "20 per cent", "20 percent", "twenty percent", "20 pct"])
def test_percent(text: str) -> None:
    mention = only(f"Prices rose {text} last year")
    assert (mention.kind, mention.value, mention.unit) == ("percent", 20, "percent")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("3.2 percentage points", "percentage_point"),
        ("3.2 pp", "percentage_point"),
        ("3.2 ppts", "percentage_point"),
        ("3.2 basis points", "basis_point"),
        ("3.2 bps", "basis_point"),
    ],
)
def test_percentage_points_are_not_percent(text: str, unit: str) -> None:
    mention = only(f"The rate fell {text}.")
    assert (mention.kind, mention.value, mention.unit) == ("percentage_point", 3.2, unit)


def test_percent_of_at_the_start_of_a_clause() -> None:
    mention = only("per cent of twenty-two")
    assert (mention.kind, mention.value) == ("percent", 22)
    assert only("just need minus five percent").value == -5


# --- money ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("$140bn", 140e9, "USD"),
        ("US$4.2bn", 4.2e9, "USD"),
        ("$ 75 million", 75e6, "USD"),
        ("€2.5 million", 2.5e6, "EUR"),
        ("EUR 125", 125, "EUR"),
        ("£8.10 million", 8.1e6, "GBP"),
        ("¥500", 500, "CNY/JPY"),
        ("500 yen", 500, "JPY"),
        ("₹3,000", 3000, "INR"),
        ("Rs. 500", 500, "INR"),
        ("35 lakh rupees", 3.5e6, "INR"),
        ("HK$10.05 billion", 10.05e9, "HKD"),
        ("C$300 million", 3e8, "CAD"),
        ("A$1.5bn", 1.5e9, "AUD"),
        ("100 billion yuan", 1e11, "CNY"),
        ("323 million euros", 323e6, "EUR"),
        ("10,000 Swiss francs", 1e4, "CHF"),
        ("20 billion roubles", 2e10, "RUB"),
        ("50 cents", 50, "cents"),
        ("470 pence", 470, "GBX"),
        ("50p", 50, "GBX"),
        ("115USD", 115, "USD"),
        ("USD115", 115, "USD"),
        ("75 USD million", 75e6, "USD"),
        ("30 MUSD", 30e6, "USD"),
        ("10 €", 10, "EUR"),
        ("6.25 BTC", 6.25, "BTC"),
        ("361 million pounds", 361e6, "GBP"),
    ],
)
def test_money(text: str, value: float, currency: str) -> None:
    mention = only(f"It cost {text} in all.")
    assert mention.kind == "money"
    assert mention.value == pytest.approx(value)
    assert mention.unit == currency


def test_minor_units_add_to_the_major() -> None:
    assert only("it only cost 3 dollars 50 cents.").value == pytest.approx(3.5)
    assert only("thirteen dollars and forty-five cents").value == pytest.approx(13.45)
    assert only("It costs 15 dollars 50.").value == pytest.approx(15.5)
    # a count after the amount is not cents
    assert [m.value for m in scan("They paid 500 euros and 20 people came")] == [500, 20]


def test_pounds_are_mass_without_a_scale() -> None:
    mention = only("The baby weighs 25 pounds")
    assert (mention.kind, mention.unit) == ("quantity", "pound")
    beef = only("2 million pounds of beef")
    assert (beef.kind, beef.unit) == ("quantity", "pound")


# --- units ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("603,550 sq km", 603550, "square_kilometer"),
        ("603,550 square kilometres", 603550, "square_kilometer"),
        ("1.2m tonnes", 1.2e6, "metric_ton"),
        ("16,000 metric tons", 16000, "metric_ton"),
        ("1,458,000 tons", 1458000, "short_ton"),
        ("10m barrels", 1e7, "oil_barrel"),
        ("500,000 barrels a day", 500000, "oil_barrel"),
        ("50 km/ms", 50, "kilometer / millisecond"),
        ("55 bcm", 55, "bcm"),
        ("0.9 trillion cubic feet", 0.9e12, "cubic_foot"),
        ("5 cubic metres", 5, "meter ** 3"),
        ("200lbs", 200, "pound"),
        ("3-inch", 3, "inch"),
        ("45-acre", 45, "acre"),
        ("1/4 mile", 0.25, "mile"),
        ("10 1/2 miles", 10.5, "mile"),
        ("188 miles an hour", 188, "mile_per_hour"),
        ("10kmph", 10, "kilometer_per_hour"),
        ("10km/hr", 10, "kilometer / hour"),
        ("2,000 MW", 2000, "megawatt"),
        ("5 TWh", 5, "terawatt_hour"),
        ("120 μg", 120, "microgram"),
        ("20 (kg)", 20, "kilogram"),
        ("16-bit", 16, "bit"),
        ("24703m2", 24703, "square_meter"),
        ("rotate 90 degrees", 90, "degree"),
    ],
)
def test_units(text: str, value: float, unit: str) -> None:
    mention = only(text)
    assert mention.kind == "quantity"
    assert mention.value == pytest.approx(value)
    assert mention.unit == unit


def test_feet_and_inches() -> None:
    mention = only("he is 5 feet 2 inches")
    assert (mention.unit, mention.value) == ("foot", pytest.approx(5 + 2 / 12))


def test_a_double_prime_closing_a_quotation_is_no_inch_sign() -> None:
    # Some publishing systems set the closing quote of '“nearly 8,000” employees' as a double prime.
    quoted = only("The firm laid off \u201cnearly 8,000\u2033 employees, he said.")
    assert (quoted.kind, quoted.unit, quoted.value) == ("number", None, 8000)
    screen = only("The tablet has a 11\u2033 screen.")
    assert (screen.unit, screen.value) == ("inch", 11)


@pytest.mark.parametrize(("text", "unit"), [("35°C", "degree_Celsius"), ("95 degrees Fahrenheit", "degree_Fahrenheit")])
def test_temperature(text: str, unit: str) -> None:
    mention = only(f"It reached {text} on Monday")
    assert (mention.kind, mention.unit) == ("temperature", unit)


def test_bare_degrees_in_weather_are_a_temperature() -> None:
    assert only("temperatures hit 24 degrees").kind == "temperature"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("six weeks", 6, "week"),
        ("three years", 3, "year"),
        ("nearly six decades", 6, "decade"),
        ("24 hours", 24, "hour"),
        ("a half-hour", 0.5, "hour"),
    ],
)
def test_durations(text: str, value: float, unit: str) -> None:
    mention = only(text)
    assert (mention.kind, mention.value, mention.unit) == ("duration", value, unit)


def test_age() -> None:
    mention = only("a 46-Year-Old man")
    assert (mention.kind, mention.value) == ("age", 46)
    assert only("He is 30 years old").kind == "age"


def test_every_vocabulary_unit_converts() -> None:
    v = vocab()
    names = {form.unit for form in v.unit_forms.values()}
    names |= {f"meter / {per}" for per in v.per_units.values()}
    names |= set(v.time_units.values()) - {"fortnight", "decade", "century"}
    assert [name for name in sorted(names) if not is_known(name)] == []


# --- dates and years ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("February 28", (None, 2, 28)),
        ("March 14, 2025", (2025, 3, 14)),
        ("17 Feb 2025", (2025, 2, 17)),
        ("November 2001", (2001, 11, None)),
        ("2024-03-05", (2024, 3, 5)),
        ("Friday, May 9, 2025", (2025, 5, 9)),
    ],
)
def test_dates(text: str, parts: tuple[int | None, int, int | None]) -> None:
    mention = only(f"It happened on {text}.")
    assert mention.kind == "date"
    assert mention.date_parts == parts
    assert f"It happened on {text}."[mention.start : mention.end] == text


@pytest.mark.parametrize("text", ["in 2014", "since 2022", "the 2016 election", "by 2030,"])
def test_years(text: str) -> None:
    mention = only(text)
    assert mention.kind == "year"


def test_a_four_digit_count_is_not_a_year() -> None:
    assert only("2000 people came").kind == "number"


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("the 1970s", 1970, 1979), ("the '90s", 1990, 1999), ("1969-70", 1969, 1970), ("2019/20", 2019, 2020)],
)
def test_decades_and_year_ranges(text: str, low: int, high: int) -> None:
    mention = only(text)
    assert (mention.kind, mention.low, mention.high, mention.qualifier) == ("year", low, high, "range")


# --- qualifiers -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "qualifier", "low", "high"),
    [
        ("at least 21,692", "at_least", 21692, None),
        ("no fewer than 30", "at_least", 30, None),
        ("more than 20", "more_than", 20, None),
        ("over 30", "more_than", 30, None),
        ("larger than twenty", "more_than", 20, None),
        ("exceeding 150", "more_than", 150, None),
        ("up to 4,000", "up_to", None, 4000),
        ("less than 3000", "less_than", None, 3000),
        ("fewer than a thousand", "less_than", None, 1000),
        ("no more than 50", "at_most", None, 50),
        ("no less than thirty", "at_least", 30, None),
        ("less than or equal to 30", "at_most", None, 30),
        ("smaller or equal than 100", "at_most", None, 100),
        ("bigger or equal than 3965", "at_least", 3965, None),
        ("equal to or more than 30", "at_least", 30, None),
        ("at least or equal to 30", "at_least", 30, None),
        ("500 or more", "at_least", 500, None),
        ("five hundred or less", "at_most", None, 500),
        ("200 or greater", "at_least", 200, None),
        ("less than 5000 or equal", "at_most", None, 5000),
        (">10", "more_than", 10, None),
        (">= 30", "at_least", 30, None),
        ("<=  -30", "at_most", None, -30),
        ("< = 100", "at_most", None, 100),
    ],
)
def test_qualifiers_make_intervals(text: str, qualifier: str, low: float | None, high: float | None) -> None:
    mention = only(text)
    assert (mention.qualifier, mention.low, mention.high) == (qualifier, low, high)
    assert (mention.start, mention.end) == (0, len(text))


def test_approximate_qualifiers_keep_the_value() -> None:
    about = only("about 300")
    assert (about.qualifier, about.value) == ("about", 300)
    assert about.low is not None and about.high is not None and about.low < 300 < about.high
    nearly = only("nearly six decades")
    assert (nearly.qualifier, nearly.high) == ("nearly", 6)


def test_equal_to_is_part_of_the_mention_but_exact() -> None:
    mention = only("x is equal to one hundred and seventy.")
    assert (mention.value, mention.low, mention.high, mention.qualifier) == (170, 170, 170, None)


def test_symbols_that_are_not_comparisons() -> None:
    for text in ("=>30", "=<30", "<>30"):
        assert only(text).qualifier is None


# --- ranges ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("between 20 and 30", 20, 30),
        ("from 20 to 30", 20, 30),
        ("20 to 30", 20, 30),
        ("1000-5000", 1000, 5000),
        ("1000 – 5000", 1000, 5000),
        ("20 through 100", 20, 100),
        ("20~100", 20, 100),
        ("5k-20k", 5000, 20000),
        ("10-15%", 10, 15),
        ("$1-2bn", 1e9, 2e9),
        ("between 5 and 10 million", 5e6, 10e6),
        ("from one thousand to one thousand and five hundred", 1000, 1500),
        ("more than 10 and less than 40", 10, 40),
        ("greater than 30 and less than or equal to 40", 30, 40),
        ("at most 100 and at least 20", 20, 100),
        ("above 1000 and below 1500", 1000, 1500),
        ("between negative ten and fifteen", -10, 15),
        ("between the tenth and the fifteenth", 10, 15),
    ],
)
def test_ranges(text: str, low: float, high: float) -> None:
    mention = only(text)
    assert mention.qualifier == "range"
    assert mention.value is None
    assert (mention.low, mention.high) == (pytest.approx(low), pytest.approx(high))


def test_bounds_in_the_wrong_order_are_two_mentions() -> None:
    assert spans("More than 40 and less than 10 are two ranges") == ["More than 40", "less than 10", "two"]


def test_range_of_money_keeps_the_currency() -> None:
    mention = only("from $140bn to $244bn")
    assert (mention.kind, mention.unit, mention.low, mention.high) == ("money", "USD", 140e9, 244e9)


def test_news_sentence_with_years() -> None:
    text = "Trade grew from $140bn in 2021 to $244bn in 2024."
    assert [(m.kind, m.value) for m in scan(text)] == [
        ("money", 140e9),
        ("year", 2021),
        ("money", 244e9),
        ("year", 2024),
    ]


# --- not claims -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Visit https://example.com/2024/05/report-100 today",
        "mail to john.smith99@example.com now",
        "the server at 192.168.1.2 is down",
        "call 555-123-4567 now",
        "call +1-222-2222/2222 now",
        "call +44 20 7946 0958 now",
        "upgrade to v2.3.1 now",
        "version 3.10.4 is out",
        "we meet at 10:30 tomorrow",
        "we meet at 2 pm tomorrow",
        "we meet at 10 a.m. tomorrow",
        "the G7 summit",
        "the G20 and the MH17 report",
        "the COVID-19 pandemic",
        "SCP-173 is a story",
        "after 9/11 everything changed",
        "open 24/7 now",
        "meet on 5/17/2018 then",
        "Boeing 737 jets",
        "page 12 of the report",
        "it was a Catch-22",
        "the #12 hashtag",
        "4G and 5G networks",
    ],
)
def test_not_claims(text: str) -> None:
    assert [m for m in scan(text) if m.kind != "date"] == [], text


def test_list_numbers_are_not_claims() -> None:
    assert spans("1. Introduction\n2. Costs rose 5%") == ["5%"]


def test_extract_claims_round_trip() -> None:
    text = "Russia faced at least 21,692 sanctions, worth US$4.2bn, over nearly six decades."
    claims = factcheck.extract_claims(text)
    assert [c.text for c in claims] == ["at least 21,692", "US$4.2bn", "nearly six decades"]
    for claim in claims:
        assert claim.text == text[claim.start : claim.end]
