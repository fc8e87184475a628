"""The ``reader.compare/1`` JSON contract (see README, "JSON output"; JSON Schema in compare.schema.json)."""

from __future__ import annotations

import json

from reader import __version__
from reader.model import Article, Comparison, Finding, Row, Segment, TextSpan, VersionComparison
from reader.report.evidence import finding_row

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


def finding_dict(finding: Finding, rows: tuple[Row, ...] = ()) -> dict:
    return {
        "kind": finding.kind.value,
        "severity": finding.severity.value,
        "base": list(finding.base),
        "other": list(finding.other),
        "base_text": finding.base_text,
        "other_text": finding.other_text,
        "message": finding.message,
        # Added to the contract: where the finding sits (position in "rows") and the exact characters.
        "row": finding_row(finding, rows),
        "base_spans": [span_dict(s) for s in finding.base_spans],
        "other_spans": [span_dict(s) for s in finding.other_spans],
    }


def version_dict(version: VersionComparison) -> dict:
    return {
        **article_dict(version.article),
        "rows": [row_dict(r) for r in version.rows],
        "findings": [finding_dict(f, version.rows) for f in version.findings],
        # Added to the contract: copy | write-through | independent (reader.relation).
        "class": version.relation.value,
        "stats": version.stats,
    }


def comparison_dict(comparison: Comparison) -> dict:
    return {
        "schema": SCHEMA,
        "reader_version": __version__,
        "created_at": comparison.created_at,
        "profile": comparison.profile_name,
        "base": article_dict(comparison.base),
        "versions": [version_dict(v) for v in comparison.versions],
    }


def render_json(comparison: Comparison) -> str:
    return json.dumps(comparison_dict(comparison), ensure_ascii=False, indent=2) + "\n"
