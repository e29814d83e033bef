"""The pipeline's progress callback and what the report says about each document."""

from __future__ import annotations

from pathlib import Path

from factcheck.pipeline import check, story_names

TRADE = "Bilateral trade between Russia and China reached {} in 2024, customs data showed.\n"
FERRY = (
    "The Marrowby ferry carried {} passengers on its first crossing of the Selvik strait, the harbour master said.\n"
)


def _corpus(tmp_path: Path) -> Path:
    (tmp_path / "a.md").write_text(
        "---\ndate: 2025-01-10\noutlet: Coast Herald\nurl: https://example.org/a\n---\n" + TRADE.format("$244bn"),
        encoding="utf-8",
    )
    (tmp_path / "b.md").write_text(TRADE.format("$200bn"), encoding="utf-8")
    (tmp_path / "c.md").write_text(FERRY.format("412"), encoding="utf-8")
    (tmp_path / "d.md").write_text(FERRY.format("412"), encoding="utf-8")
    return tmp_path


def test_progress_names_every_phase_of_the_run(tmp_path: Path) -> None:
    calls: list[tuple[str, int, int]] = []
    check([str(_corpus(tmp_path))], select=["numbers", "documents"], progress=lambda *call: calls.append(call))
    phases = list(dict.fromkeys(phase for phase, _done, _total in calls))
    assert phases == [
        "loading",
        "extracting",
        "linking",
        "rule documents.near_copy",
        "rule numbers.conflict",
        "suppressing",
    ]
    assert [call for call in calls if call[0] == "extracting"] == [("extracting", n, 4) for n in range(1, 5)]
    assert ("rule numbers.conflict", 1, 2) in calls
    assert all(0 <= done <= total or total == 0 for _phase, done, total in calls)


def test_without_a_callback_nothing_is_reported(tmp_path: Path) -> None:
    assert check([str(_corpus(tmp_path))], select=["numbers"]).findings


def test_documents_carry_outlet_url_and_story(tmp_path: Path) -> None:
    report = check([str(_corpus(tmp_path))], select=["numbers"])
    by_name = {Path(d.path).name: d for d in report.documents}
    assert (by_name["a.md"].outlet, by_name["a.md"].url) == ("Coast Herald", "https://example.org/a")
    assert (by_name["b.md"].outlet, by_name["b.md"].url) == (None, None)
    assert by_name["a.md"].story == by_name["b.md"].story
    assert by_name["c.md"].story == by_name["d.md"].story != by_name["a.md"].story
    assert all(d.story for d in report.documents)


def test_stories_that_share_a_name_are_told_apart() -> None:
    assert story_names([0, 1, 0, 2], ["Valencia", "Valencia", "Marrowby"]) == (
        "Valencia",
        "Valencia (2)",
        "Valencia",
        "Marrowby",
    )
