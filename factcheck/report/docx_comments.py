"""The annotated Word draft: a copy of the ``.docx`` with a comment on every place a finding involves.

This module owns the ``docx`` format of ``factcheck annotate``.  It reads the
draft's bytes, never the file, and writes the copy to a binary stream.

A note's offsets point into the text the loader builds (paragraphs joined
by newlines, ``factcheck.sources.docx``); ``docx_layout`` says which runs
hold which characters.  A comment in Word covers whole runs, so every run
that a note's span starts or ends inside is split there first: the run keeps
what comes before the cut and a copy of it (the same ``w:rPr``: bold stays
bold, a hyperlink's run stays in the hyperlink) placed right after takes the
rest.  Nothing else changes: the copy reads back to the same text.

A span with no character in a run (a title figure read from the file's
properties) is anchored on the paragraph it points at, else on the nearest
run.  Each comment, by "factcheck" (initials "FC"), has for each entry of
the note its heading, then one paragraph per other place (``path:line
(outlet, date): "..."``) with the figure, name or quote there in bold.
"""

from __future__ import annotations

import bisect
import copy
from collections.abc import Sequence
from typing import Any, BinaryIO

import regex
from docx.comments import Comment
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from factcheck.report.annotations import Elsewhere, Note
from factcheck.sources.docx import DocxError, DocxLayout, docx_layout, open_docx

__all__ = ["AUTHOR", "INITIALS", "write"]

AUTHOR = "factcheck"
INITIALS = "FC"

# The run children that give text, as python-docx's Run.text reads them (a w:br gives "\n" or nothing).
_TEXT_TAGS = frozenset(qn(tag) for tag in ("w:br", "w:cr", "w:noBreakHyphen", "w:ptab", "w:t", "w:tab"))
_RUN_PROPERTIES = qn("w:rPr")
_TEXT = qn("w:t")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# Characters XML 1.0 cannot hold (lxml refuses them): control characters but tab and newline, surrogates,
# U+FFFE and U+FFFF.
_NOT_XML = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def write(data: bytes, text: str, notes: Sequence[Note], stream: BinaryIO) -> None:
    """Write the ``.docx`` in ``data`` with a comment per note to ``stream``.

    ``text`` is the draft's text as it was checked; ``DocxError`` when the file does not read to it
    (it changed in the meantime) or cannot be read."""
    document = open_docx(data)
    if docx_layout(document).text != text:
        raise DocxError("the file changed while it was checked; run again")
    _split_runs(docx_layout(document), sorted({offset for note in notes for offset in (note.start, note.end)}))
    layout = docx_layout(document)
    if layout.text != text:  # splitting never changes the text; if it did, the anchors would be wrong
        raise DocxError("splitting runs changed the text (please report this file)")
    for note in notes:
        comment = document.add_comment(_anchor(layout, note.start, note.end), text="", author=AUTHOR, initials=INITIALS)
        _fill(comment, note)
    document.save(stream)


def _split_runs(layout: DocxLayout, cuts: Sequence[int]) -> None:
    """Split every run at each cut that falls strictly inside it (``cuts`` sorted)."""
    for item in layout.runs:
        inside = cuts[bisect.bisect_right(cuts, item.start) : bisect.bisect_left(cuts, item.end)]
        for cut in reversed(inside):  # from the right: the run keeps its start each time
            _split(item.run._r, cut - item.start)


def _split(run: Any, at: int) -> None:
    """Split the ``w:r`` element ``run`` before character ``at`` of its text (``0 < at < len``)."""
    tail = copy.deepcopy(run)
    position = 0
    for head_child, tail_child in zip(list(run), list(tail), strict=True):
        if head_child.tag == _RUN_PROPERTIES:
            continue  # both halves keep the formatting
        width = len(str(head_child)) if head_child.tag in _TEXT_TAGS else 0
        if position + width <= at and (width > 0 or position < at):
            tail.remove(tail_child)
        elif position >= at:
            run.remove(head_child)
        else:  # a w:t across the cut
            assert head_child.tag == _TEXT
            whole = head_child.text
            head_child.text, tail_child.text = whole[: at - position], whole[at - position :]
            head_child.set(_XML_SPACE, "preserve")
            tail_child.set(_XML_SPACE, "preserve")
        position += width
    run.addnext(tail)


def _anchor(layout: DocxLayout, start: int, end: int) -> list[Run]:
    """The runs that hold ``text[start:end]``; for a span with no character in a run, those of the
    paragraph it points at, else the nearest run."""
    inside = [item.run for item in layout.runs if item.start < end and item.end > start]
    if inside:
        return inside
    line = max(bisect.bisect_right([a for a, _ in layout.paragraphs], start) - 1, 0)
    first, last = layout.paragraphs[line]
    paragraph = [item.run for item in layout.runs if first <= item.start and item.end <= last and item.end > item.start]
    after = [item.run for item in layout.runs if item.start >= start and item.end > item.start]
    before = [item.run for item in layout.runs if item.end <= start and item.end > item.start]
    chosen = paragraph or after[:1] or before[-1:]
    if not chosen:
        raise DocxError("the document has no text to anchor a comment on")
    return chosen


def _fill(comment: Comment, note: Note) -> None:
    """For each entry its heading, then a paragraph per other place with the claim in bold."""
    for number, entry in enumerate(note.entries):
        heading = comment.paragraphs[0] if number == 0 else comment.add_paragraph()
        heading.add_run(_xml_safe(entry.heading))
        for other in entry.elsewhere:
            _place(comment.add_paragraph(), other)


def _place(paragraph: Paragraph, other: Elsewhere) -> None:
    """``path:line (outlet, date): "..."`` with the claim in bold."""
    about = f" ({other.about})" if other.about else ""
    paragraph.add_run(_xml_safe(f"{other.place}{about}: \u201c"))
    lo, hi = other.mark
    if lo < 0:
        paragraph.add_run(_xml_safe(other.said))
    else:
        paragraph.add_run(_xml_safe(other.said[:lo]))
        paragraph.add_run(_xml_safe(other.said[lo:hi])).bold = True
        paragraph.add_run(_xml_safe(other.said[hi:]))
    paragraph.add_run("\u201d")


def _xml_safe(text: str) -> str:
    return str(_NOT_XML.sub("\ufffd", text))
