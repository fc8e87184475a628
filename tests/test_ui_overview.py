"""The overview screen: scorecard figures from the core's stats, details, Enter/Escape results."""

from __future__ import annotations

from reader.ui.overview import OverviewScreen, Scorecard, credit_status, version_details
from tests.ui_extras_fixtures import HostApp, run, small_comparison


def test_credit_status_against_the_wire():
    comparison = small_comparison()
    trimmed, quotes = comparison.versions
    assert credit_status("Agency", trimmed) == "dropped"
    assert credit_status("Agency", quotes) == "kept"
    assert credit_status(None, quotes) == "added"
    assert credit_status(None, trimmed) == "none"


def test_details_say_what_an_editor_needs():
    comparison = small_comparison()
    trimmed = version_details(comparison, 0).plain
    assert "Keeps 75% of the wire" in trimmed
    assert "100% of its own text comes from the wire" in trimmed
    assert "Credit DROPPED (the wire credits Agency)" in trimmed
    assert "No findings" in trimmed
    quotes = version_details(comparison, 1).plain
    assert "Findings (1)" in quotes and "quote altered: 'loudly' added" in quotes
    assert "!! major" in quotes and "¶3" in quotes  # severity has a symbol, not only a colour


def _table_text(table: Scorecard) -> list[list[str]]:
    return [[str(getattr(cell, "plain", cell)) for cell in table.get_row_at(r)] for r in range(table.row_count)]


def test_scorecard_rows_show_the_core_stats():
    async def body():
        app = HostApp()
        async with app.run_test(size=(160, 48)) as pilot:
            app.push_screen(OverviewScreen(small_comparison()))
            await pilot.pause()
            rows = _table_text(app.screen.query_one(Scorecard))
        assert rows[0][:7] == ["1", "trimmed.txt", "copy", "75%", "100%", "dropped", "0"]
        assert rows[1][:7] == ["2", "quotes.txt", "copy", "100%", "90%", "kept", "1"]
        assert rows[0][10] == "1"  # one paragraph cut

    run(body())


def test_enter_returns_the_highlighted_version_and_escape_returns_none():
    async def body():
        app = HostApp()
        async with app.run_test(size=(80, 24)) as pilot:
            app.push_screen(OverviewScreen(small_comparison()), app.results.append)
            await pilot.pause()
            await pilot.press("down")
            details = str(app.screen.query_one("#overview-details-text").render())
            assert "quotes.txt" in details
            await pilot.press("enter")
            await pilot.pause()
            app.push_screen(OverviewScreen(small_comparison(), current=1), app.results.append)
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(app.screen, OverviewScreen)
        assert app.results == [1, None]

    run(body())
