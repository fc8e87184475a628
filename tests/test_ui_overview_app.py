"""The overview screen inside the reader: o opens it, Enter focuses a version, snapshots at two sizes."""

from __future__ import annotations

import pytest

from reader.ui.app import ReaderApp
from reader.ui.overview import OverviewScreen, Scorecard
from tests.ui_app_helpers import open_reader, private_config  # noqa: F401 - fixture
from tests.ui_extras_fixtures import fixed_reader, run, snapshot_comparison


def test_o_opens_the_scorecard_and_enter_reads_the_chosen_version(sample_articles, private_config):
    async def body():
        app = ReaderApp(sample_articles, theme_name="reader-dark")
        async with app.run_test(size=(120, 36)) as pilot:
            await open_reader(pilot)
            await pilot.press("o")
            await pilot.pause()
            assert isinstance(app.screen, OverviewScreen)
            table = app.screen.query_one(Scorecard)
            assert table.row_count == len(sample_articles) - 1
            assert table.cursor_row == app.view.focused - 1
            await pilot.press("down", "down", "enter")
            await pilot.pause()
            assert not isinstance(app.screen, OverviewScreen)
            assert app.view.focused == 3
            assert 3 in app.view.displayed
            await pilot.press("o")
            await pilot.pause()
            assert app.screen.query_one(Scorecard).cursor_row == 2  # opens on the focused version
            await pilot.press("o")  # o again closes it
            await pilot.pause()
            assert not isinstance(app.screen, OverviewScreen)
            assert app.view.focused == 3

    run(body())


def test_overview_numbers_are_the_cores_stats(sample_articles, private_config):
    async def body():
        app = ReaderApp(sample_articles)
        async with app.run_test(size=(200, 50)) as pilot:
            await open_reader(pilot)
            await pilot.press("o")
            await pilot.pause()
            table = app.screen.query_one(Scorecard)
            for index, version in enumerate(app.view.comparison.versions):
                row = [getattr(c, "plain", str(c)) for c in table.get_row_at(index)]
                assert row[1].rstrip("…") in version.article.name
                assert row[2] == f"{round(version.stats['base_kept'] * 100)}%"
                assert row[9] == str(version.stats["cut"])
                assert row[6] == str(len(version.findings))

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
