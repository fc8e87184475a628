"""Small hand-made comparisons and a host app for testing the UI extras without the main reader app."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Static

from reader.model import (
    Article,
    Category,
    Comparison,
    Finding,
    FindingKind,
    Op,
    Paragraph,
    Row,
    RowKind,
    Segment,
    Severity,
    VersionComparison,
)
from reader.ui.theming import READER_VARIABLE_DEFAULTS


def article(name: str, texts: list[str], credit: str | None = None) -> Article:
    return Article(name, tuple(Paragraph(i, t) for i, t in enumerate(texts)), credit=credit)


def small_comparison() -> Comparison:
    """A wire of four paragraphs and two versions: one trimmed with a fact change, one with an altered quote."""
    base = article("wire.txt", ["Lede one.", "Two said.", "Three has 40 ships.", "Four."], credit="Agency")
    trimmed = article("trimmed.txt", ["Lede one.", "Two said.", "Three has 60 ships."], credit=None)
    quotes = article("quotes.txt", ["Lede one.", "New bit.", "Two said loudly.", "Three has 40 ships.", "Four."],
                     credit="Agency")
    fact_change = (
        Segment(Op.EQUAL, "Three has ", "Three has "),
        Segment(Op.REPLACE, "40", "60", Category.SUBSTANTIVE, fact=True),
        Segment(Op.EQUAL, " ships.", " ships."),
    )
    trimmed_rows = (
        Row(RowKind.EQUAL, (0,), (0,), 1.0, (Segment(Op.EQUAL, "Lede one.", "Lede one."),)),
        Row(RowKind.EQUAL, (1,), (1,), 1.0, (Segment(Op.EQUAL, "Two said.", "Two said."),)),
        Row(RowKind.EDITED, (2,), (2,), 0.9, fact_change),
        Row(RowKind.DELETED, (3,), ()),
    )
    quote_rows = (
        Row(RowKind.EQUAL, (0,), (0,), 1.0),
        Row(RowKind.INSERTED, (), (1,)),
        Row(RowKind.EDITED, (1,), (2,), 0.8, (
            Segment(Op.EQUAL, "Two said", "Two said"),
            Segment(Op.INSERT, "", " loudly", Category.SUBSTANTIVE),
            Segment(Op.EQUAL, ".", "."),
        )),
        Row(RowKind.EQUAL, (2,), (3,), 1.0),
        Row(RowKind.EQUAL, (3,), (4,), 1.0),
    )
    finding = Finding(FindingKind.QUOTE_ALTERED, Severity.MAJOR, (1,), (2,), "Two said.", "Two said loudly.",
                      "quote altered: 'loudly' added")
    trimmed_stats = {"base_kept": 0.75, "taken_from_base": 1.0, "cut": 1, "added": 0, "moved": 0, "split": 0,
                     "merged": 0, "edited": 1, "equal": 2, "substantive": 1, "facts": 1, "quotes_altered": 0,
                     "findings": 0, "credit_present": False}
    quote_stats = {"base_kept": 1.0, "taken_from_base": 0.9, "cut": 0, "added": 1, "moved": 0, "split": 0,
                   "merged": 0, "edited": 1, "equal": 3, "substantive": 1, "facts": 0, "quotes_altered": 1,
                   "findings": 1, "credit_present": True}
    return Comparison(
        base,
        (
            VersionComparison(trimmed, trimmed_rows, (), trimmed_stats),
            VersionComparison(quotes, quote_rows, (finding,), quote_stats),
        ),
        "2026-11-21T10:00:00+00:00",
    )


class HostApp(App):
    """Bare app with the reader's theme variables and one remappable binding."""

    BINDINGS = [Binding("x", "mark", "Mark", id="host.mark")]

    def __init__(self, widget_factory=None) -> None:
        super().__init__()
        self.widget_factory = widget_factory
        self.marked = 0
        self.results: list = []

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return {**super().get_theme_variable_defaults(), **READER_VARIABLE_DEFAULTS}

    def compose(self) -> ComposeResult:
        yield self.widget_factory() if self.widget_factory else Static("host")
        yield Footer()

    def action_mark(self) -> None:
        self.marked += 1


def run(coroutine):
    """Run an async Pilot test body (keeps the suite free of an async pytest plugin)."""
    import asyncio

    return asyncio.run(coroutine)


def _segments(*parts) -> tuple[Segment, ...]:
    """("same text",) is an equal run; (op, base, other, category[, fact]) a change."""
    built = []
    for part in parts:
        if isinstance(part, str):
            built.append(Segment(Op.EQUAL, part, part))
        else:
            op, old, new, category, *fact = part
            built.append(Segment(op, old, new, category, bool(fact and fact[0])))
    return tuple(built)


def snapshot_comparison() -> Comparison:
    """A fixed three-version story for snapshots: they then show the UI, not the current state of the core."""
    lede = "Dock workers at Port Alder voted on Thursday to extend their strike by another 10 days."
    quote = "\u201cOur members have spoken,\u201d said Maria Velasquez, the union\u2019s regional secretary."
    ships = "More than 40 cargo ships are waiting at anchor offshore, the harbour authority said."
    talks = "Talks with the terminal operators broke down late on Wednesday."
    base = Article("wire.txt", tuple(Paragraph(i, t) for i, t in enumerate([lede, quote, ships, talks])),
                   headline=None, credit="Meridian")
    trimmed_texts = [lede, quote.replace("spoken", "decided"), ships.replace("40", "60").replace("harbour", "harbor")]
    trimmed = Article("trimmed.txt", tuple(Paragraph(i, t) for i, t in enumerate(trimmed_texts)))
    moved_texts = [lede, talks, quote, ships]
    moved = Article("moved.txt", tuple(Paragraph(i, t) for i, t in enumerate(moved_texts)), credit="Meridian")
    trimmed_rows = (
        Row(RowKind.EQUAL, (0,), (0,), 1.0, _segments(lede)),
        Row(RowKind.EDITED, (1,), (1,), 0.9, _segments(
            "\u201cOur members have ", (Op.REPLACE, "spoken", "decided", Category.SUBSTANTIVE),
            ",\u201d said Maria Velasquez, the union\u2019s regional secretary.")),
        Row(RowKind.EDITED, (2,), (2,), 0.9, _segments(
            "More than ", (Op.REPLACE, "40", "60", Category.SUBSTANTIVE, True),
            " cargo ships are waiting at anchor offshore, the ", (Op.REPLACE, "harbour", "harbor", Category.SPELLING),
            " authority said.")),
        Row(RowKind.DELETED, (3,), ()),
    )
    moved_rows = (
        Row(RowKind.EQUAL, (0,), (0,), 1.0, _segments(lede)),
        Row(RowKind.EQUAL, (1,), (2,), 1.0, _segments(quote)),
        Row(RowKind.EQUAL, (2,), (3,), 1.0, _segments(ships)),
        Row(RowKind.MOVED, (3,), (1,), 1.0, _segments(talks)),
    )
    altered = Finding(FindingKind.QUOTE_ALTERED, Severity.MAJOR, (1,), (1,), quote, trimmed_texts[1],
                      "Quote by Velasquez altered: 'spoken' became 'decided'")
    credit = Finding(FindingKind.CREDIT_REMOVED, Severity.MAJOR, (), (), "Meridian", None,
                     "Agency credit removed: 'Meridian'")
    stats = {"base_kept": 0.7, "taken_from_base": 0.95, "cut": 1, "added": 0, "moved": 0, "split": 0,
             "merged": 0, "partial": 0, "edited": 2, "equal": 1, "substantive": 2, "facts": 1,
             "quotes_altered": 1, "findings": 2, "credit_present": False,
             "changes": {"typography": 0, "punctuation": 0, "spelling": 1, "style": 0, "substantive": 2}}
    moved_stats = {**stats, "base_kept": 1.0, "taken_from_base": 1.0, "cut": 0, "moved": 1, "edited": 0, "equal": 3,
                   "substantive": 0, "facts": 0, "quotes_altered": 0, "findings": 0, "credit_present": True,
                   "changes": {"typography": 0, "punctuation": 0, "spelling": 0, "style": 0, "substantive": 0}}
    return Comparison(
        base,
        (
            VersionComparison(trimmed, trimmed_rows, (altered, credit), stats),
            VersionComparison(moved, moved_rows, (), moved_stats),
        ),
        "2026-11-21T10:00:00+00:00",
    )


def fixed_reader(monkeypatch, comparison: Comparison, **options):
    """A ReaderApp whose analysis returns ``comparison`` (whatever the core would compute today)."""
    from reader.ui import app as app_module

    monkeypatch.setattr(app_module, "compare", lambda *args, **kwargs: comparison)
    articles = [comparison.base, *(v.article for v in comparison.versions)]
    return app_module.ReaderApp(articles, **options)
