"""The command line: a thin layer over the library. Rows go to stdout (or -o FILE, written
atomically); progress, notices and errors go to stderr, one line each.

Exit codes: 0 every input was read; 1 some input or the rule set failed; 2 usage error.
"""

from __future__ import annotations

import enum
import os
import signal
import sys
import tempfile
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Annotated, Optional

import typer

from .export import Format

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Extract quantitative indicators from Chinese planning documents into JSON or CSV rows.")
rules_app = typer.Typer(no_args_is_help=True, help="List and check rule sets.")
app.add_typer(rules_app, name="rules")

RulesOpt = Annotated[Optional[Path], typer.Option("--rules", metavar="DIR", help="Directory of *.toml rule files (default: the bundled rules).")]


def _err(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _load_rules(rules_dir: Path | None):
    from .errors import RuleError
    from .rules import load_rules

    try:
        return load_rules(rules_dir)
    except RuleError as e:
        for line in e.problems:
            _err(line)
        raise typer.Exit(1) from None


@contextmanager
def _output(path: Path | None):
    """stdout, or a temporary file beside PATH renamed over it only when the run completes."""
    if path is None or str(path) == "-":
        if hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(encoding="utf-8")
        yield sys.stdout
        return
    from .outfile import atomic_output

    directory = path.resolve().parent
    if not directory.is_dir():
        _err(f"{path}: directory {directory} does not exist")
        raise typer.Exit(2)
    with atomic_output(path) as fh:
        yield fh


def _expand(paths: list[str]) -> tuple[list[str], list[str]]:
    from .load import iter_input_paths

    files, errors = [], []
    for p in paths:
        before = len(errors)
        found = list(iter_input_paths([p], errors))
        if not found and len(errors) == before:
            errors.append(f"{p}: no files found")
        files.extend(found)
    return files, errors


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(metavar="PATH...", help="Files, directories (read recursively) or - for stdin.")],
    fmt: Annotated[Optional[Format], typer.Option("--format", "-f", help="Output format (default: from the -o extension, else json).")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE", help="Write here (atomically) instead of stdout.")] = None,
    rules_dir: RulesOpt = None,
    encoding: Annotated[Optional[str], typer.Option("--encoding", "-e", help="Force the input encoding (default: detect).")] = None,
    bom: Annotated[bool, typer.Option("--bom", "--add-bom", help="Start CSV/TSV with a UTF-8 BOM (for Excel).")] = False,
    documents: Annotated[bool, typer.Option("--documents", help="One row per document (region, plan, date) instead of one per indicator.")] = False,
    keep_duplicates: Annotated[bool, typer.Option("--keep-duplicates", help="Also output repeated mentions of a fact, marked duplicate=true.")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Worker processes (0: all cores).")] = 0,
    time_limit: Annotated[float, typer.Option("--time-limit", min=0.001, metavar="SECONDS", help="Rule matching time per document before it is reported and skipped.")] = 60.0,
) -> None:
    """Extract indicators from PATH... and print them as rows."""
    from .batch import default_jobs, run
    from .records import DOCUMENT_FIELDS, RECORD_FIELDS
    from .exits import PipeClosed, abandon
    from .export import format_for_output, writer as make_writer

    if output is not None and str(output) != "-":
        try:
            fmt = format_for_output(str(output), fmt)
        except ValueError as e:
            _err(str(e))
            raise typer.Exit(2) from None
    fmt = fmt or Format.json
    rules = _load_rules(rules_dir)
    files, failures = _expand(paths)
    for line in failures:
        _err(line)
    progress = _progress(len(files))
    with _output(output) as out, closing(run(
            files, rules, str(rules_dir) if rules_dir else None, encoding, keep_duplicates,
            jobs or default_jobs(), time_limit, as_json=fmt in (Format.json, Format.jsonl))) as results:
        # closing(): however the loop ends, the generator's worker pool is terminated before we go on
        try:
            _write_all(results, make_writer(out, fmt, DOCUMENT_FIELDS if documents else RECORD_FIELDS, bom=bom),
                       documents, failures, progress)
        except BrokenPipeError:
            if out is not sys.stdout:
                raise
            abandon()
            raise PipeClosed() from None
    progress(None)
    if failures:
        _err(f"{len(failures)} input(s) failed")
        raise typer.Exit(1)


def _write_all(results, writer, documents: bool, failures: list[str], progress) -> None:
    """Rows of each result in turn; failures collected, each reported on stderr as it comes."""
    from .exits import check

    for result in results:
        check()
        if result.error:
            failures.append(result.error)
            _err(result.error)
        elif result.notice:
            _err(result.notice)
        if documents and result.document:
            writer.write(result.document)
        for row in result.rows if not documents else ():
            writer.write(row)
        if documents and hasattr(result.rows, "discard"):  # a long document's spooled rows, unread
            result.rows.discard()
        progress(result.path)
    writer.close()
    check()


def _progress(total: int):
    """A progress bar on stderr when it is a terminal and there is more than one file."""
    if total < 2 or not sys.stderr.isatty():
        return lambda path: None
    from rich.console import Console
    from rich.progress import Progress

    bar = Progress(transient=True, console=Console(stderr=True))
    task = bar.add_task("extracting", total=total)
    bar.start()

    def step(path):
        if path is None:
            bar.stop()
        else:
            bar.advance(task)
    return step


@rules_app.command("list")
def rules_list(
    rules_dir: RulesOpt = None,
    fmt: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
) -> None:
    """Show the rule catalogue: id, indicator, category, number of examples."""
    from .export import writer as make_writer

    rules = _load_rules(rules_dir)
    fields = ["id", "indicator", "category", "examples", "counter_examples", "file"]
    writer = make_writer(sys.stdout, fmt, fields, title="plan-extract rules")
    for r in rules:
        writer.write({"id": r.id, "indicator": r.rule.indicator, "category": r.rule.category,
                      "examples": len(r.rule.examples), "counter_examples": len(r.rule.counter_examples),
                      "file": Path(r.source).name})
    writer.close()


@rules_app.command("check")
def rules_check(rules_dir: RulesOpt = None) -> None:
    """Validate a rule set and run every example and counter-example; exit 1 on a failure."""
    from .checks import check_rules

    rules = _load_rules(rules_dir)
    problems = check_rules(rules)
    for line in problems:
        _err(line)
    n_ex = sum(len(r.rule.examples) + len(r.rule.counter_examples) for r in rules)
    if problems:
        _err(f"{len(problems)} of {n_ex} examples failed in {len(rules)} rules")
        raise typer.Exit(1)
    print(f"{len(rules)} rules, {n_ex} examples and counter-examples: all hold")


# ---- checking the numbers: review page, explain, evaluate (see README "Checking the numbers")

EncodingOpt = Annotated[Optional[str], typer.Option("--encoding", "-e", help="Force the input encoding (default: detect).")]


@app.command()
def review(
    paths: Annotated[list[str], typer.Argument(metavar="PATH...", help="Files, directories (read recursively) or - for stdin.")],
    output: Annotated[Path, typer.Option("--output", "-o", metavar="FILE", help="The HTML file to write (atomically).")] = Path("review.html"),
    rules_dir: RulesOpt = None,
    encoding: EncodingOpt = None,
    time_limit: Annotated[float, typer.Option("--time-limit", min=0.001, metavar="SECONDS")] = 60.0,
) -> None:
    """Write one self-contained HTML page showing every row on its document's text."""
    from .annotated import annotate
    from .export.review import ReviewWriter

    rules = _load_rules(rules_dir)
    files, failures = _expand(paths)
    for line in failures:
        _err(line)
    with _output(output) as out:
        page = ReviewWriter(out)
        for line in failures:
            page.error(line)
        for doc in annotate(files, rules, encoding, time_limit):
            if doc.error:
                failures.append(doc.error)
                _err(doc.error)
                page.error(doc.error)
            else:
                page.add(doc.path, doc.text, doc.records, doc.facts)
        page.close()
    if failures:
        _err(f"{len(failures)} input(s) failed")
        raise typer.Exit(1)


@app.command()
def explain(
    path: Annotated[str, typer.Argument(metavar="FILE", help="A document, or - for stdin.")],
    rules_dir: RulesOpt = None,
    encoding: EncodingOpt = None,
    time_limit: Annotated[float, typer.Option("--time-limit", min=0.001, metavar="SECONDS")] = 60.0,
) -> None:
    """Show a document in the terminal with its rows highlighted, then the rows and their cues."""
    from .annotated import annotate
    from .export.explain import write_explain

    rules = _load_rules(rules_dir)
    doc = next(annotate([path], rules, encoding, time_limit))
    if doc.error:
        _err(doc.error)
        raise typer.Exit(1)
    with _output(None) as out:
        write_explain(out, doc.path, doc.text, doc.records, facts=doc.facts)


class ReportFormat(str, enum.Enum):
    text = "text"
    json = "json"


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(metavar="GOLD.jsonl", help="The annotation (format: README, Checking the numbers).")],
    paths: Annotated[list[str], typer.Argument(metavar="PATH...", help="The annotated documents: files or directories, matched by file name.")],
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="text, or json: one object with the figures.")] = ReportFormat.text,
    rules_dir: RulesOpt = None,
    encoding: EncodingOpt = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Worker processes (0: all cores).")] = 0,
) -> None:
    """Precision, recall, F1 and strict F1 of the rows against a hand annotation."""
    import json

    from .batch import default_jobs, run
    from .errors import PlanExtractError
    from .evaluate import doc_key, evaluate as score, parse_gold, report

    try:
        text = gold.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        _err(f"{gold}: cannot read: {getattr(e, 'strerror', None) or e}")
        raise typer.Exit(1) from None
    try:
        annotation = parse_gold(text, str(gold))
    except PlanExtractError as e:
        for line in str(e).splitlines():
            _err(line)
        raise typer.Exit(1) from None
    rules = _load_rules(rules_dir)
    files, failures = _expand(paths)
    annotated = {g["doc"] for g in annotation}
    given = [f for f in files if doc_key(f) in annotated]
    for f in files:
        if doc_key(f) not in annotated:
            _err(f"{f}: not in {gold}, left out")
    for line in failures:
        _err(line)
    records = []
    with closing(run(given, rules, str(rules_dir) if rules_dir else None, encoding, False, jobs or default_jobs())) as results:
        for result in results:
            if result.error:
                failures.append(result.error)
                _err(result.error)
            records += result.rows
    docs = sorted({doc_key(f) for f in given})
    for d in sorted(annotated - set(docs)):
        _err(f"{gold}: {d}: annotated but not among the inputs, left out")
    if not docs:
        _err(f"{gold}: none of the inputs is annotated (documents are matched by file name)")
        raise typer.Exit(1)
    result = score(annotation, records, docs)
    with _output(None) as out:
        out.write(json.dumps(result, ensure_ascii=False) + "\n" if fmt == ReportFormat.json else report(result) + "\n")
    if failures:
        raise typer.Exit(1)


def main() -> None:
    from .exits import PipeClosed, Terminated, check, die, install, quiet_stdout

    install()
    try:
        try:
            app()
        finally:
            check()
    except Terminated as e:  # the workers and the temporary output file are gone by now
        die(e.signum)
    except PipeClosed:  # `plan-extract ... | head` ends quietly, as a SIGPIPE would end it
        quiet_stdout()
        die(signal.SIGPIPE) if hasattr(signal, "SIGPIPE") else sys.exit(1)
