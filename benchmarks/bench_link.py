"""Cost of the link and compare stages against extraction, on many articles of a few stories.

The target (issue: claim frames, stories and alignment): comparing 1,000
articles of 10 stories costs at most twice their extraction.  Articles are
generated from invented story templates (fictional places, people and
events), each a few paragraphs with figures that agree or, now and then,
disagree.

    python benchmarks/bench_link.py [--articles 1000] [--stories 10] [--profile]

Prints the seconds of extraction, tabulation, stories, the numbers.conflict
rule (alignment and comparison) and all rules, the ratio of link + compare to
extraction, the pairs aligned, the findings and peak RSS.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import resource
import time

from factcheck.checks import CHECKS
from factcheck.checks.base import CheckContext
from factcheck.link import group_stories
from factcheck.model import Document
from factcheck.pipeline import extract_all, run_rules
from factcheck.ruleset import load_rules
from factcheck.sources import load_text
from factcheck.table import build_table

PLACES = ["Alder Valley", "Port Carran", "Kessington", "Marrow Bay", "Tavria", "Orvella", "Brenn", "Halvex",
          "Varnland", "Corda", "Lissane", "Dunmore", "Ebbing Cross", "Quarry Hill", "Saltmere"]  # fmt: skip
PEOPLE = ["Anton Vey", "Mira Osei", "Tomas Rell", "Ines Kovac", "Daniel Aube", "Hana Sato", "Leo Brandt",
          "Clara Nyberg", "Omar Said", "Ruth Calder"]  # fmt: skip
EVENTS = ["landslide", "flood", "ferry fire", "factory fire", "storm", "earthquake", "rail crash", "bridge collapse",
          "dam failure", "mine collapse"]  # fmt: skip

TEMPLATES = [
    "The death toll from the {place} {event} has reached {toll}, {person} said on {day}.",
    "Rescuers said the {place} {event} had killed {toll} people and injured {injured} more.",
    "About {evacuated} residents of {place} were evacuated after the {event}, officials said.",
    "{person}, the regional governor, said {homes} homes were destroyed and {damaged} damaged in {place}.",
    "The {event} struck {place} at about {hour} p.m. on {weekday}, according to the civil protection agency.",
    "Insurers estimate the damage from the {event} at ${damage} million, {person} told reporters.",
    "At least {missing} people were still missing on {weekday}, the {place} fire service said.",
    "The government pledged ${aid} million in emergency aid for {place}, {person} announced.",
    "Schools across {place} will stay closed for {days} days while engineers inspect buildings.",
    "Volunteers set up {shelters} shelters in {place}, where temperatures fell to {temp} degrees.",
    "The {event} is the deadliest in {place} since {year}, when {old_toll} people died.",
    "{person} said {workers} emergency workers and {trucks} trucks had been sent to {place}.",
]
FILLER = [
    "Residents described a night of confusion as the sirens sounded across the valley.",
    "Local radio stations broadcast the names of shelters and the roads that remained open.",
    "Aid groups asked for blankets, bottled water and generators to be sent to the area.",
    "Engineers warned that further damage could not be ruled out in the coming days.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def story_facts(rng: random.Random, index: int) -> dict[str, object]:
    return {
        "place": PLACES[index % len(PLACES)],
        "event": EVENTS[index % len(EVENTS)],
        "person": PEOPLE[index % len(PEOPLE)],
        "toll": rng.randint(20, 900),
        "injured": rng.randint(50, 2000),
        "evacuated": rng.choice([2000, 3500, 12000, 40000]),
        "homes": rng.randint(30, 700),
        "damaged": rng.randint(100, 3000),
        "hour": rng.randint(1, 11),
        "weekday": rng.choice(WEEKDAYS),
        "day": rng.choice(WEEKDAYS),
        "damage": rng.randint(10, 900),
        "missing": rng.randint(3, 90),
        "aid": rng.randint(5, 300),
        "days": rng.randint(2, 14),
        "shelters": rng.randint(4, 60),
        "temp": rng.randint(-5, 12),
        "year": rng.randint(1950, 2015),
        "old_toll": rng.randint(10, 500),
        "workers": rng.randint(100, 3000),
        "trucks": rng.randint(10, 400),
    }


def article(rng: random.Random, facts: dict[str, object], story: int, number: int) -> Document:
    values = dict(facts)
    if rng.random() < 0.05:  # now and then a copy garbles a figure
        key = rng.choice(["homes", "injured", "missing", "aid"])
        values[key] = int(str(values[key])) + rng.randint(1, 40)
    sentences = rng.sample(TEMPLATES, k=8) + rng.sample(FILLER, k=2)
    rng.shuffle(sentences)
    body = " ".join(s.format(**values) for s in sentences)
    day = 10 + (number % 3)
    text = f"---\ndate: 2024-05-{day:02d}\n---\n{body}\n\n{' '.join(rng.sample(FILLER, k=3))}\n"
    return load_text(text, f"story{story:02d}/article{number:04d}.md")


def corpus(articles: int, stories: int, seed: int = 7) -> list[Document]:
    rng = random.Random(seed)
    facts = [story_facts(rng, s) for s in range(stories)]
    return [article(rng, facts[i % stories], i % stories, i) for i in range(articles)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--stories", type=int, default=10)
    parser.add_argument("--profile", action="store_true", help="profile the link and compare stages")
    args = parser.parse_args()
    documents = sorted(corpus(args.articles, args.stories), key=lambda d: d.path)
    chars = sum(len(d.text) for d in documents)
    print(f"corpus: {len(documents):,} articles of {args.stories} stories, {chars:,} characters")

    started = time.perf_counter()
    claims = extract_all(documents)
    extraction = time.perf_counter() - started

    started = time.perf_counter()
    table = build_table(documents, claims)
    tabulate = time.perf_counter() - started

    profiler = cProfile.Profile() if args.profile else None
    if profiler:
        profiler.enable()
    started = time.perf_counter()
    stories = group_stories(documents)
    link = time.perf_counter() - started
    rule = next(r for r in load_rules() if r.id == "numbers.conflict")
    started = time.perf_counter()
    context = CheckContext(rule=rule, documents=documents, claims=claims, table=table, stories=stories)
    findings = CHECKS[rule.check]().run(context)
    conflict = time.perf_counter() - started
    if profiler:
        profiler.disable()

    started = time.perf_counter()
    everything = run_rules(documents, load_rules())
    whole = time.perf_counter() - started

    print(f"extraction:          {extraction:7.2f} s ({chars / extraction:,.0f} chars/s)")
    print(f"tabulate:            {tabulate:7.2f} s")
    print(f"stories:             {link:7.2f} s ({len(set(stories.of_document))} stories)")
    print(f"numbers.conflict:    {conflict:7.2f} s ({len(findings)} findings)")
    print(f"link + conflict / extraction: {(link + conflict) / extraction:.2f}")
    compare_all = whole - extraction
    print(f"all rules after extraction:   {compare_all:7.2f} s ({compare_all / extraction:.2f} x extraction)")
    print(f"findings of all rules: {len(everything.findings)}")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
