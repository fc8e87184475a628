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
    order: where patience diff cuts two long sequences into stretches to compare one by one. When no item
    is unique (a long text of a small vocabulary), items found as often on each side pair up, the k-th
    occurrence in a with the k-th in b."""
    count_a, count_b = Counter(a), Counter(b)
    pairs = _occurrence_pairs(a, b, {x for x, n in count_a.items() if n == 1 and count_b.get(x) == 1})
    if not pairs:
        pairs = _occurrence_pairs(a, b, {x for x, n in count_a.items() if count_b.get(x) == n})
    keep = longest_increasing([j for _, j in pairs])
    return [pair for k, pair in enumerate(pairs) if k in keep]


def _occurrence_pairs(a: Sequence, b: Sequence, items: set) -> list[tuple[int, int]]:
    """(i, j) for each occurrence of ``items`` in a, with the same occurrence (first, second...) in b."""
    where_b: dict[object, list[int]] = {}
    for j, item in enumerate(b):
        if item in items:
            where_b.setdefault(item, []).append(j)
    seen: Counter = Counter()
    pairs = []
    for i, item in enumerate(a):
        if item in items:
            pairs.append((i, where_b[item][seen[item]]))
            seen[item] += 1
    return pairs
