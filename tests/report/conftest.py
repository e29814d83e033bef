"""The shared report fixture every reporter is snapshot-tested on, and the snapshot helper.

The report is built by hand from the model's constructors, with locations
computed from real article texts so offsets, lines and columns are exact:
two documents of one story (one with its outlet, the other with a url
only), an error-severity numeric conflict across both, a warning-severity
name misattribution with one location, and one input error.  The wire
sentence is longer than the rich reporter's context window, so the snapshot
also shows trimming.

``stories_report`` is the same run with a second story: a third document
whose warning-severity arithmetic error has three locations in one
sentence, and the conflict's message naming its story as the check does
when a run holds several.  The terminal report is snapshot-tested on it
(grouping by story, one passage for claims of one sentence).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from factcheck.model import Document, DocumentSummary, ErrorEntry, Finding, Location, Report, Severity

REUTERS_PATH = "news/reuters/2024-02-22-sanctions.md"
REUTERS_TEXT = """\
---
title: Russia sanctions reach record two years into the war
date: 2024-02-22
---
# Russia sanctions reach record two years into the war

Since the war began in 2022, the US and its allies have imposed at least 21,692 sanctions on Russia.
NATO foreign policy chief Josep Borrell said the measures were “working, and biting”.
"""

HARBOUR_PATH = "news/local/coast-herald/2025/03/marrowby-harbour-traffic.md"
HARBOUR_TEXT = """\
---
title: Marrowby harbour has its busiest March
date: 2025-04-02
outlet: Coast Herald
---
The harbour handled 41,200 containers in March 2025, up from 38,900 a year earlier, a rise of 3,200.
"""
HARBOUR_SENTENCE = HARBOUR_TEXT[HARBOUR_TEXT.index("The harbour") : HARBOUR_TEXT.index("3,200.") + len("3,200.")]

SANCTIONS_STORY = "Russia, Castellum.AI"
HARBOUR_STORY = "Marrowby"

WIRE_PATH = "news/wire/sanctions-tracker.md"
WIRE_TEXT = """\
---
title: The sanctions tracker — week 104
date: 2024-02-20
---
Western governments have imposed 18,000 sanctions on Russia since the full-scale invasion,
according to a tally kept by Castellum.AI, a firm that tracks sanctions, export controls and
other restrictions across dozens of jurisdictions and publishes the numbers every week.
"""


def locate(document: Document, sentence: str, claim: str, *, value: float | None, unit: str | None) -> Location:
    """A Location for ``claim`` inside ``sentence`` (whose words may wrap across lines) in ``document``."""
    sentence_offset = document.text.index(sentence)
    start = document.text.index(claim, sentence_offset)
    end = start + len(claim)
    line, column = document.position(start)
    end_line, end_column = document.position(end)
    return Location(
        path=document.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        start=start,
        end=end,
        text=claim,
        value=value,
        unit=unit,
        sentence=" ".join(sentence.split()) if "\n" in sentence else sentence,  # as the checks reflow it
        sentence_offset=sentence_offset,
    )


def build_report() -> Report:
    reuters = Document.build(REUTERS_PATH, REUTERS_TEXT)
    wire = Document.build(WIRE_PATH, WIRE_TEXT)
    reuters_sanctions = locate(
        reuters,
        "Since the war began in 2022, the US and its allies have imposed at least 21,692 sanctions on Russia.",
        "at least 21,692",
        value=21692.0,
        unit="count",
    )
    wire_sentence = WIRE_TEXT[WIRE_TEXT.index("Western") : WIRE_TEXT.index("week.") + len("week.")]
    wire_sanctions = locate(wire, wire_sentence, "18,000", value=18000.0, unit="count")
    borrell = locate(
        reuters,
        "NATO foreign policy chief Josep Borrell said the measures were “working, and biting”.",
        "Josep Borrell",
        value=None,
        unit=None,
    )
    conflict = Finding(
        id="4f1c2a9d8e7b6c5a3f21",
        rule="numbers.conflict",
        kind="numeric_conflict",
        severity=Severity.ERROR,
        message=(
            f"sanctions on Russia: at least 21,692 in {REUTERS_PATH} but 18,000 in {WIRE_PATH} "
            "(the ranges do not overlap)"
        ),
        subject="sanctions on russia",
        locations=(reuters_sanctions, wire_sanctions),
    )
    misattribution = Finding(
        id="b7e29d04c61a5f8e3d90",
        rule="names.misattribution",
        kind="name_misattribution",
        severity=Severity.WARNING,
        message=(
            "Josep Borrell is called NATO foreign policy chief; reference data has him as the EU's foreign policy chief"
        ),
        subject="josep borrell",
        locations=(borrell,),
    )
    return Report(
        documents=(
            DocumentSummary(
                path=REUTERS_PATH,
                title="Russia sanctions reach record two years into the war",
                date=date(2024, 2, 22),
                claims=3,
                outlet="Reuters",
                url="https://www.reuters.com/world/europe/russia-sanctions-record-2024-02-22/",
                story=SANCTIONS_STORY,
            ),
            DocumentSummary(
                path=WIRE_PATH,
                title="The sanctions tracker — week 104",
                date=date(2024, 2, 20),
                claims=1,
                url="https://wire.example.org/sanctions-tracker",
                story=SANCTIONS_STORY,
            ),
        ),
        findings=(conflict, misattribution),
        errors=(
            ErrorEntry(
                path="news/archive/broken.html", message="cannot decode as UTF-8 (invalid byte 0xff at offset 312)"
            ),
        ),
    )


def build_stories_report() -> Report:
    """The shared report with a second story (see the module docstring)."""
    report = build_report()
    harbour = Document.build(HARBOUR_PATH, HARBOUR_TEXT)
    arithmetic = Finding(
        id="5d0e93b1a7c24f6e8b12",
        rule="internal.arithmetic",
        kind="arithmetic_error",
        severity=Severity.WARNING,
        message=(
            f"containers: 38,900 to 41,200 is a rise of 2,300, not 3,200 (in {HARBOUR_PATH}); "
            "one of the three figures is wrong"
        ),
        subject="container",
        locations=tuple(
            locate(harbour, HARBOUR_SENTENCE, claim, value=value, unit=None)
            for claim, value in (("41,200", 41200.0), ("38,900", 38900.0), ("3,200", 3200.0))
        ),
    )
    conflict, misattribution = report.findings
    noted = replace(
        conflict, message=conflict.message.replace(" (the", f" [story: {SANCTIONS_STORY}]: the").rstrip(")")
    )
    harbour_summary = DocumentSummary(
        path=HARBOUR_PATH,
        title="Marrowby harbour has its busiest March",
        date=date(2025, 4, 2),
        claims=3,
        outlet="Coast Herald",
        story=HARBOUR_STORY,
    )
    return replace(
        report,
        documents=(harbour_summary, *report.documents),
        findings=(noted, misattribution, arithmetic),
    )


@pytest.fixture
def report() -> Report:
    return build_report()


@pytest.fixture
def stories_report() -> Report:
    return build_stories_report()


@pytest.fixture
def empty_report() -> Report:
    return Report(documents=(), findings=(), errors=())


SNAPSHOTS = Path(__file__).parent / "snapshots"

Snapshot = Callable[[str, str], None]


@pytest.fixture
def snapshot() -> Snapshot:
    """``snapshot(name, text)``: compare ``text`` with ``snapshots/<name>``, byte for byte.

    With ``UPDATE_SNAPSHOTS=1`` in the environment the file is (re)written
    instead.  Otherwise a missing snapshot fails the test: it is never
    created silently.
    """

    def check(name: str, actual: str) -> None:
        path = SNAPSHOTS / name
        if os.environ.get("UPDATE_SNAPSHOTS") == "1":
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(actual.encode("utf-8"))
            return
        if not path.exists():
            pytest.fail(f"snapshot {path} is missing; run with UPDATE_SNAPSHOTS=1 to create it, then review it")
        expected = path.read_bytes().decode("utf-8")
        assert actual == expected, (
            f"output differs from {path}; if the change is intended, rerun with UPDATE_SNAPSHOTS=1"
        )

    return check
