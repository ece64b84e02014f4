"""The batch runner under signals and closed pipes, run for real: after any exit of the parent no
worker process survives, and no temporary output file is left behind."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

pytestmark = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads child processes from /proc (Linux)")


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    """About a thousand documents: a run that lasts long enough to be interrupted."""
    d = tmp_path_factory.mktemp("many")
    for i in range(50):
        for s in SEEDS:
            os.link(s, d / f"{i:02d}-{s.name}")
    return d


def children(pid: int) -> set[int]:
    try:
        return {int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()}
    except OSError:
        return set()


def wait_for_workers(proc, n: int = 2, timeout: float = 60) -> set[int]:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        found = children(proc.pid)
        if len(found) >= n:
            return found
        assert proc.poll() is None, "the run ended before its workers could be seen"
        time.sleep(0.02)
    raise AssertionError("no worker processes appeared")


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")  # a zombie has exited, it only waits to be reaped


def assert_all_gone(pids: set[int], timeout: float = 10) -> None:
    end = time.monotonic() + timeout
    while any(alive(p) for p in pids) and time.monotonic() < end:
        time.sleep(0.05)
    assert not [p for p in pids if alive(p)], "worker processes outlived the parent"


def start(*args, **kw):
    return subprocess.Popen([sys.executable, "-m", "plan_extract", "extract", *map(str, args)],
                            stderr=subprocess.PIPE, **kw)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_signal_ends_workers_and_removes_the_temporary_output(many, tmp_path, signum):
    out = tmp_path / "rows.csv"
    out.write_text("previous output")
    proc = start(many, "-j", "2", "-o", out, stdout=subprocess.DEVNULL)
    workers = wait_for_workers(proc)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == -signum, err.decode()
    assert b"Traceback" not in err
    assert_all_gone(workers)
    assert out.read_text() == "previous output"
    assert os.listdir(tmp_path) == ["rows.csv"]  # no .rows.csv.*.tmp


def test_closed_pipe_ends_workers_quietly(many):
    proc = start(many, "-j", "2", "-f", "jsonl", stdout=subprocess.PIPE)
    workers = wait_for_workers(proc)
    assert proc.stdout.readline().startswith(b'{"doc"')
    proc.stdout.close()  # `| head -n1`
    err = proc.stderr.read()
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGPIPE
    assert err == b""  # no traceback, no "Exception ignored"
    assert_all_gone(workers)


def test_killed_parent_leaves_no_worker_waiting(many, tmp_path):
    """SIGKILL cannot be caught: the workers notice they were orphaned and end themselves."""
    proc = start(many, "-j", "2", "-o", tmp_path / "rows.json", stdout=subprocess.DEVNULL)
    workers = wait_for_workers(proc)
    proc.kill()
    proc.communicate(timeout=30)
    assert_all_gone(workers)


def test_a_killed_worker_does_not_hang_the_run_and_costs_no_document(many, tmp_path):
    """A worker killed from outside (the OOM killer): its documents run again, the run completes."""
    out = tmp_path / "rows.jsonl"
    proc = start(many, "-j", "2", "-o", out, stdout=subprocess.DEVNULL)
    victim = min(wait_for_workers(proc))
    os.kill(victim, signal.SIGKILL)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err.decode()
    docs = {line.split('"doc":"', 1)[1].split('"', 1)[0] for line in out.read_text(encoding="utf-8").splitlines()}
    assert len(docs) == len(list(many.iterdir()))


def test_a_document_that_kills_its_worker_is_reported_alone(tmp_path):
    """A document whose processing kills the worker process (a crash in native code, the OOM killer)
    is named on stderr; every other document's rows are written."""
    d = tmp_path / "in"
    d.mkdir()
    for i in range(8):
        (d / f"doc{i}.txt").write_text(f"到2025年，全市5G基站达到{i + 1}万个。\n", encoding="utf-8")
    inject = """
import os, signal, plan_extract.engine as engine
_real = engine._extract_segment
def _extract_segment(text, seg, view, lay, offset, index, name, *a):
    if name.endswith("doc5.txt"):
        os.kill(os.getpid(), signal.SIGKILL)
    return _real(text, seg, view, lay, offset, index, name, *a)
engine._extract_segment = _extract_segment
import sys
from plan_extract.cli import main
sys.argv = ["plan-extract", *sys.argv[1:]]
main()
"""
    r = subprocess.run([sys.executable, "-c", inject, "extract", str(d), "-j", "2", "-f", "jsonl"],
                       capture_output=True, timeout=120)
    assert r.returncode == 1, r.stderr.decode()
    assert [line for line in r.stderr.decode().splitlines() if "doc5" in line] == [
        f"{d / 'doc5.txt'}: the worker process died (killed, or out of memory?), document skipped"], r.stderr.decode()
    got = [line.split('"doc":"', 1)[1].split('"', 1)[0] for line in r.stdout.decode().splitlines()]
    assert got == [str(d / f"doc{i}.txt") for i in range(8) if i != 5]  # in input order
