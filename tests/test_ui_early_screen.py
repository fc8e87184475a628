"""A long story opens on the first version as soon as it is compared; the others join it in place."""

from __future__ import annotations

import threading

import pytest

from reader.ui import app as app_module
from reader.ui.app import ReaderApp
from tests.conftest import settle

pytestmark = pytest.mark.usefixtures("reader_private_config")


def header(app, column: int) -> str:
    return str(app.query_one(f"#header-{column}").render())


async def wait_until(pilot, condition, what: str) -> None:
    for _ in range(400):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"never happened: {what}")


async def test_first_version_is_shown_while_the_others_are_still_being_compared(sample_articles, monkeypatch):
    gate = threading.Event()
    real_compare_each = app_module.compare_each

    def held_after_the_first(base, others, profile, progress):
        def held(done, total, name):
            progress(done, total, name)
            if done == 1:
                gate.wait(20)  # the test looks at the first screen meanwhile

        yield from real_compare_each(base, others, profile, held)

    # The samples are short: treat them as a long story, and hold the analysis after the first version.
    monkeypatch.setattr(app_module, "EARLY_SCREEN_CHARACTERS", 0)
    monkeypatch.setattr(app_module, "compare_each", held_after_the_first)
    app = ReaderApp(sample_articles)
    async with app.run_test(size=(160, 40)) as pilot:
        try:
            await wait_until(pilot, lambda: app.view is not None and app.view.layout.total, "the first screen")
            await settle(pilot)
            assert not app.view.comparison.complete
            assert "kept" in header(app, 1)  # the first version: its scorecard
            assert "still being compared" in header(app, 2)
            assert "still comparing the versions" in header(app, 0)  # nothing is kept by every version yet
            assert "comparing 2 of 4" in str(app.query_one("#status").render())
            assert all(row.cells[2].kind.name == "BLANK" for row in app.view.grid.rows)

            await pilot.press("n", "n", "n")  # read on meanwhile
            paragraphs = app.view.grid.rows[app.view.cursor].cells[0].paragraphs
            await pilot.press("e")  # no report of half an analysis
            assert not app.query("ExportScreen")
            rows_before = len(app.view.grid.rows)
        finally:
            gate.set()

        await wait_until(pilot, lambda: app.view.comparison.complete, "the whole analysis")
        await settle(pilot)
        assert "still being compared" not in header(app, 2) and "kept" in header(app, 2)
        assert any(row.cells[2].kind.name == "TEXT" for row in app.view.grid.rows)
        assert len(app.view.grid.rows) != rows_before  # regrouped for all versions…
        if paragraphs:  # …and the cursor still on the wire paragraph the reader was at
            assert app.view.grid.rows[app.view.cursor].cells[0].paragraphs == paragraphs
        assert app.focused is app.query_one(f"#pane-{app.view.focused}")
