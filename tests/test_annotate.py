"""``factcheck annotate``: the annotated copy of a Word or Markdown draft.

The story is made up here: two published articles about a harbour fire (Markdown with front matter
giving outlet and date) and a Word draft, built with python-docx, that says 41 warehouses where both
say 14 and misspells the harbour master's name ("Okonkow"), the name typed across two runs (an italic
"Okon" and a plain "kow"). The annotated copy is reopened with python-docx and each comment read back
with the text its range covers.

The copy made by ``story`` is kept as a test artefact, outside pytest's temporary directories (which
pytest deletes after three runs): ``$FACTCHECK_ARTEFACTS/draft.checked.docx``, by default in
``factcheck-artefacts`` under the system's temporary directory. Open it in Word to see the comments.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from unittest.mock import ANY

import docx
import pytest
from docx.document import Document as WordDocument
from docx.oxml.ns import qn

from factcheck.annotate import annotated
from factcheck.cli import main
from factcheck.errors import UsageError
from factcheck.model import Finding, Location, Report, Severity
from factcheck.report import docx_comments, markdown_footnotes
from factcheck.report.annotations import Elsewhere, Entry, Note
from factcheck.sources import load_paths, load_text
from factcheck.sources.docx import docx_layout, open_docx

COURIER = """---
title: Harbour fire destroys warehouses in Port Elgin
outlet: The Elgin Courier
date: 2025-06-02
---

A fire at the Port Elgin harbour destroyed 14 warehouses on Sunday night, the fire service said.

Harbour master Tunde Okonkwo said the blaze started in a fishing store near the north quay.

Crews from three stations fought the fire for nine hours.
"""

GAZETTE = """---
title: Port Elgin harbour blaze
outlet: Elgin Gazette
date: 2025-06-02
---

The fire destroyed 14 warehouses at Port Elgin harbour on Sunday night.

Harbour master Tunde Okonkwo told reporters the fire started in a fishing store near the north quay.
"""


def _corpus(directory: Path) -> Path:
    corpus = directory / "corpus"
    corpus.mkdir()
    (corpus / "courier.md").write_text(COURIER, encoding="utf-8")
    (corpus / "gazette.md").write_text(GAZETTE, encoding="utf-8")
    return corpus


def _draft(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("Fire sweeps Port Elgin harbour", level=1)
    figure = document.add_paragraph("A fire at the Port Elgin harbour destroyed ")
    figure.add_run("41 warehouses").bold = True
    figure.add_run(" on Sunday night, the fire service said.")
    person = document.add_paragraph("Harbour master Tunde ")
    person.add_run("Okon").italic = True
    person.add_run("kow said the blaze started in a fishing store near the north quay.")
    document.add_paragraph("Crews from three stations fought the fire for nine hours.")
    document.save(str(path))
    return path


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def comments(document: WordDocument) -> dict[str, str]:
    """Each comment's anchor (the text of the runs its range covers) -> its text."""
    texts = {str(c.comment_id): c.text for c in document.comments}
    covered: dict[str, list[str]] = {}
    open_ranges: list[str] = []
    start, end, run_tag = qn("w:commentRangeStart"), qn("w:commentRangeEnd"), qn("w:r")
    for element in document.element.body.iter(start, end, run_tag):
        if element.tag == start:
            open_ranges.append(element.get(qn("w:id")))
            covered[open_ranges[-1]] = []
        elif element.tag == end:
            open_ranges.remove(element.get(qn("w:id")))
        else:
            for comment_id in open_ranges:
                covered[comment_id].append(element.text)
    assert set(covered) == set(texts)
    anchors = {"".join(parts): texts[comment_id] for comment_id, parts in covered.items()}
    assert len(anchors) == len(texts), "two comments on one span"
    return anchors


@dataclass(frozen=True)
class Story:
    directory: Path
    draft: Path
    copy: Path
    original: bytes
    result: tuple[int, str, str]


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> Story:
    directory = tmp_path_factory.mktemp("story")
    corpus = _corpus(directory)
    draft = _draft(directory / "draft.docx")
    original = draft.read_bytes()
    copy = directory / "draft.checked.docx"
    result = run("annotate", str(draft), "--against", str(corpus), "-o", str(copy), "--isolated")
    artefacts = Path(os.environ.get("FACTCHECK_ARTEFACTS") or Path(tempfile.gettempdir()) / "factcheck-artefacts")
    artefacts.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(copy, artefacts / copy.name)
    return Story(directory, draft, copy, original, result)


def test_each_comment_sits_on_its_figure_or_name_and_says_what_the_others_say(story: Story) -> None:
    code, out, err = story.result
    assert (code, out) == (1, "")
    assert err == f"factcheck: wrote {story.copy}: 2 comments on 3 findings\n"
    anchors = comments(docx.Document(str(story.copy)))
    assert set(anchors) == {"41", "Okonkow"}

    # Each article that says 14 is a finding of its own; both are in the one comment on "41".
    assert anchors["41"].split("\n") == [
        "Error (numbers.conflict): Warehouses, Port Elgin, as of 2 June 2025: 41 in draft.docx but 14 in"
        " corpus/courier.md (2 articles agree with 14)",
        "corpus/courier.md:7 (The Elgin Courier, 2025-06-02): \u201cA fire at the Port Elgin harbour destroyed"
        " 14 warehouses on Sunday night, the fire service said.\u201d",
        "Warning (numbers.conflict): Warehouses, Port Elgin, as of 2 June 2025: 41 in draft.docx but 14 in"
        " corpus/gazette.md (2 articles agree with 14)",
        "corpus/gazette.md:7 (Elgin Gazette, 2025-06-02): \u201cThe fire destroyed 14 warehouses at Port Elgin"
        " harbour on Sunday night.\u201d",
    ]
    assert anchors["Okonkow"].split("\n") == [
        "Warning (names.spelling): Okonkow in draft.docx, but Okonkwo in corpus/courier.md, corpus/gazette.md:"
        " two letters swapped; most likely Okonkwo: 2 articles write Okonkwo",
        "corpus/courier.md:9 (The Elgin Courier, 2025-06-02): \u201cHarbour master Tunde Okonkwo said the blaze"
        " started in a fishing store near the north quay.\u201d",
        "corpus/gazette.md:9 (Elgin Gazette, 2025-06-02): \u201cHarbour master Tunde Okonkwo told reporters the"
        " fire started in a fishing store near the north quay.\u201d",
    ]
    for comment in docx.Document(str(story.copy)).comments:
        assert (comment.author, comment.initials) == ("factcheck", "FC")
        bold = [run.text for paragraph in comment.paragraphs for run in paragraph.runs if run.bold]
        assert bold in (["14", "14"], ["Okonkwo", "Okonkwo"])  # what the other articles say, in bold


def test_the_original_is_not_modified(story: Story) -> None:
    assert story.draft.read_bytes() == story.original
    assert comments(docx.Document(str(story.draft))) == {}


def test_split_runs_keep_their_formatting_and_the_text_is_unchanged(story: Story) -> None:
    copy = docx.Document(str(story.copy))
    figure = [(run.text, run.bold) for run in copy.paragraphs[1].runs if run.text]
    assert figure == [
        ("A fire at the Port Elgin harbour destroyed ", None),
        ("41", True),
        (" warehouses", True),
        (" on Sunday night, the fire service said.", None),
    ]
    name = [(run.text, run.italic) for run in copy.paragraphs[2].runs if run.text]
    assert name == [
        ("Harbour master Tunde ", None),
        ("Okon", True),
        ("kow", None),
        (" said the blaze started in a fishing store near the north quay.", None),
    ]
    [before], _ = load_paths([str(story.draft)])
    [after], _ = load_paths([str(story.copy)])
    assert after.text == before.text


def test_a_second_run_does_not_read_the_first_copy(story: Story) -> None:
    # The copy lies next to the draft: a run over the draft's directory leaves it out.
    again = story.directory / "again.docx"
    code, _, err = run("annotate", str(story.draft), "-o", str(again), "--isolated")
    assert code == 1
    assert err == f"factcheck: wrote {again}: 2 comments on 3 findings\n"
    assert set(comments(docx.Document(str(again)))) == {"41", "Okonkow"}


def test_against_defaults_to_the_draft_s_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _corpus(tmp_path)
    draft = _draft(corpus / "draft.docx")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "unrelated.md").write_text("The fire destroyed 90 warehouses at Port Elgin.\n", encoding="utf-8")
    monkeypatch.chdir(elsewhere)
    code, out, err = run("annotate", str(draft), "--isolated")
    assert (code, out) == (1, "")
    copy = corpus / "draft.checked.docx"
    assert err == f"factcheck: wrote {copy}: 2 comments on 3 findings\n"
    figure = comments(docx.Document(str(copy)))["41"]
    assert "courier.md:7 (The Elgin Courier, 2025-06-02)" in figure  # relative to the draft's directory
    assert "unrelated" not in figure


def test_a_draft_with_no_finding_exits_0_and_gets_a_clean_copy(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    draft = tmp_path / "draft.docx"
    document = docx.Document()
    document.add_heading("Port Elgin counts the cost", level=1)
    document.add_paragraph("Harbour master Tunde Okonkwo said on Monday that the quay would reopen within a week.")
    document.add_paragraph("Fishing crews ").add_run("lost their gear").bold = True
    document.save(str(draft))
    copy = tmp_path / "draft.checked.docx"
    code, out, err = run("annotate", str(draft), "--against", str(corpus), "-o", str(copy), "--isolated")
    assert (code, out, err) == (0, "", f"factcheck: wrote {copy}: 0 comments on 0 findings\n")
    assert comments(docx.Document(str(copy))) == {}
    assert docx_layout(open_docx(copy.read_bytes())).text == docx_layout(open_docx(draft.read_bytes())).text


def test_fail_on_and_select_work_as_for_check(story: Story, tmp_path: Path) -> None:
    corpus = str(story.directory / "corpus")
    names = tmp_path / "names.docx"
    code, _, _ = run(
        "annotate", str(story.draft), "--against", corpus, "-o", str(names), "--isolated", "--select", "names"
    )
    assert code == 0  # the name is a warning, under the default --fail-on error
    assert set(comments(docx.Document(str(names)))) == {"Okonkow"}
    code, _, _ = run(
        "annotate", str(story.draft), "--against", corpus, "-o", str(names), "--isolated", "--select", "names",
        "--fail-on", "warning",
    )  # fmt: skip
    assert code == 1
    code, _, _ = run("annotate", str(story.draft), "--against", corpus, "-o", str(names), "--fail-on", "never")
    assert code == 0
    assert set(comments(docx.Document(str(names)))) == {"41", "Okonkow"}


MARKDOWN_DRAFT = """---
title: Fire sweeps Port Elgin harbour
---

# Fire sweeps Port Elgin harbour

A fire at the Port Elgin harbour destroyed **41 warehouses** on Sunday night, the fire service said.

Harbour master Tunde [Okonkow](https://example.org/tunde) said the blaze started in a fishing store.
"""

COURIER_SAYS = "corpus/courier.md:7` (The Elgin Courier, 2025-06-02): “A fire at the Port Elgin harbour destroyed"
GAZETTE_SAYS = "corpus/gazette.md:7` (Elgin Gazette, 2025-06-02): “The fire destroyed <b>14</b> warehouses"
COURIER_NAME = "corpus/courier.md:9` (The Elgin Courier, 2025-06-02): “Harbour master Tunde <b>Okonkwo</b> said"
GAZETTE_NAME = "corpus/gazette.md:9` (Elgin Gazette, 2025-06-02): “Harbour master Tunde <b>Okonkwo</b> told"
MARKDOWN_NOTES = [
    "",
    "[^fc1]: **Error** (`numbers.conflict`): Warehouses, Port Elgin, as of 2 June 2025: 41 in draft.md but 14 in"
    " corpus/courier.md (2 articles agree with 14)",
    "",
    f"    - `{COURIER_SAYS} <b>14</b> warehouses on Sunday night, the fire service said.”",
    "",
    "    **Warning** (`numbers.conflict`): Warehouses, Port Elgin, as of 2 June 2025: 41 in draft.md but 14 in"
    " corpus/gazette.md (2 articles agree with 14)",
    "",
    f"    - `{GAZETTE_SAYS} at Port Elgin harbour on Sunday night.”",
    "",
    "[^fc2]: **Warning** (`names.spelling`): Okonkow in draft.md, but Okonkwo in corpus/courier.md,"
    " corpus/gazette.md: two letters swapped; most likely Okonkwo: 2 articles write Okonkwo",
    "",
    f"    - `{COURIER_NAME} the blaze started in a fishing store near the north quay.”",
    f"    - `{GAZETTE_NAME} reporters the fire started in a fishing store near the north quay.”",
    "",
]


def test_a_markdown_draft_gets_footnotes(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(MARKDOWN_DRAFT, encoding="utf-8")
    copy = tmp_path / "draft.checked.md"
    corpus = str(_corpus(tmp_path))
    code, out, err = run("annotate", str(draft), "--format", "markdown", "--against", corpus, "-o", str(copy))
    assert (code, out, err) == (1, "", f"factcheck: wrote {copy}: 2 footnotes on 3 findings\n")
    marked = MARKDOWN_DRAFT.replace("**41 warehouses**", "**41[^fc1] warehouses**")
    marked = marked.replace("(https://example.org/tunde)", "(https://example.org/tunde)[^fc2]")
    assert copy.read_text(encoding="utf-8") == marked + "\n".join(MARKDOWN_NOTES)
    assert draft.read_text(encoding="utf-8") == MARKDOWN_DRAFT


ITSELF = "is the draft itself; annotate writes a copy (give another -o)"


@pytest.mark.parametrize(
    ("name", "content", "extra", "message"),
    [
        (
            "draft.txt",
            b"The fire destroyed 41 warehouses.\n",
            [],
            "{draft}: annotate supports Word (.docx) and Markdown (.md, .markdown, .mdown, .mkd) drafts, not .txt",
        ),
        (
            "draft.html",
            b"<p>The fire destroyed 41 warehouses.</p>\n",
            [],
            "{draft}: annotate supports Word (.docx) and Markdown (.md, .markdown, .mdown, .mkd) drafts, not .html",
        ),
        (
            "draft.md",
            b"The fire destroyed 41 warehouses.\n",
            ["--format", "docx"],
            "{draft}: --format docx writes Word (.docx) copies; this draft is Markdown (.md, .markdown, .mdown, .mkd)",
        ),
        ("draft.docx", b"not a zip at all", [], "{draft}: cannot read .docx: File is not a zip file"),
        ("draft.docx", None, [], "{draft}: no such file"),
        ("draft.docx", b"keep me", ["-o", "{draft}"], "{draft}: " + ITSELF),
        ("draft.md", b"keep me", ["-o", "{link}"], "{link}: " + ITSELF),
    ],
    ids=["text", "html", "format-mismatch", "corrupt-docx", "missing", "output-is-input", "output-links-to-input"],
)  # fmt: skip
def test_usage_and_input_errors_exit_2_with_one_line(
    tmp_path: Path, name: str, content: bytes | None, extra: list[str], message: str
) -> None:
    draft = tmp_path / name
    if content is not None:
        draft.write_bytes(content)
    link = tmp_path / "link.md"
    link.symlink_to(draft)
    args = [arg.format(draft=draft, link=link) for arg in extra]
    code, out, err = run("annotate", str(draft), "--isolated", *args)
    assert (code, out) == (2, "")
    assert err == f"factcheck: error: {message.format(draft=draft, link=link)}\n"
    if content is not None:
        assert draft.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted({name, "link.md"} if content else {"link.md"})


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_copy(story: Story, tmp_path: Path) -> None:
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(story.copy)],
        check=True,
        capture_output=True,
        timeout=180,
        env={**os.environ, "HOME": str(tmp_path)},  # a profile of its own
    )
    pdf = tmp_path / "draft.checked.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")


# The writers on their own, with notes made here.

FINDING = Finding("f1", "numbers.conflict", "numeric_conflict", Severity.ERROR, "Homes: 30 here, 300 there", None, ())


def _note(start: int, end: int) -> Note:
    said = Elsewhere("other.md:3", "The Courier", "About 300 homes were hit.", (6, 9))
    return Note(start, end, (Entry(FINDING, (said,)),))


def _word(*paragraphs: list[tuple[str, bool]]) -> bytes:
    document = docx.Document()
    for runs in paragraphs:
        paragraph = document.add_paragraph()
        for text, bold in runs:
            paragraph.add_run(text).bold = bold
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _boldness(document: WordDocument) -> list[bool]:
    """Whether each character of the text is bold."""
    return [bool(item.run.bold) for item in docx_layout(document).runs for _ in range(item.start, item.end)]


def test_every_span_is_anchored_on_exactly_its_characters() -> None:
    runs = [[("Officials said\tabout ", False), ("30 homes", True), (" were hit", False)], [("By noon, 12.", True)]]
    data = _word(*runs)
    text = docx_layout(open_docx(data)).text
    boldness = _boldness(open_docx(data))
    spans = [(a, b) for a in range(len(text)) for b in range(a + 1, min(a + 9, len(text) + 1))]
    for start, end in spans[::7]:  # every width, starts spread over both paragraphs and every run
        out = io.BytesIO()
        docx_comments.write(data, text, [_note(start, end)], out)
        copy = docx.Document(io.BytesIO(out.getvalue()))
        assert list(comments(copy)) == [text[start:end].replace("\n", "")], (start, end)  # across paragraphs too
        assert docx_layout(copy).text == text
        assert _boldness(copy) == boldness


def test_an_empty_span_is_anchored_on_its_paragraph() -> None:
    data = _word([("Flood: ", False), ("40 homes", True)], [("Second.", False)])
    text = docx_layout(open_docx(data)).text
    out = io.BytesIO()
    docx_comments.write(data, text, [_note(0, 0)], out)
    assert list(comments(docx.Document(io.BytesIO(out.getvalue())))) == ["Flood: 40 homes"]


def test_the_draft_s_own_comments_and_properties_are_kept() -> None:
    document = docx.Document()
    document.core_properties.title = "Flood report"
    paragraph = document.add_paragraph()
    desk = paragraph.add_run("Check with the council.")
    paragraph.add_run(" About 30 homes were hit.")
    document.add_comment(desk, text="Called them at noon.", author="Desk", initials="D")
    buffer = io.BytesIO()
    document.save(buffer)
    text = docx_layout(open_docx(buffer.getvalue())).text
    start = text.index("30")
    out = io.BytesIO()
    docx_comments.write(buffer.getvalue(), text, [_note(start, start + 2)], out)
    copy = docx.Document(io.BytesIO(out.getvalue()))
    assert [(c.author, c.text) for c in copy.comments] == [("Desk", "Called them at noon."), ("factcheck", ANY)]
    assert set(comments(copy)) == {"Check with the council.", "30"}
    assert copy.core_properties.title == "Flood report"


def test_a_draft_that_changed_since_it_was_checked_is_refused() -> None:
    with pytest.raises(ValueError, match="changed"):
        docx_comments.write(_word([("Flood: 40 homes", False)]), "Flood: 41 homes", [_note(7, 9)], io.BytesIO())


def test_footnote_labels_avoid_the_draft_s_own_and_line_endings_are_kept() -> None:
    text = "---\r\ntitle: 30 homes hit\r\n---\r\n\r\n# Flood\r\n\r\nAbout 30 homes were hit.[^fc1]\r\n"
    text += "\r\n[^fc1]: Ours.\r\n"
    draft = load_text(text, "draft.md")
    body = text.index("30 homes were")
    title = text.index("30 homes hit")
    rendered = markdown_footnotes.render(draft, [_note(body, body + 2), _note(title, title + 2)])
    assert rendered.startswith(
        "---\r\ntitle: 30 homes hit\r\n---\r\n\r\n# Flood[^fc_1]\r\n\r\nAbout 30[^fc_2] homes were hit.[^fc1]\r\n"
    )
    assert rendered.endswith(
        "[^fc1]: Ours.\r\n\r\n"
        "[^fc_1]: **Error** (`numbers.conflict`): Homes: 30 here, 300 there\r\n\r\n"
        "    - `other.md:3` (The Courier): “About <b>300</b> homes were hit.”\r\n\r\n"
        "[^fc_2]: **Error** (`numbers.conflict`): Homes: 30 here, 300 there\r\n\r\n"
        "    - `other.md:3` (The Courier): “About <b>300</b> homes were hit.”\r\n"
    )
    assert markdown_footnotes.render(draft, []) == text


def test_a_draft_edited_during_the_run_is_refused(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("About 30 homes were hit.\n", encoding="utf-8")
    quoted = Location("draft.md", 1, 7, 1, 8, 6, 8, "30", 30.0, None, "About 30 homes were hit.", 0)
    report = Report((), (replace(FINDING, locations=(quoted,)),), ())
    assert annotated(report, str(draft), str(tmp_path)).notes[0].start == 6
    draft.write_text("About 40 homes were hit.\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"draft\.md: changed while it was checked; run again"):
        annotated(report, str(draft), str(tmp_path))
