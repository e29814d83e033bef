"""name-misattribution and affiliation-consistency: people named wrongly, or placed wrongly.

**name-misattribution** reports a person's given name that cannot be right:

* against the house registry (``rules/_data/people.yaml``, see
  ``docs/people.md``): a mention whose surname is registered, in a role
  compatible with the registered one, with a given name the registry rejects
  or does not know ("historian and strategist Richard Luttwak": the
  historian and strategist is Edward Luttwak).  A rejected name in a
  compatible role is reported at the rule's severity; an unknown given name
  in a compatible role, or a rejected one with no role to compare, as a
  warning.  Accepted variants ("Zelensky" / "Zelenskyy"), initials
  ("J.D." / "JD" / "James David"), short forms ("Mike" / "Michael") and
  transliterations ("Sergei" / "Sergey") are never reported.
* across articles, for surnames the registry does not know: the same surname
  with different given names where the evidence says one person: the same
  affiliation, two specific roles shared ("historian and strategist"), or
  one specific role shared in the same sentence (a copied or reworded
  passage) at the rule's severity; one specific role shared in sentences
  about the same thing as a warning.  Generic roles only ("analyst"),
  different roles ("the president's son" / "President Joe Biden"),
  different affiliations, or one article naming both people mean two
  people, and nothing is reported.  The given name fewer articles use is the
  one reported, with the others as context; with a tie, both sides are
  shown and the message says one is wrong.

**affiliation-consistency** reports the same person (same surname, given
names that fit, roles that do not contradict) given incompatible
affiliations in different articles: names that share a distinctive word but
differ ("Deakin College" / "Deakin University": one is garbled) at the
rule's severity; two bodies of the same kind with nothing distinctive in
common ("Worldwide Disaster Group" / "International Crisis Group") at the
rule's severity when the role around them is the same, else as a warning;
unrelated bodies (a professor who is also a think-tank fellow) not at all.
Affiliations described as former are not compared, nor (unless garbled)
those of articles dated more than a year apart: people move.  Titles in one
of the ``exclusive_titles`` families ("assistant professor" / "associate
professor") that differ are reported as warnings.

Both checks group people by surname first and compare only inside a group.
Locations start at the name, so a copy-desk "cq" after the name
("Richard Luttwak cq") suppresses the finding on that mention.
"""

from __future__ import annotations

import functools
import os
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import regex
import yaml

from factcheck.checks.base import MAJORITY_SHOWN, Check, CheckContext, Option, Rule, fingerprint, span_location
from factcheck.errors import RuleError
from factcheck.extract.people import (
    GENERIC_ROLES,
    ORG_HEADS,
    ROLE_WORDS,
    Affiliation,
    People,
    Person,
    PersonMention,
    compare_organisations,
    normalise_given,
    plain_person,
    role_heads,
    roles_relation,
    same_given,
    surname_key,
)
from factcheck.model import Document, Finding, Location, Severity
from factcheck.yamlnodes import compose
from factcheck.yamlnodes import line as _line
from factcheck.yamlnodes import mapping as _pairs

__all__ = [
    "HOUSE_REGISTRY",
    "AffiliationConsistency",
    "NameMisattribution",
    "Registry",
    "RegistryEntry",
    "document_people",
    "load_registry",
    "mark",
    "merged_registry",
    "parse_registry",
    "rule_registry",
]


# ---------------------------------------------------------------------------
# Shared helpers


def mark(document: Document, start: int, end: int, context: tuple[int, int] | None = None) -> Location:
    """A location for document.text[start:end], with a passage around it as context."""
    c_start, c_end = context if context else (start, end)
    return span_location(document, start, end, sentence=(min(c_start, start), max(c_end, end)))


def document_people(context: CheckContext, index: int) -> People:
    """The people of one document, as the extract stage found them."""
    return context.extractions[index].people


def _mention_location(document: Document, mention: PersonMention) -> Location:
    return mark(document, mention.start, mention.end, (mention.sentence_start, mention.sentence_end))


def _docs_phrase(paths: Sequence[str]) -> str:
    paths = sorted(set(paths))
    if len(paths) <= 3:
        return ", ".join(paths)
    return f"{', '.join(paths[:3])} and {len(paths) - 3} more"


def _role_phrase(roles: Sequence[str]) -> str:
    ordered = sorted(set(roles))
    if not ordered:
        return ""
    if len(ordered) == 1:
        return ordered[0]
    return ", ".join(ordered[:-1]) + " and " + ordered[-1]


# ---------------------------------------------------------------------------
# The registry


@dataclass(frozen=True, slots=True)
class RegistryEntry:
    """One registered person (see docs/people.md for the file format)."""

    name: str
    surname: str
    variants: tuple[str, ...]
    reject: tuple[str, ...]
    roles: tuple[str, ...]
    note: str
    source: str
    line: int
    registry: str = ""  # how messages name the file the entry comes from

    @property
    def role_heads(self) -> tuple[str, ...]:
        return role_heads(" and ".join(self.roles))

    def surnames(self) -> frozenset[str]:
        """Surname keys this entry answers to: its own, its variants' and the last word of each name."""
        keys = {surname_key(self.surname)}
        for name in (self.name, *self.variants, *self.reject):
            keys.add(surname_key(_split_registered(name, self.surname)[1]))
            keys.add(surname_key(name.split()[-1]))
        return frozenset(keys)


@dataclass(frozen=True, slots=True)
class Registry:
    """The house registry of people: entries indexed by surname."""

    path: str
    display: str
    entries: tuple[RegistryEntry, ...]

    def by_surname(self, surname: str) -> tuple[RegistryEntry, ...]:
        """Entries whose surname (or a variant's) is this one."""
        return _index_entries(self.entries).get(surname_key(surname), ())


@functools.lru_cache(maxsize=16)
def _index_entries(entries: tuple[RegistryEntry, ...]) -> dict[str, tuple[RegistryEntry, ...]]:
    index: defaultdict[str, list[RegistryEntry]] = defaultdict(list)
    for entry in entries:
        for key in entry.surnames():
            if entry not in index[key]:
                index[key].append(entry)
    return {key: tuple(found) for key, found in index.items()}


_ENTRY_KEYS = {"name", "surname", "variants", "reject", "roles", "note", "source"}
_TOP_KEYS = {"people"}


def _string(node: yaml.Node, path: str, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:str" or not str(node.value).strip():
        raise RuleError(path, _line(node), f"{what} must be a non-empty string")
    return " ".join(str(node.value).split())


def _strings(node: yaml.Node, path: str, what: str) -> tuple[str, ...]:
    if not isinstance(node, yaml.SequenceNode):
        raise RuleError(path, _line(node), f"{what} must be a list of strings")
    return tuple(_string(item, path, f"each item of {what}") for item in node.value)


def _split_registered(name: str, surname: str) -> tuple[str, str]:
    """(given, surname) of a registered name; the entry's surname when the name ends with it."""
    words = name.split()
    surname_words = surname.split()
    if len(words) > len(surname_words) and words[-len(surname_words) :] == surname_words:
        return " ".join(words[: -len(surname_words)]), surname
    if len(words) > len(surname_words) and words[: len(surname_words)] == surname_words:
        return " ".join(words[len(surname_words) :]), surname  # family name first: "Xi Jinping"
    return " ".join(words[:-1]), words[-1]


def parse_registry(text: str, path: str, display: str | None = None) -> Registry:
    """Validate a registry's text; any problem is a RuleError naming the file and line."""
    root = compose(text, path)
    if root is None:
        raise RuleError(path, 1, "empty registry (expected a 'people' list)")
    people_node: yaml.Node | None = None
    for key, value, line in _pairs(root, path, "the registry"):
        if key not in _TOP_KEYS:
            raise RuleError(path, line, f"unknown key '{key}' (expected 'people')")
        people_node = value
    if people_node is None:
        raise RuleError(path, _line(root), "missing required key 'people'")
    if not isinstance(people_node, yaml.SequenceNode):
        raise RuleError(path, _line(people_node), "'people' must be a list of entries")
    entries: list[RegistryEntry] = []
    seen: dict[str, int] = {}
    for item in people_node.value:
        fields: dict[str, tuple[yaml.Node, int]] = {}
        for key, value, line in _pairs(item, path, "a registry entry"):
            if key not in _ENTRY_KEYS:
                known = ", ".join(sorted(_ENTRY_KEYS))
                raise RuleError(path, line, f"unknown key '{key}' in a registry entry (expected one of: {known})")
            fields[key] = (value, line)
        for required in ("name", "roles"):
            if required not in fields:
                raise RuleError(path, _line(item), f"registry entry is missing required key '{required}'")
        name = _string(fields["name"][0], path, "name")
        if len(name.split()) < 2:
            raise RuleError(path, fields["name"][1], f"name '{name}' needs a given name and a surname")
        surname = _string(fields["surname"][0], path, "surname") if "surname" in fields else name.split()[-1]
        if surname not in name.split() and not name.endswith(" " + surname):
            raise RuleError(path, fields["surname"][1], f"surname '{surname}' is not part of the name '{name}'")
        variants = _strings(fields["variants"][0], path, "variants") if "variants" in fields else ()
        reject = _strings(fields["reject"][0], path, "reject") if "reject" in fields else ()
        roles = _strings(fields["roles"][0], path, "roles")
        if not roles:
            raise RuleError(path, fields["roles"][1], "roles must list at least one role")
        for role in roles:
            if not role_heads(role):
                raise RuleError(
                    path,
                    fields["roles"][1],
                    f"role '{role}' has no role word factcheck knows (e.g. historian, president, professor)",
                )
        for variant in (*variants, *reject):
            if len(variant.split()) < 2:
                which = "reject" if variant in reject else "variants"
                raise RuleError(path, fields[which][1], f"'{variant}' in {which} needs a given name and a surname")
        accepted = {_name_key(n) for n in (name, *variants)}
        for wrong in reject:
            if _name_key(wrong) in accepted:
                raise RuleError(path, fields["reject"][1], f"'{wrong}' is both accepted and rejected")
        key = _name_key(name)
        if key in seen:
            raise RuleError(path, fields["name"][1], f"'{name}' is already registered at line {seen[key]}")
        seen[key] = fields["name"][1]
        entries.append(
            RegistryEntry(
                name=name,
                surname=surname,
                variants=variants,
                reject=reject,
                roles=roles,
                note=_string(fields["note"][0], path, "note") if "note" in fields else "",
                source=_string(fields["source"][0], path, "source") if "source" in fields else "",
                line=fields["name"][1],
                registry=display or path,
            )
        )
    return Registry(path=path, display=display or path, entries=tuple(entries))


def _name_key(name: str) -> str:
    words = name.split()
    return f"{normalise_given(' '.join(words[:-1]))} {surname_key(words[-1])}"


@functools.lru_cache(maxsize=16)
def _load(path: str, stamp: tuple[int, int], display: str) -> Registry:
    del stamp  # part of the cache key only: an edited file is read again
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RuleError(display, None, f"cannot read the people registry: {error}") from None
    return parse_registry(text, display, display)


def registry_path(rule: Rule, option: str) -> Path:
    """Where a rule's registry is: absolute, else under the rule's rules directory, else the built-in one."""
    from factcheck.ruleset import builtin_rules_dir  # here: ruleset imports the checks

    candidate = Path(option)
    if candidate.is_absolute():
        return candidate
    rule_file = Path(rule.path)
    depth = rule.id.count(".") + 1
    if len(rule_file.parents) > depth - 1 and rule_file.suffix:
        root = rule_file.parents[depth - 1]
        if (root / candidate).is_file():
            return root / candidate
    return builtin_rules_dir() / candidate


def _display(path: Path) -> str:
    """How messages name a registry: ``rules/...`` for the built-in one, else relative to here if below."""
    from factcheck.ruleset import builtin_rules_dir

    try:
        return str(Path("rules") / path.resolve().relative_to(builtin_rules_dir().resolve()))
    except ValueError:
        pass
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive
        return str(path)
    return str(path) if relative.startswith("..") else relative


HOUSE_REGISTRY = Option(
    "string",
    "",
    "A house registry of people merged over `registry` (its entries win); set from the configuration's "
    "`people = FILE`, relative to the configuration file, or given here as an absolute path.",
)


def merged_registry(house: Registry, builtin: Registry) -> Registry:
    """The house registry over the built-in one: a house entry replaces a built-in entry of the same
    name or surname (the newsroom knows its people better), every other entry of both is kept."""
    names = {" ".join(entry.name.lower().split()) for entry in house.entries}
    surnames = {surname_key(entry.surname) for entry in house.entries}
    kept = tuple(
        entry
        for entry in builtin.entries
        if " ".join(entry.name.lower().split()) not in names and surname_key(entry.surname) not in surnames
    )
    return Registry(house.path, f"{house.display} over {builtin.display}", house.entries + kept)


def rule_registry(rule: Rule) -> Registry | None:
    """The registry a rule reads: its ``registry`` option, with the configuration's house registry
    (``house_registry``, set from ``people = ...``) merged over it; None when it names none."""
    option = str(rule.options.get("registry", "") or "")
    house = str(rule.options.get("house_registry", "") or "")
    builtin = load_registry(registry_path(rule, option)) if option else None
    if not house:
        return builtin
    own = load_registry(Path(house))
    return own if builtin is None else merged_registry(own, builtin)


def load_registry(path: Path) -> Registry:
    """The registry at ``path``, validated (cached until the file changes)."""
    display = _display(path)
    try:
        stat = path.stat()
    except OSError as error:
        raise RuleError(display, None, f"cannot read the people registry: {error.strerror}") from None
    return _load(str(path), (stat.st_mtime_ns, stat.st_size), display)


# ---------------------------------------------------------------------------
# name-misattribution


@dataclass(frozen=True, slots=True)
class _Sighting:
    """One person in one document."""

    doc: int
    person: Person
    mention: PersonMention
    context: frozenset[str] = frozenset()


_CONTEXT_WORD = regex.compile(r"[a-z][a-z'’\-]{2,30}")
_CONTEXT_STOP = frozenset(
    """the and for that with from this was were has have had are but not his her their its who said says
    told also been will would could into over than more about after before which when what they them she
    him our out one two""".split()
)


def _context(document: Document, mention: PersonMention, person: Person) -> frozenset[str]:
    """Content words of the sentence a person is first described in, without their name."""
    sentence = document.prose[mention.sentence_start : mention.sentence_end].lower()
    own = {w.lower() for w in person.name.split()} | {
        w for text in person.descriptors for w in _CONTEXT_WORD.findall(text.lower())
    }
    return frozenset(
        w
        for w in _CONTEXT_WORD.findall(sentence)
        if w not in _CONTEXT_STOP and w not in own and w.rstrip("s") not in ROLE_WORDS
    )


class NameMisattribution(Check):
    name: ClassVar[str] = "name-misattribution"
    MESSAGE_FIELDS: ClassVar[frozenset[str]] = frozenset("name role expected evidence advice".split())
    description: ClassVar[str] = (
        "A person's given name that the registry rejects, or that other articles give differently for the same role."
    )
    OPTIONS: ClassVar[Mapping[str, Option]] = {
        "registry": Option(
            "string",
            "_data/people.yaml",
            "The people registry: absolute, or relative to the rules directory (the built-in one by default).",
        ),
        "house_registry": HOUSE_REGISTRY,
        "compare_articles": Option(
            "bool", True, "Also compare given names across articles for surnames the registry does not know."
        ),
    }

    def run(self, context: CheckContext) -> list[Finding]:
        options = context.rule.options
        registry = rule_registry(context.rule) or Registry("", "", ())
        sightings = self._sightings(context)
        sightings.extend(self._plain_sightings(context, registry, sightings))
        findings = [f for s in sightings if (f := self._against_registry(context, registry, s)) is not None]
        if options["compare_articles"]:
            by_surname: defaultdict[str, list[_Sighting]] = defaultdict(list)
            for sighting in sightings:
                if not registry.by_surname(sighting.person.surname):
                    by_surname[surname_key(sighting.person.surname)].append(sighting)
            for group in by_surname.values():
                if len({s.doc for s in group}) > 1:
                    findings.extend(self._across_articles(context, group))
        return findings

    @staticmethod
    def _sightings(context: CheckContext) -> list[_Sighting]:
        out = []
        for index, document in enumerate(context.documents):
            people = document_people(context, index)
            for person in people.persons:
                mention = people.first_mention(person)
                out.append(_Sighting(index, person, mention, _context(document, mention, person)))
        return out

    @staticmethod
    def _plain_sightings(context: CheckContext, registry: Registry, cued: list[_Sighting]) -> list[_Sighting]:
        """Full names written with no cue ("a book by Richard Luttwak"), taken for people when the person
        is identified elsewhere in the run: a registered surname, or the surname of a person another
        article gives a cue for."""
        elsewhere: defaultdict[str, set[int]] = defaultdict(set)
        for sighting in cued:
            elsewhere[surname_key(sighting.person.surname)].add(sighting.doc)
        out = []
        for index, document in enumerate(context.documents):
            for mention in document_people(context, index).plain:
                key = surname_key(mention.surname)
                if registry.by_surname(mention.surname) or elsewhere.get(key, set()) - {index}:
                    person = plain_person(mention)
                    out.append(_Sighting(index, person, mention, _context(document, mention, person)))
        return out

    def _against_registry(self, context: CheckContext, registry: Registry, sighting: _Sighting) -> Finding | None:
        person = sighting.person
        entries = registry.by_surname(person.surname)
        if not entries:
            return None
        best: tuple[int, RegistryEntry, str, str] | None = None
        for entry in entries:
            status = _registry_status(entry, person)
            if status == "accepted":
                return None
            relation = roles_relation(person.roles, entry.role_heads)
            if relation == "different":
                continue
            if status == "rejected" and relation in ("strong", "weak"):
                rank = 3
            elif status == "rejected" or (status == "unknown" and relation in ("strong", "weak")):
                rank = 2
            else:
                continue
            if best is None or rank > best[0]:
                best = (rank, entry, status, relation)
        if best is None:
            return None
        rank, entry, status, _ = best
        rule = context.rule
        severity = rule.severity if rank == 3 else min(rule.severity, Severity.WARNING)
        document = context.documents[sighting.doc]
        shared = [r for r in person.roles if r in entry.role_heads]
        role = _role_phrase(shared) or f"registered {entry.surname}"
        note = f"; {entry.note}" if entry.note else ""
        known = f", which lists {person.name} as wrong" if status == "rejected" else ""
        fields = {
            "name": person.name,
            "role": role,
            "expected": entry.name,
            "evidence": f"(registry: {entry.registry or registry.display}{known}{note})",
            "advice": f"did you mean {entry.name}?",
        }
        location = _mention_location(document, sighting.mention)
        return Finding(
            id=fingerprint(rule.id, surname_key(person.surname), [(document.path, person.name)]),
            rule=rule.id,
            kind="name_misattribution",
            severity=severity,
            message=rule.message.format(**fields),
            subject=entry.name,
            locations=(location,),
        )

    def _across_articles(self, context: CheckContext, group: list[_Sighting]) -> list[Finding]:
        """The same surname with different given names in compatible roles across articles."""
        clusters: list[list[_Sighting]] = []
        for sighting in sorted(group, key=lambda s: (context.documents[s.doc].path, s.mention.start)):
            for cluster in clusters:
                if any(same_given(sighting.person.given, other.person.given) for other in cluster):
                    cluster.append(sighting)
                    break
            else:
                clusters.append([sighting])
        if len(clusters) < 2:
            return []
        findings = []
        for i in range(len(clusters)):
            for j in range(i + 1, len(clusters)):
                first, second = clusters[i], clusters[j]
                docs_first, docs_second = {s.doc for s in first}, {s.doc for s in second}
                if docs_first & docs_second:
                    continue  # one article names both: two people
                strength, a, b = _evidence(first, second)
                if strength is None or a is None or b is None:
                    continue
                findings.extend(self._name_findings(context, first, second, strength, a, b))
        return findings

    def _name_findings(
        self,
        context: CheckContext,
        first: list[_Sighting],
        second: list[_Sighting],
        strength: str,
        a: _Sighting,
        b: _Sighting,
    ) -> list[Finding]:
        rule = context.rule
        docs_first, docs_second = {s.doc for s in first}, {s.doc for s in second}
        tie = len(docs_first) == len(docs_second)
        minority, majority = (first, second) if len(docs_first) <= len(docs_second) else (second, first)
        if minority is second:
            a, b = b, a
        severity = rule.severity if strength == "strong" else min(rule.severity, Severity.WARNING)
        shared = sorted(set(a.person.roles) & set(b.person.roles))
        affiliation = next(
            (
                x.text
                for x in a.person.affiliations
                for y in b.person.affiliations
                if compare_organisations(x.text, y.text) == "same"
            ),
            "",
        )
        role = _role_phrase(shared) or "person"
        if affiliation:
            role = f"{role} at {affiliation}"
        majority_paths = [context.documents[s.doc].path for s in majority]
        minority_paths = [context.documents[s.doc].path for s in minority]
        if tie:
            evidence = f"in {_docs_phrase(majority_paths)} but {a.person.name} in {_docs_phrase(minority_paths)}"
            advice = "one of them is wrong: check the given name in both"
        else:
            evidence = (
                f"in {len(set(majority_paths))} articles ({_docs_phrase(majority_paths)}); "
                f"{a.person.name} only in {_docs_phrase(minority_paths)}"
            )
            advice = f"did you mean {b.person.name}?"
        fields = {
            "name": a.person.name,
            "role": role,
            "expected": b.person.name,
            "evidence": evidence,
            "advice": advice,
        }
        findings = []
        targets = minority if not tie else minority[:1]
        for target in targets:
            locations = [_mention_location(context.documents[target.doc], target.mention)]
            seen_docs = {target.doc}
            for other in sorted(majority, key=lambda s: context.documents[s.doc].path):
                if other.doc not in seen_docs and len(seen_docs) <= MAJORITY_SHOWN:
                    seen_docs.add(other.doc)
                    locations.append(_mention_location(context.documents[other.doc], other.mention))
            # The id names the mention at fault and the name the others write, not which of them do.
            parts = [(locations[0].path, locations[0].text), ("", b.person.name)]
            findings.append(
                Finding(
                    id=fingerprint(rule.id, surname_key(a.person.surname), parts),
                    rule=rule.id,
                    kind="name_misattribution",
                    severity=severity,
                    message=rule.message.format(**fields),
                    subject=surname_key(a.person.surname),
                    locations=tuple(locations),
                )
            )
        return findings


def _registry_status(entry: RegistryEntry, person: Person) -> str:
    """ "accepted", "rejected" or "unknown": how the registry sees a person's given name."""
    key = surname_key(person.surname)
    written = _name_key(f"{person.given} {person.surname}")
    if any(_name_key(n) == written for n in entry.reject):
        return "rejected"
    if any(_name_key(n) == written for n in (entry.name, *entry.variants)):
        return "accepted"
    for wrong in entry.reject:
        given, surname = _split_registered(wrong, entry.surname)
        if surname_key(surname) == key and normalise_given(given) == normalise_given(person.given):
            return "rejected"
    for right in (entry.name, *entry.variants):
        given, surname = _split_registered(right, entry.surname)
        if surname_key(surname) == key and same_given(given, person.given):
            return "accepted"
    return "unknown"


def _evidence(first: list[_Sighting], second: list[_Sighting]) -> tuple[str | None, _Sighting | None, _Sighting | None]:
    """How sure we are that two given-name clusters name one person: "strong", "medium" or None."""
    best: tuple[int, _Sighting, _Sighting] | None = None
    for a in first:
        for b in second:
            score = _pair_score(a, b)
            if score > 0 and (best is None or score > best[0]):
                best = (score, a, b)
    if best is None:
        return None, None, None
    return ("strong" if best[0] >= 2 else "medium"), best[1], best[2]


def _pair_score(first: _Sighting, second: _Sighting) -> int:
    """How strongly two mentions with different given names look like one person.

    2: the same affiliation; two specific roles shared; or one specific role
    shared and the same sentence around it (a reworded or copied passage).
    1: one specific role shared and a sentence about the same thing.
    0: no case (different affiliations or roles, generic roles only, or
    nothing in common around them: two senators Kennedy).
    """
    a, b = first.person, second.person
    relation = roles_relation(a.roles, b.roles)
    if relation == "different":
        return 0
    if a.affiliations and b.affiliations:
        relations = {compare_organisations(x.text, y.text) for x in a.affiliations for y in b.affiliations}
        if "same" in relations:
            return 2
        return 0  # different affiliations: two people
    if relation != "strong":
        return 0
    specific = (set(a.roles) & set(b.roles)) - GENERIC_ROLES
    if len(specific) >= 2:
        return 2
    shared = len(first.context & second.context) / max(1, min(len(first.context), len(second.context)))
    if shared >= 0.5:
        return 2
    return 1 if shared >= 0.25 else 0


# ---------------------------------------------------------------------------
# affiliation-consistency


@dataclass(frozen=True, slots=True)
class _Held:
    """An affiliation one article gives a person."""

    doc: int
    person: Person
    mention: PersonMention
    affiliation: Affiliation


class AffiliationConsistency(Check):
    name: ClassVar[str] = "affiliation-consistency"
    MESSAGE_FIELDS: ClassVar[frozenset[str]] = frozenset("name affiliation_a doc_a affiliation_b doc_b advice".split())
    description: ClassVar[str] = "The same person given incompatible affiliations or titles in different articles."
    OPTIONS: ClassVar[Mapping[str, Option]] = {
        "exclusive_titles": Option(
            "string_map",
            {
                "academic rank": ("assistant professor", "associate professor"),
                "head of government": ("prime minister", "deputy prime minister"),
                "head of state": ("president", "vice president"),
            },
            "Families of titles one person cannot hold at once: family -> titles (role words as factcheck reads them).",
        ),
    }

    def run(self, context: CheckContext) -> list[Finding]:
        by_surname: defaultdict[str, list[_Sighting]] = defaultdict(list)
        for index in range(len(context.documents)):
            people = document_people(context, index)
            for person in people.persons:
                by_surname[surname_key(person.surname)].append(_Sighting(index, person, people.first_mention(person)))
        findings: list[Finding] = []
        for group in by_surname.values():
            if len({s.doc for s in group}) < 2:
                continue
            for same_person in _same_people(group, by_role=True):
                if len({s.doc for s in same_person}) > 1:
                    findings.extend(self._affiliations(context, same_person))
            for same_name in _same_people(group, by_role=False):
                if len({s.doc for s in same_name}) > 1:
                    findings.extend(self._titles(context, same_name))
        return findings

    def _affiliations(self, context: CheckContext, sightings: list[_Sighting]) -> list[Finding]:
        held: list[_Held] = []
        for sighting in sightings:
            people = document_people(context, sighting.doc)
            for number in sighting.person.mentions:
                mention = people.mentions[number]
                if mention.former:
                    continue
                for affiliation in mention.affiliations:
                    held.append(_Held(sighting.doc, sighting.person, mention, affiliation))
        if len({h.doc for h in held}) < 2:
            return []
        # Organisations that are the same body, across articles.
        # Each distinct pair of names is compared once, so the cost follows the distinct names.
        groups: list[list[_Held]] = []
        texts: list[set[str]] = []
        for item in held:
            text = item.affiliation.text
            for group, known in zip(groups, texts, strict=True):
                if text in known or any(compare_organisations(text, other) == "same" for other in known):
                    group.append(item)
                    known.add(text)
                    break
            else:
                groups.append([item])
                texts.append({text})
        findings = []
        for i in range(len(groups)):
            for j in range(i + 1, len(groups)):
                first, second = groups[i], groups[j]
                docs_first, docs_second = {h.doc for h in first}, {h.doc for h in second}
                if docs_first & docs_second:
                    continue  # one article gives both: the person holds both
                relation = _strongest(first, second)
                if relation is None:
                    continue
                kind, a, b = relation
                finding = self._affiliation_finding(context, first, second, kind, a, b)
                if finding is not None:
                    findings.append(finding)
        return findings

    def _affiliation_finding(
        self, context: CheckContext, first: list[_Held], second: list[_Held], kind: str, a: _Held, b: _Held
    ) -> Finding | None:
        rule = context.rule
        same_roles = bool(a.mention.roles) and set(a.mention.roles) == set(b.mention.roles)
        same_head = _head(a.affiliation.key) == _head(b.affiliation.key) != ""
        if kind != "garbled" and _years_apart(context, a.doc, b.doc):
            return None  # people move: a different employer a year later is news, not an error
        if kind == "garbled" or (kind == "same_kind" and same_roles and same_head):
            severity = rule.severity
        elif kind == "same_kind" and roles_relation(a.mention.roles, b.mention.roles) == "strong":
            severity = min(rule.severity, Severity.WARNING)
        else:
            return None
        docs_first, docs_second = {h.doc for h in first}, {h.doc for h in second}
        if len(docs_first) > len(docs_second):
            first, second, a, b = second, first, b, a
        locations = [self._location(context, a)]
        seen = {a.doc}
        for other in [b, *second]:
            if other.doc not in seen:
                seen.add(other.doc)
                locations.append(self._location(context, other))
        doc_a = context.documents[a.doc].path
        doc_b = _docs_phrase([context.documents[h.doc].path for h in second])
        if kind == "garbled":
            advice = "one name is garbled: check the institution's exact name"
        else:
            advice = "check which affiliation is right"
        fields = {
            "name": a.person.name,
            "affiliation_a": a.affiliation.text,
            "doc_a": doc_a,
            "affiliation_b": b.affiliation.text,
            "doc_b": doc_b,
            "advice": advice,
        }
        parts = [(loc.path, loc.text) for loc in locations]
        return Finding(
            id=fingerprint(rule.id, a.person.key, parts),
            rule=rule.id,
            kind="affiliation_conflict",
            severity=severity,
            message=rule.message.format(**fields),
            subject=a.person.key,
            locations=tuple(locations),
        )

    @staticmethod
    def _location(context: CheckContext, held: _Held) -> Location:
        document = context.documents[held.doc]
        mention, affiliation = held.mention, held.affiliation
        end = affiliation.end if affiliation.start >= mention.start else mention.end
        return mark(document, mention.start, end, (mention.sentence_start, mention.sentence_end))

    @staticmethod
    def _contradicts(
        context: CheckContext,
        a: tuple[_Sighting, frozenset[str], PersonMention],
        b: tuple[_Sighting, frozenset[str], PersonMention],
    ) -> bool:
        """Two exclusive titles contradict each other in two articles of about the same time, unless
        both name where the title is held and the bodies differ (the head of one firm advises another)."""
        (sa, _ta, ma), (sb, _tb, mb) = a, b
        if sa.doc == sb.doc or _years_apart(context, sa.doc, sb.doc):
            return False
        first, second = _affiliation_texts(ma), _affiliation_texts(mb)
        if first and second:
            return any(compare_organisations(x, y) == "same" for x in first for y in second)
        return True

    def _titles(self, context: CheckContext, sightings: list[_Sighting]) -> list[Finding]:
        rule = context.rule
        families: Mapping[str, Sequence[str]] = rule.options["exclusive_titles"]
        findings = []
        for family, titles in families.items():
            wanted = {t for title in titles for t in role_heads(title)}
            holding: list[tuple[_Sighting, frozenset[str], PersonMention]] = []
            for sighting in sightings:
                people = document_people(context, sighting.doc)
                for number in sighting.person.mentions:
                    mention = people.mentions[number]
                    found = frozenset(mention.roles) & wanted
                    if found and not mention.former:
                        holding.append((sighting, found, mention))
                        break
            # Holdings grouped by the titles they give; each of the fewer is reported against the first
            # holding of the other title that it contradicts, so the findings grow with the articles.
            by_titles: dict[frozenset[str], list[tuple[_Sighting, frozenset[str], PersonMention]]] = {}
            for item in holding:
                by_titles.setdefault(item[1], []).append(item)
            groups = sorted(
                by_titles.values(), key=lambda g: (len({h[0].doc for h in g}), context.documents[g[0][0].doc].path)
            )
            pairs = []
            for i, fewer in enumerate(groups):
                for more in groups[i + 1 :]:
                    if fewer[0][1] & more[0][1]:
                        continue
                    for item in fewer:
                        other = next((o for o in more if self._contradicts(context, item, o)), None)
                        if other is not None:
                            pairs.append((item, other))
            for (sa, ta, ma), (sb, tb, mb) in pairs:
                doc_a, doc_b = context.documents[sa.doc], context.documents[sb.doc]
                locations = (_mention_location(doc_a, ma), _mention_location(doc_b, mb))
                fields = {
                    "name": sa.person.name,
                    "affiliation_a": _role_phrase(sorted(ta)),
                    "doc_a": doc_a.path,
                    "affiliation_b": _role_phrase(sorted(tb)),
                    "doc_b": doc_b.path,
                    "advice": f"one person holds one {family} at a time: check the title",
                }
                parts = [(loc.path, f"{loc.text} {t}") for loc, t in zip(locations, (ta, tb), strict=True)]
                findings.append(
                    Finding(
                        id=fingerprint(rule.id, sa.person.key, parts),
                        rule=rule.id,
                        kind="affiliation_conflict",
                        severity=min(rule.severity, Severity.WARNING),
                        message=rule.message.format(**fields),
                        subject=sa.person.key,
                        locations=locations,
                    )
                )
        return findings


def _affiliation_texts(mention: PersonMention) -> list[str]:
    return [a.text for a in mention.affiliations]


def _years_apart(context: CheckContext, a: int, b: int) -> bool:
    """Whether two articles are dated more than a year apart (titles and posts change)."""
    first, second = context.documents[a].date, context.documents[b].date
    return first is not None and second is not None and abs((first - second).days) > 366


def _head(key: str) -> str:
    return next((w for w in key.split() if w in ORG_HEADS), "")


def _strongest(first: list[_Held], second: list[_Held]) -> tuple[str, _Held, _Held] | None:
    """The closest pair of affiliations across two groups: "garbled" before "same_kind"."""
    best: tuple[int, str, _Held, _Held] | None = None
    rank = {"garbled": 2, "same_kind": 1}
    for a in first:
        for b in second:
            if a.doc == b.doc:
                continue
            kind = compare_organisations(a.affiliation.text, b.affiliation.text)
            if kind in rank and (best is None or rank[kind] > best[0]):
                best = (rank[kind], kind, a, b)
    return None if best is None else (best[1], best[2], best[3])


def _same_people(group: list[_Sighting], *, by_role: bool) -> list[list[_Sighting]]:
    """Split sightings of one surname into people: given names that fit (and, by role, roles that agree).

    A sighting joins the first person all of whose sightings it fits.  Sightings are compared by their
    profile (given name, and roles when ``by_role``), each distinct pair of profiles once, so a surname
    that a thousand articles name costs the number of its distinct profiles, not the square of its
    sightings."""
    people: list[list[_Sighting]] = []
    profiles: list[list[tuple[str, tuple[str, ...]]]] = []
    fits: dict[tuple[tuple[str, tuple[str, ...]], tuple[str, tuple[str, ...]]], bool] = {}

    def fit(a: tuple[str, tuple[str, ...]], b: tuple[str, tuple[str, ...]]) -> bool:
        if a == b:
            return True
        if (a, b) not in fits:
            fits[(a, b)] = same_given(a[0], b[0]) and (not by_role or roles_relation(a[1], b[1]) != "different")
        return fits[(a, b)]

    for sighting in group:
        profile = (sighting.person.given, tuple(sighting.person.roles) if by_role else ())
        for members, seen in zip(people, profiles, strict=True):
            if all(fit(profile, other) for other in seen):
                members.append(sighting)
                if profile not in seen:
                    seen.append(profile)
                break
        else:
            people.append([sighting])
            profiles.append([profile])
    return people
