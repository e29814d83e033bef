"""Proper words: every capitalised word of an article's prose, where it stands and what it stands next to.

The spelling of names is compared across a run from these (``factcheck.link.identity``):
a surname, a firm, an agency's acronym written one way in most articles and
another way in one.  Extraction keeps what the comparison needs to weigh the
capital letter:

* ``opens``: the word opens its sentence or line, so its capital may be grammar, not a name;
* ``heading``: the word is on a line written in title case (a headline or a caption), where
  every word is capitalised;
* ``run``: words of one run of capitalised words ("Parag Agrawal", "Ohio Department of Natural
  Resources") share a run number, so the order of a name's words can be read;
* ``sentence``: the sentence's index and span, for the passage a finding shows.

A proper word is a word that starts with a capital letter and holds a lower-case letter
("Musk", "EnviroScience", "McDonald"), or an acronym of two to six capitals ("ODNR", "WHO").
Possessive endings are not part of the word ("Musk's" is "Musk").  A pure function of one
document.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.extract.patterns import compiled
from factcheck.extract.sentences import split_sentences
from factcheck.model import Document

__all__ = ["ProperWord", "proper_words"]

_WORD = compiled(
    r"(?<![\p{L}\p{M}\p{N}'’.\-])"
    r"(?P<word>\p{Lu}[\p{Ll}\p{M}]+(?:\p{Lu}?[\p{Ll}\p{M}]+)*(?:-\p{Lu}?[\p{Ll}\p{M}]+)*|\p{Lu}{2,6})"
    r"(?=['’]s?(?![\p{L}])|(?![\p{L}\p{M}\p{N}'’]))"
)
# What a run of capitalised words may hold between names ("Department of Natural Resources").
_BETWEEN = compiled(r"^[ \t]{1,2}(?:(?:of|for|and|the|de|du|la|van|von|der|al|&)[ \t]{1,2}){0,2}$")
_OPENING = compiled(r"^[\s\"“‘'(\[*#>_\-–—•|0-9.:)]*$")
_LINE_WORD = compiled(r"[\p{L}][\p{L}\p{M}'’\-]*")
_SMALL = frozenset("a an the and or but of for to in on at by with from as is vs via".split())


@dataclass(frozen=True, slots=True)
class ProperWord:
    """One capitalised word of the prose."""

    text: str
    start: int
    end: int
    sentence: int
    sentence_start: int
    sentence_end: int
    opens: bool
    heading: bool
    run: int
    # The word before it in the run is the previous proper word, with only a space between
    # ("Scott Duncan"), so the two read as one name.
    joined: bool

    @property
    def acronym(self) -> bool:
        return self.text.isupper()


def _title_case_lines(prose: str) -> list[tuple[int, int]]:
    """(start, end) of the lines written in title case: most of their words of four letters or more
    capitalised, and at least three such words."""
    spans = []
    offset = 0
    for line in prose.split("\n"):
        words = [w for w in _LINE_WORD.findall(line) if w.lower() not in _SMALL]
        if len(words) >= 3:
            capitalised = sum(1 for w in words if w[0].isupper())
            if capitalised >= 0.75 * len(words):
                spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    return spans


def proper_words(document: Document) -> tuple[ProperWord, ...]:
    """Every proper word of ``document.prose``, in order."""
    prose = document.prose
    headings = _title_case_lines(prose)
    out: list[ProperWord] = []
    run = -1
    previous_end = -1
    heading_index = 0
    for index, (s_start, s_end) in enumerate(split_sentences(prose)):
        sentence = prose[s_start:s_end]
        for match in _WORD.finditer(sentence):
            start, end = s_start + match.start("word"), s_start + match.end("word")
            while heading_index < len(headings) and headings[heading_index][1] < start:
                heading_index += 1
            heading = heading_index < len(headings) and headings[heading_index][0] <= start
            line_start = prose.rfind("\n", 0, start) + 1
            opens = bool(_OPENING.match(prose[max(s_start, line_start) : start]))
            between = prose[previous_end:start] if previous_end >= 0 else ""
            if previous_end < s_start or not _BETWEEN.match(between):
                run += 1
            joined = previous_end >= s_start and between == " "
            out.append(
                ProperWord(
                    text=match.group("word"),
                    start=start,
                    end=end,
                    sentence=index,
                    sentence_start=s_start,
                    sentence_end=s_end,
                    opens=opens,
                    heading=heading,
                    run=run,
                    joined=joined,
                )
            )
            previous_end = end
    return tuple(out)
