"""Extraction on worker processes: the same report, byte for byte, whatever ``--jobs``.

The corpus is 60 invented articles about a few stories (figures that sometimes disagree, quotes given
to different speakers, a slip in a name), enough for the pool to be used (``POOL_MIN_DOCUMENTS``).
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import factcheck.pipeline
from factcheck.extract import Extraction, extract_document
from factcheck.model import Document
from factcheck.parallel import POOL_MIN_DOCUMENTS, default_jobs, map_documents
from factcheck.pipeline import check
from factcheck.report import ReportOptions, get_writer
from factcheck.sources import load_text

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

STORIES = (
    (
        "The Tarrow bridge closed on Monday after inspectors found {cracks} cracks in its main span, "
        "the county engineer, {engineer}, said. Repairs will cost ${cost} million and take {weeks} weeks.\n\n"
        '"We cannot let lorries cross until the steel is replaced," said {speaker}.\n'
    ),
    (
        "Floods in the Vell valley destroyed {homes} homes and forced {people} people from their houses, "
        "according to the {agency}. Rainfall reached {rain} mm in 24 hours on Thursday.\n\n"
        '"The river rose faster than any of us had seen," said Mara Quill, who runs the shelter in Ostby.\n'
    ),
    (
        "Harlan Mills will cut {jobs} jobs at its Dunmore plant, about {share}% of its workforce, "
        "chief executive {ceo} said on Tuesday. The company made a loss of ${loss} million last year.\n"
    ),
)


def article(number: int) -> str:
    odd = number % 7 == 3  # one article in seven disagrees with the others
    story = STORIES[number % len(STORIES)]
    text = story.format(
        cracks=14 if odd else 12,
        engineer="Ravi Oduya" if number % 11 else "Ravi Oduja",
        cost="4.2",
        weeks=6 if odd else 8,
        speaker="Ravi Oduya" if odd else "the mayor, Ilse Brandt",
        homes=1200 if odd else 900,
        people="3,400",
        agency="Coast Guard" if odd else "regional fire service",
        rain=180,
        jobs=450 if odd else 400,
        share=12,
        ceo="Dana Whitcombe",
        loss="31",
    )
    return f"---\ntitle: Report {number}\ndate: 2025-03-{1 + number % 3:02d}\n---\n{text}"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("corpus")
    for number in range(60):
        (directory / f"a{number:03d}.md").write_text(article(number), encoding="utf-8")
    return directory


def _json(paths: list[str], jobs: int) -> str:
    stream = io.StringIO()
    get_writer("json")(check(paths, jobs=jobs), stream, ReportOptions(color=False, width=100))
    return stream.getvalue()


def test_the_corpus_is_large_enough_for_the_pool(corpus: Path) -> None:
    assert len(list(corpus.glob("*.md"))) >= POOL_MIN_DOCUMENTS


@pytest.mark.parametrize("which", ["seeds", "corpus"])
def test_two_jobs_give_the_json_of_one(which: str, corpus: Path) -> None:
    paths = [str(SEEDS)] if which == "seeds" else [str(corpus)]
    serial = _json(paths, jobs=1)
    assert _json(paths, jobs=2) == serial
    if which == "corpus":
        assert json.loads(serial)["findings"], "the corpus is meant to hold disagreements"


def test_the_command_line_gives_the_same_json_with_one_or_two_jobs(corpus: Path) -> None:
    def run(jobs: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "factcheck", "check", str(corpus), "--format", "json", "--jobs", jobs]
        return subprocess.run(command, capture_output=True, text=True, check=False)

    one, two = run("1"), run("2")
    assert (two.returncode, two.stdout, two.stderr) == (one.returncode, one.stdout, one.stderr)
    assert one.returncode == 1


def test_results_and_progress_come_in_document_order(corpus: Path) -> None:
    documents = [load_text(article(n), f"a{n:03d}.md") for n in range(60)]
    seen: list[tuple[int, int]] = []
    extractions = map_documents(
        extract_document, documents, lambda _phase, done, total: seen.append((done, total)), jobs=2
    )
    assert all(isinstance(e, Extraction) for e in extractions)
    assert extractions == [extract_document(d) for d in documents]
    assert seen == [(n, 60) for n in range(1, 61)]


def _fails_on_a007(document: Document) -> Extraction:
    if document.path.endswith("a007.md"):
        raise ValueError(f"cannot read {document.path}")
    return extract_document(document)


def test_an_error_in_a_worker_is_the_error_of_a_serial_run(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(factcheck.pipeline, "extract_document", _fails_on_a007)
    raised = []
    for jobs in (1, 2):
        with pytest.raises(ValueError) as error:
            check([str(corpus)], jobs=jobs)
        raised.append((type(error.value), str(error.value)))
    assert raised[0] == raised[1]
    assert raised[0][1].endswith("a007.md")


def test_default_jobs_is_at_least_one() -> None:
    assert default_jobs() >= 1
