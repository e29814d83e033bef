"""Load rule files from ``rules/`` (and extra directories) and validate them strictly.

A rule's id is its path under the rules directory without the suffix, with
dots for slashes: ``rules/numbers/conflict.yaml`` is ``numbers.conflict``.
Files and directories whose names start with ``_`` hold reference data for
checks, not rules.  Every problem is a ``RuleError`` naming the file and line:
unknown keys, wrong types, unknown checks, unknown options, rules without
examples.
"""

from __future__ import annotations

import difflib
import functools
import math
import string
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import regex
import yaml

from factcheck.checks import CHECKS
from factcheck.checks.base import Check, Example, Option, Rule
from factcheck.errors import RuleError, UsageError
from factcheck.model import Severity
from factcheck.yamlnodes import compose
from factcheck.yamlnodes import line as _line
from factcheck.yamlnodes import mapping as _mapping

_RULE_KEYS = {"check", "severity", "message", "description", "options", "examples"}
_REQUIRED = ("check", "severity", "message", "description", "examples")


def builtin_rules_dir() -> Path:
    """The rules shipped with the package (the repository's ``rules/``).

    Installed, they are the package ``factcheck.builtin_rules``; run from a
    source tree that was never installed, they are ``rules/`` beside the package.
    """
    try:
        return Path(str(resources.files("factcheck.builtin_rules")))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / "rules"


def _scalar(node: yaml.Node, path: str, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode):
        raise RuleError(path, _line(node), f"{what} must be a string")
    return str(node.value)


def _plain(node: yaml.Node) -> Any:
    """The Python value of a node, as the safe loader would build it."""
    return yaml.SafeLoader(yaml.serialize(node)).get_single_data()


def _excerpt(value: Any, limit: int = 60) -> str:
    """A bad value as an error message shows it: its repr, cut short (a value may be huge)."""
    if isinstance(value, (list, dict, tuple)) and len(value) > limit:
        return f"a {type(value).__name__} of {len(value)} items"
    try:
        text = repr(value)
    except (RecursionError, ValueError):
        return f"a {type(value).__name__}"
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _option_value(option: Option, node: yaml.Node, path: str, name: str) -> Any:
    value = _plain(node)
    line = _line(node)

    def fail(expected: str) -> RuleError:
        return RuleError(path, line, f"option '{name}' must be {expected}, got {_excerpt(value)}")

    if option.kind == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise fail("a number")
        # Every number a check takes is a tolerance, a threshold or a rate: NaN would make each
        # comparison false, a negative or infinite slack would hide or invent every finding.
        if not math.isfinite(value) or value < 0:
            raise fail("a finite number, zero or more")
        return float(value)
    if option.kind == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            raise fail("an integer")
        if value < 0:
            raise fail("an integer, zero or more")
        return value
    if option.kind == "bool":
        if not isinstance(value, bool):
            raise fail("true or false")
        return value
    if option.kind == "string":
        if not isinstance(value, str):
            raise fail("a string")
        return value
    if option.kind == "string_list":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail("a list of strings")
        return tuple(value)
    if option.kind == "string_map":
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, list) and all(isinstance(x, str) for x in v) for k, v in value.items()
        ):
            raise fail("a mapping of strings to lists of strings")
        return {k: tuple(v) for k, v in value.items()}
    if option.kind == "number_map":
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, (int, float)) and not isinstance(v, bool) for k, v in value.items()
        ):
            raise fail("a mapping of strings to numbers")
        if not all(math.isfinite(v) and v > 0 for v in value.values()):
            raise fail("a mapping of strings to finite numbers above zero")
        return {k: float(v) for k, v in value.items()}
    raise AssertionError(f"unknown option kind {option.kind}")


def _examples(node: yaml.Node, path: str) -> tuple[Example, ...]:
    examples = []
    for expect, value_node, line in _mapping(node, path, "examples"):
        if expect not in ("fail", "pass"):
            raise RuleError(path, line, f"unknown key '{expect}' in examples (expected 'fail' or 'pass')")
        if not isinstance(value_node, yaml.SequenceNode):
            raise RuleError(path, line, f"examples.{expect} must be a list")
        for item in value_node.value:
            files = tuple(
                (name, _scalar(text_node, path, f"example file '{name}'"))
                for name, text_node, _ in _mapping(item, path, f"an example in examples.{expect}")
            )
            if not files:
                raise RuleError(path, _line(item), "an example needs at least one file")
            examples.append(Example(expect, files, _line(item)))
    if not any(e.expect == "fail" for e in examples):
        raise RuleError(path, _line(node), "a rule needs at least one 'fail' example")
    if not any(e.expect == "pass" for e in examples):
        raise RuleError(path, _line(node), "a rule needs at least one 'pass' example")
    return tuple(examples)


def _message(message: str, check: type[Check], path: str, line: int) -> str:
    """A rule's message, checked against the fields its check offers: an unknown field, a positional
    one, a bad brace or a format spec would otherwise fail only when a finding fires (and a spec that
    pads, "{what:>999999999}", writes a gigabyte)."""
    offered = ", ".join(sorted(check.MESSAGE_FIELDS)) or "none"
    try:
        parts = list(string.Formatter().parse(message))
    except ValueError as error:
        raise RuleError(path, line, f"message: {error} (double a brace to write one: '{{{{' or '}}}}')") from None
    for _literal, field_name, spec, conversion in parts:
        if field_name is None:
            continue
        name = regex.split(r"[.\[]", field_name, maxsplit=1)[0]
        if not name or name.isdigit():
            raise RuleError(path, line, f"message: positional field '{{{field_name}}}' (fields: {offered})")
        if name not in check.MESSAGE_FIELDS or name != field_name:
            raise RuleError(path, line, f"message: unknown field '{{{field_name}}}' (fields: {offered})")
        if spec or conversion:
            raise RuleError(path, line, f"message: field '{{{field_name}}}' takes no format spec or conversion")
    return message


def parse_rule(text: str, path: str, rule_id: str) -> Rule:
    """Validate one rule file's text; raise RuleError with file and line on any problem."""
    root = compose(text, path)
    if root is None:
        raise RuleError(path, 1, "empty rule file")
    fields: dict[str, tuple[yaml.Node, int]] = {}
    for key, value_node, line in _mapping(root, path, "a rule"):
        if key not in _RULE_KEYS:
            raise RuleError(path, line, f"unknown key '{key}' (expected one of: {', '.join(sorted(_RULE_KEYS))})")
        fields[key] = (value_node, line)
    for key in _REQUIRED:
        if key not in fields:
            raise RuleError(path, _line(root), f"missing required key '{key}'")
    check_name = _scalar(fields["check"][0], path, "check")
    check = CHECKS.get(check_name)
    if check is None:
        known = ", ".join(sorted(CHECKS))
        raise RuleError(path, fields["check"][1], f"unknown check '{check_name}' (known checks: {known})")
    severity_node, severity_line = fields["severity"]
    try:
        severity = Severity.parse(_scalar(severity_node, path, "severity"))
    except ValueError as error:
        raise RuleError(path, severity_line, str(error)) from None
    options: dict[str, Any] = {name: spec.default for name, spec in check.OPTIONS.items()}
    if "options" in fields:
        for name, value_node, line in _mapping(fields["options"][0], path, "options"):
            spec = check.OPTIONS.get(name)
            if spec is None:
                known = ", ".join(sorted(check.OPTIONS)) or "none"
                raise RuleError(path, line, f"unknown option '{name}' for check '{check_name}' (known: {known})")
            options[name] = _option_value(spec, value_node, path, name)
    return Rule(
        id=rule_id,
        path=path,
        check=check_name,
        severity=severity,
        message=_message(_scalar(fields["message"][0], path, "message"), check, path, fields["message"][1]),
        description=_scalar(fields["description"][0], path, "description"),
        options=options,
        examples=_examples(fields["examples"][0], path),
    )


def _rule_files(directory: Path) -> Iterable[tuple[Path, str]]:
    for file in sorted(directory.rglob("*.yaml")):
        relative = file.relative_to(directory)
        if any(part.startswith(("_", ".")) for part in relative.parts):
            continue
        yield file, ".".join(relative.with_suffix("").parts)


@functools.lru_cache(maxsize=1024)
def _parse_rule_once(text: str, path: str, rule_id: str) -> Rule:
    """``parse_rule``, once per text in a process: the command line lists the run's rules and the
    pipeline loads them again (rules are frozen, so sharing them is safe)."""
    return parse_rule(text, path, rule_id)


def load_rules(extra_dirs: Sequence[str | Path] = (), *, builtin: bool = True) -> list[Rule]:
    """Every rule, built-in first, then each extra directory; ids must be unique."""
    directories = ([builtin_rules_dir()] if builtin else []) + [Path(d) for d in extra_dirs]
    rules: dict[str, Rule] = {}
    for directory in directories:
        if not directory.is_dir():
            raise RuleError(str(directory), None, "rules directory not found")
        for file, rule_id in _rule_files(directory):
            display = str(file)
            try:
                text = file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                raise RuleError(display, None, f"cannot read rule file: {error}") from None
            rule = _parse_rule_once(text, display, rule_id)
            if rule_id in rules:
                raise RuleError(display, None, f"rule id '{rule_id}' is already defined in {rules[rule_id].path}")
            rules[rule_id] = rule
    return [rules[key] for key in sorted(rules)]


# Rules the run emits without a rule file (see factcheck.suppress).
EXTRA_RULE_IDS = ("suppressions.unused",)


def _matches(rule_id: str, prefixes: Sequence[str]) -> bool:
    return any(rule_id == p or rule_id.startswith(p.rstrip(".") + ".") for p in prefixes)


def check_rule_ids(rules: Sequence[Rule], ids: Sequence[str], where: str) -> None:
    """Every id or id prefix in ``ids`` names a rule, else a UsageError naming ``where`` and the
    closest rule ("did you mean numbers.conflict?"): a typo must fail the run, not pass it."""
    known = [r.id for r in rules] + list(EXTRA_RULE_IDS)
    prefixes = {part for rule_id in known for part in _prefixes(rule_id)}
    for given in ids:
        if given in ("", "ALL") or given.rstrip(".") in prefixes:
            continue
        close = difflib.get_close_matches(given, sorted(prefixes), n=1, cutoff=0.6)
        hint = f"; did you mean {close[0]}?" if close else " (see 'factcheck rules')"
        raise UsageError(f"{where}: unknown rule '{given}'{hint}")


def _prefixes(rule_id: str) -> list[str]:
    parts = rule_id.split(".")
    return [".".join(parts[: i + 1]) for i in range(len(parts))]


def select_rules(rules: Sequence[Rule], select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[Rule]:
    """Rules whose id starts with a ``select`` prefix (all if none) and no ``ignore`` prefix.

    An id or prefix that names no rule is an error (a typo would otherwise select nothing, or ignore
    nothing, and pass the build)."""
    check_rule_ids(rules, select, "select")
    check_rule_ids(rules, ignore, "ignore")
    matches = _matches

    chosen = [r for r in rules if not select or matches(r.id, select)]
    return [r for r in chosen if not matches(r.id, ignore)]


def rules_by_id(rules: Sequence[Rule]) -> Mapping[str, Rule]:
    return {rule.id: rule for rule in rules}
