"""sources.attribution on planted misattributions and near-misses, both ways.

A planted case must give exactly one source_misattribution finding at the
stated severity, first location on a.md's source; a near-miss must give none.
"""

from __future__ import annotations

import pytest

from factcheck.model import Finding, Severity
from factcheck.pipeline import run_example
from factcheck.ruleset import builtin_rules_dir, parse_rule

PATH = builtin_rules_dir() / "sources" / "attribution.yaml"
RULE = parse_rule(PATH.read_text(encoding="utf-8"), str(PATH), "sources.attribution")
ERROR, WARNING = Severity.ERROR, Severity.WARNING

COMPANIES = "More than 1,000 foreign companies left Russia after the invasion, according to {}."
EXPORTS = "Chinese exports to Russia rose by 70 percent between 2021 and 2024, according to {}."
GROWTH = "Russia's economy grew by 4.1 percent in 2024, according to {}."


def dated(body: str) -> str:
    return f"---\ndate: 2025-03-14\n---\n{body}\n"


def run(*texts: str) -> list[Finding]:
    files = [(f"{chr(ord('a') + i)}.md", text) for i, text in enumerate(texts)]
    return [f for f in run_example(RULE, files) if f.rule == RULE.id]


# name -> (articles, severity, the first location's text)
PLANTED: dict[str, tuple[list[str], Severity, str]] = {
    "a garbled source in a reworded copy (seed 000/001)": (
        [
            "Greater than 1,000 overseas corporations left or wound down operations after the invasion, in "
            "keeping with the Yale Faculty of Administration.",
            dated(
                "More than 1,000 foreign companies left or wound down operations after the invasion, according "
                "to the Yale School of Management."
            ),
        ],
        ERROR,
        "Yale Faculty of Administration",
    ),
    "two different bodies for one figure": (
        [EXPORTS.format("the World Bank"), EXPORTS.format("Capital Economics")],
        WARNING,
        "World Bank",
    ),
    "the minority source among three articles": (
        [GROWTH.format("the Central Bank of Russia"), GROWTH.format("Rosstat"), GROWTH.format("Rosstat data")],
        WARNING,
        "Central Bank of Russia",
    ),
    "a body renamed in a rewording": (
        [
            "Global military spending rose by 9.4 percent in 2024, according to the Stockholm Institute for "
            "Peace Research.",
            "Global military spending rose by 9.4 percent in 2024, according to the Stockholm International "
            "Peace Research Institute.",
        ],
        ERROR,
        "Stockholm Institute for Peace Research",
    ),
    "a compatible value told another way": (
        [
            "Chinese exports to Russia rose by 70.2 percent between 2021 and 2024, according to the World Bank.",
            EXPORTS.format("Capital Economics"),
        ],
        WARNING,
        "World Bank",
    ),
    # The subject runs on differently in each article; the noun the figure counts is one statistic.
    "a count by its noun, however the sentence goes on": (
        [
            dated("The Port of Velmora handled 1.9 million containers last year, according to Brightwater Research."),
            dated("Velmora's port handled 1.9 million containers in 2024, Velmora Port Authority data show."),
            dated("Traffic fell in 2024 to 1.9 million containers, the Velmora Port Authority said."),
        ],
        WARNING,
        "Brightwater Research",
    ),
}

NEAR_MISSES: dict[str, list[str]] = {
    # A noun that counts nothing in particular is no one statistic.
    "a vague noun": [
        dated("About 4,200 people work at the port, according to the Chamber of Commerce."),
        dated("About 4,200 people marched through Velmora, according to the police."),
    ],
    "one noun, different figures": [
        dated("The Port of Velmora handled 1.9 million containers last year, according to Brightwater Research."),
        dated("Velmora's port handled 2.4 million containers in 2024, Velmora Port Authority data show."),
    ],
    "two outlets citing the same source": [EXPORTS.format("Capital Economics"), EXPORTS.format("Capital Economics")],
    "the same source, said and according to": [
        EXPORTS.format("Capital Economics"),
        "Chinese exports to Russia rose by 70 percent between 2021 and 2024, Capital Economics said.",
    ],
    "the same source, shortened": [COMPANIES.format("the Yale School of Management"), COMPANIES.format("Yale")],
    "an acronym": [GROWTH.format("the International Monetary Fund"), GROWTH.format("the IMF")],
    "different figures": [
        EXPORTS.format("Capital Economics"),
        "Chinese exports to Russia rose by 40 percent between 2021 and 2024, according to the World Bank.",
    ],
    "different periods": [
        EXPORTS.format("Capital Economics"),
        "Chinese exports to Russia rose by 70 percent between 2019 and 2020, according to the World Bank.",
    ],
    "different subjects": [
        EXPORTS.format("Capital Economics"),
        "Russian exports to China rose by 70 percent between 2021 and 2024, according to the World Bank.",
    ],
    "two people giving the same figure": [
        "Chinese exports to Russia rose by 70 percent between 2021 and 2024, said Michael Clarke, a historian.",
        "Chinese exports to Russia rose by 70 percent between 2021 and 2024, said Ali Wyne, a researcher.",
    ],
    "a person and a body": [
        "Chinese exports to Russia rose by 70 percent between 2021 and 2024, said William Jackson, an "
        "economist at Capital Economics.",
        EXPORTS.format("the World Bank"),
    ],
    "no source in one article": [
        EXPORTS.format("Capital Economics"),
        "Chinese exports to Russia rose by 70 percent between 2021 and 2024.",
    ],
}


@pytest.mark.parametrize("name", list(PLANTED))
def test_planted_source_misattribution_is_found(name: str) -> None:
    texts, severity, first = PLANTED[name]
    findings = run(*texts)
    assert len(findings) == 1, [f.message for f in findings]
    [finding] = findings
    assert finding.kind == "source_misattribution"
    assert finding.severity is severity, finding.message
    assert (finding.locations[0].path, finding.locations[0].text) == ("a.md", first)
    assert len({loc.path for loc in finding.locations}) == len(texts)


@pytest.mark.parametrize("name", list(NEAR_MISSES))
def test_source_near_miss_is_silent(name: str) -> None:
    findings = run(*NEAR_MISSES[name])
    assert findings == [], [f.message for f in findings]


def test_message_shows_both_sources() -> None:
    [finding] = run(*PLANTED["a garbled source in a reworded copy (seed 000/001)"][0])
    assert finding.message == (
        "overseas corporations: Greater than 1,000 is credited to Yale Faculty of Administration in a.md but to "
        "Yale School of Management in b.md; one name looks garbled: check the source's exact name"
    )
    assert "1,000" in finding.locations[0].sentence


def test_planted_found_and_near_misses_silent_overall() -> None:
    found = sum(bool(run(*texts)) for texts, _, _ in PLANTED.values())
    alarms = sum(bool(run(*texts)) for texts in NEAR_MISSES.values())
    assert found / len(PLANTED) >= 0.8
    assert alarms / len(NEAR_MISSES) <= 0.1
