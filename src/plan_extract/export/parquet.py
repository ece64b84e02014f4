"""Parquet (pyarrow): typed columns, for corpus-sized results read back by pandas, dask or DuckDB.

Unlike the text formats it writes to a path, not a stream. A path ending in .parquet (or .pq) is
one file; any other is a directory, a dataset of `part.N.parquet` files of at most PART_ROWS rows
each, the layout dask, pandas and pyarrow read as one table. Rows are buffered and written a row group at a time,
so memory stays flat; every file is written under a temporary name and renamed at `close`, so an
interrupted run leaves no truncated file where a good one was.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..columns import column_kinds, pandas_dtypes
from ..records import DocumentInfo, Record

ROW_GROUP = 64_000
PART_ROWS = 1_000_000
KINDS = {**column_kinds(DocumentInfo), **column_kinds(Record)}


class MissingDependency(ImportError):
    """pyarrow is not installed: the message says what to install."""


def _pyarrow():
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise MissingDependency("Parquet output needs pyarrow: pip install 'plan-extract[dask]'") from None
    return pyarrow


def arrow_schema(fields: list[str]):
    pa = _pyarrow()
    types = {"string": pa.string(), "float": pa.float64(), "int": pa.int64(), "Int": pa.int64(), "bool": pa.bool_()}
    schema = pa.schema([pa.field(f, types[KINDS.get(f, "string")], nullable=KINDS.get(f) != "int") for f in fields])
    return schema.with_metadata(_pandas_metadata(pa, fields) or None)


def _pandas_metadata(pa, fields: list[str]) -> dict:
    """What pandas (and dask) read back to restore year as Int64, not float, and strings as the
    string dtype: the same dtypes plan_extract.dask.to_dataframe gives."""
    try:
        import pandas as pd
    except ImportError:
        return {}
    empty = pd.DataFrame({f: pd.Series([], dtype=t) for f, t in pandas_dtypes(fields, KINDS).items()})
    return pa.Schema.from_pandas(empty, preserve_index=False).metadata


class ParquetWriter:
    def __init__(self, path: str | os.PathLike, fields: list[str]):
        self.pa = _pyarrow()
        self.fields, self.schema = fields, arrow_schema(fields)
        path = Path(path)
        self.directory = None if path.suffix.lower() in (".parquet", ".pq") and not path.is_dir() else path
        if self.directory is not None:
            self.directory.mkdir(parents=True, exist_ok=True)
        self.target = path
        self.count, self._buffer, self._part_rows = 0, [], 0
        self._done: list[tuple[str, Path]] = []  # (temporary file, final name)
        self._file = None
        self._open()

    def _open(self) -> None:
        final = self.directory / f"part.{len(self._done)}.parquet" if self.directory else self.target
        fd, tmp = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".tmp", dir=final.resolve().parent)
        os.close(fd)
        self._done.append((tmp, final))
        self._file = self.pa.parquet.ParquetWriter(tmp, self.schema)
        self._part_rows = 0

    def write(self, row: dict) -> None:
        self._buffer.append(row)
        self.count += 1
        if len(self._buffer) >= ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        if not self._buffer:
            return
        if self.directory is not None and self._part_rows >= PART_ROWS:
            self._file.close()
            self._open()
        # a float field may hold an int (value 35000 from a dict row): pyarrow takes it as float64
        table = self.pa.Table.from_pylist(self._buffer, schema=self.schema)
        self._file.write_table(table)
        self._part_rows += len(self._buffer)
        self._buffer = []

    def close(self) -> None:
        self._flush()
        self._file.close()
        if self.directory is not None:  # parts of an earlier run would be read as part of this one
            for old in self.directory.glob("part.*.parquet"):
                old.unlink()
        for tmp, final in self._done:
            os.replace(tmp, final)

    def abort(self) -> None:
        try:
            self._file.close()
        finally:
            for tmp, _ in self._done:
                Path(tmp).unlink(missing_ok=True)
