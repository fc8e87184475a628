"""Overview, change map, export, themes and key remapping, hooked into ``ReaderApp`` as a mixin.

``ReaderApp`` lists ``ReaderExtras`` before ``App`` in its bases and adds ``EXTRA_BINDINGS`` to its
``BINDINGS`` (Textual only merges ``BINDINGS`` of DOM classes). The mixin reads the app's ``view``
(``ViewState``: comparison, grid, focused column, cursor, layout) and moves it with the app's own
``_set_cursor`` / ``_focus_column``; it never computes anything the core did not.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual import work
from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from reader.errors import ReaderError
from reader.settings.edit import set_top_level
from reader.ui.changemap import ChangeMap, marks_from_grid
from reader.ui.export_action import FORMATS, ExportScreen, export_report
from reader.ui.keymap import apply_keymap, config_file, load_settings
from reader.ui.overview import OverviewScreen
from reader.ui.theming import READER_VARIABLE_DEFAULTS, install_themes

CHANGE_MAP_MIN_SCREEN = 100  # the change map opens by itself only on screens this wide

EXTRA_BINDINGS = [
    Binding("o", "overview", "Overview", id="view.overview"),
    Binding("c", "change_map", "Change map (toggle)", id="view.change_map"),
    Binding("e", "export", "Export a report", id="app.export"),
]

EXPORT_LABELS = {"markdown": "Markdown", "html": "HTML", "json": "JSON"}


class ReaderExtras:
    """Mixin for ``ReaderApp``; see the module docstring for what it expects of the app."""

    _change_map_shown: bool | None = None  # None: decided by screen width
    _change_map_grid = None
    export_dir: str | None = None

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return {**READER_VARIABLE_DEFAULTS, **super().get_theme_variable_defaults()}

    # ------------------------------------------------------------------------------------ start-up

    def extras_setup(self) -> None:
        """Themes (``--theme``, config ``theme:``), key remapping and export folder from config.yaml."""
        settings = load_settings()
        self.export_dir = settings.export_dir
        problems = list(settings.problems)
        problems += install_themes(self, getattr(self, "theme_name", None), settings.theme)
        problems += apply_keymap(self, settings.keys)
        for problem in problems:
            self.notify(problem, title="Settings", severity="warning", timeout=10)
        self._saved_theme = self.theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.refresh_change_map()

    def _remember_theme(self, theme) -> None:
        """A theme picked in the command palette is kept in config.yaml for the next start."""
        if theme.name == self._saved_theme:
            return
        self._saved_theme = theme.name
        try:
            set_top_level(config_file(), "theme", theme.name)
        except ReaderError as error:
            self.notify(str(error), title="Settings", severity="warning", timeout=10)
            return
        self.notify(f"Theme {theme.name} saved in {config_file()}", timeout=3)

    # ----------------------------------------------------------------------------------- overview

    def _analysed_view(self, meanwhile: str):
        """The view once every version is compared; until then None, and the user is told ``meanwhile``."""
        view = getattr(self, "view", None)
        if view is None or not view.comparison.complete:
            self.notify(f"Still comparing the versions; {meanwhile}", timeout=3)
            return None
        return view

    def action_overview(self) -> None:
        view = self._analysed_view("the overview opens when they are ready.")
        if view is None:
            return
        if isinstance(self.screen, OverviewScreen):
            self.screen.dismiss(None)
            return
        current = max(0, view.focused - 1) if view.focused > 0 else max(0, view.partner - 1)
        self.push_screen(OverviewScreen(view.comparison, current), self._overview_closed)

    def _overview_closed(self, chosen: int | None) -> None:
        view = getattr(self, "view", None)
        if chosen is None or view is None:
            return
        column = chosen + 1
        if not 0 < column < len(view.enabled):
            return
        view.enabled[column] = True
        self._focus_column(column)

    # --------------------------------------------------------------------------------- change map

    def _change_map(self) -> ChangeMap | None:
        try:
            return self.query_one("#changemap", ChangeMap)
        except Exception:  # noqa: BLE001 - not mounted (yet), or another screen is on top
            return None

    def change_map_visible(self) -> bool:
        if self._change_map_shown is None:
            return self.size.width >= CHANGE_MAP_MIN_SCREEN
        return self._change_map_shown

    def change_map_width(self) -> int:
        """Columns the change map takes beside the panes (0 when hidden)."""
        view = getattr(self, "view", None)
        if view is None or not self.change_map_visible():
            return 0
        return len(view.comparison.versions) + 2

    def action_change_map(self) -> None:
        self._change_map_shown = not self.change_map_visible()
        self.refresh_change_map()
        if hasattr(self, "_apply_columns"):
            self._apply_columns()

    def refresh_change_map(self) -> None:
        """Follow the reader: grid, focused version, cursor row and the rows on screen."""
        change_map = self._change_map()
        if change_map is None:
            return
        view = getattr(self, "view", None)
        visible = self.change_map_visible() and view is not None
        if change_map.display != visible:
            change_map.display = visible
        if not visible:
            return
        if self._change_map_grid is not view.grid:
            self._change_map_grid = view.grid
            change_map.set_columns(marks_from_grid(view.grid, view.comparison))
        change_map.current_version = view.focused - 1
        change_map.cursor = view.cursor
        change_map.window = self._rows_on_screen(view)

    def _rows_on_screen(self, view) -> tuple[int, int]:
        panes = self._visible_panes() if hasattr(self, "_visible_panes") else []
        layout = view.layout
        if not panes or not layout.total:
            return (0, 0)
        top = int(panes[0].scroll_y)
        height = max(1, panes[0].scrollable_content_region.height)
        first = layout.row_at(top)
        last = layout.row_at(min(layout.total - 1, top + height - 1))
        if first is None or last is None:
            return (0, 0)
        return (first, last + 1)

    def on_change_map_jump(self, message: ChangeMap.Jump) -> None:
        view = getattr(self, "view", None)
        if view is None:
            return
        if message.version is not None:
            column = message.version + 1
            if 0 < column < len(view.enabled) and column != view.focused:
                view.enabled[column] = True
                self._focus_column(column)
        row = message.position
        heights = view.layout.heights
        # A folded (zero-height) row cannot hold the cursor: use the next row on screen.
        while row < len(heights) - 1 and not heights[row]:
            row += 1
        self._set_cursor(row)

    # ------------------------------------------------------------------------------------- export

    def _export_folder(self) -> Path:
        return Path(self.export_dir).expanduser() if self.export_dir else Path.cwd()

    def action_export(self) -> None:
        if self._analysed_view("export when they are ready.") is None:
            return
        self.push_screen(ExportScreen(self._export_folder()), self._export_chosen)

    def _export_chosen(self, fmt: str | None) -> None:
        if fmt:
            self.action_export_as(fmt)

    def action_export_as(self, fmt: str) -> None:
        view = self._analysed_view("export when they are ready.")
        if view is None:
            return
        self.notify(f"Writing the {EXPORT_LABELS.get(fmt, fmt)} report…", timeout=2)
        self._export_worker(view.comparison, fmt, self._export_folder())

    @work(thread=True, group="export")
    def _export_worker(self, comparison, fmt: str, folder: Path) -> None:
        try:
            path = export_report(comparison, fmt, folder)
        except ReaderError as error:
            self.call_from_thread(
                self.notify, str(error), title="Export failed", severity="error", timeout=10
            )
        except OSError as error:
            self.call_from_thread(
                self.notify, f"{folder}: {error.strerror or error}", title="Export failed", severity="error"
            )
        else:
            self.call_from_thread(self._exported, fmt, path)

    def _exported(self, fmt: str, path: Path) -> None:
        self.notify(f"Wrote {path}", title=f"{EXPORT_LABELS.get(fmt, fmt)} report", timeout=10)

    # ----------------------------------------------------------------------------- command palette

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for fmt, label in EXPORT_LABELS.items():
            yield SystemCommand(
                f"Export {label} report",
                f"write a {label} report ({FORMATS[fmt]}) of this comparison to {self._export_folder()}",
                lambda fmt=fmt: self.action_export_as(fmt),
            )
