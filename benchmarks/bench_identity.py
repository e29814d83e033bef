"""Cost of the identity rules (names, quotes, sources) as a run grows: each surname is shared by many articles.

The target (issue: people, organisations, quotes and sources across real
articles): the identity step must not grow with the square of the mentions of
a common surname.  The corpus is ``bench_link``'s (invented stories, ten
people each named in a tenth of the articles), with one article in a hundred
writing its person's surname with two letters swapped, so ``names.spelling``
has something to find.

    python benchmarks/bench_identity.py [--articles 1000 5000] [--stories 10]

Prints, for each size: extraction (claims, people, quotes and proper words,
once per article as ``run_rules`` does it) and the spelling step of the link
stage, then each identity rule on its own (stories, table and extractions
included, as ``run_rules`` gives them), the findings of each, and the cost per
article.
"""

from __future__ import annotations

import argparse
import resource
import time

from bench_link import corpus

from factcheck.checks import CHECKS
from factcheck.checks.base import CheckContext
from factcheck.extract import extract_document
from factcheck.link import group_stories
from factcheck.link.identity import resolve_spellings
from factcheck.model import Document
from factcheck.ruleset import load_rules
from factcheck.sources import load_text
from factcheck.table import build_table

RULES = ("names.spelling", "names.registry", "names.affiliation", "quotes.attribution", "sources.attribution")


def with_slips(documents: list[Document]) -> list[Document]:
    """One article in a hundred writes its person's surname with two letters swapped."""
    out = []
    for number, document in enumerate(documents):
        text = document.text
        if number % 101 == 7:
            for surname in ("Vey", "Osei", "Rell", "Kovac", "Aube", "Sato", "Brandt", "Nyberg", "Said", "Calder"):
                if len(surname) >= 4 and surname in text:
                    text = text.replace(surname, surname[0] + surname[2] + surname[1] + surname[3:], 1)
                    break
        out.append(load_text(text, document.path) if text != document.text else document)
    return out


def measure(articles: int, stories: int) -> None:
    originals = corpus(articles, stories)
    documents = with_slips(originals)
    print(f"\n{articles:,} articles of {stories} stories")
    started = time.perf_counter()
    extractions = [extract_document(d) for d in documents]
    extraction = time.perf_counter() - started
    claims = [e.claims for e in extractions]
    table = build_table(documents, claims)
    story_of = group_stories(documents)
    started = time.perf_counter()
    spellings = resolve_spellings(documents, story_of, [e.propers for e in extractions])
    spelling = time.perf_counter() - started
    print(f"  extraction:          {extraction:7.2f} s")
    slipped = sum(1 for a, b in zip(originals, documents, strict=True) if a.text != b.text)
    print(f"  spelling (link):     {spelling:7.2f} s ({len(spellings.variants)} variants, {slipped} planted)")
    rules = {r.id: r for r in load_rules()}

    for rule_id in RULES:
        rule = rules[rule_id]
        context = CheckContext(
            rule=rule,
            documents=documents,
            claims=claims,
            table=table,
            stories=story_of,
            spellings=spellings,
            extractions=extractions,
        )
        started = time.perf_counter()
        found = CHECKS[rule.check]().run(context)
        took = time.perf_counter() - started
        print(f"  {rule_id:<20} {took:7.2f} s ({len(found)} findings, {1000 * took / articles:.2f} ms/article)")
    print(f"  peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--stories", type=int, default=10)
    args = parser.parse_args()
    for articles in args.articles:
        measure(articles, args.stories)


if __name__ == "__main__":
    main()
