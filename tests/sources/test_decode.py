"""Bytes to text: encodings, byte order marks, and the files that are not text."""

from __future__ import annotations

import os
import sys
import types

import pytest

from factcheck.sources import decode
from factcheck.sources.decode import UndecodableError, decode_bytes

LATIN1 = "Le café coûte 3 euros à Orléans; la mairie a dépensé 1,2 million."


@pytest.fixture
def without_charset_normalizer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decode, "_charset_normalizer", lambda: None)


def test_utf8_is_kept_exactly() -> None:
    text = "Prices rose 3 % in Zürich.\r\nLine two\rstill two\n"
    assert decode_bytes(text.encode("utf-8")) == text


def test_utf8_byte_order_mark_is_dropped() -> None:
    assert decode_bytes(b"\xef\xbb\xbfHello") == "Hello"


def test_utf16_with_byte_order_mark_is_read() -> None:
    assert decode_bytes("Zoë said 12.".encode("utf-16")) == "Zoë said 12."


@pytest.mark.usefixtures("without_charset_normalizer")
def test_latin1_falls_back_to_cp1252() -> None:
    assert decode_bytes(LATIN1.encode("latin-1")) == LATIN1


def test_latin1_decodes_with_whatever_is_installed() -> None:
    assert "café" in decode_bytes(LATIN1.encode("latin-1"))


class FakeMatch:
    def __init__(self, encoding: str, chaos: float, text: str) -> None:
        self.encoding, self.chaos, self.text = encoding, chaos, text

    def __str__(self) -> str:
        return self.text


def fake_detector(*matches: FakeMatch) -> types.SimpleNamespace:
    return types.SimpleNamespace(from_bytes=lambda data: list(matches))


def test_charset_normalizer_is_used_when_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "charset_normalizer", fake_detector(FakeMatch("cp1251", 0.0, "guessed text")))
    assert decode_bytes(b"caf\xe9") == "guessed text"


def test_equally_good_readings_prefer_cp1252(monkeypatch: pytest.MonkeyPatch) -> None:
    detector = fake_detector(FakeMatch("cp775", 0.0, "caf\u0137"), FakeMatch("cp1252", 0.0, "café"))
    monkeypatch.setitem(sys.modules, "charset_normalizer", detector)
    assert decode_bytes(b"caf\xe9") == "café"


def test_charset_normalizer_without_a_match_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "charset_normalizer", fake_detector())
    with pytest.raises(UndecodableError, match="cannot decode as text"):
        decode_bytes(b"caf\xe9")  # cp1252 would read it; the installed detector said no


def test_real_detector_reads_legacy_encodings() -> None:
    french = "Le café coûte 3 euros à Orléans; la mairie a dépensé 1,2 million."
    russian = "Москва заявила, что 21 692 санкции против России введены"
    assert decode_bytes(french.encode("latin-1")) == french
    assert decode_bytes(russian.encode("cp1251")) == russian


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        pytest.param(b"", "empty file", id="zero-bytes"),
        pytest.param(b" \n\t\r\n", "empty file", id="whitespace"),
        pytest.param(b"\xef\xbb\xbf\n", "empty file", id="bom-only"),
        pytest.param(os.urandom(300) + b"\x00" + os.urandom(300), "binary file (contains NUL bytes)", id="nul"),
        pytest.param(b"text\x00more", "binary file (contains NUL bytes)", id="nul-in-text"),
    ],
)
def test_files_that_are_not_text(data: bytes, reason: str) -> None:
    with pytest.raises(UndecodableError) as caught:
        decode_bytes(data)
    assert str(caught.value) == reason


@pytest.mark.usefixtures("without_charset_normalizer")
@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\x81\x8d\x8f\x90\x9d bytes cp1252 leaves undefined", id="cp1252-undefined"),
        pytest.param(b"\xff\x01\x02\x03\x04\x05\x06\x07\x0e\x0f" * 20, id="control-characters"),
    ],
)
def test_bytes_that_decode_to_nothing_readable(data: bytes) -> None:
    with pytest.raises(UndecodableError, match="cannot decode as text"):
        decode_bytes(data)


def test_nul_past_the_sniffed_prefix_still_blocks_a_guessed_encoding() -> None:
    data = b"caf\xe9 " * 3000 + b"\x00"
    assert len(data) > decode.BINARY_SNIFF_BYTES
    with pytest.raises(UndecodableError, match="cannot decode as text"):
        decode_bytes(data)


def test_looks_like_text() -> None:
    assert decode.looks_like_text("tabs\tand\r\nnewlines\f")
    assert not decode.looks_like_text("bell\x07")
