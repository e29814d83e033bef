"""Word .docx files: paragraphs and table cells in document order, one a line.

The files are made with python-docx inside each test, like a newsroom's
export: a headline, body paragraphs, a table of figures with a merged
header cell, a line break inside a paragraph, and core properties.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from factcheck.model import ErrorEntry
from factcheck.pipeline import extract_all
from factcheck.sources import DEFAULT_INCLUDE, load_paths
from factcheck.sources.docx import DocxError, check_unpacked_size, docx_layout, open_docx, read_docx

PARAGRAPHS = [
    "Flood defences fail as the Riverside bursts its banks",
    "More than 1,200 homes were flooded on Thursday night, the county council said.",
    "",
    "The water rose by 2.4 metres in six hours.",
]


def _make_docx(path: Path) -> Path:
    document = docx.Document()
    document.core_properties.title = "Flood defences fail"
    document.core_properties.author = "Maria Lopez"
    document.core_properties.created = datetime(2025, 3, 14, 6, 10)
    document.add_heading(PARAGRAPHS[0], level=1)
    document.add_paragraph(PARAGRAPHS[1])
    document.add_paragraph(PARAGRAPHS[2])
    document.add_paragraph(PARAGRAPHS[3])
    table = document.add_table(rows=3, cols=2)
    header = table.cell(0, 0).merge(table.cell(0, 1))
    header.text = "Damage by district"
    table.cell(1, 0).text = "North"
    table.cell(1, 1).text = "640 homes"
    table.cell(2, 0).text = "South"
    table.cell(2, 1).text = "560 homes"
    broken = document.add_paragraph("Rescuers saved 86 people")
    broken.add_run().add_break()
    broken.add_run("overnight, police said.")
    document.add_paragraph("Insurers put the damage at £60m.")
    document.save(str(path))
    return path


EXPECTED_LINES = [
    *PARAGRAPHS,
    "Damage by district",  # a merged cell is read once
    "North",
    "640 homes",
    "South",
    "560 homes",
    "Rescuers saved 86 people overnight, police said.",  # the line break is a space
    "Insurers put the damage at £60m.",
]


def test_docx_text_is_paragraphs_and_cells_in_order(tmp_path: Path) -> None:
    path = _make_docx(tmp_path / "story.docx")
    [document], errors = load_paths([str(path)])
    assert errors == []
    assert document.text.split("\n") == EXPECTED_LINES
    assert document.prose == document.text
    assert (document.title, document.author, document.date) == ("Flood defences fail", "Maria Lopez", date(2025, 3, 14))


def test_docx_locations_are_paragraph_numbers(tmp_path: Path) -> None:
    path = _make_docx(tmp_path / "story.docx")
    documents, _ = load_paths([str(path)])
    [document] = documents
    claims = extract_all(documents)[0]
    where = {claim.text: document.position(claim.start) for claim in claims}
    assert where["More than 1,200"] == (2, 1)
    assert where["2.4 metres"] == (4, 19)
    assert where["640"][0] == 7
    assert where["86"] == (10, 16)
    assert where["£60m"][0] == 11
    for claim in claims:
        assert document.text[claim.start : claim.end] == claim.text


def _add_hyperlink_and_insertion(path: Path) -> bytes:
    """The fixture with a paragraph holding a tab, a hyperlink's runs and a tracked insertion (not read)."""
    document = docx.Document(str(path))
    paragraph = document.add_paragraph("Figures:\t")
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), "table")
    for words in ("the council's ", "tables"):
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = words
        text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        run.append(text)
        link.append(run)
    paragraph._p.append(link)
    inserted = OxmlElement("w:ins")
    inserted.set(qn("w:id"), "7")
    inserted.set(qn("w:author"), "Desk")
    inserted_run = OxmlElement("w:r")
    inserted_text = OxmlElement("w:t")
    inserted_text.text = " (revised)"
    inserted_run.append(inserted_text)
    inserted.append(inserted_run)
    paragraph._p.append(inserted)
    paragraph.add_run(" list 1,200 homes.").bold = True
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_the_run_layout_builds_the_loader_s_text(tmp_path: Path) -> None:
    data = _add_hyperlink_and_insertion(_make_docx(tmp_path / "story.docx"))
    layout = docx_layout(open_docx(data))
    assert layout.text == read_docx(data).text
    assert layout.text.split("\n")[-1] == "Figures:\tthe council's tables list 1,200 homes."
    for item in layout.runs:  # each run's characters are its own text (a line break as a space)
        assert layout.text[item.start : item.end] == item.run.text.replace("\n", " ")
    assert [layout.text[a:b] for a, b in layout.paragraphs] == layout.text.split("\n")


def test_docx_is_found_in_directories(tmp_path: Path) -> None:
    assert "*.docx" in DEFAULT_INCLUDE
    _make_docx(tmp_path / "story.docx")
    (tmp_path / "other.txt").write_text("Plain text 3.\n", encoding="utf-8")
    documents, errors = load_paths([str(tmp_path)])
    assert errors == []
    assert [Path(d.path).name for d in documents] == ["other.txt", "story.docx"]


def test_docx_from_stdin_with_a_filename(tmp_path: Path) -> None:
    data = _make_docx(tmp_path / "story.docx").read_bytes()
    [document], errors = load_paths(["-"], stdin_filename="wire.docx", stdin=io.BytesIO(data))
    assert errors == []
    assert document.path == "wire.docx"
    assert document.text.split("\n") == EXPECTED_LINES


def _zip(entries: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        b"This is not a Word file at all.\n",
        b"PK\x03\x04" + b"\x00" * 40,
        _zip({"hello.txt": "a zip, but no Word document in it"}),
    ],
    ids=["text", "truncated-zip", "zip-without-document"],
)
def test_corrupt_docx_is_an_error_entry(tmp_path: Path, data: bytes) -> None:
    (tmp_path / "broken.docx").write_bytes(data)
    (tmp_path / "good.txt").write_text("The flood hit 40 homes.\n", encoding="utf-8")
    documents, errors = load_paths([str(tmp_path)])
    assert [Path(d.path).name for d in documents] == ["good.txt"]
    [error] = errors
    assert Path(error.path).name == "broken.docx"
    assert error.message.startswith("cannot read .docx: ")
    with pytest.raises(DocxError):
        read_docx(data)


def test_corrupt_document_xml_is_an_error_entry(tmp_path: Path) -> None:
    good = _make_docx(tmp_path / "story.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(good)) as archive:
        entries = {name: archive.read(name).decode("utf-8", "replace") for name in archive.namelist()}
    entries["word/document.xml"] = "<w:document><w:body><w:p>unclosed"
    path = tmp_path / "mangled.docx"
    path.write_bytes(_zip(entries))
    documents, errors = load_paths([str(path)])
    assert documents == []
    assert [e.message.startswith("cannot read .docx: ") for e in errors] == [True]


def test_template_placeholders_are_not_the_document_s(tmp_path: Path) -> None:
    path = tmp_path / "plain.docx"
    document = docx.Document()
    document.add_paragraph("The flood hit 40 homes.")
    document.save(str(path))
    [loaded], _ = load_paths([str(path)])
    assert (loaded.title, loaded.author, loaded.date) == (None, None, None)


def test_empty_docx_is_an_error_entry(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    docx.Document().save(str(path))
    documents, errors = load_paths([str(path)])
    assert documents == []
    assert errors == [ErrorEntry(str(path), "empty file")]


def _with_document_xml(tmp_path: Path, edit) -> bytes:  # type: ignore[no-untyped-def]
    """A real .docx whose word/document.xml is passed through ``edit`` (bytes -> bytes)."""
    word = docx.Document()
    word.add_paragraph("Trade reached $240bn in 2024. ENTITY")
    word.add_paragraph("The second paragraph stays.")
    buffer = io.BytesIO()
    word.save(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            content = source.read(name)
            if name == "word/document.xml":
                content = edit(content)
            target.writestr(name, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def test_a_zip_bomb_is_refused_before_it_is_inflated_whole(tmp_path: Path) -> None:
    # 40 MB of empty paragraphs compress to a few hundred KB; the limit is lowered so the test is quick.
    data = _with_document_xml(tmp_path, lambda xml: xml.replace(b"<w:body>", b"<w:body>" + b"<w:p/>" * 7_000_000, 1))
    assert len(data) < 1_000_000
    with pytest.raises(DocxError, match="unpacks to more than 16 MB"):
        check_unpacked_size(data, limit=16 * 2**20)
    check_unpacked_size(data)  # under the real limit: read as usual


def test_a_zip_that_lies_about_its_sizes_is_counted_as_it_inflates(tmp_path: Path) -> None:
    data = bytearray(_with_document_xml(tmp_path, lambda xml: xml + b" " * 4_000_000))
    # Rewrite document.xml's declared size (local header and central directory) to 1 KB.
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    real = info.file_size.to_bytes(4, "little")
    data = bytearray(bytes(data).replace(real, (1024).to_bytes(4, "little")))
    with pytest.raises(DocxError):
        check_unpacked_size(bytes(data), limit=2 * 2**20)


def test_an_external_entity_is_dropped_and_the_text_around_it_kept(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'.encode()
    data = _with_document_xml(tmp_path, lambda xml: xml.replace(b"ENTITY", b"&xxe;").replace(b"?>", b"?>" + doctype, 1))
    text = read_docx(data).text
    assert "TOP-SECRET" not in text
    assert text.split("\n") == ["Trade reached $240bn in 2024. ", "The second paragraph stays."]
