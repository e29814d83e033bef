"""What every check shares: its option schema, its inputs, and how it builds findings.

A check is a class with a ``name`` (what rule files write after ``check:``),
an ``OPTIONS`` schema, and ``run(context) -> list[Finding]``.  Rules (YAML
in ``rules/``) instantiate checks with options, severity and message; a check
never reads files or writes output.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from factcheck.link.identity import Spellings
from factcheck.link.stories import Stories
from factcheck.model import Claim, Document, Finding, Location, Severity

if TYPE_CHECKING:
    import pandas as pd

    from factcheck.extract import Extraction


@dataclass(frozen=True, slots=True)
class Option:
    """One option a check accepts.

    ``kind`` is one of: number, integer, string, bool, string_list,
    string_map (str -> list of str), number_map (str -> number).
    """

    kind: str
    default: Any
    help: str


@dataclass(frozen=True, slots=True)
class Example:
    """A rule example: documents (name -> text) that must fail or pass."""

    expect: str  # "fail" or "pass"
    files: tuple[tuple[str, str], ...]
    line: int


@dataclass(frozen=True, slots=True)
class Rule:
    """A check instantiated by a rule file."""

    id: str
    path: str
    check: str
    severity: Severity
    message: str
    description: str
    options: Mapping[str, Any]
    examples: tuple[Example, ...] = ()


@dataclass(frozen=True, slots=True)
class CheckContext:
    """Everything a check may read."""

    rule: Rule
    documents: Sequence[Document]
    claims: Sequence[Sequence[Claim]]
    # The claims of every document as one table; None when the run has fewer than two documents: the
    # checks that read it compare across documents, and a one-article run builds no table (nor imports pandas).
    table: pd.DataFrame | None
    # The link stage's stories (None: every document of the run is one story).
    stories: Stories | None = None
    # The link stage's spellings of names (None: not resolved for this run).
    spellings: Spellings | None = None
    # What the extract stage found in each document (claims, people, quotes, title claims), in document
    # order: checks read people and quotes here and never extract them.
    extractions: Sequence[Extraction] = ()


class Check:
    """Base class of checks; subclasses set ``name``, ``description``, ``OPTIONS`` and ``run``."""

    name: ClassVar[str] = ""
    description: ClassVar[str] = ""
    OPTIONS: ClassVar[Mapping[str, Option]] = {}
    # The fields a rule's message may name ("{subject}"): checked when the rule loads.
    MESSAGE_FIELDS: ClassVar[frozenset[str]] = frozenset()

    def run(self, context: CheckContext) -> list[Finding]:
        raise NotImplementedError


def span_location(
    document: Document,
    start: int,
    end: int,
    *,
    sentence: tuple[int, int] | None = None,
    value: float | None = None,
    unit: str | None = None,
) -> Location:
    """A location for ``document.text[start:end]``, with its sentence (default: the span itself) as context."""
    line, column = document.position(start)
    end_line, end_column = document.position(max(start, end - 1))
    sentence_start, sentence_end = sentence if sentence is not None else (start, end)
    return Location(
        path=document.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column + 1,
        start=start,
        end=end,
        text=document.text[start:end],
        value=value,
        unit=unit,
        sentence=document.text[sentence_start:sentence_end],
        sentence_offset=sentence_start,
    )


def location(document: Document, claim: Claim) -> Location:
    """Where a claim sits, with its sentence for the report."""
    return span_location(
        document,
        claim.start,
        claim.end,
        sentence=(claim.sentence_start, claim.sentence_end),
        value=claim.value,
        unit=claim.unit,
    )


def fingerprint(rule: str, subject: str | None, parts: Sequence[tuple[str, str]]) -> str:
    """Stable id of a finding: rule, subject, and (path, value as written) of each claim.

    No line numbers or offsets, so moving text does not change it; changing a
    value does.
    """
    digest = hashlib.sha256()
    digest.update(rule.encode())
    digest.update(b"\0")
    digest.update((subject or "").encode())
    for path, text in sorted(parts):
        digest.update(b"\0")
        digest.update(path.encode())
        digest.update(b"\1")
        digest.update(" ".join(text.split()).encode())
    return digest.hexdigest()[:20]


# A finding about a minority shows at most this many of the articles that agree with each other: the
# message gives their count, so a story told by 2,000 articles costs 2,000 findings' worth, not the square.
MAJORITY_SHOWN = 5


def shown_paths(paths: Iterable[str], limit: int = MAJORITY_SHOWN) -> str:
    """Paths for a message, sorted, each once: at most ``limit`` of them, then "and N more"."""
    unique = sorted(set(paths))
    if len(unique) <= limit:
        return ", ".join(unique)
    return f"{', '.join(unique[:limit])} and {len(unique) - limit:,} more"


_Item = TypeVar("_Item")


def group_by_naming(
    items: Iterable[_Item], naming: Callable[[_Item], Hashable], same: Callable[[_Item, _Item], bool]
) -> list[list[_Item]]:
    """Items in groups, in order: each joins the first group that holds its naming or a naming ``same``
    to it (``same(item, member)``), else starts a group.

    ``same`` must depend only on the two items' namings (a source's name, a speaker's key): each group is
    then compared through the few distinct namings it holds, each pair of namings asked once, and which
    group a naming joins is asked again only after some group gains a naming.  A statistic or a quote
    that hundreds of articles carry costs their count, not its square.
    """
    groups: list[list[_Item]] = []
    namings: list[dict[Hashable, _Item]] = []
    answers: dict[tuple[Hashable, Hashable], bool] = {}
    version = 0  # bumped whenever a group gains a naming (or a group starts)
    placed: dict[Hashable, tuple[int, int]] = {}
    for item in items:
        mine = naming(item)
        known = placed.get(mine)
        if known is not None and known[0] == version:
            target = known[1]
        else:
            target = -1
            for number, names in enumerate(namings):
                if mine in names:
                    target = number
                    break
                for name, member in names.items():
                    answer = answers.get((mine, name))
                    if answer is None:
                        answer = answers[mine, name] = same(item, member)
                    if answer:
                        target = number
                        break
                if target >= 0:
                    break
            placed[mine] = (version, target)
        if target < 0:
            groups.append([item])
            namings.append({mine: item})
            version += 1
        else:
            groups[target].append(item)
            if mine not in namings[target]:
                namings[target][mine] = item
                version += 1
    return groups
