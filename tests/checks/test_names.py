"""names.registry and names.affiliation on planted misattributions and near-misses, both ways.

Each case is a small set of articles.  A planted case must give exactly one
finding of the rule's kind, at the stated severity, whose first location is
the passage that is wrong; a near-miss must give none.  The last tests measure
the whole table (recall on planted cases, false alarms on near-misses).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.checks.base import CheckContext, Rule
from factcheck.checks.names import NameMisattribution, load_registry, parse_registry, registry_path
from factcheck.errors import RuleError
from factcheck.extract.people import name_spans
from factcheck.model import Finding, Severity
from factcheck.pipeline import run_example
from factcheck.ruleset import builtin_rules_dir, load_rules, parse_rule
from factcheck.sources import load_text
from factcheck.suppress import apply_suppressions, find_cq_marks


def _rule(rule_id: str) -> Rule:
    path = builtin_rules_dir().joinpath(*rule_id.split(".")).with_suffix(".yaml")
    return parse_rule(path.read_text(encoding="utf-8"), str(path), rule_id)


RULES = {rule_id: _rule(rule_id) for rule_id in ("names.registry", "names.affiliation")}
REGISTRY = RULES["names.registry"]
AFFILIATION = RULES["names.affiliation"]

ERROR, WARNING = Severity.ERROR, Severity.WARNING


def run(rule_id: str, *texts: str) -> list[Finding]:
    files = [(f"{chr(ord('a') + i)}.md", text) for i, text in enumerate(texts)]
    return [f for f in run_example(RULES[rule_id], files) if f.rule == rule_id]


# name -> (articles, severity, text of the first location)
NAME_PLANTED: dict[str, tuple[list[str], Severity, str]] = {
    "registry: rejected given name, role before the name": (
        [
            "In a March article, historian and strategist Richard Luttwak argued that the push to end the war "
            "served a larger ambition. Luttwak, who did not respond to a request for comment, called it a "
            "reverse Nixon."
        ],
        ERROR,
        "Richard Luttwak",
    ),
    "registry: rejected given name, role in an appositive": (
        ["Richard Luttwak, a military strategist and author, said the deal was a trap."],
        ERROR,
        "Richard Luttwak",
    ),
    "registry: unknown given name in the registered role": (
        ["The talks will fail, said the military strategist David Luttwak."],
        WARNING,
        "David Luttwak",
    ),
    "registry: unknown given name for the foreign minister": (
        ["Russian Foreign Minister Andrei Lavrov met his counterparts in Riyadh on Tuesday."],
        WARNING,
        "Andrei Lavrov",
    ),
    "registry: rejected name with no role to compare": (
        ["“It was all done in the service of a larger ambition,” Richard Luttwak wrote in March."],
        WARNING,
        "Richard Luttwak",
    ),
    "articles: same affiliation, different given names": (
        [
            "For Richard Clarke, a historian at Australia's Deakin University, the comparison fails.",
            "For Michael Clarke, a historian at Australia's Deakin University, the comparison fails.",
            "Michael Clarke, a historian at Deakin University, said the comparison fails.",
        ],
        ERROR,
        "Richard Clarke",
    ),
    "articles: two specific roles shared": (
        [
            "The historian and strategist Paul Okonkwo said the alliance would hold.",
            "The historian and strategist Peter Okonkwo said the alliance would hold.",
        ],
        ERROR,
        "Paul Okonkwo",
    ),
    "articles: the minority given name is reported": (
        [
            "“He likely discerns a window,” said Alex Wyne, a senior researcher at the International Crisis Group.",
            "“He likely discerns a window,” said Ali Wyne, a senior researcher at the International Crisis Group.",
            "Ali Wyne, a senior researcher at the ICG, said Putin sees a window.",
        ],
        ERROR,
        "Alex Wyne",
    ),
    "articles: one specific role shared in the same sentence": (
        [
            "Economist Laura Fischbach said sanctions on Russia had not worked.",
            "Economist Nora Fischbach said sanctions on Russia had not worked.",
        ],
        ERROR,
        "Laura Fischbach",
    ),
    "articles: one specific role shared, the same story told differently (a warning)": (
        [
            "Sanctions on Russia have failed to stop the war, economist Laura Fischbach told the BBC on Monday.",
            "Economist Nora Fischbach argued that sanctions had hurt Europe more than Russia.",
        ],
        WARNING,
        "Laura Fischbach",
    ),
    "articles: a post in words of its own, before the name and in an appositive": (
        [
            "Harbour master Olu Adeyemi said the Marrowby ferry carried 412 passengers when it capsized on Monday.",
            "The Marrowby ferry was overloaded, harbour master Olu Adeyemi told reporters on the quay on Monday.",
            "Rescuers pulled survivors from the Marrowby ferry. Tunde Adeyemi, the harbour master, said 412 "
            "passengers were aboard when it capsized.",
        ],
        ERROR,
        "Tunde Adeyemi",
    ),
    "registry: a rejected name written with no cue at all": (
        ["The argument borrows from a 1987 book by Richard Luttwak on the logic of war and peace."],
        WARNING,
        "Richard Luttwak",
    ),
    "articles: a plain name counts for the person another article identifies": (
        [
            "Harbour master Olu Adeyemi said the Marrowby ferry carried 412 passengers when it capsized on Monday.",
            "Survivors of the Marrowby ferry praised Olu Adeyemi for opening the quay to rescuers on Monday.",
            "Rescuers pulled survivors from the Marrowby ferry. Tunde Adeyemi, the harbour master, said 412 "
            "passengers were aboard.",
        ],
        ERROR,
        "Tunde Adeyemi",
    ),
}

NAME_NEAR_MISSES: dict[str, list[str]] = {
    "a plain name with the surname of a person identified elsewhere, and nothing else in common": [
        "Harbour master Olu Adeyemi said the Marrowby ferry carried 412 passengers when it capsized on Monday.",
        "The Marrowby ferry festival drew thousands, and the crowd cheered for Kemi Adeyemi on the quay.",
    ],
    "one surname, posts in words of their own that differ (three people)": [
        "Harbour master Olu Adeyemi said the Marrowby ferry carried 412 passengers when it capsized on Monday.",
        "Rescuers pulled survivors from the Marrowby ferry. Tunde Adeyemi, a retired fisherman, said he saw it "
        "capsize.",
        "Kemi Adeyemi, a passenger, said the Marrowby ferry tilted before it capsized on Monday.",
    ],
    "the registered name and the surname alone": [
        "Historian and strategist Edward Luttwak argued that it was a reverse Nixon. Luttwak did not respond.",
        "Luttwak, a historian, said the same.",
    ],
    "variants the registry accepts": [
        "Ukrainian President Volodymyr Zelensky met Vice President J.D. Vance in Munich.",
        "Ukrainian President Volodymyr Zelenskyy met Vice President JD Vance in Munich.",
        "Ukraine's president, Vladimir Zelenskiy, met James David Vance, the vice president.",
    ],
    "initials across articles": [
        "Former senator J. D. Doyle, an author, said the book sold well.",
        "Former senator JD Doyle, an author, said the book sold well.",
    ],
    "a short form of the given name": [
        "Secretary of State Mike Pompeo said the talks failed.",
        "Secretary of State Michael Pompeo said the talks failed.",
    ],
    "a transliteration of the given name": [
        "Deputy Foreign Minister Sergei Ryabkov said the treaty was dead.",
        "Deputy Foreign Minister Sergey Ryabkov said the treaty was dead.",
    ],
    "a middle initial": [
        "US President George W. Bush hosted the Russian leader at his ranch.",
        "US President George Bush hosted the Russian leader at his ranch.",
    ],
    "two people sharing a surname in clearly different roles": [
        "Hunter Biden, the president's son, said the laptop was his.",
        "President Joe Biden said the economy was growing.",
    ],
    "a surname shared by an economist and a tennis player": [
        "Mark Williams, an economist at Capital Economics, wrote the note.",
        "Serena Williams, a tennis player, won the match.",
    ],
    "two professors at different universities": [
        "Jane Smith, a professor of history at Yale University, said the archive was complete.",
        "John Smith, a professor of history at the University of Leeds, said the archive was complete.",
    ],
    "one article names both people": [
        "US President George W Bush gave a hug; US First Lady Laura Bush gestured.",
        "Laura Bush, the first lady, said the visit went well.",
    ],
    "first names alone": [
        "Putin and his then-wife Lyudmila stayed the night at the ranch, said historian Michael Clarke.",
        "Putin and Lyudmila stayed at the ranch, said Michael Clarke, a historian at Deakin University.",
    ],
    "only a generic role in common": [
        "Analyst John Park said the talks would fail.",
        "Analyst Jaehan Park said the talks would fail.",
    ],
    "a registered surname in a different role": [
        "Cyrus Vance, the former secretary of state, negotiated the accord.",
    ],
    "one role in common, nothing else": [
        "Senator Ted Kennedy pushed the health bill through in 1996.",
        "Senator Robert Kennedy toured the Mississippi Delta in 1967.",
    ],
    "no roles at all": [
        "Richard Nixon met Mao Zedong in Beijing, Tom Nixon said.",
        "Pat Nixon said the trip was long.",
    ],
}

# name -> (articles, severity, text the first location starts with)
AFFILIATION_PLANTED: dict[str, tuple[list[str], Severity, str]] = {
    "a garbled university (seed 000/001)": (
        [
            "For Michael Clarke, a historian and strategic professional at Australia’s Deakin College, it fails.",
            "For Michael Clarke, a historian and strategic expert at Australia’s Deakin University, it fails.",
        ],
        ERROR,
        "Michael Clarke, a historian and strategic professional at Australia’s Deakin College",
    ),
    "a garbled school (seed 000/001)": (
        [
            "Jaehan Park, an assistant professor on the S Rajaratnam Faculty of Worldwide Research in Singapore, "
            "said that Nixon was different.",
            "Jaehan Park, an assistant professor at the S Rajaratnam School of International Studies in Singapore, "
            "said that Nixon was different.",
        ],
        ERROR,
        "Jaehan Park, an assistant professor on the S Rajaratnam Faculty of Worldwide Research",
    ),
    "the same role at another body of the same kind (seed 000/001)": (
        [
            "The US wants a G3, mentioned Ali Wyne, a senior researcher on US-China relations on the Worldwide "
            "Disaster Group.",
            "The US wants a G3, said Ali Wyne, a senior researcher on US-China relations at the International "
            "Crisis Group.",
        ],
        ERROR,
        "Ali Wyne, a senior researcher on US-China relations on the Worldwide Disaster Group",
    ),
    "a misspelt institution": (
        [
            "Fiona Hill, a senior fellow at the Brooking Institution, said Putin plays a long game.",
            "Fiona Hill, a senior fellow at the Brookings Institution, said Putin plays a long game.",
        ],
        ERROR,
        "Fiona Hill, a senior fellow at the Brooking Institution",
    ),
    "the minority affiliation among three articles": (
        [
            "Maria Ortega, a professor of economics at Yale University, said the tariffs would hurt.",
            "Maria Ortega, a professor of economics at Harvard University, said the tariffs would hurt.",
            "Tariffs will hurt, said Maria Ortega, a professor of economics at Harvard University.",
        ],
        ERROR,
        "Maria Ortega, a professor of economics at Yale University",
    ),
    "exclusive academic ranks": (
        [
            "Jaehan Park, an assistant professor at the S Rajaratnam School of International Studies, said so.",
            "Jaehan Park, an associate professor at the S Rajaratnam School of International Studies, said so.",
        ],
        WARNING,
        "Jaehan Park",
    ),
    "vice president or president": (
        [
            "Vice President JD Vance presented a plan to freeze the conflict.",
            "President JD Vance presented a plan to freeze the conflict.",
        ],
        WARNING,
        "JD Vance",
    ),
}

AFFILIATION_NEAR_MISSES: dict[str, list[str]] = {
    "compatible descriptions of the role": [
        "Michael Clarke, a historian at Deakin University, said the argument fails.",
        "Michael Clarke, a historian and strategist at Deakin University in Melbourne, said the argument fails.",
    ],
    "only the wording of the role differs": [
        "Jaehan Park, an assistant professor at the S Rajaratnam School of International Studies, said so.",
        "Jaehan Park, an assistant professor on the S Rajaratnam School of International Studies, said so.",
    ],
    "a part of a university": [
        "Jane Doe, a professor at the Harvard Kennedy School, said the sanctions work.",
        "Jane Doe, a professor at Harvard University, said the sanctions work.",
    ],
    "an acronym": [
        "Ali Wyne, a senior researcher at the ICG, said so.",
        "Ali Wyne, a senior researcher at the International Crisis Group, said so.",
    ],
    "a former post": [
        "Jane Doe, a former fellow at the Brookings Institution, said the sanctions work.",
        "Jane Doe, a fellow at the Council on Foreign Relations, said the sanctions work.",
    ],
    "two posts of different kinds": [
        "Jane Doe, a professor at Harvard University, said the sanctions work.",
        "Jane Doe, a senior fellow at the Brookings Institution, said the sanctions work.",
    ],
    "one article gives both affiliations": [
        "Jane Doe, a professor at Yale University and a fellow at the Hoover Institution, said so.",
        "Jane Doe, a fellow at the Hoover Institution, said so.",
    ],
    "two people who share a surname": [
        "Mark Williams, an economist at Capital Economics, wrote the note.",
        "Serena Williams, a tennis player at the All England Club, won the match.",
    ],
    "a possessive country before the institution": [
        "Michael Clarke, a historian at Australia's Deakin University, said so.",
        "Michael Clarke, a historian at Deakin University, said so.",
    ],
    "a title held years apart": [
        "---\ndate: 2015-06-01\n---\nVice President Joe Biden visited Kyiv.",
        "---\ndate: 2022-06-01\n---\nPresident Joe Biden visited Kyiv.",
    ],
    "a move to another university years later": [
        "---\ndate: 2015-06-01\n---\nMaria Ortega, a professor of economics at Yale University, said so.",
        "---\ndate: 2022-06-01\n---\nMaria Ortega, a professor of economics at Harvard University, said so.",
    ],
    "the same title": [
        "Vice President JD Vance presented a plan.",
        "Vice President J.D. Vance presented a plan.",
    ],
}


@pytest.mark.parametrize("name", list(NAME_PLANTED))
def test_planted_name_misattribution_is_found(name: str) -> None:
    texts, severity, first = NAME_PLANTED[name]
    findings = run("names.registry", *texts)
    assert len(findings) == 1, [f.message for f in findings]
    [finding] = findings
    assert finding.kind == "name_misattribution"
    assert finding.severity is severity, finding.message
    assert finding.locations[0].text == first
    assert finding.message.startswith(first)


@pytest.mark.parametrize("name", list(NAME_NEAR_MISSES))
def test_name_near_miss_is_silent(name: str) -> None:
    findings = run("names.registry", *NAME_NEAR_MISSES[name])
    assert findings == [], [f.message for f in findings]


@pytest.mark.parametrize("name", list(AFFILIATION_PLANTED))
def test_planted_affiliation_conflict_is_found(name: str) -> None:
    texts, severity, first = AFFILIATION_PLANTED[name]
    findings = run("names.affiliation", *texts)
    assert len(findings) == 1, [f.message for f in findings]
    [finding] = findings
    assert finding.kind == "affiliation_conflict"
    assert finding.severity is severity, finding.message
    assert finding.locations[0].text == first
    assert finding.locations[0].path == "a.md"


@pytest.mark.parametrize("name", list(AFFILIATION_NEAR_MISSES))
def test_affiliation_near_miss_is_silent(name: str) -> None:
    findings = run("names.affiliation", *AFFILIATION_NEAR_MISSES[name])
    assert findings == [], [f.message for f in findings]


def test_messages_say_what_to_check() -> None:
    [registry] = run("names.registry", *NAME_PLANTED["registry: rejected given name, role before the name"][0])
    assert registry.message.startswith(
        "Richard Luttwak: the historian and strategist is Edward Luttwak (registry: rules/_data/people.yaml"
    )
    assert registry.message.endswith("did you mean Edward Luttwak?")
    [across] = run("names.registry", *NAME_PLANTED["articles: the minority given name is reported"][0])
    assert "Alex Wyne only in a.md" in across.message
    assert "did you mean Ali Wyne?" in across.message
    assert [loc.path for loc in across.locations] == ["a.md", "b.md", "c.md"]
    [tie] = run("names.registry", *NAME_PLANTED["articles: two specific roles shared"][0])
    assert "one of them is wrong" in tie.message
    [garbled] = run("names.affiliation", *AFFILIATION_PLANTED["a garbled university (seed 000/001)"][0])
    assert garbled.message == (
        "Michael Clarke: Deakin College in a.md but Deakin University in b.md; "
        "one name is garbled: check the institution's exact name"
    )


def test_findings_do_not_depend_on_document_order() -> None:
    texts = NAME_PLANTED["articles: the minority given name is reported"][0]
    forward = run("names.registry", *texts)
    files = [(f"{chr(ord('a') + i)}.md", text) for i, text in enumerate(texts)]
    backward = [f for f in run_example(REGISTRY, list(reversed(files))) if f.rule == REGISTRY.id]
    assert [f.id for f in forward] == [f.id for f in backward]


def test_cq_after_the_name_suppresses_the_finding_on_that_mention() -> None:
    text = "In a March article, historian and strategist Richard Luttwak cq argued that it was planned."
    findings = run("names.registry", text)
    assert len(findings) == 1  # the check still sees it ...
    document = load_text(text, "a.md")
    marks = find_cq_marks(document, name_spans(document))
    kept = apply_suppressions(findings, [document], marks)
    assert kept.findings == ()  # ... and the copy desk's cq hides it


def test_fingerprints_are_stable_and_ignore_position() -> None:
    [first] = run("names.registry", "Historian and strategist Richard Luttwak argued it.")
    [moved] = run("names.registry", "It was argued.\n\nHistorian and strategist Richard Luttwak argued it.")
    assert first.id == moved.id
    assert first.locations[0].line != moved.locations[0].line


def test_planted_found_and_near_misses_silent_overall() -> None:
    """The issue's targets, measured on this table: recall >= 0.8, false alarms <= 0.1 (here 1.0 and 0.0)."""
    found = sum(bool(run("names.registry", *c[0])) for c in NAME_PLANTED.values()) + sum(
        bool(run("names.affiliation", *c[0])) for c in AFFILIATION_PLANTED.values()
    )
    alarms = sum(bool(run("names.registry", *c)) for c in NAME_NEAR_MISSES.values()) + sum(
        bool(run("names.affiliation", *c)) for c in AFFILIATION_NEAR_MISSES.values()
    )
    assert found / (len(NAME_PLANTED) + len(AFFILIATION_PLANTED)) >= 0.8
    assert alarms / (len(NAME_NEAR_MISSES) + len(AFFILIATION_NEAR_MISSES)) <= 0.1


# ---------------------------------------------------------------------------
# The registry file


def test_builtin_registry_is_valid_and_has_luttwak() -> None:
    registry = load_registry(builtin_rules_dir() / "_data" / "people.yaml")
    [luttwak] = registry.by_surname("Luttwak")
    assert luttwak.name == "Edward Luttwak"
    assert "Richard Luttwak" in luttwak.reject
    assert "historian" in luttwak.roles
    assert registry.by_surname("Zelensky") == registry.by_surname("Zelenskyy")
    assert registry.by_surname("Xi")[0].name == "Xi Jinping"


GOOD = """people:
  - name: Edward Luttwak
    reject: [Richard Luttwak]
    roles: [historian]
"""


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("persons: []\n", 1, "unknown key 'persons'"),
        ("people: {}\n", 1, "'people' must be a list"),
        (GOOD + "    nickname: Ed\n", 5, "unknown key 'nickname'"),
        (GOOD.replace("    roles: [historian]\n", ""), 2, "missing required key 'roles'"),
        (GOOD.replace("[historian]", "historian"), 4, "roles must be a list of strings"),
        (GOOD.replace("[historian]", "[gardening]"), 4, "role 'gardening' has no role word"),
        (GOOD.replace("Edward Luttwak", "Luttwak"), 2, "needs a given name and a surname"),
        (GOOD.replace("[Richard Luttwak]", "[Edward Luttwak]"), 3, "both accepted and rejected"),
        (GOOD + "  - name: Edward Luttwak\n    roles: [author]\n", 5, "already registered at line 2"),
        ("people:\n  - name: [unclosed\n", 3, "invalid YAML"),
        (GOOD.replace("    roles", "    surname: Smith\n    roles"), 4, "surname 'Smith' is not part of the name"),
    ],
)
def test_malformed_registry_names_file_and_line(text: str, line: int, fragment: str) -> None:
    with pytest.raises(RuleError) as caught:
        parse_registry(text, "rules/_data/people.yaml")
    assert caught.value.line == line, str(caught.value)
    assert fragment in str(caught.value)
    assert str(caught.value).startswith(f"rules/_data/people.yaml:{line}: ")


def test_a_house_registry_in_an_extra_rules_directory(tmp_path: Path) -> None:
    (tmp_path / "_data").mkdir()
    (tmp_path / "_data" / "people.yaml").write_text(
        "people:\n  - name: Maria Ortega\n    reject: [Mario Ortega]\n    roles: [economist]\n", encoding="utf-8"
    )
    (tmp_path / "house").mkdir()
    rule_file = tmp_path / "house" / "names.yaml"
    rule_file.write_text(
        (builtin_rules_dir() / "names" / "registry.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    [rule] = [r for r in load_rules([tmp_path], builtin=False)]
    assert registry_path(rule, "_data/people.yaml") == tmp_path / "_data" / "people.yaml"
    findings = run_example(rule, [("a.md", "Economist Mario Ortega said tariffs would hurt.")])
    assert [f.locations[0].text for f in findings] == ["Mario Ortega"]


def test_a_broken_registry_stops_the_run(tmp_path: Path) -> None:
    broken = tmp_path / "people.yaml"
    broken.write_text("people:\n  - name: Edward Luttwak\n", encoding="utf-8")
    from dataclasses import replace

    rule = replace(REGISTRY, options={**REGISTRY.options, "registry": str(broken)})
    document = load_text("Historian Richard Luttwak said so.", "a.md")
    context = CheckContext(rule=rule, documents=[document], claims=[()], table=__import__("pandas").DataFrame())
    with pytest.raises(RuleError, match="missing required key 'roles'"):
        NameMisattribution().run(context)


def test_the_head_of_one_firm_may_advise_another() -> None:
    assert not run(
        "names.affiliation",
        "Helen Marsh, chief executive of Tarsk Bank, warned that the Corvel deal would fail.",
        "Helen Marsh, an adviser to Corvel Capital, warned that the Corvel deal would fail.",
    )


def test_exclusive_titles_are_reported_once_per_article_of_the_fewer() -> None:
    chief = "Helen Marsh, chief executive of Tarsk Bank, warned that the Corvel deal would fail."
    adviser = "Helen Marsh, an adviser to Tarsk Bank, warned that the Corvel deal would fail."
    found = run("names.affiliation", chief, chief, chief, adviser)
    assert len(found) == 1
    assert "adviser" in found[0].message and "chief executive" in found[0].message
