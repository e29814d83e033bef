"""Subject keys as checks compare them: a rule's synonyms for nouns and for verbs.

A claim's subject key is its noun phrase, normalised by extraction
("sanction on russia"), followed by the stem of the verb that ties it to the
number ("impos"); the table keeps the noun phrase alone as ``noun_key``.
Rules say which words mean the same: ``synonyms`` for the noun phrase
("trade": ["commerce"], multi-word variants allowed) and ``verb_synonyms``
for the verb ("leave": ["exit", "quit"]), so "1,000 companies left" and
"1,000 companies exited" are one quantity while "left" and "entered" stay
apart.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import regex

from factcheck.extract.context import subject_key, verb_stem

# Words that do not make a subject specific ("sanctions on Russia" has two content words).
FILLER = frozenset("of on in to for from at by with and the a an".split())


def content_words(key: str) -> int:
    """How many words of a key say what is counted."""
    return sum(1 for word in key.split() if word not in FILLER)


@dataclass(frozen=True, slots=True)
class SubjectNormaliser:
    """Applies a rule's synonyms to subject keys."""

    words: Mapping[str, str]
    phrases: tuple[tuple[regex.Pattern[str], str], ...]
    verbs: Mapping[str, str]

    @classmethod
    def build(
        cls, synonyms: Mapping[str, Sequence[str]], verb_synonyms: Mapping[str, Sequence[str]] | None = None
    ) -> SubjectNormaliser:
        words: dict[str, str] = {}
        phrases: list[tuple[regex.Pattern[str], str]] = []
        for canonical, variants in synonyms.items():
            target = subject_key(canonical)
            for raw in variants:
                variant = subject_key(raw)
                if " " in variant:
                    phrases.append((regex.compile(rf"\b{regex.escape(variant)}\b"), target))
                else:
                    words[variant] = target
        phrases.sort(key=lambda item: -len(item[0].pattern))
        verbs = {
            verb_stem(variant): verb_stem(canonical)
            for canonical, variants in (verb_synonyms or {}).items()
            for variant in (canonical, *variants)
        }
        return cls(words, tuple(phrases), verbs)

    def noun(self, noun_key: str) -> str:
        """The noun phrase with synonyms applied."""
        for pattern, canonical in self.phrases:
            noun_key = pattern.sub(canonical, noun_key)
        return " ".join(self.words.get(word, word) for word in noun_key.split())

    def key(self, full_key: str, noun_key: str = "") -> str:
        """The whole subject key (noun phrase and verb) with synonyms applied."""
        if noun_key and full_key.startswith(noun_key) and len(full_key) > len(noun_key):
            verb = full_key[len(noun_key) :].strip()
            return f"{self.noun(noun_key)} {self.verbs.get(verb, verb)}"
        return self.noun(full_key)
