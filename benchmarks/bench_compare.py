"""CPU seconds of each stage after extraction (tabulate, stories, spellings, every rule) on a corpus on disk.

Extraction is served from an extraction index (``--cache-dir``; filled on the first run), so what is
timed is the part of ``run_rules`` the corpus size makes serial: the claims table, the link stage and
each rule's check.  Times are process CPU seconds (``time.process_time``), so other work on the
machine changes them less than wall time.

    python benchmarks/bench_compare.py /tmp/corpus10000 --cache-dir /tmp/fc10kcache [--profile out.prof]

Prints one line per stage (seconds, and per 1,000 articles), the total and the findings.

Measured on 2026-12-07, 2 vCPUs shared with other jobs (load average 7-12, so CPU seconds too are
inflated by 10-30 % from run to run), on the corpora ``bench_scale.write_corpus`` writes (/tmp/corpus1000,
/tmp/corpus10000), before (f7c4fec, run with PYTHONPATH on an export of it) and after this branch,
alternately, total CPU seconds after extraction:

* 1,000 articles: 4.80 and 4.84 s before, 3.17 and 3.13 s after (stories 2.1 -> 1.25,
  numbers.conflict 1.0 -> 0.62, reference.facts 0.42 -> 0.09, tabulate 0.48 -> 0.44).
* 10,000 articles: 39.9 and 39.7 s before, 26.3 and 26.4 s after (numbers.conflict 10.9 -> 7.5,
  stories 9.4 -> 6.5, reference.facts 3.9 -> 0.43, quotes.attribution 3.1 -> 1.2, tabulate 2.2 -> 1.3,
  near_copy 3.3 -> 3.1, sources.attribution 1.9 -> 0.93 (its last change, in the second run only),
  spellings 2.5 -> 2.7: unchanged code, noise).
* Per 1,000 articles: 3.15 s at 1,000 and 2.64 s at 10,000 after (4.8 and 3.98 before).
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
