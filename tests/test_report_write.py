"""Writing reports: -o FILE, never over an existing file without --force, never over an input, atomically."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from reader.cli import main
from reader.errors import ReaderError
from reader.report import write as write_module
from reader.report.write import write_report
from tests.report_helpers import SAMPLE_FILES


@pytest.fixture()
def articles(tmp_path: Path) -> list[str]:
    """A base and one version copied into a scratch folder."""
    copies = []
    for source in (SAMPLE_FILES[0], SAMPLE_FILES[4]):
        target = tmp_path / Path(source).name
        shutil.copyfile(source, target)
        copies.append(str(target))
    return copies


def _compare(articles, *extra: str) -> int:
    return main(["compare", *articles, *extra])


def _one_line_error(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("reader: error: "), err
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize("fmt,marker", [("html", "<!DOCTYPE html>"), ("markdown", "# 1 version"), ("json", '"schema"')])
def test_output_file_is_written(articles, tmp_path, capsys, fmt, marker):
    out = tmp_path / f"report.{fmt}"
    assert _compare(articles, "--format", fmt, "-o", str(out)) == 0
    assert marker in out.read_text(encoding="utf-8")
    assert capsys.readouterr().out == "", "nothing on standard output when writing a file"


def test_existing_file_is_not_overwritten_without_force(articles, tmp_path, capsys):
    out = tmp_path / "report.html"
    out.write_text("an editor's notes", encoding="utf-8")
    assert _compare(articles, "--format", "html", "-o", str(out)) == 2
    error = _one_line_error(capsys)
    assert "already exists" in error and "--force" in error
    assert out.read_text(encoding="utf-8") == "an editor's notes"
    assert _compare(articles, "--format", "html", "-o", str(out), "--force") == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([Path(a).name for a in articles] + ["report.html"])


def test_an_input_is_never_overwritten_even_with_force(articles, tmp_path, capsys):
    before = Path(articles[1]).read_bytes()
    assert _compare(articles, "--format", "markdown", "-o", articles[1], "--force") == 2
    assert "articles being compared" in _one_line_error(capsys)
    assert Path(articles[1]).read_bytes() == before
    link = tmp_path / "link.txt"
    link.symlink_to(articles[0])
    assert _compare(articles, "--format", "markdown", "-o", str(link), "--force") == 2
    assert "articles being compared" in _one_line_error(capsys)
    assert Path(articles[0]).read_bytes() == Path(SAMPLE_FILES[0]).read_bytes()


def test_missing_folder_and_folder_target_are_one_line_errors(articles, tmp_path, capsys):
    assert _compare(articles, "--format", "json", "-o", str(tmp_path / "nowhere" / "r.json")) == 2
    assert "does not exist" in _one_line_error(capsys)
    assert _compare(articles, "--format", "json", "-o", str(tmp_path), "--force") == 2
    assert "is a folder" in _one_line_error(capsys)


def test_failed_write_leaves_no_half_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "report.md"
    target.write_text("old report", encoding="utf-8")

    def broken_replace(source, destination):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(write_module.os, "replace", broken_replace)
    with pytest.raises(ReaderError, match="cannot write .No space left on device"):
        write_report(target, "new report", force=True)
    assert target.read_text(encoding="utf-8") == "old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"], "the temporary file is removed"


def test_interrupted_fsync_leaves_nothing_behind(tmp_path, monkeypatch):
    def broken_fsync(descriptor):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(write_module.os, "fsync", broken_fsync)
    with pytest.raises(ReaderError, match="Input/output error"):
        write_report(tmp_path / "new.html", "<p>report</p>")
    assert list(tmp_path.iterdir()) == []


def test_file_created_meanwhile_is_not_clobbered(tmp_path, monkeypatch):
    """Between the existence check and the write another program creates the file: it must survive."""
    target = tmp_path / "report.json"
    real_mkstemp = write_module.tempfile.mkstemp

    def mkstemp_then_race(*args, **kwargs):
        result = real_mkstemp(*args, **kwargs)
        target.write_text("written by someone else", encoding="utf-8")
        return result

    monkeypatch.setattr(write_module.tempfile, "mkstemp", mkstemp_then_race)
    with pytest.raises(ReaderError, match="already exists"):
        write_report(target, "{}")
    assert target.read_text(encoding="utf-8") == "written by someone else"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_report_is_readable_by_others_like_any_new_file(tmp_path):
    written = write_report(tmp_path / "r.md", "text")
    umask = os.umask(0)
    os.umask(umask)
    assert written.stat().st_mode & 0o777 == 0o666 & ~umask


@pytest.mark.parametrize("name,marker", [("r.html", "<!DOCTYPE html>"), ("r.md", "# 1 version"), ("r.json", '"schema"')])
def test_format_follows_the_output_file_name(articles, tmp_path, name, marker):
    out = tmp_path / name
    assert _compare(articles, "-o", str(out)) == 0
    assert marker in out.read_text(encoding="utf-8")[:200]


def test_explicit_format_wins_over_the_file_name(articles, tmp_path):
    out = tmp_path / "r.html"
    assert _compare(articles, "-o", str(out), "--format", "markdown") == 0
    assert out.read_text(encoding="utf-8").startswith("# 1 version")


def test_dash_means_standard_output(articles, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert _compare(articles, "--format", "markdown", "-o", "-") == 0
    assert capsys.readouterr().out.startswith("# 1 version")
    assert not (tmp_path / "-").exists()
