"""``group_by_naming`` (sources and quotes group credits by the body or speaker they name) agrees with
the plain grouping it replaces: each item against every member of every group, in order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.checks.base import group_by_naming


def _plain(items: list[tuple[int, str]], same: set[tuple[str, str]]) -> list[list[tuple[int, str]]]:
    groups: list[list[tuple[int, str]]] = []
    for item in items:
        for group in groups:
            if any(item[1] == other[1] or (item[1], other[1]) in same for other in group):
                group.append(item)
                break
        else:
            groups.append([item])
    return groups


_NAMES = "abcdef"


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(_NAMES), max_size=40),
    st.sets(st.tuples(st.sampled_from(_NAMES), st.sampled_from(_NAMES)), max_size=20),
)
def test_grouping_through_namings_agrees_with_every_pair(names: list[str], same: set[tuple[str, str]]) -> None:
    # ``same`` need be neither symmetric nor transitive: the first group that answers wins either way.
    items = list(enumerate(names))
    asked: list[tuple[str, str]] = []

    def related(a: tuple[int, str], b: tuple[int, str]) -> bool:
        asked.append((a[1], b[1]))
        return (a[1], b[1]) in same

    assert group_by_naming(items, lambda item: item[1], related) == _plain(items, same)
    assert len(asked) == len(set(asked))  # each pair of namings asked once
