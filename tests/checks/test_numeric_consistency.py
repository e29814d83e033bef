"""numbers.conflict on planted conflicts and near-misses: both must hold.

Each case is a small set of articles; a conflict case must produce exactly
one numeric_conflict finding, a near-miss none.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.checks.numeric_consistency import as_written, describe
from factcheck.link.align import Keyed
from factcheck.model import Severity
from factcheck.pipeline import run_example
from factcheck.ruleset import load_rules

RULE = next(rule for rule in load_rules() if rule.id == "numbers.conflict")


def dated(date: str, body: str) -> str:
    return f"---\ndate: {date}\n---\n{body}\n"


TRADE = "Bilateral trade between Russia and China reached {} in 2024."
SANCTIONS = "Since the war began in 2022, the US and its allies have imposed {} sanctions on Russia."

VOTE = "In the capital, Trenn, the Social Democrats took {} of the vote on Sunday."

CONFLICTS = {
    "same quantity, different value": [TRADE.format("$244bn"), TRADE.format("$200bn")],
    "the same place a sentence opens with": [
        dated("2025-06-02", VOTE.format("45%")),
        dated("2025-06-02", VOTE.format("39%") + " Mira Kessel said the count was final."),
    ],
    "more than vs below the bound": [
        dated("2025-03-14", "More than 1,000 foreign companies left Russia after the invasion."),
        dated("2025-03-14", "Some 900 foreign companies left Russia after the invasion."),
    ],
    "cumulative: smaller count on the same date": [
        dated("2025-03-14", SANCTIONS.format("at least 21,692")),
        dated("2025-03-14", SANCTIONS.format("18,000")),
    ],
    "cumulative: larger count at an earlier date": [
        dated("2025-03-14", "The US and its allies have imposed 15,000 sanctions on Russia."),
        dated("2024-01-10", "Western governments have imposed more than 18,000 sanctions on Russia."),
    ],
    "units that convert but disagree": [
        "The Power of Siberia pipeline stretches 3,000 km across Russia in 2024.",
        "The Power of Siberia pipeline stretches 3,000 miles across Russia in 2024.",
    ],
    "a change told two ways": [
        "Chinese exports to Russia rose by 70 percent between 2021 and 2024.",
        "Chinese exports to Russia rose by 40 percent between 2021 and 2024.",
    ],
    "paraphrase: killed vs were killed": [
        dated(
            "2025-04-10",
            "At least 58 people were killed when the roof of the Jet Set nightclub in Santo Domingo collapsed.",
        ),
        dated(
            "2025-04-10",
            "The collapse of the Jet Set nightclub roof in Santo Domingo killed 44 people, officials said.",
        ),
    ],
    "paraphrase: country adjective vs possessive": [
        "Chinese exports to Russia grew by 70 percent between 2021 and 2024.",
        "Between 2021 and 2024, China's exports to Russia rose 45 percent.",
    ],
    "paraphrase: 'between A and B' in either order": [
        "Trade between Russia and China hit a record $244bn in 2024.",
        "In 2024, trade between China and Russia reached a record $190bn.",
    ],
    "paraphrase: active vs passive": [
        dated("2025-04-10", "The earthquake displaced 12,000 families in Herat province."),
        dated("2025-04-10", "Some 20,000 families in Herat province were displaced by the earthquake."),
    ],
    "reworded copy with synonyms": [
        "Bilateral trade between Russia and China has soared to $244bn in 2024.",
        "Bilateral commerce between Russia and China has soared to $200bn in 2024.",
    ],
}

NEAR_MISSES = {
    "a place a sentence opens with is not the whole country": [
        dated("2025-06-02", "The Social Democrats won 38% of the vote on Sunday, Mira Kessel said."),
        dated("2025-06-02", VOTE.format("45%")),
    ],
    "rounding": [TRADE.format("$244bn"), TRADE.format("$244.8bn")],
    "at least vs a rounder figure": [
        dated("2025-03-14", SANCTIONS.format("at least 21,692")),
        dated("2025-03-14", SANCTIONS.format("21,700")),
    ],
    "different currencies": [TRADE.format("$244bn"), TRADE.format("€230bn")],
    "different years": [
        "Bilateral trade between Russia and China reached $140bn in 2021.",
        "Bilateral trade between Russia and China reached $244bn in 2024.",
    ],
    "miles and km within rounding": [
        dated("2025-04-10", "The new Lisbon bridge will be 12 km long."),
        dated("2025-04-10", "The new Lisbon bridge will stretch 7 miles."),
    ],
    "unit conversion agrees": [
        "The Power of Siberia pipeline stretches 3,000 km across Russia in 2024.",
        "The Power of Siberia pipeline stretches 1,864 miles across Russia in 2024.",
    ],
    "nearly 25 vs 23 years": [
        "The move normalised relations after nearly 25 years of hostility in 1972.",
        "The move normalised relations after 23 years of hostility in 1972.",
    ],
    "cumulative: smaller count at an earlier date": [
        dated("2025-03-14", SANCTIONS.format("at least 21,692")),
        dated("2024-01-10", SANCTIONS.format("18,000")),
    ],
    "level vs change": [
        "Chinese exports to Russia rose by 70 percent between 2021 and 2024.",
        "Chinese exports to Russia were 40 percent of the total between 2021 and 2024.",
    ],
    "percent vs percentage points": [
        dated("2025-03-14", "Unemployment in Germany fell 2 percentage points last year."),
        dated("2025-03-14", "Unemployment in Germany fell 5 percent last year."),
    ],
    "different subjects": [
        "Chinese exports to Russia rose by 70 percent between 2021 and 2024.",
        "Russian exports to China rose by 40 percent between 2021 and 2024.",
    ],
    "different dates, not cumulative": [
        dated("2025-03-14", "The death toll from the floods in Valencia has reached 200 people."),
        dated("2025-03-01", "The death toll from the floods in Valencia has reached 95 people."),
    ],
    "vague subject": [
        "They have met more than 40 times since 2012.",
        "They have met 3 times since 2012.",
    ],
    "same article only": [
        "Bilateral trade between Russia and China reached $244bn in 2024. "
        "Bilateral trade between Russia and China reached $200bn in 2024.",
    ],
}


def files(texts: list[str]) -> list[tuple[str, str]]:
    return [(f"{chr(ord('a') + i)}.md", text) for i, text in enumerate(texts)]


@pytest.mark.parametrize("texts", CONFLICTS.values(), ids=CONFLICTS.keys())
def test_planted_conflict_is_found(texts: list[str]) -> None:
    findings = run_example(RULE, files(texts))
    assert len(findings) == 1, [f.message for f in findings]
    finding = findings[0]
    assert finding.kind == "numeric_conflict"
    assert {loc.path for loc in finding.locations} == {name for name, _ in files(texts)}
    for loc in finding.locations:
        assert loc.text in loc.sentence


@pytest.mark.parametrize("texts", NEAR_MISSES.values(), ids=NEAR_MISSES.keys())
def test_near_miss_stays_silent(texts: list[str]) -> None:
    assert [f.message for f in run_example(RULE, files(texts))] == []


def test_message_names_subject_values_and_documents() -> None:
    (finding,) = run_example(RULE, files([TRADE.format("$244bn"), TRADE.format("$200bn")]))
    assert finding.message == ("Bilateral trade between Russia and China, 2024: $200bn in b.md but $244bn in a.md")
    assert finding.severity is Severity.ERROR
    assert finding.subject and "russia" in finding.subject


def test_outlier_reported_against_each_article_of_the_majority() -> None:
    texts = [TRADE.format("$244bn"), TRADE.format("$244bn"), TRADE.format("$190bn"), TRADE.format("$244.2bn")]
    findings = run_example(RULE, files(texts))
    assert [(f.locations[0].path, f.locations[0].text) for f in findings] == [("c.md", "$190bn")] * 3
    assert sorted(f.locations[1].path for f in findings) == ["a.md", "b.md", "d.md"]
    assert all("3 articles agree" in f.message and len(f.locations) == 2 for f in findings)


def test_an_outlier_is_reported_against_a_bounded_number_of_articles() -> None:
    texts = [TRADE.format("$244bn")] * 8 + [TRADE.format("$190bn")]
    findings = run_example(RULE, files(texts))
    assert len(findings) == RULE.options["max_matches"] == 5
    assert all(f.locations[0].text == "$190bn" and "8 articles agree" in f.message for f in findings)


def test_looser_match_is_a_warning() -> None:
    texts = [
        "Bilateral trade between Russia and China has soared to $244bn in 2024.",
        "Bilateral commerce between Russia and China has soared to $200bn in 2024.",
    ]
    (finding,) = run_example(RULE, files(texts))
    assert finding.severity is Severity.WARNING


VALUES = st.sampled_from(["$244bn", "$244.8bn", "$200bn", "$190bn", "more than $250bn", "nearly $245bn"])


@settings(max_examples=30, deadline=None)
@given(st.lists(VALUES, min_size=2, max_size=5), st.randoms(use_true_random=False))
def test_findings_do_not_depend_on_document_order(values: list[str], random) -> None:
    named = files([TRADE.format(v) for v in values])
    shuffled = list(named)
    random.shuffle(shuffled)
    first = run_example(RULE, named)
    second = run_example(RULE, shuffled)
    assert [f.to_dict() for f in first] == [f.to_dict() for f in second]


def test_currencies_compare_only_through_a_rates_table() -> None:
    from dataclasses import replace

    texts = [TRADE.format("$244bn"), TRADE.format("€150bn")]
    assert run_example(RULE, files(texts)) == ()
    with_rates = replace(RULE, options={**RULE.options, "rates": {"USD": 1.0, "EUR": 1.08}})
    (finding,) = run_example(with_rates, files(texts))
    assert finding.severity is Severity.WARNING  # compared through a rate: a looser match
    # Within the rate tolerance: €226bn is about $244bn.
    assert run_example(with_rates, files([TRADE.format("$244bn"), TRADE.format("€226bn")])) == ()


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        (
            "More than 1,000 foreign companies left Russia after the invasion.",
            "Just 600 foreign companies exited Russia after the invasion.",
            True,
        ),
        (
            "More than 1,000 foreign companies left Russia after the invasion.",
            "Some 300 foreign companies entered Russia after the invasion.",
            False,
        ),
        (
            "The attack in Kharkiv killed 58 people on Sunday.",
            "In Kharkiv, 31 people died in the attack on Sunday.",
            True,
        ),
    ],
    ids=["left vs exited", "left vs entered", "killed vs died"],
)
def test_verb_synonyms(a: str, b: str, conflict: bool) -> None:
    texts = [dated("2025-03-14", a), dated("2025-03-14", b)]
    assert bool(run_example(RULE, files(texts))) is conflict


def test_a_month_is_named_in_words() -> None:
    texts = [
        "Marrowby's ferries carried 412 passengers in March 2025.",
        "Marrowby's ferries carried 380 passengers in March 2025.",
    ]
    (finding,) = run_example(RULE, files(texts))
    assert "March 2025" in finding.message
    assert "2025-03" not in finding.message and "1 March 2025 to 31 March 2025" not in finding.message


def test_a_measure_without_written_subject_is_named_as_the_sentences_write_it() -> None:
    key = Keyed(
        row=0, doc=0, sentence=0, measure="car", modifiers=frozenset({"train"}), event="derail", about="",
        aspect="level", series="", dimension="count", story=0, names=frozenset(), context=frozenset(),
    )  # fmt: skip
    row = {"kind": "number", "subject": "", "measure": "car", "period_basis": "", "period_start": "", "period_end": ""}
    sentences = ["Officials said 38 train cars derailed near the bridge.", "Forty cars left the track."]
    assert describe(key, row, row, sentences) == "Train cars"
    assert describe(key, row, row) == "Train car"  # no sentence to read them from: the lemmas
    # A canonical measure of the rule's vocabulary is shown as the rule names it.
    canonical = replace(key, measure="death toll", modifiers=frozenset())
    assert describe(canonical, {**row, "measure": "toll"}, {**row, "measure": "toll"}, sentences) == "Death toll"


@pytest.mark.parametrize(
    ("lemmas", "sentence", "written"),
    [
        (["train", "car"], "Officials said 38 train cars derailed.", "train cars"),
        (["car", "train"], "Officials said 38 train cars derailed.", "train cars"),
        (["gain", "capital"], "Capital gains reached $2bn.", "capital gains"),
        (["injure"], "49,133 people were injured.", "injured"),
        (["missing"], "38 cars derailed.", "missing"),
        (["nato", "troop"], "NATO troops numbered 4,000.", "NATO troops"),
    ],
)
def test_as_written(lemmas: list[str], sentence: str, written: str) -> None:
    assert as_written(lemmas, [sentence]) == written
