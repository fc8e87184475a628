"""Match the quotes of two versions by what they say, wherever they stand.

A quote moved to another paragraph, or lifted by a rewrite, is still matched. Matching is by fuzzy
similarity of the quotes' folded words (rapidfuzz Indel ratio), in three passes:

1. pieces: several quotes of one side that together make one quote of the other side (a
   multi-paragraph quote merged into one paragraph, or a quote interrupted by ``he said``);
2. one to one, best pairs first;
3. containment: a quote shortened or lengthened on one side (one is inside the other).
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from reader.quotes import Quote

# Similarity (0-100) at which two quotes are the same quote, possibly altered.
SAME_QUOTE = 72
SAME_SHORT_QUOTE = 86  # for quotes of three words or fewer, which match by chance more easily
CONTAINED = 92  # partial-ratio at which a shorter quote is taken as a cut of a longer one


@dataclass(frozen=True)
class QuoteMatch:
    """Indices into the two quote lists: usually one each, several when pieces make one quote."""

    base: tuple[int, ...]
    other: tuple[int, ...]
    score: float


def _threshold(a: Quote, b: Quote) -> float:
    return SAME_SHORT_QUOTE if min(a.words, b.words) <= 3 else SAME_QUOTE


def _pieces(longer: list[Quote], shorter: list[Quote], partial, taken_long: set[int], taken_short: set[int]):
    """Groups where one quote of ``longer`` holds two or more quotes of ``shorter`` (in reading order)."""
    groups = []
    for j, whole in enumerate(longer):
        if j in taken_long:
            continue
        inside = [
            i
            for i, piece in enumerate(shorter)
            if i not in taken_short and partial[i][j] >= CONTAINED and len(piece.key) < 0.9 * len(whole.key)
            and piece.words >= 3
        ]
        if len(inside) < 2:
            continue
        joined = " ".join(shorter[i].key for i in inside)
        score = fuzz.ratio(joined, whole.key)
        best_single = max(fuzz.ratio(shorter[i].key, whole.key) for i in inside)
        if score >= SAME_QUOTE and score > best_single:
            groups.append((tuple(inside), j, score))
            taken_long.add(j)
            taken_short.update(inside)
    return groups


def _partial(a: str, b: str) -> float:
    """How well the shorter text appears inside the longer (0-100); 0 for texts under three words."""
    if a.count(" ") < 2 or b.count(" ") < 2:
        return 0.0
    return fuzz.partial_ratio(a, b, score_cutoff=CONTAINED - 10)


def match_quotes(base: list[Quote], other: list[Quote]) -> list[QuoteMatch]:
    if not base or not other:
        return []
    base_keys = [q.key for q in base]
    other_keys = [q.key for q in other]
    ratio = [[fuzz.ratio(b, o) for o in other_keys] for b in base_keys]
    partial_bo = [[_partial(b, o) for o in other_keys] for b in base_keys]
    matches: list[QuoteMatch] = []
    taken_base: set[int] = set()
    taken_other: set[int] = set()

    for inside, j, score in _pieces(other, base, partial_bo, taken_other, taken_base):
        matches.append(QuoteMatch(inside, (j,), score))
    partial_ob = [list(column) for column in zip(*partial_bo)]
    for inside, i, score in _pieces(base, other, partial_ob, taken_base, taken_other):
        matches.append(QuoteMatch((i,), inside, score))

    pairs = sorted(
        ((float(ratio[i][j]), i, j) for i in range(len(base)) for j in range(len(other))),
        reverse=True,
    )
    for score, i, j in pairs:
        if score < SAME_QUOTE:
            break
        if i in taken_base or j in taken_other or score < _threshold(base[i], other[j]):
            continue
        matches.append(QuoteMatch((i,), (j,), score))
        taken_base.add(i)
        taken_other.add(j)

    contained = []
    for i in range(len(base)):
        for j in range(len(other)):
            if i in taken_base or j in taken_other or min(base[i].words, other[j].words) < 4:
                continue
            if partial_bo[i][j] >= CONTAINED:
                contained.append((float(partial_bo[i][j]) + float(ratio[i][j]) / 100, i, j))
    for score, i, j in sorted(contained, reverse=True):
        if i in taken_base or j in taken_other:
            continue
        matches.append(QuoteMatch((i,), (j,), score))
        taken_base.add(i)
        taken_other.add(j)
    return sorted(matches, key=lambda m: (m.base, m.other))
