"""Split prose into sentences by character offsets.

News text arrives as one paragraph a line (scraped pages, plain text) or as
hard-wrapped Markdown.  A newline ends a sentence when the line before it
ends like a sentence or is short (a heading, a caption, a list item).
Runs of blanked markup inside a sentence (a link target, an entity) do not
end it; loaders put a newline where an HTML block element ends.  Periods
after common abbreviations ("Mr.", "U.S.", "No.") and single initials
("George W. Bush") do not.
"""

from __future__ import annotations

import functools

import regex

from factcheck.extract.patterns import compiled

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st jr sr gen gov sen rep col lt sgt capt cmdr adm maj pres
    rev hon no nos vs etc inc co corp ltd plc bros est approx dept univ
    jan feb mar apr jun jul aug sep sept oct nov dec mt ft fig vol pp ed eds al
    u.s u.k u.n e.g i.e a.m p.m d.c u.s.a""".split()
)

_SHORT_LINE = 70


@functools.cache
def _boundary() -> regex.Pattern[str]:
    return compiled(
        r"(?P<stop>[.!?…]{1,3}[\"”’')\]]{0,2})(?=\s{1,40}[\"“‘'(\[]{0,2}[A-Z0-9])"
        r"|(?P<newline>\n)"
    )


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` closes an abbreviation or an initial."""
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower()
    if len(word) == 1 and word.isalpha():
        return start == 0 or not text[start - 1].isalnum()
    return word in _ABBREVIATIONS


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each sentence, whitespace trimmed, in order."""
    # Claims, people, quotes and proper words each split the same prose: it is split once (issue 16).
    return list(_split(text))


@functools.lru_cache(maxsize=4)
def _split(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _boundary().finditer(text):
        if match.group("stop"):
            dot = match.start()
            if text[dot] == "." and _is_abbreviation(text, dot):
                continue
            end = match.end()
        else:
            line_start = text.rfind("\n", 0, match.start()) + 1
            line = text[line_start : match.start()].strip()
            following = text[match.end() : match.end() + 200].lstrip(" \t")
            ends_sentence = not line or line[-1] in '.!?:;"”’)…' or len(line) < _SHORT_LINE
            if not (ends_sentence or following.startswith(("\n", "-", "*", "#", "|", "+")) or not following):
                continue
            end = match.start()
        _add(text, spans, start, end)
        start = match.end()
    _add(text, spans, start, len(text))
    return tuple(spans)


def _add(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
