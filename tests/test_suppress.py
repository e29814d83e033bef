"""Suppressions: inline comments, front matter, cq marks, per-file ignores, baseline, changed files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli import main

TRADE = "Bilateral trade between Russia and China reached {} in 2024."


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict]:
    code = main(["check", *args, "--format", "json"])
    out, _err = capsys.readouterr()
    return code, json.loads(out)


def rules_of(report: dict) -> list[str]:
    return [f["rule"] for f in report["findings"]]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "a.md").write_text(TRADE.format("$244bn") + "\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "b_text",
    [
        "<!-- factcheck: ignore[numbers.conflict] checked with the ministry -->\n" + TRADE.format("$200bn") + "\n",
        "<!-- factcheck: ignore -->\n\n" + TRADE.format("$200bn") + "\n",
        TRADE.format("$200bn") + " <!-- factcheck: ignore[numbers] -->\n",
        "---\nfactcheck:\n  ignore: [numbers.conflict]\n---\n" + TRADE.format("$200bn") + "\n",
        "<!-- factcheck: off -->\n\n" + TRADE.format("$200bn") + "\n\n<!-- factcheck: on -->\n",
        "Intro.\n\n<!-- factcheck: off[numbers] -->\n\n" + TRADE.format("$200bn") + "\n",
    ],
    ids=[
        "comment-before",
        "comment-all-rules",
        "comment-same-line",
        "front-matter",
        "block",
        "block-to-the-end-for-a-prefix",
    ],
)
def test_suppressed(corpus: Path, b_text: str, capsys: pytest.CaptureFixture[str]) -> None:
    (corpus / "b.md").write_text(b_text, encoding="utf-8")
    code, report = run_json(capsys, str(corpus))
    assert (code, rules_of(report)) == (0, [])


def test_other_rule_prefix_does_not_suppress(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (corpus / "b.md").write_text("<!-- factcheck: ignore[names] -->\n" + TRADE.format("$200bn") + "\n")
    code, report = run_json(capsys, str(corpus))
    assert code == 1
    assert rules_of(report) == ["numbers.conflict", "suppressions.unused"]
    unused = report["findings"][1]
    assert unused["severity"] == "info"
    assert unused["locations"][0]["path"].endswith("b.md") and unused["locations"][0]["line"] == 1


def test_cq_on_the_majority_does_not_hide_the_outlier(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.md").write_text(TRADE.format("$244bn cq") + "\n")
    (tmp_path / "b.md").write_text(TRADE.format("$244bn") + "\n")
    (tmp_path / "c.md").write_text(TRADE.format("$190bn") + "\n")
    _code, report = run_json(capsys, str(tmp_path))
    assert set(rules_of(report)) == {"numbers.conflict"}
    assert {f["locations"][0]["text"] for f in report["findings"]} == {"$190bn"}
    against_checked = [f for f in report["findings"] if "marked cq" in f["message"]]
    assert [Path(f["locations"][-1]["path"]).name for f in against_checked] == ["a.md"]


@pytest.mark.parametrize("mark", ["cq", "(cq)"])
def test_cq_on_one_side_reports_the_finding_on_the_other_article(
    corpus: Path, mark: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # b.md's figure was checked by the desk: a.md now contradicts a verified figure, which is news to
    # a.md's editor, not something to hide.
    (corpus / "b.md").write_text(TRADE.format(f"$200bn {mark}") + "\n", encoding="utf-8")
    code, report = run_json(capsys, str(corpus))
    assert (code, rules_of(report)) == (1, ["numbers.conflict"])
    [finding] = report["findings"]
    assert [Path(loc["path"]).name for loc in finding["locations"]] == ["a.md", "b.md"]
    assert finding["locations"][0]["text"] == "$244bn"
    assert finding["message"].endswith("b.md:1 is marked cq, so it is the reference)")


def test_cq_on_every_side_hides_the_finding(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (corpus / "a.md").write_text(TRADE.format("$244bn cq") + "\n", encoding="utf-8")
    (corpus / "b.md").write_text(TRADE.format("$200bn cq") + "\n", encoding="utf-8")
    code, report = run_json(capsys, str(corpus))
    assert (code, rules_of(report)) == (0, [])


def test_per_file_ignores(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (corpus / "drafts").mkdir()
    (corpus / "drafts" / "b.md").write_text(TRADE.format("$200bn") + "\n")
    (corpus / "factcheck.toml").write_text('per-file-ignores = { "*/drafts/*" = ["numbers"] }\n')
    code, report = run_json(capsys, str(corpus), "--config", str(corpus / "factcheck.toml"))
    assert (code, rules_of(report)) == (1, ["numbers.conflict"])  # a.md is the first location
    (corpus / "factcheck.toml").write_text('per-file-ignores = { "a.md" = ["numbers"] }\n')
    code, report = run_json(capsys, str(corpus), "--config", str(corpus / "factcheck.toml"))
    assert (code, rules_of(report)) == (0, [])


def test_baseline_hides_old_findings_and_not_new_ones(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    b = corpus / "b.md"
    b.write_text(TRADE.format("$200bn") + "\n")
    baseline = corpus.parent / "baseline.json"
    code, report = run_json(capsys, str(corpus), "--write-baseline", str(baseline))
    assert code == 0 and len(report["findings"]) == 1  # recording the findings fails nothing
    recorded = json.loads(baseline.read_text())
    assert [f["id"] for f in recorded["findings"]] == [report["findings"][0]["id"]]
    # Moving the text does not bring the finding back.
    b.write_text("\n\nA new first paragraph.\n\n" + TRADE.format("$200bn") + "\n")
    code, report = run_json(capsys, str(corpus), "--baseline", str(baseline))
    assert (code, rules_of(report)) == (0, [])
    # Changing a value does.
    b.write_text(TRADE.format("$210bn") + "\n")
    code, report = run_json(capsys, str(corpus), "--baseline", str(baseline))
    assert (code, rules_of(report)) == (1, ["numbers.conflict"])


def test_bad_baseline_is_a_usage_error(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = corpus.parent / "bad.json"
    bad.write_text("{not json")
    code = main(["check", str(corpus), "--baseline", str(bad)])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err.startswith(f"factcheck: error: {bad}:1: baseline is not valid JSON")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('{"findings": []}'.encode("utf-16"), "baseline is not UTF-8 text"),
        (b'{"findings": [{"id": "\xff"}]}', "baseline is not UTF-8 text"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"schema_version": ' + b"9" * 5000 + b', "findings": []}', "not a factcheck baseline"),
    ],
)
def test_a_malformed_baseline_names_the_file_and_the_problem(
    corpus: Path, capsys: pytest.CaptureFixture[str], content: bytes, problem: str
) -> None:
    bad = corpus.parent / "bad.json"
    bad.write_bytes(content)
    code = main(["check", str(corpus), "--baseline", str(bad)])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err.startswith(f"factcheck: error: {bad}") and problem in err and "internal error" not in err


def test_changed_reports_only_findings_involving_changed_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.md").write_text(TRADE.format("$244bn") + "\n")
    (tmp_path / "b.md").write_text(TRADE.format("$200bn") + "\n")
    (tmp_path / "c.md").write_text("Chinese exports to Russia rose by 70 percent between 2021 and 2024.\n")
    (tmp_path / "d.md").write_text("Chinese exports to Russia rose by 40 percent between 2021 and 2024.\n")
    monkeypatch.chdir(tmp_path)
    code, report = run_json(capsys, "--changed", "c.md")
    assert code == 1
    assert report["summary"]["documents"] == 4
    assert [sorted(loc["path"] for loc in f["locations"]) for f in report["findings"]] == [["c.md", "d.md"]]


@pytest.mark.parametrize("changed", ["a.md", "b.md"])
def test_changed_anchors_the_finding_on_the_changed_file(
    tmp_path: Path, changed: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # c.md is the outlier, so without --changed the finding sits on c.md; a pre-commit run on a.md or
    # b.md must show it where the change is, the other article following as a related location.
    (tmp_path / "a.md").write_text(TRADE.format("$244bn") + "\n")
    (tmp_path / "b.md").write_text(TRADE.format("$244bn") + "\n")
    (tmp_path / "c.md").write_text(TRADE.format("$190bn") + "\n")
    monkeypatch.chdir(tmp_path)
    _code, report = run_json(capsys, "--changed", changed)
    assert report["findings"]
    for finding in report["findings"]:
        assert finding["locations"][0]["path"] == changed
        assert "c.md" in [loc["path"] for loc in finding["locations"][1:]]


def test_statistics(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (corpus / "b.md").write_text(TRADE.format("$200bn") + "\n")
    code = main(["check", str(corpus), "--statistics"])
    out, err = capsys.readouterr()
    assert (code, err) == (1, "")
    assert out == "    1  numbers.conflict             numeric_conflict\n    1  total\n"


def test_a_block_covers_only_its_passage(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (corpus / "b.md").write_text(
        "<!-- factcheck: off -->\nA quoted passage.\n<!-- factcheck: on -->\n\n" + TRADE.format("$200bn") + "\n"
    )
    code, report = run_json(capsys, str(corpus))
    assert (code, rules_of(report)) == (1, ["numbers.conflict"])


def test_a_block_for_other_rules_does_not_suppress(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (corpus / "b.md").write_text("<!-- factcheck: off[names] -->\n" + TRADE.format("$200bn") + "\n")
    code, report = run_json(capsys, str(corpus))
    assert (code, rules_of(report)) == (1, ["numbers.conflict"])
