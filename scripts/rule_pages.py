"""Write docs/rules/<id>.md, the documentation page of every rule factcheck can report.

Usage: python scripts/rule_pages.py [--check]

The pages are built from the rule files (factcheck.rule_docs.page); SARIF's
helpUri and `factcheck rule ID` point at them.  With --check, write nothing and
exit 1 when a page is missing, stale or left over (tests/test_rule_docs.py runs
the same comparison).
"""

from __future__ import annotations

import sys
from pathlib import Path

from factcheck.checks import CHECKS
from factcheck.rule_docs import UNUSED_PAGE, page
from factcheck.ruleset import builtin_rules_dir, load_rules
from factcheck.suppress import UNUSED_RULE

PAGES = Path(__file__).resolve().parent.parent / "docs" / "rules"


def expected_pages() -> dict[str, str]:
    """File name -> content of every page."""
    builtin = builtin_rules_dir()
    pages = {f"{rule.id}.md": page(rule, builtin, CHECKS[rule.check].OPTIONS) for rule in load_rules()}
    pages[f"{UNUSED_RULE}.md"] = UNUSED_PAGE
    return pages


def main(argv: list[str]) -> int:
    pages = expected_pages()
    present = {path.name: path.read_text(encoding="utf-8") for path in PAGES.glob("*.md")} if PAGES.is_dir() else {}
    if "--check" in argv:
        stale = sorted(name for name, text in pages.items() if present.get(name) != text)
        extra = sorted(set(present) - set(pages))
        for name in stale:
            print(f"docs/rules/{name}: missing or out of date (run python scripts/rule_pages.py)", file=sys.stderr)
        for name in extra:
            print(f"docs/rules/{name}: no rule has this id", file=sys.stderr)
        return 1 if stale or extra else 0
    PAGES.mkdir(parents=True, exist_ok=True)
    for name in set(present) - set(pages):
        (PAGES / name).unlink()
    for name, text in pages.items():
        (PAGES / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(pages)} pages to docs/rules/")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
