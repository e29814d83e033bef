"""CPU seconds of each stage after extraction (tabulate, stories, spellings, every rule) on a corpus on disk.

Extraction is served from an extraction index (``--cache-dir``; filled on the first run), so what is
timed is the part of ``run_rules`` the corpus size makes serial: the claims table, the link stage and
each rule's check.  Times are process CPU seconds (``time.process_time``), so other work on the
machine changes them less than wall time.

    python benchmarks/bench_compare.py /tmp/corpus10000 --cache-dir /tmp/fc10kcache [--profile out.prof]

Prints one line per stage (seconds, and per 1,000 articles), the total and the findings.

Measured on 2 shared cores (other benchmarks running), corpora of ``bench_scale.write_corpus``:
see the commit messages of the perf-link branch for before/after figures.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import time
from collections.abc import Callable
from typing import Any

from factcheck.checks import CHECKS
from factcheck.checks.base import CheckContext
from factcheck.index import Index
from factcheck.link import group_stories
from factcheck.link.identity import resolve_spellings
from factcheck.pipeline import extract_documents, tabulate
from factcheck.ruleset import load_rules
from factcheck.sources import load_paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--cache-dir", required=True)
    parser.add_argument(
        "--profile",
        help="write a cProfile of the timed stages here (wall clock: a CPU-time one costs a system call per event)",
    )
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--freeze", action="store_true", help="gc.freeze() after extraction (what full collections cost the stages)"
    )
    args = parser.parse_args()
    documents, _errors = load_paths([args.corpus])
    ordered = sorted(documents, key=lambda d: d.path)
    index = Index.open(args.cache_dir)
    try:
        extractions = extract_documents(ordered, None, args.jobs, index, None)
    finally:
        if index is not None:
            index.close()
    claims = [e.claims for e in extractions]
    rules = load_rules()
    if args.freeze:
        gc.collect()
        gc.freeze()
    profiler = cProfile.Profile() if args.profile else None
    times: list[tuple[str, float]] = []

    def timed(name: str, work: Callable[[], Any]) -> Any:
        started = time.process_time()
        if profiler:
            profiler.enable()
        result = work()
        if profiler:
            profiler.disable()
        times.append((name, time.process_time() - started))
        return result

    table = timed("tabulate", lambda: tabulate(ordered, claims))
    stories = timed("stories", lambda: group_stories(ordered))
    spellings = timed("spellings", lambda: resolve_spellings(ordered, stories, [e.propers for e in extractions]))
    findings = 0
    for rule in rules:
        context = CheckContext(
            rule=rule,
            documents=ordered,
            claims=claims,
            table=table,
            stories=stories,
            spellings=spellings,
            extractions=extractions,
        )
        findings += len(timed(rule.id, lambda context=context, rule=rule: CHECKS[rule.check]().run(context)))
    count = len(ordered)
    for name, seconds in sorted(times, key=lambda t: -t[1]):
        print(f"{name:32s} {seconds:8.2f} s  {1000 * seconds / count:7.3f} s per 1,000 articles")
    total = sum(seconds for _name, seconds in times)
    print(f"{'total after extraction':32s} {total:8.2f} s  {1000 * total / count:7.3f} s per 1,000 articles")
    print(f"{count:,} articles, {findings:,} findings (before de-duplication and suppression)")
    if profiler:
        profiler.dump_stats(args.profile)


if __name__ == "__main__":
    main()
