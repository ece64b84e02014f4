"""The column type of each field of a row model, for the typed outputs (Parquet, dataframes).

Derived from the pydantic annotations, so a field added to Record or DocumentInfo gets its column
without a second list to keep in step: `int` -> "int", `int | None` -> "Int" (nullable), floats
-> "float" (None is NaN), `bool` -> "bool", strings and literals -> "string".
"""

from __future__ import annotations

import types
import typing

from pydantic import BaseModel


def column_kinds(model: type[BaseModel]) -> dict[str, str]:
    kinds = {}
    for name, info in model.model_fields.items():
        kinds[name] = _kind(info.annotation)
    return kinds


def _kind(annotation) -> str:
    args = typing.get_args(annotation)
    optional = False
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        optional = len(inner) < len(args)
        annotation = inner[0] if len(inner) == 1 else str
    if annotation is bool:
        return "bool"
    if annotation is int:
        return "Int" if optional else "int"
    if annotation is float:
        return "float"
    return "string"  # str, Literal[...] of strings


def pandas_dtypes(fields: list[str], kinds: dict[str, str]) -> dict:
    """The pandas dtype of each field (pandas is imported only here, for the typed outputs)."""
    import pandas as pd

    names = {"string": pd.StringDtype(), "float": "float64", "int": "int64", "Int": "Int64", "bool": "bool"}
    return {f: names[kinds.get(f, "string")] for f in fields}
