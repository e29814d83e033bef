"""internal.arithmetic on planted errors and on correct statements: both must hold.

Every planted error must give an arithmetic_error finding whose message shows
the computation; every correct statement (including ones only rounding or a
hedge explains) must give none.  A CI gate that cries wolf gets switched off,
so the correct list is as long as the planted one, and longer.
"""

from __future__ import annotations

import pytest

from factcheck.pipeline import run_example
from factcheck.ruleset import load_rules

RULE = next(rule for rule in load_rules() if rule.id == "internal.arithmetic")


def findings(text: str, name: str = "a.md") -> list:
    return [f for f in run_example(RULE, [(name, text)]) if f.rule == RULE.id]


PLANTED = {
    # changes against their endpoints
    "percent change, from-to then 'an increase of'": (
        "Trade rose from $140bn in 2021 to $244bn in 2024, an increase of 50 percent.",
        "244 / 140 - 1 = 74.3%, text says 50 percent",
    ),
    "percent change before from-to": ("Sales were up 12 percent from £412m to £447m.", "447 / 412 - 1 = 8.5%"),
    "percent change, to-from": ("Enrolment dropped 22 percent, to 880 from 1,000.", "880 / 1,000 - 1 = -12%"),
    "percent change between end and start": (
        "Tesla delivered 1.81 million cars in 2023, up 48 percent from 1.31 million in 2022.",
        "1.81 / 1.31 - 1 = 38.2%",
    ),
    "percent drop after the pair": ("The stock fell from $50 to $35, a 40 percent drop.", "35 / 50 - 1 = -30%"),
    "'or' restating the change": ("The price of a barrel rose from $70 to $84, or 30 percent.", "84 / 70 - 1 = 20%"),
    "change across a dash": (
        "The population grew from 500,000 to 750,000 — a rise of 35 percent.",
        "750,000 / 500,000 - 1 = 50%",
    ),
    "year on year": ("Exports are up 22.5 per cent year on year at $3.2bn from $2.9bn.", "3.2 / 2.9 - 1 = 10.3%"),
    "index points": ("The S&P 500 rose 2.2 percent to 5,123 points, from 5,062.", "5,123 / 5,062 - 1 = 1.21%"),
    "absolute and relative restated": (
        "Revenue rose by $94bn, or 64 percent, from $140bn to $244bn.",
        "244bn - 140bn = 104bn, text says $94bn",
    ),
    # multiplier words
    "doubled": ("The number of sanctions doubled from 2,000 to 6,000.", "6,000 / 2,000 = 3 times"),
    "tripled to-from": ("The number of sanctions tripled to 4,000 from 2,000.", "4,000 / 2,000 = 2 times"),
    "halved": ("Spending was halved from $10bn to $7.5bn.", "7.5 / 10 = 0.75 times"),
    "fell by a third": ("Imports fell by a third, from 900 to 300.", "300 / 900 - 1 = -66.7%"),
    "rose by half": ("Visits rose by half, from 1,000 to 2,000.", "2,000 / 1,000 - 1 = 100%"),
    "fivefold": ("Output grew fivefold to 300 units from 100.", "300 / 100 = 3 times"),
    "5-fold": ("Output grew 5-fold to 300 units from 100.", "300 / 100 = 3 times"),
    "N times": ("Sales jumped 2.7 times, from $140bn to $244bn.", "244 / 140 = 1.74 times"),
    "nearly doubled, but more": ("It has nearly doubled since 2019, from 40,000 to 97,000.", "97,000 / 40,000 = 2.42"),
    "range endpoints in one claim": ("Exports doubled from 1.2m tonnes to 3.5m tonnes.", "3.5 / 1.2 = 2.92 times"),
    # percentage points between two percentages
    "percentage points": (
        "Unemployment rose from 4.2 percent to 5.1 percent, a rise of 1.9 percentage points.",
        "5.1% - 4.2% = 0.9 points",
    ),
    "points, to-from": ("Turnout fell 5 points to 61 percent from 64 percent.", "61% - 64% = -3 points"),
    "points in words": ("Turnout rose from 61 percent to 67 percent, up eight points.", "67% - 61% = 6 points"),
    "basis points": (
        "The bank raised rates by 50 basis points from 4.5% to 4.75%.",
        "4.75% - 4.5% = 0.25 points",
    ),
    "hyphenated points": ("Its market share grew from 10 percent to 15 percent, a 9-point rise.", "15% - 10% = 5"),
    "months without a year in the gap": (
        "Inflation rose to 3.4 percent in December from 3.1 percent in November, up 0.6 points.",
        "3.4% - 3.1% = 0.3 points",
    ),
    # parts and totals
    "parts below 'a total of'": (
        "There were 2,854 sanctions before and 2,008 after, a total of 5,532.",
        "2,854 + 2,008 = 4,862, text says 5,532",
    ),
    "parts above 'bringing the total to'": (
        "The EU imposed 2,754 sanctions before the deal and 2,778 after, bringing the total to 4,532.",
        "2,754 + 2,778 = 5,532, text says 4,532",
    ),
    "three parts of money": (
        "The bill includes $40bn for defence, $20bn for health and $10bn for schools, a total of $80bn.",
        "40 + 20 + 10 = 70bn",
    ),
    # shares of one whole
    "poll answers over 100%": (
        "In the poll, 55 percent said yes, 40 percent said no and 15 percent were undecided.",
        "55% + 40% + 15% = 110%",
    ),
    "vote shares over 100%": ("The party won 52 percent of the vote and its rival 51 percent.", "52% + 51% = 103%"),
    # ratios stated two ways
    "one in five vs percent": ("One in five adults, or 25 percent, smoke.", "One in five = 20%, text says 25 percent"),
    "a third of a whole vs count": (
        "A third of the 1,200 staff, or 500 people, were laid off.",
        "A third of 1,200 = 400, text says 500",
    ),
    "count of a whole vs percent": ("300 of the 1,200 staff, or 30 percent, left.", "300 / 1,200 = 25%"),
    "percent of a whole vs count": (
        "40 percent of the 250 million people, or 150 million, live in cities.",
        "40 percent of 250 million = 100m",
    ),
    "nearly half vs percent": ("Nearly half of the 300 members, or 38 percent, voted.", "Nearly half = 50%"),
    "prices tripled but doubled": ("Prices tripled from $4 to $8.", "8 / 4 = 2 times"),
}

CORRECT = [
    # changes that agree, and sentences whose numbers are not one change
    "Bilateral trade between Russia and China has soared from $140bn in 2021 to $244bn in 2024.",
    "Trade rose from $140bn in 2021 to $244bn in 2024, an increase of 74 percent.",
    "Chinese exports to Russia rose by 70 percent between 2021 and 2024.",
    "Sales were up 8.5 percent from £412m to £447m.",
    "The company's revenue rose 8.5 percent to £447m from £412m a year earlier.",
    "Unemployment fell to 3.9 percent in April from 4.1 percent in March, a drop of 0.2 percentage points.",
    "The index climbed 2.3 percent to 4,512 points.",
    "Home prices rose 5 percent last year, while rents went from $1,500 to $1,650.",
    "Its population grew from 1.2 million in 2000 to 1.5 million in 2020, an increase of 25 percent.",
    "The share of renewables rose from 20 percent to 30 percent, an increase of 10 percentage points.",
    "The share of renewables rose from 20 percent to 30 percent, a 50 percent increase.",
    "The rate rose from 2% to 3%, an increase of 1 percent.",
    "Unemployment rose from 4.2% to 5.1%, a rise of 21%.",
    "The stock fell from $50 to $35, a 30 percent drop.",
    "The stock fell 30 percent, from $50 to $35.",
    "The cost rose by $2m to $12m from $10m.",
    "Revenue rose by $104bn, or 74 percent, from $140bn to $244bn.",
    "Revenue climbed to $244bn in 2024, up 74% from $140bn in 2021.",
    "Tesla delivered 1.81 million cars in 2023, up 38 percent from 1.31 million in 2022.",
    "Deaths dropped from 1,100 to 900, a decline of 18 percent.",
    "The price of a barrel rose from $70 to $84, or 20 percent.",
    "The population of the city grew from 500,000 to 750,000 — a rise of 50 percent — over two decades.",
    "Sales rose 5% to $105m from $100m, while profit rose 20% from $10m to $12m.",
    "Shares fell 3 percent to $95 from $98 on Tuesday.",
    "Inflation rose to 3.4 percent in December from 3.1 percent in November, up 0.3 points.",
    "The yield on the 10-year bond climbed 12 basis points to 4.5 percent from 4.38 percent.",
    "The S&P 500 rose 1.2 percent to 5,123 points, from 5,062.",
    "Enrolment dropped 12 percent, to 880 from 1,000.",
    "Its market share grew from 10 percent to 15 percent, a 5-point rise.",
    "Turnout rose from 61 percent to 67 percent, up six points.",
    "Turnout fell 3 points to 61 percent from 64 percent.",
    "GDP growth slowed to 2 percent from 2.5 percent, a drop of half a point.",
    "The euro zone economy grew 0.3 percent in the quarter, from 0.1 percent in the previous three months.",
    "Prices rose 3.2 percent in the year to March, compared with 3.4 percent in February.",
    "Inflation slowed to 2.1 percent from 2.5 percent.",
    "Emissions fell 7 percent to 1.2 billion tonnes in 2023 from 1.29 billion tonnes.",
    "The budget rose from $2bn to $3bn, up 50% on last year.",
    "The fund grew from $10m to $15m in five years, a 50 percent gain.",
    "Output rose 4% in March from February, when it fell 2% to 98 from 100.",
    "Russia's economy grew 3.6 percent in 2023 and 4.1 percent in 2024, while inflation rose from 7.4 percent "
    "to 9.5 percent.",
    # multiplier words that agree, or are hedged
    "Exports doubled from 1.2m tonnes to 2.5m tonnes.",
    "The number of sanctions tripled to 6,000 from 2,000.",
    "The budget was halved from $10bn to $5bn.",
    "The number of migrants halved, from 10,000 in 2022 to 5,100 in 2023.",
    "Imports fell by a third, from 900 to 600.",
    "The deficit narrowed by a quarter, from £100bn to £76bn.",
    "Output grew fivefold to 500 units from 100.",
    "Output grew 5-fold to 500 units from 100.",
    "Sales jumped 1.7 times, from $140bn to $244bn.",
    "Trade nearly doubled from $140bn to $244bn.",
    "Trade more than doubled from $140bn to $300bn.",
    "Sales more than tripled to $3.5bn from $1bn.",
    "It has nearly doubled since 2019, from 40,000 to 77,000.",
    "The number of cases tripled in a week, from 100 to 310.",
    "Deaths halved from a peak of 1,000 to 480.",
    "Sales rose 10% to $1.1bn, from $1bn, and are expected to double to $2.2bn by 2030.",
    # hedges and rounding explain these
    "It rose about 74 percent from $140bn to $244bn.",
    "Profits jumped 45% to $1.65bn, from $1bn a year earlier.",
    "The population rose from 7 billion in 2011 to 8 billion in 2022, a 14 percent increase over 11 years.",
    # percentages not computed from the endpoints given
    "In real terms, wages rose 2 percent, from £500 to £550 a week.",
    "Revenue grew at an average annual rate of 12 percent from $1bn in 2015 to $2.2bn in 2022.",
    "Sales rose from $100m to $150m, 40 percent of which came from exports.",
    "Sales rose from $100m to $150m, 40 percent higher than forecast.",
    "Ticket prices range from $50 to $150, up 20 percent on last year.",
    "Prices rose 10% across the board, from $1 for a coffee to $5 for a sandwich.",
    "Exports were $100bn compared with imports of $150bn, a 50 percent gap.",
    "Sales in Europe were €50m, compared with €40m in the US, a 25 percent difference.",
    "Prices are up 4% from a year ago, at $3.50 a gallon compared with $3.37.",
    # parts and totals that add up, or are not a whole
    "There were 2,754 sanctions before and 2,778 after, bringing the total to 5,532.",
    "Of the 1,200 staff, 300 were laid off in May and 200 in June, a total of 500.",
    "The EU added 300 sanctions in May and 200 in June, bringing the total to 21,692.",
    "The firm cut 300 jobs in 2023 and 450 in 2024, bringing its total workforce to 9,000.",
    "Police arrested 12 men and 3 women on Monday and 5 more on Tuesday, a total of 20 people.",
    "The army lost 300 tanks and 200 planes, for a total of 500 vehicles.",
    "The bill includes $40bn for defence, $20bn for health and $10bn for schools, a total of $70bn.",
    "He won 12 races and finished second in 8, for a total of 20 podiums.",
    "Volunteers planted 2,000 trees in March and 3,500 in April, bringing the total planted this year to 12,000.",
    "They have 3 sons and 2 daughters, and a total of 11 grandchildren.",
    "They have 3 sons and 2 daughters, a total of 11 grandchildren.",
    "The team scored 3 goals and conceded 2, for a total of 5 goals in the match.",
    "Of the 5,532 sanctions, 2,754 came before and 2,778 after.",
    # shares that are not of one whole, or add up
    "In the poll, 45 percent said yes, 40 percent said no and 15 percent were undecided.",
    "In the survey, 55 percent supported the measure, 30 percent opposed it and 15 percent were undecided.",
    "45 percent of men and 60 percent of women support the plan.",
    "Some 60 percent of Republicans and 70 percent of Democrats approve of the deal.",
    "Labour won 34 percent of the vote, the Conservatives 24 percent and Reform 14 percent.",
    "Labour won 412 seats with 34 percent of the vote, while the Conservatives took 121 seats with 24 percent.",
    "Women make up 51 percent of the population but only 30 percent of MPs.",
    "Exports account for 60 percent of GDP and imports for 55 percent.",
    "Support rose to 60 percent from 45 percent, and opposition fell to 30 percent from 50 percent.",
    # ratios that agree
    "One in five adults, or 20 percent, smoke.",
    "A third of the 1,200 staff, or 400 people, were laid off.",
    "Two-thirds of voters, or 66 percent, agreed.",
    "Nearly half of the 300 members, or 48 percent, voted.",
    "About a third of respondents, 32 percent, said they would move.",
    "20 percent of the 1,200 staff, or 240 people, left.",
    "20 percent of the 1,200 staff, or about 250 people, will leave.",
    "300 of the 1,200 staff, or 25 percent, left.",
    "One in five adults, or about 10 million people, smoke.",
    "Nearly one in three, or 31 percent, said they had been affected.",
    "Half of the 20 largest companies, or 10 firms, reported losses.",
    "Three-quarters of the 400 respondents, or 300 people, agreed.",
    "A quarter of its 2,000 employees, or 500 workers, are on strike.",
    "40 percent of the 250 million people, or 100 million, live in cities.",
    "Of the 1,200 staff, 20 percent, or 240 people, left.",
    "Up to a third of the 90 million people, or 30 million, could be affected.",
]


@pytest.mark.parametrize(("text", "computation"), list(PLANTED.values()), ids=list(PLANTED))
def test_planted_error_is_found_with_its_computation(text: str, computation: str) -> None:
    found = findings(text)
    assert found, f"no finding for: {text}"
    assert all(f.kind == "arithmetic_error" for f in found)
    assert any(computation in f.message for f in found), [f.message for f in found]


@pytest.mark.parametrize("text", CORRECT)
def test_correct_statement_is_silent(text: str) -> None:
    assert not findings(text), [f.message for f in findings(text)]


def test_fixture_score() -> None:
    """The measure the issue asks for: recall on planted errors, silence on correct statements."""
    found = sum(1 for text, _ in PLANTED.values() if findings(text))
    silent = sum(1 for text in CORRECT if not findings(text))
    assert found == len(PLANTED)
    assert silent == len(CORRECT)


def test_finding_points_at_the_claims_involved() -> None:
    (finding,) = findings("Trade rose from $140bn in 2021 to $244bn in 2024, an increase of 50 percent.")
    assert [loc.text for loc in finding.locations] == ["50 percent", "$140bn", "$244bn"]
    assert finding.severity.label == "error"


def test_a_change_in_one_sentence_is_not_read_across_sentences() -> None:
    text = "Trade rose from $140bn in 2021 to $244bn in 2024. Imports rose 50 percent."
    assert not findings(text)


def test_article_with_several_sentences_reports_only_the_wrong_one() -> None:
    text = (
        "---\ndate: 2025-03-14\n---\n"
        "Sales were up 8.5 percent from £412m to £447m.\n\n"
        "Profits rose from £40m to £60m, an increase of 30 percent.\n\n"
        "One in five adults, or 20 percent, smoke.\n"
    )
    (finding,) = findings(text)
    assert "60 / 40 - 1 = 50%" in finding.message
    assert finding.locations[0].line == 6
