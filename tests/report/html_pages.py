"""Reports and a small DOM for the HTML reporter's tests (``test_html.py``, ``test_html_browser.py``).

:func:`ledger_report` is one story told by four articles with front matter
(outlet, URL, date): three give 38 wagons and one gives 83, so the ledger
has a majority and an outlier, and the chart has dates and an undated
article.  :func:`parse` reads a page with the standard library's
``html.parser`` into :class:`Node` objects.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser

from factcheck.model import Document, DocumentSummary, Finding, Report, Severity
from factcheck.report import ReportOptions, html_report

from .conftest import locate

OPTIONS = ReportOptions(tool_version="0.1.0")
STORY = "Marlow Creek, Brightwater"

# (path, title, date, outlet, url, sentence, claim)
ARTICLES = (
    (
        "desk/courier.md",
        "Rail bridge at Marlow Creek closes after flood damage",
        date(2025, 4, 2),
        "Valley Courier",
        "https://valley-courier.example/news/marlow-bridge",
        "Engineers from Brightwater Rail found that 38 freight wagons had crossed the bridge before it closed.",
        "38",
    ),
    (
        "desk/herald.md",
        "Flood shuts Marlow Creek crossing",
        date(2025, 4, 3),
        "Halvorsen Herald",
        "https://herald.example/marlow-creek?ref=a&b=c",
        "Brightwater Rail said 38 freight wagons crossed the bridge before it was shut.",
        "38",
    ),
    (
        "desk/wire.md",
        "Marlow Creek bridge repair bill rises",
        date(2025, 4, 3),
        "State Wire",
        None,
        "Brightwater Rail said 38 freight wagons had crossed the bridge before the closure.",
        "38",
    ),
    (
        "desk/times.md",
        "Marlow Creek rail bridge closed",
        None,
        "River Times",
        "javascript:alert(document.cookie)",
        "Brightwater Rail said 83 freight wagons had crossed the Marlow Creek bridge before it closed.",
        "83",
    ),
)


def ledger_report() -> Report:
    """Three numeric-conflict findings (83 against each 38) and one info finding, all in one story."""
    locations = {}
    summaries = []
    for path, title, day, outlet, url, sentence, claim in ARTICLES:
        text = f"---\ntitle: {title}\n---\n{sentence}\n"
        document = Document.build(path, text)
        locations[path] = locate(document, sentence, claim, value=float(claim), unit=None)
        summaries.append(
            DocumentSummary(path, title, day, 1, outlet=outlet, url=url, story=STORY),
        )
    outlier = locations["desk/times.md"]
    findings = tuple(
        Finding(
            id=f"{index:020d}",
            rule="numbers.conflict",
            kind="numeric_conflict",
            severity=Severity.ERROR,
            message=f"Freight wagons, as of {day}: 83 in desk/times.md but 38 in {path} (3 articles agree with 38)",
            subject="wagon|brightwater rail|cross|level",
            locations=(outlier, locations[path]),
        )
        for index, (path, _title, day, *_rest) in enumerate(ARTICLES[:3], start=1)
    )
    copy = Finding(
        id="9" * 20,
        rule="documents.near_copy",
        kind="near_copy",
        severity=Severity.INFO,
        message="desk/wire.md reads as a reworded copy of desk/herald.md",
        subject=None,
        locations=(locations["desk/wire.md"], locations["desk/herald.md"]),
    )
    return Report(documents=tuple(summaries), findings=(*findings, copy), errors=())


def render(report: Report) -> str:
    stream = io.StringIO()
    html_report.write(report, stream, OPTIONS)
    return stream.getvalue()


VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())


@dataclass
class Node:
    """An element: tag, attributes (``None`` for a bare attribute), children and direct text."""

    tag: str
    attrs: dict[str, str | None] = field(default_factory=dict)
    children: list[Node] = field(default_factory=list)
    parts: list[str | Node] = field(default_factory=list)

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Node]:
        return [
            node
            for node in self.walk()
            if (tag is None or node.tag == tag) and (cls is None or cls in (node.attrs.get("class") or "").split())
        ]

    def find(self, tag: str | None = None, cls: str | None = None) -> Node:
        found = self.find_all(tag, cls)
        assert found, f"no <{tag or '*'} class={cls!r}>"
        return found[0]

    def text(self) -> str:
        return "".join(part if isinstance(part, str) else part.text() for part in self.parts)

    def by_id(self, ident: str) -> Node:
        return next(node for node in self.walk() if node.attrs.get("id") == ident)


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document")
        self.stack = [self.root]
        self.doctype = ""

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        self.stack[-1].parts.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        self.stack[-1].parts.append(node)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].parts.append(data)


def parse(page: str) -> tuple[Node, str]:
    """The page's root node and its doctype; every element must be closed in order."""
    builder = _Builder()
    builder.feed(page)
    builder.close()
    assert builder.stack == [builder.root], f"unclosed: {[n.tag for n in builder.stack[1:]]}"
    return builder.root, builder.doctype
