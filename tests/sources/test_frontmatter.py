"""Front matter: finding the block, keeping every value a string, and dates."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.sources.frontmatter import blank_front_matter, parse_date, parse_front_matter

ARTICLE = """---
title: Floods hit the valley
time: 1:30
flag: NO
count: 007
date: 2025-03-14
outlet: The Daily
tags: [floods, weather]
source:
  name: nested mapping
---
Body text with 1,200 homes.
"""


def test_every_value_stays_the_string_written() -> None:
    front = parse_front_matter(ARTICLE)
    assert front is not None
    meta = dict(front.meta)
    assert meta["time"] == "1:30"  # YAML 1.1 would make this 90
    assert meta["flag"] == "NO"  # ... and this False
    assert meta["count"] == "007"
    assert meta["date"] == "2025-03-14"
    assert meta["tags"] == "floods, weather"
    assert "source" not in meta  # nested mappings are not one string
    assert [key for key, _ in front.meta] == sorted(meta)


def test_article_fields_and_date() -> None:
    front = parse_front_matter(ARTICLE)
    assert front is not None
    assert front.title == "Floods hit the valley"
    assert front.outlet == "The Daily"
    assert front.date == date(2025, 3, 14)
    assert front.problems == ()
    assert ARTICLE[front.end :] == "Body text with 1,200 homes.\n"


def test_blanking_keeps_length_and_lines() -> None:
    front = parse_front_matter(ARTICLE)
    blanked = blank_front_matter(ARTICLE, front)
    assert len(blanked) == len(ARTICLE)
    assert [i for i, ch in enumerate(blanked) if ch == "\n"] == [i for i, ch in enumerate(ARTICLE) if ch == "\n"]
    assert blanked[: front.end if front else 0].strip() == ""
    assert blanked.endswith("Body text with 1,200 homes.\n")


def test_unparseable_date_is_a_problem_with_its_line() -> None:
    front = parse_front_matter("---\ntitle: x\ndate: soon\n---\nBody\n")
    assert front is not None
    assert front.date is None
    assert front.problems == ("front matter line 3: cannot parse date 'soon'",)
    assert dict(front.meta)["date"] == "soon"


def test_malformed_yaml_is_a_problem_and_the_block_still_ends() -> None:
    text = "---\ntitle: Floods: a: b\n---\nBody\n"
    front = parse_front_matter(text)
    assert front is not None
    assert front.problems and front.problems[0].startswith("front matter line 2: invalid YAML:")
    assert text[front.end :] == "Body\n"


def test_deep_nesting_is_a_problem_not_a_crash() -> None:
    front = parse_front_matter("---\na: " + "[" * 5000 + "\n---\nBody\n")
    assert front is not None
    assert front.problems == ("front matter: invalid YAML: nested too deeply",)


def test_crlf_and_dots_closer() -> None:
    text = "---\r\ntitle: Crlf\r\n...\r\nBody\r\n"
    front = parse_front_matter(text)
    assert front is not None
    assert front.title == "Crlf"
    assert text[front.end :] == "Body\r\n"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("No front matter\n---\ntitle: x\n---\n", id="not-at-start"),
        pytest.param("---\ntitle: never closed\nBody\n", id="unclosed"),
        pytest.param("---\nA paragraph between rules.\n---\nBody\n", id="rules-around-prose"),
    ],
)
def test_not_front_matter(text: str) -> None:
    assert parse_front_matter(text) is None


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2025-03-14", date(2025, 3, 14)),
        ("2025-03-14T06:10:00Z", date(2025, 3, 14)),
        ("2025-03-14T23:10:00-05:00", date(2025, 3, 14)),
        ("2025/03/14", date(2025, 3, 14)),
        ("March 14, 2025", date(2025, 3, 14)),
        ("Mar. 14 2025", date(2025, 3, 14)),
        ("14 March 2025", date(2025, 3, 14)),
        ("3rd Sept 2024", date(2024, 9, 3)),
        ("soon", None),
        ("2025-02-30", None),
        ("Smarch 14, 2025", None),
        ("2025-03-14T99:99", None),
    ],
)
def test_parse_date(written: str, expected: date | None) -> None:
    assert parse_date(written) == expected
