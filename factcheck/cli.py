"""The command line: ``factcheck check|claims|rules|rule``.

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
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from factcheck._version import __version__
from factcheck.errors import FactcheckError, UsageError

if TYPE_CHECKING:
    from factcheck.model import Report

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
        sub.add_argument("--no-color", action="store_true", help="never colour the output (NO_COLOR is honoured too)")
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
            "--jobs",
            type=_jobs,
            metavar="N",
            help="processes that extract claims (default: one per CPU; 1: none besides this one); "
            "a run of a few documents always uses one",
        )

    check = commands.add_parser("check", help="compare the claims of articles and report conflicts")
    inputs(check)
    check.add_argument("--format", default="rich", metavar="FORMAT", help=f"report format: {formats} (default: rich)")
    check.add_argument(
        "--report",
        action="append",
        metavar="FORMAT:PATH",
        help="also write a report in FORMAT to PATH (repeatable)",
    )
    check.add_argument(
        "--fail-on", choices=_FAIL_ON, default=None, help="lowest severity that makes the exit code 1 (default: error)"
    )
    check.add_argument("--config", metavar="FILE", help="configuration file (default: the nearest one upward)")
    check.add_argument("--isolated", action="store_true", help="ignore every configuration file")
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
    check.add_argument("--statistics", action="store_true", help="print the number of findings per rule instead")
    check.add_argument("--rules", action="append", metavar="DIR", help="extra rule directory (repeatable)")
    check.add_argument("--select", action="append", metavar="PREFIX", help="only rules with these id prefixes")
    check.add_argument("--ignore", action="append", metavar="PREFIX", help="skip rules with these id prefixes")
    common(check)

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
    if args.no_color or os.environ.get("NO_COLOR") or args.output:
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
    """Where a report goes: stdout, or a file written whole or not at all (a temporary file in the same
    directory, renamed over the target when complete: a killed run never leaves a truncated report)."""
    if path is None:
        yield sys.stdout
        return
    folder = os.path.dirname(os.path.abspath(path))
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=".factcheck-", suffix=".tmp", dir=folder)
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror}") from None
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
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
    """A progress bar on stderr for long runs; silent when stderr is not a terminal."""

    def __init__(self) -> None:
        from rich.progress import Progress, TaskID

        self._progress: Progress | None = None
        self._task: TaskID | None = None
        if sys.stderr.isatty():
            from rich.console import Console

            self._progress = Progress(console=Console(file=sys.stderr), transient=True)

    def __call__(self, done: int, total: int) -> None:
        if self._progress is None or total < 20:
            return
        if self._task is None:
            self._progress.start()
            self._task = self._progress.add_task("extracting", total=total)
        self._progress.update(self._task, completed=done)
        if done >= total:
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


def _run_check(args: argparse.Namespace) -> int:
    from factcheck.config import load_config, merge, project_root
    from factcheck.model import Severity
    from factcheck.pipeline import active_rules, check
    from factcheck.report import ReportOptions, RuleInfo, get_writer
    from factcheck.sources import DEFAULT_INCLUDE
    from factcheck.suppress import UNUSED_RULE, baseline_json, read_baseline

    UNUSED_SUPPRESSION = RuleInfo(
        UNUSED_RULE, "info", "An inline suppression comment that hides no finding.", "unused suppression"
    )

    # The configuration is the one nearest the first path checked (as ruff finds it), else the one
    # nearest the current directory.
    first = next((Path(p).resolve() for p in args.paths if p != "-" and Path(p).exists()), None)
    start = None if first is None else (first if first.is_dir() else first.parent)
    config = load_config(args.config, isolated=args.isolated, start=start)
    if config.path is None and start is not None and not args.isolated and args.config is None:
        config = load_config(None)
    root = project_root(config, args.paths)
    writer = get_writer(args.format)
    report_targets = _report_targets(args)
    _check_outputs(args, report_targets)
    targets = [(get_writer(name), path) for name, path in report_targets]
    paths = list(args.paths)
    changed = None
    if args.changed:
        changed = paths
        paths = _split(args.corpus) or [root]
        paths += [p for p in changed if p != "-"]
    rules_dirs = [*config.rules, *_split(args.rules)]
    select = merge(_split(args.select), config.select) or ()
    ignore = merge(_split(args.ignore), config.ignore) or ()
    rules = (
        *(RuleInfo.from_rule(rule) for rule in active_rules(rules_dirs, select, ignore, config.severity)),
        UNUSED_SUPPRESSION,
    )
    report = check(
        paths,
        include=merge(_split(args.include), config.include) or DEFAULT_INCLUDE,
        exclude=merge(_split(args.exclude), config.exclude) or (),
        rules_dirs=rules_dirs,
        select=select,
        ignore=ignore,
        severity=config.severity,
        per_file_ignores=config.per_file_ignores,
        baseline=read_baseline(args.baseline) if args.baseline else frozenset(),
        changed=changed,
        stdin_filename=args.stdin_filename,
        progress=_ProgressBar(),
        max_file_size=args.max_file_size,
        root=root,
        follow_links=args.follow_links,
        jobs=_jobs_of(args),
    )
    for error in report.errors:
        print(f"factcheck: {error.path}: {error.message}", file=sys.stderr)
    if args.write_baseline:
        with _output(args.write_baseline) as stream:
            stream.write(baseline_json(report.findings))
    for target_writer, path in targets:
        with _output(path) as stream:
            target_writer(report, stream, ReportOptions(color=False, width=100, tool_version=__version__, rules=rules))
    with _output(args.output) as stream:
        if args.statistics:
            _write_statistics(report, stream)
        else:
            width = _width(stream, 100)
            options = ReportOptions(color=_use_color(args, stream), width=width, tool_version=__version__, rules=rules)
            writer(report, stream, options)
    if args.write_baseline:
        return EXIT_OK  # the findings were recorded, not failed
    fail_on = args.fail_on or config.fail_on or "error"
    if fail_on == "never":
        return EXIT_OK
    threshold = Severity.parse(fail_on)
    return EXIT_FINDINGS if any(f.severity >= threshold for f in report.findings) else EXIT_OK


def _write_statistics(report: Report, stream: TextIO) -> None:
    """``--statistics``: findings per rule, most frequent first (ruff's layout)."""
    counts: dict[tuple[str, str], int] = {}
    for finding in report.findings:
        key = (finding.rule, finding.kind)
        counts[key] = counts.get(key, 0) + 1
    for (rule, kind), count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
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
    )
    for error in errors:
        print(f"factcheck: {error.path}: {error.message}", file=sys.stderr)
    claims = extract_all(documents, jobs=_jobs_of(args))
    rows = claims_report.claim_rows(documents, claims)
    with _output(args.output) as stream:
        if args.format == "json":
            claims_report.write_json(rows, stream)
        elif args.format == "csv":
            claims_report.write_csv(rows, stream)
        else:
            width = _width(stream, 160)
            claims_report.write_rich(rows, stream, color=_use_color(args, stream), width=width)
    return EXIT_OK


def _run_rules(args: argparse.Namespace) -> int:
    from factcheck.report import rules_report
    from factcheck.ruleset import load_rules

    rules = load_rules(_split(args.rules))
    with _output(args.output) as stream:
        width = _width(stream, 100)
        color = _use_color(args, stream)
        if args.command == "rules":
            rules_report.write_rule_list(rules, stream, color=color, width=width)
            return EXIT_OK
        chosen = [r for r in rules if r.id == args.rule_id]
        if not chosen:
            raise UsageError(f"unknown rule {args.rule_id!r} (see 'factcheck rules')")
        rules_report.write_rule(chosen[0], stream, color=color, width=width)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    runners = {"check": _run_check, "claims": _run_claims, "rules": _run_rules, "rule": _run_rules}
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


if __name__ == "__main__":
    sys.exit(main())
