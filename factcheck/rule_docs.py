"""A documentation page for every rule factcheck can report, and where it is published.

Owns three things that must agree: the page of a rule (Markdown, built from its
rule file: what it finds, its message, its options as YAML, its examples), the
address of that page (``docs/rules/<id>.md`` in the repository, which SARIF
gives as ``helpUri`` and the terminal report links to), and the list of pages
(every built-in rule, and ``suppressions.unused``, which no rule file defines
because suppression itself reports it).  ``scripts/rule_pages.py`` writes the
pages; a test fails when one is missing or out of date.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from factcheck.checks.base import Rule

__all__ = ["DOCS_BASE", "UNUSED_PAGE", "options_yaml", "page", "rule_file_display", "url"]

DOCS_BASE = "https://github.com/factcheck/factcheck/blob/main/docs/rules"

# suppressions.unused is reported by the suppression stage, not by a check: its page is written here.
UNUSED_PAGE = """\
# `suppressions.unused`

*severity: info; reported by the suppression stage (no rule file)*

An inline suppression that hides nothing: a `<!-- factcheck: ignore[...] -->`
comment, or a `<!-- factcheck: off -->` passage, on lines where no finding of
the rules it names is reported. It is usually left over from a fix (the
figure was corrected, the comment stayed) and would silently hide the next
real finding on that line, so it is reported at `info` severity for cleaning
up. Remove the comment, or narrow it to the rule it was meant for.

Message: `unused suppression (RULES): no finding is reported here`

## Example

```markdown
<!-- factcheck: ignore[numbers.conflict] checked with the ministry -->
The port handled 4.1 million containers in 2024.
```

reports `suppressions.unused` when no other article gives a different figure
for the port's containers in 2024.
"""


def url(rule_id: str) -> str:
    """The address of a built-in rule's page."""
    return f"{DOCS_BASE}/{rule_id}.md"


def rule_file_display(rule: Rule, builtin_dir: Path) -> str:
    """How to name a rule's file: ``rules/names/spelling.yaml`` for a built-in rule (never a path into
    site-packages), else the path the rule was loaded from."""
    try:
        return str(Path("rules") / Path(rule.path).resolve().relative_to(builtin_dir.resolve()))
    except ValueError:
        return rule.path


def _plain(value: Any) -> Any:
    """Options as YAML shows them: tuples as lists, mappings as plain dicts."""
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def options_yaml(options: Mapping[str, Any]) -> str:
    """A rule's options in the YAML a rule file would use."""
    if not options:
        return ""
    dumped = yaml.safe_dump(_plain(dict(sorted(options.items()))), sort_keys=False, allow_unicode=True, width=100)
    return str(dumped)


def page(rule: Rule, builtin_dir: Path, check_options: Mapping[str, Any] | None = None) -> str:
    """The Markdown page of one rule.  ``check_options`` (the check's ``OPTIONS``) adds what each option
    means."""
    lines = [
        f"# `{rule.id}`",
        "",
        f"*severity: {rule.severity.label}; check: `{rule.check}`; file: `{rule_file_display(rule, builtin_dir)}`*",
        "",
        " ".join(rule.description.split()),
        "",
        f"Message: `{rule.message}`",
        "",
    ]
    if rule.options:
        lines += ["## Options", "", "```yaml", options_yaml(rule.options).rstrip("\n"), "```", ""]
        if check_options:
            lines += [f"- `{name}`: {getattr(check_options[name], 'help', '')}" for name in sorted(rule.options)]
            lines.append("")
    lines += ["## Examples", ""]
    for expect in ("fail", "pass"):
        examples = [example for example in rule.examples if example.expect == expect]
        if not examples:
            continue
        lines += ["Reported:" if expect == "fail" else "Not reported:", ""]
        for example in examples:
            lines += ["```yaml", _example_yaml(example.files).rstrip("\n"), "```", ""]
    return "\n".join(lines)


def _example_yaml(files: Sequence[tuple[str, str]]) -> str:
    return str(yaml.safe_dump(dict(files), sort_keys=False, allow_unicode=True, width=100))
