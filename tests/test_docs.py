"""The README and the docs say what the tool does: their commands run, their rule ids exist.

Every command in a shell code block (```sh, ```bash) of README.md and docs/
is either run here, with the exit code it must give, or listed with the reason
it cannot run in a test (it installs packages, needs the network or data
outside the repository, or is the test suite itself).  A new command in the
docs fails this test until it is classified, so the docs cannot drift into
commands that do not work.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.ruleset import load_rules
from factcheck.suppress import UNUSED_RULE

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]

# Commands run here, with the exit code they must give.
RUN = {
    "factcheck check seeds/": 1,  # the seeds hold real errors
    "factcheck rules": 0,
    "factcheck rule numbers.conflict": 0,
    "python scripts/rule_pages.py --check": 0,
    # Run in a directory whose news/ holds the seed articles (which hold real errors).
    "factcheck check news/ --format html --output report.html": 1,
    "factcheck check news/ --report html:report.html": 1,
}
# Commands that cannot run in a test, and why.
SKIP = {
    "pip install .": "installs the package (CI does it in a fresh environment)",
    "pip install '.[test]'": "installs packages",
    "pip install -e '.[test]'": "installs packages",
    "pip install -e '.[fuzz]'": "installs packages",
    "pytest": "the test suite itself",
    "factcheck check PATHS...": "a synopsis: PATHS is a placeholder",
    "factcheck claims PATHS...": "a synopsis: PATHS is a placeholder",
    "factcheck annotate DRAFT": "a synopsis: DRAFT is a placeholder",
    "factcheck annotate draft.docx [--against DIR ...] [-o draft.checked.docx]": "a synopsis with placeholders",
    "factcheck annotate draft.md --format markdown [--against DIR ...] [-o draft.checked.md]": (
        "a synopsis with placeholders"
    ),
    "ruff check factcheck tests benchmarks fuzz": "CI runs the linters",
    "ruff format --check factcheck tests benchmarks fuzz": "CI runs the linters",
    "mypy": "CI runs the type checker",
    "python benchmarks/bench_extract.py": "a benchmark: minutes, and timings are not tests",
    "python benchmarks/bench_link.py": "a benchmark",
    "python benchmarks/bench_one_story.py": "a benchmark",
    "python benchmarks/bench_startup.py": "a benchmark",
    "python benchmarks/bench_scale.py": "a benchmark: minutes",
    "python benchmarks/bench_scale.py --articles 200 1000 --jobs 2 --engines local dask": "a benchmark: minutes",
    "pip install '.[dask]'": "installs packages",
    "dask scheduler": "starts a Dask scheduler that runs until stopped",
    "dask worker tcp://scheduler-host:8786 --nthreads 1 --nworkers 4": "needs a Dask scheduler on another host",
    "factcheck check news/ --engine dask --scheduler tcp://scheduler-host:8786": "needs a Dask cluster",
    "DASK_SCHEDULER_ADDRESS=tcp://scheduler-host:8786 factcheck check news/ --engine dask": "needs a Dask cluster",
    "python benchmarks/bench_index.py": "a benchmark: minutes",
    "python fuzz/run.py --seconds 60": "a minute of fuzzing (CI runs each target briefly)",
    "python ../shared/eval/score_findings.py ../shared/eval/dev --family numeric": (
        "needs the evaluation corpus outside the repository"
    ),
    "python ../shared/eval/harness.py factcheck_adapter:extract=factcheck": (
        "needs the evaluation suites outside the repository"
    ),
    "factcheck check --format json-lines news/ | jq -r 'select(.severity == \"error\") | .message'": (
        "an example on the reader's own news/ directory, piped to jq"
    ),
}


def _commands() -> list[tuple[str, str]]:
    """(document, command) for every command line of every shell block; `a && b` is two commands."""
    found = []
    for document in DOCUMENTS:
        text = document.read_text(encoding="utf-8")
        for block in re.findall(r"```(?:sh|bash|shell)\n(.*?)```", text, flags=re.S):
            for line in block.splitlines():
                command = line.split("  #", 1)[0].strip()
                if not command or command.startswith("#"):
                    continue
                for part in command.split(" && "):
                    found.append((str(document.relative_to(ROOT)), part.strip()))
    return found


COMMANDS = _commands()


def test_every_documented_command_is_run_or_has_a_reason() -> None:
    unknown = [f"{doc}: {command}" for doc, command in COMMANDS if command not in RUN and command not in SKIP]
    assert unknown == [], "classify these in tests/test_docs.py (RUN with an exit code, or SKIP with a reason)"


def test_no_stale_entries() -> None:
    documented = {command for _doc, command in COMMANDS}
    assert (set(RUN) | set(SKIP)) - documented == set()


@pytest.mark.parametrize("command", sorted({c for _d, c in COMMANDS if c in RUN}))
def test_documented_command_runs(command: str, tmp_path: Path) -> None:
    words = shlex.split(command)
    where = ROOT
    if "news/" in words:
        shutil.copytree(ROOT / "seeds", tmp_path / "news")
        where = tmp_path
    if words[0] == "factcheck":
        words = [sys.executable, "-m", "factcheck", *words[1:]]
    elif words[0] == "python":
        words = [sys.executable, *words[1:]]
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    done = subprocess.run(words, cwd=where, capture_output=True, text=True, check=False, env=env, timeout=300)
    assert done.returncode == RUN[command], done.stderr[-2000:]
    assert "Traceback" not in done.stderr


RULE_ID = re.compile(
    r"(?<![\w./-])((?:numbers|names|quotes|sources|internal|documents|reference|suppressions)\.[a-z_]+)(?![\w(/]|\.py)"
)


def test_rule_ids_in_the_docs_exist() -> None:
    known = {rule.id for rule in load_rules()} | {UNUSED_RULE}
    named = {
        (str(document.relative_to(ROOT)), match)
        for document in DOCUMENTS
        for match in RULE_ID.findall(document.read_text(encoding="utf-8"))
    }
    assert sorted((doc, rule_id) for doc, rule_id in named if rule_id not in known) == []
    assert {rule_id for _doc, rule_id in named} >= known  # and every rule is documented somewhere


def test_the_docs_install_factcheck_from_its_repository_never_from_the_registry() -> None:
    for document in [*DOCUMENTS, ROOT / "action.yml"]:
        text = document.read_text(encoding="utf-8")
        assert not re.search(r"pip install\s+(--\S+\s+)*['\"]?factcheck\b(?!@)", text), document
