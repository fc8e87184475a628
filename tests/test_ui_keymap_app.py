"""Key remapping in the real reader, and ids/descriptions on every binding of the extra screens."""

from __future__ import annotations

from reader.ui.app import ReaderApp
from reader.ui.export_action import ExportScreen
from reader.ui.keymap import bindings_with_ids
from reader.ui.overview import OverviewScreen
from tests.ui_app_helpers import open_reader, private_config  # noqa: F401 - fixture
from tests.ui_extras_fixtures import fixed_reader, run, snapshot_comparison


def test_extra_screens_bindings_have_ids_and_descriptions():
    for screen in (OverviewScreen, ExportScreen):
        for binding in screen.BINDINGS:
            assert binding.id and binding.description.strip(), (screen.__name__, binding)
    ids = [b.id for b in ReaderApp.BINDINGS] + [b.id for s in (OverviewScreen, ExportScreen) for b in s.BINDINGS]
    assert len(ids) == len(set(ids))
    for reserved in ("view.overview", "view.change_map", "app.export"):
        assert reserved in ids


def test_config_file_remaps_keys_and_reports_unknown_ids(monkeypatch, private_config):
    (private_config / "config.yaml").write_text(
        "keys:\n  view.overview: f2\n  app.export: ctrl+e\n  view.overveiw: f3\n", encoding="utf-8"
    )

    async def body():
        app = fixed_reader(monkeypatch, snapshot_comparison())
        async with app.run_test(size=(120, 36)) as pilot:
            await open_reader(pilot)
            messages = [n.message for n in app._notifications]
            assert any("'view.overveiw'" in m for m in messages)
            await pilot.press("o")  # the old key no longer opens the overview
            await pilot.pause()
            assert not isinstance(app.screen, OverviewScreen)
            await pilot.press("f2")
            await pilot.pause()
            assert isinstance(app.screen, OverviewScreen)
            await pilot.press("escape")
            await pilot.press("ctrl+e")
            await pilot.pause()
            assert isinstance(app.screen, ExportScreen)
            assert "view.overview" in bindings_with_ids(app)

    run(body())
