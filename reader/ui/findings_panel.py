"""The findings of one version (quotes, attribution, credits), most severe first."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.model import Finding, Severity

_SEVERITY_STYLE = {Severity.MAJOR: "bold reverse", Severity.MINOR: "bold", Severity.INFO: "dim"}


def finding_prompt(finding: Finding) -> Text:
    text = Text()
    text.append(f" {finding.severity.value.upper()} ", style=_SEVERITY_STYLE[finding.severity])
    text.append(" " + finding.kind.value.replace("_", " "), style="bold")
    where = finding.base or finding.other
    if where:
        side = "wire" if finding.base else "version"
        text.append(f"  {side} ¶{where[0] + 1}", style="italic")
    text.append("\n" + finding.message)
    return text


class FindingsPanel(Vertical):
    """A title and the list; selecting an entry (Enter) jumps to it."""

    def compose(self) -> ComposeResult:
        yield Static("Findings", id="findings-title")
        yield OptionList(id="findings-list")

    def show(self, title: str, findings: list[Finding], empty: str = "No findings for this version.") -> None:
        self.query_one("#findings-title", Static).update(Text(title, style="bold"))
        options = self.query_one("#findings-list", OptionList)
        options.clear_options()
        if findings:
            options.add_options([Option(finding_prompt(f)) for f in findings])
        else:
            options.add_option(Option(Text(empty, style="italic"), disabled=True))
        options.scroll_home(animate=False)  # opens on its first entry, not scrolled past it

    def highlight(self, index: int | None) -> None:
        options = self.query_one("#findings-list", OptionList)
        options.highlighted = index
