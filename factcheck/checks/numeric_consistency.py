"""numeric-consistency: the same quantity, in articles of one story, given values that cannot both be true.

What is "the same quantity" is the link stage's business
(``factcheck/link/align.py``): claims of different articles of one story
whose frames agree on the measure, what it is about, the event, the series
and the period, paired one to one within each pair of sentences.  This check
reads those pairs and decides whether the values can both hold.

Each claim is an interval in base units: the interval its wording commits to
("at least 21,692" is [21692, inf)), widened by the rounding its written form
allows (a count written to the unit, "4,127" or "38 cars", means itself;
"$244bn" stands for 243.5bn to 245bn, "3,700" for 3,650 to 3,800) and by
``relative_tolerance``.  Two claims whose
intervals share a point can both be true.

* Quantities fixed once they happen (cars derailed, medals won at a Games):
  the aligned claims of a quantity form a group; the largest set of articles
  that agree is the majority, and each claim outside it is reported against
  each majority article it was aligned with (two passages side by side, the
  message saying how many articles agree).  When no two articles agree,
  every aligned pair that cannot both be true is reported.
* ``growing`` measures (death tolls, people injured: counts that only rise)
  compare through their as-of dates: on the same day the values must agree
  (majority and outliers, as above); a smaller count at a later date is a
  conflict, a larger one is not.  Both articles must be dated.  Two exact
  counts that are one another's digits in another order ("8,754" and
  "8,574"), days apart or undated, are a garbled figure.
* ``varying`` measures (market value, users, estimates of a cost) move both
  ways: they compare only on the same day.

Two values that cannot both hold are no conflict when another article of the
story states one side's value for something else, in the other side's sentence
or for another measure of the same owner ("across its 14 hospitals ...,
diverting ambulances from three emergency departments"): the article with
"three hospitals" took that figure, and the link stage paired the wrong two.

Severity is the rule's when both sides name the measure in the same words and
agree on what it is about; it drops to warning when the match rests on the
vocabulary (synonyms) or on a currency conversion.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

import regex

from factcheck.checks.base import Check, CheckContext, Option, fingerprint, location
from factcheck.checks.intervals import COMPARABLE_KINDS, claim_interval
from factcheck.extract.frames import normal_form, noun_lemma
from factcheck.extract.numbers import format_number
from factcheck.link.align import Keyed, Pair, Vocabulary, align_records
from factcheck.link.stories import Stories
from factcheck.model import Finding, Severity, date_words
from factcheck.model import period_words as describe_period

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True, slots=True)
class _Member:
    row: int
    doc: int
    path: str
    low: float
    high: float
    as_of: date | None
    # The as-of day is the article's date (the figure names no day of its own).
    dated_by_article: bool = False


class NumericConsistency(Check):
    name: ClassVar[str] = "numeric-consistency"
    MESSAGE_FIELDS: ClassVar[frozenset[str]] = frozenset(
        "subject story value_a doc_a value_b doc_b base_a base_b why".split()
    )
    description: ClassVar[str] = "The same quantity about the same subject and period given incompatible values."
    OPTIONS: ClassVar[Mapping[str, Option]] = {
        "relative_tolerance": Option("number", 0.005, "Extra relative slack on both ends of every interval."),
        "measures": Option(
            "string_map",
            {},
            "Measures that are the same quantity: canonical name -> variants, as lemmas of the head noun "
            "or verb, with their modifiers ('death toll': ['toll', 'fatality', 'kill']).",
        ),
        "events": Option(
            "string_map",
            {},
            "Verbs that tell quantities apart ('derail' vs 'carry'): canonical -> variants (lemmas). "
            "Verbs not listed never keep two claims apart.",
        ),
        "entities": Option(
            "string_map",
            {},
            "Names of the same entity: canonical -> variants ('us': ['u.s.', 'united states', 'american']).",
        ),
        "growing": Option(
            "string_list", (), "Canonical measures of counts that only grow (compared through their as-of dates)."
        ),
        "varying": Option(
            "string_list", (), "Canonical measures that move both ways over time (compared only on the same day)."
        ),
        "modifiers": Option(
            "string_map",
            {},
            "Modifiers that narrow a measure the same way: canonical -> variants ('foreign': ['overseas']).",
        ),
        "event_counts": Option(
            "string_map",
            {},
            "Measures a verb makes of another: canonical -> the verbs (lemmas) that make it ('job cuts': "
            "['cut', 'lay', 'eliminate']); with `event_counted`, 'cut 1,200 jobs' and '1,200 job cuts' are one "
            "count.",
        ),
        "event_counted": Option(
            "string_map",
            {},
            "What the verbs of `event_counts` act on: canonical -> canonical measures ('job cuts': "
            "['employees', 'job']).",
        ),
        "neutral_modifiers": Option(
            "string_list", (), "Modifiers that do not change the quantity ('latest', 'confirmed', 'official')."
        ),
        "fixed_days": Option(
            "integer",
            2,
            "Figures dated only by their articles are compared only when the articles are at most this many days "
            "apart (a figure may move as a story develops).",
        ),
        "max_matches": Option(
            "integer",
            5,
            "Against how many agreeing articles (the best aligned) one outlier is reported; the message counts all.",
        ),
        "swap_days": Option(
            "integer", 3, "How many days apart two exact counts with swapped digits still count as one figure."
        ),
        "kinds": Option(
            "string_list", (*COMPARABLE_KINDS, "label", "weekday", "date", "year"), "Claim kinds this rule compares."
        ),
        "weekday_days": Option(
            "integer", 6, "How many days apart two dated articles may be for their weekdays to name the same week."
        ),
        "rates": Option(
            "number_map",
            {},
            "Exchange rates that make currencies comparable: code -> value of one unit in a common currency "
            "(e.g. {USD: 1, EUR: 1.08}). Currencies not listed never compare.",
        ),
        "rate_tolerance": Option(
            "number", 0.1, "Relative slack for amounts compared through `rates` (rates move; the rule's do not)."
        ),
    }

    def run(self, context: CheckContext) -> list[Finding]:
        table = context.table
        options = context.rule.options
        if table is None or table.empty:
            return []
        vocabulary = Vocabulary.from_options(options)
        stories = context.stories or Stories(tuple(0 for _ in context.documents), ("",))
        table = _convert_currencies(table, options["rates"])
        keyed, pairs, keyed_records = align_records(table, stories, vocabulary, tuple(options["kinds"]))
        if not pairs:
            return []
        by_row = {k.row: k for k in keyed}
        relative = float(options["relative_tolerance"])
        rate_tolerance = float(options["rate_tolerance"])
        # The rows in pairs, as alignment read them (reading the table again costs more than the comparison).
        rows = sorted({p.a for p in pairs} | {p.b for p in pairs})
        records: dict[int, dict[str, Any]] = {row: keyed_records[row] for row in rows}
        members = {
            row: _member(row, record, relative + (rate_tolerance if record["converted"] else 0.0))
            for row, record in records.items()
        }
        pairs = _unexplained(pairs, records, members, by_row, _figure_places(keyed, keyed_records))
        reporter = _Reporter(context, records, by_row, stories)
        findings: list[Finding] = []
        days = int(options["weekday_days"])
        limit = int(options["max_matches"])
        for component in _components(pairs):
            measure = by_row[component[0].a].measure
            if records[component[0].a]["kind"] == "weekday":
                # A weekday names a day of the week the article was written in: dated a week apart, no match.
                same_week = [p for p in component if _within(members[p.a], members[p.b], days)]
                findings.extend(self._outliers(reporter, same_week, members, limit) if same_week else [])
            elif measure in vocabulary.growing:
                swap_days = int(options["swap_days"])
                findings.extend(self._growing(reporter, component, members, swap_days, records, limit))
            elif measure in vocabulary.varying:
                same_day = [p for p in component if _same_day(members[p.a], members[p.b])]
                findings.extend(self._pairwise(reporter, same_day, members))
            else:
                # A figure dated only by its article may have moved since an article days older: homes
                # destroyed as a fire spreads, a tally during a Games, a count under way.
                fixed_days = int(options["fixed_days"])
                near = [p for p in component if _close_in_time(members[p.a], members[p.b], fixed_days)]
                findings.extend(self._outliers(reporter, near, members, limit) if near else [])
        return findings

    @staticmethod
    def _pairwise(reporter: _Reporter, pairs: list[Pair], members: Mapping[int, _Member]) -> list[Finding]:
        out = []
        for pair in pairs:
            a, b = members[pair.a], members[pair.b]
            if not _overlap(a, b):
                first, second = sorted((a, b), key=lambda m: (m.path, m.row))
                out.append(reporter.finding(first, [second], 1, ""))
        return out

    @staticmethod
    def _outliers(
        reporter: _Reporter, component: list[Pair], members: Mapping[int, _Member], limit: int = 5
    ) -> list[Finding]:
        """Each claim outside the majority, against the (at most ``limit``) majority articles it aligns with best."""
        rows = sorted({p.a for p in component} | {p.b for p in component})
        group = [members[r] for r in rows]
        majority = _largest_agreeing(group)
        majority_docs = len({m.doc for m in majority})
        if majority_docs < 2:
            # No two articles agree: every aligned pair that cannot both be true is its own finding.
            return NumericConsistency._pairwise(reporter, component, members)
        majority_rows = {m.row for m in majority}
        score = {(p.a, p.b): p.score for p in component} | {(p.b, p.a): p.score for p in component}
        findings = []
        for outlier in (m for m in group if m.row not in majority_rows):
            best: dict[int, _Member] = {}
            for m in majority:
                if m.doc == outlier.doc or (outlier.row, m.row) not in score or _overlap(m, outlier):
                    continue
                current = best.get(m.doc)
                if current is None or score[(outlier.row, m.row)] > score[(outlier.row, current.row)]:
                    best[m.doc] = m
            ranked = sorted(best, key=lambda d: (-score[(outlier.row, best[d].row)], best[d].path))
            for doc in sorted(ranked[:limit], key=lambda d: best[d].path):
                findings.append(reporter.finding(outlier, [best[doc]], majority_docs, ""))
        return findings

    @staticmethod
    def _growing(
        reporter: _Reporter,
        component: list[Pair],
        members: Mapping[int, _Member],
        swap_days: int,
        records: Mapping[int, Mapping[str, Any]],
        limit: int,
    ) -> list[Finding]:
        """A count that only grows: the same day must agree (majority and outliers, as for fixed
        quantities), and no count may exceed a later one (each claim in at most ``limit`` findings)."""
        findings = []
        same_day: list[Pair] = []
        used: Counter[int] = Counter()
        for pair in component:
            a, b = members[pair.a], members[pair.b]
            swapped = _swapped_digits(records[pair.a], records[pair.b])
            first, second = sorted((a, b), key=lambda m: (m.path, m.row))
            if a.as_of is None or b.as_of is None or (swapped and abs((a.as_of - b.as_of).days) <= swap_days):
                # Undated, a rising count cannot be ordered; only a garbled figure shows.
                if swapped:
                    findings.append(reporter.finding(first, [second], 1, "the same digits in another order"))
                continue
            if a.as_of == b.as_of:
                same_day.append(pair)
                continue
            earlier, later = (a, b) if a.as_of < b.as_of else (b, a)
            if earlier.low <= later.high or used[earlier.row] >= limit or used[later.row] >= limit:
                continue
            used[earlier.row] += 1
            used[later.row] += 1
            why = "a count that only grows is smaller at a later date"
            findings.append(reporter.finding(first, [second], 1, why, dated=True))
        for group in _components(same_day):
            findings.extend(NumericConsistency._outliers(reporter, group, members, limit))
        return findings


class _Reporter:
    """Builds findings with messages that say what was compared."""

    def __init__(
        self,
        context: CheckContext,
        records: Mapping[int, Mapping[str, Any]],
        keyed: Mapping[int, Keyed],
        stories: Stories,
    ) -> None:
        self.context = context
        self.records = records
        self.keyed = keyed
        self.stories = stories

    def finding(
        self, outlier: _Member, others: list[_Member], majority_docs: int, why: str, *, dated: bool = False
    ) -> Finding:
        """``dated``: the values are compared through their dates; each value says its date."""
        rule = self.context.rule
        involved = [outlier, *others]
        locations = []
        for member in involved:
            row = self.records[member.row]
            claim = self.context.claims[int(row["doc"])][int(row["claim"])]
            locations.append(location(self.context.documents[int(row["doc"])], claim))
        # The locations keep their order (the first is where a CI annotation lands); the message names
        # an outlier first, and otherwise the two sides in an order that does not depend on file names.
        said_first, said_second = (outlier, others[0]) if majority_docs > 1 else _in_message_order(outlier, others[0])
        first, other = self.records[said_first.row], self.records[said_second.row]
        key = self.keyed[said_first.row]
        exact = (
            len({(self.records[m.row]["measure"], self.records[m.row]["modifiers"]) for m in involved}) == 1
            and len({self.keyed[m.row].about for m in involved}) == 1
            and not any(self.records[m.row]["converted"] for m in involved)
        )
        severity = rule.severity if exact else min(rule.severity, Severity.WARNING)
        sentences = [loc.sentence for loc in locations]
        subject = describe(key, first, other, sentences)
        # The run's stories (a task of the Dask engine holds some of its documents, but every story name).
        story = self.stories.name(int(first["doc"])) if len(self.stories.names) > 1 else ""
        agree = f" ({majority_docs} articles agree with {other['text']!s})" if majority_docs > 1 else ""
        value_a, value_b = str(first["text"]), str(other["text"])
        if dated and said_first.as_of and said_second.as_of and said_first.as_of != said_second.as_of:
            value_a += f" (as of {date_words(said_first.as_of)})"
            value_b += f" (as of {date_words(said_second.as_of)})"
            subject = describe(key, {**first, "period_basis": ""}, {**other, "period_basis": ""}, sentences)
        message = rule.message.format(
            subject=subject,
            story=story,
            value_a=value_a,
            doc_a=str(first["path"]),
            value_b=value_b,
            doc_b=str(other["path"]),
            base_a=_base(first),
            base_b=_base(other),
            why=why,
        )
        if story:
            message += f" [story: {story}]"
        if why:
            message += f": {why}"
        message += agree
        parts = [(loc.path, loc.text) for loc in locations]
        fingerprint_key = f"{key.measure}|{key.about}|{key.event}|{key.aspect}"
        return Finding(
            id=fingerprint(rule.id, fingerprint_key, parts),
            rule=rule.id,
            kind="numeric_conflict",
            severity=severity,
            message=message,
            subject=fingerprint_key,
            locations=tuple(locations),
        )


def describe(key: Keyed, first: Mapping[str, Any], other: Mapping[str, Any], sentences: Sequence[str] = ()) -> str:
    """What was compared, in words: the subject as written (else the measure), whom it is about, the period.

    "Bilateral trade between Russia and China, 2024"; "Death toll, Turkey, as of 8 February 2023".
    A measure the frame gives as lemmas ("train", "car") is shown as ``sentences`` write it
    ("train cars"); a canonical measure of the rule's vocabulary ("death toll") as the rule names it.
    """
    kind = str(first["kind"])
    if kind == "date":
        return f"Date ({key.measure})"
    if kind == "year":
        verb = key.measure.removesuffix(" (year)")
        about = _about_words(key.about)
        return f"Year {about or 'it'} {_PAST.get(verb, verb + 'ed')}"
    if kind in ("label", "weekday"):
        text = f"{key.measure[:1].upper()}{key.measure[1:]}" if kind == "label" else f"Day of the {key.measure}"
        return text
    # The wording of either side that names the quantity, chosen by content (the shorter, then the first
    # in alphabetical order), never by which file it came from; "medals to China’s" and "people" do not.
    candidates = [
        text
        for text in (str(first["subject"]).strip(), str(other["subject"]).strip())
        if text
        and "’s" not in text
        and "'s" not in text
        and len(text.split()) <= 8
        and text.lower() not in _GENERIC_SUBJECTS
    ]
    written = min(candidates, key=lambda text: (len(text), text.lower(), text)) if candidates else ""
    lemmas = [*sorted(key.modifiers), key.measure]
    own = key.measure == str(first["measure"]) or key.measure == str(other["measure"])
    text = written or (as_written(lemmas, sentences) if own else " ".join(lemmas))
    if key.aspect == "part" and not written:
        text = f"{text} (part of a total)"
    about = _about_words(key.about)
    if about and not all(word in text.lower() for word in key.about.split() if word != "and"):
        text += f", {about}"
    period = period_words(first) or period_words(other)
    if period:
        text += f", {period}"
    return text[:1].upper() + text[1:]


_WORD = regex.compile(r"[^\W\d_][\w'’-]{0,40}")


def as_written(lemmas: Sequence[str], sentences: Sequence[str]) -> str:
    """Lemmas ("train", "car") as the first sentence that has them all writes them ("train cars"), in its
    order; when no sentence has them all, the lemmas as they are."""
    for sentence in sentences:
        found: dict[str, tuple[int, str]] = {}
        for match in _WORD.finditer(sentence):
            word = match.group()
            for form in (word.lower(), noun_lemma(word), normal_form(word)):
                found.setdefault(form, (match.start(), word))
        if lemmas and all(lemma in found for lemma in lemmas):
            words = sorted({found[lemma] for lemma in lemmas})
            return " ".join(word if word.isupper() and len(word) > 1 else word.lower() for _at, word in words)
    return " ".join(lemmas)


_PAST = {"build": "was built", "bear": "was born", "found": "was founded", "open": "opened", "form": "was formed",
         "establish": "was established", "create": "was created", "launch": "was launched", "complete": "was completed",
         "inaugurate": "was inaugurated", "incorporate": "was incorporated", "discover": "was discovered",
         "invent": "was invented"}  # fmt: skip


def _about_words(about: str) -> str:
    """An entity key as a name: "us" -> "US", "china and russia" -> "China and Russia"."""
    words = []
    for word in about.split():
        if word == "and":
            words.append(word)
        elif len(word) <= 3:
            words.append(word.upper())
        else:
            words.append(word[:1].upper() + word[1:])
    return " ".join(words)


def period_words(row: Mapping[str, Any]) -> str:
    """A row's period as an editor writes it: "2024", "March 2025", "as of 8 February 2023"."""
    basis = str(row["period_basis"])
    start, end = _day(row["period_start"]), _day(row["period_end"])
    if not basis or start is None or end is None:
        return ""
    return describe_period(start, end, basis)


def _day(text: object) -> date | None:
    try:
        return date.fromisoformat(str(text)) if text else None
    except ValueError:
        return None


def _base(row: Mapping[str, Any]) -> str:
    magnitude = float(row["magnitude"])
    return format_number(magnitude) if not math.isnan(magnitude) else str(row["text"])


def _member(row_id: int, row: Mapping[str, Any], relative: float) -> _Member:
    """The claim as an interval in base units, widened for rounding and tolerance, with its as-of day.

    A date is the interval of days it names ("May 2025" is 1 to 31 May), its as-of day the article's.
    """
    if row["kind"] in ("date", "year"):
        start, end = _day(row["period_start"]), _day(row["period_end"])
        low = float(start.toordinal()) if start else -math.inf
        high = float(end.toordinal()) if end else math.inf
        return _Member(row_id, int(row["doc"]), str(row["path"]), low, high, _day(row["doc_date"]))
    low, high = claim_interval(row, relative, above=1.0, widen_approximate=False)
    value, step = float(row["value"]), float(row["step_base"])
    if row["dimension"] == "count" and not row["qualifier"] and value.is_integer() and not step > 1:
        # A count written to the unit ("38 cars", "125 medals") was counted, not rounded: it means itself.
        low, high = value, value
    basis = str(row["period_basis"])
    as_of: date | None = None
    if basis == "explicit" and row["period_start"] == row["period_end"]:
        as_of = _day(row["period_end"])
    elif basis in ("as_of", "since"):
        as_of = _day(row["doc_date"])
        return _Member(row_id, int(row["doc"]), str(row["path"]), low, high, as_of, dated_by_article=True)
    return _Member(row_id, int(row["doc"]), str(row["path"]), low, high, as_of)


def _in_message_order(a: _Member, b: _Member) -> tuple[_Member, _Member]:
    """Two sides of a pairwise finding in an order that does not depend on file names: the earlier
    as-of date first, then the smaller value (paths only break ties between equal figures)."""

    def key(m: _Member) -> tuple[date, float, float, str, int]:
        return (m.as_of or date.max, m.low, m.high, m.path, m.row)

    first, second = sorted((a, b), key=key)
    return first, second


def _close_in_time(a: _Member, b: _Member, days: int) -> bool:
    """Whether two figures of a fixed quantity can be compared: not both dated only by articles more
    than ``days`` apart."""
    if not (a.dated_by_article and b.dated_by_article) or a.as_of is None or b.as_of is None:
        return True
    return abs((a.as_of - b.as_of).days) <= days


def _within(a: _Member, b: _Member, days: int) -> bool:
    return a.as_of is None or b.as_of is None or abs((a.as_of - b.as_of).days) <= days


def _same_day(a: _Member, b: _Member) -> bool:
    return a.as_of is not None and a.as_of == b.as_of


def _swapped_digits(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Two exact counts of four digits or more written with the same digits in another order."""
    if str(a["qualifier"]) or str(b["qualifier"]):
        return False
    x, y = float(a["value"]), float(b["value"])
    if math.isnan(x) or math.isnan(y) or x == y or not (x.is_integer() and y.is_integer()):
        return False
    dx, dy = str(int(x)), str(int(y))
    return len(dx) >= 4 and sorted(dx) == sorted(dy)


def _components(pairs: Sequence[Pair]) -> list[list[Pair]]:
    """Pairs grouped by the connected quantity they belong to, in a stable order."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for pair in pairs:
        parent[find(pair.a)] = find(pair.b)
    groups: dict[int, list[Pair]] = {}
    for pair in pairs:
        groups.setdefault(find(pair.a), []).append(pair)
    return sorted(groups.values(), key=lambda group: (group[0].a, group[0].b))


_GENERIC_SUBJECTS = frozenset({"people", "persons", "individuals", "residents", "others"})
_RATE_COLUMNS = ("magnitude", "low_base", "high_base", "step_base")


def _convert_currencies(rows: pd.DataFrame, rates: Mapping[str, float]) -> pd.DataFrame:
    """Amounts in currencies the rule has rates for, in one common currency (column ``converted``)."""
    rows = rows.copy()
    rows["converted"] = False
    if not rates:
        return rows
    codes = rows["dimension"].str.removeprefix("currency:")
    rate = codes.map(lambda code: rates.get(str(code), float("nan"))).astype(float)
    convert = rows["dimension"].str.startswith("currency:") & rate.notna()
    for column in _RATE_COLUMNS:
        rows.loc[convert, column] = rows.loc[convert, column] * rate[convert]
    rows.loc[convert, "dimension"] = "currency:converted"
    rows.loc[convert, "converted"] = True
    return rows


def _figure(record: Mapping[str, Any]) -> tuple[str, float] | None:
    """(dimension, value to six figures) of a row: what "the same figure" means here."""
    magnitude = float(record["magnitude"])
    if not math.isfinite(magnitude):
        return None
    return str(record["dimension"]), float(f"{magnitude:.6g}")


# Where a story states a figure: (story, dimension, value) -> (document, sentence, measure, owner) of each place.
_Places = dict[tuple[int, str, float], list[tuple[int, int, str, str]]]


def _figure_places(keyed: Sequence[Keyed], records: Mapping[int, Mapping[str, Any]]) -> _Places:
    out: _Places = {}
    for k in keyed:
        record = records[k.row]
        figure = _figure(record) if record["kind"] not in ("date", "year", "weekday") else None
        if figure is not None:
            out.setdefault((k.story, *figure), []).append((k.doc, k.sentence, k.measure, k.about))
    return out


def _stated_for_something_else(places: _Places, one: Keyed, figure: tuple[str, float] | None, other: Keyed) -> bool:
    """Whether an article other than ``one``'s states ``one``'s figure in ``other``'s sentence, or for another
    measure of ``other``'s owner ("Meridale Health's 14 hospitals" and its "three emergency departments")."""
    if figure is None:
        return False
    return any(
        doc != one.doc
        and (
            (doc == other.doc and sentence == other.sentence)
            or (about and about == other.about and measure != other.measure)
        )
        for doc, sentence, measure, about in places.get((one.story, *figure), ())
    )


def _unexplained(
    pairs: Sequence[Pair],
    records: Mapping[int, Mapping[str, Any]],
    members: Mapping[int, _Member],
    by_row: Mapping[int, Keyed],
    places: _Places,
) -> list[Pair]:
    """The pairs, less those of two values that cannot both hold where the story states one side's value for
    something else too: "across Meridale Health's 14 hospitals ..., diverting ambulances from
    three emergency departments" gives both figures, each for its own thing, and "diverted from three
    hospitals" in another article is the second of them, not another count of the first."""
    out = []
    for pair in pairs:
        if not _overlap(members[pair.a], members[pair.b]) and (
            _stated_for_something_else(places, by_row[pair.a], _figure(records[pair.a]), by_row[pair.b])
            or _stated_for_something_else(places, by_row[pair.b], _figure(records[pair.b]), by_row[pair.a])
        ):
            continue
        out.append(pair)
    return out


def _overlap(a: _Member, b: _Member) -> bool:
    return a.low <= b.high and b.low <= a.high


def _largest_agreeing(members: list[_Member]) -> list[_Member]:
    """The claims covering the point that the most documents agree on (a sweep over endpoints)."""
    best: list[_Member] = []
    best_docs = 0
    points = sorted(
        {m.low for m in members if math.isfinite(m.low)} | {m.high for m in members if math.isfinite(m.high)}
    )
    for point in points or [0.0]:
        covering = [m for m in members if m.low <= point <= m.high]
        docs = len({m.doc for m in covering})
        if docs > best_docs or (docs == best_docs and len(covering) > len(best)):
            best, best_docs = covering, docs
    return best
