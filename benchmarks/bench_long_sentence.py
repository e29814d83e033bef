"""Cost of one "sentence" of thousands of numbers: it must grow linearly with its length.

Issue (hardening, item 7): '1,234 ' repeated over 200 KB took 104 s, because per-claim steps looked
through every claim or token of the sentence (the claims' list index, the list ellipsis, the sentence's
"between A and B", the arithmetic check's gaps).  Each now reads a bounded window around its claim.

    python benchmarks/bench_long_sentence.py [--kilobytes 40 80 160]

Prints, for each size, the seconds of extraction and of the whole rule set, and microseconds per byte
(flat when the cost is linear).
"""

from __future__ import annotations

import argparse
import time

from factcheck.extract import extract_claims
from factcheck.pipeline import run_rules
from factcheck.ruleset import load_rules
from factcheck.sources import load_text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kilobytes", type=int, nargs="+", default=[40, 80, 160])
    args = parser.parse_args()
    rules = load_rules()
    extract_claims("Warm-up: 12 percent.")  # the lemma data loads once
    for kilobytes in args.kilobytes:
        text = "Exports rose by " + "1,234 " * (kilobytes * 1000 // 6) + "percent.\n"
        started = time.perf_counter()
        claims = extract_claims(text)
        extraction = time.perf_counter() - started
        started = time.perf_counter()
        run_rules([load_text(text, "long.md")], rules)
        whole = time.perf_counter() - started
        print(
            f"{kilobytes:4d} KB, {len(claims):,} claims: extraction {extraction:6.2f} s, all rules {whole:6.2f} s "
            f"({1e6 * whole / len(text):.1f} us/byte)"
        )


if __name__ == "__main__":
    main()
