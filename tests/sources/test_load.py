"""The load stage end to end: paths in, documents and error entries out."""

from __future__ import annotations

import io
import os
from datetime import date
from pathlib import Path
from typing import IO, Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factcheck.sources
from factcheck.errors import UsageError
from factcheck.model import ErrorEntry
from factcheck.sources import load_paths, load_text

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_seeds_load_without_errors() -> None:
    paths = sorted(str(path) for path in SEEDS.iterdir() if path.is_file())
    documents, errors = load_paths(paths)
    assert errors == []
    assert len(documents) == 5
    for document in documents:
        # Plain text is all prose, except the page chrome around seed 001 (a scraped page).
        if "001_" not in document.path:
            assert document.prose == document.text
        assert document.text.strip()


def test_a_bad_directory_gives_documents_and_error_entries(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text("# Good\n\nOfficials said 1,200 homes.\n", encoding="utf-8")
    (tmp_path / "also-good.txt").write_text("Plain text 3.\n", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Le café a fermé après 30 ans.\n".encode("latin-1"))
    (tmp_path / "random.txt").write_bytes(os.urandom(200) + b"\x00" + os.urandom(200))
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "blank.md").write_text("  \n\n", encoding="utf-8")
    os.symlink(tmp_path / "gone.md", tmp_path / "dangling.md")

    documents, errors = load_paths([str(tmp_path)])

    assert [Path(d.path).name for d in documents] == ["also-good.txt", "good.md", "latin1.txt"]
    assert "café" in documents[2].text
    assert [(Path(e.path).name, e.message) for e in errors] == [
        ("blank.md", "empty file"),
        ("dangling.md", "cannot read: No such file or directory"),
        ("empty.md", "empty file"),
        ("random.txt", "binary file (contains NUL bytes)"),
    ]


def test_unreadable_file_is_an_error_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked.md"
    locked.write_text("secret\n", encoding="utf-8")
    (tmp_path / "open.md").write_text("open\n", encoding="utf-8")

    def refuse(path: str, mode: str = "r", **options: Any) -> IO[bytes]:
        if path.endswith("locked.md"):
            raise PermissionError(13, "Permission denied", path)
        return open(path, mode, **options)

    # Simulated: tests may run as root, who can read a chmod 0 file.
    monkeypatch.setattr(factcheck.sources, "open", refuse, raising=False)
    documents, errors = load_paths([str(tmp_path)])
    assert [Path(d.path).name for d in documents] == ["open.md"]
    assert errors == [ErrorEntry(str(locked), "cannot read: Permission denied")]


def test_missing_path_stops_the_run_before_reading(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("text\n", encoding="utf-8")
    with pytest.raises(UsageError, match="no such file or directory"):
        load_paths([str(tmp_path), str(tmp_path / "missing")])


def test_output_is_sorted_by_path(tmp_path: Path) -> None:
    for name in ("c.md", "a.md", "b.md"):
        (tmp_path / name).write_text(f"{name}\n", encoding="utf-8")
    (tmp_path / "bb.md").write_bytes(b"")
    (tmp_path / "aa.md").write_bytes(b"")
    names = [str(tmp_path / n) for n in ("c.md", "bb.md", "a.md", "aa.md", "b.md")]
    documents, errors = load_paths(names)
    assert [d.path for d in documents] == sorted(d.path for d in documents)
    assert [Path(d.path).name for d in documents] == ["a.md", "b.md", "c.md"]
    assert [Path(e.path).name for e in errors] == ["aa.md", "bb.md"]


def test_byte_order_mark_is_stripped(tmp_path: Path) -> None:
    (tmp_path / "bom.md").write_bytes(b"\xef\xbb\xbf---\ntitle: Bom\n---\nText 5.\n")
    [document], errors = load_paths([str(tmp_path / "bom.md")])
    assert errors == []
    assert document.text.startswith("---")
    assert document.title == "Bom"


def test_crlf_file_positions(tmp_path: Path) -> None:
    (tmp_path / "crlf.txt").write_bytes(b"First line\r\nSecond line\r\nThe flood hit 1,200 homes.\r\n")
    [document], _ = load_paths([str(tmp_path / "crlf.txt")])
    offset = document.text.index("1,200")
    assert document.position(offset) == (3, 15)
    assert document.text[offset : offset + 5] == "1,200"


def test_front_matter_fields_and_meta(tmp_path: Path) -> None:
    text = "---\ntitle: Floods\ndate: 14 March 2025\nauthor: Ana Ruiz\ntime: 1:30\nflag: NO\n---\n# Head\n\nBody 7.\n"
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    [document], errors = load_paths([str(tmp_path)])
    assert errors == []
    assert (document.title, document.date, document.author) == ("Floods", date(2025, 3, 14), "Ana Ruiz")
    assert dict(document.meta)["time"] == "1:30"
    assert dict(document.meta)["flag"] == "NO"
    body = document.text.index("Body 7.")
    assert document.prose[body : body + 7] == "Body 7."
    assert document.prose[: document.text.index("# Head")].strip() == ""


def test_malformed_front_matter_still_loads(tmp_path: Path) -> None:
    (tmp_path / "bad.md").write_text("---\ntitle: a: b\n---\nThe flood hit 40 homes.\n", encoding="utf-8")
    (tmp_path / "late.md").write_text("---\ndate: soon\n---\nText\n", encoding="utf-8")
    documents, errors = load_paths([str(tmp_path)])
    assert [Path(d.path).name for d in documents] == ["bad.md", "late.md"]
    assert "The flood hit 40 homes." in documents[0].prose
    assert [(Path(e.path).name, e.message) for e in errors] == [
        ("bad.md", "front matter line 2: invalid YAML: mapping values are not allowed here"),
        ("late.md", "front matter line 2: cannot parse date 'soon'"),
    ]


def test_stdin_with_a_filename_picks_the_format() -> None:
    stream = io.BytesIO(b"# Title\n\nSee `code 9` and 12 homes.\n")
    [document], errors = load_paths(["-"], stdin_filename="x.md", stdin=stream)
    assert errors == []
    assert document.path == "x.md"
    assert "9" not in document.prose
    assert "12 homes" in document.prose


def test_stdin_text_stream_and_default_name() -> None:
    [document], _ = load_paths(["-"], stdin=io.StringIO("\ufeffPlain `text` 5\n"))
    assert document.path == "<stdin>"
    assert document.text == "Plain `text` 5\n"
    assert document.prose == document.text


def test_empty_stdin_is_an_error_entry() -> None:
    documents, errors = load_paths(["-"], stdin=io.BytesIO(b""))
    assert documents == []
    assert errors == [ErrorEntry("<stdin>", "empty file")]


def test_stdin_sorts_with_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("file\n", encoding="utf-8")
    documents, _ = load_paths([str(tmp_path), "-"], stdin_filename="0.txt", stdin=io.BytesIO(b"stdin\n"))
    assert [d.path for d in documents] == sorted([str(tmp_path / "a.txt"), "0.txt"])


@pytest.mark.parametrize(
    ("path", "blanked"),
    [
        ("a.md", True),
        ("a.MARKDOWN", True),
        ("a.html", True),
        ("a.txt", False),
        ("<text>", False),
    ],
)
def test_load_text_dispatches_on_suffix(path: str, blanked: bool) -> None:
    text = "<p>Visit `x` 1</p>"
    document = load_text(text, path)
    assert len(document.prose) == len(text)
    assert (document.prose != text) is blanked


def test_load_text_sniffs_html_without_a_suffix() -> None:
    document = load_text("<!DOCTYPE html><title>T</title><p>Hello 5</p>", "<stdin>")
    assert document.title == "T"
    assert document.prose.split() == ["Hello", "5"]


def test_front_matter_title_beats_html_title() -> None:
    document = load_text("---\ntitle: From YAML\n---\n<title>From HTML</title><p>x</p>", "page.html")
    assert document.title == "From YAML"


def test_text_file_front_matter_is_read_and_blanked() -> None:
    text = "---\ntitle: Plain\noutlet: Wire\n---\nBody 12.\n"
    document = load_text(text, "story.txt")
    assert (document.title, document.outlet) == ("Plain", "Wire")
    assert document.prose == " " * 3 + "\n" + " " * 12 + "\n" + " " * 12 + "\n" + " " * 3 + "\nBody 12.\n"


@given(
    st.text(alphabet=st.sampled_from(list("ab1 \n\r-:<>/&;#`[]()*_")), max_size=200),
    st.sampled_from(["a.md", "a.html", "a.txt", "<stdin>"]),
)
def test_any_text_loads_with_prose_of_the_same_shape(text: str, path: str) -> None:
    document = load_text(text, path)
    assert len(document.prose) == len(document.text)
    assert [i for i, ch in enumerate(document.prose) if ch == "\n"] == [
        i for i, ch in enumerate(document.text) if ch == "\n"
    ]


# --- Links in a walked directory --------------------------------------------------------------------------


def _tree_with_links(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("The vault holds 9,000 bars of gold.", encoding="utf-8")
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "a.md").write_text("Trade reached $240bn in 2024.", encoding="utf-8")
    (tree / "out.md").symlink_to(outside / "secret.md")
    (tree / "same.md").symlink_to(tree / "a.md")
    return tree


def test_a_walk_does_not_follow_a_link_out_of_the_directory(tmp_path: Path) -> None:
    tree = _tree_with_links(tmp_path)
    documents, errors = load_paths([str(tree)])
    assert [os.path.basename(d.path) for d in documents] == ["a.md"]  # same.md is a.md again
    assert all("gold" not in d.text for d in documents)
    [error] = errors
    assert error.path.endswith("out.md") and "link to a file outside the directory" in error.message


def test_follow_links_reads_a_link_out_of_the_directory(tmp_path: Path) -> None:
    tree = _tree_with_links(tmp_path)
    documents, errors = load_paths([str(tree)], follow_links=True)
    assert sorted(os.path.basename(d.path) for d in documents) == ["a.md", "out.md"]
    assert errors == []


def test_a_link_named_on_the_command_line_is_read(tmp_path: Path) -> None:
    tree = _tree_with_links(tmp_path)
    documents, errors = load_paths([str(tree / "out.md")])
    assert [d.text for d in documents] == ["The vault holds 9,000 bars of gold."] and errors == []
