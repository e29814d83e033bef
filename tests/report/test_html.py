"""Tests of the HTML reporter (``factcheck/report/html_report.py``) and its chart (``svgchart.py``).

The page is read back with the standard library's ``html.parser``
(``html_pages.parse``) and checked for its structure, on the shared fixture
report and on a story of four articles with a ledger.  The fixture's page is
also compared byte for byte with ``snapshots/formats/report.html``; after an
intended change, regenerate it and review the diff::

    UPDATE_SNAPSHOTS=1 pytest tests/report

The page in a real browser is tested in ``test_html_browser.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.model import DocumentSummary, ErrorEntry, Finding, Location, Report, Severity
from factcheck.pipeline import check
from factcheck.report import FORMATS, html_report, svgchart
from factcheck.report.html_report import POLICY, safe_url
from factcheck.report.svgchart import Point, dot_chart, nice_ticks

from .html_pages import STORY, ledger_report, parse, render
from .html_pages import Node as HtmlNode

Snapshot = Callable[[str, str], None]

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> & "quoted" \'single\' \u202eevil'


def page(report: Report) -> HtmlNode:
    root, _doctype = parse(render(report))
    return root


def test_registered_as_html() -> None:
    assert FORMATS["html"] is html_report.write


def test_matches_snapshot(report: Report, snapshot: Snapshot) -> None:
    snapshot("formats/report.html", render(report))


def test_same_report_gives_the_same_bytes(report: Report) -> None:
    assert render(report).encode() == render(report).encode()
    assert render(ledger_report()).encode() == render(ledger_report()).encode()


def test_document_outline(report: Report) -> None:
    root, doctype = parse(render(report))
    assert doctype.lower() == "doctype html"
    assert root.find("html").attrs["lang"] == "en"
    assert [h.text() for h in root.find_all("h1")] == ["factcheck report"]
    assert [h.text() for h in root.find_all("h2")] == ["Summary", "Findings", "Input errors"]
    assert root.find("title").text() == "factcheck report: 2 findings"
    assert "Found 2 findings (1 error, 1 warning, 0 info) in 2 documents; 1 input error." in root.find("header").text()


def test_every_finding_is_an_article_with_its_severity_in_words(report: Report) -> None:
    root = page(report)
    articles = root.find_all("article", "finding")
    assert [a.attrs["data-severity"] for a in articles] == ["error", "warning"]
    assert [a.attrs["data-rule"] for a in articles] == ["numbers.conflict", "names.misattribution"]
    for article, finding in zip(articles, report.findings, strict=True):
        heading = article.find("h4").text()
        assert finding.severity.label.capitalize() in heading and finding.rule in heading
        assert article.find("p", "message").text() == finding.message
        assert finding.id in article.find("p", "meta").text()


def test_passages_show_each_claim_marked_in_its_sentence(report: Report) -> None:
    conflict = page(report).find_all("article", "finding")[0]
    passages = conflict.find_all("figure", "passage")
    assert len(passages) == 2
    assert [p.find("mark").text() for p in passages] == ["at least 21,692", "18,000"]
    first = passages[0].find("blockquote").text()
    assert first.startswith("Since the war began in 2022, the US and its allies have imposed at least 21,692")
    captions = [p.find("figcaption").text() for p in passages]
    assert "Russia sanctions reach record two years into the war" in captions[0]
    assert "news/reuters/2024-02-22-sanctions.md:7:65" in captions[0]
    assert "2024-02-20" in captions[1]


def test_long_sentences_are_trimmed_around_the_claim() -> None:
    sentence = "Word " * 300 + "The figure was 4,127 cars. " + "More " * 300
    loc = Location("a.md", 1, 1, 1, 2, 1500, 1505, "4,127", 4127.0, None, sentence, 0)
    loc = replace(loc, start=sentence.index("4,127"), end=sentence.index("4,127") + 5)
    shown = html_report.passage_html(loc)
    assert "<mark>4,127</mark>" in shown
    assert shown.startswith("…") and shown.endswith("…")
    assert len(shown) < html_report.CONTEXT_WINDOW + 40


def test_summary_tables_have_headers(report: Report) -> None:
    root = page(report)
    for table in root.find_all("table"):
        assert table.find_all("th"), "every table has header cells"
        assert table.find("caption").text()
    by_severity = root.find("table", "by-severity")
    rows = [[cell.text() for cell in row.children] for row in by_severity.find("tbody").children]
    assert rows == [["Error", "1"], ["Warning", "1"], ["Info", "0"]]
    counts = {div.children[0].text(): div.children[1].text() for div in root.find("dl", "counts").children}
    assert counts == {"Articles": "2", "Stories": "1", "Claims": "4", "Findings": "2", "Input errors": "1"}
    articles = root.find("table", "articles").find("tbody").find_all("tr")
    assert [row.children[0].text() for row in articles] == [
        "Russia sanctions reach record two years into the war",
        "The sanctions tracker — week 104",
    ]
    errors = root.find("table", "errors").find("tbody").find_all("tr")
    assert [row.children[0].text() for row in errors] == ["news/archive/broken.html"]


def test_filters_are_hidden_until_the_script_runs_and_nothing_else_is(report: Report) -> None:
    """With JavaScript off the form stays hidden and every finding shows."""
    root = page(report)
    form = root.by_id("filters")
    assert "hidden" in form.attrs
    hidden = [node for node in root.walk() if "hidden" in node.attrs]
    assert hidden == [form]
    boxes = [node.attrs["value"] for node in form.find_all("input") if node.attrs.get("name") == "severity"]
    assert boxes == ["error", "warning", "info"]
    options = [option.attrs["value"] for option in form.find("select").find_all("option")]
    assert options == ["", "names.misattribution", "numbers.conflict"]
    labels = {node.attrs["for"] for node in form.find_all("label") if "for" in node.attrs}
    assert labels == {"rule-filter", "search"}


def test_empty_report(empty_report: Report) -> None:
    root = page(empty_report)
    assert "No findings in 0 documents." in root.find("header").text()
    assert [h.text() for h in root.find_all("h2")] == ["Summary", "Findings"]
    assert not [node for node in root.walk() if node.attrs.get("id") == "filters"]
    assert not root.find_all("article")


def test_only_the_pages_own_script_and_style() -> None:
    root = page(ledger_report())
    scripts = root.find_all("script")
    assert len(scripts) == 1 and "src" not in scripts[0].attrs
    assert scripts[0].text() == html_report.SCRIPT
    styles = root.find_all("style")
    assert len(styles) == 1 and styles[0].text() == html_report.STYLE
    policy = next(m.attrs["content"] for m in root.find_all("meta") if m.attrs.get("http-equiv"))
    assert policy == POLICY
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy


# -- no network ---------------------------------------------------------------


URL_ATTRIBUTES = frozenset("src href srcset action formaction poster data background xlink:href ping cite".split())


@pytest.mark.parametrize("which", ["fixture", "ledger"])
def test_no_resource_is_loaded_from_anywhere(which: str, report: Report) -> None:
    """No src at all; an href is an in-page anchor, or an article's own link on an <a>."""
    chosen = report if which == "fixture" else ledger_report()
    text = render(chosen)
    root, _doctype = parse(text)
    article_urls = {d.url for d in chosen.documents if d.url}
    for node in root.walk():
        for name, value in node.attrs.items():
            if name not in URL_ATTRIBUTES or value is None:
                continue
            if name == "xmlns":
                continue
            assert name == "href" and node.tag == "a", f"<{node.tag} {name}={value!r}>"
            assert value.startswith("#") or value in article_urls, value
            if not value.startswith("#"):
                assert node.attrs["rel"] == "noopener noreferrer"
    assert not root.find_all("link") and not root.find_all("img") and not root.find_all("iframe")
    assert "@import" not in text and "url(" not in text and "@font-face" not in text


def test_article_links_are_only_http_urls() -> None:
    root = page(ledger_report())
    links = {a.attrs["href"] for a in root.find_all("a") if not (a.attrs["href"] or "").startswith("#")}
    assert links == {
        "https://valley-courier.example/news/marlow-bridge",
        "https://herald.example/marlow-creek?ref=a&b=c",
    }
    assert "javascript:" not in render(ledger_report())


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.org/a?b=1&c=2", True),
        ("http://example.org/", True),
        ("  https://example.org/x  ", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("java\nscript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("//example.org/x", False),
        ("file:///etc/passwd", False),
        ("https://", False),
        ("https://exa mple.org/", False),
        ("http://[::1", False),
        ("", False),
        (None, False),
    ],
)
def test_safe_url(url: str | None, safe: bool) -> None:
    assert (safe_url(url) is not None) is safe


# -- untrusted text ---------------------------------------------------------------


def hostile_report() -> Report:
    sentence = f"Officials said {HOSTILE} 1,200 homes were destroyed."
    start = sentence.index("1,200")
    loc = Location(
        path=f"news/{HOSTILE}.md",
        line=2,
        column=start + 1,
        end_line=2,
        end_column=start + 6,
        start=start,
        end=start + 5,
        text="1,200",
        value=1200.0,
        unit=None,
        sentence=sentence,
        sentence_offset=0,
    )
    other = replace(loc, path="news/other.md")
    finding = Finding(
        id=HOSTILE,
        rule=f"numbers.{HOSTILE}",
        kind=HOSTILE,
        severity=Severity.ERROR,
        message=f"{HOSTILE}: 1,200 but 900 [story: {HOSTILE}]",
        subject=HOSTILE,
        locations=(loc, other),
    )
    document = DocumentSummary(
        path=loc.path,
        title=HOSTILE,
        date=date(2025, 1, 2),
        claims=1,
        outlet=HOSTILE,
        url='https://example.org/"><script>alert(1)</script>',
        story=HOSTILE,
    )
    return Report(
        documents=(document, DocumentSummary("news/other.md", None, None, 1, url="javascript:alert(1)")),
        findings=(finding,),
        errors=(ErrorEntry(path=HOSTILE, message=HOSTILE),),
    )


def test_hostile_text_is_inert() -> None:
    text = render(hostile_report())
    root, _doctype = parse(text)
    assert len(root.find_all("script")) == 1
    assert not root.find_all("img")
    assert not any(name.startswith("on") for node in root.walk() for name in node.attrs)
    assert "\u202e" not in text
    visible = HOSTILE.replace("\u202e", " ")
    assert visible in root.find("p", "message").text()
    passage = root.find("figure", "passage").find("blockquote").text()
    assert " ".join(visible.split()) in passage  # whitespace runs collapse in passages
    assert root.find("h3").text() == f"Story: {visible}"
    assert visible in root.find("table", "errors").text()
    # the bad URL is not a link, and its quote cannot end the attribute
    assert all(a.attrs["href"].startswith(("#", "https://example.org/")) for a in root.find_all("a"))
    assert not [a for a in root.find_all("a") if "javascript" in (a.attrs["href"] or "")]


def test_unpaired_surrogates_do_not_stop_the_page() -> None:
    report = replace(hostile_report(), errors=(ErrorEntry(path="bad\udcff.md", message="cannot decode"),))
    text = render(report)
    assert "bad?.md" in text
    text.encode("utf-8")


# -- stories ----------------------------------------------------------------------


def test_findings_are_grouped_by_the_documents_story(report: Report) -> None:
    documents = tuple(replace(d, story="Sanctions, Russia") for d in report.documents)
    root = page(replace(report, documents=documents))
    stories = root.find_all("section", "story")
    assert [s.find("h3").text() for s in stories] == ["Story: Sanctions, Russia"]
    assert len(stories[0].find_all("article", "finding")) == 2
    counts = {div.children[0].text(): div.children[1].text() for div in root.find("dl", "counts").children}
    assert counts["Stories"] == "1"


def test_story_from_the_message_when_documents_carry_none(report: Report) -> None:
    marked = replace(report.findings[1], message=report.findings[1].message + " [story: Borrell, NATO]")
    bare = tuple(replace(d, story=None) for d in report.documents)
    root = page(replace(report, documents=bare, findings=(report.findings[0], marked)))
    headings = [s.find("h3").text() for s in root.find_all("section", "story")]
    assert headings == ["Other findings", "Story: Borrell, NATO"]


def test_stories_come_in_the_order_of_their_first_finding(report: Report) -> None:
    conflict, misattribution = report.findings
    documents = (
        replace(report.documents[0], story="B story"),
        replace(report.documents[1], story="A story"),
    )
    moved = replace(conflict, locations=conflict.locations[::-1])
    root = page(replace(report, documents=documents, findings=(moved, misattribution)))
    stories = root.find_all("section", "story")
    assert [s.find("h3").text() for s in stories] == ["Story: A story", "Story: B story"]
    assert [[a.attrs["id"] for a in s.find_all("article")] for s in stories] == [["finding-1"], ["finding-2"]]


# -- ledger and chart ---------------------------------------------------------------


def test_ledger_lists_every_figure_with_outlet_date_and_agreement() -> None:
    root = page(ledger_report())
    (ledger,) = root.find_all("section", "quantity")
    assert ledger.find("h4").text() == "Figures in conflict: Freight wagons"
    assert ledger.attrs["data-findings"] == "finding-1 finding-2 finding-3"
    table = ledger.find("table", "ledger")
    assert [th.text() for th in table.find("thead").find_all("th")] == [
        "Article",
        "Outlet",
        "Date",
        "As written",
        "Value",
        "Agreement",
    ]
    rows = [[cell.text() for cell in row.children] for row in table.find("tbody").find_all("tr")]
    courier = "Rail bridge at Marlow Creek closes after flood damage"
    assert rows == [
        [courier, "Valley Courier", "2025-04-02", "38", "38", "majority"],
        ["Flood shuts Marlow Creek crossing", "Halvorsen Herald", "2025-04-03", "38", "38", "majority"],
        ["Marlow Creek bridge repair bill rises", "State Wire", "2025-04-03", "38", "38", "majority"],
        ["Marlow Creek rail bridge closed", "River Times", "", "83", "83", "outlier"],
    ]
    assert "3 articles give 38; 1 article differs (marked outlier)." in ledger.text()
    findings = root.find_all("article", "finding")
    assert [bool([a for a in f.find_all("a") if a.attrs["href"] == "#quantity-1"]) for f in findings] == [
        True,
        True,
        True,
        False,
    ]


def test_chart_marks_the_outlier_with_a_shape_and_a_word() -> None:
    root = page(ledger_report())
    svg = root.find("section", "quantity").find("svg")
    assert svg.attrs["role"] == "img"
    title_id, desc_id = svg.attrs["aria-labelledby"].split()
    assert svg.by_id(title_id).text() == "Freight wagons: reported values by article date"
    description = svg.by_id(desc_id).text()
    assert "83 (Marlow Creek rail bridge closed, River Times, undated), outlier" in description
    assert len(svg.find_all("circle")) == 3
    (outlier,) = svg.find_all("g", "outlier")
    assert outlier.find("text").text() == "outlier"
    assert outlier.find("title").text() == "83 (Marlow Creek rail bridge closed, River Times, undated), outlier"
    labels = [t.text() for t in svg.find_all("text")]
    assert {"2025-04-02", "2025-04-03", "undated", "article date"} <= set(labels)


def test_no_outlier_without_a_majority(report: Report) -> None:
    root = page(report)
    ledger = root.find("section", "quantity")
    rows = [[cell.text() for cell in row.children] for row in ledger.find("tbody").find_all("tr")]
    assert [row[-1] for row in rows] == ["no majority", "no majority"]
    assert [row[2] for row in rows] == ["2024-02-20", "2024-02-22"]  # by date
    assert not ledger.find_all("g", "outlier")
    assert len(ledger.find_all("circle")) == 2
    assert "no figure is given by more articles than any other" in ledger.text()


def test_no_chart_for_figures_in_different_units() -> None:
    report = ledger_report()
    first = report.findings[0]
    dollars = replace(first.locations[1], unit="USD")
    changed = replace(first, locations=(first.locations[0], dollars))
    root = page(replace(report, findings=(changed, *report.findings[1:])))
    ledger = root.find("section", "quantity")
    assert not ledger.find_all("svg")
    assert "38 USD" in [cell.text() for cell in ledger.find_all("td")]


def test_quantity_name_falls_back_to_the_subject() -> None:
    finding = ledger_report().findings[0]
    named = html_report.quantity_name([(1, replace(finding, message="no colon here"))], "wagon|rail|cross|level")
    assert named == "wagon / rail / cross"


@pytest.mark.parametrize(
    ("loc_text", "value", "unit", "shown"),
    [
        ("$140bn", 140e9, "USD", "140bn USD"),
        ("3.5%", 3.5, "percent", "3.5%"),
        ("2 points", 2.0, "percentage_point", "2 pp"),
        ("1971", 1971.0, None, "1971"),
        ("21,692", 21692.0, "count", "21,692"),
        ("Tuesday", None, None, ""),
    ],
)
def test_value_text(loc_text: str, value: float | None, unit: str | None, shown: str) -> None:
    loc = Location("a.md", 1, 1, 1, 2, 0, len(loc_text), loc_text, value, unit)
    assert html_report.value_text(loc) == shown


def test_nice_ticks() -> None:
    assert nice_ticks(18000, 21692) == [18000, 19000, 20000, 21000, 22000]
    assert nice_ticks(38, 83) == [20, 40, 60, 80, 100]
    assert nice_ticks(0.1, 0.3) == [0.1, 0.15, 0.2, 0.25, 0.3]
    assert nice_ticks(5, 5) == [4.5, 4.75, 5.0, 5.25, 5.5]
    assert nice_ticks(0, 0) == [-1.0, -0.5, 0.0, 0.5, 1.0]
    with pytest.raises(ValueError):
        nice_ticks(0, float("inf"))


def test_dot_chart_spreads_dots_on_one_spot_and_escapes_labels() -> None:
    points = [Point(10.0, date(2025, 1, 1), f"<b>{n}</b>") for n in range(3)]
    svg = dot_chart(points, ident="c", title="<t>")
    xs = re.findall(r'<circle cx="([\d.]+)"', svg)
    assert len(set(xs)) == 3
    assert "<b>" not in svg and "&lt;b&gt;0&lt;/b&gt;" in svg and "&lt;t&gt;" in svg
    assert svg == dot_chart(points, ident="c", title="<t>")
    with pytest.raises(ValueError):
        dot_chart([], ident="c", title="t")


def test_chart_escape_drops_control_characters() -> None:
    assert svgchart.escape('a\x00b\u202e<"') == "a b &lt;&quot;"


# -- the pipeline fills in what the page shows ----------------------------------------


def write_story(folder: Path) -> None:
    """Three dated articles with outlet and URL; the third says 83 wagons where the others say 38."""
    front = "---\ntitle: {title}\noutlet: {outlet}\nurl: {url}\ndate: 2025-04-0{day}\n---\n"
    body = "Brightwater Rail said {n} freight wagons had crossed the Marlow Creek bridge before Halvorsen closed it.\n"
    for day, (name, n) in enumerate((("a", 38), ("b", 38), ("c", 83)), start=1):
        text = front.format(title=f"Bridge {name}", outlet=f"Outlet {name}", url=f"https://{name}.example/", day=day)
        (folder / f"{name}.md").write_text(text + body.format(n=n), encoding="utf-8")


def test_documents_carry_outlet_url_and_story_into_the_json(tmp_path: Path) -> None:
    write_story(tmp_path)
    report = check([str(tmp_path)], root=str(tmp_path))
    assert [(d.path, d.outlet, d.url) for d in report.documents] == [
        ("a.md", "Outlet a", "https://a.example/"),
        ("b.md", "Outlet b", "https://b.example/"),
        ("c.md", "Outlet c", "https://c.example/"),
    ]
    assert len({d.story for d in report.documents}) == 1 and report.documents[0].story
    assert list(report.documents[0].to_dict()) == ["path", "title", "date", "claims", "outlet", "url", "story"]


def test_reports_built_without_stories_still_render() -> None:
    report = ledger_report()
    bare = tuple(DocumentSummary(d.path, d.title, d.date, d.claims) for d in report.documents)
    root = page(replace(report, documents=bare))
    assert [s.find("h3").text() for s in root.find_all("section", "story")] == ["All findings"]
    assert STORY not in render(replace(report, documents=bare))


def test_cli_writes_the_page_to_stdout_and_to_a_report_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_story(tmp_path)
    monkeypatch.chdir(tmp_path)
    code = main(["check", "--isolated", "--format", "html", "--report", "html:page.html", "."])
    captured = capsys.readouterr()
    assert code == 1 and captured.err == ""
    assert captured.out == (tmp_path / "page.html").read_text(encoding="utf-8")
    root, _doctype = parse(captured.out)
    ledger = root.find("section", "quantity")
    rows = [[cell.text() for cell in row.children] for row in ledger.find("tbody").find_all("tr")]
    assert [(row[1], row[2], row[3], row[5]) for row in rows] == [
        ("Outlet a", "2025-04-01", "38", "majority"),
        ("Outlet b", "2025-04-02", "38", "majority"),
        ("Outlet c", "2025-04-03", "83", "outlier"),
    ]
    assert ledger.find("g", "outlier")
    links = [a.attrs["href"] for a in root.find("table", "articles").find_all("a")]
    assert links == ["https://a.example/", "https://b.example/", "https://c.example/"]
