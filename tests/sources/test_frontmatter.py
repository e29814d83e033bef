"""Front matter: finding the block, keeping every value a string, and dates."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.sources.frontmatter import _read_flat, _read_yaml, blank_front_matter, parse_date, parse_front_matter

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


# --- the flat fast path agrees with PyYAML ---------------------------------

_KEYS = st.sampled_from(["title", "date", "Title", "tags", "a.b", "x-y", "_k", "2", "<<", '"q"', "key ", " key", "-"])
_PIECES = st.sampled_from(
    [
        "a",
        "Z9",
        " ",
        "  ",
        ":",
        ": ",
        "#",
        " #",
        "-",
        "- ",
        "'",
        "''",
        '"',
        "\\",
        "\\n",
        "[",
        "]",
        "{",
        "}",
        ",",
        "&",
        "*",
        "!",
        "|",
        ">",
        "%",
        "@",
        "`",
        "?",
        "\t",
        "\r",
        "\x85",
        "\u2028",
        "\xa0",
        "\ufeff",
        "\x7f",
        "\x01",
        "é",
        "—",
        "2024-01-10",
        "http://x.y/z",
        "null",
        "~",
        "1:30",
    ]
)
# Mostly ordinary words, so that many values are ones the fast path reads, with a quote around some.
_WORDS = st.sampled_from(["a", "b c", "é", "1", "-", "O'Neil", '"q"'])
_VALUES = st.tuples(
    st.sampled_from(["", "", "'", '"']),
    st.lists(st.one_of(_WORDS, _WORDS, _PIECES), max_size=6).map("".join),
    st.sampled_from(["", "", "'", '"']),
    st.sampled_from(["", " ", "  "]),
).map("".join)
_LINES = st.one_of(
    st.tuples(_KEYS, st.sampled_from([":", ": ", ":  ", " : ", ":\t"]), _VALUES).map("".join),
    st.tuples(st.sampled_from(["title", "date"]), st.just(": "), _VALUES).map("".join),
    st.just(""),
    st.just("# a comment"),
    st.just("  indented: value"),
    st.just("- item"),
    st.just("   "),
    _VALUES,
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(_LINES, max_size=6).map(lambda lines: "".join(line + "\n" for line in lines)))
def test_flat_reading_is_pyyaml_reading_wherever_it_reads(content: str) -> None:
    flat = _read_flat(content)
    problems: list[str] = []
    by_yaml = _read_yaml(content, problems)
    if flat is not None:
        assert problems == []
        assert flat == by_yaml
        assert list(flat) == list(by_yaml)


@pytest.mark.parametrize(
    "content",
    [
        'title: "Landslide in Vortenby: 532 dead"\ndate: 2024-01-10\n',
        "title: It's 'quoted'\nauthor: 'O''Brien'\n# a comment\n\nurl: https://example.com/a?b=1#c\n",
        "count: -12\nempty:\ntime: 1:30\n",
    ],
)
def test_common_front_matter_takes_the_flat_path(content: str) -> None:
    problems: list[str] = []
    assert _read_flat(content) == _read_yaml(content, problems)
    assert problems == []
