"""What the index on disk saves: ``factcheck check`` cold, warm and after editing one article.

Issue (scale, item 4).  The corpus is ``bench_scale``'s (invented stories, about 25 articles each),
written to a temporary directory with the index in it.  For each size, in fresh processes:

* ``no cache``: ``--no-cache``, every document extracted (what a run cost before the index);
* ``cold``: an empty index, every document extracted and written to it;
* ``warm``: nothing changed, nothing extracted;
* ``one edited``: one article's figure changed, that article extracted again.

    python benchmarks/bench_index.py [--articles 1000 5000] [--jobs 2] [--runs 1]

Prints the wall-clock and CPU seconds of each run and the size of the index; the JSON of the cold and
warm runs must be the no-cache run's, byte for byte, and the edited run's the edited corpus's with
``--no-cache`` (all checked).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from bench_scale import measure, write_corpus


def timed(directory: Path, cache: Path, jobs: int, label: str, options: tuple[str, ...]) -> str:
    """One run, its figures printed; returns its JSON."""
    figures = measure(directory, jobs, cache=options)
    index = cache / "index.sqlite"
    size = index.stat().st_size / 1e6 if index.exists() else 0.0
    count = sum(1 for _ in directory.rglob("*.md"))
    print(f"{count:>8} {label:>10} {figures['wall']:>7.1f} {figures['cpu']:>7.1f} {size:>8.1f}", flush=True)
    return str(figures["stdout"])


def run(articles: int, jobs: int) -> None:
    with tempfile.TemporaryDirectory() as name:
        directory = Path(name) / "corpus"
        cache = Path(name) / "cache"
        write_corpus(directory, articles)
        with_index = ("--cache-dir", str(cache))
        plain = timed(directory, cache, jobs, "no cache", ("--no-cache",))
        if timed(directory, cache, jobs, "cold", with_index) != plain:
            raise SystemExit(f"{articles} articles: the JSON of the cold run differs")
        if timed(directory, cache, jobs, "warm", with_index) != plain:
            raise SystemExit(f"{articles} articles: the JSON of the warm run differs")
        edited = sorted(directory.rglob("*.md"))[articles // 2]
        text = edited.read_text(encoding="utf-8").replace(" people", " residents", 1)
        edited.write_text(text + "\nCrews cleared 17 roads.\n", encoding="utf-8")
        if timed(directory, cache, jobs, "one edited", with_index) != measure(directory, jobs)["stdout"]:
            raise SystemExit(f"{articles} articles: the JSON after an edit differs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    print(f"{'articles':>8} {'run':>10} {'wall s':>7} {'CPU s':>7} {'index MB':>8}")
    for articles in args.articles:
        for _run in range(args.runs):
            run(articles, args.jobs)


if __name__ == "__main__":
    main()
