"""Word ``.docx`` files: their text, one paragraph a line, and their core properties.

Owns reading a ``.docx`` with python-docx.  A Word file has no text we could
point into, so we build one: every paragraph of the body, and every paragraph
of every table cell (row by row, cell by cell, nested tables in place), in
document order, joined by ``"\\n"``.  Paragraph *n* of that sequence is line
*n* of ``Document.text``, so a finding's ``line`` is the paragraph number
(empty paragraphs count) and its ``column`` a character in that paragraph.
A line break inside a paragraph becomes a space to keep that true.  Page
headers, footers, footnotes, comments and text boxes are not read.

Title, author and date come from the file's core properties (the date is
the creation date), except the placeholders of python-docx's own template
(author "python-docx", created 2013-12-23 23:15 UTC), which a file made with
python-docx keeps unless it sets them.  A file python-docx cannot open
raises ``DocxError``, and so does a file that unpacks to more than
``MAX_UNPACKED`` bytes (declared or actually inflated), before python-docx
holds any of it.  Entities in the XML are never resolved: python-docx's parser
keeps the text around them and drops them.

``docx_layout`` builds the same text again from the runs (``w:r``, those of
hyperlinks included) with the offsets each run covers, so that a location can
be taken back to the runs that hold it (``factcheck annotate``); a test keeps
the two texts identical.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # python-docx (and lxml) are imported when a Word file is read, not by every run
    from docx.document import Document as WordDocument
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

__all__ = ["DocxError", "DocxLayout", "DocxRun", "DocxText", "docx_layout", "open_docx", "read_docx"]

_BREAKS = str.maketrans({"\n": " ", "\r": " ", "\v": " ", "\f": " "})
# What python-docx's default template says; not about the document at hand.
_TEMPLATE_AUTHOR = "python-docx"
_TEMPLATE_CREATED = datetime(2013, 12, 23, 23, 15, tzinfo=UTC)


class DocxError(ValueError):
    """The bytes are not a ``.docx`` python-docx can read; ``str(exc)`` says why."""


@dataclass(frozen=True, slots=True)
class DocxText:
    """A Word file's text (one paragraph a line) and what its core properties say."""

    text: str
    title: str | None = None
    author: str | None = None
    date: date | None = None


# What a Word file may unpack to, in all (declared and actually inflated): a 300-page report with
# pictures is well under it; a zip bomb (3 MB that inflate to 3 GB) is not.
MAX_UNPACKED = 256 * 2**20


def check_unpacked_size(data: bytes, limit: int = MAX_UNPACKED) -> None:
    """Raise ``DocxError`` when the zip's members declare, or inflate to, more than ``limit`` bytes.

    The declared sizes can lie, so each member is inflated in chunks and counted, never held whole;
    the cost is bounded by the limit.  Bytes that are no zip are left to python-docx to refuse."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        return
    with archive:
        members = archive.infolist()
        if sum(member.file_size for member in members) > limit:
            raise DocxError(f"unpacks to more than {limit // 2**20} MB, not read (a zip bomb?)")
        total = 0
        for member in members:
            try:
                with archive.open(member) as stream:
                    while chunk := stream.read(1 << 20):
                        total += len(chunk)
                        if total > limit:
                            raise DocxError(f"unpacks to more than {limit // 2**20} MB, not read (a zip bomb?)")
            except (zipfile.BadZipFile, NotImplementedError, OSError, EOFError, zlib.error) as exc:
                raise DocxError(f"damaged zip member {member.filename}: {exc}") from None


def open_docx(data: bytes) -> WordDocument:
    """python-docx's document for a ``.docx`` file's bytes; ``DocxError`` when they are not one (or a bomb)."""
    check_unpacked_size(data)
    import docx

    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises zip, XML, key and value errors alike
        raise DocxError(_reason(exc)) from None


def read_docx(data: bytes) -> DocxText:
    """Read a ``.docx`` file's bytes; raise ``DocxError`` when they are not one."""
    document = open_docx(data)
    try:
        lines = [paragraph.text.translate(_BREAKS) for paragraph in _paragraphs(document.iter_inner_content())]
        properties = document.core_properties
        title, author, created = properties.title, properties.author, properties.created
    except Exception as exc:  # python-docx raises zip, XML, key and value errors alike
        raise DocxError(_reason(exc)) from None
    return DocxText(
        text="\n".join(lines),
        title=title.strip() or None if title else None,
        author=author.strip() or None if author and author != _TEMPLATE_AUTHOR else None,
        date=created.date() if created is not None and created != _TEMPLATE_CREATED else None,
    )


@dataclass(frozen=True, slots=True)
class DocxRun:
    """One run of a paragraph and the characters ``[start, end)`` of the built text it gives."""

    run: Run
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class DocxLayout:
    """The built text of a Word file with where each paragraph (``(start, end)``, one a line) and run sit."""

    text: str
    paragraphs: tuple[tuple[int, int], ...]
    runs: tuple[DocxRun, ...]


def docx_layout(document: WordDocument) -> DocxLayout:
    """The text ``read_docx`` builds, rebuilt run by run with each run's offsets; the document is not changed.

    A paragraph's text is its runs' and its hyperlinks' runs' text in order (what python-docx's
    ``Paragraph.text`` joins); runs inside tracked insertions, fields or content controls give none."""
    from docx.text.run import Run

    lines: list[str] = []
    paragraphs: list[tuple[int, int]] = []
    runs: list[DocxRun] = []
    offset = 0
    for paragraph in _paragraphs(document.iter_inner_content()):
        start = offset
        pieces = []
        for element in paragraph._p.xpath("w:r | w:hyperlink/w:r"):
            piece = element.text.translate(_BREAKS)
            runs.append(DocxRun(Run(element, paragraph), offset, offset + len(piece)))
            pieces.append(piece)
            offset += len(piece)
        lines.append("".join(pieces))
        paragraphs.append((start, offset))
        offset += 1  # the "\n" between paragraphs
    return DocxLayout("\n".join(lines), tuple(paragraphs), tuple(runs))


def _paragraphs(blocks: Iterator[Paragraph | Table]) -> Iterator[Paragraph]:
    """Every paragraph in document order, table cells' paragraphs in place of their table."""
    from docx.text.paragraph import Paragraph

    for block in blocks:
        if isinstance(block, Paragraph):
            yield block
            continue
        # A merged cell is listed once for every grid cell it spans, across and
        # down.  The elements are kept so that no id is reused while we look.
        seen: dict[int, object] = {}
        for row in block.rows:
            for cell in row.cells:
                element = cell._tc
                if id(element) in seen:
                    continue
                seen[id(element)] = element
                yield from _paragraphs(cell.iter_inner_content())


def _reason(exc: Exception) -> str:
    if isinstance(exc, KeyError) and exc.args:
        return f"not a Word document ({str(exc.args[0]).strip()})"
    message = str(exc).strip()
    name = type(exc).__name__
    if not message:
        return name
    return message if name in ("PackageNotFoundError", "BadZipFile", "ValueError") else f"{name}: {message}"
