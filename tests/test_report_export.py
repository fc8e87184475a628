"""Export from the app: a new, time-stamped report file that never replaces anything."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reader.errors import ReaderError
from reader.report.export import export_comparison
from tests.report_helpers import hostile_comparison

NAME = re.compile(r"reader-report-\d{4}-\d\d-\d\dT\d{4}(-\d+)?\.(html|md|json)$")


@pytest.fixture(scope="module")
def comparison():
    return hostile_comparison()


@pytest.mark.parametrize("fmt,suffix", [("html", ".html"), ("markdown", ".md"), ("json", ".json")])
def test_export_writes_a_time_stamped_file(comparison, tmp_path, fmt, suffix):
    path = export_comparison(comparison, fmt, tmp_path)
    assert path.parent == tmp_path and path.suffix == suffix and NAME.search(path.name), path.name
    text = path.read_text(encoding="utf-8")
    if fmt == "json":
        assert json.loads(text)["schema"] == "reader.compare/1"
    else:
        assert comparison.base.sha256 in text


def test_repeated_exports_never_collide(comparison, tmp_path):
    first = export_comparison(comparison, "html", tmp_path)
    first.write_text("edited by hand", encoding="utf-8")
    paths = [first] + [export_comparison(comparison, "html", tmp_path) for _ in range(3)]
    assert len(set(paths)) == 4
    assert first.read_text(encoding="utf-8") == "edited by hand"
    assert all(p.read_text(encoding="utf-8").startswith("<!DOCTYPE html>") for p in paths[1:])


def test_export_into_the_current_folder_by_default(comparison, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = export_comparison(comparison, "markdown")
    assert (tmp_path / path).is_file() and NAME.search(path.name)


def test_export_problems_are_one_line_errors(comparison, tmp_path):
    with pytest.raises(ReaderError, match="is not a folder"):
        export_comparison(comparison, "html", tmp_path / "missing")
    with pytest.raises(ReaderError, match="unknown report format"):
        export_comparison(comparison, "pdf", tmp_path)
    assert list(tmp_path.iterdir()) == []
