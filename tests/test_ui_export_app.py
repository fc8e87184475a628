"""Export from the reader: e and the command palette write a report and say where."""

from __future__ import annotations

import json

from reader.ui.export_action import ExportScreen
from tests.ui_app_helpers import open_reader, private_config  # noqa: F401 - fixture
from tests.ui_extras_fixtures import fixed_reader, run, snapshot_comparison


async def _wait_for_file(pilot, folder, pattern):
    for _ in range(100):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        found = sorted(folder.glob(pattern))
        if found:
            return found
    return []


def test_e_writes_the_chosen_format_into_the_configured_folder(monkeypatch, private_config, tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    (private_config / "config.yaml").write_text(f"export_dir: {reports}\n", encoding="utf-8")

    async def body():
        app = fixed_reader(monkeypatch, snapshot_comparison())
        async with app.run_test(size=(120, 36)) as pilot:
            await open_reader(pilot)
            await pilot.press("e")
            await pilot.pause()
            assert isinstance(app.screen, ExportScreen)
            await pilot.press("j")
            written = await _wait_for_file(pilot, reports, "*.json")
            assert len(written) == 1
            data = json.loads(written[0].read_text(encoding="utf-8"))
            assert len(data["versions"]) == len(snapshot_comparison().versions)
            messages = [n.message for n in app._notifications]
            assert any(str(written[0]) in m for m in messages)
            # A second export never overwrites the first.
            await pilot.press("e", "j")
            await pilot.pause()
            written = await _wait_for_file(pilot, reports, "*-2.json")
            assert len(sorted(reports.glob("*.json"))) == 2

    run(body())


def test_palette_offers_each_format_and_a_missing_folder_is_reported(monkeypatch, private_config, tmp_path):
    (private_config / "config.yaml").write_text(f"export_dir: {tmp_path / 'gone'}\n", encoding="utf-8")

    async def body():
        app = fixed_reader(monkeypatch, snapshot_comparison())
        async with app.run_test(size=(120, 36)) as pilot:
            await open_reader(pilot)
            titles = [c.title for c in app.get_system_commands(app.screen)]
            for label in ("Export Markdown report", "Export HTML report", "Export JSON report"):
                assert label in titles
            assert "Overview" in titles and "Change map (toggle)" in titles
            command = next(c for c in app.get_system_commands(app.screen) if c.title == "Export HTML report")
            command.callback()
            for _ in range(20):
                await app.workers.wait_for_complete()
                await pilot.pause()
            messages = [n.message for n in app._notifications]
            assert any("gone" in m and "does not exist" in m for m in messages)
            assert app.is_running

    run(body())
