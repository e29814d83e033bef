"""An ``Extraction`` to plain JSON and back, for the index on disk (``factcheck.index``).

Each dataclass is written as a JSON array of its fields in the order named here (smaller and quicker
to read back than objects with keys); tuples become arrays, dates ISO strings, and nothing else needs
converting: JSON keeps ints, floats, booleans, strings and null apart, so ``decode(encode(x)) == x``
and every value comes back with its type (a finding's JSON is the same whether its claims were
extracted or read from the index).  ``People.starts`` is not written: ``People`` computes it.

``FORMAT`` is part of every index key: change it whenever the shape written here changes, and old
entries are no longer read.  (A change to a dataclass also changes the extraction code's hash, which
is in the key too; ``tests/test_index.py`` checks that every field is named here.)
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from factcheck.extract import Extraction
from factcheck.extract.people import Affiliation, People, Person, PersonMention
from factcheck.extract.propers import ProperWord
from factcheck.extract.quotes import Quote
from factcheck.model import Claim, Frame, Period

__all__ = ["FIELDS", "FORMAT", "decode", "encode"]

FORMAT = 2

_PERIOD = ("start", "end", "text", "basis")
_FRAME = ("measure", "modifiers", "about", "event", "aspect", "total", "whole", "series", "names", "when", "scope")
_CLAIM = (
    "start",
    "end",
    "text",
    "kind",
    "value",
    "low",
    "high",
    "qualifier",
    "unit",
    "step",
    "magnitude",
    "low_base",
    "high_base",
    "dimension",
    "aspect",
    "subject",
    "subject_key",
    "period",
    "source",
    "sentence_start",
    "sentence_end",
    "frame",
)
_AFFILIATION = ("start", "end", "text", "key")
_MENTION = (
    "start",
    "end",
    "text",
    "given",
    "surname",
    "cue",
    "descriptor",
    "descriptor_start",
    "descriptor_end",
    "roles",
    "affiliations",
    "former",
    "sentence_start",
    "sentence_end",
    "person",
)
_PERSON = ("index", "name", "given", "surname", "key", "mentions", "roles", "affiliations", "descriptors")
_PEOPLE = ("mentions", "persons", "plain")  # ``starts`` is computed from the mentions
_QUOTE = (
    "start",
    "end",
    "text",
    "speaker",
    "speaker_start",
    "speaker_end",
    "speaker_key",
    "speaker_name",
    "person",
    "how",
    "passage_start",
    "passage_end",
)
_PROPER = ("text", "start", "end", "sentence", "sentence_start", "sentence_end", "opens", "heading", "run", "joined")
_EXTRACTION = ("claims", "people", "quotes", "title_claims", "propers")

FIELDS: dict[type, tuple[str, ...]] = {
    Period: _PERIOD,
    Frame: _FRAME,
    Claim: _CLAIM,
    Affiliation: _AFFILIATION,
    PersonMention: _MENTION,
    Person: _PERSON,
    People: _PEOPLE,
    Quote: _QUOTE,
    ProperWord: _PROPER,
    Extraction: _EXTRACTION,
}
"""The fields each type is written with, in order (a test compares them with the dataclasses)."""


def encode(extraction: Extraction) -> str:
    """The extraction as a JSON text (ASCII only: anything else is escaped)."""
    people = extraction.people
    data = [
        [_claim(c) for c in extraction.claims],
        [
            [_mention(m) for m in people.mentions],
            [_person(p) for p in people.persons],
            [_mention(m) for m in people.plain],
        ],
        [_flat(q, _QUOTE) for q in extraction.quotes],
        [_claim(c) for c in extraction.title_claims],
        [_flat(w, _PROPER) for w in extraction.propers],
    ]
    return json.dumps(data, separators=(",", ":"))


def decode(text: str) -> Extraction:
    """The extraction ``encode`` wrote; ``ValueError`` (or ``TypeError``) when the text is not one."""
    data = json.loads(text)
    if not isinstance(data, list) or len(data) != len(_EXTRACTION):
        raise ValueError("not an encoded extraction")
    claims, (mentions, persons, plain), quotes, title_claims, propers = data
    return Extraction(
        claims=tuple(_read_claim(c) for c in claims),
        people=People(
            mentions=tuple(_read_mention(m) for m in mentions),
            persons=tuple(_read_person(p) for p in persons),
            plain=tuple(_read_mention(m) for m in plain),
        ),
        quotes=tuple(Quote(*q) for q in quotes),
        title_claims=tuple(_read_claim(c) for c in title_claims),
        propers=tuple(ProperWord(*w) for w in propers),
    )


def _flat(item: Any, fields: tuple[str, ...]) -> list[Any]:
    return [getattr(item, name) for name in fields]


def _claim(claim: Claim) -> list[Any]:
    row = _flat(claim, _CLAIM)
    period = claim.period
    row[17] = None if period is None else [period.start.isoformat(), period.end.isoformat(), period.text, period.basis]
    frame = claim.frame
    row[21] = _flat(frame, _FRAME)
    return row


def _read_claim(row: list[Any]) -> Claim:
    period = row[17]
    if period is not None:
        row[17] = Period(date.fromisoformat(period[0]), date.fromisoformat(period[1]), period[2], period[3])
    frame = row[21]
    frame[1] = tuple(frame[1])
    frame[8] = tuple(frame[8])
    row[21] = Frame(*frame)
    return Claim(*row)


def _with_affiliations(item: PersonMention | Person, fields: tuple[str, ...]) -> list[Any]:
    row = _flat(item, fields)
    row[fields.index("affiliations")] = [_flat(a, _AFFILIATION) for a in item.affiliations]
    return row


def _mention(mention: PersonMention) -> list[Any]:
    return _with_affiliations(mention, _MENTION)


def _person(person: Person) -> list[Any]:
    return _with_affiliations(person, _PERSON)


def _read_mention(row: list[Any]) -> PersonMention:
    row[9] = tuple(row[9])
    row[10] = tuple(Affiliation(*a) for a in row[10])
    return PersonMention(*row)


def _read_person(row: list[Any]) -> Person:
    row[5] = tuple(row[5])
    row[6] = tuple(row[6])
    row[7] = tuple(Affiliation(*a) for a in row[7])
    row[8] = tuple(row[8])
    return Person(*row)
