"""The help screen, generated from the app's bindings (never a hand-copied list of keys)."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


def help_text(app, bindings: list[Binding]) -> Group:
    """One row per binding: its keys as the user presses them (after any remapping) and its description."""
    keymap = getattr(app, "_keymap", {}) or {}
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(ratio=1)
    for binding in bindings:
        keys = keymap.get(binding.id, binding.key) if binding.id else binding.key
        shown = ", ".join(app.get_key_display(Binding(k.strip(), "")) for k in keys.split(","))
        table.add_row(shown, binding.tooltip or binding.description)
    legend = Text(
        "Marks: underline = inserted, strike = deleted, bold reverse = fact (number, date, name, negation),"
        " dim = noise (typography, punctuation, spelling, house style).\n"
        "Gutter: ¶ number, then + added, - cut, ~ edited, ↕ moved, < split, > merged, ≈ partial.\n"
        "Paragraph numbers count from 1. Press escape, q or ? to close.",
        style="italic",
    )
    return Group(Text("reader keys\n", style="bold"), table, Text(""), legend)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close"),
    ]

    def __init__(self, text: Group) -> None:
        super().__init__(id="help")
        self.body = text  # what the screen shows (tests read it)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(self.body, id="help-text")

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
