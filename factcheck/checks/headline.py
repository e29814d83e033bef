"""headline: a number in the title or a heading that contradicts the body.

The title (front matter ``title``, or the page title of an HTML document) and
Markdown headings (lines starting with ``#``) are compared with the body of
the same article.  A headline figure is compared with body figures of the
same dimension (after unit conversion), the same aspect (level or change) and
the same subject: the headline's subject words must all be among the body
claim's ("1,200 homes in Valencia" against "900 homes in Valencia were
destroyed"); a headline figure without a subject phrase ("Russia-China trade
hits $250bn") uses the headline's words and needs two of them in common.

Headlines round, so a headline figure stands for its rounding interval plus
``relative_tolerance`` (5% by default: "$250bn" for $244bn is not reported).
It is reported only when every body figure it matches disagrees with it and
those body figures agree with each other (one quantity, not a series such as
$140bn in 2021 and $244bn in 2024, where the headline could mean either).

The kind is ``numeric_conflict``: the same quantity told two ways, as
``numbers.conflict`` reports across articles.  Severity is the rule's when the
subjects match exactly and at most ``warning`` when the match is looser.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

import regex

from factcheck.checks.base import Check, CheckContext, Option, fingerprint, location
from factcheck.checks.sentence_claims import interval
from factcheck.extract.context import subject_key
from factcheck.model import Claim, Document, Finding, Location, Severity

_KINDS = frozenset({"number", "percent", "percentage_point", "money", "quantity", "temperature"})
_FILLER = frozenset(
    """of on in to for from at by with and the a an as is are was were be has have had its their his her
    new more less than over under after before says said say amid into up down""".split()
)
_HEADING = regex.compile(r"(?m)^ {0,3}#{1,6}[ \t]")
_WORD = regex.compile(r"[A-Za-z][A-Za-z'’-]{1,40}")


@dataclass(frozen=True, slots=True)
class _Head:
    """A headline claim, where it is shown, and the words it is about."""

    claim: Claim
    where: Location
    words: frozenset[str]
    exact: bool  # the words come from the claim's own subject phrase


class Headline(Check):
    name: ClassVar[str] = "headline"
    MESSAGE_FIELDS: ClassVar[frozenset[str]] = frozenset("headline body subject".split())
    description: ClassVar[str] = "A number in the title or a heading that contradicts the same quantity in the body."
    OPTIONS: ClassVar[Mapping[str, Option]] = {
        "relative_tolerance": Option("number", 0.05, "Relative slack on a headline figure (headlines round)."),
        "min_shared_words": Option(
            "integer", 2, "Words a subject-less headline figure must share with a body figure's subject."
        ),
    }

    def run(self, context: CheckContext) -> list[Finding]:
        findings: dict[str, Finding] = {}
        relative = float(context.rule.options["relative_tolerance"])
        shared = int(context.rule.options["min_shared_words"])
        for doc_index, document in enumerate(context.documents):
            heads, body = _split(document, context.claims[doc_index], context.extractions[doc_index].title_claims)
            for head in heads:
                finding = self._compare(context, document, head, body, relative, shared)
                if finding is not None:
                    findings.setdefault(finding.id, finding)
        return list(findings.values())

    def _compare(
        self,
        context: CheckContext,
        document: Document,
        head: _Head,
        body: Sequence[Claim],
        relative: float,
        shared: int,
    ) -> Finding | None:
        claim = head.claim
        matches = []
        for other in body:
            if other.dimension != claim.dimension or other.aspect != claim.aspect or other.kind not in _KINDS:
                continue
            if not _same_period(claim, other):
                continue
            words = _subject_words(other)
            if not words:
                continue
            if (head.exact and head.words <= words) or (not head.exact and len(head.words & words) >= shared):
                matches.append(other)
        if not matches:
            return None
        low, high = interval(claim)
        low = low - abs(low) * relative if math.isfinite(low) else low
        high = high + abs(high) * relative if math.isfinite(high) else high
        intervals = [interval(m) for m in matches]
        if any(lo <= high and low <= hi for lo, hi in intervals):
            return None
        # The body figures must be one quantity: all of them share a point.
        if max(lo for lo, _hi in intervals) > min(hi for _lo, hi in intervals):
            return None
        rule = context.rule
        exact = head.exact and all(_subject_words(m) == head.words for m in matches)
        severity = rule.severity if exact else min(rule.severity, Severity.WARNING)
        first = matches[0]
        subject = first.subject or claim.subject or ""
        message = rule.message.format(headline=claim.text, body=first.text, subject=subject)
        locations = (head.where, *(location(document, m) for m in matches))
        parts = [(document.path, claim.text), *((document.path, m.text) for m in matches)]
        return Finding(
            id=fingerprint(rule.id, subject, parts),
            rule=rule.id,
            kind="numeric_conflict",
            severity=severity,
            message=message,
            subject=first.subject_key or subject,
            locations=locations,
        )


def _same_period(a: Claim, b: Claim) -> bool:
    if a.period is None or b.period is None:
        return True
    if a.period.basis == "explicit" and b.period.basis == "explicit":
        return a.period.start == b.period.start and a.period.end == b.period.end
    return True


def _subject_words(claim: Claim) -> frozenset[str]:
    if not claim.subject:
        return frozenset()
    return frozenset(w for w in subject_key(claim.subject.replace("-", " ")).split() if w not in _FILLER)


def _text_words(text: str) -> frozenset[str]:
    found = " ".join(_WORD.findall(text.replace("-", " ").replace("–", " ")))
    return frozenset(w for w in subject_key(found).split() if w not in _FILLER)


def _split(
    document: Document, claims: Sequence[Claim], title_claims: Sequence[Claim]
) -> tuple[list[_Head], list[Claim]]:
    """Headline claims (title and headings) and body claims of one document."""
    heads: list[_Head] = []
    body: list[Claim] = []
    heading_spans = []
    for match in _HEADING.finditer(document.text):
        end = document.text.find("\n", match.start())
        heading_spans.append((match.start(), len(document.text) if end < 0 else end))
    for claim in claims:
        span = next(((s, e) for s, e in heading_spans if s <= claim.start < e), None)
        if span is None:
            body.append(claim)
            continue
        if claim.kind in _KINDS and claim.dimension:
            words = _subject_words(claim)
            exact = bool(words)
            if not words:
                words = _text_words(document.text[span[0] : span[1]])
            heads.append(_Head(claim, location(document, claim), words, exact))
    if document.title:
        heads.extend(_title_heads(document, title_claims))
    return heads, body


def _title_heads(document: Document, title_claims: Sequence[Claim]) -> list[_Head]:
    title = document.title or ""
    offset = document.text.find(title)
    if offset < 0 or offset > 20000:
        offset = -1
    out = []
    for claim in title_claims:
        if claim.kind not in _KINDS or not claim.dimension:
            continue
        words = _subject_words(claim)
        exact = bool(words)
        if not words:
            words = _text_words(title)
        out.append(_Head(claim, _title_location(document, claim, offset), words, exact))
    return out


def _title_location(document: Document, claim: Claim, offset: int) -> Location:
    """Where a title claim sits in the file: in the front matter line, or at the top when not found."""
    if offset >= 0:
        start, end = offset + claim.start, offset + claim.end
    else:
        line = regex.search(r"(?m)^title\s{0,3}:", document.text[:20000])
        start = line.start() if line else 0
        end = start
    line_no, column = document.position(start)
    end_line, end_column = document.position(max(start, end - 1))
    sentence = document.title or ""
    return Location(
        path=document.path,
        line=line_no,
        column=column,
        end_line=end_line,
        end_column=end_column + (1 if end > start else 0),
        start=start,
        end=end,
        text=claim.text,
        value=claim.value,
        unit=claim.unit,
        sentence=sentence,
        sentence_offset=offset if offset >= 0 else start,
    )
