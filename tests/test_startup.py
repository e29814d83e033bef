"""What a command imports: ``--version`` none of the pipeline, one article neither pandas nor pint.

These are the start-up costs of issue "scale", item 1 (pandas 0.3-0.8 s, pint with numpy 0.3 s,
``importlib.metadata`` 0.04-0.15 s); ``benchmarks/bench_startup.py`` times them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import factcheck


def _modules_after(code: str, cwd: Path) -> set[str]:
    script = f"import sys\n{code}\nprint(' '.join(sorted(sys.modules)), file=sys.stderr)\n"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=cwd, check=False)
    return set(result.stderr.split())


def test_version_imports_neither_the_pipeline_nor_metadata(tmp_path: Path) -> None:
    code = "from factcheck.cli import main\ntry:\n    main(['--version'])\nexcept SystemExit:\n    pass"
    modules = _modules_after(code, tmp_path)
    assert "factcheck.cli" in modules
    for heavy in ("factcheck.extract", "factcheck.pipeline", "pandas", "pint", "regex", "rich", "importlib.metadata"):
        assert heavy not in modules


def test_one_article_imports_neither_pandas_nor_pint(tmp_path: Path) -> None:
    (tmp_path / "one.md").write_text(
        "The storm damaged 42 boats and flooded 1,200 homes over 3 days, covering 12 km of coast.\n", encoding="utf-8"
    )
    modules = _modules_after("from factcheck.cli import main\nmain(['check', 'one.md'])", tmp_path)
    assert "factcheck.pipeline" in modules
    for heavy in ("pandas", "numpy", "pint", "docx"):
        assert heavy not in modules


def test_the_version_is_the_packages() -> None:
    from factcheck._version import __version__

    assert factcheck.__version__ == __version__
    assert __version__.count(".") == 2
