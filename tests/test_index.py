"""The index on disk (``factcheck.index``) and its codec (``factcheck.extract.codec``).

The same findings with and without it, byte for byte; only the documents it misses are extracted;
files that are gone are dropped from it; a damaged index is one line on stderr; two runs may write it
at once.  The corpus here is invented for these tests.
"""

from __future__ import annotations

import dataclasses
import json
import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factcheck.pipeline as pipeline
from factcheck.cli import main
from factcheck.extract import Extraction, extract_document
from factcheck.extract.codec import FIELDS, decode, encode
from factcheck.index import INDEX_FILE, Index, environment_key
from factcheck.model import Document
from factcheck.sources import load_paths, load_text

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

_TOWNS = ["Marrowby", "Quillfen", "Oskarholm", "Tavernel"]
_PEOPLE = [("Ilse", "Brandvik", "the harbour master"), ("Tomas", "Reyvald", "a spokesman for the Coast Guard")]


def _article(rng: random.Random, number: int) -> str:
    """A short invented news article with front matter, figures, people and a quotation."""
    town = _TOWNS[number % len(_TOWNS)]
    given_name, surname, role = _PEOPLE[number % len(_PEOPLE)]
    boats = rng.choice([42, 42, 42, 45, 1200])
    cost = rng.choice(["$3.5m", "$3.5 million", "$4.1m"])
    lines = [
        "---",
        f"title: Storm wrecks {boats} boats in {town}",
        f"date: 2024-03-{1 + number % 27:02d}",
        f"outlet: The {town} Courier",
        "---",
        "",
        f"A storm on Thursday wrecked {boats} boats in {town}, {given_name} {surname}, {role}, said.",
        f"Repairs to the sea wall will cost {cost}, and about {rng.randint(300, 310)} homes lost power for 3 days.",
        f'"We have not seen waves like this since 1987," {surname} said.',
        f"Rainfall reached {rng.choice(['120 mm', '12 cm', '140 mm'])} in 24 hours, up 15% on the March record.",
        "",
    ]
    return "\n".join(lines)


def write_corpus(directory: Path, articles: int = 12, seed: int = 5) -> list[Path]:
    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    files = []
    for number in range(articles):
        path = directory / f"story-{number:03d}.md"
        path.write_text(_article(rng, number), encoding="utf-8")
        files.append(path)
    return files


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _rows(cache: Path, query: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(cache / INDEX_FILE) as connection:
        return connection.execute(query).fetchall()


# --- the codec ----------------------------------------------------------------------------------


def test_the_codec_names_every_field_of_every_type() -> None:
    for kind, names in FIELDS.items():
        stored = [f.name for f in dataclasses.fields(kind) if f.name != "starts"]
        assert list(names) == stored, kind.__name__


def test_round_trip_on_the_seeds_and_the_corpus(tmp_path: Path) -> None:
    write_corpus(tmp_path / "corpus")
    documents, errors = load_paths([str(SEEDS), str(tmp_path / "corpus")])
    assert not errors and len(documents) == 17
    for document in documents:
        extraction = extract_document(document)
        text = encode(extraction)
        assert decode(text) == extraction, document.path
        assert encode(decode(text)) == text  # the same types: ints stay ints, tuples tuples
        assert text.isascii()
    # The corpus holds everything the codec writes.
    extractions = [extract_document(d) for d in documents]
    assert any(c.period is not None for e in extractions for c in e.claims)
    assert any(e.people.persons and e.people.mentions[0].affiliations for e in extractions)
    assert any(e.quotes for e in extractions)
    assert any(e.title_claims for e in extractions)
    assert any(e.propers for e in extractions)


_WORDS = st.sampled_from(
    ["The", "storm", "cost", "$4.5bn", "in", "2023", ",", "Mayor", "Ada", "Quint", "said", ".", '"', "“", "”",
     "1,200", "homes", "up", "12%", "from", "March", "to", "May", "2024", "about", "3 km", "—", "\n", "Ltd", "of"]
)  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words=st.lists(_WORDS, max_size=60), title=st.one_of(st.none(), st.lists(_WORDS, max_size=8)))
def test_round_trip_on_any_text(words: list[str], title: list[str] | None) -> None:
    text = " ".join(words)
    document = load_text(text, "a.md")
    if title is not None:
        document = dataclasses.replace(document, title=" ".join(title))
    extraction = extract_document(document)
    assert decode(encode(extraction)) == extraction


@pytest.mark.parametrize("text", ["", "[]", "[1, 2]", "{}", "not json", "[[],[[],[]],[],[],[[1]]]"])
def test_decode_rejects_what_is_not_an_extraction(text: str) -> None:
    with pytest.raises((ValueError, TypeError, IndexError)):
        decode(text)


# --- the same findings, and only the misses extracted --------------------------------------------


def test_cold_warm_and_no_cache_give_the_same_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    cache = tmp_path / "cache"
    for paths in ([str(SEEDS)], [str(corpus)], [str(SEEDS), str(corpus)]):
        shown = [*paths, "--format", "json", "--isolated"]
        cold = _run(capsys, "check", *shown, "--cache-dir", str(cache))
        warm = _run(capsys, "check", *shown, "--cache-dir", str(cache))
        none = _run(capsys, "check", *shown, "--no-cache")
        assert cold == warm == none
        assert cold[2] == ""
    assert not (tmp_path / ".factcheck_cache").exists()
    assert json.loads(cold[1])["findings"]  # the corpus has conflicts to report


def test_a_warm_run_extracts_only_what_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = write_corpus(tmp_path / "corpus")
    cache = str(tmp_path / "cache")
    extracted: list[str] = []

    def counting(document: Document) -> Extraction:
        extracted.append(document.path)
        return extract_document(document)

    monkeypatch.setattr(pipeline, "extract_document", counting)
    first = pipeline.check([str(tmp_path / "corpus")], cache_dir=cache, root=str(tmp_path))
    assert len(extracted) == len(files)
    extracted.clear()
    second = pipeline.check([str(tmp_path / "corpus")], cache_dir=cache, root=str(tmp_path))
    assert extracted == []
    assert second == first
    files[3].write_text(files[3].read_text(encoding="utf-8").replace("wrecked", "sank"), encoding="utf-8")
    third = pipeline.check([str(tmp_path / "corpus")], cache_dir=cache, root=str(tmp_path))
    assert extracted == ["corpus/story-003.md"]
    extracted.clear()
    assert third == pipeline.check([str(tmp_path / "corpus")], root=str(tmp_path))
    assert len(extracted) == len(files)


def test_files_that_are_gone_leave_the_index(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = write_corpus(tmp_path / "corpus", articles=6)
    cache = tmp_path / "cache"
    _run(capsys, "check", str(tmp_path / "corpus"), "--cache-dir", str(cache), "-q")
    assert len(_rows(cache, "SELECT path FROM files")) == 6
    files[0].unlink()
    files[1].write_text("A different article: 7 boats sank.\n", encoding="utf-8")
    # A run on one file keeps the others' entries (they still exist), and drops the deleted file's.
    _run(capsys, "check", str(files[2]), "--cache-dir", str(cache), "-q")
    paths = {Path(str(p)).name for (p,) in _rows(cache, "SELECT path FROM files")}
    assert paths == {f.name for f in files[1:]}
    _run(capsys, "check", str(tmp_path / "corpus"), "--cache-dir", str(cache), "-q")
    # One entry per file: the old text of the edited file is gone too.
    assert _rows(cache, "SELECT count(*) FROM extractions") == [(5,)]
    assert _rows(cache, "SELECT count(*) FROM files WHERE key NOT IN (SELECT key FROM extractions)") == [(0,)]


def test_standard_input_is_not_recorded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    cache = tmp_path / "cache"
    report = pipeline.check(["-"], stdin=io.StringIO("The storm wrecked 42 boats.\n"), cache_dir=str(cache))
    assert report.claim_count == 1
    assert _rows(cache, "SELECT count(*) FROM files") == [(0,)]


# --- where it is, and what it is not ----------------------------------------------------------------


def test_the_default_place_and_its_gitignore(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_corpus(tmp_path / "news", articles=3)
    (tmp_path / "factcheck.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "news", "-q"]) in (0, 1)
    cache = tmp_path / ".factcheck_cache"
    assert (cache / INDEX_FILE).is_file()
    assert (cache / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    # factcheck's own walk does not read the cache.
    documents, errors = load_paths(["."])
    assert sorted(d.path for d in documents) == ["news/story-000.md", "news/story-001.md", "news/story-002.md"]
    assert not errors


def test_the_cache_dir_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_corpus(tmp_path / "news", articles=2)
    (tmp_path / "factcheck.toml").write_text('cache-dir = "build/fc"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path / "news")
    assert main(["check", ".", "-q"]) in (0, 1)
    assert (tmp_path / "build" / "fc" / INDEX_FILE).is_file()
    capsys.readouterr()
    code, out, _ = _run(capsys, "check", ".", "--show-settings")
    assert code == 0 and f"cache-dir: {(tmp_path / 'build' / 'fc').resolve()}\n" in out
    assert main(["check", ".", "-q", "--no-cache", "--cache-dir", "elsewhere"]) in (0, 1)
    assert not (tmp_path / "news" / "elsewhere").exists()
    (tmp_path / "factcheck.toml").write_text("cache-dir = 3\n", encoding="utf-8")
    code, out, err = _run(capsys, "check", ".")
    assert code == 2 and "factcheck.toml:1: 'cache-dir' must be the path of a directory" in err


# --- a damaged or unusable index ------------------------------------------------------------------


def test_a_corrupt_index_is_one_line_and_is_replaced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_corpus(tmp_path / "corpus", articles=4)
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / INDEX_FILE).write_bytes(b"this is not a database, it is a note\n" * 200)
    args = ["check", str(tmp_path / "corpus"), "--format", "json", "--cache-dir", str(cache)]
    code, out, err = _run(capsys, *args)
    assert err.count("\n") == 1 and str(cache / INDEX_FILE) in err and err.startswith("factcheck: cache ")
    assert (code, out) == _run(capsys, *args, "--no-cache")[:2]
    assert _run(capsys, *args) == (code, out, "")  # the new index works
    assert _rows(cache, "SELECT count(*) FROM files") == [(4,)]


def test_a_damaged_entry_is_a_miss(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_corpus(tmp_path / "corpus", articles=3)
    cache = tmp_path / "cache"
    args = ["check", str(tmp_path / "corpus"), "--format", "json", "--cache-dir", str(cache)]
    cold = _run(capsys, *args)
    with sqlite3.connect(cache / INDEX_FILE) as connection:
        connection.execute("UPDATE extractions SET data = '[1, 2'")
    assert _run(capsys, *args) == cold


def test_an_unusable_cache_directory_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_corpus(tmp_path / "corpus", articles=3)
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache directory should be\n", encoding="utf-8")
    args = ["check", str(tmp_path / "corpus"), "--format", "json"]
    code, out, err = _run(capsys, *args, "--cache-dir", str(blocker))
    assert err.count("\n") == 1 and str(blocker / INDEX_FILE) in err
    assert (code, out, "") == _run(capsys, *args, "--no-cache")
    # --quiet says nothing on stderr, this included.
    assert _run(capsys, *args, "--cache-dir", str(blocker), "-q")[2] == ""


def test_index_open_warns_through_the_callback(tmp_path: Path) -> None:
    (tmp_path / INDEX_FILE).write_bytes(b"\x00garbage" * 64)
    said: list[str] = []
    index = Index.open(tmp_path, said.append)
    assert index is not None and len(said) == 1 and "replaced it with a new index" in said[0]
    index.close()


def test_the_key_changes_with_the_format(monkeypatch: pytest.MonkeyPatch) -> None:
    import factcheck.extract.codec as codec

    before = environment_key()
    assert environment_key() == before
    monkeypatch.setattr(codec, "FORMAT", codec.FORMAT + 1)
    assert environment_key() != before


# --- two runs at once --------------------------------------------------------------------------------


def test_two_runs_writing_one_index_at_once(tmp_path: Path) -> None:
    write_corpus(tmp_path / "one", articles=8, seed=1)
    write_corpus(tmp_path / "two", articles=8, seed=2)
    cache = tmp_path / "cache"
    command = [sys.executable, "-m", "factcheck", "check", "--format", "json", "--isolated", "-q"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    runs = [
        subprocess.Popen(
            [*command, str(tmp_path / name), "--cache-dir", str(cache), "--jobs", "1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for name in ("one", "two", "one")
    ]
    results = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [1, 1, 1], [err for _, err in results]
    assert all(err == "" for _, err in results)
    assert results[0][0] == results[2][0]
    assert _rows(cache, "PRAGMA integrity_check") == [("ok",)]
    assert _rows(cache, "SELECT count(*) FROM files") == [(16,)]
    assert _rows(cache, "SELECT count(*) FROM files WHERE key NOT IN (SELECT key FROM extractions)") == [(0,)]
    for (data,) in _rows(cache, "SELECT data FROM extractions"):
        decode(str(data))
    # Warm now: the same reports.
    again = subprocess.run(
        [*command, str(tmp_path / "one"), "--cache-dir", str(cache)], capture_output=True, text=True, env=env
    )
    assert again.stdout == results[0][0]
