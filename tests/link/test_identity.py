"""Spellings of names across the articles of a story (``factcheck.link.identity``, rule ``names.spelling``).

Planted slips are found: a surname with two letters swapped, a firm with one
letter wrong, a long surname with a letter dropped, an acronym with two
letters swapped, a given name cut short, a name written the wrong way round.
Near-misses stay silent: transliterations, diacritics, short forms, endings,
short names, two people, two names side by side, two unrelated stories, no
clear majority, a word the run also writes in lower case.  Findings do not
depend on the order of the documents, and names written one way never give a
finding.  All articles are invented.
"""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from factcheck.checks.base import CheckContext
from factcheck.checks.spelling import NameSpelling
from factcheck.link import group_stories
from factcheck.link.identity import resolve_spellings
from factcheck.link.stories import Stories
from factcheck.pipeline import run_example
from factcheck.ruleset import load_rules
from factcheck.sources import load_text

RULE = next(rule for rule in load_rules() if rule.id == "names.spelling")


def files(texts: list[str]) -> list[tuple[str, str]]:
    return [(f"{chr(ord('a') + i)}.md", text) for i, text in enumerate(texts)]


def findings(texts: list[str]) -> list[tuple[str, list[str]]]:
    """(message, sorted paths of its locations) of each names.spelling finding, sorted."""
    found = [f for f in run_example(RULE, files(texts)) if f.rule == "names.spelling"]
    return sorted((f.message, sorted({loc.path for loc in f.locations})) for f in found)


def one_slip(texts: list[str], written: str, expected: str, path: str) -> str:
    """The message of the one finding, checked to name both spellings and to sit in ``path``."""
    found = findings(texts)
    assert len(found) == 1, found
    message, paths = found[0]
    assert message.startswith(f"{written} in {path}"), message
    assert f"but {expected} in" in message, message
    assert path in paths
    return message


# --- Planted slips: found -------------------------------------------------------------------------------------

LEVEE = [
    "Floodwater breached the Tessbury levee on Tuesday, and county engineer Ines Varholm ordered the Caddon road "
    "closed.",
    "Ines Varholm, the county engineer, said the Tessbury levee gave way near the Caddon road before dawn.",
    "The Caddon road was shut after the Tessbury levee failed, county engineer Ines Varhlom said.",
]


def test_a_surname_with_two_letters_swapped_in_one_of_three_articles_is_found() -> None:
    message = one_slip(LEVEE, "Varhlom", "Varholm", "c.md")
    assert "two letters swapped" in message
    assert "2 articles write Varholm" in message


DEPOT = [
    "Shares in Orvantis fell 9% after a fire at its Lindby depot, chief executive Tomas Ekdahl said.",
    "Orvantis said the Lindby depot fire destroyed 40 lorries, and Tomas Ekdahl promised a review.",
    "A fire at the Lindby depot of Orvantls destroyed dozens of lorries, Tomas Ekdahl said on Friday.",
]


def test_a_firm_with_one_letter_substituted_is_found() -> None:
    assert "one letter different" in one_slip(DEPOT, "Orvantls", "Orvantis", "c.md")


def test_a_two_word_firm_with_one_letter_substituted_is_found_once() -> None:
    texts = [text.replace("Orvantis", "Orvantis Freight").replace("Orvantls", "Orvantls Freight") for text in DEPOT]
    assert "one letter different" in one_slip(texts, "Orvantls", "Orvantis", "c.md")


def test_a_given_name_with_one_letter_substituted_is_found_once() -> None:
    texts = [*DEPOT[:2], DEPOT[2].replace("Orvantls", "Orvantis").replace("Tomas", "Tomaa")]
    # Reported once, as the word: the given name of a two-word name is not reported again.
    assert "one letter different" in one_slip(texts, "Tomaa", "Tomas", "c.md")


def test_a_long_surname_with_a_letter_dropped_inside_is_found() -> None:
    texts = [
        "Goalkeeper Anders Brandvold saved two penalties as Kelmarsh beat Ostrow Rovers in the Dalby Cup final.",
        "Kelmarsh won the Dalby Cup on penalties, with Anders Brandvold saving twice against Ostrow Rovers.",
        "Ostrow Rovers lost the Dalby Cup final to Kelmarsh after Anders Branvold saved two penalties.",
    ]
    assert "a letter missing" in one_slip(texts, "Branvold", "Brandvold", "c.md")


def test_a_long_surname_with_a_doubled_letter_inside_is_found() -> None:
    texts = [
        "Prosecutor Lidia Sokolan charged three Varnholt port officials with taking bribes on Wednesday.",
        "Three Varnholt port officials were charged with bribery, prosecutor Lidia Sokolan said in a statement.",
        "Lidia Sokollan, the prosecutor, said the Varnholt port officials took bribes for two years.",
    ]
    assert "a letter too many" in one_slip(texts, "Sokollan", "Sokolan", "c.md")


def test_an_acronym_of_four_letters_with_two_letters_swapped_is_found() -> None:
    texts = [
        "The Fenmoor Rail Safety Authority (FRSA) suspended Calloway Trains after a derailment near Pellick.",
        "Calloway Trains was suspended by the FRSA on Thursday after its train left the track near Pellick.",
        "Investigators from the FSRA said a cracked rail derailed the Calloway Trains service near Pellick.",
    ]
    assert "two letters swapped" in one_slip(texts, "FSRA", "FRSA", "c.md")


def test_a_given_name_missing_its_last_letter_for_the_same_surname_is_found() -> None:
    texts = [
        "Dravik Mining suspended its finance chief, Marika Feldt, after auditors found gaps in the Dravik accounts.",
        "Marika Feldt, the finance chief of Dravik Mining, was suspended on Monday pending the audit.",
        "Auditors at Dravik Mining found gaps in the accounts, and finance chief Marik Feldt was suspended.",
    ]
    message = one_slip(texts, "Marik Feldt", "Marika Feldt", "c.md")
    assert "the given name has its last letter missing" in message


def test_a_two_word_name_with_its_words_swapped_one_article_each_is_found() -> None:
    texts = [
        "In the Harrowgate marathon, Corin Dale of Wexmoor won in two hours and nine minutes, ahead of Ida Stromm.",
        "Wexmoor runner Dale Corin won the Harrowgate marathon, with Ida Stromm second.",
    ]
    found = findings(texts)
    assert len(found) == 1, found
    message, paths = found[0]
    assert "Corin Dale" in message and "Dale Corin" in message
    assert "the two names swapped" in message and "one of the two spellings is wrong" in message
    assert paths == ["a.md", "b.md"]


def test_a_slip_in_a_headline_line_is_found() -> None:
    texts = [
        "Floodwater breached the Tessbury levee on Tuesday, and county engineer Ines Varholm ordered the Caddon road "
        "closed.",
        "Ines Varholm, the county engineer, said the Tessbury levee gave way near the Caddon road before dawn.",
        "Engineer Varhlom Orders Caddon Road Closed As Tessbury Levee Fails\n\n"
        "The Caddon road was shut after the Tessbury levee failed, the county engineer said.",
    ]
    assert "two letters swapped" in one_slip(texts, "Varhlom", "Varholm", "c.md")


def test_a_given_name_slip_in_a_headline_line_is_found() -> None:
    texts = [
        "Dravik Mining suspended its finance chief, Marika Feldt, after auditors found gaps in the Dravik accounts.",
        "Marika Feldt, the finance chief of Dravik Mining, was suspended on Monday pending the audit.",
        "Dravik Mining Suspends Finance Chief Marik Feldt After Audit\n\n"
        "Auditors at Dravik Mining found gaps in the accounts, and the finance chief was suspended.",
    ]
    one_slip(texts, "Marik Feldt", "Marika Feldt", "c.md")


# --- Near-misses: silent ---------------------------------------------------------------------------------------


def test_each_article_is_pointed_at_where_it_says_what_the_slip_says() -> None:
    # b.md names the firm first in passing; its sentence that credits the figure is the one to compare.
    texts = [
        "Losses from the Brennick outage reached $2bn, according to Quantrix, which models outage losses.",
        "Quantrix staff in Marden worked through the Brennick outage. Banks lost most, according to Quantrix data "
        "on the Brennick outage.",
        "Banks lost most in the Brennick outage, according to Quantric data seen by reporters.",
    ]
    found = [f for f in run_example(RULE, files(texts)) if f.rule == "names.spelling"]
    assert len(found) == 1
    [in_b] = [loc for loc in found[0].locations if loc.path == "b.md"]
    assert texts[1][in_b.start - 13 : in_b.start] == "according to "


def silent(texts: list[str], stories: int = 1) -> None:
    """No finding, on articles grouped as meant (one story unless said): the silence is not for want of a story."""
    grouped = group_stories([load_text(text, name) for name, text in files(texts)])
    assert len(set(grouped.of_document)) == stories
    assert findings(texts) == []


@pytest.mark.parametrize(
    ("one", "other"),
    [("Yevgeny Darkov", "Evgeny Darkov"), ("Sergei Darkov", "Sergey Darkov"), ("Korolensky", "Korolenskyy")],
)
def test_transliterations_are_house_style(one: str, other: str) -> None:
    silent(
        [
            f"Energy minister {one} signed the Vasko pipeline deal in Trenholm on Monday.",
            f"The Vasko pipeline deal was signed in Trenholm by energy minister {one}.",
            f"In Trenholm, energy minister {other} signed the Vasko pipeline deal after long talks.",
        ]
    )


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Khalil Gaddafi", "Khalil Qaddafi"),
        ("Hezbollah", "Hizbollah"),
        ("Al-Qaeda", "Al-Qaida"),
        ("Samir Ahmed", "Samir Ahmad"),
        ("Abdel Rahim", "Abdul Rahim"),
        ("Reza Mohammadi", "Reza Muhammadi"),
        ("Ayatollah Ardeshir", "Ayatollah Ardehshir"),
    ],
)
def test_romanisations_of_another_script_are_house_style(one: str, other: str) -> None:
    # Outlets romanise Arabic and Persian names their own way: vowels, q / g / k and a silent h differ.
    test_transliterations_are_house_style(one, other)


@pytest.mark.parametrize(
    ("one", "other", "edit"),
    [
        ("Meridian Analytics", "Meridan Analytics", "a letter missing"),
        ("Tunde Adeyemi", "Tunde Adyeemi", "two letters swapped"),
        ("Corvano Shipping", "Corvabo Shipping", "one letter different"),
    ],
)
def test_a_vowel_dropped_or_swapped_is_still_a_slip(one: str, other: str, edit: str) -> None:
    texts = [
        f"Energy minister Lena Ostrova said {one} signed the Vasko pipeline deal in Trenholm on Monday.",
        f"The Vasko pipeline deal was signed in Trenholm by {one}, energy minister Lena Ostrova said.",
        f"In Trenholm, energy minister Lena Ostrova said {other} signed the Vasko pipeline deal after long talks.",
    ]
    written = other.split()[1] if other.split()[0] == one.split()[0] else other.split()[0]
    expected = one.split()[1] if other.split()[0] == one.split()[0] else one.split()[0]
    assert edit in one_slip(texts, written, expected, "c.md")


@pytest.mark.parametrize(("one", "other"), [("Anke Müller", "Anke Muller"), ("Emre Şahin", "Emre Sahin")])
def test_diacritics_are_house_style(one: str, other: str) -> None:
    silent(
        [
            f"Coach {one} led Brackwater to the Ostlund league title on Saturday.",
            f"Brackwater won the Ostlund league title, and coach {one} thanked the fans.",
            f"The Ostlund league title went to Brackwater, whose coach {other} was carried off the pitch.",
        ]
    )


@pytest.mark.parametrize(("one", "other"), [("William", "Bill"), ("Gregory", "Greg")])
def test_known_short_forms_of_a_given_name_are_one_person(one: str, other: str) -> None:
    silent(
        [
            f"Marlow Bank chief executive {one} Tannet resigned after the Marlow Bank run in Esterby.",
            f"{one} Tannet quit as head of Marlow Bank after depositors in Esterby queued for cash.",
            f"Depositors in Esterby queued outside Marlow Bank, and its chief {other} Tannet resigned.",
        ]
    )


def test_demonyms_and_endings_are_not_slips() -> None:
    silent(
        [
            "Russia sent a team to the Olympic trials in Kerrow, where Iraqi runners also competed.",
            "Russian athletes and runners from Iraq trained in Kerrow before the Olympics.",
            "In Kerrow, the Olympic trials drew runners from Russia and Iraq.",
        ]
    )


def test_short_different_names_are_not_slips() -> None:
    silent(
        [
            "Iran and Sudan sent envoys to the Pallworth water talks, where Mark Ossery chaired the first session.",
            "Mark Ossery opened the Pallworth water talks with envoys from Iran and Sudan.",
            "At the Pallworth water talks, envoys from Iraq met Mary Ossery on Tuesday.",
        ]
    )


def test_two_people_with_surnames_one_letter_apart_are_two_people() -> None:
    silent(
        [
            "Mayor Ruth Calder of Penwick said the Penwick bridge would reopen in May.",
            "Ruth Calder, the mayor, said the Penwick bridge repairs were on schedule.",
            "Engineer Owen Caldor said the Penwick bridge would reopen in May.",
        ]
    )


def test_two_names_written_side_by_side_are_two_names() -> None:
    silent(
        [
            "Austria and Australia sent observers to the Vendel talks, as did the twin towns of Halden and Haldon.",
            "Observers from Australia watched the Vendel talks, which Halden hosted on Monday.",
            "The Vendel talks in Halden ended early, Australia's observers said.",
        ]
    )


def test_the_same_pair_in_two_unrelated_stories_is_not_compared() -> None:
    texts = [
        "A rockfall closed the Grennock mine on Monday, and foreman Piet Corbell led eleven miners to safety.",
        "Piet Corbell, the Grennock mine foreman, guided the trapped miners out of Grennock after the rockfall.",
        "Miners trapped at Grennock by the rockfall were freed by foreman Piet Corbell late on Monday.",
        "The Saltmere jazz festival opened on Friday at Ashquay pier, where the Gernnock trio played first.",
        "Pianist Lena Odell closed the Saltmere jazz festival at Ashquay pier on Sunday night.",
    ]
    silent(texts, stories=2)
    # Read as one story, the pair is a slip: the stories alone keep it apart.
    documents = [load_text(text, name) for name, text in files(texts)]
    one_story = Stories((0,) * len(texts), ("all",))
    assert [(v.written, v.expected) for v in resolve_spellings(documents, one_story).variants] == [
        ("Gernnock", "Grennock")
    ]


def test_a_name_written_each_way_by_two_articles_has_no_clear_majority() -> None:
    silent(
        [
            *LEVEE[:2],
            "The Caddon road was shut after the Tessbury levee failed, county engineer Ines Varhlom said.",
            "County engineer Ines Varhlom said the Tessbury levee had been weak for years and the Caddon road flooded.",
        ]
    )


def test_a_word_also_used_in_lower_case_is_not_a_name() -> None:
    silent(
        [
            "Tessbury River Rises Above Flood Mark\n\nThe river rises each spring, Marden council said on Monday.",
            "Marden Council Raises Tessbury Flood Levy\n\nThe council raises the levy as the Tessbury river rises.",
            "Tessbury River Rises Again\n\nMarden council said the Tessbury river was still rising.",
        ]
    )


def test_a_capitalised_word_also_used_in_lower_case_is_not_a_slip_of_a_firm() -> None:
    silent(
        [
            "Beds from Sheltex, a Marden firm, were sent to Tessbury after the flood on Monday.",
            "Sheltex sent 200 beds to flooded Tessbury, the Marden firm said.",
            "Flooded families in Tessbury slept at the Marden Shelter, where each shelter bed came from Marden.",
        ]
    )


# --- Properties -----------------------------------------------------------------------------------------------

POOL = [
    *LEVEE,
    "The Saltmere jazz festival opened on Friday, with pianist Lena Corbel playing to a crowd at Ashquay pier.",
    "Pianist Lena Corbel closed the Saltmere jazz festival at Ashquay pier on Sunday night.",
    "At Ashquay pier, pianist Lena Crobel drew the biggest crowd of the Saltmere jazz festival.",
]


def test_the_order_pool_holds_one_slip_per_story() -> None:
    assert [message.split(" in ")[0] for message, _paths in direct_findings(files(POOL))] == ["Crobel", "Varhlom"]


def direct_findings(texts: list[tuple[str, str]]) -> list[tuple[str, list[str]]]:
    """Findings on the documents in the order given (the pipeline would sort them by path)."""
    documents = [load_text(text, name) for name, text in texts]
    stories = group_stories(documents)
    context = CheckContext(
        rule=RULE,
        documents=documents,
        claims=[() for _ in documents],
        table=pd.DataFrame(),
        stories=stories,
        spellings=resolve_spellings(documents, stories),
    )
    return sorted((f.message, sorted({loc.path for loc in f.locations})) for f in NameSpelling().run(context))


@settings(max_examples=25, deadline=None)
@given(st.permutations(range(len(POOL))))
def test_findings_do_not_depend_on_the_order_of_the_documents(order: list[int]) -> None:
    named = files(POOL)
    assert direct_findings([named[i] for i in order]) == direct_findings(named)


def near(a: str, b: str) -> bool:
    """One edit apart (or equal), adjacent swaps included: the generator's names must be far apart."""
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]])
    short, long = sorted((a, b), key=len)
    return len(long) - len(short) == 1 and any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


HEADS = ["Tal", "Mor", "Ves", "Kar", "Dun", "Bre", "Osk", "Lin"]
TAILS = ["vik", "dra", "mont", "holm", "stad", "ley", "wen", "ric"]
WORD = st.builds(lambda h, t: h + t, st.sampled_from(HEADS), st.sampled_from(TAILS))
TEMPLATES = [
    "Fire crews from {town} fought a blaze at the {firm} depot, chief officer {given} {surname} said.",
    "{given} {surname}, the {town} fire chief, said the {firm} depot burned for six hours.",
    "The {firm} depot in {town} was gutted by fire on Monday, {surname} told reporters.",
    "In {town}, {surname} said no one was hurt in the {firm} depot fire.",
    "A blaze destroyed the {firm} depot overnight, the {town} fire service and {given} {surname} said.",
]


@settings(max_examples=25, deadline=None)
@given(st.lists(WORD, min_size=4, max_size=4, unique=True), st.sets(st.sampled_from(range(len(TEMPLATES))), min_size=2))
def test_names_written_one_way_in_every_article_give_no_finding(names: list[str], chosen: set[int]) -> None:
    assume(not any(near(a, b) for i, a in enumerate(names) for b in names[i + 1 :]))
    given_name, surname, town, firm = names
    texts = [
        t.format(given=given_name, surname=surname, town=town, firm=firm)
        for i, t in enumerate(TEMPLATES)
        if i in chosen
    ]
    assert findings(texts) == []


def test_two_short_names_one_letter_apart_with_nothing_else_in_common_are_two_names() -> None:
    # A mediator's family name and the group it mediates for: "Hamad" / "Hamas" in real copy.
    silent(
        [
            "Talks on the Dravo ceasefire resumed in Ostrel as the Korvan militia freed four hostages from Dravo.",
            "The Korvan militia freed four hostages, and the Dravo ceasefire talks in Ostrel were to resume on Monday.",
            "Emir Salim bin Korvak hosted the Dravo ceasefire talks in Ostrel, where the militia freed four hostages.",
        ]
    )


def test_two_long_surnames_that_differ_in_their_first_letter_are_two_people() -> None:
    silent(
        [
            "Defender Hernandez scored twice as Ostrel beat Dravo in the Korvan Cup final on Sunday.",
            "Ostrel won the Korvan Cup final against Dravo, with two goals from Hernandez.",
            "Dravo keeper Fernandez could not stop Ostrel in the Korvan Cup final on Sunday.",
        ]
    )


def test_one_article_that_spells_a_name_two_ways_is_found() -> None:
    text = (
        "Harbour master Olu Adeyemi closed the Marrowby quay on Monday. Adeyemi said the sea wall was weak. "
        "The harbour master, Olu Adyeemi, reopened the quay on Friday."
    )
    (finding,) = findings([text])
    assert finding[0].startswith("Adyeemi in a.md, but Adeyemi in a.md: two letters swapped")
    assert "written so 2 times" in finding[0]


def test_one_article_with_two_spellings_written_once_each_is_silent() -> None:
    silent(["Goalkeeper Anders Brandvold saved twice. His brother Nils Branvold watched from the Dalby stand."])


def test_two_given_names_of_different_people_are_two_names() -> None:
    # "Leon Marchand" and "Elon Musk" in one run: two letters apart, each with its own surname.
    silent(
        [
            "At the Corvel Games, swimmer Dario Velk won gold, and Dario Velk's coach Arno Tessel cheered.",
            "Dario Velk won gold at the Corvel Games, watched by Arno Tessel and the Corvel crowd.",
            "Dario Velk won gold at the Corvel Games. The sponsor, Daroi Minsk, paid for the Corvel pool.",
        ]
    )


@pytest.mark.parametrize(("one", "other"), [("Organisation", "Organization"), ("Centre", "Center")])
def test_british_and_american_spellings_are_house_style(one: str, other: str) -> None:
    silent(
        [
            f"The Marrowby Health {one} said 40 people were treated after the Dalby ferry fire.",
            f"Forty people were treated after the Dalby ferry fire, the Marrowby Health {one} said.",
            f"The Marrowby Health {other} treated 40 people after the Dalby ferry fire.",
        ]
    )


def test_a_doubled_consonant_with_only_a_title_in_common_is_a_transliteration() -> None:
    # "Sheikh Mohammed bin ..." / "Sheikh Mohamed bin ...": a title is no evidence of one spelling.
    silent(
        [
            "In Doha, Sheikh Hassim bin Tariq Al Varin said the Korvan truce talks would resume on Monday.",
            "The Korvan truce talks resume on Monday, Sheikh Hassim bin Tariq Al Varin told reporters in Doha.",
            "Sheikh Hasim bin Tariq Al Varin said in Doha that the Korvan truce talks would resume on Monday.",
        ]
    )


def test_two_people_whose_given_names_differ_by_a_doubled_letter_are_two_people() -> None:
    silent(
        [
            "Imam Hassan Oduya said the Marrowby mosque would reopen. Hassan Oduya thanked the police.",
            "The Marrowby mosque will reopen, Imam Hassan Oduya said on Friday.",
            "Hasan Kirel, the Marrowby mosque's treasurer, said the repairs would cost little.",
        ]
    )


def test_a_doubled_letter_made_single_in_a_body_with_of_is_found() -> None:
    # "Chamber" stands by both spellings across "of": one body's name, misspelt.
    texts = [
        "About 4,200 people work at the port, a survey by the Velmora Chamber of Commerce found.",
        "The port employs some 4,200 people, according to the Velmora Chamber of Commerce.",
        "Roughly 4,200 people work at the port, according to a report from the Velmora Chamber of Comerce.",
    ]
    [(message, _paths)] = findings(texts)
    assert message.startswith("Comerce in c.md, but Commerce")
