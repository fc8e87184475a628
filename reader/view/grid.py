"""The display grid: every article's paragraphs in rows aligned on the base (wire) spine.

Column 0 is the base; column ``v + 1`` is ``comparison.versions[v]``. Each grid row holds one cell per
column. A base paragraph sits beside its counterpart in every version; a paragraph a version cut is a
``GAP`` cell in that column; a paragraph a version added gets a row of its own (``BLANK`` cells elsewhere).
A moved paragraph is shown beside its base counterpart (``moved=True``, so its diff is visible) and leaves a
``GHOST`` cell at its real reading position in the version; ``counterpart`` links the two. Every paragraph
of every article is the content of exactly one ``TEXT`` cell, and each column's ``TEXT`` and ``GHOST``
cells, read top to bottom, follow that article's reading order.

Pure core: no Textual, no Rich. Numbers in labels are 1-based, as a person counts paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from reader.model import (
    Article,
    Category,
    Comparison,
    Finding,
    Op,
    Paragraph,
    ParagraphKind,
    Row,
    RowKind,
    StrEnum,
    TextSpan,
    VersionComparison,
)
from reader.text.sequences import longest_increasing

_BODY = (ParagraphKind.BODY, ParagraphKind.SUBHEAD)
# A partial row without explicit shared spans: equal runs of at least this many words count as shared.
_SHARED_MIN_WORDS = 5


class CellKind(StrEnum):
    TEXT = "text"  # real paragraphs of this column's article
    GAP = "gap"  # base paragraphs this version cut
    BLANK = "blank"  # a row that belongs to other columns (their additions or reading positions)
    GHOST = "ghost"  # where a paragraph shown elsewhere (moved) really sits in this version


@dataclass(frozen=True)
class Cell:
    kind: CellKind
    paragraphs: tuple[int, ...] = ()  # TEXT: paragraphs shown; GHOST: the paragraphs it stands for
    rows: tuple[Row, ...] = ()  # version columns: the alignment rows this cell shows
    label: str = ""  # a short marker line shown above the text ("moved: ¶17 in this version")
    moved: bool = False  # TEXT shown beside its base counterpart though it sits elsewhere in the version
    counterpart: int | None = None  # grid row of the ghost (for moved cells) or of the real cell (ghosts)
    changed: bool = False  # anything differs from the base here (noise included)
    # a substantive word change, a body paragraph cut, added or moved, or what a minor or major finding is about
    substantive: bool = False
    metadata: bool = False  # all its paragraphs are metadata (headline, byline, caption...)


@dataclass(frozen=True)
class GridRow:
    cells: tuple[Cell, ...]
    base: tuple[int, ...] = ()  # base paragraphs of this row; () for rows of version paragraphs only

    def changed_in(self, columns) -> bool:
        return any(self.cells[c].changed for c in columns)

    def substantive_in(self, columns) -> bool:
        return any(self.cells[c].substantive for c in columns)


@dataclass(frozen=True)
class Grid:
    rows: tuple[GridRow, ...]
    articles: tuple[Article, ...]  # column order: base first
    # (column, paragraph index) -> grid row of the TEXT cell showing that paragraph
    position: dict[tuple[int, int], int] = field(default_factory=dict)
    # (column, position in the version's rows) -> grid row of the TEXT cell showing that alignment row
    row_shown: dict[tuple[int, int], int] = field(default_factory=dict)

    @property
    def columns(self) -> int:
        return len(self.articles)

    def row_of(self, column: int, paragraph: int) -> int | None:
        return self.position.get((column, paragraph))

    def finding_row(self, column: int, version: VersionComparison, finding: Finding) -> int | None:
        """The grid row of the alignment row the finding belongs to (``VersionComparison.row_of``, the one
        rule the reports use too); a cut row is where its wire paragraph's gap stands."""
        position = version.row_of(finding)
        if position is None:
            return None
        shown = self.row_shown.get((column, position))
        if shown is None and version.rows[position].base:
            shown = self.row_of(0, version.rows[position].base[0])
        return shown


# ---------------------------------------------------------------------------------------------- building


def _is_body(article: Article, indices) -> bool:
    return any(article.paragraphs[i].kind in _BODY for i in indices)


def _all_metadata(article: Article, indices) -> bool:
    return bool(indices) and all(article.paragraphs[i].kind.is_metadata for i in indices)


def _numbers(indices) -> str:
    return "+".join(f"¶{i + 1}" for i in indices)


def _base_blocks(comparison: Comparison) -> list[tuple[int, ...]]:
    """Base paragraphs grouped so that no row of any version straddles two groups (merges join them)."""
    n = len(comparison.base.paragraphs)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for version in comparison.versions:
        for row in version.rows:
            if len(row.base) > 1 and row.other:
                lo, hi = min(row.base), max(row.base)
                for i in range(lo, hi):
                    parent[find(i + 1)] = find(lo)
    blocks: dict[int, list[int]] = {}
    for i in range(n):
        blocks.setdefault(find(i), []).append(i)
    return sorted((tuple(b) for b in blocks.values()), key=lambda b: b[0])


def _row_changed(row: Row) -> tuple[bool, bool]:
    """(changed, substantive) for a row with both sides."""
    if row.kind is RowKind.PARTIAL:
        return True, True
    changes = row.changes
    substantive = any(s.category is Category.SUBSTANTIVE for s in changes)
    structural = row.kind in (RowKind.MOVED, RowKind.SPLIT, RowKind.MERGED)
    return bool(changes) or structural or row.kind is not RowKind.EQUAL, substantive or (
        row.kind is RowKind.MOVED and bool(changes)
    )


def _pair_label(row: Row, other: Article) -> str:
    if row.kind is RowKind.SPLIT:
        return f"split: wire {_numbers(row.base)} became {len(row.other)} paragraphs"
    if row.kind is RowKind.MERGED:
        return f"merged: wire {_numbers(row.base)} in one paragraph"
    if row.kind is RowKind.PARTIAL:
        return f"partial: shares a passage with wire {_numbers(row.base)}"
    return ""


def _kind_label(article: Article, indices) -> str:
    kinds = []
    for i in indices:
        kind = article.paragraphs[i].kind
        if kind is not ParagraphKind.BODY and kind.value not in kinds:
            kinds.append(kind.value)
    return " · ".join(kinds)


def _join_labels(*labels: str) -> str:
    return " · ".join(label for label in labels if label)


@dataclass
class _VersionPlan:
    """Where each paragraph of one version goes: beside a base block, or into an insertion slot."""

    at_block: dict[int, list[Row]] = field(default_factory=dict)  # block index -> rows shown there
    displaced: set[int] = field(default_factory=set)  # id() of rows shown beside base but living elsewhere
    # (anchor block index, paragraph-or-ghost entries in reading order); anchor -1 = before the first block
    slots: dict[int, list[tuple[str, Row]]] = field(default_factory=dict)


def _plan_version(rows: tuple[Row, ...], block_of: dict[int, int]) -> _VersionPlan:
    plan = _VersionPlan()
    paired = [r for r in rows if r.base and r.other]
    paired.sort(key=lambda r: (block_of[min(r.base)], min(r.base), min(r.other)))
    in_order = longest_increasing([min(r.other) for r in paired])
    for pos, row in enumerate(paired):
        plan.at_block.setdefault(block_of[min(row.base)], []).append(row)
        if row.kind is RowKind.MOVED or pos not in in_order:
            plan.displaced.add(id(row))

    # Walk the version in reading order. Paragraphs between two in-place rows go to the slot just before
    # the next in-place block, after the base paragraphs the version cut there (cuts first, then additions,
    # as a diff reads), so a version's own opening does not push the wire's first paragraphs down.
    by_first_other: dict[int, Row] = {}
    for row in rows:
        if row.other and min(row.other) not in by_first_other:
            by_first_other[min(row.other)] = row
    anchor = -1
    pending: list[tuple[str, Row]] = []
    seen: set[int] = set()

    def flush(slot: int) -> None:
        if pending:
            plan.slots.setdefault(slot, []).extend(pending)
            pending.clear()

    for j in sorted(by_first_other):
        row = by_first_other[j]
        if id(row) in seen:
            continue
        seen.add(id(row))
        if row.base and id(row) not in plan.displaced:
            flush(max(anchor, block_of[min(row.base)] - 1))
            anchor = max(anchor, block_of[max(row.base)])
        else:
            pending.append(("ghost" if row.base else "text", row))
    flush(max(anchor, max(block_of.values(), default=-1)))
    return plan


def build_grid(comparison: Comparison) -> Grid:
    base = comparison.base
    articles = (base, *(v.article for v in comparison.versions))
    blocks = _base_blocks(comparison)
    block_of = {i: b for b, block in enumerate(blocks) for i in block}
    plans = [_plan_version(v.rows, block_of) for v in comparison.versions]
    columns = len(articles)

    # Slot rows after each anchor: as many as the version with the most entries there needs.
    slot_sizes: dict[int, int] = {}
    for plan in plans:
        for anchor, entries in plan.slots.items():
            slot_sizes[anchor] = max(slot_sizes.get(anchor, 0), len(entries))

    # Grid row numbers: slot(-1) rows, block 0, slot(0) rows, block 1, ...
    block_row: dict[int, int] = {}
    slot_row: dict[int, int] = {}
    count = 0
    for b in range(-1, len(blocks)):
        if b >= 0:
            block_row[b] = count
            count += 1
        slot_row[b] = count
        count += slot_sizes.get(b, 0)

    cells: list[list[Cell | None]] = [[None] * columns for _ in range(count)]
    row_base: list[tuple[int, ...]] = [()] * count
    for b, block in enumerate(blocks):
        r = block_row[b]
        row_base[r] = block
        cells[r][0] = Cell(
            CellKind.TEXT, block, label=_kind_label(base, block), metadata=_all_metadata(base, block)
        )

    # Moved rows: grid rows of the real cell and of the ghost, to link them.
    real_at: dict[int, int] = {}
    ghost_at: dict[int, int] = {}
    for plan in plans:
        for anchor, entries in plan.slots.items():
            for k, (what, row) in enumerate(entries):
                if what == "ghost":
                    ghost_at[id(row)] = slot_row[anchor] + k
        for b, shown in plan.at_block.items():
            for row in shown:
                real_at[id(row)] = block_row[b]

    for v, (version, plan) in enumerate(zip(comparison.versions, plans)):
        if version.pending:
            continue  # blank until compared
        other = version.article
        c = v + 1
        # "n/N: substantive only" must stop where a finding is (a cut trailer credit is no body paragraph).
        flagged_base = {i for f in version.flagged for i in f.base}
        flagged_other = {j for f in version.flagged for j in f.other}
        for b, block in enumerate(blocks):
            shown = plan.at_block.get(b, [])
            r = block_row[b]
            if not shown:
                cut = _is_body(base, block) or bool(flagged_base.intersection(block))
                cells[r][c] = Cell(CellKind.GAP, changed=True, substantive=cut, label="cut in this version")
                continue
            paragraphs = tuple(j for row in shown for j in row.other)
            labels, changed, substantive, moved, counterpart = [], False, False, False, None
            for row in shown:
                row_changed, row_substantive = _row_changed(row)
                changed |= row_changed
                substantive |= row_substantive
                if id(row) in plan.displaced:
                    moved = True
                    counterpart = ghost_at.get(id(row))
                    changed = True
                    substantive |= _is_body(other, row.other)
                    if row.kind is RowKind.PARTIAL:
                        labels.append(
                            f"{_numbers(row.other)} of this version shares a passage with this wire paragraph"
                        )
                        continue
                    labels.append(f"moved: {_numbers(row.other)} in this version")
                labels.append(_pair_label(row, other))
            if any(i not in {i for row in shown for i in row.base} for i in block):
                changed = True
            substantive |= bool(flagged_base.intersection(block) or flagged_other.intersection(paragraphs))
            cells[r][c] = Cell(
                CellKind.TEXT,
                paragraphs,
                tuple(shown),
                label=_join_labels(_kind_label(other, paragraphs), *labels),
                moved=moved,
                counterpart=counterpart,
                changed=changed,
                substantive=substantive,
                metadata=_all_metadata(other, paragraphs),
            )
        for anchor, entries in plan.slots.items():
            for k, (what, row) in enumerate(entries):
                r = slot_row[anchor] + k
                if what == "ghost":
                    shown_at = real_at[id(row)]
                    verb = "shares a passage" if row.kind is RowKind.PARTIAL else "moved"
                    label = f"{_numbers(row.other)} {verb}: shown at wire {_numbers(row.base)}"
                    cells[r][c] = Cell(CellKind.GHOST, row.other, (row,), label=label, counterpart=shown_at)
                else:
                    added_body = _is_body(other, row.other) or bool(flagged_other.intersection(row.other))
                    cells[r][c] = Cell(
                        CellKind.TEXT,
                        row.other,
                        (row,),
                        label=_join_labels(_kind_label(other, row.other), "added in this version"),
                        changed=True,
                        substantive=added_body,
                        metadata=_all_metadata(other, row.other),
                    )

    grid_rows = []
    position: dict[tuple[int, int], int] = {}
    row_shown: dict[tuple[int, int], int] = {}
    # Each version's alignment rows by identity, only here, to record where the grid shows them.
    row_positions = [{id(row): n for n, row in enumerate(version.rows)} for version in comparison.versions]
    for r in range(count):
        row_cells = tuple(cell if cell is not None else Cell(CellKind.BLANK) for cell in cells[r])
        for c, cell in enumerate(row_cells):
            if cell.kind is CellKind.TEXT:
                for p in cell.paragraphs:
                    position.setdefault((c, p), r)
                for row in cell.rows if c else ():
                    row_shown.setdefault((c, row_positions[c - 1][id(row)]), r)
        grid_rows.append(GridRow(row_cells, row_base[r]))
    return Grid(tuple(grid_rows), articles, position, row_shown)


def same_place(old: Grid, new: Grid, row: int) -> int:
    """The row of ``new`` showing what row ``row`` of ``old`` showed (its first paragraph, base first)."""
    for column, cell in enumerate(old.rows[row].cells):
        if cell.kind is CellKind.TEXT and cell.paragraphs:
            found = new.row_of(column, cell.paragraphs[0])
            if found is not None:
                return found
    return min(row, len(new.rows) - 1)


# ------------------------------------------------------------------------------------------ cell texts


@dataclass(frozen=True)
class Mark:
    """A styled stretch of a paragraph: ``kind`` is insert/delete/replace/shared/cut/added."""

    start: int
    end: int
    kind: str
    category: Category | None = None
    fact: bool = False


@dataclass(frozen=True)
class StyledParagraph:
    paragraph: int | None  # index in the column's article (None for unified text spanning both sides)
    text: str
    marks: tuple[Mark, ...] = ()
    kind: ParagraphKind = ParagraphKind.BODY
    wire: bool = False  # in the unified view, a paragraph of the wire (numbered as the wire's)


def _split_marks(paragraphs: list[Paragraph], marks: list[Mark]) -> list[StyledParagraph]:
    """Cut marks on a row's joined text ("\\n".join of paragraph texts) into per-paragraph marks."""
    result = []
    offset = 0
    for p in paragraphs:
        end = offset + len(p.text)
        own = []
        for m in marks:
            s, e = max(m.start, offset), min(m.end, end)
            if s < e:
                own.append(Mark(s - offset, e - offset, m.kind, m.category, m.fact))
        result.append(StyledParagraph(p.index, p.text, tuple(own), p.kind))
        offset = end + 1
    return result


def _shared_marks(row: Row, side: str) -> list[Mark]:
    if row.shared_spans:
        pick = (0, 1) if side == "base" else (2, 3)
        return [Mark(span[pick[0]], span[pick[1]], "shared") for span in row.shared_spans]
    marks = []
    pos = 0
    for seg in row.segments:
        text = seg.base_text if side == "base" else seg.other_text
        if not seg.is_change and len(re.findall(r"\w+", text)) >= _SHARED_MIN_WORDS:
            marks.append(Mark(pos, pos + len(text), "shared"))
        pos += len(text)
    return marks


def _row_marks(row: Row, side: str) -> list[Mark]:
    if row.kind is RowKind.PARTIAL:
        return _shared_marks(row, side)
    marks = []
    pos = 0
    for seg in row.segments:
        text = seg.base_text if side == "base" else seg.other_text
        if seg.is_change and text:
            kind = seg.op.value if seg.op is not Op.REPLACE else "replace"
            marks.append(Mark(pos, pos + len(text), kind, seg.category, seg.fact))
        pos += len(text)
    return marks


def version_paragraphs(cell: Cell, article: Article) -> list[StyledParagraph]:
    """The version side of a TEXT cell, its changes against the base marked."""
    result = []
    for row in cell.rows:
        paragraphs = [article.paragraphs[j] for j in row.other]
        if not row.base:
            marks = [Mark(0, len(article.texts(row.other)), "added")]
        else:
            marks = _row_marks(row, "other")
        result += _split_marks(paragraphs, marks)
    if not cell.rows:
        result = [
            StyledParagraph(j, article.paragraphs[j].text, (), article.paragraphs[j].kind)
            for j in cell.paragraphs
        ]
    return result


def base_paragraphs(cell: Cell, base: Article, version_cell: Cell | None) -> list[StyledParagraph]:
    """The base side of a row, marked against one version's cell in the same row (deletions, cuts)."""
    marks_by_paragraph: dict[int, list[Mark]] = {}
    if version_cell is not None and version_cell.kind is CellKind.TEXT:
        for row in version_cell.rows:
            if not row.base:
                continue
            for styled in _split_marks([base.paragraphs[i] for i in row.base], _row_marks(row, "base")):
                marks_by_paragraph.setdefault(styled.paragraph, []).extend(styled.marks)
    cut_all = version_cell is not None and version_cell.kind is CellKind.GAP
    covered = {i for row in version_cell.rows for i in row.base} if version_cell is not None else set()
    result = []
    for i in cell.paragraphs:
        p = base.paragraphs[i]
        if cut_all or (version_cell is not None and version_cell.kind is CellKind.TEXT and i not in covered):
            marks = [Mark(0, len(p.text), "cut")]
        else:
            marks = marks_by_paragraph.get(i, [])
        result.append(StyledParagraph(i, p.text, tuple(marks), p.kind))
    return result


def finding_mark_kind(finding: Finding) -> str:
    """Quotes are highlighted in the quote style; attribution, bylines and credits in the attribution style."""
    return "finding-quote" if finding.kind.value.startswith("quote") else "finding"


def _span_marks(spans: tuple[TextSpan, ...], paragraphs: list[Paragraph], kind: str) -> list[Mark]:
    """``spans`` (offsets inside single paragraphs) as marks on the joined text of ``paragraphs``."""
    marks = []
    offset = 0
    for p in paragraphs:
        marks += [Mark(offset + s.start, offset + s.end, kind) for s in spans if s.paragraph == p.index]
        offset += len(p.text) + 1
    return marks


def unified_paragraphs(
    base_cell: Cell,
    version_cell: Cell,
    base: Article,
    other: Article,
    collapse: frozenset = frozenset(),
    finding: Finding | None = None,
) -> list[StyledParagraph]:
    """One text for a row of the pair base/version: deleted words and insertions inline.

    Replacements in a ``collapse`` category (noise the reader dims or hides) show only the version's text,
    so ``per cent`` -> ``percent`` reads ``percent`` instead of ``per centpercent``. A ``finding`` of this
    version is highlighted wherever its quote or attribution shows, on either side."""
    highlight = finding_mark_kind(finding) if finding is not None else ""
    base_spans = finding.base_spans if finding is not None else ()
    other_spans = finding.other_spans if finding is not None else ()

    def one_side(indices, article: Article, marks: list[Mark], spans) -> list[StyledParagraph]:
        paragraphs = [article.paragraphs[i] for i in indices]
        return _split_marks(paragraphs, marks + _span_marks(spans, paragraphs, highlight))

    if version_cell.kind is CellKind.GAP:
        return [
            replace(styled, wire=True)
            for i in base_cell.paragraphs
            for styled in one_side((i,), base, [Mark(0, len(base.paragraphs[i].text), "cut")], base_spans)
        ]
    if version_cell.kind is not CellKind.TEXT:
        return []
    result: list[StyledParagraph] = []
    for row in version_cell.rows:
        if not row.base or row.kind is RowKind.PARTIAL or not row.segments:
            own = (
                [Mark(0, len(other.texts(row.other)), "added")] if not row.base else _row_marks(row, "other")
            )
            result += one_side(row.other, other, own, other_spans)
            continue
        text_parts: list[str] = []
        marks: list[Mark] = []
        # (side, start, end in that side's joined text, start, end in the unified text)
        shown_from: list[tuple[str, int, int, int, int]] = []
        pos = base_pos = other_pos = 0
        for seg in row.segments:
            pieces = []  # (text, mark kind, side it shows, start of that side's text it stands for)
            if seg.op is Op.EQUAL or (seg.category in collapse and seg.other_text):
                pieces.append((seg.other_text, "insert" if seg.op is not Op.EQUAL else None, "other"))
                shown_from.append(
                    ("base", base_pos, base_pos + len(seg.base_text), pos, pos + len(seg.other_text))
                )
            else:
                if seg.base_text:
                    pieces.append((seg.base_text, "delete", "base"))
                if seg.other_text:
                    pieces.append((seg.other_text, "insert", "other"))
            for text, mark_kind, side in pieces:
                start = base_pos if side == "base" else other_pos
                shown_from.append((side, start, start + len(text), pos, pos + len(text)))
                if mark_kind:
                    marks.append(Mark(pos, pos + len(text), mark_kind, seg.category, seg.fact))
                text_parts.append(text)
                pos += len(text)
            base_pos += len(seg.base_text)
            other_pos += len(seg.other_text)
        for side, indices, article, spans in (
            ("base", row.base, base, base_spans),
            ("other", row.other, other, other_spans),
        ):
            for span in _span_marks(spans, [article.paragraphs[i] for i in indices], highlight):
                for from_side, a0, a1, u0, u1 in shown_from:
                    if from_side == side and max(span.start, a0) < min(span.end, a1):
                        length = u1 - u0
                        s0 = u0 + min(length, max(span.start, a0) - a0)
                        s1 = u0 + min(length, min(span.end, a1) - a0)
                        if s0 < s1:
                            marks.append(Mark(s0, s1, highlight))
        joined = "".join(text_parts)
        first = row.other[0] if row.other else None
        start = 0
        for k, line in enumerate(joined.split("\n")):
            end = start + len(line)
            own = tuple(
                Mark(max(m.start, start) - start, min(m.end, end) - start, m.kind, m.category, m.fact)
                for m in marks
                if max(m.start, start) < min(m.end, end)
            )
            kind = other.paragraphs[first].kind if first is not None else ParagraphKind.BODY
            result.append(StyledParagraph(first if k == 0 else None, line, own, kind))
            start = end + 1
    # Base paragraphs of this block that the version dropped although it kept others of the block.
    kept = {i for row in version_cell.rows for i in row.base}
    for i in base_cell.paragraphs:
        if i not in kept:
            result += one_side((i,), base, [Mark(0, len(base.paragraphs[i].text), "cut")], base_spans)
    return result
