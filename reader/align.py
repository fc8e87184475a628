"""Paragraph alignment of one version against the base.

Steps (see the project's alignment notes):
1. score candidate pairs of the same kind group on normalised text (order-aware Indel ratio) and
   keep a containment score (share of the shorter paragraph's words found in the other);
2. take 1:1 pairs by descending score above a length-aware threshold;
3. find splits and merges: adjacent paragraphs whose joined text scores better than any single one;
4. label moves: the longest increasing subsequence of matched positions stays in place;
5. link what rewrites share (a quote, a sentence) as partial rows;
6. everything left is deleted (base) or inserted (version).
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz

from reader.model import Article, ParagraphKind, Row, RowKind
from reader.normalize import content_words, match_key

_GROUP = {
    ParagraphKind.BODY: "body",
    ParagraphKind.SUBHEAD: "subhead",
    ParagraphKind.HEADLINE: "headline",
    ParagraphKind.BYLINE: "byline",
    ParagraphKind.DATELINE: "dateline",
    ParagraphKind.CAPTION: "caption",
    ParagraphKind.CREDIT: "credit",
    ParagraphKind.BOILERPLATE: "boilerplate",
}
# Roles an article has at most once: the two sides pair whatever their wording.
_ROLE_GROUPS = {"byline", "dateline"}
SHARED_RUN_WORDS = 6


@dataclass(frozen=True)
class Unit:
    index: int
    group: str
    key: str
    words: tuple[str, ...]


def _units(article: Article) -> list[Unit]:
    units = []
    for p in article.paragraphs:
        key = match_key(p.body_text)
        units.append(Unit(p.index, _GROUP[p.kind], key, tuple(content_words(p.body_text))))
    return units


def similarity(a: str, b: str) -> float:
    return fuzz.ratio(a, b) / 100.0


def containment(short: tuple[str, ...], long: tuple[str, ...]) -> float:
    """Share of the words of ``short`` (as a multiset) present in ``long``."""
    if not short:
        return 0.0
    common = Counter(short) & Counter(long)
    return sum(common.values()) / len(short)


def pair_threshold(a: Unit, b: Unit) -> float:
    """Short paragraphs must be near-identical; long ones may be heavily edited and still match."""
    shorter = min(len(a.words), len(b.words))
    if shorter <= 3:
        return 0.8
    if shorter <= 8:
        return 0.65
    return 0.5


def _pair_score(a: Unit, b: Unit) -> float:
    sim = similarity(a.key, b.key)
    if sim < pair_threshold(a, b):
        # A rewritten lede keeps most of its words in a new order: accept strong mutual containment.
        if min(len(a.words), len(b.words)) >= 12:
            both_ways = min(containment(a.words, b.words), containment(b.words, a.words))
            if both_ways >= 0.6:
                return max(sim, both_ways * 0.8)
        return 0.0
    return sim


def _one_to_one(base: list[Unit], other: list[Unit]) -> dict[int, tuple[int, float]]:
    scored: list[tuple[float, int, int]] = []
    for a in base:
        for b in other:
            if a.group != b.group:
                continue
            score = 1.0 if a.group in _ROLE_GROUPS else _pair_score(a, b)
            if score > 0:
                scored.append((score, a.index, b.index))
    scored.sort(key=lambda t: (-t[0], abs(t[1] - t[2]), t[1], t[2]))
    matched: dict[int, tuple[int, float]] = {}
    used_other: set[int] = set()
    for score, i, j in scored:
        if i in matched or j in used_other:
            continue
        matched[i] = (j, score)
        used_other.add(j)
    return matched


def _join_score(single: Unit, parts: list[Unit]) -> float:
    key = " ".join(p.key for p in parts)
    return similarity(single.key, key)


def _find_groups(
    singles: list[Unit], many: list[Unit], matched: dict[int, tuple[int, float]]
) -> list[tuple[int, tuple[int, int], float]]:
    """Singles (one side) that correspond to two adjacent paragraphs of the other side.

    ``matched`` maps single index -> (many index, score) for current 1:1 pairs; returns
    (single index, (first, second) many indices, score) for each accepted group.
    """
    taken = {j for j, _ in matched.values()}
    owner = {j: i for i, (j, _) in matched.items()}
    groups = []
    for s in singles:
        if s.group != "body":
            continue
        current = matched.get(s.index, (None, 0.0))[1]
        for first, second in zip(many, many[1:]):
            if first.group != "body" or second.group != "body":
                continue
            pair = (first.index, second.index)
            # Each member may be free or already paired with this single, nothing else.
            if any(j in taken and owner.get(j) != s.index for j in pair):
                continue
            if min(containment(first.words, s.words), containment(second.words, s.words)) < 0.7:
                continue
            best_member = max(_pair_score(s, first), _pair_score(s, second), current)
            joined = _join_score(s, [first, second])
            if joined >= 0.6 and joined > best_member + 0.05:
                groups.append((s.index, pair, joined))
                for j in pair:
                    taken.add(j)
                    owner[j] = s.index
                break
    return groups


def _longest_increasing(values: list[int]) -> set[int]:
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


def _shingles(words: tuple[str, ...], n: int) -> dict[tuple[str, ...], int]:
    return {tuple(words[i : i + n]): i for i in range(len(words) - n + 1)}


def _partial_pairs(base: list[Unit], other: list[Unit]) -> list[tuple[int, int, float]]:
    """Unmatched paragraphs sharing a run of at least SHARED_RUN_WORDS words (a lifted quote)."""
    index: dict[tuple[str, ...], list[int]] = {}
    for b in other:
        for gram in _shingles(b.words, SHARED_RUN_WORDS):
            index.setdefault(gram, []).append(b.index)
    by_index = {u.index: u for u in other}
    scored = []
    for a in base:
        hits = Counter()
        for gram in _shingles(a.words, SHARED_RUN_WORDS):
            for j in set(index.get(gram, ())):
                hits[j] += 1
        for j, count in hits.items():
            shared_words = count + SHARED_RUN_WORDS - 1
            scored.append((shared_words / max(1, min(len(a.words), len(by_index[j].words))), a.index, j))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for score, i, j in scored:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        pairs.append((i, j, min(1.0, score)))
    return pairs


def align(base: Article, other: Article) -> list[Row]:
    """Rows of ``other`` against ``base`` in display order (base order, insertions after their anchor)."""
    base_units, other_units = _units(base), _units(other)
    matched = _one_to_one(base_units, other_units)

    # Splits: one base paragraph -> two adjacent version paragraphs; merges: the reverse.
    splits = _find_groups(base_units, other_units, matched)
    inverse = {j: (i, s) for i, (j, s) in matched.items()}
    merges = _find_groups(other_units, base_units, inverse)

    rows: list[Row] = []
    used_base: set[int] = set()
    used_other: set[int] = set()
    for i, pair, score in splits:
        rows.append(Row(RowKind.SPLIT, (i,), pair, score))
        used_base.add(i)
        used_other.update(pair)
    for j, pair, score in merges:
        if used_base & set(pair) or j in used_other:
            continue
        rows.append(Row(RowKind.MERGED, pair, (j,), score))
        used_base.update(pair)
        used_other.add(j)
    for i, (j, score) in matched.items():
        if i in used_base or j in used_other:
            continue
        rows.append(Row(RowKind.EDITED, (i,), (j,), score))
        used_base.add(i)
        used_other.add(j)

    # Moves: rows whose version position breaks the base order.
    rows.sort(key=lambda r: r.base[0])
    in_order = _longest_increasing([r.other[0] for r in rows])
    rows = [
        r if pos in in_order or r.kind is not RowKind.EDITED else Row(RowKind.MOVED, r.base, r.other, r.similarity)
        for pos, r in enumerate(rows)
    ]

    free_base = [u for u in base_units if u.index not in used_base and u.group == "body"]
    free_other = [u for u in other_units if u.index not in used_other and u.group == "body"]
    for i, j, score in _partial_pairs(free_base, free_other):
        rows.append(Row(RowKind.PARTIAL, (i,), (j,), score))
        used_base.add(i)
        used_other.add(j)

    rows += [Row(RowKind.DELETED, (u.index,), ()) for u in base_units if u.index not in used_base]
    rows += [Row(RowKind.INSERTED, (), (u.index,)) for u in other_units if u.index not in used_other]
    return order_rows(rows)


def order_rows(rows: list[Row]) -> list[Row]:
    """Base order; a version's own paragraphs follow the row of the version paragraph before them."""
    anchor_of_other: dict[int, int] = {}
    for row in rows:
        if row.base and row.kind not in (RowKind.MOVED, RowKind.PARTIAL):
            for j in row.other:
                anchor_of_other[j] = max(row.base)

    def key(row: Row) -> tuple[float, int, int]:
        if row.base:
            return (min(row.base), 0, min(row.other) if row.other else -1)
        j = row.other[0]
        anchor = next((anchor_of_other[k] for k in range(j - 1, -1, -1) if k in anchor_of_other), -1)
        return (anchor, 1, j)

    return sorted(rows, key=key)
