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
