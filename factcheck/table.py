"""The claims table: every claim of every document as one pandas DataFrame.

Checks group and compare rows of this table; they never see pint objects or
Claim instances.  Columns (one row per claim):

=================  =======  ==========================================================
column             dtype    meaning
=================  =======  ==========================================================
doc                int      index of the document in the run (sorted by path)
path               str      the document's path
claim              int      index of the claim within its document
start, end         int      character offsets into the file's decoded text
text               str      the claim as written
kind               str      number, percent, money, quantity, duration, year, date, ...
aspect             str      "level" or "change"
qualifier          str      at_least, more_than, nearly, about, range, ... ("" if none)
value              float    point value as written, scale applied (NaN for a range)
low, high          float    interval the wording commits to (NaN = open end)
unit               str      canonical unit ("" for a bare count)
dimension          str      base unit that makes values comparable ("count", "meter", "currency:USD")
magnitude          float    value in the base unit
low_base           float    low in the base unit (NaN = open)
high_base          float    high in the base unit (NaN = open)
step_base          float    rounding step of the written form, in the base unit
subject            str      subject phrase as written ("" if none)
subject_key        str      normalised subject ("sanction on russia")
period_start       str      ISO date the period starts ("" if none)
period_end         str      ISO date the period ends ("" if none)
period_basis       str      explicit, since, as_of ("" if none)
period_label       str      "2021", "2021/2024", "as of 2025-03-14"
source             str      who the sentence credits ("" if none)
doc_date           str      the document's date, ISO ("" if unknown)
noun_key           str      the subject's noun phrase alone, normalised ("" if none)
anchors            str      capitalised names in the claim's sentence, lower case, space-separated
sentence_start     int      offset where the claim's sentence starts (claims of one sentence share it)
measure            str      frame: lemma of what is counted or measured ("car", "toll"; "" if none)
modifiers          str      frame: lemmas that narrow the measure, space-separated ("train", "death")
about              str      frame: the entity the number is about, lower case ("china"; "" if unsaid)
event              str      frame: verb lemma tying the number to its subject ("derail")
frame_aspect       str      frame: level, change, part or difference
total              bool     frame: the number is a total ("a total of", "126 total")
whole              str      frame: for a part, the measure of its whole ("car")
series             str      frame: "", converted, earlier, real or projection
when               str      frame: the time word of the number's clause ("friday", "last week"; "" if none)
names              str      frame: entities the sentence names that its numbers could be about, "|"-separated
context            str      content words of the claim's sentence (lower case, 4+ letters, crude singular)
scope              str      frame: the place the sentence opens with ("In the capital, ..."), "" if none
=================  =======  ==========================================================
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd
import regex

from factcheck.extract.context import subject_key
from factcheck.model import Claim, Document

COLUMNS = (
    "doc", "path", "claim", "start", "end", "text", "kind", "aspect", "qualifier", "value", "low",
    "high", "unit", "dimension", "magnitude", "low_base", "high_base", "step_base", "subject",
    "subject_key", "period_start", "period_end", "period_basis", "period_label", "source", "doc_date",
    "noun_key", "anchors", "sentence_start", "measure", "modifiers", "about", "event", "frame_aspect", "total",
    "whole", "series", "names", "when", "context", "scope",
)  # fmt: skip

# Capitalised words that are not names: sentence openers, months, days.
_NOT_NAMES = frozenset(
    "the a an in on at by for of to and but or as if it its this that these those he she they we i "
    "his her their our after before since while when where what who why how there here some many most "
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday mr mrs ms dr".split()
)
_POSSESSIVE = regex.compile(r"['’]s$")
_CAPITALISED = regex.compile(r"(?<![\w.])[A-Z][\w’'-]{1,40}")


def anchors(sentence: str) -> str:
    """Names in a sentence (capitalised words that are not openers, months or days)."""
    found = {_POSSESSIVE.sub("", m.group().lower()) for m in _CAPITALISED.finditer(sentence)}
    return " ".join(sorted(w for w in found if w not in _NOT_NAMES and len(w) > 1 and "’" not in w and "'" not in w))


_CONTENT = regex.compile(r"[A-Za-z][a-z'’-]{3,30}")
_FUNCTION = frozenset(
    """that this with from have been were will would could should their there they them than then what when
    where which while about after before into over said says also more most some such only just very other
    these those being does made make many much each even ever here like""".split()
)


def context_words(sentence: str) -> str:
    """The content words of a sentence, for telling whether two sentences talk about the same thing."""
    words = set()
    for match in _CONTENT.finditer(sentence):
        word = match.group().lower().replace("’", "'").removesuffix("'s")
        if word in _FUNCTION:
            continue
        words.add(word[:-1] if word.endswith("s") and not word.endswith("ss") else word)
    return " ".join(sorted(words))


def _nan(value: float | None) -> float:
    return float("nan") if value is None else float(value)


def build_table(documents: Sequence[Document], claims: Sequence[Sequence[Claim]]) -> pd.DataFrame:
    """One row per claim, columns as documented above, in document then position order."""
    rows = []
    # The names and content words of each distinct sentence of the run, read once (wire copy and
    # boilerplate repeat sentences across articles).
    words_of: dict[str, tuple[str, str]] = {}
    for doc_index, (document, doc_claims) in enumerate(zip(documents, claims, strict=True)):
        doc_date = document.date.isoformat() if document.date else ""
        sentence_words: dict[int, tuple[str, str]] = {}
        for claim_index, claim in enumerate(doc_claims):
            if claim.sentence_start not in sentence_words:
                sentence = document.text[claim.sentence_start : claim.sentence_end]
                words = words_of.get(sentence)
                if words is None:
                    words = words_of[sentence] = (anchors(sentence), context_words(sentence))
                sentence_words[claim.sentence_start] = words
            names, context = sentence_words[claim.sentence_start]
            period = claim.period
            frame = claim.frame
            rows.append(
                (
                    doc_index, document.path, claim_index, claim.start, claim.end, claim.text, claim.kind,
                    claim.aspect, claim.qualifier or "", _nan(claim.value), _nan(claim.low), _nan(claim.high),
                    claim.unit or "", claim.dimension or "", _nan(claim.magnitude), _nan(claim.low_base),
                    _nan(claim.high_base), _nan(claim.step), claim.subject or "", claim.subject_key or "",
                    period.start.isoformat() if period else "", period.end.isoformat() if period else "",
                    period.basis if period else "", period.label() if period else "", claim.source or "",
                    doc_date, subject_key(claim.subject) if claim.subject else "",
                    names,
                    claim.sentence_start, frame.measure, " ".join(frame.modifiers), frame.about, frame.event,
                    frame.aspect, frame.total, frame.whole, frame.series, "|".join(frame.names), frame.when, context,
                    frame.scope,
                )
            )  # fmt: skip
    return pd.DataFrame.from_records(rows, columns=list(COLUMNS))


def records(table: pd.DataFrame, rows: Iterable[int]) -> dict[int, dict[str, Any]]:
    """Rows of the table by index label, each as a plain dict (column -> Python value, as
    ``DataFrame.to_dict`` gives), read column by column: a row at a time through pandas costs more
    than the checks that read them."""
    labels = list(rows)
    chosen = table.loc[labels]
    names = [str(column) for column in chosen.columns]
    columns = [chosen[column].tolist() for column in chosen.columns]
    return {
        label: dict(zip(names, values, strict=True))
        for label, values in zip(labels, zip(*columns, strict=True), strict=True)
    }
