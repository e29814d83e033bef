"""The index on disk: every document's extraction, so a second run extracts only what changed; and
what links and checks computed, so a run after an edit compares again only what the edit touches.

``.factcheck_cache/index.sqlite`` under the project root (``--cache-dir``, the ``cache-dir`` setting;
``--no-cache`` turns it off) holds these tables:

* ``extractions(key, data)``: an ``Extraction`` as JSON (``factcheck.extract.codec``), by a key that
  hashes what extraction reads of a document (its text, prose, title and date) with what it is
  computed by: the codec's format number, factcheck's version, the source of the extraction code and
  the vocabularies of ``factcheck/data``, the versions of the libraries it calls and of Python.  A
  change to any of them is a new key, so an old entry is never read for it.  Extraction reads no
  rule file, so rules are not in the key.
* ``files(path, key)``: which entry each file read last had (absolute paths).
* ``signatures(key, signature)``: by the same key, what grouping stories reads of the document, as a
  hash; ``groupings(key, data, used)``: the stories of a run, by a key of its paths and signatures
  (the two last used are kept); ``findings(key, rule, data, members, used)``: a rule's findings on
  one story or on a whole run, as JSON.  ``factcheck.incremental`` says what their keys hash.

A run looks up every document's key and extracts only the misses.  At its end, in one transaction,
it writes the new entries and the files' keys, drops the files that no longer exist and the entries
no file points to: the index holds at most one entry per file on disk, whatever was checked before.
A story's findings are dropped once one of its files (``members``) holds other content or is gone,
or once a run that read all its files computed findings and did not use them (other stories, code or
rules); of a whole run's, the two last used of each rule are kept.

SQLite makes a write atomic and lets two runs share the index (WAL journal, a busy timeout); every
entry is keyed by all it was computed from, so whichever run wrote it last, it is exact.  A
cache that cannot be opened, read or written is never fatal: one line on stderr names the file and
the run goes on without it (a file that is not a database is replaced by a new index).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck._version import __version__

if TYPE_CHECKING:
    from factcheck.extract import Extraction
    from factcheck.model import Document

__all__ = ["CACHE_DIR", "INDEX_FILE", "Index", "document_key", "environment_key", "library_version"]

CACHE_DIR = ".factcheck_cache"
INDEX_FILE = "index.sqlite"
_SCHEMA = 2  # the tables' shape (the entries' format is the codec's)
_TABLES = {
    "extractions": "key TEXT PRIMARY KEY, data TEXT NOT NULL",
    "files": "path TEXT PRIMARY KEY, key TEXT NOT NULL",
    # By a document's content key: what grouping stories reads of it, as a hash (factcheck.incremental).
    "signatures": "key TEXT PRIMARY KEY, signature TEXT NOT NULL",
    "groupings": "key TEXT PRIMARY KEY, data TEXT NOT NULL, used REAL NOT NULL",
    "findings": "key TEXT PRIMARY KEY, rule TEXT NOT NULL, data TEXT NOT NULL, members TEXT, used REAL NOT NULL",
}
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
        digest.update(f"{library} {library_version(library)}\n".encode())
    return digest.hexdigest()


def library_version(name: str) -> str:
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
        # What this run writes at ``flush``, in one transaction.
        self._files: dict[str, str] = {}
        self._entries: dict[str, Extraction] = {}
        self._signatures: dict[str, str] = {}
        self._groupings: dict[str, str] = {}
        self._findings: dict[str, tuple[str, str, Sequence[str | None] | None]] = {}
        self._used: set[str] = set()

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

        keys = [self.content_key(d) for d in documents]
        stored = self._read("extractions", "data", keys)
        out: list[Extraction | None] = []
        for key in keys:
            text = stored.get(key)
            try:
                out.append(decode(text) if text is not None else None)
            except (ValueError, TypeError, IndexError, KeyError):
                out.append(None)  # a damaged entry is a miss; this run writes it again
        return out

    def content_key(self, document: Document) -> str:
        """The key of a document's extraction (``document_key``), computed once per document a run."""
        key = self._keys.get(id(document))
        if key is None:
            key = self._keys[id(document)] = document_key(document, self._environment)
        return key

    @property
    def environment(self) -> str:
        return self._environment

    def store(
        self, documents: Sequence[Document], extractions: Sequence[Extraction], paths: Iterable[str | None]
    ) -> None:
        """Record every document's extraction under its key, and ``paths`` (each document's absolute
        file, None for none) as its file's, at ``flush``; which then drops the files that no longer
        exist and the entries no file points to."""
        for document, extraction, path in zip(documents, extractions, paths, strict=True):
            if path is None:
                continue
            key = self.content_key(document)
            self._files[path] = key
            self._entries[key] = extraction

    def signatures(self, keys: Sequence[str]) -> dict[str, str]:
        """The stored story signatures (``factcheck.incremental``) of documents, by content key."""
        return self._read("signatures", "signature", keys)

    def remember_signature(self, key: str, signature: str) -> None:
        self._signatures[key] = signature

    def grouping(self, key: str) -> str | None:
        """The stored stories of a run, by its grouping key (``factcheck.incremental``)."""
        return self._read("groupings", "data", [key]).get(key)

    def remember_grouping(self, key: str, data: str) -> None:
        self._groupings[key] = data

    def findings(self, keys: Sequence[str]) -> dict[str, str]:
        """Stored findings (a story's or a run's, as ``factcheck.incremental`` encodes them), by key."""
        found = self._read("findings", "data", keys)
        self._used.update(found)
        return found

    def remember_findings(self, key: str, rule: str, data: str, members: Sequence[str | None] | None) -> None:
        """Findings to store under ``key``: a story's (``members``: its documents' files, each a path as
        ``store`` records it; kept while every one of them holds the same content), or a whole run's
        (``members`` None: the last two of each rule are kept)."""
        self._findings[key] = (rule, data, members)

    def flush(self) -> None:
        """Write what this run recorded, in one transaction, and prune (see ``store``)."""
        if self._db is None:
            return
        from factcheck.extract.codec import encode

        files, self._files = self._files, {}
        entries, self._entries = self._entries, {}
        signatures, self._signatures = self._signatures, {}
        groupings, self._groupings = self._groupings, {}
        findings, self._findings = self._findings, {}
        used, self._used = self._used, set()
        now = time.time()
        try:
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                known = self._existing("extractions", sorted(entries))
                self._db.executemany(
                    "INSERT OR REPLACE INTO extractions(key, data) VALUES (?, ?)",
                    ((key, encode(entries[key])) for key in sorted(entries) if key not in known),
                )
                before = dict(self._db.execute("SELECT path, key FROM files"))
                moved = sorted((path, key) for path, key in files.items() if before.get(path) != key)
                self._db.executemany("INSERT OR REPLACE INTO files(path, key) VALUES (?, ?)", moved)
                gone = [(path,) for path in sorted(before) if path not in files and not os.path.isfile(path)]
                self._db.executemany("DELETE FROM files WHERE path = ?", gone)
                self._db.execute("DELETE FROM extractions WHERE key NOT IN (SELECT key FROM files)")
                self._db.executemany(
                    "INSERT OR REPLACE INTO signatures(key, signature) VALUES (?, ?)", sorted(signatures.items())
                )
                self._db.execute("DELETE FROM signatures WHERE key NOT IN (SELECT key FROM files)")
                self._db.executemany(
                    "INSERT OR REPLACE INTO groupings(key, data, used) VALUES (?, ?, ?)",
                    ((key, data, now) for key, data in sorted(groupings.items())),
                )
                self._db.execute(
                    "DELETE FROM groupings WHERE key NOT IN (SELECT key FROM groupings ORDER BY used DESC LIMIT 2)"
                )
                self._write_findings(findings, used, files, now, prune=bool(moved or gone or findings))
        except sqlite3.Error as error:
            self._fail(error)

    def _write_findings(
        self,
        findings: dict[str, tuple[str, str, Sequence[str | None] | None]],
        used: set[str],
        files: dict[str, str],
        now: float,
        *,
        prune: bool,
    ) -> None:
        """Write findings and mark those read as used.  With ``prune`` (a file changed or is gone, or
        findings were computed again), drop the stories one of whose files holds other content now, and
        those this run superseded: every file of the story was in this run, which neither read nor
        wrote the entry (its stories, code or rules are others now).  Two runs of other rules on the
        same files drop each other's entries: exact still, only slower."""
        assert self._db is not None
        rows: list[tuple[str, str, str, str | None, float]] = []
        for key, (rule, data, members) in sorted(findings.items()):
            if members is None:
                rows.append((key, rule, data, None, now))
            elif all(m is not None and m in files for m in members):
                rows.append((key, rule, data, json.dumps([[m, files[m]] for m in members if m is not None]), now))
        self._db.executemany(
            "INSERT OR REPLACE INTO findings(key, rule, data, members, used) VALUES (?, ?, ?, ?, ?)", rows
        )
        self._db.executemany("UPDATE findings SET used = ? WHERE key = ?", ((now, key) for key in sorted(used)))
        if prune:
            current = dict(self._db.execute("SELECT path, key FROM files"))
            stale = []
            for key, members in self._db.execute("SELECT key, members FROM findings WHERE members IS NOT NULL"):
                pairs = json.loads(members)
                changed = any(current.get(path) != content for path, content in pairs)
                superseded = key not in used and key not in findings and all(path in files for path, _ in pairs)
                if changed or superseded:
                    stale.append((key,))
            self._db.executemany("DELETE FROM findings WHERE key = ?", stale)
        # A whole run's entries: the two last used of each rule.
        self._db.execute(
            "DELETE FROM findings WHERE members IS NULL AND key NOT IN (SELECT key FROM findings AS f WHERE"
            " f.members IS NULL AND f.rule = findings.rule ORDER BY f.used DESC, f.key LIMIT 2)"
        )

    def _read(self, table: str, column: str, keys: Sequence[str]) -> dict[str, str]:
        """``column`` of ``table`` by key, for the keys it holds (nothing once the index failed)."""
        stored: dict[str, str] = {}
        if self._db is None:
            return stored
        try:
            wanted = sorted(set(keys))
            for first in range(0, len(wanted), _CHUNK):
                chunk = wanted[first : first + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(f"SELECT key, {column} FROM {table} WHERE key IN ({marks})", chunk)
                stored.update(rows.fetchall())
        except sqlite3.Error as error:
            self._fail(error)
            return {}
        return stored

    def _existing(self, table: str, keys: Sequence[str]) -> set[str]:
        assert self._db is not None
        known: set[str] = set()
        for first in range(0, len(keys), _CHUNK):
            chunk = keys[first : first + _CHUNK]
            marks = ",".join("?" * len(chunk))
            known.update(key for (key,) in self._db.execute(f"SELECT key FROM {table} WHERE key IN ({marks})", chunk))
        return known

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
                    for table in _TABLES:
                        connection.execute(f"DROP TABLE IF EXISTS {table}")
                    for table, columns in _TABLES.items():
                        connection.execute(f"CREATE TABLE {table}({columns})")
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
