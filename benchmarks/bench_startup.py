"""Start-up cost: ``factcheck --version`` and ``factcheck check`` on one short article, in fresh processes.

Issue (scale, item 1): a one-article check took about 2 s, most of it importing and building things the
run did not need (pandas for a table no check reads with one article, pint and numpy for unit
conversions, ``importlib.metadata`` for the version, the rules parsed twice).  Targets: ``--version``
under 0.15 s, one short article under 0.5 s.

    python benchmarks/bench_startup.py [--runs 11]

Each command runs ``--runs`` times in a new interpreter (``python -m factcheck``); prints the median,
the fastest and the slowest wall-clock seconds, and the median CPU seconds (user + system).  The
machine's other load shows in the slowest run: compare medians, and on a busy machine the CPU column
(on a quiet one the wall-clock time of a one-process command is its CPU time plus a little I/O).
The package's bytecode is compiled first, as an installed wheel has it (with
``PYTHONDONTWRITEBYTECODE`` set, an editable install would otherwise compile every module on every run).

Measured on 2026-12-07, medians of 15 runs (2 vCPUs shared with other jobs): ``--version`` 0.355 s
before, 0.079 s after; one article 1.85 s before, 0.96 s after.  What one article still pays (best
runs): the lemma dictionary 0.15-0.3 s (simplemma decodes its English data on first use), compiling
the number grammar 0.1-0.2 s, compiling the checks' and people's patterns on import 0.2 s, rich 0.03 s.

Measured again on 2026-12-07 (load average 8-10 from other jobs, so CPU seconds: min / median of
10 runs of each, alternating, ``getrusage`` of each child as in the CPU column), before and after
extraction's patterns were loaded compiled from ``factcheck/extract/patterns.pickle``
(``factcheck.extract.patterns``) and simplemma was imported on first use: one article with a warm
index 0.79 / 0.90 s -> 0.63 / 0.70 s, with ``--no-cache`` 0.73 / 0.86 s -> 0.56 / 0.66 s;
``--version`` 0.064 / 0.067 s either way.  Wall-clock times at that load are twice the CPU and tell
nothing.  What one article still pays: simplemma's English dictionary, about 0.13 s CPU, even from a
warm index (``link.stories`` lemmatises the words of a single document), and compiling the checks'
patterns (``checks.arithmetic`` on import, about 0.08 s, ``checks.reference.compile_phrasing`` about
0.04 s), which the store does not hold.

Later on 2026-12-07, 15 runs each of ``python -m factcheck --version`` on a machine at load 8-11
(wall times meaningless there): CPU 0.067 s a run before, 0.047 s after ``--version`` was answered
before the parser was built (the parser's help lists the formats, which imported the reporters and
the model); the wall-time median fell from 0.67 s to 0.46 s on that machine.

At the end of that session, every branch merged, on a quiet machine (load average below 1),
``python benchmarks/bench_startup.py``: ``--version`` 0.039 s median (0.039 s CPU), one article
0.355 s median wall (0.353 s CPU): both under the issue's 0.15 s and 0.5 s.
"""

from __future__ import annotations

import argparse
import compileall
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import factcheck

ARTICLE = """---
title: Harbour reopens after storm
date: 2025-03-14
---
The harbour at Marrowby reopened on Friday, three days after a storm that damaged 42 boats and
flooded 1,200 homes along the coast, the Coast Guard said.

"We will not reopen the quay until every hull has been inspected," said Olu Adeyemi, the harbour
master. Repairs are expected to cost about $3.5 million and take at least six weeks.

Rainfall reached 180 mm in 24 hours, the most since 1974, according to the Met Office.
"""


def timed(command: list[str], runs: int, cwd: Path) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU (user + system) seconds of each run."""
    seconds, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(command, cwd=cwd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seconds.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return seconds, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    compileall.compile_dir(Path(factcheck.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as name:
        directory = Path(name)
        (directory / "one.md").write_text(ARTICLE, encoding="utf-8")
        commands = {
            "factcheck --version": [sys.executable, "-m", "factcheck", "--version"],
            "factcheck check one.md": [sys.executable, "-m", "factcheck", "check", "one.md"],
            "python -c pass (floor)": [sys.executable, "-c", "pass"],
        }
        print(f"{'command':<26} {'median':>7} {'min':>7} {'max':>7} {'CPU':>7}  (seconds, {args.runs} runs)")
        for label, command in commands.items():
            timed(command, 1, directory)  # warm the file cache
            seconds, cpu = timed(command, args.runs, directory)
            print(
                f"{label:<26} {statistics.median(seconds):>7.3f} {min(seconds):>7.3f} {max(seconds):>7.3f}"
                f" {statistics.median(cpu):>7.3f}"
            )


if __name__ == "__main__":
    main()
