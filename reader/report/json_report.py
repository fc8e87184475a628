"""The ``reader.compare/1`` JSON contract (see README, "JSON output"; JSON Schema in compare.schema.json)."""

from __future__ import annotations

import json
from json.encoder import encode_basestring as _string  # the C function when available

from reader import __version__
from reader.memory import paused_gc
from reader.model import Article, Comparison, Finding, Row, Segment, TextSpan, VersionComparison

SCHEMA = "reader.compare/1"


def article_dict(article: Article) -> dict:
    return {
        "path": article.path,
        "headline": article.headline,
        "byline": article.byline,
        "dateline": article.dateline,
        "credit": article.credit,
        "published": article.published,
        "encoding": article.encoding,
        "repaired_encoding": article.repaired_encoding,
        "format": article.source_format,
        "sha256": article.sha256,
        "paragraphs": [{"index": p.index, "text": p.text, "kind": p.kind.value} for p in article.paragraphs],
    }


def change_dict(segment: Segment) -> dict:
    return {
        "op": segment.op.value,
        "base_text": segment.base_text,
        "other_text": segment.other_text,
        # A change always has a category; "substantive" is the safe reading if a stage forgot one.
        "category": segment.category.value if segment.category else "substantive",
        "fact": segment.fact,
    }


def row_dict(row: Row) -> dict:
    return {
        "kind": row.kind.value,
        "base": list(row.base),
        "other": list(row.other),
        "similarity": round(row.similarity, 4),
        "changes": [change_dict(s) for s in row.changes],
        # Added to the contract: passages a partial row shares, as [base_start, base_end, other_start, other_end]
        # character offsets into the row's paragraphs joined with "\n".
        "shared_spans": [list(span) for span in row.shared_spans],
    }


def span_dict(span: TextSpan) -> dict:
    return {"paragraph": span.paragraph, "start": span.start, "end": span.end}


def finding_dict(finding: Finding, version: VersionComparison) -> dict:
    return {
        "kind": finding.kind.value,
        "severity": finding.severity.value,
        "base": list(finding.base),
        "other": list(finding.other),
        "base_text": finding.base_text,
        "other_text": finding.other_text,
        "message": finding.message,
        # Added to the contract: where the finding sits (position in "rows") and the exact characters.
        "row": version.row_of(finding),
        "base_spans": [span_dict(s) for s in finding.base_spans],
        "other_spans": [span_dict(s) for s in finding.other_spans],
    }


def version_dict(version: VersionComparison) -> dict:
    return {
        **article_dict(version.article),
        "rows": [row_dict(r) for r in version.rows],
        "findings": [finding_dict(f, version) for f in version.findings],
        # Added to the contract: copy | write-through | independent (reader.align.relation).
        "class": version.relation.value,
        "stats": version.stats,
    }


def comparison_dict(comparison: Comparison) -> dict:
    return _document(comparison, [version_dict(v) for v in comparison.versions])


def _document(comparison: Comparison, versions) -> dict:
    return {
        "schema": SCHEMA,
        "reader_version": __version__,
        "created_at": comparison.created_at,
        "profile": comparison.profile_name,
        "base": article_dict(comparison.base),
        "versions": versions,
    }


def render_json(comparison: Comparison) -> str:
    """``json.dumps(comparison_dict(comparison), ensure_ascii=False, indent=2)`` and a newline, character
    for character, written by ``_encode`` one version at a time: the standard encoder's pure-Python
    indenting path cost more than building the dicts, and building every version's dict (then every
    version's text) before joining them held a long story's report in memory three times over."""
    # The report's many small dicts and lists hold no cycles: full collections over them (and over the
    # comparison they are built from) would make a long story's report grow faster than the story.
    with paused_gc():
        try:
            head = _written(_document(comparison, []), "\n")
            if not comparison.versions:
                return head + "\n"
            empty = '"versions": []\n}'  # the document's last key, filled in below
            if not head.endswith(empty):
                raise _Unusual
            text = head[: -len(empty)] + '"versions": ['
            for n, version in enumerate(comparison.versions):
                # Appended to a string nothing else holds, so CPython grows it in place.
                text += ",\n    " if n else "\n    "
                text += _written(version_dict(version), "\n    ")
            text += "\n  ]\n}\n"
            return text
        except (
            _Unusual
        ):  # a value the fast path does not write: the standard encoder says what it makes of it
            return json.dumps(comparison_dict(comparison), ensure_ascii=False, indent=2) + "\n"


class _Unusual(Exception):
    pass


def _written(value, indent: str) -> str:
    out: list[str] = []
    _encode(value, indent, out)
    return "".join(out)


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


def _encode(value, indent: str, out: list[str]) -> None:
    """Append ``value`` to ``out`` as ``json.dumps(..., ensure_ascii=False, indent=2)`` writes it, nested
    at ``indent`` (a newline and the spaces before a line at this depth)."""
    if isinstance(value, str):
        out.append(_string(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(_float(value))
    elif isinstance(value, (list, tuple)):
        _array(value, indent, out)
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = indent + "  "
        out.append("{" + inner)
        for n, (key, item) in enumerate(value.items()):
            if not isinstance(key, str):
                raise _Unusual
            out.append(("," + inner if n else "") + _string(key) + ": ")
            _encode(item, inner, out)
        out.append(indent + "}")
    else:
        raise _Unusual


def _array(items, indent: str, out: list[str]) -> None:
    if not items:
        out.append("[]")
        return
    inner = indent + "  "
    for n, item in enumerate(items):
        out.append("," + inner if n else "[" + inner)
        _encode(item, inner, out)
    out.append(indent + "]")
