"""YAML front matter: finding the block, reading it, and the article fields it names.

A file may open with a ``---`` line, ``key: value`` lines, and a closing
``---`` (or ``...``) line.  Every scalar is read as the string the author
wrote: ``time: 1:30`` is "1:30" (not 90 minutes), ``flag: NO`` is "NO" (not
False).  Only ``date`` is interpreted, by ``parse_date``.  A malformed block
is reported as a problem and the article still loads.

Most front matter is flat ``key: value`` lines of plain or quoted one-line
scalars; ``_read_flat`` reads exactly those, as PyYAML would (a hypothesis
test holds it to that), in a few microseconds, and hands anything else to
PyYAML (a millisecond or two each, most of the loading of a large corpus).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

import yaml

FIELDS = ("title", "date", "outlet", "url", "author")

# A block only counts as front matter when its first real line looks like a
# key; otherwise a text that opens with a "---" rule would lose its first
# paragraph.
_KEY_LINE = re.compile(r"""["']?[A-Za-z0-9_][^:\n]{0,200}:(?:[ \t]|\r?$)""")
_FENCE_OPEN = re.compile(r"---[ \t]{0,100}\r?")
_FENCE_CLOSE = re.compile(r"(?:---|\.\.\.)[ \t]{0,100}\r?")
_NOT_NEWLINE = re.compile(r"[^\n]")

# The YAML content starts on the file's second line; marks count from 0.
_FIRST_CONTENT_LINE = 2
# PyYAML is pure Python and slow; real front matter is a few hundred bytes.
_MAX_YAML_CHARS = 64 * 1024


class _StringLoader(yaml.SafeLoader):
    """A safe loader with no implicit types: every plain scalar is a string."""

    yaml_implicit_resolvers: dict[str, list[tuple[str, re.Pattern[str]]]] = {}  # noqa: RUF012 (PyYAML reads it)


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """What a front matter block says, and where it ends.

    ``end`` is the offset just past the closing line, so ``text[:end]`` is the
    whole block.  ``problems`` are messages like
    "front matter line 3: cannot parse date 'soon'".
    """

    end: int
    meta: tuple[tuple[str, str], ...] = ()
    title: str | None = None
    date: date | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    problems: tuple[str, ...] = ()


def parse_front_matter(text: str) -> FrontMatter | None:
    """Read the front matter block at the start of ``text``; None when there is none."""
    block = _find_block(text)
    if block is None:
        return None
    content, end = block
    problems: list[str] = []
    values = _read_mapping(content, problems)
    fields: dict[str, str | None] = {name: None for name in FIELDS}
    for key, (value, _line) in values.items():
        if key.lower() in fields and value.strip():
            fields[key.lower()] = value.strip()
    parsed_date = None
    if fields["date"] is not None:
        parsed_date = parse_date(fields["date"])
        if parsed_date is None:
            line = next(line for key, (_v, line) in values.items() if key.lower() == "date")
            problems.append(f"front matter line {line}: cannot parse date {fields['date']!r}")
    return FrontMatter(
        end=end,
        meta=tuple(sorted((key, value) for key, (value, _line) in values.items())),
        title=fields["title"],
        date=parsed_date,
        outlet=fields["outlet"],
        url=fields["url"],
        author=fields["author"],
        problems=tuple(problems),
    )


def blank_front_matter(text: str, front_matter: FrontMatter | None) -> str:
    """``text`` with the front matter block turned into spaces, newlines kept."""
    if front_matter is None:
        return text
    end = front_matter.end
    return _NOT_NEWLINE.sub(" ", text[:end]) + text[end:]


def _find_block(text: str) -> tuple[str, int] | None:
    """The YAML between the fences and the offset just past the closing fence."""
    first_end = text.find("\n")
    if first_end < 0 or not _FENCE_OPEN.fullmatch(text, 0, first_end):
        return None
    start = first_end + 1
    pos = start
    while pos <= len(text):
        line_end = text.find("\n", pos)
        stop = len(text) if line_end < 0 else line_end
        if _FENCE_CLOSE.fullmatch(text, pos, stop):
            content = text[start:pos]
            if not _opens_with_key(content):
                return None
            return content, (len(text) if line_end < 0 else line_end + 1)
        if line_end < 0:
            return None  # never closed: an opening rule, not front matter
        pos = line_end + 1
    return None


def _opens_with_key(content: str) -> bool:
    for line in content.split("\n"):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            return _KEY_LINE.match(stripped) is not None
    return True  # an empty block is still front matter


def _read_mapping(content: str, problems: list[str]) -> dict[str, tuple[str, int]]:
    """``key -> (value, file line)``; lists of scalars are joined, one nested level is dotted, deeper skipped."""
    if len(content) > _MAX_YAML_CHARS:
        problems.append(f"front matter: longer than {_MAX_YAML_CHARS // 1024} KB, not read")
        return {}
    flat = _read_flat(content)
    if flat is not None:
        return flat
    return _read_yaml(content, problems)


# --- the flat fast path ---------------------------------------------------

# Characters PyYAML reads as themselves anywhere on a line: printable, and none of its other line
# breaks (NEL, U+2028, U+2029), no tab, no CR, no byte order mark.  Anything else goes to PyYAML.
_UNUSUAL_CHARACTER = re.compile(
    r"[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
# A key at the start of its line, a colon, and the rest of the line (after the spaces) when there is any.
_FLAT_LINE = re.compile(r"([A-Za-z0-9_][A-Za-z0-9_.-]{0,100}):(?: +(.*))?")
# What a plain scalar may not start with (YAML's indicators); "-" is one only before a space.
_NOT_PLAIN_START = frozenset("?:,[]{}#&*!|>'\"%@` ")


def _read_flat(content: str) -> dict[str, tuple[str, int]] | None:
    """What PyYAML composes from ``content`` when every line is empty, a comment or ``key: value``
    with a one-line plain, single- or double-quoted (without escapes) value; None for anything else."""
    if _UNUSUAL_CHARACTER.search(content):
        return None
    values: dict[str, tuple[str, int]] = {}
    for number, line in enumerate(content.split("\n"), start=_FIRST_CONTENT_LINE):
        if not line or line[0] == "#":
            continue
        match = _FLAT_LINE.fullmatch(line)
        if match is None:
            return None
        rest = (match[2] or "").rstrip(" ")
        value = _flat_scalar(rest) if rest else ""
        if value is None:
            return None
        values[match[1]] = (value, number)
    return values or None  # no key at all: PyYAML says what that is


def _flat_scalar(text: str) -> str | None:
    """The value of a one-line scalar with no trailing spaces, or None when it is not a simple one."""
    first = text[0]
    if first == '"':
        inner = text[1:-1]
        if len(text) < 2 or text[-1] != '"' or '"' in inner or "\\" in inner:
            return None
        return inner
    if first == "'":
        inner = text[1:-1]
        if len(text) < 2 or text[-1] != "'" or "'" in inner.replace("''", ""):
            return None
        return inner.replace("''", "'")
    if first in _NOT_PLAIN_START or (first == "-" and text[1:2] in ("", " ")):
        return None
    # ": " and a final ":" would start a mapping, " #" a comment.
    if ": " in text or text[-1] == ":" or " #" in text:
        return None
    return text


def _read_yaml(content: str, problems: list[str]) -> dict[str, tuple[str, int]]:
    """``_read_mapping`` by PyYAML: any YAML, its errors as problems."""
    try:
        root = yaml.compose(content, Loader=_StringLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"front matter line {mark.line + _FIRST_CONTENT_LINE}" if mark else "front matter"
        detail = "; ".join(part for part in (exc.context, exc.problem) if part)
        problems.append(f"{where}: invalid YAML: {detail}")
        return {}
    except yaml.YAMLError as exc:
        problems.append(f"front matter: invalid YAML: {exc}")
        return {}
    except RecursionError:
        # Deeply nested flow collections exhaust the composer's recursion.
        problems.append("front matter: invalid YAML: nested too deeply")
        return {}
    if root is None:
        return {}
    if not isinstance(root, yaml.MappingNode):
        problems.append(f"front matter line {root.start_mark.line + _FIRST_CONTENT_LINE}: expected 'key: value' lines")
        return {}
    values: dict[str, tuple[str, int]] = {}
    for key_node, value_node in root.value:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.value == "<<":
            continue
        # One level of nesting is kept as dotted keys: "factcheck: {ignore: [...]}" -> "factcheck.ignore".
        pairs = [(str(key_node.value), value_node)]
        if isinstance(value_node, yaml.MappingNode):
            pairs = [
                (f"{key_node.value}.{sub_key.value}", sub_value)
                for sub_key, sub_value in value_node.value
                if isinstance(sub_key, yaml.ScalarNode)
            ]
        for key, node in pairs:
            value = _flatten(node)
            if value is not None:
                values[key] = (value, node.start_mark.line + _FIRST_CONTENT_LINE)
    return values


def _flatten(node: yaml.Node) -> str | None:
    if isinstance(node, yaml.ScalarNode):
        return str(node.value)
    if isinstance(node, yaml.SequenceNode) and all(isinstance(item, yaml.ScalarNode) for item in node.value):
        return ", ".join(str(item.value) for item in node.value)
    return None  # mappings and nested lists are not one string


# --- dates ---------------------------------------------------------------

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_ISO_DATETIME_PREFIX = re.compile(r"(\d{4})-(\d{2})-(\d{2})[T ]\d{1,2}:\d{2}")
_SLASHED = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})")
_MONTH_FIRST = re.compile(r"([A-Za-z]{3,9})\.?[ \t]{1,3}(\d{1,2})(?:st|nd|rd|th)?,?[ \t]{1,3}(\d{4})")
_DAY_FIRST = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?[ \t]{1,3}([A-Za-z]{3,9})\.?,?[ \t]{1,3}(\d{4})")


def parse_date(value: str) -> date | None:
    """A calendar date from the usual ways of writing one, or None.

    Accepts ``2025-03-14``, ``2025-03-14T06:10:00Z`` (the date as written,
    not shifted to another zone), ``2025/03/14``, ``March 14, 2025`` and
    ``14 March 2025``.
    """
    text = value.strip()
    if len(text) > 64:
        return None
    if match := _ISO_DATE.fullmatch(text) or _SLASHED.fullmatch(text):
        return _date(match[1], match[2], match[3])
    if _ISO_DATETIME_PREFIX.match(text):
        try:
            return datetime.fromisoformat(text).date()
        except ValueError:
            return None
    if match := _MONTH_FIRST.fullmatch(text):
        return _named(match[3], match[1], match[2])
    if match := _DAY_FIRST.fullmatch(text):
        return _named(match[3], match[2], match[1])
    return None


def _named(year: str, month_name: str, day: str) -> date | None:
    month = _MONTHS.get(month_name.lower())
    return None if month is None else _date(year, str(month), day)


def _date(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None
