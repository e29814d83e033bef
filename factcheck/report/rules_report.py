"""Write the rule list of ``factcheck rules`` and one rule of ``factcheck rule ID``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

import regex
from rich.console import Console
from rich.table import Table

from factcheck.checks.base import Rule
from factcheck.rule_docs import UNUSED_PAGE, options_yaml, rule_file_display, url


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
    from factcheck.checks import CHECKS
    from factcheck.ruleset import builtin_rules_dir

    builtin = builtin_rules_dir()
    console = _console(stream, color, width)
    console.print(f"[bold]{rule.id}[/bold]  ({rule.check}, {rule.severity.label})", markup=True)
    console.print(f"file: {rule_file_display(rule, builtin)}", markup=False)
    if rule_file_display(rule, builtin) != rule.path:  # a built-in rule: its page is published
        console.print(f"docs: {url(rule.id)}", markup=False)
    console.print(rule.description, markup=False)
    console.print(f"message: {rule.message}", markup=False)
    if rule.options:
        console.print("options:", markup=False)
        known = CHECKS[rule.check].OPTIONS
        for line in options_yaml(rule.options).splitlines():
            name = line.split(":", 1)[0]
            meaning = f"  # {known[name].help}" if name in known and not line.startswith(" ") else ""
            console.print(f"  {line}{meaning}", markup=False, overflow="fold")
    console.print("examples:", markup=False)
    for example in rule.examples:
        console.print(f"  {example.expect} (line {example.line}):", markup=False)
        for name, text in example.files:
            console.print(f"    {name}: {text}", markup=False)


def write_unused_rule(stream: TextIO) -> None:
    """``factcheck rule suppressions.unused``: the page of the rule the suppression stage reports."""
    stream.write(UNUSED_PAGE)
