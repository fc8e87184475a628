"""Anchors that cut long sequences into stretches (patience diff), and the longest increasing subsequence."""

from __future__ import annotations

from reader.text.sequences import longest_increasing, unique_anchors


def test_longest_increasing_keeps_the_items_in_order():
    values = [3, 1, 4, 1, 5, 9, 2, 6]
    keep = sorted(longest_increasing(values))
    assert len(keep) == 4
    assert [values[k] for k in keep] == sorted(values[k] for k in keep)


def test_anchors_are_the_items_found_once_on_each_side_in_the_same_order():
    a = "x a y b z c".split()
    b = "c x a q b z".split()  # c moved to the front: the longest run in order wins
    assert unique_anchors(a, b) == [(0, 1), (1, 2), (3, 4), (4, 5)]


def test_without_unique_items_occurrences_pair_up_in_order():
    a = list("abab" * 50)
    b = list("abab" * 50)
    b[100] = "c"  # one substitution in a two-letter text: no item is unique
    anchors = unique_anchors(a, b)
    assert len(anchors) == 100  # every "b" (found 100 times on each side); "a" lost one to the "c"
    assert all(a[i] == b[j] for i, j in anchors)
    assert [j for _, j in anchors] == sorted(j for _, j in anchors)


def test_nothing_in_common_gives_no_anchors():
    assert unique_anchors("abc", "xyz") == []


def test_stretches_cover_both_sequences_in_order_cut_at_anchors_only_when_too_long():
    from reader.text.sequences import stretches

    a, b = list("xaybzc"), list("cxaqbz")
    assert list(stretches(a, b, 1000)) == [(0, 6, 0, 6, False)]  # small enough: one piece
    pieces = list(stretches(a, b, 1))
    assert [p for p in pieces if p[4]] == [(0, 1, 1, 2, True), (1, 2, 2, 3, True), (3, 4, 4, 5, True), (4, 5, 5, 6, True)]
    for (_, a1, _, b1, _), (a0, _, b0, _, _) in zip(pieces, pieces[1:]):
        assert (a1, b1) == (a0, b0)  # no gap, no overlap
    assert (pieces[0][0], pieces[0][2], pieces[-1][1], pieces[-1][3]) == (0, 0, 6, 6)
    assert all(a[a0] == b[b0] for a0, _, b0, _, same in pieces if same)
