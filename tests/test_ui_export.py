"""Export from the app: free file names, never overwriting, the format dialog, errors as one line."""

from __future__ import annotations

import json

import pytest

from reader.errors import ReaderError
from reader.ui.export_action import ExportScreen, export_report
from tests.ui_extras_fixtures import HostApp, run, small_comparison


def test_report_names_never_collide(tmp_path):
    comparison = small_comparison()
    first = export_report(comparison, "json", tmp_path)
    second = export_report(comparison, "json", tmp_path)
    assert first != second and first.parent == second.parent == tmp_path
    assert first.suffix == second.suffix == ".json"
    assert json.loads(first.read_text(encoding="utf-8")) == json.loads(second.read_text(encoding="utf-8"))
    markdown = export_report(comparison, "markdown", tmp_path)
    assert markdown.suffix == ".md" and "wire.txt" in markdown.read_text(encoding="utf-8")


def test_existing_file_is_left_untouched(tmp_path):
    first = export_report(small_comparison(), "markdown", tmp_path)
    first.write_text("my notes", encoding="utf-8")
    second = export_report(small_comparison(), "markdown", tmp_path)
    assert first.read_text(encoding="utf-8") == "my notes"
    assert second != first and "wire.txt" in second.read_text(encoding="utf-8")


def test_missing_folder_and_unknown_format_are_one_line_errors(tmp_path):
    with pytest.raises(ReaderError, match="export folder does not exist"):
        export_report(small_comparison(), "json", tmp_path / "nowhere")
    with pytest.raises(ReaderError, match="unknown report format"):
        export_report(small_comparison(), "pdf", tmp_path)


def test_export_dialog_picks_a_format_by_key_or_list():
    async def body():
        app = HostApp()
        async with app.run_test(size=(80, 24)) as pilot:
            app.push_screen(ExportScreen(app_folder), app.results.append)
            await pilot.pause()
            await pilot.press("h")
            await pilot.pause()
            app.push_screen(ExportScreen(app_folder), app.results.append)
            await pilot.pause()
            await pilot.press("down", "enter")
            await pilot.pause()
            app.push_screen(ExportScreen(app_folder), app.results.append)
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
        assert app.results == ["html", "html", None]

    from pathlib import Path

    app_folder = Path(".")
    run(body())
