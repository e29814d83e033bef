"""name-spelling: a name, firm or agency spelt one way in most articles of a story and another way in one.

Reads the link stage's spellings (``factcheck.link.identity``): a surname with
two letters swapped ("Muks" for Musk), a firm or an acronym misspelt
("Parametric" for Parametrix, "ONDR" for ODNR), a given name cut short for the
same surname ("Vijay Gadde" for Vijaya Gadde), the two words of a name written
the wrong way round ("Scott Duncan" for Duncan Scott).  The finding sits on the
spelling fewer articles use, names the spelling the others use with their
count, and says what differs.  With one article each, the message says that one
of the two spellings is wrong (``ties: false`` leaves those out).

Transliterations, diacritics and known short forms ("Sergei" / "Sergey",
"Erdoğan" / "Erdogan", "Greg" / "Gregory") are house style, not spelling
mistakes, and are not reported.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import ClassVar

import regex

from factcheck.checks.base import Check, CheckContext, Option, fingerprint, span_location
from factcheck.checks.names import HOUSE_REGISTRY, Registry, rule_registry
from factcheck.link.identity import Sighting, Variant
from factcheck.model import Document, Finding, Location

__all__ = ["NameSpelling"]

_WHAT = {"spelling": "name", "given_name": "name", "word_order": "name"}


def _place(documents: Sequence[Document], sighting: Sighting) -> Location:
    document = documents[sighting.doc]
    return span_location(
        document, sighting.start, sighting.end, sentence=(sighting.sentence_start, sighting.sentence_end)
    )


def _articles(documents: Sequence[Document], docs: Sequence[int], limit: int) -> str:
    paths = sorted(documents[d].path for d in docs)
    if len(paths) <= limit:
        return ", ".join(paths)
    return f"{', '.join(paths[:limit])} and {len(paths) - limit} more"


_PASSAGE_WORD = regex.compile(r"[\p{L}\p{N}]+")
_REACH = 6  # words either side of the name: its role, its verb ("according to", "director ... said")


def _passage_words(document: Document, sighting: Sighting) -> set[str]:
    """The words around the name, within its sentence: what the passage says of it."""
    before = _PASSAGE_WORD.findall(document.text[sighting.sentence_start : sighting.start])[-_REACH:]
    after = _PASSAGE_WORD.findall(document.text[sighting.end : sighting.sentence_end])[:_REACH]
    return {word.lower() for word in (*before, *after)}


def _closest(documents: Sequence[Document], variant: Variant, limit: int) -> list[Sighting]:
    """Where at most ``limit`` other articles write the other spelling: in each article the place whose
    words around the name are most like the slip's (the first mention, where an article introduces a
    name, on a tie), so that the editor reads the same statement both ways; the articles whose places
    are most alike first; the result is in path order."""
    slip = variant.written_at[0]
    words = _passage_words(documents[slip.doc], slip)
    best: dict[int, tuple[int, Sighting]] = {}
    candidates = [s for s in variant.expected_at if s.doc not in variant.written_docs] or list(variant.expected_at)
    for sighting in candidates:  # each article's first mention comes first, so it wins a tie
        shared = len(words & _passage_words(documents[sighting.doc], sighting))
        if sighting.doc not in best or shared > best[sighting.doc][0]:
            best[sighting.doc] = (shared, sighting)
    ranked = sorted(best, key=lambda doc: (-best[doc][0], documents[doc].path))[:limit]
    return sorted((best[doc][1] for doc in ranked), key=lambda s: documents[s.doc].path)


def _registered(registry: Registry) -> frozenset[str]:
    """Every spelling the registry accepts: whole names and each of their words."""
    names = {name for entry in registry.entries for name in (entry.name, *entry.variants)}
    return frozenset(names | {word for name in names for word in name.split()})


_REVERSED = {"its last letter missing": "a letter too many at the end", "a letter missing": "a letter too many"}
_REVERSED |= {value: key for key, value in _REVERSED.items()}


def _reversed_edit(edit: str) -> str:
    """The edit seen from the other spelling ("a letter missing" <-> "a letter too many")."""
    for before, after in _REVERSED.items():
        if edit.endswith(before):
            return edit[: -len(before)] + after
    return edit


def _with_registry(variant: Variant, registered: frozenset[str]) -> Variant | None:
    """The variant as the registry sees it.  A registered spelling is never the one reported: when the
    articles that use it are the fewer, the others are reported against it (the registry wins), and a
    tie it settles is no longer a tie.  None when both spellings are registered."""
    if variant.written in registered:
        if variant.expected in registered:
            return None
        firsts: dict[int, Sighting] = {}
        for sighting in variant.expected_at:
            firsts.setdefault(sighting.doc, sighting)
        return replace(
            variant,
            written=variant.expected,
            expected=variant.written,
            edit=_reversed_edit(variant.edit),
            written_at=tuple(firsts[doc] for doc in sorted(firsts)),
            expected_at=variant.written_at,
            written_docs=variant.expected_docs,
            expected_docs=variant.written_docs,
            tie=False,
            registered=True,
        )
    if variant.expected in registered:
        return replace(variant, tie=False, registered=True)
    return variant


class NameSpelling(Check):
    name: ClassVar[str] = "name-spelling"
    MESSAGE_FIELDS: ClassVar[frozenset[str]] = frozenset(
        "written expected written_in expected_in count edit advice story".split()
    )
    description: ClassVar[str] = "A name spelt one way in most articles of a story and another way in one."
    OPTIONS: ClassVar[Mapping[str, Option]] = {
        "ties": Option("bool", True, "Report two spellings used by one article each (the message says one is wrong)."),
        "registry": Option(
            "string",
            "",
            "The house registry of people (as names.registry reads it): a registered spelling is never the "
            "one reported, and it settles a tie.",
        ),
        "house_registry": HOUSE_REGISTRY,
        "max_articles": Option(
            "integer", 5, "Name and locate at most this many of the articles that use the other spelling."
        ),
    }

    def run(self, context: CheckContext) -> list[Finding]:
        if context.spellings is None:
            return []
        ties = bool(context.rule.options.get("ties", True))
        limit = int(context.rule.options.get("max_articles", 5))
        registry = rule_registry(context.rule)
        registered = _registered(registry) if registry is not None else frozenset()
        findings = []
        for found in context.spellings.variants:
            variant = _with_registry(found, registered)
            if variant is None or (variant.tie and not ties):
                continue
            findings.append(self._finding(context, variant, limit))
        return findings

    @staticmethod
    def _finding(context: CheckContext, variant: Variant, limit: int) -> Finding:
        documents = context.documents
        rule = context.rule
        written_in = _articles(documents, variant.written_docs, limit)
        others = [d for d in variant.expected_docs if d not in variant.written_docs] or list(variant.expected_docs)
        expected_in = _articles(documents, others, limit)
        count = len(variant.expected_docs)
        if variant.registered:
            advice = f"the house registry writes {variant.expected}"
        elif variant.tie:
            advice = "one of the two spellings is wrong"
        elif set(variant.written_docs) == set(variant.expected_docs):
            advice = f"most likely {variant.expected}, written so {variant.expected_count} times"
        else:
            advice = f"{count} articles write {variant.expected}" if count > 1 else f"{expected_in} writes it so"
            advice = f"most likely {variant.expected}: {advice}"
        story = context.stories.names[variant.story] if context.stories and len(context.stories.names) > 1 else ""
        message = rule.message.format(
            written=variant.written,
            expected=variant.expected,
            written_in=written_in,
            expected_in=expected_in,
            count=count,
            edit=variant.edit,
            advice=advice,
            story=story,
        )
        if story:
            message += f" [story: {story}]"
        written = [_place(documents, s) for s in variant.written_at]
        expected = [_place(documents, s) for s in _closest(documents, variant, limit)]
        parts = [(loc.path, loc.text) for loc in written] + [(documents[d].path, variant.expected) for d in others]
        subject = f"{_WHAT[variant.kind]}|{variant.expected.lower()}|{variant.written.lower()}"
        return Finding(
            id=fingerprint(rule.id, subject, parts),
            rule=rule.id,
            kind="name_misattribution",
            severity=rule.severity,
            message=message,
            subject=subject,
            locations=tuple(written + expected),
        )
