"""Stories (``factcheck.link.stories.group_stories``) on invented articles.

Articles of one event share names and land in one story; two unrelated
events make two stories, even when a third article names both once (average
linkage, not single linkage); short articles about one thing still link; a
story is named by the names its articles share; the partition does not
depend on the order the documents come in.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.link import group_stories
from factcheck.sources import load_text

PLANT = [
    "An explosion tore through the Norlith Chemicals plant in Grevholm on Monday, fire chief Petra Anskar said. "
    "Crews from Lindqvist fought the blaze through the night.",
    "Fire chief Petra Anskar said the Grevholm blast began in a storage tank at the Norlith Chemicals site, "
    "and Lindqvist crews cooled the tanks nearby.",
    "Residents of Grevholm were told to keep their windows shut after the Norlith Chemicals explosion, "
    "Petra Anskar told reporters.",
]
FERRY = [
    "The ferry Aurelia Crest capsized off Dunmarrow in heavy seas, and Captain Joren Valdt was among the survivors, "
    "the Halvard coast guard said.",
    "Divers from the Halvard coast guard reached the hull of the Aurelia Crest near Dunmarrow, where Joren Valdt "
    "said a wave had struck the bow.",
]
# Each names both events' key names once.
BRIDGES = [
    "Petra Anskar, who led the Norlith Chemicals response, once trained rescue crews on the Aurelia Crest "
    "in Dunmarrow.",
    "Grevholm and Dunmarrow both held vigils on Sunday: one for the Norlith Chemicals workers, one for the Aurelia "
    "Crest passengers.",
    "Officials compared the Norlith Chemicals blast with the capsizing of the Aurelia Crest, saying Petra Anskar and "
    "Joren Valdt had both acted quickly.",
]


def partition(texts: list[str]) -> set[frozenset[str]]:
    """The stories of the texts, each as the set of its texts."""
    documents = [load_text(text, f"doc{i}.md") for i, text in enumerate(texts)]
    stories = group_stories(documents)
    assert len(stories.of_document) == len(texts)
    groups: dict[int, set[str]] = {}
    for text, story in zip(texts, stories.of_document, strict=True):
        groups.setdefault(story, set()).add(text)
    return {frozenset(group) for group in groups.values()}


def test_articles_about_one_event_are_one_story() -> None:
    assert partition(PLANT) == {frozenset(PLANT)}


def test_two_unrelated_events_are_two_stories() -> None:
    assert partition(PLANT + FERRY) == {frozenset(PLANT), frozenset(FERRY)}


def test_an_empty_run_has_no_stories() -> None:
    stories = group_stories([])
    assert stories.of_document == () and stories.names == ()


@given(st.sampled_from(BRIDGES))
@settings(max_examples=len(BRIDGES), deadline=None)
def test_an_article_that_names_both_events_does_not_chain_them(bridge: str) -> None:
    groups = partition([*PLANT, *FERRY, bridge])
    assert not any(PLANT[0] in group and FERRY[0] in group for group in groups)
    # Each event's own articles still hang together.
    assert any(frozenset(PLANT) <= group for group in groups)
    assert any(frozenset(FERRY) <= group for group in groups)


def test_two_short_one_sentence_articles_about_one_thing_are_one_story() -> None:
    texts = [
        "Grain exports from Velmora reached 4 million tonnes in March.",
        "Velmora shipped 3.6 million tonnes of grain abroad in March.",
    ]
    assert partition(texts) == {frozenset(texts)}


def test_two_short_articles_about_different_things_are_two_stories() -> None:
    texts = [
        "Grain exports from Velmora reached 4 million tonnes in March.",
        "The Aurelia Crest ferry capsized off Dunmarrow on Tuesday.",
    ]
    assert partition(texts) == {frozenset([t]) for t in texts}


def test_a_story_is_named_by_the_names_its_articles_share() -> None:
    documents = [load_text(text, f"doc{i}.md") for i, text in enumerate(PLANT + FERRY)]
    stories = group_stories(documents)
    plant, ferry = stories.name(0), stories.name(len(PLANT))
    assert plant != ferry
    plant_words = set(plant.split(", "))
    ferry_words = set(ferry.split(", "))
    # Up to three names, each used by the story's articles, as written (capitalised).
    assert 1 <= len(plant_words) <= 3 and 1 <= len(ferry_words) <= 3
    assert plant_words <= {"Norlith", "Chemicals", "Grevholm", "Petra", "Anskar", "Lindqvist"}
    assert ferry_words <= {"Aurelia", "Crest", "Dunmarrow", "Joren", "Valdt", "Halvard"}
    assert "Grevholm" in plant_words or "Norlith" in plant_words
    assert "Dunmarrow" in ferry_words or "Aurelia" in ferry_words


def test_what_most_articles_name_is_central() -> None:
    documents = [load_text(text, f"doc{i}.md") for i, text in enumerate(PLANT + FERRY)]
    stories = group_stories(documents)
    assert stories.central(0, "grevholm")
    assert not stories.central(0, "dunmarrow")
    assert stories.central(len(PLANT), "dunmarrow")
    assert stories.same(0, 1) and not stories.same(0, len(PLANT))


@settings(max_examples=25, deadline=None)
@given(st.permutations([*PLANT, *FERRY, BRIDGES[0]]))
def test_the_partition_does_not_depend_on_document_order(texts: list[str]) -> None:
    assert partition(texts) == partition([*PLANT, *FERRY, BRIDGES[0]])


@settings(max_examples=25, deadline=None)
@given(st.permutations(range(len(PLANT) + len(FERRY) + 1)))
def test_the_partition_by_path_does_not_depend_on_document_order(order: list[int]) -> None:
    """The same with paths: the documents keep their names, only their order changes."""
    texts = [*PLANT, *FERRY, BRIDGES[2]]

    def by_path(indices: list[int]) -> set[frozenset[str]]:
        documents = [load_text(texts[i], f"article-{i}.md") for i in indices]
        stories = group_stories(documents)
        groups: dict[int, set[str]] = {}
        for document, story in zip(documents, stories.of_document, strict=True):
            groups.setdefault(story, set()).add(document.path)
        return {frozenset(group) for group in groups.values()}

    assert by_path(order) == by_path(sorted(order))


@settings(max_examples=25, deadline=None)
@given(st.permutations([*PLANT, *FERRY, *BRIDGES]))
def test_story_names_do_not_depend_on_document_order(texts: list[str]) -> None:
    def named(order: list[str]) -> set[tuple[frozenset[str], str]]:
        stories = group_stories([load_text(text, f"doc{i}.md") for i, text in enumerate(order)])
        groups: dict[int, set[str]] = {}
        for text, story in zip(order, stories.of_document, strict=True):
            groups.setdefault(story, set()).add(text)
        return {(frozenset(group), stories.names[story]) for story, group in groups.items()}

    assert named(texts) == named([*PLANT, *FERRY, *BRIDGES])


def test_a_story_name_is_spelt_as_most_of_its_articles_spell_it() -> None:
    # A headline in capitals comes first: the name is still written as the articles write it.
    shouting = (
        "# GREVHOLM BLAST\n\nAn explosion at the Norlith Chemicals plant in GREVHOLM shook the town, Petra Anskar said."
    )
    documents = [load_text(text, f"doc{i}.md") for i, text in enumerate([shouting, *PLANT])]
    name = group_stories(documents).name(0)
    assert "Grevholm" in name.split(", ") or "Norlith" in name.split(", ")
    assert "GREVHOLM" not in name


# Two events of one country a week apart, each with its prime minister's words: the title ties nothing.
FLOOD = [
    "# Floods in Ostby\n\nFlash floods swept through Ostby after torrential rain. Prime Minister Anja Reval said at "
    "least 95 people had died in the floods, and rescue teams searched for the missing in Dalmar.",
    "# Ostby floods\n\nFlash floods swept through Ostby after heavy rain. Prime Minister Anja Reval said 95 people "
    "had died, and rescue teams searched Dalmar for the missing.",
    "# Floods hit Ostby\n\nTorrential rain flooded Ostby. Prime Minister Anja Reval said at least 95 people had "
    "died in the floods; rescue teams searched for the missing in Dalmar.",
]
CRASH = [
    "# Train crash near Varn\n\nA high-speed train derailed near Varn. Prime Minister Anja Reval said 12 people had "
    "died in the crash, and investigators from Railnet examined the track.",
    "# Varn derailment\n\nA train derailed near Varn. Prime Minister Anja Reval said 12 people had died, and Railnet "
    "investigators examined the track.",
    "# Crash near Varn\n\nA high-speed train came off the rails near Varn. Prime Minister Anja Reval said 12 people "
    "had died in the crash; Railnet investigators examined the track.",
]


def test_a_shared_title_does_not_tie_two_events() -> None:
    assert partition(FLOOD + CRASH) == {frozenset(FLOOD), frozenset(CRASH)}


def test_a_title_names_no_story() -> None:
    documents = [load_text(text, f"doc{i}.md") for i, text in enumerate(CRASH)]
    assert "Minister" not in group_stories(documents).names[0]
