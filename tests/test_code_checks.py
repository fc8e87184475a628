"""The package passes its own lint and format rules (``[tool.ruff]`` in pyproject.toml).

Run as tests so that the README's one test command, and so CI, enforce them.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _ruff(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args, "reader"], cwd=ROOT, capture_output=True, text=True
    )


def test_the_package_passes_ruff_lint():
    result = _ruff("check", "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_package_is_ruff_formatted():
    result = _ruff("format", "--check", "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr
