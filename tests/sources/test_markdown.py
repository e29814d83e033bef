"""The Markdown prose view: markup blanked in place, words at their own offsets."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from factcheck.sources.markdown import markdown_prose

ARTICLE = """# Floods hit 1,200 homes ##

Officials said **1,200** homes were _destroyed_ in the [storm](https://example.com/2024/a_b?x=1 "t") on Monday.
See https://news.example.org/path/123. Also <https://x.io/99>, www.site99.com, `code 42` and <!-- note 77 -->.

- First item with 30 people
- [ ] task with 5 boxes
1. Numbered 300 step

> Quoted 55 words

| Region | Homes |
|-------:|:-----:|
| North  | 640   |

```python
x = 999
```

~~~
tilde 444
~~~

    indented code 888

Half of &amp; the 5 * 3 snake_case and ~200 people.
![Chart of rainfall](img/chart2024.png) caption text.
A [reference link][r1] here.
<span class="x9">inline</span> tag.

[r1]: https://example.com/ref7
"""

KEPT = [
    "Floods hit 1,200 homes",
    "Officials said",
    "1,200",
    "destroyed",
    "storm",
    "on Monday.",
    "First item with 30 people",
    "task with 5 boxes",
    "Numbered 300 step",
    "Quoted 55 words",
    "Region",
    "North",
    "640",
    "5 * 3 snake_case and ~200 people.",
    "Chart of rainfall",
    "caption text.",
    "reference link",
    "inline",
]

BLANKED = [
    "# ",
    " ##",
    '(https://example.com/2024/a_b?x=1 "t")',
    "https://news.example.org/path/123",
    "<https://x.io/99>",
    "www.site99.com",
    "`code 42`",
    "<!-- note 77 -->",
    "- [ ]",
    "1.",
    "> ",
    "|-------:|:-----:|",
    "```python\nx = 999\n```",
    "~~~\ntilde 444\n~~~",
    "    indented code 888",
    "](img/chart2024.png)",
    "][r1]",
    '<span class="x9">',
    "</span>",
    "[r1]: https://example.com/ref7",
]


def kept_at_same_offset(text: str, prose: str, word: str) -> bool:
    start = text.index(word)
    return prose[start : start + len(word)] == word


def blanked(text: str, prose: str, markup: str) -> str:
    start = text.index(markup)
    return prose[start : start + len(markup)]


def same_lines(text: str, prose: str) -> bool:
    return len(text) == len(prose) and all((a == "\n") == (b == "\n") for a, b in zip(text, prose, strict=True))


def test_prose_keeps_length_and_lines() -> None:
    assert same_lines(ARTICLE, markdown_prose(ARTICLE))


def test_words_stay_at_their_offsets() -> None:
    prose = markdown_prose(ARTICLE)
    missing = [word for word in KEPT if not kept_at_same_offset(ARTICLE, prose, word)]
    assert missing == []


def test_markup_code_and_urls_are_blanked() -> None:
    prose = markdown_prose(ARTICLE)
    for markup in BLANKED:
        region = blanked(ARTICLE, prose, markup)
        assert region.strip() == "", (markup, region)


def test_emphasis_markers_are_blanked_around_kept_words() -> None:
    prose = markdown_prose(ARTICLE)
    assert blanked(ARTICLE, prose, "**1,200**") == "  1,200  "
    assert blanked(ARTICLE, prose, "_destroyed_") == " destroyed "


def test_blanked_regions_hold_no_digits() -> None:
    prose = markdown_prose(ARTICLE)
    kept_digits = {i for word in KEPT for found in re.finditer(re.escape(word), ARTICLE) for i in range(*found.span())}
    stray = [(i, ch) for i, ch in enumerate(prose) if ch.isdigit() and i not in kept_digits]
    assert stray == []


def test_entity_is_padded_to_its_length() -> None:
    text = "Tom &amp; Jerry&#8217;s 5&nbsp;km"
    prose = markdown_prose(text)
    assert prose == "Tom &     Jerry’      s 5      km"


def test_indented_lines_in_a_list_are_prose() -> None:
    text = "- Item one\n\n    Continued with 12 people.\n"
    assert markdown_prose(text) == "  Item one\n\n    Continued with 12 people.\n"


def test_indented_code_after_a_paragraph_break() -> None:
    text = "Intro.\n\n    code 12\n    more 34\n\nAfter 56.\n"
    assert markdown_prose(text) == "Intro.\n\n" + " " * 11 + "\n" + " " * 11 + "\n\nAfter 56.\n"


def test_unclosed_fence_runs_to_the_end() -> None:
    text = "Before 1.\n```\ncode 2\n"
    assert markdown_prose(text) == "Before 1.\n   \n      \n"


def test_crlf_lines() -> None:
    text = "# Title 7\r\n\r\n```\r\ncode 8\r\n```\r\nText 9\r\n"
    prose = markdown_prose(text)
    assert same_lines(text, prose)
    assert prose.split("\n") == ["  Title 7\r", "\r", "    ", "       ", "    ", "Text 9\r", ""]


def test_brackets_in_prose_stay() -> None:
    text = "He said [sic] it cost $5 (about 4 euros)."
    assert markdown_prose(text) == text


def test_prose_that_looks_like_a_reference_definition_stays() -> None:
    prose_line, definition = "[Update]: The mayor said 5 homes.", "[r1]: https://x.example/7 'Title 8'"
    assert markdown_prose(f"{prose_line}\n{definition}\n") == f"{prose_line}\n{' ' * len(definition)}\n"


def test_inline_script_is_blanked_with_its_content() -> None:
    text = "Before <script>var n = 12;</script> after."
    assert markdown_prose(text) == "Before" + " " * 30 + "after."


def test_link_across_a_blank_line_is_not_a_link() -> None:
    text = "[not a link\n\n](really) 3"
    assert markdown_prose(text) == text


def test_hostile_input_keeps_length() -> None:
    # Its speed is measured by benchmarks/bench_loaders.py, not asserted here.
    hostile = ["[" * 100_000, "[a](" * 30_000, "<!--" * 30_000, "`" + " ``" * 30_000, "*a_" * 40_000, "\\" * 100_000]
    hostile += ["<script>" * 40_000, "".join("`" * k + "a" for k in range(1, 300)) * 5]
    for text in hostile:
        assert len(markdown_prose(text)) == len(text)


MARKDOWNISH = st.text(alphabet=st.sampled_from(list("ab1 \n\t\r#>-*_`~[]()<>!&;|\\:/.hw")), max_size=300)


@given(MARKDOWNISH)
def test_any_input_keeps_length_lines_and_source_characters(text: str) -> None:
    prose = markdown_prose(text)
    assert same_lines(text, prose)
    # Every kept character is the source's own; only entities may change one.
    assert all(p in (" ", t) for p, t in zip(prose, text, strict=True) if "&" not in text)
