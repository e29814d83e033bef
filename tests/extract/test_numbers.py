"""The number grammar: digits, separators, decimals, signs, words, scales and fractions."""

from __future__ import annotations

import math

import pytest

from factcheck.extract.numbers import (
    format_number,
    parse_digits,
    parse_european,
    parse_power,
    parse_scientific,
    step_of_integer_digits,
)
from factcheck.extract.scanner import Mention, scan


def only(text: str) -> Mention:
    """The one mention in ``text``."""
    mentions = scan(text)
    assert len(mentions) == 1, [(text[m.start : m.end], m.kind, m.value) for m in mentions]
    return mentions[0]


def value_of(text: str) -> float | None:
    return only(text).value


def values(text: str) -> list[float | None]:
    return [m.value for m in scan(text)]


# --- digits ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("21,692", 21692),
        ("1,234,567", 1234567),
        ("2,000.75", 2000.75),
        ("21 692", 21692),
        ("1\u202f234\u202f567.89", 1234567.89),
        ("40\u00a0000", 40000),
        ("12,34,567.89", 1234567.89),  # Indian grouping
        ("1.111,11", 1111.11),  # European grouping
        ("5,00", 5.0),  # decimal comma
        ("4.800", 4.8),
        (".08", 0.08),
        ("123456789101231", 123456789101231),
        ("0", 0),
    ],
)
def test_digit_formats(text: str, expected: float) -> None:
    mention = only(f"The figure was {text} in the end.")
    assert mention.value == pytest.approx(expected)
    assert mention.kind == "number"


def test_separators_that_are_lists_stay_separate() -> None:
    assert values("Exercises 22,24,26,31 are done.") == [22, 24, 26, 31]
    assert values("1, 234, 567") == [1, 234, 567]
    assert values("423 0000 will be two numbers") == [423, 0, 2]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("-1", -1), ("-9.2321312", -9.2321312), ("−5", -5), ("minus 5", -5), ("negative one", -1), ("- 1 4/5", -1.8)],
)
def test_signs(text: str, expected: float) -> None:
    assert value_of(text) == pytest.approx(expected)


def test_a_dash_between_numbers_is_not_a_sign() -> None:
    first, second = scan("lens of 75 -300mm")
    assert (first.value, second.value, second.unit) == (75, 300, "millimeter")
    assert only("The range is 1000 - 5000").low == 1000


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1e10", 1e10),
        ("1.3e6", 1.3e6),
        ("12.32e+14", 12.32e14),
        ("1.3x10^6", 1.3e6),
        ("6.23x10^-4", 6.23e-4),
        ("1.1^23", 1.1**23),
        ("2.5^-1", 0.4),
    ],
)
def test_scientific_forms(text: str, expected: float) -> None:
    assert value_of(text) == pytest.approx(expected)


def test_parse_helpers() -> None:
    assert parse_digits("21,692") == (21692, 1)
    assert parse_digits("21,700") == (21700, 100)
    assert parse_digits("244.8") == (244.8, pytest.approx(0.1))
    assert parse_european("1.111,11") == (pytest.approx(1111.11), pytest.approx(0.01))
    assert parse_scientific("1.3", "6") == (pytest.approx(1.3e6), pytest.approx(1e5))
    assert parse_scientific("9", "999") is None or math.isinf(parse_scientific("9", "999")[0])  # type: ignore[index]
    assert parse_power("1.1", "--23") == (pytest.approx(1.1**23), pytest.approx(1.0))
    assert parse_power("0", "-1") is None
    assert step_of_integer_digits("900") == 10
    assert step_of_integer_digits("1000") == 100
    assert format_number(140e9) == "140bn"
    assert format_number(21692) == "21,692"


# --- scale suffixes and words -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$140bn", 140e9),
        ("10k", 1e4),
        ("2.33 k", 2330),
        ("- 10  k", -1e4),
        ("1.2b", 1.2e9),
        ("10M", 1e7),
        ("10 bln", 1e10),
        ("10 tln", 1e13),
        ("2mil", 2e6),
        ("US$ 1MM", 1e6),
        ("1.5 million", 1.5e6),
        ("1,674.5 million", 1.6745e9),
        ("13 lakh", 1.3e6),
        ("1 crore", 1e7),
        ("three lakh crore", 3e12),
        ("322 hundred", 32200),
        ("2.12 hundred", 212),
    ],
)
def test_scales(text: str, expected: float) -> None:
    assert value_of(text) == pytest.approx(expected)


def test_a_glued_m_is_millions_unless_a_length_follows() -> None:
    assert only("1.2m tonnes").value == pytest.approx(1.2e6)
    tall = only("She is 1.8m tall")
    assert (tall.value, tall.unit, tall.kind) == (1.8, "meter", "quantity")
    assert only("a 100 m sprint").unit == "meter"


def test_step_carries_the_scale() -> None:
    assert only("$244bn").step == pytest.approx(1e9)
    assert only("$140bn").step == pytest.approx(1e10)  # a trailing zero may be rounding
    assert only("21,700 people").step == 100


# --- number words ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sixteen", 16),
        ("twenty-one", 21),
        ("Twenty-six", 26),
        ("fifty - two", 52),
        ("fifty   two", 52),
        ("one hundred and sixty-one", 161),
        ("Three hundred  and  thirty one", 331),
        ("two hundred and two thousand", 202000),
        ("two  thousand  and  two hundred", 2200),
        ("twenty-one trillion and three hundred", 21000000000300),
        ("a dozen", 12),
        ("3 dozens", 36),
        ("three hundred and two dozens", 324),
        ("half a  dozen", 6),
        ("3 hundred and 21", 321),
        ("4 thousand 3 hundred and 21", 4321),
        ("6 crore and two hundred", 60000200),
        ("a hundred", 100),
        ("a million", 1e6),
        ("zero", 0),
        ("nought", 0),
    ],
)
def test_number_words(text: str, expected: float) -> None:
    assert value_of(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("two hundred point zero three", 200.03),
        ("two hundred point seventy-one", 200.71),
        ("nine point nought four", 9.04),
        ("nought point eleven", 0.11),
        ("minus five point five", -5.5),
    ],
)
def test_point_decimals(text: str, expected: float) -> None:
    assert value_of(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a fifth", 0.2),
        ("two thirds", 2 / 3),
        ("three quarters", 0.75),
        ("a half", 0.5),
        ("one eighth", 0.125),
        ("one-eighth", 0.125),
        ("five - eighths", 0.625),
        ("one and a half", 1.5),
        ("five and a quarter", 5.25),
        ("one hundred and three quarters", 100.75),
        ("twenty and three fifths", 20.6),
        ("twenty-three fifths", 4.6),
        ("one hundred and thirty fifths", 26),
        ("one hundred thirty fifths", 100 / 35),
        ("three twenty-firsts", 3 / 21),
        ("a hundredth", 0.01),
        ("two and fifty-four hundredths", 2.54),
        ("five and a half million", 5.5e6),
        ("half million", 5e5),
        ("a quarter million", 2.5e5),
        ("two thirds of a million", 2e6 / 3),
        ("one million and a half", 1.5e6),
        ("3 million and a quarter", 3.25e6),
        ("one billion and three quarters million", 1.00075e9),
        ("3/4", 0.75),
        ("2  1/4", 2.25),
        ("-4/5", -0.8),
        ("½", 0.5),
        ("⅔", 2 / 3),
        ("one over three", 1 / 3),
        ("2000 over 3", 2000 / 3),
        ("1 in twenty-one", 1 / 21),
        ("two out of five hundred", 0.004),
    ],
)
def test_fractions_and_ratios(text: str, expected: float) -> None:
    assert value_of(text) == pytest.approx(expected)


def test_a_run_that_says_several_numbers_is_split() -> None:
    assert values("3 hundred and 2 hundred are two valid numbers") == [300, 200, 2]
    assert values("4 thousand 3 hundred and 0") == [4300, 0]
    assert values("they were playing three-nought-four") == [3, 0, 4]
    assert values("4000 3 hundred and 21") == [4000, 321]


def test_ratios_need_a_smaller_first_number() -> None:
    assert values("I count 12 in six boxes") == [12, 6]
    assert values("The result is 8 in 5") == [8, 5]


def test_the_pronoun_one_is_not_a_number() -> None:
    for text in ("The one you mentioned is invalid", "Which one do you prefer?", "That one is really good"):
        assert scan(text) == [], text
    assert values("Let's try one last time") == [1]
    assert values("one of the largest") == [1]


def test_ordinal_uses_of_fraction_words_are_not_fractions() -> None:
    assert scan("She won a third term in the first half of the year") == []
    assert values("more than a third of voters") == [pytest.approx(1 / 3)]
    assert values("half of the 1,200 staff") == [0.5, 1200]
    tenth = only("He finished the tenth.")
    assert (tenth.kind, tenth.value) == ("ordinal", 10)


def test_digit_ordinals() -> None:
    third = only("the 3rd quarter")
    assert (third.kind, third.value) == ("ordinal", 3)


@pytest.mark.parametrize("digit", ["\U00016d74", "\U00011bf0"])
def test_a_digit_python_cannot_read_is_no_digit(digit: str) -> None:
    """regex's \\d knows digits that float() does not (newer Unicode): they must not crash extraction."""
    from factcheck import extract_claims

    claims = extract_claims(f"Trade reached ${digit}bn in 2024, and {digit}{digit} firms left.")
    assert [c.text for c in claims] == ["2024"]


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("The council awarded a £3m grant over four years.", None),
        ("The deal, spread over five years, costs $2bn.", None),
        ("The war has lasted over four years.", "more_than"),
        ("He was jailed for over two years.", "more_than"),
        ("Over a quarter of a century, the city grew.", "more_than"),
    ],
)
def test_over_a_span_is_no_lower_bound(sentence: str, qualifier: str | None) -> None:
    from factcheck import extract_claims

    (duration,) = [c for c in extract_claims(sentence) if c.kind == "duration"]
    assert duration.qualifier == qualifier
    assert (duration.high is None) is (qualifier == "more_than")
