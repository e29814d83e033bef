"""Tests of the rich (terminal) reporter.

The report is rendered to a string at a fixed width with colour off and
compared byte for byte with ``snapshots/rich_80.txt`` (the table layout) and
``snapshots/rich_50.txt`` (the stacked layout of narrow terminals).  After an
intended change, regenerate the snapshots and review the diff::

    UPDATE_SNAPSHOTS=1 pytest tests/report

Without ``UPDATE_SNAPSHOTS=1`` a missing snapshot is a failure.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable
from dataclasses import replace

import pytest
from rich.cells import cell_len

from factcheck.model import DocumentSummary, ErrorEntry, Finding, Location, Report, Severity
from factcheck.report import ReportOptions, rich_report
from factcheck.report.rich_report import CONTEXT_WINDOW, clean, context_text, window, wrap_path

Snapshot = Callable[[str, str], None]


def render(report: Report, *, width: int | None = 80, color: bool = False) -> str:
    stream = io.StringIO()
    rich_report.write(report, stream, ReportOptions(color=color, width=width))
    return stream.getvalue()


def long_lines(text: str, width: int) -> list[str]:
    return [line for line in text.splitlines() if cell_len(line) > width or len(line) > width]


def sentence_location(sentence: str, claim: str, *, occurrence: int = 0, path: str = "a.md") -> Location:
    """A location for the ``occurrence``-th ``claim`` in ``sentence``, as if the sentence began at offset 1000."""
    index = -1
    for _ in range(occurrence + 1):
        index = sentence.index(claim, index + 1)
    start = 1000 + index
    return Location(
        path=path,
        line=3,
        column=index + 1,
        end_line=3,
        end_column=index + len(claim) + 1,
        start=start,
        end=start + len(claim),
        text=claim,
        value=None,
        unit=None,
        sentence=sentence,
        sentence_offset=1000,
    )


def one_finding(*locations: Location, message: str = "m", severity: Severity = Severity.ERROR) -> Report:
    finding = Finding(
        id="0123456789abcdef0123",
        rule="numbers.conflict",
        kind="numeric_conflict",
        severity=severity,
        message=message,
        subject=None,
        locations=locations,
    )
    docs = tuple(DocumentSummary(path=loc.path, title=None, date=None, claims=1) for loc in locations)
    return Report(documents=docs, findings=(finding,), errors=())


# -- snapshots and invariants -------------------------------------------------


def test_matches_snapshot_at_80_columns(report: Report, snapshot: Snapshot) -> None:
    snapshot("rich_80.txt", render(report, width=80))


def test_matches_snapshot_at_50_columns(report: Report, snapshot: Snapshot) -> None:
    snapshot("rich_50.txt", render(report, width=50))


def test_two_renders_give_identical_bytes(report: Report) -> None:
    assert render(report).encode() == render(report).encode()
    assert render(report, color=True).encode() == render(report, color=True).encode()


@pytest.mark.parametrize("width", [80, 64, 63, 50, 40])
def test_no_line_is_wider_than_the_terminal(report: Report, width: int) -> None:
    assert long_lines(render(report, width=width), width) == []


def test_layout(report: Report) -> None:
    text = render(report)
    lines = text.splitlines()
    assert lines[0] == "factcheck: 2 documents, 4 claims, 1 input error"
    assert "error · numeric_conflict · numbers.conflict" in lines[2]
    assert text.index("numeric_conflict") < text.index("name_misattribution")  # findings in the order given
    for column in ("document", "line:col", "as written", "context"):
        assert column in text
    assert "7:65" in text and "5:34" in text and "8:27" in text
    assert "4f1c2a9d8e7b6c5a3f21" in text
    assert "Input errors\n  news/archive/broken.html: cannot decode as UTF-8" in text
    assert lines[-1] == "1 error, 1 warning, 0 info in 2 documents."
    assert text.endswith("\n")


def test_findings_keep_the_reports_order(report: Report) -> None:
    text = render(replace(report, findings=report.findings[::-1]))
    assert text.index("name_misattribution") < text.index("numeric_conflict")


def test_plain_output_has_no_trailing_spaces_outside_panels(report: Report) -> None:
    for line in render(report).splitlines():
        if not line.startswith(("│", "╭", "╰")):
            assert line == line.rstrip()


def test_empty_report_says_no_findings(empty_report: Report) -> None:
    assert render(empty_report) == "factcheck: 0 documents, 0 claims\n\nNo findings in 0 documents.\n"


def test_no_findings_but_documents(report: Report) -> None:
    text = render(replace(report, findings=(), errors=()))
    assert "╭" not in text and "Input errors" not in text
    assert text.splitlines()[-1] == "No findings in 2 documents."


def test_counts_are_pluralised() -> None:
    location = sentence_location("It cost 5 dollars.", "5")
    report = replace(
        one_finding(location, severity=Severity.INFO),
        errors=(ErrorEntry("x.md", "unreadable"), ErrorEntry("y.md", "unreadable")),
    )
    lines = render(report).splitlines()
    assert lines[0] == "factcheck: 1 document, 1 claim, 2 input errors"
    assert lines[-1] == "0 errors, 0 warnings, 1 info in 1 document."


# -- colour -------------------------------------------------------------------


def test_colour_off_emits_no_escape_sequences(report: Report) -> None:
    assert "\x1b" not in render(report, color=False)


def test_colour_on_emits_ansi_colours(report: Report) -> None:
    text = render(report, color=True)
    assert "\x1b[" in text
    assert "\x1b[31m" in text  # error: red
    assert "\x1b[33m" in text  # warning: yellow
    assert "\x1b[1;4;31m" in text  # the claim: bold, underlined, in the severity's colour


def test_info_is_blue() -> None:
    text = render(one_finding(sentence_location("It cost 5 dollars.", "5"), severity=Severity.INFO), color=True)
    assert "\x1b[34m" in text


def test_colour_ignores_the_environment(report: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    assert "\x1b" not in render(report, color=False)
    monkeypatch.delenv("FORCE_COLOR")
    monkeypatch.delenv("TTY_COMPATIBLE")
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[31m" in render(report, color=True)


def test_width_none_detects_the_terminal(report: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    text = render(report, width=None)
    assert long_lines(text, 100) == []
    assert max(cell_len(line) for line in text.splitlines()) == 100


# -- the claim in its sentence --------------------------------------------------


def test_claim_is_marked_in_plain_output() -> None:
    loc = sentence_location("The flood destroyed 900 homes.", "900")
    assert context_text(loc, "red").plain == "The flood destroyed »900« homes."


def test_claim_is_bold_underlined_in_the_severity_colour() -> None:
    loc = sentence_location("The flood destroyed 900 homes.", "900")
    text = context_text(loc, "red")
    styles = {text.plain[span.start : span.end]: str(span.style) for span in text.spans}
    assert styles["900"] == "bold underline red"


def test_marks_the_right_occurrence() -> None:
    loc = sentence_location("Of 900 homes, 900 were destroyed.", "900", occurrence=1)
    assert context_text(loc, "red").plain == "Of 900 homes, »900« were destroyed."


def test_finds_the_claim_when_the_sentence_was_reflowed() -> None:
    original = "Officials said\n   1,200  homes were destroyed, not 1,200 flats."
    loc = replace(sentence_location(original, "1,200"), sentence=" ".join(original.split()))
    assert context_text(loc, "red").plain == "Officials said »1,200« homes were destroyed, not 1,200 flats."


def test_claim_spanning_a_line_break() -> None:
    loc = sentence_location("They paid $1.2\nbillion for it.", "$1.2\nbillion")
    assert context_text(loc, "red").plain == "They paid »$1.2 billion« for it."


def test_without_a_sentence_the_claim_alone_is_shown() -> None:
    loc = replace(sentence_location("The flood destroyed 900 homes.", "900"), sentence="", sentence_offset=0)
    assert context_text(loc, "red").plain == "»900«"


def test_claim_not_in_sentence_shows_the_sentence_unmarked() -> None:
    loc = replace(sentence_location("The flood destroyed 900 homes.", "900"), text="1,000")
    assert context_text(loc, "red").plain == "The flood destroyed 900 homes."


def test_short_sentences_are_not_trimmed() -> None:
    sentence = "word " * 30 + "42 " + "word " * 1
    shown, start, end = window(sentence.strip(), sentence.index("42"), sentence.index("42") + 2)
    assert "…" not in shown
    assert shown[start:end] == "42"


def test_long_sentences_are_trimmed_around_the_claim_at_word_boundaries() -> None:
    words = [f"w{i:03d}" for i in range(100)]
    sentence = " ".join([*words[:50], "21,692", *words[50:]])
    claim_at = sentence.index("21,692")
    shown, start, end = window(sentence, claim_at, claim_at + 6)
    assert shown.startswith("…") and shown.endswith("…")
    assert shown[start:end] == "21,692"
    assert len(shown) <= CONTEXT_WINDOW + 2
    assert len(shown) > CONTEXT_WINDOW - 12
    body = shown[1:-1]
    assert all(part in sentence.split(" ") for part in body.split(" "))  # no word cut in half
    assert abs(start - (len(shown) - end)) <= 6  # the claim sits near the middle


def test_claim_near_the_start_keeps_the_start() -> None:
    sentence = "In 2022 " + "the tally grew again " * 20
    shown, start, end = window(sentence, 3, 7)
    assert not shown.startswith("…") and shown.endswith("…")
    assert shown[start:end] == "2022"


def test_claim_near_the_end_keeps_the_end() -> None:
    sentence = "the tally grew again " * 20 + "to 21,692."
    claim_at = sentence.index("21,692")
    shown, start, end = window(sentence, claim_at, claim_at + 6)
    assert shown.startswith("…") and not shown.endswith("…")
    assert shown.endswith("to 21,692.")
    assert shown[start:end] == "21,692"


def test_trimmed_context_renders_with_markers() -> None:
    sentence = "the tally grew again " * 10 + "to 21,692 sanctions " + "the tally grew again " * 10
    text = context_text(sentence_location(sentence, "21,692"), "red").plain
    assert text.startswith("…") and text.endswith("…")
    assert "to »21,692« sanctions" in text


# -- untrusted text -------------------------------------------------------------


def test_escape_sequences_in_text_are_neutralised() -> None:
    loc = sentence_location("Evil \x1b[2J sentence with 900 homes\x07.", "900", path="evil\x1b[31m.md")
    report = one_finding(loc, message="clear \x1b[2J screen\r\u202egnp.exe")
    for color in (False, True):
        text = render(report, color=color)
        assert "\x1b[2J" not in text and "\x07" not in text and "\r" not in text and "\u202e" not in text
    assert "\x1b" not in render(report)


def test_markup_in_text_is_not_interpreted() -> None:
    loc = sentence_location("A [bold]tricky[/bold] :smile: sentence with 900 homes.", "900")
    text = render(one_finding(loc, message="[red]not markup[/red]"))
    assert "[red]not markup[/red]" in text
    assert "[bold]tricky[/bold]" in text
    assert ":smile:" in text


def test_long_paths_and_unbreakable_words_fit() -> None:
    path = "archive/" + "very-long-directory-name/" * 6 + "a" * 90 + ".md"
    sentence = "x" * 300 + " has 900 homes and " + "y" * 200
    report = one_finding(sentence_location(sentence, "900", path=path), message="z" * 200)
    for width in (80, 50, 30):
        assert long_lines(render(report, width=width), width) == []


def test_wide_characters_fit() -> None:
    sentence = "東京都は" * 30 + "900戸" + "が被害を受けた" * 20
    report = one_finding(sentence_location(sentence, "900", path="記事/東京.md"))
    for width in (80, 50):
        assert long_lines(render(report, width=width), width) == []


def test_ascii_only_stream(report: Report) -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii", errors="strict")
    rich_report.write(report, stream, ReportOptions(width=80))
    stream.flush()
    text = raw.getvalue().decode("ascii")
    assert "error - numeric_conflict - numbers.conflict" in text
    assert ">>Josep" in text or ">>Josep Borrell<<" in text


def test_writes_only_to_the_given_stream(report: Report, capsys: pytest.CaptureFixture[str]) -> None:
    render(report, color=True)
    captured = capsys.readouterr()
    assert captured.out == captured.err == ""


# -- paths ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "width", "lines"),
    [
        ("news/a.md", 20, ["news/a.md"]),
        ("news/reuters/2024-02-22-sanctions.md", 13, ["news/reuters/", "2024-02-22-", "sanctions.md"]),
        ("news/reuters/2024-02-22-sanctions.md", 24, ["news/reuters/", "2024-02-22-sanctions.md"]),
        ("news/wire/sanctions-tracker.md", 12, ["news/wire/", "sanctions-", "tracker.md"]),
        ("a/b/c/d", 4, ["a/b/", "c/d"]),
    ],
)
def test_wrap_path(path: str, width: int, lines: list[str]) -> None:
    assert wrap_path(path, width) == lines
    assert "".join(wrap_path(path, width)) == path


def test_clean_replaces_exactly_the_control_characters_and_bidi_overrides() -> None:
    every = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)
    bidi = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    expected = "".join(" " if unicodedata.category(ch) == "Cc" or ch in bidi else ch for ch in every)
    assert clean(every) == expected
    assert clean("a\nb\tc", keep_newlines=True) == "a\nb c"
