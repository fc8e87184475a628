"""Saving one setting (the theme picked in the palette) into the user's config.yaml, keeping the rest."""

from __future__ import annotations

import os

import pytest
import yaml

from reader.errors import ReaderError
from reader.settings.edit import set_top_level
from tests.ui_app_helpers import open_reader, private_config  # noqa: F401 - fixture
from tests.ui_extras_fixtures import fixed_reader, run, snapshot_comparison

KEPT = """\
# my reader settings
export_dir: ~/reports   # where exports go
theme: reader-light
keys:
  view.overview: f2

  app.export: ctrl+e
"""


def test_the_setting_is_replaced_and_comments_order_and_other_settings_kept(tmp_path):
    config = tmp_path / "config.yaml"
    config.write_text(KEPT, encoding="utf-8")
    set_top_level(config, "theme", "reader-high-contrast")
    assert config.read_text(encoding="utf-8") == KEPT.replace("theme: reader-light", "theme: reader-high-contrast")


def test_a_missing_setting_or_file_is_added(tmp_path):
    config = tmp_path / "new" / "config.yaml"
    set_top_level(config, "theme", "reader-light")
    assert config.read_text(encoding="utf-8") == "theme: reader-light\n"
    config.write_text("export_dir: /tmp", encoding="utf-8")  # no final newline
    set_top_level(config, "theme", "reader-dark")
    assert yaml.safe_load(config.read_text(encoding="utf-8")) == {"export_dir": "/tmp", "theme": "reader-dark"}


def test_a_value_over_several_lines_is_replaced_whole(tmp_path):
    config = tmp_path / "config.yaml"
    config.write_text("theme:\n  reader-light\nexport_dir: /tmp\n", encoding="utf-8")
    set_top_level(config, "theme", "reader-dark")
    assert config.read_text(encoding="utf-8") == "theme: reader-dark\nexport_dir: /tmp\n"


@pytest.mark.parametrize("text", ["[a, list]\n", "keys: [unclosed\n"])
def test_a_file_that_is_not_a_mapping_is_left_alone(tmp_path, text):
    config = tmp_path / "config.yaml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(ReaderError, match="not saved"):
        set_top_level(config, "theme", "reader-dark")
    assert config.read_text(encoding="utf-8") == text


def test_a_fifo_is_never_replaced(tmp_path):
    fifo = tmp_path / "config.yaml"
    os.mkfifo(fifo)
    with pytest.raises(ReaderError, match="not a regular"):
        set_top_level(fifo, "theme", "reader-dark")
    assert fifo.is_fifo()


def test_a_symlinked_config_keeps_its_link_and_changes_its_target(tmp_path):
    target = tmp_path / "dotfiles-config.yaml"
    target.write_text("theme: reader-light\n", encoding="utf-8")
    link = tmp_path / "config.yaml"
    link.symlink_to(target)
    set_top_level(link, "theme", "reader-dark")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "theme: reader-dark\n"


def test_a_theme_picked_in_the_app_is_there_at_the_next_start(monkeypatch, private_config):
    config = private_config / "config.yaml"
    config.write_text("# mine\nexport_dir: /tmp\n", encoding="utf-8")

    async def body():
        app = fixed_reader(monkeypatch, snapshot_comparison())
        async with app.run_test(size=(120, 36)) as pilot:
            await open_reader(pilot)
            assert config.read_text(encoding="utf-8") == "# mine\nexport_dir: /tmp\n"  # opening saves nothing
            app.theme = "reader-high-contrast"  # what the palette's "Change theme" does
            await pilot.pause()
        again = fixed_reader(monkeypatch, snapshot_comparison())
        async with again.run_test(size=(120, 36)) as pilot:
            await open_reader(pilot)
            assert again.theme == "reader-high-contrast"

    run(body())
    assert config.read_text(encoding="utf-8") == "# mine\nexport_dir: /tmp\ntheme: reader-high-contrast\n"
