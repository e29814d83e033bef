"""The command line: ``factcheck check|annotate|claims|rules|rule``.

Exit codes (fixed; CI relies on them):

* 0: no finding at or above ``--fail-on``;
* 1: findings at or above ``--fail-on``;
* 2: usage, rule, configuration or internal error (one line on stderr, a
  traceback only with ``--debug``);
* 141: the reader of stdout went away (``| head -1``): nothing on stderr.

The report goes to stdout (or ``-o FILE``); progress and errors go to stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TextIO

from factcheck._version import __version__
from factcheck.errors import FactcheckError, UsageError

if TYPE_CHECKING:
    from factcheck.checks.base import Rule
    from factcheck.config import Config
    from factcheck.dask_engine import DaskEngine
    from factcheck.model import Finding, Report

# Modules are imported by the command that needs them: "factcheck --version" loads neither the
# extractor nor the reporters.

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a program whose reader went away
_FAIL_ON = ("error", "warning", "info", "never")


def _split(values: Sequence[str] | None) -> list[str]:
    """Accept both repeated flags and comma-separated lists."""
    return [part.strip() for value in values or () for part in value.split(",") if part.strip()]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Find numbers, names and quotes that disagree across news articles.",
    )
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    from factcheck.report import FORMATS

    formats = ", ".join(FORMATS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def common(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--color",
            choices=("auto", "always", "never"),
            default=None,
            help="colour the output: auto (default: on a terminal, unless NO_COLOR is set; FORCE_COLOR forces it), "
            "always or never",
        )
        sub.add_argument("--no-color", action="store_true", help="the same as --color never")
        sub.add_argument("--debug", action="store_true", help="show tracebacks for internal errors")
        sub.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of stdout")

    def inputs(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, or - for standard input")
        sub.add_argument("--include", action="append", metavar="GLOB", help="file patterns to read in directories")
        sub.add_argument("--exclude", action="append", metavar="GLOB", help="file patterns to skip")
        sub.add_argument("--stdin-filename", metavar="NAME", help="name (and format) of the text read from -")
        sub.add_argument(
            "--follow-links",
            action="store_true",
            help="in a directory, also read links to files outside it (skipped, with an error entry, by default)",
        )
        sub.add_argument(
            "-q", "--quiet", action="store_true", help="print the report only: no progress, no messages on stderr"
        )
        sub.add_argument(
            "--no-respect-gitignore",
            dest="respect_gitignore",
            action="store_false",
            help="in a directory, also read files that .gitignore leaves out (build/ and node_modules/ stay out)",
        )
        sub.add_argument(
            "--jobs",
            type=_jobs,
            metavar="N",
            help="processes that extract claims (default: one per CPU; 1: none besides this one); "
            "a run of a few documents always uses one",
        )

    def rule_options(sub: argparse.ArgumentParser) -> None:
        """What ``check`` and ``annotate`` share: configuration, rules and the exit code's threshold."""
        sub.add_argument(
            "--fail-on",
            choices=_FAIL_ON,
            default=None,
            help="lowest severity that makes the exit code 1 (default: error)",
        )
        sub.add_argument("--config", metavar="FILE", help="configuration file (default: the nearest one upward)")
        sub.add_argument("--isolated", action="store_true", help="ignore every configuration file")
        sub.add_argument("--rules", action="append", metavar="DIR", help="extra rule directory (repeatable)")
        sub.add_argument("--select", action="append", metavar="PREFIX", help="only rules with these id prefixes")
        sub.add_argument("--ignore", action="append", metavar="PREFIX", help="skip rules with these id prefixes")

    check = commands.add_parser("check", help="compare the claims of articles and report conflicts")
    inputs(check)
    check.add_argument("--format", default="rich", metavar="FORMAT", help=f"report format: {formats} (default: rich)")
    check.add_argument(
        "--report",
        action="append",
        metavar="FORMAT:PATH",
        help="also write a report in FORMAT to PATH (repeatable)",
    )
    rule_options(check)
    check.add_argument("--baseline", metavar="FILE", help="hide the findings recorded in FILE")
    check.add_argument(
        "--max-file-size",
        metavar="SIZE",
        type=_size,
        help="a larger file is an error entry, not read (bytes, or with K, M, G; default 50M)",
    )
    check.add_argument("--write-baseline", metavar="FILE", help="record the current findings in FILE")
    check.add_argument(
        "--changed",
        action="store_true",
        help="PATHS are changed files: report only findings that involve them, comparing against --corpus",
    )
    check.add_argument(
        "--corpus", action="append", metavar="DIR", help="with --changed: what to compare against (default: .)"
    )
    check.add_argument(
        "--statistics",
        action="store_true",
        help="print the number of findings per rule instead (as JSON with --format json)",
    )
    check.add_argument(
        "--min-severity",
        choices=("info", "warning", "error"),
        default=None,
        help="report only findings at or above this severity (default: info, every finding)",
    )
    check.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when findings are reported (errors still exit 2)"
    )
    check.add_argument(
        "--show-files", action="store_true", help="list the files that would be read, relative to the project root"
    )
    check.add_argument(
        "--show-settings", action="store_true", help="print the settings in force (configuration, rules) and stop"
    )
    check.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="where extraction and the story-local checks run: local (default: this machine, --jobs processes) "
        "or dask (a Dask cluster; needs pip install 'dask[distributed]'; docs/scaling.md)",
    )
    check.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask: the Dask scheduler (default: $DASK_SCHEDULER_ADDRESS, else a local cluster "
        "of --jobs workers)",
    )
    check.add_argument(
        "--cache-dir", metavar="DIR", help="where the index of extractions is kept (default: .factcheck_cache/)"
    )
    check.add_argument("--no-cache", action="store_true", help="extract every document again; read no index")
    common(check)

    annotate = commands.add_parser(
        "annotate", help="write a copy of a draft (.docx, .md) with a note on every place a finding involves"
    )
    annotate.add_argument("paths", nargs=1, metavar="DRAFT", help="the draft: a Word (.docx) or Markdown file")
    annotate.add_argument(
        "--against",
        action="append",
        metavar="DIR",
        help="what to compare against (repeatable; default: the project root, else the draft's directory)",
    )
    annotate.add_argument(
        "--format", choices=("docx", "markdown"), help="docx: Word comments; markdown: footnotes (default: the draft's)"
    )
    annotate.add_argument("-o", "--output", metavar="FILE", help="the annotated copy (default: DRAFT.checked.EXT)")
    rule_options(annotate)
    annotate.add_argument("--debug", action="store_true", help="show tracebacks for internal errors")

    claims = commands.add_parser("claims", help="list every claim extracted from articles")
    inputs(claims)
    claims.add_argument("--format", choices=("rich", "json", "csv"), default="rich")
    common(claims)

    rules = commands.add_parser("rules", help="list the rules")
    rules.add_argument("--rules", action="append", metavar="DIR", help="extra rule directory (repeatable)")
    common(rules)

    rule = commands.add_parser("rule", help="show one rule with its examples")
    rule.add_argument("rule_id", metavar="ID")
    rule.add_argument("--rules", action="append", metavar="DIR", help="extra rule directory (repeatable)")
    common(rule)
    return parser


def _use_color(args: argparse.Namespace, stream: TextIO) -> bool:
    """``--color`` decides; else ``--no-color``; else ``NO_COLOR`` turns colour off and ``FORCE_COLOR``
    on (https://no-color.org, https://force-color.org); else colour on a terminal, never in a file."""
    choice = args.color or ("never" if args.no_color else "auto")
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if args.output:
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def _width(stream: TextIO, default: int) -> int | None:
    """Terminal width: rich detects it on a terminal; elsewhere $COLUMNS, else ``default``."""
    if stream.isatty():
        return None
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) >= 40 else default


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    """Where a report goes: stdout, or a file written whole or not at all (``_replace``)."""
    if path is None:
        yield sys.stdout
        return
    with _replace(path) as raw, io.TextIOWrapper(raw, encoding="utf-8") as handle:
        yield handle


@contextlib.contextmanager
def _replace(path: str) -> Iterator[BinaryIO]:
    """A file written whole or not at all: a temporary file in the same directory, renamed over the
    target when complete (a killed run never leaves a truncated report)."""
    import tempfile

    folder = os.path.dirname(os.path.abspath(path))
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=".factcheck-", suffix=".tmp", dir=folder)
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror}") from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            yield handle
        if os.path.exists(path):
            with contextlib.suppress(OSError):
                os.chmod(temporary, os.stat(path).st_mode & 0o7777)
        else:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise UsageError(f"cannot write {path}: {error.strerror}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _size(text: str) -> int:
    """``--max-file-size``: "50M", "800K", "2G" or a number of bytes."""
    import regex

    match = regex.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMG]?)B?\s*", text, flags=regex.IGNORECASE)
    if not match or float(match.group(1)) <= 0:
        raise argparse.ArgumentTypeError(f"expected a size such as 50M or 800K, got {text!r}")
    scale = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[match.group(2).lower()]
    return int(float(match.group(1)) * scale)


def _jobs(text: str) -> int:
    """``--jobs``: a number of processes, at least 1."""
    try:
        jobs = int(text)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"expected a number of processes (1 or more), got {text!r}")
    return jobs


def _jobs_of(args: argparse.Namespace) -> int:
    from factcheck.parallel import default_jobs

    return int(args.jobs) if args.jobs else default_jobs()


@contextlib.contextmanager
def _engine(args: argparse.Namespace) -> Iterator[DaskEngine | None]:
    """``--engine``: None for the local engine, else a Dask engine on ``--scheduler`` (or
    ``$DASK_SCHEDULER_ADDRESS``, or a local cluster of ``--jobs`` workers) for the run."""
    if args.engine != "dask":
        if args.scheduler:
            raise UsageError("--scheduler needs --engine dask")
        yield None
        return
    from factcheck.dask_engine import DaskEngine

    scheduler = args.scheduler or os.environ.get("DASK_SCHEDULER_ADDRESS") or None
    with DaskEngine(scheduler, _jobs_of(args)) as engine:
        yield engine


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _check_outputs(args: argparse.Namespace, targets: Sequence[tuple[str, str]]) -> None:
    """Two outputs to one path would keep only the last: a usage error."""
    named = [("-o", args.output), ("--write-baseline", args.write_baseline)]
    named += [(f"--report {name}:{path}", path) for name, path in targets]
    seen: dict[str, str] = {}
    for flag, path in named:
        if path is None:
            continue
        key = os.path.realpath(path)
        if key in seen:
            raise UsageError(f"{flag} and {seen[key]} both write {path}: give each output its own file")
        seen[key] = flag


class _ProgressBar:
    """A progress bar on stderr over the whole run: each phase (loading, extracting, linking, each
    rule, suppressing) with its count when it has one, and the time since the run began.

    Silent when stderr is not a terminal, and for runs that end within ``DELAY`` seconds; transient:
    it is gone when the report is written.
    """

    DELAY = 1.0

    def __init__(self, *, enabled: bool = True) -> None:
        import time

        from rich.progress import BarColumn, Progress, TaskID, TextColumn
        from rich.text import Text

        clock = time.monotonic
        started = clock()
        self._clock = clock
        self._started = started
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        self._phase = ""
        if enabled and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import ProgressColumn, Task

            class Count(ProgressColumn):
                def render(self, task: Task) -> Text:
                    return Text(f"{task.completed:,.0f}/{task.total:,.0f}" if task.total else "", style="green")

            class Elapsed(ProgressColumn):
                def render(self, task: Task) -> Text:
                    seconds = int(clock() - started)
                    return Text(f"{seconds // 60}:{seconds % 60:02d}", style="yellow")

            columns = (TextColumn("{task.description}"), BarColumn(), Count(), Elapsed())
            self._progress = Progress(*columns, console=Console(file=sys.stderr), transient=True)

    def __call__(self, phase: str, done: int, total: int) -> None:
        if self._progress is None:
            return
        if self._task is None:
            if self._clock() - self._started < self.DELAY:
                return
            self._progress.start()
        if phase != self._phase or self._task is None:
            if self._task is not None:
                self._progress.remove_task(self._task)
            self._task = self._progress.add_task(phase, total=total or None, completed=done)
            self._phase = phase
        else:
            self._progress.update(self._task, completed=done)

    def __enter__(self) -> _ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.stop()


def _report_targets(args: argparse.Namespace) -> list[tuple[str, str]]:
    """(format, path) of each ``--report FORMAT:PATH``."""
    targets = []
    for spec in args.report or ():
        name, sep, path = spec.partition(":")
        if not sep or not name or not path:
            raise UsageError(f"--report expects FORMAT:PATH, got {spec!r}")
        targets.append((name, path))
    return targets


def _configuration(args: argparse.Namespace) -> Config:
    """The configuration in force: ``--config``, none with ``--isolated``, else the one nearest the first
    path checked (as ruff finds it), else the one nearest the current directory."""
    from factcheck.config import load_config

    first = next((Path(p).resolve() for p in args.paths if p != "-" and Path(p).exists()), None)
    start = None if first is None else (first if first.is_dir() else first.parent)
    config = load_config(args.config, isolated=args.isolated, start=start)
    if config.path is None and start is not None and not args.isolated and args.config is None:
        config = load_config(None)
    return config


def _rule_choice(args: argparse.Namespace, config: Config) -> tuple[list[str], tuple[str, ...], tuple[str, ...]]:
    """Rule directories, selected and ignored prefixes: the command line's, else the configuration's."""
    from factcheck.config import merge

    rules_dirs = [*config.rules, *_split(args.rules)]
    return rules_dirs, merge(_split(args.select), config.select) or (), merge(_split(args.ignore), config.ignore) or ()


def _with_corpus(changed: Sequence[str], corpus: Sequence[str] | None, root: str) -> list[str]:
    """What a run on changed files reads: the corpus (default: the project root) and the changed files."""
    return [*(_split(corpus) or [root]), *(p for p in changed if p != "-")]


def _exit_status(args: argparse.Namespace, config: Config, findings: Sequence[Finding]) -> int:
    """1 when a finding is at or above ``--fail-on`` (else the configuration's, else error), else 0."""
    from factcheck.model import Severity

    fail_on = args.fail_on or config.fail_on or "error"
    if fail_on == "never":
        return EXIT_OK
    threshold = Severity.parse(fail_on)
    return EXIT_FINDINGS if any(f.severity >= threshold for f in findings) else EXIT_OK


@dataclass(frozen=True, slots=True)
class _CheckSettings:
    """What a ``check`` run uses, from the command line over the configuration file."""

    config: Config
    root: str
    paths: tuple[str, ...]
    changed: tuple[str, ...] | None
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    rules_dirs: tuple[str, ...]
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    fail_on: str
    cache_dir: str | None = None


def _check_settings(args: argparse.Namespace) -> _CheckSettings:
    from factcheck.config import merge, project_root
    from factcheck.sources import DEFAULT_INCLUDE

    config = _configuration(args)
    root = project_root(config, args.paths)
    changed = tuple(args.paths) if args.changed else None
    rules_dirs, select, ignore = _rule_choice(args, config)
    return _CheckSettings(
        config=config,
        root=root,
        paths=tuple(_with_corpus(args.paths, args.corpus, root) if changed is not None else args.paths),
        changed=changed,
        include=merge(_split(args.include), config.include) or DEFAULT_INCLUDE,
        exclude=merge(_split(args.exclude), config.exclude) or (),
        rules_dirs=tuple(rules_dirs),
        select=select,
        ignore=ignore,
        fail_on=args.fail_on or config.fail_on or "error",
        cache_dir=_cache_dir(args, config, root),
    )


def _cache_dir(args: argparse.Namespace, config: Config, root: str) -> str | None:
    """The index's directory: ``--cache-dir``, else the configuration's, else .factcheck_cache in the
    project root; None with ``--no-cache``."""
    from factcheck.index import CACHE_DIR

    if args.no_cache:
        return None
    return args.cache_dir or config.cache_dir or os.path.join(root, CACHE_DIR)


def _run_check(args: argparse.Namespace) -> int:
    from factcheck import rule_docs
    from factcheck.model import Severity
    from factcheck.pipeline import active_rules, check
    from factcheck.report import ReportOptions, RuleInfo, get_writer
    from factcheck.suppress import UNUSED_RULE, baseline_json, read_baseline

    UNUSED_SUPPRESSION = RuleInfo(
        UNUSED_RULE,
        "info",
        "An inline suppression comment that hides no finding.",
        "unused suppression",
        help_uri=rule_docs.url(UNUSED_RULE),
    )
    settings = _check_settings(args)
    config = settings.config
    active = active_rules(settings.rules_dirs, settings.select, settings.ignore, config.severity)
    if args.show_settings:
        with _output(args.output) as stream:
            _write_settings(args, settings, active, stream)
        return EXIT_OK
    if args.show_files:
        with _output(args.output) as stream:
            _write_files(args, settings, stream)
        return EXIT_OK
    writer = get_writer(args.format)
    report_targets = _report_targets(args)
    _check_outputs(args, report_targets)
    targets = [(get_writer(name), path) for name, path in report_targets]
    rules = (*(RuleInfo.from_rule(rule) for rule in active), UNUSED_SUPPRESSION)
    with _engine(args) as engine, _ProgressBar(enabled=not args.quiet) as progress:
        report = check(
            settings.paths,
            include=settings.include,
            exclude=settings.exclude,
            rules_dirs=settings.rules_dirs,
            select=settings.select,
            ignore=settings.ignore,
            severity=config.severity,
            per_file_ignores=config.per_file_ignores,
            baseline=read_baseline(args.baseline) if args.baseline else frozenset(),
            changed=settings.changed,
            stdin_filename=args.stdin_filename,
            progress=progress,
            max_file_size=args.max_file_size,
            root=settings.root,
            follow_links=args.follow_links,
            respect_gitignore=args.respect_gitignore,
            people=config.people,
            facts=config.facts,
            jobs=_jobs_of(args),
            engine=engine,
            cache_dir=settings.cache_dir,
            cache_warn=(lambda _line: None) if args.quiet else None,
        )
    if not args.quiet:
        for error in report.errors:
            print(f"factcheck: {error.path}: {error.message}", file=sys.stderr)
    if args.write_baseline:
        # Every finding is recorded, whatever --min-severity shows: raising it later shows no old ones.
        with _output(args.write_baseline) as stream:
            stream.write(baseline_json(report.findings))
    if args.min_severity:
        shown = Severity.parse(args.min_severity)
        report = replace(report, findings=tuple(f for f in report.findings if f.severity >= shown))
    for target_writer, path in targets:
        with _output(path) as stream:
            target_writer(report, stream, ReportOptions(color=False, width=100, tool_version=__version__, rules=rules))
    with _output(args.output) as stream:
        if args.statistics:
            _write_statistics(report, stream, as_json=args.format == "json")
        else:
            width = _width(stream, 100)
            options = ReportOptions(color=_use_color(args, stream), width=width, tool_version=__version__, rules=rules)
            writer(report, stream, options)
    if args.write_baseline or args.exit_zero:
        return EXIT_OK  # a baseline records the findings, it does not fail them
    return _exit_status(args, config, report.findings)


def _run_annotate(args: argparse.Namespace) -> int:
    """``factcheck annotate DRAFT``: the draft checked as a changed file, and a copy with a note on every
    place a finding involves (``docs/annotate.md``)."""
    from factcheck.annotate import annotated, check_output, default_output, draft_format, output_exclude
    from factcheck.config import project_root
    from factcheck.pipeline import check
    from factcheck.report import docx_comments, markdown_footnotes
    from factcheck.sources import DEFAULT_INCLUDE
    from factcheck.sources.docx import DocxError

    draft = args.paths[0]
    kind = draft_format(draft, args.format)
    if not os.path.isfile(draft):
        raise UsageError(f"{draft}: {'not a regular file' if os.path.exists(draft) else 'no such file'}")
    output = args.output or default_output(draft)
    check_output(draft, output)
    config = _configuration(args)
    root = project_root(config, args.paths, start=Path(draft).resolve().parent)
    rules_dirs, select, ignore = _rule_choice(args, config)
    with _ProgressBar() as progress:
        report = check(
            _with_corpus(args.paths, args.against, root),
            include=config.include or DEFAULT_INCLUDE,
            exclude=(*(config.exclude or ()), *output_exclude(draft, output)),
            rules_dirs=rules_dirs,
            select=select,
            ignore=ignore,
            severity=config.severity,
            per_file_ignores=config.per_file_ignores,
            changed=args.paths,
            progress=progress,
            root=root,
            people=config.people,
            facts=config.facts,
        )
    result = annotated(report, draft, root)
    for error in report.errors:
        print(f"factcheck: {error.path}: {error.message}", file=sys.stderr)
    with _replace(output) as stream:
        if kind == "markdown":
            markdown_footnotes.write(result.draft, result.notes, stream)
        else:
            try:
                docx_comments.write(Path(draft).read_bytes(), result.draft.text, result.notes, stream)
            except DocxError as error:
                raise UsageError(f"{draft}: {error}") from None
    notes, findings = len(result.notes), len(report.findings)
    noun = "footnote" if kind == "markdown" else "comment"
    said = f"{notes} {noun}{'s' * (notes != 1)} on {findings} finding{'s' * (findings != 1)}"
    print(f"factcheck: wrote {output}: {said}", file=sys.stderr)
    return _exit_status(args, config, report.findings)


def _shown(path: str) -> str:
    """A path for people: relative to the current directory when below it, else as it is."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def _write_settings(args: argparse.Namespace, settings: _CheckSettings, rules: Sequence[Rule], stream: TextIO) -> None:
    """``--show-settings``: the settings in force, as YAML (what the configuration file would say)."""
    import yaml

    from factcheck.rule_docs import rule_file_display
    from factcheck.ruleset import builtin_rules_dir

    config = settings.config
    data = {
        "configuration": _shown(config.path) if config.path else None,
        "project-root": _shown(settings.root) if _shown(settings.root) != "." else ".",
        "paths": list(settings.paths),
        "changed": list(settings.changed) if settings.changed is not None else None,
        "include": list(settings.include),
        "exclude": list(settings.exclude),
        "respect-gitignore": args.respect_gitignore,
        "follow-links": args.follow_links,
        "rules-directories": [_shown(d) for d in settings.rules_dirs],
        "select": list(settings.select),
        "ignore": list(settings.ignore),
        "fail-on": settings.fail_on,
        "min-severity": args.min_severity or "info",
        "severity": {rule: level.label for rule, level in config.severity},
        "per-file-ignores": {glob: list(prefixes) for glob, prefixes in config.per_file_ignores},
        "people": _shown(config.people) if config.people else None,
        "facts": _shown(config.facts) if config.facts else None,
        "cache-dir": _shown(settings.cache_dir) if settings.cache_dir else None,
        "rules": {rule.id: f"{rule.severity.label} ({rule_file_display(rule, builtin_rules_dir())})" for rule in rules},
    }
    stream.write(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=120))


def _write_files(args: argparse.Namespace, settings: _CheckSettings, stream: TextIO) -> None:
    """``--show-files``: every file a run would read, relative to the project root, one per line."""
    from factcheck.pipeline import root_relative
    from factcheck.sources.discover import discover

    files, errors = discover(
        [p for p in settings.paths if p != "-"],
        settings.include,
        settings.exclude,
        follow_links=args.follow_links,
        respect_gitignore=args.respect_gitignore,
    )
    for path in sorted({root_relative(path, settings.root) for path in files}):
        stream.write(f"{path}\n")
    if not args.quiet:
        for error in errors:
            print(f"factcheck: {error.path}: {error.message}", file=sys.stderr)


def _write_statistics(report: Report, stream: TextIO, *, as_json: bool = False) -> None:
    """``--statistics``: findings per rule, most frequent first (ruff's layout), or as a JSON list."""
    counts: dict[tuple[str, str], int] = {}
    for finding in report.findings:
        key = (finding.rule, finding.kind)
        counts[key] = counts.get(key, 0) + 1
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if as_json:
        import json

        rows = [{"rule": rule, "kind": kind, "count": count} for (rule, kind), count in ordered]
        stream.write(json.dumps(rows, indent=2) + "\n")
        return
    for (rule, kind), count in ordered:
        stream.write(f"{count:>5}  {rule:<28} {kind}\n")
    stream.write(f"{len(report.findings):>5}  total\n")


def _run_claims(args: argparse.Namespace) -> int:
    from factcheck.pipeline import extract_all
    from factcheck.report import claims_report
    from factcheck.sources import DEFAULT_INCLUDE, load_paths

    documents, errors = load_paths(
        args.paths,
        include=_split(args.include) or DEFAULT_INCLUDE,
        exclude=_split(args.exclude),
        stdin_filename=args.stdin_filename,
        follow_links=args.follow_links,
        respect_gitignore=args.respect_gitignore,
    )
    if not args.quiet:
        for error in errors:
            print(f"factcheck: {error.path}: {error.message}", file=sys.stderr)
    with _ProgressBar(enabled=not args.quiet) as progress:
        claims = extract_all(documents, progress, jobs=_jobs_of(args))
    rows = claims_report.claim_rows(documents, claims)
    with _output(args.output) as stream:
        if args.format == "json":
            claims_report.write_json(rows, stream)
        elif args.format == "csv":
            claims_report.write_csv(rows, stream)
        else:
            width = _width(stream, 160)
            claims_report.write_rich(documents, claims, stream, color=_use_color(args, stream), width=width)
    return EXIT_OK


def _run_rules(args: argparse.Namespace) -> int:
    from factcheck.report import rules_report
    from factcheck.ruleset import load_rules
    from factcheck.suppress import UNUSED_RULE

    rules = load_rules(_split(args.rules))
    with _output(args.output) as stream:
        width = _width(stream, 100)
        color = _use_color(args, stream)
        if args.command == "rules":
            rules_report.write_rule_list(rules, stream, color=color, width=width)
            return EXIT_OK
        chosen = [r for r in rules if r.id == args.rule_id]
        if not chosen and args.rule_id == UNUSED_RULE:
            rules_report.write_unused_rule(stream)
            return EXIT_OK
        if not chosen:
            raise UsageError(f"unknown rule {args.rule_id!r} (see 'factcheck rules')")
        rules_report.write_rule(chosen[0], stream, color=color, width=width)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    if (sys.argv[1:] if argv is None else list(argv)) == ["--version"]:
        # Answered before the parser is built: its help lists the formats, which imports the reporters
        # and the model (half of the command's time).  argparse's answer is the same line.
        print(f"factcheck {__version__}")
        return EXIT_OK
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    runners = {
        "check": _run_check,
        "annotate": _run_annotate,
        "claims": _run_claims,
        "rules": _run_rules,
        "rule": _run_rules,
    }
    collecting = gc.isenabled()
    if args.command in _BATCH_COMMANDS:
        gc.disable()
    try:
        return runners[args.command](args)
    except FactcheckError as error:
        print(f"factcheck: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away ("| head -1"): end quietly, as a program killed by SIGPIPE would
        # (exit 128 + 13), and keep Python from complaining when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except Exception as error:  # the last line of defence: one line, not a traceback
        if args.debug:
            raise
        print(
            f"factcheck: internal error: {type(error).__name__}: {error} (run with --debug for a traceback)",
            file=sys.stderr,
        )
        return EXIT_ERROR
    finally:
        if collecting:
            gc.enable()


# Commands that read a corpus run without the cyclic garbage collector.  A run builds millions of
# objects that live to its end and makes almost no cycles (about 1,000 cyclic objects in a
# 10,000-article check), so the collector, woken every 700 allocations, only traced the same live
# objects again and again: 8 of the 46 CPU seconds of a warm 10,000-article check, half of reading
# the index.  Reference counting still frees everything else; forked extraction workers inherit this.
_BATCH_COMMANDS = frozenset({"check", "annotate", "claims"})


if __name__ == "__main__":
    sys.exit(main())
