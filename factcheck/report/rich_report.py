"""Rich reporter: the human-readable terminal report.

This module owns how a report looks in a terminal.  Layout, top to bottom:

* a header line: ``factcheck: 2 documents, 23 claims, 1 input error``;
* one panel per finding, in the order the report gives them, titled
  ``severity · kind · rule`` with the finding id in the bottom border.  Inside:
  the message, then a table with one row per location: the document path
  (wrapped after "/" rather than mid-name), ``line:col``, the claim as written,
  and the sentence it sits in.  In a terminal too narrow for that table
  (under ``TABLE_MIN_WIDTH`` columns inside the panel, about 64 overall) each
  location is stacked instead: ``path:line:col``, the context indented below;
* an "Input errors" section, one ``path: message`` line per error entry (only
  when there are any);
* a summary line: ``1 error, 1 warning, 0 info in 2 documents.`` or
  ``No findings in 2 documents.``

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
UTF-8 (say an ASCII terminal), "»«", "…" and "·" fall back to ">> <<", "..."
and "-", rich draws ASCII boxes, and characters of the articles that the
encoding lacks are written as "?" rather than failing the run.

Text from articles and from the file system is untrusted: control characters
and bidirectional overrides are replaced with spaces before rendering, so a
document cannot inject escape sequences into the terminal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from factcheck.model import ErrorEntry, Finding, Location, Report, Severity

if TYPE_CHECKING:
    from factcheck.report import ReportOptions

CONTEXT_WINDOW = 160
"""Longest context shown, in characters, not counting the "…" marks."""

TABLE_MIN_WIDTH = 60
"""Narrowest space (inside the panel) for the locations table; below it locations stack."""

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
    encoding: str | None = None

    @classmethod
    def for_console(cls, console: Console) -> Glyphs:
        if console.options.ascii_only:
            return cls(open_mark=">>", close_mark="<<", ellipsis="...", separator="-", encoding=console.encoding)
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
    console.print(header(report))
    for finding in report.findings:
        console.print()
        console.print(finding_panel(finding, glyphs))
    if report.errors:
        console.print()
        console.print(errors_section(report.errors, glyphs))
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


def finding_panel(finding: Finding, glyphs: Glyphs = UNICODE_GLYPHS) -> Panel:
    """One finding: its message and a table of the claims involved."""
    color = SEVERITY_COLORS[finding.severity]
    sep = f" {glyphs.separator} "
    title = Text.assemble(
        (finding.severity.label, f"bold {color}"),
        sep,
        (glyphs.safe(finding.kind), "bold"),
        sep,
        glyphs.safe(finding.rule),
    )
    body: list[RenderableType] = [Text(glyphs.safe(finding.message, keep_newlines=True))]
    if finding.locations:
        body.append(Text())
        body.append(LocationsView(finding.locations, color, glyphs))
    return Panel(
        Group(*body),
        title=title,
        title_align="left",
        subtitle=Text(glyphs.safe(finding.id), style="dim") if finding.id else None,
        subtitle_align="right",
        border_style=color,
        box=box.ROUNDED,
        expand=True,
    )


class LocationsView:
    """The locations of a finding: a table when there is room, else stacked.

    Below ``TABLE_MIN_WIDTH`` columns a four-column table squeezes paths and
    sentences into slivers, so each location becomes a ``path:line:col`` line
    with its context indented beneath.
    """

    def __init__(self, locations: Iterable[Location], color: str, glyphs: Glyphs = UNICODE_GLYPHS) -> None:
        self.locations = tuple(locations)
        self.color = color
        self.glyphs = glyphs

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if options.max_width >= TABLE_MIN_WIDTH:
            yield locations_table(self.locations, self.color, self.glyphs)
            return
        for loc in self.locations:
            yield WrappedPath(f"{self.glyphs.safe(loc.path)}:{loc.line}:{loc.column}", style="bold")
            yield Indented(context_text(loc, self.color, self.glyphs))


_AS_WRITTEN_MAX = 40


def _short(text: str) -> str:
    """A long span (a name with its whole affiliation) shortened for the "as written" column."""
    text = " ".join(text.split())
    if len(text) <= _AS_WRITTEN_MAX:
        return text
    words = text.split(" ")
    head, tail = [words[0]], [words[-1]]
    # Whole words from both ends: the name and the affiliation's last words stay readable.
    for word in words[1:-1]:
        if len(" ".join([*head, word])) > 16:
            break
        head.append(word)
    for word in reversed(words[len(head) : -1]):
        if len(" ".join([word, *tail])) > 22:
            break
        tail.insert(0, word)
    return " ".join(head) + " … " + " ".join(tail)


def locations_table(locations: Iterable[Location], color: str, glyphs: Glyphs = UNICODE_GLYPHS) -> Table:
    """Locations side by side: document, line:col, claim as written, context."""
    table = Table(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        padding=(0, 1, 0, 0),
        expand=True,
        header_style="bold",
    )
    table.add_column("document", ratio=2)
    table.add_column("line:col", no_wrap=True)
    table.add_column("as written", overflow="fold", max_width=14)
    table.add_column("context", overflow="fold", ratio=5)
    for loc in locations:
        table.add_row(
            WrappedPath(glyphs.safe(loc.path)),
            Text(f"{loc.line}:{loc.column}"),
            Text(glyphs.safe(_short(loc.text)), style=f"bold {color}"),
            context_text(loc, color, glyphs),
        )
    return table


class WrappedPath:
    """A path that wraps after "/" (and, inside a long name, after "-", "_" or ".").

    rich wraps only at spaces, which would cut a path mid-name; this keeps
    whole directory names on a line wherever the column is wide enough.
    """

    def __init__(self, path: str, style: str = "") -> None:
        self.path = path
        self.style = style

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        pieces = _split_after(self.path, "/-_.") or [""]
        return Measurement(max(cell_len(piece) for piece in pieces), cell_len(self.path))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text("\n".join(wrap_path(self.path, options.max_width)), style=self.style, overflow="fold")


def wrap_path(path: str, width: int) -> list[str]:
    """``path`` in lines of at most ``width`` cells, broken after separators where possible."""
    if cell_len(path) <= width:
        return [path]
    lines: list[str] = []
    line = ""
    for segment in _split_after(path, "/"):
        pieces = [segment] if cell_len(segment) <= width else _split_after(segment, "-_.")
        for piece in pieces:
            if line and cell_len(line + piece) > width:
                lines.append(line)
                line = ""
            line += piece
    lines.append(line)
    return lines


def _split_after(text: str, separators: str) -> list[str]:
    """``text`` cut after each separator character: ``a/b/c`` -> ``a/``, ``b/``, ``c``."""
    chars = re.escape(separators)
    return re.findall(f"[^{chars}]*[{chars}]|[^{chars}]+", text)


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
    text = Text(shown[:lo])
    text.append(glyphs.open_mark, style="dim")
    text.append(shown[lo:hi], style=f"bold underline {color}")
    text.append(glyphs.close_mark, style="dim")
    text.append(shown[hi:])
    return text


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
        line = Text(glyphs.safe(error.path), style="bold")
        line.append(": " + glyphs.safe(error.message), style="")
        lines.append(Indented(line))
    return Group(*lines)


class Indented:
    """Text wrapped two columns in from the left, with no trailing padding."""

    def __init__(self, text: Text, indent: int = 2) -> None:
        self.text = text
        self.indent = indent

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(options.max_width - self.indent, 1)
        for line in self.text.wrap(console, width, overflow="fold"):
            line.rstrip()
            yield Text(" " * self.indent) + line


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
