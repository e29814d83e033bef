"""The public Python API: factcheck.extract_claims and factcheck.check."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import factcheck
from factcheck.model import Report, Severity
from factcheck.pipeline import extract_all
from factcheck.sources import load_text
from factcheck.table import COLUMNS, build_table

TEXT = "Bilateral trade between Russia and China has soared from $140bn in 2021 to $244bn in 2024."


def test_extract_claims_contract() -> None:
    claims = factcheck.extract_claims(TEXT)
    money = [c for c in claims if c.kind == "money"]
    assert [(c.text, c.value, c.unit) for c in money] == [("$140bn", 140e9, "USD"), ("$244bn", 244e9, "USD")]
    for claim in claims:
        assert TEXT[claim.start : claim.end] == claim.text
    first, second = money
    assert first.period is not None and first.period.label() == "2021"
    assert second.period is not None and second.period.label() == "2024"
    assert first.subject_key == second.subject_key
    assert first.subject_key is not None and "trade between china and russia" in first.subject_key


def test_undated_claims_take_the_document_date() -> None:
    (claim,) = factcheck.extract_claims(
        "The allies have imposed at least 21,692 sanctions on Russia.", date=date(2025, 3, 14)
    )
    assert claim.period is not None
    assert claim.period.label() == "as of 2025-03-14"
    assert (claim.low, claim.high, claim.qualifier) == (21692, None, "at_least")


def test_check_returns_a_report(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("Trade between Russia and China reached $244bn in 2024.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("Trade between Russia and China reached $200bn in 2024.\n", encoding="utf-8")
    report = factcheck.check([str(tmp_path)])
    assert isinstance(report, Report)
    assert report.summary()["documents"] == 2
    assert [f.kind for f in report.findings] == ["numeric_conflict"]
    assert report.worst() is Severity.ERROR


def test_claims_table_has_the_documented_columns() -> None:
    documents = [load_text(TEXT, "a.md"), load_text("Nothing numeric here.", "b.md")]
    table = build_table(documents, extract_all(documents))
    assert tuple(table.columns) == COLUMNS
    money = table[table["kind"] == "money"]
    assert list(money["magnitude"]) == [140e9, 244e9]
    assert list(money["dimension"]) == ["currency:USD", "currency:USD"]
    assert list(money["period_label"]) == ["2021", "2024"]
    assert set(table["path"]) == {"a.md"}
