"""The command line: a thin layer over the library. Rows go to stdout (or -o FILE, written
atomically); progress, notices and errors go to stderr, one line each.

Exit codes: 0 every input was read; 1 some input or the rule set failed; 2 usage error.
"""

from __future__ import annotations

import enum
import signal
import sys
from contextlib import closing, contextmanager, nullcontext
from pathlib import Path
from typing import Annotated, Optional

import typer

from .export import Format

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Extract quantitative indicators from Chinese planning documents into JSON or CSV rows.")
rules_app = typer.Typer(no_args_is_help=True, help="List and check rule sets.")
app.add_typer(rules_app, name="rules")
indicators_app = typer.Typer(no_args_is_help=True, help="List and check the indicator catalogue.")
app.add_typer(indicators_app, name="indicators")

IndicatorsOpt = Annotated[Optional[Path], typer.Option("--indicators", metavar="FILE", help="A TOML file (or directory) of indicators and synonyms that extends the bundled catalogue.")]
TimeLimitOpt = Annotated[float, typer.Option("--time-limit", min=0.001, metavar="SECONDS", help="Rule matching time per document before it is reported and skipped.")]
RulesOpt = Annotated[Optional[Path], typer.Option("--rules", metavar="DIR", help="Directory of *.toml rule files used instead of the bundled rules.")]
AddRulesOpt = Annotated[Optional[list[Path]], typer.Option("--add-rules", metavar="DIR", help="Directory of *.toml rule files added to the rule set (repeatable).")]


def _version(value: bool) -> None:
    if value:
        from . import __version__

        print(f"plan-extract {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Show the version and exit.")] = False) -> None:
    """Extract quantitative indicators from Chinese planning documents into JSON or CSV rows."""


def _exit_if_failed(failures: list[str]) -> None:
    """Every input was tried; exit 1 after a count of the ones that failed (each said on its own line)."""
    if failures:
        _err(f"{len(failures)} input(s) failed")
        raise typer.Exit(1)


def _check_encoding(value: Optional[str]) -> Optional[str]:
    """An unknown encoding is a usage error, before any file is read."""
    if value is None:
        return None
    from .errors import InputError
    from .load.text import forced_codec

    try:
        forced_codec(value, "--encoding")
    except InputError:
        raise typer.BadParameter(f"unknown encoding '{value}'") from None
    return value


EncodingOpt = Annotated[Optional[str], typer.Option("--encoding", "-e", callback=_check_encoding, help="Force the input encoding (default: detect).")]


def _err(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _load_rules(rules_dir: Path | None, add_rules: list[Path] | None = None):
    from .errors import RuleError
    from .rules import load_rules

    try:
        return load_rules(rules_dir, add_rules or ())
    except RuleError as e:
        for line in e.problems:
            _err(line)
        raise typer.Exit(1) from None


@contextmanager
def _output(path: Path | None, binary: bool = False):
    """stdout, or a temporary file beside PATH renamed over it only when the run completes. With
    `binary` (a workbook) it yields the temporary file's path for the writer to create."""
    if binary and (path is None or str(path) == "-"):
        _err("xlsx: a workbook needs a file: add -o FILE.xlsx")
        raise typer.Exit(2)
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
    with atomic_output(path, binary=binary) as fh:
        yield fh


def _load_catalogue(path: Path | None):
    """The bundled catalogue, extended by the user's file; None when there is nothing to extend."""
    from .catalogue import default_catalogue, load_catalogue
    from .errors import RuleError

    try:
        return load_catalogue(path) if path is not None else default_catalogue()
    except RuleError as e:
        for line in e.problems:
            _err(line)
        raise typer.Exit(1) from None


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
    add_rules: AddRulesOpt = None,
    encoding: EncodingOpt = None,
    bom: Annotated[bool, typer.Option("--bom", "--add-bom", help="Start CSV/TSV with a UTF-8 BOM (for Excel).")] = False,
    documents: Annotated[bool, typer.Option("--documents", help="One row per document (region, plan, date) instead of one per indicator.")] = False,
    keep_duplicates: Annotated[bool, typer.Option("--keep-duplicates", help="Also output repeated mentions of a fact, marked duplicate=true.")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Worker processes (0: all cores).")] = 0,
    time_limit: TimeLimitOpt = 60.0,
    indicators: IndicatorsOpt = None,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", metavar="ADDRESS", help="Run on the dask cluster of this scheduler (tcp://host:8786); its workers read the files. Needs plan-extract[dask].")] = None,
) -> None:
    """Extract indicators from PATH... and print them as rows (-f xlsx: a workbook with rows, pivot and documents sheets)."""
    from .batch import default_jobs, run
    from .errors import PlanExtractError
    from .records import DOCUMENT_FIELDS, RECORD_FIELDS
    from .exits import PipeClosed, abandon, check
    from .export import format_for_output, writer as make_writer

    if output is not None and str(output) != "-":
        try:
            fmt = format_for_output(str(output), fmt)
        except ValueError as e:
            _err(str(e))
            raise typer.Exit(2) from None
    fmt = fmt or Format.json
    if fmt == Format.parquet and (output is None or str(output) == "-"):
        _err("-f parquet writes to a file or directory: give -o FILE_OR_DIR")
        raise typer.Exit(2)
    if scheduler and "-" in paths:
        _err("-: stdin cannot be sent to a scheduler: give file paths")
        raise typer.Exit(2)
    if bom and fmt not in (Format.csv, Format.tsv):
        _err(f"--bom applies to csv and tsv only: ignored for {fmt.value}")
    rules = _load_rules(rules_dir, add_rules)
    catalogue = _load_catalogue(indicators)
    files, failures = _expand(paths)
    for line in failures:
        _err(line)
    as_json = fmt in (Format.json, Format.jsonl)
    spec = (str(rules_dir) if rules_dir else None, tuple(str(d) for d in add_rules or ()))
    if scheduler:
        from .dask import cluster_results

        try:
            results = cluster_results(scheduler, files, spec, encoding, keep_duplicates, time_limit, as_json,
                                      indicators=indicators)
        except ImportError as e:  # the dask extra is not installed
            _err(str(e))
            raise typer.Exit(2) from None
        except PlanExtractError as e:
            _err(str(e))
            raise typer.Exit(1) from None
    else:
        results = run(files, rules, spec, encoding, keep_duplicates, jobs or default_jobs(), time_limit,
                      as_json=as_json, catalogue=catalogue, indicators=str(indicators) if indicators else None)
    progress = _progress(len(files))
    # closing(): however the loop ends, the generator's worker pool is ended before the output is
    # given up (a signal, a closed pipe) or committed
    ending = closing(results) if hasattr(results, "close") else nullcontext(results)
    with _output(output, binary=fmt == Format.xlsx) if fmt != Format.parquet else _as_path(output) as out, \
            ending as results:
        try:
            if fmt == Format.xlsx:
                from .export.xlsx import XlsxWriter

                writer = XlsxWriter(out, DOCUMENT_FIELDS if documents else RECORD_FIELDS, catalogue)
            else:
                writer = make_writer(out, fmt, DOCUMENT_FIELDS if documents else RECORD_FIELDS, bom=bom)
        except ImportError as e:  # the format's optional dependency is missing
            _err(str(e))
            raise typer.Exit(2) from None
        try:
            _write_results(results, writer, documents, failures, progress, xlsx=fmt == Format.xlsx)
        except BrokenPipeError:
            getattr(writer, "abort", lambda: None)()
            if out is not sys.stdout:
                raise
            abandon()
            raise PipeClosed() from None
        except BaseException:
            getattr(writer, "abort", lambda: None)()
            raise
        writer.close()
        check()  # a signal whose exception was swallowed: the output is not committed
    progress(None)
    _exit_if_failed(failures)


@contextmanager
def _as_path(path: Path):
    """Writers that write files themselves (parquet) take the path, and make it atomic."""
    if not path.resolve().parent.is_dir():
        _err(f"{path}: directory {path.resolve().parent} does not exist")
        raise typer.Exit(2)
    yield path


def _write_results(results, writer, documents: bool, failures: list[str], progress, xlsx: bool = False) -> None:
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
        elif result.document and xlsx:  # the workbook's documents sheet
            writer.document(result.document)
        for row in result.rows if not documents else ():
            writer.write(row)
        if documents and hasattr(result.rows, "discard"):  # a long document's spooled rows, unread
            result.rows.discard()
        progress(result.path)


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


@app.command("text")
def text_cmd(
    path: Annotated[str, typer.Argument(metavar="FILE", help="A file (text, HTML, PDF, DOCX) or - for stdin.")],
    encoding: EncodingOpt = None,
) -> None:
    """Print the text that offsets (start, end) refer to: for PDF and DOCX, the extracted text."""
    from .errors import PlanExtractError
    from .load import read_document

    try:
        doc = read_document(path, encoding)
    except PlanExtractError as e:
        _err(str(e))
        raise typer.Exit(1) from None
    for w in doc.warnings:
        _err(f"{path}: {w}")
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8", newline="")
    sys.stdout.write(doc.text)


@rules_app.command("list")
def rules_list(
    rules_dir: RulesOpt = None,
    add_rules: AddRulesOpt = None,
    fmt: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
) -> None:
    """Show the rule catalogue in the order rules are tried: id, priority, indicator, category, examples, file."""
    from .export import writer as make_writer

    if fmt == Format.parquet:
        _err("-f parquet is for extracted rows (extract -o FILE_OR_DIR); the catalogue is printed")
        raise typer.Exit(2)
    rules = _load_rules(rules_dir, add_rules)
    fields = ["id", "priority", "general", "indicator", "category", "examples", "counter_examples", "file"]
    writer = make_writer(sys.stdout, fmt, fields, title="plan-extract rules, in the order they are tried")
    for r in rules:
        writer.write({"id": r.id, "priority": r.rule.priority, "general": r.rule.general,
                      "indicator": r.rule.indicator, "category": r.rule.category,
                      "examples": len(r.rule.examples), "counter_examples": len(r.rule.counter_examples),
                      "file": r.source})
    writer.close()


@rules_app.command("path")
def rules_path() -> None:
    """Print the directory of the bundled rule files (copy it to start a rule set of your own)."""
    from .rules import default_rules_dir

    print(default_rules_dir())


@rules_app.command("check")
def rules_check(rules_dir: RulesOpt = None, add_rules: AddRulesOpt = None) -> None:
    """Validate a rule set and run every example and counter-example against the whole set; every
    problem of every rule is one line on stderr, and the exit code is 1 when there is any."""
    from .checks import check_rules
    from .rules import load_rule_set

    from .lexicon import lexicon, lexicon_path
    from .lexicon_schema import problems as lexicon_problems

    problems = lexicon_problems(lexicon(), lexicon_path())  # the language data the blocks come from
    rules, rule_problems = load_rule_set(rules_dir, add_rules or ())
    problems += rule_problems
    failures = check_rules(rules)
    for line in problems + failures:
        _err(line)
    n_ex = sum(len(r.rule.examples) + len(r.rule.counter_examples) for r in rules)
    if problems or failures:
        _err(f"{len(problems)} rule problem(s); {len(failures)} of {n_ex} examples failed in {len(rules)} rules that load")
        raise typer.Exit(1)
    print(f"{len(rules)} rules, {n_ex} examples and counter-examples: all hold")


def _saved_rows(paths: list[str]) -> tuple[list, list, list[str]]:
    from .saved_rows import RowsError, read_rows

    rows, failures = [], []
    for p in paths:
        try:
            rows += read_rows("-", sys.stdin.read()) if p == "-" else read_rows(p)
        except RowsError as e:
            failures.append(str(e))
            _err(str(e))
    return rows, [], failures


def _extracted_rows(paths, rules, rules_dir, add_rules, encoding, jobs, time_limit, catalogue, indicators):
    from .batch import default_jobs, run

    files, failures = _expand(paths)
    for line in failures:
        _err(line)
    progress = _progress(len(files))
    rows, docs = [], []
    spec = (str(rules_dir) if rules_dir else None, tuple(str(d) for d in add_rules or ()))
    for result in run(files, rules, spec, encoding, False,
                      jobs or default_jobs(), time_limit, catalogue=catalogue,
                      indicators=str(indicators) if indicators else None):
        if result.error:
            failures.append(result.error)
            _err(result.error)
        elif result.notice:
            _err(result.notice)
        rows += result.rows
        if result.document:
            docs.append(result.document)
        progress(result.path)
    progress(None)
    return rows, docs, failures


@app.command("pivot")
def pivot_cmd(
    paths: Annotated[list[str], typer.Argument(metavar="PATH...", help="Files, directories (read recursively) or - for stdin.")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE", help="Write here (atomically) instead of stdout.")] = None,
    rules_dir: RulesOpt = None,
    add_rules: AddRulesOpt = None,
    indicators: IndicatorsOpt = None,
    encoding: EncodingOpt = None,
    bom: Annotated[bool, typer.Option("--bom", "--add-bom", help="Start CSV/TSV with a UTF-8 BOM (for Excel).")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Worker processes (0: all cores).")] = 0,
    time_limit: TimeLimitOpt = 60.0,
    saved: Annotated[bool, typer.Option("--rows", help="PATH... are rows saved by `extract` (-f json, jsonl, csv, tsv), not documents.")] = False,
) -> None:
    """One line per (region, indicator, measure), one column per year and kind; disagreeing figures
    for one cell are all shown (` | `) and counted in `conflicts`."""
    from .export import writer as make_writer
    from .pivot import KEY_FIELDS, flat, nested, pivot
    from .records import RECORD_FIELDS

    catalogue = _load_catalogue(indicators)
    if saved:
        rows, docs, failures = _saved_rows(paths)
    else:
        rows, docs, failures = _extracted_rows(paths, _load_rules(rules_dir, add_rules), rules_dir, add_rules,
                                               encoding, jobs, time_limit, catalogue, indicators)
    with _output(output, binary=fmt == Format.xlsx) as out:
        if fmt == Format.xlsx:
            from .export.xlsx import XlsxWriter

            writer = XlsxWriter(out, RECORD_FIELDS, catalogue, first="pivot")
            for row in rows:
                writer.write(row)
            for info in docs:
                writer.document(info)
        else:
            lines, columns = pivot(rows, catalogue)
            nest = fmt in (Format.json, Format.jsonl)
            writer = make_writer(out, fmt, KEY_FIELDS + columns + ["conflicts"], bom=bom, title="plan-extract pivot")
            for line in lines:
                writer.write(nested(line) if nest else flat(line, columns))
        writer.close()
    _exit_if_failed(failures)


# ---- checking the numbers: review page, explain, evaluate (see README "Checking the numbers")



@app.command()
def review(
    paths: Annotated[list[str], typer.Argument(metavar="PATH...", help="Files, directories (read recursively) or - for stdin.")],
    output: Annotated[Path, typer.Option("--output", "-o", metavar="FILE", help="The HTML file to write (atomically).")] = Path("review.html"),
    rules_dir: RulesOpt = None,
    add_rules: AddRulesOpt = None,
    encoding: EncodingOpt = None,
    time_limit: TimeLimitOpt = 60.0,
) -> None:
    """Write one self-contained HTML page showing every row on its document's text."""
    from .annotated import annotate
    from .export.review import ReviewWriter

    rules = _load_rules(rules_dir, add_rules)
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
    _exit_if_failed(failures)


@indicators_app.command("list")
def indicators_list(
    indicators: IndicatorsOpt = None,
    fmt: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
) -> None:
    """Show the indicator catalogue: id, name, unit family, category, wordings."""
    from .export import writer as make_writer

    catalogue = _load_catalogue(indicators)
    fields = ["id", "name", "unit", "category", "wordings", "file"]
    writer = make_writer(sys.stdout, fmt, fields, title="plan-extract indicators")
    for e in catalogue.entries:
        writer.write({"id": e.id, "name": e.name, "unit": e.unit, "category": e.category,
                      "wordings": "、".join(e.wordings), "file": Path(catalogue.sources.get(e.id, "")).name})
    writer.close()


@indicators_app.command("check")
def indicators_check(indicators: IndicatorsOpt = None) -> None:
    """Validate the catalogue and run every example and counter-example; exit 1 on a failure."""
    from .canon import check_catalogue

    catalogue = _load_catalogue(indicators)
    problems = check_catalogue(catalogue)
    for line in problems:
        _err(line)
    n = sum(len(e.examples) + len(e.counter_examples) for e in catalogue.entries)
    if problems:
        _err(f"{len(problems)} of {n} examples failed in {len(catalogue.entries)} indicators")
        raise typer.Exit(1)
    print(f"{len(catalogue.entries)} indicators, {n} examples and counter-examples: all hold")


@app.command()
def explain(
    path: Annotated[str, typer.Argument(metavar="FILE", help="A document, or - for stdin.")],
    rules_dir: RulesOpt = None,
    add_rules: AddRulesOpt = None,
    encoding: EncodingOpt = None,
    time_limit: TimeLimitOpt = 60.0,
) -> None:
    """Show a document in the terminal with its rows highlighted, then the rows and their cues."""
    from .annotated import annotate
    from .export.explain import write_explain

    rules = _load_rules(rules_dir, add_rules)
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
    add_rules: AddRulesOpt = None,
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
    rules = _load_rules(rules_dir, add_rules)
    files, failures = _expand(paths)
    annotated = {g["doc"] for g in annotation}
    given = [f for f in files if doc_key(f) in annotated]
    for f in files:
        if doc_key(f) not in annotated:
            _err(f"{f}: not in {gold}, left out")
    for line in failures:
        _err(line)
    records = []
    spec = (str(rules_dir) if rules_dir else None, tuple(str(d) for d in add_rules or ()))
    with closing(run(given, rules, spec, encoding, False, jobs or default_jobs())) as results:
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
    from .errors import PlanExtractError
    from .exits import PipeClosed, Terminated, check, die, install, quiet_stdout

    install()
    try:
        try:
            app()
        finally:
            check()
    except PlanExtractError as e:  # e.g. -f xlsx where only text can go
        _err(str(e))
        sys.exit(2)
    except Terminated as e:  # the workers and the temporary output file are gone by now
        die(e.signum)
    except PipeClosed:  # `plan-extract ... | head` ends quietly, as a SIGPIPE would end it
        quiet_stdout()
        die(signal.SIGPIPE) if hasattr(signal, "SIGPIPE") else sys.exit(1)
