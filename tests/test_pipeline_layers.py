"""The pipeline reads one way in the folders: load -> align -> diff -> findings -> comparison -> report |
view -> ui. A stage may import the stages before it and the shared foundation, never one after it.
The rule is derived from every module's imports, so a new module is checked the day it is added."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "reader"
# Stages in pipeline order; a name's layer may import only smaller layers (and its own).
LAYERS = {
    # the foundation every stage shares
    "model": 0, "errors": 0, "inert": 0, "memory": 0, "text": 0, "settings": 0, "data": 0, "__version__": 0,
    "loading": 1,
    "align": 2,
    "diff": 3,
    "findings": 4,
    "comparison": 5,
    "report": 6, "view": 6,
    "ui": 7,
    "cli": 8, "cli_args": 8, "shell_files": 8, "__init__": 8, "__main__": 8,
}


def _stage(module: str) -> str:
    """'reader.align.paragraphs' -> 'align'; 'reader' -> '__init__'."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "reader":
            found.add(node.module if node.module != "reader" else "reader." + node.names[0].name)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "reader"}
    return found


def _module_of(path: Path) -> str:
    return ".".join(("reader", *path.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__")


def test_every_module_belongs_to_a_stage():
    stages = {_stage(_module_of(p)) for p in PACKAGE.rglob("*.py")}
    assert stages <= set(LAYERS), stages - set(LAYERS)


def test_no_stage_imports_a_later_one():
    backwards = []
    for path in sorted(PACKAGE.rglob("*.py")):
        stage = _stage(_module_of(path))
        for imported in _imports(path):
            if LAYERS[_stage(imported)] > LAYERS[stage]:
                backwards.append(f"{_module_of(path)} imports {imported}")
    assert backwards == []


def test_one_call_empties_every_cache_of_the_analysis():
    from pathlib import Path

    from reader.comparison import compare
    from reader.diff.words import diff_words
    from reader.loading import load_article
    from reader.memory import clear_caches

    folder = Path(__file__).resolve().parent.parent / "sample_articles" / "harbour-strike"
    wire, other = (load_article(str(folder / name)) for name in ("00-wire.txt", "01-reprint-trimmed.txt"))
    compare(wire, [other])
    assert diff_words.cache_info().currsize > 0
    clear_caches()
    assert diff_words.cache_info().currsize == 0
