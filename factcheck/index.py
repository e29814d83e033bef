"""The index on disk: every document's extraction, so a second run extracts only what changed.

``.factcheck_cache/index.sqlite`` under the project root (``--cache-dir``, the ``cache-dir`` setting;
``--no-cache`` turns it off) holds two tables:

* ``extractions(key, data)``: an ``Extraction`` as JSON (``factcheck.extract.codec``), by a key that
  hashes what extraction reads of a document (its text, prose, title and date) with what it is
  computed by: the codec's format number, factcheck's version, the source of the extraction code and
  the vocabularies of ``factcheck/data``, the versions of the libraries it calls and of Python.  A
  change to any of them is a new key, so an old entry is never read for it.  Extraction reads no
  rule file, so rules are not in the key.
* ``files(path, key)``: which entry each file read last had (absolute paths).

A run looks up every document's key and extracts only the misses.  At its end, in one transaction,
it writes the new entries and the files' keys, drops the files that no longer exist and the entries
no file points to: the index holds at most one entry per file on disk, whatever was checked before.

SQLite makes a write atomic and lets two runs share the index (WAL journal, a busy timeout).  A
cache that cannot be opened, read or written is never fatal: one line on stderr names the file and
the run goes on without it (a file that is not a database is replaced by a new index).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import sqlite3
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck._version import __version__

if TYPE_CHECKING:
    from factcheck.extract import Extraction
    from factcheck.model import Document

__all__ = ["CACHE_DIR", "INDEX_FILE", "Index", "document_key", "environment_key"]

CACHE_DIR = ".factcheck_cache"
INDEX_FILE = "index.sqlite"
_SCHEMA = 1  # the tables' shape (the entries' format is the codec's)
_BUSY_MS = 60_000
_CHUNK = 500  # keys per query (SQLite bounds the number of parameters)
# The libraries extraction calls: a new version may extract differently.
_LIBRARIES = ("regex", "simplemma", "pint", "rapidfuzz", "yaml")
_PACKAGE = Path(__file__).resolve().parent

Warn = Callable[[str], None]


def environment_key() -> str:
    """A hash of everything extraction is computed by, besides the document (see the module docstring)."""
    from factcheck.extract.codec import FORMAT

    digest = hashlib.sha256()
    digest.update(f"format {FORMAT}\nfactcheck {__version__}\npython {sys.version_info[:2]}\n".encode())
    code = [
        *sorted((_PACKAGE / "extract").glob("*.py")),
        _PACKAGE / "model.py",
        _PACKAGE / "units.py",
        *sorted((_PACKAGE / "data").iterdir()),
    ]
    for file in code:
        digest.update(f"{file.relative_to(_PACKAGE).as_posix()}\n".encode())
        digest.update(hashlib.sha256(file.read_bytes()).digest())
    for library in _LIBRARIES:
        digest.update(f"{library} {_library_version(library)}\n".encode())
    return digest.hexdigest()


def _library_version(name: str) -> str:
    """The installed version of a library, from its distribution directory's name (no import of it, nor
    of ``importlib.metadata``); its location when there is none."""
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        return "absent"
    origin = Path(spec.origin)
    folder = origin.parent.parent if origin.name == "__init__.py" else origin.parent
    wanted = {name.lower(), {"yaml": "pyyaml"}.get(name, name).lower()}
    try:
        for entry in os.listdir(folder):
            stem, _, suffix = entry.partition(".dist-info")
            if suffix == "" and entry.endswith(".dist-info") and stem.rpartition("-")[0].lower() in wanted:
                return stem
    except OSError:
        pass
    return str(origin)


def document_key(document: Document, environment: str) -> str:
    """The key of a document's extraction: what extraction reads of it, and the environment's key."""
    digest = hashlib.sha256(environment.encode())
    for part in (document.text, document.prose, document.title or "", str(document.date or "")):
        data = part.encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    digest.update(b"t" if document.title is not None else b"-")
    return digest.hexdigest()


class Index:
    """An open index; ``Index.open`` gives None (after one line on stderr) when it cannot be used."""

    def __init__(self, path: Path, connection: sqlite3.Connection, environment: str, warn: Warn) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = connection
        self._environment = environment
        self._warn = warn
        self._keys: dict[int, str] = {}

    @classmethod
    def open(cls, directory: str | os.PathLike[str], warn: Warn | None = None) -> Index | None:
        """The index in ``directory`` (created with its ``.gitignore`` when missing).  ``warn`` takes the
        one line said when the index cannot be used (default: printed on stderr)."""
        warn = warn or _stderr
        folder = Path(directory)
        path = folder / INDEX_FILE
        try:
            _make_directory(folder)
        except OSError as error:
            warn(_message(path, error))
            return None
        environment = environment_key()
        try:
            return cls(path, _connect(path), environment, warn)
        except sqlite3.DatabaseError as error:
            if isinstance(error, sqlite3.OperationalError):
                warn(_message(path, error))  # locked, read-only, no space: leave it as it is
                return None
            # Not a database (or a damaged one): start a new index in its place.
            try:
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)
                index = cls(path, _connect(path), environment, warn)
            except (OSError, sqlite3.Error):
                warn(_message(path, error))
                return None
            warn(_message(path, error, "replaced it with a new index"))
            return index

    def lookup(self, documents: Sequence[Document]) -> list[Extraction | None]:
        """Each document's stored extraction, None for a miss."""
        from factcheck.extract.codec import decode

        keys = [document_key(d, self._environment) for d in documents]
        self._keys = {id(d): k for d, k in zip(documents, keys, strict=True)}
        stored: dict[str, str] = {}
        if self._db is not None:
            try:
                wanted = sorted(set(keys))
                for first in range(0, len(wanted), _CHUNK):
                    chunk = wanted[first : first + _CHUNK]
                    marks = ",".join("?" * len(chunk))
                    rows = self._db.execute(f"SELECT key, data FROM extractions WHERE key IN ({marks})", chunk)
                    stored.update(rows.fetchall())
            except sqlite3.Error as error:
                self._fail(error)
                return [None] * len(documents)
        out: list[Extraction | None] = []
        for key in keys:
            text = stored.get(key)
            try:
                out.append(decode(text) if text is not None else None)
            except (ValueError, TypeError, IndexError, KeyError):
                out.append(None)  # a damaged entry is a miss; this run writes it again
        return out

    def store(
        self, documents: Sequence[Document], extractions: Sequence[Extraction], paths: Iterable[str | None]
    ) -> None:
        """Record every document's extraction under its key, and ``paths`` (each document's absolute
        file, None for none) as its file's; then drop the files that no longer exist and the entries
        no file points to."""
        if self._db is None:
            return
        from factcheck.extract.codec import encode

        files: dict[str, str] = {}
        entries: dict[str, Extraction] = {}
        for document, extraction, path in zip(documents, extractions, paths, strict=True):
            if path is None:
                continue
            key = self._keys.get(id(document)) or document_key(document, self._environment)
            files[path] = key
            entries[key] = extraction
        try:
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                known: set[str] = set()
                wanted = sorted(entries)
                for first in range(0, len(wanted), _CHUNK):
                    chunk = wanted[first : first + _CHUNK]
                    marks = ",".join("?" * len(chunk))
                    rows = self._db.execute(f"SELECT key FROM extractions WHERE key IN ({marks})", chunk)
                    known.update(key for (key,) in rows)
                self._db.executemany(
                    "INSERT OR REPLACE INTO extractions(key, data) VALUES (?, ?)",
                    ((key, encode(entries[key])) for key in wanted if key not in known),
                )
                self._db.executemany("INSERT OR REPLACE INTO files(path, key) VALUES (?, ?)", sorted(files.items()))
                gone = [(path,) for (path,) in self._db.execute("SELECT path FROM files") if not os.path.isfile(path)]
                self._db.executemany("DELETE FROM files WHERE path = ?", gone)
                self._db.execute("DELETE FROM extractions WHERE key NOT IN (SELECT key FROM files)")
        except sqlite3.Error as error:
            self._fail(error)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def _fail(self, error: sqlite3.Error) -> None:
        """Warn once and go on without the index."""
        self._warn(_message(self.path, error))
        self.close()


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=_BUSY_MS / 1000, isolation_level=None)
    try:
        connection.execute(f"PRAGMA busy_timeout = {_BUSY_MS}")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version != _SCHEMA:
            with connection:
                connection.execute("BEGIN IMMEDIATE")
                version = connection.execute("PRAGMA user_version").fetchone()[0]
                if version != _SCHEMA:  # a new file, or one of another shape: start it again
                    connection.execute("DROP TABLE IF EXISTS extractions")
                    connection.execute("DROP TABLE IF EXISTS files")
                    connection.execute("CREATE TABLE extractions(key TEXT PRIMARY KEY, data TEXT NOT NULL)")
                    connection.execute("CREATE TABLE files(path TEXT PRIMARY KEY, key TEXT NOT NULL)")
                    connection.execute(f"PRAGMA user_version = {_SCHEMA}")
        connection.execute("SELECT count(*) FROM files").fetchone()
    except BaseException:
        connection.close()
        raise
    return connection


def _make_directory(folder: Path) -> None:
    """The cache directory, with a ``.gitignore`` of ``*`` when this run makes it (as ruff and pytest do)."""
    if folder.is_dir():
        return
    folder.mkdir(parents=True, exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# Made by factcheck: the index of its extractions (docs/cache.md).\n*\n", encoding="utf-8")


def _message(path: Path, error: BaseException, action: str = "running without it") -> str:
    return f"factcheck: cache {path}: {error}; {action}"


def _stderr(line: str) -> None:
    print(line, file=sys.stderr)
