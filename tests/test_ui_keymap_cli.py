"""`reader config`: lists themes and binding ids, and checks config.yaml and theme files (exit 2 on problems)."""

from __future__ import annotations

from reader.cli import main


def test_reader_config_lists_themes_and_binding_ids(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("READER_CONFIG_DIR", str(tmp_path))
    (tmp_path / "themes").mkdir()
    (tmp_path / "themes" / "paper.yaml").write_text("name: newsroom\nprimary: '#aa5500'\ndark: false\n", "utf-8")
    assert main(["config"]) == 0
    out = capsys.readouterr().out
    assert any(line.split()[:2] == ["newsroom", "light"] and "paper.yaml" in line for line in out.splitlines())
    assert "reader-high-contrast" in out and "reader-dark" in out and "(default)" in out
    assert "view.overview" in out and "app.export" in out and "view.change_map" in out


def test_reader_config_reports_every_problem_one_line_each(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("READER_CONFIG_DIR", str(tmp_path))
    (tmp_path / "themes").mkdir()
    (tmp_path / "themes" / "bad.yaml").write_text("name: mine\nprimary: '#123456'\nfoo: 1\n", encoding="utf-8")
    (tmp_path / "config.yaml").write_text(
        "theme: reader-lihgt\nkeys:\n  view.overveiw: f2\n  app.export: ctrl+e\n", encoding="utf-8"
    )
    assert main(["config"]) == 2
    captured = capsys.readouterr()
    errors = captured.err.strip().splitlines()
    assert len(errors) == 3
    assert any("bad.yaml" in e and "unknown key 'foo'" in e for e in errors)
    assert any("'reader-lihgt'" in e for e in errors)
    assert any("did you mean 'view.overview'" in e for e in errors)
    assert "ctrl+e" in captured.out and "(remapped)" in captured.out
