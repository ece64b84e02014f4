"""The README's sample outputs and Python examples are produced from the bundled seeds, so they
cannot drift: each sample block is compared with what its command prints now (on the columns the
block shows), and each Python example is run as a doctest."""

import csv
import doctest
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def samples():
    """(command, shown lines) for each plain ``` block right after a paragraph naming the command
    that prints it (`plan-extract extract seeds/ ... -f csv`)."""
    out = []
    for m in re.finditer(r"`(plan-extract [^`]+)`[^`\n]*(?:\n[^`\n]+)*\n\n```\n(.*?)```", README, re.S):
        out.append((m.group(1), m.group(2).strip().splitlines()))
    return out


SAMPLES = samples()


def test_the_readme_has_its_samples():
    assert len(SAMPLES) >= 2 and any("--documents" in c for c, _ in SAMPLES)


@pytest.mark.parametrize("command,shown", SAMPLES, ids=[c for c, _ in SAMPLES])
def test_sample_output_is_what_the_command_prints(command, shown):
    args = command.split()[1:]
    r = subprocess.run([sys.executable, "-m", "plan_extract", *args], capture_output=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout.decode("utf-8"))))
    columns = shown[0].split(",")
    printed = {",".join(row[c] for c in columns) for row in rows}
    for line in shown[1:]:
        assert line in printed, f"README shows a line `{command}` no longer prints:\n{line}"
    if "--documents" in command:  # one row per document: the sample shows them all
        assert len(shown) - 1 == len(rows)


def test_python_examples_run(monkeypatch):
    monkeypatch.chdir(ROOT)
    blocks = re.findall(r"```python\n(.*?)```", README, re.S)
    assert blocks
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for i, block in enumerate(blocks):
        test = parser.get_doctest(block, {}, f"README python block {i}", "README.md", 0)
        assert test.examples, "a Python block in the README with nothing to run"
        runner.run(test)
    assert runner.failures == 0, f"{runner.failures} README example(s) failed (see the output above)"
