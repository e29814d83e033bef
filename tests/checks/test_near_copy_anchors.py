"""near-copy reads a document's anchor runs with ``_anchor`` inlined: the same runs as token by token."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.checks.near_copy import _TOKEN, _anchor, features


def _runs(prose: str) -> frozenset[str]:
    tokens = _TOKEN.findall(unicodedata.normalize("NFKC", prose))
    kept = [anchor for anchor in (_anchor(token) for token in tokens) if anchor]
    return frozenset(" ".join(kept[i : i + 3]) for i in range(len(kept) - 2))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aAbBThe 1,2.3ÉéßİIx-\u2160", max_size=80))
def test_inlined_anchors_give_the_runs_of_anchor(prose: str) -> None:
    assert features(prose).anchor_runs == _runs(prose)
