"""The Dask engine (``factcheck check --engine dask``): extraction and story-local checks on a cluster.

A run's stages stay where ``factcheck.pipeline`` puts them; this engine moves two of them:

* **extract**: the documents, loaded here (the client), become a Dask bag; ``extract_document`` is
  mapped over its partitions on the workers and the extractions come back in document order.  The
  client loads because loading decides what a run reads (discovery, ignore files, standard input, the
  project root, error entries): doing it once, here, keeps those answers the same as a local run's
  and asks nothing of the workers' file systems.  A document's text crosses the network once.
* **compare, per story**: the checks whose findings are story-local run as one task per block of
  whole stories (``STORY_LOCAL_CHECKS``); each task builds the claims table of its own documents.
  Every other check reads across stories and runs here, on the whole run's table (see
  ``docs/scaling.md`` for the check-by-check reasons).

Findings are the same, byte for byte, as the local engine's (a test compares the JSON reports).
Workers need factcheck (the same version) and ``dask[distributed]`` installed; they read no files.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import replace
from types import TracebackType
from typing import TYPE_CHECKING, Any

from factcheck.errors import UsageError
from factcheck.model import Document, Finding

if TYPE_CHECKING:
    from distributed import Client

    from factcheck.checks.base import Rule
    from factcheck.extract import Extraction
    from factcheck.link.stories import Stories
    from factcheck.pipeline import Progress

__all__ = ["STORY_LOCAL_CHECKS", "DaskEngine", "require_dask", "story_findings"]

INSTALL_HINT = "--engine dask needs dask[distributed]: pip install 'dask[distributed]'"

# Checks whose findings never involve two stories and read nothing of the run beyond their own
# documents: arithmetic, dates and headline read one document at a time; numeric-consistency pairs
# claims only within a story (the link stage blocks on the story) and names the story from the run's
# story names, which every task receives.  ``reference`` is per-document too but reads the facts files
# by their paths on this machine, so it stays here.
STORY_LOCAL_CHECKS = frozenset({"arithmetic", "dates", "headline", "numeric-consistency"})

# Documents per task at most: enough to keep sending cheap, few enough that the workers stay evenly
# loaded to the end (factcheck.parallel chooses the same).
_MAX_CHUNK = 32


def require_dask() -> None:
    """A usage error, saying how to install it, when ``dask[distributed]`` is not installed."""
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        raise UsageError(INSTALL_HINT) from None


class DaskEngine:
    """Extraction and the story-local checks on a Dask cluster: the one at ``scheduler`` (an address
    such as ``tcp://10.0.0.5:8786``), else a ``LocalCluster`` of ``jobs`` single-threaded workers
    (``processes=False``: threads of this process, for tests).  Use it as a context manager."""

    def __init__(self, scheduler: str | None = None, jobs: int = 1, *, processes: bool = True) -> None:
        require_dask()
        self.scheduler = scheduler
        self.jobs = max(1, jobs)
        self.processes = processes
        self._client: Client | None = None
        self._cluster: Any = None

    def __enter__(self) -> DaskEngine:
        from distributed import Client, LocalCluster

        if self.scheduler:
            self._client = Client(self.scheduler)
        else:
            self._cluster = LocalCluster(
                n_workers=self.jobs,
                threads_per_worker=1,
                processes=self.processes,
                dashboard_address=":0",  # a free port: never a clash with another cluster
                silence_logs=logging.ERROR,
            )
            self._client = Client(self._cluster)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()
        self._client = self._cluster = None

    @property
    def client(self) -> Client:
        if self._client is None:
            raise RuntimeError("DaskEngine is used outside its 'with' block")
        return self._client

    def _chunk_size(self, total: int) -> int:
        workers = max(1, len(self.client.scheduler_info().get("workers", {})) or self.jobs)
        return max(1, min(_MAX_CHUNK, total // (workers * 4)))

    def extract(self, documents: Sequence[Document], progress: Progress | None = None) -> list[Extraction]:
        """``extract_document`` of every document on the workers, in document order."""
        import dask.bag as db
        from distributed import as_completed

        from factcheck.extract import extract_document

        total = len(documents)
        if not total:
            return []
        bag = db.from_sequence(list(documents), partition_size=self._chunk_size(total))
        futures = self.client.compute(bag.map(extract_document).to_delayed())
        parts: dict[str, list[Extraction]] = {}
        for future, part in as_completed(futures, with_results=True):
            parts[future.key] = part
            if progress is not None:
                progress("extracting", sum(len(p) for p in parts.values()), total)
        return [extraction for future in futures for extraction in parts[future.key]]

    def compare(
        self,
        rules: Sequence[Rule],
        documents: Sequence[Document],
        extractions: Sequence[Extraction],
        stories: Stories,
        progress: Progress | None = None,
    ) -> dict[str, list[Finding]]:
        """Findings of the story-local rules among ``rules``, by rule id, each rule's from every block of
        stories; the other rules are left to the caller."""
        local = [rule for rule in rules if rule.check in STORY_LOCAL_CHECKS]
        if not local or not documents:
            return {}
        blocks = story_blocks(stories.of_document, self._chunk_size(len(documents)))
        # The run's story names and name shares go to each worker once, not with every task.
        [shared] = self.client.scatter([(stories.names, stories.name_shares)], broadcast=True)
        futures = [
            self.client.submit(
                story_findings,
                local,
                [documents[i] for i in block],
                [extractions[i] for i in block],
                [stories.of_document[i] for i in block],
                shared,
                len(documents),
                pure=False,
            )
            for block in blocks
        ]
        found: dict[str, list[Finding]] = {rule.id: [] for rule in local}
        for done, future in enumerate(futures, start=1):
            for rule_id, findings in future.result():
                found[rule_id].extend(findings)
            if progress is not None:
                progress("comparing stories", done, len(futures))
        return found


def story_blocks(of_document: Sequence[int], size: int) -> list[list[int]]:
    """Document indices grouped into blocks of whole stories (about ``size`` documents each, a larger
    story whole), stories in order of their first document, documents in order within each block."""
    members: dict[int, list[int]] = {}
    for index, story in enumerate(of_document):
        members.setdefault(story, []).append(index)
    blocks: list[list[int]] = []
    current: list[int] = []
    for story_members in members.values():
        current.extend(story_members)
        if len(current) >= size:
            blocks.append(sorted(current))
            current = []
    if current:
        blocks.append(sorted(current))
    return blocks


def story_findings(
    rules: Sequence[Rule],
    documents: Sequence[Document],
    extractions: Sequence[Extraction],
    of_document: Sequence[int],
    shared: tuple[tuple[str, ...], tuple[Mapping[str, float], ...]],
    run_size: int,
) -> list[tuple[str, list[Finding]]]:
    """(rule id, findings) of story-local rules on a block of whole stories (a task on a worker).

    ``of_document`` holds each document's story number in the whole run and ``shared`` the run's story
    names and name shares, so the checks see the stories as the whole run does; the claims table is
    the block's own (``run_size``: the run's documents; a run of one has no table).
    """
    from factcheck.checks import CHECKS
    from factcheck.checks.base import CheckContext
    from factcheck.link.stories import Stories

    names, name_shares = shared
    stories = Stories(tuple(of_document), names, name_shares)
    claims = [extraction.claims for extraction in extractions]
    table = None
    if run_size >= 2:
        from factcheck.table import build_table

        table = build_table(documents, claims)
    block = CheckContext(rules[0], documents, claims, table, stories, extractions=extractions)
    return [(rule.id, list(CHECKS[rule.check]().run(replace(block, rule=rule)))) for rule in rules]
