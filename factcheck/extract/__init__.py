"""Extraction: turn one document's prose into claims, people and quotes.

``extract_document(document) -> Extraction`` gives everything later stages
read of one document: numeric claims (with their frames and sources), people
mentions resolved into persons (roles, affiliations), quotations with their
speakers, the title's claims and the capitalised words.  It is a pure
function of the document, so a run calls it once per document (in worker
processes for a large run, ``factcheck.parallel``) and checks never extract.

``extract(document)`` is its claims part: it reads ``document.prose`` (same
offsets as the file) and the document's date, and returns claims in order of
position.  ``extract_claims(text, date=...)`` is the same for a bare string.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from factcheck.extract.context import (
    find_aspect,
    find_period,
    find_source,
    find_subject,
    find_verb,
    own_period,
    relative_periods,
    subject_key,
)
from factcheck.extract.frames import document_names, frames_for_sentence
from factcheck.extract.labels import label_mentions
from factcheck.extract.patterns import compiled
from factcheck.extract.scanner import Mention, scan
from factcheck.extract.sentences import split_sentences
from factcheck.model import Claim, Document, Period
from factcheck.units import to_base, to_base_delta

if TYPE_CHECKING:
    from factcheck.extract.people import People
    from factcheck.extract.propers import ProperWord
    from factcheck.extract.quotes import Quote

__all__ = ["Extraction", "extract", "extract_claims", "extract_document"]


@dataclass(frozen=True, slots=True)
class Extraction:
    """What extraction found in one document: all that the link and compare stages read of it.

    ``claims``: numeric claims in order of position (``extract``); ``people``: person mentions
    resolved into persons; ``quotes``: quotations with their speakers; ``title_claims``: claims of
    the front matter title (offsets into the title); ``propers``: capitalised words, for the
    spelling of names across a run.
    """

    claims: tuple[Claim, ...]
    people: People
    quotes: tuple[Quote, ...]
    title_claims: tuple[Claim, ...]
    propers: tuple[ProperWord, ...]


def extract_document(document: Document) -> Extraction:
    """Everything later stages read of one document, each extracted once."""
    from factcheck.extract.people import extract_people
    from factcheck.extract.propers import proper_words
    from factcheck.extract.quotes import extract_quotes

    people = extract_people(document.prose)
    title = document.title
    return Extraction(
        claims=tuple(extract(document)),
        people=people,
        quotes=extract_quotes(document.prose, people),
        title_claims=_title_claims(title, document.date) if title else (),
        propers=proper_words(document),
    )


@functools.lru_cache(maxsize=256)
def _title_claims(title: str, as_of: date | None) -> tuple[Claim, ...]:
    """The claims of a title: the articles of a story often share one, read once (issue 16)."""
    return tuple(extract_claims(title, date=as_of))


def extract_claims(text: str, *, date: date | None = None) -> list[Claim]:
    """Every numeric claim in ``text``; ``date`` is the "as of" date for undated claims."""
    return _extract(text, text, date)


def extract(document: Document) -> list[Claim]:
    """Every numeric claim in a document's prose."""
    return _extract(document.prose, document.text, document.date)


def _extract(prose: str, original: str, as_of: date | None) -> list[Claim]:
    mentions = scan(prose)
    mentions = sorted([*mentions, *label_mentions(prose, mentions)], key=lambda m: (m.start, m.end))
    if not mentions:
        return []
    sentences = split_sentences(prose)
    names = document_names(prose)
    claims: list[Claim] = []
    index = 0
    by_sentence: dict[tuple[int, int], list[Mention]] = {}
    for mention in mentions:
        while index + 1 < len(sentences) and sentences[index][1] <= mention.start:
            index += 1
        sentence = sentences[index] if sentences else (0, len(prose))
        by_sentence.setdefault(sentence, []).append(mention)
    for sentence, members in by_sentence.items():
        periods: list[tuple[Mention, Period]] = []
        for member in members:
            period = own_period(member, prose, as_of)
            if period is not None and not _is_dateline(prose, member):
                periods.append((member, period))
        periods.extend(relative_periods(prose, sentence, as_of))
        periods.sort(key=lambda found: found[0].start)
        source = find_source(prose, sentence)
        previous: Claim | None = None
        in_sentence: list[Claim] = []
        for mention in members:
            claim = _claim(prose, original, sentence, mention, periods, source, as_of)
            if previous is not None and claim.kind not in ("date", "year"):
                claim = _continue_from(prose, previous, claim)
            in_sentence.append(claim)
            if claim.kind not in ("date", "year"):
                previous = claim
        frames = frames_for_sentence(prose, sentence, in_sentence, names)
        claims.extend(
            replace(c, frame=f)
            for c, f in zip(in_sentence, frames, strict=True)
            # A weekday is a claim only when it dates an event ("made landfall on Thursday"), not a report.
            if c.kind != "weekday" or f.measure
        )
    return claims


# A wire dateline opens a paragraph: "VARNOV, Oct 7 (Meridian Wire) - ", "Aug 2 (Reuters) — ".
_DATELINE_BEFORE = compiled(r"(?:^|\n)[ \t]{0,8}(?:[A-Z][\w.'’ -]{0,40},[ \t]{1,3})?$")
_DATELINE_AFTER = compiled(r"(?:,?[ \t]{1,3}\d{4})?[ \t]{0,3}(?:\([^()\n]{1,40}\)[ \t]{0,3})?[-–—]")


def _is_dateline(prose: str, mention: Mention) -> bool:
    """Whether a date is a wire dateline's: the day the story was filed, which dates nothing its paragraph
    says (the article's own date does that)."""
    return (
        mention.kind == "date"
        and bool(_DATELINE_BEFORE.search(prose, max(0, mention.start - 50), mention.start))
        and bool(_DATELINE_AFTER.match(prose, mention.end))
    )


_FROM_TO_GAP = compiled(
    r"(?:\s{1,3}[A-Za-z][\w'’-]{0,30}){0,3}(?:\s{1,3}(?:in|during)\s{1,3}[\w\s,–-]{2,40}?)?\s{1,3}to\s{1,3}"
)


def _continue_from(prose: str, first: Claim, second: Claim) -> Claim:
    """In "from $140bn in 2021 to $244bn in 2024" the second value shares the first's subject."""
    if first.kind != second.kind or first.unit != second.unit or second.subject_key:
        return second
    gap = prose[first.end : second.start]
    if not _FROM_TO_GAP.fullmatch(gap):
        return second
    return replace(second, subject=first.subject, subject_key=first.subject_key)


# "a grant over four years", "spread over five years": the time something is spread over, not a lower bound.
# After a verb of lasting ("lasted over four years") or "for", "over" still means "more than".
_OVER = compiled(r"(?i)over\s")
_WORD_BEFORE = compiled(r"[a-z][\w'’-]*,?\s{1,3}$")
_LASTING_BEFORE = compiled(
    r"(?i)\b(?:last(?:s|ed|ing)?|took|take[sn]?|taking|spent|spend(?:s|ing)?|been|for|than|after|in|within|"
    r"aged?|is|are|was|were|be)\s{1,3}$"
)


def _span_not_bound(prose: str, mention: Mention) -> Mention:
    if mention.kind != "duration" or mention.qualifier != "more_than" or not _OVER.match(prose, mention.start):
        return mention
    before = prose[max(0, mention.start - 30) : mention.start]
    if not _WORD_BEFORE.search(before) or _LASTING_BEFORE.search(before):
        return mention  # "Over a quarter of a century, ..." opens a sentence: read as written
    return replace(mention, qualifier=None, low=mention.value, high=mention.value)


def _label_claim(
    original: str,
    sentence: tuple[int, int],
    mention: Mention,
    subject: str | None,
    key: str | None,
    period: Period | None,
    source: str | None,
) -> Claim:
    dimension = f"label:{mention.unit}" if mention.kind == "label" else "weekday"
    return Claim(
        start=mention.start,
        end=mention.end,
        text=original[mention.start : mention.end],
        kind=mention.kind,
        value=mention.value,
        low=mention.low,
        high=mention.high,
        unit=mention.unit,
        step=0.0,
        magnitude=mention.value,
        low_base=mention.low,
        high_base=mention.high,
        dimension=dimension,
        subject=subject,
        subject_key=key,
        period=period,
        source=source,
        sentence_start=sentence[0],
        sentence_end=sentence[1],
    )


def _claim(
    prose: str,
    original: str,
    sentence: tuple[int, int],
    mention: Mention,
    periods: list[tuple[Mention, Period]],
    source: str | None,
    as_of: date | None,
) -> Claim:
    mention = _span_not_bound(prose, mention)
    own = own_period(mention, prose, as_of)
    if own is not None or mention.kind in ("date", "year"):
        period = own
    else:
        period = find_period(prose, mention, [(m, p) for m, p in periods if m is not mention], as_of)
    subject_span = find_subject(prose, sentence, mention)
    subject = prose[subject_span[0] : subject_span[1]] if subject_span else None
    verb = find_verb(prose, sentence, mention, subject_span[1] if subject_span else None)
    key = subject_key(subject) if subject else None
    if key and verb:
        key = f"{key} {verb}"
    aspect = find_aspect(prose, sentence, mention)
    unit = mention.unit
    if mention.kind in ("label", "weekday"):
        # A grade on a scale or a day of the week: compared only with the same scale, never converted.
        return _label_claim(original, sentence, mention, subject, key, period, source)
    base = to_base(mention.value, unit)
    low = to_base(mention.low, unit)
    high = to_base(mention.high, unit)
    known = base or low or high
    dimension = known.dimension if known is not None else None
    return Claim(
        start=mention.start,
        end=mention.end,
        text=original[mention.start : mention.end],
        kind=mention.kind,
        value=mention.value,
        low=mention.low,
        high=mention.high,
        qualifier=mention.qualifier,
        unit=unit,
        step=to_base_delta(mention.step, unit),
        magnitude=base.value if base else None,
        low_base=low.value if low else None,
        high_base=high.value if high else None,
        dimension=dimension,
        aspect=aspect,
        subject=subject,
        subject_key=key,
        period=period,
        source=source if mention.kind not in ("date", "year") else None,
        sentence_start=sentence[0],
        sentence_end=sentence[1],
    )
