"""The claims of ``factcheck claims`` for a person (rich): readable at 80 columns, values in words.

The article is invented; it holds a year, a date without a year, a range of
years, an amount, a source and a qualifier, the things the table used to
print as quantities ("2,014") or ISO dates, or split mid-word at 80 columns.
"""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from rich.cells import cell_len

from factcheck.extract import extract
from factcheck.model import Claim, Period
from factcheck.report.claims_report import fit_columns, value_words, write_rich
from factcheck.sources import load_text

ARTICLE = """\
---
title: Harbour year
date: 2024-11-04
outlet: Coast Herald
---
The Marrowby harbour, which opened in 1974, handled at least 41,200 containers
in March 2025, according to the Port Authority of Marrowby.
Its new crane cost $140bn between 2019 and 2021, and the quay closes on October 31
for three weeks. Nearly 25 years after the strike of 1999, dockers won a 3.5 percent
rise on Thursday.
"""
PATH = "news/local/coast-herald/2024/11/marrowby-harbour-year-in-review.md"


def render(width: int) -> str:
    document = load_text(ARTICLE, PATH)
    stream = io.StringIO()
    write_rich([document], [extract(document)], stream, color=False, width=width)
    return stream.getvalue()


@pytest.mark.parametrize("width", [120, 100, 80, 60, 50, 40])
def test_every_line_fits(width: int) -> None:
    assert [line for line in render(width).splitlines() if cell_len(line) > width] == []


@pytest.mark.parametrize("width", [120, 80, 50])
def test_no_word_is_split(width: int) -> None:
    text = render(width)
    words = {word.strip("(),·") for line in text.splitlines() for word in line.split()}
    for whole in ("October", "November", "containers", "Marrowby", "41,200", "Authority"):
        assert whole in words, (width, whole)
    for piece in ("Octobe", "Novembe", "contain", "Marrow"):
        assert piece not in words


def test_years_and_dates_are_never_quantities() -> None:
    text = render(80)
    assert "1,974" not in text and "1,999" not in text and "2,019" not in text
    assert re.search(r" 6 1974 +1974 ", text)  # as written, then the value: a year, not 1,974
    assert "31 October 2024" in text  # a date without a year takes the article's
    assert "2019 to 2021" in text
    assert "March 2025" in text and "2025-03" not in text


def test_values_subjects_and_periods_in_words() -> None:
    text = render(80)
    assert "at least 41,200" in text
    assert "140bn USD" in text
    assert "22.5 to 25 years" in text
    assert "containers" in text and "container " not in text  # as written, not the normalised key
    assert "according" in text  # the source, with the subject at 80 columns
    assert text.splitlines()[0].startswith(PATH)
    assert "Coast Herald · 4 November 2024 · 10 claims" in text
    assert text.rstrip().endswith("10 claims in 1 document")


def test_wide_terminals_get_kind_and_source_columns() -> None:
    header = next(line for line in render(120).splitlines() if "as written" in line)
    assert header.split() == ["line", "as", "written", "kind", "value", "subject", "period", "source"]
    header = next(line for line in render(80).splitlines() if "as written" in line)
    assert header.split() == ["line", "as", "written", "value", "subject", "period"]


def test_narrow_terminals_stack_each_claim() -> None:
    text = render(50)
    assert "as written" not in text
    assert "   6  at least 41,200" in text
    assert "        at least 41,200 · containers (according to" in text


def test_a_long_path_keeps_its_file_name() -> None:
    first = render(50).splitlines()[0]
    assert first.endswith("marrowby-harbour-year-in-review.md")
    assert "…" in first and cell_len(first) <= 50


def _claim(kind: str, value: float | None, low: float | None, high: float | None, **more: object) -> Claim:
    return Claim(start=0, end=1, text="x", kind=kind, value=value, low=low, high=high, **more)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("claim", "words"),
    [
        (_claim("year", 2014.0, 2014.0, 2014.0), "2014"),
        (_claim("year", None, 1969.0, 1970.0), "1969 to 1970"),
        (
            _claim("year", 1970.0, 1970.0, 1979.0, period=Period(date(1970, 1, 1), date(1979, 12, 31), "1970s")),
            "1970 to 1979",
        ),
        (_claim("date", None, None, None, period=Period(date(2024, 6, 3), date(2024, 6, 3), "June 3")), "3 June 2024"),
        (_claim("weekday", 3.0, 3.0, 3.0), "Thursday"),
        (_claim("ordinal", 22.0, 22.0, 22.0), "22nd"),
        (_claim("ordinal", 13.0, 13.0, 13.0), "13th"),
        (_claim("label", 4.0, 4.0, 4.0, unit="category"), "Category 4"),
        (_claim("number", 21692.0, 21692.0, None, qualifier="at_least"), "at least 21,692"),
        (_claim("number", 3000.0, 3000.0, None, qualifier="more_than"), "more than 3,000"),
        (_claim("number", 50.0, None, 50.0, qualifier="up_to"), "up to 50"),
        (_claim("money", 2.25e9, 2.25e9, 2.25e9, unit="USD"), "2.25bn USD"),
        (_claim("percent", 30.0, 30.0, 30.0, unit="percent"), "30%"),
        (_claim("quantity", 140.0, 140.0, 140.0, unit="mile_per_hour"), "140 miles per hour"),
        (_claim("temperature", 38.0, 38.0, 38.0, unit="degree_Fahrenheit"), "38 degrees Fahrenheit"),
        (_claim("duration", 1.0, 1.0, 1.0, unit="century"), "1 century"),
        (_claim("duration", 12.0, 10.8, 13.2, unit="hour", qualifier="about"), "10.8 to 13.2 hours"),
    ],
)
def test_value_words(claim: Claim, words: str) -> None:
    assert value_words(claim) == words


def test_fit_columns() -> None:
    names = ["line", "value", "subject"]
    rows = [["12", "at least 41,200", "containers handled at the harbour in the busiest month on record"]]
    widths = fit_columns(names, rows, 60)
    assert widths is not None and sum(widths) + 2 == 60
    assert widths[:2] == [4, 15]  # the short columns whole; the long one wraps
    assert fit_columns(names, rows, 30) is None  # the value would have to wrap too: stack instead
    assert fit_columns(names, [["1", "2", "3"]], 30) == [4, 5, 7]
