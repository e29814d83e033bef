"""Project configuration: ``[tool.factcheck]`` in pyproject.toml, or factcheck.toml / .factcheck.toml.

The first of ``factcheck.toml``, ``.factcheck.toml`` and a ``pyproject.toml``
with a ``[tool.factcheck]`` table, looking in the current directory and then
each parent, is the configuration; ``--config FILE`` names one explicitly and
``--isolated`` ignores them all.  Command-line flags override the file.

Every key is checked: an unknown key or a wrong type is a ``ConfigError``
naming the file, the line and the key.  Paths in the file (rule directories,
the house registry of people, the house facts base, the cache directory) are
relative to the file's directory.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from factcheck.errors import ConfigError
from factcheck.model import Severity
from factcheck.sources.ignore import git_root

_FAIL_ON = ("error", "warning", "info", "never")


@dataclass(frozen=True, slots=True)
class Config:
    """Settings from a configuration file (all optional; None means "not set")."""

    path: str | None = None
    include: tuple[str, ...] | None = None
    exclude: tuple[str, ...] | None = None
    rules: tuple[str, ...] = ()
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    fail_on: str | None = None
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    people: str | None = None
    facts: str | None = None
    cache_dir: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)


_KEYS = (
    "include",
    "exclude",
    "rules",
    "select",
    "ignore",
    "fail-on",
    "per-file-ignores",
    "severity",
    "people",
    "facts",
    "cache-dir",
)


def _key_line(text: str, table: str | None, key: str) -> int | None:
    """Line of ``key`` in the TOML text (inside ``[table]`` when given), for error messages."""
    in_table = table is None
    pattern = regex.compile(rf"^\s*[\"']?{regex.escape(key)}[\"']?\s*=")
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("["):
            in_table = table is None or stripped.strip("[] ") == table
            continue
        if in_table and pattern.match(line):
            return number
    return None


def _strings(value: Any, key: str, fail: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise fail(key, "must be a list of strings")
    return tuple(value)


def parse_config(text: str, path: str, *, table: str | None = None) -> Config:
    """Validate configuration text; ``table`` is "tool.factcheck" for pyproject.toml."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None
    if table is not None:
        for part in table.split("."):
            data = data.get(part, {}) if isinstance(data, dict) else {}
    base = Path(path).resolve().parent

    def fail(key: str, message: str) -> ConfigError:
        line = _key_line(text, table, key.split(".")[0])
        where = f"{path}:{line}" if line else path
        return ConfigError(f"{where}: '{key}' {message}")

    for key in data:
        if key not in _KEYS:
            raise fail(key, f"is not a known setting (known: {', '.join(_KEYS)})")
    fail_on = data.get("fail-on")
    if fail_on is not None and fail_on not in _FAIL_ON:
        raise fail("fail-on", f"must be one of {', '.join(_FAIL_ON)}")
    per_file: list[tuple[str, tuple[str, ...]]] = []
    raw_per_file = data.get("per-file-ignores", {})
    if not isinstance(raw_per_file, dict):
        raise fail("per-file-ignores", "must be a table of glob = [rule prefixes]")
    for glob, rules in raw_per_file.items():
        per_file.append((glob, _strings(rules, f"per-file-ignores.{glob}", fail)))
    severities: list[tuple[str, Severity]] = []
    raw_severity = data.get("severity", {})
    if not isinstance(raw_severity, dict):
        raise fail("severity", "must be a table of rule = severity")
    for rule, label in raw_severity.items():
        try:
            severities.append((rule, Severity.parse(str(label)) if isinstance(label, str) else Severity.parse("")))
        except ValueError:
            raise fail("severity", f"for '{rule}' must be error, warning or info, got {label!r}") from None
    house: dict[str, str | None] = {}
    for key in ("people", "facts"):
        value = data.get(key)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise fail(key, "must be the path of a YAML file")
        if value and not (base / value).is_file():
            raise fail(key, f"names {value!r}, which is not a file (paths are relative to {Path(path).name})")
        house[key] = str(base / value) if value else None
    cache_dir = data.get("cache-dir")
    if cache_dir is not None and (not isinstance(cache_dir, str) or not cache_dir.strip()):
        raise fail("cache-dir", "must be the path of a directory")
    rules = _strings(data.get("rules", []), "rules", fail)
    return Config(
        path=path,
        include=_strings(data["include"], "include", fail) if "include" in data else None,
        exclude=_strings(data["exclude"], "exclude", fail) if "exclude" in data else None,
        rules=tuple(str(base / r) for r in rules),
        select=_strings(data["select"], "select", fail) if "select" in data else None,
        ignore=_strings(data["ignore"], "ignore", fail) if "ignore" in data else None,
        fail_on=fail_on,
        per_file_ignores=tuple(per_file),
        severity=tuple(severities),
        people=house["people"],
        facts=house["facts"],
        cache_dir=str(base / cache_dir) if cache_dir else None,
    )


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read configuration: {error}") from None


def load_config(path: str | None = None, *, isolated: bool = False, start: Path | None = None) -> Config:
    """The configuration in force: ``path`` if given, else the nearest file upward from ``start``."""
    if isolated:
        return Config()
    if path is not None:
        file = Path(path)
        if not file.is_file():
            raise ConfigError(f"{path}: configuration file not found")
        table = "tool.factcheck" if file.name == "pyproject.toml" else None
        return parse_config(_read(file), path, table=table)
    directory = (start or Path.cwd()).resolve()
    for folder in (directory, *directory.parents):
        for name in ("factcheck.toml", ".factcheck.toml"):
            candidate = folder / name
            if candidate.is_file():
                return parse_config(_read(candidate), str(candidate))
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            text = _read(pyproject)
            if regex.search(r"(?m)^\s*\[tool\.factcheck(?:\.[\w-]+)?\]", text):
                return parse_config(text, str(pyproject), table="tool.factcheck")
    return Config()


def project_root(config: Config, paths: Sequence[str] = (), start: Path | None = None) -> str:
    """The directory paths are written relative to (in fingerprints, baselines, per-file ignores and
    reports): the configuration file's, else the root of the git repository holding the first path
    checked (or the current directory), else the current directory."""
    if config.path:
        return str(Path(config.path).resolve().parent)
    here = (start or Path.cwd()).resolve()
    given = [Path(p).resolve() for p in paths if p != "-" and Path(p).exists()]
    origins = [*given[:1], here]
    for origin in origins:
        repository = git_root(str(origin if origin.is_dir() else origin.parent))
        if repository is not None:
            return repository
    return str(here)


def merge(first: Sequence[str] | None, fallback: Sequence[str] | None) -> tuple[str, ...] | None:
    """A command-line list if given, else the file's."""
    if first:
        return tuple(first)
    return tuple(fallback) if fallback is not None else None
