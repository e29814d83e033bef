"""The numeric claims of a real article body, as an editor reads them.

Seed 001 is an Al Jazeera analysis ("Is Trump trying to pull Putin away from
China – and can it work?", 14 March 2025) scraped with its page chrome.  We
take the article body only, from "As US President Donald Trump sat in the Oval
Office" to '... especially in Europe," Wyne said.', which includes the photo
captions, and expect every numeric claim in it, in order, and nothing else.

The hard ones, and how an editor reads them:

* "February 28" (no year) is a date; with the article dated 2025-03-14 it is
  2025-02-28.  "March 5, 2008", "March 8, 2025", "August 8, 2008",
  "April 26, 2019" and "February 28, 2025" (captions) are dates too, as are
  the month-years "November 2001" and "February 2022".
* "in the 1970s" is a year decade, text "1970s" (the article is not part of
  the claim); "1969-70" is a year range, value None.
* "Two weeks later" and "two weeks ago" are durations of 2 weeks; "A year
  later" is a duration of 1 year (a checkable interval: Bush's 2005 visit,
  then the 2006 G8 summit).
* "110-year-anniversary" is a 110-year duration, text "110-year".
* "nearly 25 years" and "Over a quarter of a century" keep their qualifiers
  in the text; the second is 0.25 century, more_than.
* "its 2014 invasion", "the US's 2003 invasion", "vintage 1956 Volga" are
  years, not counts.
* "The two sides", "the two would routinely engage" and "for two reasons"
  are plain small numbers: kind number, value 2.
* "from $140bn in 2021 to $244bn in 2024" is two money levels, each with its
  own year, and the two years are year claims of their own.
* Not claims: "Group of Seven", "G7", "G8", "G3", "9/11", "COVID-19" (names);
  "One theory", "One lesson" (a determiner, not a count); the word ordinals
  "first term", "first world leader", "the second Trump administration",
  "First,", "Second,", "a third potential benefit"; the vague "some ground",
  "recent years", "over the years", "several analysts", "Days later".
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from factcheck import extract_claims
from factcheck.model import Claim

SEED = Path(__file__).resolve().parents[2] / "seeds" / "001_839168d87bbbea1a.txt"
BODY_START = "As US President Donald Trump sat in the Oval Office"
BODY_END = "especially in Europe,” Wyne said."
AS_OF = date(2025, 3, 14)

EXPECTED: list[tuple[str, str, float | None]] = [
    ("February 28", "date", None),
    ("Two weeks", "duration", 2),
    ("1970s", "year", 1970),
    ("nearly 25 years", "duration", 25),
    ("110-year", "duration", 110),
    ("March 5, 2008", "date", None),
    ("2014", "year", 2014),
    ("three years", "duration", 3),
    ("two weeks", "duration", 2),
    ("March 8, 2025", "date", None),
    ("1969-70", "year", None),
    ("1971", "year", 1971),
    ("two", "number", 2),
    ("1969", "year", 1969),
    ("2016", "year", 2016),
    ("20 percent", "percent", 20),
    ("August 8, 2008", "date", None),
    ("November 2001", "date", None),
    ("two", "number", 2),
    ("2005", "year", 2005),
    ("1956", "year", 1956),
    ("A year", "duration", 1),
    ("2003", "year", 2003),
    ("2008", "year", 2008),
    ("2014", "year", 2014),
    ("2022", "year", 2022),
    ("at least 21,692", "number", 21692),
    ("Over a quarter of a century", "duration", 0.25),
    ("April 26, 2019", "date", None),
    ("February 2022", "date", None),
    ("more than 40", "number", 40),
    ("2012", "year", 2012),
    ("More than 1,000", "number", 1000),
    ("70 percent", "percent", 70),
    ("between 2021 and 2024", "year", None),
    ("$140bn", "money", 140000000000),
    ("2021", "year", 2021),
    ("$244bn", "money", 244000000000),
    ("2024", "year", 2024),
    ("2028", "year", 2028),
    ("February 28, 2025", "date", None),
    ("two", "number", 2),
]


def _body() -> str:
    text = SEED.read_text(encoding="utf-8")
    start = text.index(BODY_START)
    end = text.index(BODY_END, start) + len(BODY_END)
    return text[start:end]


@pytest.fixture(scope="module")
def claims() -> list[Claim]:
    return extract_claims(_body(), date=AS_OF)


def _one(claims: list[Claim], text: str) -> Claim:
    found = [claim for claim in claims if claim.text == text]
    assert found, f"no claim {text!r} in {[c.text for c in claims]}"
    return found[0]


def _period(claim: Claim) -> str | None:
    return claim.period.label() if claim.period is not None else None


def test_body_claims_in_order(claims: list[Claim]) -> None:
    assert [(c.text, c.kind, c.value) for c in claims] == EXPECTED


@pytest.mark.parametrize(
    ("text", "qualifier", "unit", "low", "high"),
    [
        ("1970s", "range", None, 1970, 1979),
        ("nearly 25 years", "nearly", "year", 22.5, 25),
        ("110-year", None, "year", 110, 110),
        ("1969-70", "range", None, 1969, 1970),
        ("20 percent", None, "percent", 20, 20),
        ("at least 21,692", "at_least", None, 21692, None),
        ("Over a quarter of a century", "more_than", "century", 0.25, None),
        ("more than 40", "more_than", None, 40, None),
        ("More than 1,000", "more_than", None, 1000, None),
        ("between 2021 and 2024", "range", None, 2021, 2024),
        ("$140bn", None, "USD", 140000000000, 140000000000),
        ("$244bn", None, "USD", 244000000000, 244000000000),
    ],
)
def test_claim_interval(
    claims: list[Claim], text: str, qualifier: str | None, unit: str | None, low: float | None, high: float | None
) -> None:
    claim = _one(claims, text)
    assert (claim.qualifier, claim.unit) == (qualifier, unit)
    assert claim.low == (None if low is None else pytest.approx(low, rel=1e-6))
    assert claim.high == (None if high is None else pytest.approx(high, rel=1e-6))


def test_sanctions_claim(claims: list[Claim]) -> None:
    claim = _one(claims, "at least 21,692")
    key = claim.subject_key or ""
    assert "sanction" in key and "russia" in key, key
    assert claim.qualifier == "at_least"
    assert claim.low == 21692
    assert claim.high is None


def test_trade_from_to(claims: list[Claim]) -> None:
    first = _one(claims, "$140bn")
    second = _one(claims, "$244bn")
    assert (_period(first), _period(second)) == ("2021", "2024")
    assert "trade" in (first.subject_key or ""), first.subject_key
    assert "trade" in (second.subject_key or ""), second.subject_key
    assert (first.aspect, second.aspect) == ("level", "level")


def test_exports_change(claims: list[Claim]) -> None:
    claim = _one(claims, "70 percent")
    assert claim.aspect == "change"
    assert _period(claim) == "2021/2024"
    assert claim.source == "Capital Economics"


def test_companies_left_source(claims: list[Claim]) -> None:
    assert _one(claims, "More than 1,000").source == "Yale School of Management"


def test_first_date_reads_the_article_year(claims: list[Claim]) -> None:
    assert _period(_one(claims, "February 28")) == "2025-02-28"
