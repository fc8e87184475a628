"""What the reader shows right now: visible columns, focus, modes, and the row layout shared by all panes.

Pure data plus the cell-height arithmetic; widgets read it, the app changes it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from itertools import accumulate

from reader.model import Category, Comparison, Finding
from reader.ui.wrapping import line_count
from reader.view.grid import (
    CellKind,
    Grid,
    StyledParagraph,
    base_paragraphs,
    unified_paragraphs,
    version_paragraphs,
)

NOISE_MODES = ("show", "dim", "hide")
NOISE_CATEGORIES = tuple(c for c in Category if c.is_noise)
UNIFIED = -1  # column id of the unified pane
ROW_GAP = 1  # blank lines after each row, so neighbouring paragraphs do not run together


@dataclass
class RowLayout:
    heights: list[int]
    starts: list[int] = field(default_factory=list)
    total: int = 0

    def __post_init__(self) -> None:
        self.starts = [0, *accumulate(self.heights)][:-1] if self.heights else []
        self.total = sum(self.heights)

    def row_at(self, y: int) -> int | None:
        if y < 0 or y >= self.total:
            return None
        return bisect.bisect_right(self.starts, y) - 1


@dataclass
class ViewState:
    comparison: Comparison
    grid: Grid
    enabled: list[bool]  # per column; the base (0) is always enabled
    focused: int = 0  # focused column (0 = base)
    unified: bool = False
    fold: bool = False
    substantive_only: bool = False
    noise: dict[Category, str] = field(default_factory=lambda: {c: "dim" for c in NOISE_CATEGORIES})
    cursor: int = 0  # current grid row
    search: str = ""
    finding: tuple[int, Finding] | None = None  # (version column, finding) highlighted
    displayed: list[int] = field(default_factory=list)  # columns on screen, in order
    layout: RowLayout = field(default_factory=lambda: RowLayout([]))
    generation: int = 0  # bumped whenever what the panes draw changes
    fold_counts: dict[int, int] = field(default_factory=dict)  # first row of a folded run -> rows in it
    _heights: dict[tuple, int] = field(default_factory=dict, repr=False)  # natural heights already measured

    @property
    def partner(self) -> int:
        """The version the base pane is marked against and the unified view shows: the focused one."""
        if self.focused > 0:
            return self.focused
        versions = [c for c in self.displayed if c > 0] or [
            c for c in range(1, len(self.enabled)) if self.enabled[c]
        ]
        return versions[0] if versions else 1

    def columns_on_screen(self) -> list[int]:
        """The columns the panes show: the wire and the displayed versions, or the unified pair."""
        return [0, self.partner] if self.unified else list(self.displayed)

    def version_columns(self) -> list[int]:
        return [c for c in self.columns_on_screen() if c > 0]

    # ------------------------------------------------------------------------------- cell contents

    def paragraphs(self, column: int, row: int) -> list[StyledParagraph]:
        grid_row = self.grid.rows[row]
        if column == UNIFIED:
            v = self.partner
            collapse = frozenset(c for c, mode in self.noise.items() if mode != "show")
            finding = self.finding[1] if self.finding is not None and self.finding[0] == v else None
            return unified_paragraphs(
                grid_row.cells[0],
                grid_row.cells[v],
                self.grid.articles[0],
                self.grid.articles[v],
                collapse,
                finding,
            )
        cell = grid_row.cells[column]
        if cell.kind is not CellKind.TEXT:
            return []
        if column == 0:
            return base_paragraphs(cell, self.grid.articles[0], grid_row.cells[self.partner])
        return version_paragraphs(cell, self.grid.articles[column])

    def label(self, column: int, row: int) -> str:
        grid_row = self.grid.rows[row]
        if column == UNIFIED:
            version_cell = grid_row.cells[self.partner]
            if version_cell.kind is CellKind.GAP:
                return "cut in this version"
            if version_cell.kind is CellKind.BLANK:
                return ""
            return version_cell.label or grid_row.cells[0].label
        return grid_row.cells[column].label

    def natural_height(self, column: int, row: int, width: int) -> int:
        """Lines the cell needs at ``width`` text cells (0 when the column has nothing in this row)."""
        key = (column, row, width, tuple(self.noise.values()) if column == UNIFIED else None)
        height = self._heights.get(key)
        if height is None:
            height = self._heights[key] = self._natural_height(column, row, width)
        return height

    def _natural_height(self, column: int, row: int, width: int) -> int:
        grid_row = self.grid.rows[row]
        if column == UNIFIED:
            if (
                grid_row.cells[self.partner].kind is CellKind.BLANK
                and grid_row.cells[0].kind is CellKind.BLANK
            ):
                return 0
            if grid_row.cells[self.partner].kind is CellKind.BLANK:
                return 0
        else:
            kind = grid_row.cells[column].kind
            if kind is CellKind.BLANK:
                return 0
            if kind in (CellKind.GAP, CellKind.GHOST):
                return 1
        label = 1 if self.label(column, row) else 0
        if column == UNIFIED:
            texts = [p.text for p in self.paragraphs(column, row)]
        else:
            article = self.grid.articles[column]
            texts = [article.paragraphs[i].text for i in grid_row.cells[column].paragraphs]
        return label + sum(line_count(text, width) for text in texts)

    def row_changed(self, row: int) -> bool:
        grid_row = self.grid.rows[row]
        columns = self.version_columns()
        if self.substantive_only:
            return grid_row.substantive_in(columns)
        return grid_row.changed_in(columns)

    def compute_layout(self, widths: dict[int, int]) -> RowLayout:
        """Row heights: the tallest cell among the displayed panes (``widths``: column -> text width)."""
        heights = []
        self.fold_counts = {}
        fold_start = None
        columns = self.version_columns()
        for r in range(len(self.grid.rows)):
            height = max((self.natural_height(c, r, w) for c, w in widths.items()), default=0)
            if self.fold and height and not self.grid.rows[r].changed_in(columns):
                # A run of unchanged rows collapses to one line saying how many it holds.
                if fold_start is None:
                    fold_start = r
                    self.fold_counts[r] = 0
                    height = 1
                else:
                    height = 0
                self.fold_counts[fold_start] += 1
            elif height:
                fold_start = None
                height += ROW_GAP
            heights.append(height)
        self.layout = RowLayout(heights)
        return self.layout
