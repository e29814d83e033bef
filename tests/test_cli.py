"""The command line: exit codes, stdout and stderr asserted together."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from factcheck.cli import _ProgressBar, main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
TRADE = "Bilateral trade between Russia and China reached {} in 2024.\n"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def conflict(tmp_path: Path) -> Path:
    (tmp_path / "a.md").write_text(TRADE.format("$244bn"), encoding="utf-8")
    (tmp_path / "b.md").write_text(TRADE.format("$200bn"), encoding="utf-8")
    return tmp_path


def test_seeds_json_is_deterministic_and_complete(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", str(SEEDS), "--format", "json")
    assert code in (0, 1)
    assert err == ""
    report = json.loads(out)
    assert report["schema_version"] == 1
    assert report["summary"]["documents"] == 5
    assert [d["path"] for d in report["documents"]] == sorted(d["path"] for d in report["documents"])
    assert all(d["claims"] > 0 for d in report["documents"])
    code_again, out_again, _ = run(capsys, "check", str(SEEDS), "--format", "json")
    assert (code_again, out_again) == (code, out)


def test_files_order_on_the_command_line_does_not_matter(capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted(str(p) for p in SEEDS.iterdir())
    _, forward, _ = run(capsys, "check", *files, "--format", "json")
    _, backward, _ = run(capsys, "check", *reversed(files), "--format", "json")
    assert forward == backward


def test_bad_files_become_error_entries(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "good.md").write_text(TRADE.format("$244bn"), encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "latin1.txt").write_bytes("Le café a coûté 3,50 euros en 2024.".encode("latin-1"))
    (tmp_path / "empty.md").write_bytes(b"")
    code, out, err = run(capsys, "check", str(tmp_path), "--format", "json")
    assert code == 0
    report = json.loads(out)
    errors = {Path(e["path"]).name: e["message"] for e in report["errors"]}
    assert set(errors) == {"binary.txt", "empty.md"}
    assert "binary" in errors["binary.txt"]
    assert "empty" in errors["empty.md"]
    assert sorted(Path(d["path"]).name for d in report["documents"]) == ["good.md", "latin1.txt"]
    assert "Traceback" not in err
    assert err.count("\n") == 2 and "binary.txt" in err and "empty.md" in err


def test_missing_path_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.md"
    code, out, err = run(capsys, "check", str(missing))
    assert code == 2
    assert out == ""
    assert err == f"factcheck: error: {missing}: no such file or directory\n"


def test_malformed_rule_file_exits_2_with_file_and_line(
    conflict: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = tmp_path / "house"
    rules.mkdir()
    (rules / "bad.yaml").write_text("check: numeric-consistency\nseverity: error\nmesage: x\n", encoding="utf-8")
    code, out, err = run(capsys, "check", str(conflict / "a.md"), "--rules", str(rules))
    assert code == 2
    assert out == ""
    assert (
        err == f"factcheck: error: {rules / 'bad.yaml'}:3: unknown key 'mesage' (expected one of: check, "
        "description, examples, message, options, severity)\n"
    )


def test_fail_on_sets_the_exit_code(conflict: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "check", str(conflict), "--format", "json")[0] == 1
    assert run(capsys, "check", str(conflict), "--format", "json", "--fail-on", "never")[0] == 0
    assert run(capsys, "check", str(conflict), "--format", "json", "--fail-on", "info")[0] == 1


def test_warning_findings_pass_the_default_gate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.md").write_text("Bilateral trade between Russia and China has soared to $244bn in 2024.\n")
    (tmp_path / "b.md").write_text("Bilateral commerce between Russia and China has soared to $200bn in 2024.\n")
    code, out, _ = run(capsys, "check", str(tmp_path), "--format", "json")
    assert code == 0
    assert json.loads(out)["summary"]["by_severity"]["warning"] == 1
    assert run(capsys, "check", str(tmp_path), "--format", "json", "--fail-on", "warning")[0] == 1


def test_select_and_ignore(conflict: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(conflict), "--format", "json", "--ignore", "numbers")
    assert (code, json.loads(out)["summary"]["findings"]) == (0, 0)
    code, out, _ = run(capsys, "check", str(conflict), "--format", "json", "--select", "numbers.conflict")
    assert (code, json.loads(out)["summary"]["findings"]) == (1, 1)


def test_rich_report_to_a_file_has_no_colour(conflict: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    target = tmp_path / "report.txt"
    code, out, err = run(capsys, "check", str(conflict), "-o", str(target))
    assert (code, out, err) == (1, "", "")
    text = target.read_text(encoding="utf-8")
    assert "\x1b[" not in text
    assert "numbers.conflict" in text and "$244bn" in text and "$200bn" in text


def test_stdin_with_a_filename(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"---\ntitle: Trade\n---\nTrade reached $244bn in 2024.\n"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, err = run(capsys, "claims", "-", "--stdin-filename", "story.md", "--format", "json")
    assert (code, err) == (0, "")
    claims = json.loads(out)["claims"]
    assert [(c["path"], c["text"], c["line"]) for c in claims] == [("story.md", "$244bn", 4), ("story.md", "2024", 4)]


def test_claims_formats(conflict: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "claims", str(conflict / "a.md"), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["schema_version"] == 2
    (money, year) = data["claims"]
    assert money["text"] == "$244bn" and money["value"] == 244e9 and money["unit"] == "USD"
    assert money["period"] == "2024" and year["kind"] == "year"
    # The frame: what the figure measures and whom it is about.
    assert money["frame"]["measure"] == "trade" and money["frame"]["about"] == "china and russia"
    code, out, _ = run(capsys, "claims", str(conflict / "a.md"), "--format", "csv")
    lines = out.splitlines()
    assert lines[0].startswith("path,line,column,start,end,text,kind,value")
    assert lines[0].endswith(
        "frame_measure,frame_modifiers,frame_about,frame_event,frame_aspect,frame_total,frame_whole,frame_series"
    )
    assert ",trade,bilateral,china and russia,reach," in lines[1]
    assert len(lines) == 3


def test_rules_and_rule(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "numbers.conflict" in out
    code, out, _ = run(capsys, "rule", "numbers.conflict")
    assert code == 0 and "numeric-consistency" in out and "fail" in out and "pass" in out
    code, out, err = run(capsys, "rule", "numbers.nope")
    assert (code, out) == (2, "")
    assert err == "factcheck: error: unknown rule 'numbers.nope' (see 'factcheck rules')\n"


def test_version_and_module_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "factcheck", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout.startswith("factcheck ")
    assert result.stderr == ""


def test_no_color_env_is_honoured(conflict: Path) -> None:
    env = {**os.environ, "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", str(conflict)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 1
    assert "\x1b[" not in result.stdout
    assert "numbers.conflict" in result.stdout
    assert result.stderr == ""


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["check", "seeds", "--fail-on", "sometimes"])
    assert caught.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--select", "numbers.confict"), "unknown rule 'numbers.confict'; did you mean numbers.conflict?"),
        (("--ignore", "qoutes"), "unknown rule 'qoutes'; did you mean quotes?"),
    ],
)
def test_a_rule_typo_on_the_command_line_is_an_error(
    conflict: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], expected: str
) -> None:
    code, _out, err = run(capsys, "check", str(conflict), *args)
    assert code == 2
    assert expected in err


def test_a_rule_typo_in_a_severity_override_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.md").write_text("Exports rose 12 percent.\n")
    config = tmp_path / "factcheck.toml"
    config.write_text('[severity]\n"numbers.conflit" = "warning"\n')
    code, _out, err = run(capsys, "check", str(tmp_path / "a.md"), "--config", str(config))
    assert code == 2
    assert "did you mean numbers.conflict?" in err


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\nfactcheck:\n  ignroe: [numbers]\n---\nExports rose 12 percent.\n", "a.md:1: front matter: unknown key"),
        (
            "Exports rose 12 percent. <!-- factcheck: ignore[numbers.confict] -->\n",
            "a.md:1: ignore: unknown rule 'numbers.confict'; did you mean numbers.conflict?",
        ),
    ],
)
def test_a_rule_typo_in_a_suppression_is_an_error_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, expected: str
) -> None:
    (tmp_path / "a.md").write_text(text)
    code, _out, err = run(capsys, "check", str(tmp_path / "a.md"))
    assert code == 2
    assert expected in err


def test_the_rules_the_run_itself_emits_can_be_ignored(conflict: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, _err = run(capsys, "check", str(conflict), "--ignore", "suppressions.unused")
    assert code in (0, 1)


def test_a_closed_pipe_ends_quietly() -> None:
    """``factcheck check ... | head -1``: the reader is gone before the report is written."""
    root = Path(__file__).resolve().parent.parent
    read_end, write_end = os.pipe()
    os.close(read_end)  # every write now fails with EPIPE
    try:
        done = subprocess.run(
            [sys.executable, "-m", "factcheck", "check", "seeds/", "--format", "concise"],
            cwd=root,
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=300,
        )
    finally:
        os.close(write_end)
    assert done.stderr == ""
    assert done.returncode == 141


@pytest.mark.parametrize("fmt", ["json", "sarif", "concise", "rich", "junit"])
def test_a_file_name_that_is_not_utf8_is_shown_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"a\xff.md"), "w", encoding="utf-8") as handle:
        handle.write(TRADE.format("$244bn"))
    (tmp_path / "b.md").write_text(TRADE.format("$200bn"), encoding="utf-8")
    code, out, err = run(capsys, "check", str(tmp_path), "--format", fmt)
    assert code == 1, err
    assert "xff.md" in out  # escaped, and percent-encoded in SARIF URIs


@pytest.mark.parametrize(
    "args",
    [
        ("--write-baseline", "{out}", "-o", "{out}"),
        ("--report", "json:{out}", "--report", "sarif:{out}"),
    ],
)
def test_two_outputs_to_one_path_are_a_usage_error(
    conflict: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...]
) -> None:
    out = tmp_path / "same.json"
    code, _out, err = run(capsys, "check", str(conflict), *(a.format(out=out) for a in args))
    assert code == 2
    assert "both write" in err
    assert not out.exists()


def test_a_report_is_written_whole_or_not_at_all(
    conflict: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import factcheck.report as report

    target = tmp_path / "report.json"
    target.write_text('{"previous": "report"}', encoding="utf-8")

    def broken(_name: str):
        def write(_report, stream, _options) -> None:
            stream.write('{"half": ')
            raise RuntimeError("killed mid-write")

        return write

    monkeypatch.setattr(report, "get_writer", broken)
    code, _out, err = run(capsys, "check", str(conflict), "-o", str(target))
    assert code == 2 and "killed mid-write" in err
    assert target.read_text(encoding="utf-8") == '{"previous": "report"}'
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".factcheck-")]  # no temporary left


def test_a_device_or_a_fifo_is_an_error_entry_and_the_run_goes_on(
    conflict: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    code, _out, err = run(capsys, "check", "/dev/zero", str(fifo), str(conflict / "a.md"), str(conflict / "b.md"))
    assert code == 1  # the two articles are still compared
    assert "/dev/zero: not a regular file" in err
    assert f"{fifo}: not a regular file" in err


def test_a_file_over_the_size_limit_is_an_error_entry(conflict: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (conflict / "big.md").write_text("Exports rose 12 percent. " * 100, encoding="utf-8")
    code, _out, err = run(capsys, "check", str(conflict), "--max-file-size", "1K")
    assert code == 1
    assert "big.md: too large: 2,500 bytes (the limit is 1,024)" in err


def _project(tmp_path: Path) -> Path:
    """A content repository: a git root with articles under content/news."""
    root = tmp_path / "repo"
    news = root / "content" / "news"
    news.mkdir(parents=True)
    (root / ".git").mkdir()
    (news / "jobs.md").write_text(TRADE.format("$244bn"), encoding="utf-8")
    (news / "trade.md").write_text(TRADE.format("$200bn"), encoding="utf-8")
    return root


def _json_from(directory: Path, *args: str) -> tuple[int, str]:
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", *args, "--format", "json"],
        cwd=directory,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return done.returncode, done.stdout


def test_paths_are_relative_to_the_project_root_however_they_are_given(tmp_path: Path) -> None:
    root = _project(tmp_path)
    runs = [
        _json_from(root, "content"),
        _json_from(root, "./content/"),
        _json_from(root / "content", "."),
        _json_from(root, str(root / "content")),
    ]
    assert all(code == 1 for code, _ in runs)
    assert len({out for _, out in runs}) == 1, [out[:300] for _, out in runs]
    report = json.loads(runs[0][1])
    paths = {loc["path"] for finding in report["findings"] for loc in finding["locations"]}
    assert paths == {"content/news/jobs.md", "content/news/trade.md"}


def test_a_baseline_written_at_the_root_silences_runs_from_anywhere(tmp_path: Path) -> None:
    root = _project(tmp_path)
    code, _out = _json_from(root, "content", "--write-baseline", "baseline.json")
    assert code in (0, 1)
    for directory, args in (
        (root / "content", (".", "--baseline", "../baseline.json")),
        (tmp_path, (str(root / "content"), "--baseline", str(root / "baseline.json"))),
    ):
        code, out = _json_from(directory, *args)
        assert code == 0, out[:400]
        assert json.loads(out)["findings"] == []


def test_per_file_ignores_match_relative_to_the_configuration_file(tmp_path: Path) -> None:
    root = _project(tmp_path)
    (root / "factcheck.toml").write_text('per-file-ignores = { "content/news/jobs.md" = ["numbers"] }\n')
    for directory, args in ((root, ("content",)), (root / "content" / "news", (".",)), (tmp_path, (str(root),))):
        code, out = _json_from(directory, *args)
        assert (code, json.loads(out)["findings"]) == (0, []), (directory, out[:300])


def test_writing_a_baseline_exits_0(tmp_path: Path) -> None:
    root = _project(tmp_path)
    code, _out = _json_from(root, "content", "--write-baseline", "baseline.json")
    assert code == 0
    assert json.loads((root / "baseline.json").read_text(encoding="utf-8"))


# --- the flags CI users expect -------------------------------------------------------------------------


def test_exit_zero_reports_but_passes(conflict: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(conflict), "--exit-zero", "--format", "concise")
    assert code == 0 and "numbers.conflict" in out


def test_exit_zero_does_not_hide_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", "no/such/dir", "--exit-zero")
    assert code == 2 and "no such file" in err


def test_min_severity_hides_lower_findings_from_report_and_exit_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.md").write_text("<!-- factcheck: ignore[numbers] -->\n" + TRADE.format("$244bn"), encoding="utf-8")
    code, out, _ = run(capsys, "check", str(tmp_path), "--format", "json", "--fail-on", "info")
    assert code == 1 and [f["severity"] for f in json.loads(out)["findings"]] == ["info"]
    code, out, _ = run(
        capsys, "check", str(tmp_path), "--format", "json", "--fail-on", "info", "--min-severity", "warning"
    )
    report = json.loads(out)
    assert (code, report["findings"], report["summary"]["findings"]) == (0, [], 0)


def test_quiet_prints_the_report_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.md").write_text(TRADE.format("$244bn"), encoding="utf-8")
    (tmp_path / "empty.md").write_bytes(b"")
    code, out, err = run(capsys, "check", str(tmp_path), "--format", "json")
    assert "empty.md" in err
    code, quiet_out, quiet_err = run(capsys, "check", str(tmp_path), "--format", "json", "--quiet")
    assert (code, quiet_out, quiet_err) == (0, out, "")
    assert json.loads(quiet_out)["errors"]  # the error entry is still in the report


@pytest.mark.parametrize(
    ("flags", "env", "coloured"),
    [
        ((), {}, False),  # not a terminal
        ((), {"FORCE_COLOR": "1"}, True),
        ((), {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        (("--color", "always"), {"NO_COLOR": "1"}, True),
        (("--color", "never"), {"FORCE_COLOR": "1"}, False),
        (("--no-color",), {"FORCE_COLOR": "1"}, False),
    ],
)
def test_color_flag_and_environment(
    conflict: Path,
    flags: tuple[str, ...],
    env: dict[str, str],
    coloured: bool,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    _, out, _ = run(capsys, "check", str(conflict), *flags)
    assert ("\x1b[" in out) is coloured


def test_show_files_lists_what_would_be_read_relative_to_the_root(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    for name in ("content/a.md", "content/b.html", "drafts/c.md", "node_modules/x/d.md", "pyproject.toml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Text.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "content")
    code, out, err = run(capsys, "check", ".", "--show-files")
    assert (code, out, err) == (0, "content/a.md\ncontent/b.html\n", "")
    code, out, _ = run(capsys, "check", str(tmp_path), "--show-files", "--no-respect-gitignore")
    assert out == "content/a.md\ncontent/b.html\ndrafts/c.md\n"


def test_show_settings_prints_what_is_in_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "factcheck.toml").write_text('select = ["numbers"]\nfail-on = "warning"\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("Text.\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", str(tmp_path), "--show-settings")
    settings = yaml.safe_load(out)
    assert code == 0
    assert settings["select"] == ["numbers"] and settings["fail-on"] == "warning"
    assert settings["configuration"].endswith("factcheck.toml")
    assert list(settings["rules"]) == ["numbers.conflict"]
    assert "*.docx" in settings["include"]


def test_statistics_as_json(conflict: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(conflict), "--statistics", "--format", "json")
    assert code == 1
    assert json.loads(out) == [{"rule": "numbers.conflict", "kind": "numeric_conflict", "count": 1}]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_names_the_phase_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(_ProgressBar, "DELAY", 0.0)
    with _ProgressBar() as progress:
        for done in range(1, 4):
            progress("extracting", done, 3)
        progress("rule numbers.conflict", 1, 2)
        progress("suppressing", 0, 0)
    drawn = terminal.getvalue()
    assert "extracting" in drawn or "rule numbers.conflict" in drawn or "suppressing" in drawn


def test_progress_bar_is_silent_off_a_terminal_and_for_short_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    for stderr, delay in ((io.StringIO(), 0.0), (_Terminal(), 60.0)):
        monkeypatch.setattr(sys, "stderr", stderr)
        monkeypatch.setattr(_ProgressBar, "DELAY", delay)
        with _ProgressBar() as progress:
            progress("extracting", 1, 1)
            progress("rule numbers.conflict", 0, 1)
        assert stderr.getvalue() == ""


def test_claims_at_80_columns(conflict: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    code, out, err = run(capsys, "claims", str(conflict / "a.md"))
    assert (code, err) == (0, "")
    assert all(len(line) <= 80 for line in out.splitlines())
    assert "244bn USD" in out and " 2024 " in out and "2,024" not in out
    assert out.rstrip().endswith("2 claims in 1 document")
