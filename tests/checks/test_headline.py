"""internal.headline: a title or heading figure against the same quantity in the body."""

from __future__ import annotations

import pytest

from factcheck.model import Severity
from factcheck.pipeline import run_example
from factcheck.ruleset import load_rules

RULE = next(rule for rule in load_rules() if rule.id == "internal.headline")


def findings(text: str, name: str = "a.md") -> list:
    return [f for f in run_example(RULE, [(name, text)]) if f.rule == RULE.id]


def article(title: str, body: str) -> str:
    return f"---\ntitle: {title}\ndate: 2024-11-01\n---\n{body}\n"


PLANTED = {
    "front matter title": article(
        "Flood destroys 1,200 homes in Valencia", "Officials said 900 homes in Valencia were destroyed by the flood."
    ),
    "markdown heading": (
        "# Russia-China trade reaches $300bn\n\n"
        "Bilateral trade between Russia and China reached $244bn in 2024, according to customs data.\n"
    ),
    "second-level heading": (
        "Intro text.\n\n## US imposes 15,000 sanctions on Russia\n\n"
        "The US has imposed 21,692 sanctions on Russia since 2022, officials said.\n"
    ),
    "percent change": article(
        "Chinese exports to Russia rose 40% in three years",
        "Chinese exports to Russia rose by 70 percent between 2021 and 2024.",
    ),
}

CORRECT = {
    "same figure": article(
        "Flood destroys 900 homes in Valencia", "Officials said 900 homes in Valencia were destroyed by the flood."
    ),
    "headline rounds": (
        "# Russia-China trade reaches $250bn\n\n"
        "Bilateral trade between Russia and China reached $244bn in 2024, according to customs data.\n"
    ),
    "headline hedges": article(
        "Nearly 1,000 homes destroyed in Valencia flood",
        "Officials said 950 homes in Valencia were destroyed by the flood.",
    ),
    "a series in the body": (
        "# Russia-China trade reaches $200bn\n\n"
        "Bilateral trade between Russia and China soared from $140bn in 2021 to $244bn in 2024.\n"
    ),
    "another quantity": article(
        "Flood destroys 1,200 homes in Valencia", "The army sent 900 soldiers to Valencia to clear the roads."
    ),
    "a level against a change": article(
        "Chinese exports to Russia reach $110bn", "Chinese exports to Russia rose by 70 percent between 2021 and 2024."
    ),
    "no number in the title": article("Is Trump pulling Putin away from China?", "Trade reached $244bn in 2024."),
    "different years": (
        "# Trade hit $140bn in 2021\n\nBilateral trade between Russia and China reached $244bn in 2024.\n"
    ),
}


@pytest.mark.parametrize("text", list(PLANTED.values()), ids=list(PLANTED))
def test_contradicting_headline_is_found(text: str) -> None:
    found = findings(text)
    assert len(found) == 1, [f.message for f in found]
    assert found[0].kind == "numeric_conflict"
    assert "the headline says" in found[0].message


@pytest.mark.parametrize("text", list(CORRECT.values()), ids=list(CORRECT))
def test_agreeing_or_unrelated_headline_is_silent(text: str) -> None:
    assert not findings(text), [f.message for f in findings(text)]


def test_title_location_points_at_the_front_matter_line() -> None:
    (finding,) = findings(PLANTED["front matter title"])
    title, body = finding.locations
    assert (title.line, title.text) == (2, "1,200")
    assert title.column == len("title: Flood destroys ") + 1
    assert body.text == "900" and body.line == 5


def test_exact_subject_match_keeps_the_rule_severity() -> None:
    (finding,) = findings(PLANTED["front matter title"])
    assert finding.severity == Severity.ERROR


def test_loose_subject_match_is_at_most_a_warning() -> None:
    (finding,) = findings(PLANTED["markdown heading"])
    assert finding.severity == Severity.WARNING


def test_a_number_after_a_number_is_not_its_subject() -> None:
    # "a seven-under-par 65": the subject of "seven" stops before the 65, so it is no body figure for
    # the headline's 65.
    text = (
        "---\ntitle: Halvorsen Leads Corvel Open After Opening 65\n---\n"
        "Ines Halvorsen shot a seven-under-par 65 to lead the Corvel Open after the first round on Thursday.\n"
    )
    assert findings(text) == []
