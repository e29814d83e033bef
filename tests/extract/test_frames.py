"""Claim frames read from invented news sentences: measure, modifiers, about, event, aspect and series.

Each case names one claim of a sentence (by its text as extracted) and the
frame fields it must carry; ``modifiers`` and ``names`` are checked as
"contains at least", every other field exactly.  Cases the extractor gets
wrong today are kept as strict xfails, with what it returns in the reason.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from factcheck import extract_claims
from factcheck.link.align import Vocabulary
from factcheck.model import Frame
from factcheck.ruleset import load_rules

DAY = date(2024, 6, 12)
RULE = next(rule for rule in load_rules() if rule.id == "numbers.conflict")
VOCABULARY = Vocabulary.from_options(RULE.options)


def frame_of(sentence: str, claim: str) -> Frame:
    claims = {c.text: c for c in extract_claims(sentence, date=DAY)}
    assert claim in claims, sorted(claims)
    return claims[claim].frame


def matches(frame: Frame, expected: dict[str, Any]) -> dict[str, Any]:
    """The frame fields named in ``expected`` (list fields only as the expected members they hold)."""
    actual = frame.to_dict()
    out: dict[str, Any] = {}
    for key, value in expected.items():
        if isinstance(value, list):
            out[key] = [v for v in value if v in actual[key]]
        else:
            out[key] = actual[key]
    return out


CASES = [
    # The measure: the noun after the number, its modifiers, the verb.
    (
        "Some 42 train cars derailed outside Brannock on Sunday, the Coldwater Rail operator said.",
        "Some 42",
        {"measure": "car", "modifiers": ["train"], "event": "derail", "when": "sunday"},
    ),
    (
        "At least 42 freight cars left the tracks near Brannock.",
        "At least 42",
        {"measure": "car", "modifiers": ["freight"]},
    ),
    # The measure before the number.
    (
        "The death toll from the Velmora earthquake has reached 6,312, officials said.",
        "6,312",
        {"measure": "toll", "modifiers": ["death"], "about": "velmora"},
    ),
    (
        "The number of those injured has exceeded 23,000, the Velmora health ministry said.",
        "exceeded 23,000",
        {"measure": "injure"},
    ),
    # A generic noun takes its verb as the measure.
    (
        "More than 3,400 people were injured in the blast at the Norlith plant.",
        "More than 3,400",
        {"measure": "injure"},
    ),
    ("Some 14,000 residents were evacuated from Orrin overnight.", "Some 14,000", {"measure": "evacuate"}),
    # Part of a whole just named.
    (
        "Nine of the cars were carrying liquid ammonia, the operator said.",
        "Nine",
        {"measure": "car", "aspect": "part", "event": "carry"},
    ),
    (
        "About 60 cars, including 14 carrying hazardous materials, left the tracks near Brannock.",
        "14",
        {"measure": "car", "aspect": "part", "whole": "car", "event": "carry"},
    ),
    (
        "About 60 cars, including 14 carrying hazardous materials, left the tracks near Brannock.",
        "About 60",
        {"measure": "car", "aspect": "level"},
    ),
    (
        "Of the 60 cars that derailed, 14 were carrying chlorine.",
        "14",
        {"measure": "car", "aspect": "part", "event": "carry"},
    ),
    # About: a possessive, a tail on the measure, the clause subject, a "which" clause's antecedent.
    ("Velmora's 88 medals were its best haul since 1996.", "88", {"measure": "medal", "about": "velmora"}),
    ("The quake caused 1,204 deaths in Velmora, officials said.", "1,204", {"measure": "death", "about": "velmora"}),
    ("Police arrested 63 protesters in Tessel on Saturday.", "63", {"about": "tessel", "event": "arrest"}),
    ("Ostrava won 21 golds at the Corvel Games.", "21", {"measure": "gold", "about": "ostrava", "event": "win"}),
    (
        "Dunvale Motors sacked 45 managers last week, the union said.",
        "45",
        {"measure": "manager", "about": "dunvale motors", "event": "sack", "when": "last week"},
    ),
    (
        "Ostrava beat Velmora, which finished with 31 golds but only 70 medals.",
        "70",
        {"measure": "medal", "about": "velmora"},
    ),
    (
        "Ostrava beat Velmora, which finished with 31 golds but only 70 medals.",
        "31",
        {"measure": "gold", "about": "velmora"},
    ),
    # A list or comparison: the measure carries over to the bare number, each owner keeps its own.
    ("Ostrava took 97 medals to Velmora's 88.", "88", {"measure": "medal", "about": "velmora"}),
    ("Ostrava took 97 medals to Velmora's 88.", "97", {"measure": "medal", "about": "ostrava"}),
    (
        "Velmora's toll rose to 6,312, and Ostrava's to 1,150.",
        "1,150",
        {"measure": "toll", "about": "ostrava"},
    ),
    (
        "The Marisol ferry was carrying 312 passengers and 24 crew when it sank.",
        "24",
        {"measure": "crew", "about": "marisol"},
    ),
    # Brackets inherit the owner of the total before them.
    (
        "Velmora won 112 total medals (37 gold, 41 silver, 34 bronze) at the Corvel Games.",
        "41",
        {"measure": "silver", "about": "velmora"},
    ),
    (
        "Velmora won 112 total medals (37 gold, 41 silver, 34 bronze) at the Corvel Games.",
        "112",
        {"measure": "medal", "about": "velmora", "total": True},
    ),
    # Announcers and sources are not what the number is about.
    (
        "President Lina Marek updated the death toll to 6,390 on Tuesday.",
        "6,390",
        {"measure": "toll", "about": ""},
    ),
    (
        "Governor Ines Halloway said the storm had destroyed 312 homes in Brannock.",
        "312",
        {"measure": "home", "about": "brannock", "event": "destroy"},
    ),
    # Series.
    (
        "Cyclone Perrin struck the coast with gusts of 120 mph (193 km/h).",
        "193 km/h",
        {"series": "converted"},
    ),
    ("Cyclone Perrin struck the coast with gusts of 120 mph (193 km/h).", "120 mph", {"series": ""}),
    ("Earlier reports said the quake killed 5,870 people.", "5,870", {"series": "earlier"}),
    ("Initial estimates put the damage at $3 billion.", "$3 billion", {"series": "earlier"}),
    ("After adjusting for inflation, the Velmora dam cost $1.8 billion.", "$1.8 billion", {"series": "real"}),
    ("Losses from Cyclone Perrin could reach $14 billion, analysts said.", "$14 billion", {"series": "projection"}),
    ("Prime Minister Arlo Fenn said 900 soldiers would be deployed.", "900", {"series": "projection", "about": ""}),
    # Aspects.
    (
        "Ostrava won 97 medals, 9 more than second-place Velmora.",
        "9",
        {"aspect": "difference", "measure": ""},
    ),
    ("Ostrava won 97 medals, 9 more than second-place Velmora.", "97", {"aspect": "level", "measure": "medal"}),
    ("The Tessel mill closed two months ago after 80 years in business.", "two months", {"measure": ""}),
    ("A survey found 1 in 4 companies in Brannock plan to cut staff.", "1 in 4", {"aspect": "share"}),
    # Once wrong (kept from the list below).
    ("Unemployment in Velmora fell to 6.1 percent in May.", "6.1 percent", {"series": ""}),
    ("In May, the Orrin landslide killed 212 people.", "212", {"series": ""}),
    # Once wrong (kept from the list below).
    ("Unemployment in Velmora fell to 6.1 percent in April.", "6.1 percent", {"about": "velmora"}),
    ("Damage from Cyclone Perrin reached $9 billion.", "$9 billion", {"measure": "damage", "about": "cyclone perrin"}),
    # Once wrong (kept from the list below).
    ("Damage from Cyclone Perrin is expected to top $9 billion.", "$9 billion", {"measure": "damage"}),
    ("Damage from Cyclone Perrin is estimated at $9 billion.", "$9 billion", {"measure": "damage"}),
    ("Losses from Cyclone Perrin could reach $14 billion, analysts said.", "$14 billion", {"measure": "loss"}),
    ("The budget deficit widened to 4.2% last year.", "4.2%", {"measure": "deficit", "modifiers": ["budget"]}),
]


@pytest.mark.parametrize(("sentence", "claim", "expected"), CASES, ids=[f"{c[1]}: {c[0][:50]}" for c in CASES])
def test_frame(sentence: str, claim: str, expected: dict[str, Any]) -> None:
    assert matches(frame_of(sentence, claim), expected) == expected


def test_a_demonym_before_a_singular_noun_is_not_the_country() -> None:
    frame = frame_of("The French swimmer won four golds at the Corvel Games.", "four")
    assert frame.measure == "gold"
    assert frame.about not in {"france", "french"}
    assert VOCABULARY.entity(frame.about) != "france"


def test_a_demonym_before_a_plural_noun_is_the_country() -> None:
    frame = frame_of("French swimmers won 11 golds at the Corvel Games.", "11")
    assert frame.about == "french"
    assert VOCABULARY.entity(frame.about) == "france"


def test_an_announcer_is_not_among_the_names() -> None:
    frame = frame_of("President Lina Marek updated the death toll to 6,390 on Tuesday.", "6,390")
    assert not any("marek" in name for name in frame.names)


def test_a_frame_round_trips_through_its_dict() -> None:
    frame = frame_of("Velmora won 112 total medals (37 gold, 41 silver, 34 bronze) at the Corvel Games.", "37")
    data = frame.to_dict()
    rebuilt = Frame(**{**data, "modifiers": tuple(data["modifiers"]), "names": tuple(data["names"])})
    assert rebuilt == frame


def test_a_participle_opening_a_sentence_is_read_as_a_word() -> None:
    # Was known wrong ("'Insured' read as the owner"): a participle before its noun names no one.
    frame = frame_of("Insured losses could reach $14 billion, analysts said.", "$14 billion")
    assert (frame.measure, frame.about) == ("loss", "")


def test_remain_is_a_verb() -> None:
    # Was known wrong ("'remain' became the measure"): the verb ends the noun phrase.
    assert frame_of("At least 17 passengers remain missing.", "At least 17").measure == "passenger"


def test_a_quoted_figure_is_still_the_verbs() -> None:
    sentence = "Kestrel Foods laid off \u201cnearly 2,000\u201d workers last year, its chief said."
    frame = frame_of(sentence, "nearly 2,000")
    assert (frame.measure, frame.event) == ("worker", "lay")


def test_the_speaker_and_whom_he_told_own_no_figure_of_what_he_told() -> None:
    frame = frame_of("Dana Whitcombe tells CNN nearly 2,000 Kestrel employees were laid off.", "nearly 2,000")
    assert frame.about == ""
    assert frame_of("Dana Whitcombe told the union 300 jobs would go.", "300").about == ""


@pytest.mark.parametrize(
    ("sentence", "claim", "series"),
    [
        ("The Unity party won 41% of the vote, according to an exit poll by Norvik Research.", "41%", "poll"),
        ("Exit poll: Unity leads with 41%", "41%", "poll"),
        ("The Unity party is on course to win 41% of the vote.", "41%", "projection"),
        ("The Unity party won 41% of the vote, official results showed.", "41%", ""),
    ],
)
def test_a_polls_figures_and_a_projection_are_their_own_series(sentence: str, claim: str, series: str) -> None:
    assert frame_of(sentence, claim).series == series


@pytest.mark.parametrize(
    ("sentence", "day", "measure"),
    [
        ("Residents were still shaken days after the blast on Monday morning.", "Monday", "blast"),
        ("A tank exploded at the Harlow works on Tuesday, killing nine.", "Tuesday", "explode"),
        ("The attack on Meridale began on Jan. 19.", "Jan. 19", "attack"),
        ("The ferry sank late on Friday.", "Friday", "sink"),
        # A word of the event that names another thing, a deadline, a report: no event's day.
        ("The group removed Meridale from its leak site on Feb. 4.", "Feb. 4", ""),
        ("The group gave Meridale until Feb. 2 to pay.", "Feb. 2", ""),
        ("Officials said on Monday the attack was over.", "Monday", None),
    ],
)
def test_a_day_after_a_once_only_event_dates_it(sentence: str, day: str, measure: str | None) -> None:
    claims = {c.text: c for c in extract_claims(sentence, date=DAY)}
    if measure is None:
        assert day not in claims
    else:
        assert claims[day].frame.measure == measure


# What the extractor gets wrong today: (sentence, claim, expected fields, what it returns instead).
WRONG = [
    (
        "Ostrava took 97 medals at the Corvel Games to Velmora's 88.",
        "88",
        {"measure": "medal", "about": "velmora"},
        "a phrase between the two numbers of a comparison ('at the Corvel Games') loses the list's measure: measure ''",
    ),
    (
        "There were 212 deaths in Orrin and 41 in Tessel, the agency said.",
        "41",
        {"measure": "death", "about": "tessel"},
        "a bare number after 'and' with its own 'in X' tail does not inherit the list's measure: measure ''",
    ),
    (
        "The earthquake has killed 6,312 people in Velmora and 1,150 people in Ostrava, officials said.",
        "1,150",
        {"measure": "kill", "about": "ostrava"},
        "the second generic noun of a list keeps 'people' as its measure instead of the verb: measure 'people'",
    ),
    (
        "The flood forced 14,000 residents to evacuate.",
        "14,000",
        {"measure": "evacuate"},
        "a generic noun takes the governing verb, not the one it does: measure 'force'",
    ),
    (
        "The number of people injured in the blast has risen to 1,420.",
        "1,420",
        {"measure": "injure", "modifiers": []},
        "the generic noun 'people' is kept as a modifier: modifiers ['people']",
    ),
    (
        "The brigade counted 74 dead in Tessel.",
        "74",
        {"about": "tessel"},
        "'dead' as a noun does not take its 'in X' tail as the owner ('74 deaths in Tessel' does): about ''",
    ),
    (
        "The Brisk Valley brigade counted 74 dead in Tessel after the landslide.",
        "74",
        {"about": "tessel"},
        "the counting brigade becomes the owner: about 'brisk valley'",
    ),
]


@pytest.mark.parametrize(
    ("sentence", "claim", "expected"),
    [
        pytest.param(sentence, claim, expected, marks=pytest.mark.xfail(strict=True, reason=observed), id=sentence[:60])
        for sentence, claim, expected, observed in WRONG
    ],
)
def test_frame_known_wrong(sentence: str, claim: str, expected: dict[str, Any]) -> None:
    actual = frame_of(sentence, claim).to_dict()
    assert {key: actual[key] for key in expected} == expected


def test_a_number_word_is_not_a_name() -> None:
    frame = frame_of("Nine of the cars were carrying liquid ammonia, the operator said.", "Nine")
    assert "nine" not in frame.names


def test_a_relative_date_is_no_measure_but_a_count_after_it_is() -> None:
    claims = {
        c.text: c.frame for c in extract_claims("Orrin's clinic opened two months ago and now sees 300 patients.")
    }
    assert claims["two months"].measure == ""
    assert claims["300"].measure == "patient"


@pytest.mark.parametrize(
    ("sentence", "claim", "scope"),
    [
        ("In the capital, Trenn, the Social Democrats took 45% of the vote.", "45%", "capital"),
        ("Across Ohio, Harlow Mills cut 300 jobs last year.", "300", "ohio"),
        ("In New Marrow, the Greens won 12 seats on Sunday.", "12", "new marrow"),
        # No place, or the place is the owner: no scope.
        ("In a statement, the ministry said 40 people had died.", "40", ""),
        ("In March, exports rose by 5% to a record.", "5%", ""),
        ("In total, the party won 71 seats.", "71", ""),
        ("In Syria, 2,530 people died, the government said.", "2,530", ""),
        ("The Social Democrats won 38% of the vote in the capital.", "38%", ""),
    ],
)
def test_a_place_a_sentence_opens_with_is_the_scope_of_its_numbers(sentence: str, claim: str, scope: str) -> None:
    assert frame_of(sentence, claim).scope == scope
