"""CI guard on alignment quality: generated reprints and rewrites scored against their true alignment."""

import random

import pytest

from benchmarks.evaluate import evaluate, line_diff_rows, pairs
from benchmarks.generator import STORIES, generate, load_story, make_reprint, make_rewrite


@pytest.fixture(scope="module")
def scores():
    # A handful of seeds, a few dozen articles each: small enough to stay fast, varied enough to matter.
    results = [evaluate(seed, 15) for seed in (3, 11, 29)]
    return results


def test_reprint_pairs_beat_the_targets(scores):
    for reprints, _ in scores:
        assert reprints.aligner.f1 >= 0.97
        assert reprints.aligner.f1 > reprints.line_diff.f1 + 0.2


def test_split_merge_move_labels_are_accurate(scores):
    for reprints, _ in scores:
        assert sum(reprints.labels_true.values()) > 0
        assert reprints.label_accuracy() >= 0.9
        assert reprints.label_precision() >= 0.9


def test_rewrites_link_only_what_they_share(scores):
    for _, rewrites in scores:
        assert rewrites.quotes > 0
        assert rewrites.wrong_per_article <= 1.0
        assert rewrites.found >= 0.9


def test_generator_is_deterministic_and_truth_covers_every_paragraph():
    first = generate(5, 6, "reprint") + generate(5, 6, "rewrite")
    again = generate(5, 6, "reprint") + generate(5, 6, "rewrite")
    assert [g.other.paragraphs for g in first] == [g.other.paragraphs for g in again]
    for g in first:
        base_seen = sorted(i for _, b, _ in g.truth for i in b)
        other_seen = sorted(j for _, _, o in g.truth for j in o)
        assert base_seen == list(range(len(g.base.paragraphs)))
        assert other_seen == list(range(len(g.other.paragraphs)))


def test_generator_uses_both_stories_and_every_operation():
    bases = [load_story(path) for path in STORIES]
    rng = random.Random(2)
    ops = " ".join(op for n in range(40) for op in make_reprint(bases[n % 2], rng).operations)
    for name in ("straight quotes", "US spelling", "quote edit", "attribution edit", "lede rewrite",
                 "split", "merge", "cut", "move", "add at"):
        assert name in ops
    rewrite = make_rewrite(bases[1], rng)
    assert any(kind == "partial" for kind, _, _ in rewrite.truth)
    assert {g.base.path for g in generate(1, 4, "reprint")} == {str(p) for p in STORIES}


def test_line_diff_baseline_pairs_by_position():
    g = generate(9, 1, "rewrite")[0]
    # A line diff pairs unrelated paragraphs of a rewrite; that is the error the reader must avoid.
    assert len(pairs(line_diff_rows(g.base, g.other)) - pairs(g.truth)) > 0


def test_long_documents_keep_their_quality():
    # Candidate filtering (shared trigrams) must not lose pairs in long stories.
    from benchmarks.longstory import long_story
    from benchmarks.evaluate import PairScore
    from benchmarks.truth import truth_label
    from reader.align.paragraphs import align

    base = long_story(250, seed=4)
    rng = random.Random(4)
    score = PairScore()
    for _ in range(2):
        g = make_reprint(base, rng, scale=250 / 20)
        score.add(pairs([truth_label(r) for r in align(base, g.other)]), pairs(g.truth))
    assert score.f1 >= 0.97
