"""Property tests on text drawn from every Unicode category the patterns' classes match.

``\\d``, ``\\w`` and ``\\s`` match far more than ASCII: digits of every script (and, in the regex
module, digits newer than the Unicode tables of ``unicodedata``, such as U+16D74), letters and marks of
every script, every space and line separator.  Plain ``st.text()`` rarely draws them; this strategy
does, mixed with what numbers are made of (currency signs, dashes, scale words, markup).  Properties:
nothing raises; every claim is a slice of its text with ``low <= value <= high``; loading Markdown and
HTML never raises; ``check()`` over the documents never raises.
"""

from __future__ import annotations

import functools
import sys
import unicodedata
from pathlib import Path

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.pipeline import run_rules
from factcheck.ruleset import load_rules
from factcheck.sources import load_text

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "fuzz"))
from targets import TARGETS


@functools.cache
def _odd_digits() -> tuple[str, ...]:
    """Characters ``regex`` reads as digits that ``unicodedata`` gives no value (newer Unicode)."""
    return tuple(
        chr(code)
        for code in range(sys.maxunicode + 1)
        if regex.match(r"\d", chr(code)) and unicodedata.decimal(chr(code), None) is None
    )


_CATEGORIES = ("Nd", "Nl", "No", "Lu", "Ll", "Lo", "Lm", "Mn", "Mc", "Pc", "Pd", "Sc", "Zs", "Zl", "Zp", "Cc")
# What numbers are made of, "|"-separated (some pieces are spaces).
_PIECES = (
    "$|£|€|US$|bn|m|k|million|billion|per cent|%|percentage points|-|–|—|,|.| |\u00a0|\u202f|\n|1|2024|21,692|"
    "about|more than|from|to|between|and|a third|doubled|<p>|</p>|&amp;|&#36;|**|# |---\n|said"
).split("|")
CHARACTER = st.one_of(
    st.characters(categories=_CATEGORIES),
    st.sampled_from(_odd_digits() or ("0",)),
)
TEXT = st.lists(st.one_of(CHARACTER, st.sampled_from(_PIECES)), max_size=60).map("".join)
UNICODE = settings(deadline=None, max_examples=200, suppress_health_check=[HealthCheck.too_slow])


def test_the_strategy_reaches_digits_unicodedata_does_not_know() -> None:
    assert "\U00016d74" in _odd_digits() or unicodedata.unidata_version >= "16"


@UNICODE
@given(TEXT)
def test_claims_are_slices_with_their_value_inside_their_interval(text: str) -> None:
    TARGETS["claims"](text.encode("utf-8", "surrogatepass"))  # the fuzz target asserts both


@UNICODE
@given(TEXT)
def test_loading_markdown_and_html_never_raises(text: str) -> None:
    for name in ("a.md", "a.html", "a.txt"):
        document = load_text(text, name)
        assert len(document.prose) == len(document.text)


@settings(deadline=None, max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXT, min_size=2, max_size=3))
def test_check_never_raises(texts: list[str]) -> None:
    documents = [load_text(text, f"{chr(ord('a') + i)}.md") for i, text in enumerate(texts)]
    run_rules(documents, load_rules())
