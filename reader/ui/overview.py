"""The overview screen (``o``): a scorecard per version, and the highlighted version's findings.

Every number comes from ``VersionComparison.stats`` and ``findings`` as the core computed them. Enter on a
version closes the screen and tells the reader to focus that version (the screen's result is its index).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from reader.model import (
    Comparison,
    Finding,
    FindingKind,
    ParagraphKind,
    Relation,
    Severity,
    VersionComparison,
)

SEVERITY_MARKERS = {Severity.MAJOR: "!!", Severity.MINOR: "! ", Severity.INFO: "· "}

COLUMNS = (
    ("#", "number"),
    ("Version", "version"),
    ("Class", "class"),
    ("Wire\nkept", "kept"),
    ("From\nwire", "taken"),
    ("Credit", "credit"),
    ("Quotes\naltered", "quotes"),
    ("Findings", "findings"),
    ("Subst.\nchanges", "substantive"),
    ("Facts", "facts"),
    ("Cut", "cut"),
    ("Added", "added"),
    ("Moved", "moved"),
    ("Split", "split"),
    ("Merged", "merged"),
    ("Edited", "edited"),
)


def credit_status(base_credit: str | None, version: VersionComparison) -> str:
    """'kept', 'dropped', 'added' or 'none' for the agency credit of a version against the wire."""
    present = version.stats.get("credit_present", version.article.credit is not None)
    if version.relation is Relation.INDEPENDENT and not present:
        # Not a reprint: it owes a credit only for a substantial lift, which a major finding reports.
        lifted = any(
            f.kind is FindingKind.CREDIT_REMOVED and f.severity is Severity.MAJOR for f in version.findings
        )
        return "uncredited lift" if lifted else "own story"
    if base_credit and present:
        return "kept"
    if base_credit:
        return "dropped"
    return "added" if present else "none"


def percent(value: object) -> str:
    return f"{round(float(value) * 100)}%" if isinstance(value, (int, float)) else "–"


def plural(count: object, one: str, many: str | None = None) -> str:
    count = int(count) if isinstance(count, (int, float)) else 0
    return f"{count} {one if count == 1 else (many or one + 's')}"


def short_name(name: str, width: int = 26) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"


def paragraph_label(finding: Finding) -> str:
    if finding.other:
        return f"¶{finding.other[0] + 1}"
    if finding.base:
        return f"wire ¶{finding.base[0] + 1}"
    return ""


class Scorecard(DataTable):
    """One row per version; alarming figures (altered quotes, dropped credit, findings) stand out."""

    DEFAULT_CSS = """
    Scorecard { height: auto; max-height: 60%; }
    Scorecard > .scorecard--alert { color: $reader-delete; text-style: bold reverse; }
    Scorecard > .scorecard--warn { color: $reader-attribution; text-style: bold; }
    Scorecard > .scorecard--zero { color: $text-muted; }
    Scorecard > .datatable--fixed { background: $panel; text-style: bold; }
    Scorecard > .datatable--fixed-cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
    """

    COMPONENT_CLASSES = {"scorecard--alert", "scorecard--warn", "scorecard--zero"}

    def __init__(self, comparison: Comparison, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, header_height=2, fixed_columns=2, **kwargs)
        self.comparison = comparison

    def on_mount(self) -> None:
        for label, key in COLUMNS:
            self.add_column(label, key=key)
        self.fill()
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.fill())

    def _styled(self, text: str, part: str | None) -> Text:
        style = self.get_component_rich_style(f"scorecard--{part}", partial=True) if part else ""
        return Text(text, style=style, justify="right")

    def _count(self, value: object, alarming: str | None = None) -> Text:
        number = int(value) if isinstance(value, (int, float)) else 0
        return self._styled(str(number), alarming if number else "zero")

    def fill(self) -> None:
        cursor = self.cursor_row
        self.clear()
        base_credit = self.comparison.base.credit
        for index, version in enumerate(self.comparison.versions):
            stats = version.stats
            credit = credit_status(base_credit, version)
            credit_part = {
                "dropped": "alert",
                "uncredited lift": "alert",
                "added": "warn",
                "none": "zero",
            }.get(credit)
            majors = sum(1 for f in version.findings if f.severity is Severity.MAJOR)
            self.add_row(
                Text(str(index + 1)),
                Text(short_name(version.article.name)),
                Text(str(version.relation), style="italic"),
                self._styled(percent(stats.get("base_kept")), None),
                self._styled(percent(stats.get("taken_from_base")), None),
                Text(
                    credit,
                    style=self.get_component_rich_style(f"scorecard--{credit_part}", partial=True)
                    if credit_part
                    else "",
                ),
                self._count(stats.get("quotes_altered"), "alert"),
                self._count(len(version.findings), "alert" if majors else "warn"),
                self._count(stats.get("substantive"), "warn"),
                self._count(stats.get("facts"), "warn"),
                self._count(stats.get("cut")),
                self._count(stats.get("added")),
                self._count(stats.get("moved")),
                self._count(stats.get("split")),
                self._count(stats.get("merged")),
                self._count(stats.get("edited")),
                key=str(index),
            )
        if self.row_count:
            self.move_cursor(row=min(max(cursor, 0), self.row_count - 1))


def version_details(comparison: Comparison, index: int) -> Text:
    """Plain-language summary of one version, followed by its findings, most severe first."""
    version = comparison.versions[index]
    stats = version.stats
    article = version.article
    text = Text()
    text.append(f"{index + 1}  {article.name}\n", style="bold")
    if article.headline:
        text.append(article.headline + "\n", style="italic")
    text.append(
        f"Keeps {percent(stats.get('base_kept'))} of the wire; "
        f"{percent(stats.get('taken_from_base'))} of its own text comes from the wire.\n"
    )
    body = sum(1 for p in article.paragraphs if p.kind in (ParagraphKind.BODY, ParagraphKind.SUBHEAD))
    text.append(
        f"{body} body paragraphs: {stats.get('equal', 0)} unchanged, {stats.get('edited', 0)} edited, "
        f"{stats.get('cut', 0)} cut, {stats.get('added', 0)} added, {stats.get('moved', 0)} moved, "
        f"{stats.get('split', 0)} split, {stats.get('merged', 0)} merged, {stats.get('partial', 0)} partly reused.\n"
    )
    changes = stats.get("changes") or {}
    noise = ", ".join(f"{name} {count}" for name, count in changes.items() if name != "substantive" and count)
    text.append(
        f"{plural(stats.get('substantive', 0), 'substantive word change')} "
        f"({plural(stats.get('facts', 0), 'touching a fact', 'touching facts')})"
        + (f"; noise: {noise}" if noise else "")
        + ".\n"
    )
    credit = credit_status(comparison.base.credit, version)
    wire_credit = comparison.base.credit or "none"
    credit_line = {
        "kept": f"Credit kept ({article.credit or wire_credit})",
        "dropped": f"Credit DROPPED (the wire credits {wire_credit})",
        "added": f"Credit added ({article.credit})",
        "none": "No credit in either",
        "own story": f"An independent story: it credits {wire_credit} nowhere, and lifts too little to owe it",
        "uncredited lift": f"UNCREDITED LIFT: it takes a substantial share of the wire and credits {wire_credit} nowhere",
    }[credit]
    text.append(f"{str(version.relation).capitalize()}. ", style="italic")
    text.append(credit_line, style="bold" if credit in ("dropped", "uncredited lift") else "")
    if article.byline:
        text.append(f"; byline: {article.byline}")
    text.append(".\n\n")
    if not version.findings:
        text.append("No findings: quotes, attributions, bylines and credit unchanged.\n", style="italic")
        return text
    text.append(f"Findings ({len(version.findings)})\n", style="bold underline")
    for finding in version.findings:
        text.append(f"{SEVERITY_MARKERS[finding.severity]} {finding.severity.value:<5} ", style="bold")
        label = paragraph_label(finding)
        if label:
            text.append(f"{label}  ", style="dim")
        text.append(finding.message)
        text.append("\n")
    return text


class OverviewScreen(Screen[int | None]):
    """Scorecard of every version; Enter returns to the reader focused on the highlighted version."""

    DEFAULT_CSS = """
    OverviewScreen { layout: vertical; }
    OverviewScreen #overview-title { height: auto; padding: 0 1; background: $panel; color: $text; }
    OverviewScreen #overview-details { height: 1fr; padding: 0 1 0 2; border-top: solid $primary 50%; }
    """

    BINDINGS = [
        Binding("escape,o", "close", "Back to reader", id="overview.close"),
        Binding("enter", "choose", "Read this version", id="overview.choose", show=True, priority=True),
    ]

    def __init__(self, comparison: Comparison, current: int = 0) -> None:
        super().__init__()
        self.comparison = comparison
        self.current = current

    def compose(self) -> ComposeResult:
        base = self.comparison.base
        title = Text()
        title.append("Overview", style="bold")
        title.append(f"  wire: {base.name}, {len(base.paragraphs)} paragraphs")
        if base.credit:
            title.append(f", credit {base.credit}")
        title.append(f"  ·  {len(self.comparison.versions)} versions")
        yield Static(title, id="overview-title")
        yield Scorecard(self.comparison, id="overview-table")
        with VerticalScroll(id="overview-details"):
            yield Static(id="overview-details-text")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(Scorecard)
        if self.comparison.versions:
            table.move_cursor(row=min(max(self.current, 0), len(self.comparison.versions) - 1))
        table.focus()
        self._show_details(table.cursor_row)

    def _show_details(self, index: int) -> None:
        widget = self.query_one("#overview-details-text", Static)
        if 0 <= index < len(self.comparison.versions):
            widget.update(version_details(self.comparison, index))
        else:
            widget.update(Text("No versions to compare."))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_details(event.cursor_row)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.dismiss(event.cursor_row)

    def action_choose(self) -> None:
        table = self.query_one(Scorecard)
        self.dismiss(table.cursor_row if table.row_count else None)

    def action_close(self) -> None:
        self.dismiss(None)
