"""What a version is to the wire: a copy, a copy of another write-through, or an independent story.

Decided from the alignment alone, before any finding, because the findings follow it: an independent
story (its own byline and structure, lifting some passages) is not judged as a reprint, and in a copy of
another write-through the agency itself may have reworded a quote.

- independent: less than half of the wire is kept, and most of the version's own body is not the wire's
  (a rewrite sharing a few quotes, an aggregator page, a story lifting several paragraphs);
- write-through: a copy whose lede is rewritten while still recognisably the wire's (the agency updates
  the lede first when a story develops);
- copy: every other version (trimmed, restyled, re-edited).
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.model import Article, ParagraphKind, Relation, Row, RowKind

INDEPENDENT_KEPT = 0.5  # below this share of the wire's words kept ...
INDEPENDENT_OWN_BODY = 0.4  # ... and this share of the version's body paragraphs or more its own
REWRITTEN_LEDE = 0.9  # a rewritten lede row is less similar (copies: 0.96 and up; write-throughs: 0.43-0.88)
# An independent story lifting this share of the wire, or this many paragraphs, owes the agency a credit.
LIFTED_SHARE = 0.25
LIFTED_PARAGRAPHS = 3


@dataclass(frozen=True)
class Reuse:
    """How much of the wire's body a version carries."""

    kept: float  # share of the wire's body words kept (noise counts as kept)
    body_paragraphs: int  # the version's body paragraphs
    own_paragraphs: int  # of those, not aligned with any wire paragraph
    lifted_paragraphs: int  # wire body paragraphs the version carries whole (equal or edited rows)


def reuse(base: Article, other: Article, rows: list[Row], kept: float) -> Reuse:
    aligned_other = {i for row in rows if row.base and row.kind is not RowKind.PARTIAL for i in row.other}
    body = [p.index for p in other.paragraphs if not p.kind.is_metadata]
    own = sum(1 for i in body if i not in aligned_other)
    lifted = sum(
        len(row.base) for row in rows
        if row.kind in (RowKind.EQUAL, RowKind.EDITED, RowKind.MOVED) and base.has_body(row.base)
    )
    return Reuse(kept, len(body), own, lifted)


def relation_of(base: Article, rows: list[Row], share: Reuse) -> Relation:
    own_share = share.own_paragraphs / share.body_paragraphs if share.body_paragraphs else 1.0
    if share.kept < INDEPENDENT_KEPT and own_share >= INDEPENDENT_OWN_BODY:
        return Relation.INDEPENDENT
    lede = next((p.index for p in base.paragraphs if p.kind is ParagraphKind.BODY), None)
    lede_row = next((row for row in rows if lede in row.base and row.other), None)
    if lede_row is not None and lede_row.similarity < REWRITTEN_LEDE:
        return Relation.WRITE_THROUGH
    return Relation.COPY


def lifts_substantially(share: Reuse) -> bool:
    return share.kept >= LIFTED_SHARE or share.lifted_paragraphs >= LIFTED_PARAGRAPHS
