"""The report modules belong to the pure core: rendering and writing never pull in Textual or Rich."""

import subprocess
import sys

REPORT_MODULES = [
    "reader.report",
    "reader.report.evidence",
    "reader.report.json_report",
    "reader.report.markdown_report",
    "reader.report.html_report",
    "reader.report.html_style",
    "reader.report.write",
    "reader.report.export",
]


def test_report_modules_import_without_textual_or_rich():
    code = (
        "import sys, importlib\n"
        f"for name in {REPORT_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "assert not bad, bad\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
