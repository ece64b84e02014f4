"""PDF benchmark: builds a plan PDF and prints measured figures.

    python bench/pdf.py [--pages 100] [--big 1000]

Prints: pages per second end to end on one core (`plan-extract extract plan.pdf -j 1`, start-up
included, and in process: load + extract) beside the floor (PDFium's text extraction alone, the
library the loader is built on); the same text extraction with pdfplumber and pdfminer.six when they
are installed, and whether each gives the CJK prose back in reading order; peak memory (max RSS)
reading a PDF of --big pages. Needs reportlab (the test extra) to build the PDFs.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from makedocs import make_pdf  # noqa: E402
from run import best  # noqa: E402  (bench/run.py)

SENTENCES = [
    "截至{y0}年底，全省累计建成5G基站{a}万座，光纤接入宽带用户占比达到{p}%，数字经济核心产业增加值占地区生产总值比重达到{q}%。",
    "到{y1}年，全省5G基站数量达到{b}万个，千兆宽带用户数达到{c}万户，工业互联网平台应用普及率达到{p}%以上，培育数字经济领军企业超过{d}家。",
    "加快推进新型基础设施建设，统筹布局数据中心、工业互联网和物联网，推动制造业数字化转型，提升政务服务一网通办水平，"
    "建设一批智慧城市示范项目，完善数字治理体系和网络安全保障能力。",
    "到{y1}年，全省数据中心标准机架数达到{a}万架左右，软件和信息技术服务业营业收入突破{e}亿元，建成省级工业互联网平台{d}个以上。",
]


def plan_blocks(pages: int, seed: int = 7):
    """About `pages` pages: prose paragraphs, and an indicator table every ten pages."""
    rnd = random.Random(seed)
    blocks = [("h", "数字辽宁发展规划（2021-2025年）")]
    per_page = 7  # paragraphs of about five lines fill a page
    for page in range(pages):
        if page % 10 == 5:
            rows = [["序号", "指标", "2020年", "2025年", "属性"]]
            rows += [[str(i), f"第{i}类平台数量（万个）", f"{rnd.randint(1, 90)}.{rnd.randint(0, 9)}",
                      f"≥{rnd.randint(10, 200)}", rnd.choice(["约束性", "预期性"])] for i in range(1, 31)]
            blocks.append(("table", rows, [72, 110, 330, 390, 450]))
            blocks.append(("p", SENTENCES[2]))
            continue
        for _ in range(per_page):
            text = "".join(s.format(y0=2020, y1=2025, a=rnd.randint(1, 99) / 10 + 1, b=rnd.randint(2, 20),
                                    c=rnd.randint(100, 999), p=rnd.randint(10, 99), q=rnd.randint(3, 15),
                                    d=rnd.randint(10, 300), e=rnd.randint(500, 5000))
                           for s in rnd.sample(SENTENCES, 3))
            blocks.append(("p", text))
    return blocks


def build(path: str, pages: int):
    """Writes a plan of about `pages` pages (the blocks are sized once more after a first try)."""
    import pypdfium2 as pdfium

    blocks = plan_blocks(pages)
    Path(path).write_bytes(make_pdf(blocks))
    n = len(pdfium.PdfDocument(path))
    if n != pages:
        blocks = plan_blocks(round(pages * pages / n))
        Path(path).write_bytes(make_pdf(blocks))
    return blocks


def floor_pdfium(path):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    out = []
    for i in range(len(pdf)):
        page = pdf[i]
        tp = page.get_textpage()
        out.append(tp.get_text_range())
        tp.close()
        page.close()
    pdf.close()
    return "\n".join(out)


def text_pdfplumber(path):
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(p.extract_text() or "" for p in pdf.pages)


def tables_pdfplumber(path):
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return sum(len(t) for p in pdf.pages for t in p.extract_tables())


def text_pdfminer(path):
    from pdfminer.high_level import extract_text

    return extract_text(path)


def in_order(text: str, blocks) -> str:
    """Share of the prose paragraphs found whole, in order, once line breaks and spaces are ignored."""
    flat = re.sub(r"\s+", "", text)
    pos = found = total = 0
    for b in blocks:
        if b[0] != "p":
            continue
        total += 1
        para = re.sub(r"\s+", "", b[1])
        i = flat.find(para, pos)
        if i >= 0:
            found += 1
            pos = i + len(para)
    return f"{found}/{total} paragraphs whole and in order"


# The process's own peak resident memory in MB. Not getrusage's ru_maxrss: on Linux it carries the
# parent's peak across fork and exec, so a child of a large process reports the parent's figure.
HWM = "[int(l.split()[1]) // 1024 for l in open('/proc/self/status') if l.startswith('VmHWM')][0]"


def peak_rss_mb(path: str, out: str) -> tuple[int, float]:
    """Max RSS and time of `plan-extract extract PATH -f jsonl -j 1 -o OUT`, in a fresh process."""
    code = ("import sys, time\nfrom plan_extract.cli import main\nt = time.perf_counter()\n"
            f"sys.argv = ['plan-extract', 'extract', {path!r}, '-f', 'jsonl', '-j', '1', '-o', {out!r}]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            f"print({HWM}, time.perf_counter() - t, file=sys.stderr)")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    mb, secs = res.stderr.split()[-2:]
    return int(mb), float(secs)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=100)
    ap.add_argument("--big", type=int, default=1000)
    args = ap.parse_args()
    from plan_extract import default_rules
    from plan_extract.engine import extract_text
    from plan_extract.load import read_document

    with tempfile.TemporaryDirectory() as work:
        import pypdfium2 as pdfium

        path = os.path.join(work, "plan.pdf")
        blocks = build(path, args.pages)
        n = len(pdfium.PdfDocument(path))
        print(f"machine: {os.uname().machine}, {os.cpu_count()} cores, CPython {sys.version.split()[0]}")
        print(f"plan PDF                               {n} pages, {os.path.getsize(path):,} bytes")
        t, slow = best(lambda: floor_pdfium(path))
        floor = t
        print(f"floor: pypdfium2 text alone            {t:.2f} s, {n / t:,.0f} pages/s (slowest {slow:.2f} s)  "
              f"{in_order(floor_pdfium(path), blocks)}")
        rules = default_rules()

        def inproc():
            d = read_document(path)
            return extract_text(d.text, path, rules, pages=d.pages, cell_x=d.cell_x)[0]
        t_load, _ = best(lambda: read_document(path))
        t, slow = best(inproc)
        rows = inproc()
        print(f"load only (read_document)              {t_load:.2f} s, {n / t_load:,.0f} pages/s  "
              f"{in_order(read_document(path).text, blocks)}")
        print(f"load + extract, in process             {t:.2f} s, {n / t:,.0f} pages/s, {len(rows)} rows "
              f"({sum(r.rule == 'TABLE' for r in rows)} from tables; slowest {slow:.2f} s); {t / floor:.1f}x the floor")
        out = os.path.join(work, "out.jsonl")
        cmd = [sys.executable, "-m", "plan_extract", "extract", path, "-f", "jsonl", "-j", "1", "-o", out]
        t, slow = best(lambda: subprocess.run(cmd, check=True))
        print(f"plan-extract extract -j 1 (end to end) {t:.2f} s, {n / t:,.0f} pages/s (slowest {slow:.2f} s, start-up included)")
        for label, fn in [("pdfplumber text", text_pdfplumber), ("pdfminer.six text", text_pdfminer),
                          ("pdfplumber tables", tables_pdfplumber)]:
            try:
                t, _ = best(lambda: fn(path), runs=1)
            except ImportError:
                print(f"{label:<38} not installed")
                continue
            extra = in_order(fn(path), blocks) if "text" in label else f"{fn(path)} table rows"
            print(f"{label:<38} {t:.2f} s, {n / t:,.0f} pages/s  {extra}")
        big = os.path.join(work, "big.pdf")
        build(big, args.big)
        nb = len(pdfium.PdfDocument(big))
        mb, secs = peak_rss_mb(big, out)
        nrows = sum(1 for _ in open(out, encoding="utf-8"))
        print(f"peak RSS, {nb}-page PDF, extract -j 1  {mb} MB, {secs:.1f} s, {nrows} rows, "
              f"{os.path.getsize(big) / 1e6:.1f} MB file")
        txt = os.path.join(work, "big.txt")  # the same text as a .txt: what the text path alone costs
        Path(txt).write_text(read_document(big).text, encoding="utf-8")
        mb_txt, secs_txt = peak_rss_mb(txt, out)
        print(f"  the same text as .txt, extract -j 1  {mb_txt} MB, {secs_txt:.1f} s")
        mb_load = subprocess.run([sys.executable, "-c", "from plan_extract.load import read_document\n"
                                  f"read_document({big!r})\nprint({HWM})"],
                                 capture_output=True, text=True, check=True).stdout.strip()
        print(f"  loading the PDF alone (read_document) {mb_load} MB")


if __name__ == "__main__":
    main()
