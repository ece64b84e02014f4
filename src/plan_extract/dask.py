"""Past one machine: the same rows computed on a Dask cluster (needs `pip install 'plan-extract[dask]'`).

    from plan_extract.dask import extract_bag, to_dataframe
    bag = extract_bag("corpus/**/*.txt")       # or a list of paths, directories, s3://... URLs
    ddf = to_dataframe(bag)                     # typed columns, the Record fields
    ddf.to_parquet("indicators/")
    ddf.groupby(["region", "indicator_id", "year"]).value.max().compute()

Only the paths go into the task graph: each worker reads its documents itself (local paths, or any
fsspec URL the worker can open), so a cluster reads from shared or object storage in parallel and
the client ships names, not bytes. Each partition runs `batch.process` per document, the function a
local run uses, so the rows are the CLI's. The rule set is compiled once per worker process (a
cache keyed by the rules directory), never per document or per partition.

A document that cannot be read (missing, binary, undecodable, a rule set too slow on it) is not a
failed task: it becomes one item `{"doc": path, "error": "path: what is wrong"}` in place of its rows,
so `errors(bag)` lists them. `to_dataframe` keeps the records only; to get both from one pass,
`bag = bag.persist()` first.
"""

from __future__ import annotations

import functools
import glob as globlib
import os
from collections import deque
from typing import Iterable, Iterator

from plan_extract.batch import DEFAULT_TIME_LIMIT, Result, process
from plan_extract.columns import column_kinds, pandas_dtypes
from plan_extract.errors import PlanExtractError
from plan_extract.load import iter_input_paths
from plan_extract.load.remote import is_url
from plan_extract.records import DOCUMENT_FIELDS, RECORD_FIELDS, DocumentInfo, Record

# Documents per task, unless the caller says: enough tasks for every worker thread to take about
# eight (balance, and a short tail when documents differ in size), within 8..128 documents. A
# task costs about 2 ms of scheduling and messages (5 ms through a bag's graph) on the 2-core
# bench machine, and a seed-sized document about 2-4 ms, so 8 documents keep the overhead to about
# a tenth at worst and 128 to 1 %; the cap bounds the memory of a task's results (bench/RESULTS.md).
MIN_PARTITION, MAX_PARTITION, TASKS_PER_THREAD = 8, 128, 8


def partition_size_for(n_docs: int, threads: int) -> int:
    return max(MIN_PARTITION, min(MAX_PARTITION, -(-n_docs // (TASKS_PER_THREAD * max(1, threads)))))


def _cluster_threads() -> int:
    """Worker threads of the default dask client, or this machine's cores when there is none."""
    try:
        from distributed import default_client

        return sum(default_client().nthreads().values())
    except (ImportError, ValueError):
        return os.cpu_count() or 1


INSTALL = "pip install 'plan-extract[dask]'"
_GLOB = set("*?[")


class MissingDependency(ImportError):
    """dask, distributed or pyarrow is not installed: the message says what to install."""


def _require(module: str):
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingDependency(f"this needs {module.split('.')[0]}: {INSTALL}") from None


# ---- paths ----------------------------------------------------------------------------------------

def expand(paths_or_glob: str | os.PathLike | Iterable[str | os.PathLike]) -> tuple[list[str], list[str]]:
    """(files, problems): directories and globs expanded on the client, names only, sorted as the CLI
    sorts them; `problems` are `pattern: no files found` lines."""
    if isinstance(paths_or_glob, (str, os.PathLike)):
        paths_or_glob = [paths_or_glob]
    files, problems = [], []
    for p in map(os.fspath, paths_or_glob):
        if is_url(p):
            found = _expand_url(p)
        elif _GLOB & set(p):
            found = list(iter_input_paths(sorted(m for m in globlib.glob(p, recursive=True)
                                                 if not os.path.basename(m).startswith("."))))
        else:
            found = list(iter_input_paths([p]))
        if not found:
            problems.append(f"{p}: no files found")
        files += found
    return files, problems


def _expand_url(url: str) -> list[str]:
    fsspec = _require("fsspec")
    try:
        fs, path = fsspec.core.url_to_fs(url)
        if _GLOB & set(path):
            matches = sorted(fs.glob(path))
        elif fs.isdir(path):
            matches = [path]
        else:
            return [url]  # a file, or a missing one: the worker reports it
        found = []
        for m in matches:
            found += sorted(fs.find(m)) if fs.isdir(m) else [m]
    except (FileNotFoundError, ValueError, ImportError):
        return [url]
    return [fs.unstrip_protocol(f) for f in found if not os.path.basename(f).startswith(".")]


# ---- on the workers -------------------------------------------------------------------------------

@functools.lru_cache(maxsize=8)
def _rules(key: tuple | None):
    """Per worker process: compiled once for each rule set, then reused by every task. The key
    names each directory with the name, size and mtime of its files, so an edited rule set is
    compiled again on the next run of a long-lived cluster instead of its old patterns being used."""
    if key is None:
        from plan_extract import default_rules

        return default_rules()
    from plan_extract.rules import load_rules

    (directory, _), adds = key
    return load_rules(directory, [d for d, _ in adds])


@functools.lru_cache(maxsize=8)
def _catalogue(key: tuple | None):
    """Per worker process, like `_rules`: the bundled catalogue extended by the user's file."""
    from plan_extract.catalogue import load_catalogue

    return None if key is None else load_catalogue(key[0])


def _process_partition(paths: list[str], rules_key: tuple | None, encoding: str | None, keep_duplicates: bool,
                       time_limit: float | None, as_json: bool, base: str,
                       indicators_key: tuple | None = None) -> list[Result]:
    rules, catalogue = _rules(rules_key), _catalogue(indicators_key)
    return [_process(p, rules, encoding, keep_duplicates, time_limit, as_json, base, catalogue) for p in paths]


def _process(path, rules, encoding, keep_duplicates, time_limit, as_json, base, catalogue=None) -> Result:
    """batch.process; a relative path is taken from the client's directory when the worker runs
    elsewhere, and still named as given, so `doc` is what a local run prints."""
    if is_url(path) or os.path.isabs(path) or os.getcwd() == base:
        return process(path, rules, encoding, keep_duplicates, time_limit, as_json, catalogue)
    real = os.path.join(base, path)
    r = process(real, rules, encoding, keep_duplicates, time_limit, False, catalogue)
    if r.error and r.error.startswith(real + ":"):
        r.error = path + r.error[len(real):]
    if r.notice and r.notice.startswith(real + ":"):
        r.notice = path + r.notice[len(real):]
    for row in r.rows:
        row["doc"] = path
    if r.document:
        r.document["doc"] = path
    if as_json:
        r.rows = [Record.model_validate(row).model_dump_json() for row in r.rows]
    r.path = path
    return r


def _items(results: list[Result], documents: bool) -> list[dict]:
    items = []
    for r in results:
        if r.error:
            items.append({"doc": r.path, "error": r.error})
        elif documents:
            items.append(r.document)
        else:
            items += r.rows
    return items


# ---- the bag --------------------------------------------------------------------------------------

def _stamp(path: str) -> tuple:
    """A path as the workers will open it, with its *.toml files' names, sizes and mtimes, so that an
    edited file is loaded again by a long-lived cluster."""
    path = path if is_url(path) else os.path.abspath(path)
    if is_url(path):
        return path, ()
    files = [e for e in os.scandir(path) if e.name.endswith(".toml")] if os.path.isdir(path) else (
        [e for e in os.scandir(os.path.dirname(path)) if e.path == path] if os.path.isfile(path) else [])
    return path, tuple(sorted((e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in files))


def _indicators_key(indicators) -> tuple | None:
    """The user's catalogue file as the workers will open it (checked here first)."""
    if indicators is None:
        return None
    from plan_extract.catalogue import load_catalogue

    load_catalogue(indicators)  # a bad file is one RuleError on the client
    return _stamp(os.fspath(indicators))


def _rules_key(rules, add_rules=(), check: bool = True) -> tuple | None:
    """The rule set as the workers will open it: `rules` (None: the bundled rules, or a directory)
    and `add_rules` directories, each with its files' stamp (see `_rules`). Validated here first
    (unless the caller has), so a bad rule file is one RuleError on the client rather than a failure
    in every task."""
    for d in (rules, *add_rules):
        if d is not None and not isinstance(d, (str, os.PathLike)):
            raise TypeError("rules, add_rules: directories of *.toml rule files (the workers load them)")
    if rules is None and not add_rules:
        return None
    from plan_extract.rules import load_rules

    key = (_stamp(os.fspath(rules)) if rules is not None else (None, ()),
           tuple(_stamp(os.fspath(d)) for d in add_rules))
    if check:
        load_rules(key[0][0], [d for d, _ in key[1]])
    return key


def extract_results(paths_or_glob, rules=None, encoding: str | None = None, keep_duplicates: bool = False,
                    time_limit: float | None = DEFAULT_TIME_LIMIT, as_json: bool = False,
                    partition_size: int | None = None, add_rules: Iterable = (), indicators=None):
    """A bag of `batch.Result`, one per document in input order (what the CLI writes from)."""
    db = _require("dask.bag")
    files, problems = expand(paths_or_glob)
    if "-" in files:
        raise PlanExtractError("stdin cannot be read on a cluster: give file paths", "-")
    key, ikey = _rules_key(rules, tuple(add_rules)), _indicators_key(indicators)
    parts = []
    if problems:
        parts.append(db.from_sequence([Result(p.rsplit(": ", 1)[0], error=p) for p in problems], npartitions=1))
    if files:
        size = partition_size or partition_size_for(len(files), _cluster_threads())
        parts.append(db.from_sequence(files, partition_size=size).map_partitions(
            _process_partition, key, encoding, keep_duplicates, time_limit, as_json, os.getcwd(), ikey))
    if not parts:
        return db.from_sequence([], npartitions=1)
    return parts[0] if len(parts) == 1 else db.concat(parts)


def extract_bag(paths_or_glob, rules=None, encoding: str | None = None, keep_duplicates: bool = False,
                time_limit: float | None = DEFAULT_TIME_LIMIT, documents: bool = False,
                partition_size: int | None = None, add_rules: Iterable = (), indicators=None):
    """A bag of record dicts (the CLI's rows, in input order, then by position), or with `documents`
    one DocumentInfo dict per document. A bad document is one `{"doc", "error"}` item instead.

    `paths_or_glob`: a path, a directory (its files, recursively), a glob (`corpus/**/*.txt`) or an
    fsspec URL (`s3://bucket/plans/*.html`), or a list of them. `rules`: a rules directory the
    workers can read (default: the bundled rules); `add_rules`: directories of rules added to it
    (as `--add-rules`); `indicators`: a catalogue file the workers can read (as `--indicators`)."""
    results = extract_results(paths_or_glob, rules, encoding, keep_duplicates, time_limit, False, partition_size,
                              add_rules, indicators)
    return results.map_partitions(_items, documents)


def errors(bag):
    """The bag's error lines, `path: what is wrong`, one per document that could not be read."""
    return bag.filter(lambda item: "error" in item).pluck("error")


# ---- the dataframe --------------------------------------------------------------------------------

def _frame(items: list[dict], fields: list[str], dtypes: dict):
    import pandas as pd

    rows = [r for r in items if "error" not in r]
    return pd.DataFrame({f: pd.Series([r[f] for r in rows], dtype=dtypes[f]) for f in fields})


def to_dataframe(bag, documents: bool = False):
    """A dask DataFrame of the bag's records (or DocumentInfo rows, with `documents`), with the
    record schema: strings as the string dtype, value/value_max float64 (empty: NaN), year Int64,
    start/end int64, duplicate bool; error items are left out (see `errors`)."""
    dd = _require("dask.dataframe")
    dask = _require("dask")
    fields, model = (DOCUMENT_FIELDS, DocumentInfo) if documents else (RECORD_FIELDS, Record)
    dtypes = pandas_dtypes(fields, column_kinds(model))
    meta = _frame([], fields, dtypes)
    parts = [dask.delayed(_frame)(part, fields, dtypes) for part in bag.to_delayed()]
    return dd.from_delayed(parts, meta=meta, verify_meta=False)


# ---- the CLI's distributed run --------------------------------------------------------------------

def connect(address: str, timeout: float = 10):
    """A client of the scheduler at `address`; PlanExtractError naming it when it cannot be reached."""
    distributed = _require("distributed")
    try:
        return distributed.Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as e:
        raise PlanExtractError(f"cannot reach the scheduler: {' '.join(str(e).split())}", address) from None


def cluster_results(address: str, files: list[str], rules_spec, encoding: str | None = None,
                    keep_duplicates: bool = False, time_limit: float | None = DEFAULT_TIME_LIMIT,
                    as_json: bool = False, partition_size: int | None = None,
                    worker_timeout: float = 60, indicators=None) -> Iterator[Result]:
    """Connects now (so an unreachable scheduler, or one without workers, is reported before any
    output is opened) and returns the results in input order; the connection closes when they are
    consumed."""
    client = connect(address)
    if not client.nthreads():  # tasks would wait for a worker forever
        try:
            client.wait_for_workers(1, timeout=worker_timeout)
        except TimeoutError:
            client.close()
            raise PlanExtractError(f"no worker has joined the scheduler in {worker_timeout:g} s", address) from None

    def results():
        try:
            yield from run_on(client, files, rules_spec, encoding, keep_duplicates, time_limit, as_json, partition_size,
                              indicators)
        finally:
            client.close()
    return results()


def run_on(client, files: list[str], rules_spec, encoding: str | None = None,
           keep_duplicates: bool = False, time_limit: float | None = DEFAULT_TIME_LIMIT,
           as_json: bool = False, partition_size: int | None = None, indicators=None) -> Iterator[Result]:
    """Results in input order, as `batch.run` yields them, computed on `client`'s cluster. A few
    partitions ahead of the one being written are in flight: enough to keep every worker busy, few
    enough that results waiting for the writer stay bounded. A partition whose worker died (after
    dask's retries) is reported per document, and the run goes on. `rules_spec`: None, a rules
    directory, or the CLI's (directory or None, add-rules directories)."""
    if "-" in files:
        raise PlanExtractError("stdin cannot be read on a cluster: give file paths", "-")
    rules, add = rules_spec if isinstance(rules_spec, tuple) else (rules_spec, ())
    key = _rules_key(rules, tuple(add), check=False)  # the CLI has loaded it
    ikey = None if indicators is None else _stamp(os.fspath(indicators))
    base = os.getcwd()
    threads = sum(client.nthreads().values())
    size = partition_size or partition_size_for(len(files), threads)
    chunks = [files[i:i + size] for i in range(0, len(files), size)]
    ahead = max(8, 4 * threads)
    pending: deque = deque()
    for i, chunk in enumerate(chunks):
        pending.append((client.submit(_process_partition, chunk, key, encoding, keep_duplicates, time_limit,
                                      as_json, base, ikey, pure=False), chunk))
        while len(pending) > ahead or (pending and i == len(chunks) - 1):
            future, paths = pending.popleft()
            try:
                results = future.result()
            except Exception as e:  # KilledWorker and the like: the cluster lost this partition
                reason = " ".join(f"{type(e).__name__}: {e}".split())
                results = [Result(p, error=f"{p}: worker failed: {reason}") for p in paths]
            future.release()
            yield from results
