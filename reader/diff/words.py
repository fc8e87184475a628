"""Word-level diff of two paragraph texts with diff-match-patch, in word mode.

Each token (word, number, date, profile phrase, space run or punctuation mark; see ``reader.text.wordkeys``)
is mapped to one private character by its *key*, as ``diff_linesToChars`` does for lines. Keys fold away
noise (quote marks, dashes, case, house-style groups, US/UK spellings, numerals written as words, date
formats, transliterated names), so noise variants line up as aligned pairs inside equal runs, where each
differing pair becomes its own noise change. The diff (a minimal LCS edit script) and diff-match-patch's
semantic clean-up run on the characters, and only then are they decoded back to tokens (cleaning after
decoding re-splits words).

The clean-up merges short equal runs into the edits around them, which is what turns a reworded clause into
one change; but it must not hide a name variant inside a substantive change, so replace regions are
re-diffed and split around absorbed runs that hold a spelling or style variant.
"""

from __future__ import annotations

from functools import lru_cache

from diff_match_patch import diff_match_patch
from rapidfuzz.distance import Indel

from reader.diff.categorize import categorize_tokens, is_serial_comma, pair_category, strongest
from reader.model import Category, Op, Segment
from reader.settings.profile import Profile, default_profile
from reader.text.normalize import fold_typography
from reader.text.sequences import stretches
from reader.text.wordkeys import DATE_PREFIX, SPACE_KEY, WEEKDAYS, Token, keyer_for, name_key, names_alike

_DMP = diff_match_patch()
_DMP.Diff_Timeout = 0  # never degrade a paragraph diff to delete-all/insert-all
# Up to this size (tokens x tokens, about 75 words each side) diff-match-patch's own diff is fast
# enough and splits ties the way readers expect; longer texts use the C++ LCS (see _token_diff).
_SMALL = 150 * 150
# Replace regions larger than this (tokens x tokens) are not re-diffed to split out name and style variants.
_SPLIT_LIMIT = 200 * 200
_MAX_KEYS = 0xFFFE + 0xFFFE  # private-use planes 15 and 16
# Above this size (tokens x tokens, about 3,000 words each side) the C++ LCS works on stretches between
# unique shared tokens, to bound its memory (see _token_diff).
_LCS_CELLS = 6000 * 6000
_WORD_NOISE = (Category.SPELLING, Category.STYLE)
_HYPHENS = ("-", "\u2010", "\u2011")


def tokenize(text: str, profile: Profile | None = None) -> list[str]:
    """The word-diff tokens of ``text``; joining them gives the text back."""
    return keyer_for(profile or default_profile()).tokenize(text)


@lru_cache(maxsize=16384)
def _tokens(text: str, profile: Profile) -> tuple[Token, ...]:
    return keyer_for(profile).tokens(text)


def _alias_names(tokens_a: tuple[Token, ...], tokens_b: tuple[Token, ...], keys_b: list[str]) -> None:
    """Give a name found only in the other text the key of its transliteration variant in the base text
    (``Kaddouri`` -> ``Qaddouri``), so the two line up as a pair."""
    keys_a = {t.key for t in tokens_a}
    keys_b_set = set(keys_b)
    if keys_b_set <= keys_a or keys_a <= keys_b_set:
        return
    only_a: dict[tuple[str, str], Token] = {}
    for token in tokens_a:
        if token.is_word and token.key not in keys_b_set and token.text[:1].isupper():
            name = name_key(token.text)
            if name is not None:
                only_a.setdefault((name, _possessive(token.text)), token)
    if not only_a:
        return
    for index, token in enumerate(tokens_b):
        if token.is_word and token.key not in keys_a and token.text[:1].isupper():
            name = name_key(token.text)
            match = only_a.get((name, _possessive(token.text))) if name else None
            if match is not None and names_alike(match.text, token.text):
                keys_b[index] = match.key


def _possessive(text: str) -> str:
    return "'" if "'" in text or "\u2019" in text else ""


def _encode(keys_a: list[str], keys_b: list[str]) -> tuple[str, str] | None:
    unique = dict.fromkeys(keys_a)
    unique.update(dict.fromkeys(keys_b))
    if len(unique) > _MAX_KEYS:
        return None
    table = {key: chr(0xF0000 + n if n < 0xFFFE else 0x100000 + n - 0xFFFE) for n, key in enumerate(unique)}
    return "".join(map(table.__getitem__, keys_a)), "".join(map(table.__getitem__, keys_b))


def _token_diff(chars_a: str, chars_b: str) -> list[tuple[int, str]]:
    """A minimal diff in diff-match-patch's format. The edit script comes from rapidfuzz's bit-parallel
    LCS in C++ (Indel opcodes): the same minimal script as diff-match-patch's pure-Python Myers bisect,
    which needs seconds for long unrelated paragraphs (a rewrite sharing one quote) and has no safe
    timeout (a deadline degrades the diff to delete-all/insert-all).

    The LCS needs memory in proportion to the product of the lengths (about 450 MB for two 30,000-word
    paragraphs), so very long pairs are first cut at tokens found once on each side, in the same order
    (as patience diff does), and each stretch between them is diffed on its own."""
    diffs: list[tuple[int, str]] = []
    for a0, a1, b0, b1, same in stretches(chars_a, chars_b, _LCS_CELLS):
        if same:
            diffs.append((0, chars_a[a0:a1]))
            continue
        part_a, part_b = chars_a[a0:a1], chars_b[b0:b1]
        for tag, i0, i1, j0, j1 in Indel.opcodes(part_a, part_b):
            if tag == "equal":
                diffs.append((0, part_a[i0:i1]))
            else:
                if i1 > i0:
                    diffs.append((-1, part_a[i0:i1]))
                if j1 > j0:
                    diffs.append((1, part_b[j0:j1]))
    return diffs


def _start_edits_at_words(diffs: list[tuple[int, str]], space: str | None) -> list[tuple[int, str]]:
    """Slide a lone insertion or deletion that starts with a space one token right when the next equal
    run starts with a space too (``eq "on Thursday" ins " on whether" eq " to"`` becomes
    ``eq "on Thursday " ins "on whether " eq "to"``): the same diff, with edits starting at a word, so
    the equal runs keep their spaces and the semantic clean-up judges them by their words."""
    if space is None:
        return diffs
    out = list(diffs)
    for i in range(1, len(out) - 1):
        (op_before, before), (op, text), (op_after, after) = out[i - 1], out[i], out[i + 1]
        if op != 0 and op_before == 0 and op_after == 0 and text[:1] == space and after[:1] == space:
            out[i - 1] = (0, before + space)
            out[i] = (op, text[1:] + space)
            out[i + 1] = (0, after[1:])
    return [d for d in out if d[1]]


def _absorb_small_equalities(diffs: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """diff_cleanupSemantic's first rule in one forward pass: an equality no longer than the edits on
    both sides of it becomes part of them. diff_cleanupSemantic backtracks after every such step, which is
    quadratic on long unrelated texts (thousands of one-space equalities); after this pass it has little
    left to do. The cleaned result is the same, as the rule and the counts are the same."""
    out: list[tuple[int, str]] = []
    deleted = inserted = 0  # edit lengths since the last kept equality
    n = len(diffs)
    for i, (op, text) in enumerate(diffs):
        if op == -1:
            deleted += len(text)
        elif op == 1:
            inserted += len(text)
        else:
            after_deleted = after_inserted = 0
            j = i + 1
            while j < n and diffs[j][0] != 0:
                if diffs[j][0] == -1:
                    after_deleted += len(diffs[j][1])
                else:
                    after_inserted += len(diffs[j][1])
                j += 1
            size = len(text)
            if (
                (deleted or inserted)
                and size <= max(deleted, inserted)
                and size <= max(after_deleted, after_inserted)
            ):
                out.append((-1, text))
                out.append((1, text))
                deleted += size
                inserted += size
                continue
            deleted = inserted = 0
        out.append((op, text))
    return out


def encoded_space(keys_a: list[str], keys_b: list[str], chars_a: str, chars_b: str) -> str | None:
    """The character that stands for a space run, if the texts have one."""
    for keys, chars in ((keys_a, chars_a), (keys_b, chars_b)):
        for key, char in zip(keys, chars):
            if key == SPACE_KEY:
                return char
    return None


def _regions(diffs: list[tuple[int, str]]) -> list[tuple[bool, int, int, int, int]]:
    """(is_equal, base_start, base_end, other_start, other_end) runs; adjacent edits form one region."""
    regions: list[tuple[bool, int, int, int, int]] = []
    ia = ib = 0
    for op, chars in diffs:
        n = len(chars)
        na, nb = (n, n) if op == 0 else ((n, 0) if op == -1 else (0, n))
        if op != 0 and regions and not regions[-1][0]:
            _, a0, _, b0, _ = regions[-1]
            regions[-1] = (False, a0, ia + na, b0, ib + nb)
        else:
            regions.append((op == 0, ia, ia + na, ib, ib + nb))
        ia, ib = ia + na, ib + nb
    return regions


class _Builder:
    def __init__(
        self,
        tokens_a: tuple[Token, ...],
        tokens_b: tuple[Token, ...],
        keys_b: list[str],
        profile: Profile | None = None,
    ) -> None:
        self.a, self.b, self.keys_b, self.profile = tokens_a, tokens_b, keys_b, profile
        self.segments: list[Segment] = []

    def equal_run(self, a0: int, a1: int, b0: int, b1: int) -> None:
        """Tokens paired by key: identical ones are equal text, differing ones noise changes."""
        a, b = self.a, self.b
        same_from = a0
        for i, j in zip(range(a0, a1), range(b0, b1)):
            x, y = a[i], b[j]
            if x is not y:  # tokens are interned per text: identity is text equality
                if same_from < i:
                    text = "".join([t.text for t in a[same_from:i]])
                    self.add(Segment(Op.EQUAL, text, text))
                self.add(Segment(Op.REPLACE, x.text, y.text, pair_category(x.text, y.text, x.key)))
                same_from = i + 1
        if same_from < a1:
            text = "".join([t.text for t in a[same_from:a1]])
            self.add(Segment(Op.EQUAL, text, text))

    def change(self, a0: int, a1: int, b0: int, b1: int) -> None:
        base, other = self.a[a0:a1], self.b[b0:b1]
        if not base and not other:
            return
        if (
            (not base and is_serial_comma(self.b, b0, b1))
            or (not other and is_serial_comma(self.a, a0, a1))
            or _is_hyphen_swap(self.a, a0, a1, self.b, b0, b1)
            or (not base and _is_on_before_a_day(self.b, b0, b1))
            or (not other and _is_on_before_a_day(self.a, a0, a1))
        ):
            category, fact = Category.STYLE, False
        else:
            category, fact = categorize_tokens(base, other)
        base_text, other_text = "".join(t.text for t in base), "".join(t.text for t in other)
        if (
            not category.is_noise
            and self.profile is not None
            and self.profile.noise_patterns
            and not any(c.isdigit() for c in base_text + other_text)  # a changed number is never noise
            and all(self.profile.is_user_noise(text) for text in (base_text, other_text) if text.strip())
        ):
            category, fact = Category.STYLE, False  # the desk's own furniture (profile noise_patterns)
        op = Op.REPLACE if base and other else (Op.DELETE if base else Op.INSERT)
        self.add(Segment(op, base_text, other_text, category, fact))

    def change_region(self, a0: int, a1: int, b0: int, b1: int, chars_a: str, chars_b: str) -> None:
        """A replace region from the cleaned-up diff: split it around absorbed equal runs that hold a
        spelling or style variant, so noise never hides inside a substantive change."""
        if a0 == a1 or b0 == b1 or (a1 - a0) * (b1 - b0) > _SPLIT_LIMIT:
            self.change(a0, a1, b0, b1)
            return
        fine = _token_diff(chars_a[a0:a1], chars_b[b0:b1])
        start_a, start_b = a0, b0
        for is_equal, x0, x1, y0, y1 in _regions(fine):
            x0, x1, y0, y1 = x0 + a0, x1 + a0, y0 + b0, y1 + b0
            if is_equal and any(
                self.a[i].text != self.b[j].text
                and pair_category(self.a[i].text, self.b[j].text, self.a[i].key) in _WORD_NOISE
                for i, j in zip(range(x0, x1), range(y0, y1))
            ):
                self.change(start_a, x0, start_b, y0)
                self.equal_run(x0, x1, y0, y1)
                start_a, start_b = x1, y1
        self.change(start_a, a1, start_b, b1)

    def add(self, segment: Segment) -> None:
        """Append, joining equal text, same-category noise, and space-only typography with its neighbour."""
        if self.segments:
            last = self.segments[-1]
            merged = _merge(last, segment)
            if merged is not None:
                self.segments[-1] = merged
                return
        self.segments.append(segment)


def _is_hyphen_swap(
    tokens_a: tuple[Token, ...], a0: int, a1: int, tokens_b: tuple[Token, ...], b0: int, b1: int
) -> bool:
    """A hyphen inside a compound written as a space or dropped (``well-known``/``well known``):
    house style. The region sits between two words glued to it on both sides."""
    base, other = tokens_a[a0:a1], tokens_b[b0:b1]
    if len(base) > 1 or len(other) > 1 or (not base and not other):
        return False
    texts = sorted(t.text for t in (*base, *other))
    if not any(t in _HYPHENS for t in texts) or not all(t in _HYPHENS or t == " " for t in texts):
        return False
    return (
        a0 > 0
        and a1 < len(tokens_a)
        and tokens_a[a0 - 1].is_word
        and tokens_a[a1].is_word
        and b0 > 0
        and b1 < len(tokens_b)
        and tokens_b[b0 - 1].is_word
        and tokens_b[b1].is_word
    )


def _is_on_before_a_day(tokens: tuple[Token, ...], start: int, end: int) -> bool:
    """``said on Tuesday``/``said Tuesday``: writing "on" before a day or date is house style."""
    words = [t for t in tokens[start:end] if t.key != SPACE_KEY]
    if len(words) != 1 or words[0].text.casefold() != "on":
        return False
    following = next((t for t in tokens[end:] if t.key != SPACE_KEY), None)
    if following is None:
        return False
    return (
        following.key.startswith(DATE_PREFIX)
        or fold_typography(following.text).casefold().rstrip(".") in WEEKDAYS
    )


def _is_space_change(segment: Segment) -> bool:
    return segment.category is Category.TYPOGRAPHY and not (segment.base_text + segment.other_text).strip()


def _merge(first: Segment, second: Segment) -> Segment | None:
    if first.op is Op.EQUAL or second.op is Op.EQUAL:
        if first.op is second.op:
            return Segment(Op.EQUAL, first.base_text + second.base_text, first.other_text + second.other_text)
        return None
    if first.category is Category.SUBSTANTIVE or second.category is Category.SUBSTANTIVE:
        if first.category is not second.category:
            return None
        category, fact = Category.SUBSTANTIVE, first.fact or second.fact
    elif first.category is second.category or _is_space_change(first) or _is_space_change(second):
        category, fact = strongest([first.category, second.category]), False
    else:
        return None
    base_text, other_text = first.base_text + second.base_text, first.other_text + second.other_text
    op = Op.REPLACE if base_text and other_text else (Op.DELETE if base_text else Op.INSERT)
    return Segment(op, base_text, other_text, category, fact)


_QUOTE_MARKS = frozenset("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb")


def _only_quote_marks(text: str) -> bool:
    return bool(text) and all(c in _QUOTE_MARKS for c in text)


def _quote_punctuation_swaps(segments: list[Segment]) -> list[Segment]:
    """``"constructive”,`` -> ``"constructive,"``: a closing quote mark that trades places with a comma or
    full stop is one style change (punctuation inside or outside the quote), not a deletion and an
    insertion of quote marks."""
    out: list[Segment] = []
    i = 0
    while i < len(segments):
        window = segments[i : i + 3]
        if len(window) == 3:
            first, middle, last = window
            if (
                middle.op is Op.EQUAL
                and middle.base_text in (",", ".")
                and first.op in (Op.DELETE, Op.INSERT)
                and last.op in (Op.DELETE, Op.INSERT)
                and first.op is not last.op
                and all(_only_quote_marks(s.base_text + s.other_text) for s in (first, last))
            ):
                base = first.base_text + middle.base_text + last.base_text
                other = first.other_text + middle.other_text + last.other_text
                out.append(Segment(Op.REPLACE, base, other, Category.STYLE))
                i += 3
                continue
        out.append(segments[i])
        i += 1
    return out


@lru_cache(maxsize=8192)
def diff_words(base_text: str, other_text: str, profile: Profile) -> tuple[Segment, ...]:
    """The word diff of two texts. Joining the segments' ``base_text`` gives ``base_text`` back exactly,
    and their ``other_text`` gives ``other_text``."""
    if base_text == other_text:
        return (Segment(Op.EQUAL, base_text, other_text),) if base_text else ()
    tokens_a, tokens_b = _tokens(base_text, profile), _tokens(other_text, profile)
    keys_a = [t.key for t in tokens_a]
    keys_b = [t.key for t in tokens_b]
    _alias_names(tokens_a, tokens_b, keys_b)
    builder = _Builder(tokens_a, tokens_b, keys_b, profile)
    if keys_a == keys_b:  # only noise variants (house style, quote marks): no diff needed
        builder.equal_run(0, len(tokens_a), 0, len(tokens_b))
        return tuple(builder.segments)
    encoded = _encode(keys_a, keys_b)
    if encoded is None:  # more distinct tokens than private characters: one change, still exact
        builder.change(0, len(tokens_a), 0, len(tokens_b))
        return tuple(builder.segments)
    chars_a, chars_b = encoded
    if len(chars_a) * len(chars_b) <= _SMALL:
        diffs = _DMP.diff_main(chars_a, chars_b, False)
    else:
        space = encoded_space(keys_a, keys_b, chars_a, chars_b)
        diffs = _absorb_small_equalities(_start_edits_at_words(_token_diff(chars_a, chars_b), space))
        _DMP.diff_cleanupMerge(diffs)
    _DMP.diff_cleanupSemantic(diffs)
    for is_equal, a0, a1, b0, b1 in _regions(diffs):
        if is_equal:
            builder.equal_run(a0, a1, b0, b1)
        else:
            builder.change_region(a0, a1, b0, b1, chars_a, chars_b)
    return tuple(_quote_punctuation_swaps(builder.segments))
