"""Tests of the JSON reporter, the registry of formats, and the documented schema.

The JSON output is compared byte for byte with ``snapshots/report.json``.
After an intended change, regenerate the snapshots and review the diff::

    UPDATE_SNAPSHOTS=1 pytest tests/report

Without ``UPDATE_SNAPSHOTS=1`` a missing snapshot is a failure.
"""

from __future__ import annotations

import copy
import enum
import io
import json
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.errors import UsageError
from factcheck.model import Report
from factcheck.report import FORMATS, ReportOptions, get_writer, json_report, rich_report

DOCS = Path(__file__).resolve().parents[2] / "docs"
SCHEMA_PATH = DOCS / "output-schema.json"
SCHEMA_DOC_PATH = DOCS / "output-schema.md"

KINDS = {
    "numeric_conflict",
    "name_misattribution",
    "quote_misattribution",
    "source_misattribution",
    "affiliation_conflict",
    "reference_mismatch",
    "arithmetic_error",
    "near_copy",
    "unused_suppression",
}

Snapshot = Callable[[str, str], None]

OPTIONS = ReportOptions(tool_version="0.1.0")


def render(report: Report, options: ReportOptions = OPTIONS) -> str:
    stream = io.StringIO()
    json_report.write(report, stream, options)
    return stream.getvalue()


def load_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return schema


def closed(schema: Any) -> Any:
    """``schema`` with ``additionalProperties: false`` on every object that lists properties."""
    if isinstance(schema, dict):
        result = {key: closed(value) for key, value in schema.items()}
        if "properties" in schema:
            result.setdefault("additionalProperties", False)
        return result
    if isinstance(schema, list):
        return [closed(item) for item in schema]
    return schema


def property_names(schema: Any) -> set[str]:
    if isinstance(schema, dict):
        names = set(schema.get("properties", {}))
        for value in schema.values():
            names |= property_names(value)
        return names
    if isinstance(schema, list):
        return set().union(*(property_names(item) for item in schema)) if schema else set()
    return set()


# -- output -----------------------------------------------------------------


def test_matches_snapshot(report: Report, snapshot: Snapshot) -> None:
    snapshot("report.json", render(report))


def test_two_renders_give_identical_bytes(report: Report) -> None:
    assert render(report).encode() == render(report).encode()


def test_top_level_shape_and_key_order(report: Report) -> None:
    data = json.loads(render(report))
    assert list(data) == ["schema_version", "tool", "documents", "findings", "errors", "summary"]
    assert data["schema_version"] == json_report.SCHEMA_VERSION == 1
    assert data["tool"] == {"name": "factcheck", "version": "0.1.0"}
    assert list(data["documents"][0]) == ["path", "title", "date", "claims", "outlet", "url", "story"]
    assert list(data["findings"][0]) == ["id", "rule", "kind", "severity", "message", "subject", "locations"]
    assert list(data["findings"][0]["locations"][0]) == [
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "start",
        "end",
        "text",
        "value",
        "unit",
    ]
    assert list(data["errors"][0]) == ["path", "message"]
    assert data["summary"] == report.summary()


def test_every_part_comes_from_the_models_to_dict(report: Report) -> None:
    data = json.loads(render(report))
    assert data["documents"] == [doc.to_dict() for doc in report.documents]
    assert data["findings"] == [finding.to_dict() for finding in report.findings]
    assert data["errors"] == [error.to_dict() for error in report.errors]


def test_findings_keep_the_reports_order(report: Report) -> None:
    reversed_report = replace(report, findings=report.findings[::-1])
    ids = [finding["id"] for finding in json.loads(render(reversed_report))["findings"]]
    assert ids == [finding.id for finding in reversed_report.findings]


def test_text_is_pretty_utf8_with_one_trailing_newline(report: Report) -> None:
    text = render(report)
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert '\n  "schema_version": 1,\n' in text
    assert "—" in text  # from a document title: written as is
    assert "\\u" not in text


def test_whole_number_floats_are_written_as_the_model_gives_them(report: Report) -> None:
    text = render(report)
    assert '"value": 21692.0,' in text
    assert '"claims": 3' in text


def test_non_finite_values_become_null(report: Report) -> None:
    finding = report.findings[0]
    broken = replace(finding.locations[0], value=float("nan"))
    other = replace(finding.locations[1], value=float("inf"))
    report = replace(report, findings=(replace(finding, locations=(broken, other)),))

    def reject(constant: str) -> None:
        raise AssertionError(f"invalid JSON constant {constant}")

    data = json.loads(render(report), parse_constant=reject)
    assert [loc["value"] for loc in data["findings"][0]["locations"]] == [None, None]


def test_empty_report(empty_report: Report) -> None:
    data = json.loads(render(empty_report))
    assert data["documents"] == data["findings"] == data["errors"] == []
    assert data["summary"] == {
        "documents": 0,
        "claims": 0,
        "findings": 0,
        "errors": 0,
        "by_severity": {"error": 0, "warning": 0, "info": 0},
    }


def test_writes_only_to_the_given_stream(report: Report, capsys: pytest.CaptureFixture[str]) -> None:
    render(report)
    captured = capsys.readouterr()
    assert captured.out == captured.err == ""


# -- schema -----------------------------------------------------------------


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("which", ["fixture", "empty"])
def test_output_validates_against_the_schema(which: str, report: Report, empty_report: Report) -> None:
    data = json.loads(render(report if which == "fixture" else empty_report))
    jsonschema.Draft202012Validator(load_schema()).validate(data)


def test_schema_describes_every_field_the_output_has(report: Report) -> None:
    """The published schema stays open (new fields are not breaking); closed, it must still accept the output."""
    data = json.loads(render(report))
    jsonschema.Draft202012Validator(closed(load_schema())).validate(data)


def test_schema_rejects_a_wrong_report(report: Report) -> None:
    data = json.loads(render(report))
    data["findings"][0]["kind"] = "made_up_kind"
    data["findings"][1]["severity"] = "fatal"
    del data["findings"][0]["locations"][0]["start"]
    data["schema_version"] = 2
    errors = list(jsonschema.Draft202012Validator(load_schema()).iter_errors(data))
    assert len(errors) == 4


def test_schema_and_documentation_list_the_same_kinds() -> None:
    kinds = set(load_schema()["$defs"]["finding"]["properties"]["kind"]["enum"])
    assert kinds == KINDS
    documented = set(re.findall(r"^\| `([a-z_]+)` +\|", SCHEMA_DOC_PATH.read_text(encoding="utf-8"), re.MULTILINE))
    assert documented >= KINDS


def test_documentation_names_every_field() -> None:
    text = SCHEMA_DOC_PATH.read_text(encoding="utf-8")
    missing = {name for name in property_names(load_schema()) if f"`{name}`" not in text}
    assert not missing


def test_documentation_example_validates_against_the_schema() -> None:
    text = SCHEMA_DOC_PATH.read_text(encoding="utf-8")
    blocks = re.findall(r"```json\n(.*?)```", text, re.DOTALL)
    assert blocks, "docs/output-schema.md has no ```json example"
    for block in blocks:
        jsonschema.Draft202012Validator(closed(load_schema())).validate(json.loads(block))


def test_closed_helper_really_closes(report: Report) -> None:
    data = copy.deepcopy(json.loads(render(report)))
    data["findings"][0]["locations"][0]["surprise"] = True
    jsonschema.Draft202012Validator(load_schema()).validate(data)  # open: fine
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(closed(load_schema())).validate(data)


# -- registry ---------------------------------------------------------------


def test_formats_registry() -> None:
    names = {"json", "rich", "json-lines", "concise", "sarif", "github", "junit", "gitlab", "markdown", "html"}
    assert names == set(FORMATS)
    assert get_writer("json") is json_report.write
    assert get_writer("rich") is rich_report.write


def test_unknown_format_is_a_usage_error() -> None:
    with pytest.raises(UsageError) as excinfo:
        get_writer("nope")
    assert str(excinfo.value).startswith("unknown format 'nope' (expected one of: json, rich, ")


def test_options_defaults() -> None:
    options = ReportOptions()
    assert (options.color, options.width, options.tool_version) == (False, None, "0.0.0")


# --- the indented writer is json.dumps(indent=2), byte for byte -------------------


class _Kind(enum.IntEnum):
    ONE = 1


class _Name(str):
    pass


_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),  # NaN and infinities included: written as null, as _finite makes them
    st.text(alphabet=st.characters(blacklist_categories=["Cs"])),
    st.sampled_from(["\u2028", '"', "\\", "\x00", "é", "\ud800", "</script>"]),
    st.just(_Kind.ONE),
    st.builds(_Name, st.text(max_size=3)),
)
_KEYS = st.one_of(
    st.text(max_size=5), st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False, allow_infinity=False)
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(inner, max_size=3).map(tuple),
        st.dictionaries(_KEYS, inner, max_size=4),
    ),
    max_leaves=30,
)


@settings(max_examples=500, deadline=None)
@given(_VALUES)
def test_indented_writer_is_json_dumps_with_indent(value: Any) -> None:
    parts: list[str] = []
    json_report._Indented(parts.append).value(value, 0)
    assert "".join(parts) == json.dumps(json_report._finite(value), indent=2, ensure_ascii=False, allow_nan=False)


def test_indented_writer_refuses_what_json_dumps_refuses() -> None:
    for value in ({"a": object()}, [1, {2.5j}], {(1, 2): 3}):
        with pytest.raises(TypeError):
            json_report._Indented([].append).value(value, 0)
