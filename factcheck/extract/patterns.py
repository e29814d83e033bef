"""Extraction's compiled patterns, stored ready to load: ``compiled(pattern, flags)`` is ``regex.compile``.

regex parses a pattern with a parser written in Python: compiling the few hundred patterns of
extraction (the number grammar, the people, quotes and frames readers) cost about 0.2 s of a one-article
check, more than extracting the article (issue 16).  A compiled pattern pickles as regex's own compiled
code (regex registers ``Pattern`` with copyreg: unpickling calls ``_regex.compile`` with the code the
parser made) and loading it skips the parser: the ~300 patterns load in a few milliseconds.

``patterns.pickle`` beside this module holds them, keyed by the exact pattern and flags, for one version
of regex (the version is checked before any pattern is loaded).  A pattern not in it (a new or changed
pattern, another version of regex, no file) is compiled as before, so the file only ever saves time; it
is rebuilt from the patterns in this package with ``python -c "from factcheck.extract.patterns import
write_store; write_store()"`` (``tests/extract/test_fast_paths.py`` fails when it misses a pattern).
"""

from __future__ import annotations

import pickle
from pathlib import Path

import regex

STORE = Path(__file__).with_name("patterns.pickle")
# Bumped when the file's layout changes.
_LAYOUT = 1

_stored: dict[tuple[str, int], regex.Pattern[str]] | None = None
# Every pattern compiled through here in this process: what a rebuild writes.
_seen: dict[tuple[str, int], regex.Pattern[str]] = {}


def _header() -> tuple[object, ...]:
    return (_LAYOUT, regex.__version__, int(regex.DEFAULT_VERSION))


def _load() -> dict[tuple[str, int], regex.Pattern[str]]:
    try:
        with STORE.open("rb") as file:
            if pickle.load(file) != _header():
                return {}  # written for another version of regex: its code may not be this one's
            patterns = pickle.load(file)
    except (OSError, EOFError, pickle.UnpicklingError):
        return {}
    return patterns if isinstance(patterns, dict) else {}


def compiled(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, from the store when it holds the pattern."""
    global _stored
    if _stored is None:
        _stored = _load()
    key = (pattern, int(flags))
    found = _stored.get(key)
    if found is None:
        found = regex.compile(pattern, flags)
    _seen[key] = found
    return found


# The only characters besides A-Z and a-z that regex matches as an ASCII letter without case (simple
# case folding, regex's default): the dotted capital I, the long s and the Kelvin sign.
_FOLD_TO_ASCII = str.maketrans({"İ": "i", "ſ": "s", "K": "k"})


def folded(text: str) -> str:
    """``text`` in lower case with the letters above made ASCII: a word that a case-insensitive pattern
    matches in ``text`` is then in it, written in lower case (a cheap test before a costly search)."""
    if "İ" in text or "ſ" in text or "K" in text:
        text = text.translate(_FOLD_TO_ASCII)
    return text.lower()


def compile_all() -> dict[tuple[str, int], regex.Pattern[str]]:
    """Every pattern extraction compiles: its modules' and those built on first use."""
    from factcheck.extract import extract_document
    from factcheck.sources import load_text

    # One article that reaches every lazily built pattern (the grammar, labels, sentences, phones).
    text = (
        "---\ntitle: Harbour reopens\ndate: 2025-03-14\n---\n"
        "The harbour reopened on Friday, three days after a storm damaged 42 boats, the Coast Guard said. "
        '"We will reopen," said Olu Adeyemi, the harbour master. Call +44 20 7946 0958. '
        "It was a Category 4 storm, and repairs will cost about $3.5 million, according to the council.\n"
    )
    extract_document(load_text(text, "probe.md"))
    return dict(_seen)


def write_store(path: Path = STORE) -> int:
    """Write the store of every pattern extraction compiles; the number of patterns.

    The same patterns, in the same order, come out of every build; their bytes may not: regex writes
    the few characters a pattern can start with ("(?i)(?:and|or|more)" -> a, m, o) in the order of a
    set of its own, which changes from one process to the next and not what the pattern matches."""
    patterns = {key: regex.compile(key[0], key[1]) for key in compile_all()}
    with path.open("wb") as file:
        pickle.dump(_header(), file, protocol=4)
        pickle.dump(patterns, file, protocol=4)
    return len(patterns)
