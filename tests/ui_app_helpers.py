"""Open the real ReaderApp on the sample story with an empty, private config directory."""

from __future__ import annotations

import pytest

from tests.conftest import wait_for_analysis


@pytest.fixture
def private_config(tmp_path, monkeypatch):
    """A config dir of our own (no user themes or key maps leak in) and no NO_COLOR from the environment."""
    folder = tmp_path / "config"
    folder.mkdir()
    monkeypatch.setenv("READER_CONFIG_DIR", str(folder))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return folder


async def open_reader(pilot) -> None:
    await wait_for_analysis(pilot)
    await pilot.pause()
