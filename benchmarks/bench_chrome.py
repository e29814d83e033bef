"""Time plain-text chrome detection: the seeds repeated to at least 5 MB, and hostile lines.

Run: python benchmarks/bench_chrome.py

Prints characters per second for ``strip_chrome`` on the five seed articles
concatenated over and over (so the page chrome of seed 001 recurs between
the articles), and the time for single huge lines and many tiny ones, where
a pattern that backtracks or a pass that goes quadratic would show up.
"""

from __future__ import annotations

import time
from pathlib import Path

from factcheck.sources.chrome import strip_chrome

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TARGET = 5_000_000


def _seed_corpus() -> str:
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    one = "\n\n".join(texts)
    return "\n\n".join([one] * (TARGET // len(one) + 1))


HOSTILE = {
    "one 1 MB line": "word " * 200_000,
    "one 1 MB line of digits": "1," * 500_000,
    "200k lines 'a'": "a\n" * 200_000,
    "200k bullets": "• Home\n" * 200_000,
    "200k dates": "May 9, 2025\n" * 200_000,
    "by x100k": "By " * 100_000,
}


def _time(text: str) -> float:
    started = time.perf_counter()
    strip_chrome(text)
    return time.perf_counter() - started


def main() -> None:
    corpus = _seed_corpus()
    seconds = min(_time(corpus) for _ in range(3))
    print(f"seeds     {len(corpus):>10,} chars  {seconds:8.3f} s  {len(corpus) / seconds:>12,.0f} chars/s")
    for name, text in HOSTILE.items():
        seconds = _time(text)
        print(f"hostile   {name:24} {len(text):>10,} chars  {seconds:8.3f} s")


if __name__ == "__main__":
    main()
