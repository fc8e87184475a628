"""The core must import and run without Textual (enforced as harlequin does)."""

import subprocess
import sys

CORE_MODULES = [
    "reader",
    "reader.model",
    "reader.loading",
    "reader.align",
    "reader.worddiff",
    "reader.attribution",
    "reader.comparison",
    "reader.report",
    "reader.report.json_report",
    "reader.report.markdown_report",
    "reader.cli",
]


def test_core_imports_without_textual():
    code = (
        "import sys, importlib\n"
        f"for name in {CORE_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "assert 'textual' not in sys.modules, sorted(m for m in sys.modules if m.startswith('textual'))\n"
        "assert 'rich' not in sys.modules\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
