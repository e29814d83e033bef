"""Alignment: which claims of different articles of one story state the same quantity.

An editor reading two articles side by side pairs "38 train cars derailed"
with "About 50 cars derailed", and "China's 91" with "China's 102", but never
a list's gold count with its silver count.  Here, in three steps:

1. **Keys.**  Each claim's frame (``factcheck/extract/frames.py``) is mapped
   through the rule's vocabulary (``Vocabulary``): the measure and its
   modifiers onto a canonical measure ("death toll", "toll", "fatality",
   "kill" -> ``death``; "golds" -> ``gold medal``), the verb onto a canonical
   event (only listed events discriminate: "derail" vs "carry"), the entity
   onto a canonical entity ("U.S.", "American", "Team USA" -> ``us``).
2. **Blocking.**  Candidate pairs only within a block: the same story, the
   same dimension (after unit conversion), the same canonical measure and the
   same aspect (level, change, part).  Never all pairs: a block of more than
   120 claims pairs each with the next 40 of the block.
3. **Anchors and score.**  A pair must have compatible *about* (equal; or
   one side silent while the other's sentence names that entity, or names
   nobody and the entity is what most of the story's articles name), no
   silent whole ("worldwide") against an owned part, compatible events and
   time words ("on Friday" vs "over the weekend"), compatible modifiers (one
   side's a subset of the other's; equal for rates), the same series, and
   compatible scope (explicit periods equal; an "as of" date inside an
   explicit period or less than about a year after it; see
   ``scope_compatible``).  And something beyond the measure must tie the
   two: the entity, a listed event, the same modifiers, the same named
   period, or three content words the sentences share ("derailment site").
   The score counts the anchors that agree outright.  Within one pair of
   sentences each claim keeps only its best partner (one to one), so the
   numbers of two lists are never cross-paired.

When one article does not say whose figure it is and the other gives the
measure for several owners (Turkey's toll and Syria's), the figure is only
compared with the owners whose figures are closest to it.

Figures the text marks as conversions, earlier estimates or differences
("35 more than") are never aligned.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import regex

from factcheck.extract.frames import normal_form
from factcheck.link.stories import Stories

if TYPE_CHECKING:
    import pandas as pd

# Claim kinds that state a quantity, a grade on a scale or the weekday of an event.
QUANTITY_KINDS = (
    "number", "percent", "percentage_point", "money", "quantity", "temperature", "duration", "age", "label", "weekday",
    "date",
)  # fmt: skip
# Kinds whose measure names one thing of the story by itself ("Category", "landfall"): the story anchors them.
_SELF_ANCHORED_KINDS = frozenset({"label", "weekday", "date"})
_UNALIGNED_SERIES = frozenset({"converted", "earlier"})
_SCOPE_SLACK_DAYS = 400
# Blocks up to this size compare every pair; larger ones each claim with the next _BLOCK_WINDOW claims.
_FULL_BLOCK = 120
_BLOCK_WINDOW = 40
# Words that make a figure the whole of something ("1,500 jobs worldwide", "in all").
_WHOLE_SCOPE = regex.compile(r"\b(?:worldwide|globally|nationwide|countrywide|altogether|overall|combined)\b")
# Content words two sentences must share to anchor a pair that nothing else anchors.
_MIN_SHARED_CONTEXT = 3
_DIGITS = regex.compile(r"\D")
# How much further (as a log ratio) than the closest owner's figure another owner's may be: 25 %.
_OWNER_SLACK = math.log(1.25)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The rule's words that mean the same, as lemma phrases -> canonical names."""

    measures: Mapping[str, str]
    events: Mapping[str, str]
    entities: Mapping[str, str]
    growing: frozenset[str]
    varying: frozenset[str]
    neutral: frozenset[str]
    modifiers: Mapping[str, str] = dataclasses.field(default_factory=dict)
    # (canonical measure, verb lemma) -> the measure the verb makes of it ("job", "cut" -> "job cuts").
    made_by_events: Mapping[tuple[str, str], str] = dataclasses.field(default_factory=dict)

    @classmethod
    def build(
        cls,
        measures: Mapping[str, Sequence[str]],
        events: Mapping[str, Sequence[str]],
        entities: Mapping[str, Sequence[str]],
        growing: Iterable[str] = (),
        varying: Iterable[str] = (),
        neutral: Iterable[str] = (),
        modifiers: Mapping[str, Sequence[str]] | None = None,
        event_counts: Mapping[str, Sequence[str]] | None = None,
        event_counted: Mapping[str, Sequence[str]] | None = None,
    ) -> Vocabulary:
        def table(source: Mapping[str, Sequence[str]], normal: Any) -> dict[str, str]:
            out: dict[str, str] = {}
            for canonical, variants in source.items():
                for variant in (canonical, *variants):
                    out[normal(variant)] = canonical
            return out

        measure_table = table(measures, _phrase)
        made = {
            # verbs as the frames write them (lemmas, lower case): "lay" is no form of "lie" here
            (measure_table.get(_phrase(measure), _phrase(measure)), verb.lower()): made_measure
            for made_measure, verbs in (event_counts or {}).items()
            for measure in (event_counted or {}).get(made_measure, ())
            for verb in verbs
        }
        return cls(
            measures=measure_table,
            events=table(events, _phrase),
            entities=table(entities, _entity),
            growing=frozenset(growing),
            varying=frozenset(varying),
            neutral=frozenset(_phrase(w) for w in neutral),
            modifiers=table(modifiers or {}, _phrase),
            made_by_events=made,
        )

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> Vocabulary:
        """The vocabulary of a numeric-consistency rule's options."""
        return cls.build(
            options["measures"],
            options["events"],
            options["entities"],
            options["growing"],
            options["varying"],
            options["neutral_modifiers"],
            options["modifiers"],
            options.get("event_counts", {}),
            options.get("event_counted", {}),
        )

    def measure(self, measure: str, modifiers: Sequence[str], event: str) -> tuple[str, frozenset[str]]:
        """Canonical measure and the modifiers it leaves over ("train" of "train car")."""
        if not measure:
            canonical = self.measures.get(event, "") if event else ""
            return canonical, frozenset()
        words = [*modifiers, measure]
        for size in (3, 2, 1):
            if len(words) < size:
                continue
            phrase = " ".join(words[-size:])
            if phrase in self.measures:
                rest = words[:-size]
                return self._made(self.measures[phrase], event), self._narrowing(rest)
        return self._made(measure, event), self._narrowing(modifiers)

    def _made(self, measure: str, event: str) -> str:
        """The measure a verb makes of this one ("cut 1,200 jobs": job cuts), else the measure."""
        if not event:
            return measure
        made = self.made_by_events.get((measure, event)) or self.made_by_events.get(
            (measure, self.events.get(event, ""))
        )
        return made or measure  # a verb the events list as a variant makes what its canonical verb makes

    def is_made_by_event(self, measure: str) -> bool:
        """Whether a canonical measure is a count a verb makes ("job cuts"): a level, whatever the verb."""
        return measure in self.made_by_events.values()  # a handful of entries

    def _narrowing(self, modifiers: Sequence[str]) -> frozenset[str]:
        """The modifiers that narrow a measure, each in its canonical form ("overseas" -> "foreign")."""
        return frozenset(self.modifiers.get(w, w) for w in modifiers if w not in self.neutral)

    def event(self, event: str) -> str:
        """Canonical event; verbs the vocabulary does not list say nothing ("won", "had")."""
        return self.events.get(event, "")

    def entity(self, about: str) -> str:
        """Canonical entity ("the U.S." -> "us"); a demonym before a plural noun is its country."""
        if not about:
            return ""
        key = _entity(about)
        if key in self.entities:
            return self.entities[key]
        words = key.split()
        if len(words) == 2 and words[0] in self.entities and words[1].endswith("s"):
            return self.entities[words[0]]
        if " and " in key:
            return " and ".join(sorted(self.entity(part) for part in key.split(" and ")))
        return key


def _phrase(text: str) -> str:
    return " ".join(normal_form(w) for w in text.lower().split())


def _entity(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").replace("'s", "").strip(". ").split())


@dataclass(frozen=True, slots=True)
class Keyed:
    """A claims-table row with its canonical frame keys."""

    row: int
    doc: int
    sentence: int
    measure: str
    modifiers: frozenset[str]
    event: str
    about: str
    aspect: str
    series: str
    dimension: str
    story: int
    names: frozenset[str]
    context: frozenset[str]
    when: str = ""
    total: bool = False
    scope: str = ""  # the place the sentence opens with ("In the capital, ..."), when not the owner
    # The changes the same sentence gives (measure, dimension, value to four figures): "Revenue rose 11%
    # to $21.3 billion" holds ("revenue", "percent", "11") for the $21.3 billion.
    siblings: frozenset[tuple[str, str, str]] = frozenset()


@dataclass(frozen=True, slots=True)
class Pair:
    """Two rows (by table index) that state the same quantity, with the anchors that agree outright."""

    a: int
    b: int
    score: float


def keyed_rows(table: pd.DataFrame, stories: Stories, vocabulary: Vocabulary, kinds: Sequence[str]) -> list[Keyed]:
    """Rows that can be aligned, with their keys."""
    out: list[Keyed] = []
    if table.empty:
        return out
    # A date is compared by its day: its dimension is "date" (the event it dates is its measure).
    # A date or a year names its own period (the dimension is time): kept when its frame has a measure.
    dated = table["kind"].isin(("date", "year"))
    rows = table[table["kind"].isin(kinds) & ((table["dimension"] != "") | dated)]
    # Read column by column (a row at a time through pandas costs more than the keys), and each
    # distinct measure, entity, list of names and sentence keyed once: claims of one sentence share
    # their names and context, and a story names the same few entities again and again.
    column = {name: rows[name].tolist() for name in _KEY_COLUMNS}
    measures: dict[tuple[str, str, str], tuple[str, frozenset[str]]] = {}
    entities: dict[str, str] = {}
    names_of: dict[str, frozenset[str]] = {}
    contexts: dict[str, tuple[frozenset[str], bool]] = {}

    def entity(text: str) -> str:
        found = entities.get(text)
        if found is None:
            found = entities[text] = vocabulary.entity(text)
        return found

    magnitudes: list[object] = []
    for at, index in enumerate(rows.index.tolist()):
        series, frame_aspect = column["series"][at], column["frame_aspect"][at]
        if series in _UNALIGNED_SERIES or frame_aspect == "difference":
            continue
        raw_measure, raw_modifiers, raw_event = str(column["measure"][at]), column["modifiers"][at], column["event"][at]
        measure_key = (raw_measure, str(raw_modifiers) if raw_modifiers else "", str(raw_event))
        keyed_measure = measures.get(measure_key)
        if keyed_measure is None:
            modifiers = tuple(measure_key[1].split()) if raw_modifiers else ()
            keyed_measure = measures[measure_key] = vocabulary.measure(raw_measure, modifiers, measure_key[2])
        measure, residual = keyed_measure
        if not measure:
            continue
        about = str(column["about"][at])
        residual -= frozenset(about.split())  # part of the owner's name, not a narrowing
        aspect = "part" if frame_aspect == "part" else str(column["aspect"][at])
        event = vocabulary.event(str(raw_event))
        if vocabulary.is_made_by_event(measure):
            # "cut 1,200 jobs" is 1,200 job cuts, as "1,200 job cuts" is: a level, and the verb that made
            # the measure ties the two as a listed event does
            aspect = "level" if aspect == "change" else aspect
            event = event or measure
        doc = int(str(column["doc"][at]))
        names = str(column["names"][at])
        sentence_names = names_of.get(names)
        if sentence_names is None:
            sentence_names = names_of[names] = frozenset(entity(n) for n in names.split("|") if n)
        context = str(column["context"][at])
        context_words = contexts.get(context)
        if context_words is None:
            context_words = contexts[context] = (frozenset(context.split()), bool(_WHOLE_SCOPE.search(context)))
        kind, scope = column["kind"][at], column["scope"][at]
        out.append(
            Keyed(
                row=int(str(index)),
                doc=doc,
                sentence=int(str(column["sentence_start"][at])),
                measure=measure,
                modifiers=residual,
                event=event,
                about=entity(about),
                aspect=aspect,
                series=str(series),
                dimension="date" if kind in ("date", "year") else str(column["dimension"][at]),
                story=stories.of_document[doc],
                names=sentence_names,
                when=str(column["when"][at]),
                total=bool(column["total"][at]) or context_words[1],
                scope=entity(str(scope)) if scope else "",
                context=context_words[0]
                - frozenset(w.lower().rstrip("s") for w in str(column["text"][at]).split())
                - {measure, raw_measure},
            )
        )
        magnitudes.append(column["magnitude"][at])
    return _with_siblings(out, magnitudes)


def _with_siblings(keyed: list[Keyed], magnitudes: Sequence[object]) -> list[Keyed]:
    """Each row with the changes its sentence gives of the same kind of thing (see ``Keyed.siblings``)."""
    changes: dict[tuple[int, int], list[tuple[int, tuple[str, str, str]]]] = {}
    for at, row in enumerate(keyed):
        magnitude = magnitudes[at]
        if row.aspect == "change" and isinstance(magnitude, float) and math.isfinite(magnitude):
            changes.setdefault((row.doc, row.sentence), []).append(
                (row.row, (row.measure, row.dimension, f"{magnitude:.4g}"))
            )
    if not changes:
        return keyed
    out = []
    for row in keyed:
        found = frozenset(sign for other, sign in changes.get((row.doc, row.sentence), ()) if other != row.row)
        out.append(dataclasses.replace(row, siblings=found) if found else row)
    return out


_KEY_COLUMNS = (
    "series", "frame_aspect", "measure", "modifiers", "event", "about", "aspect", "doc", "names", "context", "kind",
    "scope", "sentence_start", "dimension", "when", "total", "text", "magnitude",
)  # fmt: skip


def scope_compatible(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Whether two rows' periods can be the same time (see module docstring); a date's period is its value."""
    if a["kind"] in ("date", "year") or b["kind"] in ("date", "year"):
        return True
    basis_a, basis_b = str(a["period_basis"]), str(b["period_basis"])
    if not basis_a or not basis_b:
        return True  # an undated article: the period is unknown, not different
    if basis_a == "explicit" and basis_b == "explicit":
        return bool(a["period_start"] == b["period_start"] and a["period_end"] == b["period_end"])
    if basis_a == "explicit" or basis_b == "explicit":
        explicit, other = (a, b) if basis_a == "explicit" else (b, a)
        start, end = _day(explicit["period_start"]), _day(explicit["period_end"])
        when = _day(other["period_end"])
        if start is None or end is None or when is None:
            return True
        if other["period_basis"] == "since":
            # "in 2022" and "since 2022": the same count when the named period starts the open one
            since = _day(other["period_start"])
            return since is not None and since <= start and end <= when
        return start <= when and (when - end).days <= _SCOPE_SLACK_DAYS
    if basis_a == "since" or basis_b == "since":
        return bool(a["period_start"] == b["period_start"]) and basis_a == basis_b
    # Two "as of" dates are the articles' dates, not periods the text names: the check decides what a
    # difference in date means for its measure (a toll grows, a derailment happened once).
    return True


def _day(text: object) -> date | None:
    try:
        return date.fromisoformat(str(text)) if text else None
    except ValueError:
        return None


def _mentions(about: str, other: Keyed, stories: Stories) -> bool:
    """Whether the other claim's sentence leaves room for the entity one side says the number is about:
    it names that entity, or names no one else the number could belong to while the entity is what the
    story is about (most of its articles name it: Turkey's toll in a story on a Turkish earthquake, not a
    village's toll in one article)."""
    return about in other.names or (not other.names and stories.central(other.doc, about))


def _compatible(x: Keyed, y: Keyed, stories: Stories) -> bool:
    if x.when and y.when and x.when != y.when:
        return False  # "12 arrested on Friday" and "30 arrested over the weekend": different stretches of time
    if (x.about and not y.about and y.total) or (y.about and not x.about and x.total):
        return False  # "200 jobs at its Ohio plant" is a part of "1,500 jobs worldwide"
    if x.about.startswith("~") or y.about.startswith("~"):
        return False  # owned by someone the sentence does not name ("it serves about 538 companies")
    if x.about and y.about and x.about != y.about:
        return False
    # One side says whom the number is about: the other side must leave room for them.
    if x.about and not y.about and not _mentions(x.about, y, stories):
        return False
    if y.about and not x.about and not _mentions(y.about, x, stories):
        return False
    if x.event and y.event and x.event != y.event:
        return False
    for one, other in ((x, y), (y, x)):
        # "In the capital, the party took 45%" is not its national share: a place one sentence opens
        # with must be where the other number is too (its owner, a name of its sentence, or the same scope).
        if one.scope and one.scope != other.scope and one.scope != other.about and one.scope not in other.names:
            return False
    if x.series != y.series:
        return False
    if x.dimension == "percent" and x.modifiers != y.modifiers:
        return False  # "youth unemployment" is another rate than "unemployment"
    return x.modifiers <= y.modifiers or y.modifiers <= x.modifiers


def _strongly_anchored(x: Keyed, y: Keyed, rx: Mapping[str, Any], ry: Mapping[str, Any]) -> bool:
    return bool(
        (x.about and x.about == y.about)
        or (x.event and x.event == y.event)
        or (rx["period_basis"] == "explicit" and rx["period_label"] == ry["period_label"])
    )


def _anchored(x: Keyed, y: Keyed, rx: Mapping[str, Any], ry: Mapping[str, Any]) -> bool:
    """Something beyond the measure says the two are one quantity: whom it is about, a listed event,
    the same narrowing words, the same named period, or sentences that share their content words."""
    return bool(
        rx["kind"] in _SELF_ANCHORED_KINDS
        or (x.about and (x.about == y.about or x.about in y.names))
        or (y.about and y.about in x.names)
        or (x.event and x.event == y.event)
        or (x.modifiers and x.modifiers == y.modifiers)
        or (rx["period_basis"] == "explicit" and rx["period_label"] == ry["period_label"])
        or len(x.context & y.context) >= _MIN_SHARED_CONTEXT
        # The same change in both sentences: "Revenue rose 11% to $21.3 billion" and "Quarterly sales
        # climbed 11 percent to $23.1bn" give one revenue.
        or bool(x.siblings & y.siblings)
        # The same digits in another order ("310 people on board" / "301 people aboard"): one figure garbled.
        or _digits_swapped(rx, ry)
    )


def _digits_swapped(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Two figures written with the same digits in another order ("310" / "301", "8.5 million" / "5.8
    million"), of one order of magnitude and different values."""
    x, y = float(a["value"]), float(b["value"])
    if not (math.isfinite(x) and math.isfinite(y)) or x == y or x <= 0 or y <= 0 or max(x, y) > 10 * min(x, y):
        return False
    dx, dy = _DIGITS.sub("", str(a["text"])), _DIGITS.sub("", str(b["text"]))
    return len(dx) >= 2 and dx != dy and sorted(dx) == sorted(dy)


def _score(x: Keyed, y: Keyed, rx: Mapping[str, Any], ry: Mapping[str, Any]) -> float:
    score = min(len(x.context & y.context), 5) / 10  # shared wording breaks ties between equal anchors
    score += 2 * bool(x.about and x.about == y.about)
    score += bool(x.event and x.event == y.event)
    score += bool(x.modifiers == y.modifiers and x.modifiers)
    score += bool(rx["period_basis"] == "explicit" and rx["period_label"] == ry["period_label"])
    return score


def _value(record: Mapping[str, Any]) -> float:
    magnitude = float(record["magnitude"])
    if math.isfinite(magnitude):
        return magnitude
    low, high = float(record["low_base"]), float(record["high_base"])
    finite = [v for v in (low, high) if math.isfinite(v)]
    return sum(finite) / len(finite) if finite else math.nan


def _distance(a: float, b: float) -> float:
    if not (math.isfinite(a) and math.isfinite(b)) or a <= 0 or b <= 0:
        return 0.0 if a == b else math.inf
    return abs(math.log(a / b))


def _plausible_owners(
    by_sentence: dict[tuple[int, int, int, int], list[tuple[float, int, int]]],
    keyed: list[Keyed],
    blocks: Mapping[tuple[int, str, str, str], list[Keyed]],
    records: Mapping[int, Any],
) -> dict[tuple[int, int, int, int], list[tuple[float, int, int]]]:
    """A figure whose article does not say whose it is, against an article that gives it for several owners
    (Turkey's toll and Syria's): it is compared with the owners whose figures are closest to it, not all."""
    by_row = {k.row: k for k in keyed}
    owners: dict[tuple[tuple[int, str, str, str], int], dict[str, float]] = {}
    for block, members in blocks.items():
        for m in members:
            if m.about:
                seen = owners.setdefault((block, m.doc), {})
                seen.setdefault(m.about, math.inf)
    # The owners' figures of one article in one block, and how close each owner comes to one bare
    # figure: read once per (block, article, figure), not once per pair of sentences that asks.
    owned_of: dict[tuple[tuple[int, str, str, str], int], list[Keyed]] = {}
    closest_of: dict[tuple[tuple[int, str, str, str], int, int], dict[str, float]] = {}
    out: dict[tuple[int, int, int, int], list[tuple[float, int, int]]] = {}
    for key, items in by_sentence.items():
        kept = []
        for item in items:
            x, y = by_row[item[1]], by_row[item[2]]
            if bool(x.about) == bool(y.about):
                kept.append(item)
                continue
            owned, bare = (x, y) if x.about else (y, x)
            block = (owned.story, owned.dimension, owned.measure, owned.aspect)
            rivals = owners.get((block, owned.doc), {})
            if len(rivals) < 2:
                kept.append(item)
                continue
            closest = closest_of.get((block, owned.doc, bare.row))
            if closest is None:
                of_owner = owned_of.get((block, owned.doc))
                if of_owner is None:
                    of_owner = owned_of[block, owned.doc] = [m for m in blocks[block] if m.doc == owned.doc and m.about]
                target = _value(records[bare.row])
                closest = closest_of[block, owned.doc, bare.row] = {}
                for m in of_owner:
                    d = _distance(_value(records[m.row]), target)
                    closest[m.about] = min(closest.get(m.about, math.inf), d)
            best = min(closest.values())
            if closest.get(owned.about, math.inf) <= best + _OWNER_SLACK:
                kept.append(item)
        if kept:
            out[key] = kept
    return out


def align(
    table: pd.DataFrame, stories: Stories, vocabulary: Vocabulary, kinds: Sequence[str] = QUANTITY_KINDS
) -> tuple[list[Keyed], list[Pair]]:
    """Rows that can be aligned and the pairs of them that state the same quantity."""
    keyed, pairs, _records = align_records(table, stories, vocabulary, kinds)
    return keyed, pairs


def align_records(
    table: pd.DataFrame, stories: Stories, vocabulary: Vocabulary, kinds: Sequence[str] = QUANTITY_KINDS
) -> tuple[list[Keyed], list[Pair], dict[int, dict[str, Any]]]:
    """``align``, with the table's rows it keyed as dicts (by row), for a check to read them again."""
    from factcheck.table import records as table_records

    keyed = keyed_rows(table, stories, vocabulary, kinds)
    records = table_records(table, [k.row for k in keyed])
    blocks: dict[tuple[int, str, str, str], list[Keyed]] = {}
    for k in keyed:
        blocks.setdefault((k.story, k.dimension, k.measure, k.aspect), []).append(k)
    # What ``scope_compatible`` reads of each row.
    period = {
        row: (record["kind"] in ("date", "year"), record["period_basis"], record["period_start"], record["period_end"])
        for row, record in records.items()
    }
    scopes: dict[tuple[tuple[object, ...], tuple[object, ...]], bool] = {}
    # One to one within each pair of sentences: the best-scoring partner wins.
    by_sentence: dict[tuple[int, int, int, int], list[tuple[float, int, int]]] = {}
    for members in blocks.values():
        if len({m.doc for m in members}) < 2:
            continue
        # A block of many articles (a run about one story) pairs each claim with the next claims of the
        # block only: the pairs chain the whole block, and the cost stays linear.
        window = len(members) if len(members) <= _FULL_BLOCK else _BLOCK_WINDOW
        for i, x in enumerate(members):
            for y in members[i + 1 : i + 1 + window]:
                if x.doc == y.doc or not _compatible(x, y, stories):
                    continue
                # Whether two periods can be one time depends on their kinds and periods alone: asked once
                # per two periods (the claims of a run share a few dozen), not once per pair of claims.
                periods = (period[x.row], period[y.row])
                same_time = scopes.get(periods)
                if same_time is None:
                    same_time = scopes[periods] = scope_compatible(records[x.row], records[y.row])
                if not same_time:
                    continue
                if not _anchored(x, y, records[x.row], records[y.row]):
                    continue
                if x.modifiers != y.modifiers and not _strongly_anchored(x, y, records[x.row], records[y.row]):
                    continue  # "top executives" vs "executives": a narrower quantity unless more ties them
                first, second = (x, y) if x.row < y.row else (y, x)
                score = _score(first, second, records[first.row], records[second.row])
                key = (first.doc, first.sentence, second.doc, second.sentence)
                by_sentence.setdefault(key, []).append((score, first.row, second.row))
    by_sentence = _plausible_owners(by_sentence, keyed, blocks, records)
    pairs = []
    for items in by_sentence.values():
        if len(items) == 1:  # one candidate pair: nothing to choose
            pairs.append(Pair(items[0][1], items[0][2], items[0][0]))
            continue
        used_a: set[int] = set()
        used_b: set[int] = set()
        for score, a, b in sorted(items, key=lambda t: (-t[0], t[1], t[2])):
            if a in used_a or b in used_b:
                continue
            used_a.add(a)
            used_b.add(b)
            pairs.append(Pair(a, b, score))
    pairs.sort(key=lambda p: (p.a, p.b))
    return keyed, pairs, records
