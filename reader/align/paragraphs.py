"""Paragraph alignment of one version against the base.

Steps (see the project's alignment notes):
1. tokenise each paragraph for matching (case, typography, house style and spelling variants folded);
2. pair identical paragraphs outright; for the rest, find candidates through shared word trigrams (an
   inverted index, so long documents never score every pair) and score them by word-level Indel
   similarity (order-aware), with a containment rescue for rewritten ledes; take 1:1 pairs greedily
   by descending score above a length-aware threshold;
3. splits and merges: 2 to 4 adjacent paragraphs whose joined text scores clearly better than any
   single one become one ``split``/``merged`` row;
4. decide the relation: a version with almost no strong pairs is an independent rewrite; its links
   are only ``partial`` rows (a shared quote or sentence) and its metadata pairs only when near-identical;
   in a reprint, metadata pairs by role (headline with headline, trailer with trailer), bylines when they
   share a name, and the two ledes when they still share 40% of their content words;
5. moves: the longest increasing subsequence of matched positions stays in place;
6. partial reuse: leftover paragraphs sharing a run of words (a lifted quote) become ``partial`` rows
   with the shared spans;
7. everything left is deleted (base) or inserted (version).
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, LCSseq

from reader.memory import paused_gc
from reader.model import Article, Paragraph, ParagraphKind, Row, RowKind
from reader.text.normalize import STOP_WORDS, match_key
from reader.text.sequences import longest_increasing, stretches
from reader.text.wordkeys import match_spans, match_words

# Words in a run that counts as a lifted passage (a quote) between otherwise unrelated paragraphs:
# long enough that names such as "the Harbour and Transport Workers' Union" do not qualify.
SHARED_RUN_WORDS = 8
# ...or a passage of this many words with one word changed, added or dropped (an altered quote).
PASSAGE_WORDS = 10
# Equal word runs at least this long are reported as shared spans of a partial row.
SPAN_MIN_WORDS = 4
# Bodies of a version must pair this strongly (word similarity) to count as reprint evidence.
STRONG_PAIR = 0.8
# In a rewrite, a paragraph lifted (nearly) whole is still a match rather than a partial.
LIFTED_WHOLE = 0.9
# Candidate trigrams found in more paragraphs than this are too common to be evidence.
COMMON_GRAM = 20
# Above this many metadata pairs of one kind, only identical lines are paired (no scoring of all pairs).
MAX_METADATA_PAIRS = 40_000
# At most this many candidates per paragraph are scored (the ones sharing most trigrams).
MAX_CANDIDATES = 8

# Roles a (reprinted) article has at most once: the two sides pair whatever their wording.
_ROLE_GROUPS = {"headline", "byline", "dateline", "trailer", "source"}
_LCS_CELLS = 3000 * 3000  # words x words above which similarity cuts the paragraphs at unique shared words
_BODY = "body"


class Unit:
    """A paragraph as the aligner sees it: its group and its words normalised for matching."""

    __slots__ = ("index", "group", "words", "_paragraph", "_profile", "_grams", "_key", "_spans")

    def __init__(self, paragraph: Paragraph, profile) -> None:
        self.index = paragraph.index
        self.group = _group(paragraph.kind, paragraph.text)
        self.words = match_words(paragraph.body_text, profile)
        self._paragraph, self._profile = paragraph, profile
        self._grams = self._key = self._spans = None

    @property
    def grams(self) -> frozenset[tuple[str, ...]]:
        if self._grams is None:
            self._grams = _grams(self.words)
        return self._grams

    @property
    def key(self) -> str:
        if self._key is None:
            self._key = match_key(self._paragraph.body_text)
        return self._key

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """Character span of each word in the paragraph's full text (computed only when needed)."""
        if self._spans is None:
            start = self._paragraph.body_start
            self._spans = tuple(
                (a + start, b + start) for a, b in match_spans(self._paragraph.body_text, self._profile)
            )
        return self._spans


def _group(kind: ParagraphKind, text: str) -> str:
    if kind is ParagraphKind.CREDIT:
        folded = text.lstrip().casefold()
        if folded.startswith("("):
            return "trailer"
        if folded.startswith("source"):
            return "source"
        return "credit"
    return kind.value


@lru_cache(maxsize=100_000)
def _unit(paragraph: Paragraph, profile) -> Unit:
    # Cached: the base is aligned against every version, and versions share most paragraphs.
    return Unit(paragraph, profile)


def _units(article: Article, profile) -> list[Unit]:
    return [_unit(p, profile) for p in article.paragraphs]


# --- Scores -----------------------------------------------------------------------------------------


def similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Word-level Indel similarity: 2 * LCS / (len a + len b). Order-aware, unlike bag measures."""
    if not a and not b:
        return 1.0
    if len(a) * len(b) > _LCS_CELLS:
        # Long paragraphs: the LCS through words found once on each side, linear instead of quadratic
        # (a 5 MB paragraph would take minutes) and exact for the edits newsrooms make.
        pieces = stretches(a, b, _LCS_CELLS)
        common = sum(1 if same else LCSseq.similarity(a[a0:a1], b[b0:b1]) for a0, a1, b0, b1, same in pieces)
        return 2 * common / (len(a) + len(b))
    return Indel.normalized_similarity(a, b)


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


def pair_score(a: Unit, b: Unit) -> float:
    """Similarity of two same-group body paragraphs, or 0.0 when they are not recognisably the same."""
    if a.words == b.words:
        return 1.0 if a.words else float(a.key == b.key)
    sim = similarity(a.words, b.words)
    if sim >= pair_threshold(a, b):
        return sim
    # A rewritten lede keeps most of its words in a new order: accept strong mutual containment.
    if min(len(a.words), len(b.words)) >= 12 and sim >= 0.35:
        both_ways = min(containment(a.words, b.words), containment(b.words, a.words))
        if both_ways >= 0.65:
            return max(sim, both_ways * 0.75)
    return 0.0


def shared_runs(a: tuple[str, ...], b: tuple[str, ...], min_words: int) -> list[tuple[int, int, int]]:
    """Equal word runs (a_start, b_start, length) of at least ``min_words`` in the LCS alignment."""
    runs = []
    for op in Indel.opcodes(a, b):
        if op.tag == "equal" and op.src_end - op.src_start >= min_words:
            runs.append((op.src_start, op.dest_start, op.src_end - op.src_start))
    return runs


def _is_partial_shaped(a: Unit, b: Unit) -> bool:
    """Both paragraphs keep a large part of their own words: they share a passage, not an identity."""
    matched = similarity(a.words, b.words) * (len(a.words) + len(b.words)) / 2
    own_a, own_b = len(a.words) - matched, len(b.words) - matched
    if own_a < 8 or own_b < 8 or own_a / len(a.words) < 0.35 or own_b / len(b.words) < 0.35:
        return False
    # Reordered words are still the same paragraph: judge what each side owns as a bag of words too.
    return min(1 - containment(a.words, b.words), 1 - containment(b.words, a.words)) >= 0.25


# --- Candidates -------------------------------------------------------------------------------------


@lru_cache(maxsize=100_000)
def _grams(words: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
    if len(words) < 3:
        return frozenset({words}) if words else frozenset()
    return frozenset(zip(words, words[1:], words[2:]))


class _GramIndex:
    """Inverted index of word trigrams (whole word tuples for paragraphs under three words)."""

    def __init__(self, units: list[Unit]):
        postings: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for u in units:
            for gram in u.grams:
                postings[gram].append(u.index)
        self._postings = postings

    def hits(self, unit: Unit) -> dict[int, int]:
        counts: dict[int, int] = {}
        get = self._postings.get
        for gram in unit.grams:
            posting = get(gram)
            # Trigrams found in very many paragraphs are no evidence of identity ("said on Thursday").
            if posting and len(posting) <= COMMON_GRAM:
                for j in posting:
                    counts[j] = counts.get(j, 0) + 1
        return counts


def _candidates(index: _GramIndex, unit: Unit, min_hits: int = 1) -> list[int]:
    hits = index.hits(unit)
    if not hits:
        return []
    best = sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_CANDIDATES]
    # A paragraph sharing a third as many trigrams as the best candidate is no rival to it, and one
    # trigram in common is chance for a paragraph of a dozen words or more.
    floor = max(min_hits, best[0][1] // 3, 2 if len(unit.words) >= 12 else 1)
    return [j for j, count in best if count >= floor]


# --- 1:1 pairs --------------------------------------------------------------------------------------


def _greedy(
    scored: list[tuple[float, int, int]], matched: dict[int, tuple[int, float]], used: set[int]
) -> None:
    scored.sort(key=lambda t: (-t[0], abs(t[1] - t[2]), t[1], t[2]))
    for score, i, j in scored:
        if i in matched or j in used:
            continue
        matched[i] = (j, score)
        used.add(j)


def _text_group(group: str) -> str:
    return _BODY if group == "subhead" else group


def _exact_pairs(base: list[Unit], other: list[Unit]) -> dict[int, tuple[int, float]]:
    """Identical paragraphs (after normalisation) of the same group, paired in order of appearance."""

    def identity(u: Unit) -> tuple:
        # Paragraphs without words ("***", a lone dash) are identical when their folded text is.
        return (_text_group(u.group), u.words) if u.words else (_text_group(u.group), None, u.key)

    waiting: dict[tuple, list[int]] = defaultdict(list)
    for u in reversed(other):
        waiting[identity(u)].append(u.index)
    matched = {}
    for u in base:
        stack = waiting.get(identity(u))
        if stack:
            matched[u.index] = (stack.pop(), 1.0)
    return matched


def _body_pairs(
    base: list[Unit], other: list[Unit], index: _GramIndex, matched: dict[int, tuple[int, float]]
) -> None:
    used = {j for j, _ in matched.values()}
    by_index = {u.index: u for u in other}
    scored = []
    for a in base:
        if a.group not in (_BODY, "subhead") or a.index in matched:
            continue
        for j in _candidates(index, a):
            b = by_index[j]
            if j in used:
                continue
            score = pair_score(a, b)
            # A line read as a subhead in one file and as body text in the other pairs only if near-identical.
            if b.group != a.group and score < 0.9:
                continue
            if score > 0:
                scored.append((score, a.index, j))
    _greedy(scored, matched, used)


def _metadata_pairs(
    base: list[Unit], other: list[Unit], matched: dict[int, tuple[int, float]], rewrite: bool
) -> None:
    """Metadata pairs only with its own kind: roles by position in a reprint, otherwise by wording."""
    used = {j for j, _ in matched.values()}
    groups_a: dict[str, list[Unit]] = defaultdict(list)
    groups_b: dict[str, list[Unit]] = defaultdict(list)
    for u in base:
        if u.group not in (_BODY, "subhead") and u.index not in matched:
            groups_a[u.group].append(u)
    for u in other:
        if u.group not in (_BODY, "subhead") and u.index not in used:
            groups_b[u.group].append(u)
    scored = []
    for group, units_a in groups_a.items():
        units_b = groups_b.get(group, [])
        if len(units_a) * len(units_b) > MAX_METADATA_PAIRS:
            # Thousands of metadata lines (page junk) on both sides: pair identical ones only.
            waiting = defaultdict(list)
            for b in reversed(units_b):
                waiting[b.key].append(b.index)
            scored += [(1.0, a.index, waiting[a.key].pop()) for a in units_a if waiting.get(a.key)]
            continue
        for a in units_a:
            for b in units_b:
                sim = fuzz.ratio(a.key, b.key) / 100.0
                if group == "byline":
                    # Bylines are the same byline when they share a name.
                    names = set(a.words) & set(b.words) - STOP_WORDS
                    if names and not (rewrite and sim < 0.8):
                        scored.append((max(sim, 0.5), a.index, b.index))
                elif sim >= 0.8 or (sim >= 0.6 and not rewrite):
                    scored.append((sim, a.index, b.index))
                elif not rewrite and group in _ROLE_GROUPS and len(units_a) == 1 and len(units_b) == 1:
                    scored.append((max(sim, 0.01), a.index, b.index))
    _greedy(scored, matched, used)


def _lede_pair(
    base: list[Unit], other: list[Unit], pairs: dict[int, tuple[int, float]], busy_base: set, busy_other: set
) -> int | None:
    """A write-through rewrites the lede hardest; in a reprint the two ledes (first body paragraphs)
    are the same paragraph when they still share a good part of their content words."""
    lede_a = next((u for u in base if u.group == _BODY), None)
    lede_b = next((u for u in other if u.group == _BODY), None)
    if lede_a is None or lede_b is None:
        return None
    used = {j for j, _ in pairs.values()} | busy_other
    if lede_a.index in pairs or lede_a.index in busy_base or lede_b.index in used:
        return None
    content_a = tuple(w for w in lede_a.words if w not in STOP_WORDS)
    content_b = tuple(w for w in lede_b.words if w not in STOP_WORDS)
    if min(len(content_a), len(content_b)) < 6:
        return None
    shared = min(containment(content_a, content_b), containment(content_b, content_a))
    if shared < 0.4:
        return None
    pairs[lede_a.index] = (lede_b.index, round(max(similarity(lede_a.words, lede_b.words), shared * 0.6), 4))
    return lede_a.index


# --- Splits and merges ------------------------------------------------------------------------------


def _joinable(unit: Unit | None, owner: dict[int, int], single: int) -> bool:
    return (
        unit is not None
        and unit.group == _BODY
        and bool(unit.words)
        and owner.get(unit.index, single) == single
    )


def _groups(
    singles: list[Unit],
    many: list[Unit],
    index: _GramIndex,
    matched: dict[int, tuple[int, float]],
) -> list[tuple[float, int, tuple[int, ...]]]:
    """Proposals (score, single index, adjacent many indices) where 2-4 adjacent paragraphs of the other
    side together are the single paragraph. ``matched`` maps single -> (many, score) of current 1:1 pairs."""
    owner = {j: i for i, (j, _) in matched.items()}
    by_index = {u.index: u for u in many}
    proposals = []
    for s in singles:
        if s.group != _BODY or len(s.words) < 8:
            continue
        current_j, current = matched.get(s.index, (None, 0.0))
        if current >= 0.999:
            continue
        starts = set()
        # A paragraph already paired is split (or merged) around its partner; others look them up.
        near = {current_j} if current_j is not None else set(_candidates(index, s))
        contained: dict[int, float] = {}

        def fits(k: int, contained: dict[int, float] = contained, s=s) -> bool:
            # Every piece of a split (or merge) must be mostly made of the single paragraph's words.
            if k not in contained:
                contained[k] = containment(by_index[k].words, s.words)
            return contained[k] >= 0.7

        for c in near:
            # The stretch around c of body paragraphs that are free or already this paragraph's partner:
            # usually just c itself (its neighbours pair with their own counterparts), so no window at all.
            if not _joinable(by_index.get(c), owner, s.index) or not fits(c):
                continue
            low = high = c
            while low > c - 3 and _joinable(by_index.get(low - 1), owner, s.index):
                low -= 1
            while high < c + 3 and _joinable(by_index.get(high + 1), owner, s.index):
                high += 1
            for size in (2, 3, 4):
                for first in range(max(low, c - size + 1), min(c, high - size + 1) + 1):
                    starts.add((first, size))
        best = None
        for first, size in sorted(starts):
            members = [by_index[k] for k in range(first, first + size)]
            if not all(fits(m.index) for m in members):
                continue
            joined = similarity(s.words, tuple(w for m in members for w in m.words))
            best_member = max([current] + [pair_score(s, m) for m in members])
            if joined >= 0.6 and joined > best_member + 0.05 and (best is None or joined > best[0] + 1e-9):
                best = (joined, s.index, tuple(m.index for m in members))
        if best:
            proposals.append(best)
    return proposals


# --- Partial reuse ----------------------------------------------------------------------------------


def _spans(a: Unit, b: Unit, runs: list[tuple[int, int, int]]) -> tuple[tuple[int, int, int, int], ...]:
    """Character spans (base_start, base_end, other_start, other_end) of shared word runs."""
    if not a.spans or not b.spans:
        return ()
    return tuple(
        (a.spans[ia][0], a.spans[ia + n - 1][1], b.spans[ib][0], b.spans[ib + n - 1][1]) for ia, ib, n in runs
    )


def longest_passage(runs: list[tuple[int, int, int]]) -> int:
    """Words in the longest chain of shared runs interrupted by at most one word on each side (a quote
    lifted with a word changed, added or dropped), counted only if one of its runs is 6+ words."""
    best = 0
    chain = longest_run = 0
    end_a = end_b = None
    for ia, ib, n in runs:
        if end_a is not None and ia - end_a <= 1 and ib - end_b <= 1:
            chain += n
            longest_run = max(longest_run, n)
        else:
            chain, longest_run = n, n
        end_a, end_b = ia + n, ib + n
        if longest_run >= 6:
            best = max(best, chain)
    return best


def _partial_pairs(
    base: list[Unit], other: list[Unit], index: _GramIndex
) -> list[tuple[float, int, int, tuple]]:
    """Leftover body paragraphs sharing a run of at least SHARED_RUN_WORDS words (a lifted quote)."""
    free_other = {u.index: u for u in other}
    scored = []
    for a in base:
        if len(a.words) < SHARED_RUN_WORDS:
            continue
        for j in _candidates(index, a, min_hits=PASSAGE_WORDS - 5):
            b = free_other.get(j)
            if b is None:
                continue
            runs = shared_runs(a.words, b.words, SPAN_MIN_WORDS)
            if not runs or (
                max(n for _, _, n in runs) < SHARED_RUN_WORDS and longest_passage(runs) < PASSAGE_WORDS
            ):
                continue
            shared = sum(n for _, _, n in runs)
            scored.append((shared, a.index, j, _spans(a, b, runs)))
    scored.sort(key=lambda t: (-t[0], abs(t[1] - t[2]), t[1], t[2]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for shared, i, j, spans in scored:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        pairs.append((shared, i, j, spans))
    return pairs


# --- Putting it together ----------------------------------------------------------------------------


def _is_rewrite(base: list[Unit], other: list[Unit], strong: int) -> bool:
    """An independent article: hardly any of its body pairs strongly with the base."""
    bodies = min(sum(u.group == _BODY for u in base), sum(u.group == _BODY for u in other))
    return strong < max(2, 0.2 * bodies)


def align(base: Article, other: Article, profile=None) -> list[Row]:
    """Rows of ``other`` against ``base`` in display order (base order, insertions after their anchor).

    ``profile`` (a ``reader.settings.profile.Profile``) lets house-style and spelling variants count as equal
    words for matching; the displayed text is never changed."""
    with paused_gc():
        return _align(base, other, profile)


def _align(base: Article, other: Article, profile) -> list[Row]:
    base_units, other_units = _units(base, profile), _units(other, profile)
    base_by, other_by = {u.index: u for u in base_units}, {u.index: u for u in other_units}

    matched = _exact_pairs(base_units, other_units)
    exact_other = {j for j, _ in matched.values()}
    rest_base = [u for u in base_units if u.index not in matched]
    rest_other = [u for u in other_units if u.index not in exact_other]
    other_index = _GramIndex([u for u in rest_other if u.group == _BODY or u.group == "subhead"])
    _body_pairs(rest_base, rest_other, other_index, matched)

    # Splits: one base paragraph -> adjacent version paragraphs; merges: the reverse. Best first.
    # An unpaired paragraph can only be split into (or merged from) unpaired ones: index just those.
    inverse = {j: (i, s) for i, (j, s) in matched.items()}
    free_other_index = _GramIndex([u for u in rest_other if u.group == _BODY and u.index not in inverse])
    free_base_index = _GramIndex([u for u in rest_base if u.group == _BODY and u.index not in matched])
    proposals = [
        (score, "split", s, many)
        for score, s, many in _groups(rest_base, other_units, free_other_index, matched)
    ]
    proposals += [
        (score, "merged", s, many)
        for score, s, many in _groups(rest_other, base_units, free_base_index, inverse)
    ]
    proposals.sort(key=lambda p: (-p[0], p[1], p[2]))
    groups: list[Row] = []
    in_group_base: set[int] = set()
    in_group_other: set[int] = set()
    for score, kind, s, many in proposals:
        b_side, o_side = ((s,), many) if kind == "split" else (many, (s,))
        if in_group_base & set(b_side) or in_group_other & set(o_side):
            continue
        groups.append(
            Row(RowKind.SPLIT if kind == "split" else RowKind.MERGED, b_side, o_side, round(score, 4))
        )
        in_group_base.update(b_side)
        in_group_other.update(o_side)
    pairs = {i: (j, s) for i, (j, s) in matched.items() if i not in in_group_base and j not in in_group_other}

    strong = len(groups) + sum(
        1 for i, (j, s) in pairs.items() if s >= STRONG_PAIR and base_by[i].group == _BODY
    )
    rewrite = _is_rewrite(base_units, other_units, strong)
    _metadata_pairs(base_units, other_units, pairs, rewrite)
    lede = _lede_pair(base_units, other_units, pairs, in_group_base, in_group_other) if not rewrite else None

    rows: list[Row] = list(groups)
    for i, (j, score) in pairs.items():
        a, b = base_by[i], other_by[j]
        body = a.group == _BODY
        if (
            body
            and score < 1.0
            and i != lede
            and (_is_partial_shaped(a, b) or (rewrite and score < LIFTED_WHOLE))
        ):
            # Not the same paragraph: left to the partial pass below, which links only real shared
            # passages (the same facts in other words are no link) and prefers the longest.
            continue
        else:
            rows.append(Row(RowKind.EDITED, (i,), (j,), round(score, 4)))

    # Moves: text rows whose version position breaks the base order. Metadata (a byline printed at the
    # foot of a web page) is layout, never a moved paragraph.
    rows.sort(key=lambda r: r.base[0])
    text_rows = [r for r in rows if base_by[r.base[0]].group in (_BODY, "subhead")]
    in_order = longest_increasing([r.other[0] for r in text_rows])
    moved = {id(r) for pos, r in enumerate(text_rows) if pos not in in_order and r.kind is RowKind.EDITED}
    rows = [Row(RowKind.MOVED, r.base, r.other, r.similarity) if id(r) in moved else r for r in rows]

    used_base = {i for r in rows for i in r.base}
    used_other = {j for r in rows for j in r.other}
    free_base = [u for u in base_units if u.index not in used_base and u.group == _BODY]
    free_other = [u for u in other_units if u.index not in used_other and u.group == _BODY]
    if free_base and free_other:
        free_index = _GramIndex(free_other)
        for shared, i, j, spans in _partial_pairs(free_base, free_other, free_index):
            score = shared / max(1, min(len(base_by[i].words), len(other_by[j].words)))
            rows.append(Row(RowKind.PARTIAL, (i,), (j,), round(min(1.0, score), 4), (), spans))
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

    anchored = sorted(anchor_of_other)

    def key(row: Row) -> tuple[float, int, int]:
        if row.base:
            return (min(row.base), 0, min(row.other) if row.other else -1)
        j = row.other[0]
        before = bisect.bisect_left(anchored, j)
        anchor = anchor_of_other[anchored[before - 1]] if before else -1
        return (anchor, 1, j)

    return sorted(rows, key=key)
