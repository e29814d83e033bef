"""Who a figure is credited to (``Claim.source``): the forms news copy uses to source a statistic."""

from __future__ import annotations

import pytest

from factcheck.extract import extract_claims


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Unemployment rose to 6.1 percent in May, according to a survey by the Marrowby Institute.",
            "Marrowby Institute",
        ),
        ("Exports fell 12 percent last year, a report from the Tarsk Trade Council said.", "Tarsk Trade Council"),
        ("Tarsk Statistics Office data show exports fell 12 percent last year.", "Tarsk Statistics Office"),
        ("Brennick Analytics' figures show exports fell 12 percent.", "Brennick Analytics"),
        ("Exports fell 12 percent last year, according to figures from Tarsk Statistics.", "Tarsk Statistics"),
        ("According to the Marrowby Institute, unemployment rose to 6.1 percent.", "Marrowby Institute"),
        ("Unemployment rose to 6.1 percent, the Marrowby Institute said.", "Marrowby Institute"),
        ("According to Quantrix's data, losses reached $5.4 billion.", "Quantrix"),
        ("Losses reached $5.4 billion, according to the latest estimates from Quantrix.", "Quantrix"),
        ("Unemployment rose to 6.1 percent, according to data compiled by Brennick Analytics.", "Brennick Analytics"),
    ],
)
def test_the_source_of_a_figure(text: str, source: str) -> None:
    (claim,) = [c for c in extract_claims(text) if c.kind != "year"]
    assert claim.source == source


@pytest.mark.parametrize(
    "text",
    [
        "The data show exports fell 12 percent.",
        "In May, the figures show unemployment at 6.1 percent.",
        "According to the official results of the electoral commission, the party won 124 of 300 seats.",
    ],
)
def test_no_source_when_nobody_is_named(text: str) -> None:
    assert all(c.source is None for c in extract_claims(text))
