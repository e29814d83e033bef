"""Seeds 000 and 001: a reworded copy shares every figure; each is matched and none conflicts.

000 is a machine rewording of 001 ("20 %" for "20 percent", "not less than"
for "at least", "commerce" for "trade"). Every figure they share must land in
the same aligned pair (the link stage) with the same value, and the run must report no
numeric conflict; 001's page chrome ("Confirmed 0", other stories' figures)
must produce nothing either.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.checks.numeric_consistency import _convert_currencies
from factcheck.link import group_stories
from factcheck.link.align import Vocabulary, align
from factcheck.pipeline import run_rules
from factcheck.ruleset import load_rules
from factcheck.sources import load_paths
from factcheck.table import build_table

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
RULE = next(rule for rule in load_rules() if rule.id == "numbers.conflict")


@pytest.fixture(scope="module")
def seeds():
    documents, errors = load_paths([str(SEEDS)])
    assert errors == []
    return run_rules(documents, load_rules())


def aligned_between(analysis, prefix_a: str, prefix_b: str) -> list[tuple[float, float, str]]:
    """(value in a, value in b, canonical measure) of every pair the link stage aligns between two seeds."""
    vocabulary = Vocabulary.from_options(RULE.options)
    table = _convert_currencies(build_table(analysis.documents, analysis.claims), {})
    keyed, pairs = align(table, group_stories(analysis.documents), vocabulary)
    doc = {i: Path(d.path).name[:3] for i, d in enumerate(analysis.documents)}
    measure = {k.row: k.measure for k in keyed}
    out = []
    for pair in pairs:
        a, b = table.loc[pair.a], table.loc[pair.b]
        names = {doc[int(a["doc"])], doc[int(b["doc"])]}
        if names == {prefix_a, prefix_b}:
            out.append((float(a["value"]), float(b["value"]), measure[pair.a]))
    return out


@pytest.mark.parametrize(
    ("value", "measure"),
    [
        (21692, "sanctions"),
        (20, "tariff"),
        (70, "exports"),
        (1000, "companies"),
        (40, "time"),
        (140e9, "trade"),
        (244e9, "trade"),
    ],
    ids=["21,692 sanctions", "20% tariffs", "70% exports", "1,000 companies", "40 meetings", "$140bn", "$244bn"],
)
def test_shared_figures_are_matched(seeds, value: float, measure: str) -> None:
    pairs = aligned_between(seeds, "000", "001")
    assert any(a == b == value and measure in m for a, b, m in pairs), [p for p in pairs if value in p[:2]]


def test_no_numeric_conflict_in_the_seeds(seeds) -> None:
    assert [f.message for f in seeds.findings if f.kind == "numeric_conflict"] == []


def test_page_chrome_yields_no_claims(seeds) -> None:
    index = next(i for i, d in enumerate(seeds.documents) if "001_" in d.path)
    document = seeds.documents[index]
    body_start = document.text.index("As US President Donald Trump sat in the Oval Office")
    body_end = document.text.index("especially in Europe,” Wyne said.") + len("especially in Europe,” Wyne said.")
    outside = [c.text for c in seeds.claims[index] if not body_start <= c.start < body_end]
    assert outside == []
