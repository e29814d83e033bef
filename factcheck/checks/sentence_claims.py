"""What the internal checks share: claims grouped by sentence, and reading around them.

The internal checks (arithmetic, dates, headline, reference) look at one
sentence at a time and read the words between its claims: "rose **from**
$140bn in 2021 **to** $244bn", "**, an increase of** 50 percent".  This module
gives them the sentence, its claims, the text between two claims with time
expressions folded into a ``<T>`` placeholder (so "in 2021" reads as
"in <T>"), the rounding interval of a written value, and the small
formatting helpers their messages share.

Nothing here decides whether something is wrong; it only reads.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import regex

from factcheck.extract.numbers import format_number
from factcheck.model import Claim, Document

TIME_KINDS = frozenset({"date", "year"})
# Kinds that stand for a time in the gap between two claims ("in 2021", "a year earlier").
_GAP_TIME_KINDS = frozenset({"date", "year", "duration"})
# Placeholders in gap text.
TIME = "<T>"
NUMBER = "<N>"

# A time expression between two values: "in 2021", "in the first quarter of <T>",
# "a year earlier", "last year", "year on year".
TIME_PHRASE = (
    r"(?:(?:(?:in|during|by|at|on|for|as\s{1,3}of|over|through|throughout|until|till|since|at\s{1,3}the\s{1,3}"
    r"(?:end|start|beginning)\s{1,3}of)\s{1,3}(?:the\s{1,3})?(?:(?:first|second|third|fourth|last|final|same|"
    r"previous|prior|fiscal|financial|calendar|whole|full|tax|past)\s{1,3})?(?:(?:year|quarter|half|month|week|"
    r"period|season)s?\s{1,3}(?:of\s{1,3}|to\s{1,3}|ending\s{1,3}|ended\s{1,3})?)?<T>(?:'s)?)"
    r"|<T>(?:\s{1,3}(?:earlier|ago|before|previously|later))?"
    r"|(?:last|this|next|the\s{1,3}previous|the\s{1,3}prior|the\s{1,3}preceding)\s{1,3}(?:year|quarter|month|week|"
    r"decade)(?:\s{1,3}(?:earlier|ago|before))?"
    r"|(?:(?:in|over|during)\s{1,3})?(?:the\s{1,3})?(?:previous|prior|preceding|same)\s{1,3}(?:year|quarter|month|"
    r"week|period)"
    r"|(?:in|during|by|for|since|until|through|at\s{1,3}the\s{1,3}end\s{1,3}of)\s{1,3}(?:(?:early|late|mid)[\s-]{1,3})?"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s{1,3}<T>)?"
    r"|(?:in|during|over)\s{1,3}the\s{1,3}(?:first|second|third|fourth|last|final|latest|past)\s{1,3}(?:quarter|half|"
    r"year|month|week|twelve\s{1,3}months|<T>)"
    r"|previously|earlier|year[\s-]on[\s-]year|year[\s-]over[\s-]year|on\s{1,3}the\s{1,3}year)"
)

_WORD = regex.compile(r"[A-Za-z][\w'’-]{0,40}")
_YEAR_DIGITS = regex.compile(r"(?<!\d)(?:1[0-9]|20)\d\d(?!\d)|['’]\d\d\b")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a document with its claims in position order."""

    doc: int
    start: int
    end: int
    claims: tuple[Claim, ...]

    def text(self, document: Document) -> str:
        return document.prose[self.start : self.end]


def by_sentence(doc: int, claims: Iterable[Claim]) -> list[Sentence]:
    """Claims grouped by the sentence they sit in, sentences in order."""
    groups: dict[tuple[int, int], list[Claim]] = {}
    for claim in claims:
        groups.setdefault((claim.sentence_start, claim.sentence_end), []).append(claim)
    return [
        Sentence(doc, start, end, tuple(sorted(members, key=lambda c: c.start)))
        for (start, end), members in sorted(groups.items())
    ]


def gap(prose: str, claims: Sequence[Claim], start: int, end: int) -> str:
    """``prose[start:end]`` with claims inside folded: times to ``<T>``, other numbers to ``<N>``."""
    if end <= start:
        return ""
    parts = []
    position = start
    # Claims come in position order: begin at the first inside the span (bisect), stop past its end,
    # so a sentence of thousands of numbers costs each call its own span, not every claim.
    first = bisect.bisect_left(claims, start, key=lambda claim: claim.start)
    for index in range(first, len(claims)):
        claim = claims[index]
        if claim.start >= end:
            break
        if claim.end > end:
            continue
        parts.append(prose[position : claim.start])
        parts.append(TIME if claim.kind in _GAP_TIME_KINDS else NUMBER)
        position = claim.end
    parts.append(prose[position:end])
    return "".join(parts)


def words(text: str) -> list[str]:
    """Lower-case words of a text."""
    return [m.group().lower() for m in _WORD.finditer(text)]


def word_before(prose: str, offset: int, floor: int = 0) -> str:
    """The lower-case word just before ``offset`` (punctuation in between ends the search)."""
    chunk = prose[max(floor, offset - 40) : offset]
    match = regex.search(r"([A-Za-z][\w'’-]{0,30})\s{0,3}$", chunk)
    return match.group(1).lower() if match else ""


def word_after(prose: str, offset: int, ceiling: int | None = None) -> str:
    """The lower-case word just after ``offset`` (punctuation in between ends the search)."""
    end = min(len(prose), offset + 40) if ceiling is None else min(ceiling, offset + 40)
    match = regex.match(r"\s{0,3}([A-Za-z][\w'’-]{0,30})", prose[offset:end])
    return match.group(1).lower() if match else ""


def explicit_year(claim: Claim) -> bool:
    """Whether a date claim writes its year ("March 14, 2025") rather than inheriting it."""
    return claim.kind == "year" or bool(_YEAR_DIGITS.search(claim.text))


def day_date(claim: Claim) -> date | None:
    """The day a date claim names, if it names one day."""
    if claim.kind != "date" or claim.period is None or claim.period.start != claim.period.end:
        return None
    return claim.period.start


@dataclass(frozen=True, slots=True)
class Value:
    """A written value with the interval its rounding and hedges allow, in base units.

    ``shown`` is the value in the units it was written in (scale applied),
    for messages; ``low``/``high`` may be infinite for "more than" and the like.
    """

    claim: Claim
    start: int
    end: int
    text: str
    shown: float
    low: float
    high: float
    dimension: str

    @property
    def exact(self) -> bool:
        return math.isfinite(self.low) and math.isfinite(self.high)


def value_of(claim: Claim) -> Value | None:
    """The claim as a Value (None for ranges, dates and claims without a magnitude)."""
    if claim.kind in TIME_KINDS or claim.qualifier == "range" or claim.dimension is None:
        return None
    if claim.value is None or claim.magnitude is None:
        return None
    low, high = interval(claim)
    return Value(claim, claim.start, claim.end, claim.text, claim.value, low, high, claim.dimension)


def interval(claim: Claim) -> tuple[float, float]:
    """The claim's interval in base units, widened by half its rounding step on both sides.

    "244" is [243.5, 244.5]; "about 74 percent" the qualifier's interval
    plus half a step; "more than 40" is (40, inf).
    """
    step = claim.step if claim.step is not None else 0.0
    half = step / 2
    magnitude = claim.magnitude
    low = claim.low_base if claim.low_base is not None else (magnitude if claim.qualifier is None else None)
    high = claim.high_base if claim.high_base is not None else (magnitude if claim.qualifier is None else None)
    lo = -math.inf if low is None else low - half
    hi = math.inf if high is None else high + half
    return lo, hi


def range_values(claim: Claim, prose: str) -> tuple[Value, Value] | None:
    """The two ends of a range claim written "from X to Y" ("from £412m to £447m")."""
    if claim.qualifier != "range" or claim.low_base is None or claim.high_base is None:
        return None
    if claim.low is None or claim.high is None or claim.dimension is None:
        return None
    text = prose[claim.start : claim.end]
    match = regex.fullmatch(r"(?i)from\s{1,3}(?P<a>.{1,60}?)\s{1,3}to\s{1,3}(?P<b>.{1,60})", text)
    if not match:
        return None
    factor = claim.low_base / claim.low if claim.low else 1.0
    step = (claim.step or 0.0) / 2
    low_step = _written_step(match.group("a"), claim.low) * factor / 2
    a = Value(
        claim,
        claim.start + match.start("a"),
        claim.start + match.end("a"),
        match.group("a"),
        claim.low,
        claim.low_base - low_step,
        claim.low_base + low_step,
        claim.dimension,
    )
    b = Value(
        claim,
        claim.start + match.start("b"),
        claim.start + match.end("b"),
        match.group("b"),
        claim.high,
        claim.high_base - step,
        claim.high_base + step,
        claim.dimension,
    )
    return a, b


def _written_step(text: str, value: float) -> float:
    """Rounding step of the first number of a range, in the range's written units."""
    digits = regex.search(r"\d[\d,]*(?:\.(\d+))?", text)
    if digits is None:
        return 0.0
    if digits.group(1):
        written = float(digits.group().replace(",", ""))
        scale = value / written if written else 1.0
        return 10.0 ** -len(digits.group(1)) * scale
    from factcheck.extract.numbers import step_of_integer_digits

    plain = digits.group().replace(",", "")
    written = float(plain)
    scale = value / written if written else 1.0
    return step_of_integer_digits(plain) * scale


def show(value: float, digits: int = 3) -> str:
    """A computed number for a message: 74.2857 -> "74.3", 1.7428 -> "1.74", 5532 -> "5,532"."""
    if not math.isfinite(value):
        return "∞" if value > 0 else "-∞"
    if abs(value) >= 1e6:
        return format_number(float(f"{value:.4g}"))
    if value == int(value):
        return f"{int(value):,}"
    rounded = round(value, digits - 2 if abs(value) >= 10 else digits - 1)
    if rounded == int(rounded) and abs(value) >= 100:
        return f"{int(rounded):,}"
    return f"{rounded:,.{max(0, digits - 2 if abs(value) >= 10 else digits - 1)}f}".rstrip("0").rstrip(".")


def common_scale(*values: float) -> tuple[float, str]:
    """A scale for showing several values together: (1e9, "bn") for 140bn and 244bn."""
    top = max((abs(v) for v in values), default=0.0)
    for scale, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if top >= scale:
            return scale, suffix
    return 1.0, ""


def scaled(value: float, scale: float) -> str:
    """A written value divided by a common scale: 140e9 with 1e9 -> "140"."""
    number = value / scale
    if number == int(number):
        return f"{int(number):,}"
    return f"{number:,.6g}"
