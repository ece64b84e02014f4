"""How the command ends when it is told to: SIGTERM/SIGHUP and a closed stdout pipe unwind the
stack like an exception, so that `finally` blocks run (worker pool terminated, temporary output
file removed), and then the process ends the way the signal would have ended it."""

from __future__ import annotations

import os
import signal
import sys


class Terminated(BaseException):
    """Raised by the signal handler; BaseException so that no `except Exception` swallows it."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


class PipeClosed(BaseException):
    """The reader of stdout went away (`... | head`)."""


CAUGHT = [s for s in ("SIGTERM", "SIGHUP") if hasattr(signal, s)]


def _raise(signum, frame):
    for name in CAUGHT:  # a second signal must not interrupt the cleanup of the first
        signal.signal(getattr(signal, name), signal.SIG_IGN)
    raise Terminated(signum)


def install() -> None:
    for name in CAUGHT:
        signal.signal(getattr(signal, name), _raise)


def reset_in_worker() -> None:
    """A forked worker inherits the handlers: it must die on the pool's SIGTERM, and leave Ctrl-C
    to the parent (which terminates the pool)."""
    for name in CAUGHT:
        signal.signal(getattr(signal, name), signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def die(signum: int) -> None:
    """End as if killed by `signum` (the shell sees 128+signum), after the cleanup has run."""
    try:
        sys.stderr.flush()
    except Exception:
        pass
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)
    os._exit(128 + signum)  # where the signal cannot kill (Windows)


def quiet_stdout() -> None:
    """After the pipe broke: what is still buffered for stdout goes nowhere, silently."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
