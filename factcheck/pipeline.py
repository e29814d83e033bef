"""The pipeline: load -> extract -> tabulate -> compare -> suppress -> report.

``check(paths, **options)`` runs it on files and returns a ``Report``;
``run_rules(documents, rules)`` is the part after loading, shared with the
rule-example tests.  Nothing here writes output.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import BinaryIO, TextIO

from factcheck.checks import CHECKS
from factcheck.checks.base import CheckContext, Rule
from factcheck.extract import extract
from factcheck.model import Claim, Document, DocumentSummary, ErrorEntry, Finding, Report
from factcheck.ruleset import load_rules, select_rules
from factcheck.sources import DEFAULT_INCLUDE, load_paths
from factcheck.table import build_table

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Analysis:
    """Documents, their claims and the findings of a set of rules."""

    documents: tuple[Document, ...]
    claims: tuple[tuple[Claim, ...], ...]
    findings: tuple[Finding, ...]


def extract_all(documents: Sequence[Document], progress: Progress | None = None) -> list[tuple[Claim, ...]]:
    """Claims of every document, in document order."""
    out = []
    for index, document in enumerate(documents):
        out.append(tuple(extract(document)))
        if progress is not None:
            progress(index + 1, len(documents))
    return out


def _sort_key(finding: Finding) -> tuple[object, ...]:
    first = finding.locations[0] if finding.locations else None
    return (
        -int(finding.severity),
        first.path if first else "",
        first.line if first else 0,
        first.column if first else 0,
        finding.rule,
        finding.id,
    )


def run_rules(documents: Sequence[Document], rules: Sequence[Rule], progress: Progress | None = None) -> Analysis:
    """Extract, tabulate and compare; findings sorted and de-duplicated by id."""
    ordered = sorted(documents, key=lambda d: d.path)
    claims = extract_all(ordered, progress)
    table = build_table(ordered, claims)
    findings: dict[str, Finding] = {}
    for rule in rules:
        context = CheckContext(rule=rule, documents=ordered, claims=claims, table=table)
        for finding in CHECKS[rule.check]().run(context):
            findings.setdefault(finding.id, finding)
    return Analysis(tuple(ordered), tuple(claims), tuple(sorted(findings.values(), key=_sort_key)))


def build_report(analysis: Analysis, errors: Sequence[ErrorEntry]) -> Report:
    documents = tuple(
        DocumentSummary(d.path, d.title, d.date, len(c))
        for d, c in zip(analysis.documents, analysis.claims, strict=True)
    )
    return Report(
        documents=documents,
        findings=analysis.findings,
        errors=tuple(sorted(errors, key=lambda e: (e.path, e.message))),
    )


def check(
    paths: Sequence[str],
    *,
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
    rules_dirs: Sequence[str] = (),
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    stdin_filename: str | None = None,
    stdin: TextIO | BinaryIO | None = None,
    progress: Progress | None = None,
) -> Report:
    """Run the whole pipeline on files, directories or "-" (standard input)."""
    rules = select_rules(load_rules(rules_dirs), select, ignore)
    documents, errors = load_paths(paths, include=include, exclude=exclude, stdin_filename=stdin_filename, stdin=stdin)
    return build_report(run_rules(documents, rules, progress), errors)


def run_example(rule: Rule, files: Sequence[tuple[str, str]]) -> tuple[Finding, ...]:
    """Findings of one rule on in-memory documents (name -> text): how rule examples run."""
    from factcheck.sources import load_text

    documents = [load_text(text, name) for name, text in files]
    return run_rules(documents, [rule]).findings
