"""numeric-consistency: the same quantity given values that cannot both be true.

Claims are comparable when they share a subject key (after the rule's
synonyms), a dimension (after unit conversion), an aspect (a level is not a
change) and a period.  Each claim becomes an interval in base units: the
interval its wording commits to ("at least 21,692" is [21692, inf)), widened
by the rounding its written form implies ("$244bn" may stand for anything
from 243.5bn to just under 245bn) and by the rule's relative tolerance.
Claims whose intervals share a point can all be true.

Within a group, the largest set of claims from different documents that
share a point is the majority; every claim outside it is an outlier and is
reported once, with the majority as context (not N^2 pairs).

Cumulative subjects (counts that only grow: sanctions imposed since 2022,
companies that left Russia) compare across dates: a smaller count at an
earlier date is fine, a larger count at an earlier date is a conflict.

Severity is the rule's when subject and period match exactly (same key
before synonyms, explicit period or the same dated "as of"); it drops to
warning when the match is looser (synonyms, or undated documents).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

import pandas as pd

from factcheck.checks.base import Check, CheckContext, Option, fingerprint, location
from factcheck.checks.intervals import COMPARABLE_KINDS, claim_interval
from factcheck.checks.subjects import SubjectNormaliser, content_words
from factcheck.extract.numbers import format_number
from factcheck.model import Finding, Severity

_SKIP_KINDS = frozenset({"date", "year", "ordinal"})


@dataclass(frozen=True, slots=True)
class _Member:
    row: int
    doc: int
    path: str
    low: float
    high: float
    as_of: str
    exact_key: str


class NumericConsistency(Check):
    name: ClassVar[str] = "numeric-consistency"
    description: ClassVar[str] = "The same quantity about the same subject and period given incompatible values."
    OPTIONS: ClassVar[Mapping[str, Option]] = {
        "relative_tolerance": Option("number", 0.005, "Extra relative slack on both ends of every interval."),
        "synonyms": Option(
            "string_map",
            {},
            "Subject words or phrases that mean the same: canonical -> variants (after normalisation).",
        ),
        "verb_synonyms": Option(
            "string_map",
            {},
            "Verbs that tie a number to its subject in the same sense: canonical -> variants ('leave': ['exit']).",
        ),
        "cumulative": Option(
            "string_list",
            (),
            "Subject keys (after synonyms) of counts that only grow; a key matches when it contains the entry.",
        ),
        "min_subject_words": Option(
            "integer", 2, "Subjects with fewer content words are too vague to compare ('times', 'people')."
        ),
        "kinds": Option(
            "string_list",
            COMPARABLE_KINDS,
            "Claim kinds this rule compares.",
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
        if table.empty:
            return []
        subjects = SubjectNormaliser.build(options["synonyms"], options["verb_synonyms"])
        rows = table[
            table["kind"].isin(options["kinds"])
            & ~table["kind"].isin(_SKIP_KINDS)
            & (table["subject_key"] != "")
            & (table["dimension"] != "")
        ].copy()
        if rows.empty:
            return []
        rows["key"] = [subjects.key(k, n) for k, n in zip(rows["subject_key"], rows["noun_key"], strict=True)]
        rows = rows[[content_words(k) >= options["min_subject_words"] for k in rows["key"]]]
        if rows.empty:
            return []
        cumulative = tuple(options["cumulative"])
        rows["cumulative"] = [any(c in key for c in cumulative) for key in rows["key"]]
        rows = _convert_currencies(rows, options["rates"])
        records: dict[int, dict[str, Any]] = {
            int(str(i)): {str(k): v for k, v in r.items()} for i, r in rows.to_dict("index").items()
        }
        rows["bucket"] = [self._bucket(records[int(i)]) for i in rows.index]
        relative = float(options["relative_tolerance"])
        rate_tolerance = float(options["rate_tolerance"])
        findings: list[Finding] = []
        weak = {i for i, r in records.items() if content_words(subjects.noun(r["noun_key"])) < 2}
        for keys, group in rows.groupby(["key", "dimension", "aspect", "bucket"], sort=True):
            key, bucket = str(keys[0]), str(keys[3])
            if group["doc"].nunique() < 2:
                continue
            ordered = [int(i) for i in group.sort_values(["path", "start"]).index]
            for part in _anchored_parts(ordered, records, weak):
                members = [
                    self._member(i, records[i], relative + (rate_tolerance if records[i]["converted"] else 0.0))
                    for i in part
                ]
                if len({m.doc for m in members}) < 2:
                    continue
                if bucket == "cumulative":
                    findings.extend(self._cumulative(context, records, key, members))
                else:
                    findings.extend(self._outliers(context, records, key, bucket, members))
        return findings

    @staticmethod
    def _bucket(row: Mapping[str, Any]) -> str:
        basis = row["period_basis"]
        if row["cumulative"]:
            return "cumulative"
        if basis == "explicit":
            return f"explicit:{row['period_start']}:{row['period_end']}"
        if basis == "since":
            return f"since:{row['period_start']}:{row['doc_date']}"
        if basis == "as_of":
            return f"as_of:{row['doc_date']}"
        return "undated"

    @staticmethod
    def _member(row_id: int, row: Mapping[str, Any], relative: float) -> _Member:
        """The claim as an interval in base units, widened for rounding and tolerance."""
        low, high = claim_interval(row, relative, above=1.0, widen_approximate=False)
        return _Member(
            row_id, int(row["doc"]), str(row["path"]), low, high, str(row["doc_date"]), str(row["subject_key"])
        )

    def _outliers(
        self,
        context: CheckContext,
        records: Mapping[int, Mapping[str, Any]],
        key: str,
        bucket: str,
        members: list[_Member],
    ) -> list[Finding]:
        majority = _largest_agreeing(members)
        if len({m.doc for m in majority}) == len({m.doc for m in members}) and len(majority) == len(members):
            return []
        majority_rows = {m.row for m in majority}
        outliers = [m for m in members if m.row not in majority_rows]
        findings = []
        majority_docs = {m.doc for m in majority}
        for outlier in outliers:
            against = [m for m in majority if m.doc != outlier.doc and not _overlap(m, outlier)]
            if not against:
                continue
            # With one claim on each side there is no majority: report the pair once, in path order.
            if len(majority_docs) == 1 and len(outliers) == 1:
                pair = sorted([outlier, *majority], key=lambda m: (m.path, m.row))
                findings.append(self._finding(context, records, key, bucket, pair[0], pair[1:], len(majority_docs)))
            else:
                findings.append(self._finding(context, records, key, bucket, outlier, majority, len(majority_docs)))
        return findings

    def _cumulative(
        self,
        context: CheckContext,
        records: Mapping[int, Mapping[str, Any]],
        key: str,
        members: list[_Member],
    ) -> list[Finding]:
        """A count that only grows: no claim may exceed a claim made at the same or a later date."""
        findings = []
        for earlier in members:
            if not earlier.as_of:
                continue
            against = [
                m
                for m in members
                if m.doc != earlier.doc and m.as_of and m.as_of >= earlier.as_of and m.high < earlier.low
            ]
            if against:
                docs = len({m.doc for m in against})
                findings.append(self._finding(context, records, key, "cumulative", earlier, against, docs))
        return findings

    def _finding(
        self,
        context: CheckContext,
        records: Mapping[int, Mapping[str, Any]],
        key: str,
        bucket: str,
        outlier: _Member,
        others: list[_Member],
        majority_docs: int,
    ) -> Finding:
        rule = context.rule
        involved = [outlier, *others]
        locations = []
        for member in involved:
            row = records[member.row]
            claim = context.claims[int(row["doc"])][int(row["claim"])]
            locations.append(location(context.documents[int(row["doc"])], claim))
        first = records[outlier.row]
        other = records[others[0].row]
        exact = (
            len({m.exact_key for m in involved}) == 1
            and not bucket.startswith(("undated", "cumulative"))
            and not any(records[m.row]["converted"] for m in involved)
        )
        severity = rule.severity if exact else min(rule.severity, Severity.WARNING)
        period = str(first["period_label"]) if first["period_basis"] != "as_of" else ""
        subject = str(first["subject"]) + (f" ({period})" if period else "")
        agree = ""
        if majority_docs > 1:
            agree = f" ({majority_docs} articles agree with {other['text']!s})"
        message = (
            rule.message.format(
                subject=subject,
                value_a=str(first["text"]),
                doc_a=str(first["path"]),
                value_b=str(other["text"]),
                doc_b=str(other["path"]),
                base_a=format_number(float(first["magnitude"]))
                if not math.isnan(first["magnitude"])
                else first["text"],
                base_b=format_number(float(other["magnitude"]))
                if not math.isnan(other["magnitude"])
                else other["text"],
            )
            + agree
        )
        parts = [(loc.path, loc.text) for loc in locations]
        return Finding(
            id=fingerprint(rule.id, key, parts),
            rule=rule.id,
            kind="numeric_conflict",
            severity=severity,
            message=message,
            subject=key,
            locations=tuple(locations),
        )


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


def _anchored_parts(rows: list[int], records: Mapping[int, Mapping[str, Any]], weak: set[int]) -> list[list[int]]:
    """Split a group whose subject is vague ("40 times") into parts that name someone in common.

    A vague subject is only the same quantity when the sentences share a name
    ("Putin and Xi have met more than 40 times"); claims that share none are
    not compared.
    """
    if not any(row in weak for row in rows):
        return [rows]
    parent = {row: row for row in rows}

    def find(row: int) -> int:
        while parent[row] != row:
            parent[row] = parent[parent[row]]
            row = parent[row]
        return row

    by_name: dict[str, int] = {}
    for row in rows:
        for name in str(records[row]["anchors"]).split():
            if name in by_name:
                parent[find(row)] = find(by_name[name])
            else:
                by_name[name] = row
    parts: dict[int, list[int]] = {}
    for row in rows:
        if str(records[row]["anchors"]):
            parts.setdefault(find(row), []).append(row)
    return list(parts.values())


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
