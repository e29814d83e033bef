"""Seeds 000 and 001: a reworded copy shares every figure; each is matched and none conflicts.

000 is a machine rewording of 001 ("20 %" for "20 percent", "not less than"
for "at least", "commerce" for "trade"). Every figure they share must land in
the same comparison group with the same value, and the run must report no
numeric conflict; 001's page chrome ("Confirmed 0", other stories' figures)
must produce nothing either.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.checks.subjects import SubjectNormaliser
from factcheck.extract.context import subject_key
from factcheck.pipeline import run_rules
from factcheck.ruleset import load_rules
from factcheck.sources import load_paths

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
RULE = next(rule for rule in load_rules() if rule.id == "numbers.conflict")


@pytest.fixture(scope="module")
def seeds():
    documents, errors = load_paths([str(SEEDS)])
    assert errors == []
    return run_rules(documents, load_rules())


def comparison_keys(analysis, doc_prefix: str) -> dict[float, set[str]]:
    subjects = SubjectNormaliser.build(RULE.options["synonyms"], RULE.options["verb_synonyms"])
    index = next(i for i, d in enumerate(analysis.documents) if Path(d.path).name.startswith(doc_prefix))
    keys: dict[float, set[str]] = {}
    for claim in analysis.claims[index]:
        if claim.subject_key and claim.value is not None:
            noun = subject_key(claim.subject) if claim.subject else ""
            keys.setdefault(claim.value, set()).add(subjects.key(claim.subject_key, noun))
    return keys


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (21692, {"sanction", "russia"}),
        (20, {"tariff", "china", "import"}),
        (70, {"china", "export", "russia"}),
        (1000, {"foreign", "company"}),
        (40, {"time", "meet"}),
        (140e9, {"trade", "russia", "china"}),
        (244e9, {"trade", "russia", "china"}),
    ],
    ids=["21,692 sanctions", "20% tariffs", "70% exports", "1,000 companies", "40 meetings", "$140bn", "$244bn"],
)
def test_shared_figures_are_matched(seeds, value: float, words: set[str]) -> None:
    copy, original = comparison_keys(seeds, "000"), comparison_keys(seeds, "001")
    shared = copy.get(value, set()) & original.get(value, set())
    assert any(words <= set(key.split()) for key in shared), (copy.get(value), original.get(value))


def test_no_numeric_conflict_in_the_seeds(seeds) -> None:
    assert [f.message for f in seeds.findings if f.kind == "numeric_conflict"] == []


def test_page_chrome_yields_no_claims(seeds) -> None:
    index = next(i for i, d in enumerate(seeds.documents) if "001_" in d.path)
    document = seeds.documents[index]
    body_start = document.text.index("As US President Donald Trump sat in the Oval Office")
    body_end = document.text.index("especially in Europe,” Wyne said.") + len("especially in Europe,” Wyne said.")
    outside = [c.text for c in seeds.claims[index] if not body_start <= c.start < body_end]
    assert outside == []
