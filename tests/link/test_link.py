"""The link stage on invented articles: stories and the pairs alignment makes.

Stories group articles of one event and keep others apart, even through an
article that mentions both; alignment pairs paraphrases of one quantity, one
to one within a pair of sentences, never across stories or owners.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.checks.numeric_consistency import _convert_currencies
from factcheck.extract import extract
from factcheck.link import group_stories
from factcheck.link.align import Vocabulary, align
from factcheck.ruleset import load_rules
from factcheck.sources import load_text
from factcheck.table import build_table

RULE = next(rule for rule in load_rules() if rule.id == "numbers.conflict")

LANDSLIDE = [
    "A landslide buried part of Alder Valley on Tuesday. Governor Mira Osei said Kessington rescuers were digging.",
    "Rescuers from Kessington searched the mud in Alder Valley, where Governor Mira Osei visited the shelters.",
    "In Alder Valley, Mira Osei promised aid; Kessington volunteers brought blankets to the shelters.",
]
FERRY = [
    "The ferry Saltmere Star sank off Port Carran after a fire, the coast guard said, and Captain Tomas Rell survived.",
    "Divers from Port Carran reached the Saltmere Star wreck, where Tomas Rell said the fire began in the engine room.",
]
BRIDGE = (
    "Governor Mira Osei, back from Alder Valley, also opened the ferry terminal at Port Carran for the Saltmere Star."
)


def documents(texts: list[str]):
    return [load_text(text, f"{i:02d}.md") for i, text in enumerate(texts)]


def partition(texts: list[str]) -> set[frozenset[str]]:
    docs = documents(texts)
    stories = group_stories(docs)
    groups: dict[int, set[str]] = {}
    for index, doc in enumerate(docs):
        groups.setdefault(stories.of_document[index], set()).add(texts[int(doc.path[:2])])
    return {frozenset(g) for g in groups.values()}


def test_articles_of_one_event_are_one_story_and_another_event_another() -> None:
    assert partition(LANDSLIDE + FERRY) == {frozenset(LANDSLIDE), frozenset(FERRY)}


def test_one_article_that_mentions_both_events_does_not_chain_them() -> None:
    groups = partition([*LANDSLIDE, *FERRY, BRIDGE])
    assert frozenset(LANDSLIDE) <= next(g for g in groups if LANDSLIDE[0] in g)
    assert not any(LANDSLIDE[0] in g and FERRY[0] in g for g in groups)


def test_two_short_articles_about_one_thing_are_one_story() -> None:
    texts = [
        "Bilateral trade between Norway and Japan reached $44bn in 2024.",
        "Trade between Japan and Norway rose to $40bn in 2024.",
    ]
    assert partition(texts) == {frozenset(texts)}


def test_a_story_is_named_by_the_names_its_articles_share() -> None:
    stories = group_stories(documents(LANDSLIDE))
    assert set(stories.names[0].split(", ")) <= {"Alder", "Valley", "Kessington", "Mira", "Osei", "Governor"}
    assert "Alder" in stories.names[0] or "Kessington" in stories.names[0]


@settings(max_examples=20, deadline=None)
@given(st.permutations([*LANDSLIDE, *FERRY, BRIDGE]))
def test_stories_do_not_depend_on_document_order(texts: list[str]) -> None:
    assert partition(texts) == partition([*LANDSLIDE, *FERRY, BRIDGE])


def pairs(texts: list[str]) -> list[tuple[str, str]]:
    docs = documents(texts)
    claims = [tuple(extract(d)) for d in docs]
    table = _convert_currencies(build_table(docs, claims), {})
    _keyed, found = align(table, group_stories(docs), Vocabulary.from_options(RULE.options))
    return sorted((str(table.loc[p.a, "text"]), str(table.loc[p.b, "text"])) for p in found)


def test_a_paraphrase_is_paired() -> None:
    found = pairs(
        [
            "About 50 cars derailed near Harlow Junction on Friday night, the rail operator said.",
            "On 3 March 2024, 38 train cars derailed just outside Harlow Junction.",
        ]
    )
    assert found == [("About 50", "38")]


def test_lists_pair_one_to_one_and_owners_stay_apart() -> None:
    found = pairs(
        [
            "At the Lissane Games, Norway won 12 gold, 9 silver and 4 bronze medals, and Chile's team took 7 golds.",
            "Norway finished the Lissane Games with 12 gold, 9 silver and 5 bronze medals; Chile's 7 golds came late.",
        ]
    )
    assert ("12", "12") in found and ("9", "9") in found and ("4", "5") in found and ("7", "7") in found
    assert ("12", "9") not in found and ("4", "7") not in found and ("12", "7") not in found


def test_no_pair_across_stories() -> None:
    found = pairs(
        [
            "The death toll from the Alder Valley landslide in Kessington has reached 212, Mira Osei said.",
            "The Saltmere Star ferry fire off Port Carran killed 35 people, Tomas Rell said.",
        ]
    )
    assert found == []
