"""The pipeline: load -> extract -> tabulate -> link -> compare -> suppress -> report.

``check(paths, **options)`` runs it on files and returns a ``Report``;
``run_rules(documents, rules)`` is the part after loading, shared with the
rule-example tests.  Nothing here writes output.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, BinaryIO, TextIO

from factcheck.checks import CHECKS
from factcheck.checks.base import CheckContext, Rule
from factcheck.extract import Extraction, extract, extract_document
from factcheck.link import group_stories
from factcheck.link.identity import resolve_spellings
from factcheck.model import Claim, Document, DocumentSummary, ErrorEntry, Finding, Report, Severity
from factcheck.parallel import map_documents
from factcheck.ruleset import check_rule_ids, load_rules, select_rules
from factcheck.sources import DEFAULT_INCLUDE, STDIN_PATH, load_paths
from factcheck.suppress import apply_suppressions, check_suppressions, find_cq_marks, find_suppressions

if TYPE_CHECKING:
    import pandas as pd

    # Where extraction and the story-local checks run instead of here and on factcheck.parallel.
    from factcheck.dask_engine import DaskEngine as Engine
    from factcheck.index import Index
    from factcheck.link.stories import Stories

Progress = Callable[[str, int, int], None]
"""``progress(phase, done, total)``: the run reached ``done`` of ``total`` steps of ``phase``
("loading", "extracting", "linking", "rule numbers.conflict", "suppressing"); ``total`` is 0 when
the phase is not counted.  Optional everywhere; nothing is reported without one."""


@dataclass(frozen=True, slots=True)
class Analysis:
    """Documents, their claims and the findings of a set of rules; ``stories`` names each document's story."""

    documents: tuple[Document, ...]
    claims: tuple[tuple[Claim, ...], ...]
    findings: tuple[Finding, ...]
    # Everything extraction found in each document (the claims above among it).
    extractions: tuple[Extraction, ...]
    # The name of each document's story, in document order (empty when stories were not grouped).
    stories: tuple[str, ...] = ()


def extract_all(
    documents: Sequence[Document], progress: Progress | None = None, jobs: int = 1
) -> list[tuple[Claim, ...]]:
    """Claims of every document, in document order (on ``jobs`` processes for a large run)."""
    return map_documents(_claims_of, documents, progress, jobs)


def _claims_of(document: Document) -> tuple[Claim, ...]:
    return tuple(extract(document))


def extract_documents(
    documents: Sequence[Document],
    progress: Progress | None = None,
    jobs: int = 1,
    index: Index | None = None,
    root: str | None = None,
) -> list[Extraction]:
    """Everything later stages read of every document, in document order (the extract stage).

    With an ``index`` (``factcheck.index``), only the documents it does not hold are extracted, and
    the index is brought up to date (``root``: what relative paths are relative to)."""
    if index is None:
        return map_documents(extract_document, documents, progress, jobs)
    stored = index.lookup(documents)
    misses = [d for d, e in zip(documents, stored, strict=True) if e is None]
    fresh = iter(map_documents(extract_document, misses, progress, jobs))
    out = [e if e is not None else next(fresh) for e in stored]
    # Written with the rest of the run's entries, in one transaction, when the run flushes the index.
    index.store(documents, out, [_file_of(d.path, root) for d in documents])
    return out


def _file_of(path: str, root: str | None) -> str | None:
    """A document's file as an absolute path, None when it is not a file (standard input)."""
    if path in ("-", STDIN_PATH):
        return None
    file = _normal(path, root)
    return file if os.path.isfile(file) else None


def tabulate(documents: Sequence[Document], claims: Sequence[Sequence[Claim]]) -> pd.DataFrame | None:
    """The claims table, or None for fewer than two documents: the checks that read it compare across
    documents, so a one-article run neither builds it nor imports pandas."""
    if len(documents) < 2:
        return None
    from factcheck.table import build_table

    return build_table(documents, claims)


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


def run_rules(
    documents: Sequence[Document],
    rules: Sequence[Rule],
    progress: Progress | None = None,
    jobs: int = 1,
    engine: Engine | None = None,
    index: Index | None = None,
    root: str | None = None,
) -> Analysis:
    """Extract, tabulate and compare; findings sorted and de-duplicated by id.

    With an ``index`` (and no ``engine``), stories and findings the index holds for these documents
    and rules are taken from it (``factcheck.incremental``): the same findings, computed again only
    where something they depend on changed."""
    ordered = sorted(documents, key=lambda d: d.path)
    if engine is not None:
        extractions = engine.extract(ordered, progress)
    else:
        extractions = extract_documents(ordered, progress, jobs, index, root)
    claims = [e.claims for e in extractions]
    findings: dict[str, Finding] = {}
    if index is not None and engine is None:
        from factcheck.incremental import IncrementalCompare

        if progress is not None:
            progress("linking", 0, 0)
        compare = IncrementalCompare(ordered, extractions, index, [_file_of(d.path, root) for d in ordered])
        stories = compare.stories
        for number, rule in enumerate(rules):
            if progress is not None:
                progress(f"rule {rule.id}", number, len(rules))
            for finding in compare.findings(rule):
                findings.setdefault(finding.id, finding)
        index.flush()
    else:
        stories = _compare(ordered, extractions, rules, findings, progress, engine)
    ranked = tuple(sorted(findings.values(), key=_sort_key))
    return Analysis(
        tuple(ordered), tuple(claims), ranked, tuple(extractions), story_names(stories.of_document, stories.names)
    )


def _compare(
    ordered: Sequence[Document],
    extractions: Sequence[Extraction],
    rules: Sequence[Rule],
    findings: dict[str, Finding],
    progress: Progress | None,
    engine: Engine | None,
) -> Stories:
    """Tabulate, link and compare the whole run, adding each rule's findings to ``findings`` (the
    first of two with one id kept); returns the stories."""
    claims = [e.claims for e in extractions]
    table = tabulate(ordered, claims)
    if progress is not None:
        progress("linking", 0, 0)
    stories = group_stories(ordered)
    spellings = None
    if any(r.check == "name-spelling" for r in rules):
        spellings = resolve_spellings(ordered, stories, [e.propers for e in extractions])
    remote = engine.compare(rules, ordered, extractions, stories, progress) if engine is not None else {}
    for number, rule in enumerate(rules):
        if rule.id in remote:
            for finding in remote[rule.id]:
                findings.setdefault(finding.id, finding)
            continue
        if progress is not None:
            progress(f"rule {rule.id}", number, len(rules))
        context = CheckContext(
            rule=rule,
            documents=ordered,
            claims=claims,
            table=table,
            stories=stories,
            spellings=spellings,
            extractions=extractions,
        )
        for finding in CHECKS[rule.check]().run(context):
            findings.setdefault(finding.id, finding)
    return stories


def story_names(of_document: Sequence[int], names: Sequence[str]) -> tuple[str, ...]:
    """Each document's story name; two stories that share a name are told apart ("Valencia (2)")."""
    shown: dict[int, str] = {}
    taken: dict[str, int] = {}
    for story in of_document:
        if story not in shown:
            name = names[story]
            taken[name] = taken.get(name, 0) + 1
            shown[story] = name if taken[name] == 1 else f"{name} ({taken[name]})"
    return tuple(shown[story] for story in of_document)


def build_report(analysis: Analysis, errors: Sequence[ErrorEntry]) -> Report:
    stories = analysis.stories or (None,) * len(analysis.documents)
    documents = tuple(
        DocumentSummary(d.path, d.title, d.date, len(c), outlet=d.outlet, url=d.url, story=story)
        for d, c, story in zip(analysis.documents, analysis.claims, stories, strict=True)
    )
    return Report(
        documents=documents,
        findings=analysis.findings,
        errors=tuple(sorted(errors, key=lambda e: (e.path, e.message))),
    )


def suppress(
    analysis: Analysis,
    *,
    per_file_ignores: Sequence[tuple[str, Sequence[str]]] = (),
    baseline: frozenset[str] = frozenset(),
) -> Analysis:
    """Drop suppressed findings (inline, front matter, cq, per-file, baseline); add unused suppressions."""
    suppressions = []
    for document, extraction in zip(analysis.documents, analysis.extractions, strict=True):
        suppressions.extend(find_suppressions(document))
        suppressions.extend(find_cq_marks(document, ((c.start, c.end) for c in extraction.claims)))
        suppressions.extend(find_cq_marks(document, ((m.start, m.end) for m in extraction.people.mentions)))
    result = apply_suppressions(
        analysis.findings, analysis.documents, suppressions, per_file_ignores=per_file_ignores, baseline=baseline
    )
    findings = sorted({f.id: f for f in (*result.findings, *result.unused)}.values(), key=_sort_key)
    return replace(analysis, findings=tuple(findings))


def only_changed(analysis: Analysis, changed: Sequence[str], root: str | None = None) -> Analysis:
    """Keep findings that involve a changed file (the whole corpus was still compared), each anchored on
    its passages in the changed files."""
    wanted = {_normal(path, root) for path in changed}
    kept = []
    for finding in analysis.findings:
        mine = [loc for loc in finding.locations if _normal(loc.path, root) in wanted]
        if not mine:
            continue
        # Anchored on the changed file: the finding is shown (and annotated by CI) where the change is,
        # the other articles' passages following as related locations.
        others = [loc for loc in finding.locations if loc not in mine]
        kept.append(
            replace(finding, locations=(*mine, *others)) if others and finding.locations[0] not in mine else finding
        )
    return replace(analysis, findings=tuple(sorted(kept, key=_sort_key)))


def _normal(path: str, root: str | None = None) -> str:
    """An absolute path for comparing: a root-relative path under the root, anything else from here."""
    if os.path.isabs(path):
        return os.path.normpath(path)
    if root and os.path.exists(os.path.join(root, path)):
        return os.path.normpath(os.path.join(root, path))
    return os.path.normpath(os.path.abspath(path))


def root_relative(path: str, root: str) -> str:
    """A file's path relative to the project root when it lies inside it ("content/news/a.md", however
    it was given: absolute, with "./", from a subdirectory); as given otherwise (and "-" as is)."""
    if path in ("-", STDIN_PATH):
        return path
    relative = os.path.relpath(os.path.abspath(path), root)
    if relative == ".." or relative.startswith(".." + os.sep) or os.path.isabs(relative):
        return path
    return relative.replace(os.sep, "/")


def _relative_to(
    root: str, documents: Sequence[Document], errors: Sequence[ErrorEntry]
) -> tuple[list[Document], list[ErrorEntry]]:
    moved = [replace(d, path=root_relative(d.path, root)) for d in documents]
    moved_errors = [replace(e, path=root_relative(e.path, root)) for e in errors]
    return sorted(moved, key=lambda d: d.path), sorted(moved_errors, key=lambda e: e.path)


def with_severities(rules: Sequence[Rule], overrides: Sequence[tuple[str, Severity]]) -> list[Rule]:
    """Rules with the configuration's severity overrides (by id or id prefix; the longest prefix wins)."""
    out = []
    for rule in rules:
        matching = [(len(p), s) for p, s in overrides if rule.id == p or rule.id.startswith(p.rstrip(".") + ".")]
        out.append(replace(rule, severity=max(matching)[1]) if matching else rule)
    return out


def active_rules(
    rules_dirs: Sequence[str] = (),
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    severity: Sequence[tuple[str, Severity]] = (),
) -> list[Rule]:
    """The rules a run uses: built-in and extra, selected, with severity overrides."""
    return choose_rules(load_rules(rules_dirs), select, ignore, severity)


def choose_rules(
    rules: Sequence[Rule],
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    severity: Sequence[tuple[str, Severity]] = (),
) -> list[Rule]:
    """Of loaded rules, those selected, with severity overrides (every id named must exist)."""
    check_rule_ids(rules, [rule_id for rule_id, _level in severity], "severity")
    return with_severities(select_rules(rules, select, ignore), severity)


def with_house_data(rules: Sequence[Rule], people: str | None = None, facts: str | None = None) -> list[Rule]:
    """Rules that read the people registry or the facts base, with the house files of the
    configuration (``people = FILE``, ``facts = FILE``) merged over the built-in ones."""
    extra = {"house_registry": people, "house_facts": facts}
    out = []
    for rule in rules:
        options = {key: value for key, value in extra.items() if value and key in CHECKS[rule.check].OPTIONS}
        out.append(replace(rule, options={**rule.options, **options}) if options else rule)
    return out


def check(
    paths: Sequence[str],
    *,
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
    rules_dirs: Sequence[str] = (),
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    severity: Sequence[tuple[str, Severity]] = (),
    per_file_ignores: Sequence[tuple[str, Sequence[str]]] = (),
    baseline: frozenset[str] = frozenset(),
    changed: Sequence[str] | None = None,
    stdin_filename: str | None = None,
    stdin: TextIO | BinaryIO | None = None,
    progress: Progress | None = None,
    max_file_size: int | None = None,
    root: str | None = None,
    follow_links: bool = False,
    respect_gitignore: bool = True,
    people: str | None = None,
    facts: str | None = None,
    jobs: int = 1,
    engine: Engine | None = None,
    cache_dir: str | None = None,
    cache_warn: Callable[[str], None] | None = None,
) -> Report:
    """Run the whole pipeline on files, directories or "-" (standard input).

    ``changed``: report only findings that involve one of these files, while
    still comparing against everything ``paths`` reaches.  ``jobs``: processes
    for extraction (``factcheck.parallel``; the report is the same whatever it is).  ``engine``: where
    extraction and the story-local checks run instead (``factcheck.dask_engine``; the same report).
    ``cache_dir``: the directory of the index of extractions (``factcheck.index``; None: no index);
    ``cache_warn`` takes the line said when it cannot be used (default: printed on stderr).
    """
    every_rule = load_rules(rules_dirs)
    rules = with_house_data(choose_rules(every_rule, select, ignore, severity), people, facts)
    if progress is not None:
        progress("loading", 0, 0)
    documents, errors = load_paths(
        paths,
        include=include,
        exclude=exclude,
        stdin_filename=stdin_filename,
        stdin=stdin,
        max_file_size=max_file_size,
        follow_links=follow_links,
        respect_gitignore=respect_gitignore,
    )
    if root is not None:
        documents, errors = _relative_to(root, documents, errors)
    for document in documents:
        check_suppressions(document, lambda ids, where: check_rule_ids(every_rule, ids, where))
    index = None
    if cache_dir is not None and engine is None:  # the Dask engine extracts on its workers, with no index
        from factcheck.index import Index

        index = Index.open(cache_dir, cache_warn)
    try:
        analysis = run_rules(documents, rules, progress, jobs, engine, index, root)
    finally:
        if index is not None:
            index.close()
    if progress is not None:
        progress("suppressing", 0, 0)
    analysis = suppress(analysis, per_file_ignores=per_file_ignores, baseline=baseline)
    if changed is not None:
        analysis = only_changed(analysis, [os.path.abspath(path) for path in changed], root)
    return build_report(analysis, errors)


def run_example(rule: Rule, files: Sequence[tuple[str, str]]) -> tuple[Finding, ...]:
    """Findings of one rule on in-memory documents (name -> text): how rule examples run."""
    from factcheck.sources import load_text

    documents = [load_text(text, name) for name, text in files]
    return run_rules(documents, [rule]).findings
