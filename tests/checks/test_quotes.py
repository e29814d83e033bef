"""quotes.attribution on planted misattributions and near-misses, both ways.

A planted case must give exactly one quote_misattribution finding at the
stated severity, first location in a.md; a near-miss must give none.
"""

from __future__ import annotations

import pytest

from factcheck.model import Finding, Severity
from factcheck.pipeline import run_example
from factcheck.ruleset import builtin_rules_dir, parse_rule

PATH = builtin_rules_dir() / "quotes" / "attribution.yaml"
RULE = parse_rule(PATH.read_text(encoding="utf-8"), str(PATH), "quotes.attribution")
ERROR, WARNING = Severity.ERROR, Severity.WARNING

WYNE = (
    "There is little, if any, reason to conclude that President Putin sees the second Trump administration’s "
    "foreign policy as the new US normal"
)
CLARKE = (
    "Russia and China are in strong alignment and have clear incentives to continue that alignment and the "
    "Trump administration by all appearances has no clear idea about how or why pivoting to Putin assists "
    "American interests"
)


def run(*texts: str) -> list[Finding]:
    files = [(f"{chr(ord('a') + i)}.md", text) for i, text in enumerate(texts)]
    return [f for f in run_example(RULE, files) if f.rule == RULE.id]


PLANTED: dict[str, tuple[list[str], Severity]] = {
    "said X against said Y": (
        [f"“{WYNE},” said Michael Clarke, a historian.", f"“{WYNE},” said Ali Wyne, a senior researcher."],
        ERROR,
    ),
    "X told Al Jazeera against Y said, curly against straight quotes": (
        [f"“{WYNE},” Clarke told Al Jazeera.", f'"{WYNE}," Wyne said.'.replace("’", "'")],
        ERROR,
    ),
    "X said: ... against according to Y": (
        [f"Clarke said: “{CLARKE}.”", f"According to Wyne, “{CLARKE}.”"],
        ERROR,
    ),
    "an ellipsis and a small edit": (
        [
            "“Russia and China are in strong alignment … and the Trump administration by all appearances has no "
            "clear idea about how pivoting to Putin assists American interests,” Wyne said.",
            f"“{CLARKE},” Clarke said.",
        ],
        WARNING,
    ),
    "a fragment of a longer quote": (
        [
            "Wyne said the administration “has no clear idea about how or why pivoting to Putin assists American "
            "interests”.",
            f"“{CLARKE},” said Clarke.",
        ],
        WARNING,
    ),
    "a quote over several sentences": (
        [
            "“I am convinced that he and I can build a relationship of mutual respect and candour. And I’m "
            "convinced that it’s important for the world that we do so,” Obama told reporters.",
            "“I am convinced that he and I can build a relationship of mutual respect and candour. And I’m "
            "convinced that it’s important for the world that we do so,” Bush told reporters.",
        ],
        ERROR,
    ),
    "a quote that goes on after an attributed one": (
        [
            f"“{WYNE},” said Wyne. “He likely discerns a brief window of opportunity to secure tactical "
            "concessions from a transactional counterpart.”",
            "“He likely discerns a brief window of opportunity to secure tactical concessions from a "
            "transactional counterpart,” Clarke said.",
        ],
        ERROR,
    ),
    "he said, after the speaker was named": (
        [
            f"Michael Clarke, a historian at Deakin University, disagreed. Clarke agreed.\n\n“{CLARKE},” he said.",
            f"“{CLARKE},” said Ali Wyne, a senior researcher.",
        ],
        WARNING,
    ),
    "two articles against one": (
        [
            f"“{WYNE},” said Clarke.",
            f"“{WYNE},” said Ali Wyne.",
            f"“{WYNE},” Wyne told Al Jazeera.",
        ],
        ERROR,
    ),
    "a person against an organisation": (
        [
            "“Chinese exports to Russia rose faster than anyone had expected in 2024,” said Capital Economics.",
            "“Chinese exports to Russia rose faster than anyone had expected in 2024,” said Ali Wyne.",
        ],
        WARNING,
    ),
}

NEAR_MISSES: dict[str, list[str]] = {
    "the same speaker written three ways": [
        f"“{WYNE},” said Ali Wyne, a senior researcher at the International Crisis Group.",
        f"“{WYNE},” Wyne told Al Jazeera.",
        f'"{WYNE}," said Mr Wyne.',
    ],
    "the same speaker, full name and surname resolved": [
        f"Ali Wyne, a senior researcher, spoke first. “{WYNE},” Wyne said.",
        f"“{WYNE},” said Ali Wyne.",
    ],
    "short scare quotes from different people": [
        "Trump’s approach is a “reverse Nixon”, Clarke said.",
        "Trump’s approach is a “reverse Nixon”, Wyne said.",
    ],
    "different words": [
        "“Russia and China are in strong alignment,” Clarke said.",
        "“Russia and China have never been closer than they are today,” Wyne said.",
    ],
    "similar but different statements": [
        "“We will not give up a single inch of Ukrainian land to the invaders,” Zelenskyy said.",
        "“We will not give up a single metre of our land to anyone,” Putin said.",
    ],
    "a body and its own spokesman": [
        "“The talks will continue next week in Riyadh with both delegations,” the Kremlin said.",
        "“The talks will continue next week in Riyadh with both delegations,” said Dmitry Peskov, the Kremlin "
        "spokesman.",
    ],
    "words passed on": [
        f"“{WYNE},” Clarke said, quoting Wyne.",
        f"“{WYNE},” said Ali Wyne.",
    ],
    "no speaker in one article": [
        f"One analysis notes: “{WYNE}.”",
        f"“{WYNE},” said Ali Wyne.",
    ],
    "a vague speaker": [
        f"“{WYNE},” officials said.",
        f"“{WYNE},” said Ali Wyne.",
    ],
    "one article gives the words to two speakers": [
        f"“{WYNE},” said Wyne. Clarke agreed: “{WYNE}.”",
        f"“{WYNE},” said Ali Wyne.",
    ],
}


@pytest.mark.parametrize("name", list(PLANTED))
def test_planted_quote_misattribution_is_found(name: str) -> None:
    texts, severity = PLANTED[name]
    findings = run(*texts)
    assert len(findings) == 1, [f.message for f in findings]
    [finding] = findings
    assert finding.kind == "quote_misattribution"
    assert finding.severity is severity, finding.message
    assert finding.locations[0].path == "a.md"
    assert {loc.path for loc in finding.locations} == {f"{chr(ord('a') + i)}.md" for i in range(len(texts))}
    for location in finding.locations:
        assert location.text.startswith(("“", '"'))


@pytest.mark.parametrize("name", list(NEAR_MISSES))
def test_quote_near_miss_is_silent(name: str) -> None:
    findings = run(*NEAR_MISSES[name])
    assert findings == [], [f.message for f in findings]


def test_message_names_both_speakers() -> None:
    [finding] = run(*PLANTED["two articles against one"][0])
    assert finding.message.startswith("“There is little, if any, reason")
    assert ": Clarke in a.md but Ali Wyne in b.md, c.md; 2 articles credit Ali Wyne: check who said it" in (
        finding.message
    )
    assert finding.locations[0].sentence.endswith("said Clarke")


def test_planted_found_and_near_misses_silent_overall() -> None:
    found = sum(bool(run(*texts)) for texts, _ in PLANTED.values())
    alarms = sum(bool(run(*texts)) for texts in NEAR_MISSES.values())
    assert found / len(PLANTED) >= 0.8
    assert alarms / len(NEAR_MISSES) <= 0.1


def test_a_short_phrase_credited_directly_to_two_people_is_found() -> None:
    (finding,) = run(
        "“Not one more dredger,” harbour master Olu Adeyemi said as the Marrowby quay reopened.",
        "“Not one more dredger,” said the Marrowby mayor, Dana Wick, as the quay reopened.",
    )
    assert "Olu Adeyemi" in finding.message and "Dana Wick" in finding.message


def test_a_short_phrase_must_match_word_for_word() -> None:
    assert not run(
        "“Not one more dredger,” harbour master Olu Adeyemi said as the Marrowby quay reopened.",
        "“Not one more dredger this year,” said the Marrowby mayor, Dana Wick, as the quay reopened.",
    )


def test_a_short_phrase_inside_a_sentence_is_not_compared() -> None:
    assert not run(
        "Harbour master Olu Adeyemi called the Marrowby dredging plan “not one more dredger”.",
        "The Marrowby mayor, Dana Wick, summed up the dredging plan as “not one more dredger”.",
    )
