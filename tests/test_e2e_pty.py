"""End to end: the real `reader demo` in a pseudo-terminal, read back through a terminal emulator (pyte)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pexpect
import pyte
import pytest

ROOT = Path(__file__).resolve().parent.parent


class Terminal:
    """A running command in an 80x24 (or other) pseudo-terminal and the screen a person would see."""

    def __init__(self, args: list[str], size=(80, 24), env: dict | None = None) -> None:
        columns, lines = size
        self.screen = pyte.Screen(columns, lines)
        self.stream = pyte.ByteStream(self.screen)
        full_env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}  # only the test decides
        full_env.update({"TERM": "xterm-256color", "COLORTERM": "truecolor", **(env or {})})
        self.child = pexpect.spawn(
            sys.executable, args, cwd=str(ROOT), env=full_env, dimensions=(lines, columns), timeout=30
        )

    def pump(self, seconds: float = 0.2) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            try:
                data = self.child.read_nonblocking(65536, timeout=0.05)
            except pexpect.TIMEOUT:
                continue
            except pexpect.EOF:
                return
            self.stream.feed(data)

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for(self, *needles: str, timeout: float = 45) -> str:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.pump(0.2)
            text = self.text()
            if all(n in text for n in needles):
                return text
        raise AssertionError(f"never saw {needles!r} on screen:\n{self.text()}")

    def send(self, keys: str) -> None:
        self.child.send(keys)

    def finish(self, timeout: float = 15) -> int:
        end = time.monotonic() + timeout
        while self.child.isalive() and time.monotonic() < end:
            self.pump(0.1)
        self.child.close()
        return self.child.exitstatus


@pytest.fixture
def private_config(tmp_path):
    folder = tmp_path / "config"
    folder.mkdir()
    return str(folder)


@pytest.mark.parametrize("no_color", [False, True], ids=["colour", "NO_COLOR"])
def test_demo_opens_shows_the_story_and_quits_cleanly(private_config, no_color):
    env = {"READER_CONFIG_DIR": private_config}
    if no_color:
        env["NO_COLOR"] = "1"
    terminal = Terminal(["-m", "reader", "demo"], size=(80, 24), env=env)
    try:
        screen = terminal.wait_for("00-wire.txt", "01-reprint-trimmed.txt", "kept", "Port Alder")
        assert "wire / base" in screen
        assert "Traceback" not in screen
        terminal.send("n")  # next change: still on screen, no crash
        terminal.send("?")
        screen = terminal.wait_for("reader keys", "Next change")
        terminal.send("\x1b")
        time.sleep(0.3)
        terminal.send("q")
        status = terminal.finish()
    finally:
        if terminal.child.isalive():
            terminal.child.terminate(force=True)
    assert status == 0
