"""JSON (one array, Chinese unescaped) and JSON Lines."""

from __future__ import annotations

import json
from typing import IO


class JsonWriter:
    def __init__(self, out: IO[str], lines: bool):
        self.out, self.lines, self.count = out, lines, 0

    def write(self, row: dict | str) -> None:
        line = row if isinstance(row, str) else json.dumps(row, ensure_ascii=False)
        if self.lines:
            self.out.write(line + "\n")
        else:
            self.out.write(("[\n  " if self.count == 0 else ",\n  ") + line)
        self.count += 1

    def close(self) -> None:
        if not self.lines:
            self.out.write("[]\n" if self.count == 0 else "\n]\n")
        self.out.flush()
