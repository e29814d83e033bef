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
    from docx.table import Table
    from docx.text.paragraph import Paragraph

__all__ = ["DocxError", "DocxText", "read_docx"]

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


def read_docx(data: bytes) -> DocxText:
    """Read a ``.docx`` file's bytes; raise ``DocxError`` when they are not one."""
    check_unpacked_size(data)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
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
