"""Colour themes: built-in and user YAML files, each a 1:1 image of Textual's ``Theme`` dataclass.

A theme file's top-level keys are the fields of ``textual.theme.Theme``; its ``variables:`` block holds the
reader's own colours (``reader-insert``, ``reader-delete``, ...) and, optionally, Textual's design variables.
Anything else is rejected with a one-line message naming the file and the key, and the app falls back to
the default theme: a broken theme file never stops the reader from opening.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml
from textual.color import Color, ColorParseError
from textual.css.constants import VALID_STYLE_FLAGS
from textual.theme import BUILTIN_THEMES, Theme

from reader.errors import ReaderError
from reader.settings.config import (
    SettingsFileError,
    config_dir,
    cut,
    load_settings_yaml,
    quoted,
    read_settings_text,
    yaml_problem,
)

DEFAULT_THEME = "reader-dark"
SIXTEEN_COLOUR_THEME = "reader-16"
BUILTIN_THEME_NAMES = (
    "reader-dark",
    "reader-light",
    "reader-high-contrast",
    "reader-colour-blind",
    "reader-16",
)

# Fallbacks so that CSS using $reader-* parses under any theme (Textual's own themes included). Mid-tone
# colours chosen to read on both dark and light backgrounds.
READER_VARIABLE_DEFAULTS: dict[str, str] = {
    "reader-insert": "#2ea05a",
    "reader-delete": "#d9534f",
    "reader-move": "#3d8fd1",
    "reader-noise": "#8a8f98",
    "reader-quote": "#a66fd6",
    "reader-attribution": "#d08b1f",
    "reader-fact": "#e0a500",
    "reader-gap": "#80808033",
    "reader-meta": "#8a8f98",
}

_FIELDS = {f.name: f for f in dataclasses.fields(Theme)}
_COLOUR_FIELDS = ("primary", "secondary", "warning", "error", "success", "accent", "foreground", "background")
_COLOUR_FIELDS += ("surface", "panel", "boost")
_BOOL_FIELDS = ("dark", "ansi")
_FRACTION_FIELDS = ("luminosity_spread", "text_alpha")


class ThemeError(ReaderError):
    """A theme file that cannot be used, explained in one line."""


def _is_text_style(value: str) -> bool:
    words = value.split()
    return bool(words) and all(word in VALID_STYLE_FLAGS for word in words)


@dataclass(frozen=True)
class _VariableForm:
    """The values Textual's own themes give a design variable: a text style, or a colour that may be a
    keyword (``auto``, ``initial``) and may carry an opacity (``#1e90ff 50%``)."""

    style: bool = False
    keywords: tuple[str, ...] = ()
    alpha: bool = False


def _textual_variable_forms() -> dict[str, _VariableForm]:
    found: dict[str, tuple[bool, set[str], bool]] = {}
    for theme in BUILTIN_THEMES.values():
        for name, value in theme.to_color_system().generate().items():
            style, keywords, alpha = found.get(name, (True, set(), False))
            first, *rest = value.split() or [""]
            if first in ("auto", "initial"):
                keywords.add(first)
            found[name] = (
                style and _is_text_style(value),
                keywords,
                alpha or bool(rest and rest[-1].endswith("%")),
            )
    return {
        name: _VariableForm(style, tuple(sorted(keywords)), alpha)
        for name, (style, keywords, alpha) in found.items()
    }


_TEXTUAL_VARIABLES = _textual_variable_forms()
# Characters that would end the CSS value the variable is pasted into, or refer to another variable.
_CSS_SYNTAX = set(";{}$:")


def _check_colour(
    value: object, where: str, source: str, keywords: tuple[str, ...] = (), alpha_ok: bool = True
) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ThemeError(f"{source}: {where} must be a colour such as '#1e90ff', got {quoted(value)}")
    if _CSS_SYNTAX & set(value):
        raise ThemeError(f"{source}: {where} must be a plain colour, not CSS or a $variable: {quoted(value)}")
    colour, _, alpha = value.strip().partition(" ")
    if colour not in keywords:
        try:
            Color.parse(colour)
        except ColorParseError:
            raise ThemeError(f"{source}: {where} is not a colour: {quoted(value)}") from None
    if alpha and not alpha_ok:
        raise ThemeError(f"{source}: {where} takes no opacity, got {quoted(value)}")
    if alpha and not (alpha.endswith("%") and alpha[:-1].replace(".", "", 1).isdigit()):
        raise ThemeError(f"{source}: {where} has a bad opacity {quoted(alpha)} (expected e.g. '50%')")
    return value.strip()


def _check_textual_variable(name: str, setting: object, source: str) -> str:
    """A Textual design variable holds the kind of value Textual gives it, and nothing the CSS it is pasted
    into would read as syntax: the same check for ``reader config`` and the app."""
    where = f"variables.{name}"
    form = _TEXTUAL_VARIABLES[name]
    if not form.style:
        return _check_colour(setting, where, source, form.keywords, form.alpha)
    if not isinstance(setting, str) or not _is_text_style(setting):
        raise ThemeError(
            f"{source}: {where} must be a text style such as 'bold underline' (or 'none'), got {quoted(setting)}"
        )
    return " ".join(setting.split())


def _check_variables(value: object, source: str) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ThemeError(f"{source}: 'variables' must be a mapping of name: colour")
    variables: dict[str, str] = {}
    for name, setting in value.items():
        if name in READER_VARIABLE_DEFAULTS:
            variables[name] = _check_colour(setting, f"variables.{name}", source)
        elif name in _TEXTUAL_VARIABLES:
            variables[name] = _check_textual_variable(name, setting, source)
        else:
            known = ", ".join(READER_VARIABLE_DEFAULTS)
            raise ThemeError(f"{source}: unknown variable {quoted(name)} (reader variables: {known})")
    return variables


def theme_from_mapping(data: object, source: str) -> Theme:
    """Validate one parsed theme document and build the ``Theme``; raise ``ThemeError`` on any problem."""
    if not isinstance(data, dict):
        raise ThemeError(f"{source}: a theme file must be a mapping of Theme fields (name, primary, ...)")
    unknown = [key for key in data if key not in _FIELDS]
    if unknown:
        raise ThemeError(f"{source}: unknown key {quoted(unknown[0])} (allowed: {', '.join(_FIELDS)})")
    for required in ("name", "primary"):
        if data.get(required) in (None, ""):
            raise ThemeError(f"{source}: missing required key {required!r}")
    values: dict[str, object] = {}
    name = data["name"]
    if not isinstance(name, str) or not name.strip() or any(c.isspace() for c in name.strip()):
        raise ThemeError(f"{source}: 'name' must be one word such as 'my-theme', got {quoted(name)}")
    values["name"] = name.strip()
    for key in _COLOUR_FIELDS:
        if data.get(key) is not None:
            values[key] = _check_colour(data[key], key, source)
    for key in _BOOL_FIELDS:
        if key in data:
            if not isinstance(data[key], bool):
                raise ThemeError(f"{source}: {key!r} must be true or false, got {quoted(data[key])}")
            values[key] = data[key]
    for key in _FRACTION_FIELDS:
        if key in data:
            number = data[key]
            if isinstance(number, bool) or not isinstance(number, (int, float)) or not 0 <= number <= 1:
                raise ThemeError(f"{source}: {key!r} must be a number from 0 to 1, got {quoted(number)}")
            values[key] = float(number)
    values["variables"] = _check_variables(data.get("variables"), source)
    theme = Theme(**values)
    try:
        theme.to_color_system().generate()
    except Exception as error:  # the colour system rejects a combination we did not foresee
        raise ThemeError(f"{source}: cannot build the theme ({cut(str(error))})") from None
    return theme


def load_theme_file(path: str | os.PathLike) -> Theme:
    source = str(path)
    try:
        data = load_settings_yaml(read_settings_text(path, "theme file"), source)
    except FileNotFoundError:
        raise ThemeError(f"{source}: no such theme file") from None
    except SettingsFileError as error:
        raise ThemeError(str(error)) from None
    except yaml.YAMLError as error:
        line, _ = yaml_problem(error)
        where = f" at line {line}" if line is not None else ""
        raise ThemeError(f"{source}: not valid YAML{where}") from None
    return theme_from_mapping(data, source)


def builtin_theme_folder() -> Path:
    """``reader/themes`` in an installed wheel, else ``themes/`` beside the package in a source checkout."""
    packaged = Path(str(resources.files("reader"))) / "themes"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "themes"


def user_theme_folder() -> Path:
    return config_dir() / "themes"


@dataclass
class ThemeCatalogue:
    """Every theme the reader can offer, and the problems met while loading them."""

    themes: dict[str, Theme] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    origins: dict[str, str] = field(default_factory=dict)  # theme name -> "built-in" or the user's file


def _theme_files(folder: Path) -> list[Path]:
    """The folder's YAML files (anything but a folder: a FIFO or device named so is reported when read)."""
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return []
    named = [Path(e.path) for e in entries if e.name.lower().endswith((".yaml", ".yml"))]
    return sorted(p for p in named if not p.is_dir())


def load_catalogue(user_folder: Path | None = None) -> ThemeCatalogue:
    """Built-in themes, then the user's (a user theme may replace a built-in one of the same name)."""
    catalogue = ThemeCatalogue()
    for folder, builtin in ((builtin_theme_folder(), True), (user_folder or user_theme_folder(), False)):
        try:
            paths = _theme_files(folder)
        except OSError as error:
            catalogue.problems.append(f"{folder}: cannot list the theme files ({error.strerror or error})")
            continue
        for path in paths:
            try:
                theme = load_theme_file(path)
            except ThemeError as error:
                catalogue.problems.append(str(error))
                continue
            catalogue.themes[theme.name] = theme
            catalogue.origins[theme.name] = "built-in" if builtin else str(path)
    return catalogue


def _looks_like_file(choice: str) -> bool:
    return choice.lower().endswith((".yaml", ".yml")) or os.sep in choice or "/" in choice


@dataclass
class ThemeChoice:
    name: str
    problems: list[str] = field(default_factory=list)


def choose_theme(
    requested: str | None,
    catalogue: ThemeCatalogue,
    *,
    configured: str | None = None,
    colour_system: str | None = None,
    known_names: frozenset[str] = frozenset(BUILTIN_THEMES),
) -> ThemeChoice:
    """Resolve ``--theme`` (a name or a YAML file), else the config file's ``theme:``, else a default.

    A file given with ``--theme`` is loaded into the catalogue. On a 16-colour terminal, with no theme asked
    for, the 16-colour theme is chosen so that faint truecolour backgrounds do not collapse into black.
    """
    choice = ThemeChoice(DEFAULT_THEME)
    available = set(catalogue.themes) | set(known_names)
    for origin, wanted in (("--theme", requested), ("config theme", configured)):
        if not wanted:
            continue
        if wanted in available:
            choice.name = wanted
            return choice
        if _looks_like_file(wanted) or Path(wanted).is_file():
            try:
                theme = load_theme_file(Path(wanted).expanduser())
            except ThemeError as error:
                choice.problems.append(f"{error}; using the {DEFAULT_THEME} theme")
                return choice
            catalogue.themes[theme.name] = theme
            choice.name = theme.name
            return choice
        names = ", ".join(sorted(catalogue.themes))
        choice.problems.append(
            f"{origin}: no theme called {quoted(wanted)} (available: {names}); using {DEFAULT_THEME}"
        )
        return choice
    if colour_system == "standard" and SIXTEEN_COLOUR_THEME in catalogue.themes:
        choice.name = SIXTEEN_COLOUR_THEME
    return choice


def describe_themes(user_folder: Path | None = None) -> tuple[list[str], list[str]]:
    """For ``reader themes``: one line per theme (name, dark/light, where it comes from) and the problems."""
    catalogue = load_catalogue(user_folder)
    lines = []
    for name, theme in sorted(catalogue.themes.items()):
        default = " (default)" if name == DEFAULT_THEME else ""
        lines.append(f"{name:<24} {'dark' if theme.dark else 'light':<6} {catalogue.origins[name]}{default}")
    return lines, catalogue.problems


def sync_no_color_filter(app) -> None:
    """Keep NO_COLOR output readable after a theme change.

    Textual picks its NO_COLOR filter once, when the App is built: ``Monochrome`` (greys by luminance) for
    truecolour themes, ``NoColor`` (the terminal's default colours) for ANSI themes. Switching to an ANSI
    theme later would grey ANSI colours to black on black, so swap the filter to match the current theme.
    (Private ``_filters``: Textual is pinned exactly in pyproject.toml.)
    """
    if not getattr(app, "no_color", False):
        return
    from textual.filter import Monochrome, NoColor

    filters = getattr(app, "_filters", None)
    if filters is None:
        return
    wanted = NoColor if app.native_ansi_color else Monochrome
    for index, line_filter in enumerate(filters):
        if isinstance(line_filter, (Monochrome, NoColor)) and not isinstance(line_filter, wanted):
            filters[index] = wanted()


def install_themes(app, requested: str | None = None, configured: str | None = None) -> list[str]:
    """Register every theme with ``app``, select the chosen one, and return the problems met (one line each)."""
    catalogue = load_catalogue()
    # Headless runs (tests, snapshots) render the same whatever terminal they were started from.
    headless = getattr(app, "is_headless", False)
    colour_system = None if headless else getattr(getattr(app, "console", None), "color_system", None)
    choice = choose_theme(requested, catalogue, configured=configured, colour_system=colour_system)
    for theme in catalogue.themes.values():
        app.register_theme(theme)
    if choice.name in app.available_themes:
        app.theme = choice.name
    elif DEFAULT_THEME in app.available_themes:
        app.theme = DEFAULT_THEME
    sync_no_color_filter(app)
    app.theme_changed_signal.subscribe(app, lambda _theme: sync_no_color_filter(app))
    return catalogue.problems + choice.problems
