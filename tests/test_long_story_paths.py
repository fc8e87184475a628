"""Long, quote-dense stories take indexed paths (rows by paragraph, quotes indexed once, the JSON written
version by version); what those paths report must be what the plain definitions give."""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from dataclasses import replace

import pytest

from benchmarks.quotedense import _restyle, as_articles, quote_dense_blocks, quote_dense_story, quote_dense_version
from reader.findings.attribution import Side
from reader.comparison import compare
from reader.findings.quote_match import QuoteIndex, match_quotes
from reader.report import evidence as ev
from reader.report.json_report import comparison_dict, render_json
from tests.report_helpers import hostile_comparison, samples_with_findings


@pytest.fixture(scope="module")
def quote_dense():
    return compare(*as_articles(*quote_dense_blocks(80, 3, seed=5), "quote-dense"))


def _row_by_definition(finding, rows) -> int | None:
    """The first row with the best score: 2 per shared paragraph on each side, 10 more for both sides."""
    best, best_score = None, 0
    for position, row in enumerate(rows):
        on_base, on_other = len(set(finding.base) & set(row.base)), len(set(finding.other) & set(row.other))
        score = 2 * on_base + 2 * on_other + (10 if on_base and on_other else 0)
        if score > best_score:
            best, best_score = position, score
    return best


@pytest.mark.parametrize("make", [samples_with_findings, hostile_comparison])
def test_json_report_is_what_the_standard_encoder_writes(make):
    comparison = make()
    expected = json.dumps(comparison_dict(comparison), ensure_ascii=False, indent=2) + "\n"
    assert render_json(comparison) == expected


def test_json_report_with_values_json_turns_into_text_is_still_the_standard_encoders(quote_dense):
    version = replace(quote_dense.versions[0], stats={**quote_dense.versions[0].stats, 7: 1.5, "none": float("nan")})
    comparison = replace(quote_dense, versions=(version,))
    expected = json.dumps(comparison_dict(comparison), ensure_ascii=False, indent=2) + "\n"
    assert render_json(comparison) == expected


def test_json_report_of_a_quote_dense_story_is_what_the_standard_encoder_writes(quote_dense):
    expected = json.dumps(comparison_dict(quote_dense), ensure_ascii=False, indent=2) + "\n"
    assert render_json(quote_dense) == expected


def test_every_finding_sits_on_the_row_the_definition_gives(quote_dense):
    placed = 0
    # Versions in turn, then the first again: one version's index must not serve another's findings.
    for version in (*quote_dense.versions, quote_dense.versions[0]):
        for finding in version.findings:
            assert version.row_of(finding) == _row_by_definition(finding, version.rows)
            placed += 1
    assert placed > 60


def test_one_quote_index_serves_many_matches_as_fresh_ones_would(quote_dense):
    base = Side.of(quote_dense.base)
    other = Side.of(quote_dense.versions[0].article)
    index = QuoteIndex(other.quotes)
    assert match_quotes(base.quotes, other.quotes, index) == match_quotes(base.quotes, other.quotes)
    rng = random.Random(2)
    for _ in range(20):
        some = rng.sample(base.quotes, 3)
        assert match_quotes(some, other.quotes, index) == match_quotes(some, other.quotes)


def test_quote_dense_story_has_what_long_real_copy_has():
    blocks = quote_dense_story(200, seed=3)
    assert blocks[1].startswith("By ") and blocks[2].startswith("PORT ALDER, March 3 (Meridian) - ")
    assert any("(Meridian Photo/" in b for b in blocks) and blocks[-2].startswith("(Reporting by")
    body = [b for b in blocks if not b.startswith(("By ", "UPDATE", "(Reporting", "\u00a9")) and "Photo/" not in b]
    quoted = [b for b in body if re.search(r"\u201c[^\u201d]+\u201d", b)]
    assert 0.4 < len(quoted) / len(body) < 0.6
    sentences = Counter(s for b in body for s in re.split(r"(?<=[.!?\u201d])\s+", b))
    assert sum(1 for _s, n in sentences.items() if n >= 5) >= 5  # stock phrases and repeated quotes


def test_quote_dense_version_edits_about_a_quarter_of_the_paragraphs():
    base = quote_dense_story(400, seed=3)
    version = quote_dense_version(base, random.Random(4))
    kept = Counter(_restyle(b) for b in base)
    unchanged = sum(1 for text in version if kept[_restyle(text)] > 0)
    assert 0.6 < unchanged / len(base) < 0.85
