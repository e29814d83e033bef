"""The people reader's vocabularies are data, read strictly: each problem names the file and the line."""

from __future__ import annotations

from importlib import resources

import pytest

from factcheck.errors import RuleError
from factcheck.extract.people import ROLE_WORDS, nickname_related, role_heads
from factcheck.extract.people_vocab import parse_people_vocab, people_vocab

PACKAGED = resources.files("factcheck").joinpath("data/people.yaml").read_text(encoding="utf-8")


def edited(old: str, new: str) -> str:
    assert old in PACKAGED
    return PACKAGED.replace(old, new, 1)


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_the_packaged_vocabularies_are_what_the_reader_uses() -> None:
    vocab = people_vocab()
    assert "historian" in vocab.role_words and vocab.role_words == ROLE_WORDS
    assert ("william", "bill", "billy", "will", "willy", "liam") in vocab.nicknames
    assert nickname_related("Bill", "William") and not nickname_related("Bill", "Robert")
    assert role_heads("the chief executive and a historian") == ("chief executive", "historian")


def test_an_unknown_section_is_named_with_its_line() -> None:
    text = edited("role_bases:", "role_basis:")
    with pytest.raises(RuleError) as caught:
        parse_people_vocab(text, "people.yaml")
    assert caught.value.line == line_of(text, "role_basis:")
    assert "unknown section 'role_basis'" in str(caught.value)


def test_a_missing_section_is_named() -> None:
    start = PACKAGED.index("\nnicknames:")
    with pytest.raises(RuleError, match=r"missing section.*nicknames"):
        parse_people_vocab(PACKAGED[:start], "people.yaml")


def test_a_word_given_twice_in_a_block_is_an_error_on_its_line() -> None:
    text = edited("role_words: >-\n  historian", "role_words: >-\n  historian historian")
    with pytest.raises(RuleError, match="'historian' is given twice") as caught:
        parse_people_vocab(text, "people.yaml")
    assert caught.value.line == line_of(text, "role_words:") + 1


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("role_words: >-\n  historian", "role_words: >-\n  Historian", "one word in lower case"),
        ("honorifics: >-\n  mr mrs ms mx dr prof sir dame", "honorifics: [mr, dr]", "'honorifics' must be a block"),
        ("  - anthony tony\n", "  - anthony\n", "needs two names or more"),
        ("  chair: chairman\n", "  chair: [chairman]\n", "must map a phrase"),
        ("role_phrases:\n", "role_phrases: prime minister\n", "must be a list of phrases"),
    ],
)
def test_malformed_entries_are_errors(old: str, new: str, message: str) -> None:
    with pytest.raises(RuleError, match=message):
        parse_people_vocab(edited(old, new), "people.yaml")


def test_invalid_yaml_and_an_empty_file_are_errors_not_tracebacks() -> None:
    with pytest.raises(RuleError, match="invalid YAML") as caught:
        parse_people_vocab("titles: >-\n  dr\nrole_words: [unclosed\n", "people.yaml")
    assert caught.value.line is not None
    with pytest.raises(RuleError, match="empty"):
        parse_people_vocab("", "people.yaml")
