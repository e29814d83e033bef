"""Cost of ``factcheck check`` on a large corpus, as a user runs it: wall time, CPU and peak memory.

Issue (scale, item 4).  The corpus is written to a temporary directory: invented stories (made-up
places and people, a disaster each), about 25 articles each, each article a title and paragraphs of
the kind news copy holds, every fact of its story in one of several wordings (figures credited to a
source, people with roles and affiliations, a quotation and its speaker, percentages, money, dates);
now and then an article garbles a figure, and one article in fifty is a near copy of another of its
story (a wire story run twice).  All the text is invented here.

    python benchmarks/bench_scale.py [--articles 1000 5000] [--jobs 1 2] [--runs 1] [--engines local dask]

For each size, engine and ``--jobs``, runs ``python -m factcheck check DIR --format json --jobs N --no-cache`` in a
fresh process and prints the wall-clock seconds, the CPU seconds of the run and its workers (user +
system) and the peak resident memory of the largest of those processes; every ``--jobs`` must give
the same JSON (checked), and so must every engine (``--engines local dask``: the Dask engine on a
local cluster of N workers, ``docs/scaling.md``).  Other load on the machine shows in the wall time:
repeat with ``--runs``.

Measured on 2026-12-07 (2 vCPUs shared with other jobs, so wall times are noisy): 1,000 articles
(1.0 MB) 16.8-17.9 s with ``--jobs 1``, 12.6-16.2 s with ``--jobs 2``, 177 MB; 5,000 articles (4.8 MB)
83 s and 77 s, 445 and 457 MB.  Extraction alone, on a quiet machine: 1,000 articles 7.2 s -> 3.3 s,
5,000 articles 28.5 s -> 14.7 s with two processes.  The serial rest at 5,000 articles:
sources.attribution 17 s, reference.facts 7 s, numbers.conflict 7 s, stories 5 s, loading 2 s.

At the end of that session, with extraction, linking, loading and the report made faster (every
branch merged), on a quiet machine (load average below 1), ``python -m factcheck check DIR --format
json --jobs 2 --no-cache`` under ``/usr/bin/time``: 1,000 articles 5.96 s wall, 7.7 s CPU, 187 MB;
10,000 articles 40.2 s wall, 57.9 s CPU, 776 MB (4.0 ms of wall per article at 10,000 against 6.0 at
1,000: the cost per article falls, exponent below 1).  The issue's 30 s for 10,000 is not met: about
17 s of the wall is extraction on two processes, the rest is linking and comparing on one.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

# Each fact of a story, in several wordings: two articles of one story rarely share a sentence.
FACTS = {
    "toll": [
        "The death toll from the {event} in {place} rose to {toll}, officials said on {weekday}.",
        "At least {toll} people died in the {event}, according to the {agency}.",
        "{toll} people have been confirmed dead since the {event} hit {place}.",
    ],
    "injured": [
        "Another {injured} people were injured, {spokesperson} of the {agency} said.",
        "Hospitals across the region treated {injured} injured people.",
    ],
    "homes": [
        "{governor}, the regional governor, said {homes} homes had been destroyed.",
        "The {event} destroyed {homes} homes, the governor's office said.",
        "Some {homes} houses were flattened in and around {place}.",
    ],
    "evacuated": [
        "About {evacuated} residents were moved out of {place} before nightfall.",
        "Officials ordered {evacuated} people to leave their homes.",
    ],
    "aid": [
        "The government pledged ${aid} million in emergency aid.",
        "An aid package of ${aid} million was approved on {weekday}, {governor} announced.",
    ],
    "missing": [
        "{missing} people were still missing on {weekday}, the fire service said.",
        "Rescuers were searching for {missing} people who remain unaccounted for.",
    ],
    "schools": [
        "Schools in {place} will stay closed for {days} days while engineers inspect buildings.",
        "Classes are suspended for {days} days, the education office said.",
    ],
    "damage": [
        "Insurers put the damage at ${damage} million.",
        "The damage could reach ${damage} million, according to early estimates from insurers.",
    ],
    "since": [
        "It is the deadliest {event} in {place} since {year}.",
        "{place} has not seen a disaster of this size since {year}, historians say.",
    ],
    "crews": [
        "{crews} rescue crews and {trucks} trucks were sent to {place}.",
        "The {agency} deployed {crews} crews, backed by {trucks} trucks.",
    ],
    "power": [
        "Power was back in {power} homes by Sunday, the utility {utility} said.",
        "{utility} said it had restored electricity to {power} households.",
    ],
    "roads": [
        "{roads}% of the roads into {place} were closed, according to the {agency}.",
        "Nearly {roads}% of the region's roads remained shut on {weekday}.",
    ],
    "patients": [
        "{doctor}, who runs the hospital in {place}, said {patients} patients had been treated.",
        "The hospital in {place} has treated {patients} patients since the {event}, its director {doctor} said.",
    ],
    "expert": [
        "{expert}, a professor of civil engineering at the {university}, said the damage was "
        "{worse} times worse than in {year}.",
        "The damage is {worse} times what the region suffered in {year}, said {expert}, an engineer at the "
        "{university}.",
    ],
}
QUOTE = '"{quote}," said {governor}, the regional governor.'
QUOTES = [
    "We will rebuild every house that was lost in {place}",
    "No one in {place} will be left to face this alone",
    "The first hours decided everything, and our crews were there before dawn",
    "We owe the volunteers of {place} more than we can say",
]
FILLER = [
    "Residents described a night of confusion as sirens sounded across the valley.",
    "Local radio stations read out the names of shelters and the roads that were still open.",
    "Aid groups asked for blankets, bottled water and generators.",
    "Engineers warned that further damage could not be ruled out.",
    "Shops in the old town stayed shuttered, their windows taped over.",
    "Neighbours formed chains to pass sandbags from the trucks to the doorways.",
    "Television pictures showed cars carried along streets turned into rivers of mud.",
    "Church halls and sports centres were opened to families who had lost everything.",
    "The weather service said more rain was expected later in the week.",
    "Volunteers arrived from neighbouring towns with food and dry clothes.",
]
EVENTS = ["landslide", "flood", "ferry fire", "factory fire", "storm", "earthquake", "rail crash", "dam failure"]
AGENCIES = ["civil protection agency", "fire service", "interior ministry", "coastguard"]
UTILITIES = ["power company", "grid operator", "electricity board"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
# Names of places and people made of syllables, each story its own: names shared by stories would link
# them into one story (the link stage groups articles by the names they share).
_FAMILY = (
    ["Vor", "Tal", "Mer", "Kes", "Ol", "Bran", "Dov", "Quel", "Sar", "Hest", "Lom", "Pim"],
    ["ten", "wick", "ov", "ard", "sen", "mont", "ley", "ik", "and", "ow", "ess", "ur"],
)
_GIVEN = (
    ["Ma", "Lu", "Ke", "Ti", "Ro", "Sa", "Ne", "Di", "Fa", "Jo", "Be", "Ha"],
    ["ra", "no", "lin", "vi", "sa", "ko", "ren", "mi", "ta", "la", "del", "bo"],
)
_PLACE_ENDS = ["by", "ham", "ford", "stead", "mouth", "wich"]


def _name(number: int, syllables: tuple[list[str], list[str]] = _FAMILY) -> str:
    """A made-up word, a different one for each number (given names from syllables of their own)."""
    first, second = syllables
    parts = []
    while True:
        number, rest = divmod(number, len(first) * len(second))
        parts.append(first[rest % len(first)] + second[rest // len(first)])
        if not number:
            return "".join(parts).capitalize()


def _person(number: int) -> str:
    return f"{_name(number, _GIVEN)} {_name(number + 20_000)}"


def story(rng: random.Random, index: int) -> dict[str, object]:
    """One story's facts: every article of it tells these (now and then one garbles a figure)."""
    place = _name(index) + _PLACE_ENDS[index % len(_PLACE_ENDS)]
    return {
        "place": place,
        "event": EVENTS[index % len(EVENTS)],
        "month": 1 + index % 12,
        "governor": _person(4 * index),
        "spokesperson": _person(4 * index + 1),
        "doctor": _person(4 * index + 2),
        "expert": _person(4 * index + 3),
        "agency": rng.choice(AGENCIES),
        "utility": rng.choice(UTILITIES),
        "university": f"university in {place}",
        "weekday": rng.choice(WEEKDAYS),
        "quote": rng.choice(QUOTES),
        "toll": rng.randint(12, 900),
        "injured": rng.randint(40, 2000),
        "homes": rng.randint(30, 700),
        "evacuated": f"{rng.choice([2, 4, 12, 40]) * 1000:,}",
        "aid": rng.randint(5, 300),
        "missing": rng.randint(3, 90),
        "days": rng.randint(2, 14),
        "damage": rng.randint(10, 900),
        "year": rng.randint(1950, 2015),
        "crews": rng.randint(10, 300),
        "trucks": rng.randint(10, 400),
        "power": f"{rng.randint(2, 90) * 1000:,}",
        "roads": rng.randint(5, 80),
        "patients": rng.randint(20, 900),
        "worse": rng.randint(2, 9),
    }


def article(rng: random.Random, facts: dict[str, object], number: int) -> str:
    values = dict(facts)
    if rng.random() < 0.03:  # now and then an article garbles a figure
        key = rng.choice(["homes", "injured", "missing", "aid", "patients"])
        values[key] = int(str(values[key])) + rng.randint(1, 40)
    values["quote"] = str(values["quote"]).format(**values)
    sentences = [rng.choice(FACTS[key]) for key in rng.sample(sorted(FACTS), k=rng.randint(6, 10))]
    sentences += rng.sample(FILLER, k=rng.randint(2, 4))
    rng.shuffle(sentences)
    if rng.random() < 0.6:
        sentences.insert(rng.randint(1, len(sentences)), QUOTE)
    text = [s.format(**values) for s in sentences]
    body = "\n\n".join(" ".join(text[i : i + 3]) for i in range(0, len(text), 3))
    title = f"{str(values['event']).capitalize()} in {values['place']}: {values['toll']} dead"
    day = 10 + number % 3
    return f'---\ntitle: "{title}"\ndate: 2024-{values["month"]:02d}-{day:02d}\n---\n{body}\n'


def write_corpus(directory: Path, articles: int, seed: int = 11) -> int:
    """Write the corpus (stories of about 25 articles; one article in 50 a near copy); returns its bytes."""
    rng = random.Random(seed)
    stories = [story(rng, index) for index in range(max(1, articles // 25))]
    size = 0
    last: dict[int, str] = {}
    for number in range(articles):
        which = number % len(stories)
        text = article(rng, stories[which], number)
        if number % 50 == 49 and which in last:  # a wire story run twice, one word changed
            text = last[which].replace(" said", " says", 1)
        last[which] = text
        path = directory / f"story{which:03d}" / f"article{number:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
    return size


# Runs the command in a child and reports what it and its descendants used (getrusage of children:
# user and system seconds summed, maxrss of the largest single process).
_MEASURE = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
wall = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_kb": usage.ru_maxrss,
                  "code": done.returncode, "stdout": done.stdout.decode(), "stderr": done.stderr.decode()[-500:]}))
"""


def measure(
    directory: Path, jobs: int, engine: str = "local", cache: tuple[str, ...] = ("--no-cache",)
) -> dict[str, object]:
    """``factcheck check DIRECTORY`` in a child process; ``cache``: its index options (default: none,
    every run extracts everything; ``benchmarks/bench_index.py`` times the index)."""
    command = [sys.executable, "-m", "factcheck", "check", str(directory), "--format", "json"]
    command += ["--fail-on", "never", "--jobs", str(jobs), "--engine", engine, *cache]
    result = subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, check=True)
    figures: dict[str, object] = json.loads(result.stdout)
    if figures["code"] != 0:
        raise SystemExit(f"factcheck exited {figures['code']}: {figures['stderr']}")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--engines", nargs="+", choices=("local", "dask"), default=["local"])
    args = parser.parse_args()
    print(f"{'articles':>8} {'MB':>6} {'engine':>6} {'jobs':>4} {'wall s':>7} {'CPU s':>7}", end=" ")
    print(f"{'peak RSS MB':>11} {'findings':>8}")
    for articles in args.articles:
        with tempfile.TemporaryDirectory() as name:
            directory = Path(name)
            size = write_corpus(directory, articles)
            reports = set()
            for engine, jobs in [(e, j) for e in args.engines for j in args.jobs]:
                for _run in range(args.runs):
                    figures = measure(directory, jobs, engine)
                    report = str(figures["stdout"])
                    reports.add(report)
                    findings = len(json.loads(report)["findings"])
                    print(
                        f"{articles:>8} {size / 1e6:>6.1f} {engine:>6} {jobs:>4} "
                        f"{figures['wall']:>7.1f} {figures['cpu']:>7.1f} "
                        f"{int(str(figures['rss_kb'])) / 1024:>11.0f} {findings:>8}",
                        flush=True,
                    )
            if len(reports) != 1:
                raise SystemExit(f"{articles} articles: the JSON differs between --jobs {args.jobs} or --engines")


if __name__ == "__main__":
    main()
