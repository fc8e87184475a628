"""Sequence helpers shared by alignment, the word diff and the display grid."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence


def longest_increasing(values: list[int]) -> set[int]:
    """Positions (in ``values``) of one longest strictly increasing subsequence, O(n log n)."""
    tails: list[int] = []
    tail_pos: list[int] = []
    parent = [-1] * len(values)
    for pos, value in enumerate(values):
        k = bisect.bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_pos.append(pos)
        else:
            tails[k] = value
            tail_pos[k] = pos
        parent[pos] = tail_pos[k - 1] if k else -1
    keep = set()
    pos = tail_pos[-1] if tail_pos else -1
    while pos != -1:
        keep.add(pos)
        pos = parent[pos]
    return keep


def unique_anchors(a: Sequence, b: Sequence) -> list[tuple[int, int]]:
    """Positions (in a, in b) of items found exactly once in each, the longest run of them in the same
    order: where patience diff cuts two long sequences into stretches to compare one by one."""
    count_a, count_b = Counter(a), Counter(b)
    in_b = {item: j for j, item in enumerate(b) if count_b[item] == 1}
    pairs = [(i, in_b[item]) for i, item in enumerate(a) if count_a[item] == 1 and item in in_b]
    keep = longest_increasing([j for _, j in pairs])
    return [pair for k, pair in enumerate(pairs) if k in keep]
