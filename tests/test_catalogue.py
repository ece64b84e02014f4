"""The indicator catalogue: every entry's wordings, examples and counter-examples run (with the id in
the test id), the data files validate with one-line errors, and a user's file extends it."""

import subprocess
import sys

import pytest

from plan_extract.canon import check_catalogue, resolve
from plan_extract.catalogue import default_catalogue, load_catalogue
from plan_extract.errors import RuleError

CAT = default_catalogue()
CASES = [(e, kind, i) for e in CAT.entries for kind, items in (("wordings", e.wordings), ("examples", e.examples),
                                                              ("counter_examples", e.counter_examples))
         for i in range(len(items))]


@pytest.mark.parametrize("entry,kind,i", CASES, ids=[f"{e.id}-{k}{i}" for e, k, i in CASES])
def test_entry_cases(entry, kind, i):
    phrase = getattr(entry, kind)[i]
    got = resolve(phrase, CAT)
    if kind == "counter_examples":
        assert got is not entry, f"{phrase} must not be {entry.id}"
    else:
        assert got is entry, f"{phrase} resolves to {got.id if got else None}, not {entry.id}"


def test_catalogue_is_large_and_has_unique_ids_and_families():
    assert len(CAT.entries) >= 60
    assert len({e.id for e in CAT.entries}) == len(CAT.entries)
    assert {e.unit for e in CAT.entries} >= {"count", "percent", "money", "length", "data"}
    assert check_catalogue(CAT) == []


@pytest.mark.parametrize("phrase,expected", [
    ("數位經濟規模", "ECO-DIGITAL-ECONOMY-VALUE"),       # Taiwan 數位 -> 数字
    ("固定寬頻家庭普及率", "INF-FIXED-BROADBAND-PENETRATION"),  # 寬頻 -> 宽带
    ("5G基地台數量", "INF-5G-BASE-STATIONS"),             # 基地台 -> 基站
    ("資料中心標準機架", "INF-DATA-CENTER-RACKS"),
    ("IPV6活跃用户数", "INF-IPV6-ACTIVE-USERS"),           # letters in any case
    ("福建省政务服务事项全程网办比例", "GOV-FULLY-ONLINE"),
    ("合肥市蜀山区5G基站总数", "INF-5G-BASE-STATIONS"),
    ("全省累计建成5G基站", "INF-5G-BASE-STATIONS"),
    ("软件业务收入同比增长", "ECO-SOFTWARE-REVENUE-GROWTH"),
])
def test_wordings_users_meet(phrase, expected):
    got = resolve(phrase)
    assert got is not None and got.id == expected


@pytest.mark.parametrize("phrase", ["企业", "支撑", "基站", "覆盖率", "已经连续举办", "5G基站建设投资"])
def test_fragments_and_other_things_get_no_id(phrase):
    assert resolve(phrase) is None


def write(tmp_path, text, name="mine.toml"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_invalid_files_give_one_line_per_problem(tmp_path):
    p = write(tmp_path, '[[indicator]]\nid = "bad id"\nname = "x"\nunit = "furlongs"\ncategory = "c"\n'
                        'wordings = ["x"]\nexamples = ["x"]\ncolour = 1\n')
    with pytest.raises(RuleError) as e:
        load_catalogue(p)
    lines = e.value.problems
    assert any(l.startswith(f"{p}: bad id: id:") for l in lines)
    assert any(l.startswith(f"{p}: bad id: unit:") for l in lines)
    assert any(l.startswith(f"{p}: bad id: colour:") for l in lines)
    assert all("\n" not in l for l in lines)
    with pytest.raises(RuleError) as e:
        load_catalogue(write(tmp_path, "[[indicator]\n", "broken.toml"))
    assert e.value.problems[0].startswith(f"{tmp_path / 'broken.toml'}: TOML syntax")
    with pytest.raises(RuleError):
        load_catalogue(tmp_path / "missing.toml")


USER = '''
[synonyms]
"流量卡" = "物联网卡"

[[indicator]]
id = "USR-SMART-LAMPS"
name = "智慧灯杆"
unit = "count"
category = "infrastructure"
wordings = ["智慧灯杆", "多功能智能杆"]
examples = ["深圳市智慧燈桿"]

[[indicator]]
id = "INF-5G-BASE-STATIONS"
name = "5G基站"
unit = "count"
category = "infrastructure"
wordings = ["第五代移动通信基站"]
examples = ["第五代移動通信基站"]
'''


def test_a_user_file_adds_entries_and_wordings(tmp_path):
    cat = load_catalogue(write(tmp_path, USER))
    assert resolve("多功能智能杆", cat).id == "USR-SMART-LAMPS"
    assert resolve("第五代移动通信基站", cat).id == "INF-5G-BASE-STATIONS"
    assert resolve("5G基站数量", cat).id == "INF-5G-BASE-STATIONS"  # the bundled wordings stay
    assert check_catalogue(cat) == []


def run(*args):
    return subprocess.run([sys.executable, "-m", "plan_extract", *map(str, args)], capture_output=True, timeout=120)


def test_cli_list_check_and_extract_with_a_user_file(tmp_path):
    r = run("indicators", "list", "-f", "csv")
    assert r.returncode == 0
    ids = [line.split(",")[0] for line in r.stdout.decode().splitlines()[1:]]
    assert len(ids) == len(CAT.entries) and "INF-5G-BASE-STATIONS" in ids
    assert run("indicators", "check").returncode == 0
    user = write(tmp_path, USER)
    doc = write(tmp_path, "截至2023年底，深圳市累计建成多功能智能杆1.2万根。\n", "doc.txt")
    r = run("extract", doc, "--indicators", user, "-f", "jsonl")
    assert r.returncode == 0, r.stderr
    assert b'"indicator_id":"USR-SMART-LAMPS"' in r.stdout.replace(b" ", b"")
    bad = write(tmp_path, '[[indicator]]\nid = "X-Y"\n', "bad.toml")
    r = run("extract", doc, "--indicators", bad)
    assert r.returncode == 1 and r.stderr.decode().startswith(f"{bad}: X-Y: ") and b"Traceback" not in r.stderr
