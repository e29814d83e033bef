"""The Dask engine gives the local engine's report, byte for byte (``factcheck/dask_engine.py``).

The corpus is 200 invented articles on four stories, each told in varied sentences: some articles
disagree on a figure, some are near copies of another, a few slip in their own arithmetic, dates or
headline, so every check the engine sends to the workers has something to find.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck import cli
from factcheck.dask_engine import STORY_LOCAL_CHECKS, DaskEngine, story_blocks
from factcheck.pipeline import check
from factcheck.report import ReportOptions, get_writer
from factcheck.ruleset import load_rules

distributed = pytest.importorskip("distributed", reason="dask[distributed] is not installed (pip install '.[dask]')")

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# Each story: its headline, sentences that each article tells in its own order; {a}, {b}, {c} are
# the story's figures (a conflict changes one of them).
STORIES = {
    "kessel": (
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
    "morwen": (
        "Morwen ferry strike cancels {a} crossings",
        (
            "Crews of the Morwen Line walked out again on Wednesday, cancelling {a} crossings to Skerra.",
            "The union, led by Piet Holloway, wants a raise for its {b} deckhands and stewards.",
            "The Morwen Line said the strike had cost it {c} million euros in lost fares.",
            "Island shops on Skerra ran short of bread and fuel, the harbour master reported.",
            '"We will sail when the owners sit down with us," Holloway told a rally at the quay.',
        ),
        (84, 1150, 3),
    ),
    "ostrava": (
        "Ferrand Tools puts {a} Vessby jobs at risk",
        (
            "Ferrand Tools will close its Vessby works by autumn, putting {a} jobs at risk.",
            "The plant, opened by Ingram Ferrand, has made drill bits in Vessby for {b} years.",
            "Ferrand's chief executive, Lisbet Okafor, blamed steel prices, which rose {c} percent this year.",
            "Town councillors in Vessby asked the regional government for a rescue plan.",
            '"This is the heart of the town being torn out," said councillor Amos Ridley.',
        ),
        (640, 71, 18),
    ),
    "quarry": (
        "Quarry blast cracks {a} houses in Pellow",
        (
            "A blast at the Tamsin Hill quarry on Thursday cracked the walls of {a} houses in Pellow.",
            "Inspectors from the Calder mines office found {b} kilograms of explosive had been used.",
            "The quarry's owner, Bram Eskel, said the charge was within its licence.",
            "Residents of Pellow have filed {c} complaints about quarry blasts since the spring.",
            '"My kitchen ceiling came down on the table," said Pellow resident Noor Hadley.',
        ),
        (57, 900, 23),
    ),
}

# Sentences that slip in their own arithmetic or dates, for the per-document checks.
SLIPS = (
    "Its budget rose from 40 million euros in 2023 to 55 million euros in 2024, an increase of 20 percent.",
    "The inquiry opened on Tuesday, March 14, 2025, in the county hall.",
    "A third of the 1,200 residents, or 500 people, signed the petition.",
)


def article(number: int) -> tuple[str, str]:
    """(file name, text) of article ``number`` of the corpus."""
    key = list(STORIES)[number % 4]
    title, sentences, figures = STORIES[key]
    a, b, c = figures
    if number % 9 == 4:
        a += 25  # a conflict with the story's other articles
    if number % 13 == 6:
        c += 2
    order = [(number * 3 + i) % len(sentences) for i in range(len(sentences))]
    body = [sentences[i].format(a=f"{a:,}", b=f"{b:,}", c=c) for i in order]
    if number % 17 == 5:
        body.insert(2, SLIPS[number % len(SLIPS)])
    headline = title.format(a=f"{a + 100 if number % 23 == 11 else a:,}")  # a slip in the headline
    day = 10 + number % 5
    text = f"---\ntitle: {headline}\ndate: 2025-03-{day:02d}\noutlet: Desk {number % 6}\n---\n"
    text += "\n\n".join(body) + "\n"
    return f"{key}-{number:03d}.md", text


def near_copy(number: int) -> tuple[str, str]:
    """A lightly edited copy of article ``number`` (a wire story run again)."""
    name, text = article(number)
    return f"copy-{name}", text.replace("said", "says", 1).replace("Desk", "Wire")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("dask-corpus")
    files = [article(n) for n in range(192)] + [near_copy(n) for n in range(0, 64, 8)]
    for name, text in files:
        (directory / name).write_text(text, encoding="utf-8")
    assert len(files) == 200
    return directory


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A two-worker cluster in this process, reached by its address like a remote one."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0"
    ) as cluster:
        yield cluster.scheduler_address


def _json(paths: list[str], engine: DaskEngine | None = None) -> str:
    stream = io.StringIO()
    get_writer("json")(check(paths, jobs=1, engine=engine), stream, ReportOptions(color=False, width=100))
    return stream.getvalue()


@pytest.mark.parametrize("which", ["seeds", "corpus"])
def test_the_dask_engine_gives_the_json_of_the_local_engine(which: str, corpus: Path, scheduler: str) -> None:
    paths = [str(SEEDS)] if which == "seeds" else [str(corpus)]
    local = _json(paths)
    with DaskEngine(scheduler) as engine:
        assert _json(paths, engine) == local
    if which == "corpus":
        rules = {finding["rule"] for finding in json.loads(local)["findings"]}
        # Rules the workers ran and rules the client ran both found something.
        assert {"numbers.conflict", "internal.arithmetic", "internal.dates", "internal.headline"} <= rules
        assert "documents.near_copy" in rules


def test_story_local_rules_run_on_the_workers(corpus: Path, scheduler: str) -> None:
    from factcheck.link import group_stories
    from factcheck.sources import load_paths

    documents, _errors = load_paths([str(corpus)])
    documents = sorted(documents, key=lambda d: d.path)
    rules = load_rules(())
    with DaskEngine(scheduler) as engine:
        extractions = engine.extract(documents)
        stories = group_stories(documents)
        found = engine.compare(rules, documents, extractions, stories)
    assert set(found) == {rule.id for rule in rules if rule.check in STORY_LOCAL_CHECKS}
    assert len(set(stories.of_document)) >= 4
    assert found["numbers.conflict"]


def test_a_local_cluster_from_jobs_gives_the_same_json() -> None:
    with DaskEngine(jobs=2, processes=False) as engine:
        assert len(engine.client.scheduler_info()["workers"]) == 2
        assert _json([str(SEEDS)], engine) == _json([str(SEEDS)])


def test_blocks_hold_whole_stories_in_document_order() -> None:
    of_document = (0, 1, 0, 2, 1, 3, 3, 0, 4)
    blocks = story_blocks(of_document, 3)
    assert blocks == [[0, 2, 7], [1, 3, 4], [5, 6, 8]]
    assert sorted(i for block in blocks for i in block) == list(range(len(of_document)))
    assert story_blocks(of_document, 100) == [list(range(len(of_document)))]


def test_without_dask_the_engine_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    assert cli.main(["check", str(SEEDS), "--engine", "dask"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "factcheck: error: --engine dask needs dask[distributed]: pip install 'dask[distributed]'\n"
    )


def test_a_scheduler_needs_the_dask_engine(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", str(SEEDS), "--scheduler", "tcp://127.0.0.1:8786"]) == 2
    assert capsys.readouterr().err == "factcheck: error: --scheduler needs --engine dask\n"


def test_the_command_line_reads_the_scheduler_from_the_environment(
    scheduler: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["check", str(SEEDS), "--format", "json", "-q"]) == 1
    local = capsys.readouterr()
    monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", scheduler)
    assert cli.main(["check", str(SEEDS), "--format", "json", "-q", "--engine", "dask"]) == 1
    assert capsys.readouterr() == local
