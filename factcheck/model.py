"""Core data types shared by every stage of the pipeline.

Everything here is a frozen dataclass: a stage builds its output whole and
never mutates what an earlier stage produced.  Machine formats are built from
the ``to_dict()`` methods, so there is exactly one serialised shape per type.
"""

from __future__ import annotations

import bisect
import calendar
import enum
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any


class Severity(enum.IntEnum):
    """Finding severity; ordered so that ``>=`` means "at least as severe"."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.strip().upper()]
        except KeyError:
            choices = ", ".join(s.label for s in cls)
            raise ValueError(f"unknown severity {text!r} (expected one of: {choices})") from None


@dataclass(frozen=True, slots=True)
class Period:
    """The time a claim is about: a day, a year, a range of years, or "as of" a date.

    ``start`` and ``end`` are inclusive calendar dates.  ``basis`` says where the
    period came from: ``explicit`` (the sentence names it), ``since`` (an open
    range from a start to the document date) or ``as_of`` (nothing in the text;
    the document's date stands in).
    """

    start: date
    end: date
    text: str
    basis: str = "explicit"

    def label(self) -> str:
        if self.basis == "as_of":
            return f"as of {self.end.isoformat()}"
        if self.basis == "since":
            since = str(self.start.year) if (self.start.month, self.start.day) == (1, 1) else self.start.isoformat()
            return f"since {since}"
        if self.start == self.end:
            return self.start.isoformat()
        if self.start.month == 1 and self.start.day == 1 and self.end.month == 12 and self.end.day == 31:
            if self.start.year == self.end.year:
                return str(self.start.year)
            return f"{self.start.year}/{self.end.year}"
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    def words(self) -> str:
        """The period as an editor writes it ("March 2025", "as of 3 June 2024"): see :func:`period_words`."""
        return period_words(self.start, self.end, self.basis)

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "text": self.text,
            "basis": self.basis,
            "label": self.label(),
        }


def date_words(day: date) -> str:
    """A day as an editor writes it: "3 June 2024"."""
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"


def period_words(start: date, end: date, basis: str = "explicit") -> str:
    """A period in words, never as ISO dates: what messages and the terminal show.

    ``as of 3 June 2024`` (``as_of``: the article's date stands in), ``since 2022`` /
    ``since 1 March 2022`` (``since``), ``3 June 2024`` (a day), ``March 2025`` (a whole month),
    ``March to May 2025`` (whole months), ``2024`` and ``2021 to 2024`` (whole years),
    ``before 1 March 2022`` (open start) and ``from 1 March 2022`` (open end); any other range
    ``1 March 2025 to 14 April 2025``.
    """
    if basis == "as_of":
        return f"as of {date_words(end)}"
    if basis == "since":
        return f"since {start.year if (start.month, start.day) == (1, 1) else date_words(start)}"
    if start == date.min and end != date.max:
        return f"before {date_words(end + timedelta(days=1))}"
    if end == date.max and start != date.min:
        return f"from {date_words(start)}"
    if start == end:
        return date_words(start)
    whole_months = start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]
    if whole_months and (start.month, end.month) == (1, 12):
        return str(start.year) if start.year == end.year else f"{start.year} to {end.year}"
    if whole_months:
        first, last = calendar.month_name[start.month], calendar.month_name[end.month]
        if (start.year, start.month) == (end.year, end.month):
            return f"{first} {start.year}"
        if start.year == end.year:
            return f"{first} to {last} {start.year}"
        return f"{first} {start.year} to {last} {end.year}"
    return f"{date_words(start)} to {date_words(end)}"


@dataclass(frozen=True, slots=True)
class Frame:
    """What a numeric claim is a value of, read from its sentence (see ``factcheck/extract/frames.py``).

    ``measure`` is the lemma of the head noun counted or measured ("car",
    "toll") and ``modifiers`` the lemmas that narrow it ("train", "death");
    ``about`` the entity the number belongs to (lower case, "" if the sentence
    does not say); ``event`` the verb lemma that ties it to its subject;
    ``aspect`` level, change, part or difference; ``total`` marks totals;
    ``whole`` is the measure of the whole a part belongs to; ``series`` is
    "", converted, earlier, real or projection; ``names`` the entities the
    sentence names that a number of it could be about (announcers and
    sources left out); ``when`` the time word of the number's clause
    ("friday", "weekend", "last week"; "" if none); ``scope`` the place a
    sentence opens with when the number's owner is someone else ("In the
    capital, Trenn, the party took 45%": ``capital``; "" if none).
    """

    measure: str = ""
    modifiers: tuple[str, ...] = ()
    about: str = ""
    event: str = ""
    aspect: str = "level"
    total: bool = False
    whole: str = ""
    series: str = ""
    names: tuple[str, ...] = ()
    when: str = ""
    scope: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "measure": self.measure,
            "modifiers": list(self.modifiers),
            "about": self.about,
            "event": self.event,
            "aspect": self.aspect,
            "total": self.total,
            "whole": self.whole,
            "series": self.series,
            "names": list(self.names),
            "when": self.when,
            "scope": self.scope,
        }


@dataclass(frozen=True, slots=True)
class Claim:
    """One numeric mention read from a text, with what comparison needs.

    ``start``/``end`` are character offsets into the text it was read from
    (end exclusive) and ``text`` is exactly that slice.  ``value`` is the point
    value as written with any scale applied ("$140bn" -> 140e9); ``low`` and
    ``high`` are the interval the wording commits to (``None`` is an open end).
    ``step`` is the place value of the last written digit, which says how much
    rounding the written form allows.  ``magnitude``/``low_base``/``high_base``
    are the same numbers in the base unit named by ``dimension``.
    """

    start: int
    end: int
    text: str
    kind: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None = None
    unit: str | None = None
    step: float | None = None
    magnitude: float | None = None
    low_base: float | None = None
    high_base: float | None = None
    dimension: str | None = None
    aspect: str = "level"
    subject: str | None = None
    subject_key: str | None = None
    period: Period | None = None
    source: str | None = None
    sentence_start: int = 0
    sentence_end: int = 0
    frame: Frame = Frame()

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "qualifier": self.qualifier,
            "unit": self.unit,
            "aspect": self.aspect,
            "subject": self.subject_key,
            "period": self.period.label() if self.period else None,
            "source": self.source,
            "frame": self.frame.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read: its decoded text and what we know about it.

    ``text`` is the file's decoded text, unchanged, so offsets point into the
    file the user has.  ``prose`` has the same length, with everything that is
    not article prose (front matter, markup, code, page chrome) blanked out
    with spaces; extraction reads ``prose`` so offsets need no mapping.
    """

    path: str
    text: str
    prose: str
    title: str | None = None
    date: date | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    meta: tuple[tuple[str, str], ...] = ()
    line_starts: tuple[int, ...] = field(default=(0,), repr=False)

    @classmethod
    def build(cls, path: str, text: str, prose: str | None = None, **meta: Any) -> Document:
        starts = [0]
        starts.extend(i + 1 for i, ch in enumerate(text) if ch == "\n")
        prose_text = text if prose is None else prose
        if len(prose_text) != len(text):
            raise ValueError("prose view must keep the text's length")
        return cls(path=path, text=text, prose=prose_text, line_starts=tuple(starts), **meta)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1


@dataclass(frozen=True, slots=True)
class Location:
    """Where one claim involved in a finding sits, with what it says."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int
    text: str
    value: float | None
    unit: str | None
    sentence: str = ""
    sentence_offset: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "unit": self.unit,
        }


@dataclass(frozen=True, slots=True)
class Finding:
    """One reported problem, built whole by the check that found it."""

    id: str
    rule: str
    kind: str
    severity: Severity
    message: str
    subject: str | None
    locations: tuple[Location, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "rule": self.rule,
            "kind": self.kind,
            "severity": self.severity.label,
            "message": self.message,
            "subject": self.subject,
            "locations": [loc.to_dict() for loc in self.locations],
        }


@dataclass(frozen=True, slots=True)
class ErrorEntry:
    """A file we could not read, or another problem that did not stop the run."""

    path: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "message": self.message}


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """What the report says about each document read.

    ``outlet`` and ``url`` come from front matter (``None`` when not given); ``story`` is the name
    of the story the link stage put the document in (``None`` when the report was not built by a
    run that grouped stories).  Reporters show the outlet and date next to a passage and may group
    findings by story.
    """

    path: str
    title: str | None
    date: date | None
    claims: int
    outlet: str | None = None
    url: str | None = None
    story: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "claims": self.claims,
            "outlet": self.outlet,
            "url": self.url,
            "story": self.story,
        }


@dataclass(frozen=True, slots=True)
class Report:
    """The whole result of a run: what reporters render."""

    documents: tuple[DocumentSummary, ...]
    findings: tuple[Finding, ...]
    errors: tuple[ErrorEntry, ...]

    @property
    def claim_count(self) -> int:
        return sum(d.claims for d in self.documents)

    def by_severity(self) -> dict[str, int]:
        counts = {s.label: 0 for s in sorted(Severity, reverse=True)}
        for finding in self.findings:
            counts[finding.severity.label] += 1
        return counts

    def summary(self) -> dict[str, Any]:
        return {
            "documents": len(self.documents),
            "claims": self.claim_count,
            "findings": len(self.findings),
            "errors": len(self.errors),
            "by_severity": self.by_severity(),
        }

    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)
