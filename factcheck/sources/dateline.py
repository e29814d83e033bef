"""The publication date of a plain-text article, read from its dateline.

A page saved as text has no front matter, but its header usually says when
the article appeared: "Published March 14, 2025", "Last updated: 17 Feb
2025", or a line that is only a date above the headline.  That date is the
"as of" date of the article's undated claims.

Only the top of the file is read, and a standalone date line counts only when
it is the only one there: a scraped page's menu lists other stories, each
with its own date, and none of those is the article's.
"""

from __future__ import annotations

import functools
from datetime import date

import regex

from factcheck.sources.frontmatter import parse_date

_HEAD_CHARS = 20_000
_HEAD_LINES = 15
_DATE = (
    r"(?:[A-Z][a-z]{2,8}\.?\s{1,3}\d{1,2}(?:st|nd|rd|th)?,?\s{1,3}\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s{1,3}[A-Z][a-z]{2,8}\.?,?\s{1,3}\d{4}"
    r"|\d{4}-\d{2}-\d{2})"
)


@functools.cache
def _patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    labelled = regex.compile(
        rf"(?im)^[^\n]{{0,80}}?\b(?:published|posted|updated|last\s{{1,3}}updated|first\s{{1,3}}published)"
        rf"(?:\s{{1,3}}on)?:?\s{{1,3}}(?P<date>{_DATE})"
    )
    alone = regex.compile(rf"^\s{{0,8}}(?:[A-Z][a-z]{{2,8}},?\s{{1,3}})?(?P<date>{_DATE})\s{{0,8}}$")
    return labelled, alone


def find_dateline(text: str) -> date | None:
    """The article's publication date from its header, or None when the header does not say."""
    head = text[:_HEAD_CHARS]
    labelled, alone = _patterns()
    for match in labelled.finditer(head):
        found = parse_date(_clean(match.group("date")))
        if found is not None:
            return found
    lines = [line for line in head.split("\n") if line.strip()][:_HEAD_LINES]
    dates = [m.group("date") for m in (alone.match(line) for line in lines) if m]
    if len(dates) == 1:
        only: date | None = parse_date(_clean(dates[0]))
        return only
    return None


def _clean(text: str) -> str:
    spaced = " ".join(text.split())
    return str(regex.sub(r"(?<=\d)(?:st|nd|rd|th)\b|\.", "", spaced)).strip()
