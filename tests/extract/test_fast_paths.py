"""Extraction's fast paths agree with the general code they stand in front of (issue 16).

``context.find_source`` runs its source patterns only on sentences that hold one of the words every
match of them holds (``_may_credit_before``, ``_may_show``, ``_may_say``); the property: whenever a
pattern matches, its test said it might.  ``sentences.split_sentences`` memoises its result: callers get
equal lists they may change without changing what the next caller gets.  ``patterns.compiled`` loads
stored patterns: the store holds every pattern of extraction, each the pattern ``regex.compile`` makes.
"""

from __future__ import annotations

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.extract import context, patterns
from factcheck.extract.sentences import split_sentences

# Pieces of the patterns (so that matches are drawn often), words near them, and odd characters.
_PIECES = (
    "according to", "ACCORDING TO", "AccordİNG to", "in keeping with", "cited by", "a survey by",
    "the latest report from",
    "new figures compiled by", "data from", "estimates of", "studies by", "projections from", "calculations by",
    "records of", "census of", "tally by", "count by", "poll by", "review by", "research by", "assessment by",
    "forecast by", "statistics from", "analysis from", "the", "Office", "National", "Statistics", "Bureau", "of",
    "and", "&", "Reuters", "'s", "’s", "data", "figures", "numbers", "show", "showed", "suggests", "indicated",
    "found", "published", "said", "says", "estimated", "reported", "reports", "calculated", "counted", "recorded",
    "noted", "Smith", "NASA", "Ministry", "accord", "cord", "sai", "repo", "dat", "estimat", ",", ".", " ", "  ",
    "\t", "\n", "İ", "ı", "K", "ſ", "Ü", "1,200", "42%",
)  # fmt: skip
_SENTENCES = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), max_size=30).map(" ".join)


@settings(max_examples=1500, suppress_health_check=[HealthCheck.too_slow])
@given(_SENTENCES)
def test_a_source_pattern_matches_only_where_its_words_are(chunk: str) -> None:
    if context._SOURCE_BEFORE.search(chunk):
        assert context._may_credit_before(chunk)
    if context._SOURCE_SHOW.search(chunk):
        assert context._may_show(chunk)
    if context._SOURCE_SAID.search(chunk):
        assert context._may_say(chunk)


def test_the_source_patterns_are_found_in_plain_sentences() -> None:
    sentences = {
        "Prices rose 4%, according to the Office for National Statistics.": "Office for National Statistics",
        "Prices rose 4%, ACCORDING to Reuters.": "Reuters",
        "Exports fell 3%, a survey by the Bank of England found.": "Bank of England",
        "Eurostat data show unemployment at 6%.": "Eurostat",
        "The Coast Guard said 42 boats were damaged.": "The Coast Guard",
        "42 boats were damaged, said Olu Adeyemi.": "Olu Adeyemi",
    }
    for sentence, source in sentences.items():
        assert context.find_source(sentence, (0, len(sentence))) == source
    plain = "The harbour reopened on Friday after 42 boats were damaged."
    assert context.find_source(plain, (0, len(plain))) is None


def test_split_sentences_gives_each_caller_its_own_list() -> None:
    text = "Prices rose 4%. Wages fell 2%.\nA heading\nMore text follows here."
    first = split_sentences(text)
    first.append((0, 1))
    assert split_sentences(text) == [(0, 15), (16, 30), (31, 40), (41, 64)]
    assert split_sentences(text) is not split_sentences(text)


def test_the_pattern_store_holds_every_pattern_of_extraction() -> None:
    """Rebuild it when this fails: python -c "from factcheck.extract.patterns import write_store; write_store()"."""
    if patterns._load() == {} and patterns.STORE.exists():
        pytest.skip("the store was written for another version of regex")
    stored = patterns._load()
    missing = [pattern for pattern, _flags in patterns.compile_all() if (pattern, _flags) not in stored]
    assert not missing, f"{len(missing)} patterns not in {patterns.STORE.name}, e.g. {missing[0][:80]!r}"


def test_a_stored_pattern_is_the_pattern_compiled() -> None:
    for (pattern, flags), stored in patterns._load().items():
        fresh = regex.compile(pattern, flags)
        assert (stored.pattern, stored.flags, stored.groups, stored.groupindex) == (
            fresh.pattern,
            fresh.flags,
            fresh.groups,
            fresh.groupindex,
        )
        assert len(stored._pickled_data[2]) == len(fresh._pickled_data[2])  # the same code, up to set order
