"""``reader config``: where the settings live, which themes and key binding ids exist, and what is wrong.

Prints to standard output; problems go to standard error, one line each, and make the exit code 2 so the
command can check a config folder before the app is opened.
"""

from __future__ import annotations

import sys

from reader.errors import ReaderError
from reader.inert import visible_name
from reader.settings.config import SettingsFileError, config_dir, settings_file_exists
from reader.ui.keymap import bindings_with_ids, check_keymap, config_file, load_settings
from reader.ui.theming import choose_theme, describe_themes, load_catalogue, user_theme_folder


def _profile_problems() -> list[str]:
    """The user's profile.yaml, read as ``compare`` will read it."""
    from reader.settings.profile import resolve_profile

    try:
        resolve_profile()
    except ReaderError as error:
        return [str(error)]
    return []


def config_report() -> tuple[list[str], list[str]]:
    """(lines to print, problems) for the current config directory."""
    from reader.ui.app import ReaderApp  # imports every screen, so all binding ids are known
    from reader.ui.export_action import ExportScreen  # noqa: F401 - its bindings are remappable too
    from reader.ui.overview import OverviewScreen  # noqa: F401

    settings = load_settings()
    problems = list(settings.problems)
    try:
        present = settings_file_exists(config_file())
    except SettingsFileError:
        present = True  # cannot tell: load_settings has reported why
    lines = [
        f"config folder   {config_dir()}",
        f"config file     {config_file()}{'' if present else ' (not present)'}",
        f"user themes     {user_theme_folder()}",
        f"export folder   {settings.export_dir or 'the current directory'}",
        "",
        "Themes (--theme NAME or FILE, or 'theme:' in config.yaml):",
    ]
    problems += _profile_problems()
    theme_lines, theme_problems = describe_themes()
    lines += [f"  {line}" for line in theme_lines]
    problems += theme_problems
    if settings.theme:
        problems += choose_theme(None, load_catalogue(), configured=settings.theme).problems
    bindings = bindings_with_ids(ReaderApp)
    _, key_problems = check_keymap(ReaderApp, settings.keys)
    problems += key_problems
    lines += ["", "Key binding ids (remap under 'keys:' in config.yaml, e.g. 'view.overview: f2'):"]
    own = {
        i: b for i, b in bindings.items() if "." in i and not i.startswith(("textual.", "command_palette"))
    }
    for binding_id, binding in sorted(own.items()):
        keys = settings.keys.get(binding_id, binding.key)
        remapped = " (remapped)" if binding_id in settings.keys else ""
        lines.append(f"  {binding_id:<24} {keys:<22} {binding.tooltip or binding.description}{remapped}")
    return lines, problems


def run_config_command() -> int:
    lines, problems = config_report()
    print("\n".join(lines))
    for problem in problems:
        print(f"reader: {visible_name(problem)}", file=sys.stderr)
    return 2 if problems else 0
