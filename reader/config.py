"""Where the user's own files live: profile.yaml, config.yaml (key bindings), themes/*.yaml."""

from __future__ import annotations

import os
from pathlib import Path


def config_dir() -> Path:
    """``$READER_CONFIG_DIR``, else ``$XDG_CONFIG_HOME/reader``, else ``~/.config/reader``."""
    explicit = os.environ.get("READER_CONFIG_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CONFIG_HOME")
    return (Path(xdg) if xdg else Path.home() / ".config") / "reader"
