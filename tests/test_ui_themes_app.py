"""Themes in the real reader: --theme, config theme, bad files, snapshots, NO_COLOR in a real terminal."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pexpect
import pyte
import pytest

from reader.ui.theming import DEFAULT_THEME
from tests.ui_app_helpers import open_reader, private_config  # noqa: F401 - fixture
from tests.ui_extras_fixtures import fixed_reader, run, snapshot_comparison

ROOT = Path(__file__).resolve().parent.parent


def test_theme_option_config_theme_and_palette_switching(monkeypatch, private_config):
    (private_config / "config.yaml").write_text("theme: reader-colour-blind\n", encoding="utf-8")

    async def body():
        app = fixed_reader(monkeypatch, snapshot_comparison())
        async with app.run_test(size=(120, 36)) as pilot:
            await open_reader(pilot)
            assert app.theme == "reader-colour-blind"
            insert = app.theme_variables["reader-insert"]
            app.theme = "reader-high-contrast"
            await pilot.pause()
            assert app.theme_variables["reader-insert"] != insert
        explicit = fixed_reader(monkeypatch, snapshot_comparison(), theme_name="reader-light")
        async with explicit.run_test(size=(120, 36)) as pilot:
            await open_reader(pilot)
            assert explicit.theme == "reader-light"  # --theme wins over the config file

    run(body())


def test_bad_theme_file_opens_the_reader_with_the_default_theme_and_a_message(
    monkeypatch, private_config, tmp_path
):
    bad = tmp_path / "garish.yaml"
    bad.write_text("name: garish\nprimary: '#ff00ff'\nbackgroud: '#000000'\n", encoding="utf-8")
    (private_config / "themes").mkdir()
    (private_config / "themes" / "broken.yaml").write_text("name: [oops\n", encoding="utf-8")

    async def body():
        app = fixed_reader(monkeypatch, snapshot_comparison(), theme_name=str(bad))
        async with app.run_test(size=(120, 36)) as pilot:
            await open_reader(pilot)
            assert app.theme == DEFAULT_THEME
            assert app.view is not None and app._visible_panes()
            messages = [n.message for n in app._notifications]
            assert any("garish.yaml" in m and "unknown key 'backgroud'" in m for m in messages)
            assert any("broken.yaml" in m and "not valid YAML" in m for m in messages)

    run(body())


@pytest.mark.parametrize(("theme", "size"), [("reader-light", (80, 24)), ("reader-high-contrast", (160, 48))])
def test_main_screen_snapshot(snap_compare, monkeypatch, private_config, theme, size):
    app = fixed_reader(monkeypatch, snapshot_comparison(), theme_name=theme)
    assert snap_compare(app, terminal_size=size, run_before=open_reader)


def _screen_text(child, screen, stream, until, timeout=30.0) -> str:
    deadline = time.monotonic() + timeout
    text = ""
    while time.monotonic() < deadline:
        try:
            stream.feed(child.read_nonblocking(65536, timeout=0.2).decode("utf-8", "replace"))
        except pexpect.TIMEOUT:
            pass
        except pexpect.EOF:
            break
        text = "\n".join(screen.display)
        if until(text):
            return text
    return text


def test_no_color_in_a_real_terminal_keeps_changes_distinguishable(private_config):
    """Run `reader demo` with NO_COLOR=1 in a pseudo-terminal: no colour reaches the screen, yet insertions
    (underline), deletions (strike) and facts (reverse) are still told apart, and the change map shows glyphs."""
    env = {**os.environ, "NO_COLOR": "1", "TERM": "xterm-256color", "COLUMNS": "160", "LINES": "48"}
    env.pop("COLORTERM", None)
    screen = pyte.Screen(160, 48)
    stream = pyte.Stream(screen)
    child = pexpect.spawn(
        sys.executable, ["-m", "reader", "demo"], cwd=str(ROOT), env=env, dimensions=(48, 160)
    )
    try:
        text = _screen_text(child, screen, stream, lambda t: "wire ¶1 of" in t and "palette" in t)
        assert "00-wire.txt" in text, text
        text = _screen_text(child, screen, stream, lambda t: False, timeout=1.0)  # let the panes settle
        colours = {
            (char.fg, char.bg)
            for row in screen.buffer.values()
            for char in row.values()
            if char.data.strip()
        }
        greys_or_default = all(
            fg == "default" or (len(fg) == 6 and fg[0:2] == fg[2:4] == fg[4:6]) for fg, _ in colours
        )
        assert greys_or_default, colours
        styles = {
            (char.underscore, char.strikethrough, char.reverse)
            for row in screen.buffer.values()
            for char in row.values()
            if char.data.strip()
        }
        assert any(u and not s for u, s, _ in styles), "no underlined (inserted) text"
        assert any(s for _, s, _ in styles), "no struck (deleted) text"
        assert any(r for _, _, r in styles), "no reversed (fact/finding) text"
        assert "1234" in text  # the change map header, one column per version
        child.send("q")
        child.expect(pexpect.EOF, timeout=10)
    finally:
        child.close(force=True)
