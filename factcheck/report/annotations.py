"""What ``factcheck annotate`` says on a draft: one note per finding and place of the draft it involves.

This module owns the content of the notes; ``docx_comments`` renders them as
Word comments and ``markdown_footnotes`` as Markdown footnotes.  A note sits
on one location of the draft (a figure, a name, a quote) that a finding
involves, and carries, for each finding there:

* its severity, rule and message;
* every other place it involves, each as ``path:line`` (for a Word
  file the line is the paragraph number), the outlet and date of that article
  when its front matter (or a Word file's properties, or a page's tags) gives
  them, and the sentence there with the claim marked.  A place in the draft
  itself (a sum that does not add up) is "this draft".

A finding with two places in the draft gives a note on each; findings on the
same span (a figure two articles contradict, each in a finding of its own)
share one note, an entry each, the most severe first.  Text from
articles is untrusted: control characters and bidirectional overrides become
spaces (``rich_report.clean``); each writer escapes for its own format.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from factcheck.model import Document, Finding, Location
from factcheck.report.markdown import claim_context
from factcheck.report.rich_report import clean

__all__ = ["Elsewhere", "Entry", "Note", "draft_notes"]

THIS_DRAFT = "this draft"


@dataclass(frozen=True, slots=True)
class Elsewhere:
    """One other place of a finding: ``place`` is ``path:line``, ``about`` the outlet and date (or
    "this draft", or ""), ``said`` the sentence there, with the claim at ``said[mark[0]:mark[1]]``
    (``(-1, -1)`` when it cannot be marked)."""

    place: str
    about: str
    said: str
    mark: tuple[int, int]


@dataclass(frozen=True, slots=True)
class Entry:
    """What one finding says at a place: its heading and the other places it involves."""

    finding: Finding
    elsewhere: tuple[Elsewhere, ...]

    @property
    def heading(self) -> str:
        """``Error (numbers.conflict): the message``, cleaned, on one line."""
        finding = self.finding
        return " ".join(clean(f"{finding.severity.label.capitalize()} ({finding.rule}): {finding.message}").split())


@dataclass(frozen=True, slots=True)
class Note:
    """A note on ``draft.text[start:end]``: an entry per finding that involves exactly that span."""

    start: int
    end: int
    entries: tuple[Entry, ...]


def draft_notes(findings: Iterable[Finding], draft: str, documents: Mapping[str, Document]) -> tuple[Note, ...]:
    """The notes on the draft whose report path is ``draft``, in the order of the text.

    ``documents`` maps report paths to documents, for the outlet and date of the other places (a path
    missing from it is shown without them)."""
    entries: dict[tuple[int, int], list[Entry]] = {}
    for finding in findings:
        spans = sorted({(loc.start, loc.end) for loc in finding.locations if loc.path == draft})
        for span in spans:
            others = [loc for loc in finding.locations if not (loc.path == draft and (loc.start, loc.end) == span)]
            entry = Entry(finding, tuple(_elsewhere(loc, draft, documents) for loc in others))
            entries.setdefault(span, []).append(entry)
    notes = []
    for (start, end), found in sorted(entries.items()):
        found.sort(key=lambda e: (-int(e.finding.severity), e.finding.rule, e.finding.id))
        notes.append(Note(start, end, tuple(found)))
    return tuple(notes)


def _elsewhere(loc: Location, draft: str, documents: Mapping[str, Document]) -> Elsewhere:
    said, lo, hi = claim_context(loc)
    return Elsewhere(
        place=clean(f"{loc.path}:{loc.line}"),
        about=THIS_DRAFT if loc.path == draft else _about(documents.get(loc.path)),
        said=said,
        mark=(lo, hi) if 0 <= lo < hi else (-1, -1),
    )


def _about(document: Document | None) -> str:
    """``The Courier, 2025-03-14``: what the article says of itself, as far as it does."""
    if document is None:
        return ""
    parts = [" ".join(clean(document.outlet).split())] if document.outlet else []
    if document.date is not None:
        parts.append(document.date.isoformat())
    return ", ".join(part for part in parts if part)
