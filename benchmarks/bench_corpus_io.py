"""What a large run spends around the checks: loading the articles, reading the index, writing the JSON.

Issue (scale): the parts of ``factcheck check`` that are the same work whatever the checks find.  In
one process, CPU seconds (best of ``--runs``):

* ``load``: ``sources.load_paths`` on the corpus (front matter, Markdown prose view, line starts);
* ``decode``: ``extract.codec.decode`` of every entry of an index (``--cache-dir`` of an earlier run);
* ``json``: ``report.json_report.dumps`` of a warm ``check`` of the corpus (the check itself untimed).

Each is timed with the cyclic garbage collector on (as a library caller has it) and off (as the
command runs: ``factcheck.cli`` turns it off for check, annotate and claims).

    python benchmarks/bench_corpus_io.py [--corpus DIR] [--articles 10000] [--cache-dir DIR] [--runs 3]

Without ``--corpus`` a corpus of ``--articles`` is written by ``bench_scale.write_corpus``; without
``--cache-dir`` the index is built first (a cold run: minutes for 10,000 articles).

Measured on 2026-12-07, ``--corpus /tmp/corpus10000 --cache-dir`` (a warm index) ``--runs 2``, before
(f7c4fec) and after, side by side on 2 vCPUs shared with three other jobs (load average 8-11, so CPU
seconds vary by 10-20 %): load 4.42 s -> 1.94 s (PyYAML composed every front matter; the Markdown scan
stopped at every h, f and w; ``Document.build`` found line starts a character at a time); decode
3.18 s -> 3.33 s with the collector on, 1.52 s -> 1.50 s off (the command now runs with it off:
json.loads 0.5 s, building the dataclasses 1.0 s); json 2.27 s -> 0.92 s for the 59 MB text
(``json.dumps(indent=2)`` used the pure-Python encoder).  A whole warm ``factcheck check
/tmp/corpus10000 --format json --jobs 2 --cache-dir DIR`` (``/usr/bin/time``, before and after
alternated at load average 2.5-4.5): user CPU 45.6 and 44.9 s before, 33.6 and 33.5 s after; wall
55.0 and 48.5 s before, 37.1 and 38.3 s after; peak memory 955 and 944 MB before, 880 MB after.
The checks are the rest.
"""

from __future__ import annotations

import argparse
import gc
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench_scale import write_corpus

from factcheck.extract.codec import decode
from factcheck.pipeline import check
from factcheck.report import ReportOptions, json_report
from factcheck.sources import load_paths


def best(runs: int, work: Callable[[], object]) -> tuple[float, float]:
    """Best CPU seconds of ``runs`` runs of ``work``, with the collector on and off."""
    figures = []
    for collecting in (True, False):
        (gc.enable if collecting else gc.disable)()
        seconds = []
        for _ in range(runs):
            started = time.process_time()
            work()
            seconds.append(time.process_time() - started)
        figures.append(min(seconds))
    gc.enable()
    return figures[0], figures[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--cache-dir", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        corpus = args.corpus
        if corpus is None:
            corpus = Path(scratch) / "corpus"
            write_corpus(corpus, args.articles)
        cache = args.cache_dir or Path(scratch) / "cache"
        report = check([str(corpus)], cache_dir=str(cache), jobs=2)  # builds the index when it is new
        print(f"{corpus}: {len(report.documents):,} documents, {len(report.findings):,} findings")

        on, off = best(args.runs, lambda: load_paths([str(corpus)]))
        print(f"load    {on:6.2f} s (collector off {off:6.2f} s)")

        with sqlite3.connect(cache / "index.sqlite") as db:
            entries = [row[0] for row in db.execute("SELECT data FROM extractions")]
        on, off = best(args.runs, lambda: [decode(entry) for entry in entries])
        print(f"decode  {on:6.2f} s (collector off {off:6.2f} s), {len(entries):,} entries")

        options = ReportOptions(tool_version="0")
        on, off = best(args.runs, lambda: json_report.dumps(report, options))
        size = len(json_report.dumps(report, options).encode())
        print(f"json    {on:6.2f} s (collector off {off:6.2f} s), {size / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
