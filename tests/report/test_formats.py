"""Tests of the CI and text formats: json-lines, concise, sarif, github, junit, gitlab, markdown.

Each format is compared byte for byte with ``snapshots/formats/<name>`` on
the shared fixture report.  After an intended change, regenerate the
snapshots and review the diff::

    UPDATE_SNAPSHOTS=1 pytest tests/report

Without ``UPDATE_SNAPSHOTS=1`` a missing snapshot is a failure.  The github
and gitlab writers read the environment; every test here passes its own, so
running the suite inside GitHub Actions or GitLab CI changes nothing (and
writes no step summary).  SARIF's schema tests are in ``test_sarif_schema.py``.
"""

from __future__ import annotations

import io
import json
import os
import re
import textwrap
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from factcheck.model import DocumentSummary, ErrorEntry, Finding, Location, Report, Severity
from factcheck.report import (
    FORMATS,
    ReportOptions,
    RuleInfo,
    concise,
    get_writer,
    github,
    gitlab,
    json_lines,
    junit,
    markdown,
    sarif,
)

Snapshot = Callable[[str, str], None]

FORMATS_DOC = Path(__file__).resolve().parents[2] / "docs" / "formats.md"

RULES = (
    RuleInfo(
        id="numbers.conflict",
        severity="error",
        description=(
            "Two articles give values for the same quantity, about the same subject and period, "
            "that cannot both be true. Units, rounding and qualifiers are accounted for."
        ),
        message="{subject}: {value_a} in {doc_a} but {value_b} in {doc_b}",
    ),
)
OPTIONS = ReportOptions(tool_version="0.1.0", width=80, rules=RULES)

NEW_FORMATS = ("json-lines", "concise", "sarif", "github", "junit", "gitlab", "markdown")
SNAPSHOTS = {
    "json-lines": "formats/json-lines.jsonl",
    "concise": "formats/concise.txt",
    "sarif": "formats/sarif.json",
    "github": "formats/github.txt",
    "junit": "formats/junit.xml",
    "gitlab": "formats/gitlab.json",
    "markdown": "formats/markdown.md",
}


def render(name: str, report: Report, options: ReportOptions = OPTIONS, env: Mapping[str, str] | None = None) -> str:
    """Format ``name`` as a string; github and gitlab get ``env`` (empty by default), never ``os.environ``."""
    stream = io.StringIO()
    if name == "github":
        github.write(report, stream, options, env={} if env is None else env)
    elif name == "gitlab":
        gitlab.write(report, stream, options, env={} if env is None else env)
    else:
        get_writer(name)(report, stream, options)
    return stream.getvalue()


def loc(path: str, sentence: str, claim: str, *, line: int = 3, value: float | None = None) -> Location:
    """A location of ``claim`` in a one-line ``sentence`` that starts line ``line`` at offset 100."""
    index = sentence.index(claim)
    return Location(
        path=path,
        line=line,
        column=index + 1,
        end_line=line,
        end_column=index + len(claim) + 1,
        start=100 + index,
        end=100 + index + len(claim),
        text=claim,
        value=value,
        unit=None,
        sentence=sentence,
        sentence_offset=100,
    )


def finding(*locations: Location, message: str = "values disagree", severity: Severity = Severity.ERROR) -> Finding:
    return Finding(
        id="0123456789abcdef0123",
        rule="numbers.conflict",
        kind="numeric_conflict",
        severity=severity,
        message=message,
        subject="homes destroyed",
        locations=locations,
    )


def one_finding_report(found: Finding, *paths: str) -> Report:
    documents = tuple(DocumentSummary(path=p, title=None, date=None, claims=1) for p in paths)
    return Report(documents=documents, findings=(found,), errors=())


# -- every format ---------------------------------------------------------------


def test_registry_offers_every_format_by_name() -> None:
    assert set(NEW_FORMATS) <= set(FORMATS)
    modules = [json_lines, concise, sarif, github, junit, gitlab, markdown]
    for name, module in zip(NEW_FORMATS, modules, strict=True):
        assert get_writer(name) is module.write


@pytest.mark.parametrize("name", NEW_FORMATS)
def test_matches_snapshot(name: str, report: Report, snapshot: Snapshot) -> None:
    snapshot(SNAPSHOTS[name], render(name, report))


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_two_renders_give_identical_bytes(name: str, report: Report) -> None:
    assert render(name, report).encode() == render(name, report).encode()


@pytest.mark.parametrize("name", NEW_FORMATS)
def test_empty_report_renders_validly(name: str, empty_report: Report) -> None:
    text = render(name, empty_report)
    if name in ("json-lines", "github"):
        assert text == ""
    elif name == "concise":
        assert text == "No findings in 0 documents.\n"
    elif name == "sarif":
        run = json.loads(text)["runs"][0]
        assert run["results"] == [] and run["tool"]["driver"]["rules"] == [
            sarif.rule_entry(rule.id, Severity.parse(rule.severity), rule.description, rule.message) for rule in RULES
        ]
    elif name == "junit":
        root = ET.fromstring(text)
        assert root.find("testsuite") is not None
        assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("0", "0", "0")
    elif name == "gitlab":
        assert json.loads(text) == []
    elif name == "markdown":
        assert text == "## factcheck report\n\nNo findings in 0 documents.\n"


@pytest.mark.parametrize("name", NEW_FORMATS)
def test_writes_only_to_the_given_stream(name: str, report: Report, capsys: pytest.CaptureFixture[str]) -> None:
    render(name, report)
    captured = capsys.readouterr()
    assert captured.out == captured.err == ""


@pytest.mark.parametrize("name", NEW_FORMATS)
def test_every_text_output_ends_with_a_newline(name: str, report: Report) -> None:
    assert render(name, report).endswith("\n")


# -- json-lines -----------------------------------------------------------------


def test_json_lines_is_one_finding_per_line_and_nothing_else(report: Report) -> None:
    lines = render("json-lines", report).splitlines()
    assert [json.loads(line) for line in lines] == [f.to_dict() for f in report.findings]


def test_json_lines_keeps_unicode_line_separators_inside_their_line(report: Report) -> None:
    tricky = replace(report.findings[0], message="one\u2028two\u2029three\x85four\nfive")
    text = render("json-lines", replace(report, findings=(tricky,)))
    assert len(text.splitlines()) == 1
    assert json.loads(text)["message"] == tricky.message


def test_json_lines_writes_non_finite_values_as_null(report: Report) -> None:
    first = report.findings[0]
    broken = replace(first, locations=(replace(first.locations[0], value=float("nan")),))
    data = json.loads(render("json-lines", replace(report, findings=(broken,))))
    assert data["locations"][0]["value"] is None


# -- concise --------------------------------------------------------------------


def test_concise_lines(report: Report) -> None:
    lines = render("concise", report).splitlines()
    assert lines[0].startswith(
        "news/reuters/2024-02-22-sanctions.md:7:65: error [numbers.conflict] sanctions on Russia:"
    )
    assert lines[1].startswith("news/reuters/2024-02-22-sanctions.md:8:27: warning [names.misattribution] Josep")
    assert lines[2] == "news/archive/broken.html: error: cannot decode as UTF-8 (invalid byte 0xff at offset 312)"
    assert lines[3] == "Found 2 findings (1 error, 1 warning, 0 info) in 2 documents; 1 input error."
    assert len(lines) == 4


def test_concise_keeps_each_finding_on_one_line_and_drops_escape_sequences() -> None:
    sentence = "Officials said 1,200 homes were destroyed."
    found = finding(loc("a\nb.md", sentence, "1,200"), message="two\nlines \x1b[31mred\x1b[0m \u202eevil")
    text = render("concise", one_finding_report(found, "a\nb.md"))
    first = text.splitlines()[0]
    assert first == "a b.md:3:16: error [numbers.conflict] two lines  [31mred [0m  evil"
    assert "\x1b" not in text and "\u202e" not in text


# -- github ---------------------------------------------------------------------


def test_github_command_shape(report: Report) -> None:
    lines = render("github", report).splitlines()
    assert lines[0].startswith(
        "::error file=news/reuters/2024-02-22-sanctions.md,line=7,col=65,endLine=7,endColumn=80,"
        "title=factcheck numbers.conflict::sanctions on Russia: at least 21,692 in "
    )
    assert lines[1].startswith("::warning file=news/reuters/2024-02-22-sanctions.md,line=8,col=27,")
    assert lines[2] == (
        "::error file=news/archive/broken.html,title=factcheck input error::"
        "cannot decode as UTF-8 (invalid byte 0xff at offset 312)"
    )


def test_github_info_is_a_notice() -> None:
    found = finding(loc("a.md", "About 5 homes.", "5"), severity=Severity.INFO)
    assert render("github", one_finding_report(found, "a.md")).startswith("::notice file=a.md,")


def test_github_escapes_properties_and_message() -> None:
    path = "news/100%,a:b\r\n.md"
    found = finding(loc(path, "It cost 5% more.", "5%"), message="50% up: a, b\r\nnext line")
    line = render("github", one_finding_report(found, path))
    assert line.endswith("\n") and line.count("\n") == 1
    assert "file=news/100%25%2Ca%3Ab%0D%0A.md," in line
    # in the message only %, CR and LF are escaped; ":" and "," stay as they are
    assert line.endswith("::50%25 up: a, b%0D%0Anext line\n")


def test_github_escape_functions() -> None:
    assert github.escape_property("a%b:c,d\re\nf") == "a%25b%3Ac%2Cd%0De%0Af"
    assert github.escape_data("a%b:c,d\re\nf") == "a%25b:c,d%0De%0Af"
    assert github.escape_property("%3A") == "%253A"  # "%" first, so an escape is never undone


def test_github_makes_absolute_paths_relative_to_the_workspace(tmp_path: Path) -> None:
    inside = str(tmp_path / "news" / "a.md")
    found = finding(loc(inside, "About 5 homes.", "5"))
    line = render("github", one_finding_report(found, inside), env={"GITHUB_WORKSPACE": str(tmp_path)})
    assert line.startswith("::error file=news/a.md,")
    elsewhere = render("github", one_finding_report(found, inside), env={"GITHUB_WORKSPACE": "/somewhere/else"})
    assert elsewhere.startswith(f"::error file={github.escape_property(inside)},")


def test_github_appends_the_markdown_summary_when_asked(report: Report, tmp_path: Path) -> None:
    summary = tmp_path / "step_summary.md"
    summary.write_text("## Earlier step output\n", encoding="utf-8")
    annotations = render("github", report, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert annotations == render("github", report)  # the summary changes nothing on the stream
    expected = "## Earlier step output\n\n" + markdown.render(report, OPTIONS)
    assert summary.read_text(encoding="utf-8") == expected
    render("github", report, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert summary.read_text(encoding="utf-8") == expected + "\n" + markdown.render(report, OPTIONS)


def test_github_creates_the_summary_file_if_missing(report: Report, tmp_path: Path) -> None:
    summary = tmp_path / "new_summary.md"
    render("github", report, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert summary.read_text(encoding="utf-8") == markdown.render(report, OPTIONS)


def test_github_leaves_the_summary_alone_when_unset(report: Report, tmp_path: Path) -> None:
    summary = tmp_path / "step_summary.md"
    summary.write_text("untouched\n", encoding="utf-8")
    before = sorted(os.listdir(tmp_path))
    render("github", report, env={"GITHUB_STEP_SUMMARY": ""})
    render("github", report, env={"GITHUB_WORKSPACE": str(tmp_path)})
    assert summary.read_text(encoding="utf-8") == "untouched\n"
    assert sorted(os.listdir(tmp_path)) == before


def test_github_reads_os_environ_by_default(report: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    summary = tmp_path / "from_environ.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    github.write(report, io.StringIO(), OPTIONS)
    assert summary.read_text(encoding="utf-8") == markdown.render(report, OPTIONS)


def test_github_warns_on_the_stream_when_the_summary_cannot_be_written(report: Report, tmp_path: Path) -> None:
    not_a_file = tmp_path / "a_directory"
    not_a_file.mkdir()
    text = render("github", report, env={"GITHUB_STEP_SUMMARY": str(not_a_file)})
    last = text.splitlines()[-1]
    assert last.startswith("::warning title=factcheck::cannot write the step summary to ")


def test_github_summary_is_cut_to_fit_githubs_limit(report: Report) -> None:
    many = replace(report, findings=report.findings * 50)
    full = github.summary_text(many, OPTIONS)
    assert full == markdown.render(many, OPTIONS)
    budget = len(full.encode()) // 3
    cut = github.summary_text(many, OPTIONS, budget=budget)
    assert len(cut.encode()) <= budget
    assert "**100 findings**" in cut  # the summary line still counts them all
    assert re.search(r"_\d+ more findings not shown here\._", cut)


# -- junit ----------------------------------------------------------------------


def junit_cases(text: str) -> list[ET.Element]:
    suite = ET.fromstring(text).find("testsuite")
    assert suite is not None
    return suite.findall("testcase")


def test_junit_parses_and_counts_are_right(report: Report) -> None:
    text = render("junit", report)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ET.fromstring(text)
    suite = root.find("testsuite")
    assert suite is not None and suite.get("name") == "factcheck"
    cases = suite.findall("testcase")
    failures = [case for case in cases if case.find("failure") is not None]
    errors = [case for case in cases if case.find("error") is not None]
    for element in (root, suite):
        assert element.get("tests") == str(len(cases)) == "3"
        assert element.get("failures") == str(len(failures)) == "2"
        assert element.get("errors") == str(len(errors)) == "1"
        assert element.get("skipped") == "0"


def test_junit_failure_holds_severity_message_and_locations(report: Report) -> None:
    case = junit_cases(render("junit", report))[0]
    assert case.get("classname") == "numbers.conflict"
    assert case.get("name") == "numbers.conflict:news/reuters/2024-02-22-sanctions.md:7:65:4f1c2a9d8e7b6c5a3f21"
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("type") == "error"
    assert failure.get("message") == report.findings[0].message
    assert failure.text == (
        "news/reuters/2024-02-22-sanctions.md:7:65: at least 21,692\nnews/wire/sanctions-tracker.md:5:34: 18,000\n"
    )


def test_junit_testcase_names_are_unique_even_for_identical_findings(report: Report) -> None:
    twice = replace(report, findings=report.findings + report.findings)
    names = [case.get("name") for case in junit_cases(render("junit", twice))]
    assert len(names) == len(set(names)) == 5


def test_junit_has_a_passing_testcase_per_clean_document(report: Report) -> None:
    clean = DocumentSummary(path="news/clean.md", title=None, date=None, claims=2)
    cases = junit_cases(render("junit", replace(report, documents=(*report.documents, clean))))
    passing = [case for case in cases if not list(case)]
    assert [(case.get("name"), case.get("classname")) for case in passing] == [("news/clean.md", "factcheck")]


def test_junit_escapes_markup_and_drops_characters_xml_cannot_hold() -> None:
    sentence = 'He said "<b>5 & 6</b>" twice.'
    found = finding(loc("a&<b>.md", sentence, "5 & 6"), message="<script>alert('x')</script> \x00\x07\x1b end")
    text = render("junit", one_finding_report(found, "a&<b>.md"))
    case = junit_cases(text)[0]
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("message") == "<script>alert('x')</script> \ufffd\ufffd\ufffd end"
    assert case.get("file") == "a&<b>.md"
    assert "<script>" not in text


# -- gitlab ---------------------------------------------------------------------


def test_gitlab_entries(report: Report) -> None:
    entries = json.loads(render("gitlab", report))
    assert [entry["check_name"] for entry in entries] == ["numbers.conflict", "names.misattribution", "input-error"]
    assert [entry["severity"] for entry in entries] == ["major", "minor", "major"]
    first = entries[0]
    assert set(first) == {"description", "check_name", "fingerprint", "severity", "location"}
    assert first["location"] == {"path": "news/reuters/2024-02-22-sanctions.md", "lines": {"begin": 7, "end": 7}}
    assert first["description"].startswith("numbers.conflict: sanctions on Russia")
    assert "news/wire/sanctions-tracker.md:5:34" in first["description"]  # the other claim


def test_gitlab_severity_mapping() -> None:
    assert gitlab.SEVERITIES == {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def test_gitlab_fingerprints_are_unique_and_stable(report: Report) -> None:
    thrice = replace(report, findings=report.findings * 3)
    fingerprints = [entry["fingerprint"] for entry in json.loads(render("gitlab", thrice))]
    assert len(fingerprints) == len(set(fingerprints)) == 7
    once = [entry["fingerprint"] for entry in json.loads(render("gitlab", report))]
    assert fingerprints[:2] == once[:2]  # the first of each is the plain hash of the finding id
    first = report.findings[0]
    moved = replace(first, locations=tuple(replace(x, line=x.line + 10) for x in first.locations))
    shifted = json.loads(render("gitlab", replace(report, findings=(moved,))))
    assert shifted[0]["fingerprint"] == once[0]  # line numbers do not change it


def test_gitlab_makes_absolute_paths_relative_to_the_project(tmp_path: Path) -> None:
    inside = str(tmp_path / "news" / "a.md")
    found = finding(loc(inside, "About 5 homes.", "5"))
    entries = json.loads(render("gitlab", one_finding_report(found, inside), env={"CI_PROJECT_DIR": str(tmp_path)}))
    assert entries[0]["location"]["path"] == "news/a.md"


# -- markdown -------------------------------------------------------------------


def test_markdown_layout(report: Report) -> None:
    text = render("markdown", report)
    assert text.startswith("## factcheck report\n\n**2 findings** (1 error, 1 warning, 0 info) in 2 documents.")
    assert "### 1. Error: `numbers.conflict`" in text
    assert "| `news/wire/sanctions-tracker.md` | 5:34 | 18,000 | Western governments have imposed <b>18,000</b>" in text
    assert text.endswith(
        "### Input errors\n\n- `news/archive/broken.html`: cannot decode as UTF-8 (invalid byte 0xff at offset 312)\n"
    )


def test_markdown_escapes_pipes_and_html_in_article_text() -> None:
    sentence = "Polls | said <script>alert(1)</script> that 5|6 **homes** cost $5 and $6."
    path = "news/a|b.md"
    found = finding(loc(path, sentence, "5|6"), message="<img src=x onerror=alert(1)> | [link](http://x)")
    text = render("markdown", one_finding_report(found, path))
    assert "<script>" not in text and "<img" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    row = next(line for line in text.splitlines() if line.startswith("| `news"))
    # exactly five unescaped pipes: four cells
    assert len(re.findall(r"(?<!\\)\|", row)) == 5
    assert "`news/a\\|b.md`" in row
    assert "<b>5\\|6</b>" in row
    assert "\\*\\*homes\\*\\*" in row
    assert "&#36;5 and &#36;6" in row  # no $…$ formula on GitHub
    assert "&lt;img src=x onerror=alert(1)&gt; \\| \\[link\\](http://x)" in text


def test_markdown_renders_to_the_table_and_text_it_means() -> None:
    """Rendered by a CommonMark + GFM-tables parser (markdown-it-py, which rich depends on), raw HTML allowed."""
    from markdown_it import MarkdownIt

    sentence = "Polls | said <script>alert(1)</script> that 5|6 **homes** cost $5 `x` ~y~."
    path = "news/a|b`.md"
    found = finding(loc(path, sentence, "5|6"), message="- <img src=x> | [link](http://x) *no*")
    html = (
        MarkdownIt("gfm-like", {"html": True})
        .disable("linkify")
        .render(render("markdown", one_finding_report(found, path)))
    )
    assert "<script" not in html and "<img" not in html and "<a " not in html and "<em>" not in html
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    assert body.count("<td>") == 4
    assert "<td><code>news/a|b`.md</code></td>" in body
    assert "<td>5|6</td>" in body
    assert "that <b>5|6</b> **homes** cost $5 `x` ~y~." in body
    assert "<p>- &lt;img src=x&gt; | [link](http://x) *no*</p>" in html


def test_markdown_message_cannot_start_a_block() -> None:
    for message, expected in [("- not a list", "\\- not a list"), ("1. not a list", "1\\. not a list")]:
        text = render("markdown", one_finding_report(finding(loc("a.md", "About 5.", "5"), message=message), "a.md"))
        assert f"\n\n{expected}\n\n" in text
    text = render("markdown", one_finding_report(finding(loc("a.md", "About 5.", "5"), message="# x\n\n## y"), "a.md"))
    assert "\n\n\\# x \\#\\# y\n\n" in text


def test_markdown_code_spans_survive_backticks() -> None:
    assert markdown.code("a`b") == "``a`b``"
    assert markdown.code("`x") == "`` `x ``"
    assert markdown.code("a|b") == "`a|b`"
    assert markdown.code("a|b", table=True) == "`a\\|b`"


def test_markdown_limit_shows_fewer_sections(report: Report) -> None:
    text = markdown.render(report, OPTIONS, limit=1)
    assert "### 1. Error" in text and "### 2." not in text
    assert "_1 more finding not shown here._" in text


def test_markdown_context_marks_the_claim_even_when_offsets_are_stale() -> None:
    location = replace(loc("a.md", "It was  about\n5 homes.", "5"), sentence="It was about 5 homes.")
    text = render("markdown", one_finding_report(finding(location), "a.md"))
    assert "It was about <b>5</b> homes." in text


def test_markdown_report_with_errors_only() -> None:
    report = Report(documents=(), findings=(), errors=(ErrorEntry(path="x.md", message="unreadable"),))
    assert render("markdown", report) == (
        "## factcheck report\n\n"
        "No findings in 0 documents. 1 input error.\n\n"
        "### Input errors\n\n"
        "- `x.md`: unreadable\n"
    )


# -- documentation --------------------------------------------------------------


def test_documentation_describes_every_format() -> None:
    text = FORMATS_DOC.read_text(encoding="utf-8")
    for name in FORMATS:
        assert f"| `{name}` " in text, f"docs/formats.md does not list {name}"
    for name in NEW_FORMATS:
        assert f"\n## `{name}`\n" in text, f"docs/formats.md has no section for {name}"


def test_documented_workflows_are_valid_yaml() -> None:
    text = FORMATS_DOC.read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, re.DOTALL)
    workflow = yaml.safe_load(blocks[0])
    steps = workflow["jobs"]["factcheck"]["steps"]
    upload = next(step for step in steps if step.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    check = next(step for step in steps if "factcheck check" in step.get("run", ""))
    assert "--format sarif" in check["run"] and upload["with"]["sarif_file"] in check["run"]
    assert workflow["permissions"]["security-events"] == "write"
    for block in blocks[1:]:
        assert yaml.safe_load(textwrap.dedent(block))
