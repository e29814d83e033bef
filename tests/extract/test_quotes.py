"""Quotations with their speakers: every attribution pattern the check relies on."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.people import extract_people
from factcheck.extract.quotes import Quote, extract_quotes, normalise_quote


def quotes(text: str) -> list[Quote]:
    return list(extract_quotes(text, extract_people(text)))


def speakers(text: str) -> list[tuple[str, str, str]]:
    """(first words of the quote, speaker key, how) for each quote."""
    return [(" ".join(q.text.split()[:3]), q.speaker_key, q.how) for q in quotes(text)]


@pytest.mark.parametrize(
    ("text", "key", "how"),
    [
        # ".…," X said
        ("“The current situation bears no resemblance,” Clarke said.", "name:clarke", "after"),
        # "…", X said (comma outside, British style)
        ("Given Putin’s status as a “persona non grata in the West”, Park said so.", "name:park", "after"),
        # said X
        ("“There is little reason to conclude that,” said Ali Wyne, a researcher.", "person:ali wyne", "after"),
        # X told Al Jazeera
        (
            "“The current situation bears no resemblance,” Michael Clarke told Al Jazeera.",
            "person:michael clarke",
            "after",
        ),
        # X said: "…"
        ("As Putin remarked, “There is ongoing fighting war.”", "name:putin", "before"),
        ("Bush told reporters: “I am convinced that he and I can build a relationship.”", "name:bush", "before"),
        # according to X, "…"
        ("According to the Kremlin, “the talks will go on next week.”", "org:kremlin", "before"),
        # a fragment inside the sentence
        (
            "Historian and strategist Richard Luttwak argued that the bust-up “was all done in the service of "
            "Trump’s larger ambition”.",
            "person:richard luttwak",
            "sentence",
        ),
        (
            "His outreach has gone “far beyond anything we have seen in peace talks”, according to Capital Economics.",
            "org:capital economics",
            "after",
        ),
    ],
)
def test_speaker_patterns(text: str, key: str, how: str) -> None:
    [quote] = quotes(text)
    assert (quote.speaker_key, quote.how) == (key, how)
    assert text[quote.start : quote.end].strip('“”"') == quote.text
    assert text[quote.speaker_start : quote.speaker_end] == quote.speaker
    assert quote.passage_start <= quote.start < quote.end <= quote.passage_end


@pytest.mark.parametrize(
    "text",
    [
        "“We will rebuild the harbour wall before winter,” said the city's planning chief, Ana Ruiz.",
        "“We will rebuild the harbour wall before winter,” the port's director, Ana Ruiz, said.",
        "“We will rebuild the harbour wall before winter,” said transport minister Ana Ruiz.",
        "The harbour master, Ana Ruiz, said: “We will rebuild the harbour wall before winter.”",
    ],
)
def test_a_speaker_described_before_the_name_is_the_name(text: str) -> None:
    assert speakers(text) == [("We will rebuild", "person:ana ruiz", speakers(text)[0][2])]
    assert speakers(text)[0][2] in ("after", "before")


def test_a_described_body_is_still_vague() -> None:
    assert speakers("“We will rebuild the harbour wall,” the ministry said.")[0][1] == ""


def test_a_quote_over_several_sentences_has_one_speaker() -> None:
    text = (
        "“I am convinced that he and I can build a relationship of mutual respect and candour. And I’m "
        "convinced that it’s important for the world that we do so,” Bush told reporters."
    )
    [quote] = quotes(text)
    assert quote.speaker == "Bush"
    assert "And I’m convinced" in quote.text


def test_a_quote_that_goes_on_after_an_attributed_one() -> None:
    text = (
        "“There is little, if any, reason to conclude that Putin sees this as normal,” said Wyne. "
        "“He likely discerns a brief window of opportunity.”"
    )
    assert speakers(text) == [
        ("There is little,", "name:wyne", "after"),
        ("He likely discerns", "name:wyne", "continued"),
    ]


def test_he_said_resolves_to_the_last_person_who_spoke() -> None:
    text = (
        "Michael Clarke, a historian at Deakin University, spoke first. Clarke agreed.\n\n"
        "“Russia and China are in strong alignment and have clear incentives,” he said."
    )
    [quote] = quotes(text)
    assert (quote.speaker_key, quote.how, quote.speaker_name) == ("person:michael clarke", "pronoun", "Michael Clarke")


def test_a_surname_resolves_to_the_person_of_the_article() -> None:
    text = (
        "Jaehan Park, an assistant professor in Singapore, spoke. “Nixon was able to do what he did because he "
        "was characterised as a staunch anti-Communist,” Park told Al Jazeera."
    )
    [quote] = quotes(text)
    assert quote.speaker_key == "person:jaehan park"
    assert quote.speaker_name == "Jaehan Park"


@pytest.mark.parametrize(
    "text",
    [
        "“Putin went through a hell of a lot with me,” Trump said, quoting an aide.",
        "“We will never give up,” he repeated, echoing the president.",
        "Officials warned of “a long and difficult winter for everyone in the region”.",
        "Zelenskyy responded to Trump, who had said that Ukraine “started the war and should have made a deal”.",
    ],
)
def test_no_speaker_when_words_are_passed_on_or_unattributed(text: str) -> None:
    [quote] = quotes(text)
    assert quote.speaker_key == ""


def test_vague_speakers_have_no_key() -> None:
    [quote] = quotes("“The talks will continue next week in Riyadh,” the ministry said.")
    assert quote.speaker == "the ministry"
    assert quote.speaker_key == ""


def test_normalise_quote() -> None:
    assert normalise_quote("Russia and China are … in strong alignment") == normalise_quote(
        "russia and china are in strong alignment"
    )
    assert normalise_quote("what he [Putin] gains") == "what he gains"
    assert normalise_quote("it’s") == normalise_quote("it's")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["“", "”", '"', ",", ".", "said", "Clarke", "Michael", "he", "told", "Al", "Jazeera", ":", "\n", "the", "x"]
        ),
        max_size=80,
    )
)
def test_extraction_never_raises_and_spans_are_slices(words: list[str]) -> None:
    text = " ".join(words)
    for quote in quotes(text):
        assert text[quote.start + 1 : quote.end - 1] == quote.text
        assert text[quote.speaker_start : quote.speaker_end] == quote.speaker
        assert 0 <= quote.passage_start <= quote.start <= quote.end <= quote.passage_end <= len(text)
