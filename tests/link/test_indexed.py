"""The link stage's indexed and memoised paths agree with the plain algorithms they replace.

Stories read each text once for their telling words and for the forms that
name them (``_read_text``), with string tests for what a regular expression
read per word, and score a document's candidate pairs together
(``_scored_pairs``, to the last bit of every sum).  Each is
compared here with the straightforward version on random small inputs.
"""

from __future__ import annotations

import math
from collections import Counter

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.link.stories import (
    _SENTENCE_END,
    _SPACE,
    _WORD,
    _opens,
    _read_text,
    _scored_pairs,
    _scored_pairs_plain,
    _story_name,
)
from factcheck.sources import load_text

# Letters, both cases, apostrophes, sentence marks and the whitespace \s does and does not match.
_ALPHABET = "aAbBeEkKsS’'.!?:;\"“”,- \t\n\x1c\x1f\x85\u2028\u3000é"
_WORDS = ["Anna", "anna", "ANNA", "Mill", "mill", "Mill’s", "said", "The", "Rescuers", "rescuers", "Øre", "US"]


def _old_read_words(text: str) -> tuple[set[str], set[str], set[str]]:
    """``_read_words`` as it was: a regular expression per word for the sentence opening."""
    from factcheck.link.stories import _COMMON, _OPENERS

    names: set[str] = set()
    openers: set[str] = set()
    lower_words: set[str] = set()
    previous_end = 0
    for match in _WORD.finditer(text):
        word = match.group()
        lower = word.lower().replace("’", "'")
        if lower.endswith("'s"):
            lower = lower[:-2]
        opens = bool(_SENTENCE_END.search(text[max(previous_end, match.start() - 3) : match.start()]))
        previous_end = match.end()
        if lower in _COMMON or lower in _OPENERS:
            continue
        if word[0].isupper():
            (openers if opens else names).add(lower)
        else:
            lower_words.add(lower)
    return names, openers, lower_words


def _old_forms(text: str) -> Counter[tuple[str, str]]:
    """The forms ``_story_name`` counted when it read each text again."""
    forms: Counter[tuple[str, str]] = Counter()
    for match in _WORD.finditer(text):
        word = match.group()
        opens = _SENTENCE_END.search(text[max(0, match.start() - 3) : match.start()])
        if word[0].isupper() and not opens:
            key = word.lower().replace("’", "'").removesuffix("'s")
            forms[key, word.removesuffix("’s").removesuffix("'s")] += 1
    return forms


_TEXTS = st.lists(st.one_of(st.sampled_from(_WORDS), st.text(alphabet=_ALPHABET, max_size=4)), max_size=30).map(
    lambda parts: " ".join(parts)
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=4))
def test_opens_reads_what_the_sentence_end_pattern_reads(before: str) -> None:
    assert _opens(before) == bool(_SENTENCE_END.search(before))


def test_space_is_what_the_pattern_calls_whitespace() -> None:
    assert "".join(chr(c) for c in range(0x110000) if regex.match(r"\s", chr(c))) == _SPACE


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_one_reading_gives_the_words_and_the_forms_of_two(text: str) -> None:
    names, openers, lower_words, forms = _read_text(text)
    assert (names, openers, lower_words) == _old_read_words(text)
    assert forms == _old_forms(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(_TEXTS, min_size=1, max_size=4))
def test_a_story_is_named_alike_from_forms_read_once(texts: list[str]) -> None:
    documents = [load_text(text, f"a{number}.md") for number, text in enumerate(texts)]
    vocab = [_read_text(d.prose)[0] for d in documents]
    weight = {w: 1.0 + len(w) / 10 for words in vocab for w in words}
    read_again = _story_name(vocab, documents, weight)
    read_once = _story_name(vocab, documents, weight, [_read_text(d.prose)[3] for d in documents])
    assert read_once == read_again


_VOCABULARY = ["anna", "mill", "~flood", "~river", "~road", "kessing", "~damage", "tavria", "~home", "brenn"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sets(st.sampled_from(_VOCABULARY), max_size=8), min_size=1, max_size=25),
    st.integers(min_value=1, max_value=6),
)
def test_pairs_scored_a_document_at_a_time_are_those_scored_one_by_one(kept: list[set[str]], max_df: int) -> None:
    # Small ``max_df``: frequent words (neighbours in their lists) and rare words (every pair) both occur.
    df = Counter(w for words in kept for w in words)
    weight = {w: math.log(1 + len(kept) / n) * (0.5 if w.startswith("~") else 1.0) for w, n in df.items() if n >= 2}
    kept = [{w for w in words if w in weight} for words in kept]
    mass = [sum(weight[w] for w in words) for words in kept]
    name_mass = [sum(weight[w] for w in words if not w.startswith("~")) for words in kept]
    arguments = (kept, df, weight, mass, name_mass, max_df, 0.3, 1.5, 0.2)
    assert _scored_pairs(*arguments) == _scored_pairs_plain(*arguments)
