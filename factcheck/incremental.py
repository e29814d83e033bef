"""Incremental re-checking: what a run with the index takes from it instead of computing it again.

The index (``factcheck.index``) keeps, besides every document's extraction:

* **each document's story signature**: everything ``link.stories.group_stories`` reads of one
  document's prose (every word its word pattern matches, and whether it opens a sentence), as a
  hash.  The grouping of a run is a function of its
  documents' paths, in order, these signatures, and the title of a story's first document when the
  story is named after it (no name being shared by most of its articles), so a run whose paths and
  signatures are those of a stored grouping, and whose stories named after a title have that title
  still, takes it as it is: an edit to a figure, a date or anything that is not a word keeps every
  story.  Any other change groups the run again.
* **findings per story**: the checks of ``PER_STORY_CHECKS`` never compare two stories (see
  ``docs/scaling.md``), so their findings on a run are the union of their findings on each story
  checked alone.  They are stored per story, under a key of the rule, the code, the story's name
  (and whether the run has several), the share of its articles that name each name (what
  ``Stories.central`` reads), and the paths and content of its documents in order; a later run
  checks again only the stories whose key is new, all in one block.
* **findings per run** for every other check: they compare across the run, so they are taken only
  when the rule, the code and every document of the run (paths and content, in order) are those of
  a stored run; otherwise the check runs on the whole run, as without the index.

A key hashes everything the result is computed from, so an entry is either exact or never read;
``tests/test_incremental.py`` compares runs after random edits, additions and removals with runs
without the index, byte for byte.
"""

from __future__ import annotations

import hashlib
import json
import operator
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.model import Document, Finding, Location, Severity

if TYPE_CHECKING:
    import pandas as pd

    from factcheck.checks.base import Rule
    from factcheck.extract import Extraction
    from factcheck.index import Index
    from factcheck.link.identity import Spellings
    from factcheck.link.stories import Stories

__all__ = [
    "PER_STORY_CHECKS",
    "IncrementalCompare",
    "cached_stories",
    "code_key",
    "decode_findings",
    "decode_stories",
    "document_fingerprint",
    "encode_findings",
    "encode_stories",
    "grouping_key",
    "rule_key",
    "run_key",
    "story_keys",
    "story_signature",
]

# Checks whose findings never involve two stories and read nothing of the run beyond their own
# documents, the story's name and its names' shares: those the Dask engine runs per story, and
# ``reference``, which reads one document at a time (and the facts files, whose content is in the
# rule's key).  The others gather mentions across the whole run (``docs/scaling.md``).
PER_STORY_CHECKS = frozenset({"arithmetic", "dates", "headline", "numeric-consistency", "reference"})

_PACKAGE = Path(__file__).resolve().parent
# Libraries the checks call besides extraction's (whose versions are in the extraction key).
_CHECK_LIBRARIES = ("pandas", "numpy")


def _digest(parts: Iterable[str | bytes]) -> str:
    """A hash of parts, each length-prefixed so no two sequences of parts collide by concatenation."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


def code_key(environment: str) -> str:
    """A hash of what links and checks are computed by: the extraction environment (``environment``),
    every source file and data file of the package, and the versions of the libraries checks call."""
    from factcheck.index import library_version

    parts: list[str | bytes] = [environment]
    for file in sorted(_PACKAGE.rglob("*")):
        if file.is_file() and (file.suffix in (".py", ".yaml", ".json") or file.parent.name == "data"):
            parts.append(file.relative_to(_PACKAGE).as_posix())
            parts.append(hashlib.sha256(file.read_bytes()).digest())
    parts.extend(f"{name} {library_version(name)}" for name in _CHECK_LIBRARIES)
    return _digest(parts)


def rule_key(rule: Rule, code: str) -> str:
    """A hash of a rule (everything it was loaded with) and of the files its options may name: a
    string option is looked up as a path as given, beside the rule file and in the built-in rules."""
    from factcheck.ruleset import builtin_rules_dir

    parts: list[str | bytes] = [code, repr(rule)]
    bases = [Path(rule.path).parent, builtin_rules_dir()]
    for name in sorted(rule.options):
        value = rule.options[name]
        if not isinstance(value, str) or not value:
            continue
        for candidate in (Path(value), *(base / value for base in bases)):
            try:
                if candidate.is_file():
                    parts.append(f"{name} {candidate}")
                    parts.append(candidate.read_bytes())
            except OSError:
                parts.append(f"{name} {candidate} unreadable")
    return _digest(parts)


def document_fingerprint(document: Document, content_key: str) -> str:
    """A hash of everything checks read of a document: its extraction key (``content_key``: text,
    prose, title, date) and its path and the rest of what it was loaded with."""
    meta = json.dumps([document.outlet, document.url, document.author, [list(m) for m in document.meta]])
    return _digest([content_key, document.path, meta])


def run_key(rule: str, fingerprints: Sequence[str]) -> str:
    """The key of a cross-story rule's findings on a whole run (``rule``: its ``rule_key``)."""
    return _digest(["run", rule, *fingerprints])


def story_keys(rule: str, stories: Stories, fingerprints: Sequence[str]) -> list[str]:
    """The key of a per-story rule's findings on each story of a run (``rule``: its ``rule_key``)."""
    members: dict[int, list[str]] = {}
    for story, fingerprint in zip(stories.of_document, fingerprints, strict=True):
        members.setdefault(story, []).append(fingerprint)
    several = "several" if len(stories.names) > 1 else "one"
    run_size = "table" if len(fingerprints) >= 2 else "no table"
    keys = []
    for story in range(len(stories.names)):
        shares = stories.name_shares[story] if stories.name_shares else {}
        keys.append(
            _digest(
                [
                    "story",
                    rule,
                    several,
                    run_size,
                    stories.names[story],
                    # Sorted: the shares' order follows set iteration, which differs from process to process.
                    json.dumps(sorted(shares.items())),
                    *members.get(story, ()),
                ]
            )
        )
    return keys


def story_signature(document: Document) -> str:
    """A hash of what grouping stories reads of a document's prose (module docstring): each word its
    word pattern matches, and whether it opens a sentence as each of its two readers tells (looking
    back three characters, ``_read_words`` no further than the previous word).  It mirrors
    ``link.stories``: a change there that reads more of a document must be made here too."""
    from factcheck.link.stories import _SENTENCE_END, _WORD

    prose = document.prose
    parts: list[str] = []
    previous_end = 0
    for match in _WORD.finditer(prose):
        start = match.start()
        opens_here = bool(_SENTENCE_END.search(prose[max(previous_end, start - 3) : start]))
        opens_named = bool(_SENTENCE_END.search(prose[max(0, start - 3) : start]))
        parts.append(f"{match.group()}{int(opens_here)}{int(opens_named)}")
        previous_end = match.end()
    return _digest(parts)


def grouping_key(code: str, paths: Sequence[str], signatures: Sequence[str]) -> str:
    """The key of a run's stories: the code, and every document's path and signature in order."""
    parts: list[str] = ["stories", code]
    for path, signature in zip(paths, signatures, strict=True):
        parts.extend((path, signature))
    return _digest(parts)


# --- to JSON and back (never pickle) -------------------------------------------------------------


def _fallbacks(stories: Stories, documents: Sequence[Document]) -> list[list[Any]]:
    """[story, its first document, that document's title or path] for each story named like its first
    document's title or path: the name ``group_stories`` gives a story when no name is shared by most
    of its articles, and the only thing it reads of a title."""
    first: dict[int, int] = {}
    for doc, story in enumerate(stories.of_document):
        first.setdefault(story, doc)
    out = []
    for story, doc in sorted(first.items()):
        shown = documents[doc].title or documents[doc].path
        if stories.names[story] == shown:
            out.append([story, doc, shown])
    return out


def encode_stories(stories: Stories, documents: Sequence[Document]) -> str:
    shares = [list(s.items()) for s in stories.name_shares]
    fallbacks = _fallbacks(stories, documents)
    return json.dumps([list(stories.of_document), list(stories.names), shares, fallbacks], ensure_ascii=True)


def decode_stories(text: str, documents: Sequence[Document]) -> Stories | None:
    """Stored stories, None when a story named by its first document's title has another title now."""
    from factcheck.link.stories import Stories

    of_document, names, shares, fallbacks = json.loads(text)
    if len(of_document) != len(documents):
        return None
    for _story, doc, shown in fallbacks:
        if (documents[doc].title or documents[doc].path) != shown:
            return None
    return Stories(
        tuple(int(s) for s in of_document),
        tuple(str(n) for n in names),
        tuple({str(w): float(v) for w, v in pairs} for pairs in shares),
    )


_LOCATION = (
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "start",
    "end",
    "text",
    "value",
    "unit",
    "sentence",
    "sentence_offset",
)


_LOCATION_FIELDS = operator.attrgetter(*_LOCATION)


def encode_findings(findings: Sequence[Finding]) -> str:
    rows: list[list[Any]] = []
    for f in findings:
        locations = [_LOCATION_FIELDS(loc) for loc in f.locations]
        rows.append([f.id, f.rule, f.kind, int(f.severity), f.message, f.subject, locations])
    return json.dumps(rows, ensure_ascii=True, allow_nan=True)


def decode_findings(text: str) -> list[Finding]:
    out = []
    for finding_id, rule, kind, severity, message, subject, locations in json.loads(text):
        out.append(
            Finding(
                finding_id,
                rule,
                kind,
                Severity(severity),
                message,
                subject,
                tuple(Location(*fields) for fields in locations),
            )
        )
    return out


def by_story(findings: Iterable[Finding], story_of_path: Mapping[str, int], stories: int) -> list[list[Finding]] | None:
    """Findings of a per-story rule split by the story of their first location, in their order; None
    when one has no location or a location outside the run (it cannot be stored per story)."""
    out: list[list[Finding]] = [[] for _ in range(stories)]
    for finding in findings:
        if not finding.locations:
            return None
        owners = {story_of_path.get(loc.path, -1) for loc in finding.locations}
        if len(owners) != 1 or -1 in owners:
            return None
        out[owners.pop()].append(finding)
    return out


# --- a run with the index --------------------------------------------------------------------------


def cached_stories(documents: Sequence[Document], index: Index, code: str) -> Stories:
    """The run's stories: the stored grouping when every document's path and signature are those it
    was computed from, else ``group_stories`` (and stored)."""
    from factcheck.link import group_stories

    content = [index.content_key(d) for d in documents]
    stored = index.signatures(content)
    signatures = []
    for document, key in zip(documents, content, strict=True):
        signature = stored.get(key)
        if signature is None:
            signature = story_signature(document)
            index.remember_signature(key, signature)
        signatures.append(signature)
    key = grouping_key(code, [d.path for d in documents], signatures)
    data = index.grouping(key)
    if data is not None:
        try:
            stored_stories = decode_stories(data, documents)
        except (ValueError, TypeError, KeyError, IndexError):
            stored_stories = None  # a damaged entry: grouped again and written again
        if stored_stories is not None:
            return stored_stories
    stories = group_stories(documents)
    index.remember_grouping(key, encode_stories(stories, documents))
    return stories


class IncrementalCompare:
    """The compare stage of a run with the index: each rule's findings from the index where its key
    is stored, computed (and stored) where it is not.  ``files``: each document's file as the index
    records it (None for standard input, which is never stored)."""

    def __init__(
        self,
        documents: Sequence[Document],
        extractions: Sequence[Extraction],
        index: Index,
        files: Sequence[str | None],
    ) -> None:
        self.documents = documents
        self.extractions = extractions
        self.claims = [e.claims for e in extractions]
        self.index = index
        self.files = files
        self.code = code_key(index.environment)
        content = [index.content_key(d) for d in documents]
        self.fingerprints = [document_fingerprint(d, k) for d, k in zip(documents, content, strict=True)]
        self.stories = cached_stories(documents, index, self.code)
        # Findings are told apart by story through their paths: one document per path (always so for
        # files) or the run's findings are not stored per story.
        self._paths_unique = len({d.path for d in documents}) == len(documents)
        self._table: pd.DataFrame | None = None
        self._tabled = False
        self._spellings: Spellings | None = None
        self._block_tables: dict[frozenset[int], pd.DataFrame] = {}
        self._spelled = False

    def table(self) -> pd.DataFrame | None:
        """The whole run's claims table, built the first time a check needs it."""
        if not self._tabled:
            from factcheck.pipeline import tabulate

            self._table = tabulate(self.documents, self.claims)
            self._tabled = True
        return self._table

    def spellings(self) -> Spellings:
        if not self._spelled:
            from factcheck.link.identity import resolve_spellings

            self._spellings = resolve_spellings(self.documents, self.stories, [e.propers for e in self.extractions])
            self._spelled = True
        assert self._spellings is not None
        return self._spellings

    def whole_run(self, rule: Rule) -> list[Finding]:
        """A rule's findings on the whole run, as without the index."""
        from factcheck.checks import CHECKS
        from factcheck.checks.base import CheckContext

        context = CheckContext(
            rule=rule,
            documents=self.documents,
            claims=self.claims,
            table=self.table(),
            stories=self.stories,
            spellings=self.spellings() if rule.check == "name-spelling" else None,
            extractions=self.extractions,
        )
        return CHECKS[rule.check]().run(context)

    def findings(self, rule: Rule) -> list[Finding]:
        """A rule's findings on the run, in an order that keeps the first of two with one id as a run
        without the index does."""
        key = rule_key(rule, self.code)
        if rule.check in PER_STORY_CHECKS and self._paths_unique:
            return self._per_story(rule, key)
        entry = run_key(key, self.fingerprints)
        stored = self.index.findings([entry]).get(entry)
        if stored is not None:
            try:
                return decode_findings(stored)
            except (ValueError, TypeError, KeyError):
                pass  # a damaged entry: computed again and written again
        found = self.whole_run(rule)
        self.index.remember_findings(entry, rule.id, encode_findings(found), None)
        return found

    def _per_story(self, rule: Rule, key: str) -> list[Finding]:
        stories = self.stories
        keys = story_keys(key, stories, self.fingerprints)
        stored = self.index.findings(keys)
        per_story: list[list[Finding] | None] = []
        for story_key in keys:
            data = stored.get(story_key)
            try:
                per_story.append(decode_findings(data) if data is not None else None)
            except (ValueError, TypeError, KeyError):
                per_story.append(None)
        missing = [story for story, found in enumerate(per_story) if found is None]
        if missing:
            story_of_path = {d.path: s for d, s in zip(self.documents, stories.of_document, strict=True)}
            # A first run compares the whole run once; a later one only the stories that changed.
            found = self.whole_run(rule) if len(missing) == len(keys) else self._on_stories(rule, set(missing))
            split = by_story(found, story_of_path, len(keys))
            if split is None:  # a finding outside one story: not stored, the whole run computed as is
                return found if len(missing) == len(keys) else self.whole_run(rule)
            members: dict[int, list[str | None]] = {}
            for story, file in zip(stories.of_document, self.files, strict=True):
                members.setdefault(story, []).append(file)
            for story in missing:
                per_story[story] = split[story]
                self.index.remember_findings(keys[story], rule.id, encode_findings(split[story]), members[story])
        return [finding for found in per_story if found is not None for finding in found]

    def _on_stories(self, rule: Rule, chosen: set[int]) -> list[Finding]:
        """A rule's findings on the documents of some stories, each document keeping its story of the
        whole run (as a task of the Dask engine does)."""
        from factcheck.checks import CHECKS
        from factcheck.checks.base import CheckContext
        from factcheck.link.stories import Stories

        block = [i for i, story in enumerate(self.stories.of_document) if story in chosen]
        documents = [self.documents[i] for i in block]
        claims = [self.claims[i] for i in block]
        table = None
        if len(self.documents) >= 2:
            # One table for the stories an edit touched, shared by every rule that compares them.
            wanted = frozenset(chosen)
            if wanted not in self._block_tables:
                from factcheck.table import build_table

                self._block_tables[wanted] = build_table(documents, claims)
            table = self._block_tables[wanted]
        stories = Stories(
            tuple(self.stories.of_document[i] for i in block), self.stories.names, self.stories.name_shares
        )
        context = CheckContext(
            rule=rule,
            documents=documents,
            claims=claims,
            table=table,
            stories=stories,
            extractions=[self.extractions[i] for i in block],
        )
        return CHECKS[rule.check]().run(context)
