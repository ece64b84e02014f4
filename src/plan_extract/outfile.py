"""`-o FILE`: rows go to a temporary file beside FILE, renamed over it only when the run completes,
so a failed or interrupted run leaves the previous FILE as it was and no partial file behind."""

from __future__ import annotations

import os
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator


def _mode_for(path: Path) -> int:
    """The mode of the file being replaced; for a new file what open() would give (0666 - umask),
    not mkstemp's private 0600."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


@contextmanager
def atomic_output(path: Path, binary: bool = False) -> Iterator[IO[str] | str]:
    """A text stream whose content replaces `path` when the block ends without an exception (with
    `binary`, the temporary file's path, for a writer that creates the file itself). On any
    exception (including the one a signal handler raises) the temporary file is removed."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.resolve().parent)
    try:
        mode = _mode_for(path)
        if binary:
            os.close(fd)
            yield tmp
            os.chmod(tmp, mode)  # the writer may have created the file anew
        else:
            if hasattr(os, "fchmod"):
                os.fchmod(fd, mode)
            else:
                os.chmod(tmp, mode)
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                yield fh
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
