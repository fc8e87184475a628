"""The core (every module outside ``reader.ui``) imports without Textual or Rich; the list is derived from
the package, so a new core module is checked the day it is added."""

import pkgutil
import subprocess
import sys

import reader


def _core_modules() -> list[str]:
    names = ["reader"]
    for module in pkgutil.walk_packages(reader.__path__, prefix="reader."):
        is_ui = module.name == "reader.ui" or module.name.startswith("reader.ui.")
        if not is_ui and module.name != "reader.__main__":  # __main__ runs the program when imported
            names.append(module.name)
    return names


def test_the_core_is_found_by_walking_the_package():
    core = _core_modules()
    assert {"reader.model", "reader.align.paragraphs", "reader.report.html_report", "reader.cli"} <= set(core)
    assert not any(name.startswith("reader.ui") for name in core)


def test_core_imports_without_textual():
    code = (
        "import sys, importlib\n"
        f"for name in {_core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "assert 'textual' not in sys.modules, sorted(m for m in sys.modules if m.startswith('textual'))\n"
        "assert 'rich' not in sys.modules, sorted(m for m in sys.modules if m.startswith('rich'))\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
