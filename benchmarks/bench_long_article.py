"""Cost of reading people and quotes in one long article: it must grow linearly with the article.

Issue (hardening, item 8): news prose in one file of 5/10/20/40 MB took 9/20/52/206 s, because each
quote's speaker looked through every person mention of the article.  The article here is the seed
articles' prose repeated to the size asked (names, titles, quotes and "he said" throughout).

    python benchmarks/bench_long_article.py [--megabytes 1 2 4]

Prints, for each size, the seconds of ``people_of`` and of ``extract_quotes``, the mentions and quotes
found, and the seconds per megabyte (flat when the cost is linear).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from factcheck.extract.people import people_of
from factcheck.extract.quotes import extract_quotes
from factcheck.sources import load_text

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def article(megabytes: float) -> str:
    prose = "\n\n".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))
    size = int(megabytes * 1_000_000)
    return (prose * (size // len(prose) + 1))[:size]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, nargs="+", default=[1.0, 2.0, 4.0])
    args = parser.parse_args()
    for megabytes in args.megabytes:
        document = load_text(article(megabytes), "long.txt")
        started = time.perf_counter()
        people = people_of(document)
        read_people = time.perf_counter() - started
        started = time.perf_counter()
        quotes = extract_quotes(document.prose, people)
        read_quotes = time.perf_counter() - started
        print(
            f"{megabytes:5.1f} MB: people {read_people:6.2f} s ({len(people.mentions):,} mentions), "
            f"quotes {read_quotes:6.2f} s ({len(quotes):,} quotes); "
            f"{(read_people + read_quotes) / megabytes:.2f} s/MB"
        )


if __name__ == "__main__":
    main()
