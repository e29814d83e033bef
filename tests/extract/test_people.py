"""Person mentions: names, roles, affiliations, and surnames resolved within one article."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.people import (
    compare_organisations,
    extract_people,
    name_spans,
    normalise_given,
    people_of,
    role_heads,
    roles_relation,
    same_given,
    surname_key,
)
from factcheck.sources import load_text
from factcheck.suppress import find_cq_marks


def person(text: str, name: str):
    people = extract_people(text)
    found = [p for p in people.persons if p.name == name]
    assert found, f"{name!r} not found; persons: {[p.name for p in people.persons]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "name", "roles", "affiliations"),
    [
        (
            "In a March article, historian and strategist Richard Luttwak argued that it was all planned.",
            "Richard Luttwak",
            {"historian", "strategist"},
            [],
        ),
        (
            "For Michael Clarke, a historian and strategic expert at Australia’s Deakin University who "
            "specialises in China’s foreign policy, the argument fails.",
            "Michael Clarke",
            {"historian", "expert"},
            ["Deakin University"],
        ),
        (
            "The president wants a G3, said Ali Wyne, a senior researcher on US-China relations at the "
            "International Crisis Group.",
            "Ali Wyne",
            {"researcher"},
            ["International Crisis Group"],
        ),
        (
            "At the conference, Keith Kellogg, Trump’s special envoy for the Russia-Ukraine conflict, said the "
            "US wanted to break the alliance.",
            "Keith Kellogg",
            {"special envoy"},
            [],
        ),
        (
            "Jaehan Park, an assistant professor at the S Rajaratnam School of International Studies in "
            "Singapore, said that Nixon was different.",
            "Jaehan Park",
            {"assistant professor"},
            ["S Rajaratnam School of International Studies"],
        ),
        (
            "In an interview, US Secretary of State Marco Rubio spoke of the dependency.",
            "Marco Rubio",
            {"secretary of state"},
            [],
        ),
        (
            "The decision was taken by Russian Security Council Deputy Chairman Dmitry Medvedev on Monday.",
            "Dmitry Medvedev",
            {"chairman", "deputy"},
            ["Russian Security Council"],
        ),
        (
            "It has gone far beyond peace talks, according to William Jackson and Mark Williams, economists at "
            "Capital Economics, a consultancy.",
            "William Jackson",
            {"economist"},
            ["Capital Economics"],
        ),
        (
            "Kremlin spokesman Dmitry Peskov said the talks would go on.",
            "Dmitry Peskov",
            {"spokesman"},
            [],
        ),
    ],
)
def test_roles_and_affiliations(text: str, name: str, roles: set[str], affiliations: list[str]) -> None:
    found = person(text, name)
    assert set(found.roles) == roles
    assert [a.text for a in found.affiliations] == affiliations


def test_surname_only_mentions_resolve_to_the_full_mention() -> None:
    text = (
        "Historian and strategist Richard Luttwak argued the opposite. Luttwak, who did not respond to a "
        "request for comment, called it a reverse Nixon. “It will not work,” Michael Clarke told reporters. "
        "Clarke said the alliance was strong, and Luttwak’s argument was weak."
    )
    people = extract_people(text)
    by_name = {p.name: p for p in people.persons}
    assert set(by_name) == {"Richard Luttwak", "Michael Clarke"}
    surnames = [m for m in people.mentions if not m.given]
    assert [(m.text, people.persons[m.person].name) for m in surnames] == [
        ("Luttwak", "Richard Luttwak"),
        ("Clarke", "Michael Clarke"),
        ("Luttwak", "Richard Luttwak"),
    ]
    for mention in people.mentions:
        assert text[mention.start : mention.end] == mention.text


def test_two_people_with_one_surname_resolve_to_the_nearest() -> None:
    text = (
        "US President George W Bush hosted the Russian leader. Bush spoke about it. "
        "US First Lady Laura Bush gestured. Bush smiled."
    )
    people = extract_people(text)
    resolved = [(m.text, people.persons[m.person].name) for m in people.mentions if not m.given]
    assert resolved == [("Bush", "George W Bush"), ("Bush", "Laura Bush")]


def test_organisations_and_captions_are_not_people() -> None:
    text = (
        "Capital Economics said trade grew. The Washington Post reported the call. Al Jazeera said so.\n"
        "Trump Putin\nA demonstrator holds a banner in front of the US Embassy in Kyiv."
    )
    assert extract_people(text).persons == ()


def test_first_names_alone_are_not_mentions() -> None:
    people = extract_people("Putin and his then-wife Lyudmila stayed the night at the ranch.")
    assert all(p.given for p in people.persons)
    assert "Lyudmila" not in {m.text for m in people.mentions}


def test_sentence_openers_are_not_given_names() -> None:
    text = (
        "Xi met Vladimir Putin in May. Given Putin’s status, no deal. Should Putin trust Trump? "
        "President Putin said no."
    )
    names = {p.name for p in extract_people(text).persons}
    assert names == {"Vladimir Putin"}


@pytest.mark.parametrize(
    "text",
    [
        "The board fired General Counsel Dario Fenwick and Chief Financial Officer Lena Ostrow on Friday.",
        "Sheriff Dario Fenwick said the road to Marrowby stayed closed.",
        "Councillor Dario Fenwick told the Marrowby meeting the budget was short.",
    ],
)
def test_a_capitalised_title_before_a_name_is_not_a_given_name(text: str) -> None:
    names = {p.name for p in extract_people(text).persons}
    assert "Dario Fenwick" in names
    assert not any(name.startswith(("Counsel", "Sheriff", "Councillor")) for name in names)


@pytest.mark.parametrize(
    ("text", "descriptor"),
    [
        ("The harbour master, Olu Adeyemi, closed the quay.", "The harbour master"),
        ("“It held,” said the city's planning chief, Ana Ruiz.", "the city's planning chief"),
        ("He thanked his wife, Maria Lopez, for everything.", "his wife"),
    ],
)
def test_a_description_before_a_name_makes_it_a_person(text: str, descriptor: str) -> None:
    (found,) = extract_people(text).persons
    assert descriptor in found.descriptors


def test_a_place_described_before_its_name_is_not_a_person() -> None:
    assert not extract_people("Most residents of the town, Marrowby Bay, left on Monday.").persons


def test_cq_after_a_name_is_found_by_the_suppression_scanner() -> None:
    document = load_text("Historian and strategist Richard Luttwak cq argued the opposite.", "a.md")
    spans = name_spans(document)
    assert (document.text.index("Richard"), document.text.index(" cq")) in spans
    marks = find_cq_marks(document, spans)
    assert [document.text[m.start : m.end] for m in marks] == ["Richard Luttwak cq"]
    # The cq mark does not cut the person off from their role.
    assert person(document.prose, "Richard Luttwak").roles == ("historian", "strategist")


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("J.D.", "JD", True),
        ("J. D.", "JD", True),
        ("JD", "James David", True),
        ("E.", "Edward", True),
        ("Mike", "Michael", True),
        ("Sergei", "Sergey", True),
        ("Dmitri", "Dmitry", True),
        ("George W.", "George", True),
        ("Jaehan", "Jae-han", True),
        ("Richard", "Edward", False),
        ("Hunter", "Joe", False),
        ("Laura", "George W", False),
        ("Michael", "Richard", False),
    ],
)
def test_same_given(a: str, b: str, same: bool) -> None:
    assert same_given(a, b) is same
    assert same_given(b, a) is same


def test_normalised_names() -> None:
    assert normalise_given("J.D.") == normalise_given("JD") == "jd"
    assert surname_key("al-Assad") == surname_key("Assad") == "assad"
    assert surname_key("Zelenskyy") != surname_key("Zelensky")


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        ("Deakin University", "Deakin College", "garbled"),
        ("S Rajaratnam School of International Studies", "S Rajaratnam Faculty of Worldwide Research", "garbled"),
        ("Brookings Institution", "Brooking Institution", "garbled"),
        ("International Crisis Group", "Worldwide Disaster Group", "same_kind"),
        ("Deakin University", "Deakin University in Melbourne", "same"),
        ("Yale", "Yale School of Management", "same"),
        ("ICG", "International Crisis Group", "same"),
        ("Harvard Kennedy School", "Harvard University", "same"),
        ("the Centre for Strategic Studies", "Center for Strategic Studies", "same"),
        ("Brookings Institution", "Council on Foreign Relations", "unrelated"),
        ("World Bank", "International Monetary Fund", "unrelated"),
    ],
)
def test_compare_organisations(a: str, b: str, relation: str) -> None:
    assert compare_organisations(a, b) == relation
    assert compare_organisations(b, a) == relation


def test_roles() -> None:
    assert role_heads("a former US national security adviser and secretary of state") == (
        "national security adviser",
        "secretary of state",
    )
    assert role_heads("economists at Capital Economics") == ("economist",)
    assert roles_relation(["historian"], ["historian", "strategist"]) == "strong"
    assert roles_relation(["analyst"], ["analyst"]) == "weak"
    assert roles_relation(["son"], ["president"]) == "different"
    assert roles_relation(["assistant professor"], ["associate professor"]) == "strong"
    assert roles_relation([], ["president"]) == "none"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Michael",
                "Clarke",
                "Clarke,",
                "a",
                "historian",
                "at",
                "Deakin",
                "University",
                "said",
                "“",
                "”",
                '"',
                "cq",
                ".",
                "\n",
                "President",
                "J.D.",
                "Vance",
                "’s",
                "and",
                "the",
                "of",
                "al-Assad",
            ]
        ),
        max_size=60,
    )
)
def test_extraction_never_raises_and_spans_are_slices(words: list[str]) -> None:
    text = " ".join(words)
    people = extract_people(text)
    for mention in people.mentions:
        assert text[mention.start : mention.end] == mention.text
        for affiliation in mention.affiliations:
            assert text[affiliation.start : affiliation.end].split() == affiliation.text.split()


def test_person_at_agrees_with_a_scan_of_every_mention() -> None:
    text = (
        "Harbour master Olu Adeyemi met Mayor Dana Wick in Marrowby. Adeyemi said the wall was weak, "
        "and Wick agreed. Later, historian Michael Clarke of Deakin University said Adeyemi was right."
    )
    people = extract_people(text)
    assert len(people.mentions) >= 3

    def scanned(start: int, end: int) -> str | None:
        for mention in people.mentions:
            if mention.start < end and start < mention.end and mention.person >= 0:
                return people.persons[mention.person].name
        return None

    for start in range(0, len(text), 3):
        for width in (1, 4, 25):
            found = people.person_at(start, start + width)
            assert (found.name if found else None) == scanned(start, start + width)


@pytest.mark.parametrize(
    ("text", "affiliation"),
    [
        ("Ana Ruiz of Meridian Analytics said the figures were wrong.", "Meridian Analytics"),
        ("The figures were wrong, said Ana Ruiz of the Tarsk Institute.", "Tarsk Institute"),
    ],
)
def test_name_of_body_is_a_person_with_an_affiliation(text: str, affiliation: str) -> None:
    (found,) = extract_people(text).persons
    assert found.name == "Ana Ruiz"
    assert [a.text for a in found.affiliations] == [affiliation]


def test_a_body_after_of_is_not_a_person() -> None:
    assert not extract_people("The Bank of England said rates would rise.").persons


# --- Roles in words of their own (an open list of nouns) ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Tunde Adeyemi, the harbour master, said 412 passengers were aboard.", "Tunde Adeyemi", "harbour master"),
        ("Harbour master Olu Adeyemi said the ferry sank.", "Olu Adeyemi", "harbour master"),
        ("We spoke to the harbour master Olu Adeyemi on the quay.", "Olu Adeyemi", "harbour master"),
        ("Rescue diver Sam Ode said 12 were found.", "Sam Ode", "rescue diver"),
        ("Ana Ruiz, the port's longest-serving pilot, said no.", "Ana Ruiz", "pilot"),
        ("Mira Toll, a retired fisherman, saw it capsize.", "Mira Toll", "fisherman"),
        ("Defending champion Ana Ruiz won the Corvel final.", "Ana Ruiz", "champion"),
        ("The ferry was late, said the quay's ticket clerk, Ines Bardo.", "Ines Bardo", "ticket clerk"),
    ],
)
def test_a_description_gives_a_role_in_its_own_words(text: str, name: str, role: str) -> None:
    assert role in person(text, name).roles


@pytest.mark.parametrize(
    "text",
    [
        "The crowd saw Ana Ruiz at the quay on Monday.",
        "Fans cheered Ana Ruiz home after the final.",
        "Police arrested suspect Tom Hale on Monday.",
        "The ministry said in a statement Ana Ruiz had resigned.",
        "Ana Ruiz, the first to arrive, waited for the ferry.",
    ],
)
def test_a_verb_an_ordinal_or_a_thing_before_a_name_is_not_a_role(text: str) -> None:
    document = load_text(text, "a.md")
    assert all(not p.roles for p in people_of(document).persons)


def test_names_with_no_cue_are_kept_apart_as_plain_mentions() -> None:
    people = extract_people(
        "A 1987 book by Richard Luttwak shaped the debate. Historian Ana Ruiz said so. Ruiz and Ana Ruiz agreed."
    )
    assert [p.name for p in people.persons] == ["Ana Ruiz"]
    assert [m.text for m in people.plain] == ["Richard Luttwak"]
