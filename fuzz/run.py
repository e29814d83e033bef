"""Run the atheris fuzzers of ``fuzz/targets.py``, each for a while, and keep what they find.

    python fuzz/run.py [--seconds 60] [--target claims markdown html rule]

Each target runs in its own process (libFuzzer owns the process), from its seed corpus in
``fuzz/corpus/<target>/`` (new inputs go to a scratch copy, not into the repository).  A crash is
written to ``fuzz/regressions/<target>/``, which ``tests/test_fuzz_regressions.py`` replays: fix the
bug and the file stays there as its regression test.  The exit code is 1 when a target crashed.

Needs atheris (``pip install -e '.[fuzz]'``).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from targets import TARGETS  # noqa: E402


def fuzz_one(name: str) -> None:
    """The child process: hand the target to atheris (``sys.argv`` holds libFuzzer's flags)."""
    import atheris

    # Coverage feedback for everything loaded so far (factcheck and its pure-Python dependencies).
    atheris.instrument_all()
    atheris.Setup(sys.argv, TARGETS[name])
    atheris.Fuzz()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="how long each target runs")
    parser.add_argument("--target", nargs="+", choices=sorted(TARGETS), default=sorted(TARGETS))
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args, rest = parser.parse_known_args()
    if args.child:
        sys.argv = [sys.argv[0], *rest]
        fuzz_one(args.child)
        return 0
    failed = []
    for name in args.target:
        crashes = HERE / "regressions" / name
        crashes.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as scratch:
            corpus = Path(scratch) / "corpus"
            shutil.copytree(HERE / "corpus" / name, corpus)
            command = [
                sys.executable,
                str(Path(__file__).resolve()),
                "--child",
                name,
                f"-max_total_time={args.seconds}",
                "-rss_limit_mb=2048",
                "-timeout=10",
                f"-artifact_prefix={crashes}/",
                str(corpus),
            ]
            result = subprocess.run(command, capture_output=True, text=True, check=False)
        runs = next((line for line in reversed(result.stderr.splitlines()) if "Done" in line), "")
        print(f"{name:<10} exit {result.returncode}  {runs.strip()}")
        if result.returncode != 0:
            failed.append(name)
            print(result.stderr[-3000:], file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
