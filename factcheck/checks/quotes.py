"""quote-attribution: the same quotation credited to different speakers in different articles.

Quotations come from ``factcheck.extract.quotes``: text in double quotes
with the speaker the text gives.  Quotes shorter than ``min_words`` words
("reverse Nixon", "murderous dictator") are slogans and scare quotes, not
statements, and are not compared; nor are quotes whose speaker is unknown or
vague ("officials said").

Matching is fuzzy: quotes are compared as lower-case words, with curly and
straight quotes alike and ellipses and bracketed insertions dropped.  Two
quotes match when their similarity (rapidfuzz ``ratio``) is at least
``threshold``, or when the shorter, of at least ``min_fragment_words`` words,
is found in the longer (``partial_ratio`` at least ``fragment_threshold``):
an article quoting part of a sentence another quotes whole.  Candidates come
from an index of word 4-grams, so quotes are not all compared with each
other.

Matching quotes are grouped by speaker (the same person however written:
"Clarke", "Michael Clarke", "Prof Clarke"; a spokesman and the body he speaks
for).  When one quotation has two or more speakers in different articles,
the speaker fewer articles name is reported with the others as context; an
article that itself gives the words to two speakers is not a conflict.
Severity is the rule's when both speakers are named people read directly
("X said", "said X", "X said: ...") and the words match closely; warning
when a speaker came from a pronoun, the sentence around a fragment, or is an
organisation.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

import regex
from rapidfuzz import fuzz

from factcheck.checks.base import (
    MAJORITY_SHOWN,
    Check,
    CheckContext,
    Option,
    fingerprint,
    group_by_naming,
    shown_paths,
)
from factcheck.checks.names import document_people, mark
from factcheck.extract.people import People, compare_organisations, same_given, surname_key
from factcheck.extract.quotes import Quote, normalise_quote
from factcheck.model import Finding, Location, Severity

_ELLIPSIS = regex.compile(r"…|\.\s?\.\s?\.|\[\s?(?:…|\.\.\.)\s?\]")
_SHINGLE = 4
_COMMON = 50
_DIRECT = frozenset({"after", "before", "continued"})


@dataclass(frozen=True, slots=True)
class _Said:
    """One attributed quotation in one document."""

    doc: int
    quote: Quote
    words: str
    pieces: tuple[str, ...]  # the words between ellipses


def document_quotes(context: CheckContext, index: int) -> tuple[Quote, ...]:
    """The quotes of one document, as the extract stage found them."""
    return context.extractions[index].quotes


class QuoteAttribution(Check):
    name: ClassVar[str] = "quote-attribution"
    MESSAGE_FIELDS: ClassVar[frozenset[str]] = frozenset("quote speaker_a doc_a speaker_b doc_b advice".split())
    description: ClassVar[str] = "The same quotation credited to different speakers in different articles."
    OPTIONS: ClassVar[Mapping[str, Option]] = {
        "min_words": Option(
            "integer", 6, "Shorter quotes are slogans or scare quotes: compared only as short quotes (below)."
        ),
        "min_short_words": Option(
            "integer",
            3,
            "A short quote of at least this many words, credited directly ('\u201c...,\u201d X said', 'X said: "
            "\u201c...\u201d') is compared with other short quotes credited directly, word for word.",
        ),
        "threshold": Option("number", 90.0, "Similarity (0-100) at or above which two quotes are the same."),
        "min_fragment_words": Option(
            "integer", 8, "A shorter quote with at least this many words may match part of a longer one."
        ),
        "fragment_threshold": Option(
            "number", 92.0, "Similarity (0-100) of a fragment to the best-matching part of the longer quote."
        ),
        "strong": Option("number", 95.0, "Similarity at or above which a conflict between named people is an error."),
    }

    def run(self, context: CheckContext) -> list[Finding]:
        options = context.rule.options
        said = self._collect(context, int(options["min_words"]), int(options.get("min_short_words", 3)))
        if len({s.doc for s in said}) < 2:
            return []
        clusters = self._clusters(said, options)
        findings: list[Finding] = []
        for cluster, scores in clusters:
            findings.extend(self._conflicts(context, cluster, scores, float(options["strong"])))
        return findings

    @staticmethod
    def _collect(context: CheckContext, min_words: int, min_short_words: int) -> list[_Said]:
        out = []
        # Each distinct quotation normalised once: copies of one quote run through many articles.
        normalised: dict[str, str] = {}

        def normal(text: str) -> str:
            found = normalised.get(text)
            if found is None:
                found = normalised[text] = normalise_quote(text)
            return found

        for index in range(len(context.documents)):
            for quote in document_quotes(context, index):
                words = normal(quote.text)
                count = len(words.split())
                # A short quote counts only when credited directly: a fragment inside a sentence ("called
                # it a “reverse Nixon”") is the writer's phrase as often as the speaker's.
                short = min_short_words <= count < min_words and quote.how in ("after", "before")
                if quote.speaker_key and (count >= min_words or short):
                    pieces = tuple(p for p in (normal(x) for x in _ELLIPSIS.split(quote.text)) if p)
                    out.append(_Said(index, quote, words, pieces))
        return out

    @staticmethod
    def _clusters(
        said: list[_Said], options: Mapping[str, object]
    ) -> list[tuple[list[_Said], dict[tuple[int, int], float]]]:
        """Quotes that match, grouped (union-find over candidate pairs from a 4-gram index)."""
        index: defaultdict[str, list[int]] = defaultdict(list)
        for number, item in enumerate(said):
            words = item.words.split()
            grams = {" ".join(words[i : i + _SHINGLE]) for i in range(max(1, len(words) - _SHINGLE + 1))}
            for gram in grams:
                index[gram].append(number)
        pairs: set[tuple[int, int]] = set()
        for members in index.values():
            if len(members) > _COMMON:
                # A phrase in many quotes: a quote that 2,000 articles carry, or a stock phrase.  Linking
                # all pairs would cost the square; each quote is tried against its neighbour and the first
                # one instead, which is enough to join copies of one quote (union-find does the rest).
                candidates = [*itertools.pairwise(members), *((members[0], b) for b in members[2:])]
            else:
                candidates = list(itertools.combinations(members, 2))
            for a, b in candidates:
                if said[a].doc != said[b].doc:
                    pairs.add((min(a, b), max(a, b)))
        parent = list(range(len(said)))

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        threshold = float(str(options["threshold"]))
        fragment_words = int(str(options["min_fragment_words"]))
        fragment_threshold = float(str(options["fragment_threshold"]))
        score: dict[int, float] = {}
        for a, b in sorted(pairs):
            similarity = _similarity(
                said[a], said[b], threshold, fragment_words, fragment_threshold, int(str(options["min_words"]))
            )
            if similarity is None:
                continue
            score[a] = max(score.get(a, 0.0), similarity)
            score[b] = max(score.get(b, 0.0), similarity)
            parent[find(a)] = find(b)
        groups: defaultdict[int, list[int]] = defaultdict(list)
        for number in score:
            groups[find(number)].append(number)
        return [
            ([said[i] for i in sorted(members)], {_key(said[i]): score[i] for i in members})
            for members in groups.values()
        ]

    def _conflicts(
        self, context: CheckContext, cluster: list[_Said], scores: dict[tuple[int, int], float], strong: float
    ) -> list[Finding]:
        # Whether two quotes have one speaker depends only on how each names the speaker (``_speaker``).
        speakers = group_by_naming(
            sorted(cluster, key=lambda s: (context.documents[s.doc].path, s.quote.start)),
            lambda s: _speaker(s, document_people(context, s.doc)),
            lambda a, b: _same_speaker(a, document_people(context, a.doc), b, document_people(context, b.doc)),
        )
        if len(speakers) < 2:
            return []
        findings = []
        for i in range(len(speakers)):
            for j in range(i + 1, len(speakers)):
                first, second = speakers[i], speakers[j]
                if {s.doc for s in first} & {s.doc for s in second}:
                    continue  # one article gives the words to both
                findings.append(self._finding(context, first, second, scores, strong))
        return findings

    def _finding(
        self,
        context: CheckContext,
        first: list[_Said],
        second: list[_Said],
        scores: dict[tuple[int, int], float],
        strong: float,
    ) -> Finding:
        rule = context.rule
        docs_first, docs_second = {s.doc for s in first}, {s.doc for s in second}
        minority, majority = (first, second) if len(docs_first) <= len(docs_second) else (second, first)
        tie = len(docs_first) == len(docs_second)
        a, b = minority[0], majority[0]
        direct = all(s.quote.how in _DIRECT and s.quote.speaker_key.startswith(("person:", "name:")) for s in (a, b))
        close = min(scores.get(_key(a), 0.0), scores.get(_key(b), 0.0)) >= strong
        severity = rule.severity if direct and close else min(rule.severity, Severity.WARNING)
        # Every article of the minority (the outliers), then a few of the others.
        locations: list[Location] = []
        seen: set[int] = set()
        for other in minority:
            if other.doc not in seen:
                seen.add(other.doc)
                locations.append(self._location(context, other))
        sampled = 0
        for other in sorted(majority, key=lambda s: context.documents[s.doc].path):
            if other.doc not in seen and sampled < MAJORITY_SHOWN:
                seen.add(other.doc)
                sampled += 1
                locations.append(self._location(context, other))
        majority_paths = sorted({context.documents[s.doc].path for s in majority})
        shown = a.quote.text if len(a.quote.text) <= 80 else a.quote.text[:77].rstrip() + "..."
        fields = {
            "quote": shown,
            "speaker_a": a.quote.speaker_name or a.quote.speaker,
            "doc_a": shown_paths(context.documents[s.doc].path for s in minority),
            "speaker_b": b.quote.speaker_name or b.quote.speaker,
            "doc_b": shown_paths(majority_paths),
            "advice": "one of them is wrong: check who said it"
            if tie
            else f"{len(majority_paths)} articles credit {b.quote.speaker_name or b.quote.speaker}: check who said it",
        }
        # The id names the article at fault and the speaker the others credit, not which of them agree.
        outliers = len({s.doc for s in minority})
        parts = [(loc.path, loc.text) for loc in locations[:outliers]] + [("", str(fields["speaker_b"]))]
        subject = " ".join(a.words.split()[:8])
        return Finding(
            id=fingerprint(rule.id, subject, parts),
            rule=rule.id,
            kind="quote_misattribution",
            severity=severity,
            message=rule.message.format(**fields),
            subject=subject,
            locations=tuple(locations),
        )

    @staticmethod
    def _location(context: CheckContext, said: _Said) -> Location:
        quote = said.quote
        return mark(context.documents[said.doc], quote.start, quote.end, (quote.passage_start, quote.passage_end))


def _key(said: _Said) -> tuple[int, int]:
    return said.doc, said.quote.start


def _similarity(
    first: _Said, second: _Said, threshold: float, fragment_words: int, fragment_threshold: float, min_words: int
) -> float | None:
    """How alike two quotes are (0-100), or None when they are not the same quotation.

    The whole of both (``ratio``); else the shorter inside the longer
    (``partial_ratio``), each piece on its own when the shorter leaves words
    out with an ellipsis.
    """
    a, b = first.words, second.words
    if min(len(a.split()), len(b.split())) < min_words:
        return 100.0 if a == b else None  # a short quote matches only itself, word for word
    whole = float(fuzz.ratio(a, b))
    if whole >= threshold:
        return whole
    short, long = (first, second) if len(a) <= len(b) else (second, first)
    if len(short.words.split()) < fragment_words:
        return None
    pieces = [p for p in short.pieces if len(p.split()) >= 3] if len(short.pieces) > 1 else [short.words]
    if not pieces or sum(len(p.split()) for p in pieces) < fragment_words:
        return None
    scores = [float(fuzz.partial_ratio(piece, long.words)) for piece in pieces]
    if min(scores) >= fragment_threshold and _in_order(pieces, long.words):
        return min(scores)
    return None


def _in_order(pieces: list[str], text: str) -> bool:
    """Whether the pieces of an elided quote come in the same order in the full one (roughly)."""
    at = -1
    for piece in pieces:
        alignment = fuzz.partial_ratio_alignment(piece, text)
        if alignment is None or alignment.dest_start < at:
            return False
        at = alignment.dest_start
    return True


def _same_speaker(a: _Said, people_a: People, b: _Said, people_b: People) -> bool:
    """Whether two speakers can be the same: one person however written, or a body and its spokesman."""
    ka, kb = a.quote.speaker_key, b.quote.speaker_key
    if ka == kb:
        return True
    kind_a, _, value_a = ka.partition(":")
    kind_b, _, value_b = kb.partition(":")
    if kind_a in ("person", "name") and kind_b in ("person", "name"):
        given_a, surname_a = _given_surname(kind_a, value_a)
        given_b, surname_b = _given_surname(kind_b, value_b)
        return surname_a == surname_b and same_given(given_a, given_b)
    if kind_a == "org" and kind_b == "org":
        return compare_organisations(a.quote.speaker, b.quote.speaker) == "same"
    # A person and a body: the same when the person speaks for it (their affiliation, or their title's owner).
    person, body = (a, b) if kind_a != "org" else (b, a)
    people = people_a if person is a else people_b
    if person.quote.person < 0:
        return False
    who = people.persons[person.quote.person]
    texts = [x.text for x in who.affiliations] + list(who.descriptors)
    return any(
        compare_organisations(body.quote.speaker, text) == "same" or body.quote.speaker in text for text in texts
    )


def _speaker(said: _Said, people: People) -> tuple[object, ...]:
    """Everything ``_same_speaker`` reads of one side: its speaker's key and name, and when the quote
    names a person of its article, what that person speaks for (affiliations and descriptors)."""
    quote = said.quote
    if quote.person < 0:
        return (quote.speaker_key, quote.speaker, None)
    who = people.persons[quote.person]
    return (quote.speaker_key, quote.speaker, tuple(x.text for x in who.affiliations), tuple(who.descriptors))


def _given_surname(kind: str, value: str) -> tuple[str, str]:
    if kind == "name":
        return "", surname_key(value)
    given, _, surname = value.rpartition(" ")
    return given, surname
