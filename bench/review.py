"""Review page benchmark: how the page scales with the number and size of documents.

    python bench/review.py [--docs 300]

Builds a corpus from the seeds (as bench/run.py does, with one 1 MB compilation), then prints: the
time of `plan-extract review` beside `plan-extract extract -f jsonl` on the same corpus (one
process), the page's size, and, when Chromium and Playwright are there, the time the page takes to
open, to show another document, to filter the table, and to show the 1 MB document.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import build_corpus, cli  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def timed(cmd: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=False, capture_output=True)
    return time.perf_counter() - t


def browser_figures(page_path: Path, big_name: str) -> None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("browser: playwright is not installed, skipped")
        return
    if not os.path.exists(CHROMIUM):
        print(f"browser: {CHROMIUM} is missing, skipped")
        return
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = b.new_page(viewport={"width": 1500, "height": 900}, bypass_csp=True)  # for wait_for_function
        t = time.perf_counter()
        page.goto(page_path.as_uri())
        page.wait_for_selector("#rows tbody tr")
        print(f"browser: page open and first document shown  {time.perf_counter() - t:6.2f} s")
        rows = page.locator("#rows tbody tr").count()
        print(f"browser: table rows rendered                 {rows:6d} ({page.inner_text('#count')})")
        items = page.locator("#doclist li")
        t = time.perf_counter()
        items.nth(items.count() // 2).click()
        page.wait_for_function("document.querySelectorAll('#rows tbody tr').length < 200")
        print(f"browser: show another document               {time.perf_counter() - t:6.2f} s")
        page.select_option("#f-doc", "")
        t = time.perf_counter()
        page.fill("#f-text", "5G基站")
        page.wait_for_function("document.getElementById('count').textContent.includes(' of ')")
        print(f"browser: filter the table by text            {time.perf_counter() - t:6.2f} s")
        t = time.perf_counter()
        page.locator("#doclist li", has_text=big_name).click()
        page.wait_for_function(f"document.getElementById('docname').textContent.endsWith({big_name!r})")
        marks = page.locator("#text mark").count()
        print(f"browser: show the 1 MB document              {time.perf_counter() - t:6.2f} s ({marks} marks)")
        b.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=300)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as work:
        corpus = Path(work) / "corpus"
        chars = build_corpus(corpus, max(a.docs, 500))  # 500: the corpus includes one 1 MB document
        files = sorted(corpus.iterdir())
        big = max(files, key=lambda f: f.stat().st_size)
        print(f"corpus: {len(files)} documents, {chars / 1e6:.1f} M characters (largest {big.stat().st_size / 1e6:.1f} MB)")
        out = Path(work) / "review.html"
        t_extract = timed(cli() + ["extract", str(corpus), "-f", "jsonl", "-j", "1", "-o", str(Path(work) / "rows.jsonl")])
        t_review = timed(cli() + ["review", str(corpus), "-o", str(out)])
        print(f"extract -f jsonl (1 process)  {t_extract:6.2f} s")
        print(f"review -o page.html           {t_review:6.2f} s  (page {out.stat().st_size / 1e6:.1f} MB)")
        browser_figures(out, big.name)


if __name__ == "__main__":
    main()
