"""reference: a claim that contradicts an established fact from the facts base.

The facts base is a YAML file (``rules/_data/facts.yaml`` unless the rule's
``facts`` option names another) that editors extend.  Each fact names a
subject, a date or a value, its source, and the phrasings that identify it in
a sentence; its format is documented in ``docs/internal-checks.md`` and
validated strictly here (every problem is a ``RuleError`` with file and line).

A phrasing is a short pattern of words::

    Nixon ... met|meets|meeting ... Mao        # words in order, "..." skips up to 6 words
    Everest stands|rises|measures {claim}      # {claim}: where the figure sits
    all {claim} EU member states|members

Words match whole words, case-insensitively, with an optional possessive
("Nixon's"); ``a|b`` is a choice and ``meet*`` a prefix.  Without a
``{claim}`` slot, the date or year the phrase is tied to is read from three
places only: inside the phrase ("Nixon's 1972 visit to China"), right after it
through names and place names ("Nixon met Mao Zedong in Beijing in 1971"),
or right before it ("In February 1972, Nixon met Mao").  Dates whose year is
not written ("September 11") are never checked.

A sentence that matches a fact and gives a date or value that cannot be the
fact's (after rounding, qualifiers and the fact's tolerance) is a finding;
when any date tied to the phrase agrees, or the sentence has one of the
fact's ``unless`` words, nothing is said.  A sentence the base does not cover
produces nothing.
"""

from __future__ import annotations

import calendar
import functools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

import regex
import yaml

from factcheck.checks.base import Check, CheckContext, Option, fingerprint, location
from factcheck.checks.sentence_claims import Sentence, by_sentence, explicit_year, interval
from factcheck.errors import RuleError
from factcheck.extract.numbers import format_number
from factcheck.model import Claim, Document, Finding
from factcheck.units import is_known, to_base
from factcheck.yamlnodes import compose
from factcheck.yamlnodes import line as _line
from factcheck.yamlnodes import mapping as _mapping

_FACT_KEYS = {"id", "subject", "date", "until", "value", "unit", "interval", "tolerance", "as_of", "source",
              "phrasings", "unless", "note"}  # fmt: skip
_REQUIRED = ("id", "subject", "source", "phrasings")
_GAP_WORDS = 6
_SLOT = "{claim}"
_SEPARATOR = r"[\s,;:'’\"“”()\[\]–—-]{1,4}"
_WORD_GAP = rf"(?:{_SEPARATOR}[\w'’.-]{{1,30}}){{0,{_GAP_WORDS}}}?{_SEPARATOR}"
_DATE_TEXT = regex.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?$")
# After a phrase, only names and place names lead to its date: "Mao Zedong in Beijing in 1971".
_AFTER_PHRASE = regex.compile(
    r"^(?:\s{1,3}[A-Z][\w'’.-]{0,30}){0,2}(?:,?\s{1,3}(?:in|to|at|of|with)\s{1,3}(?:the\s{1,3})?[A-Z][\w'’.-]{0,30}"
    r"(?:\s{1,3}[A-Z][\w'’.-]{0,30}){0,2}){0,2}\s{1,3}(?:in|on|during|of|back\s{1,3}in)\s{1,3}$"
)
# A sentence about an anniversary dates the commemoration, not the event.
_ANNIVERSARY = regex.compile(r"(?i)\b(?:anniversar(?:y|ies)|commemorat\w{0,10}|jubilee|centenary|centennial)\b")
_BEFORE_PHRASE = regex.compile(r"^\s{0,3}(?:,\s{0,3}(?:when\s{1,3}|as\s{1,3}|after\s{1,3})?|['’]s\s{1,3}|\s)$")


@dataclass(frozen=True, slots=True)
class Fact:
    """One established fact: a date (``start``..``end``) or a value (``low``..``high`` in base units)."""

    id: str
    subject: str
    source: str
    phrasings: tuple[regex.Pattern[str], ...]
    slots: tuple[bool, ...]
    start: date | None = None
    end: date | None = None
    low: float | None = None
    high: float | None = None
    dimension: str | None = None
    shown: str = ""
    as_of: date | None = None
    until: date | None = None
    unless: tuple[str, ...] = ()
    line: int = 0
    # For each phrasing, the words it cannot match without (``phrasing_needs``); empty: not known.
    needs: tuple[tuple[tuple[str, ...], ...], ...] = ()

    @property
    def is_date(self) -> bool:
        return self.start is not None


class Reference(Check):
    name: ClassVar[str] = "reference"
    MESSAGE_FIELDS: ClassVar[frozenset[str]] = frozenset("subject stated fact source id".split())
    description: ClassVar[str] = "A date or figure that contradicts an established fact in the facts base."
    OPTIONS: ClassVar[Mapping[str, Option]] = {
        "facts": Option(
            "string",
            "_data/facts.yaml",
            "The facts base: a path relative to the rule file's directory, else to the built-in rules directory.",
        ),
        "house_facts": Option(
            "string",
            "",
            "A house facts base merged over `facts` (a fact with the same id wins); set from the configuration's "
            "`facts = FILE`, relative to the configuration file, or given here as an absolute path.",
        ),
    }

    def run(self, context: CheckContext) -> list[Finding]:
        rule = context.rule
        facts = load_facts(_facts_path(rule.path, str(rule.options["facts"])))
        house = str(rule.options.get("house_facts", "") or "")
        if house:
            own = load_facts(Path(house))
            ids = {fact.id for fact in own}
            facts = own + tuple(fact for fact in facts if fact.id not in ids)
        if not facts:
            return []
        findings: dict[str, Finding] = {}
        # A sentence is tried against the facts whose phrasings it can match: each gated fact under the
        # pieces of words one of its phrasings needs (``_gate``), looked up once per sentence.
        always = [number for number, fact in enumerate(facts) if _gate(fact) is None]
        by_piece: dict[str, list[int]] = {}
        for number, fact in enumerate(facts):
            for piece in _gate(fact) or ():
                by_piece.setdefault(piece, []).append(number)
        for doc_index, document in enumerate(context.documents):
            for sentence in by_sentence(doc_index, context.claims[doc_index]):
                text = document.prose[sentence.start : sentence.end]
                lowered = text.lower()
                folded = text.casefold()
                tried = set(always)
                for piece, numbers in by_piece.items():
                    if piece in folded:
                        tried.update(numbers)
                for number in sorted(tried):
                    fact = facts[number]
                    if fact.needs and not any(_may_match(needs, folded) for needs in fact.needs):
                        continue  # none of its phrasings can match: a few substring tests, not the patterns
                    if fact.unless and _unless(fact.unless).search(lowered):
                        continue
                    problem = _check(document, sentence, text, fact)
                    if problem is None:
                        continue
                    claim, stated = problem
                    message = rule.message.format(
                        subject=fact.subject, stated=stated, fact=fact.shown, source=fact.source, id=fact.id
                    )
                    finding = Finding(
                        id=fingerprint(rule.id, fact.id, [(document.path, claim.text)]),
                        rule=rule.id,
                        kind="reference_mismatch",
                        severity=rule.severity,
                        message=message,
                        subject=fact.id,
                        locations=(location(document, claim),),
                    )
                    findings.setdefault(finding.id, finding)
        return list(findings.values())


def _gate(fact: Fact) -> tuple[str, ...] | None:
    """Pieces one of which a sentence has whenever a phrasing of the fact matches it: of each phrasing,
    the spellings of its most telling word (the longest shortest piece).  None: not known."""
    if not fact.needs or not all(fact.needs):
        return None
    pieces: set[str] = set()
    for needs in fact.needs:
        pieces.update(max(needs, key=lambda choices: (min(len(c) for c in choices), choices)))
    return tuple(sorted(pieces))


def _may_match(needs: tuple[tuple[str, ...], ...], folded: str) -> bool:
    """Whether a sentence (case folded) has, for each word a phrasing needs, one of its spellings."""
    return all(any(spelling in folded for spelling in choices) for choices in needs)


@functools.lru_cache(maxsize=1024)
def _unless(words: tuple[str, ...]) -> regex.Pattern[str]:
    """One pattern for a fact's ``unless`` words (compiled once, not per sentence)."""
    return regex.compile(r"\b(?:" + "|".join(regex.escape(w) for w in words) + r")\b")


def _facts_path(rule_path: str, option: str) -> Path:
    from factcheck.ruleset import builtin_rules_dir

    path = Path(option)
    if path.is_absolute():
        return path
    beside = Path(rule_path).parent / path
    if beside.exists():
        return beside
    return builtin_rules_dir() / path


def _check(document: Document, sentence: Sentence, text: str, fact: Fact) -> tuple[Claim, str] | None:
    """The claim that contradicts the fact in this sentence, and how it reads, if any."""
    for pattern, slotted in zip(fact.phrasings, fact.slots, strict=True):
        for match in pattern.finditer(text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            if slotted:
                at = sentence.start + match.start("slot")
                candidates = [c for c in sentence.claims if c.start - 1 <= at < c.end]
            elif _ANNIVERSARY.search(text):
                return None
            else:
                candidates = _tied(document.prose, sentence, start, end)
            problem = _against(document, fact, candidates)
            if problem is not None:
                return problem
            if candidates:
                return None  # the phrase is tied to a figure that agrees
    return None


def _tied(prose: str, sentence: Sentence, start: int, end: int) -> list[Claim]:
    """Time claims tied to a phrase at [start, end): inside it, right after it, right before it."""
    times = [c for c in sentence.claims if c.kind in ("date", "year") and explicit_year(c)]
    inside = [c for c in times if start <= c.start and c.end <= end]
    if inside:
        span = prose[start:end]
        return inside if len(inside) == 1 and "," not in span else []
    after = [c for c in times if c.start >= end]
    if after and _AFTER_PHRASE.match(prose[end : after[0].start]):
        return [after[0]]
    before = [c for c in times if c.end <= start]
    if before and _BEFORE_PHRASE.match(prose[before[-1].end : start]):
        return [before[-1]]
    return []


def _against(document: Document, fact: Fact, candidates: Sequence[Claim]) -> tuple[Claim, str] | None:
    if not candidates:
        return None
    if fact.is_date:
        assert fact.start is not None and fact.end is not None
        for claim in candidates:
            if claim.period is None or (claim.period.start <= fact.end and fact.start <= claim.period.end):
                return None
        claim = candidates[0]
        return claim, claim.text
    today = document.date
    if today is not None and ((fact.as_of and today < fact.as_of) or (fact.until and today > fact.until)):
        return None
    for claim in candidates:
        if claim.dimension != fact.dimension or (claim.magnitude is None and claim.low_base is None):
            return None
        low, high = interval(claim)
        assert fact.low is not None and fact.high is not None
        if low <= fact.high and fact.low <= high:
            return None
    claim = candidates[0]
    return claim, claim.text


# -- the facts base ------------------------------------------------------------------------------------


def load_facts(path: Path) -> tuple[Fact, ...]:
    """The facts of a facts base, validated; a problem is a RuleError naming the file and line."""
    try:
        stamp = path.stat().st_mtime_ns
    except OSError as error:
        raise RuleError(str(path), None, f"cannot read facts base: {error.strerror or error}") from None
    return _load(str(path), stamp)


@functools.lru_cache(maxsize=8)
def _load(path: str, _stamp: int) -> tuple[Fact, ...]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RuleError(path, None, f"cannot read facts base: {error}") from None
    return parse_facts(text, path)


def _scalar(node: yaml.Node, path: str, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
        raise RuleError(path, _line(node), f"{what} must be a non-empty string")
    return str(node.value)


def _strings(node: yaml.Node, path: str, what: str) -> list[tuple[str, int]]:
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        raise RuleError(path, _line(node), f"{what} must be a non-empty list of strings")
    return [(_scalar(item, path, f"an entry of {what}"), _line(item)) for item in node.value]


def _number(node: yaml.Node, path: str, what: str) -> float:
    value = yaml.SafeLoader(yaml.serialize(node)).get_single_data() if isinstance(node, yaml.ScalarNode) else None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(float(value)):
        raise RuleError(path, _line(node), f"{what} must be a number")
    return float(value)


def _date(node: yaml.Node, path: str, what: str, *, end: bool = False) -> date:
    """A date written YYYY, YYYY-MM or YYYY-MM-DD; ``end`` gives the last day it covers."""
    text = _scalar(node, path, what).strip()
    match = _DATE_TEXT.match(text)
    if not match:
        raise RuleError(path, _line(node), f"{what} must be a date written YYYY, YYYY-MM or YYYY-MM-DD, got {text!r}")
    year = int(match.group("y"))
    month = int(match.group("m") or (12 if end else 1))
    try:
        if match.group("d"):
            return date(year, month, int(match.group("d")))
        if end:
            following = date(year + (month == 12), month % 12 + 1, 1)
            return date.fromordinal(following.toordinal() - 1)
        return date(year, month, 1)
    except ValueError:
        raise RuleError(path, _line(node), f"{what}: no such date {text!r}") from None


def compile_phrasing(text: str) -> tuple[regex.Pattern[str], bool]:
    """A phrasing (see the module docstring) as a bounded regular expression, and whether it has a slot."""
    tokens = text.split()
    if not tokens:
        raise ValueError("empty phrasing")
    if tokens[0] == "..." or tokens[-1] == "...":
        raise ValueError("a phrasing cannot start or end with '...'")
    if tokens.count(_SLOT) > 1:
        raise ValueError("a phrasing has at most one {claim}")
    parts: list[str] = []
    gap_next = False
    for index, token in enumerate(tokens):
        if token == "...":
            if gap_next:
                raise ValueError("'...' twice in a row")
            gap_next = True
            continue
        if parts:
            parts.append(_WORD_GAP if gap_next else _SEPARATOR)
        gap_next = False
        if token == _SLOT:
            last = index == len(tokens) - 1
            # The claim starts at the slot; in the middle of a phrasing its figure is skipped over.
            parts.append(r"(?P<slot>)" if last else r"(?P<slot>)(?<![\w.,])[$€£¥]?\d[\d,.]{0,15}")
            continue
        choices = []
        for choice in token.split("|"):
            if not regex.fullmatch(r"[\w'’.&/-]{1,60}\*?", choice) or regex.search(r"^_|_$|__", choice):
                raise ValueError(f"bad word {choice!r} (letters, digits, ' . & / - _ and a final * only)")
            if choice.endswith("*"):
                choices.append(regex.escape(choice[:-1]) + r"[\w'’-]{0,20}")
            else:
                # "European_Union": words joined by "_" are one choice of several words.
                words = [regex.escape(w).replace("'", "['’]").replace("\\['’]", "['’]") for w in choice.split("_") if w]
                choices.append(r"[\s-]{1,3}".join(words) + r"(?:['’]s)?")
        parts.append(r"(?<!\w)(?:" + "|".join(choices) + r")(?!\w)")
    pattern = "".join(parts)
    return regex.compile("(?i)" + pattern), _SLOT in tokens


def phrasing_needs(text: str) -> tuple[tuple[str, ...], ...]:
    """What a sentence must contain, case folded, for a phrasing to match it: for each word of the
    phrasing, a piece of each of its choices (a match writes every word, each choice as letters in a
    row that case-fold to the piece's).  A choice with no such piece (an apostrophe alone) says nothing,
    nor then does its word."""
    needs = []
    for token in text.split():
        if token in ("...", _SLOT):
            continue
        pieces = []
        for choice in token.split("|"):
            literal = choice[:-1] if choice.endswith("*") else next((w for w in choice.split("_") if w), "")
            piece = max(regex.split(r"['’]", literal), key=len)
            if not piece:
                break
            pieces.append(piece.casefold())
        else:
            needs.append(tuple(pieces))
    return tuple(needs)


def parse_facts(text: str, path: str) -> tuple[Fact, ...]:
    """Validate a facts base's text; raise RuleError with file and line on any problem."""
    root = compose(text, path)
    if root is None:
        raise RuleError(path, 1, "empty facts base")
    items = _mapping(root, path, "the facts base")
    keys = {key for key, _node, _line_no in items}
    if keys != {"facts"}:
        extra = sorted(keys - {"facts"})
        line = next((ln for key, _n, ln in items if key in extra), _line(root))
        raise RuleError(path, line, f"unknown key '{extra[0]}' (expected 'facts')" if extra else "missing key 'facts'")
    facts_node = items[0][1]
    if not isinstance(facts_node, yaml.SequenceNode):
        raise RuleError(path, _line(facts_node), "'facts' must be a list")
    facts = []
    ids: dict[str, int] = {}
    for node in facts_node.value:
        fact = _fact(node, path)
        if fact.id in ids:
            raise RuleError(path, fact.line, f"duplicate fact id '{fact.id}' (first at line {ids[fact.id]})")
        ids[fact.id] = fact.line
        facts.append(fact)
    return tuple(facts)


def _fact(node: yaml.Node, path: str) -> Fact:
    fields: dict[str, tuple[yaml.Node, int]] = {}
    for key, value_node, line in _mapping(node, path, "a fact"):
        if key not in _FACT_KEYS:
            raise RuleError(
                path, line, f"unknown key '{key}' in a fact (expected one of: {', '.join(sorted(_FACT_KEYS))})"
            )
        fields[key] = (value_node, line)
    line = _line(node)
    for key in _REQUIRED:
        if key not in fields:
            raise RuleError(path, line, f"a fact needs '{key}'")
    fact_id = _scalar(fields["id"][0], path, "id")
    if not regex.fullmatch(r"[a-z0-9][a-z0-9-]{0,80}", fact_id):
        raise RuleError(path, fields["id"][1], f"id must be lower-case letters, digits and '-', got {fact_id!r}")
    has_date, has_value = "date" in fields, "value" in fields
    if has_date == has_value:
        raise RuleError(path, line, f"fact '{fact_id}' needs exactly one of 'date' and 'value'")
    phrasings, slots, needs = [], [], []
    for phrasing, phrasing_line in _strings(fields["phrasings"][0], path, "phrasings"):
        try:
            pattern, slotted = compile_phrasing(phrasing)
        except ValueError as error:
            raise RuleError(path, phrasing_line, f"bad phrasing {phrasing!r}: {error}") from None
        if has_value and not slotted:
            raise RuleError(path, phrasing_line, f"phrasing {phrasing!r} of a value fact needs a {{claim}} slot")
        phrasings.append(pattern)
        slots.append(slotted)
        needs.append(phrasing_needs(phrasing))
    unless = tuple(w.lower() for w, _ in _strings(fields["unless"][0], path, "unless")) if "unless" in fields else ()
    common: dict[str, Any] = {
        "id": fact_id,
        "subject": _scalar(fields["subject"][0], path, "subject"),
        "source": _scalar(fields["source"][0], path, "source"),
        "phrasings": tuple(phrasings),
        "slots": tuple(slots),
        "needs": tuple(needs),
        "unless": unless,
        "line": line,
    }
    if "as_of" in fields:
        common["as_of"] = _date(fields["as_of"][0], path, "as_of")
    if has_date:
        for key in ("unit", "interval", "tolerance"):
            if key in fields:
                raise RuleError(path, fields[key][1], f"'{key}' belongs to value facts; fact '{fact_id}' has a date")
        start = _date(fields["date"][0], path, "date")
        end = _date(fields["until"][0] if "until" in fields else fields["date"][0], path, "until", end=True)
        if end < start:
            raise RuleError(path, fields["until"][1], "until is before date")
        shown = _date_text(fields["date"][0]) + (f" to {_date_text(fields['until'][0])}" if "until" in fields else "")
        return Fact(start=start, end=end, shown=shown, **common)
    if "unit" not in fields:
        raise RuleError(path, line, f"value fact '{fact_id}' needs a 'unit'")
    unit = _scalar(fields["unit"][0], path, "unit")
    if unit not in ("count", "percent") and not unit.isupper() and not is_known(unit):
        raise RuleError(path, fields["unit"][1], f"unknown unit {unit!r}")
    value = _number(fields["value"][0], path, "value")
    if "interval" in fields and "tolerance" in fields:
        raise RuleError(path, fields["tolerance"][1], "give 'interval' or 'tolerance', not both")
    if "interval" in fields:
        node_i = fields["interval"][0]
        if not isinstance(node_i, yaml.SequenceNode) or len(node_i.value) != 2:
            raise RuleError(path, fields["interval"][1], "interval must be a list [low, high]")
        low, high = (_number(n, path, "interval") for n in node_i.value)
        if not low <= value <= high:
            raise RuleError(path, fields["interval"][1], "interval must contain the value")
    else:
        tolerance = _number(fields["tolerance"][0], path, "tolerance") if "tolerance" in fields else 0.0
        if tolerance < 0:
            raise RuleError(path, fields["tolerance"][1], "tolerance must not be negative")
        low, high = value * (1 - tolerance), value * (1 + tolerance)
    base_low, base_high = (
        to_base(low, None if unit == "count" else unit),
        to_base(high, None if unit == "count" else unit),
    )
    assert base_low is not None and base_high is not None
    until = _date(fields["until"][0], path, "until", end=True) if "until" in fields else None
    shown = f"{format_number(value)} {unit}" if unit != "count" else format_number(value)
    return Fact(
        low=base_low.value, high=base_high.value, dimension=base_low.dimension, shown=shown, until=until, **common
    )


def _date_text(node: yaml.Node) -> str:
    """ "1972-02-21" -> "21 February 1972", "1972-02" -> "February 1972"."""
    match = _DATE_TEXT.match(str(node.value).strip())
    if match is None:
        return str(node.value).strip()
    parts = [match.group("y")]
    if match.group("m"):
        parts.insert(0, calendar.month_name[int(match.group("m"))])
    if match.group("d"):
        parts.insert(0, str(int(match.group("d"))))
    return " ".join(parts)
