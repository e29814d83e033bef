"""Cost of one story told by many articles: time and report size must grow linearly with the articles.

Issue (hardening, item 9): 2,000 articles on one subject made time and JSON size grow with the square,
because each finding listed every article that agreed.  A finding now lists its outliers and at most
``MAJORITY_SHOWN`` (5) of the others, with their count in the message.  The articles here are invented:
one ferry story, a figure credited to the Coast Guard (one article in 50 says the Port Authority) and a
quotation given to the harbour master (one in 50 gives it to the mayor).

    python benchmarks/bench_one_story.py [--articles 500 1000 2000]

Prints, for each size, the seconds of ``check()``, the findings, the locations they list and the bytes
of the JSON report; seconds and bytes per article stay flat when the cost is linear.
"""

from __future__ import annotations

import argparse
import io
import tempfile
import time
from pathlib import Path

from factcheck.pipeline import check
from factcheck.report import ReportOptions, get_writer

ARTICLE = (
    "---\ndate: 2024-06-01\n---\nThe Marrowby ferry carried 412 passengers, according to {source}. "
    '"We will not reopen the quay until every hull has been inspected," said {speaker}, {role}.\n'
)


def write_corpus(directory: Path, articles: int) -> None:
    for number in range(articles):
        source = "the Port Authority" if number % 50 == 1 else "the Coast Guard"
        speaker, role = ("Ana Ruiz", "the mayor") if number % 50 == 2 else ("Olu Adeyemi", "the harbour master")
        text = ARTICLE.format(source=source, speaker=speaker, role=role)
        (directory / f"a{number:05d}.md").write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[500, 1000, 2000])
    args = parser.parse_args()
    print(f"{'articles':>8} {'seconds':>8} {'ms/article':>10} {'findings':>8} {'locations':>9} {'JSON bytes':>11}")
    for articles in args.articles:
        with tempfile.TemporaryDirectory() as name:
            directory = Path(name)
            write_corpus(directory, articles)
            started = time.perf_counter()
            report = check([str(directory)], select=["quotes.", "sources.", "names."])
            seconds = time.perf_counter() - started
            stream = io.StringIO()
            get_writer("json")(report, stream, ReportOptions(color=False, width=100))
        locations = sum(len(f.locations) for f in report.findings)
        print(
            f"{articles:>8} {seconds:>8.2f} {1000 * seconds / articles:>10.2f} {len(report.findings):>8} "
            f"{locations:>9} {len(stream.getvalue()):>11,}"
        )


if __name__ == "__main__":
    main()
