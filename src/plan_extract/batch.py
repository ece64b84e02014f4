"""Runs many inputs: each file is read and extracted on its own, so one bad file costs only itself.

With jobs > 1 files go to worker processes and come back in input order, so the output is the same
as a serial run's; a worker that dies costs at most the document that killed it.
"""

from __future__ import annotations

import gc
import json
import os
import tempfile
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .errors import PlanExtractError
from .records import DocumentInfo
from .rules import CompiledRule

# Rule matching may take this long per document before the document is reported and skipped
# (a catastrophic user pattern must not hang a batch).
DEFAULT_TIME_LIMIT = 60.0


@dataclass
class Result:
    path: str
    rows: "list | Spool" = field(default_factory=list)  # records as dicts, or as JSON text (as_json)
    document: dict | None = None  # a DocumentInfo as a dict: cheap to pass between processes
    error: str | None = None  # one line: `path: what is wrong`
    notice: str | None = None


# A document with more rows than this spools them to a file (in the run's spool directory) instead
# of holding them: memory stays bounded however long one document is.
SPILL_ROWS = 5000


class Spool:
    """Rows of one long document, one JSON line each, in a file read back (and removed) by whoever
    writes the output. Only the file name crosses from a worker process to the parent."""

    def __init__(self, directory: str, as_json: bool):
        fd, self.path = tempfile.mkstemp(suffix=".jsonl", dir=directory)
        self.as_json, self.count = as_json, 0
        self._out = os.fdopen(fd, "w", encoding="utf-8")

    def add(self, rows: list) -> None:
        self._out.writelines((r if self.as_json else json.dumps(r, ensure_ascii=False)) + "\n" for r in rows)
        self.count += len(rows)

    def finish(self) -> "Spool":
        self._out.close()
        self._out = None
        return self

    def discard(self) -> None:
        if self._out is not None:
            self._out.close()
        Path(self.path).unlink(missing_ok=True)

    def __len__(self) -> int:
        return self.count

    def __iter__(self):
        try:
            with open(self.path, encoding="utf-8") as fh:
                for line in fh:
                    yield line.rstrip("\n") if self.as_json else json.loads(line)
        finally:
            Path(self.path).unlink(missing_ok=True)

    def __getstate__(self):
        return {"path": self.path, "as_json": self.as_json, "count": self.count, "_out": None}


def process(path: str, rules: list[CompiledRule], encoding: str | None = None,
            keep_duplicates: bool = False, time_limit: float | None = DEFAULT_TIME_LIMIT,
            as_json: bool = False, catalogue=None, spool_dir: str | None = None) -> Result:
    """One document's Result. Its rows stream out of the engine segment by segment; beyond
    SPILL_ROWS they go to a Spool in `spool_dir` (when given). A failure at any point costs this
    document only, and none of its rows are returned."""
    from .engine import DocumentRun
    from .load import read_document

    spool: Spool | None = None
    try:
        doc = read_document(path, encoding)
        run = DocumentRun(doc.text, path, rules, keep_duplicates, time_limit, doc.pages, doc.cell_x,
                          catalogue=catalogue)
        rows, count = [], 0
        for r in run:
            # JSON rows are encoded here, by pydantic's serializer (several times faster than json.dumps of a dict)
            rows.append(r.model_dump_json() if as_json else r.model_dump())
            count += 1
            if spool_dir is not None and len(rows) >= SPILL_ROWS:
                spool = spool or Spool(spool_dir, as_json)
                spool.add(rows)
                rows = []
        if spool is not None:
            spool.add(rows)
            rows = spool.finish()
        facts = run.facts
    except BaseException as e:
        if spool is not None:
            spool.discard()
        if isinstance(e, Exception):
            return Result(path, error=failure_line(path, e))
        raise  # a signal, Ctrl-C, exit: not this document's fault
    info = DocumentInfo(doc=path, region=facts.region, plan=facts.plan, published=facts.published,
                        encoding=doc.encoding, html=doc.html, characters=len(doc.text),
                        records=count, pages=len(doc.pages) if doc.pages else None).model_dump()
    notice = f"{path}: empty document, no rows" if not doc.text.strip() else None
    if doc.warnings:
        notice = "\n".join(f"{path}: {w}" for w in doc.warnings)
    return Result(path, rows, info, notice=notice)


def failure_line(path: str, e: Exception) -> str:
    """The one line that reports a document lost to `e`. Any exception counts: a bug met on one
    document costs that document only."""
    if isinstance(e, PlanExtractError):
        return str(e) if e.path else f"{path}: {e}"
    if isinstance(e, MemoryError):
        return f"{path}: out of memory"
    return f"{path}: internal error ({type(e).__name__}: {_one_line(e)}), document skipped"


def _one_line(e: BaseException) -> str:
    text = " ".join(str(e).split())
    return text[:200] + "…" if len(text) > 200 else text


_worker_args: tuple = ()


def _init_worker(parent, rules_dir, encoding, keep_duplicates, time_limit, as_json, indicators, spool_dir):
    """Under fork the parent's compiled rules are inherited; under spawn they are loaded again."""
    global _worker_args
    from .exits import reset_in_worker

    reset_in_worker()
    # `parent` comes from the parent: it may already be gone by the time this runs
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    if not _worker_args:
        from .catalogue import load_catalogue
        from .rules import load_rules

        # rules_dir: a directory, or (directory, added directories) as the CLI gives them
        rules = load_rules(*rules_dir) if isinstance(rules_dir, tuple) else load_rules(rules_dir)
        catalogue = load_catalogue(indicators) if indicators else None
        _worker_args = (rules, encoding, keep_duplicates, time_limit, as_json, catalogue, spool_dir)


def _exit_with_parent(parent: int) -> None:
    """A parent killed without a chance to clean up (SIGKILL) leaves its workers waiting for tasks
    forever: each worker ends itself once it has been orphaned."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _work(paths: list[str]) -> list[Result]:
    return [process(p, *_worker_args) for p in paths]


def run(paths: list[str], rules: list[CompiledRule], rules_dir: str | tuple | None, encoding: str | None = None,
        keep_duplicates: bool = False, jobs: int = 1,
        time_limit: float | None = DEFAULT_TIME_LIMIT, as_json: bool = False,
        catalogue=None, indicators: str | None = None) -> Iterator[Result]:
    """Yields one Result per input path, in order. Stdin ("-") is always read in this process.
    `catalogue` extends the bundled indicators; `indicators` is the file it came from (for spawn).
    Close the generator (contextlib.closing) to end the workers and remove unread spools at once."""
    with tempfile.TemporaryDirectory(prefix="plan-extract-spool-") as spool_dir:
        if jobs <= 1 or len(paths) < 2 or "-" in paths:
            for p in paths:
                yield process(p, rules, encoding, keep_duplicates, time_limit, as_json, catalogue, spool_dir)
            return
        import multiprocessing as mp

        global _worker_args
        ctx = mp.get_context("fork" if hasattr(os, "fork") else "spawn")
        if ctx.get_start_method() == "fork":
            _worker_args = (rules, encoding, keep_duplicates, time_limit, as_json, catalogue, spool_dir)
            gc.freeze()  # the inherited heap stays out of the workers' collections: fewer copy-on-write pages
        yield from _parallel(paths, ctx, min(jobs, len(paths)),
                             (os.getpid(), rules_dir, encoding, keep_duplicates, time_limit, as_json, indicators, spool_dir))


def _parallel(paths: list[str], ctx, jobs: int, initargs: tuple) -> Iterator[Result]:
    """Chunks of paths in worker processes, results in input order.

    A worker that dies (killed, out of memory) breaks the pool: rather than wait forever for its
    results (as multiprocessing.Pool would), the documents in flight are run again one at a time in
    a fresh pool, and a document that kills its worker even alone is reported and skipped."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from .exits import deferred

    size = max(1, min(16, len(paths) // (jobs * 8)))
    chunks = deque(paths[i:i + size] for i in range(0, len(paths), size))
    suspects: deque[str] = deque()
    while chunks or suspects:
        pool = ProcessPoolExecutor(1 if suspects else jobs, mp_context=ctx, initializer=_init_worker, initargs=initargs)
        try:
            if suspects:  # one at a time: a crash now is this document's
                path = suspects.popleft()
                with deferred():  # the pool forks its workers on the first submit
                    future = pool.submit(_work, [path])
                try:
                    yield from future.result()
                except BrokenProcessPool:
                    yield Result(path, error=f"{path}: the worker process died (killed, or out of memory?), document skipped")
                continue
            window: deque = deque()
            while chunks or window:
                try:
                    with deferred():  # the pool forks its workers on a submit
                        while chunks and len(window) < 2 * jobs:
                            window.append((chunks[0], pool.submit(_work, chunks[0])))
                            chunks.popleft()
                    results = window[0][1].result()
                except BrokenProcessPool:
                    # with nothing in flight (the pool broke before its first task) the next chunk
                    # is suspect too: every pass makes progress
                    suspects.extend(p for chunk, _ in window or [(chunks.popleft(), None)] for p in chunk)
                    break
                window.popleft()
                yield from results
        finally:
            _stop(pool)


def _stop(pool) -> None:
    """Ends the pool. When the process is about to end at once (a signal, a closed pipe) its workers
    are terminated mid-task and nothing waits for them: a worker killed while sending a result can
    leave the pool's manager thread waiting forever for the rest, so only the process's own end
    (exits.die) may follow. Otherwise queued tasks are cancelled and running ones let finish."""
    from .exits import urgent

    if not urgent():
        pool.shutdown(wait=True, cancel_futures=True)
        return
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        if proc.is_alive():
            proc.terminate()
    pool.shutdown(wait=False, cancel_futures=True)


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1

