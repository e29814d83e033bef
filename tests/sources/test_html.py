"""The HTML prose view: article text in place, page chrome and markup blanked."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from factcheck.sources.html import html_page, pad_entity

PAGE = """<!DOCTYPE html>
<html><head><title>Floods &amp; storms | The Daily</title>
<meta property="article:published_time" content="2025-03-14T06:10:00Z">
<meta property="og:site_name" content="The Daily">
<meta name="author" content="Ana Ruiz">
<link rel="canonical" href="https://daily.example/floods">
<style>.a { width: 100px }</style><script>var views = 12345;</script></head>
<body><header><nav><a href="/">Home 11</a> <a href="/world">World 22</a></nav></header>
<aside>Most read: 999 stories</aside>
<article><header><h1>Floods hit 1,200 homes</h1><time datetime="2025-03-13">Yesterday</time></header>
<p>Officials said 1,200 homes were destroyed.</p>
<ul><li>North: 640 homes</li></ul>
<table><tr><td>South</td><td>560</td></tr></table>
<figure><img src="chart-33.png" alt="chart 33"><figcaption>Photo: 40 volunteers</figcaption></figure>
<blockquote>We lost 3 bridges</blockquote>
<!-- tracking 555 --><form><input value="7"><button>Subscribe 44</button></form>
<noscript>Enable 66</noscript><iframe src="/ad">ad 77</iframe><svg><text>88</text></svg>
</article>
<footer>Copyright 2025 The Daily</footer></body></html>
"""

ARTICLE_TEXT = [
    "Floods hit 1,200 homes",
    "Yesterday",
    "Officials said 1,200 homes were destroyed.",
    "North: 640 homes",
    "South",
    "560",
    "Photo: 40 volunteers",
    "We lost 3 bridges",
]
CHROME = [
    "Home 11",
    "World 22",
    "Most read: 999 stories",
    "var views = 12345;",
    "width: 100px",
    "Floods &amp; storms | The Daily",
    "tracking 555",
    "Subscribe 44",
    "Enable 66",
    "ad 77",
    "88",
    "Copyright 2025",
    'href="/world"',
    "chart-33.png",
]


def kept_at_same_offset(text: str, prose: str, words: str) -> bool:
    start = text.index(words)
    return prose[start : start + len(words)] == words


def same_lines(text: str, prose: str) -> bool:
    """Same length; every newline kept; a new one only where a tag starts (a block boundary)."""
    return len(text) == len(prose) and all(
        (a == "\n") == (b == "\n") or (a == "<" and b == "\n") for a, b in zip(text, prose, strict=True)
    )


def test_article_text_stays_at_its_offsets() -> None:
    prose = html_page(PAGE).prose
    assert same_lines(PAGE, prose)
    assert [words for words in ARTICLE_TEXT if not kept_at_same_offset(PAGE, prose, words)] == []


def test_chrome_and_markup_are_blank() -> None:
    prose = html_page(PAGE).prose
    for chrome in CHROME:
        start = PAGE.index(chrome)
        assert prose[start : start + len(chrome)].strip() == "", chrome
    assert "<" not in prose and ">" not in prose


def test_only_article_text_remains() -> None:
    assert html_page(PAGE).prose.split() == " ".join(ARTICLE_TEXT).split()


def test_page_fields() -> None:
    page = html_page(PAGE)
    assert page.title == "Floods & storms | The Daily"
    assert page.date == date(2025, 3, 14)  # the meta tag wins over <time>
    assert page.outlet == "The Daily"
    assert page.url == "https://daily.example/floods"
    assert page.author == "Ana Ruiz"
    assert page.problems == ()


def test_time_element_gives_the_date_without_meta() -> None:
    page = html_page('<article><time datetime="2024-11-07T10:00:00+01:00">Thursday</time><p>Text</p></article>')
    assert page.date == date(2024, 11, 7)


def test_unparseable_date_is_a_problem() -> None:
    page = html_page('<html>\n<meta name="date" content="last week">\n<p>Text</p></html>')
    assert page.date is None
    assert page.problems == ("line 2: cannot parse date 'last week'",)


def test_entities_keep_length() -> None:
    text = "<p>AT&amp;T paid &pound;5&nbsp;m &#8212; &#x27;a lot&#39; &nosuch; &amp</p>"
    prose = html_page(text).prose
    assert len(prose) == len(text)
    expected = ["\n  ", "AT", "&    ", "T paid ", "      £", "5", "      ", "m ", "—      ", " ", "'     ", "a lot"]
    expected += ["'    ", " &nosuch; ", "&   ", "\n   "]
    assert prose == "".join(expected)


def test_pad_entity() -> None:
    assert pad_entity("&amp;") == "&    "
    assert pad_entity("&nbsp;") == "      "
    assert pad_entity("&#10;") == "     "  # a reference never adds a line
    assert pad_entity("&bogus;") == "&bogus;"


def test_main_is_the_scope_without_article() -> None:
    text = "<body><div>Menu 1</div><main><p>Story 2</p></main><div>Footer 3</div></body>"
    assert html_page(text).prose.split() == ["Story", "2"]


def test_only_the_first_article_counts() -> None:
    text = "<article><p>First 1</p><article><p>inner 2</p></article></article><article><p>Teaser 3</p></article>"
    assert html_page(text).prose.split() == ["First", "1", "inner", "2"]


def test_without_article_or_main_the_site_header_goes() -> None:
    text = "<body><header><h1>Site name</h1></header><h1>Headline 9</h1><p>Body 10</p><footer>f</footer></body>"
    assert html_page(text).prose.split() == ["Headline", "9", "Body", "10"]


def test_crlf_offsets() -> None:
    text = "<html>\r\n<body>\r\n<p>Line three 3</p>\r\n</body></html>\r\n"
    prose = html_page(text).prose
    assert same_lines(text, prose)
    assert kept_at_same_offset(text, prose, "Line three 3")


def test_hostile_input_keeps_length() -> None:
    # Its speed is measured by benchmarks/bench_loaders.py, not asserted here.
    hostile = ["<a " * 50_000, "<!--" * 50_000, "<a href='" * 50_000, "</" * 50_000, "<![CDATA[" * 20_000]
    for text in hostile:
        assert len(html_page(text).prose) == len(text)


HTMLISH = st.lists(
    st.sampled_from([*"ab1 \n\r<>/!-&#;='\"", "<p>", "</p>", "<nav>", "&amp;", "<!--", "-->"]), max_size=150
).map("".join)


@given(HTMLISH)
def test_any_input_keeps_length_and_lines(text: str) -> None:
    assert same_lines(text, html_page(text).prose)
