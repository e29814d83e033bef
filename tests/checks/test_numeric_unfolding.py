"""numbers.conflict on a story that unfolds: figures that move as it develops are not errors.

Found by a probe of invented wire copy (a fire, an election, a Games): homes destroyed and crews
deployed grow from one day to the next, a count under way is not the final count, a margin is not a
total, and the whole of "52,318 of the 102,750 votes" is not the candidate's.  The planted errors stay
found: the same figure told two ways on the same day.
"""

from __future__ import annotations

from factcheck.pipeline import run_example
from factcheck.ruleset import load_rules

RULE = next(rule for rule in load_rules() if rule.id == "numbers.conflict")


def run(*texts: str) -> list[str]:
    files = [(f"{chr(ord('a') + i)}.md", text) for i, text in enumerate(texts)]
    return [f.message for f in run_example(RULE, files) if f.rule == RULE.id]


def dated(day: str, body: str) -> str:
    return f"---\ndate: {day}\n---\n{body}\n"


def test_a_figure_dated_by_articles_days_apart_may_have_moved() -> None:
    assert not run(
        dated("2024-07-15", "The Cedar Ridge fire has destroyed 86 homes near Millbrook, fire officials said."),
        dated("2024-07-18", "The Cedar Ridge fire has destroyed 112 homes near Millbrook, fire officials said."),
    )


def test_the_same_figure_told_two_ways_on_the_same_day_is_found() -> None:
    assert run(
        dated("2024-07-18", "The Cedar Ridge fire has destroyed 86 homes near Millbrook, fire officials said."),
        dated("2024-07-18", "The Cedar Ridge fire has destroyed 112 homes near Millbrook, fire officials said."),
    )


RESULTS = [
    "Marwick won 52,318 votes, according to the Carrow election office. Beyer won 48,127 votes.",
    "Marwick received 52,318 votes in Carrow. Her opponent, Tomas Beyer, received 48,127.",
]


def test_a_margin_is_not_a_total() -> None:
    margin = dated("2024-05-07", "Ilse Marwick wins the Carrow mayoralty by 4,191 votes.")
    assert not run(margin, dated("2024-05-07", "Ilse Marwick won the Carrow mayoral election with 52,318 votes."))


def test_a_count_under_way_is_not_the_final_count() -> None:
    under_way = (
        "With 91% of ballots counted, Marwick had 47,615 votes against 43,902 for Tomas Beyer, "
        "according to the Carrow election office."
    )
    assert not run(dated("2024-05-06", under_way), *(dated("2024-05-06", text) for text in RESULTS))


def test_the_whole_of_a_part_is_not_the_subjects() -> None:
    whole = "Marwick took 52,318 of the 102,750 valid votes in Carrow, or 50.9%. Tomas Beyer won 46.8%."
    assert not run(dated("2024-05-07", whole), *(dated("2024-05-07", text) for text in RESULTS))


def test_crews_deployed_are_compared_only_on_the_same_day() -> None:
    assert not run(
        dated("2024-07-15", "Some 220 firefighters were battling the Cedar Ridge fire near Millbrook on Monday."),
        dated("2024-07-16", "More than 1,450 firefighters were battling the Cedar Ridge fire near Millbrook."),
    )


def test_the_year_a_thing_opened_is_a_fact_to_agree_on() -> None:
    right = "The Harlan River Bridge opened in 1971 and carried 34,000 vehicles a day before it collapsed."
    wrong = "The Harlan River Bridge opened in 1974 and carried 34,000 vehicles a day before it collapsed."
    found = run(right, right.replace("carried", "took"), wrong)
    assert found and found[0].startswith("Year Harlan River Bridge opened: 1974 in c.md but 1971 in")


def test_years_of_other_things_or_of_repeated_events_are_not_compared() -> None:
    assert not run(
        "The Harlan River Bridge opened in 1971. Traffic on it rose in 2019, the county said.",
        "The Corran Viaduct opened in 1974. Traffic on the Harlan River Bridge rose in 2021, the county said.",
        "The Harlan River Bridge opened in 1971 and was repainted in 2015.",
    )
