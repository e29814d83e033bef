"""What the fuzzers feed: each target takes bytes and must never raise an unexpected exception.

A target decodes the bytes the way its stage would meet them and calls the public entry point:
``extract_claims`` on text, the Markdown and HTML loaders on a file's bytes, and the rule reader on a
rule file.  Errors the entry point documents (``RuleError`` for a bad rule) are answers, not crashes;
anything else is a crash, and the property each stage promises (claims are slices of the text, the
interval holds the value) is checked too.

Used by ``fuzz/run.py`` (atheris) and by ``tests/test_fuzz_regressions.py``, which runs every seed and
every crash file found so far.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable

import factcheck
from factcheck.errors import RuleError
from factcheck.extract import extract
from factcheck.ruleset import parse_rule
from factcheck.sources import load_paths

# The loaders read files: each input is written to one scratch file (in memory where the system has it).
_SCRATCH = tempfile.mkdtemp(prefix="factcheck-fuzz-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def claims(data: bytes) -> None:
    text = _text(data)
    for claim in factcheck.extract_claims(text):
        assert claim.text == text[claim.start : claim.end], claim
        if claim.value is not None and claim.low is not None:
            assert claim.low <= claim.value, claim
        if claim.value is not None and claim.high is not None:
            assert claim.value <= claim.high, claim


def _loader(suffix: str) -> Callable[[bytes], None]:
    path = os.path.join(_SCRATCH, f"input{suffix}")

    def load(data: bytes) -> None:
        with open(path, "wb") as handle:
            handle.write(data)
        documents, _errors = load_paths([path])  # an unreadable input is an error entry, not a crash
        for document in documents:
            assert len(document.prose) == len(document.text), document.path
            for claim in extract(document):
                assert claim.text == document.text[claim.start : claim.end], claim

    load.__name__ = f"load{suffix.replace('.', '_')}"
    return load


def rule(data: bytes) -> None:
    with contextlib.suppress(RuleError):  # a bad rule is an answer, not a crash
        parse_rule(_text(data), "fuzz.yaml", "fuzz.rule")


TARGETS: dict[str, Callable[[bytes], None]] = {
    "claims": claims,
    "markdown": _loader(".md"),
    "html": _loader(".html"),
    "rule": rule,
}
