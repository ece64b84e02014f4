"""One document for the terminal: its text with each row's span highlighted (coloured by kind and
numbered; a repeated mention points to its row), the numbers that gave no row underlined, then the rows with the cue that decided kind
and year. Without colour (piped, NO_COLOR) the spans are marked [raw]#n and missed ones {raw}."""

from __future__ import annotations

from typing import IO

from ..missed import missed_numbers
from .cells import cell

STYLE = {"target": "black on #bcd7ff", "actual": "black on #c5ecbd"}
# Control characters (ESC sequences in a document) must not reach the terminal: each is shown as one
# replacement character, so the text keeps its length.
_CONTROLS = {c: "\ufffd" for c in [*range(0, 9), 11, 12, *range(14, 32), 127, *range(128, 160)]}  # not \r: CRLF text


def _safe(s: str) -> str:
    return s.translate(_CONTROLS)


def write_explain(out: IO[str], name: str, text: str, records: list[dict], width: int | None = None,
                  facts: dict | None = None) -> None:
    """`facts`: what the document says of itself (region, plan, published), shown under its name."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=out, width=width or (None if out.isatty() else 120), highlight=False)
    plain = console.color_system is None
    rows = [r for r in records if not r.get("duplicate")]
    missed = missed_numbers(text, [(r["start"], r["end"]) for r in records])
    text = _safe(text)
    repeats = [(r, repeated_row(r, rows)) for r in records if r.get("duplicate")]
    spans = sorted([(r["start"], r["end"], "row", i) for i, r in enumerate(rows, 1)]
                   + [(r["start"], r["end"], "repeat", 0 if j is None else j + 1) for r, j in repeats]
                   + [(m.start, m.end, "missed", 0) for m in missed])
    body, pos = Text(), 0
    for start, end, what, n in spans:
        if start < pos:
            continue
        body.append(text[pos:start])
        raw = text[start:end]
        if what == "row":
            kind = rows[n - 1]["kind"]
            body.append(f"[{raw}]" if plain else raw, style=STYLE.get(kind, "reverse"))
            body.append(f"#{n}", style="dim")
        elif what == "repeat":  # a repeated mention of row n's figure (a headline, a summary)
            body.append(f"[{raw}]" if plain else raw, style="underline")
            body.append(f"=#{n}" if n else "=", style="dim")
        else:
            body.append(f"{{{raw}}}" if plain else raw, style="underline dim")
        pos = end
    body.append(text[pos:])
    console.rule(_safe(name), style="dim")
    about = [v for v in (facts or {}).values() if v]
    if about:
        console.print(Text(_safe(" · ".join(map(str, about))), style="dim"))
    console.print(body, soft_wrap=plain)
    console.rule(style="dim")
    has_cue = any(r.get("cue") not in (None, "", {}) for r in rows)
    table = Table(title=f"{len(rows)} row(s)", title_justify="left", show_lines=False)
    cols = ["#", "indicator", "value", "unit", "cmp", "kind", "year", "raw", "rule"] + (["cue"] if has_cue else [])
    for c in cols:
        table.add_column(c, overflow="fold", justify="right" if c in ("#", "value", "year") else "left")
    for i, r in enumerate(rows, 1):
        value = cell(r["value"]) if r.get("value_max") is None else f"{cell(r['value'])}–{cell(r['value_max'])}"
        cells = [str(i), r["indicator"], str(value), r["unit"], r["comparator"],
                 Text(r["kind"], style="" if plain else STYLE.get(r["kind"], "")), cell(r["year"]), r["raw"], r["rule"]]
        if has_cue:
            cells.append(str(cell(r.get("cue"))))
        table.add_row(*(c if isinstance(c, Text) else Text(_safe(str(c))) for c in cells))
    console.print(table)
    if missed:
        console.print(Text(f"{len(missed)} number(s) without a row: " + _safe("  ".join(m.raw for m in missed))))
    out.flush()


def repeated_row(mention: dict, rows: list[dict]) -> int | None:
    """The index of the row a repeated mention repeats: the same fact, else (a headline naming it in
    other words) the same value and unit."""
    fact = ("indicator", "value", "unit", "comparator")
    for keys in (fact, ("value", "unit")):
        i = next((i for i, r in enumerate(rows) if all(r[k] == mention[k] for k in keys)), None)
        if i is not None:
            return i
    return None
