"""Claim frames on invented news sentences: what a number measures, whom it is about, in which series.

Each case names one claim of a sentence (by its text) and the frame fields it
must carry.
"""

from __future__ import annotations

from datetime import date

import pytest

from factcheck import extract_claims

CASES = [
    ("38 train cars derailed near Harlow on Friday.", "38", {"measure": "car", "event": "derail"}),
    ("The death toll from the quake in Tavria has reached 4,217.", "4,217", {"measure": "toll", "about": "tavria"}),
    (
        "The toll rose to 212, while the number of those injured has exceeded 900, officials said.",
        "exceeded 900",
        {"measure": "injure"},
    ),
    ("Another 1,130 people were injured in the blast.", "1,130", {"measure": "injure"}),
    ("Eleven of the cars were carrying chlorine.", "Eleven", {"measure": "car", "aspect": "part", "event": "carry"}),
    ("About 50 cars, including 10 carrying chlorine, derailed.", "10", {"measure": "car", "aspect": "part"}),
    ("Norway took 108 medals to Chile's 102.", "102", {"measure": "medal", "about": "chile"}),
    ("In Moravka, 1,530 deaths have been confirmed.", "1,530", {"about": "moravka"}),
    ("Chile won 16 golds at the Lissane Games.", "16", {"measure": "gold", "about": "chile"}),
    (
        "Norway edged out Chile, which also had 40 golds but only 91 medals.",
        "91",
        {"measure": "medal", "about": "chile"},
    ),
    (
        "In total, Norwegian athletes won 126 medals (40 gold, 44 silver, 42 bronze) at the Games.",
        "44",
        {"measure": "silver", "about": "norwegian"},
    ),
    ("The Chilean swimmer won four golds at the Lissane Games.", "four", {"about": "chilean swimmer"}),
    ("President Anton Vey updated the latest death toll to 4,127.", "4,127", {"about": ""}),
    ("Storm Ilsa reached the coast with winds of 140 mph (225 km/h).", "225 km/h", {"series": "converted"}),
    ("Previous reports said the quake killed 3,957 people.", "3,957", {"series": "earlier"}),
    ("Damage from Storm Ilsa could reach $250 billion, insurers said.", "$250 billion", {"series": "projection"}),
    ("Even after adjusting for inflation, the bank held $434 billion in assets.", "$434 billion", {"series": "real"}),
    ("Norway won 126 medals, 35 more than Chile.", "35", {"aspect": "difference", "measure": ""}),
    ("Its app launched two months ago and now has 3 million users.", "two months", {"measure": ""}),
    ("Analysts say 1 in 4 Orvella customers lost service.", "1 in 4", {"aspect": "share"}),
    ("Storm Ilsa made landfall as a Category 4 hurricane.", "Category 4", {"measure": "category"}),
    ("Storm Ilsa made landfall late Thursday near Port Carran.", "Thursday", {"measure": "landfall"}),
    ("Police in Marrow arrested 12 people on Friday.", "12", {"when": "friday"}),
    ("The tariff comes into force on 1 May 2025.", "1 May 2025", {"measure": "force"}),
    ("Bilateral trade between Norway and Japan reached $44bn in 2024.", "$44bn", {"about": "japan and norway"}),
    ("Halvex will cut 1,500 jobs worldwide next year.", "1,500", {"measure": "job"}),
]


@pytest.mark.parametrize(("sentence", "claim", "expected"), CASES, ids=[c[0][:48] for c in CASES])
def test_frame(sentence: str, claim: str, expected: dict[str, str]) -> None:
    claims = {c.text: c for c in extract_claims(sentence, date=date(2024, 9, 27))}
    assert claim in claims, sorted(claims)
    frame = claims[claim].frame.to_dict()
    assert {key: frame[key] for key in expected} == expected


def test_a_weekday_that_dates_a_report_is_no_claim() -> None:
    assert [c.text for c in extract_claims("Officials said on Monday that the bridge had reopened.")] == []
