"""The change map inside the reader: c toggles it, it follows the cursor, a click jumps the panes."""

from __future__ import annotations

from reader.ui.changemap import ChangeMap, Mark
from tests.ui_app_helpers import open_reader, private_config  # noqa: F401 - fixture
from tests.ui_extras_fixtures import fixed_reader, run, snapshot_comparison


def test_map_is_hidden_at_80_columns_until_asked_for(monkeypatch, private_config):
    async def body():
        app = fixed_reader(monkeypatch, snapshot_comparison())
        async with app.run_test(size=(80, 24)) as pilot:
            await open_reader(pilot)
            change_map = app.query_one(ChangeMap)
            assert not change_map.display
            await pilot.press("c")
            await pilot.pause()
            assert change_map.display and change_map.size.width > 0
            panes = app._visible_panes()
            assert all(p.size.width > 20 for p in panes)

    run(body())


def test_c_toggles_the_map_which_follows_the_cursor_and_jumps_on_click(monkeypatch, private_config):
    async def body():
        app = fixed_reader(monkeypatch, snapshot_comparison())
        async with app.run_test(size=(160, 40)) as pilot:
            await open_reader(pilot)
            change_map = app.query_one(ChangeMap)
            assert change_map.display  # wide screen: shown from the start, one column per version
            assert len(change_map.columns) == len(snapshot_comparison().versions)
            assert change_map.size.width == len(snapshot_comparison().versions) + 2
            await pilot.press("c")
            await pilot.pause()
            assert not change_map.display
            await pilot.press("c")
            await pilot.pause()
            assert change_map.display
            await pilot.press("n", "n")
            await pilot.pause()
            assert change_map.cursor == app.view.cursor
            start, end = change_map.window
            assert start <= app.view.cursor < end
            # Click the line holding the last cut of the focused version: the reader goes there.
            version = app.view.focused - 1
            column = change_map.columns[version]
            target = max(r for r, mark in enumerate(column) if mark is Mark.DELETED)
            lines = change_map._lines()
            y = next(i for i, line in enumerate(lines) if line.start <= target < line.end) + 1
            await pilot.click(ChangeMap, offset=(1 + version, y))
            await pilot.pause()
            line = lines[y - 1]
            assert line.start <= app.view.cursor < line.end
            assert app.view.layout.heights[app.view.cursor] > 0
            top = app.view.layout.row_at(int(app._visible_panes()[0].scroll_y))
            assert top <= app.view.cursor
            assert change_map.cursor == app.view.cursor

    run(body())
