"""source-attribution: the same statistic credited to different sources in different articles.

Reads the claims table: every numeric claim whose sentence credits a source
(``source``: "according to X", "X said", "said X", "in keeping with X").
Claims are grouped by subject key (after the rule's ``synonyms``, so a
reworded "overseas corporations" is "foreign companies"), dimension and
aspect, and, within one story, also by the noun the figure counts (its
frame's measure: "1.9 million containers last year" and "1.9 million
containers in 2024" are one statistic; a vague noun such as "people" is
none), a figure found both ways being reported once; inside a group, claims from different articles whose values are
compatible (their intervals, widened for rounding and ``relative_tolerance``,
share a point) and whose periods do not differ are the same statistic.  Two
of those credited to sources that are not the same body is a finding.

Only bodies are compared: a source cited as a source of data ("according
to", "data from", "a report by", ...) or one whose name is an organisation's
("Capital Economics", "IMF").  A person giving a figure ("said Michael
Clarke") may be citing anyone, so people are not compared.  Sources are the
same when their names are equal once case, "the" and punctuation are set
aside, when one is the other with words left out ("Yale" / "Yale School of
Management"), or when one is the other's acronym.  Two articles citing the
same source, whatever outlet they are, is not a finding.

Severity is the rule's when the two names share a distinctive word but
differ ("Yale School of Management" / "Yale Faculty of Administration": one
is garbled) and the figures are written alike; otherwise warning: two
different bodies may well publish the same figure.  The source the fewer
articles give is reported, with the others as context.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

import regex

from factcheck.checks.base import (
    MAJORITY_SHOWN,
    Check,
    CheckContext,
    Option,
    fingerprint,
    group_by_naming,
    shown_paths,
)
from factcheck.checks.intervals import COMPARABLE_KINDS, claim_interval
from factcheck.checks.names import document_people, mark
from factcheck.checks.subjects import SubjectNormaliser, content_words
from factcheck.extract.people import ORG_HEADS, compare_organisations, organisation_key, surname_key
from factcheck.model import Finding, Location, Severity

_SKIP_KINDS = frozenset({"date", "year", "ordinal"})


@dataclass(frozen=True, slots=True)
class _Credit:
    """One statistic with its source, in one document."""

    row: int
    doc: int
    path: str
    claim: int
    text: str
    subject: str
    source: str
    low: float
    high: float
    period: str
    value: str
    person: bool
    body: bool


class SourceAttribution(Check):
    name: ClassVar[str] = "source-attribution"
    MESSAGE_FIELDS: ClassVar[frozenset[str]] = frozenset(
        "subject value_a source_a doc_a value_b source_b doc_b advice".split()
    )
    description: ClassVar[str] = "The same statistic credited to different sources in different articles."
    OPTIONS: ClassVar[Mapping[str, Option]] = {
        "synonyms": Option(
            "string_map",
            {},
            "Subject words or phrases that mean the same: canonical -> variants (after normalisation).",
        ),
        "min_subject_words": Option("integer", 2, "Subjects with fewer content words are too vague to compare."),
        "relative_tolerance": Option("number", 0.005, "Extra relative slack on both ends of every value's interval."),
        "kinds": Option(
            "string_list",
            COMPARABLE_KINDS,
            "Claim kinds this rule compares.",
        ),
    }

    def run(self, context: CheckContext) -> list[Finding]:
        table = context.table
        options = context.rule.options
        if table is None or table.empty:
            return []
        rows = table[
            (table["source"] != "")
            & table["kind"].isin(options["kinds"])
            & ~table["kind"].isin(_SKIP_KINDS)
            & (table["subject_key"] != "")
            & (table["dimension"] != "")
        ]
        if rows.empty or rows["doc"].nunique() < 2:
            return []
        subjects = SubjectNormaliser.build(options["synonyms"])
        groups: dict[tuple[str, str, str], list[_Credit]] = {}
        by_measure: dict[tuple[str, str, str], list[_Credit]] = {}
        relative = float(options["relative_tolerance"])
        # Rows as plain dicts, read column by column (``DataFrame.iterrows`` builds a Series per row).
        from factcheck.table import records

        stories = context.stories
        for row_id, record in records(rows, rows.index.tolist()).items():
            subject = subjects.key(str(record["subject_key"]), str(record["noun_key"]))
            # Within one story, the noun a figure counts (its frame's measure) also names one statistic,
            # however the sentence goes on ("1.9 million containers last year" / "1.9 million containers").
            measure = _story_measure(record, stories.of_document[int(record["doc"])] if stories else 0)
            if content_words(subject) < int(options["min_subject_words"]) and not measure:
                continue
            credit = self._credit(context, int(str(row_id)), record, relative)
            if credit is None:
                continue
            shape = (str(record["dimension"]), str(record["aspect"]))
            if content_words(subject) >= int(options["min_subject_words"]):
                groups.setdefault((subject, *shape), []).append(credit)
            if measure:
                by_measure.setdefault((measure, *shape), []).append(credit)
        findings: list[Finding] = []
        for (key, _dimension, _aspect), credits in sorted(groups.items()):
            if len({c.doc for c in credits}) > 1:
                findings.extend(self._conflicts(context, key, credits))
        # The same figures found again by their measure are not reported twice.
        reported = {(loc.path, loc.line) for finding in findings for loc in finding.locations}
        for (key, _dimension, _aspect), credits in sorted(by_measure.items()):
            if len({c.doc for c in credits}) > 1:
                for finding in self._conflicts(context, key, credits):
                    if not any((loc.path, loc.line) in reported for loc in finding.locations[:1]):
                        findings.append(finding)
        return findings

    @staticmethod
    def _credit(context: CheckContext, row_id: int, row: Mapping[str, Any], relative: float) -> _Credit | None:
        # A statistic is "the same" when its roundings overlap: no truncation allowance here.
        low, high = claim_interval(row, relative, above=0.5, widen_approximate=True)
        if math.isnan(low) or math.isnan(high):
            return None
        doc = int(row["doc"])
        source = str(row["source"])
        people = document_people(context, doc)
        claim = context.claims[doc][int(row["claim"])]
        person = None
        for mention in people.mentions:
            if mention.person < 0 or not claim.sentence_start <= mention.start < claim.sentence_end:
                continue
            who = people.persons[mention.person]
            if source in (mention.text, who.name) or surname_key(source) == surname_key(who.surname):
                person = who
                break
        period = str(row["period_start"]) + "/" + str(row["period_end"]) if row["period_basis"] == "explicit" else ""
        sentence = context.documents[doc].prose[claim.sentence_start : claim.sentence_end]
        body = person is None and (_cited(sentence, source) or _looks_like_a_body(source))
        return _Credit(
            row=row_id,
            doc=doc,
            path=str(row["path"]),
            claim=int(row["claim"]),
            text=str(row["text"]),
            subject=str(row["subject"]),
            source=source,
            low=low,
            high=high,
            period=period,
            value=f"{row['qualifier']}:{row['magnitude']}:{row['low_base']}:{row['high_base']}:{row['unit']}",
            person=person is not None,
            body=body,
        )

    def _conflicts(self, context: CheckContext, key: str, credits: list[_Credit]) -> list[Finding]:
        # Group by source: the same body however written.  Whether two credits name one source depends
        # only on how each names it (``group_by_naming``).
        bodies = group_by_naming(
            sorted(credits, key=lambda c: (c.path, c.claim)), lambda c: (c.person, c.source), _same_source
        )
        findings = []
        for i in range(len(bodies)):
            for j in range(i + 1, len(bodies)):
                pair = self._pair(bodies[i], bodies[j])
                if pair is not None:
                    findings.append(self._finding(context, key, bodies[i], bodies[j], *pair))
        return findings

    @staticmethod
    def _pair(first: list[_Credit], second: list[_Credit]) -> tuple[_Credit, _Credit] | None:
        """The two claims that show the conflict: the same statistic from different articles."""
        if {c.doc for c in first} & {c.doc for c in second}:
            return None
        for a in first:
            for b in second:
                if not (a.body and b.body):
                    continue  # a speaker giving a figure may be citing anyone: not a misattribution
                if a.period and b.period and a.period != b.period:
                    continue
                if a.low <= b.high and b.low <= a.high:
                    return a, b
        return None

    def _finding(
        self,
        context: CheckContext,
        key: str,
        first: list[_Credit],
        second: list[_Credit],
        a: _Credit,
        b: _Credit,
    ) -> Finding:
        rule = context.rule
        docs_first, docs_second = {c.doc for c in first}, {c.doc for c in second}
        if len(docs_first) > len(docs_second):
            first, second, a, b = second, first, b, a
        tie = len(docs_first) == len(docs_second)
        garbled = compare_organisations(a.source, b.source) == "garbled"
        alike = a.value == b.value
        severity = rule.severity if garbled and alike else min(rule.severity, Severity.WARNING)
        # Every article of the minority (the outliers), then a few of the others.
        locations = [self._location(context, a)]
        seen = {a.doc}
        for other in sorted(first, key=lambda c: c.path):
            if other.doc not in seen:
                seen.add(other.doc)
                locations.append(self._location(context, other))
        shown = 0
        for other in [b, *sorted(second, key=lambda c: c.path)]:
            if other.doc not in seen and shown < MAJORITY_SHOWN:
                seen.add(other.doc)
                shown += 1
                locations.append(self._location(context, other))
        if garbled:
            advice = "one name looks garbled: check the source's exact name"
        elif tie:
            advice = "check which source published it"
        else:
            advice = f"{len({c.doc for c in second})} articles credit {b.source}: check the source"
        fields = {
            "subject": a.subject or key,
            "value_a": a.text,
            "source_a": a.source,
            "doc_a": shown_paths(c.path for c in first),
            "value_b": b.text,
            "source_b": b.source,
            "doc_b": shown_paths(c.path for c in second),
            "advice": advice,
        }
        # The id names the article at fault and the source the others credit, not which of them agree:
        # another agreeing article does not change it.
        outliers = len({c.doc for c in first})
        parts = [(loc.path, loc.text) for loc in locations[:outliers]] + [("", b.source)]
        return Finding(
            id=fingerprint(rule.id, key, parts),
            rule=rule.id,
            kind="source_misattribution",
            severity=severity,
            message=rule.message.format(**fields),
            subject=key,
            locations=tuple(locations),
        )

    @staticmethod
    def _location(context: CheckContext, credit: _Credit) -> Location:
        """The source as written in the claim's sentence (else the figure), the sentence as context."""
        document = context.documents[credit.doc]
        claim = context.claims[credit.doc][credit.claim]
        sentence = (claim.sentence_start, claim.sentence_end)
        at = document.text.find(credit.source, claim.sentence_start, claim.sentence_end)
        if at >= 0:
            return mark(document, at, at + len(credit.source), sentence)
        return mark(document, claim.start, claim.end, sentence)


_CITED = (
    r"(?:according[ \t]{1,3}to|in[ \t]{1,3}keeping[ \t]{1,3}with|data[ \t]{1,3}from|figures[ \t]{1,3}from|"
    r"estimates[ \t]{1,3}by|(?:a|the)[ \t]{1,3}(?:report|study|survey|analysis|tally|count)[ \t]{1,3}(?:by|from)|"
    r"cited[ \t]{1,3}by|compiled[ \t]{1,3}by|published[ \t]{1,3}by)[ \t]{1,3}(?:the[ \t]{1,3})?"
)


def _cited(sentence: str, source: str) -> bool:
    """Whether a sentence credits its figure to the source as a source of data ("according to X")."""
    return bool(regex.search(_CITED + regex.escape(source), sentence, flags=regex.IGNORECASE))


def _looks_like_a_body(source: str) -> bool:
    """An organisation's name ("Capital Economics", "IMF"), not a person's."""
    words = source.split()
    return any(w.casefold() in ORG_HEADS for w in words) or any(
        len(w) >= 2 and w.isupper() and w.isalpha() for w in words
    )


# Nouns that count nothing in particular: a figure of "people" or "percent" is no one statistic.
_VAGUE_MEASURES = frozenset(
    "people person percent time times year years day days month week one other thing number total figure "
    "share rate level amount".split()
)


def _story_measure(record: Mapping[str, Any], story: int) -> str:
    """The statistic a figure states within its story, by the noun its frame counts and that noun's
    modifiers ("story 3: container"); empty for a vague noun or none."""
    measure = str(record["measure"] or "")
    if not measure or measure in _VAGUE_MEASURES or not measure.isalpha():
        return ""
    modifiers = str(record["modifiers"] or "")
    return f"story {story}: {modifiers + ' ' if modifiers else ''}{measure}"


def _same_source(a: _Credit, b: _Credit) -> bool:
    """One body however written: equal names, words left out ("Yale"), an acronym ("IMF")."""
    if a.person or b.person:
        return a.person and b.person and surname_key(a.source.split()[-1]) == surname_key(b.source.split()[-1])
    same = compare_organisations(a.source, b.source) == "same"
    return same or organisation_key(a.source) == organisation_key(b.source)
