"""The command line as a shell user and a script see it: pipes and dumb terminals, exit codes that answer
"did anything change?", reproducible reports, completions, the man page, help and typos."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from reader.cli import main
from reader.shell_files import completion_script, man_page

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_articles" / "harbour-strike"
WIRE = SAMPLES / "00-wire.txt"
TRIMMED = SAMPLES / "01-reprint-trimmed.txt"  # a major finding (an agency credit dropped)
EARLIER = SAMPLES / "02-reprint-earlier-writethrough.txt"  # minor findings only


def _reader(*args: str, env: dict | None = None, stdin=subprocess.DEVNULL) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, text=True, env=full_env, stdin=stdin, timeout=120
    )


def _in_terminal(args: list[str], env: dict | None = None) -> tuple[int, str]:
    child = pexpect.spawn(
        sys.executable, ["-m", "reader", *args], env={**os.environ, **(env or {})}, timeout=60, dimensions=(24, 80)
    )
    output = child.read().decode("utf-8", "replace")
    child.close()
    return child.exitstatus, output


def test_the_app_refuses_a_pipe_in_one_line_pointing_to_compare():
    result = _reader(str(WIRE), str(TRIMMED))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "not a terminal" in lines[0] and "reader compare" in lines[0]


def test_the_app_refuses_a_dumb_terminal():
    status, output = _in_terminal([str(WIRE), str(TRIMMED)], env={"TERM": "dumb"})
    assert status == 2
    assert "TERM=dumb" in output and "--format markdown" in output
    assert "\x1b[" not in output  # no full-screen drawing began


def test_compare_without_a_format_writes_json_to_a_pipe_and_markdown_to_a_terminal():
    piped = _reader("compare", str(WIRE), str(TRIMMED))
    assert piped.returncode == 0 and piped.stdout.lstrip().startswith("{")
    status, output = _in_terminal(["compare", str(WIRE), str(TRIMMED)])
    assert status == 0 and output.lstrip().startswith("#") and '"schema"' not in output


def _typography_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "curly.txt"
    text = WIRE.read_text(encoding="utf-8")
    copy.write_text(text.replace("\u201c", '"').replace("\u201d", '"'), encoding="utf-8")
    return copy


@pytest.mark.parametrize(
    ("other", "level", "status"),
    [
        (TRIMMED, "major", 1),
        (EARLIER, "major", 0),
        (EARLIER, "minor", 1),
        (WIRE, "any", 0),
        (WIRE, "minor", 0),
        ("curly", "minor", 0),
        ("curly", "any", 1),
    ],
)
def test_fail_on_answers_whether_something_at_that_level_changed(tmp_path, capsys, other, level, status):
    other = _typography_copy(tmp_path) if other == "curly" else other
    assert main(["compare", str(WIRE), str(other), "--fail-on", level]) == status
    assert capsys.readouterr().out  # the report is still written


def test_fail_on_still_exits_2_on_errors(tmp_path, capsys):
    assert main(["compare", str(WIRE), str(tmp_path / "missing.txt"), "--fail-on", "any"]) == 2
    assert main(["compare", str(WIRE), str(TRIMMED), "--fail-on", "everything"]) == 2


@pytest.mark.parametrize("fmt", ["json", "markdown", "html"])
def test_source_date_epoch_makes_two_runs_byte_identical(fmt):
    env = {"SOURCE_DATE_EPOCH": "1767225600"}  # 2026-01-01T00:00:00Z
    first = _reader("compare", str(WIRE), str(TRIMMED), str(EARLIER), "--format", fmt, env=env)
    second = _reader("compare", str(WIRE), str(TRIMMED), str(EARLIER), "--format", fmt, env=env)
    assert first.returncode == 0 and first.stdout == second.stdout
    assert "2026-01-01" in first.stdout


def test_a_malformed_source_date_epoch_is_a_one_line_error():
    result = _reader("compare", str(WIRE), str(TRIMMED), env={"SOURCE_DATE_EPOCH": "yesterday"})
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "SOURCE_DATE_EPOCH" in result.stderr


def test_bash_completion_offers_the_subcommands_and_compare_options(tmp_path):
    script = tmp_path / "reader.bash"
    script.write_text(completion_script("bash"), encoding="utf-8")

    def complete(*words: str) -> set[str]:
        line = " ".join(f"'{w}'" for w in words)
        probe = f'source {script}; COMP_WORDS=({line}); COMP_CWORD={len(words) - 1}; _shtab_reader; printf "%s\\n" "${{COMPREPLY[@]}}"'
        return set(subprocess.run(["bash", "-c", probe], capture_output=True, text=True, timeout=30).stdout.split())

    assert {"compare", "completion"} <= complete("reader", "com")
    assert "--fail-on" in complete("reader", "compare", "--fa")


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_zsh_and_fish_completions_know_compare_and_its_options(shell):
    script = completion_script(shell)
    assert "compare" in script and "fail-on" in script


def test_the_man_page_documents_every_command_and_the_exit_codes():
    page = man_page()
    assert page.startswith(".TH READER")
    for command in ("compare", "demo", "config", "completion"):
        assert command in page
    assert "fail\\-on" in page and "Exit codes" in page


def test_bare_reader_prints_help_with_examples(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "examples:" in out and "reader compare" in out and "--fail-on" in out


def test_a_mistyped_command_gets_a_did_you_mean(capsys):
    assert main(["comapre", str(WIRE), str(TRIMMED)]) == 2
    err = capsys.readouterr().err
    assert "did you mean 'compare'" in err and err.count("\n") == 1


def test_a_file_named_like_a_command_typo_is_still_opened_as_a_file(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("comapre").write_text("not an article", encoding="utf-8")
    main(["comapre", str(WIRE)])
    assert "did you mean" not in capsys.readouterr().err
