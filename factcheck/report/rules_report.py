"""Write the rule list of ``factcheck rules`` and one rule of ``factcheck rule ID``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

import regex
from rich.console import Console
from rich.table import Table

from factcheck.checks.base import Rule


def _console(stream: TextIO, color: bool, width: int | None) -> Console:
    return Console(
        file=stream, width=width, force_terminal=color, no_color=not color,
        color_system="standard" if color else None, highlight=False,
    )  # fmt: skip


def _summary(description: str) -> str:
    """The first sentence of a rule's description: the list stays a list; ``factcheck rule ID`` has the rest."""
    text = " ".join(description.split())
    for match in regex.finditer(r"(?<=[a-z0-9)\"”])[.:](?=\s|$)", text):
        head = text[: match.start()]
        if head.count("(") == head.count(")"):  # not inside a parenthesis
            return head + "." if match.group() == "." else head
    return text


def write_rule_list(rules: Sequence[Rule], stream: TextIO, *, color: bool, width: int | None) -> None:
    table = Table(show_lines=False)
    table.add_column("rule")
    table.add_column("check")
    table.add_column("severity")
    table.add_column("description", overflow="fold")
    for rule in rules:
        table.add_row(rule.id, rule.check, rule.severity.label, _summary(rule.description))
    _console(stream, color, width).print(table)


def write_rule(rule: Rule, stream: TextIO, *, color: bool, width: int | None) -> None:
    console = _console(stream, color, width)
    console.print(f"[bold]{rule.id}[/bold]  ({rule.check}, {rule.severity.label})", markup=True)
    console.print(f"file: {rule.path}", markup=False)
    console.print(rule.description, markup=False)
    console.print(f"message: {rule.message}", markup=False)
    if rule.options:
        console.print("options:", markup=False)
        for name, value in sorted(rule.options.items()):
            console.print(f"  {name}: {value!r}", markup=False)
    console.print("examples:", markup=False)
    for example in rule.examples:
        console.print(f"  {example.expect} (line {example.line}):", markup=False)
        for name, text in example.files:
            console.print(f"    {name}: {text!r}", markup=False)
