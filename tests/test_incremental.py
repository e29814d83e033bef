"""Incremental re-checking (``factcheck/incremental.py``): the index's stories and findings.

A run with the index gives the JSON of a run without it, byte for byte, after any edit, addition or
removal of articles (a randomized test over sequences of them); only the stories an edit touches are
compared again by the per-story checks; an edit that changes no word keeps the stored stories; the
checks said to be per story give, on every story alone, the story's share of their findings on the
whole run.  The corpus is invented for these tests: three stories, each told in varied sentences,
some articles disagreeing on a figure or slipping in their own arithmetic, dates or headline.
"""

from __future__ import annotations

import io
import random
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factcheck.incremental as incremental
import factcheck.link
from factcheck.checks import CHECKS
from factcheck.checks.base import CheckContext
from factcheck.extract import extract_document
from factcheck.incremental import PER_STORY_CHECKS, by_story, decode_findings, encode_findings, story_signature
from factcheck.index import INDEX_FILE
from factcheck.link import group_stories
from factcheck.link.identity import resolve_spellings
from factcheck.link.stories import Stories
from factcheck.pipeline import check, tabulate
from factcheck.report import ReportOptions, get_writer
from factcheck.ruleset import load_rules
from factcheck.sources import load_paths, load_text

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

STORIES = (
    (
        "Kessel dam failure floods {a} farms",
        (
            "The spillway of the Kessel dam gave way on Sunday, flooding {a} farms along the Orrin river.",
            "Engineers from the Brannock water board said {b} people were moved to the school in Lathe.",
            "Pumping crews worked through the night, the board's director, Oona Tarvey, told reporters.",
            "Water levels at the Kessel reservoir dropped by {c} metres before the breach was sealed.",
            '"Nobody expected the concrete to go at once," said Tarvey, standing by the sluice gates.',
        ),
        (310, 2400, 6),
    ),
    (
        "Morwen ferry strike cancels {a} crossings",
        (
            "Crews of the Morwen Line walked out again on Wednesday, cancelling {a} crossings to Skerra.",
            "The union, led by Piet Holloway, wants a raise for its {b} deckhands and stewards.",
            "The Morwen Line said the strike had cost it {c} million euros in lost fares.",
            '"We will sail when the owners sit down with us," Holloway told a rally at the quay.',
        ),
        (84, 1150, 3),
    ),
    (
        "Quarry blast cracks {a} houses in Pellow",
        (
            "A blast at the Tamsin Hill quarry on Thursday cracked the walls of {a} houses in Pellow.",
            "Inspectors from the Calder mines office found {b} kilograms of explosive had been used.",
            "The quarry's owner, Bram Eskel, said the charge was within its licence.",
            "Residents of Pellow have filed {c} complaints about quarry blasts since the spring.",
        ),
        (57, 900, 23),
    ),
)
SLIPS = (
    "Its budget rose from 40 million euros in 2023 to 55 million euros in 2024, an increase of 20 percent.",
    "The inquiry opened on Tuesday, March 14, 2025, in the county hall.",
    "A third of the 1,200 residents, or 500 people, signed the petition.",
    "Mount Everest stands 9,848 metres tall.",
)


def article(rng: random.Random, number: int) -> str:
    title, sentences, (a, b, c) = STORIES[number % len(STORIES)]
    if rng.random() < 0.15:
        a += 25  # a conflict with the story's other articles
    if rng.random() < 0.1:
        c += 2
    body = [s.format(a=f"{a:,}", b=f"{b:,}", c=c) for s in sentences]
    rng.shuffle(body)
    if rng.random() < 0.2:
        body.insert(1, rng.choice(SLIPS))
    headline = title.format(a=f"{a + 100 if rng.random() < 0.1 else a:,}")
    return f"---\ntitle: {headline}\ndate: 2025-03-{10 + number % 5:02d}\noutlet: Desk {number % 4}\n---\n" + (
        "\n\n".join(body) + "\n"
    )


def write_corpus(directory: Path, articles: int, seed: int = 3) -> random.Random:
    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    for number in range(articles):
        (directory / f"a{number:03d}.md").write_text(article(rng, number), encoding="utf-8")
    return rng


def report_json(paths: list[str], cache: Path | None) -> str:
    stream = io.StringIO()
    report = check(paths, jobs=1, cache_dir=str(cache) if cache else None)
    get_writer("json")(report, stream, ReportOptions(color=False, width=100))
    return stream.getvalue()


# --- the same JSON as without the index ----------------------------------------------------------


def test_one_edit_gives_the_json_of_a_run_without_the_index(tmp_path: Path) -> None:
    corpus, cache = tmp_path / "corpus", tmp_path / "cache"
    write_corpus(corpus, 30)
    assert report_json([str(corpus)], cache) == report_json([str(corpus)], None)
    edited = corpus / "a007.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("310", "410"), encoding="utf-8")
    warm = report_json([str(corpus)], cache)
    assert warm == report_json([str(corpus)], None)
    assert '"findings": []' not in warm


def _edit(rng: random.Random, corpus: Path, number: int, action: str) -> None:
    files = sorted(corpus.glob("*.md"))
    if action == "add" or not files:
        (corpus / f"n{number:03d}.md").write_text(article(rng, rng.randrange(99)), encoding="utf-8")
        return
    target = rng.choice(files)
    text = target.read_text(encoding="utf-8")
    if action == "remove" and len(files) > 2:
        target.unlink()
    elif action == "figure":  # no word changes: the stored stories are kept
        digits = [i for i, ch in enumerate(text) if ch.isdigit() and i > text.index("---", 3)]
        if digits:
            at = rng.choice(digits)
            text = text[:at] + str((int(text[at]) + 1) % 10) + text[at + 1 :]
        target.write_text(text, encoding="utf-8")
    elif action == "words":
        text = text.replace(rng.choice(["Sunday", "Pellow", "board", "strike", "quarry"]), "Tuesday", 1)
        target.write_text(text + rng.choice(SLIPS) + "\n", encoding="utf-8")
    elif action == "move":
        target.rename(target.with_name("z" + target.name))
    else:  # swap: another story's text under this name
        target.write_text(article(rng, rng.randrange(99)), encoding="utf-8")


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    seed=st.integers(0, 10_000),
    actions=st.lists(st.sampled_from(["figure", "words", "add", "remove", "move", "swap"]), min_size=1, max_size=4),
)
def test_any_edits_give_the_json_of_a_run_without_the_index(
    tmp_path_factory: pytest.TempPathFactory, seed: int, actions: list[str]
) -> None:
    base = tmp_path_factory.mktemp("edits")
    corpus, cache = base / "corpus", base / "cache"
    rng = write_corpus(corpus, 18, seed)
    report_json([str(corpus)], cache)
    for number, action in enumerate(actions):
        _edit(rng, corpus, number, action)
        assert report_json([str(corpus)], cache) == report_json([str(corpus)], None), (seed, actions[: number + 1])


def test_the_seeds_and_two_corpora_in_one_index(tmp_path: Path) -> None:
    """Runs on other documents share the index without taking each other's entries."""
    cache = tmp_path / "cache"
    write_corpus(tmp_path / "one", 12, 1)
    write_corpus(tmp_path / "two", 12, 2)
    for paths in ([str(SEEDS)], [str(tmp_path / "one")], [str(tmp_path / "two")], [str(tmp_path)], [str(SEEDS)]):
        assert report_json(paths, cache) == report_json(paths, None)


# --- only what changed is computed again ---------------------------------------------------------


def test_an_edit_compares_again_only_its_story(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, cache = tmp_path / "corpus", tmp_path / "cache"
    write_corpus(corpus, 30)
    report_json([str(corpus)], cache)
    blocks: list[int] = []
    grouped: list[int] = []
    on_stories = incremental.IncrementalCompare._on_stories
    real_group = factcheck.link.group_stories

    def counted(self: incremental.IncrementalCompare, rule: object, chosen: set[int]) -> object:
        blocks.append(sum(1 for s in self.stories.of_document if s in chosen))
        return on_stories(self, rule, chosen)  # type: ignore[arg-type]

    def group(*args: object, **kwargs: object) -> Stories:
        grouped.append(1)
        return real_group(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(incremental.IncrementalCompare, "_on_stories", counted)
    monkeypatch.setattr(factcheck.link, "group_stories", group)
    report_json([str(corpus)], cache)  # nothing changed: nothing compared, nothing grouped
    assert blocks == [] and grouped == []
    edited = corpus / "a004.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("84", "94"), encoding="utf-8")
    report_json([str(corpus)], cache)  # a figure: the same stories, one story compared again
    assert grouped == []
    assert blocks == [10] * len([r for r in load_rules() if r.check in PER_STORY_CHECKS])
    with sqlite3.connect(cache / INDEX_FILE) as connection:  # the story's old entries are gone
        stories = connection.execute("SELECT count(*) FROM findings WHERE members IS NOT NULL").fetchone()[0]
    assert stories == 3 * len(blocks)
    edited.write_text(edited.read_text(encoding="utf-8").replace("Skerra", "Skarra"), encoding="utf-8")
    report_json([str(corpus)], cache)  # a word: grouped again
    assert grouped == [1]


def test_entries_of_other_code_are_dropped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, cache = tmp_path / "corpus", tmp_path / "cache"
    write_corpus(corpus, 12)
    report_json([str(corpus)], cache)

    def count() -> tuple[int, int]:
        with sqlite3.connect(cache / INDEX_FILE) as connection:
            query = "SELECT count(*) FROM findings WHERE members IS {} NULL"
            return connection.execute(query.format("NOT")).fetchone()[0], connection.execute(
                query.format("")
            ).fetchone()[0]

    first = count()
    real = incremental.code_key
    monkeypatch.setattr(incremental, "code_key", lambda environment: real(environment) + "-other")
    report_json([str(corpus)], cache)  # another factcheck: every entry computed again
    assert count()[0] == first[0]  # the stories' old entries are gone
    assert count()[1] == 2 * first[1]  # each rule's two last runs are kept


def test_the_signature_changes_with_words_not_figures() -> None:
    text = "The Kessel dam gave way, flooding 310 farms. Tarvey said 2,400 people left."
    same = story_signature(load_text(text, "a.md"))
    assert story_signature(load_text(text.replace("310", "311").replace("2,400", "24"), "a.md")) == same
    for other in (text.replace("Kessel", "Kassel"), text.replace("The Kessel", "the Kessel"), text + " Then"):
        assert story_signature(load_text(other, "a.md")) != same


def test_the_codec_names_every_field_of_a_location() -> None:
    import dataclasses

    from factcheck.model import Location

    assert list(incremental._LOCATION) == [f.name for f in dataclasses.fields(Location)]


def test_findings_round_trip_through_json(tmp_path: Path) -> None:
    write_corpus(tmp_path, 20)
    documents, _errors = load_paths([str(tmp_path), str(SEEDS)])
    findings = _whole_run_findings(documents)
    assert findings
    for found in findings.values():
        assert decode_findings(encode_findings(found)) == found


# --- which checks are per story ------------------------------------------------------------------


def _whole_run_findings(documents: list) -> dict[str, list]:  # type: ignore[type-arg]
    documents = sorted(documents, key=lambda d: d.path)
    extractions = [extract_document(d) for d in documents]
    claims = [e.claims for e in extractions]
    stories = group_stories(documents)
    spellings = resolve_spellings(documents, stories, [e.propers for e in extractions])
    table = tabulate(documents, claims)
    out = {}
    for rule in load_rules():
        context = CheckContext(rule, documents, claims, table, stories, spellings, extractions)
        out[rule.id] = CHECKS[rule.check]().run(context)
    return out


@pytest.mark.parametrize("which", ["corpus", "seeds"])
def test_per_story_checks_find_on_each_story_its_share_of_the_run(tmp_path: Path, which: str) -> None:
    """What ``PER_STORY_CHECKS`` claims, on runs of several stories: each story checked alone (its
    documents keeping their stories of the whole run) finds exactly that story's findings."""
    if which == "corpus":
        write_corpus(tmp_path, 40)
        paths = [str(tmp_path), str(SEEDS)]
    else:
        paths = [str(SEEDS)]
    documents, _errors = load_paths(paths)
    documents = sorted(documents, key=lambda d: d.path)
    extractions = [extract_document(d) for d in documents]
    claims = [e.claims for e in extractions]
    stories = group_stories(documents)
    whole = _whole_run_findings(documents)
    story_of_path = {d.path: s for d, s in zip(documents, stories.of_document, strict=True)}
    from factcheck.table import build_table

    checked = set()
    for rule in load_rules():
        if rule.check not in PER_STORY_CHECKS:
            continue
        split = by_story(whole[rule.id], story_of_path, len(stories.names))
        assert split is not None, rule.id
        for story in range(len(stories.names)):
            block = [i for i, s in enumerate(stories.of_document) if s == story]
            part = Stories(tuple(stories.of_document[i] for i in block), stories.names, stories.name_shares)
            mine = [documents[i] for i in block]
            context = CheckContext(
                rule,
                mine,
                [claims[i] for i in block],
                build_table(mine, [claims[i] for i in block]),
                part,
                extractions=[extractions[i] for i in block],
            )
            assert CHECKS[rule.check]().run(context) == split[story], (rule.id, story)
        checked.add(rule.check)
        assert len(stories.names) > 1 or which == "seeds"
    assert checked == PER_STORY_CHECKS
    assert any(whole[r.id] for r in load_rules() if r.check in PER_STORY_CHECKS)


_MUTATIONS = st.lists(
    st.tuples(st.integers(0, 10_000), st.sampled_from(["7", " ", ".", ",", "\n", "\n\n", "x", "A", '"', "", "(", "-"])),
    min_size=1,
    max_size=6,
)


@settings(max_examples=60, deadline=None)
@given(mutations=_MUTATIONS, which=st.integers(0, 11))
def test_the_same_signatures_give_the_same_stories(mutations: list[tuple[int, str]], which: int) -> None:
    """Whatever an edit does to one document's text, when every signature is the same the stories
    are the same (the grouping the index keeps is taken only then)."""
    rng = random.Random(8)
    texts = [article(rng, n) for n in range(12)]
    documents = [load_text(text, f"a{n:02d}.md") for n, text in enumerate(texts)]
    before = group_stories(documents)
    text = texts[which]
    for at, new in mutations:
        at %= len(text)
        text = text[:at] + new + text[at + 1 :]
    edited = load_text(text, f"a{which:02d}.md")
    if story_signature(edited) != story_signature(documents[which]):
        return
    documents[which] = edited
    assert group_stories(documents) == before


_KEYS = """
import sys
from factcheck.incremental import story_keys
from factcheck.link import group_stories
from factcheck.sources import load_paths
documents, _ = load_paths([sys.argv[1]])
print(story_keys("rule", group_stories(documents), [d.path for d in documents]))
"""


def test_story_keys_are_the_same_in_every_process(tmp_path: Path) -> None:
    """A story's key reads its names' shares, whose order follows set iteration: sorted, the key is
    the same whatever the process's hash seed (else a run after an edit would compare every story)."""
    import os
    import subprocess
    import sys

    write_corpus(tmp_path, 12)
    keys = set()
    for seed in ("1", "2", "3"):
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", _KEYS, str(tmp_path)], env=environment, capture_output=True, text=True, check=True
        )
        keys.add(done.stdout)
    assert len(keys) == 1
