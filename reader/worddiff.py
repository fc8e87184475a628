"""Word-level diff of two paragraph texts with diff-match-patch, in word mode.

Each token (word, space run or punctuation mark) is mapped to one private character, as
``diff_linesToChars`` does for lines; the diff and its semantic clean-up run on those characters,
and only then are they decoded back to words (cleaning after decoding re-splits words). Tokens are
keyed by their typography-folded form, so curly/straight quotes and dashes never disturb the word
alignment; such differences inside equal runs come out as typography changes.
"""

from __future__ import annotations

import re
from functools import lru_cache

from diff_match_patch import diff_match_patch

from reader.categorize import categorize
from reader.model import Op, Segment
from reader.normalize import fold_typography
from reader.profile import Profile

_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|\w+(?:['\u2019\-]\w+)*|\s+|[^\w\s]", re.UNICODE)
_DMP = diff_match_patch()
_DMP.Diff_Timeout = 0  # never degrade a paragraph diff to delete-all/insert-all


def tokenize(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _key(token: str) -> str:
    return " " if token.isspace() else fold_typography(token)


def _encode(tokens_a: list[str], tokens_b: list[str]) -> tuple[str, str]:
    table: dict[str, str] = {}

    def encode(tokens: list[str]) -> str:
        chars = []
        for token in tokens:
            key = _key(token)
            if key not in table:
                table[key] = chr(0xF0000 + len(table)) if len(table) < 0xFFFE else chr(0x100000 + len(table) - 0xFFFE)
            chars.append(table[key])
        return "".join(chars)

    return encode(tokens_a), encode(tokens_b)


def _token_ops(tokens_a: list[str], tokens_b: list[str]) -> list[tuple[int, list[str], list[str]]]:
    """(dmp op, base tokens, other tokens) runs."""
    chars_a, chars_b = _encode(tokens_a, tokens_b)
    diffs = _DMP.diff_main(chars_a, chars_b, False)
    _DMP.diff_cleanupSemantic(diffs)
    runs = []
    ia = ib = 0
    for op, chars in diffs:
        n = len(chars)
        if op == 0:
            runs.append((0, tokens_a[ia : ia + n], tokens_b[ib : ib + n]))
            ia, ib = ia + n, ib + n
        elif op == -1:
            runs.append((-1, tokens_a[ia : ia + n], []))
            ia += n
        else:
            runs.append((1, [], tokens_b[ib : ib + n]))
            ib += n
    return runs


def _equal_run_segments(tokens_a: list[str], tokens_b: list[str], profile: Profile) -> list[Segment]:
    """An equal run by key may still differ in quote marks or dashes: split those out."""
    segments: list[Segment] = []
    for a, b in zip(tokens_a, tokens_b):
        if a == b:
            if segments and segments[-1].op is Op.EQUAL:
                last = segments[-1]
                segments[-1] = Segment(Op.EQUAL, last.base_text + a, last.other_text + b)
            else:
                segments.append(Segment(Op.EQUAL, a, b))
        else:
            category, fact = categorize(a, b, profile)
            segments.append(Segment(Op.REPLACE, a, b, category, fact))
    return segments


@lru_cache(maxsize=4096)
def diff_words(base_text: str, other_text: str, profile: Profile) -> tuple[Segment, ...]:
    tokens_a, tokens_b = tokenize(base_text), tokenize(other_text)
    segments: list[Segment] = []
    pending_delete: list[str] = []
    pending_insert: list[str] = []

    def flush() -> None:
        if not pending_delete and not pending_insert:
            return
        a, b = "".join(pending_delete), "".join(pending_insert)
        op = Op.REPLACE if a and b else (Op.DELETE if a else Op.INSERT)
        category, fact = categorize(a, b, profile)
        segments.append(Segment(op, a, b, category, fact))
        pending_delete.clear()
        pending_insert.clear()

    for op, run_a, run_b in _token_ops(tokens_a, tokens_b):
        if op == -1:
            pending_delete.extend(run_a)
        elif op == 1:
            pending_insert.extend(run_b)
        else:
            flush()
            segments.extend(_equal_run_segments(run_a, run_b, profile))
    flush()
    return tuple(segments)
