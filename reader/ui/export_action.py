"""Export from the app (``e``): write the current comparison as Markdown, HTML or JSON, never over a file.

The report is written by the reports package; this module only picks a free file name in the export folder
(the current directory unless ``export_dir`` is set in ``config.yaml``), offers the format choice, and tells
the user where the file went.
"""

from __future__ import annotations

import re
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.errors import ReaderError
from reader.model import Comparison

FORMATS = {"markdown": ".md", "html": ".html", "json": ".json"}
FORMAT_LABELS = {"markdown": "Markdown (email, plain text)", "html": "HTML (browser, print)", "json": "JSON (tools)"}
_MAX_ATTEMPTS = 1000


def report_stem(comparison: Comparison) -> str:
    """``00-wire.txt`` -> ``00-wire-comparison``: safe characters only, never empty."""
    stem = Path(comparison.base.name).stem or "story"
    stem = re.sub(r"[^\w.-]+", "-", stem).strip("-.") or "story"
    return f"{stem}-comparison"


def candidate_paths(folder: Path, stem: str, suffix: str):
    yield folder / f"{stem}{suffix}"
    for number in range(2, _MAX_ATTEMPTS):
        yield folder / f"{stem}-{number}{suffix}"


def export_report(comparison: Comparison, fmt: str, folder: str | Path = ".") -> Path:
    """Write the report to the first free name in ``folder`` and return its path; ``ReaderError`` on failure."""
    if fmt not in FORMATS:
        raise ReaderError(f"unknown report format {fmt!r} (choose {', '.join(FORMATS)})")
    from reader.report import render
    from reader.report.write import write_report

    target_folder = Path(folder).expanduser()
    if not target_folder.is_dir():
        raise ReaderError(f"{target_folder}: export folder does not exist")
    text = render(comparison, fmt)
    inputs = [comparison.base.path, *(v.article.path for v in comparison.versions)]
    for path in candidate_paths(target_folder, report_stem(comparison), FORMATS[fmt]):
        if path.exists():
            continue
        try:
            write_report(str(path), text, force=False, inputs=inputs)
        except ReaderError:
            if path.exists():  # another process took the name between our check and the write
                continue
            raise
        return path
    raise ReaderError(f"{target_folder}: no free file name for the report")


class ExportScreen(ModalScreen[str | None]):
    """Pick a report format; the result is the format name, or None when cancelled."""

    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > Vertical {
        width: 60; max-width: 95%; height: auto;
        border: round $primary; background: $panel; padding: 0 1;
    }
    ExportScreen #export-where { color: $text-muted; }
    ExportScreen OptionList, ExportScreen OptionList:focus { height: auto; border: none; background: $panel; }
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
        Binding("m", "pick('markdown')", "Markdown", id="export.markdown"),
        Binding("h", "pick('html')", "HTML", id="export.html"),
        Binding("j", "pick('json')", "JSON", id="export.json"),
    ]

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text("Export the comparison", style="bold"))
            yield Static(Text(f"to {self.folder.resolve()}"), id="export-where")
            yield OptionList(
                *(Option(Text.assemble((f"{fmt[0]}  ", "bold"), label), id=fmt) for fmt, label in FORMAT_LABELS.items()),
                id="export-formats",
            )

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_pick(self, fmt: str) -> None:
        self.dismiss(fmt)

    def action_cancel(self) -> None:
        self.dismiss(None)
