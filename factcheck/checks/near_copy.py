"""near-copy: one document is a copy, or a reworded copy, of another.

Two measures, both over the prose (page chrome and markup already blanked):

* **wording**: of the word trigrams of the smaller document, the share the
  other has too (case-folded words).  A verbatim or lightly edited copy scores
  near 1; articles on the same story by different writers score near 0.
* **anchors**: the same over runs of three consecutive *anchors*, the names
  and numbers of the text in order (capitalised words other than common
  sentence openers, and numbers with their separators removed).  A machine
  rewording that swaps words for synonyms keeps its names and numbers in
  order, so it still scores high here when its wording score has fallen.

The similarity is the larger of the two.  Documents at or above ``threshold``
of each other form clusters (connected components of the pairs found: the
copy of a copy is in its original's cluster), and each cluster is reported
once, at the rule's severity: "b.md reads as a reworded copy of a.md" for a
pair, "7 articles are reworded copies of a.md: ..." for more, never once per
pair (300 rewrites of one wire story are one finding, not 44,850).  The
cluster's original is its earliest-dated document (undated ones after the
dated), else the longest, else the first path; the others are its copies.
The similarities in the message are each copy's to the original.  The
locations are the first sentence of each copy (by path), then the
original's.  Documents stay in the run: their claims are compared by the
other rules as usual.

Pairs are found without comparing every document with every other: an
inverted index from anchor run to documents proposes the candidates (pairs
that share at least ``min_shared`` anchor runs, not counting runs found in
more than ``common`` documents), and only those are measured exactly; a pair
already joined through others is not measured again.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

import regex

from factcheck.checks.base import Check, CheckContext, Option, fingerprint, shown_paths, span_location
from factcheck.extract.sentences import split_sentences
from factcheck.model import Document, Finding, Location

_TOKEN = re.compile(r"\d[\d,.]{0,30}\d|\d|[^\W\d_]{1,100}")
# Capitalised words that open sentences in any article: not names.
_OPENERS = frozenset(
    """a an the and but or nor so yet for if when while whereas as at by in into on of to from with without
    after before since until during over under about against between among through this that these those it its
    he she they we you i his her their our your my there here what which who whom whose why how where
    however meanwhile instead also still even then thus although though because despite unlike like
    mr mrs ms dr first second third one two three some many most all any each every other such no not
    yes according""".split()
)
_FIRST_SENTENCE_SCAN = 5000
_FIRST_SENTENCE_WORDS = 5
_LOCATION_CHARS = 300


@dataclass(frozen=True, slots=True)
class Features:
    """What the comparison reads from one document."""

    words: int
    trigrams: frozenset[str]
    anchor_runs: frozenset[str]


@dataclass(frozen=True, slots=True)
class Similarity:
    wording: float
    anchors: float

    @property
    def score(self) -> float:
        return max(self.wording, self.anchors)


def features(prose: str) -> Features:
    """Word trigrams and anchor runs of a prose view."""
    tokens = _TOKEN.findall(unicodedata.normalize("NFKC", prose))
    folded = [token.casefold() for token in tokens]
    trigrams = frozenset(" ".join(folded[i : i + 3]) for i in range(len(folded) - 2))
    # ``_anchor`` of each token, inline (a call per token costs more than the test): a number without
    # its separators, a capitalised word that does not open sentences, case folded.
    kept = [
        token.replace(",", "") if token[0].isdigit() else fold
        for token, fold in zip(tokens, folded, strict=True)
        if token[0].isdigit() or (token[0].isupper() and fold not in _OPENERS)
    ]
    runs = frozenset(" ".join(kept[i : i + 3]) for i in range(len(kept) - 2))
    return Features(words=len(tokens), trigrams=trigrams, anchor_runs=runs)


def _anchor(token: str) -> str:
    if token[0].isdigit():
        return token.replace(",", "")
    if token[0].isupper() and token.casefold() not in _OPENERS:
        return token.casefold()
    return ""


def similarity(a: Features, b: Features) -> Similarity:
    return Similarity(_containment(a.trigrams, b.trigrams), _containment(a.anchor_runs, b.anchor_runs))


def _containment(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(small & large) / len(small)


_OPENING_WORDS = regex.compile(r"\S{1,60}(?:\s{1,5}\S{1,60}){0,4}")


def opening_location(document: Document, start: int, end: int) -> Location:
    """A location for a document's opening sentence: its first words marked, the sentence as context."""
    opening = _OPENING_WORDS.match(document.text, start, end)
    mark_end = opening.end() if opening else end
    return span_location(document, start, mark_end, sentence=(start, end))


def first_sentence(document: Document) -> tuple[int, int]:
    """Offsets of the document's first sentence of some length (else its first), at most a few hundred characters."""
    prose = document.prose
    begin = len(prose) - len(prose.lstrip())
    spans = split_sentences(prose[: begin + _FIRST_SENTENCE_SCAN])
    if not spans:
        return begin, begin
    chosen = next((s for s in spans if len(prose[s[0] : s[1]].split()) >= _FIRST_SENTENCE_WORDS), spans[0])
    start, end = chosen
    if end - start > _LOCATION_CHARS:
        cut = prose.rfind(" ", start, start + _LOCATION_CHARS)
        end = cut if cut > start else start + _LOCATION_CHARS
    return start, end


class NearCopy(Check):
    name: ClassVar[str] = "near-copy"
    MESSAGE_FIELDS: ClassVar[frozenset[str]] = frozenset(
        "summary copy_count original doc_a doc_b how similarity wording anchors".split()
    )
    description: ClassVar[str] = "One document is a copy, or a reworded copy, of another."
    OPTIONS: ClassVar[Mapping[str, Option]] = {
        "threshold": Option("number", 0.5, "Similarity (0-1) at or above which a pair is reported."),
        "identical": Option("number", 0.8, "Wording similarity at or above which a copy is called near-identical."),
        "min_words": Option("integer", 40, "Documents with fewer words of prose are not compared."),
        "min_size_ratio": Option(
            "number", 0.5, "Smallest ratio of the two documents' sizes: an excerpt is not a copy of a long piece."
        ),
        "min_shared": Option("integer", 3, "Anchor runs two documents must share to be measured at all."),
        "common": Option("integer", 200, "Anchor runs found in more documents than this propose no candidates."),
    }

    def run(self, context: CheckContext) -> list[Finding]:
        options = context.rule.options
        documents = list(context.documents)
        found = [features(document.prose) for document in documents]
        clusters = _Clusters(len(documents))
        measured: dict[tuple[int, int], Similarity] = {}
        for i, j in self._candidates(found, options["min_words"], options["min_shared"], options["common"]):
            if clusters.joined(i, j):
                continue  # already one cluster through other copies: nothing to measure
            a, b = found[i], found[j]
            if min(a.words, b.words) < options["min_size_ratio"] * max(a.words, b.words):
                continue
            measured[i, j] = similarity(a, b)
            if measured[i, j].score >= options["threshold"]:
                clusters.join(i, j)
        findings = []
        for members in clusters.groups():
            original = min(members, key=lambda m: _original_key(documents[m], found[m]))
            copies = sorted((m for m in members if m != original), key=lambda m: documents[m].path)
            to_original = [
                measured.get((min(m, original), max(m, original))) or similarity(found[m], found[original])
                for m in copies
            ]
            findings.append(
                self._finding(context, [documents[m] for m in copies], documents[original], to_original, options)
            )
        return findings

    @staticmethod
    def _candidates(found: Sequence[Features], min_words: int, min_shared: int, common: int) -> list[tuple[int, int]]:
        """Pairs of documents that share enough anchor runs to be worth measuring."""
        index: defaultdict[str, list[int]] = defaultdict(list)
        for number, item in enumerate(found):
            if item.words >= min_words:
                for run in item.anchor_runs:
                    index[run].append(number)
        shared: Counter[tuple[int, int]] = Counter()
        for members in index.values():
            if 1 < len(members) <= common:
                shared.update(itertools.combinations(members, 2))
        return sorted(pair for pair, count in shared.items() if count >= min_shared)

    @staticmethod
    def _finding(
        context: CheckContext,
        copies: Sequence[Document],
        original: Document,
        measured: Sequence[Similarity],
        options: Mapping[str, Any],
    ) -> Finding:
        rule = context.rule
        identical = [m.wording >= options["identical"] for m in measured]
        how = "near-identical" if all(identical) else "reworded" if not any(identical) else "near-identical or reworded"
        if len(copies) == 1:
            said = f"{copies[0].path} reads as a {how} copy of {original.path}"
        else:
            shown = shown_paths(d.path for d in copies)
            said = f"{len(copies):,} articles are {how} copies of {original.path}: {shown}"
        fields = {
            "summary": said,
            "copy_count": f"{len(copies):,}",
            "original": original.path,
            "doc_a": shown_paths(d.path for d in copies),
            "doc_b": original.path,
            "how": how,
            "similarity": _span(m.score for m in measured),
            "wording": _span(m.wording for m in measured),
            "anchors": _span(m.anchors for m in measured),
        }
        members = [*copies, original]
        locations = tuple(opening_location(d, *first_sentence(d)) for d in members)
        return Finding(
            # The same id whichever member is called the original.
            id=fingerprint(rule.id, None, [(d.path, "document") for d in members]),
            rule=rule.id,
            kind="near_copy",
            severity=rule.severity,
            message=rule.message.format(**fields),
            subject=None,
            locations=locations,
        )


def _original_key(document: Document, found: Features) -> tuple[bool, date, int, str]:
    """The earliest-dated document is the original (undated ones after the dated), else the longest,
    else the first path."""
    return (document.date is None, document.date or date.max, -found.words, document.path)


def _span(values: Iterable[float]) -> str:
    """ "0.82", or "0.67 to 0.95" over several copies."""
    shown = sorted({f"{value:.2f}" for value in values})
    return shown[0] if len(shown) == 1 else f"{shown[0]} to {shown[-1]}"


class _Clusters:
    """Union-find over document indices: which documents are copies of one another."""

    def __init__(self, count: int) -> None:
        self.parent = list(range(count))

    def root(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def joined(self, a: int, b: int) -> bool:
        return self.root(a) == self.root(b)

    def join(self, a: int, b: int) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[int]]:
        """Clusters of two or more documents, each in index order, in order of their first member."""
        by_root: dict[int, list[int]] = {}
        for item in range(len(self.parent)):
            by_root.setdefault(self.root(item), []).append(item)
        return [members for members in by_root.values() if len(members) > 1]
