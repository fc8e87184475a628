"""Change one top-level setting of a YAML settings file and keep the rest of the file as it was.

The edit is made on the text, not by loading and dumping the YAML, so the user's comments, order and layout
survive. The file is replaced atomically, and only when the edited text still parses to what was there
before with just that one setting changed.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import yaml

from reader.errors import ReaderError
from reader.settings.config import (
    SettingsFileError,
    load_settings_yaml,
    read_settings_text,
    settings_file_exists,
)


def _edited_text(text: str, key: str, line: str) -> str:
    lines = text.splitlines(keepends=True)
    starts = re.compile(rf"{re.escape(key)}\s*:")
    for index, old in enumerate(lines):
        if starts.match(old):
            end = index + 1
            while end < len(lines) and (lines[end][:1] in (" ", "\t") or not lines[end].strip()):
                end += (
                    1  # the old value's continuation lines (a block scalar, a list), and blank lines after it
                )
            blanks = [x for x in lines[index + 1 : end] if not x.strip()]
            return "".join(lines[:index] + [line + "\n"] + blanks + lines[end:])
    separator = "" if not text or text.endswith("\n") else "\n"
    return text + separator + line + "\n"


def set_top_level(path: Path, key: str, value: str) -> None:
    """Set ``key: value`` in the YAML mapping at ``path`` (created if missing); raise ReaderError if the file
    cannot be edited safely (not a regular file, too large, not a mapping, unwritable)."""
    path = Path(os.path.realpath(path))
    try:
        text = read_settings_text(path) if settings_file_exists(path) else ""
        before = load_settings_yaml(text, str(path)) if text.strip() else {}
    except SettingsFileError as error:
        raise ReaderError(f"{error}; setting not saved") from None
    except yaml.YAMLError:
        raise ReaderError(f"{path}: the settings are not valid YAML; setting not saved") from None
    if not isinstance(before, dict):
        raise ReaderError(f"{path}: the settings are not a mapping; setting not saved")
    line = yaml.safe_dump({key: value}, default_flow_style=False, allow_unicode=True).strip()
    edited = _edited_text(text, key, line)
    if load_settings_yaml(edited, str(path)) != {**before, key: value}:
        raise ReaderError(f"{path}: cannot change {key!r} without rewriting the file; setting not saved")
    _replace(path, edited)


def _replace(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".rdr-", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(text)
            os.chmod(temporary, mode)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError as error:
        raise ReaderError(
            f"{path}: cannot save the settings ({error.strerror or type(error).__name__})"
        ) from None
