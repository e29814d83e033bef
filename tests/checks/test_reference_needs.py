"""The reference check tries a fact's phrasings only on sentences that have the words they need
(``phrasing_needs``): whenever a phrasing matches a sentence, the sentence has those words."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.checks.reference import _may_match, compile_phrasing, load_facts, phrasing_needs
from factcheck.ruleset import builtin_rules_dir

_PHRASINGS = [
    "Nixon ... met|meet|meets ... Mao",
    "Nixon's China|Beijing visit|trip",
    "Berlin Wall fell|came_down|was_breached",
    "Soviet_Union|USSR collapsed|dissolved",
    "9/11 attacks|attack",
    "all {claim} EU member states|members",
    "Everest stands|rises|measures {claim}",
    "O'Brien resign*",
    "break-up|breakup of the Soviet_Union",
]
_PIECES = ["Nixon", "NIXON", "nixon’s", "met", "Meets", "Mao", "China", "visit", "Berlin", "Wall", "WALL", "fell",
           "came", "down", "came-down", "Soviet", "Union", "USSR", "ussr", "collapsed", "9/11", "attacks", "all",
           "1,200", "EU", "member", "states", "Everest", "rises", "8,849", "O’Brien", "O'BRIEN", "resigned",
           "break-up", "of", "the", "ſoviet", "K", "in", "1972", ",", "-"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(_PHRASINGS), st.lists(st.sampled_from(_PIECES), max_size=14), st.sampled_from([" ", "  ", "-"]))
def test_a_sentence_a_phrasing_matches_has_the_words_it_needs(phrasing: str, words: list[str], gap: str) -> None:
    pattern, _slotted = compile_phrasing(phrasing)
    sentence = gap.join(words)
    if pattern.search(sentence):
        assert _may_match(phrasing_needs(phrasing), sentence.casefold())


def test_every_built_in_fact_knows_what_its_phrasings_need() -> None:
    for fact in load_facts(builtin_rules_dir() / "_data" / "facts.yaml"):
        assert len(fact.needs) == len(fact.phrasings)
        assert all(needs for needs in fact.needs)  # every phrasing needs some word
