"""The overview screen inside the reader: o opens it, Enter focuses a version, snapshots at two sizes."""

from __future__ import annotations

import pytest

from reader.ui.overview import OverviewScreen, Scorecard
from tests.ui_app_helpers import open_reader, private_config  # noqa: F401 - fixture
from tests.ui_extras_fixtures import fixed_reader, run, snapshot_comparison


def test_o_opens_the_scorecard_and_enter_reads_the_chosen_version(monkeypatch, private_config):
    async def body():
        app = fixed_reader(monkeypatch, snapshot_comparison(), theme_name="reader-dark")
        async with app.run_test(size=(120, 36)) as pilot:
            await open_reader(pilot)
            await pilot.press("o")
            await pilot.pause()
            assert isinstance(app.screen, OverviewScreen)
            table = app.screen.query_one(Scorecard)
            assert table.row_count == len(snapshot_comparison().versions)
            assert table.cursor_row == app.view.focused - 1
            await pilot.press("down", "enter")
            await pilot.pause()
            assert not isinstance(app.screen, OverviewScreen)
            assert app.view.focused == 2
            assert 2 in app.view.displayed
            await pilot.press("o")
            await pilot.pause()
            assert app.screen.query_one(Scorecard).cursor_row == 1  # opens on the focused version
            await pilot.press("o")  # o again closes it
            await pilot.pause()
            assert not isinstance(app.screen, OverviewScreen)
            assert app.view.focused == 2

    run(body())


async def _open_overview(pilot):
    await open_reader(pilot)
    await pilot.press("o")
    await pilot.pause()


@pytest.mark.parametrize("theme", ["reader-dark", "reader-light"])
@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
def test_overview_snapshot(snap_compare, monkeypatch, private_config, theme, size):
    # A fixed comparison: the snapshot shows the screen, not whatever the core computes today.
    app = fixed_reader(monkeypatch, snapshot_comparison(), theme_name=theme)
    assert snap_compare(app, terminal_size=size, run_before=_open_overview)


def test_the_overview_is_modal_its_keys_only_and_its_footer_only_its_own(monkeypatch, private_config):
    async def body():
        app = fixed_reader(monkeypatch, snapshot_comparison(), theme_name="reader-dark")
        async with app.run_test(size=(120, 36)) as pilot:
            await open_reader(pilot)
            before = (app.view.substantive_only, app.view.fold, app.view.unified, app.view.cursor)
            await pilot.press("o")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, OverviewScreen)
            await pilot.press("s", "z", "u", "n", "e")  # the reader's keys: nothing happens behind the overview
            await pilot.pause()
            assert app.screen is screen  # no export screen opened over it
            assert (app.view.substantive_only, app.view.fold, app.view.unified, app.view.cursor) == before
            shown = {binding.action for _, binding, enabled, _ in app.active_bindings.values() if enabled}
            assert "export" not in shown and "next_change(1)" not in shown
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("s")  # back on the reader, its keys work again
            assert app.view.substantive_only is not before[0]

    run(body())
