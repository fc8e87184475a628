"""Every key pressed while the first screen is being built does nothing harmful: the panes are mounted
before the reader acts on them (a key there used to end the app with a traceback)."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from textual.widget import Widget

from reader.loading import load_article
import reader.ui.app as app_module
from reader.ui.app import ReaderApp
from tests.conftest import wait_for_analysis
from tests.ui_extras_fixtures import run

SAMPLES = Path(__file__).resolve().parent.parent / "sample_articles" / "harbour-strike"
# What the reader's own screen does for its keys: every binding but quitting.
ACTIONS = [binding.action for binding in ReaderApp.BINDINGS if binding.action != "quit"]


def test_keys_pressed_while_the_panes_are_being_mounted_do_no_harm(monkeypatch):
    reached, gate = asyncio.Event(), asyncio.Event()
    mount_all = Widget.mount_all

    def held_mount_all(self, widgets, **options):
        if self.id != "panes" or not any((w.id or "").startswith("column-") for w in widgets):
            return mount_all(self, widgets, **options)

        async def held():
            reached.set()
            await gate.wait()  # the test presses keys while the new panes are not mounted yet
            await mount_all(self, widgets, **options)

        return held()

    monkeypatch.setattr(Widget, "mount_all", held_mount_all)
    # The analysis waits until the app has started, so that the held mount is the analysis's, after start-up.
    started = threading.Event()
    build_grid = app_module.build_grid
    monkeypatch.setattr(app_module, "build_grid", lambda comparison: started.wait(60) and build_grid(comparison))
    articles = [load_article(str(path)) for path in sorted(SAMPLES.glob("0*.txt"))]

    async def body():
        app = ReaderApp(articles)
        async with app.run_test(size=(80, 24)) as pilot:
            started.set()
            await asyncio.wait_for(reached.wait(), timeout=60)
            for action in ACTIONS:  # as the keys do; pilot.press would wait for the held mount to finish
                await app.run_action(action)
            assert app.view is None
            while len(app.screen_stack) > 1:  # help, overview...: back to the reader
                app.pop_screen()  # nothing acted on panes that do not exist
            gate.set()
            await wait_for_analysis(pilot)
            await pilot.pause()
            assert app.view is not None and app.query("ArticlePane")
            await pilot.press("3")  # and the keys work once the panes are there: at 80 columns, 3 shows version 3
            await pilot.pause()
            assert app.view.focused == 3 and 3 in app.view.displayed

    run(body())
