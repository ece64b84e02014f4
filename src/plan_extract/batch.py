"""Runs many inputs: each file is read and extracted on its own, so one bad file costs only itself.

With jobs > 1 files go to worker processes and come back in input order, so the output is the same
as a serial run's.
"""

from __future__ import annotations

import gc
import os
import threading
import time
from dataclasses import dataclass, field
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
    rows: list = field(default_factory=list)  # records as dicts, or as JSON text (as_json)
    document: dict | None = None  # a DocumentInfo as a dict: cheap to pass between processes
    error: str | None = None  # one line: `path: what is wrong`
    notice: str | None = None


def process(path: str, rules: list[CompiledRule], encoding: str | None = None,
            keep_duplicates: bool = False, time_limit: float | None = DEFAULT_TIME_LIMIT,
            as_json: bool = False) -> Result:
    from .engine import extract_text
    from .load import read_document

    try:
        doc = read_document(path, encoding)
        records, facts = extract_text(doc.text, path, rules, keep_duplicates, time_limit)
    except PlanExtractError as e:
        return Result(path, error=str(e) if e.path else f"{path}: {e}")
    except MemoryError:
        return Result(path, error=f"{path}: out of memory")
    except Exception as e:  # a bug met on one document costs that document only
        return Result(path, error=f"{path}: internal error ({type(e).__name__}: {_one_line(e)}), document skipped")
    info = DocumentInfo(doc=path, region=facts.region, plan=facts.plan, published=facts.published,
                        encoding=doc.encoding, html=doc.html, characters=len(doc.text),
                        records=len(records)).model_dump()
    notice = f"{path}: empty document, no rows" if not doc.text.strip() else None
    # JSON rows are encoded here, by pydantic's serializer (several times faster than json.dumps of a dict)
    rows = [r.model_dump_json() for r in records] if as_json else [r.model_dump() for r in records]
    return Result(path, rows, info, notice=notice)


def _one_line(e: BaseException) -> str:
    text = " ".join(str(e).split())
    return text[:200] + "…" if len(text) > 200 else text


_worker_args: tuple = ()


def _init_worker(rules_dir, encoding, keep_duplicates, time_limit, as_json):
    """Under fork the parent's compiled rules are inherited; under spawn they are loaded again."""
    global _worker_args
    from .exits import reset_in_worker

    reset_in_worker()
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    if not _worker_args:
        from .rules import load_rules

        _worker_args = (load_rules(rules_dir), encoding, keep_duplicates, time_limit, as_json)


def _exit_with_parent(parent: int) -> None:
    """A parent killed without a chance to clean up (SIGKILL) leaves its workers waiting for tasks
    forever: each worker ends itself once it has been orphaned."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _work(path: str) -> Result:
    return process(path, *_worker_args)


def run(paths: list[str], rules: list[CompiledRule], rules_dir: str | None, encoding: str | None = None,
        keep_duplicates: bool = False, jobs: int = 1,
        time_limit: float | None = DEFAULT_TIME_LIMIT, as_json: bool = False) -> Iterator[Result]:
    """Yields one Result per input path, in order. Stdin ("-") is always read in this process."""
    if jobs <= 1 or len(paths) < 2 or "-" in paths:
        for p in paths:
            yield process(p, rules, encoding, keep_duplicates, time_limit, as_json)
        return
    import multiprocessing as mp

    global _worker_args
    ctx = mp.get_context("fork" if hasattr(os, "fork") else "spawn")
    if ctx.get_start_method() == "fork":
        _worker_args = (rules, encoding, keep_duplicates, time_limit, as_json)
        gc.freeze()  # the inherited heap stays out of the workers' collections: fewer copy-on-write pages
    with ctx.Pool(min(jobs, len(paths)), _init_worker,
                  (rules_dir, encoding, keep_duplicates, time_limit, as_json)) as pool:
        yield from pool.imap(_work, paths, chunksize=max(1, min(16, len(paths) // (jobs * 8))))


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1

