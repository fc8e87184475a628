"""Key remapping from config.yaml: parsing, validation, and the remapped key really firing the action."""

from __future__ import annotations

import pytest

from reader.ui.keymap import apply_keymap, is_valid_key, load_settings, parse_settings
from tests.ui_extras_fixtures import HostApp, run


@pytest.mark.parametrize("key", ["x", "X", "?", "f5", "ctrl+e", "shift+tab", "question_mark", "escape", "ctrl+slash"])
def test_keys_a_keyboard_can_produce_are_valid(key):
    assert is_valid_key(key)


@pytest.mark.parametrize("key", ["ctrl+", "hyperdrive", "crtl+e", "f5x", ""])
def test_nonsense_keys_are_invalid(key):
    assert not is_valid_key(key)


def test_settings_parse_keys_theme_and_export_folder():
    settings = parse_settings(
        {"theme": "reader-light", "export_dir": "~/reports", "keys": {"overview": "f2", "export": ["ctrl+e", "E"]}},
        "config.yaml",
    )
    assert settings.theme == "reader-light"
    assert settings.export_dir == "~/reports"
    assert settings.keys == {"overview": "f2", "export": "ctrl+e,E"}
    assert settings.problems == []


def test_settings_problems_are_reported_one_line_each_and_the_rest_applies():
    settings = parse_settings({"keys": {"overview": "crtl+o", "export": "f3"}, "colour": "red"}, "config.yaml")
    assert settings.keys == {"export": "f3"}
    assert len(settings.problems) == 2
    assert any("keys.overview" in p and "crtl+o" in p for p in settings.problems)
    assert any("unknown setting 'colour'" in p for p in settings.problems)


def test_missing_config_file_is_fine_and_bad_yaml_is_reported(tmp_path):
    assert load_settings(tmp_path / "none.yaml").problems == []
    bad = tmp_path / "config.yaml"
    bad.write_text("keys: [unclosed\n", encoding="utf-8")
    problems = load_settings(bad).problems
    assert len(problems) == 1 and "not valid YAML" in problems[0] and str(bad) in problems[0]


def test_remapped_key_fires_the_action_and_the_old_key_no_longer_does():
    async def body():
        app = HostApp()
        async with app.run_test(size=(80, 24)) as pilot:
            assert apply_keymap(app, {"host.mark": "f2"}) == []
            await pilot.press("x")
            await pilot.press("f2")
            await pilot.pause()
            assert app.marked == 1

    run(body())


def test_unknown_binding_id_is_reported_and_known_ones_still_apply():
    async def body():
        app = HostApp()
        async with app.run_test(size=(80, 24)) as pilot:
            problems = apply_keymap(app, {"host.mrak": "f3", "host.mark": "f4"})
            assert len(problems) == 1 and "'host.mrak'" in problems[0]
            await pilot.press("f4")
            await pilot.pause()
            assert app.marked == 1

    run(body())
