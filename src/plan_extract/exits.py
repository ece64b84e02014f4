"""How the command ends when it is told to: SIGTERM/SIGHUP and a closed stdout pipe unwind the
stack like an exception, so that `finally` blocks run (worker pool terminated, temporary output
file removed), and then the process ends the way the signal would have ended it."""

from __future__ import annotations

import os
import signal
import sys
from contextlib import contextmanager


class Terminated(BaseException):
    """Raised by the signal handler; BaseException so that no `except Exception` swallows it."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


class PipeClosed(BaseException):
    """The reader of stdout went away (`... | head`)."""


CAUGHT = [s for s in ("SIGTERM", "SIGHUP") if hasattr(signal, s)]


_owner = 0  # the process that installed the handlers


def _raise(signum, frame):
    if os.getpid() != _owner:  # a worker forked before it could reset the handlers: die plainly
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)
        return
    global pending
    pending = signum
    for name in CAUGHT:  # a second signal must not interrupt the cleanup of the first
        signal.signal(getattr(signal, name), signal.SIG_IGN)
    raise Terminated(signum)


pending: int | None = None  # the signal received, in case its exception was swallowed


_abandoned = False


def abandon() -> None:
    """The run is being given up for good (stdout's reader is gone): stop workers the hard way."""
    global _abandoned
    _abandoned = True


def urgent() -> bool:
    """Whether the process is about to end at once (a signal, a closed pipe): workers are then
    terminated mid-task and nothing waits for them; otherwise their running tasks are let finish."""
    return pending is not None or _abandoned


def check() -> None:
    """Raises Terminated again when a signal came in where an exception cannot get through (an
    at-fork hook, a finalizer): called at the points where the run may go on or commit its output."""
    if pending is not None:
        raise Terminated(pending)


def install() -> None:
    global _owner
    _owner = os.getpid()
    for name in CAUGHT:
        signal.signal(getattr(signal, name), _raise)


def _numbers() -> set:
    return {getattr(signal, name) for name in CAUGHT}


@contextmanager
def deferred():
    """The caught signals wait while workers are forked: an exception raised inside fork's own
    hooks would only be printed and lost. The workers unblock them in reset_in_worker."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _numbers())
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def reset_in_worker() -> None:
    """A forked worker inherits the handlers (and the mask of `deferred`): it must die on the
    pool's SIGTERM, and leave Ctrl-C to the parent (which terminates the pool)."""
    for name in CAUGHT:
        signal.signal(getattr(signal, name), signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _numbers())


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
