"""Suppressions: inline comments, front matter, the newsroom's "cq" mark, per-file ignores, a baseline.

A finding names several passages; a suppression hides it when it covers one
of them:

* ``<!-- factcheck: ignore[RULE, ...] reason -->`` covers its own line and the
  next line with text; ``<!-- factcheck: ignore -->`` covers every rule.
  A rule is named by its id or an id prefix (``numbers``).
* ``<!-- factcheck: off -->`` ... ``<!-- factcheck: on -->`` (Vale's convention) covers the lines
  between (``off[RULE, ...]`` for some rules only); an ``off`` never switched on runs to the end.
* front matter ``factcheck: {ignore: [RULE, ...]}`` covers the whole file.
* ``cq`` or ``(cq)`` right after a figure or a name ("21,692 cq"): the copy
  desk verified it.  A finding that involves it is not hidden, since the other
  article now contradicts a checked figure: it is reported on the other
  article's passage, and the message names the cq passage as the reference.
  Only a finding whose every passage is marked cq is hidden (the desk checked
  them all).
* per-file ignores from the configuration (glob -> rule prefixes).
* a baseline: findings whose stable id it lists.

Inline comments and cq marks that suppress nothing are themselves reported,
at info severity, so stale ones get cleaned up.
"""

from __future__ import annotations

import difflib
import fnmatch
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

import regex

from factcheck.checks.base import fingerprint, span_location
from factcheck.errors import UsageError
from factcheck.model import Document, Finding, Location, Severity

UNUSED_RULE = "suppressions.unused"

_COMMENT = regex.compile(
    r"<!--[ \t]{0,20}factcheck:[ \t]{0,20}ignore(?:\[(?P<rules>[^\]\n]{0,300})\])?"
    r"(?P<reason>[^\n]{0,300}?)[ \t]{0,20}-->"
)
# Vale's convention for a passage: "<!-- factcheck: off -->" ... "<!-- factcheck: on -->", optionally
# for some rules only ("<!-- factcheck: off[numbers] -->").
_BLOCK = regex.compile(
    r"<!--[ \t]{0,20}factcheck:[ \t]{0,20}(?P<switch>off|on)(?:\[(?P<rules>[^\]\n]{0,300})\])?[ \t]{0,20}-->"
)
_CQ = regex.compile(r"[ \t]{1,3}\(?cq\)?(?![\w])")


@dataclass(frozen=True, slots=True)
class Suppression:
    """One suppression found in a document."""

    path: str
    kind: str  # "comment", "front_matter" or "cq"
    rules: tuple[str, ...]  # empty: every rule
    first_line: int
    last_line: int
    start: int
    end: int
    reason: str = ""

    def marks(self, location: Location) -> bool:
        """True when this is a cq mark right after the passage at ``location``."""
        return self.kind == "cq" and location.path == self.path and location.start == self.start

    def covers(self, finding: Finding) -> bool:
        if not _rule_matches(finding.rule, self.rules):
            return False
        mine = [loc for loc in finding.locations if loc.path == self.path]
        if self.kind == "front_matter":
            return bool(mine)
        if self.kind == "cq":
            return any(self.marks(loc) for loc in finding.locations)
        return any(self.first_line <= loc.line <= self.last_line for loc in mine)


def _rule_matches(rule: str, prefixes: Sequence[str]) -> bool:
    return not prefixes or any(rule == p or rule.startswith(p.rstrip(".") + ".") for p in prefixes)


def _split_rules(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in regex.split(r"[,\s]+", text) if part.strip())


def find_suppressions(document: Document) -> list[Suppression]:
    """Every suppression a document carries."""
    found: list[Suppression] = []
    meta = dict(document.meta)
    if "factcheck.ignore" in meta:
        found.append(Suppression(document.path, "front_matter", _split_rules(meta["factcheck.ignore"]), 1, 1, 0, 0))
    text = document.text
    for match in _COMMENT.finditer(text):
        line, _column = document.position(match.start())
        last = line
        # The comment alone on its line covers the next line with text.
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        alone = not text[line_start : match.start()].strip() and not text[match.end() : line_end].strip()
        if alone:
            next_start = line_end + 1 if line_end >= 0 else len(text)
            while next_start < len(text) and text[next_start] == "\n":
                next_start += 1
            if next_start < len(text):
                last = document.position(next_start)[0]
        rules = _split_rules(match.group("rules") or "")
        found.append(
            Suppression(document.path, "comment", rules, line, last, match.start(), match.end(),
                        match.group("reason").strip())
        )  # fmt: skip
    found.extend(_blocks(document))
    return found


def _blocks(document: Document) -> list[Suppression]:
    """``off`` ... ``on`` passages; an ``off`` never switched back on runs to the end of the file."""
    out: list[Suppression] = []
    opened: regex.Match[str] | None = None
    for match in _BLOCK.finditer(document.text):
        if match.group("switch") == "off" and opened is None:
            opened = match
        elif match.group("switch") == "on" and opened is not None:
            out.append(_block(document, opened, match.end()))
            opened = None
    if opened is not None:
        out.append(_block(document, opened, len(document.text)))
    return out


def _block(document: Document, opened: regex.Match[str], end: int) -> Suppression:
    first = document.position(opened.start())[0]
    last = document.position(max(opened.start(), end - 1))[0]
    rules = _split_rules(opened.group("rules") or "")
    return Suppression(document.path, "block", rules, first, last, opened.start(), end)


_FRONT_MATTER_KEYS = ("factcheck.ignore",)


def check_suppressions(document: Document, known: Callable[[Sequence[str], str], None]) -> None:
    """Raise on a suppression that names no rule, or a front-matter key factcheck does not read: a typo
    in ``ignore[...]`` would otherwise hide nothing and pass the build.  ``known(ids, where)`` raises on
    an unknown rule id (``factcheck.ruleset.check_rule_ids`` with the run's rules)."""
    for key, _value in document.meta:
        if key.startswith("factcheck.") and key not in _FRONT_MATTER_KEYS:
            close = difflib.get_close_matches(key, _FRONT_MATTER_KEYS, n=1, cutoff=0.6)
            hint = f"; did you mean {close[0].removeprefix('factcheck.')}?" if close else " (expected 'ignore')"
            raise UsageError(f"{document.path}:1: front matter: unknown key '{key}'{hint}")
    for suppression in find_suppressions(document):
        where = f"{document.path}:{suppression.first_line}"
        known(suppression.rules, f"{where}: {'front matter' if suppression.kind == 'front_matter' else 'ignore'}")


def find_cq_marks(document: Document, claim_spans: Iterable[tuple[int, int]]) -> list[Suppression]:
    """ "cq" right after a claim: the figure was verified."""
    marks = []
    for start, end in claim_spans:
        match = _CQ.match(document.text, end)
        if match:
            line = document.position(start)[0]
            marks.append(Suppression(document.path, "cq", (), line, line, start, match.end()))
    return marks


@dataclass(frozen=True, slots=True)
class Suppressed:
    """What suppression kept, what it hid, and the suppressions nobody used."""

    findings: tuple[Finding, ...]
    hidden: int
    unused: tuple[Finding, ...]


def apply_suppressions(
    findings: Sequence[Finding],
    documents: Sequence[Document],
    suppressions: Sequence[Suppression],
    *,
    per_file_ignores: Sequence[tuple[str, Sequence[str]]] = (),
    baseline: frozenset[str] = frozenset(),
) -> Suppressed:
    """Remove suppressed findings; report unused inline suppressions at info severity."""
    used: set[Suppression] = set()
    kept: list[Finding] = []
    hidden = 0
    for finding in findings:
        if finding.id in baseline or _per_file_ignored(finding, per_file_ignores):
            hidden += 1
            continue
        covering = [s for s in suppressions if s.kind != "cq" and s.covers(finding)]
        if covering:
            used.update(covering)
            hidden += 1
            continue
        checked = [s for s in suppressions if s.kind == "cq" and s.covers(finding)]
        if checked:
            used.update(checked)
            anchored = _against_checked(finding, checked)
            if anchored is None:
                hidden += 1
                continue
            finding = anchored
        kept.append(finding)
    by_path = {d.path: d for d in documents}
    unused = tuple(_unused_finding(s, by_path[s.path]) for s in suppressions if s not in used and s.kind == "comment")
    return Suppressed(tuple(kept), hidden, unused)


def _against_checked(finding: Finding, marks: Sequence[Suppression]) -> Finding | None:
    """A finding that involves passages marked cq (verified): None when every passage is marked (the
    desk checked them all); otherwise the same finding anchored on the unchecked passages, with the
    checked ones last and named in the message as the reference."""
    checked = [loc for loc in finding.locations if any(mark.marks(loc) for mark in marks)]
    unchecked = [loc for loc in finding.locations if loc not in checked]
    if not unchecked:
        return None
    where = ", ".join(f"{loc.path}:{loc.line}" for loc in checked)
    note = f" (checked: {where} is marked cq, so it is the reference)"
    return replace(finding, message=finding.message + note, locations=(*unchecked, *checked))


def _per_file_ignored(finding: Finding, per_file_ignores: Sequence[tuple[str, Sequence[str]]]) -> bool:
    if not finding.locations:
        return False
    # Paths are relative to the project root (the configuration file's directory): "drafts/*" and
    # "*/drafts/*" both match "drafts/b.md", as does a bare file name.
    path = finding.locations[0].path
    return any(
        (
            fnmatch.fnmatch(path, glob)
            or fnmatch.fnmatch("/" + path, glob)
            or fnmatch.fnmatch(path.rsplit("/", 1)[-1], glob)
        )
        and _rule_matches(finding.rule, rules)
        for glob, rules in per_file_ignores
    )


def _unused_finding(suppression: Suppression, document: Document) -> Finding:
    location = span_location(document, suppression.start, suppression.end)
    text = location.text
    rules = ", ".join(suppression.rules) or "all rules"
    return Finding(
        id=fingerprint(UNUSED_RULE, rules, [(suppression.path, text)]),
        rule=UNUSED_RULE,
        kind="unused_suppression",
        severity=Severity.INFO,
        message=f"unused suppression ({rules}): no finding is reported here",
        subject=None,
        locations=(location,),
    )


_MAX_BASELINE = 64 * 2**20  # bytes: a baseline of a million findings is well under this


def read_baseline(path: str) -> frozenset[str]:
    """Finding ids recorded by ``--write-baseline``."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(_MAX_BASELINE + 1)
    except OSError as error:
        raise UsageError(f"{path}: cannot read baseline: {error.strerror}") from None
    if len(raw) > _MAX_BASELINE:
        raise UsageError(f"{path}: baseline is larger than {_MAX_BASELINE // 2**20} MB")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UsageError(
            f"{path}: baseline is not UTF-8 text (byte {error.start}); write it with --write-baseline"
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise UsageError(f"{path}:{error.lineno}: baseline is not valid JSON: {error.msg}") from None
    except RecursionError:
        raise UsageError(f"{path}: baseline is nested too deeply to be a factcheck baseline") from None
    except ValueError as error:  # an integer of thousands of digits
        raise UsageError(f"{path}: baseline is not a factcheck baseline: {str(error)[:80]}") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise UsageError(f"{path}: not a factcheck baseline (expected a 'findings' list)")
    ids = [entry.get("id") for entry in data["findings"] if isinstance(entry, dict)]
    return frozenset(i for i in ids if isinstance(i, str))


def baseline_json(findings: Sequence[Finding]) -> str:
    """The baseline file: the stable ids of the findings, with rule and message for people."""
    entries = [{"id": f.id, "rule": f.rule, "message": f.message} for f in sorted(findings, key=lambda f: f.id)]
    return json.dumps({"schema_version": 1, "findings": entries}, indent=2, ensure_ascii=False) + "\n"
