"""evaluate: the package's scorer agrees with tests/gold/score.py, the command prints the figures
per document and overall, lists misses and false rows, and reports bad gold lines one per line."""

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from plan_extract import extract
from plan_extract.errors import InputError
from plan_extract.evaluate import evaluate, parse_gold, score

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "seeds.jsonl"
SEEDS = ROOT / "seeds"


def run(*args):
    """The command in this process (typer's runner: no interpreter start per call), one worker."""
    from typer.testing import CliRunner

    from plan_extract.cli import app

    args = [str(a) for a in args]
    if args[0] == "evaluate":
        args += ["--jobs", "1"]
    r = CliRunner().invoke(app, args)
    if r.exception and not isinstance(r.exception, SystemExit):
        raise r.exception
    return subprocess.CompletedProcess(args, r.exit_code, r.stdout_bytes, r.stderr_bytes)


def run_command(*args):
    return subprocess.run([sys.executable, "-m", "plan_extract", *map(str, args)], capture_output=True, timeout=120)


def _reference():
    spec = importlib.util.spec_from_file_location("score", ROOT / "tests" / "gold" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _seed_records():
    return [r.model_dump() for p in sorted(SEEDS.glob("*.txt")) for r in extract(p.read_text(encoding="utf-8"), str(p))]


def test_the_package_scorer_agrees_with_the_reference_scorer_on_the_seeds():
    gold = parse_gold(GOLD.read_text(encoding="utf-8"), str(GOLD))
    records = _seed_records()
    ref, problems, missed = _reference().score(gold, records)
    ours = score(gold, records)
    assert ours.figures == ref
    assert [g["start"] for g in ours.misses] == [g["start"] for g in missed]
    assert len(ours.false_rows) + len(ours.wrong_attributes) == len(problems)
    # and on a perturbed output: one row's kind flipped, one dropped, one moved onto noise
    records[0] = {**records[0], "kind": "target" if records[0]["kind"] == "actual" else "actual"}
    del records[3]
    noise = next(g for g in gold if g["status"] == "noise")
    records.append({**records[5], "doc": "seeds/" + noise["doc"], "start": noise["start"], "end": noise["end"]})
    ref, _, _ = _reference().score(gold, records)
    assert score(gold, records).figures == ref
    assert ref["strict_f1"] < ref["f1"] < 0.984


def test_evaluate_command_json_matches_the_reference_scorer(tmp_path):
    r = run_command("evaluate", GOLD, SEEDS, "-f", "json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    pred = tmp_path / "pred.json"
    pred.write_text(json.dumps(_seed_records(), ensure_ascii=False), encoding="utf-8")
    ref = _reference()
    expected, _, _ = ref.score([json.loads(x) for x in GOLD.read_text(encoding="utf-8").splitlines() if x.strip()],
                               ref.load_pred(pred))
    for key in ("precision", "recall", "f1", "strict_f1", "found", "fp", "required_facts"):
        assert out[key] == expected[key], key
    assert sorted(out["documents"]) == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert sum(d["required_facts"] for d in out["documents"].values()) == out["required_facts"]
    assert len(out["misses"]) == out["required_facts"] - out["found"]
    assert len(out["false_rows"]) == out["fp"]


PLAN = "到2025年，累计建成5G基站3.5万个。截至2020年底，光纤接入宽带用户占比为95.94%。另有12次会议，电话12345。\n"
NEWS = "截至2022年底，全省已建成5G基站7.5萬個，力爭到2025年固定寬帶用戶達到1800萬戶，12345。\n"


def _gold_line(doc, text, raw, value, unit, kind, years, keys, fact, status="required", comparator="="):
    start = text.index(raw)
    return {"doc": doc, "start": start, "end": start + len(raw), "text": raw, "value": value, "unit": unit,
            "comparator": comparator, "kind": kind, "years": years, "keys": keys, "status": status, "fact": fact}


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "plan.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / "docs" / "news.txt").write_text(NEWS, encoding="utf-8")
    gold = [
        _gold_line("plan.txt", PLAN, "3.5万个", 35000, "个", "target", [2025], ["5G", "基站"], "a"),
        _gold_line("plan.txt", PLAN, "95.94%", 95.94, "%", "actual", [2020], ["光纤", "占比"], "b"),
        # annotated as a target on purpose: found, but not strictly right
        _gold_line("news.txt", NEWS, "7.5萬個", 75000, "个", "target", [2022], ["5G基站"], "c"),
        _gold_line("news.txt", NEWS, "1800萬戶", 18000000, "户", "target", [2025], ["宽带", "用户"], "d"),
        # a figure the tool does not give: a miss
        _gold_line("news.txt", NEWS, "12345", 12345, "", "actual", [None], [], "e"),
        {"doc": "plan.txt", "start": PLAN.index("12次"), "end": PLAN.index("12次") + 3, "text": "12次", "status": "noise"},
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold), encoding="utf-8")
    return tmp_path


def test_own_annotation_per_document_figures_misses_and_wrong_attributes(corpus):
    r = run("evaluate", corpus / "gold.jsonl", corpus / "docs", "-f", "json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert (out["required_facts"], out["found"], out["strict_found"], out["fp"]) == (5, 4, 3, 0)
    assert out["precision"] == 1.0 and out["recall"] == 0.8 and out["f1"] == 0.8889
    assert out["strict_f1"] == round(2 * 0.75 * 0.6 / 1.35, 4)
    assert out["documents"]["plan.txt"]["strict_f1"] == 1.0
    assert out["documents"]["news.txt"]["recall"] == round(2 / 3, 4)
    assert [m["text"] for m in out["misses"]] == ["12345"]
    assert [(w["raw"], w["attributes"]) for w in out["wrong_attributes"]] == [("7.5萬個", ["kind"])]
    text = run("evaluate", corpus / "gold.jsonl", corpus / "docs")
    assert text.returncode == 0, text.stderr
    lines = text.stdout.decode().splitlines()
    assert lines[0].startswith("news.txt") and "F1=0.800" in lines[0] and "strictF1=0.400" in lines[0]  # strict P 1/2, R 1/3
    assert any(x.startswith("overall") and "P=1.000 R=0.800" in x for x in lines)
    assert any(x.startswith("MISSED") and "12345" in x for x in lines)
    assert any(x.startswith("WRONG") and "kind: actual (gold target)" in x for x in lines)


def test_false_rows_are_listed_and_unannotated_inputs_left_out(corpus):
    lines = [json.loads(x) for x in (corpus / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    (corpus / "gold.jsonl").write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in lines[1:]), encoding="utf-8")
    (corpus / "docs" / "other.txt").write_text(PLAN, encoding="utf-8")
    r = run("evaluate", corpus / "gold.jsonl", corpus / "docs", "-f", "json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert [(f["raw"], f["why"]) for f in out["false_rows"]] == [("3.5万个", "unannotated")]
    assert sorted(out["documents"]) == ["news.txt", "plan.txt"]
    assert "other.txt: not in" in r.stderr.decode()


@pytest.mark.parametrize("line,message", [
    ("{not json", "not JSON"),
    ('{"doc": "a.txt", "start": 1, "end": 3, "status": "maybe"}', "status: 'maybe' is not one of"),
    ('{"doc": "a.txt", "start": 1, "end": 3, "status": "required", "value": 1}', "unit: missing"),
    ('{"doc": "a.txt", "start": 5, "end": 3, "status": "noise"}', "start, end: 5..3 is not a span"),
    ('{"doc": "a.txt", "start": 1, "end": 3, "value": "1", "unit": "", "comparator": "=", "kind": "actual",'
     ' "years": [], "keys": [], "fact": "x", "status": "required"}', "value: '1' is not an integer or a number"),
    ('{"doc": "a.txt", "start": 1, "end": 3, "value": 1, "unit": "", "comparator": "=", "kind": "plan",'
     ' "years": [], "keys": [], "fact": "x", "status": "required"}', "kind: 'plan' is not target or actual"),
    ("[1, 2]", "not a JSON object"),
])
def test_bad_gold_lines_give_one_line_errors_naming_file_and_line(tmp_path, line, message):
    gold = tmp_path / "gold.jsonl"
    good = json.dumps({"doc": "a.txt", "start": 0, "end": 2, "text": "12", "status": "noise"})
    gold.write_text(good + "\n\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        parse_gold(gold.read_text(encoding="utf-8"), str(gold))
    assert str(e.value) == f"{gold}:3: " + str(e.value).split(": ", 1)[1] and message in str(e.value)
    (tmp_path / "a.txt").write_text(PLAN, encoding="utf-8")
    r = run("evaluate", gold, tmp_path / "a.txt")
    err = r.stderr.decode()
    assert r.returncode == 1 and r.stdout == b""
    assert err.startswith(f"{gold}:3: ") and message in err and "Traceback" not in err


def test_a_missing_gold_file_is_one_line():
    r = run("evaluate", "no-such-gold.jsonl", SEEDS)
    assert r.returncode == 1 and r.stderr.decode().startswith("no-such-gold.jsonl: cannot read")
    assert "Traceback" not in r.stderr.decode()


def test_evaluate_figures_match_score_for_one_document():
    gold = parse_gold(GOLD.read_text(encoding="utf-8"), str(GOLD))
    out = evaluate(gold, _seed_records(), [p.name for p in sorted(SEEDS.glob("*.txt"))])
    first = sorted(SEEDS.glob("*.txt"))[0].name
    assert out["documents"][first] == score(gold, _seed_records(), {first}).figures


def test_the_readme_annotation_example_is_valid_and_scores(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8").split("## Checking the numbers", 1)[1]
    example = readme.split("```json\n", 1)[1].split("```", 1)[0]
    text = readme.split("For a `plan.txt` that reads `", 1)[1].split("`", 1)[0]
    gold = parse_gold(example, "README.md")
    assert all(text[g["start"]:g["end"]] == g["text"] for g in gold)
    out = evaluate(gold, [r.model_dump() for r in extract(text, "plan.txt")], ["plan.txt"])
    assert (out["f1"], out["strict_f1"], out["fp"]) == (1.0, 1.0, 0)


def test_no_annotated_input_is_an_error_and_gold_paths_match_by_file_name(corpus, tmp_path):
    r = run("evaluate", corpus / "gold.jsonl", ROOT / "seeds")
    assert r.returncode == 1 and "none of the inputs is annotated" in r.stderr.decode().splitlines()[-1]
    lines = (corpus / "gold.jsonl").read_text(encoding="utf-8").replace('"doc": "plan.txt"', '"doc": "some/dir/plan.txt"')
    (corpus / "gold.jsonl").write_text(lines, encoding="utf-8")
    out = json.loads(run("evaluate", corpus / "gold.jsonl", corpus / "docs", "-f", "json").stdout)
    assert out["documents"]["plan.txt"]["found"] == 2
