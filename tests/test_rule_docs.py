"""Every rule factcheck can report has a documentation page, and every output points at it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.ruleset import load_rules
from factcheck.suppress import UNUSED_RULE

ROOT = Path(__file__).resolve().parent.parent


def test_the_pages_in_docs_are_those_the_rules_give() -> None:
    done = subprocess.run(
        [sys.executable, "scripts/rule_pages.py", "--check"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stderr) == (0, "")


def test_every_rule_that_can_be_reported_has_a_page() -> None:
    ids = {rule.id for rule in load_rules()} | {UNUSED_RULE}
    assert {path.stem for path in (ROOT / "docs" / "rules").glob("*.md")} == ids


def test_rule_prints_options_as_yaml_and_no_installation_path(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", "names.spelling", "--no-color"]) == 0
    out = capsys.readouterr().out
    assert "file: rules/names/spelling.yaml" in out
    assert "site-packages" not in out and str(ROOT) not in out
    assert "docs: https://github.com/factcheck/factcheck/blob/main/docs/rules/names.spelling.md" in out
    assert "  ties: true" in out and "  registry: _data/people.yaml" in out
    assert "('" not in out and "True" not in out  # no Python reprs


def test_rule_page_of_suppressions_unused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", UNUSED_RULE]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"# `{UNUSED_RULE}`") and "info" in out


def test_sarif_gives_each_rule_its_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.md").write_text("The port handled 4.1 million containers in 2024.\n", encoding="utf-8")
    main(["check", str(tmp_path), "--format", "sarif"])
    rules = json.loads(capsys.readouterr().out)["runs"][0]["tool"]["driver"]["rules"]
    assert {rule["id"] for rule in rules} == {rule.id for rule in load_rules()} | {UNUSED_RULE}
    for rule in rules:
        assert rule["helpUri"].endswith(f"/docs/rules/{rule['id']}.md")
        assert (ROOT / "docs" / "rules" / f"{rule['id']}.md").is_file()


def test_a_rule_of_ones_own_has_no_page_to_point_at(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    house = tmp_path / "house" / "style"
    house.mkdir(parents=True)
    source = (ROOT / "rules" / "documents" / "near_copy.yaml").read_text(encoding="utf-8")
    (house / "copies.yaml").write_text(source, encoding="utf-8")
    (tmp_path / "a.md").write_text("The port handled 4.1 million containers in 2024.\n", encoding="utf-8")
    main(["check", str(tmp_path / "a.md"), "--format", "sarif", "--rules", str(tmp_path / "house")])
    rules = json.loads(capsys.readouterr().out)["runs"][0]["tool"]["driver"]["rules"]
    [own] = [rule for rule in rules if rule["id"] == "style.copies"]
    assert "helpUri" not in own
