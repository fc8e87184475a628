"""Shared fixtures for the reader app tests: the sample story and a way to open the app on it."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_articles" / "harbour-strike"


@pytest.fixture(scope="session")
def sample_articles():
    from reader.loading.sources import load_sources

    return load_sources([str(SAMPLES)])


@pytest.fixture(scope="session")
def sample_comparison(sample_articles):
    """The sample story analysed once; apps given it skip their own (identical) analysis."""
    from reader.comparison import compare

    return compare(sample_articles[0], sample_articles[1:])


async def wait_for_analysis(pilot) -> None:
    """Let the analysis worker finish and the panes lay themselves out."""
    app = pilot.app
    for _ in range(400):  # at most ~20 s on a slow machine
        await app.workers.wait_for_complete()
        await pilot.pause(0.05)
        if getattr(app, "view", None) is not None and app.view.layout.total:
            break
    else:
        workers = [(w.name, w.state, w.error) for w in app.workers]
        loading = [str(w.render()) for w in app.query("#loading-text")]
        raise AssertionError(f"the analysis did not finish: {workers} {loading}")
    await settle(pilot)


async def settle(pilot) -> None:
    """Wait until a pending re-layout of the panes (after a toggle or resize) has run."""
    quiet = 0
    for _ in range(200):
        await pilot.pause(0.02)
        quiet = 0 if getattr(pilot.app, "_layout_pending", False) else quiet + 1
        if quiet >= 3:  # no re-layout asked for over a few frames: sizes have settled
            break
    await pilot.pause()


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    """Run ``async def`` tests in a fresh event loop (Textual's Pilot needs one; no plugin required)."""
    import asyncio
    import inspect

    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    kwargs = {name: pyfuncitem.funcargs[name] for name in names}
    asyncio.run(pyfuncitem.obj(**kwargs))
    return True


@pytest.fixture(autouse=True)
def _never_the_users_config(tmp_path_factory, monkeypatch):
    """No test reads or writes the real ~/.config/reader (the app saves a theme picked in the palette)."""
    monkeypatch.setenv("READER_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))


@pytest.fixture
def reader_private_config(tmp_path, monkeypatch):
    """An empty config directory (no user themes, key maps or profiles leak into tests) and no NO_COLOR."""
    folder = tmp_path / "reader-config"
    folder.mkdir()
    monkeypatch.setenv("READER_CONFIG_DIR", str(folder))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return folder
