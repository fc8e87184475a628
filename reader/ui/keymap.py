"""The user's ``config.yaml``: key remapping (``keys:`` binding id -> keys), theme and export folder.

Example ``~/.config/reader/config.yaml``::

    theme: reader-light
    export_dir: ~/Documents/reader-reports
    keys:
      view.overview: f2
      app.export: ctrl+e,E

Every problem (bad YAML, an unknown binding id, a key that no keyboard can produce) becomes one line that
the app shows as a notification; the rest of the file still applies.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import KEY_NAME_REPLACEMENTS, Keys, key_to_character

from reader.settings.config import (
    SettingsFileError,
    config_dir,
    cut,
    load_settings_yaml,
    quoted,
    read_settings_text,
)

SETTINGS = ("keys", "theme", "export_dir")
_MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
_KEY_NAMES = frozenset(k.value for k in Keys) | frozenset(KEY_NAME_REPLACEMENTS.values())


def config_file() -> Path:
    return config_dir() / "config.yaml"


@dataclass
class UserSettings:
    keys: dict[str, str] = field(default_factory=dict)
    theme: str | None = None
    export_dir: str | None = None
    problems: list[str] = field(default_factory=list)


def is_valid_key(key: str) -> bool:
    """True for keys Textual can deliver: 'x', 'F', 'f5', 'ctrl+e', 'question_mark', 'shift+tab'."""
    *modifiers, name = key.split("+") if len(key) > 1 else [key]
    if any(m not in _MODIFIERS for m in modifiers) or not name:
        return False
    return len(name) == 1 or name in _KEY_NAMES or key_to_character(name) is not None


def _key_list(value: object) -> str | None:
    if isinstance(value, str):
        keys = [k.strip() for k in value.split(",")] if len(value) > 1 else [value]
    elif isinstance(value, list) and all(isinstance(k, str) for k in value):
        keys = [k.strip() if len(k) > 1 else k for k in value]
    else:
        return None
    keys = [k for k in keys if k]
    if not keys or not all(is_valid_key(k) for k in keys):
        return None
    return ",".join(keys)


def parse_settings(data: object, source: str) -> UserSettings:
    settings = UserSettings()
    if data is None:
        return settings
    if not isinstance(data, dict):
        settings.problems.append(f"{source}: expected a mapping with {', '.join(SETTINGS)}")
        return settings
    for name in data:
        if name not in SETTINGS:
            settings.problems.append(
                f"{source}: unknown setting {quoted(name)} (known: {', '.join(SETTINGS)})"
            )
    for name in ("theme", "export_dir"):
        value = data.get(name)
        if value is None:
            continue
        if isinstance(value, str) and value.strip():
            setattr(settings, name, value.strip())
        else:
            settings.problems.append(f"{source}: {name!r} must be a string, got {quoted(value)}")
    keys = data.get("keys")
    if keys is None:
        return settings
    if not isinstance(keys, dict):
        settings.problems.append(f"{source}: 'keys' must map binding ids to keys, e.g. 'overview: f2'")
        return settings
    for binding_id, value in keys.items():
        key_list = _key_list(value)
        if key_list is None:
            settings.problems.append(
                f"{source}: keys.{cut(str(binding_id))}: not a key or list of keys: {quoted(value)}"
            )
        else:
            settings.keys[str(binding_id)] = key_list
    return settings


def load_settings(path: Path | None = None) -> UserSettings:
    path = path or config_file()
    try:
        data = load_settings_yaml(read_settings_text(path, "config file"), str(path))
    except FileNotFoundError:
        return UserSettings()
    except SettingsFileError as error:
        return UserSettings(problems=[f"{error}; settings ignored"])
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        return UserSettings(problems=[f"{path}: not valid YAML{where}; settings ignored"])
    return parse_settings(data, str(path))


def _all_subclasses(cls: type) -> list[type]:
    found, stack = [], [cls]
    while stack:
        for sub in stack.pop().__subclasses__():
            found.append(sub)
            stack.append(sub)
    return found


def bindings_with_ids(app) -> dict[str, Binding]:
    """Every binding with an id that the app, its screens or any widget class loaded so far declares."""
    classes = [app if isinstance(app, type) else type(app), *_all_subclasses(DOMNode)]
    result: dict[str, Binding] = {}
    for cls in classes:
        for binding in getattr(cls, "BINDINGS", ()):
            if isinstance(binding, Binding) and binding.id:
                result.setdefault(binding.id, binding)
    return result


def check_keymap(app, keys: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """Split the remapping into the entries that match a binding id and one problem line per other id."""
    known = bindings_with_ids(app)
    problems = []
    valid = {}
    for binding_id, key_list in keys.items():
        if binding_id in known:
            valid[binding_id] = key_list
        else:
            close = difflib.get_close_matches(binding_id, sorted(known), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            problems.append(
                f"config keys: no binding with id {binding_id!r}{hint} ('reader config' lists them)"
            )
    return valid, problems


def apply_keymap(app, keys: dict[str, str]) -> list[str]:
    """Apply the remapping with ``App.set_keymap``; return one line per id that matches no binding."""
    if not keys:
        return []
    valid, problems = check_keymap(app, keys)
    app.set_keymap(valid)
    return problems
