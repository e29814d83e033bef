"""Which files a run reads: walking, globs, hidden directories, order, duplicates."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factcheck.errors import UsageError
from factcheck.sources import DEFAULT_INCLUDE
from factcheck.sources.discover import discover


def make(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("text\n", encoding="utf-8")


def found(paths: list[str], include: tuple[str, ...] = DEFAULT_INCLUDE, exclude: tuple[str, ...] = ()) -> list[str]:
    files, errors = discover(paths, include, exclude)
    assert errors == []
    return files


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # Created out of order on purpose: the result must not depend on disk order.
    make(
        tmp_path / "news",
        "z.md",
        "b/late.txt",
        "a.html",
        "notes.pdf",
        "drafts/wip.md",
        ".git/HEAD.md",
        ".hidden.md",
        "b/a/early.htm",
        "m.markdown",
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.usefixtures("tree")
def test_walk_keeps_included_files_sorted_and_skips_hidden() -> None:
    assert found(["news"]) == [
        "news/a.html",
        "news/b/a/early.htm",
        "news/b/late.txt",
        "news/drafts/wip.md",
        "news/m.markdown",
        "news/z.md",
    ]


@pytest.mark.usefixtures("tree")
def test_include_matches_name_or_relative_path() -> None:
    assert found(["news"], include=("*.md",)) == ["news/drafts/wip.md", "news/z.md"]
    assert found(["news"], include=("b/*",)) == ["news/b/a/early.htm", "news/b/late.txt"]


@pytest.mark.usefixtures("tree")
def test_exclude_wins_by_name_path_or_directory() -> None:
    assert "news/z.md" not in found(["news"], exclude=("z.md",))
    assert found(["news"], include=("*.md",), exclude=("drafts/*",)) == ["news/z.md"]
    assert found(["news"], include=("*.md",), exclude=("drafts",)) == ["news/z.md"]  # prunes the directory


@pytest.mark.usefixtures("tree")
def test_named_file_is_read_whatever_its_name() -> None:
    assert found(["news/notes.pdf", "news/.hidden.md"]) == ["news/.hidden.md", "news/notes.pdf"]


@pytest.mark.usefixtures("tree")
def test_order_does_not_depend_on_the_command_line() -> None:
    assert found(["news/z.md", "news/a.html"]) == found(["news/a.html", "news/z.md"]) == ["news/a.html", "news/z.md"]


@pytest.mark.usefixtures("tree")
def test_a_file_reached_twice_is_read_once() -> None:
    files = found(["news", "news/z.md", "./news/z.md", "news/b"])
    assert len([f for f in files if f.endswith("/z.md")]) == 1
    assert files.count("news/b/late.txt") == 1
    assert files == found(["./news/z.md", "news/b", "news/z.md", "news"])  # the same spelling wins


@pytest.mark.usefixtures("tree")
def test_standard_input_is_left_to_the_caller() -> None:
    assert found(["-", "news/z.md"]) == ["news/z.md"]


@pytest.mark.usefixtures("tree")
def test_missing_path_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match=r"^nope\.md: no such file or directory$"):
        discover(["news", "nope.md"], DEFAULT_INCLUDE, ())


def test_symlinked_directory_loop_is_not_followed(tmp_path: Path) -> None:
    make(tmp_path, "a.md")
    os.symlink(tmp_path, tmp_path / "loop")
    assert found([str(tmp_path)]) == [f"{tmp_path}/a.md"]


def test_unreadable_directory_is_an_error_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make(tmp_path, "ok.md", "locked/secret.md")
    real_scandir = os.scandir

    def scandir(path: str) -> object:
        if os.path.basename(path) == "locked":
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    # Simulated: tests may run as root, who can read a chmod 0 directory.
    monkeypatch.setattr(os, "scandir", scandir)
    files, errors = discover([str(tmp_path)], DEFAULT_INCLUDE, ())
    assert files == [f"{tmp_path}/ok.md"]
    assert [(e.path, e.message) for e in errors] == [(f"{tmp_path}/locked", "cannot read: Permission denied")]


# --- .gitignore and build output -------------------------------------------------------------------


def _repository(root: Path) -> Path:
    (root / ".git").mkdir()
    make(
        root,
        "content/news/jobs.md",
        "content/news/draft-notes.md",
        "content/archive/old.md",
        "content/archive/keep.md",
        "build/site/jobs.md",
        "node_modules/pkg/README.md",
        "env/lib/page.md",
    )
    (root / "env" / "pyvenv.cfg").write_text("home = /usr/bin\n", encoding="utf-8")
    (root / ".gitignore").write_text("# generated\n*-notes.md\n/content/archive/\n", encoding="utf-8")
    return root


def test_gitignore_leaves_out_what_git_ignores(tmp_path: Path) -> None:
    root = _repository(tmp_path)
    assert found([str(root)]) == [f"{root}/content/news/jobs.md"]


def test_gitignore_of_a_parent_applies_when_a_subdirectory_is_walked(tmp_path: Path) -> None:
    root = _repository(tmp_path)
    assert found([str(root / "content")]) == [f"{root}/content/news/jobs.md"]


def test_a_nested_gitignore_can_re_include_a_file(tmp_path: Path) -> None:
    root = _repository(tmp_path)
    (root / "content" / "news" / ".gitignore").write_text("!draft-notes.md\n", encoding="utf-8")
    assert found([str(root / "content")]) == [f"{root}/content/news/draft-notes.md", f"{root}/content/news/jobs.md"]


def test_git_info_exclude_counts_and_gitignore_outranks_it(tmp_path: Path) -> None:
    root = _repository(tmp_path)
    (root / ".git" / "info").mkdir()
    (root / ".git" / "info" / "exclude").write_text("jobs.md\n", encoding="utf-8")
    assert found([str(root)]) == []
    (root / ".gitignore").write_text("!jobs.md\n", encoding="utf-8")
    assert f"{root}/content/news/jobs.md" in found([str(root)])


def test_no_respect_gitignore_reads_ignored_files_but_not_build_output(tmp_path: Path) -> None:
    root = _repository(tmp_path)
    files, errors = discover([str(root)], DEFAULT_INCLUDE, (), respect_gitignore=False)
    assert errors == []
    assert files == [
        f"{root}/content/archive/keep.md",
        f"{root}/content/archive/old.md",
        f"{root}/content/news/draft-notes.md",
        f"{root}/content/news/jobs.md",
    ]


def test_a_file_named_explicitly_is_read_even_if_ignored(tmp_path: Path) -> None:
    root = _repository(tmp_path)
    named = str(root / "content" / "archive" / "old.md")
    assert found([named]) == [named]


def test_gitignore_without_a_repository_still_counts_inside_the_walk(tmp_path: Path) -> None:
    make(tmp_path, "a.md", "scratch/b.md")
    (tmp_path / ".gitignore").write_text("scratch/\n", encoding="utf-8")
    assert found([str(tmp_path)]) == [f"{tmp_path}/a.md"]
