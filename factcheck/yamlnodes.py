"""Strict reading of YAML files that people edit (rules, the people registry, the facts base).

Files are composed into nodes rather than loaded into values, so every
problem can name the file and the line (``RuleError``): invalid YAML, a
mapping that is not one, a key given twice.
"""

from __future__ import annotations

import yaml

from factcheck.errors import RuleError


def compose(text: str, path: str) -> yaml.Node | None:
    """The document's root node (None when the file is empty); invalid YAML is a RuleError with its line."""
    try:
        root: yaml.Node | None = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        raise RuleError(path, mark.line + 1 if mark is not None else None, f"invalid YAML: {error.problem}") from None
    return root


def line(node: yaml.Node) -> int:
    """1-based line where a node starts."""
    return int(node.start_mark.line) + 1


def mapping(node: yaml.Node, path: str, what: str) -> list[tuple[str, yaml.Node, int]]:
    """(key, value node, key line) of a mapping node; a non-mapping or a repeated key is a RuleError."""
    if not isinstance(node, yaml.MappingNode):
        raise RuleError(path, line(node), f"{what} must be a mapping")
    seen: set[str] = set()
    items = []
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise RuleError(path, line(key_node), f"a key in {what} must be a string")
        key = str(key_node.value)
        if key in seen:
            raise RuleError(path, line(key_node), f"duplicate key '{key}' in {what}")
        seen.add(key)
        items.append((key, value_node, line(key_node)))
    return items
