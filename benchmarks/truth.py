"""Read and compare true alignments (``NN-name.truth.yaml``) with the aligner's rows."""

from __future__ import annotations

from pathlib import Path

import yaml

from reader.model import Row, RowKind

# The truth files say "match" for equal-or-edited 1:1 rows in order.
_KIND = {
    RowKind.EQUAL: "match",
    RowKind.EDITED: "match",
    RowKind.MOVED: "moved",
    RowKind.SPLIT: "split",
    RowKind.MERGED: "merged",
    RowKind.PARTIAL: "partial",
    RowKind.INSERTED: "inserted",
    RowKind.DELETED: "deleted",
}

TruthRow = tuple[str, tuple[int, ...], tuple[int, ...]]


def truth_label(row: Row) -> TruthRow:
    return (_KIND[row.kind], tuple(row.base), tuple(row.other))


def read_truth(path: str | Path) -> list[TruthRow]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    return [(r["kind"], tuple(r["base"]), tuple(r["other"])) for r in data["rows"]]


def write_truth(rows: list[TruthRow], comment: str = "") -> str:
    lines = [f"# {comment}"] if comment else []
    lines.append("rows:")
    for kind, base, other in rows:
        lines.append(f"  - {{kind: {kind}, base: {list(base)}, other: {list(other)}}}")
    return "\n".join(lines) + "\n"
