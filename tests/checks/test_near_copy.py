"""near-copy: seed 000 is a machine-reworded copy of seed 001; no other seed pair is a copy.

Copies of one another are one finding per cluster, never one per pair: five
rewordings of a wire story are one finding naming the wire story as the
original and the five as its copies.

Measured on the seeds (prose views, 001's chrome blanked): 000/001 have a
wording score of about 0.53 (word trigrams) and an anchor score of about
0.82 (runs of three names and numbers in order); every other pair stays
below 0.03 on wording and 0.06 on anchors.  The rule's threshold is 0.5.
"""

from __future__ import annotations

import itertools
from datetime import datetime
from pathlib import Path

import docx
import pytest

from factcheck.checks.base import CheckContext, Rule
from factcheck.checks.near_copy import (
    Features,
    NearCopy,
    Similarity,
    _Clusters,
    features,
    first_sentence,
    similarity,
    span_location,
)
from factcheck.model import Document, Severity
from factcheck.pipeline import run_rules
from factcheck.ruleset import load_rules
from factcheck.sources import load_paths, load_text
from factcheck.table import build_table

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
COPY = "seeds/000_66cb382b3bbec319.txt"
ORIGINAL = "seeds/001_839168d87bbbea1a.txt"


@pytest.fixture(scope="module")
def seeds() -> list[Document]:
    documents, errors = load_paths([str(SEEDS)])
    assert errors == []
    return documents


@pytest.fixture(scope="module")
def rules() -> dict[str, Rule]:
    return {rule.id: rule for rule in load_rules()}


def _rel(path: str) -> str:
    return path[path.index("seeds/") :]


def test_seed_pairs_are_measured_apart(seeds: list[Document]) -> None:
    found = {_rel(d.path): features(d.prose) for d in seeds}
    for a, b in itertools.combinations(sorted(found), 2):
        measured = similarity(found[a], found[b])
        if {a, b} == {COPY, ORIGINAL}:
            assert measured.wording > 0.45
            assert measured.anchors > 0.75
        else:
            assert measured.wording < 0.05, (a, b)
            assert measured.anchors < 0.1, (a, b)


def test_seed_000_is_reported_as_a_reworded_copy_of_001(seeds: list[Document], rules: dict[str, Rule]) -> None:
    analysis = run_rules(seeds, list(rules.values()))
    copies = [f for f in analysis.findings if f.kind == "near_copy"]
    assert len(copies) == 1
    [finding] = copies
    assert finding.rule == "documents.near_copy"
    assert finding.severity is Severity.INFO
    assert _rel(finding.message.split(" reads as a reworded copy of ")[0]) == COPY
    assert ORIGINAL in finding.message
    assert "(similarity 0.8" in finding.message
    copy, original = finding.locations
    assert (_rel(copy.path), copy.line, copy.column) == (COPY, 1, 1)
    assert (_rel(original.path), original.line, original.column) == (ORIGINAL, 140, 1)
    assert original.sentence.startswith("As US President Donald Trump sat in the Oval Office")
    # Both documents stay in the run: their claims are compared by the other rules.
    claims = {_rel(d.path): c for d, c in zip(analysis.documents, analysis.claims, strict=True)}
    assert len(claims) == 5
    assert claims[COPY] and claims[ORIGINAL]


def test_findings_do_not_depend_on_document_order(seeds: list[Document], rules: dict[str, Rule]) -> None:
    rule = rules["documents.near_copy"]
    forward = run_rules(seeds, [rule]).findings
    backward = run_rules(list(reversed(seeds)), [rule]).findings
    assert forward == backward


def _context(documents: list[Document], rule: Rule) -> CheckContext:
    claims: list[tuple[()]] = [() for _ in documents]
    return CheckContext(rule=rule, documents=documents, claims=claims, table=build_table(documents, claims))


STORY = (
    "Officials in Valencia said on Tuesday that 1,200 homes were destroyed when the Turia River burst its banks "
    "after 445 litres of rain fell in eight hours. Mayor Maria Catala said 3,000 residents had been moved to "
    "shelters run by the Red Cross, and the Spanish army sent 500 soldiers to clear the roads around Paiporta."
)


def test_an_excerpt_is_not_a_copy(rules: dict[str, Rule]) -> None:
    more = " ".join(f"Paragraph {n} adds another {n} details about Valencia and Madrid." for n in range(40))
    long = STORY + " " + more
    documents = [load_text(STORY, "short.md"), load_text(long, "long.md")]
    assert NearCopy().run(_context(documents, rules["documents.near_copy"])) == []


def test_later_dated_document_is_the_copy(rules: dict[str, Rule]) -> None:
    early = load_text("---\ndate: 2025-03-01\n---\n" + STORY + " More words here.", "z-early.md")
    late = load_text("---\ndate: 2025-03-02\n---\n" + STORY, "a-late.md")
    [finding] = NearCopy().run(_context([early, late], rules["documents.near_copy"]))
    assert finding.message.startswith("a-late.md reads as a near-identical copy of z-early.md")
    assert [loc.path for loc in finding.locations] == ["a-late.md", "z-early.md"]


def test_only_candidate_pairs_are_measured(rules: dict[str, Rule], monkeypatch: pytest.MonkeyPatch) -> None:
    towns = [" ".join(f"Town{n}x{k} counted {n * 100 + k} voters." for k in range(30)) for n in range(30)]
    others = [load_text(f"Report {n}: {text}", f"{n}.md") for n, text in enumerate(towns)]
    documents = [*others, load_text(STORY, "a.md"), load_text(STORY.replace("said", "stated"), "b.md")]
    measured: list[tuple[int, int]] = []
    real = similarity

    def counting(a: Features, b: Features) -> Similarity:
        measured.append((id(a), id(b)))
        return real(a, b)

    monkeypatch.setattr("factcheck.checks.near_copy.similarity", counting)
    findings = NearCopy().run(_context(documents, rules["documents.near_copy"]))
    assert len(findings) == 1
    assert len(measured) == 1  # 32 documents, 496 pairs; only the one that shares names and numbers


def test_span_location_points_into_the_text() -> None:
    document = load_text("Title line\n\n  The flood destroyed 900 homes. Then more.\n", "a.txt")
    start, end = first_sentence(document)
    location = span_location(document, start, end)
    assert location.text == document.text[start:end] == "The flood destroyed 900 homes."
    assert (location.line, location.column, location.end_line, location.end_column) == (3, 3, 3, 33)
    assert (location.value, location.unit) == (None, None)


def test_a_docx_copy_is_located_by_paragraph(tmp_path: Path, rules: dict[str, Rule]) -> None:
    word = docx.Document()
    word.core_properties.created = datetime(2025, 3, 15)
    word.add_heading("Valencia floods", level=1)
    word.add_paragraph("")
    for sentence in STORY.split(". "):
        word.add_paragraph(sentence.rstrip(".") + ".")
    word.save(str(tmp_path / "wire.docx"))
    (tmp_path / "site.txt").write_text(STORY + "\n", encoding="utf-8")
    documents, errors = load_paths([str(tmp_path)])
    assert errors == []
    [finding] = NearCopy().run(_context(documents, rules["documents.near_copy"]))
    [word_location] = [loc for loc in finding.locations if loc.path.endswith("wire.docx")]
    assert word_location.line == 3  # the third paragraph: heading, empty paragraph, then the story
    assert word_location.sentence.startswith("Officials in Valencia said on Tuesday")


# Rewordings of STORY, each with its own synonyms: one original and five copies.
_SWAPS = [
    {"said": "stated", "homes": "houses"},
    {"destroyed": "wrecked", "residents": "inhabitants"},
    {"moved": "relocated", "roads": "streets"},
    {"soldiers": "troops", "burst": "overflowed"},
    {"sent": "dispatched", "fell": "came down"},
]


def _reworded(swaps: dict[str, str]) -> str:
    text = STORY
    for word, synonym in swaps.items():
        text = text.replace(word, synonym)
    return text


def test_five_copies_are_one_finding(rules: dict[str, Rule]) -> None:
    original = load_text("---\ndate: 2024-10-30\n---\n" + STORY, "wire/valencia.md")
    copies = [
        load_text(f"---\ndate: 2024-10-31\n---\n{_reworded(swaps)}", f"sites/site{n}.md")
        for n, swaps in enumerate(_SWAPS, start=1)
    ]
    [finding] = NearCopy().run(_context([*copies, original], rules["documents.near_copy"]))
    assert finding.message.startswith(
        "5 articles are near-identical copies of wire/valencia.md: "
        "sites/site1.md, sites/site2.md, sites/site3.md, sites/site4.md, sites/site5.md (similarity "
    )
    assert [loc.path for loc in finding.locations] == [*(f"sites/site{n}.md" for n in range(1, 6)), "wire/valencia.md"]
    assert all(loc.line == 4 for loc in finding.locations)


def test_the_earliest_dated_member_is_the_original(rules: dict[str, Rule]) -> None:
    documents = [
        load_text(f"---\ndate: 2024-11-0{n + 1}\n---\n{_reworded(swaps)}", f"{'zyx'[n]}.md")
        for n, swaps in enumerate(_SWAPS[:3])
    ]
    [finding] = NearCopy().run(_context(documents, rules["documents.near_copy"]))
    assert " copies of z.md: x.md, y.md (" in finding.message
    assert finding.locations[-1].path == "z.md"


def test_two_sets_of_copies_are_two_findings(rules: dict[str, Rule]) -> None:
    other = (
        "The central bank raised its main rate by 0.25 points to 4.5 percent on Thursday, the fourth rise this "
        "year. Governor Ana Ruiz said inflation of 6.1 percent in March was too high and that the bank would act "
        "again in June if prices did not slow. Banks in Madrid and Barcelona passed the rise on within hours."
    )
    documents = [
        load_text(STORY, "flood-a.md"),
        load_text(_reworded(_SWAPS[0]), "flood-b.md"),
        load_text(_reworded(_SWAPS[1]), "flood-c.md"),
        load_text(other, "rates-a.md"),
        load_text(other.replace("said", "stated"), "rates-b.md"),
    ]
    findings = NearCopy().run(_context(documents, rules["documents.near_copy"]))
    assert sorted(sorted(loc.path for loc in f.locations) for f in findings) == [
        ["flood-a.md", "flood-b.md", "flood-c.md"],
        ["rates-a.md", "rates-b.md"],
    ]
    pair = next(f for f in findings if len(f.locations) == 2)
    assert " reads as a near-identical copy of " in pair.message  # a pair keeps its sentence


def test_a_cluster_is_measured_once_per_member_not_per_pair(
    rules: dict[str, Rule], monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = [load_text(STORY.replace("Tuesday", f"Tuesday {n}"), f"copy{n:02d}.md") for n in range(30)]
    measured = 0
    real = similarity

    def counting(a: Features, b: Features) -> Similarity:
        nonlocal measured
        measured += 1
        return real(a, b)

    monkeypatch.setattr("factcheck.checks.near_copy.similarity", counting)
    [finding] = NearCopy().run(_context(documents, rules["documents.near_copy"]))
    assert finding.message.startswith("29 articles are near-identical copies of ")
    assert len(finding.locations) == 30
    assert measured <= 2 * 30  # 435 pairs; each document joins the cluster once, then its copy is measured


def test_clusters_are_connected_components() -> None:
    clusters = _Clusters(6)
    clusters.join(0, 3)
    clusters.join(3, 5)  # 5 copies 3, which copies 0: one cluster
    clusters.join(1, 4)
    assert clusters.joined(0, 5) and not clusters.joined(0, 1)
    assert clusters.groups() == [[0, 3, 5], [1, 4]]
