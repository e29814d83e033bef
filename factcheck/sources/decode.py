"""Turning a file's bytes into text, or into a reason why they are not text.

Owns the decision "is this a text file, and in which encoding".  The decoded
text is kept exactly as decoded (only a byte order mark is dropped) because
every offset we report must point into the file the user has.
"""

from __future__ import annotations

import codecs
import importlib
import unicodedata
from types import ModuleType

# Git's heuristic: a NUL byte near the start means "binary".  Looking at a
# prefix keeps the check cheap on large files.
BINARY_SNIFF_BYTES = 8192

# Whitespace control characters that real text files contain; any other
# control character in a guessed (non-UTF-8) decoding means we guessed wrong.
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")

# UTF-16/32 text is full of NUL bytes, so its byte order mark has to be
# recognised before the binary check.  UTF-32 first: its LE mark starts with
# the UTF-16 LE mark.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class UndecodableError(ValueError):
    """The bytes are not a text file we can read; ``str(exc)`` is the reason."""


def decode_bytes(data: bytes) -> str:
    """Decode a file's bytes to text, or raise ``UndecodableError`` with a reason.

    UTF-8 first (with or without a byte order mark), then a guess: by
    charset-normalizer when it is installed, else cp1252, which also reads
    Latin-1 text.  A guess is accepted only when the result looks like text.
    """
    if not data:
        raise UndecodableError("empty file")
    text = _decode_wide(data)
    if text is None:
        if b"\x00" in data[:BINARY_SNIFF_BYTES]:
            raise UndecodableError("binary file (contains NUL bytes)")
        text = _decode_utf8(data)
    if text is None:
        text = _guess(data)
    if text is None:
        raise UndecodableError("cannot decode as text")
    if not text.strip():
        raise UndecodableError("empty file")
    return text


def strip_bom(text: str) -> str:
    """Drop a leading byte order mark from text that was decoded elsewhere."""
    return text[1:] if text.startswith("\ufeff") else text


def looks_like_text(text: str) -> bool:
    """True when ``text`` has no control characters other than whitespace."""
    return not any(unicodedata.category(ch) == "Cc" and ch not in _TEXT_CONTROLS for ch in text)


def _decode_wide(data: bytes) -> str | None:
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)  # these codecs consume the BOM
            except UnicodeDecodeError:
                return None
            return text if looks_like_text(text) else None
    return None


def _decode_utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8-sig")  # utf-8-sig drops a BOM if there is one
    except UnicodeDecodeError:
        return None


def _guess(data: bytes) -> str | None:
    # NUL anywhere (not just in the sniffed prefix) rules out a legacy
    # single-byte encoding: no real text file in one contains it.
    if b"\x00" in data:
        return None
    detector = _charset_normalizer()
    text = _detect(detector, data) if detector is not None else _decode_cp1252(data)
    if text is None:
        return None
    text = strip_bom(text)
    return text if looks_like_text(text) else None


# Detection ranks code pages that read a short Western text equally well in no
# useful order (French comes back as cp775, Baltic); among the equally good
# readings, prefer the one Western newsrooms actually wrote.
_PREFERRED = ("cp1252", "latin_1", "iso8859_15")
_CHAOS_SLACK = 0.01


def _detect(detector: ModuleType, data: bytes) -> str | None:
    matches = list(detector.from_bytes(data))
    if not matches:
        return None
    best_chaos = min(match.chaos for match in matches)
    good = [match for match in matches if match.chaos <= best_chaos + _CHAOS_SLACK]
    preferred = [match for match in good if match.encoding in _PREFERRED]
    return str((preferred or good)[0])


def _decode_cp1252(data: bytes) -> str | None:
    try:
        return data.decode("cp1252")  # strict: cp1252 leaves five bytes undefined
    except UnicodeDecodeError:
        return None


def _charset_normalizer() -> ModuleType | None:
    # charset-normalizer is optional: used when the user has it, never a
    # dependency.  Imported by name so type checking does not need it.
    try:
        return importlib.import_module("charset_normalizer")
    except ImportError:
        return None
