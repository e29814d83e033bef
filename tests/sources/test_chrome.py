"""Page chrome in plain text (and in the HTML view): only the article body is prose.

Seed 001 is a scraped page: menus, other stories' headlines with dates, a
newsletter box, a COVID widget and a footer around the article.  Its body
runs from "As US President Donald Trump sat in the Oval Office" to
'... especially in Europe," Wyne said.', photo captions included.  The
fixtures in tests/fixtures/pages/ are a saved news page with navigation, a
trending box, a "Most Read" box and an advert inside the article, a
newsletter box and a footer, once as a text dump and once as HTML.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck import extract_claims
from factcheck.model import Claim, Document
from factcheck.pipeline import extract_all
from factcheck.sources import load_paths, load_text
from factcheck.sources.chrome import find_body, strip_chrome

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
PAGES = ROOT / "tests" / "fixtures" / "pages"
SEED_001 = SEEDS / "001_839168d87bbbea1a.txt"
BODY_START = "As US President Donald Trump sat in the Oval Office"
BODY_END = "especially in Europe,” Wyne said."

# The fixture page's article, first and last words, and its numbers as written.
PAGE_START = "More than 1,200 homes were flooded"
PAGE_END = "forecast for Sunday."
PAGE_NUMBERS = ["1,200", "2.4", "86", "31", "1987", "2009", "2023", "40", "18m", "2021", "2024", "350", "60m", "75m"]
# Numbers in the page's chrome: trending, "READ MORE", "Most Read", related stories, newsletter, footer.
CHROME_TEXTS = ["4.2%", "12,000", "19-year-old", "£3m", "7 biggest", "5 counties", "8 weeks", "© 2025", "13 March"]


def _load(path: Path) -> tuple[Document, list[Claim]]:
    documents, errors = load_paths([str(path)])
    assert errors == []
    [document] = documents
    return document, list(extract_all(documents)[0])


def _span(text: str, start: str, end: str) -> tuple[int, int]:
    first = text.index(start)
    return first, text.index(end, first) + len(end)


# --- seed 001 ------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_001() -> tuple[Document, list[Claim]]:
    return _load(SEED_001)


def test_seed_001_claims_come_from_the_body_only(seed_001: tuple[Document, list[Claim]]) -> None:
    document, claims = seed_001
    start, end = _span(document.text, BODY_START, BODY_END)
    assert claims
    outside = [(c.text, document.position(c.start)) for c in claims if not (start <= c.start and c.end <= end)]
    assert outside == []


def test_seed_001_keeps_every_body_number(seed_001: tuple[Document, list[Claim]]) -> None:
    document, claims = seed_001
    start, end = _span(document.text, BODY_START, BODY_END)
    alone = extract_claims(document.text[start:end])
    assert [(c.text, c.kind, c.value, c.start - start, c.end - start) for c in claims] == [
        (c.text, c.kind, c.value, c.start, c.end) for c in alone
    ]


def test_seed_001_prose_is_the_body_and_offsets_point_into_the_file(seed_001: tuple[Document, list[Claim]]) -> None:
    document, claims = seed_001
    start, end = _span(document.text, BODY_START, BODY_END)
    assert document.prose[start:end] == document.text[start:end]
    assert document.prose[:start].strip() == ""
    assert document.prose[end:].strip() == ""
    assert [i for i, ch in enumerate(document.prose) if ch == "\n"] == [
        i for i, ch in enumerate(document.text) if ch == "\n"
    ]
    first = claims[0]
    assert document.text[first.start : first.end] == first.text == "February 28"
    assert document.position(first.start) == (140, 56)


def test_seed_001_body_lines_and_what_gave_the_chrome_away() -> None:
    text = SEED_001.read_text(encoding="utf-8")
    body = find_body(text)
    start, end = _span(text, BODY_START, BODY_END)
    assert body.span == (start, end)
    signals = {signal for line in body.lines for signal in line.signals}
    assert {"bullet", "date line", "headline above a date", "navigation words only", "number alone"} <= signals
    # Section headings, photo labels and captions inside the body are kept.
    kept = [text[line.start : line.end] for i, line in enumerate(body.lines) if i not in body.blanked]
    assert "Trump Putin" in kept
    assert "‘No-limits partnership’" in kept
    assert any(line.startswith("Visitors view a photo") for line in kept)


@pytest.mark.parametrize(
    "name",
    ["000_66cb382b3bbec319.txt", "002_0893147c89d5f6ac.txt", "003_a4737a7861d30c11.txt", "004_088a6b29cd061dd5.txt"],
)
def test_articles_without_chrome_keep_all_their_text(name: str) -> None:
    [document], _ = load_paths([str(SEEDS / name)])
    assert document.prose == document.text


# --- the saved news page, as text and as HTML ------------------------------


def test_text_page_claims_are_the_article_numbers() -> None:
    document, claims = _load(PAGES / "riverside_flood.txt")
    start, end = _span(document.text, PAGE_START, PAGE_END)
    assert all(start <= c.start and c.end <= end for c in claims), [c.text for c in claims]
    written = " ".join(c.text for c in claims)
    for number in PAGE_NUMBERS:
        assert number in written, number
    for chrome in CHROME_TEXTS:
        assert chrome not in document.prose, chrome


def test_text_page_keeps_headings_and_captions_and_blanks_boxes_inside() -> None:
    document, _ = _load(PAGES / "riverside_flood.txt")
    prose = document.prose
    assert "What happens next" in prose
    assert "Volunteers clear mud from the market square" in prose
    start, end = _span(document.text, PAGE_START, PAGE_END)
    inside = prose[start:end]
    for box in ("READ MORE", "Advertisement", "Most Read", "Rail strike", "10 March 2025"):
        assert box not in inside, box
    assert "Flood defences fail" not in prose  # the headline sits with the byline and share buttons


def test_html_page_claims_are_the_article_numbers() -> None:
    document, claims = _load(PAGES / "riverside_flood.html")
    start, end = _span(document.text, PAGE_START, PAGE_END)
    assert all(start <= c.start and c.end <= end for c in claims), [c.text for c in claims]
    written = " ".join(c.text for c in claims)
    for number in PAGE_NUMBERS:
        assert number in written, number
    assert "READ MORE" not in document.prose
    assert "Get the 7 biggest stories" not in document.prose
    assert (document.title or "").startswith("Flood defences fail")


def test_text_and_html_pages_give_the_same_claims_but_for_entities() -> None:
    _, from_text = _load(PAGES / "riverside_flood.txt")
    _, from_html = _load(PAGES / "riverside_flood.html")
    assert len(from_text) >= 15
    plain = [c.text for c in from_text if "£" not in c.text]
    assert [c.text for c in from_html if c.text in plain] == plain


# --- the rules, one at a time ------------------------------------------------

ARTICLE = (
    "The council said 1,200 homes were flooded on Thursday night when the river burst its banks.\n\n"
    "The water rose by 2.4 metres in six hours, and emergency services rescued 86 people overnight.\n\n"
    "Engineers had warned in a 2023 report that 40 percent of the embankment needed repair.\n"
)


def _blanked(text: str) -> list[str]:
    body = find_body(text)
    return [text[body.lines[i].start : body.lines[i].end] for i in body.blanked]


def test_plain_article_is_untouched() -> None:
    assert strip_chrome(ARTICLE) is ARTICLE
    assert strip_chrome("Plain text 3.\n") == "Plain text 3.\n"


def test_text_without_any_prose_is_kept_whole() -> None:
    menu = "Home\nNews\nSport\nSubscribe\nSign In\n"
    assert strip_chrome(menu) == menu


def test_a_side_needs_real_chrome_to_be_blanked() -> None:
    byline = "Jane Doe\n\n17 Feb 2025\n\nFlood defences fail\n\n" + ARTICLE
    assert strip_chrome(byline) == byline
    menu = "Home\nNews\nSubscribe\nSign In\nFollow us\n\n" + ARTICLE
    assert _blanked(menu) == ["Home", "News", "Subscribe", "Sign In", "Follow us"]


def test_footer_after_the_article_is_blanked() -> None:
    blurb = "We reach 20 million readers every month and are the number one news network in the county."
    page = ARTICLE + f"\nShare this article\nFacebook X Email\n{blurb}\nQuick links\n© 2025 Gazette"
    assert _blanked(page) == ["Share this article", "Facebook X Email", blurb, "Quick links", "© 2025 Gazette"]


def test_boxes_inside_the_body_are_blanked() -> None:
    paragraphs = ARTICLE.split("\n\n")
    page = "\n\n".join(
        [
            paragraphs[0],
            "Advertisement",
            paragraphs[1],
            "Read more: Storm leaves 12,000 homes without power",
            "Trending\nCouncil approves 4.2% budget rise\n13 March 2025\nRail strike: what to know\n12 March 2025",
            paragraphs[2],
        ]
    )
    assert _blanked(page) == [
        "Advertisement",
        "Read more: Storm leaves 12,000 homes without power",
        "Trending",
        "Council approves 4.2% budget rise",
        "13 March 2025",
        "Rail strike: what to know",
        "12 March 2025",
    ]
    assert [c.text for c in extract_claims(strip_chrome(page))] == [c.text for c in extract_claims(ARTICLE)]


def test_a_box_that_splits_the_article_keeps_both_parts() -> None:
    first = ARTICLE
    second = (
        "Council leader Priya Shah said repairs had been delayed by a dispute over funding for two years.\n\n"
        "The council has opened two rest centres and says about 350 people spent the night there.\n"
    )
    box = "\nMost Read\nCouncil approves 4.2% budget rise\n13 March 2025\nRail strike: what to know\n12 March 2025\n\n"
    page = "Home\nNews\nSubscribe\nSign In\n\n" + first + box + second + "\nShare\nFollow us\nPrivacy Policy\n"
    prose = strip_chrome(page)
    assert first in prose and second in prose
    assert "4.2%" not in prose and "Home" not in prose and "Privacy" not in prose


def test_lists_and_tables_of_figures_inside_the_article_stay() -> None:
    paragraphs = ARTICLE.split("\n\n")
    key_facts = "Key facts:\n• 1,200 homes were destroyed\n• 86 people rescued overnight\n• Damage put at £60m"
    table = "Homes flooded by district\nNorth\n640\nSouth\n560\nEast\n0"
    page = "\n\n".join([paragraphs[0], key_facts, paragraphs[1], table, paragraphs[2]])
    assert strip_chrome(page) == page


def test_hard_wrapped_paragraphs_are_prose() -> None:
    wrapped = (
        "Home\nNews\nSubscribe\nSign In\n\n"
        "More than 1,200 homes were flooded on Thursday night when the river\n"
        "burst its banks at three points along the eastern embankment, the county\n"
        "council said on Friday morning.\n\n"
        "The water rose by 2.4 metres in six hours, according to the agency, which\n"
        "had issued a severe flood warning at four in the afternoon.\n"
    )
    prose = strip_chrome(wrapped)
    assert prose[wrapped.index("More than") :] == wrapped[wrapped.index("More than") :]
    assert "Subscribe" not in prose


@pytest.mark.parametrize(
    ("line", "signal"),
    [
        ("May 9, 2025", "date line"),
        ("Last updated: March 14, 2025 6:10 am", "date line"),
        ("MTHANNACH Published March 14, 2025", "date line"),
        ("14 March 2025, 06:10 GMT", "date line"),
        ("2025-03-14", "date line"),
        ("  • Business", "bullet"),
        ("• Table of Contents", "bullet"),
        ("Subscribe to Our Newsletter", "navigation words only"),
        ("- Advertisement -", "navigation words only"),
        ("Facebook X Email Print", "navigation words only"),
        ("Have an existing account? Sign In", "navigation phrase"),
        ("BusinessShow More", "glued navigation word"),
        ("0", "number alone"),
        ("example-news.com", "domain or shortcode"),
        ("[mc4wp_form]", "domain or shortcode"),
        ("All Rights Reserved © Inkinspires 2025", "copyright"),
        ("By Maria Lopez, Environment Correspondent", "byline"),
        ("READ MORE: Storm leaves 12,000 homes without power", "link to another story"),
    ],
)
def test_chrome_signals(line: str, signal: str) -> None:
    [read] = [entry for entry in find_body(line).lines if entry.kind != "blank"]
    assert signal in read.signals


@pytest.mark.parametrize(
    "line",
    [
        "By contrast, Russia and China are today closer than they have ever been, bound by strong ties.",
        "Trump can’t change that, experts say.",
        "The embankment was built in 1987 and last reinforced in 2009.",
        "Share prices fell by 4 percent on Monday after the bank said profits would be lower than expected.",
        "A ‘broader rehabilitation’ of ties with Russia",
        "• 1,200 homes were destroyed",
    ],
)
def test_prose_lines_carry_no_chrome_signal(line: str) -> None:
    [read] = [entry for entry in find_body(line).lines if entry.kind != "blank"]
    assert read.signals == ()


def test_load_text_uses_chrome_detection_for_text_only() -> None:
    page = "Home\nNews\nSubscribe\nSign In\nFollow us\n\n" + ARTICLE
    assert load_text(page, "page.txt").prose.startswith(" " * 4 + "\n")
    assert load_text(page, "page.md").prose.startswith("Home\n")


_PIECES = [*"aB1 .,:\n•©|-", "May 9, 2025", "Share", "Home", "The river rose by 2.4 metres in six hours overnight."]


@given(st.lists(st.sampled_from(_PIECES), max_size=120).map("".join))
def test_prose_view_keeps_length_and_lines(text: str) -> None:
    prose = strip_chrome(text)
    assert len(prose) == len(text)
    assert all(p == t or p == " " for p, t in zip(prose, text, strict=True))
    assert [i for i, ch in enumerate(prose) if ch == "\n"] == [i for i, ch in enumerate(text) if ch == "\n"]
