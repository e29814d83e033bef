"""Every misattribution finding the seeds give, and why each is right.

Seed 000 is a machine-reworded copy of seed 001 (an Al Jazeera piece of
14 March 2025).  The rewording swapped words for synonyms inside proper
names, so 000 carries institutions that do not exist; 001 is the original.

* names.registry, 000 and 001: "historian and strategist Richard Luttwak".
  The historian and military strategist who wrote of a "reverse Nixon" is
  Edward Luttwak; the original article already had the wrong given name and
  the copy kept it.  The registry lists Richard Luttwak as a known error.
* names.affiliation, Michael Clarke: "Deakin College" (000) against "Deakin
  University" (001).  Clarke is at Deakin University; "College" is the
  rewording's synonym for "University".
* names.affiliation, Jaehan Park: "S Rajaratnam Faculty of Worldwide
  Research" (000) against "S Rajaratnam School of International Studies"
  (001), the real school in Singapore.  (000 also says "assistant professor
  on" where 001 says "at": wording only, not reported.)
* names.affiliation, Ali Wyne: "Worldwide Disaster Group" (000) against
  "International Crisis Group" (001): the same role, "senior researcher on
  US-China relations", at a body that does not exist.
* sources.attribution: "Greater than 1,000 overseas corporations ... in
  keeping with the Yale Faculty of Administration" (000) against "More than
  1,000 foreign companies ... according to the Yale School of Management"
  (001).  The tally of companies leaving Russia is the Yale School of
  Management's (Jeffrey Sonnenfeld's list).
* quotes.attribution: nothing.  The reworded quotes in 000 keep their
  speakers, and no quote is shared by any other pair of seeds.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.checks.base import Rule
from factcheck.model import Document, Finding, Severity
from factcheck.pipeline import run_rules
from factcheck.ruleset import builtin_rules_dir, parse_rule
from factcheck.sources import load_paths

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
COPY = "000_66cb382b3bbec319.txt"
ORIGINAL = "001_839168d87bbbea1a.txt"
RULE_IDS = ("names.registry", "names.affiliation", "quotes.attribution", "sources.attribution")


def _rule(rule_id: str) -> Rule:
    path = builtin_rules_dir().joinpath(*rule_id.split(".")).with_suffix(".yaml")
    return parse_rule(path.read_text(encoding="utf-8"), str(path), rule_id)


@pytest.fixture(scope="module")
def findings() -> list[Finding]:
    documents, errors = load_paths([str(SEEDS)])
    assert errors == []
    return list(run_rules(documents, [_rule(r) for r in RULE_IDS]).findings)


def _where(finding: Finding) -> list[tuple[str, int, str]]:
    return [(Path(loc.path).name, loc.line, loc.text) for loc in finding.locations]


def test_richard_luttwak_is_flagged_in_both_articles(findings: list[Finding]) -> None:
    names = [f for f in findings if f.rule == "names.registry"]
    assert sorted(_where(f)[0] for f in names) == [
        (COPY, 16, "Richard Luttwak"),
        (ORIGINAL, 172, "Richard Luttwak"),
    ]
    for finding in names:
        assert finding.kind == "name_misattribution"
        assert finding.severity is Severity.ERROR
        assert finding.message.startswith(
            "Richard Luttwak: the historian and strategist is Edward Luttwak (registry: rules/_data/people.yaml"
        )
        assert "did you mean Edward Luttwak?" in finding.message
        assert "historian and strategist Richard Luttwak" in finding.locations[0].sentence


@pytest.mark.parametrize(
    ("person", "copy", "original"),
    [
        ("Michael Clarke", "Deakin College", "Deakin University"),
        ("Jaehan Park", "S Rajaratnam Faculty of Worldwide Research", "S Rajaratnam School of International Studies"),
        ("Ali Wyne", "Worldwide Disaster Group", "International Crisis Group"),
    ],
)
def test_the_rewording_s_affiliation_conflicts(findings: list[Finding], person: str, copy: str, original: str) -> None:
    [finding] = [f for f in findings if f.rule == "names.affiliation" and f.message.startswith(person)]
    assert finding.kind == "affiliation_conflict"
    assert finding.severity is Severity.ERROR
    assert f"{copy} in " in finding.message and f"but {original} in " in finding.message
    (copy_path, _, copy_text), (original_path, _, original_text) = _where(finding)
    assert (copy_path, original_path) == (COPY, ORIGINAL)
    assert copy_text.startswith(person) and copy_text.endswith(copy)
    assert original_text.startswith(person) and original_text.endswith(original)


def test_the_yale_source_is_flagged(findings: list[Finding]) -> None:
    [finding] = [f for f in findings if f.rule == "sources.attribution"]
    assert finding.kind == "source_misattribution"
    assert finding.severity is Severity.ERROR
    assert _where(finding) == [
        (COPY, 53, "Yale Faculty of Administration"),
        (ORIGINAL, 249, "Yale School of Management"),
    ]


def test_nothing_else(findings: list[Finding]) -> None:
    assert sorted((f.rule, f.message.split(":")[0]) for f in findings) == [
        ("names.affiliation", "Ali Wyne"),
        ("names.affiliation", "Jaehan Park"),
        ("names.affiliation", "Michael Clarke"),
        ("names.registry", "Richard Luttwak"),
        ("names.registry", "Richard Luttwak"),
        ("sources.attribution", "overseas corporations"),
    ]


def test_wording_of_the_role_is_not_an_affiliation_conflict(findings: list[Finding]) -> None:
    """000 says "assistant professor on", 001 "assistant professor at": only the institution is reported."""
    [park] = [f for f in findings if f.message.startswith("Jaehan Park")]
    assert "assistant professor" not in park.message


def test_locations_are_slices_of_the_files(findings: list[Finding]) -> None:
    documents, _ = load_paths([str(SEEDS)])
    by_path: dict[str, Document] = {d.path: d for d in documents}
    for finding in findings:
        for location in finding.locations:
            text = by_path[location.path].text
            assert text[location.start : location.end] == location.text
            assert location.sentence in text
            assert location.sentence_offset <= location.start
