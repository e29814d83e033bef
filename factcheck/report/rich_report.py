"""Rich reporter: the terminal report an editor reads and acts on.

This module owns how a report looks in a terminal.  Layout, top to bottom:

* a header line: ``factcheck: 2 documents, 23 claims, 1 input error``;
* the findings, grouped by story when the run holds more than one: a heading
  line with the story's name (``━━ Valencia, Turia ━━ 3 findings, 5 articles``),
  then that story's findings in the report's order; stories come in the order
  of their first finding (so the story with the worst finding leads);
* one panel per finding, titled ``severity · rule``.  Inside: one sentence
  saying what is wrong (the rule's message; paths in it shortened to the
  shortest tail that names one document, the ``[story: ...]`` note left out
  under a story heading), then the passages involved.  Each passage is headed
  by ``path:line``, then the article's outlet and date, then the sentence with
  the figure highlighted, in the order the message names their documents
  ("10 in a.md but 11 in b.md": a.md first).  Two passages from two articles stand side by side
  when each column gets at least ``COLUMN_MIN_WIDTH`` cells; otherwise they
  are stacked.  Locations in one sentence share one passage; after
  ``MAX_PASSAGES`` passages the other articles are listed one line each (at
  most ``MAX_LISTED``, then a count).  The finding's fingerprint is not shown:
  it is in the machine formats (JSON, SARIF), where baselines read it;
* an "Input errors" section, one ``path: message`` line per error entry (only
  when there are any);
* a summary line: ``1 error, 1 warning, 0 info in 2 documents.`` or
  ``No findings in 2 documents.``

Paths are never broken across lines or mid-name: one too long for its space
keeps its file name and loses the middle of its directories (``news/…/a.md``);
only a file name that cannot fit by itself loses its own middle
(``2024-02-2…tions.md``).  Dates and periods are words ("3 June 2024").

Context sentences are shown on one line of text (runs of whitespace, newlines
included, become one space) and trimmed to a window of about
``CONTEXT_WINDOW`` characters around the claim, cut at word boundaries and
marked with "…" where text was left out.

The claim inside its sentence is made visible in both modes:

* colour on: the claim is bold and underlined in the severity's colour;
* colour off: the claim is wrapped in guillemets, ``»21,692«``, so plain text
  output (logs, CI, snapshots) still shows which number is meant.

Severity colours: error red, warning yellow, info blue.  With colour off the
output holds no escape sequences at all.  When the stream's encoding is not
UTF-8 (say an ASCII terminal), "»«", "…", "·" and "━" fall back to ">> <<",
"...", "-" and "=", rich draws ASCII boxes, and characters of the articles
that the encoding lacks are written as "?" rather than failing the run.

Text from articles and from the file system is untrusted: control characters
and bidirectional overrides are replaced with spaces before rendering, so a
document cannot inject escape sequences into the terminal.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO
from urllib.parse import urlsplit

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from factcheck.model import DocumentSummary, ErrorEntry, Finding, Location, Report, Severity, date_words

if TYPE_CHECKING:
    from factcheck.report import ReportOptions

CONTEXT_WINDOW = 160
"""Longest context shown, in characters, not counting the "…" marks."""

COLUMN_MIN_WIDTH = 44
"""Narrowest column for passages side by side; narrower, they are stacked (so at 80 columns, side by side at 100)."""

MAX_PASSAGES = 3
"""Passages shown in full; the articles after them are listed one line each."""

MAX_LISTED = 10
"""Articles listed one line each after the passages; the rest are counted."""

_GUTTER = 3

SEVERITY_COLORS: dict[Severity, str] = {
    Severity.ERROR: "red",
    Severity.WARNING: "yellow",
    Severity.INFO: "blue",
}

_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_SPACE_RUN = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Glyphs:
    """The few non-ASCII characters the layout uses, and what the stream can encode.

    ``encoding`` is set only for a stream that cannot take all of Unicode;
    :meth:`safe` then replaces each character it cannot encode with "?"
    (one for one, so offsets into a string stay valid).
    """

    open_mark: str = "»"
    close_mark: str = "«"
    ellipsis: str = "…"
    separator: str = "·"
    heavy_rule: str = "━"
    encoding: str | None = None

    @classmethod
    def for_console(cls, console: Console) -> Glyphs:
        if console.options.ascii_only:
            return cls(
                open_mark=">>",
                close_mark="<<",
                ellipsis="...",
                separator="-",
                heavy_rule="=",
                encoding=console.encoding,
            )
        return cls()

    def safe(self, text: str, *, keep_newlines: bool = False) -> str:
        """Untrusted ``text`` made harmless (see :func:`clean`) and encodable."""
        text = clean(text, keep_newlines=keep_newlines)
        if self.encoding is None:
            return text
        return text.encode(self.encoding, "replace").decode(self.encoding)


UNICODE_GLYPHS = Glyphs()


def make_console(stream: TextIO, options: ReportOptions) -> Console:
    """A console that writes to ``stream`` and ignores the environment's colour settings."""
    return Console(
        file=stream,
        width=options.width,
        force_terminal=options.color,
        no_color=not options.color,
        color_system="standard" if options.color else None,
        highlight=False,
        soft_wrap=False,
        markup=False,
        emoji=False,
        force_jupyter=False,
        legacy_windows=False,
    )


def write(report: Report, stream: TextIO, options: ReportOptions) -> None:
    """Render ``report`` for a human reader to ``stream``."""
    console = make_console(stream, options)
    glyphs = Glyphs.for_console(console)
    view = ReportView(report, {rule.id: rule.help_uri for rule in options.rules if rule.help_uri})
    console.print(header(report))
    for story, findings in view.groups():
        if view.grouped:
            console.print()
            console.print(StoryHeading(story, len(findings), view.articles(story), glyphs))
        for finding in findings:
            console.print()
            console.print(finding_panel(finding, glyphs, view, story))
    if report.errors:
        console.print()
        console.print(errors_section(report.errors, glyphs))
    if report.findings:
        console.print()
        console.print(rules_line(report, view.help_uris))
    console.print()
    console.print(summary_line(report))


def header(report: Report) -> Text:
    """``factcheck: 2 documents, 23 claims, 1 input error``."""
    parts = [
        _count(len(report.documents), "document"),
        _count(report.claim_count, "claim"),
    ]
    if report.errors:
        parts.append(_count(len(report.errors), "input error"))
    text = Text("factcheck", style="bold")
    text.append(": " + ", ".join(parts))
    return text


class ReportView:
    """What the layout looks up in a report: each document's summary and short name, and the stories.

    A document's short name is the shortest tail of its path that no other document of the report
    shares ("sanctions.md", or "2024/index.md" beside "2023/index.md"): messages name documents
    by it, the passages below them give the whole path.
    """

    def __init__(self, report: Report, help_uris: Mapping[str, str] | None = None) -> None:
        self.report = report
        self.help_uris = dict(help_uris or {})  # rule id -> its documentation page
        self.documents = {d.path: d for d in report.documents}
        self.names = short_names(self.documents)
        stories = {d.story for d in report.documents if d.story is not None}
        self.grouped = len(stories) > 1

    def story_of(self, finding: Finding) -> str | None:
        """The story of the finding's first location's document (``None`` when unknown)."""
        for location in finding.locations:
            document = self.documents.get(location.path)
            if document is not None:
                return document.story
        return None

    def groups(self) -> list[tuple[str | None, list[Finding]]]:
        """Findings by story, stories in the order of their first finding (one group when not grouped)."""
        if not self.grouped:
            return [(None, list(self.report.findings))] if self.report.findings else []
        by_story: dict[str | None, list[Finding]] = {}
        for finding in self.report.findings:
            by_story.setdefault(self.story_of(finding), []).append(finding)
        return list(by_story.items())

    def articles(self, story: str | None) -> int:
        return sum(1 for d in self.report.documents if d.story == story)

    def about(self, path: str) -> str:
        """ "Coast Herald, 14 March 2025": the article's outlet (else its site) and date; "" if unknown."""
        document = self.documents.get(path)
        return document_about(document) if document is not None else ""


def document_about(document: DocumentSummary) -> str:
    """The outlet (else the site of the url, "www." left out) and the date of a document, in words."""
    outlet = (document.outlet or "").strip() or _site(document.url or "")
    day = date_words(document.date) if document.date else ""
    return ", ".join(part for part in (outlet, day) if part)


def _site(url: str) -> str:
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:  # a malformed url ("http://[::1") names no site
        return ""
    return host.removeprefix("www.")


def short_names(paths: Iterable[str]) -> dict[str, str]:
    """Each path's shortest tail of whole segments that no other path ends with."""
    split = {path: path.split("/") for path in paths}
    names: dict[str, str] = {}
    depth = 1
    while len(names) < len(split):
        tails = Counter("/".join(parts[-depth:]) for parts in split.values())
        for path, parts in split.items():
            tail = "/".join(parts[-depth:])
            if path not in names and (tails[tail] == 1 or depth >= len(parts)):
                names[path] = tail if tails[tail] == 1 else path
        depth += 1
    return names


class StoryHeading:
    """``━━ Name ━━━━ 3 findings, 5 articles``: the heading of one story's findings."""

    def __init__(self, story: str | None, findings: int, articles: int, glyphs: Glyphs = UNICODE_GLYPHS) -> None:
        self.story = story
        self.findings = findings
        self.articles = articles
        self.glyphs = glyphs

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        rule = self.glyphs.heavy_rule
        name = self.glyphs.safe(self.story) if self.story else "Other findings"
        counts = _count(self.findings, "finding")
        if self.story:
            counts += ", " + _count(self.articles, "article")
        line = Text(rule * 2 + " ", style="bold")
        line.append(name, style="bold")
        line.append(" ")
        fill = width - cell_len(line.plain) - cell_len(counts) - 2
        if fill >= 2:
            line.append(rule * fill, style="bold")
            line.append(" " + counts, style="dim")
            yield line
            return
        # A long name: wrapped at spaces, then the counts and a full-width rule beneath.
        heading = Text(name, style="bold")
        heading.append(" (" + counts + ")", style="dim")
        yield from heading.wrap(console, width, overflow="fold")
        yield Text(rule * width, style="bold")


def finding_panel(
    finding: Finding, glyphs: Glyphs = UNICODE_GLYPHS, view: ReportView | None = None, story: str | None = None
) -> Panel:
    """One finding: what is wrong, then the passages involved."""
    view = view or ReportView(Report(documents=(), findings=(finding,), errors=()))
    color = SEVERITY_COLORS[finding.severity]
    uri = view.help_uris.get(finding.rule)
    title = Text.assemble(
        (finding.severity.label, f"bold {color}"),
        f" {glyphs.separator} ",
        (glyphs.safe(finding.rule), f"link {uri}" if uri else ""),  # a terminal link to the rule's page
    )
    message = finding.message
    if story:
        message = message.replace(f" [story: {story}]", "")
    body: list[RenderableType] = [Message(glyphs.safe(message, keep_newlines=True), view.names, glyphs)]
    if finding.locations:
        body.append(Text())
        body.append(PassagesView(in_message_order(finding.locations, finding.message), color, glyphs, view))
    return Panel(
        Group(*body),
        title=title,
        title_align="left",
        border_style=color,
        box=box.ROUNDED,
        expand=True,
    )


def in_message_order(locations: Sequence[Location], message: str) -> list[Location]:
    """Locations in the order the message names their documents ("10 in a.md but 11 in b.md": a.md
    first); those of documents it does not name keep their order, after the others."""
    first: dict[str, int] = {}
    for path in dict.fromkeys(location.path for location in locations):
        found = re.search(rf"(?<![\w./-]){re.escape(path)}(?![\w/-]|\.\w)", message)
        first[path] = found.start() if found else len(message)
    return sorted(locations, key=lambda location: first[location.path])


_TOKEN = re.compile(r"[^\s,;()\[\]]+")


class Message:
    """A finding's message with the paths in it written as short names, each never wider than the text."""

    def __init__(self, text: str, names: dict[str, str], glyphs: Glyphs = UNICODE_GLYPHS) -> None:
        self.text = text
        self.names = names
        self.glyphs = glyphs

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width

        def shorten(match: re.Match[str]) -> str:
            token = match.group()
            for cut in (len(token), len(token.rstrip(".:;!?"))):
                name = self.names.get(token[:cut])
                if name is not None:
                    return shorten_path(name, width, self.glyphs.ellipsis) + token[cut:]
            return token

        text = Text(_TOKEN.sub(shorten, self.text))
        for line in text.wrap(console, width, overflow="fold"):
            line.rstrip()
            yield line


class PassagesView:
    """The passages of a finding: side by side when there is room for two articles, else stacked."""

    def __init__(
        self, locations: Iterable[Location], color: str, glyphs: Glyphs = UNICODE_GLYPHS, view: ReportView | None = None
    ) -> None:
        self.passages = passages(locations)
        self.color = color
        self.glyphs = glyphs
        self.view = view

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        shown, rest = self.passages[:MAX_PASSAGES], self.passages[MAX_PASSAGES:]
        column = (options.max_width - _GUTTER) // 2
        if len(shown) == 2 and not rest and shown[0][0].path != shown[1][0].path and column >= COLUMN_MIN_WIDTH:
            grid = Table.grid(expand=True, padding=(0, _GUTTER, 0, 0), pad_edge=False)
            grid.add_column(ratio=1)
            grid.add_column(ratio=1)
            grid.add_row(*(self._passage(group, indent=0) for group in shown))
            yield grid
            return
        for index, group in enumerate(shown):
            if index:
                yield Text()
            yield self._passage(group, indent=2)
        if rest:
            yield Text()
            yield from self._listed([group[0] for group in rest], options.max_width)

    def _passage(self, group: Sequence[Location], indent: int) -> Group:
        first = group[0]
        lines: list[RenderableType] = [PathLine(self.glyphs.safe(first.path), first.line, self.glyphs)]
        about = self.view.about(first.path) if self.view else ""
        if about:
            lines.append(Wrapped(Text(self.glyphs.safe(about), style="dim")))
        lines.append(Wrapped(passage_text(group, self.color, self.glyphs), indent=indent))
        return Group(*lines)

    def _listed(self, locations: Sequence[Location], width: int) -> Iterable[RenderableType]:
        others = len(locations) - MAX_LISTED if len(locations) > MAX_LISTED else 0
        yield Text("Also in:", style="bold")
        for location in locations[:MAX_LISTED]:
            about = self.view.about(location.path) if self.view else ""
            yield PathLine(self.glyphs.safe(location.path), location.line, self.glyphs, about=about, indent=2)
        if others:
            yield Text(f"  {self.glyphs.ellipsis} and {others:,} more")


def passages(locations: Iterable[Location]) -> list[list[Location]]:
    """Locations grouped by the sentence they sit in (same file and sentence), in first-seen order."""
    groups: dict[tuple[str, int, str], list[Location]] = {}
    for location in locations:
        key = (
            (location.path, location.sentence_offset, location.sentence)
            if location.sentence
            else (
                location.path,
                location.start,
                location.text,
            )
        )
        groups.setdefault(key, []).append(location)
    return list(groups.values())


class PathLine:
    """``path:line`` in bold, the path shortened (never wrapped) to fit; an optional dim note after it."""

    def __init__(
        self, path: str, line: int, glyphs: Glyphs = UNICODE_GLYPHS, *, about: str = "", indent: int = 0
    ) -> None:
        self.path = path
        self.line = line
        self.glyphs = glyphs
        self.about = about
        self.indent = indent

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        suffix = f":{self.line}"
        width = max(options.max_width - self.indent - cell_len(suffix), 1)
        text = Text(" " * self.indent)
        text.append(shorten_path(self.path, width, self.glyphs.ellipsis) + suffix, style="bold")
        room = options.max_width - cell_len(text.plain) - 2
        if self.about and room >= cell_len(self.about):
            text.append("  " + self.about, style="dim")
        elif self.about:
            yield text
            text = Text(" " * (self.indent + 2)) + Text(self.about, style="dim")
            yield from text.wrap(console, options.max_width, overflow="fold")
            return
        yield text


class Wrapped:
    """Text wrapped at spaces to the width given, ``indent`` columns in, with no trailing padding."""

    def __init__(self, text: Text, indent: int = 0) -> None:
        self.text = text
        self.indent = indent

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(options.max_width - self.indent, 1)
        for line in self.text.wrap(console, width, overflow="fold"):
            line.rstrip()
            yield Text(" " * self.indent) + line if self.indent else line


def shorten_path(path: str, width: int, ellipsis: str = "…") -> str:
    """``path`` in at most ``width`` cells: the middle of its directories left out, its file name kept.

    Directories are kept from the start while they fit: ``news/reuters/2024/a.md`` in 12 cells is
    ``news/…/a.md``.  A file name too long by itself keeps its start and its end (with the
    extension): ``2024-02-22-sanctions.md`` in 18 cells is ``2024-02-2…tions.md``.
    """
    if cell_len(path) <= width:
        return path
    head, slash, name = path.rpartition("/")
    if not slash:
        return shorten_name(path, width, ellipsis)
    tail = f"{ellipsis}/{name}"
    if cell_len(tail) > width:
        return shorten_name(name, width, ellipsis)
    folders = head.split("/")
    best = tail
    for keep in range(1, len(folders)):
        candidate = "/".join(folders[:keep]) + "/" + tail
        if cell_len(candidate) > width:
            break
        best = candidate
    return best


def shorten_name(name: str, width: int, ellipsis: str = "…") -> str:
    """A file name in at most ``width`` cells: its start, the ellipsis, its end (the extension kept)."""
    if cell_len(name) <= width:
        return name
    room = width - cell_len(ellipsis)
    if room <= 0:
        return _cells(name, width)
    stem, dot, extension = name.rpartition(".")
    end_cells = room // 2
    if dot and stem and cell_len(dot + extension) <= room // 2 + 1:
        end_cells = max(end_cells, cell_len(dot + extension))
    start_cells = room - end_cells
    return _cells(name, start_cells) + ellipsis + _cells(name, end_cells, from_end=True)


def _cells(text: str, cells: int, *, from_end: bool = False) -> str:
    """The longest start (or end) of ``text`` that fits in ``cells`` cells."""
    chars = reversed(text) if from_end else iter(text)
    taken: list[str] = []
    used = 0
    for char in chars:
        size = cell_len(char)
        if used + size > cells:
            break
        taken.append(char)
        used += size
    return "".join(reversed(taken)) if from_end else "".join(taken)


def passage_text(group: Sequence[Location], color: str, glyphs: Glyphs = UNICODE_GLYPHS) -> Text:
    """The sentence the locations of ``group`` share, each claim in it marked (see :func:`context_text`)."""
    first = group[0]
    if len(group) == 1 or not first.sentence:
        return context_text(first, color, glyphs)
    sentence = first.sentence
    spans = [(loc.start - first.sentence_offset, loc.end - first.sentence_offset) for loc in group]
    for (start, end), loc in zip(spans, group, strict=True):
        if not (0 <= start <= end <= len(sentence)) or sentence[start:end] != loc.text:
            return context_text(first, color, glyphs)
    low, high = min(s for s, _ in spans), max(e for _, e in spans)
    squeezed, union_start, _union_end = _squeeze(sentence, low, high)
    shown, shown_start, _shown_end = window(sentence, low, high, glyphs.ellipsis)
    shift = shown_start - union_start
    marks: list[tuple[int, int]] = []
    for start, end in sorted(set(spans)):
        text, mark_start, mark_end = _squeeze(sentence, start, end)
        inside = text == squeezed and 0 <= mark_start + shift <= mark_end + shift <= len(shown)
        if inside and (not marks or mark_start + shift >= marks[-1][1]):
            marks.append((mark_start + shift, mark_end + shift))
    return _marked(glyphs.safe(shown), marks, color, glyphs)


def _marked(shown: str, marks: Sequence[tuple[int, int]], color: str, glyphs: Glyphs) -> Text:
    text = Text()
    at = 0
    for start, end in marks:
        text.append(shown[at:start])
        text.append(glyphs.open_mark, style="dim")
        text.append(shown[start:end], style=f"bold underline {color}")
        text.append(glyphs.close_mark, style="dim")
        at = end
    text.append(shown[at:])
    return text


def context_text(loc: Location, color: str, glyphs: Glyphs = UNICODE_GLYPHS) -> Text:
    """The sentence around ``loc`` with the claim marked, trimmed around the claim."""
    sentence = loc.sentence or loc.text
    start = loc.start - loc.sentence_offset if loc.sentence else 0
    end = start + (loc.end - loc.start)
    if not (0 <= start <= end <= len(sentence)) or sentence[start:end] != loc.text:
        sentence, start, end = _find_claim(sentence, loc.text, start)
    shown, lo, hi = window(sentence, start, end, glyphs.ellipsis)
    shown = glyphs.safe(shown)
    if lo < 0 or hi <= lo:
        return Text(shown)
    return _marked(shown, [(lo, hi)], color, glyphs)


def _find_claim(sentence: str, claim: str, near: int) -> tuple[str, int, int]:
    """Find ``claim`` in ``sentence`` when the offsets do not point at it.

    A sentence may have been reflowed (whitespace collapsed) after the offsets
    were taken.  Both are compared with whitespace collapsed; of several
    matches the one nearest ``near`` wins.  ``(-1, -1)`` when it is not there.
    """
    text = _SPACE_RUN.sub(" ", clean(sentence))
    needle = _SPACE_RUN.sub(" ", clean(claim)).strip()
    if not needle:
        return text, -1, -1
    matches = [m.start() for m in re.finditer(re.escape(needle), text)]
    if not matches:
        return text, -1, -1
    found = min(matches, key=lambda index: abs(index - near))
    return text, found, found + len(needle)


def window(
    sentence: str, start: int, end: int, ellipsis: str = "…", size: int = CONTEXT_WINDOW
) -> tuple[str, int, int]:
    """Trim ``sentence`` to about ``size`` characters around ``sentence[start:end]``.

    Whitespace runs collapse to one space and untrusted characters are
    cleaned first.  Returns the text to show and where the claim sits in it;
    ``start < 0`` means there is no claim to mark and gives ``(-1, -1)`` back.
    """
    text, start, end = _squeeze(sentence, start, end)
    lo, hi = 0, len(text)
    if hi - lo > size and start >= 0:
        spare = max(size - (end - start), 0)
        lo = start - spare // 2
        hi = end + (spare - spare // 2)
        if lo < 0:
            hi, lo = min(hi - lo, len(text)), 0
        if hi > len(text):
            lo, hi = max(lo - (hi - len(text)), 0), len(text)
        if lo > 0:  # start at a word: after the first space in the window, never past the claim
            space = text.find(" ", lo - 1, start)
            lo = space + 1 if space >= 0 else lo
        if hi < len(text):  # end at a word: at the last space in the window, never inside the claim
            space = text.rfind(" ", end, hi + 1)
            hi = space if space >= 0 else hi
    elif hi - lo > size:  # nothing to centre on: keep the start, end at a word
        space = text.rfind(" ", 0, size + 1)
        hi = space if space > 0 else size
    body = text[lo:hi].strip()
    skipped = len(text[lo:hi]) - len(text[lo:hi].lstrip())
    prefix = ellipsis if lo > 0 else ""
    suffix = ellipsis if hi < len(text) else ""
    shown = prefix + body + suffix
    if start < 0:
        return shown, -1, -1
    shift = len(prefix) - lo - skipped
    return shown, start + shift, end + shift


def errors_section(errors: Iterable[ErrorEntry], glyphs: Glyphs = UNICODE_GLYPHS) -> Group:
    """``Input errors`` and one indented ``path: message`` line per entry."""
    lines: list[RenderableType] = [Text("Input errors", style="bold")]
    for error in errors:
        lines.append(ErrorLine(glyphs.safe(error.path), glyphs.safe(error.message), glyphs))
    return Group(*lines)


class ErrorLine:
    """``  path: message``: the path shortened to fit, never broken; the message wrapped after it."""

    def __init__(self, path: str, message: str, glyphs: Glyphs = UNICODE_GLYPHS) -> None:
        self.path = path
        self.message = message
        self.glyphs = glyphs

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(options.max_width - 2, 1)
        line = Text(shorten_path(self.path, max(width - 1, 1), self.glyphs.ellipsis), style="bold")
        line.append(": " + self.message, style="")
        yield Wrapped(line, indent=2)


def rules_line(report: Report, help_uris: Mapping[str, str]) -> Text:
    """Where to read about the rules that fired: ``factcheck rule ID``, and their pages on the web."""
    fired = sorted({finding.rule for finding in report.findings})
    text = Text("What a rule checks: factcheck rule " + (fired[0] if len(fired) == 1 else "ID"), style="dim")
    pages = sorted({uri.rsplit("/", 1)[0] + "/" for rule in fired if (uri := help_uris.get(rule))})
    if len(pages) == 1:
        text.append(", or ", style="dim")
        text.append(pages[0], style=f"dim link {pages[0]}")
    return text


def summary_line(report: Report) -> Text:
    """``1 error, 1 warning, 0 info in 2 documents.`` or ``No findings in 2 documents.``"""
    where = f" in {_count(len(report.documents), 'document')}."
    if not report.findings:
        return Text("No findings" + where, style="bold green")
    counts = report.by_severity()
    text = Text()
    for index, severity in enumerate(sorted(Severity, reverse=True)):
        if index:
            text.append(", ")
        number = counts[severity.label]
        label = severity.label if severity is Severity.INFO or number == 1 else severity.label + "s"
        style = f"bold {SEVERITY_COLORS[severity]}" if number else ""
        text.append(f"{number} {label}", style=style)
    text.append(where)
    return text


# Control characters (Unicode category Cc, which is exactly U+0000-U+001F and U+007F-U+009F, a set
# Unicode's stability policy fixes) and bidi overrides, to spaces; str.translate is fast on long texts.
_UNSAFE = {code: " " for code in (*range(0x20), *range(0x7F, 0xA0))} | {ord(ch): " " for ch in _BIDI_CONTROLS}
_UNSAFE_BUT_NEWLINE = {code: space for code, space in _UNSAFE.items() if code != ord("\n")}


def clean(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with control characters and bidi overrides replaced by spaces."""
    return text.translate(_UNSAFE_BUT_NEWLINE if keep_newlines else _UNSAFE)


def _squeeze(sentence: str, start: int, end: int) -> tuple[str, int, int]:
    """Clean ``sentence``, collapse whitespace runs, and move the claim offsets along."""
    text = clean(sentence)
    if start < 0:
        return _SPACE_RUN.sub(" ", text), -1, -1
    before = _SPACE_RUN.sub(" ", text[:start])
    claim = _SPACE_RUN.sub(" ", text[start:end])
    after = _SPACE_RUN.sub(" ", text[end:])
    # a run split by the claim's edge must not leave two spaces side by side
    if before.endswith(" ") and claim.startswith(" "):
        claim = claim[1:]
    if (before + claim).endswith(" ") and after.startswith(" "):
        after = after[1:]
    return before + claim + after, len(before), len(before) + len(claim)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
