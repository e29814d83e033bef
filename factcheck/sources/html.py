"""The prose view of an HTML page, and the article fields its markup names.

Only the standard library's ``html.parser`` is used.  The prose view starts
all blank and only text we mean to keep is copied back in at its own offset:
text inside the first ``<article>`` (else ``<main>``, else the whole page),
minus page chrome (navigation, asides, footers, forms, scripts, ...).  Tags,
attributes and comments are never copied, so they stay blank.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser

from factcheck.sources.frontmatter import parse_date

# Elements whose text is never article prose.  ``title`` is read separately
# into Document.title.  ``header`` is handled apart: a site header is chrome,
# an article's own header (inside <article> or <main>) holds its headline.
CHROME = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "aside",
        "footer",
        "form",
        "button",
        "select",
        "textarea",
        "svg",
        "iframe",
        "title",
    }
)
CONTAINERS = ("article", "main")

# Meta names and properties that give a publication date, best first.
DATE_META = ("article:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date")

# The shapes of complete markup constructs, bounded; see _parser_input.
_TAG_SHAPE = re.compile(r"</?[A-Za-z][^<>\"']{0,2000}(?:(?:\"[^\"]{0,2000}\"|'[^']{0,2000}')[^<>\"']{0,2000}){0,100}>")
_DECLARATION_SHAPE = re.compile(r"<[!?][^<>]{0,2000}>")
_SECTIONS = (("<!--", "-->"), ("<![CDATA[", "]]>"))

_NOT_NEWLINE = re.compile(r"[^\n]")
_SPACES = re.compile(r"\s{1,1000}")


@dataclass(frozen=True, slots=True)
class HtmlPage:
    """The prose view of a page (same length as its text) and what its markup says."""

    prose: str
    title: str | None = None
    date: date | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    problems: tuple[str, ...] = ()


# Elements whose boundaries end a sentence ("<h2>Heading</h2><p>Text" is two).
BLOCKS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd td th tr table br hr blockquote figcaption figure "
    "section article header footer main aside nav pre address caption summary details".split()
)


def pad_entity(raw: str) -> str:
    """A character reference as its character, padded with spaces to the same length.

    ``&amp;`` becomes ``"&    "`` and ``&nbsp;`` six spaces, so every later
    character keeps its offset; a currency sign is padded on the left so it
    stays against its amount.  An unknown reference is left as written.
    """
    value = html.unescape(raw)
    if value == raw or len(value) > len(raw):
        return raw
    # A reference must not add a line (&#10;) or hide one: lines stay aligned.
    value = "".join(" " if ch.isspace() else ch for ch in value)
    padding = " " * (len(raw) - len(value))
    # A currency sign belongs to the number after it ("&pound;18m" -> "      £18m").
    if unicodedata.category(value[-1:] or " ") == "Sc":
        return padding + value
    return value + padding


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # start, startend, end, data, ref, other
    name: str
    attrs: tuple[tuple[str, str | None], ...]
    start: int
    end: int
    line: int


class _Tokenizer(HTMLParser):
    """Records every parser event with its start offset; ends are filled in later."""

    def __init__(self, text: str) -> None:
        # convert_charrefs=False: data arrives exactly as written, so its
        # length is its extent in the source, and references arrive apart.
        super().__init__(convert_charrefs=False)
        self._line_starts = [0, *(i + 1 for i, ch in enumerate(text) if ch == "\n")]
        self.events: list[tuple[str, str, tuple[tuple[str, str | None], ...], int, int, int]] = []

    def _add(
        self, kind: str, name: str = "", attrs: list[tuple[str, str | None]] | None = None, size: int = -1
    ) -> None:
        line, column = self.getpos()
        start = self._line_starts[line - 1] + column
        self.events.append((kind, name, tuple(attrs or ()), start, size, line))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._add("start", tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._add("startend", tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self._add("end", tag)

    def handle_data(self, data: str) -> None:
        self._add("data", size=len(data))

    def handle_entityref(self, name: str) -> None:
        self._add("ref")

    def handle_charref(self, name: str) -> None:
        self._add("ref")

    def handle_comment(self, data: str) -> None:
        self._add("other")

    def handle_decl(self, decl: str) -> None:
        self._add("other")

    def handle_pi(self, data: str) -> None:
        self._add("other")

    def unknown_decl(self, data: str) -> None:
        self._add("other")


def _tokenize(text: str) -> list[_Token]:
    """Parser events as tokens with [start, end) offsets into ``text``."""
    parser = _Tokenizer(text)
    parser.feed(_parser_input(text))
    parser.close()
    events = parser.events
    tokens = []
    for index, (kind, name, attrs, start, size, line) in enumerate(events):
        following = events[index + 1][3] if index + 1 < len(events) else len(text)
        end = start + size if size >= 0 else following
        tokens.append(_Token(kind, name, attrs, start, max(start, min(end, following)), line))
    return tokens


def _parser_input(text: str) -> str:
    """``text`` with each ``<`` that opens no complete construct replaced by a space.

    html.parser (as shipped with Python 3.11, and later versions before
    their security fixes) rescans to the end of the input for every ``<``
    that opens a tag, comment or declaration it cannot close, which is
    quadratic on hostile pages.  Such a ``<`` is text anyway, and a
    space of the same length keeps every offset and line.
    """
    pieces: list[str] = []
    copied = 0
    never_closed: dict[str, int] = {}  # closer -> a position past which it never occurs
    position = text.find("<")
    while position >= 0:
        end = _construct_end(text, position, never_closed)
        if end < 0:
            pieces.append(text[copied:position])
            pieces.append(" ")
            copied = end = position + 1
        position = text.find("<", end)
    pieces.append(text[copied:])
    return "".join(pieces)


def _construct_end(text: str, position: int, never_closed: dict[str, int]) -> int:
    """Where the construct opened by the ``<`` at ``position`` ends, or -1 when it is not complete."""
    for opener, closer in _SECTIONS:
        if text.startswith(opener, position):
            if position >= never_closed.get(closer, len(text) + 1):
                return -1
            close = text.find(closer, position + len(opener))
            if close < 0:
                never_closed[closer] = position
                return -1
            return close + len(closer)
    shape = _TAG_SHAPE.match(text, position) or _DECLARATION_SHAPE.match(text, position)
    return shape.end() if shape else -1


def html_page(text: str) -> HtmlPage:
    """Read a page: its prose view and the title, date, outlet, url and author its markup gives."""
    tokens = _tokenize(text)
    first, last = _article_scope(tokens)
    prose = list(_NOT_NEWLINE.sub(" ", text))
    chrome: list[str] = []  # open chrome elements, innermost last
    containers = 0
    title: str | None = None
    title_start: int | None = None
    meta: dict[str, tuple[str, int]] = {}
    canonical: str | None = None
    times: list[tuple[str, int]] = []
    for index, token in enumerate(tokens):
        inside = first < index < last
        attrs = {key.lower(): value or "" for key, value in token.attrs}
        if token.kind in ("start", "startend", "end") and token.name in BLOCKS:
            # A block boundary ends a sentence: the tag's "<" becomes a newline in the
            # prose view (same length; lines and columns are counted on the text).
            prose[token.start] = "\n"
        if token.kind in ("start", "startend"):
            if token.name == "meta":
                key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
                if key and "content" in attrs:
                    meta.setdefault(key, (attrs["content"], token.line))
            elif token.name == "link" and "canonical" in attrs.get("rel", "").lower().split():
                canonical = canonical or attrs.get("href") or None
            elif token.name == "time" and inside and not chrome and attrs.get("datetime"):
                times.append((attrs["datetime"], token.line))
            if token.kind == "start":
                if token.name == "title" and title is None and "svg" not in chrome:
                    title_start = token.end
                if token.name in CONTAINERS:
                    containers += 1
                if token.name in CHROME or (token.name == "header" and containers == 0):
                    chrome.append(token.name)
        elif token.kind == "end":
            if token.name == "title" and title_start is not None:
                title = _clean(text[title_start : token.start]) or None
                title_start = None
            if token.name in CONTAINERS:
                containers = max(0, containers - 1)
            if token.name in chrome:
                del chrome[len(chrome) - 1 - chrome[::-1].index(token.name) :]
        elif inside and not chrome and token.kind in ("data", "ref"):
            raw = text[token.start : token.end]
            kept = raw if token.kind == "data" else pad_entity(raw)
            prose[token.start : token.end] = kept
    found_date, problems = _page_date([*(meta[key] for key in DATE_META if key in meta), *times])
    return HtmlPage(
        prose="".join(prose),
        title=title,
        date=found_date,
        outlet=_clean(meta.get("og:site_name", ("", 0))[0]) or None,
        url=_clean(canonical or meta.get("og:url", ("", 0))[0]) or None,
        author=_clean(meta.get("author", ("", 0))[0]) or None,
        problems=problems,
    )


def _article_scope(tokens: list[_Token]) -> tuple[int, int]:
    """Token indices bounding the first <article> (else <main>); the whole page when neither."""
    for container in CONTAINERS:
        depth = 0
        opened = -1
        for index, token in enumerate(tokens):
            if token.name != container or token.kind not in ("start", "end"):
                continue
            if token.kind == "start":
                if depth == 0 and opened < 0:
                    opened = index
                depth += 1
            elif depth > 0:
                depth -= 1
                if depth == 0:
                    return opened, index
        if opened >= 0:
            return opened, len(tokens)  # never closed: runs to the end
    return -1, len(tokens)


def _page_date(candidates: list[tuple[str, int]]) -> tuple[date | None, tuple[str, ...]]:
    for value, _line in candidates:
        parsed = parse_date(value)
        if parsed is not None:
            return parsed, ()
    if candidates:
        value, line = candidates[0]
        return None, (f"line {line}: cannot parse date {value!r}",)
    return None, ()


def _clean(value: str) -> str:
    return _SPACES.sub(" ", html.unescape(value)).strip()
