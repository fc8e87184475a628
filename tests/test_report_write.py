"""Writing reports: -o FILE, never over an existing file without --force, never over an input, atomically."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import stat
import subprocess
import sys
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


# --- only regular files are replaced; inputs never, recognised by device and inode -------------------------

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str, stdin=None, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], stdin=stdin, stdout=stdout, stderr=subprocess.PIPE, text=True,
        timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _socket(path: Path) -> Path:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()  # the socket file stays behind, as it does when a server dies
    return path


@pytest.mark.parametrize(
    "make,kind,still",
    [
        (_fifo, "a named pipe (FIFO), not a regular file", stat.S_ISFIFO),
        (_socket, "a socket, not a regular file", stat.S_ISSOCK),
        (lambda p: (p.mkdir(), p)[1], "a folder", stat.S_ISDIR),
    ],
    ids=["fifo", "socket", "folder"],
)
@pytest.mark.parametrize("force", [True, False], ids=["force", "no-force"])
def test_only_a_regular_file_is_ever_replaced(tmp_path, make, kind, still, force):
    target = make(tmp_path / "r.json")
    with pytest.raises(ReaderError, match=re.escape(f"r.json: is {kind}")):
        write_report(target, "{}", force=force)
    assert still(os.lstat(target).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json"], "no temporary file left"


def test_a_device_is_refused_even_with_force(tmp_path, monkeypatch):
    replaced = []

    def guard(name):  # were the check broken, the test fails instead of replacing the machine's /dev/null
        def refuse(source, destination, *args, **kwargs):
            replaced.append(destination)
            raise OSError(1, "refused by the test")
        monkeypatch.setattr(write_module.os, name, refuse)

    for name in ("replace", "rename", "link"):
        guard(name)
    with pytest.raises(ReaderError, match="/dev/null: is a character device, not a regular file"):
        write_report("/dev/null", "{}", force=True)
    assert replaced == []
    link = tmp_path / "null-link"
    link.symlink_to("/dev/null")
    with pytest.raises(ReaderError, match="null-link: is a symbolic link to a character device"):
        write_report(link, "{}", force=True)
    assert replaced == [] and os.readlink(link) == "/dev/null"
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_link_to_standard_output_on_a_pipe_stays_the_pipe(articles, tmp_path):
    """``-o /dev/stdout`` as the shell gives it, through a link of the test's own (/dev/stdout is a link to
    /proc/self/fd/1 too): were the check broken, the test's link would be replaced, never the system's."""
    stdout = tmp_path / "stdout"
    stdout.symlink_to("/proc/self/fd/1")
    result = _run("compare", *articles, "--format", "json", "-o", str(stdout), "--force")
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "stdout: is a symbolic link to a named pipe" in result.stderr
    assert result.stdout == "" and os.readlink(stdout) == "/proc/self/fd/1"


def test_fifo_output_from_the_command_line_is_a_one_line_error(articles, tmp_path, capsys):
    fifo = _fifo(tmp_path / "pipe.md")
    assert _compare(articles, "-o", str(fifo), "--force") == 2
    assert "pipe.md: is a named pipe (FIFO), not a regular file; refusing to replace it" in _one_line_error(capsys)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_link_to_a_regular_file_is_written_through_and_kept(tmp_path):
    real = tmp_path / "reports" / "latest.md"
    real.parent.mkdir()
    real.write_text("old report", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    with pytest.raises(ReaderError, match="already exists"):
        write_report(link, "new report")
    assert write_report(link, "new report", force=True) == link
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8") == "new report"
    assert sorted(p.name for p in real.parent.iterdir()) == ["latest.md"]


def test_a_link_to_nothing_is_refused(tmp_path):
    link = tmp_path / "dangling.md"
    link.symlink_to(tmp_path / "missing.md")
    with pytest.raises(ReaderError, match="dangling.md: is a symbolic link that leads to no file"):
        write_report(link, "report", force=True)
    assert link.is_symlink() and not (tmp_path / "missing.md").exists()


def test_a_hard_link_to_an_input_is_that_input(articles, tmp_path, capsys):
    twin = tmp_path / "twin.md"
    os.link(articles[0], twin)
    before = twin.read_bytes()
    assert _compare(articles, "-o", str(twin), "--force") == 2
    assert "is one of the articles being compared" in _one_line_error(capsys)
    assert twin.read_bytes() == before


STRANGE_NAMES = {
    "escape": "wire\x1b[31m\x1b]52;c;aGk=\x07.txt",
    "newline": "wire\nsecond line.txt",
    "bidi": "wire\u202etxt.exe",
    "not-utf8": "caf\udce9-wire.txt",
}


@pytest.mark.parametrize("name", STRANGE_NAMES.values(), ids=STRANGE_NAMES.keys())
def test_an_input_with_any_bytes_in_its_name_is_not_overwritten(articles, tmp_path, capsys, name):
    strange = tmp_path / name
    shutil.copyfile(articles[0], strange)
    before = strange.read_bytes()
    assert _compare([str(strange), articles[1]], "--format", "markdown", "-o", str(strange), "--force") == 2
    error = _one_line_error(capsys)
    assert "is one of the articles being compared" in error
    error.encode("utf-8")  # strict: valid UTF-8, undecodable bytes shown as \xe9
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]", error), repr(error)
    assert strange.read_bytes() == before


def test_the_file_behind_standard_input_is_not_overwritten(articles, tmp_path):
    before = Path(articles[0]).read_bytes()
    with open(articles[0], "rb") as stdin:
        result = _run("compare", "-", articles[1], "-o", articles[0], "--force", stdin=stdin)
    assert result.returncode == 2 and "is one of the articles being compared" in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1
    assert Path(articles[0]).read_bytes() == before
    with open(articles[0], "rb") as stdin:  # another output name is fine
        result = _run("compare", "-", articles[1], "-o", str(tmp_path / "r.json"), stdin=stdin)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "r.json").stat().st_size > 0


def test_an_empty_output_name_is_an_error_not_standard_output(articles, capsys):
    assert _compare(articles, "-o", "") == 2
    err = capsys.readouterr()
    assert err.out == "" and err.err == "reader: error: the output file name is empty (use - for standard output)\n"


def test_names_up_to_the_longest_legal_one_work(tmp_path):
    longest = "r" * 252 + ".md"  # 255 bytes: NAME_MAX on Linux and macOS file systems
    assert write_report(tmp_path / longest, "first") == tmp_path / longest
    write_report(tmp_path / longest, "second", force=True)
    wide = "é" * 125 + ".md"  # 253 bytes in 128 characters
    write_report(tmp_path / wide, "third")
    assert (tmp_path / longest).read_text(encoding="utf-8") == "second"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([longest, wide])


def test_a_name_over_the_limit_says_so(articles, tmp_path, capsys):
    too_long = tmp_path / ("r" * 253 + ".md")  # 256 bytes
    assert _compare(articles, "-o", str(too_long)) == 2
    assert "file name too long (256 bytes; at most 255 here)" in _one_line_error(capsys)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(Path(a).name for a in articles)


def test_output_names_in_messages_are_inert(articles, tmp_path, capsys):
    name = "r\x1b[2J\u202e\udcff.md"
    assert _compare(articles, "-o", str(tmp_path / "missing" / name)) == 2
    error = _one_line_error(capsys)
    assert "r\u241b[2J\u27e8U+202E\u27e9\\xff.md" in error and "\x1b" not in error
    assert _compare(articles, "-o", str(tmp_path / name)) == 0
    note = capsys.readouterr().err
    assert note.startswith("reader: wrote markdown report to ") and note.count("\n") == 1
    assert "\x1b" not in note and "\u202e" not in note and "r\u241b[2J" in note
    note.encode("utf-8")
    assert (tmp_path / name).read_text(encoding="utf-8").startswith("# 1 version")


@pytest.mark.parametrize("fmt", ["json", "html", "markdown"])
def test_reports_name_any_input_in_valid_utf8(articles, tmp_path, fmt):
    strange = tmp_path / "caf\udce9\x1b[31m\u202e.txt"
    shutil.copyfile(articles[0], strange)
    out = tmp_path / f"report.{fmt}"
    assert _compare([str(strange), articles[1]], "--format", fmt, "-o", str(out)) == 0
    text = out.read_bytes().decode("utf-8")  # strict
    assert not re.search("[\x1b\u202e\ud800-\udfff]", text)
    shown = "caf\\xe9\u241b[31m\u27e8U+202E\u27e9.txt"
    if fmt == "json":
        assert json.loads(text)["base"]["path"] == str(tmp_path / shown)
    else:
        assert shown in text


# --- SIGTERM and SIGHUP during a write leave no temporary file ----------------------------------------------


def _temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_stop_signal_during_the_write_removes_the_temporary_file(tmp_path, monkeypatch):
    """Unit test of the cleanup: the signal arrives while the bytes are being written; a handler that was in
    place before (here the test's, in the CLI the default that ends the process) gets the signal afterwards."""
    received = []

    def earlier_handler(signo, frame):
        received.append(signo)

    previous = signal.signal(signal.SIGHUP, earlier_handler)
    seen = []

    def write_then_signal(descriptor, data):
        os.write(descriptor, data[:5])
        seen.extend(_temporaries(tmp_path))
        signal.raise_signal(signal.SIGHUP)

    monkeypatch.setattr(write_module, "_write_all", write_then_signal)
    try:
        with pytest.raises(ReaderError, match="r.md: not written .stopped by SIGHUP."):
            write_report(tmp_path / "r.md", "a report")
        handler_after = signal.getsignal(signal.SIGHUP)
    finally:
        signal.signal(signal.SIGHUP, previous)
    assert len(seen) == 1 and seen[0].startswith(".rdr-"), "a temporary file existed during the write"
    assert received == [signal.SIGHUP], "the signal reached the handler that was there before"
    assert handler_after is earlier_handler, "restored after the write"
    assert list(tmp_path.iterdir()) == []


def test_an_ignored_hangup_stays_ignored_during_the_write(tmp_path, monkeypatch):
    previous = signal.signal(signal.SIGHUP, signal.SIG_IGN)
    during = []
    real_write_all = write_module._write_all

    def record(descriptor, data):
        during.append((signal.getsignal(signal.SIGHUP), signal.getsignal(signal.SIGTERM)))
        real_write_all(descriptor, data)

    monkeypatch.setattr(write_module, "_write_all", record)
    try:
        write_report(tmp_path / "r.md", "a report")
        after = signal.getsignal(signal.SIGHUP)
    finally:
        signal.signal(signal.SIGHUP, previous)
    (hangup, terminate), = during
    assert hangup is signal.SIG_IGN and terminate not in (signal.SIG_DFL, signal.SIG_IGN)
    assert after is signal.SIG_IGN and (tmp_path / "r.md").read_text(encoding="utf-8") == "a report"


STALLED_WRITE = """
import os, sys, time
from reader.report import write

def stalled(descriptor, data):
    os.write(descriptor, data[:10])
    print("writing", flush=True)
    time.sleep(60)

write._write_all = stalled
write.write_report(sys.argv[1], "x" * 1000)
"""


@pytest.mark.parametrize("signo", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_process_stopped_while_writing_leaves_nothing_behind(tmp_path, signo):
    target = tmp_path / "r.json"
    child = subprocess.Popen(
        [sys.executable, "-c", STALLED_WRITE, str(target)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        assert child.stdout.readline() == "writing\n", child.stderr.read()
        assert len(_temporaries(tmp_path)) == 1
        child.send_signal(signo)
        child.wait(timeout=60)  # a hang guard only
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signo, child.stderr.read()  # ended by the signal: a shell sees 128 + signo
    assert list(tmp_path.iterdir()) == []
