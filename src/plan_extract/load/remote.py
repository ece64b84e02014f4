"""Bytes of a URL (s3://, gcs://, memory://, file://, ...) through fsspec: what lets dask workers read
documents where they are stored instead of the client shipping them. fsspec comes with the dask extra."""

from __future__ import annotations

import re

from ..errors import InputError

_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]+://")


def is_url(path: str) -> bool:
    return bool(_URL.match(path))


def read_url(path: str) -> bytes:
    try:
        import fsspec
    except ImportError:
        raise InputError("reading a URL needs fsspec: pip install 'plan-extract[dask]'", path) from None
    try:
        with fsspec.open(path, "rb") as fh:
            return fh.read()
    except FileNotFoundError:
        raise InputError("no such file", path) from None
    except IsADirectoryError:
        raise InputError("is a directory", path) from None
    except MemoryError:
        raise
    except Exception as e:  # each filesystem backend raises its own kinds; one line names the file
        raise InputError(f"cannot read: {type(e).__name__}: {' '.join(str(e).split())}", path) from None
