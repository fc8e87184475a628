"""On the tune half of the labelled syndication corpus: no typography-only finding, and the class and
major-finding precision no worse than measured when the last stories were added (drug-recall and
ferry-sinking: 93 of 98 copies classed right, major precision 0.92)."""

from __future__ import annotations

from benchmarks.evaluate_findings import HALVES, score_half


def test_tune_half_of_the_corpus_keeps_its_measured_quality():
    tally = score_half(HALVES["tune"])
    assert tally.copies >= 24
    assert tally.typography == 0
    assert tally.classes_right / tally.classes >= 0.94
    assert tally.right["major"] / tally.raised["major"] >= 0.9
