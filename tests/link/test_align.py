"""Alignment (``factcheck.link.align.align``) on invented articles: which claims state the same quantity.

A paraphrase of one count is paired; claims of two stories never are; two
lists of one sentence pair pair gold with gold and silver with silver, one
to one; owners stay apart; a figure whose article does not say whose it is
is only paired with the owner whose figure is closest.  Pairs are written as
(text in the first article, text in the second).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.checks.numeric_consistency import _convert_currencies
from factcheck.extract import extract
from factcheck.link import group_stories
from factcheck.link.align import Vocabulary, align
from factcheck.link.stories import Stories
from factcheck.model import Document
from factcheck.ruleset import load_rules
from factcheck.sources import load_text
from factcheck.table import build_table

RULE = next(rule for rule in load_rules() if rule.id == "numbers.conflict")
VOCABULARY = Vocabulary.from_options(RULE.options)


def load(texts: list[str]) -> list[Document]:
    return [load_text(text, f"{i}.md") for i, text in enumerate(texts)]


def pairs(texts: list[str], stories: Stories | None = None) -> list[tuple[str, str]]:
    """The aligned pairs, each as (text of the earlier document's claim, text of the later's), sorted."""
    documents = load(texts)
    claims = [tuple(extract(d)) for d in documents]
    table = _convert_currencies(build_table(documents, claims), {})
    _keyed, found = align(table, stories or group_stories(documents), VOCABULARY)
    out = []
    for pair in found:
        a, b = table.loc[pair.a], table.loc[pair.b]
        assert int(a["doc"]) != int(b["doc"])  # never within one article
        first, second = (a, b) if int(a["doc"]) < int(b["doc"]) else (b, a)
        out.append((str(first["text"]), str(second["text"])))
    return sorted(out)


def test_a_paraphrase_of_a_derailment_is_paired() -> None:
    found = pairs(
        [
            "Some 42 train cars derailed outside Brannock late on Sunday, the Coldwater Rail operator said.",
            "About 60 cars derailed near Brannock on the Coldwater Rail line on Sunday.",
        ]
    )
    assert found == [("Some 42", "About 60")]


def test_derailed_cars_and_cars_carrying_a_load_stay_apart() -> None:
    found = pairs(
        [
            "Some 42 train cars derailed outside Brannock late on Sunday, and nine of the cars were carrying "
            "ammonia, the Coldwater Rail operator said.",
            "About 60 cars derailed near Brannock on Sunday, including 14 carrying ammonia, Coldwater Rail said.",
        ]
    )
    # (and the derailment's day, the same in both)
    assert found == [("Some 42", "About 60"), ("Sunday", "Sunday"), ("nine", "14")]


CROSS_STORY = [
    "At least 212 people died after a mudslide buried homes above Tessel, the Halvard disaster agency said on Monday.",
    "At least 180 people died after the Aurelia Crest ferry capsized off Dunmarrow, the Orrin coast guard said on "
    "Monday.",
]


def test_claims_of_two_stories_are_never_paired() -> None:
    assert len(set(group_stories(load(CROSS_STORY)).of_document)) == 2
    assert pairs(CROSS_STORY) == []


def test_the_same_claims_in_one_story_would_be_paired() -> None:
    """The control for the test above: it is the story, not the wording, that keeps them apart."""
    one_story = Stories((0, 0), ("Monday",), ({},))
    assert pairs(CROSS_STORY, one_story) == [("At least 212", "At least 180")]


@settings(max_examples=15, deadline=None)
@given(st.permutations([0, 1, 2, 3]))
def test_pairs_never_cross_stories_in_any_order(order: list[int]) -> None:
    texts = [
        "The death toll from the mudslide above Tessel has reached 212, the Halvard disaster agency said.",
        "Halvard rescuers said the Tessel mudslide had killed 190 people.",
        "The Aurelia Crest ferry disaster off Dunmarrow has killed 180 people, Captain Joren Valdt said.",
        "Joren Valdt, captain of the Aurelia Crest, said 175 people had died off Dunmarrow.",
    ]
    shuffled = [texts[i] for i in order]
    tessel = {"212", "190"}
    found = pairs(shuffled)
    assert found, "each story's own tolls pair"
    for a, b in found:
        assert (a in tessel) == (b in tessel)


def test_two_medal_lists_pair_one_to_one() -> None:
    found = pairs(
        [
            "At the Corvel Games, China won 38 gold, 27 silver and 24 bronze medals.",
            "At the Corvel Games, China took 38 gold, 29 silver and 24 bronze medals.",
        ]
    )
    assert found == [("24", "24"), ("27", "29"), ("38", "38")]


def test_lists_with_two_owners_pair_each_owner_with_itself() -> None:
    found = pairs(
        [
            "At the Corvel Games, Ostrava won 21 gold, 17 silver and 9 bronze medals, while Velmora's team took "
            "12 golds.",
            "Ostrava ended the Corvel Games with 21 gold, 16 silver and 11 bronze medals; Velmora's 12 golds came "
            "in the pool.",
        ]
    )
    assert found == [("12", "12"), ("17", "16"), ("21", "21"), ("9", "11")]


def test_a_claim_about_china_is_not_paired_with_one_about_japan() -> None:
    found = pairs(
        [
            "China won 38 golds at the Corvel Games, the most of any team.",
            "Japan won 20 golds at the Corvel Games, ahead of China.",
        ]
    )
    assert found == []


def test_a_claim_about_china_is_paired_with_one_about_the_chinese_team() -> None:
    found = pairs(
        [
            "China won 38 golds at the Corvel Games, the most of any team.",
            "Chinese athletes won 36 golds at the Corvel Games.",
        ]
    )
    assert found == [("38", "36")]


TWO_OWNERS = (
    "The death toll from the earthquake has reached 6,312 in Velmora, the disaster agency said. "
    "In Ostrava, the death toll from the earthquake has reached 1,150, the agency added."
)
NO_OWNER = (
    "Rescuers in Velmora and Ostrava kept digging on Tuesday. "
    "The death toll from the earthquake has reached {}, the disaster agency said."
)


@pytest.mark.parametrize(
    ("toll", "partner"),
    [("6,400", "6,312"), ("6,000", "6,312"), ("1,200", "1,150"), ("1,000", "1,150")],
    ids=["just above Velmora", "just below Velmora", "just above Ostrava", "just below Ostrava"],
)
def test_a_figure_without_owner_pairs_only_with_the_closer_owner(toll: str, partner: str) -> None:
    assert pairs([TWO_OWNERS, NO_OWNER.format(toll)]) == [(partner, toll)]


def test_a_figure_without_owner_pairs_with_the_one_owner_given() -> None:
    one_owner = "The death toll from the earthquake has reached 6,312 in Velmora, the disaster agency said."
    assert pairs([one_owner, NO_OWNER.format("1,200")]) == [("6,312", "1,200")]


@pytest.mark.xfail(
    strict=True,
    reason="'1,150 in Ostrava' after 'and' gets no measure, so the owner-less 1,200 is paired with Velmora's 6,312 "
    "instead of Ostrava's 1,150",
)
def test_a_figure_without_owner_pairs_with_the_closer_owner_of_a_list() -> None:
    listed = "The death toll from the earthquake has reached 6,312 in Velmora and 1,150 in Ostrava, the agency said."
    assert pairs([listed, NO_OWNER.format("1,200")]) == [("1,150", "1,200")]


@pytest.mark.xfail(
    strict=True,
    reason="'The number of people injured' keeps 'people' as a modifier, so it is not paired with "
    "'More than 3,400 people were injured'",
)
def test_the_number_of_people_injured_pairs_with_people_were_injured() -> None:
    found = pairs(
        [
            "The number of people injured in the blast at the Norlith plant in Grevholm has risen to 1,420, "
            "officials said.",
            "More than 3,400 people were injured in the blast at the Norlith plant in Grevholm, officials said.",
        ]
    )
    assert found == [("1,420", "More than 3,400")]


def test_the_number_of_those_injured_pairs_with_people_were_injured() -> None:
    found = pairs(
        [
            "The number of those injured in the blast at the Norlith plant in Grevholm has risen to 1,420, "
            "officials said.",
            "More than 3,400 people were injured in the blast at the Norlith plant in Grevholm, officials said.",
        ]
    )
    assert found == [("1,420", "More than 3,400")]


def test_a_rate_in_a_country_pairs_with_the_countrys_rate() -> None:
    found = pairs(
        [
            "Inflation in Velmora rose to 7.2 percent in April, the central bank said.",
            "Velmora's inflation rose to 6.1 percent in April, the central bank said.",
        ]
    )
    assert found == [("7.2 percent", "6.1 percent")]


def test_a_conversion_in_brackets_is_never_paired() -> None:
    found = pairs(
        [
            "Cyclone Perrin struck Brannock with gusts of 120 mph (193 km/h), forecasters said.",
            "Cyclone Perrin hit Brannock with gusts of 110 mph, forecasters said.",
        ]
    )
    assert found == [("120 mph", "110 mph")]


def test_a_difference_is_never_paired() -> None:
    found = pairs(
        [
            "Ostrava won 97 medals at the Corvel Games, 9 more than second-place Velmora.",
            "Ostrava finished the Corvel Games with 97 medals, 12 more than Velmora.",
        ]
    )
    assert found == [("97", "97")]
