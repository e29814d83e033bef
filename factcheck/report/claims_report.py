"""Write the claims of ``factcheck claims``: a table for people (rich), JSON or CSV.

The JSON shape is ``{"schema_version": 2, "claims": [...]}`` with one object
per claim (path, line, column, start, end, text, kind, value, low, high,
qualifier, unit, aspect, subject, period, source, frame), documented in
``docs/output-schema.md``.  CSV flattens the frame into ``frame_*`` columns.
The rich table is for people: values, periods and dates in words, subjects as
written (the machine formats keep the normalised key), readable at 80 columns
(see :func:`write_rich`).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from typing import Any, TextIO

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, JustifyMethod, RenderResult
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from factcheck.extract.numbers import format_number
from factcheck.model import Claim, Document, date_words
from factcheck.report.rich_report import Glyphs, shorten_path

# Version 2: claims carry their frame; "label" and "weekday" claims are new kinds.
CLAIMS_SCHEMA_VERSION = 2
FIELDS = (
    "path", "line", "column", "start", "end", "text", "kind", "value", "low", "high",
    "qualifier", "unit", "aspect", "subject", "period", "source", "frame",
)  # fmt: skip
FRAME_FIELDS = ("measure", "modifiers", "about", "event", "aspect", "total", "whole", "series")


def claim_rows(documents: Sequence[Document], claims: Sequence[Sequence[Claim]]) -> list[dict[str, Any]]:
    rows = []
    for document, doc_claims in zip(documents, claims, strict=True):
        for claim in doc_claims:
            line, column = document.position(claim.start)
            data = claim.to_dict()
            rows.append({"path": document.path, "line": line, "column": column, **data})
    return [{key: row.get(key) for key in FIELDS} for row in rows]


def write_json(rows: list[dict[str, Any]], stream: TextIO) -> None:
    stream.write(json.dumps({"schema_version": CLAIMS_SCHEMA_VERSION, "claims": rows}, indent=2, ensure_ascii=False))
    stream.write("\n")


def write_csv(rows: list[dict[str, Any]], stream: TextIO) -> None:
    columns = [f for f in FIELDS if f != "frame"] + [f"frame_{f}" for f in FRAME_FIELDS]
    writer = csv.DictWriter(stream, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        flat = {k: v for k, v in row.items() if k != "frame"}
        frame = row.get("frame") or {}
        for name in FRAME_FIELDS:
            value = frame.get(name)
            flat[f"frame_{name}"] = " ".join(value) if isinstance(value, list) else value
        writer.writerow({k: "" if v is None else v for k, v in flat.items()})


def write_rich(
    documents: Sequence[Document],
    claims: Sequence[Sequence[Claim]],
    stream: TextIO,
    *,
    color: bool,
    width: int | None,
) -> None:
    """The claims for a person: one block per document, one row per claim, in words.

    Each block is headed by the document's path (shortened in the middle to fit, never broken), its
    outlet and date, and its number of claims.  Each row gives the line, the claim as written, its
    value in words (an interval as "at least 21,692" or "22.5 to 25 years", a year as "2014", a date
    as "3 June 2024": never a year as a quantity), the subject as written (with the source, "according
    to ..."), and the period in words.  From ``WIDE`` columns the kind and the source get columns of
    their own.  Columns never split a word: where the longest words of a row's cells cannot all fit
    side by side, that document's claims are stacked instead, one claim to a few lines.
    """
    console = Console(
        file=stream, width=width, force_terminal=color, no_color=not color,
        color_system="standard" if color else None, highlight=False, markup=False, emoji=False,
    )  # fmt: skip
    glyphs = Glyphs.for_console(console)
    total = 0
    for document, doc_claims in zip(documents, claims, strict=True):
        total += len(doc_claims)
        console.print(_document_heading(document, len(doc_claims), glyphs, console.width))
        if doc_claims:
            console.print(_ClaimsBlock(document, doc_claims, glyphs))
        console.print()
    console.print(f"{_count(total, 'claim')} in {_count(len(documents), 'document')}")


WIDE = 120
"""Terminal width from which the kind and the source have columns of their own."""

_INDENT = 2


def _document_heading(document: Document, count: int, glyphs: Glyphs, width: int) -> Text:
    """``path · outlet · date · N claims``; the details on a line of their own when the path needs the room."""
    about = [part for part in (document.outlet, date_words(document.date) if document.date else None) if part]
    details = f" {glyphs.separator} ".join([*(glyphs.safe(part) for part in about), _count(count, "claim")])
    path = glyphs.safe(document.path)
    text = Text(shorten_path(path, width, glyphs.ellipsis), style="bold")
    if cell_len(path) + 3 + cell_len(details) <= width:
        text.append(f" {glyphs.separator} " + details, style="dim")
    else:
        text.append("\n" + " " * _INDENT)
        text.append(details, style="dim")
    return text


class _ClaimsBlock:
    """The rows of one document's claims: a table whose columns fit, else one stacked entry per claim."""

    def __init__(self, document: Document, claims: Sequence[Claim], glyphs: Glyphs) -> None:
        self.document = document
        self.claims = claims
        self.glyphs = glyphs

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        available = options.max_width - _INDENT
        wide = options.max_width >= WIDE
        names = ["line", "as written", "kind", "value", "subject", "period", "source"]
        if not wide:
            names = ["line", "as written", "value", "subject", "period"]
        rows = [[cells[name] for name in names] for cells in (self._cells(claim, wide) for claim in self.claims)]
        widths = fit_columns(names, rows, available)
        if widths is None:
            yield from self._stacked(console, options.max_width)
            return
        table = Table(
            box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=0,
            header_style="bold", safe_box=True,
        )  # fmt: skip
        for name, column_width in zip(names, widths, strict=True):
            justify: JustifyMethod = "right" if name == "line" else "left"
            table.add_column(name, width=column_width, overflow="fold", justify=justify)
        for row in rows:
            table.add_row(*(self.glyphs.safe(cell) for cell in row))
        yield Padding(table, (0, 0, 0, _INDENT), expand=False)

    def _cells(self, claim: Claim, wide: bool) -> dict[str, str]:
        line, _column = self.document.position(claim.start)
        subject = _subject(claim)
        if claim.source and not wide:
            subject = f"{subject} (according to {claim.source})" if subject else f"according to {claim.source}"
        return {
            "line": str(line),
            "as written": " ".join(claim.text.split()),
            "kind": claim.kind.replace("_", " "),
            "value": value_words(claim),
            "subject": subject,
            "period": "" if claim.kind in ("date", "year") or claim.period is None else claim.period.words(),
            "source": claim.source or "",
        }

    def _stacked(self, console: Console, width: int) -> RenderResult:
        for claim in self.claims:
            cells = self._cells(claim, wide=False)
            head = Text(" " * _INDENT + cells["line"].rjust(4) + "  ", style="")
            head.append(self.glyphs.safe(cells["as written"]), style="bold")
            yield from head.wrap(console, width, overflow="fold")
            details = [cells["value"], cells["subject"], cells["period"]]
            detail = Text(f" {self.glyphs.separator} ".join(self.glyphs.safe(d) for d in details if d))
            for line in detail.wrap(console, max(width - _INDENT - 6, 1), overflow="fold"):
                line.rstrip()
                yield Text(" " * (_INDENT + 6)) + line


def fit_columns(names: Sequence[str], rows: Sequence[Sequence[str]], available: int) -> list[int] | None:
    """Column widths, one space between columns, within ``available`` cells; ``None`` when the longest
    words of the cells (and the headers) cannot all stand side by side.

    Each column gets at least its longest word.  Then, narrowest first, each column gets what nine in
    ten of its cells need (so a line number, a value or a period stays on one line), as long as the
    others keep their minimum; what is left goes to the columns whose longest cells still wrap.
    """
    minimum = [cell_len(name) for name in names]
    lengths: list[list[int]] = [[] for _ in names]
    for row in rows:
        for index, cell in enumerate(row):
            words = cell.split()
            if words:
                minimum[index] = max(minimum[index], max(cell_len(word) for word in words))
            lengths[index].append(cell_len(cell))
    room = available - (len(names) - 1)
    longest = [max([m, *found]) for m, found in zip(minimum, lengths, strict=True)]
    usual = [max(m, _percentile(found, 0.9)) for m, found in zip(minimum, lengths, strict=True)]
    widest = max(range(len(names)), key=lambda i: (usual[i], -i))
    if sum(usual) - usual[widest] + minimum[widest] > room:
        return None  # only the widest column may wrap much: narrower, the rows are better stacked
    widths = list(minimum)
    for order in (usual, longest):
        for index in sorted(range(len(names)), key=lambda i: (order[i], i)):
            widths[index] += max(min(order[index] - widths[index], room - sum(widths)), 0)
    return widths


def _percentile(values: Sequence[int], share: float) -> int:
    if not values:
        return 0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _subject(claim: Claim) -> str:
    """The subject as written ("aquatic species"), a change marked: never the normalised key."""
    subject = " ".join((claim.subject or "").split())
    if claim.aspect == "change":
        return f"change in {subject}" if subject else "change"
    return subject


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def value_words(claim: Claim) -> str:
    """A claim's value as a reader says it: "at least 21,692", "22.5 to 25 years", "2014", "3 June 2024"."""
    if claim.kind == "date":
        return claim.period.words() if claim.period else ""
    if claim.kind == "year":
        if claim.period is not None and claim.period.basis == "explicit":
            return claim.period.words()
        low, high = claim.low, claim.high
        if low is None or high is None:
            return ""
        return str(int(low)) if low == high else f"{int(low)} to {int(high)}"
    if claim.kind == "weekday" and claim.value is not None and 0 <= claim.value < 7:
        return _WEEKDAYS[int(claim.value)]
    if claim.kind == "ordinal" and claim.value is not None and claim.value.is_integer():
        return _ordinal(int(claim.value))
    if claim.kind == "label" and claim.value is not None:
        scale = (claim.unit or "").replace("_", " ")
        return f"{scale[:1].upper()}{scale[1:]} {format_number(claim.value)}".strip()
    low, high = claim.low, claim.high
    if low is not None and high is not None and low == high:
        return _amount(low, claim.unit, high)
    if low is not None and high is not None:
        return f"{format_number(low)} to {_amount(high, claim.unit, high)}"
    if low is not None:
        words = "more than" if claim.qualifier == "more_than" else "at least"
        return f"{words} {_amount(low, claim.unit, low)}"
    if high is not None:
        words = {"less_than": "less than", "up_to": "up to"}.get(claim.qualifier or "", "at most")
        return f"{words} {_amount(high, claim.unit, high)}"
    return _amount(claim.value, claim.unit, claim.value) if claim.value is not None else ""


def _amount(value: float, unit: str | None, last: float | None) -> str:
    """A number with its unit: "3,000", "2.25bn USD", "30%", "12 hours", "140 miles per hour"."""
    number = format_number(value)
    if not unit:
        return number
    if unit == "percent":
        return f"{number}%"
    if unit.isupper():
        return f"{number} {unit}"  # a currency code
    return f"{number} {_unit_words(unit, plural=last != 1)}"


_PLURALS = {"century": "centuries", "inch": "inches", "foot": "feet", "metre": "metres", "kph": "kph", "mph": "mph"}


def _unit_words(unit: str, *, plural: bool) -> str:
    """A pint unit name in words: "mile_per_hour" -> "miles per hour", "degree_Celsius" -> "degrees Celsius"."""
    words = unit.split("_")
    if not plural:
        return " ".join(words)
    if "per" in words:
        at = words.index("per") - 1
    elif words[0] == "degree":
        at = 0
    else:
        at = len(words) - 1
    if at >= 0:
        word = words[at]
        words[at] = _PLURALS.get(word, word if word.endswith("s") else word + "s")
    return " ".join(words)


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number:,}{suffix}"


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}" if number == 1 else f"{number:,} {noun}s"
