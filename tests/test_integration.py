"""The pre-commit hook and the GitHub Action definitions, and the hook run as pre-commit runs it."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def test_pre_commit_hook_definition() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "factcheck"
    assert hook["language"] == "python"
    assert hook["require_serial"] is True
    assert hook["entry"].split()[:3] == ["factcheck", "check", "--changed"]
    assert set(hook["types_or"]) >= {"markdown", "html"}


def test_action_definition() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    commands = " ".join(step.get("run", "") for step in action["runs"]["steps"])
    assert "factcheck check" in commands and "--format github" in commands
    assert {"paths", "args", "sarif"} <= set(action["inputs"])


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
