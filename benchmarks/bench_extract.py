"""Throughput of ``factcheck.extract_claims`` on running news text.

Builds at least ``--megabytes`` MB of news-like text by repeating the
articles in ``seeds/*.txt``, runs ``extract_claims`` over it one article at a
time (the unit the pipeline extracts), and prints characters per second and
peak memory.  The scanner alone is timed too, so a slowdown can be placed.

    python benchmarks/bench_extract.py [--megabytes 5] [--profile]
    python benchmarks/bench_extract.py --corpus /tmp/corpus1000 [--repeat 3]

With ``--corpus``, times ``extract_document`` (everything extraction does: claims, people, quotes, the
title, proper words) on each document of a directory in turn, as ``check --jobs 1`` does, and prints
the CPU time per article (the best of ``--repeat`` passes: CPU time, because the machine is shared).

Measured on 2026-12-07 (2 vCPUs shared with other jobs, load average 8-11), four runs each,
alternating with the code before issue 16's extraction work (f7c4fec):
``python benchmarks/bench_extract.py --corpus /tmp/corpus1000 --repeat 1``: 4.57-4.76 ms of CPU per
article before, 3.17-3.36 ms after (-30%); the seeds (``--corpus seeds``, five long articles) 31 -> 23
ms.  Under cProfile, ``regex._compile`` calls during ``check /tmp/corpus1000 --jobs 1`` went from
41,615 to 3,852 (the rest are the checks').  What changed: patterns compiled once at module level
instead of looked up in regex's cache per call, source and series patterns searched only in
sentences holding a word every match holds, sentences split once per prose, standalone surnames found
with ``str.find`` instead of a pattern compiled per document, a story's title read once.  The rest is
spread thin: the number grammar's unit tail, the people reader's capitalised runs, frames' tokens,
context's word windows, dataclass construction.

Peak memory is the process's maximum resident set size (getrusage) and,
with ``--tracemalloc``, the peak of Python allocations during one pass over
the seed articles (tracemalloc slows the run, so it is measured separately).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable, Sized
from pathlib import Path

import factcheck
from factcheck.extract.scanner import scan

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_articles() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]


def articles(megabytes: float) -> list[str]:
    texts = seed_articles()
    if not texts:
        raise SystemExit(f"no seed articles in {SEEDS}")
    out: list[str] = []
    total = 0
    while total < megabytes * 1_000_000:
        for text in texts:
            out.append(text)
            total += len(text)
    return out


def timed(function: Callable[[str], Sized], chunks: list[str]) -> tuple[float, int]:
    started = time.perf_counter()
    found = 0
    for chunk in chunks:
        found += len(function(chunk))
    return time.perf_counter() - started, found


def corpus(directory: str, repeat: int) -> int:
    from factcheck.extract import extract_document
    from factcheck.sources import load_paths

    documents, _errors = load_paths([directory])
    if not documents:
        raise SystemExit(f"no documents in {directory}")
    extract_document(documents[0])  # lazy loading excluded
    best = float("inf")
    for _ in range(max(1, repeat)):
        started = time.process_time()
        for document in documents:
            extract_document(document)
        best = min(best, time.process_time() - started)
    print(
        f"extract_document: {len(documents):,} documents, {best:.2f} s CPU, {1000 * best / len(documents):.2f} ms each"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=5.0, help="size of the text to extract from")
    parser.add_argument("--profile", action="store_true", help="print the 25 hottest functions (cProfile)")
    parser.add_argument("--tracemalloc", action="store_true", help="also measure peak Python allocations")
    parser.add_argument("--corpus", help="time extract_document on the documents of this directory instead")
    parser.add_argument("--repeat", type=int, default=3, help="passes over --corpus (the best is printed)")
    args = parser.parse_args(argv)
    if args.corpus:
        return corpus(args.corpus, args.repeat)

    chunks = articles(args.megabytes)
    characters = sum(len(chunk) for chunk in chunks)
    factcheck.extract_claims("Warm-up: at least 21,692 sanctions, $140bn in 2021.")  # lazy loading excluded

    scan_seconds, mentions = timed(scan, chunks)
    seconds, claims = timed(factcheck.extract_claims, chunks)
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"text: {characters:,} characters in {len(chunks):,} articles")
    print(f"extract_claims: {seconds:.2f} s, {characters / seconds:,.0f} chars/s, {claims:,} claims")
    print(f"scanner alone:  {scan_seconds:.2f} s, {characters / scan_seconds:,.0f} chars/s, {mentions:,} mentions")
    print(f"context and claims: {seconds - scan_seconds:.2f} s (extract_claims minus the scanner)")
    print(f"peak RSS: {peak_rss_mb:,.0f} MB")

    if args.tracemalloc:
        tracemalloc.start()
        for chunk in seed_articles():
            factcheck.extract_claims(chunk)
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"peak Python allocations over one pass of the seeds: {peak / 1e6:.1f} MB")

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for chunk in chunks[: max(1, len(chunks) // 5)]:
            factcheck.extract_claims(chunk)
        profiler.disable()
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
