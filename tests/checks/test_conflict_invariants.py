"""Properties of numbers.conflict (hypothesis), on invented stories.

* Findings do not depend on the order of the documents nor on their names.
* Writing a subject with a listed equivalent ("fatalities" for "deaths",
  "sacked" for "fired", "railcars" for "cars") keeps the finding.
* Changing whom the figure is about in one article (another town) removes it.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.pipeline import run_example
from factcheck.ruleset import load_rules

RULE = next(rule for rule in load_rules() if rule.id == "numbers.conflict")

DATE = "---\ndate: 2024-05-09\n---\n"
STORIES = {
    "landslide": (
        "The Harlow brigade reported {n} {death} in {town} from the Alder Valley landslide.",
        ["deaths", "fatalities", "dead"],
    ),
    "derailment": (
        "Near {town}, {n} {cars} derailed on the Harlow line on Friday night.",
        ["cars", "railcars", "wagons"],
    ),
    "executives": (
        "{town} Mills {fired} {n} top executives after the takeover by Orvella.",
        ["fired", "sacked", "dismissed", "ousted"],
    ),
}
TOWNS = ["Kessington", "Marrow Bay", "Dunmore", "Saltmere"]


def write(story: str, word: str, town: str, value: int) -> str:
    template, _words = STORIES[story]
    slot = {"landslide": "death", "derailment": "cars", "executives": "fired"}[story]
    return DATE + template.format(**{slot: word, "town": town, "n": value}) + "\n"


def run(files: list[tuple[str, str]]) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    """Each finding as (rule, its locations as (path, text)), sorted: what must not change."""
    return sorted(
        (f.rule, tuple(sorted((loc.path, loc.text) for loc in f.locations))) for f in run_example(RULE, files)
    )


stories = st.sampled_from(sorted(STORIES))
values = st.lists(st.integers(min_value=11, max_value=99), min_size=2, max_size=4)


@settings(max_examples=25, deadline=None)
@given(stories, values, st.randoms(use_true_random=False))
def test_findings_do_not_depend_on_order_or_names(story: str, numbers: list[int], random) -> None:
    words = STORIES[story][1]
    texts = [write(story, words[i % len(words)], TOWNS[0], n) for i, n in enumerate(numbers)]
    named = [(f"{chr(ord('a') + i)}.md", t) for i, t in enumerate(texts)]
    shuffled = list(named)
    random.shuffle(shuffled)
    assert run(named) == run(shuffled)
    # Renamed files (in another order of names): the same findings, paths mapped back.
    rename = {name: f"z{len(named) - i:02d}-{name}" for i, (name, _t) in enumerate(named)}
    back = {new: old for old, new in rename.items()}
    renamed = [(rename[name], text) for name, text in named]
    mapped = sorted((rule, tuple(sorted((back[p], t) for p, t in locs))) for rule, locs in run(renamed))
    assert mapped == run(named)


@settings(max_examples=25, deadline=None)
@given(stories, st.integers(min_value=11, max_value=49), st.integers(min_value=0, max_value=10))
def test_a_listed_equivalent_keeps_the_finding(story: str, low: int, pick: int) -> None:
    words = STORIES[story][1]
    first, second = words[0], words[pick % len(words)]
    plain = run([("a.md", write(story, first, TOWNS[0], low)), ("b.md", write(story, first, TOWNS[0], low + 40))])
    reworded = run([("a.md", write(story, first, TOWNS[0], low)), ("b.md", write(story, second, TOWNS[0], low + 40))])
    assert plain and reworded == plain


@settings(max_examples=25, deadline=None)
@given(stories, st.integers(min_value=11, max_value=49), st.sampled_from(TOWNS[1:]))
def test_another_owner_removes_the_finding(story: str, low: int, town: str) -> None:
    word = STORIES[story][1][0]
    same = run([("a.md", write(story, word, TOWNS[0], low)), ("b.md", write(story, word, TOWNS[0], low + 40))])
    other = run([("a.md", write(story, word, TOWNS[0], low)), ("b.md", write(story, word, town, low + 40))])
    assert same and other == []
