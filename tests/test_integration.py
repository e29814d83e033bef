"""The pre-commit hook and the GitHub Action definitions, and the hook run as pre-commit runs it."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from factcheck.sources import DEFAULT_INCLUDE

ROOT = Path(__file__).resolve().parent.parent


def test_pre_commit_hook_definition() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "factcheck"
    assert hook["language"] == "python"
    assert hook["require_serial"] is True
    assert hook["entry"].split()[:3] == ["factcheck", "check", "--changed"]
    assert "types_or" not in hook and hook["types"] == ["file"]


@pytest.mark.parametrize(
    ("name", "passed"),
    [
        ("content/news/jobs.md", True),
        ("content/page.html", True),
        ("drafts/notes.txt", True),
        ("drafts/feature.docx", True),
        ("content/old.markdown", True),
        ("pyproject.toml", False),
        (".github/workflows/factcheck.yml", False),
        ("factcheck.toml", False),
        ("scripts/build.sh", False),
        ("content/md.json", False),
    ],
)
def test_pre_commit_passes_articles_and_never_configuration(name: str, passed: bool) -> None:
    # pre-commit selects a staged file when re.search(files, name) matches (and its types match).
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert bool(re.search(hook["files"], name)) is passed


def test_pre_commit_extensions_are_the_default_includes() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {f"x{pattern[1:]}" for pattern in DEFAULT_INCLUDE} == {
        f"x.{ext}" for ext in hook["files"].split("(")[1].split(")")[0].split("|")
    }


def test_action_definition() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    commands = " ".join(step.get("run", "") for step in action["runs"]["steps"])
    assert "factcheck check" in commands and "--format github" in commands
    assert {"paths", "args", "sarif", "fail-on", "working-directory"} <= set(action["inputs"])


def _action_run(tmp_path: Path, **inputs: str) -> list[str]:
    """Run the action's factcheck step with bash as GitHub would, with a stand-in factcheck that prints
    the arguments it receives, one per line; return them."""
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    (step,) = [step for step in action["runs"]["steps"] if "factcheck check" in step.get("run", "")]
    shim = tmp_path / "bin" / "factcheck"
    shim.parent.mkdir()
    shim.write_text('#!/bin/sh\nfor a in "$@"; do printf \'%s\\n\' "$a"; done\n', encoding="utf-8")
    shim.chmod(0o755)
    defaults = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    values = {**defaults, **inputs}
    env = {**os.environ, "PATH": f"{shim.parent}{os.pathsep}{os.environ['PATH']}"}
    for variable, expression in step["env"].items():
        env[variable] = values[expression.split("inputs.")[1].rstrip(" }")]
    done = subprocess.run(
        ["bash", "-e", "-c", step["run"]], cwd=tmp_path, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.splitlines()


def test_action_keeps_each_path_whole_and_passes_fail_on(tmp_path: Path) -> None:
    args = _action_run(tmp_path, paths="content/news\nMy Articles/*.md\n", args="--select numbers --exclude 'drafts/*'")
    assert args == [
        "check",
        "content/news",
        "My Articles/*.md",
        "--format",
        "github",
        "--fail-on",
        "error",
        "--select",
        "numbers",
        "--exclude",
        "drafts/*",
    ]


def test_action_never_runs_what_its_inputs_contain(tmp_path: Path) -> None:
    args = _action_run(tmp_path, paths="$(touch pwned)", args="`touch pwned2` $(touch pwned3)", sarif="out.sarif")
    assert not list(tmp_path.glob("pwned*"))
    assert args[:2] == ["check", "$(touch pwned)"]
    assert "--report" in args and "sarif:out.sarif" in args


def article(title: str, date: str, body: str) -> str:
    return f"---\ntitle: {title}\ndate: {date}\noutlet: The Daily\n---\n\n# {title}\n\n{body}\n"


def run_hook(repo: Path, files: list[str]) -> subprocess.CompletedProcess[str]:
    """Run the hook's entry the way pre-commit does: entry, then the staged file names, from the repo root."""
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    entry = shlex.split(hook["entry"])
    command = [sys.executable, "-m", "factcheck", *entry[1:], *files]
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(command, cwd=repo, capture_output=True, text=True, check=False, env=env)


def test_hook_on_a_content_repository(tmp_path: Path) -> None:
    repo = tmp_path / "newsroom"
    (repo / "content" / "2025").mkdir(parents=True)
    (repo / "factcheck.toml").write_text('include = ["*.md"]\n', encoding="utf-8")
    (repo / "content" / "2025" / "trade.md").write_text(
        article("Trade soars", "2025-03-14", "Bilateral trade between Russia and China reached $244bn in 2024."),
        encoding="utf-8",
    )
    (repo / "content" / "2025" / "explainer.md").write_text(
        article("Explainer", "2025-03-15", "Bilateral trade between Russia and China reached $244.6bn in 2024."),
        encoding="utf-8",
    )
    (repo / "content" / "2025" / "unrelated.md").write_text(
        article("Weather", "2025-03-15", "Temperatures reached 31C in Madrid on Sunday."), encoding="utf-8"
    )
    clean = run_hook(repo, ["content/2025/explainer.md"])
    assert (clean.returncode, clean.stderr) == (0, "")
    assert "No findings" in clean.stdout

    (repo / "content" / "2025" / "draft.md").write_text(
        article("Draft", "2025-03-16", "Bilateral trade between Russia and China reached $200bn in 2024."),
        encoding="utf-8",
    )
    staged = run_hook(repo, ["content/2025/draft.md"])
    assert staged.returncode == 1, staged.stdout + staged.stderr
    assert staged.stderr == ""
    assert "content/2025/draft.md" in staged.stdout and "$200bn" in staged.stdout
    assert "3 articles agree" in staged.stdout or "$244bn" in staged.stdout

    other = run_hook(repo, ["content/2025/unrelated.md"])
    assert other.returncode == 0, other.stdout
