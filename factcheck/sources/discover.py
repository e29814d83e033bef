"""Finding the files a command line names.

Owns the rules for which files a run reads: files named explicitly are always
read; directories are walked recursively, keeping files whose name or path
(relative to the directory named) matches an include glob and no exclude
glob.  Hidden directories and files are skipped in a walk, and so are links
to files outside the directory walked (an error entry says so; a link could
otherwise put ``/etc/shadow`` into a report), unless ``follow_links``.  What
the project's ``.gitignore`` files leave out, and build output
(``build/``, ``node_modules/``, ...), is not walked into
(``factcheck.sources.ignore``); ``respect_gitignore=False`` reads what the
ignore files list.  Paths
are reported as given or joined, in ``/`` style, sorted, each file once.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Sequence
from fnmatch import fnmatchcase

from factcheck.errors import UsageError
from factcheck.model import ErrorEntry
from factcheck.sources.ignore import IgnoreRules

STDIN = "-"


def discover(
    paths: Sequence[str],
    include: Sequence[str],
    exclude: Sequence[str],
    *,
    follow_links: bool = False,
    respect_gitignore: bool = True,
) -> tuple[list[str], list[ErrorEntry]]:
    """The files to read (sorted, each once) and the directories we could not list.

    ``-`` (standard input) is not a file here; the caller reads it.  A path
    that does not exist raises ``UsageError`` before anything is read.
    """
    found: list[str] = []
    errors: list[ErrorEntry] = []
    for path in paths:
        if path == STDIN:
            continue
        try:
            info = os.stat(path)
        except (FileNotFoundError, NotADirectoryError):
            raise UsageError(f"{path}: no such file or directory") from None
        except OSError as exc:
            errors.append(ErrorEntry(_display(path), f"cannot read: {_reason(exc)}"))
            continue
        if stat.S_ISDIR(info.st_mode):
            ignore = IgnoreRules(path, respect=respect_gitignore)
            found.extend(_walk(path, include, exclude, errors, follow_links, ignore))
        else:
            found.append(path)  # named explicitly: read whatever its name
    return _unique(found), errors


def matches(name: str, relative: str, patterns: Sequence[str]) -> bool:
    """True when the file name or its relative path matches one of ``patterns``."""
    return any(fnmatchcase(name, pattern) or fnmatchcase(relative, pattern) for pattern in patterns)


def _walk(
    root: str,
    include: Sequence[str],
    exclude: Sequence[str],
    errors: list[ErrorEntry],
    follow_links: bool,
    ignore: IgnoreRules,
) -> Iterator[str]:
    inside = os.path.realpath(root)

    def unreadable(exc: OSError) -> None:
        errors.append(ErrorEntry(_display(str(exc.filename or root)), f"cannot read: {_reason(exc)}"))

    # followlinks=False: a symlinked directory could loop back on itself.
    for directory, subdirs, files in os.walk(root, onerror=unreadable):
        relative_dir = os.path.relpath(directory, root)
        prefix = "" if relative_dir == os.curdir else _display(relative_dir) + "/"
        ignore.enter(directory)
        subdirs[:] = sorted(
            name
            for name in subdirs
            if not name.startswith(".")
            and not matches(name, prefix + name, exclude)
            and not ignore.ignored(os.path.join(directory, name), is_dir=True)
        )
        for name in sorted(files):
            relative = prefix + name
            if name.startswith(".") or not matches(name, relative, include) or matches(name, relative, exclude):
                continue
            full = os.path.join(directory, name)
            if ignore.ignored(full, is_dir=False):
                continue
            if not follow_links and os.path.islink(full) and not _within(os.path.realpath(full), inside):
                errors.append(ErrorEntry(_display(full), _OUTSIDE))
                continue
            if _is_readable_kind(full):
                yield full


_OUTSIDE = "not read: a link to a file outside the directory (--follow-links reads it)"


def _within(path: str, directory: str) -> bool:
    return os.path.commonpath([path, directory]) == directory


def _is_readable_kind(path: str) -> bool:
    # A walk must not block on a FIFO or read a device; a broken symlink is
    # kept so that reading it reports the problem.
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return True


def _unique(paths: list[str]) -> list[str]:
    """Sorted display paths, each file once even when reached by two routes."""
    seen: set[str] = set()
    unique = []
    for path in sorted(_display(p) for p in paths):
        key = os.path.normcase(os.path.realpath(path))
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


def _display(path: str) -> str:
    # "./a.md" and "a.md" are one file; show the short form (what the user types).
    if path.startswith("./") and len(path) > 2:
        path = path[2:]
    return path.replace(os.sep, "/") if os.sep != "/" else path


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)
