"""The help screen, generated from the app's bindings (never a hand-copied list of keys)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


def help_text(app, bindings: list[Binding]) -> Text:
    """One line per binding: its keys as the user presses them (after any remapping) and its description."""
    keymap = getattr(app, "_keymap", {}) or {}
    rows: list[tuple[str, str]] = []
    for binding in bindings:
        keys = keymap.get(binding.id, binding.key) if binding.id else binding.key
        shown = ", ".join(app.get_key_display(Binding(k.strip(), "")) for k in keys.split(","))
        rows.append((shown, binding.tooltip or binding.description))
    width = max((len(k) for k, _ in rows), default=0)
    text = Text()
    text.append("reader keys\n\n", style="bold")
    for keys, description in rows:
        text.append(keys.ljust(width + 2), style="bold")
        text.append(description + "\n")
    text.append(
        "\nMarks: underline = inserted, strike = deleted, bold reverse = fact (number, date, name, negation),"
        " dim = noise (typography, punctuation, spelling, house style).\n"
        "Gutter: ¶ number, then + added, - cut, ~ edited, ↕ moved, < split, > merged, ≈ partial.\n"
        "Paragraph numbers count from 1. Press escape, q or ? to close.",
        style="italic",
    )
    return text


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close"),
    ]

    def __init__(self, text: Text) -> None:
        super().__init__(id="help")
        self._text = text

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(self._text, id="help-text")

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
