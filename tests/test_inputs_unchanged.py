"""The reader never writes to the files it reads: contents, modification times and the folder listing
are the same after a full run of every report format and of the app."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import wait_for_analysis

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_articles"


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    return {
        path.name: (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
        for path in sorted(folder.iterdir())
    }


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """The wire text and the story in every other format, copied with their times into one folder."""
    folder = tmp_path / "inputs"
    folder.mkdir()
    for source in [SAMPLES / "harbour-strike" / "00-wire.txt", *(SAMPLES / "formats").iterdir()]:
        shutil.copy2(source, folder / source.name)
    return folder


def test_reports_in_every_format_leave_inputs_unchanged(inputs: Path, tmp_path: Path):
    before = snapshot(inputs)
    out = tmp_path / "out"
    out.mkdir()
    for fmt, extra in (("json", ()), ("markdown", ("-o", str(out / "report.md"))), ("html", ("-o", str(out / "report.html")))):
        result = subprocess.run(
            [sys.executable, "-m", "reader", "compare", str(inputs), "--format", fmt, *extra],
            capture_output=True, cwd=tmp_path, timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout if not extra else (out / Path(extra[1]).name).stat().st_size > 0
    assert snapshot(inputs) == before


def test_app_session_leaves_inputs_unchanged(inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import asyncio

    from reader.loading.sources import load_sources
    from reader.ui.app import ReaderApp

    monkeypatch.setenv("READER_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.chdir(tmp_path)
    before = snapshot(inputs)
    articles = load_sources([str(inputs)])
    assert len(articles) == 7

    async def session() -> None:
        app = ReaderApp(articles)
        async with app.run_test(size=(140, 40)) as pilot:
            await wait_for_analysis(pilot)
            for key in ("n", "f", "z", "u", "u", "tab", "end", "p", "p"):
                await pilot.press(key)
                await pilot.pause()
            await pilot.press("q")

    asyncio.run(session())
    assert snapshot(inputs) == before
