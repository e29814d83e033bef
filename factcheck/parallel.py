"""Extraction on every core: one function over every document, in worker processes for a large run.

Extraction is a pure function of one document (``factcheck.extract``), so a run can hand documents to
a pool of processes and take the results back in document order: the report is the same, byte for
byte, whatever ``--jobs``.  A pool costs its start (forking, sending documents and results between
processes), so runs of fewer than ``POOL_MIN_DOCUMENTS`` documents stay in this process.

Where ``fork`` exists (Linux), the first document is extracted here first: that loads the grammar,
the vocabularies and the lemma dictionary (0.3-0.5 s), which the forked workers then share instead of
each loading them again.  An exception in a worker is raised here, as it would have been serially.
"""

from __future__ import annotations

import itertools
import os
import signal
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from factcheck.model import Document

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

__all__ = ["POOL_MIN_DOCUMENTS", "default_jobs", "map_documents"]

T = TypeVar("T")
Progress = Callable[[str, int, int], None]  # (phase, done, total), as factcheck.pipeline reports it

# Fewer documents than this are extracted in this process: a pool would cost more than it saves.
POOL_MIN_DOCUMENTS = 50
# Documents per task: enough to keep sending cheap, few enough that progress moves and the cores
# stay evenly loaded to the end.
_MAX_CHUNK = 32


def default_jobs() -> int:
    """How many processes extraction may use: the CPUs this process may run on."""
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13
    if counter is not None:
        count = counter()
    elif hasattr(os, "sched_getaffinity"):
        count = len(os.sched_getaffinity(0))
    else:
        count = os.cpu_count()
    return max(1, count or 1)


def map_documents(
    function: Callable[[Document], T],
    documents: Sequence[Document],
    progress: Progress | None = None,
    jobs: int = 1,
) -> list[T]:
    """``function(document)`` for every document, in document order; on ``jobs`` processes when there
    are at least ``POOL_MIN_DOCUMENTS`` documents (``function`` must be a module-level function)."""
    total = len(documents)
    out: list[T] = []
    if jobs <= 1 or total < POOL_MIN_DOCUMENTS:
        for document in documents:
            out.append(function(document))
            _report(progress, len(out), total)
        return out
    from concurrent.futures import ProcessPoolExecutor  # here: a small run does not import it

    context = _context()
    # With fork, the first document is extracted here: it loads what the workers will share.
    first = [function(documents[0])] if context.get_start_method() == "fork" else []
    rest = documents[len(first) :]
    size = max(1, min(_MAX_CHUNK, len(rest) // (jobs * 4)))
    chunks = [rest[i : i + size] for i in range(0, len(rest), size)]
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_ignore_interrupt) as pool:
        try:
            # map() submits every chunk, which starts the workers, before progress is first reported
            # (a progress display may start a thread, and a process should not fork with threads running).
            results = pool.map(_run_chunk, [function] * len(chunks), chunks)
            for result in itertools.chain(first, itertools.chain.from_iterable(results)):
                out.append(result)
                _report(progress, len(out), total)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    return out


def _context() -> BaseContext:
    import multiprocessing

    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _run_chunk(function: Callable[[Document], T], documents: Sequence[Document]) -> list[T]:
    return [function(document) for document in documents]


def _ignore_interrupt() -> None:
    # Ctrl-C reaches the whole process group: the parent stops the run and reports it, once.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress("extracting", done, total)
