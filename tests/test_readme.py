"""The README's first screen: exactly two commands for a fresh machine, and CI runs the second one."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _first_screen_commands() -> list[str]:
    first_screen = (ROOT / "README.md").read_text(encoding="utf-8").split("\n---\n")[0]
    assert len(first_screen.splitlines()) <= 24
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", first_screen, flags=re.S)]


def test_first_screen_has_one_command_to_open_the_samples_and_one_to_run_the_tests():
    commands = _first_screen_commands()
    assert len(commands) == 2
    assert all("\n" not in command for command in commands)
    open_samples, run_tests = commands
    assert open_samples.startswith("python3 -m venv") and open_samples.endswith("reader demo")
    assert 'pip install ".[test]"' in run_tests and run_tests.endswith("python -m pytest")


def test_ci_installs_and_tests_as_the_readme_says():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r'^pip install (--quiet )?"\.\[test\]"$', ci, flags=re.M)
    assert re.search(r"^\s*python -m pytest", ci, flags=re.M)


def test_the_use_from_python_example_runs_as_written(monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Use from Python", 1)[1].split("\n## ", 1)[0]
    (example,) = re.findall(r"```python\n(.*?)```", section, flags=re.S)
    monkeypatch.chdir(ROOT)
    test = doctest.DocTestParser().get_doctest(example, {}, "README: Use from Python", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
    assert test.examples  # the section really holds an example
