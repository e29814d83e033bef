"""Extraction's fast paths agree with the general code they stand in front of (issue 16).

``context.find_source`` and the series marks of ``frames`` run their patterns only on sentences that
hold one of the words every match of them holds (``_may_credit_before``, ``_may_show``, ``_may_say``,
``frames._EARLIER_WORDS``...); the property: whenever a pattern matches, its test said it might, and
``patterns.folded`` writes every letter a case-blind pattern matches as that ASCII letter.
``sentences.split_sentences`` memoises its result: callers get equal lists they may change without
changing what the next caller gets.  ``patterns.compiled`` loads
stored patterns: the store holds every pattern of extraction, each the pattern ``regex.compile`` makes.
``people._surname_spans`` finds surnames where the alternation of them, longest first, does.
"""

from __future__ import annotations

import sys
from random import Random

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.extract import context, frames, patterns, people
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


def test_folded_writes_every_letter_a_case_blind_pattern_matches_in_lower_case() -> None:
    letters = "abcdefghijklmnopqrstuvwxyz"
    blind = regex.compile(r"(?i)[a-z]")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if blind.fullmatch(char):
            matched = [c for c in letters if regex.fullmatch(f"(?i){c}", char)]
            assert patterns.folded(char) in matched, hex(code)


_SERIES_PIECES = (
    "previously", "Earlier", "INITIALLY", "originally", "preliminary", "first estimates", "had been put at",
    "revised down from", "with 62% counted", "with nearly 40 percent of the votes reporting", "with 5 per cent in",
    "partial results", "Early returns", "provisional tally", "incomplete counts", "as counting continued",
    "with counting under way", "first half", "last quarter", "second nine months", "first months", "Q2", "h1",
    "year-to-date", "year to date", "so far this year", "January-September", "jan to mar", "Sept through Dec",
    "May", "may", "adjusted for inflation", "inflation-adjusted", "in real terms", "in today's dollars",
    "in today’s terms", "in constant prices", "could", "might", "would", "projected", "forecast", "expected to",
    "likely to", "set to", "on track to", "estimated to", "with", "per", "%", "the", "rose", "2024", "İ", "ſ", "K",
    "Q", "H", "year", "YEAR", "İnflation", "ſo far thiſ year", "Kelvin", " ", "  ", "\n", ",", ".",
)  # fmt: skip


@settings(max_examples=1500, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(_SERIES_PIECES), st.text(max_size=3)), max_size=30).map(" ".join))
def test_a_series_pattern_matches_only_where_its_words_are(chunk: str) -> None:
    lower = patterns.folded(chunk)
    for pattern, words in (
        (frames._EARLIER, frames._EARLIER_WORDS),
        (frames._PART_YEAR, frames._PART_YEAR_WORDS),
        (frames._REAL, frames._REAL_WORDS),
        (frames._PROJECTION, frames._PROJECTION_WORDS),
    ):
        if pattern.search(chunk):
            assert any(word in lower for word in words), pattern.pattern[:40]
    if frames._PARTIAL.search(chunk):
        assert frames._may_be_partial(lower)


_SURNAME = st.text(alphabet="AaBbé1٣-’' .", min_size=2, max_size=5)


@settings(max_examples=1500)
@given(
    st.lists(_SURNAME, min_size=1, max_size=6),
    st.lists(st.sampled_from(["Aa", "Ab", "B", "é", "1", "٣", "-", " ", ".", "’", "'", "\n"])),
    st.randoms(),
)
def test_surname_spans_are_what_the_longest_first_pattern_finds(
    surnames: list[str], pieces: list[str], random: Random
) -> None:
    random.shuffle(pieces)
    text = "".join(pieces[: len(pieces) // 2] + surnames + pieces[len(pieces) // 2 :] + surnames[::-1])
    ordered = sorted(set(surnames), key=len, reverse=True)
    random.shuffle(ordered)
    ordered.sort(key=len, reverse=True)  # any order among surnames of one length, as a set gives them
    written = regex.compile(
        r"(?<![\p{L}\p{N}’'\-.])(?:" + "|".join(regex.escape(s) for s in ordered) + r")(?![\p{L}\p{N}\-])"
    )
    assert people._surname_spans(text, frozenset(surnames)) == [m.span() for m in written.finditer(text)]
