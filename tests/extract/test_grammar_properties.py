"""Properties of the number grammar, checked with hypothesis.

Numbers written in each common style read back as their value; extraction
never raises, whatever the input; every claim's text is its span; and every
interval contains its value.
"""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

import factcheck
from factcheck.extract.scanner import scan

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def in_words(n: int) -> str:
    """British English words for 0 <= n < 1,000,000: "three hundred and forty-two"."""
    if n < 20:
        return _UNITS[n]
    if n < 100:
        return _TENS[n // 10] + (f"-{_UNITS[n % 10]}" if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return f"{_UNITS[n // 100]} hundred" + (f" and {in_words(rest)}" if rest else "")
    rest = n % 1000
    head = f"{in_words(n // 1000)} thousand"
    if not rest:
        return head
    return f"{head} {in_words(rest)}" if rest >= 100 else f"{head} and {in_words(rest)}"


def read_one(phrase: str) -> float | None:
    """The value of the single mention of ``phrase`` in a carrier sentence."""
    text = f"The total was {phrase} last year."
    mentions = scan(text)
    assert len(mentions) == 1, (phrase, [(text[m.start : m.end], m.value) for m in mentions])
    assert text[mentions[0].start : mentions[0].end] == phrase
    return mentions[0].value


FAST = settings(deadline=None, max_examples=150)


@FAST
@given(st.integers(min_value=0, max_value=10**13))
def test_plain_integers(n: int) -> None:
    assert read_one(str(n)) == n


@FAST
@given(st.integers(min_value=1000, max_value=10**15))
def test_thousands_commas(n: int) -> None:
    assert read_one(f"{n:,}") == n


@FAST
@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=3))
def test_decimals(whole: int, places: int) -> None:
    fraction = whole % (10**places)
    text = f"{whole}.{fraction:0{places}d}"
    value = read_one(text)
    assert value is not None and math.isclose(value, float(text))


@FAST
@given(
    st.integers(min_value=1, max_value=999),
    st.integers(min_value=0, max_value=9),
    st.sampled_from([("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12)]),
)
def test_scale_words(whole: int, tenth: int, scale: tuple[str, float]) -> None:
    value = read_one(f"{whole}.{tenth} {scale[0]}")
    assert value is not None and math.isclose(value, (whole + tenth / 10) * scale[1])


@FAST
@given(
    st.sampled_from(["$", "€", "£", "US$", "HK$"]),
    st.integers(min_value=1, max_value=9999),
    st.sampled_from([("bn", 1e9), ("m", 1e6), ("k", 1e3), ("tn", 1e12)]),
)
def test_money_with_scale_suffix(symbol: str, amount: int, suffix: tuple[str, float]) -> None:
    text = f"It was worth {symbol}{amount}{suffix[0]} in all."
    (mention,) = scan(text)
    assert mention.kind == "money"
    assert mention.value is not None and math.isclose(mention.value, amount * suffix[1])


@FAST
@given(st.integers(min_value=0, max_value=1000), st.sampled_from(["%", " %", " percent", " per cent"]))
def test_percent(n: int, sign: str) -> None:
    (mention,) = scan(f"Support rose to {n}{sign} this week.")
    assert (mention.kind, mention.value) == ("percent", n)


@FAST
@given(st.integers(min_value=0, max_value=999_999))
def test_number_words(n: int) -> None:
    assert read_one(in_words(n)) == n


@settings(deadline=None, max_examples=300)
@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    for claim in factcheck.extract_claims(text):
        assert claim.text == text[claim.start : claim.end]


_FRAGMENTS = [
    "1",
    "9",
    "0",
    "12",
    "2024",
    "1970",
    "21,692",
    ",",
    ".",
    " ",
    "  ",
    "-",
    "–",
    "/",
    "%",
    "$",
    "€",
    "£",
    "US$",
    "bn",
    "m",
    "k",
    "million",
    "billion",
    "one",
    "two",
    "twenty",
    "hundred",
    "thousand",
    "and",
    "a",
    "half",
    "quarter",
    "thirds",
    "point",
    "minus",
    "more than",
    "at least",
    "up to",
    "between",
    "to",
    "from",
    "or more",
    "nearly",
    "about",
    "per cent",
    "percentage points",
    "km",
    "sq km",
    "tonnes",
    "years",
    "year-old",
    "-year-old",
    "March",
    "Monday,",
    "'",
    "s",
    "e",
    "^",
    "x10^",
    ":",
    "am",
    "G",
    "COVID-",
    "#",
    "+",
    "(",
    ")",
    "\n",
    "1.",
    "½",
    "over",
    "in",
    "out of",
    "=",
    "<",
    ">",
]


@settings(deadline=None, max_examples=400)
@given(st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=30).map("".join))
def test_number_fragments(text: str) -> None:
    for claim in factcheck.extract_claims(text):
        assert claim.text == text[claim.start : claim.end]
        assert 0 <= claim.start < claim.end <= len(text)
        if claim.value is not None and claim.low is not None:
            assert claim.low <= claim.value
        if claim.value is not None and claim.high is not None:
            assert claim.value <= claim.high
        if claim.low is not None and claim.high is not None:
            assert claim.low <= claim.high
