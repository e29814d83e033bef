"""Strict reading of YAML files that people edit (rules, the people registry, the facts base).

Files are composed into nodes rather than loaded into values, so every
problem can name the file and the line (``RuleError``): invalid YAML, a
mapping that is not one, a key given twice.

libyaml composes (when PyYAML was built with it: ten times faster, 60 ms of
a run's start for the built-in rules); a file it refuses is composed again
by PyYAML's own parser, whose message the error gives.
"""

from __future__ import annotations

from typing import Any

import yaml

from factcheck.errors import RuleError

# libyaml's loader, when PyYAML has it.
FAST_LOADER: Any = getattr(yaml, "CSafeLoader", None)


def safe_load(text: str) -> Any:
    """``yaml.safe_load``, by libyaml when there (for packaged data, which is valid YAML)."""
    if FAST_LOADER is not None:
        try:
            return yaml.load(text, Loader=FAST_LOADER)
        except yaml.YAMLError:
            pass
    return yaml.safe_load(text)


def _compose(text: str) -> yaml.Node | None:
    if FAST_LOADER is not None:
        try:
            node: yaml.Node | None = yaml.compose(text, Loader=FAST_LOADER)
            return node
        except (yaml.YAMLError, RecursionError):
            pass  # composed again below, for PyYAML's message
    return yaml.compose(text, Loader=yaml.SafeLoader)


def compose(text: str, path: str) -> yaml.Node | None:
    """The document's root node (None when the file is empty); invalid YAML is a RuleError with its line."""
    try:
        root: yaml.Node | None = _compose(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        raise RuleError(path, mark.line + 1 if mark is not None else None, f"invalid YAML: {error.problem}") from None
    except yaml.YAMLError as error:
        raise RuleError(path, None, f"invalid YAML: {str(error)[:120]}") from None
    except RecursionError:
        raise RuleError(path, None, "invalid YAML: nested too deeply") from None
    if root is not None:
        _check_expansion(root, path)
    return root


MAX_EXPANDED_NODES = 100_000  # far more than any rule or registry holds; an alias bomb holds billions


def _check_expansion(root: yaml.Node, path: str) -> None:
    """Refuse anchors and aliases that expand beyond ``MAX_EXPANDED_NODES`` (a "billion laughs" file):
    composing shares the nodes, but building values from them would copy each one every time."""
    count = 0
    stack = [root]
    while stack:
        node = stack.pop()
        count += 1
        if count > MAX_EXPANDED_NODES:
            raise RuleError(path, line(node), f"anchors and aliases expand to more than {MAX_EXPANDED_NODES:,} values")
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append(key)
                stack.append(value)


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
