"""On the tune half of the labelled syndication corpus: no typography-only finding, every copy classed
right, and major findings no less precise than measured when this test was written (0.71)."""

from __future__ import annotations

from benchmarks.evaluate_findings import HALVES, score_half


def test_tune_half_of_the_corpus_keeps_its_measured_quality():
    tally = score_half(HALVES["tune"])
    assert tally.copies >= 24
    assert tally.typography == 0
    assert tally.classes_right == tally.classes
    assert tally.right["major"] / tally.raised["major"] >= 0.7
