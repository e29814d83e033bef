"""Hand-written news phrasings: every numeric claim ``extract_claims`` must find, and only those.

The fixture (``fixtures/news_phrasings.yaml``) lists realistic sentences as they
appear in wire copy and, for each, ALL the claims expected in it, in order.
Its expectations follow the claim contract, not the current code:

* ``text`` is the claim's exact slice: with a leading qualifier ("at least
  21,692"), currency and scale ("US$4.2bn"), percent sign or word, unit, and a
  range's opener ("between 20 and 30"); without the counted noun.
* ``value`` is the point value with the scale applied (null for ranges and
  dates); ``low``/``high`` the interval the wording commits to (null = open).
* ``qualifier`` is one of at_least, more_than, at_most, up_to, less_than,
  nearly ([0.9v, v]), about ([0.9v, 1.1v]), range, or null.
* optional ``aspect``, ``subject_contains`` (stems that must start words of the
  claim's ``subject_key``), ``period`` (``period.label()``) and ``source``.

The test compares the list of (text, kind) pairs exactly, so spurious and
missed claims both fail, then every field the fixture gives for each claim.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck import extract_claims
from factcheck.model import Claim

FIXTURE = Path(__file__).parent / "fixtures" / "news_phrasings.yaml"

KINDS = frozenset("number percent percentage_point money quantity temperature duration age date year ordinal".split())
QUALIFIERS = frozenset({None, "at_least", "more_than", "at_most", "up_to", "less_than", "nearly", "about", "range"})
REQUIRED = ("text", "kind", "value", "low", "high", "qualifier", "unit")
OPTIONAL = ("aspect", "subject_contains", "period", "source")
NUMERIC = ("value", "low", "high")
EXACT = ("qualifier", "unit", "aspect", "period", "source")


def _load() -> list[dict[str, Any]]:
    cases = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    assert isinstance(cases, list)
    return cases


def _ids(cases: list[dict[str, Any]]) -> list[str]:
    """Readable, unique ids: the first words of each sentence."""
    taken: set[str] = set()
    ids = []
    for case in cases:
        words = case["sentence"].split()
        for count in range(6, len(words) + 1):
            candidate = " ".join(words[:count])
            if candidate not in taken:
                break
        else:
            candidate = f"{' '.join(words)} #{len(ids)}"
        taken.add(candidate)
        ids.append(candidate)
    return ids


CASES = _load()
IDS = _ids(CASES)


def _as_date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _period(claim: Claim) -> str | None:
    return claim.period.label() if claim.period is not None else None


def _mismatches(claim: Claim, expected: dict[str, Any]) -> list[str]:
    out = []
    label = f"{expected['text']!r}"
    for name in NUMERIC:
        want = expected[name]
        got = getattr(claim, name)
        if want is None:
            if got is not None:
                out.append(f"{label} {name}: got {got!r}, expected None")
        elif got is None or got != pytest.approx(want, rel=1e-6):
            out.append(f"{label} {name}: got {got!r}, expected {want!r}")
    for name in EXACT:
        if name not in expected:
            continue
        want = expected[name]
        got = _period(claim) if name == "period" else getattr(claim, name)
        if got != want:
            out.append(f"{label} {name}: got {got!r}, expected {want!r}")
    if "subject_contains" in expected:
        words = (claim.subject_key or "").split()
        missing = [stem for stem in expected["subject_contains"] if not any(w.startswith(stem) for w in words)]
        if missing:
            out.append(f"{label} subject_key {claim.subject_key!r} lacks {missing}")
    return out


def test_fixture_is_well_formed() -> None:
    """The fixture itself follows the contract, so a failure below is the extractor's."""
    assert len(CASES) >= 170
    assert len(set(IDS)) == len(IDS)
    for case in CASES:
        sentence = case["sentence"]
        assert set(case) <= {"sentence", "date", "claims"}, sentence
        _as_date(case.get("date"))
        position = 0
        for claim in case["claims"]:
            where = f"{claim.get('text')!r} in {sentence!r}"
            assert all(key in claim for key in REQUIRED), where
            assert set(claim) <= {*REQUIRED, *OPTIONAL}, where
            found = sentence.find(claim["text"], position)
            assert found >= 0, f"{where}: text not in sentence after the previous claim"
            position = found + len(claim["text"])
            assert claim["kind"] in KINDS, where
            assert claim["qualifier"] in QUALIFIERS, where
            assert claim.get("aspect") in (None, "level", "change"), where
            value, low, high, qualifier = claim["value"], claim["low"], claim["high"], claim["qualifier"]
            if claim["kind"] == "date":
                assert (value, low, high) == (None, None, None), where
                continue
            if qualifier == "range":
                assert low is not None and high is not None and low < high, where
                assert value is None or claim["kind"] == "year", where
                continue
            assert value is not None, where
            expected_interval = {
                None: (value, value),
                "at_least": (value, None),
                "more_than": (value, None),
                "at_most": (None, value),
                "up_to": (None, value),
                "less_than": (None, value),
                "nearly": (0.9 * value, value),
                "about": (0.9 * value, 1.1 * value),
            }[qualifier]
            for got, want in zip((low, high), expected_interval, strict=True):
                assert (got is None) == (want is None), where
                if want is not None:
                    assert got == pytest.approx(want, rel=1e-6), where


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_news_phrasing(case: dict[str, Any]) -> None:
    sentence = case["sentence"]
    claims = extract_claims(sentence, date=_as_date(case.get("date")))
    got = [(claim.text, claim.kind) for claim in claims]
    want = [(claim["text"], claim["kind"]) for claim in case["claims"]]
    assert got == want, f"claims in {sentence!r}"
    problems = []
    for claim, expected in zip(claims, case["claims"], strict=True):
        problems.extend(_mismatches(claim, expected))
    assert not problems, f"in {sentence!r}:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    ("sentence", "claim", "label"),
    [
        # The year after a figure set against this one is that figure's, not this one's.
        ("The economy expanded by 2.4 percent last year, up from 1.4 percent in 2023.", "2.4 percent", "last year"),
        ("The economy expanded by 2.4 percent last year, up from 1.4 percent in 2023.", "1.4 percent", "2023"),
        ("Growth was 2.1%, compared with 1.4% in 2023.", "2.1%", None),
        ("Growth was 2.1% in the fourth quarter, after 1.4% in 2023.", "2.1%", None),
        # A change and the level it reaches share their year.
        ("Exports rose 4% to 180 billion euros in 2024.", "4%", "2024"),
        ("Exports rose 4% to 180 billion euros in 2024.", "180 billion euros", "2024"),
    ],
)
def test_a_year_belongs_to_the_figure_it_follows(sentence: str, claim: str, label: str | None) -> None:
    claims = {c.text: c for c in extract_claims(sentence, date=dt.date(2025, 1, 30))}
    period = claims[claim].period
    assert period is not None
    assert (period.text if period.basis == "explicit" else None) == label


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # A wire dateline says when the story was filed: the article's date dates its figures.
        ("Aug 2 (Harbour Wire) - An outbreak has sickened 37 people in nine states, officials said.", "37"),
        ("VARNOV, Oct 7 (Harbour Wire) — The party took 142 of the 300 seats.", "142"),
        # Dates the items carry are no time of the count.
        ("The recall covers 240,000 cases of soup with best-by dates between March and December 2026.", "240,000"),
    ],
)
def test_dates_that_do_not_date_the_figures(text: str, claim: str) -> None:
    claims = {c.text: c for c in extract_claims(text, date=dt.date(2025, 8, 2))}
    period = claims[claim].period
    assert period is not None
    assert period.basis == "as_of"
    assert claims[claim].frame.about == ""


def test_a_date_inside_the_paragraph_still_dates_its_figures() -> None:
    claims = {c.text: c for c in extract_claims("On Aug 2 - a Friday - 37 people fell ill.", date=dt.date(2025, 8, 9))}
    period = claims["37"].period
    assert period is not None and period.basis == "explicit"
