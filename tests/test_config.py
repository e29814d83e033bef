"""Configuration files: discovery, validation with file and line, and precedence of flags."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.config import load_config, parse_config
from factcheck.errors import ConfigError
from factcheck.model import Severity

TRADE = "Bilateral trade between Russia and China reached {} in 2024.\n"


def test_pyproject_table_is_found_from_a_subdirectory(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.factcheck]\nfail-on = "warning"\nselect = ["numbers"]\n'
        'severity = { "numbers.conflict" = "warning" }\nper-file-ignores = { "drafts/*" = ["numbers"] }\n',
        encoding="utf-8",
    )
    (tmp_path / "news" / "world").mkdir(parents=True)
    config = load_config(start=tmp_path / "news" / "world")
    assert config.path == str(tmp_path / "pyproject.toml")
    assert config.fail_on == "warning"
    assert config.select == ("numbers",)
    assert config.severity == (("numbers.conflict", Severity.WARNING),)
    assert config.per_file_ignores == (("drafts/*", ("numbers",)),)


def test_factcheck_toml_wins_over_pyproject_in_the_same_directory(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nfail-on = "info"\n', encoding="utf-8")
    (tmp_path / ".factcheck.toml").write_text('fail-on = "never"\nrules = ["house-rules"]\n', encoding="utf-8")
    config = load_config(start=tmp_path)
    assert config.fail_on == "never"
    assert config.rules == (str(tmp_path.resolve() / "house-rules"),)


def test_pyproject_without_our_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert load_config(start=tmp_path).path is None


def test_isolated_ignores_files(tmp_path: Path) -> None:
    (tmp_path / "factcheck.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    assert load_config(isolated=True, start=tmp_path).fail_on is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('fail-on = "error"\nfailon = "warning"\n', "f.toml:2: 'failon' is not a known setting"),
        ('fail-on = "sometimes"\n', "f.toml:1: 'fail-on' must be one of error, warning, info, never"),
        ("\nselect = 3\n", "f.toml:2: 'select' must be a list of strings"),
        ('severity = { "numbers.conflict" = "fatal" }\n', "f.toml:1: 'severity' for 'numbers.conflict' must be"),
        ("fail-on = \n", "f.toml: invalid TOML"),
    ],
)
def test_bad_config_names_file_line_and_key(text: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config(text, "f.toml")
    assert str(caught.value).startswith(message)


def test_cli_reads_config_and_flags_override(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.md").write_text(TRADE.format("$244bn"), encoding="utf-8")
    (tmp_path / "b.md").write_text(TRADE.format("$200bn"), encoding="utf-8")
    config = tmp_path / "factcheck.toml"
    config.write_text('fail-on = "never"\nseverity = { "numbers" = "warning" }\n', encoding="utf-8")
    code = main(["check", str(tmp_path), "--config", str(config), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0
    assert [f["severity"] for f in report["findings"]] == ["warning"]
    code = main(["check", str(tmp_path), "--config", str(config), "--format", "json", "--fail-on", "warning"])
    capsys.readouterr()
    assert code == 1


def test_cli_bad_config_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "factcheck.toml"
    config.write_text('include = ["*.md"]\ncolour = true\n', encoding="utf-8")
    code = main(["check", str(tmp_path), "--config", str(config)])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err.startswith(f"factcheck: error: {config}:2: 'colour' is not a known setting")


def test_a_configuration_nested_too_deeply_is_an_error_naming_the_file() -> None:
    with pytest.raises(ConfigError, match=r"^factcheck\.toml: invalid TOML: nested too deeply"):
        parse_config("include = " + "[" * 50_000 + "]" * 50_000, "factcheck.toml")


# --- the house registry of people and the house facts base -----------------------------------------

HOUSE_PEOPLE = """\
people:
  - name: Ingrid Halvorsen
    reject: [Inga Halvorsen]
    roles: [central bank governor, governor]
    note: governor of the Norrland central bank since 2021
"""

HOUSE_FACTS = """\
facts:
  - id: marrow-bridge-opened
    subject: the opening of the Marrow bridge
    date: 1931-06-14
    source: Marrowby town archive
    phrasings:
      - "Marrow bridge ... opened|opens|inaugurated"
"""


def _house_project(tmp_path: Path) -> Path:
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "people.yaml").write_text(HOUSE_PEOPLE, encoding="utf-8")
    (tmp_path / "house" / "facts.yaml").write_text(HOUSE_FACTS, encoding="utf-8")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.md").write_text(
        "Central bank governor Inga Halvorsen said rates would hold. The Marrow bridge opened in 1934.\n",
        encoding="utf-8",
    )
    return tmp_path


def test_house_people_and_facts_take_one_line_of_configuration_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _house_project(tmp_path)
    (root / "factcheck.toml").write_text('people = "house/people.yaml"\nfacts = "house/facts.yaml"\n')
    code = main(["check", str(root / "news"), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    by_rule = {f["rule"]: f["message"] for f in report["findings"]}
    assert code == 1
    assert "Ingrid Halvorsen" in by_rule["names.registry"]
    assert "house/people.yaml" in by_rule["names.registry"]
    assert "1931" in by_rule["reference.facts"] or "14 June 1931" in by_rule["reference.facts"]
    # The built-in registry still counts: Luttwak is still known.
    (root / "news" / "b.md").write_text("Historian and strategist Richard Luttwak argued it.\n", encoding="utf-8")
    main(["check", str(root / "news"), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert any("Edward Luttwak" in f["message"] for f in report["findings"])


def test_without_the_configuration_the_house_data_is_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _house_project(tmp_path)
    main(["check", str(root / "news"), "--format", "json", "--isolated"])
    report = json.loads(capsys.readouterr().out)
    assert {f["rule"] for f in report["findings"]} <= {"suppressions.unused"}


@pytest.mark.parametrize("key", ["people", "facts"])
def test_a_house_file_that_does_not_exist_is_an_error_with_file_and_line(
    tmp_path: Path, key: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.md").write_text("Text.\n", encoding="utf-8")
    (tmp_path / "factcheck.toml").write_text(f'fail-on = "error"\n{key} = "house/missing.yaml"\n')
    assert main(["check", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert f"factcheck.toml:2: '{key}' names 'house/missing.yaml', which is not a file" in err


def test_a_mistake_in_the_house_registry_names_its_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _house_project(tmp_path)
    (root / "house" / "people.yaml").write_text(HOUSE_PEOPLE.replace("    note:", "    notes:"), encoding="utf-8")
    (root / "factcheck.toml").write_text('people = "house/people.yaml"\n')
    assert main(["check", str(root / "news")]) == 2
    err = capsys.readouterr().err
    assert "house/people.yaml:5: unknown key 'notes'" in err
