"""One article pane: a Line API ``ScrollView`` drawing its column of the grid, row heights shared by all panes.

Only the visible lines are drawn; each grid row's lines are cached until the view changes. All panes
have the same virtual height, so linking ``scroll_y`` keeps them exactly in step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.cache import LRUCache
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Static

from reader.model import Category, Paragraph, RowKind, Severity
from reader.report.evidence import kept_by_every_version
from reader.ui.view_state import UNIFIED, ViewState
from reader.ui.wrapping import shown, unit_start, wrap
from reader.view.grid import CellKind, Mark, StyledParagraph, finding_mark_kind

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp

_MIN_GUTTER = 4


def gutter_width(grid_rows_max: int) -> int:
    """Room for the largest paragraph number, its "w" in the unified view, its cue and a space."""
    return max(_MIN_GUTTER, len(str(grid_rows_max)) + 3)


def cell_symbol(state: ViewState, column: int, row: int) -> str:
    """A one-character, colour-free cue of what happened to the cell's paragraph."""
    grid_row = state.grid.rows[row]
    if column == UNIFIED:
        column = state.partner
    if column == 0:
        return " "
    cell = grid_row.cells[column]
    if cell.kind is CellKind.GAP:
        return "-"
    if cell.kind is CellKind.GHOST:
        return "↕"
    if cell.kind is CellKind.BLANK:
        return " "
    if cell.moved:
        return "↕"
    kinds = {row.kind for row in cell.rows}
    for kind, symbol in (
        (RowKind.INSERTED, "+"),
        (RowKind.SPLIT, "<"),
        (RowKind.MERGED, ">"),
        (RowKind.PARTIAL, "≈"),
    ):
        if kind in kinds:
            return symbol
    return "~" if cell.changed else " "


class PaneHeader(Static):
    """Name and scorecard of one article."""

    DEFAULT_CSS = """
    PaneHeader { height: 4; text-wrap: nowrap; text-overflow: ellipsis; padding: 0 1; }
    """


class ArticlePane(ScrollView, can_focus=True, inherit_bindings=False):
    """The text of one column (or the unified pair) of the grid."""

    COMPONENT_CLASSES = {
        "article-pane--gutter",
        "article-pane--gutter-current",
        "article-pane--gutter-focus",
        "article-pane--insert",
        "article-pane--delete",
        "article-pane--cut",
        "article-pane--added",
        "article-pane--fact",
        "article-pane--noise",
        "article-pane--shared",
        "article-pane--gap",
        "article-pane--gap-fill",
        "article-pane--blank",
        "article-pane--label",
        "article-pane--moved",
        "article-pane--metadata",
        "article-pane--finding",
        "article-pane--finding-quote",
        "article-pane--search",
        "article-pane--fold",
    }

    def __init__(self, column: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.column = column
        self._lines: LRUCache[tuple, list[Strip]] = LRUCache(4096)
        self._styles: dict[str, Style] = {}
        self._generation = -1

    @property
    def reader(self) -> ReaderApp:
        return self.app  # type: ignore[return-value]

    @property
    def state(self) -> ViewState | None:
        return getattr(self.app, "view", None)

    # ------------------------------------------------------------------------------ sizes, scrolling

    def text_width(self) -> int:
        """Cells available for text: the pane minus scrollbar and gutter."""
        state = self.state
        gutter = (
            gutter_width(max((len(a.paragraphs) for a in state.grid.articles), default=1)) if state else 4
        )
        return max(1, self.scrollable_content_region.width - gutter)

    def set_total_height(self, total: int) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, total)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self.reader.pane_scrolled(self, new_value)

    def on_resize(self) -> None:
        self.reader.schedule_layout()

    def on_focus(self) -> None:
        self.reader.pane_focused(self)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._lines.clear()

    def invalidate(self) -> None:
        self._lines.clear()
        self.refresh()

    # ----------------------------------------------------------------------------------- drawing

    def _base_style(self) -> Style:
        style = self._styles.get("")
        if style is None:
            style = self._styles[""] = self.rich_style
        return style

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self.get_component_rich_style(f"article-pane--{name}", partial=False)
            self._styles[name] = style
        return style

    def render_line(self, y: int) -> Strip:
        state = self.state
        width = self.scrollable_content_region.width
        if state is None or width <= 0:
            return Strip.blank(max(0, width), self.rich_style)
        if self._generation != state.generation:
            self._lines.clear()
            self._generation = state.generation
        line = y + int(self.scroll_y)
        row = state.layout.row_at(line)
        if row is None:
            return Strip.blank(width, self.rich_style)
        key = (row, width, row == state.cursor)
        lines = self._lines.get(key)
        if lines is None:
            lines = self._render_row(state, row, width)
            self._lines[key] = lines
        k = line - state.layout.starts[row]
        return lines[k] if k < len(lines) else Strip.blank(width, self.rich_style)

    def _mark_style(self, state: ViewState, mark: Mark) -> Style | None:
        kind = mark.kind
        if kind in ("insert", "delete", "replace"):
            name = "insert" if kind == "insert" or (kind == "replace" and self.column != 0) else "delete"
            style = self._style(name)
            if mark.category is not None and mark.category.is_noise:
                mode = state.noise.get(mark.category, "dim")
                if mode == "hide":
                    return None
                if mode == "dim":
                    style = style + self._style("noise")
            elif mark.fact:
                style = style + self._style("fact")
            return style
        if kind in ("cut", "added", "shared", "finding", "finding-quote", "search"):
            return self._style(kind)
        return None

    def _extra_marks(self, state: ViewState, paragraph: StyledParagraph) -> list[Mark]:
        marks: list[Mark] = []
        # The unified text carries its finding marks already (its offsets are not a paragraph's own).
        if paragraph.paragraph is not None and state.finding is not None and self.column != UNIFIED:
            version, finding = state.finding
            spans = ()
            if self.column == 0:
                spans = finding.base_spans
            elif self.column == version:
                spans = finding.other_spans
            kind = finding_mark_kind(finding)
            for span in spans:
                if span.paragraph == paragraph.paragraph:
                    marks.append(Mark(span.start, span.end, kind))
        if state.search:
            needle = state.search.lower()
            haystack = paragraph.text.lower()
            start = haystack.find(needle)
            while start != -1 and needle:
                marks.append(Mark(start, start + len(needle), "search"))
                start = haystack.find(needle, start + len(needle))
        return marks

    def _text_segments(self, state: ViewState, paragraph: StyledParagraph, start: int, end: int, base: Style):
        marks = [m for m in paragraph.marks] + self._extra_marks(state, paragraph)
        styled = [(m, self._mark_style(state, m)) for m in marks]
        styled = [(m, s) for m, s in styled if s is not None and m.start < end and m.end > start]
        text = paragraph.text
        if not styled:
            return [Segment(shown(text, start, end), base)]
        edges = {*(max(start, m.start) for m, _ in styled), *(min(end, m.end) for m, _ in styled)}
        # Styles change only between drawn units: each piece is then measured as wide as it is drawn.
        points = sorted({start, end, *(unit_start(text, start, end, edge) for edge in edges)})
        segments = []
        for a, b in zip(points, points[1:]):
            style = base
            for m, s in styled:
                if m.start < b and m.end > a:  # a mark covers the whole of each unit it touches
                    style = style + s
            segments.append(Segment(shown(text, a, b), style))
        return segments

    def _render_row(self, state: ViewState, row: int, width: int) -> list[Strip]:
        height = state.layout.heights[row]
        if height == 0:
            return []
        gutter = gutter_width(max(len(a.paragraphs) for a in state.grid.articles))
        text_width = max(1, width - gutter)
        current = row == state.cursor
        focused = state.focused == self.column or (self.column == UNIFIED)
        gutter_style = self._style("gutter-current" if current else "gutter")
        if current and focused:
            gutter_style = self._style("gutter-focus")
        symbol = cell_symbol(state, self.column, row)
        base_style = self._base_style()
        lines: list[list[Segment]] = []
        numbers: list[str] = []

        if state.fold and row in state.fold_counts:
            count = state.fold_counts[row]
            noun = "paragraph" if count == 1 else "paragraphs"
            text = f"··· {count} unchanged {noun} folded (z to unfold) ···"
            lines.append([Segment(text[:text_width], base_style + self._style("fold"))])
            numbers.append("")
        else:
            kind = self._cell_kind(state, row)
            label = state.label(self.column, row)
            if kind is CellKind.BLANK:
                pass
            elif kind in (CellKind.GAP, CellKind.GHOST):
                style = base_style + self._style("gap" if kind is CellKind.GAP else "moved")
                text = label
                lines.append([Segment(_fit(text, text_width), style)])
                numbers.append(symbol)
            else:
                if label:
                    label_style = self._style("moved" if symbol == "↕" else "label")
                    lines.append([Segment(_fit(label, text_width), base_style + label_style)])
                    numbers.append("")
                for paragraph in state.paragraphs(self.column, row):
                    meta = paragraph.kind.is_metadata
                    text_style = base_style + self._style("metadata") if meta else base_style
                    first = True
                    for start, end in wrap(paragraph.text, text_width):
                        lines.append(self._text_segments(state, paragraph, start, end, text_style))
                        if first and paragraph.paragraph is not None:
                            # The unified view holds both sides: a wire paragraph reads "w12", as "wire ¶12".
                            numbers.append(
                                f"{'w' if paragraph.wire else ''}{paragraph.paragraph + 1}{symbol}"
                            )
                        else:
                            numbers.append("")
                        first = False

        fill = self._filler(state, row, text_width)
        strips = []
        for k in range(height):
            if k < len(lines):
                content = lines[k]
                number = numbers[k]
            else:
                content = fill
                number = ""
            gutter_text = number.rjust(gutter - 1) + " " if number else " " * gutter
            strip = Strip([Segment(gutter_text, base_style + gutter_style), *content])
            strips.append(strip.adjust_cell_length(width, base_style).crop(0, width))
        return strips

    def _cell_kind(self, state: ViewState, row: int) -> CellKind:
        cells = state.grid.rows[row].cells
        if self.column == UNIFIED:
            version_cell = cells[state.partner]
            if version_cell.kind is CellKind.GAP:
                return CellKind.TEXT  # the cut base text, struck through
            return version_cell.kind
        return cells[self.column].kind

    def _filler(self, state: ViewState, row: int, width: int) -> list[Segment]:
        """Padding below a cell's text: a visible hatch for gaps and blanks, plain space otherwise."""
        if state.fold and row in state.fold_counts:
            return []
        last_line_is_gap = state.layout.heights[row] > 0
        kind = self._cell_kind(state, row)
        if kind is CellKind.GAP and last_line_is_gap:
            return [Segment(("╱   " * width)[:width], self._base_style() + self._style("gap-fill"))]
        if kind is CellKind.BLANK and last_line_is_gap:
            return [Segment(" " * width, self._base_style() + self._style("blank"))]
        return []


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def header_text(state: ViewState, column: int, number_key: int | None) -> Text:
    """Three lines: name (and encoding), then the scorecard against the base."""
    comparison = state.comparison
    article = state.grid.articles[column]
    text = Text(no_wrap=True, overflow="ellipsis")
    prefix = f"{number_key} " if number_key is not None else ""
    text.append(prefix, style="bold reverse")
    if prefix:
        text.append(" ")
    text.append(article.name, style="bold")
    if article.encoding.lower().replace("-", "") not in ("utf8",):
        text.append(f" ({article.encoding})", style="italic")
    if article.repaired_encoding:
        text.append(" (mis-encoded text repaired)", style="italic")
    if column == 0:
        text.append("  wire / base", style="italic")
        body = [p for p in article.paragraphs if not p.kind.is_metadata]
        words = sum(len(p.text.split()) for p in body)
        text.append(f"\n{len(article.paragraphs)} paragraphs · {words:,} words")
        if comparison.complete:
            kept = kept_by_every_version(comparison)
            text.append(f"\nkept by every version: {kept} paragraph{'' if kept == 1 else 's'}")
        else:
            text.append("\nstill comparing the versions…")
        partner = state.partner
        text.append(f"\nmarks show what version {partner} changed", style="dim")
        return text
    if comparison.versions[column - 1].pending:
        text.append(f"\nstill being compared… ({len(article.paragraphs):,} paragraphs)", style="italic")
        return text
    stats = comparison.versions[column - 1].stats
    findings = len(comparison.versions[column - 1].findings)
    text.append(f"\n{comparison.versions[column - 1].relation} · ", style="italic")
    text.append(
        f"kept {stats.get('base_kept', 0):.0%} · cut {stats.get('cut', 0)} · added {stats.get('added', 0)}"
    )
    text.append(f" · moved {stats.get('moved', 0)}")
    for name in ("split", "merged", "partial"):
        if stats.get(name):
            text.append(f" · {name} {stats[name]}")
    changes = stats.get("changes", {})
    # Findings first: a narrow pane cuts the end of the line, and they matter most.
    majors = sum(1 for f in comparison.versions[column - 1].findings if f.severity is Severity.MAJOR)
    text.append(f"\nfindings {findings}", style="bold" if findings else "")
    if majors:
        text.append(f" ({majors} major)", style="bold")
    text.append(f" · subst {stats.get('substantive', 0)}")
    facts = stats.get("facts", 0)
    if facts:
        text.append(f" ({facts} fact)")
    short = {"typography": "typo", "punctuation": "punct", "spelling": "spell", "style": "style"}
    noise = [f"{short[c.value]} {changes.get(c.value, 0)}" for c in Category if c.is_noise]
    text.append("\n" + " · ".join(noise), style="dim")
    return text


__all__ = ["ArticlePane", "PaneHeader", "header_text", "Paragraph"]
