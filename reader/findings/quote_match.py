"""Match the quotes of two versions by what they say, wherever they stand.

A quote moved to another paragraph, or lifted by a rewrite, is still matched. Matching is by fuzzy
similarity of the quotes' folded words (rapidfuzz Indel ratio), in three passes:

1. pieces: several quotes of one side that together make one quote of the other side (a
   multi-paragraph quote merged into one paragraph, or a quote interrupted by ``he said``);
2. one to one, best pairs first;
3. containment: a quote shortened or lengthened on one side (one is inside the other).
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from reader.findings.quotes import Quote

# Similarity (0-100) at which two quotes are the same quote, possibly altered.
SAME_QUOTE = 72
SAME_SHORT_QUOTE = 86  # for quotes of three words or fewer, which match by chance more easily
CONTAINED = 92  # partial-ratio at which a shorter quote is taken as a cut of a longer one
_RARE_WORDS = 4  # how many of a quote's rarest words find its candidates
# At most this many candidates per quote, those sharing the most words with it: in a long story the
# rarest words recur, and scoring every quote that shares one made quote matching grow with the square
# of the story (16x the pairs for 4x the paragraphs).
_MOST_CANDIDATES = 12


@dataclass(frozen=True)
class QuoteMatch:
    """Indices into the two quote lists: usually one each, several when pieces make one quote."""

    base: tuple[int, ...]
    other: tuple[int, ...]
    score: float


def _threshold(a: Quote, b: Quote) -> float:
    return SAME_SHORT_QUOTE if min(a.words, b.words) <= 3 else SAME_QUOTE


def _pieces(
    longer: list[Quote],
    shorter: list[Quote],
    partial,
    taken_long: set[int],
    taken_short: set[int],
    near,
    positions,
):
    """Groups where one quote of ``longer`` holds two or more quotes of ``shorter`` (in reading order);
    ``near(j)`` lists the quotes of ``shorter`` worth testing against ``longer[j]``, ``partial(i, j)``
    scores ``shorter[i]`` inside ``longer[j]``; ``positions`` (ascending) are the ``j`` with any such quote."""
    groups = []
    for j in positions:
        whole = longer[j]
        if j in taken_long:
            continue
        inside = [
            i
            for i in sorted(near(j))
            if i not in taken_short
            and shorter[i].words >= 3
            and len(shorter[i].key) < 0.9 * len(whole.key)
            and partial(i, j) >= CONTAINED
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
    """How well the shorter text appears inside the longer (0-100); 0 for texts under three words and
    below ``CONTAINED``, the only level asked about (the cut-off lets rapidfuzz give up early)."""
    if a.count(" ") < 2 or b.count(" ") < 2:
        return 0.0
    # The partial ratio is the best 200 * LCS / (len(shorter) + len(window)) over windows of the longer
    # text, and a window's LCS with the shorter text is at most L, the whole texts' LCS: so it stays
    # under CONTAINED unless L >= CONTAINED / (200 - CONTAINED) * len(shorter). That bound, from the fast
    # bit-parallel LCS, rules out almost every candidate pair without searching for the best window.
    if LCSseq.similarity(a, b) * (200 - CONTAINED) < CONTAINED * min(len(a), len(b)):
        return 0.0
    return fuzz.partial_ratio(a, b, score_cutoff=CONTAINED)


class QuoteIndex:
    """One side's quotes indexed once by key and by word, for matching them against many quote lists (a
    version's quotes against the whole wire, then against a few of its quotes at a time)."""

    def __init__(self, quotes: list[Quote]) -> None:
        self.quotes = quotes
        self.keys = [q.key for q in quotes]
        self.same: dict[str, list[int]] = {}
        for j, key in enumerate(self.keys):
            self.same.setdefault(key, []).append(j)
        self.words = [set(key.split()) for key in self.keys]
        self.by_word: dict[str, set[int]] = {}
        for j, words in enumerate(self.words):
            for word in words:
                self.by_word.setdefault(word, set()).add(j)


class _Scores:
    """Pair scores computed only for pairs that share enough words (long articles hold hundreds of
    quotes; most pairs share nothing and score 0). ``taken_other`` are left out of the other side."""

    def __init__(self, base_keys: list[str], other: QuoteIndex, taken_other: set[int]) -> None:
        self.base_keys, self.other_keys = base_keys, other.keys

        left: dict[str, set[int]] = {}  # per word, its quotes not taken: each set filtered once
        counts: dict[str, int] = {}

        def holding(word: str) -> set[int]:
            found = left.get(word)
            if found is None:
                found = other.by_word.get(word) or set()
                found = left[word] = found - taken_other if found and taken_other else found
            return found

        def count(word: str) -> int:
            """``len(holding(word))`` without building the set: a common word's costs the taken quotes."""
            number = counts.get(word)
            if number is None:
                found = other.by_word.get(word) or ()
                number = counts[word] = len(found) - len(found & taken_other) if found else 0
            return number

        # Each quote is looked up by its rarest words on the other side: an altered or shortened quote
        # keeps some of them, and common words would make every pair a candidate.
        self.candidates: list[set[int]] = []
        for key in base_keys:
            words = set(key.split())
            present = sorted((n, w) for w in words if (n := count(w)))
            found: set[int] = set()
            for _count, word in present[:_RARE_WORDS]:
                found |= holding(word)
            if len(found) > _MOST_CANDIDATES:
                found = set(
                    heapq.nsmallest(_MOST_CANDIDATES, found, key=lambda j: (-len(words & other.words[j]), j))
                )
            self.candidates.append(found)
        self._ratio: dict[tuple[int, int], float] = {}
        self._partial: dict[tuple[int, int], float] = {}

    def ratio(self, i: int, j: int) -> float:
        if j not in self.candidates[i]:
            return 0.0
        if (i, j) not in self._ratio:
            self._ratio[i, j] = fuzz.ratio(self.base_keys[i], self.other_keys[j])
        return self._ratio[i, j]

    def partial(self, i: int, j: int) -> float:
        if j not in self.candidates[i]:
            return 0.0
        if (i, j) not in self._partial:
            self._partial[i, j] = _partial(self.base_keys[i], self.other_keys[j])
        return self._partial[i, j]

    def pairs(self):
        return ((i, j) for i, js in enumerate(self.candidates) for j in js)


def match_quotes(
    base: list[Quote], other: list[Quote], other_index: QuoteIndex | None = None
) -> list[QuoteMatch]:
    """``other_index``, if given, is ``QuoteIndex(other)`` built once for several calls."""
    if not base or not other:
        return []
    index = other_index or QuoteIndex(other)
    base_keys = [q.key for q in base]
    matches: list[QuoteMatch] = []
    taken_base: set[int] = set()
    taken_other: set[int] = set()
    # Word-for-word the same: matched first, in reading order (most quotes of a reprint).
    used: dict[str, int] = {}  # how many of the other side's quotes with that key are taken
    for i, key in enumerate(base_keys):
        same, n = index.same.get(key, ()), used.get(key, 0)
        if n < len(same):
            j = same[n]
            used[key] = n + 1
            matches.append(QuoteMatch((i,), (j,), 100.0))
            taken_base.add(i)
            taken_other.add(j)
    scores = _Scores([k if i not in taken_base else "" for i, k in enumerate(base_keys)], index, taken_other)
    near_other: dict[int, set[int]] = {}
    for i, j in scores.pairs():
        near_other.setdefault(j, set()).add(i)
    for inside, j, score in _pieces(
        other,
        base,
        scores.partial,
        taken_other,
        taken_base,
        lambda j: near_other.get(j, ()),
        sorted(near_other),
    ):
        matches.append(QuoteMatch(inside, (j,), score))
    for inside, i, score in _pieces(
        base,
        other,
        lambda j, i: scores.partial(i, j),
        taken_base,
        taken_other,
        lambda i: scores.candidates[i],
        range(len(base)),
    ):
        matches.append(QuoteMatch((i,), inside, score))

    pairs = sorted(((float(scores.ratio(i, j)), i, j) for i, j in scores.pairs()), reverse=True)
    for score, i, j in pairs:
        if score < SAME_QUOTE:
            break
        if i in taken_base or j in taken_other or score < _threshold(base[i], other[j]):
            continue
        matches.append(QuoteMatch((i,), (j,), score))
        taken_base.add(i)
        taken_other.add(j)

    contained = []
    for i, j in scores.pairs():
        if i in taken_base or j in taken_other or min(base[i].words, other[j].words) < 4:
            continue
        if scores.partial(i, j) >= CONTAINED:
            contained.append((float(scores.partial(i, j)) + float(scores.ratio(i, j)) / 100, i, j))
    for score, i, j in sorted(contained, reverse=True):
        if i in taken_base or j in taken_other:
            continue
        matches.append(QuoteMatch((i,), (j,), score))
        taken_base.add(i)
        taken_other.add(j)
    return sorted(matches, key=lambda m: (m.base, m.other))
