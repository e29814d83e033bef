"""Every fuzzing seed and every crash the fuzzers found (``fuzz/regressions/``) runs through its target.

``fuzz/targets.py`` holds the targets; ``python fuzz/run.py`` runs atheris on them and writes any crash
to ``fuzz/regressions/<target>/``.  Once the bug is fixed, the file stays and this test keeps it fixed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

FUZZ = Path(__file__).resolve().parent.parent / "fuzz"
sys.path.insert(0, str(FUZZ))

from targets import TARGETS  # noqa: E402

INPUTS = sorted(
    (target, path)
    for target in TARGETS
    for folder in ("corpus", "regressions")
    for path in (FUZZ / folder / target).glob("*")
    if path.is_file()
)


def test_every_target_has_seeds() -> None:
    assert {target for target, _ in INPUTS} == set(TARGETS)


@pytest.mark.parametrize(("target", "path"), INPUTS, ids=[f"{t}/{p.parent.name}/{p.name}" for t, p in INPUTS])
def test_input_runs_through_its_target(target: str, path: Path) -> None:
    TARGETS[target](path.read_bytes())
