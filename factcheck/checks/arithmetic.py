"""arithmetic: numbers in one sentence that do not add up.

A copy desk's first question, asked of every sentence with several numbers:
do they agree with each other?  Four readings, each of them narrow on
purpose (a reading that is unsure of which number is which says nothing):

* **changes**: a change stated next to its two endpoints.  The endpoints are
  "from A to B", "to B from A", "B, up from A" or "B compared with A"; the
  stated change sits right before them ("up 8.5 percent from £412m to
  £447m", "tripled to 6,000 from 2,000") or right after them ("..., an
  increase of 50 percent", "..., a 74% rise").  A percent is checked against
  B / A - 1; percentage points (and, for percentages, also a plain percent)
  against B - A; an amount in the endpoints' unit ("rose by $104bn")
  against B - A; "doubled", "tripled", "halved", "N-fold", "N times" and "by
  a third" against B / A.
* **totals**: parts listed before a total ("2,754 before and 2,778 after, a
  total of 5,532").  "a total of", "totalling", "adding up to" say the parts
  are the whole, so they must add up; "bringing the total to" may add to an
  earlier count the sentence does not give, so there only a sum larger than
  the total is reported.
* **shares**: percentages of one whole that add up to more than 100 percent
  ("45 percent said yes, 40 percent no and 25 percent were undecided").
  Only read when the sentence says they share a whole: "of the vote",
  "share", "accounted for", "made up", or answers that exclude each other
  (yes/no, for/against, support/oppose, undecided).
* **ratios**: one proportion stated two ways ("one in five adults, or 20
  percent"; "a third of the 1,200 staff, or 500 people"; "300 of the 1,200
  staff, or 25 percent").

Rounding and hedges are respected: every written value stands for the
interval its last digit allows ("$244bn" is 243.5bn to 244.5bn), qualifiers
widen it ("about 74 percent", "more than doubled", "nearly a third"), and a
finding needs the stated value to fall outside the computed interval by more
than ``relative_tolerance`` (and, for percentages, ``absolute_tolerance``
points).  Sentences that speak of real terms, annual rates, averages or
per-capita figures are not read for changes: their percentages are not
computed from the endpoints given.

Every message shows the computation: "244 / 140 - 1 = 74.3%, text says 50 percent".
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

import regex

from factcheck.checks.base import Check, CheckContext, Option, fingerprint, location
from factcheck.checks.sentence_claims import (
    NUMBER,
    TIME,
    TIME_PHRASE,
    Sentence,
    Value,
    by_sentence,
    common_scale,
    gap,
    range_values,
    scaled,
    show,
    value_of,
    word_after,
    word_before,
    words,
)
from factcheck.model import Claim, Document, Finding

_CHANGE_VERBS = frozenset(
    """rose rise rises rising risen increased increase increases increasing grew grow grows growing grown
    jumped jump jumps soared soar soars climbed climb climbs surged surge surges gained gain gains fell fall
    falls falling fallen dropped drop drops declined decline declines decreased decrease decreases slumped
    slump plunged plunge plummeted tumbled shrank shrink shrunk contracted expanded expand slid slipped dipped
    sank swelled ballooned spiked edged up down boosted cut cuts reduced raised lowered widened narrowed
    multiplied ticked went leapt leaped jumping surging climbing soaring growing sliding dropping""".split()
)
_CHANGE_NOUNS = (
    r"increase|rise|jump|gain|growth|climb|surge|drop|fall|decline|decrease|reduction|cut|slump|loss|hike|boost|"
    r"change|leap|fall-off|dip|slide|contraction|expansion|improvement|deterioration|swing"
)
_AFTER_WORDS = frozenset(
    """increase increases rise rises jump jumps gain gains growth drop drops decline declines fall falls decrease
    decreases reduction reductions cut cuts hike hikes surge surges slump boost higher lower more less fewer up
    down climb leap dip slide improvement""".split()
)
# Percentages that are not computed from the endpoints in the sentence.
_NOT_FROM_ENDPOINTS = regex.compile(
    r"(?i)\b(?:real\s{1,3}terms|inflation[\s-]{1,3}adjusted|adjusted\s{1,3}for|in\s{1,3}constant|nominal|per\s{1,3}"
    r"capita|per\s{1,3}head|per\s{1,3}person|per\s{1,3}share|annual(?:ly|i[sz]ed)?|compound|cagr|on\s{1,3}average|"
    r"average|seasonally|like[\s-]{1,3}for[\s-]{1,3}like|organic(?:ally)?|underlying|excluding|a\s{1,3}year\s{1,3}on\s{1,3}"
    r"average|(?:a|per|each|every)\s{1,3}(?:year|annum|month|quarter|week|day)\b(?!\s{1,3}(?:earlier|ago|before|"
    r"later|after|previously)))"
)

# A noun or two after a value: "to 500 units from 100", "from 100 staff to 150".
_NOUNS = (
    r"(?:\s{1,3}(?!(?:and|or|but|while|which|who|that|when|as|after|before|since|with|by|of|in|on|at|for)\b)"
    r"[a-z][\w'’-]{0,30}){0,2}"
)
# "from A to B": the gap between the endpoints (times folded to <T>).
_FORWARD = regex.compile(rf"(?i)^{_NOUNS}\s{{0,3}}(?:{TIME_PHRASE}\s{{0,3}})?,?\s{{0,3}}(?:to|into)\s{{1,3}}$")
_FROM_BEFORE = regex.compile(r"(?i)\bfrom\s{1,3}$")
# "to B from A", "B, up from A", "B compared with A".
_BACKWARD = regex.compile(
    rf"(?i)^{_NOUNS}\s{{0,3}}(?:{TIME_PHRASE}\s{{0,3}})?,?\s{{0,3}}(?:(?:up|down|rising|falling|higher|lower)\s{{1,3}})?"
    rf"(?:from|compared\s{{1,3}}(?:with|to)|versus|vs\.?|against)\s{{1,3}}(?:(?:a|the)\s{{1,3}}(?:previous|prior|"
    rf"year-earlier)\s{{1,3}})?$"
)
# A stated change right before the endpoints: "up 8.5 percent from", "rose 12 percent to", "tripled to".
_BEFORE_PAIR = regex.compile(
    rf"(?i)^\s{{0,3}}(?:(?:{TIME_PHRASE})\s{{0,3}})?[,(]?\s{{0,3}}(?:(?:{TIME_PHRASE})\s{{0,3}},?\s{{0,3}})?"
    rf"(?:(?:from|to|at)\s{{1,3}})?$"
)
# A stated change right after them: ", an increase of", ", up", " (a 74% rise)", ", or".
_AFTER_PAIR = regex.compile(
    rf"(?i)^\s{{0,3}}(?:{TIME_PHRASE}\s{{0,3}})?(?:[,;:(–—]\s{{0,3}}|-\s{{1,3}}|\s)(?:(?:an?|the)\s{{1,3}})?"
    rf"(?:(?:overall\s{{1,3}})?(?:{_CHANGE_NOUNS})\s{{1,3}}of\s{{1,3}}|(?:up|down|or|representing|marking|which\s{{1,3}}"
    rf"(?:is|was|represents|represented|marks|marked))\s{{1,3}}(?:(?:an?\s{{1,3}})?(?:{_CHANGE_NOUNS})\s{{1,3}}of\s{{1,3}})?"
    rf"|by\s{{1,3}})?(?:by\s{{1,3}})?$"
)
# "B, up 74% from A": the stated change between the endpoints.
_INNER_LEFT = regex.compile(
    rf"(?i)^{_NOUNS}\s{{0,3}}(?:{TIME_PHRASE}\s{{0,3}})?[,;(–—]\s{{0,3}}(?:(?:up|down|rising|falling|climbing|dropping|"
    rf"increasing|decreasing|gaining|jumping|an?\s{{1,3}}(?:{_CHANGE_NOUNS})\s{{1,3}}of)\s{{1,3}})(?:by\s{{1,3}})?$"
)
_INNER_RIGHT = regex.compile(
    rf"(?i)^\s{{1,3}}(?:(?:{_CHANGE_NOUNS})\s{{1,3}})?(?:from|on|over|compared\s{{1,3}}(?:with|to)|versus|against)"
    rf"\s{{1,3}}(?:{TIME_PHRASE}(?:['’]s)?\s{{1,3}})?$"
)
# "a share", "per tonne", "an hour" right after a value: a rate, which is the endpoint only of a rate.
_RATE_AFTER = regex.compile(r"(?i)\s{1,3}(?:a|an|per|each)\s{1,3}([a-z]{3,20})\b")
_CHAIN = regex.compile(r"(?i)^\s{0,3},?\s{0,3}(?:or|\(|–|—)\s{0,3}$")
_FOLD_AFTER = regex.compile(r"(?i)^(?:[\s-]?fold\b|\s{1,3}times\b)")
_POINTS_AFTER = regex.compile(
    r"(?i)^(?:\s{1,3}|-)(?:percentage[\s-]{1,3})?(?:points?|pts?)\b|^\s{1,3}an?\s{1,3}(?:percentage\s{1,3})?point\b"
)
_THAN_AFTER = regex.compile(
    r"(?i)^\s{1,3}(?:higher|lower|more|less|fewer|above|below|bigger|smaller|larger|greater)\s{1,3}than\b"
)
# "prices range from $50 to $150": a spread, not a change.
_SPREAD_BEFORE = regex.compile(
    r"(?i)\b(?:range[sd]?|ranging|var(?:y|ies|ied|ying)|anywhere|spread|spanning|span)\s{1,3}(?:\w+\s{1,3}){0,2}$"
)
_PC_AFTER = regex.compile(r"(?i)^\s{1,3}(?:pc|pct)\b")

_NUMBER_WORDS = {
    "a": 1.0, "one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "six": 6.0, "seven": 7.0,
    "eight": 8.0, "nine": 9.0, "ten": 10.0, "eleven": 11.0, "twelve": 12.0, "fifteen": 15.0, "twenty": 20.0,
    "thirty": 30.0, "forty": 40.0, "fifty": 50.0, "hundred": 100.0, "a hundred": 100.0, "thousand": 1000.0,
}  # fmt: skip
_DENOMINATORS = {"half": 2.0, "halves": 2.0, "third": 3.0, "thirds": 3.0, "quarter": 4.0, "quarters": 4.0,
                 "fifth": 5.0, "fifths": 5.0, "tenth": 10.0, "tenths": 10.0}  # fmt: skip
_MULTIPLIER_VERBS = {"doubl": 2.0, "tripl": 3.0, "trebl": 3.0, "quadrupl": 4.0, "quintupl": 5.0, "halv": 0.5}
_HEDGE = (
    r"(?:more\s{1,3}than|over|nearly|almost|about|roughly|around|close\s{1,3}to|just\s{1,3}over|just\s{1,3}under|"
    r"less\s{1,3}than|at\s{1,3}least|well\s{1,3}over|some|approximately|more\s{1,3}or\s{1,3}less)"
)
_NUMBER_WORD = (
    r"\d{1,3}(?:\.\d{1,2})?|a\s{1,3}hundred|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|hundred|thousand"
)
# Change words that are not claims: "doubled", "more than tripled", "a fivefold increase", "by a third", "cut in half".
_MULTIPLIER = regex.compile(
    rf"(?i)\b(?:(?P<hedge>{_HEDGE})\s{{1,3}})?(?:"
    rf"(?P<verb>doubl|tripl|trebl|quadrupl|quintupl|halv)(?:ed|ing|es|e)\b"
    rf"|(?P<fold>{_NUMBER_WORD})[\s-]?fold\b"
    rf"|(?P<cut>cut|slashed|reduced)\s{{1,3}}in\s{{1,3}}half\b"
    rf"|by\s{{1,3}}(?:(?:a|one)\s{{1,3}})?(?:(?P<fhedge>{_HEDGE})\s{{1,3}})?(?:(?:a|one)\s{{1,3}})?(?P<den>half|third|quarter|fifth|tenth)\b"
    rf"|by\s{{1,3}}(?:(?P<fhedge2>{_HEDGE})\s{{1,3}})?(?P<num>two|three|four)[\s-](?P<dens>thirds|quarters|fifths|tenths)\b"
    rf"|by\s{{1,3}}a\s{{1,3}}factor\s{{1,3}}of\s{{1,3}}(?P<factor>{_NUMBER_WORD})\b)"
)
_CHANGE_CONTEXT = regex.compile(
    rf"(?i)\b(?:{'|'.join(sorted(_CHANGE_VERBS))}|{_CHANGE_NOUNS}|doubl\w*|tripl\w*|halv\w*|\w+fold)\b"
)

# Totals.
_TOTAL_EXHAUSTIVE = regex.compile(
    r"(?i)^(?P<lead>(?:\s{1,3}[\w'’-]{1,30}){0,5}?)\s{0,3}[,;:(–—]?\s{0,3}(?:"
    r"(?:(?:for|with|making|giving|to\s{1,3}make|or)\s{1,3})?(?:a|the)\s{1,3}(?:combined\s{1,3}|grand\s{1,3}|overall\s{1,3})?"
    r"total\s{1,3}of|totall?ing|adding\s{1,3}up\s{1,3}to|(?:which|that)\s{1,3}(?:makes?|made|adds?\s{1,3}up\s{1,3}to|"
    r"added\s{1,3}up\s{1,3}to|comes?\s{1,3}to|came\s{1,3}to|totals?|totall?ed)|(?:in\s{1,3}total|altogether|combined"
    r"|together),?(?:\s{1,3}(?:that\s{1,3}is|making|or))?)\s{1,3}$"
)
_TOTAL_INCREMENTAL = regex.compile(
    r"(?i)^(?P<lead>(?:\s{1,3}[\w'’-]{1,30}){0,5}?)\s{0,3}[,;:(–—]?\s{0,3}(?:bringing|taking|raising|pushing|"
    r"putting|lifting|which\s{1,3}(?:brings|brought|takes|took|raises|raised))\s{1,3}(?:the|its|their|his|her)\s{1,3}"
    r"(?:(?:overall|combined|cumulative|running|total)\s{1,3})?(?:total|tally|number|count|sum|toll)\s{1,3}"
    r"(?:[\w'’-]{1,30}\s{1,3}){0,3}?to\s{1,3}$"
)
_TOTAL_SUFFIX = regex.compile(r"(?i)^\s{1,3}(?:in\s{1,3}total|in\s{1,3}all|altogether|combined)\b")
_TOTAL_SUFFIX_GAP = regex.compile(r"(?i)^\s{0,3}[,;:–—]\s{0,3}(?:(?:or|so|making|that\s{1,3}is)\s{1,3})?$")
_NOT_WHOLE = frozenset("out of among including includes included from than".split())
_LIST_JOINERS = frozenset({"and", "plus", "&"})

# Shares of one whole.
_SHARE_CUE = regex.compile(
    r"(?i)\b(?:of\s{1,3}the\s{1,3}(?:popular\s{1,3}|total\s{1,3})?vote|of\s{1,3}(?:all\s{1,3})?(?:the\s{1,3})?votes"
    r"(?:\s{1,3}cast)?|vote\s{1,3}share|share\s{1,3}of\s{1,3}the\s{1,3}vote|market\s{1,3}share|of\s{1,3}the\s{1,3}market"
    r"|of\s{1,3}the\s{1,3}(?:energy|electricity|power|fuel)\s{1,3}mix)\b"
)
_ANSWERS = (
    ("yes", r"said\s{1,3}yes|voted\s{1,3}yes"),
    ("no", r"said\s{1,3}no|voted\s{1,3}no"),
    ("for", r"in\s{1,3}favou?r|voted\s{1,3}for"),
    ("against", r"against|opposed?"),
    ("support", r"support(?:ed|s)?"),
    ("approve", r"(?<!dis)approved?"),
    ("disapprove", r"disapproved?"),
    ("agree", r"(?<!dis)agreed?"),
    ("disagree", r"disagreed?"),
    ("undecided", r"undecided|unsure|(?:did\s{1,3}not|didn['’]t|don['’]t|do\s{1,3}not)\s{1,3}know|no\s{1,3}opinion"),
)
_NOT_ONE_WHOLE = regex.compile(
    r"(?i)\b(?:respectively|each|both|more\s{1,3}than\s{1,3}one|multiple|could\s{1,3}(?:choose|pick|select)|at\s{1,3}"
    r"least\s{1,3}one|rose|fell|increased?|decreased?|compared|versus|from|while\s{1,3}in|whereas\s{1,3}in)\b"
)
_SHARE_GAP = regex.compile(r"(?i)^[^<]{0,80}$")

# Ratios stated two ways.
_RESTATE = regex.compile(
    r"(?i)^(?:\s{1,3}[A-Za-z][\w'’-]{0,30}){0,4}\s{0,3}(?:,\s{0,3}(?:or|that\s{1,3}is|i\.e\.,?|some|about|around|"
    r"roughly|nearly|almost|equivalent\s{1,3}to|representing)|\(|–|—|,?\s{0,3}or)\s{0,3}$"
)
_OF_WHOLE = regex.compile(r"(?i)^\s{1,3}of\s{1,3}(?:the|its|their|his|her|our|all|all\s{1,3}the)?\s{0,3}$")
_RATIO_TEXT = regex.compile(r"(?i)\b(?:in|out\s{1,3}of)\b")


@dataclass(frozen=True, slots=True)
class _Problem:
    what: str
    computation: str
    claims: tuple[Claim, ...]
    key: str


@dataclass(frozen=True, slots=True)
class _Pair:
    """Two endpoints of a change, in time order, and where they sit in the text."""

    start: Value
    end: Value
    first: int  # offset where the pair begins in the text
    last: int  # offset where it ends
    claims: tuple[Claim, ...]


@dataclass(frozen=True, slots=True)
class _Stated:
    """A stated change: what it claims and how to test it.

    ``kind``: "percent" (relative change, in percent), "points" (B - A in
    percentage points), "amount" (B - A in the endpoints' unit), "ratio" (B / A).
    """

    kind: str
    low: float
    high: float
    text: str
    start: int
    end: int
    claim: Claim | None


class Arithmetic(Check):
    name: ClassVar[str] = "arithmetic"
    MESSAGE_FIELDS: ClassVar[frozenset[str]] = frozenset("what computation stated".split())
    description: ClassVar[str] = "Numbers in one sentence that do not add up: changes, totals, shares and ratios."
    OPTIONS: ClassVar[Mapping[str, Option]] = {
        "relative_tolerance": Option(
            "number", 0.02, "Relative slack on a computed value before the stated one is called wrong."
        ),
        "absolute_tolerance": Option(
            "number", 0.5, "Extra slack, in percentage points, on computed percentages and shares."
        ),
        "multiplier_tolerance": Option(
            "number", 0.1, "How far 'doubled', 'tripled' or 'N-fold' may be from the exact multiple (relative)."
        ),
        "fraction_tolerance": Option(
            "number", 0.12, "How far 'a third' or 'one in five' may be from the exact fraction (relative)."
        ),
        "readings": Option(
            "string_list", ("changes", "totals", "shares", "ratios"), "Which readings to run (all by default)."
        ),
    }

    def run(self, context: CheckContext) -> list[Finding]:
        options = context.rule.options
        readings = set(options["readings"])
        findings: dict[str, Finding] = {}
        for doc_index, document in enumerate(context.documents):
            reader = _Reader(document, options)
            for sentence in by_sentence(doc_index, context.claims[doc_index]):
                if not sentence.claims or (len(sentence.claims) < 2 and sentence.claims[0].qualifier != "range"):
                    continue
                problems: list[_Problem] = []
                if "changes" in readings:
                    problems.extend(reader.changes(sentence))
                if "totals" in readings:
                    problems.extend(reader.totals(sentence))
                if "shares" in readings:
                    problems.extend(reader.shares(sentence))
                if "ratios" in readings:
                    problems.extend(reader.ratios(sentence))
                for problem in problems:
                    finding = _finding(context, document, problem)
                    findings.setdefault(finding.id, finding)
        return list(findings.values())


def _finding(context: CheckContext, document: Document, problem: _Problem) -> Finding:
    rule = context.rule
    locations = tuple(location(document, claim) for claim in problem.claims)
    stated = problem.claims[0].text if problem.claims else ""
    message = rule.message.format(what=problem.what, computation=problem.computation, stated=stated)
    parts = [(document.path, claim.text) for claim in problem.claims] + [(document.path, problem.key)]
    return Finding(
        id=fingerprint(rule.id, problem.what, parts),
        rule=rule.id,
        kind="arithmetic_error",
        severity=rule.severity,
        message=message,
        subject=problem.what,
        locations=locations,
    )


def _abs_interval(low: float, high: float) -> tuple[float, float]:
    if low >= 0:
        return low, high
    if high <= 0:
        return -high, -low
    return 0.0, max(-low, high)


class _Reader:
    """Reads one document's sentences; each method returns the problems of one reading."""

    def __init__(self, document: Document, options: Mapping[str, Any]) -> None:
        self.document = document
        self.prose = document.prose
        self.relative = float(options["relative_tolerance"])
        self.absolute = float(options["absolute_tolerance"])
        self.multiplier = float(options["multiplier_tolerance"])
        self.fraction = float(options["fraction_tolerance"])

    # -- helpers -------------------------------------------------------------------------------------

    def _gap(self, sentence: Sentence, start: int, end: int) -> str:
        return gap(self.prose, sentence.claims, start, end)

    def _outside(
        self,
        stated: tuple[float, float],
        computed: tuple[float, float],
        absolute: float,
        relative: float | None = None,
    ) -> bool:
        """Whether a stated interval misses a computed one by more than the tolerances."""
        lo, hi = computed
        finite = [abs(v) for v in (lo, hi) if math.isfinite(v)]
        middle = sum(finite) / len(finite) if finite else 0.0
        margin = max(absolute, (self.relative if relative is None else relative) * middle)
        return stated[1] < lo - margin or stated[0] > hi + margin

    # -- changes -------------------------------------------------------------------------------------

    def changes(self, sentence: Sentence) -> list[_Problem]:
        text = self.prose[sentence.start : sentence.end]
        if _NOT_FROM_ENDPOINTS.search(text):
            return []
        problems: list[_Problem] = []
        checks = [(pair, change) for pair in self._pairs(sentence) for change in self._stated_changes(sentence, pair)]
        checks.extend(self._inner_changes(sentence))
        for pair, change in checks:
            problem = self._check_change(pair, change)
            if problem is not None:
                problems.append(problem)
        return problems

    def _inner_changes(self, sentence: Sentence) -> list[tuple[_Pair, _Stated]]:
        """ "$244bn in 2024, up 74% from $140bn in 2021": end, stated change, start."""
        out = []
        valued = self._valued(sentence)
        for end_claim, middle, start_claim in zip(valued, valued[1:], valued[2:], strict=False):
            a, b = value_of(start_claim), value_of(end_claim)
            if a is None or b is None or not a.exact or not b.exact:
                continue
            if a.dimension != b.dimension or start_claim.unit != end_claim.unit:
                continue
            if not _INNER_LEFT.match(self._gap(sentence, end_claim.end, middle.start)):
                continue
            if not _INNER_RIGHT.match(self._gap(sentence, self._claim_end(sentence, middle), start_claim.start)):
                continue
            pair = _Pair(a, b, end_claim.start, start_claim.end, (end_claim, start_claim))
            stated = self._stated_claim(sentence, middle, pair, after=True, cue=True)
            if stated is not None:
                out.append((pair, stated))
        return out

    def _claim_end(self, sentence: Sentence, claim: Claim) -> int:
        """Where a claim's wording ends: after "-fold", "times", "points" or "pc" when they follow it."""
        following = self.prose[claim.end : min(sentence.end, claim.end + 30)]
        for pattern in (_FOLD_AFTER, _POINTS_AFTER, _PC_AFTER):
            match = pattern.match(following)
            if match:
                return claim.end + int(match.end())
        return claim.end

    def _valued(self, sentence: Sentence) -> list[Claim]:
        """Claims that can be endpoints or stated changes: not times, not durations."""
        return [c for c in sentence.claims if c.kind not in ("date", "year", "duration", "ordinal")]

    def _rate(self, claim: Claim) -> str:
        """What a value is per, when the words after it say ("$1.37 a share", "$12 an hour"), else ""."""
        match = _RATE_AFTER.match(self.prose, claim.end, min(len(self.prose), claim.end + 30))
        return match.group(1).lower() if match else ""

    def _pairs(self, sentence: Sentence) -> list[_Pair]:
        pairs: list[_Pair] = []
        valued = self._valued(sentence)
        for claim in valued:
            ends = range_values(claim, self.prose)
            if _SPREAD_BEFORE.search(self.prose[max(sentence.start, claim.start - 40) : claim.start]):
                continue
            if ends is not None and ends[0].exact and ends[1].exact:
                pairs.append(_Pair(ends[0], ends[1], claim.start, claim.end, (claim,)))
        for left, right in itertools.pairwise(valued):
            a, b = value_of(left), value_of(right)
            if a is None or b is None or not a.exact or not b.exact:
                continue
            if a.dimension != b.dimension or left.unit != right.unit or left.aspect == "change":
                continue
            rate = self._rate(left)
            if rate and rate != self._rate(right):
                # "$412 million, or $1.37 a share, from $377 million": a rate is not a total.  A rate after
                # the second value only may be the pair's ("from $9 to $12 an hour").
                continue
            if right.aspect == "change" and not _FROM_BEFORE.search(self.prose[sentence.start : left.start]):
                continue
            between = self._gap(sentence, left.end, right.start)
            before = self.prose[max(sentence.start, left.start - 40) : left.start]
            spread = _SPREAD_BEFORE.search(regex.sub(r"(?i)from\s{0,3}$", "", before))
            if _FORWARD.match(between) and _FROM_BEFORE.search(before) and not spread:
                pairs.append(_Pair(a, b, left.start, right.end, (left, right)))
            elif _BACKWARD.match(between):
                pairs.append(_Pair(b, a, left.start, right.end, (left, right)))
        return pairs

    def _stated_changes(self, sentence: Sentence, pair: _Pair) -> list[_Stated]:
        """Stated changes attached to a pair: right before it or right after it, and what they chain to."""
        out: list[_Stated] = []
        valued = [c for c in self._valued(sentence) if c not in pair.claims]
        words_found = self._multiplier_words(sentence)
        # Right before the pair.
        before = [c for c in valued if c.end <= pair.first]
        candidates: list[tuple[int, int, Claim | None, _Stated | None]] = []
        if before:
            candidates.append((before[-1].start, self._claim_end(sentence, before[-1]), before[-1], None))
        for found in words_found:
            if found.end <= pair.first:
                candidates.append((found.start, found.end, None, found))
        for start, end, near, word in candidates:
            if not _BEFORE_PAIR.match(self._gap(sentence, end, pair.first)):
                continue
            if any(start < w.end and w.start < end for w in words_found if w is not word) and near is not None:
                continue  # the claim is part of a change word ("by a third")
            if word is not None:
                out.append(word)
                continue
            assert near is not None
            stated = self._stated_claim(sentence, near, pair, after=False)
            if stated is not None:
                out.append(stated)
                out.extend(self._chained(sentence, valued, near, pair, backwards=True))
        # Right after the pair.
        after = [c for c in valued if c.start >= pair.last]
        candidates = []
        if after:
            candidates.append((after[0].start, after[0].end, after[0], None))
        for found in words_found:
            if found.start >= pair.last:
                candidates.append((found.start, found.end, None, found))
        for start, end, near, word in candidates:
            between = self._gap(sentence, pair.last, start)
            if not _AFTER_PAIR.match(between):
                continue
            if any(start < w.end and w.start < end for w in words_found if w is not word) and near is not None:
                continue
            if word is not None:
                out.append(word)
                continue
            assert near is not None
            claim = near
            cue = bool(regex.search(rf"(?i)\b(?:{_CHANGE_NOUNS}|up|down|by)\b", between))
            stated = self._stated_claim(sentence, claim, pair, after=True, cue=cue)
            if stated is not None:
                out.append(stated)
                out.extend(self._chained(sentence, valued, claim, pair, backwards=False))
        return out

    def _chained(
        self, sentence: Sentence, valued: Sequence[Claim], claim: Claim, pair: _Pair, *, backwards: bool
    ) -> list[_Stated]:
        """ "rose by $104bn, or 74 percent, from ...": the change restated before (or after) the first."""
        index = valued.index(claim)
        other_index = index - 1 if backwards else index + 1
        if not 0 <= other_index < len(valued):
            return []
        other = valued[other_index]
        first, second = (other, claim) if backwards else (claim, other)
        if not _CHAIN.match(self._gap(sentence, self._claim_end(sentence, first), second.start)):
            return []
        stated = self._stated_claim(sentence, other, pair, after=not backwards, cue=True)
        return [stated] if stated is not None else []

    def _stated_claim(
        self, sentence: Sentence, claim: Claim, pair: _Pair, *, after: bool, cue: bool = False
    ) -> _Stated | None:
        """What a claim next to a pair states about the change, or None when it states none."""
        prose = self.prose
        following = prose[claim.end : min(sentence.end, claim.end + 30)]
        previous = word_before(prose, claim.start, sentence.start)
        next_word = word_after(prose, self._claim_end(sentence, claim), sentence.end)
        has_cue = (
            cue
            or claim.aspect == "change"
            or previous in _CHANGE_VERBS
            or previous in ("by", "or")
            or next_word in _AFTER_WORDS
        )
        if not has_cue:
            return None
        if next_word == "of" and not cue:
            return None  # "50 percent of the total": a share, not a change
        if _THAN_AFTER.match(following):
            return None  # "40 percent higher than forecast": against something else
        low, high = _claim_interval(claim)
        dimension = pair.start.dimension
        wording = prose[claim.start : self._claim_end(sentence, claim)]
        if _FOLD_AFTER.match(following) and claim.kind == "number":
            if not (previous in _CHANGE_VERBS or previous == "by" or cue):
                return None
            tolerance = self.multiplier * (claim.value or 0.0)
            return _Stated("ratio", low - tolerance, high + tolerance, wording, claim.start, claim.end, claim)
        if claim.kind == "percentage_point" or (claim.kind == "number" and _POINTS_AFTER.match(following)):
            if dimension != "percent":
                return None
            if claim.kind == "number":
                step = (claim.step or 0.0) / 2
                low = (claim.low if claim.low is not None else 0.0) - step
                high = (claim.high if claim.high is not None else math.inf) + step
            return _Stated("points", low, high, wording, claim.start, claim.end, claim)
        if claim.kind == "percent" or (claim.kind == "number" and _PC_AFTER.match(following)):
            return _Stated("percent", low, high, wording, claim.start, claim.end, claim)
        if (
            claim.kind == "number"
            and claim.value is not None
            and 0 < claim.value < 1
            and _is_fraction_text(claim.text)
            and dimension != "percent"
        ):
            spread = self.fraction * claim.value * 100
            return _Stated("percent", low * 100 - spread, high * 100 + spread, wording, claim.start, claim.end, claim)
        same_unit = claim.dimension == dimension and claim.unit == pair.start.claim.unit
        if same_unit and (previous in ("by", "or") or (after and cue) or claim.aspect == "change"):
            return _Stated("amount", low, high, wording, claim.start, claim.end, claim)
        return None

    def _multiplier_words(self, sentence: Sentence) -> list[_Stated]:
        """ "doubled", "more than tripled", "a fivefold increase", "by a third", "cut in half"."""
        out = []
        text = self.prose[sentence.start : sentence.end]
        for match in _MULTIPLIER.finditer(text):
            hedge = (match.group("hedge") or match.group("fhedge") or match.group("fhedge2") or "").lower()
            hedge = " ".join(hedge.split())
            start, end = sentence.start + match.start(), sentence.start + match.end()
            if match.group("verb"):
                factor = _MULTIPLIER_VERBS[match.group("verb").lower()]
                low, high = self._hedged(factor, hedge, self.multiplier)
                out.append(_Stated("ratio", low, high, match.group().strip(), start, end, None))
            elif match.group("fold") or match.group("factor"):
                number = _number(match.group("fold") or match.group("factor"))
                if number is None or number <= 1:
                    continue
                low, high = self._hedged(number, hedge, self.multiplier)
                out.append(_Stated("ratio", low, high, match.group().strip(), start, end, None))
            elif match.group("cut"):
                low, high = self._hedged(0.5, hedge, self.multiplier)
                out.append(_Stated("ratio", low, high, match.group().strip(), start, end, None))
            elif match.group("den") or match.group("dens"):
                numerator = _number(match.group("num")) if match.group("num") else 1.0
                denominator = _DENOMINATORS[(match.group("den") or match.group("dens")).lower()]
                if numerator is None:
                    continue
                share = numerator / denominator * 100
                low, high = self._hedged(share, hedge, self.fraction)
                out.append(_Stated("percent", low, high, match.group().strip(), start, end, None))
        return out

    @staticmethod
    def _hedged(value: float, hedge: str, tolerance: float) -> tuple[float, float]:
        """The interval a multiple or fraction stands for, given the hedge before it."""
        if hedge in ("more than", "over", "at least", "well over", "just over"):
            return value * (1 - tolerance / 5), math.inf
        if hedge in ("nearly", "almost", "close to", "just under"):
            return value * (1 - 1.5 * tolerance), value * (1 + tolerance / 5)
        if hedge == "less than":
            return 0.0, value * (1 + tolerance / 5)
        if hedge:
            return value * (1 - 1.5 * tolerance), value * (1 + 1.5 * tolerance)
        return value * (1 - tolerance), value * (1 + tolerance)

    def _check_change(self, pair: _Pair, stated: _Stated) -> _Problem | None:
        a, b = pair.start, pair.end
        scale, suffix = common_scale(a.shown, b.shown)
        a_text, b_text = scaled(a.shown, scale), scaled(b.shown, scale)
        percent_ends = a.dimension == "percent"
        unit = "%" if percent_ends else suffix
        ratio = (b.low / a.high, b.high / a.low) if a.low > 0 and b.low >= 0 else None
        difference = (b.low - a.high, b.high - a.low)
        claims = tuple(c for c in (stated.claim,) if c is not None) + pair.claims
        key = f"{stated.text}|{a.text}|{b.text}"
        says = f"text says {_quote(stated)}"
        if stated.kind == "percent":
            readings = []
            computed_text = []
            if ratio is not None:
                change = _abs_interval((ratio[0] - 1) * 100, (ratio[1] - 1) * 100)
                readings.append(change)
                exact = (b.shown / a.shown - 1) * 100 if a.shown else math.nan
                computed_text.append(f"{b_text} / {a_text} - 1 = {show(exact)}%")
            if percent_ends:
                readings.append(_abs_interval(*difference))
                computed_text.append(f"{b_text} - {a_text} = {show(b.shown - a.shown)} points")
            if not readings:
                return None
            if all(self._outside((stated.low, stated.high), r, self.absolute) for r in readings):
                return _Problem(
                    "change does not match its endpoints", f"{' and '.join(computed_text)}, {says}", claims, key
                )
            return None
        if stated.kind == "points":
            change = _abs_interval(*difference)
            if self._outside((stated.low, stated.high), change, 0.0):
                computation = f"{b_text}% - {a_text}% = {show(b.shown - a.shown)} points, {says}"
                return _Problem("change does not match its endpoints", computation, claims, key)
            return None
        if stated.kind == "amount":
            change = _abs_interval(*difference)
            if self._outside((stated.low, stated.high), change, 0.0):
                computation = f"{b_text}{unit} - {a_text}{unit} = {scaled(b.shown - a.shown, scale)}{unit}, {says}"
                return _Problem("change does not match its endpoints", computation, claims, key)
            return None
        if stated.kind == "ratio" and ratio is not None and self._outside((stated.low, stated.high), ratio, 0.0):
            exact = b.shown / a.shown if a.shown else math.nan
            computation = f"{b_text} / {a_text} = {show(exact)} times, {says}"
            return _Problem("multiple does not match its endpoints", computation, claims, key)
        return None

    # -- totals --------------------------------------------------------------------------------------

    def totals(self, sentence: Sentence) -> list[_Problem]:
        problems = []
        valued = [c for c in self._valued(sentence) if c.aspect == "level"]
        for index, total in enumerate(valued):
            if index < 2:
                continue
            total_value = value_of(total)
            if total_value is None:
                continue
            last = valued[index - 1]
            between = self._gap(sentence, last.end, total.start)
            exhaustive = _TOTAL_EXHAUSTIVE.match(between)
            incremental = None if exhaustive else _TOTAL_INCREMENTAL.match(between)
            marker = exhaustive or incremental
            suffix = False
            if marker is None:
                following = self.prose[total.end : sentence.end]
                if not (_TOTAL_SUFFIX.match(following) and _TOTAL_SUFFIX_GAP.match(between)):
                    continue
                suffix = True
            lead = str(marker.group("lead") or "") if marker is not None else ""
            if set(words(lead)) & _NOT_WHOLE or "of" in words(lead):
                continue
            run = self._parts(sentence, valued[:index], total)
            if len(run) < 2 or not self._same_things(sentence, run, total):
                continue
            problem = self._check_total(run, total, total_value, only_excess=bool(incremental) and not suffix)
            if problem is not None:
                problems.append(problem)
        return problems

    def _parts(self, sentence: Sentence, before: Sequence[Claim], total: Claim) -> list[Claim]:
        """The list of parts that ends right before the total marker: "A, B and C"."""
        run: list[Claim] = [before[-1]]
        for claim in reversed(before[:-1]):
            nxt = run[0]
            if claim.dimension != total.dimension or claim.unit != total.unit:
                break
            between = self._gap(sentence, claim.end, nxt.start)
            found = words(between)
            if NUMBER in between or len(found) > 8 or regex.search(r"[:;()]", between):
                break
            if len(run) == 1:
                if not (set(found) & _LIST_JOINERS):
                    break
            elif "," not in between and not (set(found) & _LIST_JOINERS):
                break
            run.insert(0, claim)
        if run[-1].dimension != total.dimension or run[-1].unit != total.unit:
            return []
        return run if len(run) >= 2 else []

    def _same_things(self, sentence: Sentence, run: Sequence[Claim], total: Claim) -> bool:
        """Whether the total counts what its parts count ("sons and daughters, a total of 11 grandchildren": no)."""
        noun = _singular(word_after(self.prose, total.end, sentence.end))
        if not noun or noun in _NOT_NOUNS or noun in _GENERIC_NOUNS:
            return True
        counted = {_singular(word_after(self.prose, c.end, sentence.end)) for c in run}
        for claim in run:
            counted.update(_singular(w) for w in words(claim.subject or ""))
        return noun in counted

    def _check_total(
        self, run: Sequence[Claim], total: Claim, total_value: Value, *, only_excess: bool
    ) -> _Problem | None:
        values = [value_of(c) for c in run]
        if any(v is None for v in values):
            return None
        parts = [v for v in values if v is not None]
        for size in range(2, len(parts) + 1):
            subset = parts[-size:]
            low = sum(v.low for v in subset)
            high = sum(v.high for v in subset)
            if not self._outside((total_value.low, total_value.high), (low, high), 0.0, 0.0):
                return None
            if only_excess and low <= total_value.high:
                return None
        scale, suffix = common_scale(*(v.shown for v in parts), total_value.shown)
        written = " + ".join(scaled(v.shown, scale) for v in parts)
        result = scaled(sum(v.shown for v in parts), scale)
        computation = f"{written} = {result}{suffix}, text says {total.text}"
        key = "+".join(v.text for v in parts) + f"={total.text}"
        return _Problem("parts do not add up to the total", computation, (total, *run), key)

    # -- shares --------------------------------------------------------------------------------------

    def shares(self, sentence: Sentence) -> list[_Problem]:
        text = self.prose[sentence.start : sentence.end]
        percents = [c for c in sentence.claims if c.kind == "percent" and c.aspect == "level"]
        if len(percents) < 2 or _NOT_ONE_WHOLE.search(text):
            return []
        if any(c.kind in ("date", "year") for c in sentence.claims):
            return []
        if not (self._whole_named(sentence, percents) or self._answers(sentence, percents)):
            return []
        for left, right in itertools.pairwise(percents):
            between = self._gap(sentence, left.end, right.start)
            if NUMBER in between or TIME in between or not _SHARE_GAP.match(between):
                return []
        objects = {self._of_object(c, sentence) for c in percents} - {""}
        if len(objects) > 1:
            return []  # "45 percent of men and 60 percent of women": two wholes
        values = [value_of(c) for c in percents]
        if any(v is None for v in values):
            return []
        lows = [v.low for v in values if v is not None]
        total_low = sum(lows)
        if total_low <= 100 + self.absolute:
            return []
        written = " + ".join(f"{show(v.shown)}%" for v in values if v is not None)
        total = sum(v.shown for v in values if v is not None)
        computation = f"{written} = {show(total)}%, more than the whole"
        key = "+".join(c.text for c in percents)
        return [_Problem("shares of one whole add up to more than 100%", computation, tuple(percents), key)]

    def _whole_named(self, sentence: Sentence, percents: Sequence[Claim]) -> bool:
        """The first share names the whole ("52 percent of the vote"), or the whole comes before all of them."""
        first = percents[0]
        cue = _SHARE_CUE.search(self.prose, sentence.start, sentence.end)
        if cue is None:
            return False
        start, end = int(cue.start()), int(cue.end())
        return end <= first.start or start - first.end <= 4

    def _answers(self, sentence: Sentence, percents: Sequence[Claim]) -> bool:
        """Every share is followed by its answer to one question, and two answers differ ("said yes", "said no").

        The answer may take a short object ("supported the plan", "opposed it") but no clause of its own
        ("oppose raising taxes to pay for it" answers another question).
        """
        found = set()
        for claim in percents:
            following = self.prose[claim.end : min(sentence.end, claim.end + 80)]
            name = None
            for label, pattern in _ANSWERS:
                match = regex.match(
                    rf"(?i)^(?:\s{{1,3}}(?:of\s{{1,3}})?[\w'’-]{{1,20}}){{0,2}}?\s{{1,3}}(?:were\s{{1,3}}|are\s{{1,3}}|was\s{{1,3}})?"
                    rf"(?:{pattern})\b(?P<rest>[^,;.]{{0,60}})",
                    following,
                )
                if match is None:
                    continue
                rest = regex.split(r"(?i)\band\b|\bwhile\b|\bwhereas\b", match.group("rest"))[0]
                if len(words(rest)) <= 2:
                    name = label
                    break
            if name is None:
                return False
            found.add(name)
        return len(found) >= 2

    def _of_object(self, claim: Claim, sentence: Sentence) -> str:
        match = regex.match(
            r"(?i)\s{1,3}of\s{1,3}(?:the\s{1,3}|all\s{1,3})?([A-Za-z][\w-]{0,30})", self.prose[claim.end : sentence.end]
        )
        return match.group(1).lower() if match else ""

    # -- ratios --------------------------------------------------------------------------------------

    def ratios(self, sentence: Sentence) -> list[_Problem]:
        problems = []
        valued = self._valued(sentence)
        for index, first in enumerate(valued[:-1]):
            second = valued[index + 1]
            third = valued[index + 2] if index + 2 < len(valued) else None
            problem = self._ratio_three(sentence, first, second, third)
            if problem is None:
                problem = self._ratio_two(sentence, first, second)
            if problem is not None:
                problems.append(problem)
        return problems

    def _fraction(self, claim: Claim) -> tuple[float, float] | None:
        """The proportion a claim states, as an interval of fractions (0..1)."""
        if claim.kind == "percent" and claim.aspect == "level":
            low, high = _claim_interval(claim)
            return low / 100, high / 100
        if claim.kind == "number" and claim.value is not None and 0 < claim.value < 1:
            if not (_is_fraction_text(claim.text) or _RATIO_TEXT.search(claim.text)):
                return None
            low = claim.low if claim.low is not None else 0.0
            high = claim.high if claim.high is not None else 1.0
            spread = self.fraction if _is_fraction_text(claim.text) else 0.005
            return low * (1 - spread), high * (1 + spread)
        return None

    def _ratio_two(self, sentence: Sentence, first: Claim, second: Claim) -> _Problem | None:
        """ "one in five adults, or 20 percent"."""
        if not _RESTATE.match(self._gap(sentence, first.end, second.start)):
            return None
        kinds = {first.kind, second.kind}
        if "percent" not in kinds or kinds == {"percent"}:
            return None
        a, b = self._fraction(first), self._fraction(second)
        if a is None or b is None:
            return None
        if not self._outside(a, b, self.absolute / 100):
            return None
        fraction, percent = (first, second) if first.kind != "percent" else (second, first)
        value = fraction.value or 0.0
        computation = f"{fraction.text} = {show(value * 100)}%, text says {percent.text}"
        key = f"{fraction.text}={percent.text}"
        return _Problem("one proportion stated two ways disagrees", computation, (first, second), key)

    def _ratio_three(self, sentence: Sentence, first: Claim, second: Claim, third: Claim | None) -> _Problem | None:
        """ "a third of the 1,200 staff, or 500 people"; "300 of the 1,200 staff, or 25 percent"."""
        if third is None:
            return None
        if not _OF_WHOLE.match(self._gap(sentence, first.end, second.start)):
            return None
        if not _RESTATE.match(self._gap(sentence, second.end, third.start)):
            return None
        whole = value_of(second)
        if whole is None or not whole.exact or whole.low <= 0:
            return None
        share = self._fraction(first)
        if share is not None and third.kind == "percent":
            stated = self._fraction(third)
            if stated is None or first.kind == "percent" or not self._outside(share, stated, self.absolute / 100):
                return None
            computation = f"{first.text} = {show((first.value or 0.0) * 100)}%, text says {third.text}"
            key = f"{first.text}|{second.text}|{third.text}"
            return _Problem("one proportion stated two ways disagrees", computation, (first, third), key)
        if share is not None:
            part = value_of(third)
            if part is None or not part.exact or part.dimension != whole.dimension or second.unit != third.unit:
                return None
            computed = (share[0] * whole.low, share[1] * whole.high)
            if not self._outside((part.low, part.high), computed, 0.0):
                return None
            value = (first.value or 0.0) / (100 if first.kind == "percent" else 1)
            computation = f"{first.text} of {second.text} = {show(value * whole.shown)}, text says {third.text}"
            key = f"{first.text}|{second.text}|{third.text}"
            return _Problem("one proportion stated two ways disagrees", computation, (first, second, third), key)
        part = value_of(first)
        stated = self._fraction(third)
        if part is None or stated is None or third.kind != "percent" or not part.exact or (first.value or 0) < 1:
            return None
        if part.dimension != whole.dimension or first.unit != second.unit:
            return None
        computed = (part.low / whole.high, part.high / whole.low)
        if not self._outside(stated, computed, self.absolute / 100):
            return None
        exact = part.shown / whole.shown * 100 if whole.shown else math.nan
        computation = f"{first.text} / {second.text} = {show(exact)}%, text says {third.text}"
        key = f"{first.text}|{second.text}|{third.text}"
        return _Problem("one proportion stated two ways disagrees", computation, (first, second, third), key)


def _claim_interval(claim: Claim) -> tuple[float, float]:
    """The claim's interval in base units (percent for percents), widened by half a step."""
    step = claim.step or 0.0
    low = claim.low_base if claim.low_base is not None else -math.inf
    high = claim.high_base if claim.high_base is not None else math.inf
    return low - step / 2, high + step / 2


_NOT_NOUNS = frozenset(
    """in on at by for of to from and or but with as after before since during over under this that these those
    which who people's so this""".split()
)
_GENERIC_NOUNS = frozenset(
    """people person individual case item unit incident event victim casualty thing one total overall
    in altogether combined all""".split()
)


def _singular(word: str) -> str:
    word = word.lower()
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _is_fraction_text(text: str) -> bool:
    """ "a third", "two-thirds", "half", "one in five": a proportion written in words."""
    return bool(regex.search(r"(?i)[a-z]", text)) and not regex.search(r"\d", text)


def _number(text: str | None) -> float | None:
    if not text:
        return None
    text = " ".join(text.lower().split())
    if text in _NUMBER_WORDS:
        return _NUMBER_WORDS[text]
    try:
        return float(text)
    except ValueError:
        return None


def _quote(stated: _Stated) -> str:
    return f"'{stated.text}'" if stated.claim is None else stated.text
