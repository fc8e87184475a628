"""The reader: the wire story on the left, every version beside it, rows aligned, all panes scrolling together.

The app only reads the ``Comparison`` (computed in a worker thread) and the display ``Grid`` built from it;
everything it draws comes from there. Layout:

    #status                       one line: what is shown and which modes are on
    #body (Horizontal)
        #panes (Horizontal)       one column per article: PaneHeader + ArticlePane; plus the unified pane
        FindingsPanel#findings    findings of the focused version (p)
    #prompt                       search / go-to input, hidden until needed
    Footer
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterable

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, ProgressBar, Static
from textual.worker import get_current_worker

from reader.comparison import assemble, compare, compare_each, pending_version
from reader.memory import paused_gc
from reader.model import Article, Category, Comparison
from reader.settings.profile import Profile, default_profile
from reader.ui.changemap import ChangeMap
from reader.ui.extras import EXTRA_BINDINGS, ReaderExtras
from reader.ui.findings_panel import FindingsPanel
from reader.ui.help import HelpScreen, help_text
from reader.ui.panes import ArticlePane, PaneHeader, header_text
from reader.ui.view_state import NOISE_CATEGORIES, NOISE_MODES, UNIFIED, ViewState
from reader.view.grid import CellKind, build_grid, same_place

MIN_PANE_WIDTH = 30  # narrower than this, text columns become hard to read
FINDINGS_PANEL_WIDTH = 36  # beside the panes; below them on narrow screens (reader.tcss: #findings)
FINDINGS_PANEL_MIN_SCREEN = 180  # the findings panel opens by itself only on screens this wide
# Text (all articles) from which the analysis takes long enough (about 0.3 s and more) that the first
# version is shown as soon as it is compared, the others joining it as they are.
EARLY_SCREEN_CHARACTERS = 300_000


def _characters(articles: list[Article]) -> int:
    return sum(len(p.text) for article in articles for p in article.paragraphs)


def _toggle_bindings() -> list[Binding]:
    return [
        Binding(
            str(k), f"toggle_version({k})", f"Show or hide version {k}", show=False, id=f"pane.toggle_{k}"
        )
        for k in range(1, 10)
    ]


class ReaderApp(ReaderExtras, App):
    CSS_PATH = "reader.tcss"
    TITLE = "reader"

    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("j,down", "scroll_lines(1)", "Scroll down", show=False, id="scroll.down"),
        Binding("k,up", "scroll_lines(-1)", "Scroll up", show=False, id="scroll.up"),
        Binding("pagedown,space", "page(1)", "Page down", show=False, id="scroll.page_down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="scroll.page_up"),
        Binding("home", "edge(0)", "Go to the top", show=False, id="scroll.top"),
        Binding("end", "edge(1)", "Go to the end", show=False, id="scroll.end"),
        Binding(
            "n",
            "next_change(1)",
            "Next change",
            id="nav.next_change",
            tooltip="Next changed row (next match while a search is active)",
        ),
        Binding("N", "next_change(-1)", "Previous change", show=False, id="nav.previous_change"),
        Binding(
            "s",
            "substantive_only",
            "n/N: substantive changes only (toggle)",
            show=False,
            id="nav.substantive",
        ),
        Binding("f", "next_finding(1)", "Finding", id="nav.next_finding", tooltip="Next finding"),
        Binding("F", "next_finding(-1)", "Previous finding", show=False, id="nav.previous_finding"),
        Binding("enter", "jump_finding", "Jump to the selected finding", show=False, id="nav.jump_finding"),
        Binding(
            "m",
            "jump_moved",
            "Moved ↔ counterpart",
            id="nav.moved",
            tooltip="Jump between a moved paragraph and its reading position in the version",
        ),
        Binding("colon", "goto", "Go to paragraph number (focused pane)", show=False, id="nav.goto"),
        Binding("slash", "search", "Search", id="nav.search"),
        Binding("escape", "end_search", "End the search", show=False, id="nav.end_search"),
        Binding("tab", "focus_pane(1)", "Focus next pane", show=False, priority=True, id="pane.next"),
        Binding(
            "shift+tab",
            "focus_pane(-1)",
            "Focus previous pane",
            show=False,
            priority=True,
            id="pane.previous",
        ),
        *_toggle_bindings(),
        Binding("b", "make_base", "Make the focused version the base", show=False, id="view.make_base"),
        Binding("z", "fold", "Fold unchanged rows (toggle)", show=False, id="view.fold"),
        Binding(
            "d",
            "cycle_noise",
            "Noise",
            id="view.noise",
            tooltip="Noise changes (typography, punctuation, spelling, style): show / dim / hide",
        ),
        Binding(
            "u", "unified", "Unified", id="view.unified", tooltip="Unified view of the focused pair (toggle)"
        ),
        Binding("p", "findings_panel", "Findings", id="view.findings", tooltip="Findings panel (toggle)"),
        *EXTRA_BINDINGS,  # o overview, c change map, e export (reader/ui/extras.py)
    ]
    _OWN_ACTIONS = frozenset(binding.action.split("(")[0] for binding in BINDINGS)

    def __init__(
        self,
        articles: list[Article],
        profile: Profile | None = None,
        theme_name: str | None = None,
        comparison: Comparison | None = None,
    ) -> None:
        """``comparison``: an analysis already made of ``articles`` (benchmarks, tests); else one is run."""
        super().__init__()
        self.articles = list(articles)
        self._given_comparison = comparison
        self.profile = profile or default_profile()
        self.theme_name = theme_name
        self.view: ViewState | None = None
        self._layout_pending = False
        self._syncing = False
        self._show_findings: bool | None = None  # None: decided by screen width
        self._prompt_mode = ""  # "search" or "goto" while the prompt is open
        self._finding_index: dict[int, int] = {}  # version column -> selected finding index
        self._analysing = ""  # what the analysis is doing, while versions are still being compared
        self._scroll_anchor: int | None = None  # row to show once the next layout is made
        self._showing = asyncio.Lock()  # one comparison's panes are mounted before the next is shown

    # ------------------------------------------------------------------------------- composition

    def compose(self) -> ComposeResult:
        yield Static("", id="status")
        with Horizontal(id="body"):
            with Horizontal(id="panes"), Vertical(id="loading"):
                yield Static("Comparing the versions with the wire…", id="loading-text")
                yield ProgressBar(total=max(1, len(self.articles) - 1), show_eta=False, id="loading-bar")
            yield ChangeMap([], id="changemap")
            yield FindingsPanel(id="findings")
        yield Input(id="prompt")
        yield Footer()

    def on_mount(self) -> None:
        self.extras_setup()  # themes, key remapping, export folder (reader/ui/extras.py)
        self.query_one("#findings").display = False
        self.query_one("#prompt").display = False
        self._update_status()
        if self._given_comparison is not None:
            comparison, self._given_comparison = self._given_comparison, None
            self.call_after_refresh(self._show_comparison, comparison, build_grid(comparison))
        else:
            self.analyse(0)

    def _say(self, message: str, **options) -> None:
        """A notification in plain text: search words, file names and errors never act as markup."""
        self.notify(message, markup=False, **options)

    # Keys that act anywhere; every other binding of the reader acts on the reader's own screen only.
    _ANYWHERE = frozenset({"quit", "help"})

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Over the overview, help or export screen the reader's keys neither run behind it (``s``, ``e``
        then Enter once wrote a report nobody asked for) nor show in that screen's footer."""
        if action in self._ANYWHERE or self.screen is self.screen_stack[0]:
            return True
        return action not in self._OWN_ACTIONS

    # ------------------------------------------------------------------------------------ analysis

    @work(thread=True, exclusive=True, group="analysis")
    def analyse(self, base_index: int) -> None:
        """Compare every version with the chosen base in a thread; the screen stays live meanwhile.

        A long story shows the first version as soon as it is compared, the others as they follow."""
        base = self.articles[base_index]
        others = [a for i, a in enumerate(self.articles) if i != base_index]
        worker = get_current_worker()

        def progress(done: int, total: int, name: str) -> None:
            if not worker.is_cancelled:
                self.call_from_thread(self._progress, done, total, name)

        def show(comparison: Comparison) -> None:
            grid = build_grid(comparison)
            if not worker.is_cancelled:  # another base was chosen meanwhile
                self.call_from_thread(self._show_comparison, comparison, grid)

        try:
            gc.unfreeze()  # what the last freeze kept from the collector (an earlier analysis) is collectable again
            with paused_gc():
                if len(others) > 1 and _characters(self.articles) >= EARLY_SCREEN_CHARACTERS:
                    versions = [pending_version(other) for other in others]
                    for done, version in enumerate(compare_each(base, others, self.profile, progress)):
                        if worker.is_cancelled:
                            return
                        versions[done] = version
                        if done == 0:
                            show(assemble(base, versions, self.profile))
                    comparison = assemble(base, versions, self.profile)
                else:
                    comparison = compare(base, others, self.profile, progress=progress)
                # The analysis lives as long as the screen shows it: out of the collector's sight, full
                # collections stop walking its hundreds of thousands of objects (0.3 s of the first screen
                # of 5 x 1,000 paragraphs, and pauses while scrolling).
                gc.freeze()
                show(comparison)
        except Exception as error:  # noqa: BLE001 - shown to the user instead of a traceback
            if not worker.is_cancelled:
                self.call_from_thread(self._analysis_failed, f"{type(error).__name__}: {error}")

    def _progress(self, done: int, total: int, name: str) -> None:
        self._analysing = f"comparing {done + 1} of {total}: {name}…" if name else ""
        if self.view is not None:
            self._update_status()
            return
        try:
            bar = self.query_one("#loading-bar", ProgressBar)
            text = self.query_one("#loading-text", Static)
        except Exception:  # noqa: BLE001 - the loading view is already gone
            return
        bar.update(total=max(1, total), progress=done)
        if name:
            text.update(Text(f"Comparing {done + 1} of {total}: {name}…"))

    def _analysis_failed(self, message: str) -> None:
        self.query_one("#loading-text", Static).update(Text(f"The analysis failed: {message}"))
        self._say(message, title="Analysis failed", severity="error")

    async def _show_comparison(self, comparison: Comparison, grid) -> None:
        async with self._showing:
            await self._replace_comparison(comparison, grid)

    async def _replace_comparison(self, comparison: Comparison, grid) -> None:
        previous = self.view
        if (
            previous is not None
            and not previous.comparison.complete
            and previous.comparison.base is comparison.base
            and previous.grid.columns == grid.columns
        ):
            self._complete_comparison(comparison, grid)
            return
        columns = grid.columns
        view = ViewState(comparison, grid, [True] * columns)
        if previous is not None:
            view.noise = dict(previous.noise)
            view.fold = previous.fold
            view.substantive_only = previous.substantive_only
            view.unified = previous.unified
        # Until the new panes are mounted there is no view: a key pressed meanwhile (1-4, n, f...) finds
        # none and does nothing, instead of looking for panes that are not there yet.
        self.view = None
        self._finding_index = {}
        panes = self.query_one("#panes", Horizontal)
        await panes.remove_children()
        widgets = []
        for column in range(columns):
            widgets.append(
                Vertical(
                    PaneHeader(id=f"header-{column}", classes="pane-header"),
                    ArticlePane(column, id=f"pane-{column}"),
                    id=f"column-{column}",
                    classes="pane-column base" if column == 0 else "pane-column",
                )
            )
        widgets.append(
            Vertical(
                PaneHeader(id="header-unified", classes="pane-header"),
                ArticlePane(UNIFIED, id="pane-unified"),
                id="column-unified",
                classes="pane-column base",
            )
        )
        await panes.mount_all(widgets)
        view.focused = 1 if columns > 1 else 0
        self.view = view
        self.refresh_change_map()  # shown now, so the first layout has the panes' final widths
        self._apply_columns()
        self.query_one(f"#pane-{self.view.focused}", ArticlePane).focus()
        self._refresh_findings()

    def _complete_comparison(self, comparison: Comparison, grid) -> None:
        """The versions still being compared have arrived: same panes, same modes, same place in the story."""
        old = self.view
        panes = self._visible_panes()
        top = old.layout.row_at(int(panes[0].scroll_y)) if panes and old.layout.total else None
        self.view = ViewState(
            comparison,
            grid,
            list(old.enabled),
            focused=old.focused,
            unified=old.unified,
            fold=old.fold,
            substantive_only=old.substantive_only,
            noise=dict(old.noise),
            search=old.search,
            finding=old.finding,
            displayed=list(old.displayed),
            cursor=same_place(old.grid, grid, old.cursor),
        )
        self._scroll_anchor = same_place(old.grid, grid, top) if top is not None else None
        self._apply_columns()
        self._refresh_findings()

    # ------------------------------------------------------------------------------ columns, layout

    def _max_panes(self) -> int:
        width = self.size.width
        if self._findings_visible() and not self._findings_below():
            width -= FINDINGS_PANEL_WIDTH
        width -= self.change_map_width()
        return max(2, width // MIN_PANE_WIDTH)

    def _findings_below(self) -> bool:
        """Too narrow for the panel beside two readable panes: it goes below them, full width."""
        return self.size.width < 2 * MIN_PANE_WIDTH + FINDINGS_PANEL_WIDTH + self.change_map_width()

    def _findings_visible(self) -> bool:
        if self._show_findings is None:
            return self.size.width >= FINDINGS_PANEL_MIN_SCREEN
        return self._show_findings

    def _apply_columns(self) -> None:
        """Decide which panes are on screen (narrow terminals: base plus the focused version)."""
        view = self.view
        if view is None:
            return
        versions = [c for c in range(1, view.grid.columns) if view.enabled[c]]
        if view.focused > 0 and not view.enabled[view.focused]:
            view.focused = versions[0] if versions else 0
        view.displayed = self._wanted_columns()
        for column in range(view.grid.columns):
            self.query_one(f"#column-{column}").display = column in view.displayed and not view.unified
            # The panes scroll together: one scrollbar, at the right, tells where all of them are (and
            # each hidden one is a column less to redraw on every move).
            pane = self.query_one(f"#pane-{column}", ArticlePane)
            pane.set_class(column != view.displayed[-1], "linked-scrollbar")
        self.query_one("#column-unified").display = view.unified
        findings = self.query_one("#findings", FindingsPanel)
        findings.display = self._findings_visible()
        findings.set_class(self._findings_below(), "below")
        self._update_headers()
        self.schedule_layout()

    def _wanted_columns(self) -> list[int]:
        """Base plus as many enabled versions as fit, always including the focused one."""
        view = self.view
        versions = [c for c in range(1, view.grid.columns) if view.enabled[c]]
        room = self._max_panes() - 1
        if len(versions) > room:
            anchor = view.focused if view.focused in versions else versions[0]
            start = max(0, min(versions.index(anchor), len(versions) - room))
            versions = versions[start : start + room]
        return [0, *versions]

    def schedule_layout(self) -> None:
        if not self._layout_pending:
            self._layout_pending = True
            self.call_after_refresh(self._relayout)

    def _visible_panes(self) -> list[ArticlePane]:
        view = self.view
        if view is None:
            return []
        if view.unified:
            return [self.query_one("#pane-unified", ArticlePane)]
        return [self.query_one(f"#pane-{c}", ArticlePane) for c in view.displayed]

    def _relayout(self) -> None:
        self._layout_pending = False
        view = self.view
        if view is None:
            return
        if self._wanted_columns() != view.displayed:  # the terminal was resized: fit the panes again
            self._apply_columns()
            return
        panes = self._visible_panes()
        if not panes or any(p.size.width == 0 for p in panes):
            return
        anchor_row = view.layout.row_at(int(panes[0].scroll_y)) if view.layout.total else None
        view.compute_layout({p.column: p.text_width() for p in panes})
        view.generation += 1
        for pane in self.query(ArticlePane):
            pane.set_total_height(view.layout.total)
            pane.invalidate()
        heights = view.layout.heights
        if heights and not heights[view.cursor]:  # the current row has nothing in the panes shown
            following = [r for r in range(view.cursor, len(heights)) if heights[r]]
            earlier = [r for r in range(view.cursor) if heights[r]]
            view.cursor = following[0] if following else (earlier[-1] if earlier else 0)
        if anchor_row is None:
            anchor_row, self._scroll_anchor = self._scroll_anchor, None
        if anchor_row is not None:
            self._scroll_to_row(anchor_row)
        self._update_status()

    def on_resize(self) -> None:
        if self.view is not None:
            self._apply_columns()

    # -------------------------------------------------------------------------------- scroll links

    def pane_scrolled(self, source: ArticlePane, y: float) -> None:
        """Keep every pane at the same offset (watchers only fire on change, so this cannot loop)."""
        if self._syncing:
            return
        self._syncing = True
        try:
            for pane in self.query(ArticlePane):
                if pane is not source and pane.scroll_y != y:
                    pane.scroll_target_y = y
                    pane.scroll_y = y
        finally:
            self._syncing = False
        self._follow_cursor(int(y))
        self.refresh_change_map()

    def _follow_cursor(self, top: int) -> None:
        """Keep the current row on screen while the user scrolls."""
        view = self.view
        if view is None or not view.layout.total:
            return
        panes = self._visible_panes()
        height = panes[0].scrollable_content_region.height if panes else 0
        start = view.layout.starts[view.cursor] if view.cursor < len(view.layout.starts) else 0
        visible = view.layout.heights[view.cursor] if view.cursor < len(view.layout.heights) else 0
        if visible and top <= start < top + max(1, height):
            return
        row = view.layout.row_at(top)
        if row is None:
            return
        while row < len(view.layout.heights) - 1 and (
            view.layout.heights[row] == 0 or view.layout.starts[row] < top
        ):
            row += 1
        self._set_cursor(row, scroll=False)

    def pane_focused(self, pane: ArticlePane) -> None:
        view = self.view
        if view is None or pane.column == UNIFIED or pane.column == view.focused:
            return
        view.focused = pane.column
        self._redraw_for_focus()

    def _redraw_for_focus(self) -> None:
        """The base pane is marked against the focused version; headers and findings follow it too."""
        self.view.generation += 1
        for other in self.query(ArticlePane):
            other.invalidate()
        self._update_headers()
        self._refresh_findings()
        self._update_status()

    def _focused_pane(self) -> ArticlePane | None:
        if self.view is None:
            return None
        panes = self._visible_panes()
        for pane in panes:
            if pane.column == self.view.focused:
                return pane
        return panes[0] if panes else None

    def _scroll_to_row(self, row: int) -> None:
        view = self.view
        if view is None or not view.layout.starts:
            return
        row = max(0, min(row, len(view.layout.starts) - 1))
        y = view.layout.starts[row]
        pane = self._focused_pane()
        if pane is not None:
            pane.scroll_to(y=y, animate=False, immediate=True)
            self.pane_scrolled(pane, pane.scroll_y)

    def _set_cursor(self, row: int, scroll: bool = True) -> None:
        view = self.view
        if view is None:
            return
        view.cursor = max(0, min(row, len(view.grid.rows) - 1))
        for pane in self._visible_panes():
            pane.refresh()  # lines are cached per (row, width, is-cursor): only the gutter changes
        if scroll:
            self._scroll_to_row(view.cursor)
        self._update_status()

    # ------------------------------------------------------------------------------------ headers

    def _update_headers(self) -> None:
        view = self.view
        if view is None:
            return
        for column in range(view.grid.columns):
            header = self.query_one(f"#header-{column}", PaneHeader)
            header.update(header_text(view, column, column if column > 0 else None), layout=False)
            header.set_class(column == view.focused, "focused")
        unified = self.query_one("#header-unified", PaneHeader)
        partner = view.grid.articles[view.partner]
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append("unified ", style="bold reverse")
        text.append(f" {view.grid.articles[0].name} → {partner.name}", style="bold")
        text.append("\nstruck: only in the wire · underlined: only in the version")
        text.append("\ntab / 1-9: choose the version · u: side by side")
        unified.update(text, layout=False)

    def _update_status(self) -> None:
        status = self.query_one("#status", Static)
        view = self.view
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(" reader ", style="bold reverse")
        if view is None:
            text.append(f"  {len(self.articles)} articles · analysing…")
            status.update(text, layout=False)
            return
        shown = len(view.displayed) - 1
        total = view.grid.columns - 1
        # Where the cursor is, first (a narrow status line cuts its end), in the reports' numbering.
        text.append(f" {self._cursor_place()} ·", style="bold")
        text.append(f" wire: {view.grid.articles[0].name}")
        if not view.comparison.complete and self._analysing:
            text.append(f" · {self._analysing}", style="bold")
        if view.search:
            matches = self._search_rows()
            position = sum(1 for r in matches if r <= view.cursor)
            text.append(f" · search “{view.search}” {position}/{len(matches)} (esc ends)", style="bold")
        if view.unified:
            text.append(" · unified view")
        elif shown < total:
            text.append(f" · {shown} of {total} versions shown (tab: next)", style="bold")
        modes = {mode: [c.value for c in NOISE_CATEGORIES if view.noise[c] == mode] for mode in NOISE_MODES}
        noise = "noise " + (
            next((mode for mode in NOISE_MODES if len(modes[mode]) == len(NOISE_CATEGORIES)), "mixed")
        )
        text.append(f" · {noise}")
        if view.substantive_only:
            text.append(" · n/N: substantive only")
        if view.fold:
            text.append(" · folded")
        status.update(text, layout=False)
        self.refresh_change_map()

    def _cursor_place(self) -> str:
        """The cursor's paragraph as the reports number it: "wire ¶12 of 24", or "v2 ¶14" for a row of
        version paragraphs only."""
        view = self.view
        row = view.grid.rows[view.cursor]
        if row.base:
            return f"wire ¶{row.base[0] + 1} of {len(view.grid.articles[0].paragraphs)}"
        columns = [view.focused, *view.version_columns()]
        for column in columns:
            cell = row.cells[column]
            if cell.kind is CellKind.TEXT and cell.paragraphs:
                return f"v{column} ¶{cell.paragraphs[0] + 1}"
        return "wire"

    # --------------------------------------------------------------------------------- findings

    def _finding_column(self) -> int:
        view = self.view
        return view.partner if view is not None else 1

    def _findings_of(self, column: int):
        view = self.view
        if view is None or column < 1:
            return []
        return list(view.comparison.versions[column - 1].findings)  # stored in their one order

    def _refresh_findings(self) -> None:
        view = self.view
        if view is None:
            return
        column = self._finding_column()
        findings = self._findings_of(column)
        panel = self.query_one("#findings", FindingsPanel)
        name = f"{column} {view.grid.articles[column].name}"
        if view.comparison.versions[column - 1].pending:
            panel.show(f"Findings · {name} (still being compared)", [], "Still being compared…")
            return
        panel.show(f"Findings · {name} ({len(findings)})", findings)
        index = self._finding_index.get(column)
        if index is not None and findings:
            panel.highlight(index)

    def _finding_row(self, column: int, finding) -> int | None:
        return self.view.grid.finding_row(column, self.view.comparison.versions[column - 1], finding)

    def _select_finding(self, index: int) -> None:
        view = self.view
        column = self._finding_column()
        findings = self._findings_of(column)
        if not findings:
            self._say("No findings for this version.", timeout=2)
            return
        index %= len(findings)
        self._finding_index[column] = index
        finding = findings[index]
        view.finding = (column, finding)
        self.query_one("#findings", FindingsPanel).highlight(index)
        if not self.query_one("#findings").display:
            # Without the panel the highlighted span alone does not say what the finding is: say it.
            label = f"{finding.severity.value.upper()} {finding.kind.value.replace('_', ' ')}"
            self._say(finding.message, title=f"Finding {index + 1} of {len(findings)}: {label}", timeout=8)
        row = self._finding_row(column, finding)
        if row is not None:
            self._set_cursor(row)
        view.generation += 1
        for pane in self._visible_panes():
            pane.invalidate()

    @on(OptionList.OptionSelected, "#findings-list")
    def _finding_chosen(self, event: OptionList.OptionSelected) -> None:
        self._select_finding(event.option_index)
        pane = self._focused_pane()
        if pane is not None:
            pane.focus()

    # ------------------------------------------------------------------------------------- actions

    def action_help(self) -> None:
        self.push_screen(HelpScreen(help_text(self, list(self.BINDINGS))))

    def action_scroll_lines(self, amount: int) -> None:
        pane = self._focused_pane()
        if pane is not None:
            pane.scroll_to(y=pane.scroll_y + amount, animate=False, immediate=True)

    def action_page(self, direction: int) -> None:
        pane = self._focused_pane()
        if pane is not None:
            step = max(1, pane.scrollable_content_region.height - 1)
            pane.scroll_to(y=pane.scroll_y + direction * step, animate=False, immediate=True)

    def action_edge(self, end: int) -> None:
        pane = self._focused_pane()
        if pane is None or self.view is None:
            return
        pane.scroll_to(y=pane.max_scroll_y if end else 0, animate=False, immediate=True)
        rows = [r for r, h in enumerate(self.view.layout.heights) if h]
        if rows:
            self._set_cursor(rows[-1] if end else rows[0], scroll=False)

    def _step_rows(self, direction: int, wanted) -> bool:
        """Move the cursor to the next (or previous) displayed row for which ``wanted(row)`` holds."""
        view = self.view
        if view is None:
            return False
        count = len(view.grid.rows)
        r = view.cursor + direction
        while 0 <= r < count:
            if view.layout.heights[r] and wanted(r):
                self._set_cursor(r)
                return True
            r += direction
        return False

    def action_next_change(self, direction: int) -> None:
        view = self.view
        if view is None:
            return
        if view.search:
            matches = self._search_matches()
            following = [m for m in matches if (m[0] > view.cursor if direction > 0 else m[0] < view.cursor)]
            if following:
                self._go_to_match(*(following[0] if direction > 0 else following[-1]))
            else:
                self._say(f"No more matches for “{view.search}”.", timeout=2)
            return
        wanted = view.row_changed
        if not self._step_rows(direction, wanted):
            what = "substantive changes" if view.substantive_only else "changes"
            self._say(f"No more {what} {'below' if direction > 0 else 'above'}.", timeout=2)

    def action_substantive_only(self) -> None:
        if self.view is None:
            return
        self.view.substantive_only = not self.view.substantive_only
        self._update_status()
        what = "substantive changes only" if self.view.substantive_only else "every change"
        self._say(f"n/N now stop at {what}.", timeout=2)

    def action_next_finding(self, direction: int) -> None:
        if self.view is None:
            return
        column = self._finding_column()
        current = self._finding_index.get(column)
        index = (0 if direction > 0 else -1) if current is None else current + direction
        self._select_finding(index)

    def action_jump_finding(self) -> None:
        if self.view is None:
            return
        column = self._finding_column()
        panel_list = self.query_one("#findings-list", OptionList)
        index = (
            panel_list.highlighted
            if panel_list.highlighted is not None
            else self._finding_index.get(column, 0)
        )
        self._select_finding(index)

    def action_jump_moved(self) -> None:
        """From a moved paragraph to its reading position in the version (the ghost), and back."""
        view = self.view
        if view is None:
            return
        columns = [view.focused] if view.focused > 0 else view.version_columns()
        cells = view.grid.rows[view.cursor].cells
        for column in columns:
            cell = cells[column]
            if cell.counterpart is not None:
                self._set_cursor(cell.counterpart)
                return

        # Not on a moved paragraph: go to the next one.
        def has_move(r: int) -> bool:
            return any(view.grid.rows[r].cells[c].moved for c in columns)

        if not self._step_rows(1, has_move) and not self._step_rows(-1, has_move):
            self._say("No moved paragraphs in this version.", timeout=2)

    def action_focus_pane(self, direction: int) -> None:
        view = self.view
        if view is None or not isinstance(self.screen, Screen) or self.screen is not self.screen_stack[0]:
            return
        if self._prompt_mode:
            self._close_prompt()
        enabled = [c for c in range(view.grid.columns) if view.enabled[c]]
        if view.unified:
            enabled = [c for c in enabled if c > 0]
        if not enabled:
            return
        position = enabled.index(view.focused) if view.focused in enabled else 0
        target = enabled[(position + direction) % len(enabled)]
        self._focus_column(target)

    def _focus_column(self, column: int) -> None:
        view = self.view
        view.focused = column
        self._apply_columns()
        pane = self._focused_pane() if not view.unified else self.query_one("#pane-unified", ArticlePane)
        if pane is not None:
            pane.focus()
        self._redraw_for_focus()

    def action_toggle_version(self, number: int) -> None:
        view = self.view
        if view is None:
            return
        if number >= view.grid.columns:
            self._say(f"There is no version {number}.", timeout=2)
            return
        narrow_hidden = view.enabled[number] and number not in view.displayed and not view.unified
        if narrow_hidden or view.unified:
            view.enabled[number] = True
            self._focus_column(number)
            return
        if view.enabled[number] and sum(view.enabled[1:]) == 1:
            self._say("At least one version stays on screen.", timeout=2)
            return
        view.enabled[number] = not view.enabled[number]
        if view.enabled[number]:
            self._focus_column(number)
        else:
            if view.focused == number:
                view.focused = next(c for c in range(1, view.grid.columns) if view.enabled[c])
            self._focus_column(view.focused)

    def action_make_base(self) -> None:
        view = self.view
        if view is None or view.focused == 0:
            self._say("Focus a version pane first (tab), then press b.", timeout=3)
            return
        article = view.grid.articles[view.focused]
        new_base = next(i for i, a in enumerate(self.articles) if a is article)
        self.articles = [self.articles[new_base]] + [a for i, a in enumerate(self.articles) if i != new_base]
        self.view = None
        self._update_status()
        self.query_one("#panes").remove_children()
        self.query_one("#panes").mount(
            Vertical(
                Static(Text(f"Comparing every version with {article.name}…"), id="loading-text"),
                ProgressBar(total=max(1, len(self.articles) - 1), show_eta=False, id="loading-bar"),
                id="loading",
            )
        )
        self.analyse(0)

    def action_fold(self) -> None:
        if self.view is None:
            return
        view = self.view
        view.fold = not view.fold
        if view.fold:
            columns = view.version_columns()
            unchanged = sum(
                1
                for r, h in enumerate(view.layout.heights)
                if h and not view.grid.rows[r].changed_in(columns)
            )
            if unchanged:
                self._say(
                    f"Folded {unchanged} paragraphs unchanged in every version shown (z unfolds).", timeout=3
                )
            else:
                self._say(
                    "No paragraph is unchanged in every version shown; hide some (1-9) to fold more.",
                    timeout=4,
                )
        self._update_status()
        self.schedule_layout()

    def action_cycle_noise(self, category: str | None = None) -> None:
        view = self.view
        if view is None:
            return
        targets = [Category(category)] if category else list(NOISE_CATEGORIES)
        current = view.noise[targets[0]]
        mode = NOISE_MODES[(NOISE_MODES.index(current) + 1) % len(NOISE_MODES)]
        for target in targets:
            view.noise[target] = mode
        view.generation += 1
        for pane in self._visible_panes():
            pane.invalidate()
        if view.unified:  # the unified text itself changes (noise shown as old+new or new only)
            self.schedule_layout()
        names = category or "noise"
        self._say(f"{names.capitalize()} changes: {mode}.", timeout=2)
        self._update_status()

    def action_unified(self) -> None:
        view = self.view
        if view is None:
            return
        view.unified = not view.unified
        if view.unified and view.focused == 0:
            view.focused = view.partner
        self._apply_columns()
        pane = self.query_one("#pane-unified", ArticlePane) if view.unified else self._focused_pane()
        if pane is not None:
            pane.focus()
        self._update_status()

    def action_findings_panel(self) -> None:
        self._show_findings = not self._findings_visible()
        self._apply_columns()

    # ---------------------------------------------------------------------------- search and go-to

    def _open_prompt(self, mode: str, placeholder: str) -> None:
        prompt = self.query_one("#prompt", Input)
        self._prompt_mode = mode
        prompt.placeholder = placeholder
        prompt.value = ""
        prompt.display = True
        prompt.focus()

    def action_search(self) -> None:
        if self.view is not None:
            self._open_prompt("search", "search all panes (enter: find, escape: cancel)")

    def action_goto(self) -> None:
        if self.view is not None:
            name = self.view.grid.articles[self.view.focused].name
            self._open_prompt("goto", f"paragraph number in {name} (enter: go, escape: cancel)")

    def _close_prompt(self) -> None:
        prompt = self.query_one("#prompt", Input)
        prompt.display = False
        self._prompt_mode = ""
        pane = self._focused_pane()
        if pane is not None:
            pane.focus()

    def action_end_search(self) -> None:
        if self._prompt_mode:
            self._close_prompt()
            return
        if self.view is not None and (self.view.search or self.view.finding):
            self.view.search = ""
            self.view.finding = None
            self.view.generation += 1
            for pane in self._visible_panes():
                pane.invalidate()
            self._update_status()

    def _search_matches(self) -> list[tuple[int, int]]:
        """(row, column) of every row holding the search text in any version, shown or not (the panes on
        screen first): the same search finds the same matches at 80 columns as at 200."""
        view = self.view
        if view is None or not view.search:
            return []
        needle = view.search.lower()
        shown = view.columns_on_screen()
        columns = [*shown, *(c for c in range(view.grid.columns) if c not in shown)]
        matches = []
        for r, grid_row in enumerate(view.grid.rows):
            for c in columns:
                cell = grid_row.cells[c]
                if c in shown and view.layout.heights and not view.layout.heights[r]:
                    continue  # folded away here
                if cell.kind is CellKind.TEXT and any(
                    needle in view.grid.articles[c].paragraphs[p].text.lower() for p in cell.paragraphs
                ):
                    matches.append((r, c))
                    break
        return matches

    def _search_rows(self) -> list[int]:
        return [r for r, _c in self._search_matches()]

    def _go_to_match(self, row: int, column: int) -> None:
        """The cursor on a match; a match in a version not on screen brings that version on screen."""
        view = self.view
        shown = view.columns_on_screen()
        if column not in shown:
            view.enabled[column] = True
            view.unified = False
            self._focus_column(column)
            self.call_after_refresh(self._set_cursor, row)
            return
        self._set_cursor(row)

    @on(Input.Submitted, "#prompt")
    def _prompt_submitted(self, event: Input.Submitted) -> None:
        mode, value = self._prompt_mode, event.value.strip()
        self._close_prompt()
        view = self.view
        if view is None or not value:
            return
        if mode == "search":
            view.search = value
            view.generation += 1
            for pane in self._visible_panes():
                pane.invalidate()
            matches = self._search_matches()
            if not matches:
                self._say(f"“{value}” is in no version.", timeout=3)
                self._update_status()
                return
            following = [m for m in matches if m[0] >= view.cursor]
            self._go_to_match(*(following[0] if following else matches[0]))
        elif mode == "goto":
            self._goto_paragraph(value)

    def _goto_paragraph(self, value: str) -> None:
        view = self.view
        column = view.focused if not view.unified else view.partner
        article = view.grid.articles[column]
        if not value.lstrip("¶").isdigit():
            self._say(f"“{value}” is not a paragraph number.", severity="warning", timeout=3)
            return
        number = int(value.lstrip("¶"))
        if not 1 <= number <= len(article.paragraphs):
            self._say(f"{article.name} has paragraphs 1 to {len(article.paragraphs)}.", severity="warning")
            return
        row = view.grid.row_of(column, number - 1)
        if row is None:
            return
        if not view.layout.heights[row] and view.fold:
            view.fold = False
            self._relayout()
        self._set_cursor(row)

    # ---------------------------------------------------------------------------- command palette

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for binding in self.BINDINGS:
            if binding.action in ("quit", "help") or binding.id.startswith("scroll."):
                continue
            yield SystemCommand(binding.description, f"key: {binding.key}", self._runner(binding.action))
        for category in NOISE_CATEGORIES:
            yield SystemCommand(
                f"Noise: cycle {category.value} changes (show / dim / hide)",
                f"{category.value} differences only",
                self._runner(f"cycle_noise('{category.value}')"),
            )

    def _runner(self, action: str):
        async def run() -> None:
            await self.run_action(action)

        return run
