"""The change map: a narrow column beside the panes showing where in the story each version changed.

One column per version, one line per stretch of the story (a heat map when the story is longer than the
screen). Every mark has its own glyph as well as its own colour, so the map still reads with ``NO_COLOR``.
Clicking a line asks the app to jump there (``ChangeMap.Jump``); a line keeps the strongest mark of its
stretch. Only data the core computed is used: row kinds, word-change categories and findings.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from reader.model import Comparison, Row, RowKind


class Mark(IntEnum):
    """What happened at one place of the story in one version; a higher value wins when lines merge."""

    NONE = 0
    EQUAL = 1
    NOISE = 2
    EDITED = 3
    RESTRUCTURED = 4
    MOVED = 5
    INSERTED = 6
    DELETED = 7
    FACT = 8
    FINDING = 9


GLYPHS = {
    Mark.NONE: " ",
    Mark.EQUAL: "·",
    Mark.NOISE: ":",
    Mark.EDITED: "▒",
    Mark.RESTRUCTURED: "≈",
    Mark.MOVED: "↕",
    Mark.INSERTED: "+",
    Mark.DELETED: "-",
    Mark.FACT: "▓",
    Mark.FINDING: "!",
}

MEANINGS = {
    Mark.EQUAL: "unchanged",
    Mark.NOISE: "typography, spelling or style only",
    Mark.EDITED: "words changed",
    Mark.RESTRUCTURED: "split, merged or partly reused",
    Mark.MOVED: "moved",
    Mark.INSERTED: "added by the version",
    Mark.DELETED: "cut from the wire",
    Mark.FACT: "a number, date, name or negation changed",
    Mark.FINDING: "a finding: quote, attribution, byline or credit (minor or major)",
}

LEGEND = "\n".join(f"{GLYPHS[mark]}  {text}" for mark, text in MEANINGS.items())


def row_mark(row: Row) -> Mark:
    """The mark of one aligned row, from its kind and its categorised word changes."""
    if row.kind is RowKind.INSERTED:
        return Mark.INSERTED
    if row.kind is RowKind.DELETED:
        return Mark.DELETED
    changes = row.changes
    if any(s.fact for s in changes):
        return Mark.FACT
    if row.kind is RowKind.MOVED:
        return Mark.MOVED
    if row.kind in (RowKind.SPLIT, RowKind.MERGED, RowKind.PARTIAL):
        return Mark.RESTRUCTURED
    if any(s.category is not None and not s.category.is_noise for s in changes):
        return Mark.EDITED
    if changes:
        return Mark.NOISE
    return Mark.EQUAL


def marks_from_grid(grid, comparison: Comparison) -> list[list[Mark]]:
    """One column per version, one entry per row of the reader's display grid (``reader.view.grid.Grid``).

    The map then lines up with what the panes show: a click on a line lands on that very row.
    """
    from reader.view.grid import CellKind

    rows = len(grid.rows)
    columns = []
    for version_index, version in enumerate(comparison.versions):
        column_index = version_index + 1
        column = [Mark.NONE] * rows
        for r, grid_row in enumerate(grid.rows):
            cell = grid_row.cells[column_index]
            if cell.kind is CellKind.GAP:
                column[r] = Mark.DELETED
            elif cell.kind is CellKind.GHOST:
                column[r] = Mark.MOVED
            elif cell.kind is CellKind.TEXT:
                mark = max((row_mark(row) for row in cell.rows), default=Mark.EQUAL)
                if cell.moved:
                    mark = max(mark, Mark.MOVED)
                column[r] = mark
        for finding in version.flagged:
            r = grid.finding_row(column_index, version, finding)
            if r is not None:
                column[r] = Mark.FINDING
        columns.append(column)
    return columns


@dataclass(frozen=True)
class MapLine:
    start: int  # first story position the line covers
    end: int  # one past the last


def line_ranges(positions: int, lines: int) -> list[MapLine]:
    """Spread ``positions`` over ``lines`` screen lines; each line covers at least one position."""
    if positions <= 0 or lines <= 0:
        return []
    if positions <= lines:
        return [MapLine(i, i + 1) for i in range(positions)]
    return [
        MapLine(y * positions // lines, max((y + 1) * positions // lines, y * positions // lines + 1))
        for y in range(lines)
    ]


class ChangeMap(Widget, can_focus=False):
    """Heat map of changes per version over the length of the story."""

    DEFAULT_CSS = """
    ChangeMap {
        width: auto;
        height: 1fr;
        background: $surface;
    }
    ChangeMap > .changemap--header { color: $text-muted; text-style: bold; }
    ChangeMap > .changemap--header-current { color: $primary; text-style: bold underline; }
    ChangeMap > .changemap--viewport { background: $primary 30%; }
    ChangeMap > .changemap--gutter { color: $primary; text-style: bold; }
    ChangeMap > .changemap--equal { color: $text-muted; }
    ChangeMap > .changemap--noise { color: $reader-noise; }
    ChangeMap > .changemap--edited { color: $reader-move; }
    ChangeMap > .changemap--restructured { color: $reader-move; }
    ChangeMap > .changemap--moved { color: $reader-move; text-style: bold; }
    ChangeMap > .changemap--inserted { color: $reader-insert; text-style: bold; }
    ChangeMap > .changemap--deleted { color: $reader-delete; text-style: bold; }
    ChangeMap > .changemap--fact { color: $reader-fact; text-style: bold; }
    ChangeMap > .changemap--finding { color: $reader-attribution; text-style: bold; }
    """

    COMPONENT_CLASSES = {
        "changemap--header",
        "changemap--header-current",
        "changemap--viewport",
        "changemap--gutter",
        *(f"changemap--{mark.name.lower()}" for mark in Mark if mark is not Mark.NONE),
    }

    # The stretch of the story the reader currently shows, as story positions [start, end).
    window: reactive[tuple[int, int]] = reactive((0, 0))
    # Story position of the reader's cursor, and the focused version (index into the columns).
    cursor: reactive[int] = reactive(-1)
    current_version: reactive[int] = reactive(-1)

    class Jump(Message):
        """The user clicked the map: show ``position`` of the story (and focus ``version`` if not None)."""

        def __init__(self, position: int, version: int | None) -> None:
            super().__init__()
            self.position = position
            self.version = version

    def __init__(
        self,
        columns: list[list[Mark]],
        labels: list[str] | None = None,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.columns = columns
        self.labels = labels or [str(i + 1) for i in range(len(columns))]
        self.tooltip = "Change map (click to jump)\n" + LEGEND
        # Per screen line, its stretch and the mark of each version; kept until the columns or height change
        self._map: tuple[int, list[tuple[MapLine, list[Mark]]]] = (-1, [])
        self._styles: dict[str, Style] = {}

    @property
    def positions(self) -> int:
        return max((len(c) for c in self.columns), default=0)

    def set_columns(self, columns: list[list[Mark]], labels: list[str] | None = None) -> None:
        self.columns = columns
        self.labels = labels or [str(i + 1) for i in range(len(columns))]
        self._map = (-1, [])
        self.refresh(layout=True)

    def get_content_width(self, container, viewport) -> int:
        return 2 + max(1, len(self.columns))  # gutter, one column per version, one blank column

    def _lines(self) -> list[MapLine]:
        return line_ranges(self.positions, max(0, self.size.height - 1))

    def _marked_lines(self) -> list[tuple[MapLine, list[Mark]]]:
        height = self.size.height
        if self._map[0] != height:
            lines = self._lines()
            self._map = (
                height,
                [(line, [self.mark_at(line, c) for c in range(len(self.columns))]) for line in lines],
            )
        return self._map[1]

    def mark_at(self, line: MapLine, column: int) -> Mark:
        cells = self.columns[column][line.start : line.end]
        return max(cells, default=Mark.NONE)

    def watch_window(self) -> None:
        self.refresh()

    def watch_cursor(self) -> None:
        self.refresh()

    def watch_current_version(self) -> None:
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self.refresh()

    def _style(self, part: str) -> Style:
        style = self._styles.get(part)
        if style is None:
            style = self._styles[part] = self._component_style(part)
        return style

    def _component_style(self, part: str) -> Style:
        # Blended against the background (so "$text-muted" is a real grey), but without a background of
        # its own: the viewport highlight must show through every mark.
        if part == "":
            return self.rich_style
        full = self.get_component_rich_style(f"changemap--{part}")
        if part == "viewport":
            return Style(bgcolor=full.bgcolor)
        return Style(
            color=full.color,
            bold=full.bold,
            reverse=full.reverse,
            underline=full.underline,
            italic=full.italic,
        )

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self._style("")
        if y == 0:
            segments = [Segment(" ", base)]
            for index, label in enumerate(self.labels):
                part = "header-current" if index == self.current_version else "header"
                segments.append(Segment(label[-1:] or " ", base + self._style(part)))
            return Strip(segments).adjust_cell_length(width, base)
        lines = self._marked_lines()
        if y - 1 >= len(lines):
            return Strip.blank(width, base)
        line, marks = lines[y - 1]
        start, end = self.window
        in_window = line.start < end and line.end > start
        style = base + self._style("viewport") if in_window else base
        if line.start <= self.cursor < line.end:
            gutter = "▶"
        elif in_window:
            gutter = "│"
        else:
            gutter = " "
        segments = [Segment(gutter, style + self._style("gutter"))]
        for mark in marks:
            mark_style = style if mark is Mark.NONE else style + self._style(mark.name.lower())
            segments.append(Segment(GLYPHS[mark], mark_style))
        return Strip(segments).adjust_cell_length(width, base)

    def position_at(self, x: int, y: int) -> tuple[int, int | None] | None:
        """The story position (and version column) under a click at widget coordinates (x, y)."""
        column = x - 1 if 1 <= x <= len(self.columns) else None
        if y == 0:
            return (max(self.cursor, 0), column) if column is not None else None
        lines = self._lines()
        if not 1 <= y <= len(lines):
            return None
        line = lines[y - 1]
        position = line.start
        if column is not None:
            # Jump to the strongest mark of the stretch, not merely its first paragraph.
            cells = self.columns[column][line.start : line.end]
            if cells:
                position = line.start + max(range(len(cells)), key=lambda i: (cells[i], -i))
        return position, column

    def on_click(self, event: events.Click) -> None:
        target = self.position_at(event.x, event.y)
        if target is not None:
            event.stop()
            self.post_message(self.Jump(*target))
