"""Export from the app (``e``): write the current comparison as Markdown, HTML or JSON, never over a file.

The report is written by the reports package; this module only picks a free file name in the export folder
(the current directory unless ``export_dir`` is set in ``config.yaml``), offers the format choice, and tells
the user where the file went.
"""

from __future__ import annotations

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
FORMAT_LABELS = {
    "markdown": "Markdown (email, plain text)",
    "html": "HTML (browser, print)",
    "json": "JSON (tools)",
}


def export_report(comparison: Comparison, fmt: str, folder: str | Path = ".") -> Path:
    """Write the report into ``folder`` under a name not yet taken; return its path. ``ReaderError`` on failure."""
    from reader.report.export import export_comparison

    target_folder = Path(folder).expanduser()
    if not target_folder.is_dir():
        raise ReaderError(f"{target_folder}: export folder does not exist (set export_dir in config.yaml)")
    return export_comparison(comparison, fmt, target_folder)


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
                *(
                    Option(Text.assemble((f"{fmt[0]}  ", "bold"), label), id=fmt)
                    for fmt, label in FORMAT_LABELS.items()
                ),
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
