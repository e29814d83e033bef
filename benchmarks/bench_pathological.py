"""Time ``factcheck.extract_claims`` on inputs built to make regexes backtrack.

Every pattern of the number grammar has bounded quantifiers and is matched
at known positions, so each input here should finish in well under a
second.  Prints the time per input and exits non-zero if any takes longer
than ``--limit`` seconds.

    python benchmarks/bench_pathological.py [--limit 1.0] [--scanner-only]

``--scanner-only`` times ``factcheck.extract.scanner.scan`` instead, to
separate the number grammar from the context stage (subjects, periods),
which runs per sentence and so pays for inputs that are one huge sentence.
"""

from __future__ import annotations

import argparse
import sys
import time

import factcheck
from factcheck.extract.scanner import scan

INPUTS: dict[str, str] = {
    '"1," * 50000': "1," * 50000,
    '"1 " * 50000': "1 " * 50000,
    '"." * 100000': "." * 100000,
    '"9" * 100000': "9" * 100000,
    '"1.2" * 30000': "1.2" * 30000,
    '"1,234" * 20000': "1,234" * 20000,
    '"1 234 " * 20000': "1 234 " * 20000,
    '"12,34," * 20000': "12,34," * 20000,
    '"1.1." * 30000': "1.1." * 30000,
    '"-1" * 50000': "-1" * 50000,
    '"- " * 50000': "- " * 50000,
    '"1/" * 50000': "1/" * 50000,
    '"1e" * 50000': "1e" * 50000,
    '"1^" * 50000': "1^" * 50000,
    '"one " * 30000': "one " * 30000,
    '"one and " * 20000': "one and " * 20000,
    '"a hundred " * 20000': "a hundred " * 20000,
    '"twenty-" * 20000': "twenty-" * 20000,
    '"$" * 100000': "$" * 100000,
    '"$1" * 50000': "$1" * 50000,
    '"more than " * 20000 + "5"': "more than " * 20000 + "5",
    '"between 1 and " * 20000': "between 1 and " * 20000,
    '"5 to " * 30000': "5 to " * 30000,
    '"http://" + "9" * 100000': "http://" + "9" * 100000,
    '"a" * 100000': "a" * 100000,
    '" " * 100000': " " * 100000,
    '"\\n1. " * 30000': "\n1. " * 30000,
    "mixed digits, commas, spaces, dots": ("1, 2.3 4,5 .6 7,890.1 " * 8000),
    '"March 1, " * 20000': "March 1, " * 20000,
    '"1:2:3" * 30000': "1:2:3" * 30000,
    '"+1 " * 50000': "+1 " * 50000,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=float, default=1.0, help="seconds allowed per input")
    parser.add_argument("--scanner-only", action="store_true", help="time the scanner, not extract_claims")
    args = parser.parse_args(argv)
    extract = scan if args.scanner_only else factcheck.extract_claims
    extract("warm up: $140bn in 2021")
    worst = 0.0
    for name, text in INPUTS.items():
        started = time.perf_counter()
        claims = extract(text)
        elapsed = time.perf_counter() - started
        worst = max(worst, elapsed)
        flag = "  SLOW" if elapsed > args.limit else ""
        print(f"{elapsed:8.3f} s  {len(text):8,d} chars  {len(claims):7,d} claims  {name}{flag}")
    print(f"worst: {worst:.3f} s (limit {args.limit:.1f} s)")
    return 1 if worst > args.limit else 0


if __name__ == "__main__":
    sys.exit(main())
