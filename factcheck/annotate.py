"""``factcheck annotate``: from a checked draft to the notes its annotated copy carries.

The command line runs the pipeline as ``check --changed`` does, with the
draft as the changed file: the whole corpus is compared, and the findings
kept are those that involve the draft.  This module then finds what the notes
need that the report does not hold (the draft's text, and the outlet of each
article involved: the report carries paths, lines and dates only) by loading
those few files again, and hands the notes to a writer in ``factcheck.report``
(``docx_comments`` or ``markdown_footnotes``), which writes the copy.

Nothing here writes: the caller opens the output, and the draft is only read.
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import NoReturn

from factcheck.errors import UsageError
from factcheck.model import Document, Report
from factcheck.pipeline import root_relative
from factcheck.report.annotations import Note, draft_notes
from factcheck.sources import DOCX_SUFFIXES, MARKDOWN_SUFFIXES, load_paths, shown_path

__all__ = ["FORMATS", "Annotated", "annotated", "check_output", "default_output", "draft_format", "output_exclude"]

# Formats of an annotated copy: the draft formats they serve.
FORMATS = {"docx": "Word (.docx)", "markdown": "Markdown (.md, .markdown, .mdown, .mkd)"}


@dataclass(frozen=True, slots=True)
class Annotated:
    """The draft as read (its text, as the run checked it) and the notes to put on it."""

    draft: Document
    notes: tuple[Note, ...]


def draft_format(path: str, requested: str | None = None) -> str:
    """``docx`` or ``markdown``, from the draft's suffix; ``UsageError`` for any other draft, or for a
    ``--format`` that does not fit it."""
    suffix = PurePosixPath(path.replace("\\", "/")).suffix.lower()
    kind = "docx" if suffix in DOCX_SUFFIXES else "markdown" if suffix in MARKDOWN_SUFFIXES else None
    supported = " and ".join(FORMATS.values())
    if kind is None:
        _refuse(f"{path}: annotate supports {supported} drafts, not {suffix or 'a file without a suffix'}")
    if requested is not None and requested != kind:
        _refuse(f"{path}: --format {requested} writes {FORMATS[requested]} copies; this draft is {FORMATS[kind]}")
    return kind


def default_output(path: str) -> str:
    """``draft.checked.docx`` next to ``draft.docx``."""
    stem, suffix = os.path.splitext(path)
    return f"{stem}.checked{suffix}"


def output_exclude(draft: str, output: str) -> tuple[str, ...]:
    """Patterns that keep annotated copies out of the corpus: the output's file name and the default
    copy's (an earlier run's copy next to the draft is no other article)."""
    return tuple(dict.fromkeys(glob.escape(os.path.basename(path)) for path in (output, default_output(draft))))


def check_output(draft: str, output: str) -> None:
    """``UsageError`` when the output is the draft itself: the original is never written."""
    same = os.path.realpath(output) == os.path.realpath(draft)
    if not same and os.path.exists(output):
        try:
            same = os.path.samefile(output, draft)
        except OSError:
            same = False
    if same:
        _refuse(f"{output}: is the draft itself; annotate writes a copy (give another -o)")


def annotated(report: Report, draft: str, root: str) -> Annotated:
    """The notes on ``draft`` (as given on the command line) of a report whose paths are relative to
    ``root``; ``UsageError`` when the draft could not be read, or no longer says what the report
    quotes from it."""
    name = root_relative(shown_path(draft), root)
    for error in report.errors:
        if error.path == name:
            _refuse(f"{draft}: {error.message}")
    involved = sorted({loc.path for finding in report.findings for loc in finding.locations} - {name})
    documents = {path: document for path in involved if (document := _load(_file(path, root))) is not None}
    document = _load(draft)
    if document is None:
        _refuse(f"{draft}: cannot read")
    mine = [loc for finding in report.findings for loc in finding.locations if loc.path == name]
    if any(loc.end > loc.start and document.text[loc.start : loc.end] != loc.text for loc in mine):
        _refuse(f"{draft}: changed while it was checked; run again")
    documents[name] = document
    return Annotated(document, draft_notes(report.findings, name, documents))


def _file(path: str, root: str) -> str:
    """The file a report path names: under the root when it is there, else as given."""
    under = os.path.join(root, path)
    return under if os.path.exists(under) else path


def _load(path: str) -> Document | None:
    """The document at ``path`` as the run read it; None when it is gone or unreadable now."""
    if not os.path.isfile(path):
        return None
    documents, _errors = load_paths([path])
    return documents[0] if documents else None


def _refuse(message: str) -> NoReturn:
    raise UsageError(message)
