"""Rule sets for the people who extend them: adding to the bundled set, an explicit order, checks
that run every example against the whole set and report every problem, bounded compilation."""

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from plan_extract import default_rules, extract, load_rules
from plan_extract.checks import check_rules
from plan_extract.errors import RuleError
from plan_extract.rules import default_rules_dir, load_rule_set

PLAN = "到2025年，累计建成5G基站3.5万个，全市智能充电桩达到800根。\n"


def run(*args):
    """The command in this process (typer's runner: no interpreter start per call)."""
    from typer.testing import CliRunner

    from plan_extract.cli import app

    args = [str(a) for a in args]
    r = CliRunner().invoke(app, args)
    if r.exception and not isinstance(r.exception, SystemExit):
        raise r.exception
    return subprocess.CompletedProcess(args, r.exit_code, r.stdout_bytes, r.stderr_bytes)


def run_command(*args, timeout=120):
    """The real command: for worker processes, and for patterns that must not blow up this process."""
    return subprocess.run([sys.executable, "-m", "plan_extract", *map(str, args)], capture_output=True,
                          timeout=timeout)


def rule(rid="T-PILES", indicator="智能充电桩", pattern="智能充电桩{LINK}{QUANTITY}",
         examples="{ text = '全市智能充電樁達到800根', value = 800, unit = '根' }", extra=""):
    return (f"[[rule]]\nid = '{rid}'\nindicator = '{indicator}'\ncategory = 'test'\n"
            f"pattern = '''{pattern}'''\nexamples = [{examples}]\n{extra}\n")


def write(folder: Path, name: str, *rules: str) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text("".join(rules), encoding="utf-8")
    return folder


# ---- adding, replacing, where the bundled rules are

def test_add_rules_keeps_the_bundled_set_and_rules_replaces_it(tmp_path):
    mine = write(tmp_path / "mine", "piles.toml", rule(extra="priority = 50"))
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    added = run("extract", plan, "--add-rules", mine, "-f", "jsonl")
    assert added.returncode == 0, added.stderr
    rows = [json.loads(line) for line in added.stdout.decode().splitlines()]
    assert [(r["rule"], r["value"]) for r in rows] == [("INF-5G-BASE-STATIONS", 35000), ("T-PILES", 800)]
    replaced = run("extract", plan, "--rules", mine, "-f", "jsonl")
    assert [json.loads(line)["rule"] for line in replaced.stdout.decode().splitlines()] == ["T-PILES"]


def test_a_single_rule_file_can_be_added(tmp_path):
    mine = write(tmp_path / "mine", "piles.toml", rule(extra="priority = 50")) / "piles.toml"
    rules = load_rules(add=[mine])
    assert [r.id for r in rules if r.source == str(mine)] == ["T-PILES"]


def test_added_rules_reach_worker_processes(tmp_path):
    mine = write(tmp_path / "mine", "piles.toml", rule(extra="priority = 50"))
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(3):
        (docs / f"{i}.txt").write_text(PLAN, encoding="utf-8")
    r = run_command("extract", docs, "--add-rules", mine, "-f", "jsonl", "-j", "2")
    assert [json.loads(line)["rule"] for line in r.stdout.decode().splitlines()].count("T-PILES") == 3


def test_rules_path_prints_the_bundled_directory_and_list_names_each_file():
    r = run("rules", "path")
    folder = Path(r.stdout.decode().strip())
    assert r.returncode == 0 and folder == default_rules_dir() and (folder / "infrastructure.toml").is_file()
    rows = [json.loads(line) for line in run("rules", "list", "-f", "jsonl").stdout.decode().splitlines()]
    assert {Path(x["file"]).parent for x in rows} == {folder}
    assert [x["id"] for x in rows] == [r.id for r in default_rules()]  # the order they are tried in


# ---- which rule wins

def test_order_does_not_depend_on_file_names(tmp_path):
    wide = rule("T-WIDE", "{name}", "(?P<name>{PHRASE}?充电桩){LINK}{QUANTITY}",
                "{ text = '全市充电桩达到900根', value = 900 }")
    narrow = rule(extra="priority = 5")
    for first, second in (("a.toml", "z.toml"), ("z.toml", "a.toml")):
        folder = tmp_path / first
        write(folder, first, narrow)
        write(folder, second, wide)
        rules = load_rules(folder)
        assert [r.id for r in rules] == ["T-PILES", "T-WIDE"]
        assert extract("全市智能充电桩达到800根", rules=rules)[0].rule == "T-PILES"


def test_a_shadowed_example_is_reported_as_won_by_the_other_rule(tmp_path):
    # no priority: the bundled 5G rule (priority 30) is tried first and takes the example
    shadowed = rule("T-5G", "5G站点", "5G基站{LINK}{QUANTITY}", "{ text = '新建5G基站6万个', value = 60000 }")
    mine = write(tmp_path / "mine", "mine.toml", shadowed)
    r = run("rules", "check", "--add-rules", mine)
    assert r.returncode == 1
    assert "T-5G: examples[0]: '新建5G基站6万个': example of T-5G won by INF-5G-BASE-STATIONS" in r.stderr.decode()
    write(tmp_path / "mine", "mine.toml", shadowed + "priority = 99\n")
    r = run("rules", "check", "--add-rules", mine)
    err = r.stderr.decode()
    # now the user's rule wins, and the bundled rule's own examples report it
    assert "T-5G: examples[0]" not in err and "example of INF-5G-BASE-STATIONS won by T-5G" in err


def test_counter_example_is_run_in_the_whole_set(tmp_path):
    own = rule(extra="counter_examples = ['智能充电桩达到800根']")  # its own rule matches it
    other = rule(extra="counter_examples = ['5G基站达到3万个']")  # another rule's figure: allowed
    rules, problems = load_rule_set(write(tmp_path / "a", "a.toml", own), [])
    assert not problems
    assert any("counter_examples[0]" in p and "matched 800根" in p for p in check_rules(rules))
    rules, _ = load_rule_set(None, [write(tmp_path / "b", "b.toml", other)])
    assert not [p for p in check_rules(rules) if "T-PILES" in p]


def test_every_bundled_example_is_won_by_its_own_rule():
    assert check_rules(default_rules()) == []


# ---- every problem, each on its own line, pointing into the author's pattern

def test_check_reports_every_problem_of_every_rule_in_one_run(tmp_path):
    folder = write(tmp_path / "r", "a.toml",
                   rule("T-BAD-REGEX", pattern="充电桩{LINK}(?:{QUANTITY}"),
                   rule("T-BAD-UNITS", extra="units = ['万根', '根儿']\nkeywords = ['充電樁', '。智能充电桩']"),
                   rule("T-WRONG-VALUE", examples="{ text = '全市智能充电桩达到800根', value = 801 }"),
                   rule("T-WRONG-UNIT", extra="units = ['个']"),
                   rule("T-WRONG-KIND", examples="{ text = '全市智能充电桩达到800根', value = 800, kind = 'target' }",
                        extra="kind = 'actual'"))
    write(folder, "b.toml", "[[rule]\n")
    r = run("rules", "check", "--rules", folder)
    assert r.returncode == 1
    lines = r.stderr.decode().splitlines()
    a, b = str(folder / "a.toml"), str(folder / "b.toml")
    expected = [
        f"{b}: TOML syntax",
        f"{a}: T-BAD-REGEX: pattern: missing ) at position {len('充电桩{LINK}(?:{QUANTITY}')}",
        f"{a}: T-BAD-UNITS: units[0]: '万根' carries the multiplier 万",
        f"{a}: T-BAD-UNITS: units[1]: '根儿' is not a unit the number grammar knows",
        f"{a}: T-BAD-UNITS: keywords[0]: '充電樁' never occurs",
        f"{a}: T-BAD-UNITS: keywords[1]: '。智能充电桩' never occurs: rules are tried on one sentence at a time",
        f"{a}: T-WRONG-VALUE: examples[0]: '全市智能充电桩达到800根': expected value 801",
        f"{a}: T-WRONG-UNIT: examples[0].unit: '根' is not one of the rule's units",
        f"{a}: T-WRONG-KIND: examples[0].kind: 'target' can never hold: the rule sets kind 'actual'",
    ]
    for want in expected:
        assert any(line.startswith(want) for line in lines), (want, lines)
    assert "Traceback" not in r.stderr.decode()


def test_regex_error_positions_are_in_the_authors_pattern(tmp_path):
    pattern = "充电桩{LINK}{QUANTITY})"
    _, problems = load_rule_set(write(tmp_path / "r", "a.toml", rule(pattern=pattern)))
    assert len(problems) == 1
    assert problems[0].endswith(f"T-PILES: pattern: unbalanced parenthesis at position {pattern.index(')')}")


@pytest.mark.parametrize("pattern", ["充電樁{LINK}{QUANTITY}", "智能充电桩{LINK}{QUANTITY}（个）"])
def test_pattern_text_the_view_never_contains_is_rejected(tmp_path, pattern):
    _, problems = load_rule_set(write(tmp_path / "r", "a.toml", rule(pattern=pattern)))
    assert len(problems) == 1 and "T-PILES: pattern: never matches" in problems[0], problems


# ---- issue 12 items 6 and 7: templates, nesting, compilation size

@pytest.mark.parametrize("template", ["{x}{", "{x}{0}", "{x.y}", "{x!r}", "{}"])
def test_broken_indicator_templates_are_one_line(tmp_path, template):
    folder = write(tmp_path / "r", "a.toml", rule(indicator=template, pattern="(?P<x>充电桩){LINK}{QUANTITY}"))
    r = run("rules", "check", "--rules", folder)
    err = r.stderr.decode()
    assert r.returncode == 1 and "Traceback" not in err
    assert err.splitlines()[0].startswith(f"{folder / 'a.toml'}: T-PILES: indicator: ")


@pytest.mark.parametrize("pattern,message", [
    ("(" * 5000 + "充电桩" + ")" * 5000 + "{QUANTITY}", "nested over 100 deep"),
    ("(?:(?:(?:5G基站){1000}){1000}){1000}{QUANTITY}", "unroll to over 100,000 positions"),
    ("(?:{PHRASE}{1000}){1000}{QUANTITY}", "unroll to over 100,000 positions"),
])
def test_patterns_too_deep_or_too_large_are_refused_before_compiling(tmp_path, pattern, message):
    folder = write(tmp_path / "r", "a.toml", rule(pattern=pattern))
    t = time.monotonic()
    r = run_command("rules", "check", "--rules", folder, timeout=60)
    err = r.stderr.decode()
    assert r.returncode == 1 and "Traceback" not in err
    assert f"{folder / 'a.toml'}: T-PILES: pattern: " in err and message in err, err
    assert time.monotonic() - t < 30


def test_load_rules_raises_one_rule_error_listing_everything(tmp_path):
    folder = write(tmp_path / "r", "a.toml", rule(indicator="{x}{"), rule("T-TWO", extra="units = ['万根']"))
    with pytest.raises(RuleError) as e:
        load_rules(folder)
    assert len(e.value.problems) == 3  # the template; the unit with a multiplier; the example in no unit


def test_a_rule_file_nested_too_deep_for_toml_is_one_line(tmp_path):
    folder = write(tmp_path / "r", "deep.toml", "x = " + "[" * 5000 + "]" * 5000 + "\n")
    write(folder, "ok.toml", rule())
    rules, problems = load_rule_set(folder)
    assert [r.id for r in rules] == ["T-PILES"]
    assert len(problems) == 1 and problems[0].startswith(f"{folder / 'deep.toml'}: ")


def test_two_rows_for_one_figure_are_reported(monkeypatch):
    from plan_extract import checks

    rules = default_rules()
    rule = next(r for r in rules if r.id == "INF-5G-BASE-STATIONS")
    real = checks._run

    def twice(rule_set, text):  # as if the figure had been read twice, overlapping
        records, error = real(rule_set, text)
        return records + [records[0].model_copy(update={"start": records[0].start + 1, "raw": "万个"})], error

    monkeypatch.setattr(checks, "_run", twice)
    assert checks.check_example(rule, 0, rules) == "two rows for one figure: 3.5万个 and 万个"


# ---- any rule text: problems as lines, never an exception

from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

_TEMPLATE = st.text(alphabet="{}x0y!r:.[]名", max_size=12)
_PATTERN = st.lists(st.sampled_from(["(", ")", "(?:", "(?P<x>", "|", "*", "+", "?", "{2}", "{99}", "{0,999}",
                                     "{", "}", "[", "]", "^", "\\", "\\p{Han}", "5G", "基站", "{QUANTITY}",
                                     "{LINK}", "{PHRASE}", "{NOPE}", "x"]), max_size=14).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(template=_TEMPLATE, pattern=_PATTERN)
def test_any_template_and_pattern_give_problem_lines_never_an_exception(tmp_path, template, pattern):
    folder = tmp_path / "r"
    folder.mkdir(exist_ok=True)
    text = (f"[[rule]]\nid = 'T-ANY'\nindicator = {json.dumps(template, ensure_ascii=False)}\ncategory = 't'\n"
            f"pattern = {json.dumps(pattern, ensure_ascii=False)}\nexamples = [{{ text = '5G基站3万个', value = 30000 }}]\n")
    (folder / "a.toml").write_text(text, encoding="utf-8")
    rules, problems = load_rule_set(folder)
    assert all(p.startswith(f"{folder / 'a.toml'}: ") and "\n" not in p for p in problems)
    assert len(rules) + bool(problems) == 1
    if rules:
        check_rules(rules)  # its examples run too, without raising


def test_the_example_rule_set_holds_beside_the_bundled_one():
    folder = Path(__file__).resolve().parents[1] / "examples" / "rules"
    rules = load_rules(add=[folder])
    assert any(r.source.startswith(str(folder)) for r in rules)
    assert check_rules(rules) == []
