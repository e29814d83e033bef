"""Write the claims of ``factcheck claims``: a rich table, JSON or CSV.

The JSON shape is ``{"schema_version": 2, "claims": [...]}`` with one object
per claim (path, line, column, start, end, text, kind, value, low, high,
qualifier, unit, aspect, subject, period, source, frame), documented in
``docs/output-schema.md``.  CSV flattens the frame into ``frame_*`` columns.

"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table

from factcheck.model import Claim, Document

# Version 2: claims carry their frame; "label" and "weekday" claims are new kinds.
CLAIMS_SCHEMA_VERSION = 2
FIELDS = (
    "path", "line", "column", "start", "end", "text", "kind", "value", "low", "high",
    "qualifier", "unit", "aspect", "subject", "period", "source", "frame",
)  # fmt: skip
FRAME_FIELDS = ("measure", "modifiers", "about", "event", "aspect", "total", "whole", "series")


def claim_rows(documents: Sequence[Document], claims: Sequence[Sequence[Claim]]) -> list[dict[str, Any]]:
    rows = []
    for document, doc_claims in zip(documents, claims, strict=True):
        for claim in doc_claims:
            line, column = document.position(claim.start)
            data = claim.to_dict()
            rows.append({"path": document.path, "line": line, "column": column, **data})
    return [{key: row.get(key) for key in FIELDS} for row in rows]


def write_json(rows: list[dict[str, Any]], stream: TextIO) -> None:
    stream.write(json.dumps({"schema_version": CLAIMS_SCHEMA_VERSION, "claims": rows}, indent=2, ensure_ascii=False))
    stream.write("\n")


def write_csv(rows: list[dict[str, Any]], stream: TextIO) -> None:
    columns = [f for f in FIELDS if f != "frame"] + [f"frame_{f}" for f in FRAME_FIELDS]
    writer = csv.DictWriter(stream, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        flat = {k: v for k, v in row.items() if k != "frame"}
        frame = row.get("frame") or {}
        for name in FRAME_FIELDS:
            value = frame.get(name)
            flat[f"frame_{name}"] = " ".join(value) if isinstance(value, list) else value
        writer.writerow({k: "" if v is None else v for k, v in flat.items()})


def _number(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6g}" if isinstance(value, float) else str(value)


def write_rich(rows: list[dict[str, Any]], stream: TextIO, *, color: bool, width: int | None) -> None:
    console = Console(
        file=stream, width=width, force_terminal=color, no_color=not color,
        color_system="standard" if color else None, highlight=False,
    )  # fmt: skip
    table = Table(show_lines=False, expand=False)
    for name in ("where", "text", "kind", "value", "interval", "unit", "subject", "period", "source"):
        table.add_column(name, overflow="fold")
    for row in rows:
        low, high = row["low"], row["high"]
        interval = "" if low == high else f"[{_number(low) or '-inf'}, {_number(high) or 'inf'}]"
        subject = row["subject"] or ""
        if row["aspect"] == "change":
            subject = f"Δ {subject}"
        table.add_row(
            f"{row['path']}:{row['line']}:{row['column']}", row["text"], row["kind"], _number(row["value"]),
            interval, row["unit"] or "", subject, row["period"] or "", row["source"] or "",
        )  # fmt: skip
    console.print(table)
    console.print(f"{len(rows)} claims")
