"""The publication date of a plain-text article, read from its header."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from factcheck.sources import load_text
from factcheck.sources.dateline import find_dateline

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Home\nNews\nMTHANNACH Published March 14, 2025\nShare\n\nAs the president sat ...", date(2025, 3, 14)),
        ("Last updated: 17 Feb 2025 6:10 am\n\nBody text.", date(2025, 2, 17)),
        ("Fateh Sami\n\n17 Feb 2025\n\nU.S.-Russia Relations\n\nIntroduction: ...", date(2025, 2, 17)),
        ("Posted on 2025-03-01\nText.", date(2025, 3, 1)),
        # Several standalone dates: a menu of other stories, none of them this article's.
        ("Story one\nMay 9, 2025\nStory two\nMay 8, 2025\n\nBody.", None),
        ("No date anywhere in this header.\n\nBody 2025.", None),
        ("Published soon\n\nBody.", None),
    ],
)
def test_find_dateline(text: str, expected: date | None) -> None:
    assert find_dateline(text) == expected


def test_seeds_get_their_dates() -> None:
    dates = {p.name[:3]: load_text(p.read_text(encoding="utf-8"), str(p)).date for p in sorted(SEEDS.iterdir())}
    assert dates == {"000": None, "001": date(2025, 3, 14), "002": None, "003": date(2025, 2, 17), "004": None}


def test_front_matter_date_wins_in_markdown() -> None:
    document = load_text("---\ndate: 2024-01-02\n---\nPublished March 14, 2025\n", "a.md")
    assert document.date == date(2024, 1, 2)
