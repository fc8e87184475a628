"""Sequence helpers shared by alignment, the word diff and the display grid."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterator, Sequence


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


def stretches(a: Sequence, b: Sequence, max_cells: int) -> Iterator[tuple[int, int, int, int, bool]]:
    """``(a0, a1, b0, b1, same)`` pieces covering ``a`` and ``b`` in order, to compare one by one. Pairs
    longer than ``max_cells`` (len x len) are cut at their ``unique_anchors`` (``same``: one anchor item
    on each side), again and again, so that an LCS never needs memory for the whole product. Pieces are
    made as they are asked for: a long pair has hundreds of thousands."""
    return _cut(a, b, 0, len(a), 0, len(b), max_cells)


def _cut(a: Sequence, b: Sequence, a0: int, a1: int, b0: int, b1: int, max_cells: int):
    if a0 == a1 and b0 == b1:
        return
    anchors = unique_anchors(a[a0:a1], b[b0:b1]) if (a1 - a0) * (b1 - b0) > max_cells else []
    if not anchors:
        yield a0, a1, b0, b1, False
        return
    at_a, at_b = a0, b0  # where the stretch still to cut starts
    for i, j in anchors:  # offsets inside a[a0:a1] and b[b0:b1]
        yield from _cut(a, b, at_a, a0 + i, at_b, b0 + j, max_cells)
        yield a0 + i, a0 + i + 1, b0 + j, b0 + j + 1, True
        at_a, at_b = a0 + i + 1, b0 + j + 1
    yield from _cut(a, b, at_a, a1, at_b, b1, max_cells)
