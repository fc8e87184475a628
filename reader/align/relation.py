"""What a version is to the wire: a copy, a copy of another write-through, or an independent story.

Decided from the alignment alone, before any finding, because the findings follow it: an independent
story (its own byline and structure, lifting some passages) is not judged as a reprint, and in a copy of
another write-through the agency itself may have reworded a quote.

- independent: less than half of the wire is kept, and most of the version's own body is not the wire's
  (a rewrite sharing a few quotes, an aggregator page, a story lifting several paragraphs);
- write-through: a copy whose lede is rewritten, recognisably the wire's or beyond recognition (the
  agency updates the lede first when a story develops; a reprint never drops the lede);
- copy: every other version (trimmed, restyled, re-edited).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reader.model import Article, ParagraphKind, Relation, Row, RowKind
from reader.text.normalize import STOP_WORDS
from reader.text.wordkeys import match_words

INDEPENDENT_KEPT = 0.5  # below this share of the wire's words kept ...
INDEPENDENT_OWN_BODY = 0.4  # ... and this share of the version's body paragraphs or more its own
REWRITTEN_LEDE = 0.9  # a rewritten lede row is less similar (copies: 0.96 and up; write-throughs: 0.43-0.88)
# An independent story lifting this share of the wire, or this many paragraphs, owes the agency a credit.
LIFTED_SHARE = 0.25
LIFTED_PARAGRAPHS = 3
# A version paragraph whose content words are this share or more of one wire paragraph's retells it.
RETOLD_SHARE = 0.6
RETOLD_MIN_WORDS = 6
_COMMON_WORD = 20  # words in more wire paragraphs than this are not evidence of a retelling


@dataclass(frozen=True)
class Reuse:
    """How much of the wire's body a version carries."""

    kept: float  # share of the wire's body words kept (noise counts as kept)
    body_paragraphs: int  # the version's body paragraphs
    own_paragraphs: int  # of those, neither aligned with a wire paragraph nor retelling one
    lifted_paragraphs: int  # wire body paragraphs the version carries whole (equal or edited rows)


def reuse(base: Article, other: Article, rows: list[Row], kept: float, profile=None) -> Reuse:
    aligned_other = {i for row in rows if row.base and row.kind is not RowKind.PARTIAL for i in row.other}
    body = [p.index for p in other.paragraphs if not p.kind.is_metadata]
    unaligned = [i for i in body if i not in aligned_other]
    own = len(unaligned) - _retold(base, [other.paragraphs[i] for i in unaligned], profile)
    lifted = sum(len(row.base) for row in lifted_rows(base, rows))
    return Reuse(kept, len(body), own, lifted)


def lifted_rows(base: Article, rows: list[Row]) -> list[Row]:
    """The rows in which the version carries wire body paragraphs whole (equal, edited or moved)."""
    return [
        row
        for row in rows
        if row.kind in (RowKind.EQUAL, RowKind.EDITED, RowKind.MOVED) and base.has_body(row.base)
    ]


def _content(text: str, profile) -> set[str]:
    return {w for w in match_words(text, profile) if w not in STOP_WORDS and (len(w) > 2 or w.isdigit())}


@lru_cache(maxsize=8)
def _wire_postings(base: Article, profile) -> dict[str, list[int]]:
    """The wire's body paragraphs by content word (the same wire is asked about by every version)."""
    postings: dict[str, list[int]] = {}
    for paragraph in base.paragraphs:
        if paragraph.kind is ParagraphKind.BODY:
            for word in _content(paragraph.text, profile):
                postings.setdefault(word, []).append(paragraph.index)
    return postings


def _retold(base: Article, paragraphs: list, profile) -> int:
    """How many of ``paragraphs`` retell one wire body paragraph in other words: most of their content
    words are that paragraph's ("Chairman Graham Pellow said it was the hardest decision he'd had to
    make"). A rewrite of the wire sentence by sentence is not the outlet's own story; its own reporting
    and analysis share a name or two with the wire, not most of their words. An inverted index keeps
    this linear: words found in many wire paragraphs are not looked up."""
    if not paragraphs:
        return 0
    postings = _wire_postings(base, profile)
    retold = 0
    for paragraph in paragraphs:
        words = _content(paragraph.text, profile)
        if len(words) < RETOLD_MIN_WORDS:
            continue
        counts: dict[int, int] = {}
        for word in words:
            found = postings.get(word, ())
            if len(found) <= _COMMON_WORD:
                for index in found:
                    counts[index] = counts.get(index, 0) + 1
        if counts and max(counts.values()) >= RETOLD_SHARE * len(words):
            retold += 1
    return retold


def relation_of(base: Article, other: Article, rows: list[Row], share: Reuse) -> Relation:
    own_share = share.own_paragraphs / share.body_paragraphs if share.body_paragraphs else 1.0
    if share.kept < INDEPENDENT_KEPT and own_share >= INDEPENDENT_OWN_BODY:
        return Relation.INDEPENDENT
    lede = next((p.index for p in base.paragraphs if p.kind is ParagraphKind.BODY), None)
    lede_row = next((row for row in rows if lede in row.base and row.other), None)
    # A reprint keeps the wire's lede: one that carries wire paragraphs whole but not the wire's lede, or
    # a lede reworded while still the wire's, is a copy of another version of the story. A retelling of
    # every sentence in other words lifts no paragraph whole: a copy, however its lede reads.
    rewritten_lede = (
        lede_row.similarity < REWRITTEN_LEDE if lede_row is not None else _opens_with_its_own(other, rows)
    )
    if lede is not None and rewritten_lede and share.lifted_paragraphs >= LIFTED_PARAGRAPHS:
        return Relation.WRITE_THROUGH
    return Relation.COPY


def _opens_with_its_own(other: Article, rows: list[Row]) -> bool:
    """Whether the version's first body paragraph is none of the wire's: a new lede, not a cut one."""
    aligned = {i for row in rows if row.base for i in row.other}
    first = next((p.index for p in other.paragraphs if p.kind is ParagraphKind.BODY), None)
    return first is not None and first not in aligned


def lifts_substantially(share: Reuse) -> bool:
    return share.kept >= LIFTED_SHARE or share.lifted_paragraphs >= LIFTED_PARAGRAPHS
