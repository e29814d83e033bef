"""reference.facts and the facts base: mismatches found, covered-and-right and uncovered silent, base validated."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from factcheck.checks.reference import compile_phrasing, load_facts, parse_facts
from factcheck.errors import RuleError
from factcheck.pipeline import run_example
from factcheck.ruleset import builtin_rules_dir, load_rules

RULE = next(rule for rule in load_rules() if rule.id == "reference.facts")
DATED = "---\ndate: 2025-03-14\n---\n"


def findings(text: str, rule=RULE) -> list:
    return [f for f in run_example(rule, [("a.md", text)]) if f.rule == rule.id]


MISMATCHES = {
    "seed 001 sentence": (
        "A key difference, he said, is that by the time Nixon met with Chairman Mao Zedong in Beijing in 1971, "
        "relations between the USSR and China were in steep decline.",
        "1971",
    ),
    "seed 000 reworded copy": (
        "A key distinction, he mentioned, is that by the point Nixon met with Chairman Mao Zedong in Beijing "
        "in 1971, relations between the USSR and China have been in steep decline.",
        "1971",
    ),
    "wrong month": ("In March 1972, Nixon met Mao in Beijing.", "March 1972"),
    "year inside the phrase": ("Nixon's 1971 visit to China changed the Cold War.", "1971"),
    "Berlin Wall": ("The Berlin Wall fell in 1991.", "1991"),
    "full-scale invasion": (
        "Russia's full-scale invasion of Ukraine in February 2021 changed Europe.",
        "February 2021",
    ),
    "value: Everest": ("Everest stands 8,000 metres tall.", "8,000 metres"),
    "value: NATO members": (DATED + "NATO's 30 members met in Brussels.", "30"),
    "value: EU members": (DATED + "The 28-member EU agreed.", "28"),
}

SILENT = {
    "right year": "By the time Nixon met with Chairman Mao Zedong in Beijing in 1972, relations were in decline.",
    "right month": "In February 1972, Nixon met Mao in Beijing.",
    "a decade that contains it": "Nixon's historic rapprochement with China came in the 1970s.",
    "another event's year": (
        "Kissinger secretly met Zhou Enlai in Beijing in 1971, paving the way for Nixon's meeting with Mao."
    ),
    "announcement, not the visit": "Nixon's decision to visit China was announced in July 1971.",
    "a clause in between": "Nixon, who had been elected in 1968, met Mao in Beijing.",
    "no year tied": "Nixon met Mao; the 1969 border clashes had shaken Moscow.",
    "anniversary": "The 50th anniversary of the first Moon landing in 2019 was marked across the US.",
    "uncovered event": "Catherine the Great annexed Crimea in 1783.",
    "future event": "China may launch a full-scale invasion of Taiwan in 2027.",
    "year not written": "The September 11 attacks changed US foreign policy.",
    "right value": "Everest stands 8,849 metres tall.",
    "value in feet": "Everest rises 29,032 feet above sea level.",
    "not the tied figure": "Climbers above 8,000 metres on Everest need oxygen.",
    "subset, not the whole": DATED + "The 27-member EU agreed, and 12 EU countries objected.",
    "before the value held": "---\ndate: 2019-05-01\n---\nThe 28-member EU agreed.",
    "range covering the fact": "Putin came to power in 1999 and was elected in 2000.",
    "seed: Xi": "They have met more than 40 times since Xi came to power in 2012, first as general secretary.",
}


@pytest.mark.parametrize(("text", "stated"), list(MISMATCHES.values()), ids=list(MISMATCHES))
def test_mismatch_is_found(text: str, stated: str) -> None:
    found = findings(text)
    assert len(found) == 1, [f.message for f in found]
    assert found[0].kind == "reference_mismatch"
    assert f"text says {stated}," in found[0].message
    assert "source:" in found[0].message
    assert found[0].locations[0].text == stated


@pytest.mark.parametrize("text", list(SILENT.values()), ids=list(SILENT))
def test_agreeing_or_uncovered_sentence_is_silent(text: str) -> None:
    assert not findings(text), [f.message for f in findings(text)]


def test_builtin_facts_base_loads_and_has_the_nixon_meeting() -> None:
    facts = {fact.id: fact for fact in load_facts(builtin_rules_dir() / "_data" / "facts.yaml")}
    nixon = facts["nixon-meets-mao"]
    assert (nixon.start.isoformat(), nixon.end.isoformat()) == ("1972-02-21", "1972-02-21")  # type: ignore[union-attr]
    assert all(fact.source for fact in facts.values())


def test_facts_option_names_another_base(tmp_path: Path) -> None:
    base = tmp_path / "facts.yaml"
    base.write_text(
        "facts:\n  - id: harbour-bridge\n    subject: the opening of the Sydney Harbour Bridge\n"
        "    date: 1932-03-19\n    source: NSW government\n    phrasings: ['Harbour Bridge opened']\n",
        encoding="utf-8",
    )
    rule = replace(RULE, options={**RULE.options, "facts": str(base)})
    assert findings("The Sydney Harbour Bridge opened in 1930.", rule)
    assert not findings("The Sydney Harbour Bridge opened in 1932.", rule)
    assert not findings("By the time Nixon met Mao in 1971, relations had soured.", rule)


GOOD = """facts:
  - id: wall
    subject: the fall of the Berlin Wall
    date: 1989-11-09
    source: Britannica
    phrasings:
      - "Berlin Wall fell"
"""


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        (GOOD.replace("    source:", "    sorce: x\n    source:"), 5, "unknown key 'sorce'"),
        (GOOD.replace("    source: Britannica\n", ""), 2, "a fact needs 'source'"),
        (GOOD.replace("1989-11-09", "9 November 1989"), 4, "must be a date written YYYY"),
        (GOOD.replace("1989-11-09", "1989-02-30"), 4, "no such date"),
        (GOOD.replace('"Berlin Wall fell"', '"Berlin ... ... Wall"'), 7, "'...' twice"),
        (GOOD.replace('"Berlin Wall fell"', '"Berlin Wall ..."'), 7, "cannot start or end"),
        (GOOD.replace("    date: 1989-11-09\n", "    date: 1989-11-09\n    value: 3\n"), 2, "exactly one of"),
        (
            GOOD.replace("    date: 1989-11-09\n", "    value: 3\n    unit: furlongs_per_week\n").replace(
                '"Berlin Wall fell"', '"Berlin Wall {claim}"'
            ),
            5,
            "unknown unit",
        ),
        (GOOD.replace("    date: 1989-11-09\n", "    value: 3\n    unit: meter\n"), 8, "needs a {claim} slot"),
        (GOOD.replace("id: wall", "id: Wall!"), 2, "id must be lower-case"),
        (GOOD + GOOD.split("facts:\n")[1], 8, "duplicate fact id 'wall'"),
        ("facts: [\n", 2, "invalid YAML"),
        ("fact: []\n", 1, "unknown key 'fact'"),
        (GOOD.replace("    date: 1989-11-09\n", "    date: 1989-11-09\n    until: 1988\n"), 5, "until is before date"),
    ],
)
def test_malformed_facts_base_names_file_and_line(text: str, line: int, fragment: str) -> None:
    with pytest.raises(RuleError) as caught:
        parse_facts(text, "rules/_data/facts.yaml")
    assert caught.value.line == line, str(caught.value)
    assert fragment in str(caught.value)
    assert str(caught.value).startswith(f"rules/_data/facts.yaml:{line}: ")


def test_missing_facts_base_is_a_rule_error(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="cannot read facts base"):
        load_facts(tmp_path / "nope.yaml")


def test_phrasing_language() -> None:
    pattern, slotted = compile_phrasing("Nixon ... met|meeting ... Mao")
    assert not slotted
    assert pattern.search("Nixon’s first meeting with Chairman Mao")
    assert not pattern.search("Nixon met with the Chinese leaders, among them one who was not Mao")
    pattern, slotted = compile_phrasing("{claim} member EU|European_Union")
    assert slotted and pattern.search("the 27-member European Union")
    pattern, _ = compile_phrasing("meet* with Mao")
    assert pattern.search("meetings with Mao")
