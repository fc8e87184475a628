"""SVG snapshots of the main reader screen on the sample story (fixed theme and size, analysis finished)."""

from __future__ import annotations

import pytest

from reader.ui.app import ReaderApp
from tests.conftest import wait_for_analysis

pytestmark = pytest.mark.usefixtures("reader_private_config")


def reader_app(sample_articles, comparison=None) -> ReaderApp:
    return ReaderApp(sample_articles, theme_name="reader-dark", comparison=comparison)


async def ready(pilot) -> None:
    await wait_for_analysis(pilot)
    pilot.app.theme = "reader-dark"
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
def test_main_screen(snap_compare, sample_articles, size):
    assert snap_compare(reader_app(sample_articles), terminal_size=size, run_before=ready)


def test_main_screen_after_next_change_and_finding(snap_compare, sample_articles, sample_comparison):
    """The cursor on a changed row, a finding's spans highlighted; at 160 columns the panel is closed, so a
    notification says what the finding is."""

    async def navigate(pilot) -> None:
        await ready(pilot)
        await pilot.press("tab", "tab", "tab", "f")
        await pilot.pause()

    assert snap_compare(reader_app(sample_articles, sample_comparison), terminal_size=(160, 48), run_before=navigate)


def test_unified_view_at_80_columns(snap_compare, sample_articles, sample_comparison):
    async def unified(pilot) -> None:
        await ready(pilot)
        await pilot.press("u", "n")
        await pilot.pause()

    assert snap_compare(reader_app(sample_articles, sample_comparison), terminal_size=(80, 24), run_before=unified)
