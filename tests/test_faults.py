"""Faults a batch must survive: a bug met in one document, stray NUL bytes, unreadable directories,
output-file modes and formats. Each runs the real command (with a fault injected where needed)."""

import json
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from plan_extract.export import EXTENSIONS, Format, format_for_output
from plan_extract.load import decode, iter_input_paths

PLAN = "到2025年，累计建成5G基站3.5万个，光纖接入寬帶用戶占比達到95%。\n"


def run(*args, inject: str = "", stdin: bytes | None = None, cwd=None):
    """The command, after `inject` (Python source) has run in its process: a fault planted there
    is inherited by forked workers too."""
    code = textwrap.dedent(inject) + "\nimport sys\nfrom plan_extract.cli import main\nsys.argv = ['plan-extract', *sys.argv[1:]]\nmain()\n"
    return subprocess.run([sys.executable, "-c", code, *map(str, args)], input=stdin, capture_output=True,
                          timeout=120, cwd=cwd)


@pytest.fixture
def corpus(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    for i in range(6):
        (d / f"doc{i}.txt").write_text(PLAN.replace("3.5万", f"{i + 1}万"), encoding="utf-8")
    return d


# A bug in the pipeline that only one document meets (any exception type, not only ours).
FAULT = """
import plan_extract.engine as engine
_real = engine._extract_segment
def _extract_segment(text, seg, view, lay, offset, index, name, *a):
    if name.endswith("doc3.txt"):
        raise {exc}("planted fault\\nsecond line")
    return _real(text, seg, view, lay, offset, index, name, *a)
engine._extract_segment = _extract_segment
"""


@pytest.mark.parametrize("exc", ["OverflowError", "KeyError", "RecursionError", "AssertionError"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_exception_in_one_document_costs_that_document_only(corpus, tmp_path, exc, jobs):
    out = tmp_path / "rows.jsonl"
    r = run("extract", corpus, "-j", jobs, "-o", out, inject=FAULT.format(exc=exc))
    assert r.returncode == 1
    err = r.stderr.decode().splitlines()
    assert "Traceback" not in r.stderr.decode()
    bad = [line for line in err if "doc3.txt" in line]
    assert len(bad) == 1 and exc in bad[0] and "document skipped" in bad[0]
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted({Path(x["doc"]).name for x in rows}) == [f"doc{i}.txt" for i in (0, 1, 2, 4, 5)]


# ---- stray NUL bytes ------------------------------------------------------------------------------

SIMPLIFIED = "到2025年，全市5G基站达到3万个，光纤用户占比95%。\n" * 3
TRADITIONAL = "到2025年，全市5G基站達到3萬個，光纖用戶佔比95%。\n" * 3


@pytest.mark.parametrize("text", [SIMPLIFIED, TRADITIONAL])
@pytest.mark.parametrize("codec", ["utf-8", "gb18030", "big5"])
def test_one_stray_nul_does_not_flip_the_encoding(text, codec):
    if codec == "big5" and text is SIMPLIFIED:
        text = TRADITIONAL  # Big5 has no Simplified forms
    for i in (0, 1, 2, 5, 6, len(text) // 2, len(text) - 1, len(text)):
        for nuls in ("\x00", "\x00\x00"):  # at odd and even byte offsets
            doc = decode(text[:i].encode(codec) + nuls.encode() + text[i:].encode(codec), "x.txt")
            assert (doc.encoding, doc.text) == (codec, text[:i] + nuls + text[i:])


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [SIMPLIFIED, TRADITIONAL, "全市5G基站達到3萬個", "Plan 2025\n"])
def test_utf16_without_bom_is_still_recognised(codec, text):
    doc = decode(text.encode(codec), "x.txt")
    assert (doc.encoding, doc.text) == (codec, text)


def test_a_stray_nul_file_gives_its_rows_and_a_binary_file_is_reported(tmp_path):
    good = tmp_path / "nul.txt"
    other = PLAN.replace("3.5万", "9万").replace("95%", "97%")
    good.write_bytes(PLAN.encode() + b"\x00" + other.encode())
    binary = tmp_path / "blob.dat"
    binary.write_bytes(bytes(range(256)) * 8)
    r = run("extract", good, binary, "-f", "jsonl")
    assert r.returncode == 1
    rows = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert len(rows) == 4 and {x["doc"] for x in rows} == {str(good)}
    assert f"{binary}: binary file, skipped" in r.stderr.decode().splitlines()


# ---- unreadable directories -----------------------------------------------------------------------

def test_unreadable_subdirectory_is_named_and_fails_the_run(corpus, tmp_path):
    (corpus / "locked").mkdir()
    (corpus / "locked" / "x.txt").write_text(PLAN, encoding="utf-8")
    # Tests may run as root, for whom chmod 000 changes nothing: the listing itself is made to fail.
    inject = f"""
    import os
    _scandir = os.scandir
    def scandir(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return _scandir(path)
    os.scandir = scandir
    """
    r = run("extract", corpus, "-f", "jsonl", inject=inject)
    assert r.returncode == 1
    assert f"{corpus / 'locked'}: cannot read directory (Permission denied), skipped" in r.stderr.decode().splitlines()
    assert len(r.stdout.decode().splitlines()) == 12  # the readable files still give their rows


def test_iter_input_paths_collects_walk_errors(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("x")
    errors = []
    real = os.scandir
    monkeypatch.setattr(os, "scandir", lambda p=".": (_ for _ in ()).throw(OSError(5, "I/O error", os.fspath(p)))
                        if os.fspath(p) == str(tmp_path) else real(p))
    assert list(iter_input_paths([str(tmp_path)], errors)) == []
    assert errors == [f"{tmp_path}: cannot read directory (I/O error), skipped"]


# ---- output file: mode and format ----------------------------------------------------------------

def test_output_keeps_the_mode_of_the_file_it_replaces(tmp_path, corpus):
    out = tmp_path / "rows.csv"
    out.write_text("old")
    out.chmod(0o640)
    assert run("extract", corpus, "-o", out).returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640 and out.read_text(encoding="utf-8").startswith("doc,")


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
def test_new_output_honours_the_umask(tmp_path, corpus, umask):
    out = tmp_path / "rows.json"
    r = run("extract", corpus, "-o", out, inject=f"import os\nos.umask({umask:#o})\n")
    assert r.returncode == 0, r.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask


@pytest.mark.parametrize("name,expect", [("r.csv", "doc,"), ("R.CSV", "doc,"), ("r.tsv", "doc\t"),
                                         ("r.json", "[\n"), ("r.jsonl", '{"doc"'), ("r.ndjson", '{"doc"')])
def test_format_follows_the_extension(tmp_path, corpus, name, expect):
    out = tmp_path / name
    assert run("extract", corpus, "-o", out).returncode == 0
    assert out.read_text(encoding="utf-8").startswith(expect)


@pytest.mark.parametrize("args", [("-f", "json", "-o", "x.csv"), ("-f", "csv", "-o", "x.jsonl"),
                                  ("-f", "jsonl", "-o", "x.json"), ("-o", "x.txt"), ("-o", "rows")])
def test_a_contradicting_or_unknown_extension_is_a_usage_error(tmp_path, corpus, args):
    r = run("extract", corpus, *args, cwd=tmp_path)
    assert r.returncode == 2
    err = r.stderr.decode().strip().splitlines()
    assert len(err) == 1 and args[-1] in err[0] and "Traceback" not in err[0]
    assert os.listdir(tmp_path) == ["in"]  # nothing written


def test_an_explicit_format_with_an_unknown_extension_is_fine(tmp_path, corpus):
    out = tmp_path / "rows.out"
    assert run("extract", corpus, "-f", "csv", "-o", out).returncode == 0
    assert out.read_text(encoding="utf-8").startswith("doc,")


def test_every_extension_names_a_format():
    assert all(ext.startswith(".") and ext == ext.lower() and isinstance(f, Format) for ext, f in EXTENSIONS.items())
    assert format_for_output("a/b.c/rows.csv", None) == Format.csv
    with pytest.raises(ValueError):
        format_for_output("a/b.csv/rows", None)  # a dot in a directory name is no extension


def test_review_page_survives_a_fault_in_one_document(corpus, tmp_path):
    out = tmp_path / "review.html"
    r = run("review", corpus, "-o", out, inject=FAULT.format(exc="IndexError"))
    assert r.returncode == 1 and "Traceback" not in r.stderr.decode()
    assert [line for line in r.stderr.decode().splitlines() if "doc3.txt" in line] == [
        f"{corpus / 'doc3.txt'}: internal error (IndexError: planted fault second line), document skipped"]
    assert "doc5.txt" in out.read_text(encoding="utf-8")
