"""The review page opened in a real headless browser (Debian's Chromium driven by Playwright):
spans highlighted, the row shown on hover and click, the table filtered, missed numbers marked,
and hostile documents shown as text. Skipped when Chromium is missing, except in CI."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from plan_extract.export.review import ReviewWriter

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

SIMPLIFIED = "到2025年，累计建成5G基站3.5万个。截至2020年底，光纤接入宽带用户占比为95.94%。另有12次会议。\n"
TRADITIONAL = "截至2022年底，全省已建成5G基站7.5萬個，力爭到2025年固定寬帶用戶達到1800萬戶。\n"
HOSTILE = ("</script><script>window.pwned=1</script><script>alert(1)</script><b id=\"injected\">粗体</b><!--\n"
           "<img src=x onerror=\"window.pwned=2\">到2025年，5G基站达到2万个。&amp; </SCRIPT> \u2028\n")


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing (tests/system-packages.sh installs it)")
        pytest.skip("chromium is not installed (tests/system-packages.sh installs it)")
    sync_api = pytest.importorskip("playwright.sync_api") if not os.environ.get("CI") else __import__(
        "playwright.sync_api", fromlist=["sync_playwright"])
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def _write(tmp_path, docs: dict[str, str], name="review.html", without: tuple[str, ...] = ()) -> Path:
    from plan_extract import extract

    out = tmp_path / name
    with out.open("w", encoding="utf-8") as fh:
        page = ReviewWriter(fh)
        for doc, text in docs.items():
            page.add(doc, text, [r.model_dump(exclude=set(without)) for r in extract(text, doc, keep_duplicates=True)])
        page.close()
    return out


@pytest.fixture
def page(browser):
    pg = browser.new_page(viewport={"width": 1500, "height": 900})
    script_errors, requests = [], []
    pg.on("pageerror", lambda e: script_errors.append(str(e)))
    pg.on("dialog", lambda d: (script_errors.append(f"dialog: {d.message}"), d.dismiss()))
    pg.on("request", lambda r: requests.append(r.url) if not r.url.startswith(("file:", "data:", "about:")) else None)
    pg.requests = requests
    yield pg
    assert script_errors == [], "script errors on the page"
    assert requests == [], "the page must not reach the network"
    pg.close()


def _open(page, path: Path):
    page.goto(path.as_uri())
    page.wait_for_selector("#rows tbody tr, #docname")


def test_spans_are_highlighted_one_per_row_coloured_by_kind(page, tmp_path):
    from plan_extract import extract

    _open(page, _write(tmp_path, {"plan.txt": SIMPLIFIED}))
    rows = extract(SIMPLIFIED, "plan.txt")
    marks = page.locator("#text mark.target, #text mark.actual")
    assert marks.count() == len(rows) == 2
    assert marks.all_inner_texts() == [r.raw for r in rows]
    assert page.locator("#text mark.target").all_inner_texts() == ["3.5万个"]
    assert page.locator("#text mark.actual").all_inner_texts() == ["95.94%"]
    # the text itself is intact: highlighting adds no character
    assert page.inner_text("#text") == SIMPLIFIED.rstrip("\n") or page.inner_text("#text") == SIMPLIFIED
    colours = {page.locator(f"#text mark.{k}").evaluate("e => getComputedStyle(e).backgroundColor") for k in ("target", "actual")}
    assert len(colours) == 2


def test_hover_and_click_show_the_row(page, tmp_path):
    _open(page, _write(tmp_path, {"news.txt": TRADITIONAL}))
    page.locator("#text mark", has_text="7.5萬個").hover()
    detail = page.locator("#detail")
    assert detail.locator('[data-field="indicator"]').inner_text() == "5G基站"
    assert detail.locator('[data-field="value"]').inner_text() == "75,000"
    assert detail.locator('[data-field="kind"]').inner_text() == "actual"
    assert detail.locator('[data-field="year"]').inner_text() == "2022"
    assert detail.locator('[data-field="rule"]').inner_text() == "INF-5G-BASE-STATIONS"
    page.locator("#text mark", has_text="1800萬戶").click()
    assert detail.locator('[data-field="kind"]').inner_text() == "target"
    assert detail.locator('[data-field="year"]').inner_text() == "2025"
    picked = page.locator("#rows tbody tr.picked")
    assert picked.count() == 1 and "1800萬戶" in picked.inner_text()
    # and the other way: a table row shows its span in the text
    page.locator("#rows tbody tr", has_text="7.5萬個").click()
    assert page.locator("#text mark.picked").inner_text() == "7.5萬個"


def test_filters_narrow_the_table(page, tmp_path):
    _open(page, _write(tmp_path, {"a/plan.txt": SIMPLIFIED, "b/news.txt": TRADITIONAL}))
    body = page.locator("#rows tbody tr")
    assert body.count() == 4
    page.select_option("#f-kind", "target")
    assert body.count() == 2 and all("target" in t for t in body.all_inner_texts())
    page.select_option("#f-kind", "")
    page.select_option("#f-doc", label="news.txt")
    assert body.count() == 2
    assert page.inner_text("#docname") == "b/news.txt"  # choosing a document shows it
    page.select_option("#f-doc", "")
    page.select_option("#f-indicator", "5G基站")
    assert body.count() == 2
    page.select_option("#f-indicator", "")
    page.fill("#f-text", "95.94")
    assert body.count() == 1 and "光纤接入宽带用户占比" in body.inner_text()
    assert "1 of 4" in page.inner_text("#count")


def test_a_number_without_a_row_is_marked_faintly(page, tmp_path):
    _open(page, _write(tmp_path, {"plan.txt": SIMPLIFIED}))
    missed = page.locator("#text mark.missed")
    assert missed.all_inner_texts() == ["12次"]
    assert "no row" in missed.get_attribute("title")
    missed.hover()
    assert "gave no row" in page.inner_text("#detail") and page.inner_text('#detail [data-field="value"]') == "12"
    style = missed.evaluate("e => getComputedStyle(e).backgroundColor")
    assert style in ("rgba(0, 0, 0, 0)", "transparent")


def test_one_document_shown_at_a_time_chosen_from_the_list(page, tmp_path):
    docs = {f"d{i:03}.txt": SIMPLIFIED.replace("3.5万", f"{i + 1}万") for i in range(120)}
    _open(page, _write(tmp_path, docs))
    assert page.locator("#doclist li").count() == 120
    assert page.locator("#text mark.target").inner_text() == "1万个"
    page.locator("#doclist li", has_text="d077.txt").click()
    assert page.locator("#text mark.target").inner_text() == "78万个"
    assert page.locator("#rows tbody tr").count() == 2  # the table follows the chosen document
    page.fill("#docfilter", "d11")
    assert page.locator("#doclist li").count() == 10


def test_hostile_documents_are_shown_as_text(page, tmp_path):
    name = "<img src=x onerror=alert(1)>.txt"
    _open(page, _write(tmp_path, {name: HOSTILE, "next.txt": SIMPLIFIED}))
    assert page.evaluate("window.pwned") is None
    assert page.locator("#injected").count() == 0 and page.locator("#text img, #text b").count() == 0
    text = page.inner_text("#text")
    assert "</script><script>window.pwned=1</script>" in text and "&amp; </SCRIPT>" in text
    assert page.locator("#text mark.target").inner_text() == "2万个"
    assert page.inner_text("#docname") == name
    # the document after it is intact: the page did not end early
    assert page.locator("#doclist li").count() == 2
    assert page.locator("#rows tbody tr").count() == 3


def test_the_command_writes_the_seeds_page_and_a_screenshot_reads(page, tmp_path):
    out = tmp_path / "seeds.html"
    r = subprocess.run([sys.executable, "-m", "plan_extract", "review", str(ROOT / "seeds"), "-o", str(out)],
                       capture_output=True, timeout=120)
    assert r.returncode == 0, r.stderr
    _open(page, out)
    from plan_extract import extract

    first = sorted((ROOT / "seeds").glob("*.txt"))[0]
    rows = extract(first.read_text(encoding="utf-8"), str(first))
    assert page.locator("#text mark.target, #text mark.actual").count() == len(rows)
    page.locator("#text mark.actual").first.click()
    shot = page.screenshot(path=str(tmp_path / "review.png"))
    assert len(shot) > 10_000


def test_the_cue_is_shown_when_records_carry_one(page, tmp_path):
    from plan_extract import extract

    out = tmp_path / "cue.html"
    records = [r.model_dump() | {"cue": "到2025年" if r.kind == "target" else "截至2020年底"}
               for r in extract(SIMPLIFIED, "plan.txt")]
    with out.open("w", encoding="utf-8") as fh:
        w = ReviewWriter(fh)
        w.add("plan.txt", SIMPLIFIED, records)
        w.close()
    _open(page, out)
    page.locator("#text mark.actual").hover()
    assert page.inner_text('#detail [data-field="cue"]') == "截至2020年底"
    page.fill("#f-text", "到2025年")
    assert page.locator("#rows tbody tr").all_inner_texts()[0].count("3.5万个") == 1
    assert page.locator("#rows tbody tr").count() == 1


def test_without_a_cue_field_the_detail_has_no_cue(page, tmp_path):
    _open(page, _write(tmp_path, {"plan.txt": SIMPLIFIED}, without=("cue",)))  # records of a tool without it
    page.locator("#text mark.target").hover()
    assert page.locator('#detail [data-field="cue"]').count() == 0
    assert page.inner_text('#detail [data-field="indicator"]') == "5G基站"


def test_j_and_k_step_through_the_rows_across_documents(page, tmp_path):
    _open(page, _write(tmp_path, {"a/plan.txt": SIMPLIFIED, "b/news.txt": TRADITIONAL}))
    seen = []
    for _ in range(4):
        page.keyboard.press("j")
        seen.append(page.inner_text('#detail [data-field="raw"]'))
    assert seen == ["3.5万个", "95.94%", "7.5萬個", "1800萬戶"]
    assert page.inner_text("#docname") == "b/news.txt" and page.inner_text("#text mark.picked") == "1800萬戶"
    page.keyboard.press("k")
    assert page.inner_text('#detail [data-field="raw"]') == "7.5萬個"
    page.fill("#f-text", "j")  # typing in a filter does not step
    assert page.inner_text('#detail [data-field="raw"]') == "7.5萬個"


def test_the_document_says_what_it_is_about(page, tmp_path):
    text = "辽宁省人民政府办公厅印发《数字辽宁发展规划（2.0版）》。" + SIMPLIFIED
    out = tmp_path / "facts.html"
    r = subprocess.run([sys.executable, "-m", "plan_extract", "review", "-", "-o", str(out)], input=text.encode(),
                       capture_output=True, timeout=120)
    assert r.returncode == 0, r.stderr
    _open(page, out)
    facts = page.inner_text("#docfacts")
    assert "辽宁" in facts and "数字辽宁发展规划" in facts and "2 rows" in facts
