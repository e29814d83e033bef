"""Load and check the people reader's vocabularies (``factcheck/data/people.yaml``).

The titles, role words, organisation words and nicknames that
``factcheck.extract.people`` reads names with are data: adding a title or a
role is an edit of the YAML file, never of the reader.  The file is read
strictly, because a slip in it would change what every run finds without a
word: every section must be there and no other, a block of words must be lower
case with no word twice, phrases and mappings must be strings.  A problem is a
``RuleError`` naming the file and the line.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, fields
from importlib import resources
from typing import Any

import regex
import yaml

from factcheck import yamlnodes
from factcheck.errors import RuleError
from factcheck.extract.patterns import compiled

__all__ = ["PeopleVocab", "parse_people_vocab", "people_vocab"]

_PATH = "factcheck/data/people.yaml"
_WORD = compiled(r"[\p{Ll}\p{Lo}\p{M}\p{N}][\p{Ll}\p{Lo}\p{M}\p{N}.'’\-]*")
_PHRASE = compiled(r"[\p{Ll}\p{Lo}\p{M}\p{N}][\p{Ll}\p{Lo}\p{M}\p{N}.'’\- ]*")


@dataclass(frozen=True, slots=True)
class PeopleVocab:
    """Every vocabulary of the people reader, in the shapes it reads them."""

    titles: frozenset[str]
    title_parts: frozenset[str]
    religious_titles: frozenset[str]
    honorifics: frozenset[str]
    not_name: frozenset[str]
    organisation_heads: frozenset[str]
    academic_heads: frozenset[str]
    sub_unit_heads: frozenset[str]
    generic_organisation_words: frozenset[str]
    role_words: frozenset[str]
    role_phrases: tuple[str, ...]
    role_synonyms: dict[str, str]
    role_bases: dict[str, str]
    generic_roles: frozenset[str]
    family_roles: frozenset[str]
    person_nouns: frozenset[str]
    not_role_heads: frozenset[str]
    role_stops: frozenset[str]
    role_modifiers: frozenset[str]
    not_person_heads: frozenset[str]
    speech_verbs: tuple[str, ...]
    nicknames: tuple[tuple[str, ...], ...]


def _word_line(node: yaml.Node, text: str, word: str, nth: int) -> int:
    """The line of the ``nth`` (0-based) time a word is written in a block (the block's line if not found)."""
    start, end = node.start_mark.index, node.end_mark.index
    found = list(regex.finditer(rf"(?<!\S){regex.escape(word)}(?!\S)", text[start:end]))
    if len(found) <= nth:
        return yamlnodes.line(node)
    return yamlnodes.line(node) + text[start : start + found[nth].start()].count("\n")


def _words(node: yaml.Node, path: str, key: str, text: str) -> tuple[str, ...]:
    """A block of words split on white space: lower case, each once."""
    if not isinstance(node, yaml.ScalarNode) or not isinstance(node.value, str) or node.tag.endswith(":null"):
        raise RuleError(path, yamlnodes.line(node), f"'{key}' must be a block of words")
    words = tuple(node.value.split())
    if not words:
        raise RuleError(path, yamlnodes.line(node), f"'{key}' is empty")
    seen: set[str] = set()
    for word in words:
        if not _WORD.fullmatch(word):
            line = _word_line(node, text, word, 0)
            raise RuleError(path, line, f"'{key}': '{word}' must be one word in lower case")
        if word in seen:
            raise RuleError(path, _word_line(node, text, word, 1), f"'{key}': '{word}' is given twice")
        seen.add(word)
    return words


def _phrases(node: yaml.Node, path: str, key: str) -> tuple[str, ...]:
    """A list of phrases in lower case, each once."""
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        raise RuleError(path, yamlnodes.line(node), f"'{key}' must be a list of phrases")
    out: list[str] = []
    for item in node.value:
        if not isinstance(item, yaml.ScalarNode) or not _PHRASE.fullmatch(str(item.value)):
            raise RuleError(path, yamlnodes.line(item), f"'{key}': each entry must be a phrase in lower case")
        phrase = " ".join(str(item.value).split())
        if phrase in out:
            raise RuleError(path, yamlnodes.line(item), f"'{key}': '{phrase}' is given twice")
        out.append(phrase)
    return tuple(out)


def _mapping(node: yaml.Node, path: str, key: str) -> dict[str, str]:
    """Phrase to phrase."""
    out: dict[str, str] = {}
    for name, value, line in yamlnodes.mapping(node, path, f"'{key}'"):
        target = str(value.value) if isinstance(value, yaml.ScalarNode) else ""
        if not _PHRASE.fullmatch(name) or not _PHRASE.fullmatch(target):
            raise RuleError(path, line, f"'{key}': '{name}' must map a phrase in lower case to one")
        out[name] = target
    return out


def _groups(node: yaml.Node, path: str, key: str) -> tuple[tuple[str, ...], ...]:
    """Lines of two or more words that are one name."""
    groups = []
    for phrase, item in zip(_phrases(node, path, key), node.value, strict=True):
        words = tuple(phrase.split())
        if len(words) < 2:
            raise RuleError(path, yamlnodes.line(item), f"'{key}': '{phrase}' needs two names or more")
        groups.append(words)
    return tuple(groups)


_READERS: dict[str, Callable[[yaml.Node, str, str], Any]] = {
    "role_phrases": _phrases,
    "family_roles": _phrases,
    "role_synonyms": _mapping,
    "role_bases": _mapping,
    "nicknames": _groups,
}


def parse_people_vocab(text: str, path: str = _PATH) -> PeopleVocab:
    """The vocabularies in a YAML text; a problem is a RuleError with the file and line."""
    root = yamlnodes.compose(text, path)
    if root is None:
        raise RuleError(path, None, "the file is empty")
    given = {key: (value, line) for key, value, line in yamlnodes.mapping(root, path, "the file")}
    wanted = [f.name for f in fields(PeopleVocab)]
    for key, (_value, line) in given.items():
        if key not in wanted:
            raise RuleError(path, line, f"unknown section '{key}' (the sections are: {', '.join(wanted)})")
    missing = [key for key in wanted if key not in given]
    if missing:
        raise RuleError(path, None, f"missing section(s): {', '.join(missing)}")
    values: dict[str, Any] = {}
    for key in wanted:
        node = given[key][0]
        reader = _READERS.get(key)
        if reader is not None:
            value = reader(node, path, key)
            values[key] = frozenset(value) if key == "family_roles" else value
        elif key == "speech_verbs":
            values[key] = _words(node, path, key, text)
        else:
            values[key] = frozenset(_words(node, path, key, text))
    return PeopleVocab(**values)


@functools.cache
def people_vocab() -> PeopleVocab:
    """The packaged vocabularies, read once."""
    text = resources.files("factcheck").joinpath("data/people.yaml").read_text(encoding="utf-8")
    return parse_people_vocab(text)
