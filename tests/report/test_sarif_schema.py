"""SARIF output: valid against the OASIS SARIF 2.1.0 schema, and shaped as GitHub code scanning reads it.

The schema is a copy of the official SARIF 2.1.0 schema in
``tests/fixtures/sarif/`` (or ``$SARIF_SCHEMA``); it declares JSON Schema draft-04, and the validator is
chosen from its ``$schema``.  The output is validated on the shared fixture,
on an empty report, on a real run over ``seeds/`` and on a real run over two
small conflicting articles (so that at least one real result is checked).
"""

from __future__ import annotations

import io
import json
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from factcheck.model import Report, Severity
from factcheck.pipeline import check
from factcheck.report import ReportOptions, RuleInfo, sarif

SCHEMA_PATH = Path(
    os.environ.get(
        "SARIF_SCHEMA", Path(__file__).resolve().parent.parent / "fixtures" / "sarif" / "sarif-schema-2.1.0.json"
    )
)
SEEDS = Path(__file__).resolve().parents[2] / "seeds"

RULES = (
    RuleInfo(
        id="numbers.conflict",
        severity="error",
        description="Two articles give incompatible values for the same quantity. Rounding is allowed for.",
        message="{subject}: {value_a} in {doc_a} but {value_b} in {doc_b}",
    ),
)
OPTIONS = ReportOptions(tool_version="0.1.0", rules=RULES)


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    assert SCHEMA_PATH.exists(), f"SARIF schema not found at {SCHEMA_PATH}"
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def render(report: Report, options: ReportOptions = OPTIONS) -> dict[str, Any]:
    stream = io.StringIO()
    sarif.write(report, stream, options)
    data: dict[str, Any] = json.loads(stream.getvalue())
    return data


def assert_valid(validator: jsonschema.protocols.Validator, data: dict[str, Any]) -> None:
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def assert_consistent(data: dict[str, Any]) -> None:
    """What the schema cannot say: indexes point at the right rule, ids and fingerprints are there."""
    assert data["version"] == "2.1.0" and len(data["runs"]) == 1
    run = data["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["invocations"][0]["executionSuccessful"] is True
    rules = run["tool"]["driver"]["rules"]
    assert len({rule["id"] for rule in rules}) == len(rules)
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in {"error", "warning", "note"}
        assert result["partialFingerprints"]["factcheck/v1"]
        related = result.get("relatedLocations", [])
        assert [item["id"] for item in related] == list(range(1, len(related) + 1))
        for number in range(1, len(related) + 1):
            assert f"]({number})" in result["message"]["text"]


# -- validity -------------------------------------------------------------------


def test_fixture_report_validates(validator: jsonschema.protocols.Validator, report: Report) -> None:
    data = render(report)
    assert_valid(validator, data)
    assert_consistent(data)


def test_empty_report_validates(validator: jsonschema.protocols.Validator, empty_report: Report) -> None:
    data = render(empty_report, ReportOptions())
    assert_valid(validator, data)
    assert_consistent(data)
    assert data["runs"][0]["results"] == [] and data["runs"][0]["tool"]["driver"]["rules"] == []


def test_real_run_over_the_seeds_validates(validator: jsonschema.protocols.Validator) -> None:
    report = check([str(SEEDS)])
    assert report.documents
    data = render(report)
    assert_valid(validator, data)
    assert_consistent(data)


def test_real_run_with_a_conflict_validates(
    validator: jsonschema.protocols.Validator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.md").write_text("Bilateral trade between Russia and China reached $244bn in 2024.\n", "utf-8")
    (tmp_path / "b c.md").write_text("Bilateral trade between Russia and China reached $200bn in 2024.\n", "utf-8")
    (tmp_path / "broken.md").write_bytes(b"\xff\xfe\x00bad")
    for paths in ([str(tmp_path)], ["."]):  # absolute paths, then relative ones
        monkeypatch.chdir(tmp_path)
        report = check(paths)
        data = render(report)
        assert_valid(validator, data)
        assert_consistent(data)
        results = data["runs"][0]["results"]
        assert len(results) >= 1
        uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results]
        if paths == ["."]:
            assert all(not uri.startswith("file:") for uri in uris)
        else:
            assert all(uri.startswith("file:///") for uri in uris)


# -- shape ----------------------------------------------------------------------


def test_top_level_and_driver(report: Report) -> None:
    data = render(report)
    assert data["$schema"] == sarif.SARIF_SCHEMA
    driver = data["runs"][0]["tool"]["driver"]
    assert driver["name"] == "factcheck"
    assert driver["version"] == "0.1.0"
    assert driver["informationUri"].startswith("https://")


def test_rules_come_from_rule_metadata_and_missing_ones_are_made_up(report: Report) -> None:
    rules = render(report)["runs"][0]["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == ["numbers.conflict", "names.misattribution"]
    known, made_up = rules
    assert known["name"] == "NumbersConflict"
    assert known["shortDescription"]["text"] == "Two articles give incompatible values for the same quantity."
    assert known["fullDescription"]["text"] == RULES[0].description
    assert RULES[0].description in known["help"]["text"] and RULES[0].message in known["help"]["text"]
    assert known["defaultConfiguration"] == {"level": "error"}
    assert made_up["id"] == "names.misattribution"
    assert made_up["defaultConfiguration"] == {"level": "warning"}  # the finding's severity
    assert made_up["shortDescription"]["text"] and made_up["help"]["text"]


def test_rules_are_listed_even_without_findings(empty_report: Report) -> None:
    options = replace(OPTIONS, rules=(*RULES, RuleInfo("a.rule", "info", "Something.", "m")))
    rules = render(empty_report, options)["runs"][0]["tool"]["driver"]["rules"]
    assert [(rule["id"], rule["defaultConfiguration"]["level"]) for rule in rules] == [
        ("a.rule", "note"),
        ("numbers.conflict", "error"),
    ]


def test_rule_info_rejects_an_unknown_severity() -> None:
    with pytest.raises(ValueError, match="unknown severity"):
        RuleInfo("x", "fatal")


def test_rule_info_from_a_loaded_rule() -> None:
    from factcheck.ruleset import load_rules

    rule = next(r for r in load_rules() if r.id == "numbers.conflict")
    info = RuleInfo.from_rule(rule)
    assert (info.id, info.severity, info.description, info.message) == (
        "numbers.conflict",
        "error",
        rule.description,
        rule.message,
    )


def test_result_locations_and_fingerprint(report: Report) -> None:
    result = render(report)["runs"][0]["results"][0]
    first, second = report.findings[0].locations
    assert result["ruleId"] == "numbers.conflict" and result["ruleIndex"] == 0 and result["level"] == "error"
    physical = result["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"] == {"uri": first.path, "uriBaseId": "%SRCROOT%"}
    assert physical["region"] == {
        "startLine": first.line,
        "startColumn": first.column,
        "endLine": first.end_line,
        "endColumn": first.end_column,
        "charOffset": first.start,
        "charLength": first.end - first.start,
        "snippet": {"text": first.text},
    }
    (related,) = result["relatedLocations"]
    assert related["id"] == 1
    assert related["physicalLocation"]["artifactLocation"]["uri"] == second.path
    assert related["message"]["text"] == "value as written: 18,000"
    assert result["message"]["text"] == report.findings[0].message + " — see also [18,000](1)"
    assert result["partialFingerprints"] == {"factcheck/v1": report.findings[0].id}


def test_levels() -> None:
    assert sarif.LEVELS == {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def test_input_errors_are_notifications(report: Report) -> None:
    invocation = render(report)["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is True
    (notification,) = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error"
    assert notification["message"]["text"] == report.errors[0].message
    location = notification["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "news/archive/broken.html", "uriBaseId": "%SRCROOT%"}


def test_uris_are_percent_encoded() -> None:
    assert sarif.artifact_location("news/a b#1?.md") == {"uri": "news/a%20b%231%3F.md", "uriBaseId": "%SRCROOT%"}
    assert sarif.artifact_location("news/é:x.md")["uri"] == "news/%C3%A9%3Ax.md"
    assert sarif.artifact_location("/abs/a b.md") == {"uri": "file:///abs/a%20b.md"}


def test_brackets_in_message_text_cannot_forge_links(report: Report) -> None:
    tricky = replace(report.findings[1], message="see [here](1) now")
    result = render(replace(report, findings=(tricky,)))["runs"][0]["results"][0]
    assert result["message"]["text"] == "see \\[here\\](1) now"
