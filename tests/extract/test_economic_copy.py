"""Frames and periods of economic, sports, health and disaster copy as outlets write it: every text here is invented.

Each of these failed before the fix it tests: "Gross domestic product" at the
start of a sentence was read as a name, "expanded by" as the measure, "last
year" as what a number counts and never as its period, "GDP" as an
organisation, "United" as the verb "unite", and a short name ("United") as
another owner than the article's full one ("Marrow United").
"""

from __future__ import annotations

from datetime import date

import pytest

from factcheck import extract_claims

DAY = date(2025, 1, 30)


def frame_of(sentence: str, text: str, day: date | None = DAY) -> dict[str, object]:
    claim = next(c for c in extract_claims(sentence, date=day) if c.text == text)
    frame = claim.frame
    return {
        "measure": frame.measure,
        "modifiers": frame.modifiers,
        "about": frame.about,
        "event": frame.event,
        "aspect": frame.aspect,
        "period": claim.period.label() if claim.period else None,
        "subject": claim.subject_key,
    }


@pytest.mark.parametrize(
    ("sentence", "text", "expected"),
    [
        (
            "Gross domestic product expanded by 2.4 percent last year, the statistics office said.",
            "2.4 percent",
            {"measure": "product", "modifiers": ("gross", "domestic"), "about": "", "period": "2024"},
        ),
        ("Borvia's GDP grew 2.4% in 2024.", "2.4%", {"measure": "gdp", "modifiers": (), "about": "borvia"}),
        ("GDP expanded by 2.4 percent last year.", "2.4 percent", {"measure": "gdp", "about": ""}),
        ("Exports expanded by 4% in 2024.", "4%", {"measure": "export", "event": "expand"}),
        ("Retail sales slumped 3% in December.", "3%", {"measure": "sales", "modifiers": ("retail",), "about": ""}),
        ("Economic growth was 2.4% last year.", "2.4%", {"measure": "economic", "aspect": "change"}),
        ("Unemployment fell to 6.1% last year.", "6.1%", {"measure": "unemployment", "about": ""}),
        ("Inflation averaged 3.2% this year.", "3.2%", {"about": "", "period": "2025"}),
        ("Output rose 2.3% year on year.", "2.3%", {"measure": "output"}),
        ("Sales rose 5% last month, the company said.", "5%", {"period": "2024-12-01/2024-12-31"}),
    ],
    ids=lambda value: value[:40] if isinstance(value, str) else None,
)
def test_economic_frames(sentence: str, text: str, expected: dict[str, object]) -> None:
    frame = frame_of(sentence, text)
    assert {key: frame[key] for key in expected} == expected


def test_last_year_is_not_what_is_counted() -> None:
    assert frame_of("The economy grew 2.4% last year.", "2.4%")["subject"] == "economy"


def test_last_year_needs_the_article_date() -> None:
    assert frame_of("The economy grew 2.4% last year.", "2.4%", day=None)["period"] is None


def test_a_year_set_against_the_figure_keeps_its_own() -> None:
    sentence = "The economy expanded by 2.4 percent last year, up from 1.4 percent in 2023."
    assert frame_of(sentence, "2.4 percent")["period"] == "2024"
    assert frame_of(sentence, "1.4 percent")["period"] == "2023"


def test_last_years_figure_does_not_date_the_sentence() -> None:
    # A possessive names another figure ("last year's record"), not the period of this one.
    assert frame_of("Exports beat last year's record with 4,100 shipments.", "4,100")["period"] != "2024"


def test_a_capitalised_name_is_no_verb() -> None:
    assert frame_of("United have 47 points after 20 matches.", "47")["event"] == ""


@pytest.mark.parametrize(
    ("text", "about"),
    [
        # The article writes the full name once; its short form is the same team.
        ("Marrow United beat Trenn 3-1 on Saturday. United have 47 points after 20 matches.", "marrow united"),
        # Two teams end in "United": the short form stays as written.
        (
            "Marrow United beat Ostby United 3-1 on Saturday. United have 47 points after 20 matches.",
            "united",
        ),
        # A compass word makes another place: Sudan is not South Sudan.
        ("Refugees crossed into South Sudan. Sudan's army has 120,000 soldiers.", "sudan"),
        # A word the article writes in lower case is no part of the name a headline capitalised.
        (
            "Opposition Civic Renewal wins most seats\n\nThe opposition Civic Renewal party won. Civic Renewal "
            "took 142 seats.",
            "civic renewal",
        ),
        # A firm's first word alone is the firm the article names in full; a place is not a newspaper.
        ("Meridale Health runs hospitals. Meridale has 140 hospitals.", "meridale health"),
        ("China Daily reported the figures. China has 1,400 ports.", "china"),
        # A full stop ends a name: "the Games. The U.S." is no name.
        ("It was the last day of the Games. The U.S. won 126 medals in all.", "u.s"),
    ],
)
def test_short_names_take_the_articles_full_name(text: str, about: str) -> None:
    claims = [c for c in extract_claims(text, date=DAY) if c.kind == "number" and c.value and c.value > 100 - 60]
    assert claims[-1].frame.about == about


def test_the_number_of_what_takes_its_whole_noun_group() -> None:
    frame = frame_of("The number of measles cases in Ostravia has risen to 312.", "312")
    assert (frame["measure"], frame["modifiers"], frame["about"]) == ("case", ("measles",), "ostravia")


@pytest.mark.parametrize("word", ["measles", "news", "species", "diabetes"])
def test_a_singular_in_s_is_not_cut(word: str) -> None:
    from factcheck.extract.frames import noun_lemma

    assert noun_lemma(word) == word


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        # A headline's verb: more than the figure.
        ("Ostravia measles cases top 300", "more_than"),
        ("Deaths top 1,000 in Kelm", "more_than"),
        ("Toll tops 5,000 as rescuers dig", "more_than"),
        ("Exports topped $2bn in March", "more_than"),
        # A rank: the figure itself.
        ("She finished in the top 10.", None),
        ("Tessel ranks top 5 in Europe.", None),
        ("The top 3 firms grew.", None),
    ],
)
def test_top_before_a_number(sentence: str, qualifier: str | None) -> None:
    claims = [c for c in extract_claims(sentence) if c.kind != "year"]
    assert [c.qualifier for c in claims] == [qualifier]


def test_a_time_word_of_another_clause_is_not_the_numbers() -> None:
    sentence = "The fire has burned 42,000 acres since it broke out on Friday, officials said on Tuesday."
    claim = next(c for c in extract_claims(sentence, date=DAY) if c.text.startswith("42,000"))
    assert claim.frame.when == ""
    assert next(c for c in extract_claims("Police arrested 12 people on Friday.")).frame.when == "friday"


def test_burnt_is_a_verb() -> None:
    assert frame_of("Crews fought the blaze, which had burnt 24,000 acres.", "24,000 acres")["event"] == "burn"


@pytest.mark.parametrize(
    ("sentence", "text", "expected"),
    [
        # What a change is measured against is no superseded figure.
        ("Veltrix made a net profit of $4.2 billion, up 18% from a year earlier.", "$4.2 billion", {"series": ""}),
        ("The previous estimate put the toll at 212.", "212", {"series": "earlier"}),
        # The figure before "to" is the change of the same measure.
        ("Quarterly sales climbed 11 percent to $23.1bn.", "$23.1bn", {"measure": "sales"}),
        # After "said", the clause's own subject.
        ("Finance chief Dana Whitcombe said cloud revenue grew 27%.", "27%", {"measure": "revenue"}),
        # "higher than a year before" is a change, not a difference from another thing.
        ("Revenue of $21.3 billion was 11% higher than a year before.", "11%", {"measure": "revenue"}),
        ("Norway won 126 medals, 35 more than Chile.", "35", {"aspect": "difference"}),
    ],
)
def test_financial_frames(sentence: str, text: str, expected: dict[str, str]) -> None:
    claim = next(c for c in extract_claims(sentence, date=DAY) if c.text == text)
    frame = {"series": claim.frame.series, "measure": claim.frame.measure, "aspect": claim.frame.aspect}
    assert {key: frame[key] for key in expected} == expected


def test_the_year_a_figure_is_compared_with_is_not_its_period() -> None:
    sentence = "Net income was $4.2bn, an 18 percent increase on the same period last year."
    assert frame_of(sentence, "$4.2bn")["period"] != "2024"


@pytest.mark.parametrize(
    ("sentence", "about"),
    [
        ("Textile maker Harlow Mills is eliminating about 1,500 positions.", "harlow mills"),
        # A firm's name that is also a word stays a name.
        ("Apple shares fell 3% on Monday.", "apple"),
        ("Turkey has recorded 4,000 deaths.", "turkey"),
    ],
)
def test_a_trade_before_a_firm_is_no_name(sentence: str, about: str) -> None:
    claims = [c for c in extract_claims(sentence) if c.kind != "year"]
    assert claims[0].frame.about == about


@pytest.mark.parametrize(
    ("sentence", "series"),
    [
        # Reported speech of a plan is no projection ...
        ("Harlow Mills said it would lay off 1,500 workers.", ""),
        # ... but a "could" later in the sentence still is.
        ("Analysts said it would cost 2 billion euros and could reach 3 billion euros.", "projection"),
        ("The toll could reach 300, officials said.", "projection"),
    ],
)
def test_said_it_would_is_reported_speech(sentence: str, series: str) -> None:
    claims = [c for c in extract_claims(sentence) if c.kind != "year"]
    assert claims[-1].frame.series == series


@pytest.mark.parametrize(
    ("sentence", "about"),
    [
        # An appositive that says who leads the name does not take the number from it.
        ("The National Union, led by Anton Greve, won 27 percent and 94 seats.", "national union"),
        ("Harlow Mills, owned by the Vos family, cut 1,200 jobs.", "harlow mills"),
    ],
)
def test_the_owner_across_an_appositive(sentence: str, about: str) -> None:
    claims = [c for c in extract_claims(sentence) if c.kind != "year"]
    assert claims[-1].frame.about == about


@pytest.mark.parametrize(
    ("sentence", "about"),
    [
        # A participle before its noun opens a sentence without naming anyone.
        ("Insured losses may total $1.5 billion.", ""),
        ("Confirmed cases rose to 312.", ""),
        # A name that ends in -ed stays one before a verb.
        ("United have 47 points after 20 matches.", "united"),
    ],
)
def test_a_participle_opening_a_sentence_is_no_name(sentence: str, about: str) -> None:
    claims = [c for c in extract_claims(sentence) if c.kind != "year"]
    assert claims[0].frame.about == about


@pytest.mark.parametrize(
    ("sentence", "text", "measure"),
    [
        ("A court sentenced Piet Vos to seven years in prison on Tuesday.", "seven years", "prison"),
        ("Piet Vos was jailed for seven years, the court ruled.", "seven years", "prison"),
        # Court copy's money: the noun before "worth" or "totalling".
        ("The court found he took bribes worth 2.3 million euros.", "2.3 million euros", "bribe"),
        ("He received bribes totalling 2.3 million euros.", "2.3 million euros", "bribe"),
        # A duration that is no sentence stays without a measure.
        ("The trial lasted two years.", "two years", ""),
    ],
)
def test_court_copy(sentence: str, text: str, measure: str) -> None:
    assert frame_of(sentence, text)["measure"] == measure


def test_a_year_in_another_relative_clause_does_not_date_the_figure() -> None:
    sentence = "Piet Vos, who was mayor of Velmora from 2012 to 2020, was jailed for seven years."
    assert frame_of(sentence, "seven years")["period"] == "as of 2025-01-30"
    assert frame_of("Exports rose 70 percent between 2021 and 2024.", "70 percent")["period"] == "2021/2024"
