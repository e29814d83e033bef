"""internal.dates on planted errors and on correct statements: both must hold."""

from __future__ import annotations

import pytest

from factcheck.pipeline import run_example
from factcheck.ruleset import load_rules

RULE = next(rule for rule in load_rules() if rule.id == "internal.dates")
DATED = "---\ndate: 2025-03-14\n---\n"


def findings(text: str) -> list:
    return [f for f in run_example(RULE, [("a.md", text)]) if f.rule == RULE.id]


PLANTED = {
    "weekday before a date": ("On Tuesday, March 14, 2025, the talks began.", "March 14, 2025 was a Friday"),
    "weekday, British order": ("The talks began on Monday 14 March 2025.", "was a Friday, text says Monday"),
    "weekday, year from the article": (DATED + "On Friday, March 11, talks began.", "March 11, 2025 was a Tuesday"),
    "weekday after a date": ("The vote is on March 14, 2025 (Sunday).", "was a Friday, text says Sunday"),
    "age against birth year": (DATED + "Putin, 75, was born in 1952.", "72 or 73 on 2025-03-14, text says 75"),
    "age against birth date": (
        DATED + "The 70-year-old president, born on October 7, 1952, spoke.",
        "72 on 2025-03-14, text says 70-year-old",
    ),
    "ago after the year": (DATED + "In 1999, 16 years ago, Putin took power.", "text says 16 years ago"),
    "ago before the year": (DATED + "Putin took power 35 years ago, in 1999.", "25.2 to 26.2 years"),
    "after between two years": (
        "In 2009, a year after he visited Russia in 2005, Bush returned.",
        "2009 is 3 to 5 years after 2005",
    ),
    "anniversary against the article's year": (
        DATED + "It marks the 70th anniversary of the end of the war in 1945.",
        "2025 - 1945 = 80 years",
    ),
    "anniversary against the sentence's date": (
        "On March 5, 2008, the 100th anniversary of Zhou's birth in 1898, visitors came.",
        "2008 - 1898 = 110 years at March 5, 2008",
    ),
    "since a year": (DATED + "It is 15 years since Putin came to power in 1999.", "text says 15 years since 1999"),
    "year range told in years": ("The war lasted from 1939 until 1945, ten years.", "1945 - 1939 = 6 years"),
    "a decade for twenty years": ("After a decade, from 2001 to 2021, the war ended.", "2021 - 2001 = 20 years"),
    "a decade between two years": ("Between 2001 and 2021, a decade, the war raged.", "text says a decade"),
    "later lands after the article": (
        DATED + "Trump met Zelenskyy on February 28. Two months later, Ukraine has accepted a ceasefire.",
        "after the article's date (2025-03-14)",
    ),
}

CORRECT = [
    "On Friday, March 14, 2025, the talks began.",
    "The talks began on Friday 14 March 2025.",
    DATED + "On Tuesday, March 11, talks began.",
    "The Sunday Times, March 14, 2025, reported the deal.",
    "Good Friday, April 18, 2025, fell late this year.",
    DATED + "Putin, 72, was born in 1952.",
    DATED + "The 72-year-old president, born on October 7, 1952, spoke.",
    DATED + "In 1999, 26 years ago, Putin took power.",
    DATED + "Putin took power 25 years ago, in 1999.",
    DATED + "Putin took power two decades ago, in 2003.",
    "In 2006, a year after he visited Russia in 2005, Bush returned.",
    DATED + "It marks the 80th anniversary of the end of the war in 1945.",
    DATED + "Next year's 50th anniversary of the 1976 treaty is already being planned.",
    "On March 5, 2008, the 110th anniversary of Zhou's birth in 1898, visitors came.",
    "Visitors view a photo to mark the 110-year-anniversary of his birthday, on March 5, 2008 in Wuhan.",
    DATED + "It is 25 years since Putin came to power in 1999.",
    DATED + "It marks 80 years since the end of the war in 1945.",
    DATED + "Over a quarter of a century since 1999, Putin has changed.",
    DATED + "Over a quarter of a century, Putin has developed a distrust of the United States.",
    "The war lasted from 1939 until 1945, six years.",
    "After nearly 25 years, from 1949 to 1972, relations normalised.",
    "The move normalised US-China relations after nearly 25 years.",
    "Between 2001 and 2021, two decades, the war raged.",
    "They had met more than 40 times since 2012, over a decade of talks.",
    DATED + "Trump met Zelenskyy on February 28. Two weeks later, Ukraine has accepted a ceasefire.",
    DATED + "Trump met Zelenskyy on February 28. Two months later, Ukraine will accept a ceasefire.",
    DATED + "Russia has been economically isolated for the past three years due to sanctions.",
    "When Bush visited Russia in 2005, they drove a 1956 Volga. A year later, they drove an electric car.",
    "The Nixon visit happened in 1972; 53 years later the ties have changed.",
    "Relations collapsed in the 1970s, a decade of crisis.",
]


@pytest.mark.parametrize(("text", "computation"), list(PLANTED.values()), ids=list(PLANTED))
def test_planted_error_is_found_with_its_computation(text: str, computation: str) -> None:
    found = findings(text)
    assert found, f"no finding for: {text}"
    assert all(f.kind == "arithmetic_error" for f in found)
    assert any(computation in f.message for f in found), [f.message for f in found]


@pytest.mark.parametrize("text", CORRECT)
def test_correct_statement_is_silent(text: str) -> None:
    assert not findings(text), [f.message for f in findings(text)]


def test_a_date_without_a_year_far_from_the_article_is_not_checked() -> None:
    assert not findings("---\ndate: 2025-09-30\n---\nOn Tuesday, March 14, talks began.")


def test_undated_article_checks_only_what_needs_no_date() -> None:
    assert not findings("In 1999, 16 years ago, Putin took power.")
    assert findings("On Tuesday, March 14, 2025, the talks began.")


def test_a_duration_beyond_any_calendar_is_no_claim_about_a_date() -> None:
    text = (
        "---\ndate: 2024-05-01\n---\nThe Velmora accord was signed on 3 May 2023. "
        "1,000,000 years later, the accord was signed again. More than 1,000,000,000,000 days later it ended.\n"
    )
    assert findings(text) == []
