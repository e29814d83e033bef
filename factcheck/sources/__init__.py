"""The load stage: from paths on the command line to ``Document`` objects.

Owns the public entry points ``load_paths`` and ``load_text`` and the choice
of reader by file suffix.  Finding files is ``discover``, bytes to text is
``decode``, and each format's prose view is ``frontmatter``, ``markdown`` and
``html``; ``chrome`` then blanks page chrome in plain text and in the HTML
view.  A Word file is read by ``docx`` into one paragraph a line.  A file we
cannot read becomes an ``ErrorEntry``; the run goes on.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Sequence
from dataclasses import replace
from itertools import accumulate
from pathlib import PurePosixPath
from typing import Any, BinaryIO, TextIO

from factcheck.model import Document, ErrorEntry
from factcheck.sources.chrome import strip_chrome
from factcheck.sources.dateline import find_dateline
from factcheck.sources.decode import UndecodableError, decode_bytes, strip_bom
from factcheck.sources.discover import STDIN, discover
from factcheck.sources.docx import DocxError, DocxText, read_docx
from factcheck.sources.frontmatter import blank_front_matter, parse_front_matter
from factcheck.sources.html import html_page
from factcheck.sources.markdown import markdown_prose

__all__ = ["DEFAULT_INCLUDE", "load_paths", "load_text"]

DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.txt", "*.html", "*.htm", "*.docx")

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
DOCX_SUFFIXES = frozenset({".docx"})
STDIN_PATH = "<stdin>"


def load_paths(
    paths: Sequence[str],
    *,
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
    stdin_filename: str | None = None,
    stdin: TextIO | BinaryIO | None = None,
    max_file_size: int | None = None,
    follow_links: bool = False,
    respect_gitignore: bool = True,
) -> tuple[list[Document], list[ErrorEntry]]:
    """Read every file the paths name: documents and error entries, both sorted by path.

    ``-`` reads standard input (``stdin``, else ``sys.stdin``) under the name
    ``stdin_filename``, whose suffix picks the format.  A missing path raises
    ``UsageError``; any other problem with a file is an ``ErrorEntry``.  A walk reads links to files
    outside the directory only with ``follow_links``.
    """
    files, errors = discover(paths, include, exclude, follow_links=follow_links, respect_gitignore=respect_gitignore)
    documents: list[Document] = []
    for path in files:
        _collect(path, _read_file(path, max_file_size or MAX_FILE_SIZE), documents, errors)
    if STDIN in paths:
        name = stdin_filename or STDIN_PATH
        _collect(name, _read_stdin(stdin, docx=_suffix(name) in DOCX_SUFFIXES), documents, errors)
    # A file name with a byte that is not UTF-8 arrives with a surrogate escape, which no report can
    # write: it is shown with the byte escaped ("a\\xff.md").
    documents = [d if d.path == shown_path(d.path) else replace(d, path=shown_path(d.path)) for d in documents]
    errors = [e if e.path == shown_path(e.path) else replace(e, path=shown_path(e.path)) for e in errors]
    documents.sort(key=lambda document: document.path)
    errors.sort(key=lambda error: error.path)  # stable: one file's messages keep their order
    return documents, errors


def shown_path(path: str) -> str:
    """A path as reports show it: bytes that are not UTF-8 escaped as ``\\xNN``, everything else as is."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    return path


def load_text(text: str, path: str = "<text>") -> Document:
    """Build a Document from decoded text; the path's suffix picks the format.

    Problems that do not stop loading (a bad front matter date) are dropped
    here; ``load_paths`` reports them.
    """
    return _build(text, path)[0]


def _collect(
    path: str, content: str | DocxText | ErrorEntry, documents: list[Document], errors: list[ErrorEntry]
) -> None:
    if isinstance(content, ErrorEntry):
        errors.append(content)
        return
    if isinstance(content, DocxText):
        # Built text, one paragraph a line: all of it is prose, and no markup to read.
        document = _document(path, content.text, title=content.title, author=content.author, date=content.date)
        documents.append(document)
        return
    document, problems = _build(content, path)
    documents.append(document)
    errors.extend(problems)


# An article is never this large; a bigger file is an error entry, not a run that eats the memory.
MAX_FILE_SIZE = 50 * 1024 * 1024


def _read_file(path: str, max_size: int = MAX_FILE_SIZE) -> str | DocxText | ErrorEntry:
    """A regular file's content, at most ``max_size`` bytes; a device, a FIFO or a socket named on the
    command line ("/dev/zero") is an error entry, never read (it could block or never end)."""
    try:
        # stat first: opening a FIFO blocks until someone writes to it.
        if not stat.S_ISREG(os.stat(path).st_mode):
            return ErrorEntry(path, "not a regular file (a device, a pipe or a socket): not read")
        with open(path, "rb", buffering=0) as raw:
            info = os.fstat(raw.fileno())
            if not stat.S_ISREG(info.st_mode):
                return ErrorEntry(path, "not a regular file (a device, a pipe or a socket): not read")
            if info.st_size > max_size:
                return ErrorEntry(path, f"too large: {info.st_size:,} bytes (the limit is {max_size:,})")
            data = raw.read(max_size + 1)
    except OSError as exc:
        return ErrorEntry(path, f"cannot read: {exc.strerror or exc}")
    if len(data) > max_size:
        return ErrorEntry(path, f"too large: more than {max_size:,} bytes")
    if _suffix(path) in DOCX_SUFFIXES:
        return _docx(path, data)
    return _decode(path, data)


def _docx(path: str, data: bytes) -> DocxText | ErrorEntry:
    try:
        content = read_docx(data)
    except DocxError as exc:
        return ErrorEntry(path, f"cannot read .docx: {exc}")
    return content if content.text.strip() else ErrorEntry(path, "empty file")


def _read_stdin(stream: TextIO | BinaryIO | None, *, docx: bool = False) -> str | DocxText | ErrorEntry:
    path = STDIN_PATH
    source = stream if stream is not None else getattr(sys.stdin, "buffer", sys.stdin)
    if source is None:
        return ErrorEntry(path, "cannot read: no standard input")
    try:
        data = source.read()
    except (OSError, UnicodeDecodeError) as exc:
        return ErrorEntry(path, f"cannot read: {exc}")
    if isinstance(data, str):
        if docx:
            return ErrorEntry(path, "cannot read .docx: standard input is not a byte stream")
        text = strip_bom(data)
        return text if text.strip() else ErrorEntry(path, "empty file")
    return _docx(path, data) if docx else _decode(path, data)


def _decode(path: str, data: bytes) -> str | ErrorEntry:
    try:
        return decode_bytes(data)
    except UndecodableError as exc:
        return ErrorEntry(path, str(exc))


def _build(text: str, path: str) -> tuple[Document, list[ErrorEntry]]:
    text = strip_bom(text)
    front = parse_front_matter(text)
    body = blank_front_matter(text, front)
    fields: dict[str, object] = {}
    problems = list(front.problems) if front else []
    kind = _format(path, text)
    if kind == "markdown":
        prose = markdown_prose(body)
    elif kind == "html":
        page = html_page(body)
        prose = strip_chrome(page.prose)  # boxes inside the article that markup does not mark
        fields = {"title": page.title, "date": page.date, "outlet": page.outlet, "url": page.url, "author": page.author}
        problems.extend(page.problems)
    else:
        prose = strip_chrome(body)  # a page saved as text: only the article body is prose
        fields = {"date": find_dateline(body)}  # "Published March 14, 2025" in the page header
    if front is not None:
        # Front matter says what the author meant; markup only fills the gaps.
        mine = {
            "title": front.title,
            "date": front.date,
            "outlet": front.outlet,
            "url": front.url,
            "author": front.author,
        }
        fields.update({key: value for key, value in mine.items() if value is not None})
        fields["meta"] = front.meta
    document = _document(path, text, prose, **fields)
    return document, [ErrorEntry(path, problem) for problem in problems]


def _document(path: str, text: str, prose: str | None = None, **fields: Any) -> Document:
    """``Document.build``, with the line starts found a line at a time rather than a character at a time
    (a tenth of the loading of a large corpus went to ``build``'s scan)."""
    prose = text if prose is None else prose
    if len(prose) != len(text):
        raise ValueError("prose view must keep the text's length")
    lengths = [len(line) + 1 for line in text.split("\n")]
    starts = tuple(accumulate(lengths[:-1], initial=0))
    return Document(path=path, text=text, prose=prose, line_starts=starts, **fields)


def _suffix(path: str) -> str:
    return PurePosixPath(path.replace("\\", "/")).suffix.lower()


def _format(path: str, text: str) -> str:
    suffix = _suffix(path)
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix == ".txt":
        return "text"
    # No telling suffix (stdin, an oddly named file): a page announces itself.
    head = text[:1000].lstrip().lower()
    return "html" if head.startswith(("<!doctype html", "<html")) else "text"
