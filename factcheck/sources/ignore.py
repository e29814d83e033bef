"""Which files a directory walk leaves out because the project says so: ``.gitignore`` and friends.

Owns the ignore files' semantics, as git reads them (through ``pathspec``'s
``GitIgnoreSpec``, which follows git's own rules for negation, anchoring and
directory-only patterns):

* every ``.gitignore`` and ``.ignore`` from the repository root down to the
  directory walked, and those met inside the walk, each relative to its own
  directory; ``.git/info/exclude`` of the repository;
* the deepest file with a pattern that matches decides (a ``!pattern`` in a
  subdirectory re-includes what a parent ignored), and a directory that is
  ignored is not entered, so nothing below it can be re-included (git does the
  same);
* directories that hold build output or installed packages are never
  articles: ``build``, ``dist``, ``node_modules``, ``site-packages``,
  ``__pypackages__`` and virtual environments (a folder with ``pyvenv.cfg``),
  whatever the ignore files say.

Without a git repository the ignore files inside the walked directory still
count (they state the author's intent); only the repository's own
``.git/info/exclude`` needs one.  ``respect=False``
(``--no-respect-gitignore``) turns the ignore files off; the build
directories stay excluded, as ruff's default excludes do.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

import pathspec

__all__ = ["BUILD_DIRECTORIES", "IgnoreRules", "git_root"]

IGNORE_FILES = (".gitignore", ".ignore")
BUILD_DIRECTORIES = frozenset({"build", "dist", "node_modules", "site-packages", "__pypackages__"})


@dataclass(frozen=True, slots=True)
class _Layer:
    """The patterns of one directory's ignore files, matched against paths relative to it."""

    base: str
    spec: pathspec.GitIgnoreSpec


def _read_patterns(path: str) -> list[str]:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read().splitlines()
    except OSError:
        return []  # an unreadable ignore file ignores nothing; the walk reports what it cannot read


def _layer(directory: str, names: Sequence[str] = IGNORE_FILES) -> _Layer | None:
    lines = [line for name in names for line in _read_patterns(os.path.join(directory, name))]
    if not any(line.strip() and not line.lstrip().startswith("#") for line in lines):
        return None
    return _Layer(os.path.abspath(directory), pathspec.GitIgnoreSpec.from_lines(lines))


def git_root(directory: str) -> str | None:
    """The root of the git repository holding ``directory`` (a folder with ``.git``), else None."""
    folder = os.path.abspath(directory)
    while True:
        if os.path.exists(os.path.join(folder, ".git")):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


class IgnoreRules:
    """The ignore files in force for one directory walk; ``enter`` as the walk goes down."""

    def __init__(self, root: str, *, respect: bool = True) -> None:
        self._respect = respect
        self._layers: dict[str, _Layer | None] = {}
        self._ordered: list[_Layer] | None = None
        if not respect:
            return
        top = os.path.abspath(root)
        repository = git_root(top)
        if repository is not None:
            info = os.path.join(repository, ".git", "info")
            if os.path.isdir(info):
                exclude = _layer(info, ("exclude",))
                if exclude is not None:
                    # .git/info/exclude is relative to the repository root, below every .gitignore.
                    self._layers[repository + os.sep + "\0info"] = _Layer(repository, exclude.spec)
            chain = []
            folder = top
            while True:
                chain.append(folder)
                if folder == repository:
                    break
                folder = os.path.dirname(folder)
            for folder in reversed(chain[1:]):  # the ancestors; the walked directory is entered by the walk
                self._layers[folder] = _layer(folder)

    def enter(self, directory: str) -> None:
        """Read the ignore files of a directory the walk has reached."""
        if self._respect:
            key = os.path.abspath(directory)
            if key not in self._layers:
                self._layers[key] = _layer(key)
                self._ordered = None

    def ignored(self, path: str, *, is_dir: bool) -> bool:
        """True when the project's ignore files leave ``path`` out (or it is a build directory)."""
        name = os.path.basename(path)
        if is_dir and (name in BUILD_DIRECTORIES or os.path.isfile(os.path.join(path, "pyvenv.cfg"))):
            return True
        if not self._respect:
            return False
        full = os.path.abspath(path)
        verdict = False
        if self._ordered is None:
            # Shallow layers first (a deeper file's matching pattern overrides a shallower one's); the
            # sort is stable, so .git/info/exclude stays below the root's .gitignore, as git ranks them.
            layers = [layer for layer in self._layers.values() if layer is not None]
            self._ordered = sorted(layers, key=lambda layer: layer.base.count(os.sep))
        for layer in self._ordered:
            if full != layer.base and not full.startswith(layer.base.rstrip(os.sep) + os.sep):
                continue
            relative = os.path.relpath(full, layer.base).replace(os.sep, "/")
            result = layer.spec.check_file(relative + "/" if is_dir else relative)
            if result.include is not None:
                verdict = bool(result.include)
        return verdict
