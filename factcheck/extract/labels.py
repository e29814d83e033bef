"""Numbers that name a grade on a scale, and weekdays that date an event: claims the number grammar skips.

* **label**: a scale word and a number: "a Category 4 hurricane", "Level 3
  alert", "Stage 2 restrictions".  The value is the number; the dimension is
  ``label:<scale>``, so a category only ever compares with a category.
* **weekday**: a weekday on its own ("made landfall late Thursday"), not one
  next to a full date (the grammar reads "Friday, February 3" as a date).  The
  value is the weekday's number (Monday 0 ... Sunday 6); the dimension is
  ``weekday``.

Both are mentions like the grammar's, so frames and the comparison read them
the same way.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence

import regex

from factcheck.extract.patterns import compiled
from factcheck.extract.scanner import Mention
from factcheck.extract.vocab import vocab

# The verbs whose object is the event a weekday can date (frames read the object).
_LIGHT_BEFORE = compiled(
    r"(?i)\b(?:make|made|makes|making|hold|held|holds|take|took|takes|taking|give|gave|gives|came|come|comes|coming)\b"
)


@functools.cache
def _once_before() -> regex.Pattern[str]:
    """A word of a once-only event (``once_events`` in the vocabulary, any inflection): "the blast on
    Monday", "the ferry sank on Friday"; frames decide whether it dates the event."""
    stems = sorted({w[:-1] if w.endswith("e") else w for w in vocab().once_events} | {"sank", "sunk"})
    return compiled(rf"(?i)\b(?:{'|'.join(regex.escape(s) for s in stems)})\w{{0,4}}\b")


SCALES = ("category", "level", "stage", "phase", "grade", "tier", "class", "force")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@functools.cache
def _label() -> regex.Pattern[str]:
    scales = "|".join(SCALES)
    return compiled(rf"(?i)(?<![\w-])(?P<scale>{scales})\s{{1,2}}(?P<value>[1-9]|1[0-2])(?![\w.,-]|\.\d)")


@functools.cache
def _weekday() -> regex.Pattern[str]:
    days = "|".join(d.capitalize() for d in WEEKDAYS)
    return compiled(rf"(?<![\w-])(?P<day>{days})(?:['’]s)?(?![\w-])")


def label_mentions(text: str, taken: Sequence[Mention]) -> list[Mention]:
    """Scale labels and lone weekdays in ``text`` that no other mention covers."""
    spans = sorted((m.start, m.end) for m in taken)
    starts = [s for s, _e in spans]
    out: list[Mention] = []
    lower = text.lower()
    for scale in SCALES:
        at = lower.find(scale)
        while at >= 0:
            match = _label().match(text, at)
            at = lower.find(scale, at + len(scale))
            if match is None or not _free(spans, starts, match.start(), match.end()):
                continue
            value = float(match.group("value"))
            out.append(Mention(match.start(), match.end(), "label", value, value, value, unit=scale, step=0.0))
    for day in WEEKDAYS:
        name = day.capitalize()
        at = text.find(name)
        while at >= 0:
            match = _weekday().match(text, at)
            at = text.find(name, at + len(name))
            if match is None or not _free(spans, starts, match.start() - 2, match.end() + 2):
                continue  # part of a word, or of a full date the grammar read ("Friday, February 3")
            if not (
                _LIGHT_BEFORE.search(text, max(0, match.start() - 100), match.start())
                or _once_before().search(text, max(0, match.start() - 80), match.start())
            ):
                # "said on Monday": a weekday dates an event only after "made landfall", "took office",
                # or a word of an event that happens once ("the blast on Monday")
                continue
            value = float(WEEKDAYS.index(day))
            out.append(Mention(match.start(), match.end(), "weekday", value, value, value, unit=None, step=0.0))
    out.sort(key=lambda m: m.start)
    return out


def _free(spans: Sequence[tuple[int, int]], starts: Sequence[int], start: int, end: int) -> bool:
    """Whether no span overlaps [start, end): spans are sorted and do not overlap one another."""
    index = bisect.bisect_left(starts, end)
    return not any(s < end and start < e for s, e in spans[max(0, index - 2) : index])
