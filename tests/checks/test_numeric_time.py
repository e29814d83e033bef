"""numbers.conflict through time and on the claims the number grammar does not read.

Counts that only grow compare through their as-of dates, quantities that move
both ways only on the same day; swapped digits are a garbled figure whatever
the dates; scale labels, weekdays and dates of one event compare within a
story. Every text here is invented.
"""

from __future__ import annotations

import pytest

from factcheck.pipeline import run_example
from factcheck.ruleset import load_rules

RULE = next(rule for rule in load_rules() if rule.id == "numbers.conflict")


def dated(day: str, body: str) -> str:
    return f"---\ndate: {day}\n---\n{body}\n"


def run(*texts: str) -> list[str]:
    files = [(f"{chr(ord('a') + i)}.md", text) for i, text in enumerate(texts)]
    return [f.message for f in run_example(RULE, files)]


TOLL = "The death toll from the Alder Valley landslide has reached {}, regional officials said."
KILLED = "Rescuers said the Alder Valley landslide had killed {} people, regional officials said."


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        (dated("2024-05-09", TOLL.format("212")), dated("2024-05-09", KILLED.format("121")), True),
        (dated("2024-05-09", KILLED.format("121")), dated("2024-05-12", TOLL.format("212")), False),
        (dated("2024-05-12", KILLED.format("121")), dated("2024-05-09", TOLL.format("212")), True),
        # Undated: a rising count cannot be ordered, so it is not compared.
        (TOLL.format("212"), KILLED.format("121"), False),
        # The same digits in another order, a day apart: a garbled figure, not the toll rising.
        (dated("2024-05-09", TOLL.format("4,127")), dated("2024-05-10", KILLED.format("4,172")), True),
        (dated("2024-05-09", TOLL.format("4,127")), dated("2024-05-20", KILLED.format("4,172")), False),
        (TOLL.format("4,127"), KILLED.format("4,172"), True),
    ],
    ids=[
        "same day",
        "larger later",
        "smaller later",
        "undated",
        "swapped digits",
        "swapped digits weeks apart",
        "swapped digits undated",
    ],
)
def test_growing_counts_compare_through_dates(a: str, b: str, conflict: bool) -> None:
    assert bool(run(a, b)) is conflict


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Police in Marrow arrested 12 people on Friday after the protest at the Brenn depot.",
            "Police in Marrow arrested 30 people over the weekend after the protest at the Brenn depot.",
        ),
        (
            "Halvex said it would cut 200 jobs at its Ohio plant after the merger with Corda.",
            "Halvex said it would cut 1,500 jobs worldwide after the merger with Corda.",
        ),
        (
            "In Spain, youth unemployment stood at 27 percent in March, the Varda institute said.",
            "Unemployment in Spain stood at 11.7 percent in March, the Varda institute said.",
        ),
        (
            "Storm Ilsa crossed the coast on Tuesday. At least 14 people were killed, officials said.",
            "In the village of Bexley, two people died when Storm Ilsa crossed the coast.",
        ),
        (
            "Varnland's exports to Tavria rose to $120bn in the first nine months of 2022, the ministry said.",
            "Varnland's exports to Tavria rose to $150bn in 2022, the ministry said.",
        ),
    ],
    ids=[
        "another stretch of time",
        "a part against the worldwide total",
        "a narrower rate",
        "a local toll",
        "part of a year",
    ],
)
def test_scope_words_keep_quantities_apart(a: str, b: str) -> None:
    assert run(dated("2024-05-09", a), dated("2024-05-09", b)) == []


def test_a_growing_count_names_each_date() -> None:
    (message,) = run(dated("2024-05-12", KILLED.format("121")), dated("2024-05-09", TOLL.format("212")))
    assert "121 (as of 12 May 2024)" in message and "212 (as of 9 May 2024)" in message
    assert "smaller at a later date" in message


VALUE = "Shares of Orvella Systems lost {} of their market value since the outage, traders said."


def test_varying_quantities_compare_only_on_the_same_day() -> None:
    assert run(dated("2024-07-22", VALUE.format("22%")), dated("2024-07-22", VALUE.format("40%")))
    assert not run(dated("2024-07-22", VALUE.format("22%")), dated("2024-07-31", VALUE.format("40%")))


def test_scale_labels_compare_within_a_story() -> None:
    texts = [
        "Storm Ilsa made landfall near Port Carran as a Category 4 hurricane on Thursday night.",
        "Forecasters said Storm Ilsa reached Port Carran as a Category 4 hurricane.",
        "The Category 2 storm Ilsa battered Port Carran for hours.",
    ]
    messages = run(*texts)
    assert len(messages) == 2 and all("Category 2 in c.md" in m for m in messages)
    assert "2 articles agree" in messages[0]


def test_a_level_is_not_a_category() -> None:
    (message,) = run(
        "Storm Ilsa reached Port Carran as a Category 4 hurricane, and a Level 3 alert was issued.",
        "Storm Ilsa reached Port Carran as a Category 4 hurricane, and a Level 2 alert was issued.",
    )
    assert message.startswith("Level: Level 2 in b.md but Level 3 in a.md")  # the categories agree


def test_weekdays_of_one_event() -> None:
    a = dated("2024-09-27", "Storm Ilsa made landfall near Port Carran late Wednesday night.")
    b = dated("2024-09-27", "The storm Ilsa made landfall late Thursday near Port Carran.")
    (message,) = run(a, b)
    assert message.startswith("Day of the landfall: Wednesday in a.md but Thursday in b.md")
    # A week apart, "Thursday" is another Thursday.
    assert not run(a, dated("2024-10-09", "The storm Ilsa made landfall late Thursday near Port Carran."))
    # "said on Monday" dates the report, not an event.
    assert not run(
        "Port Carran officials said on Monday that Storm Ilsa made landfall near the harbour.",
        "Port Carran officials said on Tuesday that Storm Ilsa made landfall near the harbour.",
    )


def test_dates_of_one_event() -> None:
    (message,) = run(
        "The steel levy on imports from Varnland comes into force on 1 May 2025, the ministry said.",
        "Varnland's exporters face a steel levy that will come into force on 1 June 2025.",
    )
    assert "1 May 2025 in a.md but 1 June 2025 in b.md" in message
    assert not run(
        "The steel levy on imports from Varnland comes into force in May 2025, the ministry said.",
        "Varnland's exporters face a steel levy that will come into force on 1 May 2025.",
    )


def test_a_figure_without_an_owner_meets_the_closest_owner() -> None:
    """An article that gives one toll without saying whose, against one that gives two countries' tolls."""
    a = dated("2024-03-02", "President Anton Vey updated the latest death toll from the Kessel earthquake to 4,127.")
    b = dated(
        "2024-03-02",
        "The death toll from the Kessel earthquake in Tavria has reached 4,217, President Anton Vey said. "
        "In Moravka, 1,530 deaths from the Kessel earthquake have been confirmed.",
    )
    messages = run(a, b)
    assert len(messages) == 1 and "4,127" in messages[0] and "4,217" in messages[0]
