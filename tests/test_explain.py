"""explain in the terminal and review from the command line: spans marked, rows with their numbers,
missed numbers, no colour when piped, one-line errors."""

import os
import re
import subprocess
import sys

from plan_extract import extract

PLAN = "到2025年，累计建成5G基站3.5万个。截至2020年底，光纤接入宽带用户占比为95.94%。另有12次会议。\n"
NEWS = ("全省擬新建5G基站5萬個\n截至2022年底，全省已建成5G基站7.5萬個，今年擬新建5G基站5萬個，"
        "力爭到2025年固定寬帶用戶達到1800萬戶。\n")
ANSI = re.compile(r"\x1b\[")


def run(*args, env=None):
    """The command in this process (typer's runner: its output is a pipe, not a terminal)."""
    from typer.testing import CliRunner

    from plan_extract.cli import app

    environ = {"FORCE_COLOR": None, "NO_COLOR": None} | (env or {})
    r = CliRunner().invoke(app, [str(a) for a in args], env=environ)
    if r.exception and not isinstance(r.exception, SystemExit):
        raise r.exception
    return subprocess.CompletedProcess(args, r.exit_code, r.stdout_bytes, r.stderr_bytes)


def run_command(*args):
    environ = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    return subprocess.run([sys.executable, "-m", "plan_extract", *map(str, args)], capture_output=True,
                          timeout=120, env=environ)


def test_explain_piped_marks_spans_as_text_without_colour(tmp_path):
    doc = tmp_path / "plan.txt"
    doc.write_text(PLAN, encoding="utf-8")
    r = run_command("explain", doc)
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode("utf-8")
    assert not ANSI.search(out)
    assert "累计建成5G基站[3.5万个]#1。" in out and "用户占比为[95.94%]#2。" in out
    assert "另有{12次}会议" in out and "1 number(s) without a row: 12次" in out
    table = out[out.index("2 row(s)"):]
    assert re.search(r"1 │ 5G基站\s+│\s+35000 │ 个\s+│ =\s+│ target │ 2025 │ 3.5万个", table)
    assert re.search(r"2 │ 光纤接入宽带用户占比\s+│\s+95.94 │ %", table)


def test_explain_traditional_marks_a_repeated_mention_with_its_row(tmp_path):
    doc = tmp_path / "news.txt"
    doc.write_bytes(NEWS.encode("big5"))
    r = run("explain", doc)
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode("utf-8")
    rows = extract(NEWS, "news.txt")
    n = next(i for i, x in enumerate(rows, 1) if x.raw == "5萬個")
    assert f"今年擬新建5G基站[5萬個]#{n}" in out
    assert f"全省擬新建5G基站[5萬個]=#{n}" in out  # the headline repeats the body's row
    assert f"{len(rows)} row(s)" in out


def test_explain_in_colour_highlights_instead_of_brackets(tmp_path):
    doc = tmp_path / "plan.txt"
    doc.write_text(PLAN, encoding="utf-8")
    out = run("explain", doc, env={"FORCE_COLOR": "1", "TERM": "xterm-256color"}).stdout.decode("utf-8")
    assert ANSI.search(out) and "[3.5万个]" not in out and "3.5万个" in out


def test_explain_errors_are_one_line(tmp_path):
    r = run("explain", tmp_path / "missing.txt")
    err = r.stderr.decode()
    assert r.returncode == 1 and err.strip() == f"{tmp_path / 'missing.txt'}: no such file"


def test_review_command_keeps_going_past_a_bad_file_and_lists_it(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / "docs" / "b.pdf").write_bytes(b"%PDF-1.4\n\x00\x01binary")
    out = tmp_path / "review.html"
    r = run("review", tmp_path / "docs", "-o", out)
    assert r.returncode == 1
    assert r.stderr.decode().splitlines()[0].startswith(str(tmp_path / "docs" / "b.pdf") + ": ")
    page = out.read_text(encoding="utf-8")
    assert 'id="pe-meta-0"' in page and 'id="pe-meta-1"' not in page and "b.pdf: " in page
    assert page.rstrip().endswith("</html>")


def test_review_page_embeds_hostile_text_inertly(tmp_path):
    from plan_extract.export.review import ReviewWriter
    import io

    text = "</script><script>alert(1)</script><!-- &lt; \u2028"
    buf = io.StringIO()
    page = ReviewWriter(buf)
    page.add("</script>.txt", text, [])
    page.close()
    html = buf.getvalue()
    body = html[html.index('id="pe-meta-0"'):html.index('id="pe-errors"')]
    assert "<script>alert" not in body and body.count("</script>") == 2 and "<!--" not in body
    import json

    raw = html.split('id="pe-text-0">', 1)[1].split("</script>", 1)[0]
    assert json.loads(raw) == text


def test_explain_lists_the_cue_of_each_row_when_records_carry_one():
    import io

    from plan_extract.export.explain import write_explain

    records = [r.model_dump() | {"cue": "到2025年" if r.kind == "target" else "截至2020年底"}
               for r in extract(PLAN, "plan.txt")]
    buf = io.StringIO()
    write_explain(buf, "plan.txt", PLAN, records)
    table = buf.getvalue().split("2 row(s)", 1)[1]
    assert "cue" in table.splitlines()[2]
    assert re.search(r"3.5万个 .*│ 到2025年", table) and re.search(r"95.94% .*│ 截至2020年底", table)
    plain = io.StringIO()
    write_explain(plain, "plan.txt", PLAN, [r.model_dump(exclude={"cue"}) for r in extract(PLAN, "plan.txt")])
    assert " cue " not in plain.getvalue()


def test_explain_keeps_terminal_escapes_of_a_document_out_of_the_terminal(tmp_path):
    doc = tmp_path / "evil.txt"
    doc.write_text("\x1b]0;owned\x07\x1b[2J到2025年，累计建成5G基站3.5万个。\x1b[31m\n", encoding="utf-8")
    for env in ({}, {"FORCE_COLOR": "1", "TERM": "xterm-256color"}):
        out = run("explain", doc, env=env).stdout.decode("utf-8")
        assert "\x1b]" not in out and "\x1b[2J" not in out and "\x07" not in out
        assert "\ufffd[2J到2025年" in out and "3.5万个" in out
