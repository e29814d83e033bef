"""Properties of numbers.conflict (hypothesis) on invented story templates.

Three templates (a landslide's death toll, a textile firm's job cuts, a
ferry's passengers), each with a slot for a subject word the rule's
vocabulary lists as equivalent and a slot for the place the figure is about:

* the findings do not depend on the order of the documents, nor on what the
  files are called (renamed consistently, with paths mapped back);
* writing the subject with a listed equivalent ("fatalities" for "deaths",
  "died" for "killed", "sacked" for "fired") keeps the finding;
* changing the place one article's figure is about removes the finding,
  while the two articles stay one story (the owner, not the story, differs).
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.link import group_stories
from factcheck.pipeline import run_example
from factcheck.ruleset import load_rules
from factcheck.sources import load_text

RULE = next(rule for rule in load_rules() if rule.id == "numbers.conflict")
DATE = "---\ndate: 2024-10-02\n---\n"

# Each template: its sentence and the equivalent wordings of its subject slot ({w}); the first is the plain one.
TEMPLATES: dict[str, tuple[str, list[str]]] = {
    "landslide": (
        "The Brisk Valley brigade counted {n} {w} in {town} after the landslide on Sunday.",
        ["deaths", "fatalities", "victims", "bodies"],
    ),
    "landslide-verb": (
        "{w} in {town} after the landslide on Sunday, the Brisk Valley brigade said.",
        ["The mud killed {n} people", "{n} people died", "{n} people were killed", "{n} residents died"],
    ),
    "job-cuts": (
        "Corran Textiles {w} {n} workers at its {town} mill on Friday, the union said.",
        ["fired", "sacked", "dismissed", "axed", "ousted"],
    ),
    "job-cuts-noun": (
        "Corran Textiles fired {n} {w} at its {town} mill on Friday, the union said.",
        ["workers", "employees", "staff", "staffers"],
    ),
    "ferry": (
        "The {town} ferry was {w} {n} passengers when it capsized in the Orrel Strait, the coast guard said.",
        ["carrying", "transporting", "hauling"],
    ),
}
TOWNS = ["Tessel", "Marrowick", "Brannock", "Orrin"]


def write(template: str, word: str, town: str, value: int) -> str:
    sentence, _words = TEMPLATES[template]
    body = sentence.replace("{w}", word).format(n=value, town=town)
    return DATE + body[0].upper() + body[1:] + "\n"


def findings(files: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """The findings as dicts, sorted: what must not change."""
    return sorted((f.to_dict() for f in run_example(RULE, files)), key=lambda d: (d["subject"], d["id"]))


def without_ids(found: list[dict[str, Any]], paths: dict[str, str], *, wording: bool = True) -> list[dict[str, Any]]:
    """Findings with their paths mapped through ``paths`` (in locations and message) and ids dropped (an
    id is a hash of the paths).  The message's two sides ("31 in a.md but 74 in b.md") are put in path
    order: which side is named first follows the order of the file names (see the xfails at the end).
    Without ``wording``, the message keeps only its sides and the finding loses its subject: articles
    worded differently are described in the words of the file whose name sorts first."""
    pattern = re.compile("|".join(re.escape(p) for p in sorted(paths, key=len, reverse=True)))
    mapped_paths = "|".join(re.escape(p) for p in sorted(paths.values(), key=len, reverse=True))
    sides = re.compile(rf": (?P<va>[^:]+?) in (?P<pa>{mapped_paths}) but (?P<vb>.+?) in (?P<pb>{mapped_paths})")

    def ordered(match: re.Match[str]) -> str:
        (va, pa), (vb, pb) = sorted([(match["va"], match["pa"]), (match["vb"], match["pb"])], key=lambda s: s[1])
        return f": {va} in {pa} but {vb} in {pb}"

    out = []
    for finding in found:
        mapped = {key: value for key, value in finding.items() if key != "id"}
        message = pattern.sub(lambda m: paths[m.group()], finding["message"])
        match = sides.search(message)
        assert match, message
        if wording:
            mapped["message"] = message[: match.start()] + ordered(match) + message[match.end() :]
        else:
            mapped["message"] = ordered(match)
            del mapped["subject"]
        mapped["locations"] = sorted(
            ({**loc, "path": paths[loc["path"]]} for loc in finding["locations"]), key=lambda loc: loc["path"]
        )
        out.append(mapped)
    return sorted(out, key=lambda d: (d["message"], d.get("subject", "")))


templates = st.sampled_from(sorted(TEMPLATES))
values = st.sampled_from([31, 33, 40, 52, 74, 75, 110])


@st.composite
def runs(draw: st.DrawFn, *, mixed: bool = True) -> list[tuple[str, str]]:
    """Two to four articles, each one figure, about the first town or the second; ``mixed``: of one or two
    templates in any of their wordings, else of one template in one wording."""
    chosen = draw(st.lists(templates, min_size=1, max_size=2 if mixed else 1, unique=True))
    count = draw(st.integers(min_value=2, max_value=4))
    one_word = draw(st.sampled_from(TEMPLATES[chosen[0]][1]))
    texts = []
    for i in range(count):
        template = chosen[i % len(chosen)]
        word = draw(st.sampled_from(TEMPLATES[template][1])) if mixed else one_word
        town = draw(st.sampled_from(TOWNS[:2]))
        texts.append(write(template, word, town, draw(values)))
    return [(f"{chr(ord('a') + i)}.md", text) for i, text in enumerate(texts)]


def renamed_findings(files: list[tuple[str, str]], rnd: random.Random, *, wording: bool) -> tuple[list, list]:
    """(the findings of the files renamed, paths mapped back; the findings as named), comparable."""
    names = [name for name, _text in files]
    new_names = [f"story-{i}.md" for i in range(len(files))]
    rnd.shuffle(new_names)  # the new names sort in another order than the old ones
    rename = dict(zip(names, new_names, strict=True))
    back = {new: old for old, new in rename.items()}
    renamed = findings([(rename[name], text) for name, text in files])
    return (
        without_ids(renamed, back, wording=wording),
        without_ids(findings(files), {name: name for name in names}, wording=wording),
    )


@settings(max_examples=25, deadline=None)
@given(runs(), st.randoms(use_true_random=False))
def test_findings_do_not_depend_on_document_order(files: list[tuple[str, str]], rnd: random.Random) -> None:
    shuffled = list(files)
    rnd.shuffle(shuffled)
    assert findings(shuffled) == findings(files)


@settings(max_examples=25, deadline=None)
@given(runs(mixed=False), st.randoms(use_true_random=False))
def test_findings_do_not_depend_on_file_names(files: list[tuple[str, str]], rnd: random.Random) -> None:
    renamed, named = renamed_findings(files, rnd, wording=True)
    assert renamed == named


@settings(max_examples=25, deadline=None)
@given(runs(), st.randoms(use_true_random=False))
def test_what_conflicts_does_not_depend_on_file_names(files: list[tuple[str, str]], rnd: random.Random) -> None:
    """Articles in different words: the same passages conflict, whatever the files are called."""
    renamed, named = renamed_findings(files, rnd, wording=False)
    assert renamed == named


@settings(max_examples=25, deadline=None)
@given(
    templates,
    st.integers(min_value=0, max_value=9),
    st.integers(min_value=20, max_value=60),
    st.sampled_from(TOWNS),
)
def test_a_listed_equivalent_keeps_the_finding(template: str, pick: int, low: int, town: str) -> None:
    words = TEMPLATES[template][1]
    plain, other = words[0], words[pick % len(words)]
    high = low + 30
    before = findings([("a.md", write(template, plain, town, low)), ("b.md", write(template, plain, town, high))])
    after = findings([("a.md", write(template, plain, town, low)), ("b.md", write(template, other, town, high))])
    assert len(before) == 1
    assert [f["subject"] for f in after] == [f["subject"] for f in before]
    assert [[loc["text"] for loc in f["locations"]] for f in after] == [
        [loc["text"] for loc in f["locations"]] for f in before
    ]


@settings(max_examples=25, deadline=None)
@given(
    templates,
    st.integers(min_value=0, max_value=9),
    st.integers(min_value=20, max_value=60),
    st.permutations(TOWNS),
)
def test_another_place_removes_the_finding(template: str, pick: int, low: int, towns: list[str]) -> None:
    words = TEMPLATES[template][1]
    word = words[pick % len(words)]
    home, elsewhere = towns[0], towns[1]
    same = [("a.md", write(template, words[0], home, low)), ("b.md", write(template, word, home, low + 30))]
    moved = [("a.md", write(template, words[0], home, low)), ("b.md", write(template, word, elsewhere, low + 30))]
    assert len(findings(same)) == 1
    # Still one story: what differs is whom the figure is about.
    assert len(set(group_stories([load_text(text, name) for name, text in moved]).of_document)) == 1
    assert findings(moved) == []


@settings(max_examples=25, deadline=None)
@given(templates, st.integers(min_value=0, max_value=9), st.integers(min_value=20, max_value=60))
def test_equal_figures_give_no_finding(template: str, pick: int, value: int) -> None:
    words = TEMPLATES[template][1]
    files = [
        ("a.md", write(template, words[0], TOWNS[0], value)),
        ("b.md", write(template, words[pick % len(words)], TOWNS[0], value)),
    ]
    assert findings(files) == []


# Equivalents the vocabulary lists that the extractor does not read as such (see tests/extract/test_frames.py).
MISSED_EQUIVALENTS = [
    pytest.param(
        "landslide",
        "dead",
        id="counted 74 dead in Tessel",
        marks=pytest.mark.xfail(
            strict=True,
            reason="'The Brisk Valley brigade counted 74 dead in Tessel' is about 'brisk valley', "
            "'counted 31 deaths in Tessel' about 'tessel': no finding",
        ),
    ),
    pytest.param(
        "landslide-verb",
        "{n} people lost their lives",
        id="74 people lost their lives",
        marks=pytest.mark.xfail(
            strict=True,
            reason="'74 people lost their lives' measures 'lose' (the verb of a generic noun), not 'life' "
            "(listed under death toll): no finding against 'The mud killed 31 people'",
        ),
    ),
]


@pytest.mark.parametrize(("template", "word"), MISSED_EQUIVALENTS)
def test_a_listed_equivalent_the_extractor_misses(template: str, word: str) -> None:
    plain = TEMPLATES[template][1][0]
    before = findings([("a.md", write(template, plain, "Tessel", 31)), ("b.md", write(template, plain, "Tessel", 74))])
    after = findings([("a.md", write(template, plain, "Tessel", 31)), ("b.md", write(template, word, "Tessel", 74))])
    assert len(before) == 1
    assert [f["subject"] for f in after] == [f["subject"] for f in before]


def test_the_order_of_the_message_does_not_depend_on_file_names() -> None:
    low = write("job-cuts", "fired", "Tessel", 31)
    high = write("job-cuts", "fired", "Tessel", 74)
    plain = [f["message"] for f in findings([("a.md", low), ("b.md", high)])]
    renamed = [f["message"].replace("z.md", "a.md") for f in findings([("z.md", low), ("b.md", high)])]
    assert plain and renamed == plain


def test_the_subject_of_the_message_does_not_depend_on_file_names() -> None:
    low = write("job-cuts-noun", "workers", "Tessel", 31)
    high = write("job-cuts-noun", "employees", "Tessel", 74)
    plain = [f["message"].split(":")[0] for f in findings([("a.md", low), ("b.md", high)])]
    renamed = [f["message"].split(":")[0] for f in findings([("z.md", low), ("b.md", high)])]
    assert plain and renamed == plain
