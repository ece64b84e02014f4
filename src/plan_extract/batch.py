"""Runs many inputs: each file is read and extracted on its own, so one bad file costs only itself.

With jobs > 1 files go to worker processes and come back in input order, so the output is the same
as a serial run's.
"""

from __future__ import annotations

import gc
import os
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
            as_json: bool = False, catalogue=None) -> Result:
    from .engine import extract_text
    from .load import read_document

    try:
        doc = read_document(path, encoding)
        records, facts = extract_text(doc.text, path, rules, keep_duplicates, time_limit, doc.pages, doc.cell_x,
                                      catalogue=catalogue)
    except PlanExtractError as e:
        return Result(path, error=str(e) if e.path else f"{path}: {e}")
    except MemoryError:
        return Result(path, error=f"{path}: out of memory")
    info = DocumentInfo(doc=path, region=facts.region, plan=facts.plan, published=facts.published,
                        encoding=doc.encoding, html=doc.html, characters=len(doc.text),
                        records=len(records), pages=len(doc.pages) if doc.pages else None).model_dump()
    notice = f"{path}: empty document, no rows" if not doc.text.strip() else None
    if doc.warnings:
        notice = "\n".join(f"{path}: {w}" for w in doc.warnings)
    # JSON rows are encoded here, by pydantic's serializer (several times faster than json.dumps of a dict)
    rows = [r.model_dump_json() for r in records] if as_json else [r.model_dump() for r in records]
    return Result(path, rows, info, notice=notice)


_worker_args: tuple = ()


def _init_worker(rules_dir, encoding, keep_duplicates, time_limit, as_json, indicators=None):
    """Under fork the parent's compiled rules are inherited; under spawn they are loaded again."""
    global _worker_args
    if not _worker_args:
        from .catalogue import load_catalogue
        from .rules import load_rules

        # rules_dir: a directory, or (directory, added directories) as the CLI gives them
        rules = load_rules(*rules_dir) if isinstance(rules_dir, tuple) else load_rules(rules_dir)
        catalogue = load_catalogue(indicators) if indicators else None
        _worker_args = (rules, encoding, keep_duplicates, time_limit, as_json, catalogue)


def _work(path: str) -> Result:
    return process(path, *_worker_args)


def run(paths: list[str], rules: list[CompiledRule], rules_dir: str | tuple | None, encoding: str | None = None,
        keep_duplicates: bool = False, jobs: int = 1,
        time_limit: float | None = DEFAULT_TIME_LIMIT, as_json: bool = False,
        catalogue=None, indicators: str | None = None) -> Iterator[Result]:
    """Yields one Result per input path, in order. Stdin ("-") is always read in this process.
    `catalogue` extends the bundled indicators; `indicators` is the file it came from (for spawn)."""
    if jobs <= 1 or len(paths) < 2 or "-" in paths:
        for p in paths:
            yield process(p, rules, encoding, keep_duplicates, time_limit, as_json, catalogue)
        return
    import multiprocessing as mp

    global _worker_args
    ctx = mp.get_context("fork" if hasattr(os, "fork") else "spawn")
    if ctx.get_start_method() == "fork":
        _worker_args = (rules, encoding, keep_duplicates, time_limit, as_json, catalogue)
        gc.freeze()  # the inherited heap stays out of the workers' collections: fewer copy-on-write pages
    with ctx.Pool(min(jobs, len(paths)), _init_worker,
                  (rules_dir, encoding, keep_duplicates, time_limit, as_json, indicators)) as pool:
        yield from pool.imap(_work, paths, chunksize=max(1, min(16, len(paths) // (jobs * 8))))


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1

