"""factcheck: find numbers, names and quotes that disagree across articles.

Public API:

* ``extract_claims(text, *, date=None) -> list[Claim]``: every numeric claim in a text.
* ``check(paths, **options) -> Report``: run the whole pipeline on files.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from factcheck.extract import extract_claims

try:
    __version__ = version("factcheck")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

__all__ = ["__version__", "check", "extract_claims"]


def __getattr__(name: str) -> object:
    # The pipeline pulls in pandas; import it only when check() is asked for.
    if name == "check":
        from factcheck.pipeline import check

        return check
    raise AttributeError(name)
