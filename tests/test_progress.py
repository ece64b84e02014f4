"""A progress bar on stderr for runs over several files when stderr is a terminal, none otherwise."""

import os
import subprocess
import sys

import pytest

TEXT = "到2025年，累计建成5G基站3.5万个。\n"


@pytest.fixture
def files(tmp_path):
    paths = []
    for i in range(4):
        p = tmp_path / f"d{i}.txt"
        p.write_text(TEXT, encoding="utf-8")
        paths.append(str(p))
    return paths


def command(files, tmp_path, verb="extract"):
    return [sys.executable, "-m", "plan_extract", verb, *files, "-j", "1", "-f", "csv", "-o", str(tmp_path / "out.csv")]


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
@pytest.mark.parametrize("verb", ["extract", "pivot"])
def test_a_bar_on_a_terminal(files, tmp_path, verb):
    primary, secondary = os.openpty()
    env = {**os.environ, "COLUMNS": "100", "TERM": "xterm"}
    proc = subprocess.run(command(files, tmp_path, verb), stderr=secondary, stdout=subprocess.DEVNULL, timeout=120, env=env)
    os.close(secondary)
    chunks = []
    while True:
        try:
            data = os.read(primary, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(primary)
    seen = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == 0
    assert "extracting" in seen or "━" in seen, seen


@pytest.mark.parametrize("verb", ["extract", "pivot"])
def test_none_when_stderr_is_not_a_terminal(files, tmp_path, verb):
    r = subprocess.run(command(files, tmp_path, verb), capture_output=True, timeout=120)
    assert r.returncode == 0 and r.stderr == b""


def test_the_bar_draws_on_a_forced_terminal_and_stops(files, monkeypatch):
    import io

    from plan_extract import cli

    class Tty(io.StringIO):
        def isatty(self):
            return True

    fake = Tty()
    monkeypatch.setattr(sys, "stderr", fake)
    step = cli._progress(len(files))
    for f in files:
        step(f)
    step(None)
    assert fake.getvalue()
    monkeypatch.undo()
    assert cli._progress(1)("x") is None  # one file: no bar
