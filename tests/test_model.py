"""The core types: periods in words, and what a report says about each document."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.model import DocumentSummary, Period, date_words, period_words


@pytest.mark.parametrize(
    ("start", "end", "basis", "words"),
    [
        (date(2024, 6, 3), date(2024, 6, 3), "as_of", "as of 3 June 2024"),
        (date(2024, 6, 3), date(2024, 6, 3), "explicit", "3 June 2024"),
        (date(2025, 3, 1), date(2025, 3, 31), "explicit", "March 2025"),
        (date(2024, 2, 1), date(2024, 2, 29), "explicit", "February 2024"),
        (date(2023, 2, 1), date(2023, 2, 28), "explicit", "February 2023"),
        (date(2025, 3, 1), date(2025, 5, 31), "explicit", "March to May 2025"),
        (date(2024, 11, 1), date(2025, 1, 31), "explicit", "November 2024 to January 2025"),
        (date(2024, 1, 1), date(2024, 12, 31), "explicit", "2024"),
        (date(2021, 1, 1), date(2024, 12, 31), "explicit", "2021 to 2024"),
        (date(2022, 1, 1), date(2025, 3, 14), "since", "since 2022"),
        (date(2022, 3, 1), date(2025, 3, 14), "since", "since 1 March 2022"),
        (date.min, date(2022, 2, 28), "explicit", "before 1 March 2022"),
        (date(2022, 3, 1), date.max, "explicit", "from 1 March 2022"),
        (date(2025, 3, 3), date(2025, 3, 9), "explicit", "3 March 2025 to 9 March 2025"),
    ],
)
def test_period_words(start: date, end: date, basis: str, words: str) -> None:
    assert period_words(start, end, basis) == words
    assert Period(start, end, "", basis).words() == words


def test_period_words_are_never_iso_dates() -> None:
    for day in (date(2025, 1, 1), date(2025, 12, 31), date(1999, 7, 4)):
        assert "-" not in period_words(day, day) and "/" not in period_words(day, day)


def test_date_words() -> None:
    assert date_words(date(2024, 6, 3)) == "3 June 2024"


def test_a_document_summary_carries_outlet_url_and_story() -> None:
    summary = DocumentSummary(
        "news/a.md",
        "Floods",
        date(2024, 10, 30),
        4,
        outlet="Coast Herald",
        url="https://example.org/a",
        story="Valencia",
    )
    assert summary.to_dict() == {
        "path": "news/a.md",
        "title": "Floods",
        "date": "2024-10-30",
        "claims": 4,
        "outlet": "Coast Herald",
        "url": "https://example.org/a",
        "story": "Valencia",
    }
    assert list(DocumentSummary("b.md", None, None, 0).to_dict().values())[-3:] == [None, None, None]
