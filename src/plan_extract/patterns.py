"""Rule patterns: {BLOCK} expansion, bounds checked before compiling, errors pointed into the
author's own pattern.

The regex module unrolls counted repeats when it compiles: `(?:(?:5G基站){1000}){1000}){1000}` is 40
characters and would grow to gigabytes. The size a pattern unrolls to and its nesting depth are
estimated by one scan and refused above a limit, so compiling a rule set is bounded in time and memory.
"""

from __future__ import annotations

from functools import cache

import regex

from .lexicon import lexicon

PLACEHOLDER = "\ue000"  # stands for the quantity in the window a rule is tried on
MAX_DEPTH = 100  # groups nested deeper than this are refused (the compiler recurses on them)
MAX_SIZE = 100_000  # positions a pattern may unroll to (the bundled ones stay under 20,000)
_BLOCK = regex.compile(r"\{([A-Z][A-Z_]*)\}")
_COUNT = regex.compile(r"\{(\d*)(?:,(\d*))?\}")


class PatternError(ValueError):
    """A readable message about the author's pattern (positions refer to it, not to its expansion)."""


@cache
def blocks() -> dict[str, str]:
    return {**lexicon()["blocks"], "QUANTITY": PLACEHOLDER}


def expand(pattern: str) -> tuple[str, list[tuple[int, int, int, str | None]]]:
    """The pattern with its {BLOCK}s expanded, and the pieces it is made of: (start in the expansion,
    start in the pattern, length in the pattern, block name or None for the author's own text)."""
    table = blocks()
    unknown = sorted({b for b in _BLOCK.findall(pattern) if b not in table})
    if unknown:
        raise PatternError("unknown block " + ", ".join("{%s}" % b for b in unknown)
                           + " (known: " + ", ".join("{%s}" % b for b in sorted(table)) + ")")
    out, pieces, last, pos = [], [], 0, 0
    for m in _BLOCK.finditer(pattern):
        if m.start() > last:
            pieces.append((pos, last, m.start() - last, None))
            out.append(pattern[last:m.start()])
            pos += m.start() - last
        body = f"(?:{table[m.group(1)]})"
        pieces.append((pos, m.start(), m.end() - m.start(), m.group(1)))
        out.append(body)
        pos += len(body)
        last = m.end()
    pieces.append((pos, last, len(pattern) - last, None))
    out.append(pattern[last:])
    return "".join(out), pieces


def _where(pos: int | None, pieces) -> str:
    """Position `pos` of the expansion, told in terms of the author's pattern."""
    if pos is None:
        return ""
    for exp_start, start, length, name in reversed(pieces):
        if pos >= exp_start:
            if name is None:
                return f" at position {start + min(pos - exp_start, length)}"
            return f" inside {{{name}}} (at position {start})"
    return ""


def check_bounds(expanded: str, pieces=()) -> None:
    """Refuses patterns nested too deep or whose counted repeats multiply to a huge size, before
    the compiler sees them. An upper estimate: every atom counts 1, a group the sum of its parts,
    a counted repeat multiplies what it repeats by its largest count."""
    stack = [0]  # size of each open group so far
    last = 0  # size of the atom just read (what a quantifier applies to)
    i, n = 0, len(expanded)
    while i < n:
        c = expanded[i]
        if c == "\\":
            j = i + 2
            if expanded[i + 1:i + 2] in ("p", "P", "N", "x", "u", "U") and expanded[j:j + 1] == "{":
                j = expanded.find("}", j) + 1 or n
            stack[-1] += 1
            last, i = 1, j
            continue
        if c == "[":
            j = i + 1
            if expanded[j:j + 1] == "^":
                j += 1
            if expanded[j:j + 1] == "]":
                j += 1
            while j < n and expanded[j] != "]":
                j += 2 if expanded[j] == "\\" else 1
            stack[-1] += 1
            last, i = 1, j + 1
            continue
        if c == "(":
            stack.append(0)
            if len(stack) > MAX_DEPTH + 1:
                raise PatternError(f"groups nested over {MAX_DEPTH} deep{_where(i, pieces)}")
            i += 1
            continue
        if c == ")":
            if len(stack) > 1:
                last = max(stack.pop(), 1)
                stack[-1] += last
            i += 1
            continue
        if c == "{":
            m = _COUNT.match(expanded, i)
            if m and (m.group(1) or m.group(2)):
                low, high = m.group(1), m.group(2)
                count = int(high) if high else int(low or 0)  # {m,}: the unbounded rest is a loop
                grown = last * max(count, 1)
                stack[-1] += grown - last
                last = grown
                if stack[-1] > MAX_SIZE or last > MAX_SIZE:
                    raise PatternError(f"counted repeats unroll to over {MAX_SIZE:,} positions{_where(i, pieces)}: "
                                       "use smaller counts, or * and +")
                i = m.end()
                continue
        stack[-1] += 1
        last = 1
        i += 1
    if sum(stack) > MAX_SIZE:
        raise PatternError(f"the pattern unrolls to over {MAX_SIZE:,} positions")


def compile_pattern(pattern: str, reverse: bool = True) -> regex.Pattern:
    """Expands {BLOCK}s and compiles (matching backwards by default: rules are anchored on their
    quantity); raises PatternError with a message about the author's pattern."""
    expanded, pieces = expand(pattern)
    check_bounds(expanded, pieces)
    try:
        return regex.compile(expanded, regex.REVERSE if reverse else 0)
    except regex.error as e:
        raise PatternError(f"{e.msg}{_where(e.pos, pieces)}") from None
    except (RecursionError, MemoryError, OverflowError) as e:
        raise PatternError(f"too complex to compile ({type(e).__name__})") from None


def literal_chars(pattern: str):
    """Yields (index, character, depth) for the characters outside escapes and character classes;
    depth counts the groups open around them."""
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        else:
            depth += c == "("
            yield i, c, depth
            depth -= c == ")"
        i += 1
