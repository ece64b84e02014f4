"""The number grammar's corpus by family (Duckling style): surface form -> value, value_max, unit,
comparator. Every form runs through the scanner (alone, in Traditional and with full-width digits)
and through the command line in an indicator sentence; the should-not corpus yields nothing.

Conventions the corpus pins down:
- a range has value <= value_max and comparator `>=` (三到五万 = 30000-50000); a reversed one is not read;
- an estimate (七八亿, 三十几万, 十五六个) is a range with comparator `~`; 多/余 keep `>` (两千多万 = >2e7);
- a sign written in the text makes the value negative (-3.8%, 负3.8%, 负增长2.1%); 下降2.1% keeps 2.1,
  the decrease being in the words the indicator is named with (…同比下降).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import opencc
import pytest

from plan_extract.grammar import scan
from plan_extract.view import search_view


def F(form, value, value_max=None, unit="个", cmp=None):
    return (form, value, value_max, unit, cmp or (">=" if value_max is not None else "="))


E = "~"  # an estimate
FAMILIES = {
    "colloquial-tail": [
        F("四万五个", 45000), F("三百六个", 360), F("两千三点五个", 2300.5), F("一万二个", 12000),
        F("两万八千五个", 28500), F("一亿二元", 1.2e8, unit="元"), F("三千五个", 3500), F("五百八个", 580),
        F("一百五个", 150), F("一千二百五个", 1250), F("1万8个", 18000), F("三万六千五个", 36500),
        F("九千九个", 9900), F("兩萬五千個", 25000), F("四萬五個", 45000), F("八百八个", 880),
        F("2亿3元", 2.3e8, unit="元"), F("十万八千个", 108000), F("三千五百万元", 3.5e7, unit="元"),
        F("两千三百五十万元", 2.35e7, unit="元"), F("三百六十五个", 365), F("一万五千元", 15000, unit="元"),
        F("3千5个", 3500), F("一千二个", 1200), F("七万七个", 77000), F("兩千三點五個", 2300.5),
    ],
    "zero-before-ten": [
        F("一千零十五个", 1015), F("三万零十个", 30010), F("一万零一个", 10001), F("一百零五个", 105),
        F("一千零五十个", 1050), F("两千零二十个", 2020), F("一亿零四万个", 100040000), F("十万零五百个", 100500),
        F("五千零九十家", 5090, unit="家"), F("一万零八百个", 10800), F("三百零八个", 308),
        F("一千零一个", 1001), F("一千〇五个", 1005), F("两万零一十个", 20010), F("一千零一十个", 1010),
        F("壹仟零壹拾伍個", 1015), F("一萬零十個", 10010), F("一亿零四万零一个", 100040001),
    ],
    "mixed": [
        F("12万3千个", 123000), F("4万2000个", 42000), F("1万800个", 10800), F("1亿2000万元", 1.2e8, unit="元"),
        F("3亿5千万元", 3.5e8, unit="元"), F("2万5千个", 25000), F("1万2千多家", 12000, unit="家", cmp=">"),
        F("5千3百个", 5300), F("6万5千元", 65000, unit="元"), F("2千5百万元", 2.5e7, unit="元"),
        F("13亿4千万人", 1.34e9, unit="人"), F("1.2万亿元", 1.2e12, unit="元"), F("8千万元", 8e7, unit="元"),
        F("3萬2千個", 32000), F("１万８００个", 10800), F("2亿零500万元", 2.05e8, unit="元"),
    ],
    "range": [
        F("三到五万个", 30000, 50000), F("6000到2万个", 6000, 20000), F("一百五十到二百万元", 1.5e6, 2e6, "元"),
        F("一到三个", 1, 3), F("3-5个", 3, 5), F("3–5个", 3, 5), F("3—5个", 3, 5), F("3~5个", 3, 5),
        F("3～5个", 3, 5), F("3至5个", 3, 5), F("3〜5个", 3, 5), F("3－5个", 3, 5), F("2万-4万元", 2e4, 4e4, "元"),
        F("5到10万个", 5e4, 1e5), F("50-100万元", 5e5, 1e6, "元"), F("1000到2万个", 1000, 20000),
        F("20%-30%", 20, 30, "%"), F("20-30%", 20, 30, "%"), F("百分之二十到三十", 20, 30, "%"),
        F("百分之十至百分之二十", 10, 20, "%"), F("三至五成", 30, 50, "%"), F("两到三个", 2, 3),
        F("一至两个", 1, 2), F("3万至5万个", 3e4, 5e4), F("三万到五万个", 3e4, 5e4), F("十到二十个", 10, 20),
        F("二十至三十个", 20, 30), F("五至六百个", 500, 600), F("3-5千个", 3000, 5000),
        F("3千-5千个", 3000, 5000), F("1.5-2万元", 1.5e4, 2e4, "元"), F("1.5—2亿元", 1.5e8, 2e8, "元"),
        F("八千到一万个", 8000, 10000), F("二十到三十万个", 2e5, 3e5), F("5000-8000万元", 5e7, 8e7, "元"),
        F("三到五萬個", 3e4, 5e4), F("2萬-4萬元", 2e4, 4e4, "元"), F("一百五十到二百萬元", 1.5e6, 2e6, "元"),
        F("五千万至1亿元", 5e7, 1e8, "元"), F("0.5-1个百分点", 0.5, 1, "百分点"), F("3 至 5 个", 3, 5),
    ],
    "approximate": [
        F("三十几万个", 310000, 390000, cmp=E), F("十几亿元", 1.1e9, 1.9e9, "元", E),
        F("两千多万元", 2e7, unit="元", cmp=">"), F("十多万个", 1e5, cmp=">"), F("一百二十余万个", 1.2e6, cmp=">"),
        F("七八亿元", 7e8, 8e8, "元", E), F("三五千个", 3000, 5000, cmp=E), F("十五六个", 15, 16, cmp=E),
        F("二三十个", 20, 30, cmp=E), F("六七十万元", 6e5, 7e5, "元", E), F("一两个", 1, 2, cmp=E),
        F("两三万个", 2e4, 3e4, cmp=E), F("三四百家", 300, 400, "家", E), F("五六千万元", 5e7, 6e7, "元", E),
        F("二十几个", 21, 29, cmp=E), F("几十万个", 1e5, cmp=">"), F("上百家", 100, unit="家", cmp=">"),
        F("数千家", 1000, unit="家", cmp=">"), F("三十多个", 30, cmp=">"), F("100多万元", 1e6, unit="元", cmp=">"),
        F("20余万人", 2e5, unit="人", cmp=">"), F("五十余个", 50, cmp=">"), F("两千几百万元", 2.1e7, 2.9e7, "元", E),
        F("十几个亿元", 1.1e9, 1.9e9, "元", E), F("一千多亿元", 1e11, unit="元", cmp=">"),
        F("九十几个", 91, 99, cmp=E), F("十幾億元", 1.1e9, 1.9e9, "元", E), F("七八億元", 7e8, 8e8, "元", E),
        F("兩千多萬元", 2e7, unit="元", cmp=">"), F("一百五六十万元", 1.5e6, 1.6e6, "元", E),
        F("三十五六万个", 3.5e5, 3.6e5, cmp=E), F("八九成", 80, 90, "%", E), F("三四成", 30, 40, "%", E),
        F("千余家", 1000, unit="家", cmp=">"), F("万余人", 1e4, unit="人", cmp=">"), F("百余个", 100, cmp=">"),
        F("三千来个", 3000, cmp=E), F("二十来个", 20, cmp=E), F("三十来万元", 3e5, unit="元", cmp=E),
        F("100来个", 100, cmp=E), F("一两百个", 100, 200, cmp=E), F("兩三百萬元", 2e6, 3e6, "元", E),
        F("几个亿元", 1e8, unit="元", cmp=">"), F("两三个亿元", 2e8, 3e8, "元", E), F("幾個億元", 1e8, unit="元", cmp=">"),
    ],
    "big-multipliers": [
        F("六万亿元", 6e12, unit="元"), F("三十万亿元", 3e13, unit="元"), F("两个亿元", 2e8, unit="元"),
        F("一个亿元", 1e8, unit="元"), F("十个亿元", 1e9, unit="元"), F("一点五万亿元", 1.5e12, unit="元"),
        F("十万亿元", 1e13, unit="元"), F("二十万亿元", 2e13, unit="元"), F("兩萬億元", 2e12, unit="元"),
        F("3千万亿元", 3e15, unit="元"), F("2.5万亿元", 2.5e12, unit="元"), F("三千万亿元", 3e15, unit="元"),
        F("5千亿元", 5e11, unit="元"), F("一万亿元", 1e12, unit="元"), F("兩個億元", 2e8, unit="元"),
    ],
    "cheng": [
        F("两成", 20, unit="%"), F("十成", 100, unit="%"), F("7.5成", 75, unit="%"), F("八点五成", 85, unit="%"),
        F("一成", 10, unit="%"), F("三成以上", 30, unit="%", cmp=">="), F("七成或以上", 70, unit="%", cmp=">="), F("近六成", 60, unit="%", cmp="~"),
        F("九成五", 95, unit="%"), F("兩成", 20, unit="%"), F("六成左右", 60, unit="%", cmp="~"),
        F("超过八成", 80, unit="%", cmp=">"), F("0.5成", 5, unit="%"), F("八點五成", 85, unit="%"),
        F("三到四成", 30, 40, "%"),
    ],
    "sign": [
        F("-3.8%", -3.8, unit="%"), F("−3.8%", -3.8, unit="%"), F("－３.８％", -3.8, unit="%"),
        F("负3.8%", -3.8, unit="%"), F("負3.8%", -3.8, unit="%"), F("负0.5个百分点", -0.5, unit="百分点"),
        F("-1.2个百分点", -1.2, unit="百分点"), F("负二点一个百分点", -2.1, unit="百分点"),
    ],
    "arabic-and-formal": [
        F("1331.2万户", 13312000, unit="户"), F("12,345个", 12345), F("１２３４５个", 12345),
        F("9000 亿元", 9e11, unit="元"), F("8500億元", 8.5e11, unit="元"), F("3千万人", 3e7, unit="人"),
        F("七点五万个", 75000), F("二点六万亿元", 2.6e12, unit="元"), F("一千九百七十六个", 1976),
        F("三万四千五百六十七个", 34567), F("〇点五个百分点", 0.5, unit="百分点"), F("零点零五个百分点", 0.05, unit="百分点"),
        F("百分之六十", 60, unit="%"), F("百分之三点五", 3.5, unit="%"), F("百分之一百二十", 120, unit="%"),
        F("百分之百", 100, unit="%"), F("百分之零点五", 0.5, unit="%"), F("千分之五", 5, unit="‰"),
        F("壹仟贰佰叁拾肆个", 1234), F("貳拾個", 20), F("廿五个", 25), F("一十一个", 11), F("一百十五个", 115),
        F("两百个", 200), F("兩百個", 200), F("三十万个", 3e5), F("一百万个", 1e6), F("九千九百九十九个", 9999),
        F("十二亿元", 1.2e9, unit="元"), F("1,234,567个", 1234567), F("0.5万个", 5000), F("3百个", 300),
        F("100万千瓦", 1e6, unit="千瓦"), F("3万米", 3e4, unit="米"), F("三千米", 3, unit="千米"),
        F("5毫秒", 5, unit="毫秒"), F("4500万标准箱", 4.5e7, unit="标准箱"),
    ],
    # Taiwan's 兆 (万亿) inside a number that ends in 亿, and Hong Kong's space between thousands
    "trillion-and-spaced": [
        F("6兆1,450億元", 6.145e12, unit="元"), F("4兆3200亿元", 4.32e12, unit="元"), F("2兆元", 2e12, unit="元"),
        F("4 600個", 4600), F("1 300 PFLOPS", 1300, unit="PFLOPS"), F("2 860Gbps", 2860, unit="Gbps"),
        F("119 871戶", 119871, unit="户"),
    ],
    # a ratio to one (车桩比2.4:1): the figure before the colon, no unit
    "ratio": [F("2.4:1", 2.4, unit=""), F("2:1以下", 2, unit="", cmp="<="), F("7.8：1", 7.8, unit=""),
              F("12 : 1", 12, unit="")],
    # a score (满意度8.2分); not 十分 (very), a time of day (10点30分), 分辨率, 分钟
    "score": [F("8.2分", 8.2, unit="分"), F("82.7分", 82.7, unit="分"), F("0.3分", 0.3, unit="分")],
    # computing power written out or by its shorthand (5000P: PFlops, read where 算力 is the subject)
    "computing-power": [
        F("40 PetaFLOPS", 40, unit="PetaFLOPS"), F("2.5ExaFLOPS", 2.5, unit="ExaFLOPS"), F("5000P", 5000, unit="P"),
        F("120 PetaFlops", 120, unit="PetaFlops"),
    ],
}
CORPUS = [row for family in FAMILIES.values() for row in family]
IDS = [f"{fam}:{row[0]}" for fam, rows in FAMILIES.items() for row in rows]

# Not values, each in a sentence: dates, ordinals, names, codes, two numerals side by side, a repeated
# multiplier, a reversed range, idioms.
SHOULD_NOT = [
    "2025年3月4日全省召开5G基站建设会议", "二〇二五年三月全省召开会议", "2021-11-02发布", "11月12日召开",
    "十一十二月是旺季", "十二月份召开", "第一批试点名单", "第123场发布会", "第三届峰会", "5G网络全面覆盖",
    "4G网络", "IPv6规模部署", "10G-PON端口", "“十四五”时期", "十三五期间", "一带一路", "一网通办",
    "两会期间", "三农工作", "一季度", "百十一", "起点零距离", "汽车零件", "零部件产业", "万物互联",
    "千家万户", "一个门户", "10万万个", "1亿亿元", "253至0个", "40%-30%", "一二三", "010-65363526",
    "13912345678", "统一社会信用代码11220000013544357T", "2.0版", "千兆网络", "三五成群", "一成不变", "五成熟", "十四五个", "11:22:56",
    "两位数增长", "五百万分之一", "效果十分明显", "10点30分召开", "1920×1080分辨率", "上个月", "几个项目", "一是加快建设", "二〇二三年", "三年行动计划", "二十多年", "九九归一", "万一出现问题",
    "三次产业结构为6.1:42.3:51.6",
]


S2T = opencc.OpenCC("s2t").convert


def _variants(form: str) -> list[str]:
    trad = S2T(form)
    wide = form.translate(str.maketrans("0123456789%", "０１２３４５６７８９％"))
    return list(dict.fromkeys([form, trad, wide]))


@pytest.mark.parametrize("form,value,value_max,unit,comparator", CORPUS, ids=IDS)
def test_scanner_reads_the_form(form, value, value_max, unit, comparator):
    for text in _variants(form):
        found = list(scan(search_view(text)))
        assert len(found) == 1, (text, found)
        q = found[0]
        assert (q.value, q.value_max) == (pytest.approx(value), pytest.approx(value_max)), text
        assert (q.unit, q.comparator) == (unit, comparator), text
        assert text[q.outer_start:q.outer_end] == text.strip(), text  # the whole form, nothing left over


@pytest.mark.parametrize("text", SHOULD_NOT)
def test_scanner_reads_nothing(text):
    for variant in _variants(text):
        assert [variant[q.start:q.end] for q in scan(search_view(variant))] == [], variant


SUBJECT = {"": "车桩比", "分": "政务服务满意度", "%": "5G用户普及率", "百分点": "5G用户普及率比上年提高", "‰": "人口自然增长率", "元": "软件业务收入",
           "人": "5G用户", "户": "5G用户", "千瓦": "数据中心总装机容量", "米": "光缆线路长度", "千米": "光缆线路长度",
           **dict.fromkeys(("P", "PetaFLOPS", "ExaFLOPS", "PetaFlops", "PFLOPS"), "智能算力")}
COMPARATOR_WORDS = ("近", "超过", "上", "数", "几")


def sentence(form: str, unit: str) -> str:
    subject = SUBJECT.get(unit, "5G基站")
    link = "" if form.startswith(COMPARATOR_WORDS) or unit == "百分点" else "达到"
    return f"到2025年，全省{subject}{link}{form}。"


def test_command_line_reads_every_form(tmp_path: Path):
    """One file, a sentence per line; each line gives one row with the corpus's value (or none)."""
    cases = [(sentence(text, unit), value, value_max, unit, cmp)
             for form, value, value_max, unit, cmp in CORPUS for text in _variants(form)]
    nots = [f"到2025年，{text}。" for text in SHOULD_NOT]
    lines = [c[0] for c in cases] + nots
    doc = tmp_path / "corpus.txt"
    doc.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "plan_extract", "extract", str(doc), "-f", "json", "--keep-duplicates"],
                         capture_output=True, text=True, encoding="utf-8", check=True).stdout
    rows = json.loads(out)
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    by_line: dict[int, list] = {}
    for r in rows:
        i = max(i for i, s in enumerate(starts) if s <= r["start"])
        by_line.setdefault(i, []).append(r)
    text = doc.read_text(encoding="utf-8")
    wrong = []
    for i, (line, value, value_max, unit, cmp) in enumerate(cases):
        got = by_line.get(i, [])
        if len(got) != 1 or got[0]["value"] != pytest.approx(value) or got[0]["value_max"] != pytest.approx(value_max) \
                or (got[0]["unit"], got[0]["comparator"]) != (unit, cmp):
            wrong.append((line, [(r["raw"], r["value"], r["value_max"], r["unit"], r["comparator"]) for r in got]))
    extra = [(lines[i], [r["raw"] for r in by_line[i]]) for i in range(len(cases), len(lines)) if i in by_line]
    assert all(text[r["start"]:r["end"]] == r["raw"] for r in rows)
    assert wrong == [] and extra == []
