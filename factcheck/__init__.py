"""factcheck: find numbers, names and quotes that disagree across articles.

Public API:

* ``extract_claims(text, *, date=None) -> list[Claim]``: every numeric claim in a text.
* ``check(paths, **options) -> Report``: run the whole pipeline on files.

Both are imported when first asked for: ``import factcheck`` (and ``factcheck --version``) loads
neither the extractor's grammar nor the pipeline's pandas.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck._version import __version__

if TYPE_CHECKING:
    from factcheck.extract import extract_claims
    from factcheck.pipeline import check

__all__ = ["__version__", "check", "extract_claims"]


def __getattr__(name: str) -> object:
    if name == "check":
        from factcheck.pipeline import check

        return check
    if name == "extract_claims":
        from factcheck.extract import extract_claims

        return extract_claims
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
