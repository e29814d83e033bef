"""HTML reporter: one self-contained page to open in a browser or attach to a ticket.

This module owns the ``html`` format.  The page loads nothing: styles and
the small filter script are inline, charts are inline SVG
(:mod:`factcheck.report.svgchart`), there are no fonts, images or other
files, and a content security policy (by hash of the one style sheet and the
one script) forbids everything else, so it works from ``file://``, offline,
and an injected tag could do nothing even if escaping failed.  Layout, top to
bottom:

* **Summary**: how many articles, stories, claims, findings and input
  errors; a table of findings by severity; a table of the articles (title
  linked to the article's URL when its front matter gives one, outlet,
  date, story, claims, findings).
* **Filters** (only with JavaScript on; the form is ``hidden`` in the markup
  and the script shows it): a checkbox per severity, a rule menu and a
  search box that matches every word typed against a finding's text.  A
  story or ledger whose findings are all hidden is hidden too, and a status
  line says how many findings are shown.  With JavaScript off every finding
  is shown.
* **Findings, by story**: one section per story (the link stage's story of
  the finding's first document, from :attr:`DocumentSummary.story`; failing
  that, the ``[story: ...]`` mark of the message; findings with neither are
  grouped under "Other findings", or "All findings" when no finding has a
  story).  Stories come in the order of their first
  finding, which is the report's order (most severe first).  In each story:

  - for each quantity with a numeric conflict (findings of kind
    ``numeric_conflict`` with the same rule and subject), a **ledger**: one
    row per figure the findings involve (article, outlet, date, the figure as
    written, its value) and whether it agrees with the majority; and a **dot
    chart** of the values over the articles' dates.  The majority is the
    value (or, for dates and names of days, the wording) that the most
    articles give, when more than one article gives it and no other value is
    given by as many; every other figure is marked "outlier", as text in the
    ledger and as a labelled diamond in the chart.  When no value has a
    majority (two articles that disagree), nothing is marked.  No chart is
    drawn when the figures have no numeric value or are in different units.
  - each **finding**: a heading with its number, severity (as a word, not
    only a colour) and rule; the message; the passages side by side (a
    column each where the page is wide enough, stacked on a narrow screen),
    each captioned with the article (linked), outlet, date and
    ``path:line:col``, and showing the sentence around the claim (trimmed to
    about ``CONTEXT_WINDOW`` characters) with the claim in ``<mark>``; then
    its kind and id.

* **Input errors**: a table of the files that could not be read.

Text from articles, front matter and the file system is untrusted: all of
it goes through :func:`~factcheck.report.svgchart.escape` (control and
bidirectional characters become spaces; ``& < > " '`` become references).
Only ``http`` and ``https`` URLs become links, with ``rel="noopener
noreferrer"``.  Element ids are numbers (``finding-3``), never taken from
the report.  The same report always gives the same bytes: there is no
timestamp, and the hashes in the policy are of fixed text.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, TextIO
from urllib.parse import urlsplit

from factcheck.extract.numbers import format_number
from factcheck.model import DocumentSummary, ErrorEntry, Finding, Location, Report, Severity
from factcheck.report.concise import summary_line
from factcheck.report.markdown import claim_in_sentence
from factcheck.report.rich_report import window
from factcheck.report.svgchart import Point, dot_chart, escape

if TYPE_CHECKING:
    from factcheck.report import ReportOptions

CONTEXT_WINDOW = 400
"""Longest passage shown, in characters, not counting the "…" marks."""

NUMERIC_KIND = "numeric_conflict"

_STORY_MARK = re.compile(r" \[story: ([^\]\n]{1,300})\]")
_YEAR = re.compile(r"\s*\d{4}\s*")
_SPACE_RUN = re.compile(r"\s+")
_URL_BREAK = re.compile(r"[\s\x00-\x1f\x7f]")

STYLE = """
:root { color-scheme: light; --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa;
  --error: #b3261e; --warning: #8a5a00; --info: #0b5394; --mark: #ffe28a; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: #fff; }
header, main { max-width: 76rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 1rem; border-bottom: 1px solid var(--line); }
h1 { font-size: 1.75rem; margin: 0.5rem 0; }
h2 { font-size: 1.4rem; margin: 2rem 0 0.75rem; }
h3 { font-size: 1.2rem; margin: 0 0 0.25rem; }
h4 { font-size: 1.05rem; margin: 0 0 0.5rem; }
a { color: #0550ae; }
time { white-space: nowrap; }
code { font: 0.9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.muted { color: var(--muted); }
.counts { display: flex; flex-wrap: wrap; gap: 0.5rem 2rem; margin: 0 0 1rem; padding: 0; }
.counts div { display: flex; flex-direction: column-reverse; }
.counts dt { color: var(--muted); }
.counts dd { margin: 0; font-size: 1.6rem; font-weight: 600; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border: 1px solid var(--line); padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
th { background: var(--soft); }
tbody th { background: transparent; font-weight: 600; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
.table-wrap { overflow-x: auto; }
.severity { display: inline-block; padding: 0 0.45rem; border-radius: 0.25rem; color: #fff; font-weight: 600;
  font-size: 0.85em; }
.severity-error { background: var(--error); }
.severity-warning { background: var(--warning); }
.severity-info { background: var(--info); }
.filters { position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap; align-items: center;
  gap: 0.5rem 1.5rem; margin: 1.5rem 0 0; padding: 0.75rem 1rem; background: var(--soft);
  border: 1px solid var(--line); border-radius: 0.375rem; }
.filters fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; }
.filters legend { float: left; margin-right: 0.5rem; font-weight: 600; }
.filters label.field { font-weight: 600; }
.filters select, .filters input[type=search] { font: inherit; padding: 0.15rem 0.3rem; margin-left: 0.35rem; }
.filters .status { margin: 0; flex-basis: 100%; color: var(--muted); }
.story { margin: 1.5rem 0; padding-top: 0.5rem; border-top: 3px solid var(--line); }
.quantity, .finding { margin: 1rem 0; padding: 1rem; border: 1px solid var(--line); border-radius: 0.375rem; }
.quantity { background: var(--soft); }
.finding { border-left-width: 6px; }
.finding-error { border-left-color: var(--error); }
.finding-warning { border-left-color: var(--warning); }
.finding-info { border-left-color: var(--info); }
.message { margin: 0 0 0.75rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.passages { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr)); gap: 0.75rem; }
.passage { margin: 0; padding: 0.6rem 0.8rem; border: 1px solid var(--line); border-radius: 0.375rem;
  background: #fff; min-width: 0; }
.passage figcaption { font-size: 0.9rem; color: var(--muted); overflow-wrap: anywhere; }
.passage figcaption .article { color: var(--ink); font-weight: 600; }
.passage blockquote { margin: 0.4rem 0 0; overflow-wrap: anywhere; }
.passage blockquote p { margin: 0; }
mark { background: var(--mark); color: inherit; font-weight: 700; padding: 0 0.1em;
  text-decoration: underline; text-decoration-thickness: 2px; }
.meta { margin: 0.75rem 0 0; font-size: 0.9rem; color: var(--muted); }
.outlier-cell { color: var(--error); font-weight: 700; }
.chart-figure { margin: 0.75rem 0 0; }
.chart { max-width: 100%; height: auto; background: #fff; border: 1px solid var(--line); border-radius: 0.375rem; }
footer { max-width: 76rem; margin: 2rem auto; padding: 1rem 1.25rem; color: var(--muted);
  border-top: 1px solid var(--line); }
@media print { .filters { display: none !important; } .finding, .quantity { break-inside: avoid; } }
"""

SCRIPT = """
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var findings = Array.prototype.slice.call(document.querySelectorAll(".finding"));
  var texts = findings.map(function (item) { return item.textContent.toLowerCase(); });
  var groups = Array.prototype.slice.call(document.querySelectorAll("[data-findings]"));
  var stories = Array.prototype.slice.call(document.querySelectorAll(".story"));
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=severity]"));
  var rule = document.getElementById("rule-filter");
  var search = document.getElementById("search");
  var status = document.getElementById("filter-status");
  function update() {
    var severities = {};
    boxes.forEach(function (box) { severities[box.value] = box.checked; });
    var words = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var shown = 0;
    findings.forEach(function (item, index) {
      var text = texts[index];
      var visible = severities[item.getAttribute("data-severity")] === true &&
        (!rule.value || item.getAttribute("data-rule") === rule.value) &&
        words.every(function (word) { return text.indexOf(word) >= 0; });
      item.hidden = !visible;
      if (visible) { shown += 1; }
    });
    groups.forEach(function (group) {
      group.hidden = !group.getAttribute("data-findings").split(" ").some(function (id) {
        var item = document.getElementById(id);
        return item && !item.hidden;
      });
    });
    stories.forEach(function (story) { story.hidden = !story.querySelector(".finding:not([hidden])"); });
    status.textContent = "Showing " + shown + " of " + findings.length + " findings.";
  }
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  update();
}());
"""


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


POLICY = (
    f"default-src 'none'; style-src '{_sha256(STYLE)}'; script-src '{_sha256(SCRIPT)}'; "
    "img-src 'none'; base-uri 'none'; form-action 'none'"
)
"""The page's content security policy: its own style sheet and script, nothing else."""


def write(report: Report, stream: TextIO, options: ReportOptions) -> None:
    """Write the HTML page for ``report`` to ``stream``."""
    stream.write(render(report, options))


def render(report: Report, options: ReportOptions) -> str:
    """The whole page as a string."""
    page = _Page(report)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="factcheck">',
        f"<title>factcheck report: {escape(_count(len(report.findings), 'finding'))}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        '<header><h1>factcheck report</h1><p class="muted">',
        escape(summary_line(report)),
        "</p></header>",
        "<main>",
        page.summary(),
    ]
    if report.findings:
        parts.append(page.filters())
    parts.append(page.findings())
    if report.errors:
        parts.append(errors_section(report.errors))
    parts += [
        "</main>",
        f"<footer>Written by factcheck {escape(options.tool_version)}.</footer>",
        f"<script>{SCRIPT}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


@dataclass(frozen=True, slots=True)
class Story:
    """Findings of one story, in report order; ``name`` is ``None`` for findings tied to no story."""

    name: str | None
    findings: tuple[tuple[int, Finding], ...]


@dataclass(frozen=True, slots=True)
class Quantity:
    """The numeric-conflict findings of one rule about one subject in one story, and what each figure said."""

    name: str
    findings: tuple[tuple[int, Finding], ...]
    entries: tuple[Location, ...]
    outliers: frozenset[int]  # indexes into ``entries``
    majority: frozenset[int]


class _Page:
    """The report with the lookups every section needs."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.documents = {d.path: d for d in report.documents}
        self.stories = group_by_story(report)
        self.articles_in: Counter[str] = Counter(d.story for d in report.documents if d.story)
        self.quantities: list[list[tuple[int, Quantity]]] = []  # for each story, its numbered quantities
        self.quantity_of: dict[int, int] = {}  # finding number -> quantity number
        number = 0
        for story in self.stories:
            numbered = []
            for quantity in find_quantities(story, self.documents):
                number += 1
                numbered.append((number, quantity))
                for finding_number, _finding in quantity.findings:
                    self.quantity_of[finding_number] = number
            self.quantities.append(numbered)

    # -- summary ---------------------------------------------------------------

    def summary(self) -> str:
        report = self.report
        counts = [("Articles", len(report.documents))]
        if self.articles_in:
            counts.append(("Stories", len(self.articles_in)))
        counts += [("Claims", report.claim_count), ("Findings", len(report.findings))]
        if report.errors:
            counts.append(("Input errors", len(report.errors)))
        items = "".join(f"<div><dt>{name}</dt><dd>{number}</dd></div>" for name, number in counts)
        by_severity = report.by_severity()
        severity_rows = "".join(
            f'<tr><th scope="row">{_severity_badge(s)}</th><td class="number">{by_severity[s.label]}</td></tr>'
            for s in sorted(Severity, reverse=True)
        )
        parts = [
            '<section aria-labelledby="summary-heading">',
            '<h2 id="summary-heading">Summary</h2>',
            f'<dl class="counts">{items}</dl>',
            '<table class="by-severity"><caption>Findings by severity</caption>',
            '<thead><tr><th scope="col">Severity</th><th scope="col">Findings</th></tr></thead>',
            f"<tbody>{severity_rows}</tbody></table>",
        ]
        if report.documents:
            parts.append(self.articles_table())
        parts.append("</section>")
        return "\n".join(parts)

    def articles_table(self) -> str:
        involved: Counter[str] = Counter()
        for finding in self.report.findings:
            involved.update({loc.path for loc in finding.locations})
        show_story = any(d.story for d in self.report.documents)
        head = ["Article", "Outlet", "Date", *(["Story"] if show_story else []), "Claims", "Findings"]
        rows = []
        for document in self.report.documents:
            cells = [
                f'<th scope="row">{_article_link(document.path, document)}</th>',
                f"<td>{escape(document.outlet or '')}</td>",
                f"<td>{_time(document.date)}</td>",
                *([f"<td>{escape(document.story or '')}</td>"] if show_story else []),
                f'<td class="number">{document.claims}</td>',
                f'<td class="number">{involved[document.path]}</td>',
            ]
            rows.append("<tr>" + "".join(cells) + "</tr>")
        return (
            '<div class="table-wrap"><table class="articles"><caption>Articles</caption><thead><tr>'
            + "".join(f'<th scope="col">{name}</th>' for name in head)
            + "</tr></thead><tbody>\n"
            + "\n".join(rows)
            + "\n</tbody></table></div>"
        )

    # -- filters ---------------------------------------------------------------

    def filters(self) -> str:
        by_severity = self.report.by_severity()
        boxes = "".join(
            f'<label><input type="checkbox" name="severity" value="{s.label}" checked> '
            f"{s.label.capitalize()} ({by_severity[s.label]})</label>"
            for s in sorted(Severity, reverse=True)
        )
        rules = Counter(f.rule for f in self.report.findings)
        options = "".join(
            f'<option value="{escape(rule)}">{escape(rule)} ({rules[rule]})</option>' for rule in sorted(rules)
        )
        return (
            '<form id="filters" class="filters" hidden aria-label="Filter findings">'
            f"<fieldset><legend>Severity</legend>{boxes}</fieldset>"
            '<label class="field" for="rule-filter">Rule</label>'
            f'<select id="rule-filter"><option value="">All rules</option>{options}</select>'
            '<label class="field" for="search">Search</label>'
            '<input type="search" id="search" autocomplete="off" placeholder="words, names, files">'
            '<p id="filter-status" class="status" role="status" aria-live="polite"></p>'
            "</form>"
        )

    # -- findings --------------------------------------------------------------

    def findings(self) -> str:
        parts = ['<section aria-labelledby="findings-heading">', '<h2 id="findings-heading">Findings</h2>']
        if not self.report.findings:
            parts.append("<p>No findings.</p>")
        for number, story in enumerate(self.stories, start=1):
            parts.append(self.story_section(number, story))
        parts.append("</section>")
        return "\n".join(parts)

    def story_section(self, number: int, story: Story) -> str:
        unnamed = "Other findings" if len(self.stories) > 1 else "All findings"
        title = f"Story: {story.name}" if story.name else unnamed
        involved = len({loc.path for _n, f in story.findings for loc in f.locations})
        told = f" (a story told by {_count(self.articles_in[story.name], 'article')})" if story.name else ""
        parts = [
            f'<section class="story" id="story-{number}" aria-labelledby="story-{number}-heading">',
            f'<h3 id="story-{number}-heading">{escape(title)}</h3>',
            f'<p class="muted">{_count(len(story.findings), "finding")} in {_count(involved, "article")}{told}.</p>',
        ]
        parts.extend(self.ledger(n, quantity) for n, quantity in self.quantities[number - 1])
        parts.extend(self.finding_article(n, finding) for n, finding in story.findings)
        parts.append("</section>")
        return "\n".join(parts)

    def ledger(self, number: int, quantity: Quantity) -> str:
        ident = f"quantity-{number}"
        listed = " ".join(f"finding-{n}" for n, _f in quantity.findings)
        rows = []
        for index, loc in enumerate(quantity.entries):
            document = self.documents.get(loc.path)
            if index in quantity.outliers:
                agreement = '<td class="outlier-cell">outlier</td>'
            elif index in quantity.majority:
                agreement = "<td>majority</td>"
            else:
                agreement = "<td>no majority</td>"
            rows.append(
                "<tr>"
                f'<th scope="row">{_article_link(loc.path, document)}</th>'
                f"<td>{escape(document.outlet or '') if document else ''}</td>"
                f"<td>{_time(document.date if document else None)}</td>"
                f"<td>{escape(_one_line(loc.text))}</td>"
                f'<td class="number">{escape(value_text(loc))}</td>'
                f"{agreement}</tr>"
            )
        links = ", ".join(f'<a href="#finding-{n}">finding {n}</a>' for n, _f in quantity.findings)
        parts = [
            f'<section class="quantity" id="{ident}" aria-labelledby="{ident}-heading" data-findings="{listed}">',
            f'<h4 id="{ident}-heading">Figures in conflict: {escape(quantity.name)}</h4>',
            f"<p>{escape(agreement_sentence(quantity))} See {links}.</p>",
            '<div class="table-wrap"><table class="ledger">',
            f"<caption>What each article says: {escape(quantity.name)}</caption>",
            '<thead><tr><th scope="col">Article</th><th scope="col">Outlet</th><th scope="col">Date</th>'
            '<th scope="col">As written</th><th scope="col">Value</th><th scope="col">Agreement</th></tr></thead>',
            "<tbody>\n" + "\n".join(rows) + "\n</tbody></table></div>",
        ]
        chart = self.chart(number, quantity)
        if chart:
            parts.append(chart)
        parts.append("</section>")
        return "\n".join(parts)

    def chart(self, number: int, quantity: Quantity) -> str:
        """The dot chart of a quantity's values, or "" when its figures have no common numeric unit."""
        valued = [(i, loc) for i, loc in enumerate(quantity.entries) if loc.value is not None]
        units = {loc.unit for _i, loc in valued}
        if len(valued) < 2 or len(units) != 1:
            return ""
        points = []
        for index, loc in valued:
            assert loc.value is not None
            document = self.documents.get(loc.path)
            name = _article_name(loc.path, document)
            outlet = f", {document.outlet}" if document and document.outlet else ""
            points.append(
                Point(
                    value=loc.value,
                    when=document.date if document else None,
                    label=f"{name}{outlet}",
                    marked=index in quantity.outliers,
                )
            )
        unit = next(iter(units))
        years = all(_YEAR.fullmatch(loc.text) for _i, loc in valued)
        svg = dot_chart(
            points,
            ident=f"chart-{number}",
            title=f"{quantity.name}: reported values by article date",
            number=(lambda v: str(round(v))) if years else (lambda v: _with_unit(v, unit)),
        )
        caption = "Each dot is one article's figure, at the article's date; undated articles at the right."
        return f'<figure class="chart-figure">{svg}<figcaption class="muted">{caption}</figcaption></figure>'

    def finding_article(self, number: int, finding: Finding) -> str:
        severity = finding.severity.label
        parts = [
            f'<article class="finding finding-{severity}" id="finding-{number}" data-severity="{severity}" '
            f'data-rule="{escape(finding.rule)}" aria-labelledby="finding-{number}-heading">',
            f'<h4 id="finding-{number}-heading">{number}. {_severity_badge(finding.severity)} '
            f"<code>{escape(finding.rule)}</code></h4>",
            f'<p class="message">{escape(finding.message)}</p>',
        ]
        if finding.locations:
            parts.append('<div class="passages">')
            parts.extend(self.passage(loc) for loc in finding.locations)
            parts.append("</div>")
        meta = f"Kind <code>{escape(finding.kind)}</code>; finding <code>{escape(finding.id)}</code>."
        quantity = self.quantity_of.get(number)
        if quantity is not None:
            meta += f' <a href="#quantity-{quantity}">What every article says about this figure</a>.'
        parts.append(f'<p class="meta">{meta}</p>')
        parts.append("</article>")
        return "\n".join(parts)

    def passage(self, loc: Location) -> str:
        """One claim in its sentence, captioned with its article: title (linked), outlet, date, place."""
        document = self.documents.get(loc.path)
        where = f"<code>{escape(loc.path)}:{loc.line}:{loc.column}</code>"
        caption = []
        if document and document.title and document.title.strip():
            caption.append(f'<span class="article">{_article_link(loc.path, document)}</span>')
        else:  # the path is the article's name: the place in it takes the link
            url = safe_url(document.url) if document else None
            caption.append(f'<span class="article">{_link(url, where)}</span>')
            where = ""
        if document and document.outlet:
            caption.append(escape(document.outlet))
        if document and document.date:
            caption.append(_time(document.date))
        if where:
            caption.append(where)
        return (
            '<figure class="passage">'
            f"<figcaption>{' · '.join(caption)}</figcaption>"
            f"<blockquote><p>{passage_html(loc)}</p></blockquote>"
            "</figure>"
        )


def passage_html(loc: Location) -> str:
    """The sentence around ``loc``, trimmed and escaped, with the claim in ``<mark>``."""
    sentence, start, end = claim_in_sentence(loc)
    shown, lo, hi = window(sentence, start, end, size=CONTEXT_WINDOW)
    if lo < 0 or hi <= lo:
        return escape(shown)
    return f"{escape(shown[:lo])}<mark>{escape(shown[lo:hi])}</mark>{escape(shown[hi:])}"


def errors_section(errors: Iterable[ErrorEntry]) -> str:
    rows = "\n".join(
        f'<tr><th scope="row"><code>{escape(error.path)}</code></th><td>{escape(error.message)}</td></tr>'
        for error in errors
    )
    return (
        '<section aria-labelledby="errors-heading"><h2 id="errors-heading">Input errors</h2>'
        '<div class="table-wrap"><table class="errors"><caption>Files that could not be read</caption>'
        '<thead><tr><th scope="col">File</th><th scope="col">Problem</th></tr></thead>'
        f"<tbody>\n{rows}\n</tbody></table></div></section>"
    )


# -- grouping -------------------------------------------------------------------


def story_of(finding: Finding, documents: dict[str, DocumentSummary]) -> str | None:
    """The story of a finding's first document that has one, else its message's ``[story: ...]`` mark."""
    for loc in finding.locations:
        document = documents.get(loc.path)
        if document is not None and document.story:
            return document.story
    match = _STORY_MARK.search(finding.message)
    return match.group(1) if match else None


def group_by_story(report: Report) -> list[Story]:
    """Findings by story, stories in the order of their first finding; findings are numbered from 1."""
    documents = {d.path: d for d in report.documents}
    groups: dict[str | None, list[tuple[int, Finding]]] = {}
    for number, finding in enumerate(report.findings, start=1):
        groups.setdefault(story_of(finding, documents), []).append((number, finding))
    return [Story(name, tuple(findings)) for name, findings in groups.items()]


def find_quantities(story: Story, documents: dict[str, DocumentSummary]) -> list[Quantity]:
    """The quantities of a story's numeric conflicts, in the order of their first finding."""
    groups: dict[tuple[str, str], list[tuple[int, Finding]]] = {}
    for number, finding in story.findings:
        if finding.kind == NUMERIC_KIND and finding.locations:
            groups.setdefault((finding.rule, finding.subject or ""), []).append((number, finding))
    quantities = []
    for (_rule, subject), findings in groups.items():
        seen: dict[tuple[str, int, int], Location] = {}
        for _number, finding in findings:
            for loc in finding.locations:
                seen.setdefault((loc.path, loc.start, loc.end), loc)

        def order(loc: Location) -> tuple[bool, date, str, int]:
            document = documents.get(loc.path)
            day = document.date if document and document.date else None
            return (day is None, day or date.min, loc.path, loc.start)

        entries = tuple(sorted(seen.values(), key=order))
        majority = majority_of(entries)
        outliers = frozenset(range(len(entries))) - majority if majority else frozenset()
        quantities.append(Quantity(quantity_name(findings, subject), tuple(findings), entries, outliers, majority))
    return quantities


def majority_of(entries: Sequence[Location]) -> frozenset[int]:
    """Indexes of the figures of the value most articles give, or none when no value has a majority."""
    paths: dict[object, set[str]] = {}
    for loc in entries:
        paths.setdefault(_agreement_key(loc), set()).add(loc.path)
    ranked = sorted(paths.values(), key=len, reverse=True)
    if len(ranked[0]) < 2 or (len(ranked) > 1 and len(ranked[1]) == len(ranked[0])):
        return frozenset()
    winner = next(key for key, found in paths.items() if found is ranked[0])
    return frozenset(i for i, loc in enumerate(entries) if _agreement_key(loc) == winner)


def _agreement_key(loc: Location) -> object:
    if loc.value is not None:
        return (loc.value, loc.unit)
    return _one_line(loc.text).casefold()


def agreement_sentence(quantity: Quantity) -> str:
    articles = {loc.path for loc in quantity.entries}
    if not quantity.majority:
        return f"{_count(len(articles), 'article')}: no figure is given by more articles than any other."
    agreeing = {quantity.entries[i].path for i in quantity.majority}
    written = _one_line(quantity.entries[min(quantity.majority)].text)
    outlying = {quantity.entries[i].path for i in quantity.outliers}
    return (
        f"{_count(len(agreeing), 'article')} give {written}; "
        f"{_count(len(outlying), 'article')} {'differs' if len(outlying) == 1 else 'differ'} (marked outlier)."
    )


def quantity_name(findings: Sequence[tuple[int, Finding]], subject: str) -> str:
    """What the figures are of: what the messages say before their first ": ", else the subject.

    Messages of one quantity may differ in their heads ("Freight wagons, as
    of 2 April 2025" and "..., as of 3 April 2025"); then their common start,
    cut back to the last ", " (or word), names it.
    """
    messages = [_STORY_MARK.sub("", finding.message) for _n, finding in findings]
    if all(": " in message for message in messages):
        heads = [_one_line(message.partition(": ")[0]) for message in messages]
        first, last = min(heads), max(heads)  # their common start is every head's
        size = next((i for i, (a, b) in enumerate(zip(first, last, strict=False)) if a != b), len(first))
        head = first[:size]
        if len(set(heads)) > 1:
            cut = head.rfind(", ")
            head = head[:cut] if cut > 0 else head[: max(head.rfind(" "), 0)]
        head = head.strip(" ,;")
        if head and len(head) <= 120:
            return head
    parts = [part for part in subject.split("|") if part and part not in ("level", "-")]
    return " / ".join(parts) if parts else "figure"


# -- small pieces ----------------------------------------------------------------


def value_text(loc: Location) -> str:
    """A figure's value with its unit ("21,692", "$140bn" -> "140bn USD", "3.5%"), or "" without one."""
    if loc.value is None:
        return ""
    if _YEAR.fullmatch(loc.text):
        return loc.text.strip()
    return _with_unit(loc.value, loc.unit)


def _with_unit(value: float, unit: str | None) -> str:
    number = format_number(value)
    if unit in (None, "", "count"):
        return number
    if unit == "percent":
        return f"{number}%"
    if unit == "percentage_point":
        return f"{number} pp"
    return f"{number} {unit}"


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an absolute ``http`` or ``https`` URL, else ``None`` (no ``javascript:`` links)."""
    if not url:
        return None
    url = url.strip()
    if _URL_BREAK.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def _article_name(path: str, document: DocumentSummary | None) -> str:
    return _one_line(document.title) if document and document.title and document.title.strip() else path


def _article_link(path: str, document: DocumentSummary | None) -> str:
    """The article's title (else its path), linked to its URL when it has a safe one."""
    name = escape(_article_name(path, document))
    url = safe_url(document.url) if document else None
    return _link(url, name)


def _link(url: str | None, inner: str) -> str:
    """``inner`` (already HTML) as a link to ``url`` (a :func:`safe_url`), or as it is without one."""
    return f'<a href="{escape(url)}" rel="noopener noreferrer">{inner}</a>' if url else inner


def _time(day: date | None) -> str:
    return f'<time datetime="{day.isoformat()}">{day.isoformat()}</time>' if day else ""


def _severity_badge(severity: Severity) -> str:
    return f'<span class="severity severity-{severity.label}">{severity.label.capitalize()}</span>'


def _one_line(text: str) -> str:
    return _SPACE_RUN.sub(" ", text).strip()


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
