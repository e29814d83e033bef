"""The annotated Markdown draft: a copy with a footnote on every place a finding involves.

This module owns the ``markdown`` format of ``factcheck annotate``.  The
copy is the draft's text as it was checked (decoded, so written as UTF-8,
without a byte-order mark) with:

* a reference ``[^fc1]``, ``[^fc2]``, ... right after each note's span on its
  line, numbered in the order of the text.  Where the span is directly
  followed by closing markup (the ``**`` of bold, the ``](url)`` of a link),
  the reference goes after it, so links and emphasis keep working; a span
  in the front matter (a figure of the title) gives its reference to the end
  of the first line of the body, so the front matter is not touched;
* the definitions at the end, after a blank line, one per note: for each
  entry the severity, rule and message, then an indented list of the other
  places (``path:line``, outlet and date, and the sentence there with the
  claim in ``<b>``), escaped as the ``markdown`` report escapes untrusted
  text.

The label prefix is ``fc``, or ``fc_``, ``fc__``, ... when the draft already
uses ``[^fc``.  Line endings follow the draft's (``\\r\\n`` when its first line
ends so).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import BinaryIO

from factcheck.model import Document
from factcheck.report.annotations import Elsewhere, Note
from factcheck.report.markdown import code, escape, paragraph
from factcheck.sources.frontmatter import parse_front_matter

__all__ = ["label_prefix", "render", "write"]


def write(draft: Document, notes: Sequence[Note], stream: BinaryIO) -> None:
    """Write the draft with its notes as footnotes to ``stream``, in UTF-8 (its line endings kept as they are)."""
    stream.write(render(draft, notes).encode("utf-8"))


def render(draft: Document, notes: Sequence[Note]) -> str:
    """The draft's text with a footnote reference after each note's span and the definitions at the end."""
    text = draft.text
    if not notes:
        return text
    newline = "\r\n" if "\r\n" in text[: text.find("\n") + 1] else "\n"
    prefix = label_prefix(text)
    front = parse_front_matter(text)
    body_start = front.end if front is not None else 0
    placed = sorted((_reference_point(draft, note, body_start), index) for index, note in enumerate(notes))
    labels = {index: f"[^{prefix}{number}]" for number, (_point, index) in enumerate(placed, start=1)}
    parts, last = [], 0
    for point, index in placed:
        parts.append(text[last:point])
        parts.append(labels[index])
        last = point
    parts.append(text[last:])
    body = "".join(parts)
    if not body.endswith("\n"):
        body += newline
    definitions = [_definition(labels[index], notes[index]) for _point, index in placed]
    return body + newline + (newline + newline).join(d.replace("\n", newline) for d in definitions) + newline


def label_prefix(text: str) -> str:
    """``fc``, lengthened with ``_`` until no ``[^prefix`` is in the text."""
    prefix = "fc"
    while f"[^{prefix}" in text:
        prefix += "_"
    return prefix


def _reference_point(draft: Document, note: Note, body_start: int) -> int:
    """Where the reference goes: after the span and the markup that directly follows it on its line; for
    a span in the front matter (before ``body_start``), at the end of the body's first line."""
    if note.start < body_start:
        return _end_of_first_line(draft.text, body_start)
    return _past_markup(draft.text, draft.prose, note.end)


def _past_markup(text: str, prose: str, point: int) -> int:
    """``point`` moved past the closing markup that follows it (blanked in the prose view): ``**``,
    ``_``, ``~~``, a backtick, and a link's ``]``, ``](destination)`` or ``][label]``."""
    while point < len(text) and prose[point] == " ":
        char = text[point]
        if char in "*_~`":
            point += 1
        elif char == "]":
            point += 1
            if point < len(text) and text[point] in "([" and prose[point] == " ":
                point = _past_bracket(text, point)
        else:
            break
    return point


def _past_bracket(text: str, point: int) -> int:
    """Past the ``(...)`` or ``[...]`` opening at ``point`` (nested pairs counted), within its line."""
    opening = text[point]
    closing = ")" if opening == "(" else "]"
    depth = 0
    for position in range(point, len(text)):
        char = text[position]
        if char == "\n":
            return position
        if char == opening:
            depth += 1
        elif char == closing:
            depth -= 1
            if depth == 0:
                return position + 1
    return len(text)


def _end_of_first_line(text: str, start: int) -> int:
    """The end of the first line from ``start`` that is not blank (the end of the text if none is)."""
    position = start
    while position < len(text):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        if text[position:end].strip():
            return end - 1 if text[position:end].endswith("\r") else end
        position = end + 1
    return len(text)


def _definition(label: str, note: Note) -> str:
    """``[^fc1]: **Error** (`rule`): message``, the other places as an indented list, and so on for each
    entry (its heading an indented paragraph of the footnote)."""
    blocks = []
    for entry in note.entries:
        finding = entry.finding
        blocks.append(f"**{finding.severity.label.capitalize()}** ({code(finding.rule)}): {paragraph(finding.message)}")
        if entry.elsewhere:
            blocks.append("\n".join(f"- {_place(other)}" for other in entry.elsewhere))
    first, *rest = blocks
    indented = ["\n".join("    " + line for line in block.split("\n")) for block in rest]
    return "\n\n".join([f"{label}: {first}", *indented])


def _place(other: Elsewhere) -> str:
    """A list item's text: the place as code, outlet and date, and the sentence with the claim in ``<b>``."""
    about = f" ({escape(other.about)})" if other.about else ""
    lo, hi = other.mark
    if lo < 0:
        said = escape(other.said)
    else:
        said = f"{escape(other.said[:lo])}<b>{escape(other.said[lo:hi])}</b>{escape(other.said[hi:])}"
    return f"{code(other.place)}{about}: \u201c{said}\u201d"
