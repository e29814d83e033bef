"""What the seeds give for the internal checks and the facts base, asserted.

Seed 001 (an Al Jazeera article dated 2025-03-14) and seed 000 (a machine
reworded copy of it, undated) date Nixon's meeting with Mao Zedong in Beijing
to 1971; it was 21 February 1972.  That is the only finding of these rules on
the seeds: the seeds' arithmetic and dates are consistent ("Two weeks later"
after February 28 lands on the article's date, March 14; "over a quarter of a
century" and "after nearly 25 years" name no year to count from; the
110th anniversary of Zhou Enlai's birth on March 5, 2008 names no birth year),
so the internal rules must stay silent.
"""

from __future__ import annotations

from pathlib import Path

import factcheck
from factcheck.model import Report

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
RULES = ["internal", "reference"]


def _report() -> Report:
    return factcheck.check([str(SEEDS)], select=RULES)


def test_seeds_give_the_nixon_mao_date_twice_and_nothing_else() -> None:
    report = _report()
    got = sorted(
        (Path(f.locations[0].path).name[:3], f.rule, f.kind, f.locations[0].line, f.locations[0].text)
        for f in report.findings
    )
    assert got == [
        ("000", "reference.facts", "reference_mismatch", 22, "1971"),
        ("001", "reference.facts", "reference_mismatch", 185, "1971"),
    ]
    for finding in report.findings:
        assert finding.message.startswith("Richard Nixon's meeting with Mao Zedong in Beijing: text says 1971")
        assert "21 February 1972" in finding.message
        assert "Nixon met with Chairman Mao Zedong in Beijing in 1971" in finding.locations[0].sentence


def test_internal_rules_are_silent_on_the_seeds() -> None:
    report = factcheck.check([str(SEEDS)], select=["internal"])
    assert not report.findings, [f.message for f in report.findings]
