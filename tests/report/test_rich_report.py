"""Tests of the rich (terminal) reporter.

The report is rendered to a string at a fixed width with colour off and
compared byte for byte with ``snapshots/rich_80.txt`` (passages stacked),
``snapshots/rich_120.txt`` (two articles side by side) and
``snapshots/rich_50.txt`` (a narrow terminal: paths shortened).  After an
intended change, regenerate the snapshots and review the diff::

    UPDATE_SNAPSHOTS=1 pytest tests/report

Without ``UPDATE_SNAPSHOTS=1`` a missing snapshot is a failure.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest
from rich.cells import cell_len

from factcheck.model import DocumentSummary, ErrorEntry, Finding, Location, Report, Severity
from factcheck.report import ReportOptions, rich_report
from factcheck.report.rich_report import (
    CONTEXT_WINDOW,
    clean,
    context_text,
    document_about,
    passage_text,
    short_names,
    shorten_name,
    shorten_path,
    window,
)

Snapshot = Callable[[str, str], None]


@pytest.fixture
def report(stories_report: Report) -> Report:
    """Here the shared report is the one with two stories (``conftest.build_stories_report``)."""
    return stories_report


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


def make_finding(*locations: Location, message: str = "m", severity: Severity = Severity.ERROR) -> Finding:
    return Finding(
        id="0123456789abcdef0123",
        rule="numbers.conflict",
        kind="numeric_conflict",
        severity=severity,
        message=message,
        subject=None,
        locations=locations,
    )


def one_finding(*locations: Location, message: str = "m", severity: Severity = Severity.ERROR) -> Report:
    finding = make_finding(*locations, message=message, severity=severity)
    paths = dict.fromkeys(loc.path for loc in locations)
    docs = tuple(DocumentSummary(path=path, title=None, date=None, claims=1) for path in paths)
    return Report(documents=docs, findings=(finding,), errors=())


# -- snapshots and invariants -------------------------------------------------


def test_matches_snapshot_at_80_columns(report: Report, snapshot: Snapshot) -> None:
    snapshot("rich_80.txt", render(report, width=80))


def test_matches_snapshot_at_120_columns(report: Report, snapshot: Snapshot) -> None:
    snapshot("rich_120.txt", render(report, width=120))


def test_matches_snapshot_at_50_columns(report: Report, snapshot: Snapshot) -> None:
    snapshot("rich_50.txt", render(report, width=50))


def test_two_renders_give_identical_bytes(report: Report) -> None:
    assert render(report).encode() == render(report).encode()
    assert render(report, color=True).encode() == render(report, color=True).encode()


@pytest.mark.parametrize("width", [120, 100, 80, 64, 63, 50, 40])
def test_no_line_is_wider_than_the_terminal(report: Report, width: int) -> None:
    assert long_lines(render(report, width=width), width) == []


def test_layout(report: Report) -> None:
    text = render(report)
    lines = text.splitlines()
    assert lines[0] == "factcheck: 3 documents, 7 claims, 1 input error"
    assert "╭─ error · numbers.conflict ─" in text  # severity and rule; the kind is the rule's business
    assert "numeric_conflict" not in text
    inside = [line.strip("│ ") for line in lines]
    assert "news/reuters/2024-02-22-sanctions.md:7" in inside  # the file as path:line, on a line of its own
    assert "Reuters, 22 February 2024" in text
    assert "wire.example.org, 20 February 2024" in text  # no outlet: the site of its url
    assert "Input errors\n  news/archive/broken.html: cannot decode as UTF-8" in text
    assert lines[-1] == "1 error, 2 warnings, 0 info in 3 documents."
    assert text.endswith("\n")


def test_no_fingerprint_in_the_terminal(report: Report) -> None:
    for width in (50, 80, 120):
        text = render(report, width=width)
        for finding in report.findings:
            assert finding.id not in text


def test_findings_are_grouped_under_their_story(report: Report) -> None:
    text = render(report)
    sanctions = text.index("━━ Russia, Castellum.AI ━")
    harbour = text.index("━━ Marrowby ━")
    assert "2 findings, 2 articles" in text and "1 finding, 1 article" in text
    assert sanctions < text.index("numbers.conflict") < text.index("names.misattribution") < harbour
    assert harbour < text.index("internal.arithmetic")
    assert "[story:" not in text  # the heading says it


def test_stories_come_in_the_order_of_their_first_finding(report: Report) -> None:
    conflict, misattribution, arithmetic = report.findings
    text = render(replace(report, findings=(arithmetic, conflict, misattribution)))
    assert text.index("━━ Marrowby") < text.index("━━ Russia")
    assert text.index("numbers.conflict") < text.index("names.misattribution")  # the report's order inside


def test_one_story_has_no_heading(report: Report) -> None:
    documents = tuple(replace(d, story="Russia") for d in report.documents)
    text = render(replace(report, documents=documents))
    assert "━━" not in text
    assert text.index("numbers.conflict") < text.index("names.misattribution") < text.index("internal.arithmetic")


def test_a_story_note_of_another_story_stays_in_the_message(report: Report) -> None:
    documents = tuple(replace(d, story="Harbour" if d.story == "Marrowby" else "Sanctions") for d in report.documents)
    assert "[story: Russia, Castellum.AI]" in render(replace(report, documents=documents))


def test_a_long_story_name_is_wrapped_not_cut(report: Report) -> None:
    name = "Kahramanmaras, Gaziantep, Hatay, Adiyaman, Malatya, Osmaniye, Sanliurfa, Diyarbakir"
    documents = tuple(replace(d, story=name) if d.story == "Marrowby" else d for d in report.documents)
    text = render(replace(report, documents=documents), width=50)
    assert long_lines(text, 50) == []
    words = " ".join(line for line in text.splitlines()[:40] if "Kahramanmaras" in line or "Diyarbakir" in line)
    assert "Kahramanmaras," in words and "Diyarbakir" in words


def test_two_articles_stand_side_by_side_when_wide(report: Report) -> None:
    wide = render(report, width=120).splitlines()
    [heads] = [line for line in wide if "news/reuters/2024-02-22-sanctions.md:7" in line]
    assert "news/wire/sanctions-tracker.md:5" in heads
    narrow = render(report, width=80).splitlines()
    assert not any("sanctions.md:7" in line and "tracker.md:5" in line for line in narrow)


def test_passages_follow_the_order_the_message_names_them(report: Report) -> None:
    conflict = report.findings[0]
    swapped = replace(conflict, locations=conflict.locations[::-1])
    text = render(replace(report, findings=(swapped,)), width=120)
    [heads] = [line for line in text.splitlines() if "sanctions.md:7" in line]
    assert heads.index("sanctions.md:7") < heads.index("tracker.md:5")


def test_paths_in_the_message_are_the_shortest_unique_names(report: Report) -> None:
    text = render(report, width=120)
    assert "at least 21,692 in 2024-02-22-sanctions.md but 18,000 in sanctions-tracker.md" in text


def test_claims_of_one_sentence_share_one_passage(report: Report) -> None:
    text = render(report, width=120)
    assert text.count("marrowby-harbour-traffic.md:6") == 1
    assert "handled »41,200« containers in March 2025, up from »38,900« a year earlier, a rise of »3,200«." in text


def test_many_articles_are_listed_after_a_few_passages() -> None:
    sentence = "The flood destroyed 900 homes."
    locations = [replace(sentence_location(sentence, "900"), path=f"news/site{n:02d}.md") for n in range(16)]
    report = one_finding(*locations, message="16 articles agree")
    text = render(report)
    assert text.count("The flood destroyed »900« homes.") == rich_report.MAX_PASSAGES
    assert "Also in:" in text
    listed = [line for line in text.splitlines() if "news/site" in line and ".md:3" in line]
    assert len(listed) == rich_report.MAX_PASSAGES + rich_report.MAX_LISTED
    assert f"and {16 - rich_report.MAX_PASSAGES - rich_report.MAX_LISTED} more" in text


def test_plain_output_has_no_trailing_spaces_outside_panels(report: Report) -> None:
    for line in render(report).splitlines():
        if not line.startswith(("│", "╭", "╰")):
            assert line == line.rstrip()


def test_empty_report_says_no_findings(empty_report: Report) -> None:
    assert render(empty_report) == "factcheck: 0 documents, 0 claims\n\nNo findings in 0 documents.\n"


def test_no_findings_but_documents(report: Report) -> None:
    text = render(replace(report, findings=(), errors=()))
    assert "╭" not in text and "Input errors" not in text and "━━" not in text
    assert text.splitlines()[-1] == "No findings in 3 documents."


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
    report = one_finding(sentence_location(sentence, "900", path=path), message="z" * 200 + f" in {path}")
    report = replace(report, errors=(ErrorEntry(path, "unreadable"),))
    for width in (120, 80, 50, 30):
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
    assert "error - numbers.conflict" in text
    assert ">>Josep" in text or ">>Josep Borrell<<" in text
    assert "== Marrowby ===" in text


def test_writes_only_to_the_given_stream(report: Report, capsys: pytest.CaptureFixture[str]) -> None:
    render(report, color=True)
    captured = capsys.readouterr()
    assert captured.out == captured.err == ""


# -- paths ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "width", "shown"),
    [
        ("news/a.md", 20, "news/a.md"),
        ("news/reuters/2024/02/22/sanctions.md", 36, "news/reuters/2024/02/22/sanctions.md"),
        ("news/reuters/2024/02/22/sanctions.md", 30, "news/reuters/…/sanctions.md"),
        ("news/reuters/2024/02/22/sanctions.md", 20, "news/…/sanctions.md"),
        ("news/reuters/2024/02/22/sanctions.md", 14, "…/sanctions.md"),
        ("news/reuters/2024-02-22-sanctions.md", 16, "2024-02-…ions.md"),
        ("/srv/archive/2024/a.md", 12, "/srv/…/a.md"),
        ("2024-02-22-sanctions.md", 12, "2024-0…ns.md"),
    ],
)
def test_shorten_path(path: str, width: int, shown: str) -> None:
    assert shorten_path(path, width) == shown
    assert cell_len(shown) <= width


def test_a_shortened_path_keeps_its_file_name_whenever_it_fits() -> None:
    path = "archive/" + "very-long-directory-name/" * 6 + "floods-in-valencia.md"
    for width in range(len("…/floods-in-valencia.md"), len(path) + 1):
        shown = shorten_path(path, width)
        assert shown.endswith("/floods-in-valencia.md") and cell_len(shown) <= width
        assert shown == path or "…/" in shown


def test_shorten_name_keeps_the_extension() -> None:
    assert shorten_name("2024-02-22-sanctions-on-russia.md", 16) == "2024-02-…ssia.md"
    assert shorten_name("a.md", 10) == "a.md"
    assert shorten_name("東京都の記事です.md", 10) == "東京….md"  # wide characters are never cut in half
    assert cell_len(shorten_name("東京都の記事です.md", 10)) <= 10


def test_ascii_ellipsis() -> None:
    assert shorten_path("news/reuters/2024/02/22/sanctions.md", 22, "...") == "news/.../sanctions.md"


def test_short_names_are_the_shortest_unique_tails() -> None:
    names = short_names(["news/2024/index.md", "news/2023/index.md", "news/wire/a.md", "b.md", "x/b.md"])
    assert names == {
        "news/2024/index.md": "2024/index.md",
        "news/2023/index.md": "2023/index.md",
        "news/wire/a.md": "a.md",
        "b.md": "b.md",
        "x/b.md": "x/b.md",
    }


def test_paths_are_never_broken_across_lines() -> None:
    path = "archive/2024/regional-desk/" + "flood-coverage-" * 5 + "valencia.md"
    sentence = "The flood destroyed 900 homes."
    other = replace(sentence_location(sentence, "900"), path="news/b.md")
    report = one_finding(sentence_location(sentence, "900", path=path), other, message=f"900 in {path}")
    for width in (120, 80, 50, 40):
        text = render(report, width=width)
        assert long_lines(text, width) == []
        heads = [line.strip("│ ").split("   ")[0] for line in text.splitlines() if "valencia.md:3" in line]
        assert heads, width
        for head in heads:  # directories from the start, or the file name alone with its middle left out
            assert head.startswith(("archive/", "…/")) or ("/" not in head and "…" in head), head
            assert head.endswith("valencia.md:3")
        # the message names it by its file name: never cut in two
        assert "valencia.md" in text.replace("\n", " ")


def test_passage_with_claims_out_of_order() -> None:
    sentence = "Of 900 homes, 300 were destroyed and 600 damaged."
    group = [sentence_location(sentence, "600"), sentence_location(sentence, "900")]
    assert passage_text(group, "red").plain == "Of »900« homes, 300 were destroyed and »600« damaged."


@pytest.mark.parametrize(
    ("outlet", "url", "about"),
    [
        ("Coast Herald", "https://www.example.org/a", "Coast Herald, 2 April 2025"),
        (None, "https://www.example.org/a", "example.org, 2 April 2025"),
        ("  ", "http://[::1", "2 April 2025"),
        (None, None, "2 April 2025"),
    ],
)
def test_the_outlet_else_the_site_of_the_url(outlet: str | None, url: str | None, about: str) -> None:
    summary = DocumentSummary("a.md", None, date(2025, 4, 2), 1, outlet=outlet, url=url)
    assert document_about(summary) == about
    assert document_about(replace(summary, date=None)) == about.removesuffix("2 April 2025").removesuffix(", ")


def test_clean_replaces_exactly_the_control_characters_and_bidi_overrides() -> None:
    every = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)
    bidi = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    expected = "".join(" " if unicodedata.category(ch) == "Cc" or ch in bidi else ch for ch in every)
    assert clean(every) == expected
    assert clean("a\nb\tc", keep_newlines=True) == "a\nb c"


def test_each_rule_links_to_its_page_and_the_report_says_where_to_read_about_rules(report: Report) -> None:
    from factcheck.report import RuleInfo

    pages = "https://github.com/factcheck/factcheck/blob/main/docs/rules/"
    rules = tuple(RuleInfo(f.rule, "error", help_uri=f"{pages}{f.rule}.md") for f in report.findings)
    out = io.StringIO()
    rich_report.write(report, out, ReportOptions(color=True, width=120, rules=rules))
    text = out.getvalue()
    for finding in report.findings:  # an OSC 8 hyperlink on the rule name in each box title
        assert "\x1b]8;id=" in text and f"{pages}{finding.rule}.md" in text
    plain = io.StringIO()
    rich_report.write(report, plain, ReportOptions(color=False, width=120, rules=rules))
    assert "What a rule checks: factcheck rule ID, or " + pages in plain.getvalue()
