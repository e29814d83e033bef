"""dates: dates, durations and ages in one article that contradict each other.

Readings, each narrow on purpose (when it is unclear what a duration counts
from, nothing is said):

* **weekday**: a weekday next to a full date that falls on another day
  ("Tuesday, March 14, 2025": that was a Friday).  A date without a year
  takes the article's year, and is only checked within ``max_inferred_days``
  of the article's date.
* **ago**: "26 years ago, in 1999" against the article's date.
* **since**: "25 years since Putin came to power in 1999", "over a quarter of
  a century since 1999": the time from the year to the article's date (or to
  the sentence's other date, when it has exactly one).
* **anniversary**: "the 50th anniversary of the 1972 visit" against the
  article's date (give or take a year: the piece may look ahead or back) or
  the date the sentence names ("on March 5, 2008, the 110th anniversary of
  ... 1898").
* **after**: "in 2006, a year after he visited Russia in 2005": the two dates
  of the sentence and the duration between them.
* **later**: a sentence that opens "Two weeks later" counts from the last full
  date of the sentences before it; it is reported only when that lands after
  the article's own date (the story cannot tell what has not happened yet).
* **span**: a year range with a count of years: "from 1949 to 1972, nearly 25
  years" fits; "a decade, from 2001 to 2021" does not.
* **age**: an age and a birth year in one sentence against the article's date
  ("Putin, 72, born in 1952").

Durations stand for an interval: "26 years" is 25.5 to 26.5 years, "a decade"
8 to 12 years, qualifiers widen ("nearly 25 years", "over a quarter of a
century"), and a year stands for all of its days.  The ``relative_tolerance``
is slack on top.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

import regex

from factcheck.checks.base import Check, CheckContext, Option, fingerprint, location
from factcheck.checks.sentence_claims import Sentence, by_sentence, day_date, explicit_year, show
from factcheck.model import Claim, Document, Finding

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WEEKDAY_IN = regex.compile(rf"(?i)^{_WEEKDAY}\b")
_WEEKDAY_BEFORE = regex.compile(rf"(?i)\b{_WEEKDAY},?\s{{1,3}}(?:the\s{{1,3}})?$")
_WEEKDAY_AFTER = regex.compile(rf"(?i)^\s{{0,3}}(?:\(\s{{0,3}}{_WEEKDAY}\s{{0,3}}\)|,\s{{1,3}}a\s{{1,3}}{_WEEKDAY}\b)")
_MONTHS = "january february march april may june july august september october november december".split()

_DAYS_PER_UNIT = {
    "year": 365.25, "decade": 3652.5, "century": 36525.0, "month": 30.4375, "fortnight": 14.0, "week": 7.0,
    "day": 1.0, "hour": 1 / 24,
}  # fmt: skip
_LOOSE_UNITS = frozenset({"decade", "century"})
_AGO_AFTER = regex.compile(r"(?i)^\s{1,3}ago\b")
_AGO_TO_TIME = regex.compile(r"(?i)^\s{1,3}ago\s{0,3},?\s{0,3}(?:in|on|back\s{1,3}in)\s{1,3}$")
_TIME_TO_AGO = regex.compile(r"(?i)^\s{0,3},\s{0,3}$")
_SINCE_GAP = regex.compile(
    r"(?i)^\s{0,3},?\s{0,3}since\s{1,3}(?:(?:the|its|his|her|their|a)\s{1,3})?(?:[\w'’-]{1,30}\s{1,3}){0,7}?"
    r"(?:(?:in|of)\s{1,3})?$"
)
_ANNIVERSARY = regex.compile(r"(?i)^[\s-]{0,3}anniversary\b")
_AFTER_BEFORE = regex.compile(r"(?i)^\s{1,3}(?P<how>after|before)\b")
_LATER_EARLIER = regex.compile(r"(?i)^\s{1,3}(?P<how>later|earlier|on)\b")
_FUTURE = regex.compile(r"(?i)\b(?:will|would|could|might|may|expected|plans?|planned|scheduled|due|set\s{1,3}to)\b")
_BORN = regex.compile(r"(?i)\bborn\s{1,3}(?:(?:in|on)\s{1,3})?$")
_SPAN_GAP = regex.compile(
    r"(?i)^(?:\s{1,3}of\s{1,3}[\w'’-]{1,30}(?:\s{1,3}[\w'’-]{1,30})?)?\s{0,3}(?:[,(:–—-]|,?\s{0,3}(?:from|between|spanning|covering|in|during|or))?\s{0,3}"
    r"(?:(?:a|an|the|some|or|from|between|spanning|covering|during)\s{1,3})?$"
)


@dataclass(frozen=True, slots=True)
class _Problem:
    what: str
    computation: str
    claims: tuple[Claim, ...]


class Dates(Check):
    name: ClassVar[str] = "dates"
    MESSAGE_FIELDS: ClassVar[frozenset[str]] = frozenset("what computation".split())
    description: ClassVar[str] = "Weekdays, durations, anniversaries, year ranges and ages that contradict the dates."
    OPTIONS: ClassVar[Mapping[str, Option]] = {
        "relative_tolerance": Option("number", 0.1, "Relative slack on every stated duration."),
        "max_inferred_days": Option(
            "integer", 120, "A date written without a year is checked only this close to the article's date."
        ),
        "readings": Option(
            "string_list",
            ("weekday", "ago", "since", "anniversary", "after", "later", "span", "age"),
            "Which readings to run (all by default).",
        ),
    }

    def run(self, context: CheckContext) -> list[Finding]:
        options = context.rule.options
        readings = set(options["readings"])
        findings: dict[str, Finding] = {}
        for doc_index, document in enumerate(context.documents):
            reader = _Reader(document, options)
            sentences = by_sentence(doc_index, context.claims[doc_index])
            for index, sentence in enumerate(sentences):
                problems: list[_Problem] = []
                for reading in ("weekday", "ago", "since", "anniversary", "after", "span", "age"):
                    if reading in readings:
                        problems.extend(getattr(reader, reading)(sentence))
                if "later" in readings:
                    problems.extend(reader.later(sentence, sentences[max(0, index - 3) : index]))
                for problem in problems:
                    finding = _finding(context, document, problem)
                    findings.setdefault(finding.id, finding)
        return list(findings.values())


def _finding(context: CheckContext, document: Document, problem: _Problem) -> Finding:
    rule = context.rule
    message = rule.message.format(what=problem.what, computation=problem.computation)
    parts = [(document.path, claim.text) for claim in problem.claims]
    return Finding(
        id=fingerprint(rule.id, problem.what, parts),
        rule=rule.id,
        kind="arithmetic_error",
        severity=rule.severity,
        message=message,
        subject=problem.what,
        locations=tuple(location(document, claim) for claim in problem.claims),
    )


def _days(claim: Claim) -> tuple[float, float] | None:
    """The interval of days a ``period`` covers, as ordinals (end exclusive)."""
    if claim.period is None:
        return None
    return float(claim.period.start.toordinal()), float(claim.period.end.toordinal() + 1)


def _unit_days(claim: Claim) -> float | None:
    return _DAYS_PER_UNIT.get(claim.unit or "")


def _years(days: float) -> str:
    return show(days / 365.25)


class _Reader:
    def __init__(self, document: Document, options: Mapping[str, Any]) -> None:
        self.document = document
        self.prose = document.prose
        self.relative = float(options["relative_tolerance"])
        self.max_inferred = int(options["max_inferred_days"])
        self.today = document.date

    # -- shared --------------------------------------------------------------------------------------

    def _duration(self, claim: Claim) -> tuple[float, float] | None:
        """The days a duration claim stands for, hedges and rounding included."""
        per = _unit_days(claim)
        if per is None or claim.kind != "duration":
            return None
        value = claim.value
        low = claim.low if claim.low is not None else 0.0
        high = claim.high if claim.high is not None else math.inf
        if claim.qualifier is None and value is not None:
            if claim.unit in _LOOSE_UNITS or value != int(value):
                low, high = value * 0.8, value * 1.2
            else:
                low, high = value - 0.5, value + 0.5
        elif claim.qualifier == "nearly" and value is not None:
            low, high = min(low, value - 0.5), value + (0.0 if claim.unit in _LOOSE_UNITS else 0.25)
        elif claim.qualifier == "about" and value is not None:
            low, high = min(low, value - 0.5), max(high, value + 0.5)
        low, high = low * per * (1 - self.relative), high * per * (1 + self.relative)
        return low, high

    @staticmethod
    def _gap(sentence: Sentence, prose: str, start: int, end: int) -> str:
        return prose[start:end] if end >= start else ""

    def _times(self, sentence: Sentence) -> list[Claim]:
        return [c for c in sentence.claims if c.kind in ("date", "year") and c.period is not None]

    @staticmethod
    def _outside(stated: tuple[float, float], computed: tuple[float, float]) -> bool:
        return stated[1] < computed[0] or stated[0] > computed[1]

    # -- weekday -------------------------------------------------------------------------------------

    def weekday(self, sentence: Sentence) -> list[_Problem]:
        problems = []
        for claim in sentence.claims:
            day = day_date(claim)
            if day is None:
                continue
            match = _WEEKDAY_IN.match(claim.text)
            if match is None:
                before = self.prose[max(sentence.start, claim.start - 16) : claim.start]
                match = _WEEKDAY_BEFORE.search(before)
            if match is None:
                match = _WEEKDAY_AFTER.match(self.prose[claim.end : min(sentence.end, claim.end + 20)])
            if match is None:
                continue
            written = match.group("weekday").lower()
            inferred = not explicit_year(claim)
            if inferred and (self.today is None or abs((day - self.today).days) > self.max_inferred):
                continue
            actual = _WEEKDAYS[day.weekday()]
            if written == actual:
                continue
            shown = f"{calendar.month_name[day.month]} {day.day}, {day.year}"
            computation = f"{shown} was a {actual.capitalize()}, text says {written.capitalize()}"
            problems.append(_Problem("weekday does not match its date", computation, (claim,)))
        return problems

    # -- ago -----------------------------------------------------------------------------------------

    def ago(self, sentence: Sentence) -> list[_Problem]:
        if self.today is None:
            return []
        problems = []
        claims = sentence.claims
        for index, claim in enumerate(claims):
            if claim.kind != "duration" or not _AGO_AFTER.match(self.prose[claim.end : claim.end + 8]):
                continue
            time = None
            if index + 1 < len(claims) and claims[index + 1].kind in ("date", "year"):
                nxt = claims[index + 1]
                if _AGO_TO_TIME.match(self.prose[claim.end : nxt.start]):
                    time = nxt
            if time is None and index > 0 and claims[index - 1].kind in ("date", "year"):
                prev = claims[index - 1]
                if _TIME_TO_AGO.match(self.prose[prev.end : claim.start]):
                    time = prev
            if time is None:
                continue
            problem = self._elapsed(claim, time, self.today, "ago")
            if problem is not None:
                problems.append(problem)
        return problems

    def _elapsed(self, duration: Claim, time: Claim, until: date, how: str) -> _Problem | None:
        stated = self._duration(duration)
        span = _days(time)
        if stated is None or span is None:
            return None
        today = float(until.toordinal())
        elapsed = (today - span[1], today - span[0])
        if elapsed[1] < 0 or not self._outside(stated, elapsed):
            return None
        label = time.period.label() if time.period else time.text
        computation = (
            f"from {label} to {until.isoformat()} is {_years(elapsed[0])} to {_years(elapsed[1])} years, "
            f"text says {duration.text} {how}"
        )
        return _Problem("duration does not match its dates", computation, (duration, time))

    # -- since ---------------------------------------------------------------------------------------

    def since(self, sentence: Sentence) -> list[_Problem]:
        problems = []
        claims = sentence.claims
        times = self._times(sentence)
        for index, claim in enumerate(claims):
            if claim.kind != "duration" or index + 1 >= len(claims):
                continue
            anchor = claims[index + 1]
            if anchor.kind not in ("date", "year") or not _SINCE_GAP.match(self.prose[claim.end : anchor.start]):
                continue
            others = [t for t in times if t is not anchor]
            if len(others) > 1:
                continue
            until = others[0].period.end if others and others[0].period else self.today
            if until is None:
                continue
            problem = self._elapsed(claim, anchor, until, f"since {anchor.text}")
            if problem is not None:
                problems.append(problem)
        return problems

    # -- anniversary ---------------------------------------------------------------------------------

    def anniversary(self, sentence: Sentence) -> list[_Problem]:
        problems = []
        claims = sentence.claims
        for index, claim in enumerate(claims):
            if claim.kind not in ("ordinal", "duration") or claim.value is None:
                continue
            if claim.kind == "duration" and claim.unit != "year":
                continue
            if not _ANNIVERSARY.match(self.prose[claim.end : claim.end + 16]):
                continue
            events = []
            for other in claims[index + 1 :]:
                if other.kind not in ("date", "year") or other.start - claim.end > 90:
                    continue
                if self.prose[max(claim.end, other.start - 4) : other.start].strip().lower() == "on":
                    continue
                events.append(other)
            if len(events) != 1 or events[0].period is None:
                continue
            event = events[0]
            refs = [c for c in self._times(sentence) if c is not event]
            period = event.period
            if len(refs) > 1 or period is None or period.start.year != period.end.year:
                continue
            event_year = period.start.year
            n = int(claim.value)
            if refs and refs[0].period is not None:
                ref_year, slack, ref_label = refs[0].period.start.year, 0, refs[0].text
            elif self.today is not None:
                ref_year, slack, ref_label = self.today.year, 1, f"the article's date ({self.today.isoformat()})"
            else:
                continue
            if ref_year <= event_year or abs(ref_year - event_year - n) <= slack:
                continue
            computation = (
                f"{ref_year} - {event_year} = {ref_year - event_year} years at {ref_label}, text says {claim.text}"
            )
            problems.append(_Problem("anniversary does not match its dates", computation, (claim, event)))
        return problems

    # -- after / before ------------------------------------------------------------------------------

    def after(self, sentence: Sentence) -> list[_Problem]:
        """ "In 2006, a year after he visited Russia in 2005": ref, duration after|before|later, anchor."""
        times = self._times(sentence)
        if len(times) != 2:
            return []
        problems = []
        durations = [c for c in sentence.claims if c.kind == "duration"]
        if len(durations) != 1:
            return []
        duration = durations[0]
        following = self.prose[duration.end : duration.end + 12]
        match = _AFTER_BEFORE.match(following)
        if match is None:
            return []
        anchors = [t for t in times if t.start > duration.end and t.start - duration.end <= 80]
        refs = [t for t in times if t.end <= duration.start]
        if len(anchors) != 1 or len(refs) != 1:
            return []
        anchor, ref = anchors[0], refs[0]
        if _FUTURE.search(self.prose[ref.end : duration.start]):
            return []
        a, r = _days(anchor), _days(ref)
        stated = self._duration(duration)
        if a is None or r is None or stated is None:
            return []
        after = match.group("how").lower() == "after"
        between = (r[0] - a[1], r[1] - a[0]) if after else (a[0] - r[1], a[1] - r[0])
        between = (max(0.0, between[0]), between[1])
        if between[1] <= 0 or not self._outside(stated, between):
            return []
        computation = (
            f"{ref.text} is {_years(between[0])} to {_years(between[1])} years {match.group('how').lower()} "
            f"{anchor.text}, text says {duration.text}"
        )
        problems.append(_Problem("duration does not match its dates", computation, (duration, ref, anchor)))
        return problems

    # -- later ---------------------------------------------------------------------------------------

    def later(self, sentence: Sentence, before: Sequence[Sentence]) -> list[_Problem]:
        """A sentence opening "Two weeks later" that lands after the article's own date."""
        if self.today is None or not sentence.claims:
            return []
        first = sentence.claims[0]
        if first.kind != "duration" or first.start != sentence.start:
            return []
        if not regex.match(r"(?i)^\s{1,3}later\b", self.prose[first.end : first.end + 10]):
            return []
        if self._times(sentence) or _FUTURE.search(self.prose[sentence.start : sentence.end]):
            return []
        anchor = None
        for previous in reversed(before):
            times = [c for c in previous.claims if c.kind in ("date", "year")]
            if times:
                anchor = times[-1]
                break
        if anchor is None or day_date(anchor) is None:
            return []
        stated = self._duration(first)
        span = _days(anchor)
        if stated is None or span is None:
            return []
        earliest = span[0] + stated[0]
        if earliest <= self.today.toordinal() + 1 or not earliest <= date.max.toordinal():
            return []  # "1,000,000 years later": beyond any calendar, no claim about a date
        landing = date.fromordinal(int(earliest))
        computation = (
            f"{anchor.text} + {first.text} is {landing.isoformat()} at the earliest, "
            f"after the article's date ({self.today.isoformat()})"
        )
        return [_Problem("duration lands after the article's date", computation, (first, anchor))]

    # -- span ----------------------------------------------------------------------------------------

    def span(self, sentence: Sentence) -> list[_Problem]:
        """ "from 1949 to 1972, nearly 25 years": a year range next to a count of years."""
        problems = []
        claims = sentence.claims
        for index, claim in enumerate(claims):
            if not (claim.kind == "year" and claim.qualifier == "range" and claim.low and claim.high):
                continue
            if regex.search(r"(?i)s$", claim.text):
                continue  # "the 1970s" is a decade, not a range with two ends
            neighbours = []
            if index > 0:
                neighbours.append((claims[index - 1], self.prose[claims[index - 1].end : claim.start]))
            if index + 1 < len(claims):
                neighbours.append((claims[index + 1], self.prose[claim.end : claims[index + 1].start]))
            for duration, between in neighbours:
                if duration.kind != "duration" or duration.unit not in ("year", "decade", "century"):
                    continue
                if not _SPAN_GAP.match(between):
                    continue
                length = claim.high - claim.low
                computed = ((length - 1) * 365.25, (length + 1) * 365.25)
                stated = self._duration(duration)
                if stated is None or not self._outside(stated, computed):
                    continue
                computation = f"{int(claim.high)} - {int(claim.low)} = {int(length)} years, text says {duration.text}"
                problems.append(_Problem("duration does not match its year range", computation, (duration, claim)))
        return problems

    # -- age -----------------------------------------------------------------------------------------

    def _is_age(self, claim: Claim) -> bool:
        """An age claim, or a bare number set off by commas after a name ("The president, 75, was")."""
        if claim.value is None or claim.qualifier is not None or claim.value != int(claim.value):
            return False
        if claim.kind == "age":
            return True
        if claim.kind != "number" or not 0 < claim.value < 125:
            return False
        before = self.prose[max(0, claim.start - 40) : claim.start]
        after = self.prose[claim.end : claim.end + 2]
        return bool(regex.search(r"[A-Za-z],\s{1,2}$", before)) and after.startswith(",")

    def age(self, sentence: Sentence) -> list[_Problem]:
        if self.today is None:
            return []
        ages = [c for c in sentence.claims if self._is_age(c)]
        times = self._times(sentence)
        if len(ages) != 1 or len(times) != 1:
            return []
        born = times[0]
        if not _BORN.search(self.prose[max(sentence.start, born.start - 12) : born.start]):
            return []
        if born.period is None or born.period.start.year != born.period.end.year:
            return []
        age = ages[0]
        assert age.value is not None
        birth = born.period.start
        if born.period.start == born.period.end:
            possible = {self.today.year - birth.year - ((self.today.month, self.today.day) < (birth.month, birth.day))}
        else:
            possible = {self.today.year - birth.year - 1, self.today.year - birth.year}
        if int(age.value) in possible or int(age.value) != age.value:
            return []
        shown = " or ".join(str(p) for p in sorted(possible))
        computation = f"born {born.text}, {shown} on {self.today.isoformat()}, text says {age.text}"
        return [_Problem("age does not match the birth date", computation, (age, born))]
