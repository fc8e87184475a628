"""Themes: built-in files, user files, --theme, bad files falling back, NO_COLOR filter after switching."""

from __future__ import annotations

import colorsys
import dataclasses

import pytest
import yaml
from textual.color import Color
from textual.filter import Monochrome, NoColor
from textual.theme import Theme

from reader.ui.theming import (
    BUILTIN_THEME_NAMES,
    DEFAULT_THEME,
    READER_VARIABLE_DEFAULTS,
    SIXTEEN_COLOUR_THEME,
    ThemeCatalogue,
    ThemeError,
    builtin_theme_folder,
    choose_theme,
    install_themes,
    load_catalogue,
    load_theme_file,
    theme_from_mapping,
)
from tests.ui_extras_fixtures import HostApp, run

THEME_FIELDS = {f.name for f in dataclasses.fields(Theme)}


@pytest.fixture(autouse=True)
def empty_config(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path / "config"


def write_theme(folder, file_name: str, text: str):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / file_name
    path.write_text(text, encoding="utf-8")
    return path


def test_every_builtin_theme_file_is_an_image_of_the_theme_dataclass():
    files = sorted(builtin_theme_folder().glob("*.yaml"))
    assert sorted(p.stem for p in files) == sorted(BUILTIN_THEME_NAMES)
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert set(data) <= THEME_FIELDS, path
        assert data["name"] == path.stem
        assert set(READER_VARIABLE_DEFAULTS) <= set(data["variables"]), f"{path.name} misses reader colours"
        theme = load_theme_file(path)
        assert theme.variables["reader-insert"] == data["variables"]["reader-insert"]
        assert theme.to_color_system().generate()["primary"]


def _hue(colour: str) -> float:
    c = Color.parse(colour)
    return colorsys.rgb_to_hsv(c.r / 255, c.g / 255, c.b / 255)[0] * 360


def test_colour_blind_theme_has_no_red_green_pair_for_insert_and_delete():
    theme = load_theme_file(builtin_theme_folder() / "reader-colour-blind.yaml")
    hues = {_hue(theme.variables[f"reader-{name}"]) for name in ("insert", "delete")}

    def reddish(h):
        return h < 20 or h > 340

    def greenish(h):
        return 80 < h < 160

    assert not (any(map(reddish, hues)) and any(map(greenish, hues)))
    assert not any(map(greenish, [_hue(theme.success), _hue(theme.variables["reader-insert"])]))


def test_sixteen_colour_theme_uses_only_ansi_colours():
    data = yaml.safe_load((builtin_theme_folder() / "reader-16.yaml").read_text(encoding="utf-8"))
    assert data["ansi"] is True
    colours = [v for k, v in data.items() if isinstance(v, str) and k != "name"] + [
        v for k, v in data["variables"].items() if k.startswith("reader-")
    ]
    assert colours and all(c.startswith("ansi_") for c in colours)


def test_reader_variables_stay_distinct_within_each_builtin_theme():
    for name in BUILTIN_THEME_NAMES:
        theme = load_theme_file(builtin_theme_folder() / f"{name}.yaml")
        changes = [theme.variables[f"reader-{k}"] for k in ("insert", "delete", "move", "fact", "quote")]
        assert len(set(changes)) == len(changes), name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("name: t\nprimary: '#123456'\nbackgound: '#000000'\n", "unknown key 'backgound'"),
        ("name: t\nprimary: '#123456'\nvariables:\n  reader-insret: '#00ff00'\n", "unknown variable 'reader-insret'"),
        ("name: t\nprimary: 'not-a-colour'\n", "primary is not a colour"),
        ("primary: '#123456'\n", "missing required key 'name'"),
        ("name: t\nprimary: '#123456'\ndark: maybe\n", "'dark' must be true or false"),
        ("name: t\nprimary: '#123456'\ntext_alpha: 3\n", "'text_alpha' must be a number from 0 to 1"),
        ("- just\n- a list\n", "must be a mapping"),
        ("name: [t\nprimary: x", "not valid YAML at line"),
        ("name: t\nprimary: !!python/object/apply:os.system ['true']\n", "not valid YAML"),
    ],
)
def test_bad_theme_files_are_rejected_with_a_one_line_message(tmp_path, text, expected):
    path = write_theme(tmp_path, "bad.yaml", text)
    with pytest.raises(ThemeError) as caught:
        load_theme_file(path)
    message = str(caught.value)
    assert expected in message
    assert str(path) in message and "\n" not in message


def test_user_themes_are_loaded_and_broken_ones_reported(empty_config):
    write_theme(empty_config / "themes", "newsroom.yaml", "name: newsroom\nprimary: '#aa5500'\ndark: false\n")
    write_theme(empty_config / "themes", "broken.yaml", "name: broken\nprimary: '#aa5500'\nfoo: 1\n")
    catalogue = load_catalogue()
    assert "newsroom" in catalogue.themes and "broken" not in catalogue.themes
    assert set(BUILTIN_THEME_NAMES) <= set(catalogue.themes)
    assert len(catalogue.problems) == 1 and "broken.yaml" in catalogue.problems[0]


def test_choose_theme_by_name_by_file_and_unknown_name(tmp_path):
    catalogue = load_catalogue()
    assert choose_theme("reader-light", catalogue).name == "reader-light"
    path = write_theme(tmp_path, "mine.yaml", "name: mine\nprimary: '#112233'\n")
    choice = choose_theme(str(path), catalogue)
    assert choice.name == "mine" and "mine" in catalogue.themes and not choice.problems
    missing = choose_theme("reader-purple", catalogue)
    assert missing.name == DEFAULT_THEME
    assert "no theme called 'reader-purple'" in missing.problems[0]


def test_sixteen_colour_terminal_gets_the_ansi_theme_unless_one_was_asked_for():
    catalogue = load_catalogue()
    assert choose_theme(None, catalogue, colour_system="standard").name == SIXTEEN_COLOUR_THEME
    assert choose_theme(None, catalogue, colour_system="truecolor").name == DEFAULT_THEME
    assert choose_theme("reader-light", catalogue, colour_system="standard").name == "reader-light"
    assert choose_theme(None, catalogue, configured="reader-light", colour_system="standard").name == "reader-light"


def test_theme_from_mapping_accepts_textual_design_variables():
    theme = theme_from_mapping(
        {"name": "x", "primary": "#123456", "variables": {"border": "#ffffff", "reader-fact": "#ffff00"}}, "inline"
    )
    assert theme.variables == {"border": "#ffffff", "reader-fact": "#ffff00"}


def test_bad_theme_file_falls_back_to_default_and_says_why(tmp_path):
    run(_test_bad_theme_file_falls_back_to_default_and_says_why(tmp_path))


async def _test_bad_theme_file_falls_back_to_default_and_says_why(tmp_path):
    path = write_theme(tmp_path, "bad.yaml", "name: bad\nprimary: nope\n")
    app = HostApp()
    async with app.run_test(size=(80, 24)) as pilot:
        problems = install_themes(app, str(path))
        await pilot.pause()
        assert app.theme == DEFAULT_THEME
        assert len(problems) == 1 and "bad.yaml" in problems[0] and "using the reader-dark theme" in problems[0]


def test_theme_switching_applies_reader_colours():
    run(_test_theme_switching_applies_reader_colours())


async def _test_theme_switching_applies_reader_colours():
    app = HostApp()
    async with app.run_test(size=(80, 24)) as pilot:
        assert install_themes(app, "reader-light") == []
        await pilot.pause()
        light = app.theme_variables["reader-insert"]
        app.theme = "reader-high-contrast"
        await pilot.pause()
        assert app.theme_variables["reader-insert"] != light
        app.theme = "textual-dark"  # a Textual theme: the reader's defaults fill in
        await pilot.pause()
        assert app.theme_variables["reader-delete"] == READER_VARIABLE_DEFAULTS["reader-delete"]


def test_no_color_filter_follows_ansi_theme(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    run(_test_no_color_filter_follows_ansi_theme())


async def _test_no_color_filter_follows_ansi_theme():
    app = HostApp()
    async with app.run_test(size=(80, 24)) as pilot:
        install_themes(app, SIXTEEN_COLOUR_THEME)
        await pilot.pause()
        assert any(isinstance(f, NoColor) for f in app._filters)
        app.theme = "reader-dark"
        await pilot.pause()
        await pilot.pause()
        assert any(isinstance(f, Monochrome) for f in app._filters)
        assert not any(isinstance(f, NoColor) for f in app._filters)


def test_empty_catalogue_still_offers_default_name():
    assert choose_theme(None, ThemeCatalogue()).name == DEFAULT_THEME
